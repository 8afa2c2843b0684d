#include "sync/client/SyncEndpoint.h"

#include "settings/SettingsRepository.h"
#include "settings/TillSettings.h"
#include "sync/SyncSettingKeys.h"

#include <QHostAddress>

namespace loyalty::sync {

Result<SyncEndpoint> SyncEndpoint::load(const QSqlDatabase& db)
{
    const SettingsRepository settings(db);
    const auto text = [&settings](const QString& key) -> Result<QString> {
        const auto stored = settings.value(key);
        if (!stored)
            return stored.error();
        return stored->value_or(QString());
    };
    SyncEndpoint endpoint;
    const auto url = text(kHqUrlKey);
    if (!url)
        return url.error();
    if (url->isEmpty()) {
        return Error{
            Error::Code::NotFound,
            tr("This till is not connected to a head office yet; provision it with \"loyalty-ctl provision\"."),
            QStringLiteral("not_provisioned")};
    }
    endpoint.url = QUrl(*url, QUrl::StrictMode);
    for (const auto& [key, target] : {std::pair{kCaFileKey, &endpoint.caFile}, std::pair{kPinKey, &endpoint.pin}}) {
        const auto value = text(key);
        if (!value)
            return value.error();
        *target = *value;
    }
    const auto plain = text(kAllowPlainLoopbackKey);
    if (!plain)
        return plain.error();
    endpoint.allowPlainLoopback = *plain == QLatin1String("1");
    const auto secret = text(kTillSecretKey);
    if (!secret)
        return secret.error();
    endpoint.secret = QByteArray::fromBase64(secret->toLatin1());
    if (!endpoint.secret.isEmpty()) {
        const auto tillId = text(TillSettings::kTillId);
        if (!tillId)
            return tillId.error();
        endpoint.tillId = *tillId;
    }
    const auto offset = text(kClockOffsetKey);
    if (!offset)
        return offset.error();
    endpoint.clockOffsetSeconds = offset->toLongLong();  // absent or unreadable: no correction
    return endpoint;
}

bool SyncEndpoint::isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Result<Done> SyncEndpoint::checkTransport(const QUrl& url, bool allowPlainLoopback)
{
    if (!url.isValid() || url.host().isEmpty()) {
        return Error{Error::Code::InvalidInput,
                     tr("\"%1\" is not a head-office address; it looks like https://hq.example:8443.")
                         .arg(url.toDisplayString()),
                     QStringLiteral("bad_url")};
    }
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return Done{};
    if (scheme != QLatin1String("http")) {
        return Error{Error::Code::InvalidInput, tr("Head office is reached over https, not \"%1\".").arg(url.scheme()),
                     QStringLiteral("bad_url")};
    }
    if (!allowPlainLoopback) {
        return Error{Error::Code::Refused,
                     tr("Plain http to head office is refused; use https (plain http is for development on this "
                        "machine only, with --allow-plain-loopback)."),
                     QStringLiteral("plain_http_refused")};
    }
    if (!isLoopbackHost(url.host())) {
        return Error{Error::Code::Refused,
                     tr("Plain http is allowed only to this machine (a loopback address), not to %1; use https.")
                         .arg(url.host()),
                     QStringLiteral("plain_http_refused")};
    }
    return Done{};
}

}  // namespace loyalty::sync
