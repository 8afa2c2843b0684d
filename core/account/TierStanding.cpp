#include "account/TierStanding.h"

#include "account/StoredTime.h"
#include "store/StoreError.h"

#include <QVariant>

#include <algorithm>

namespace loyalty {

namespace {
Result<Done> collect(QSqlQuery& query, QList<QualifyingMovement>& into, qint64 sign)
{
    if (!query.exec())
        return StoreError::from(query.lastError());
    while (query.next())
        into.append({StoredTime::parseInstant(query.value(0).toString()), sign * query.value(1).toLongLong()});
    query.finish();
    return Done{};
}

QDateTime windowStart(const QDateTime& at, const TierPolicy& policy)
{
    return at.addDays(-policy.graceDays).addMonths(-policy.months);
}
}  // namespace

TierStanding::TierStanding(const QSqlDatabase& db)
    : m_sales(db)
    , m_remoteSales(db)
    , m_refunds(db)
    , m_points(db)
{
    // Each query walks one member's rows through an index: sales_member_time, remote_sales_member,
    // sale_returns_sale, ledger_entries_account.
    m_sales.prepare(QStringLiteral("SELECT completed_at, eligible_minor FROM sales"
                                   " WHERE member_id = ? AND completed_at > ? AND completed_at <= ?"));
    m_remoteSales.prepare(
        QStringLiteral("SELECT completed_at, eligible_minor - refunded_eligible_minor FROM remote_sales"
                       " WHERE member_id = ? AND completed_at > ? AND completed_at <= ?"));
    m_refunds.prepare(
        QStringLiteral("SELECT r.created_at, sum(rl.refund_minor) FROM sales s"
                       " JOIN sale_returns r ON r.sale_id = s.id"
                       " JOIN return_lines rl ON rl.return_id = r.id"
                       " JOIN sale_lines sl ON sl.sale_id = s.id AND sl.line_no = rl.line_no"
                       " WHERE s.member_id = ? AND sl.earns_points = 1 AND r.created_at > ? AND r.created_at <= ?"
                       " GROUP BY r.id"));
    // Earned points, less earned points taken back by returns; redemptions and expiry do not count.
    m_points.prepare(QStringLiteral("SELECT created_at, points FROM ledger_entries"
                                    " WHERE member_id = ? AND account = 'points'"
                                    " AND ((kind = 'earn' AND points > 0) OR (kind = 'reverse' AND points < 0))"
                                    " AND created_at > ? AND created_at <= ?"));
}

Result<QList<QualifyingMovement>> TierStanding::movements(qint64 memberId, const QDateTime& from, const QDateTime& to,
                                                          TierPolicy::Basis basis)
{
    QList<QualifyingMovement> movements;
    const QString fromText = StoredTime::instant(from);
    const QString toText = StoredTime::instant(to);
    auto bind = [&](QSqlQuery& query) {
        query.bindValue(0, memberId);
        query.bindValue(1, fromText);
        query.bindValue(2, toText);
    };
    if (basis == TierPolicy::Basis::Spend) {
        bind(m_sales);
        if (auto done = collect(m_sales, movements, 1); !done)
            return done.error();
        bind(m_remoteSales);
        if (auto done = collect(m_remoteSales, movements, 1); !done)
            return done.error();
        bind(m_refunds);
        if (auto done = collect(m_refunds, movements, -1); !done)
            return done.error();
    } else {
        bind(m_points);
        if (auto done = collect(m_points, movements, 1); !done)
            return done.error();
    }
    return movements;
}

Result<TierProgress> TierStanding::read(qint64 memberId, const QDateTime& at, const Programme& programme)
{
    if (programme.tiers.isEmpty()) {
        TierProgress none;
        none.basis = programme.tierPolicy.basis;
        return none;
    }
    auto loaded = movements(memberId, windowStart(at, programme.tierPolicy), at, programme.tierPolicy.basis);
    if (!loaded)
        return loaded.error();
    return evaluate(*loaded, at, programme);
}

qint64 TierStanding::valueAt(const QList<QualifyingMovement>& movements, const QDateTime& moment, int months)
{
    const QDateTime start = moment.addMonths(-months);
    qint64 value = 0;
    for (const QualifyingMovement& movement : movements) {
        if (movement.at > start && movement.at <= moment)
            value += movement.amount;
    }
    return std::max<qint64>(value, 0);
}

int TierStanding::tierIndexFor(const Programme& programme, qint64 value)
{
    int index = programme.tiers.isEmpty() ? -1 : 0;  // the first tier is the entry tier
    for (int i = 1; i < programme.tiers.size(); ++i) {
        if (value >= programme.tiers.at(i).threshold)
            index = i;
    }
    return index;
}

TierProgress TierStanding::evaluate(const QList<QualifyingMovement>& movements, const QDateTime& at,
                                    const Programme& programme)
{
    const TierPolicy& policy = programme.tierPolicy;
    TierProgress progress;
    progress.basis = policy.basis;
    progress.qualifyingValue = valueAt(movements, at, policy.months);
    if (programme.tiers.isEmpty())
        return progress;

    const int qualified = tierIndexFor(programme, progress.qualifyingValue);
    int held = qualified;
    int heldSinceDays = 0;  // how many days ago a moment last reached the held tier
    for (int d = 1; d <= policy.graceDays; ++d) {
        const int reached = tierIndexFor(programme, valueAt(movements, at.addDays(-d), policy.months));
        if (reached > held) {
            held = reached;
            heldSinceDays = d;
        }
    }
    progress.qualifiedTierId = programme.tiers.at(qualified).id;
    progress.tierId = programme.tiers.at(held).id;
    progress.heldByGrace = held > qualified;
    if (progress.heldByGrace)
        progress.graceUntil = StoredTime::localDay(at.addDays(policy.graceDays - heldSinceDays));
    if (held + 1 < programme.tiers.size()) {
        const TierDefinition& next = programme.tiers.at(held + 1);
        progress.nextTierId = next.id;
        progress.nextTierName = next.name;
        progress.neededForNext = std::max<qint64>(next.threshold - progress.qualifyingValue, 0);
    }
    return progress;
}

}  // namespace loyalty
