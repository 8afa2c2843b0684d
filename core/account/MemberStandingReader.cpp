#include "account/MemberStandingReader.h"

#include "account/PointsLots.h"
#include "account/StoredTime.h"
#include "store/StoreError.h"
#include "sync/SyncSettingKeys.h"

#include <QVariant>

namespace loyalty {

namespace {
const QString kCreditPrefix = QStringLiteral("credit:");
const QString kStampsPrefix = QStringLiteral("stamps:");

QSet<QString> ruleIdsOf(const Programme& programme, RuleKind kind)
{
    QSet<QString> ids;
    for (const Rule& rule : programme.rules) {
        if (rule.kind == kind)
            ids.insert(rule.id);
    }
    return ids;
}
}  // namespace

MemberStandingReader::MemberStandingReader(const QSqlDatabase& db)
    : m_member(db)
    , m_balances(db)
    , m_membership(db)
    , m_salesBefore(db)
    , m_salesBetween(db)
    , m_remoteBefore(db)
    , m_remoteBetween(db)
    , m_earnReasons(db)
    , m_segments(db)
    , m_unconfirmedRedeemed(db)
    , m_provisioned(db)
    , m_pointsHistory(db)
    , m_tiers(db)
{
    m_member.prepare(QStringLiteral("SELECT uuid, birth_date, enrolled_at, referred_by FROM members WHERE id = ?"));
    m_balances.prepare(QStringLiteral("SELECT account, sum(points) FROM ledger_entries WHERE member_id = ?"
                                      " GROUP BY account"));
    m_membership.prepare(QStringLiteral("SELECT points, created_at FROM ledger_entries"
                                        " WHERE member_id = ? AND account = 'membership' ORDER BY id"));
    m_salesBefore.prepare(QStringLiteral("SELECT count(*) FROM sales WHERE member_id = ? AND completed_at < ?"));
    m_salesBetween.prepare(QStringLiteral("SELECT count(*) FROM sales"
                                          " WHERE member_id = ? AND completed_at >= ? AND completed_at < ?"));
    m_remoteBefore.prepare(
        QStringLiteral("SELECT count(*) FROM remote_sales WHERE member_id = ? AND completed_at < ?"));
    m_remoteBetween.prepare(QStringLiteral("SELECT count(*) FROM remote_sales"
                                           " WHERE member_id = ? AND completed_at >= ? AND completed_at < ?"));
    m_earnReasons.prepare(QStringLiteral("SELECT DISTINCT reason FROM ledger_entries"
                                         " WHERE member_id = ? AND kind = 'earn' AND points > 0"
                                         " AND created_at >= ? AND created_at < ?"));
    m_segments.prepare(QStringLiteral("SELECT segment FROM member_segments WHERE member_id = ? ORDER BY segment"));
    // The member's points entries through ledger_entries_account, each sale's event through
    // outbox_events_sale. Entries pulled from head office (origin_key) are confirmed by definition.
    m_provisioned.prepare(QStringLiteral("SELECT 1 FROM settings WHERE key = ? AND value <> ''"));
    m_unconfirmedRedeemed.prepare(
        QStringLiteral("SELECT coalesce(-sum(l.points), 0) FROM ledger_entries l"
                       " JOIN outbox_events o ON o.sale_id = l.sale_id AND o.type = 'sale.completed'"
                       " WHERE l.member_id = ? AND l.account = 'points' AND l.kind = 'redeem' AND l.points < 0"
                       " AND l.origin_key IS NULL AND l.created_at >= ? AND o.state = 'pending'"));
}

Result<MemberStanding> MemberStandingReader::read(qint64 memberId, const QDateTime& at, const Programme& programme)
{
    MemberStanding standing;
    standing.memberId = memberId;
    if (auto done = readMember(memberId, standing); !done)
        return done.error();
    if (auto done = readBalances(memberId, standing); !done)
        return done.error();
    if (auto done = readMembership(memberId, standing); !done)
        return done.error();
    if (auto done = readSales(memberId, at, standing); !done)
        return done.error();
    if (auto done = readAwards(memberId, at, programme, standing); !done)
        return done.error();
    if (auto done = readSegments(memberId, standing); !done)
        return done.error();
    if (auto done = readPoints(memberId, at, programme, standing); !done)
        return done.error();
    if (auto done = readUnconfirmedRedemptions(memberId, at, standing); !done)
        return done.error();
    auto tier = m_tiers.read(memberId, at, programme);
    if (!tier)
        return tier.error();
    standing.tierId = tier->tierId;
    standing.qualifyingValue = tier->qualifyingValue;
    return standing;
}

Result<Done> MemberStandingReader::readMember(qint64 memberId, MemberStanding& standing)
{
    m_member.bindValue(0, memberId);
    if (!m_member.exec())
        return StoreError::from(m_member.lastError());
    if (!m_member.next()) {
        m_member.finish();
        return Error{Error::Code::NotFound, tr("Member %1 is not known at this till.").arg(memberId),
                     QStringLiteral("member")};
    }
    standing.memberUuid = m_member.value(0).toString();
    standing.birthDate = StoredTime::parseDay(m_member.value(1).toString());
    standing.enrolledOn = StoredTime::localDayOf(m_member.value(2).toString());
    if (!m_member.value(3).isNull())
        standing.referrerId = m_member.value(3).toLongLong();
    m_member.finish();
    return Done{};
}

Result<Done> MemberStandingReader::readBalances(qint64 memberId, MemberStanding& standing)
{
    m_balances.bindValue(0, memberId);
    if (!m_balances.exec())
        return StoreError::from(m_balances.lastError());
    while (m_balances.next()) {
        const QString account = m_balances.value(0).toString();
        const qint64 sum = m_balances.value(1).toLongLong();
        if (account == u"points")
            standing.points = sum;
        else if (account == u"wallet")
            standing.walletMinor = sum;
        else if (account.startsWith(kCreditPrefix))
            standing.credits.insert(account.mid(kCreditPrefix.size()), sum);
        else if (account.startsWith(kStampsPrefix))
            standing.stamps.insert(account.mid(kStampsPrefix.size()), static_cast<int>(sum));
    }
    m_balances.finish();
    return Done{};
}

QDate MemberStandingReader::membershipEnd(const QList<std::pair<qint64, QDate>>& entries)
{
    QDate end;  // the last valid day so far
    for (const auto& [days, bookedOn] : entries) {
        const QDate from = end.isValid() && end >= bookedOn ? end : bookedOn.addDays(-1);
        end = from.addDays(days);
    }
    return end;
}

Result<Done> MemberStandingReader::readMembership(qint64 memberId, MemberStanding& standing)
{
    m_membership.bindValue(0, memberId);
    if (!m_membership.exec())
        return StoreError::from(m_membership.lastError());
    QList<std::pair<qint64, QDate>> entries;
    while (m_membership.next())
        entries.append({m_membership.value(0).toLongLong(), StoredTime::localDayOf(m_membership.value(1).toString())});
    m_membership.finish();
    const QDate end = membershipEnd(entries);
    if (end.isValid())
        standing.membershipValidUntil = end;
    return Done{};
}

Result<Done> MemberStandingReader::readSales(qint64 memberId, const QDateTime& at, MemberStanding& standing)
{
    const QString atText = StoredTime::instant(at);
    const QDate today = StoredTime::localDay(at);
    const QString monthStart = StoredTime::startOfDay(QDate(today.year(), today.month(), 1));
    standing.completedSales = 0;
    standing.visitsThisMonth = 0;
    for (QSqlQuery* before : {&m_salesBefore, &m_remoteBefore}) {
        before->bindValue(0, memberId);
        before->bindValue(1, atText);
        if (!before->exec() || !before->next())
            return StoreError::from(before->lastError());
        standing.completedSales += before->value(0).toLongLong();
        before->finish();
    }
    for (QSqlQuery* between : {&m_salesBetween, &m_remoteBetween}) {
        between->bindValue(0, memberId);
        between->bindValue(1, monthStart);
        between->bindValue(2, atText);
        if (!between->exec() || !between->next())
            return StoreError::from(between->lastError());
        standing.visitsThisMonth += between->value(0).toInt();
        between->finish();
    }
    return Done{};
}

Result<QSet<QString>> MemberStandingReader::earnReasons(qint64 memberId, const QDate& from, const QDate& until)
{
    m_earnReasons.bindValue(0, memberId);
    m_earnReasons.bindValue(1, StoredTime::startOfDay(from));
    m_earnReasons.bindValue(2, StoredTime::startOfDay(until));
    if (!m_earnReasons.exec())
        return StoreError::from(m_earnReasons.lastError());
    QSet<QString> reasons;
    while (m_earnReasons.next())
        reasons.insert(m_earnReasons.value(0).toString());
    m_earnReasons.finish();
    return reasons;
}

Result<Done> MemberStandingReader::readAwards(qint64 memberId, const QDateTime& at, const Programme& programme,
                                              MemberStanding& standing)
{
    const QSet<QString> challenges = ruleIdsOf(programme, RuleKind::Challenge);
    const QSet<QString> birthdays = ruleIdsOf(programme, RuleKind::Birthday);
    const QDate today = StoredTime::localDay(at);
    if (!challenges.isEmpty()) {
        const QDate monthStart(today.year(), today.month(), 1);
        auto reasons = earnReasons(memberId, monthStart, monthStart.addMonths(1));
        if (!reasons)
            return reasons.error();
        standing.challengesThisMonth = reasons.value().intersect(challenges);
    }
    if (!birthdays.isEmpty()) {
        const QDate yearStart(today.year(), 1, 1);
        auto reasons = earnReasons(memberId, yearStart, yearStart.addYears(1));
        if (!reasons)
            return reasons.error();
        standing.birthdayAwardedThisYear = reasons->intersects(birthdays);
    }
    return Done{};
}

Result<Done> MemberStandingReader::readSegments(qint64 memberId, MemberStanding& standing)
{
    m_segments.bindValue(0, memberId);
    if (!m_segments.exec())
        return StoreError::from(m_segments.lastError());
    while (m_segments.next())
        standing.segments.append(m_segments.value(0).toString());
    m_segments.finish();
    return Done{};
}

Result<Done> MemberStandingReader::readPoints(qint64 memberId, const QDateTime& at, const Programme& programme,
                                              MemberStanding& standing)
{
    auto movements = m_pointsHistory.movements(memberId);
    if (!movements)
        return movements.error();
    const ExpiringPoints expiring =
        PointsLots::replay(*movements).expiringWithin(StoredTime::localDay(at), programme.expiry.warnDays);
    standing.expiringPoints = expiring.points;
    standing.expiringOn = expiring.firstOn;
    return Done{};
}

Result<Done> MemberStandingReader::readUnconfirmedRedemptions(qint64 memberId, const QDateTime& at,
                                                              MemberStanding& standing)
{
    m_provisioned.bindValue(0, sync::kHqUrlKey);
    if (!m_provisioned.exec())
        return StoreError::from(m_provisioned.lastError());
    standing.redemptionsNeedConfirmation = m_provisioned.next();
    m_provisioned.finish();
    if (!standing.redemptionsNeedConfirmation)
        return Done{};
    m_unconfirmedRedeemed.bindValue(0, memberId);
    m_unconfirmedRedeemed.bindValue(1, StoredTime::startOfDay(StoredTime::localDay(at)));
    if (!m_unconfirmedRedeemed.exec() || !m_unconfirmedRedeemed.next())
        return StoreError::from(m_unconfirmedRedeemed.lastError());
    standing.unconfirmedRedeemedToday = m_unconfirmedRedeemed.value(0).toLongLong();
    m_unconfirmedRedeemed.finish();
    return Done{};
}

}  // namespace loyalty
