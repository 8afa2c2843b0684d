#include "admin/HqReports.h"

#include "store/HqDatabase.h"
#include "store/HqStoreError.h"
#include "tills/TillRegistry.h"

#include <QSqlQuery>

namespace loyalty::hq {

HqReports::HqReports(HqDatabase& database)
    : m_database(database)
{
}

Result<HqBalance> HqReports::balance(const QString& cardNumber)
{
    QSqlQuery card(m_database.connection());
    card.prepare(QStringLiteral("SELECT c.state, m.uuid, m.name FROM cards c JOIN members m ON m.uuid = c.member_uuid"
                                " WHERE c.number = ?"));
    card.bindValue(0, cardNumber);
    if (!card.exec())
        return HqStoreError::from(card.lastError());
    if (!card.next()) {
        return Error{Error::Code::NotFound, tr("Head office knows no card %1.").arg(cardNumber.left(64)),
                     QStringLiteral("unknown_card")};
    }
    HqBalance balance{cardNumber, card.value(0).toString(), card.value(1).toString(), card.value(2).toString(), {}};
    QSqlQuery accounts(m_database.connection());
    accounts.prepare(QStringLiteral("SELECT account, CAST(sum(points) AS BIGINT) FROM ledger WHERE member_uuid = ?"
                                    " GROUP BY account ORDER BY account"));
    accounts.bindValue(0, balance.memberUuid);
    if (!accounts.exec())
        return HqStoreError::from(accounts.lastError());
    while (accounts.next())
        balance.accounts.insert(accounts.value(0).toString(), accounts.value(1).toLongLong());
    return balance;
}

Result<qint64> HqReports::count(const QString& statement)
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(statement) || !query.next())
        return HqStoreError::from(query.lastError());
    return query.value(0).toLongLong();
}

Result<HqReports::Statistics> HqReports::statistics()
{
    Statistics statistics;
    const std::pair<QString, qint64*> counts[] = {
        {QStringLiteral("SELECT count(*) FROM members"), &statistics.members},
        {QStringLiteral("SELECT count(*) FROM events"), &statistics.events},
        {QStringLiteral("SELECT CAST(coalesce(sum(duplicates), 0) AS BIGINT) FROM till_counters"),
         &statistics.duplicatesRefused},
        {QStringLiteral("SELECT CAST(coalesce(sum(rejected), 0) AS BIGINT) FROM till_counters"), &statistics.rejected},
        {QStringLiteral("SELECT count(*) FROM overdrafts"), &statistics.overdrafts},
        {QStringLiteral("SELECT count(*) FROM coupon_conflicts"), &statistics.couponConflicts},
    };
    for (const auto& [statement, target] : counts) {
        const auto value = count(statement);
        if (!value)
            return value.error();
        *target = *value;
    }
    auto tills = TillRegistry::tills(m_database);
    if (!tills)
        return tills.error();
    statistics.tills = *tills;
    return statistics;
}

Result<QList<HqReports::Overdraft>> HqReports::overdrafts()
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT o.event_id, o.account, o.member_uuid, coalesce(m.name, ''), o.till_id,"
                                   " o.balance, o.recorded_at FROM overdrafts o"
                                   " LEFT JOIN members m ON m.uuid = o.member_uuid ORDER BY o.id")))
        return HqStoreError::from(query.lastError());
    QList<Overdraft> overdrafts;
    while (query.next()) {
        overdrafts.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                           query.value(3).toString(), query.value(4).toString(), query.value(5).toLongLong(),
                           query.value(6).toString()});
    }
    return overdrafts;
}

Result<QList<HqReports::CouponConflict>> HqReports::couponConflicts()
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(
            QStringLiteral("SELECT c.code, c.event_id, coalesce(c.member_uuid, ''), c.till_id,"
                           " coalesce(c.sale_uuid, ''), c.used_at, u.winner, u.till_id, u.used_at, c.recorded_at"
                           " FROM coupon_conflicts c JOIN coupon_uses u ON u.code = c.code"
                           " ORDER BY c.code, c.used_at, c.event_id")))
        return HqStoreError::from(query.lastError());
    QList<CouponConflict> conflicts;
    while (query.next()) {
        conflicts.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                          query.value(3).toString(), query.value(4).toString(), query.value(5).toString(),
                          query.value(6).toString(), query.value(7).toString(), query.value(8).toString(),
                          query.value(9).toString()});
    }
    return conflicts;
}

}  // namespace loyalty::hq
