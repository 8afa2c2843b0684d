#include "privacy/PrivacyExport.h"

#include "account/StoredTime.h"
#include "audit/AuditLog.h"
#include "audit/MemberPseudonym.h"
#include "money/MoneyFormatter.h"
#include "staff/ManagerGuard.h"
#include "staff/StaffSession.h"
#include "store/Database.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "time/Clock.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QVariant>

namespace loyalty {

namespace {

QJsonValue jsonOf(const QVariant& value)
{
    if (value.isNull())
        return QJsonValue::Null;
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return value.toLongLong();
    case QMetaType::Double:
        return value.toDouble();
    default:
        return value.toString();
    }
}

const QString kSalesColumns = QStringLiteral("id, uuid, till_id, card_number, currency, total_minor, discount_minor,"
                                             " eligible_minor, points_earned, completed_at, programme_version");

}  // namespace

PrivacyExport::PrivacyExport(Database& database, const Clock& clock, const TillSettings& settings)
    : m_database(database)
    , m_clock(clock)
    , m_settings(settings)
{
}

Result<QJsonArray> PrivacyExport::rows(const QString& sql, const QVariantList& values) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(sql);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return StoreError::from(query.lastError());
    QJsonArray result;
    while (query.next()) {
        const QSqlRecord record = query.record();
        QJsonObject row;
        for (int i = 0; i < record.count(); ++i)
            row.insert(record.fieldName(i), jsonOf(query.value(i)));
        result.append(row);
    }
    return result;
}

Result<QJsonObject> PrivacyExport::readMember(qint64 memberId) const
{
    const auto member = rows(QStringLiteral("SELECT m.id, m.uuid, m.name, m.email, m.phone, m.birth_date,"
                                            " m.enrolled_at, m.erased_at, t.uuid AS merged_into_uuid,"
                                            " r.uuid AS referred_by_uuid FROM members m"
                                            " LEFT JOIN members t ON t.id = m.merged_into"
                                            " LEFT JOIN members r ON r.id = m.referred_by WHERE m.id = ?"),
                             {memberId});
    if (!member)
        return member.error();
    if (member->isEmpty()) {
        return Error{Error::Code::NotFound, tr("There is no member %1 on this till.").arg(memberId),
                     QStringLiteral("unknown_member")};
    }
    return member->first().toObject();
}

Result<QJsonArray> PrivacyExport::readSales(qint64 memberId) const
{
    auto sales =
        rows(QStringLiteral("SELECT %1 FROM sales WHERE member_id = ? ORDER BY completed_at, id").arg(kSalesColumns),
             {memberId});
    if (!sales)
        return sales;
    QJsonArray result;
    for (const QJsonValue& value : std::as_const(*sales)) {
        QJsonObject sale = value.toObject();
        const qint64 saleId = sale.value(QStringLiteral("id")).toInteger();
        const auto lines = rows(QStringLiteral("SELECT line_no, ean, name, quantity, unit_price_minor,"
                                               " line_total_minor, paid_minor, earns_points FROM sale_lines"
                                               " WHERE sale_id = ? ORDER BY line_no"),
                                {saleId});
        if (!lines)
            return lines.error();
        const auto effects = rows(QStringLiteral("SELECT effect_no, rule_id, kind, account, amount, discount_minor,"
                                                 " code, explanation FROM sale_effects WHERE sale_id = ?"
                                                 " ORDER BY effect_no"),
                                  {saleId});
        if (!effects)
            return effects.error();
        auto returns = rows(QStringLiteral("SELECT id, uuid, refund_minor, created_at FROM sale_returns"
                                           " WHERE sale_id = ? ORDER BY id"),
                            {saleId});
        if (!returns)
            return returns.error();
        QJsonArray returnsJson;
        for (const QJsonValue& r : std::as_const(*returns)) {
            QJsonObject saleReturn = r.toObject();
            const auto returnLines = rows(QStringLiteral("SELECT line_no, quantity, refund_minor FROM return_lines"
                                                         " WHERE return_id = ? ORDER BY line_no"),
                                          {saleReturn.value(QStringLiteral("id")).toInteger()});
            if (!returnLines)
                return returnLines.error();
            saleReturn.insert(QStringLiteral("lines"), *returnLines);
            returnsJson.append(saleReturn);
        }
        sale.insert(QStringLiteral("lines"), *lines);
        sale.insert(QStringLiteral("effects"), *effects);
        sale.insert(QStringLiteral("returns"), returnsJson);
        result.append(sale);
    }
    return result;
}

Result<MemberExport> PrivacyExport::exportMember(const StaffSession& by, qint64 memberId, const QLocale& locale)
{
    const QSqlDatabase db = m_database.connection();
    if (auto manager = ManagerGuard(db).requireManager(by); !manager)
        return manager.error();
    const QString now = m_clock.nowIso();
    // One write transaction: the data read and the audit entry recording its export agree.
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();

    auto member = readMember(memberId);
    if (!member)
        return member.error();
    const QString uuid = member->value(QStringLiteral("uuid")).toString();
    QJsonObject document{{QStringLiteral("format"), kFormat},
                         {QStringLiteral("version"), kFormatVersion},
                         {QStringLiteral("exported_at"), now},
                         {QStringLiteral("till_id"), m_settings.tillId},
                         {QStringLiteral("till_name"), m_settings.tillName},
                         {QStringLiteral("member"), *member}};

    struct Section
    {
        const char* key;
        QString sql;
    };
    const QList<Section> sections{
        {"cards", QStringLiteral("SELECT number, state, kind, issued_at, replaced_by FROM cards WHERE member_id = ?"
                                 " ORDER BY issued_at, number")},
        {"consents", QStringLiteral("SELECT purpose, given, text_version, recorded_at FROM consents"
                                    " WHERE member_id = ? ORDER BY id")},
        {"balances", QStringLiteral("SELECT account, sum(points) AS balance FROM ledger_entries WHERE member_id = ?"
                                    " GROUP BY account ORDER BY account")},
        {"ledger", QStringLiteral("SELECT e.id, e.created_at, e.kind, e.account, e.points AS amount, e.reason,"
                                  " e.explanation, e.expires_on, s.uuid AS sale_uuid, r.uuid AS return_uuid,"
                                  " e.origin_key FROM ledger_entries e LEFT JOIN sales s ON s.id = e.sale_id"
                                  " LEFT JOIN sale_returns r ON r.id = e.return_id WHERE e.member_id = ?"
                                  " ORDER BY e.id")},
        {"remote_sales", QStringLiteral("SELECT uuid, till_id, completed_at, eligible_minor, refunded_eligible_minor"
                                        " FROM remote_sales WHERE member_id = ? ORDER BY completed_at, uuid")},
        {"coupon_uses",
         QStringLiteral("SELECT c.code, s.uuid AS sale_uuid, c.used_at FROM coupon_uses c"
                        " LEFT JOIN sales s ON s.id = c.sale_id"
                        " WHERE c.member_id = ? OR c.sale_id IN (SELECT id FROM sales WHERE member_id = ?)"
                        " ORDER BY c.used_at, c.code")},
        {"segments", QStringLiteral("SELECT segment FROM member_segments WHERE member_id = ? ORDER BY segment")},
        {"feedback_answers", QStringLiteral("SELECT s.uuid AS sale_uuid, f.answered_at FROM feedback_answers f"
                                            " LEFT JOIN sales s ON s.id = f.sale_id WHERE f.member_id = ?"
                                            " ORDER BY f.answered_at")},
    };
    for (const Section& section : sections) {
        QVariantList values{memberId};
        if (section.sql.count(u'?') == 2)
            values << memberId;
        const auto found = rows(section.sql, values);
        if (!found)
            return found.error();
        document.insert(QString::fromLatin1(section.key), *found);
    }
    auto sales = readSales(memberId);
    if (!sales)
        return sales.error();
    document.insert(QStringLiteral("sales"), *sales);

    const auto referred =
        rows(QStringLiteral("SELECT count(*) AS members FROM members WHERE referred_by = ?"), {memberId});
    if (!referred)
        return referred.error();
    document.insert(QStringLiteral("referrals"),
                    QJsonObject{{QStringLiteral("referred_by_uuid"), member->value(QStringLiteral("referred_by_uuid"))},
                                {QStringLiteral("members_referred"),
                                 referred->first().toObject().value(QStringLiteral("members"))}});

    const auto ref = MemberPseudonym(db).of(uuid);
    if (!ref)
        return ref.error();
    // What staff did about the member (corrections, erasure, earlier exports), without staff names.
    QJsonArray audit;
    AuditLog log(db);
    qint64 beforeSeq = 0;
    for (;;) {
        const auto entries = log.list(500, beforeSeq, *ref);
        if (!entries)
            return entries.error();
        for (const AuditEntry& entry : *entries) {
            audit.append(QJsonObject{{QStringLiteral("recorded_at"), entry.recordedAt},
                                     {QStringLiteral("action"), entry.action},
                                     {QStringLiteral("reason"), entry.reason},
                                     {QStringLiteral("before"), entry.before},
                                     {QStringLiteral("after"), entry.after}});
            beforeSeq = entry.seq;
        }
        if (entries->size() < 500)
            break;
    }
    document.insert(QStringLiteral("audit"), audit);

    const QJsonObject after{{QStringLiteral("format"), kFormat}, {QStringLiteral("version"), kFormatVersion}};
    const auto entry = log.append(by, AuditLog::kMemberExported, *ref, QString(), {}, after, now);
    if (!entry)
        return entry.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return MemberExport{uuid, QJsonDocument(document), summaryOf(document, locale)};
}

QString PrivacyExport::summaryOf(const QJsonObject& document, const QLocale& locale)
{
    const QJsonObject member = document.value(QStringLiteral("member")).toObject();
    const auto text = [&](const char* key) {
        const QString value = member.value(QString::fromLatin1(key)).toString();
        return value.isEmpty() ? tr("(not given)") : value;
    };
    const auto instant = [&](const QJsonValue& stored) {
        const QDateTime at = StoredTime::parseInstant(stored.toString());
        return at.isValid() ? locale.toString(at.toLocalTime(), QLocale::ShortFormat) : tr("(unknown)");
    };
    QStringList lines;
    lines << tr("Data stored about member %1").arg(member.value(QStringLiteral("uuid")).toString());
    lines << tr("Exported at %1 by till %2")
                 .arg(instant(document.value(QStringLiteral("exported_at"))),
                      document.value(QStringLiteral("till_name")).toString());
    lines << QString();
    if (!member.value(QStringLiteral("erased_at")).isNull()) {
        lines << tr("Erased on request at %1: name, contact details and birthday are no longer stored.")
                     .arg(instant(member.value(QStringLiteral("erased_at"))));
    }
    lines << tr("Name: %1").arg(text("name"));
    lines << tr("E-mail: %1").arg(text("email"));
    lines << tr("Phone: %1").arg(text("phone"));
    const QDate birth = StoredTime::parseDay(member.value(QStringLiteral("birth_date")).toString());
    lines << tr("Birthday: %1").arg(birth.isValid() ? locale.toString(birth, QLocale::ShortFormat) : tr("(not given)"));
    lines << tr("Member since: %1").arg(instant(member.value(QStringLiteral("enrolled_at"))));

    lines << QString() << tr("Cards:");
    for (const QJsonValue& value : document.value(QStringLiteral("cards")).toArray()) {
        const QJsonObject card = value.toObject();
        const QString state = card.value(QStringLiteral("state")).toString();
        const QString stateText = state == u"active"    ? tr("active")
                                  : state == u"blocked" ? tr("blocked")
                                                        : tr("replaced");
        lines << tr("  %1 (%2), issued %3")
                     .arg(card.value(QStringLiteral("number")).toString(), stateText,
                          instant(card.value(QStringLiteral("issued_at"))));
    }

    lines << QString() << tr("Consents:");
    for (const QJsonValue& value : document.value(QStringLiteral("consents")).toArray()) {
        const QJsonObject consent = value.toObject();
        const bool given = consent.value(QStringLiteral("given")).toInteger() != 0;
        //: %1 the purpose ("programme", "marketing"), %2 given or withdrawn, %3 the text version, %4 the time
        lines << tr("  %1: %2 (text %3) at %4")
                     .arg(consent.value(QStringLiteral("purpose")).toString(), given ? tr("given") : tr("withdrawn"),
                          consent.value(QStringLiteral("text_version")).toString(),
                          instant(consent.value(QStringLiteral("recorded_at"))));
    }

    lines << QString() << tr("Balances:");
    const QString currency = document.value(QStringLiteral("sales")).toArray().isEmpty()
                                 ? QString()
                                 : document.value(QStringLiteral("sales"))
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QStringLiteral("currency"))
                                       .toString();
    const MoneyFormatter money(locale);
    for (const QJsonValue& value : document.value(QStringLiteral("balances")).toArray()) {
        const QJsonObject balance = value.toObject();
        const QString account = balance.value(QStringLiteral("account")).toString();
        const qint64 amount = balance.value(QStringLiteral("balance")).toInteger();
        if (account == u"points")
            lines << tr("  Points: %1").arg(locale.toString(amount));
        else if (account == u"wallet" && !currency.isEmpty())
            lines << tr("  Wallet: %1").arg(money.format(Money(amount, currency)));
        else
            lines << tr("  %1: %2").arg(account, locale.toString(amount));
    }

    const QJsonArray sales = document.value(QStringLiteral("sales")).toArray();
    qint64 total = 0;
    int returns = 0;
    for (const QJsonValue& value : sales) {
        total += value.toObject().value(QStringLiteral("total_minor")).toInteger();
        returns += static_cast<int>(value.toObject().value(QStringLiteral("returns")).toArray().size());
    }
    lines << QString();
    QString purchases = tr("%n purchase(s) at this till", nullptr, static_cast<int>(sales.size()));
    if (!currency.isEmpty())
        purchases += tr(", %1 in total").arg(money.format(Money(total, currency)));
    lines << purchases;
    lines << tr("%n return(s)", nullptr, returns);
    lines << tr("%n purchase(s) at other tills", nullptr,
                static_cast<int>(document.value(QStringLiteral("remote_sales")).toArray().size()));
    lines << tr("%n ledger entry(s)", nullptr,
                static_cast<int>(document.value(QStringLiteral("ledger")).toArray().size()));
    lines << tr("%n coupon(s) used", nullptr,
                static_cast<int>(document.value(QStringLiteral("coupon_uses")).toArray().size()));
    lines << tr("%n feedback answer(s)", nullptr,
                static_cast<int>(document.value(QStringLiteral("feedback_answers")).toArray().size()));
    QStringList segments;
    for (const QJsonValue& value : document.value(QStringLiteral("segments")).toArray())
        segments << value.toObject().value(QStringLiteral("segment")).toString();
    lines << tr("Segments: %1").arg(segments.isEmpty() ? tr("(none)") : segments.join(QStringLiteral(", ")));
    const QJsonObject referrals = document.value(QStringLiteral("referrals")).toObject();
    lines << tr("Referred by another member: %1")
                 .arg(referrals.value(QStringLiteral("referred_by_uuid")).isNull() ? tr("no") : tr("yes"));
    lines << tr("%n member(s) referred", nullptr,
                static_cast<int>(referrals.value(QStringLiteral("members_referred")).toInteger()));
    lines << tr("%n action(s) of staff recorded in the audit log", nullptr,
                static_cast<int>(document.value(QStringLiteral("audit")).toArray().size()));
    return lines.join(u'\n') + u'\n';
}

}  // namespace loyalty
