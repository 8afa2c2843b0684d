#include "settings/TillIdentityEditor.h"

#include "audit/AuditLog.h"
#include "money/CurrencyInfo.h"
#include "settings/SettingsRepository.h"
#include "settings/TillSettings.h"
#include "staff/ManagerGuard.h"
#include "staff/StaffSession.h"
#include "store/Database.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "sync/SyncSettingKeys.h"
#include "sync/client/SyncEndpoint.h"
#include "time/Clock.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QUrl>

namespace loyalty {

namespace {

Error invalid(const QString& message, const QString& reason)
{
    return Error{Error::Code::InvalidInput, message, reason};
}

}  // namespace

TillIdentityEditor::TillIdentityEditor(Database& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<TillIdentityEditor::Identity> TillIdentityEditor::read() const
{
    const SettingsRepository settings(m_database.connection());
    Identity identity;
    for (const auto& [key, target] : {std::pair{&TillSettings::kTillName, &identity.tillName},
                                      std::pair{&TillSettings::kCurrency, &identity.currency},
                                      std::pair{&sync::kHqUrlKey, &identity.headOfficeUrl}}) {
        const auto stored = settings.value(*key);
        if (!stored)
            return stored.error();
        *target = stored->value_or(QString());
    }
    return identity;
}

Result<bool> TillIdentityEditor::currencyLocked() const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM sales)"));
    if (!query.exec() || !query.next())
        return StoreError::from(query.lastError());
    return query.value(0).toBool();
}

Result<QString> TillIdentityEditor::checkTillName(const QString& name)
{
    const QString trimmed = name.simplified();
    if (trimmed.isEmpty())
        return invalid(tr("The till needs a name, for example \"Till 1\"."), QStringLiteral("till_name_blank"));
    if (trimmed.size() > kMaxTillNameLength)
        return invalid(tr("The till's name may have at most %1 characters.").arg(kMaxTillNameLength),
                       QStringLiteral("till_name_too_long"));
    return trimmed;
}

Result<QString> TillIdentityEditor::checkCurrency(const QString& code)
{
    const QString upper = code.trimmed().toUpper();
    if (!CurrencyInfo::isKnown(upper))
        return invalid(tr("\"%1\" is not a currency this till knows (for example EUR, CHF, GBP).").arg(code.trimmed()),
                       QStringLiteral("currency_unknown"));
    return upper;
}

Result<QString> TillIdentityEditor::checkHeadOfficeUrl(const QString& url)
{
    const QString trimmed = url.trimmed();
    const QUrl parsed(trimmed, QUrl::StrictMode);
    const auto example = [&trimmed] {
        return invalid(tr("\"%1\" is not a head-office address; it looks like https://hq.example:8443.").arg(trimmed),
                       QStringLiteral("bad_url"));
    };
    if (trimmed.isEmpty() || !parsed.isValid() || parsed.host().isEmpty() || parsed.hasQuery() ||
        parsed.hasFragment() || !parsed.userInfo().isEmpty())
        return example();
    // A new address is always https: plain http to a loopback head office is for development and
    // is set up with loyalty-ctl provision --allow-plain-loopback, never from the till's screen.
    if (auto transport = sync::SyncEndpoint::checkTransport(parsed, false); !transport)
        return transport.error();
    // Stored without a trailing slash, as provisioning stores it: the path prefixes every request.
    QUrl normal = parsed;
    if (normal.path() == QLatin1String("/"))
        normal.setPath(QString());
    return normal.toString(QUrl::StripTrailingSlash);
}

Result<TillIdentityEditor::Identity> TillIdentityEditor::save(const StaffSession& by, const Identity& identity)
{
    const QSqlDatabase db = m_database.connection();
    if (auto manager = ManagerGuard(db).requireManager(by); !manager)
        return manager.error();
    const auto name = checkTillName(identity.tillName);
    if (!name)
        return name.error();

    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    const auto stored = read();
    if (!stored)
        return stored.error();
    Identity saved = *stored;
    saved.tillName = *name;

    if (identity.currency.trimmed().toUpper() != stored->currency) {
        const auto currency = checkCurrency(identity.currency);
        if (!currency)
            return currency.error();
        const auto locked = currencyLocked();
        if (!locked)
            return locked.error();
        if (*locked)
            return Error{Error::Code::Refused,
                         tr("The currency cannot change any more: this till has sales in %1 already. A till with "
                            "another currency needs a new till database.")
                             .arg(stored->currency),
                         QStringLiteral("currency_locked")};
        saved.currency = *currency;
    }

    // The address is checked only when it changes, so a till provisioned for development (plain http
    // to this machine) can still rename itself.
    if (identity.headOfficeUrl.trimmed() != stored->headOfficeUrl) {
        const auto url = checkHeadOfficeUrl(identity.headOfficeUrl);
        if (!url)
            return url.error();
        saved.headOfficeUrl = *url;
    }

    if (saved == *stored)
        return saved;

    SettingsRepository settings(db);
    QJsonObject before;
    QJsonObject after;
    for (const auto& [key, was, now] : {std::tuple{TillSettings::kTillName, stored->tillName, saved.tillName},
                                        std::tuple{TillSettings::kCurrency, stored->currency, saved.currency},
                                        std::tuple{sync::kHqUrlKey, stored->headOfficeUrl, saved.headOfficeUrl}}) {
        if (was == now)
            continue;
        if (auto written = settings.setValue(key, now); !written)
            return written.error();
        before.insert(key, was);
        after.insert(key, now);
    }
    if (auto audited =
            AuditLog(db).append(by, kIdentityChangedAction, QString(), QString(), before, after, m_clock.nowIso());
        !audited)
        return audited.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return saved;
}

}  // namespace loyalty
