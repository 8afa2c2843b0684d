// A manager corrects a member's points: a positive adjustment is a lot that expires like earned
// points, a negative one uses up the lots that expire first and never goes below zero; each is one
// transaction with its ledger entry, audit entry and outbox event.
#include "account/PointsHistory.h"
#include "account/PointsLots.h"
#include "audit/AuditLog.h"
#include "corrections/CorrectionsFixture.h"
#include "sale/ActiveProgramme.h"

using namespace loyalty;
using namespace loyalty::test;

class TestPointsAdjustment final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void positiveAdjustmentIsALotExpiringLikeEarnedPoints();
    void negativeAdjustmentUsesTheLotsThatExpireFirst();
    void belowZeroIsRefusedWithTheBalance();
    void reasonIsMandatoryAndShort();
    void zeroAndUnknownMemberAreRefused();

private:
    std::unique_ptr<CorrectionsFixture> m_till;
};

void TestPointsAdjustment::init()
{
    m_till = std::make_unique<CorrectionsFixture>();
    const QString problem = m_till->open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestPointsAdjustment::cleanup()
{
    m_till.reset();
}

void TestPointsAdjustment::positiveAdjustmentIsALotExpiringLikeEarnedPoints()
{
    const qint64 member = 3;
    const qint64 before = m_till->balance(member);
    const auto adjusted = m_till->corrections().adjustPoints(m_till->manager, member, 120,
                                                             QStringLiteral("  receipt 4711 earned nothing  "));
    QVERIFY2(adjusted.ok(), qPrintable(adjusted.ok() ? QString() : adjusted.error().message));
    QCOMPARE(adjusted->before, before);
    QCOMPARE(adjusted->after, before + 120);
    QCOMPARE(m_till->balance(member), before + 120);

    // The demo programme's points are gone on 1 January of the year after next.
    const Programme programme = ActiveProgramme::load(m_till->database(), m_till->settings());
    QCOMPARE(programme.expiry.mode, ExpiryPolicy::Mode::EndOfFollowingYear);
    QCOMPARE(adjusted->expiresOn, QStringLiteral("2028-01-01"));
    QSqlQuery entry(m_till->db());
    QVERIFY(
        entry.exec(QStringLiteral("SELECT kind, account, points, expires_on, explanation, sale_id FROM ledger_entries"
                                  " ORDER BY id DESC LIMIT 1")));
    QVERIFY(entry.next());
    QCOMPARE(entry.value(0).toString(), Corrections::kAdjustmentKind);
    QCOMPARE(entry.value(1).toString(), QStringLiteral("points"));
    QCOMPARE(entry.value(2).toLongLong(), 120);
    QCOMPARE(entry.value(3).toString(), QStringLiteral("2028-01-01"));
    QVERIFY(entry.value(4).toString().contains(QStringLiteral("receipt 4711 earned nothing")));
    QVERIFY(entry.value(5).isNull());
    entry.finish();

    // The audit entry: who, why (trimmed), the balance before and after.
    const QVariantMap row = m_till->auditRow(adjusted->audit.seq);
    QCOMPARE(row.value(QStringLiteral("reason")).toString(), QStringLiteral("receipt 4711 earned nothing"));
    QCOMPARE(QJsonDocument::fromJson(row.value(QStringLiteral("before")).toByteArray())
                 .object()
                 .value(QStringLiteral("points"))
                 .toInteger(),
             before);
    QCOMPARE(QJsonDocument::fromJson(row.value(QStringLiteral("after")).toByteArray())
                 .object()
                 .value(QStringLiteral("points"))
                 .toInteger(),
             before + 120);
    QCOMPARE(row.value(QStringLiteral("recorded_at")).toString(), m_till->clock().nowIso());
    LOYALTY_VERIFY_AUDITED(*m_till, Corrections::kMemberAdjustedEvent, adjusted->audit, AuditLog::kPointsAdjusted,
                           m_till->uuidOf(member));

    // The event: the contract's keys and exactly the one ledger entry of this transaction.
    const QJsonObject event = *m_till->lastEvent(Corrections::kMemberAdjustedEvent);
    QCOMPARE(event.value(QStringLiteral("account")).toString(), QStringLiteral("points"));
    QCOMPARE(event.value(QStringLiteral("amount")).toInteger(), 120);
    QCOMPARE(event.value(QStringLiteral("reason")).toString(), QStringLiteral("receipt 4711 earned nothing"));
    const QJsonArray ledger = event.value(QStringLiteral("ledger")).toArray();
    QCOMPARE(ledger.size(), 1);
    QCOMPARE(ledger.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("adjustment"));
    QCOMPARE(ledger.at(0).toObject().value(QStringLiteral("points")).toInteger(), 120);
    QCOMPARE(ledger.at(0).toObject().value(QStringLiteral("expires_on")).toString(), QStringLiteral("2028-01-01"));
    QCOMPARE(ledger.at(0).toObject().value(QStringLiteral("member_uuid")).toString(), m_till->uuidOf(member));
    QCOMPARE(m_till->scalar(QStringLiteral("SELECT sequence FROM outbox_events ORDER BY sequence DESC LIMIT 1"))
                 .toLongLong(),
             adjusted->outboxSequence);

    const QString problems = m_till->problems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestPointsAdjustment::negativeAdjustmentUsesTheLotsThatExpireFirst()
{
    const qint64 member = 4;
    const qint64 opening = m_till->balance(member);
    QVERIFY(m_till->corrections().adjustPoints(m_till->manager, member, 200, QStringLiteral("goodwill")).ok());
    const auto taken =
        m_till->corrections().adjustPoints(m_till->manager, member, -150, QStringLiteral("booked twice"));
    QVERIFY2(taken.ok(), qPrintable(taken.ok() ? QString() : taken.error().message));
    QCOMPARE(taken->before, opening + 200);
    QCOMPARE(taken->after, opening + 50);
    QVERIFY(taken->expiresOn.isEmpty());

    // The negative entry carries no expiry of its own; replaying the account, it took the
    // adjustment lot (gone 2028-01-01) before the opening balance that never expires.
    QCOMPARE(m_till->scalar(QStringLiteral("SELECT expires_on IS NULL FROM ledger_entries ORDER BY id DESC LIMIT 1"))
                 .toBool(),
             true);
    PointsHistory history(m_till->db());
    const auto movements = history.movements(member);
    QVERIFY(movements.ok());
    const PointsLots lots = PointsLots::replay(*movements);
    QCOMPARE(lots.balance(), opening + 50);
    qint64 dated = 0;
    for (const PointsLot& lot : lots.lots()) {
        if (lot.expiresOn == QDate(2028, 1, 1))
            dated += lot.remaining;
    }
    QCOMPARE(dated, 50);

    const QJsonObject event = *m_till->lastEvent(Corrections::kMemberAdjustedEvent);
    QCOMPARE(event.value(QStringLiteral("amount")).toInteger(), -150);
    QCOMPARE(event.value(QStringLiteral("ledger")).toArray().size(), 1);
    LOYALTY_VERIFY_AUDITED(*m_till, Corrections::kMemberAdjustedEvent, taken->audit, AuditLog::kPointsAdjusted,
                           m_till->uuidOf(member));
    const QString problems = m_till->problems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestPointsAdjustment::belowZeroIsRefusedWithTheBalance()
{
    const qint64 member = 5;
    const qint64 balance = m_till->balance(member);
    const QString before = m_till->fingerprint();
    const auto refused =
        m_till->corrections().adjustPoints(m_till->manager, member, -(balance + 1), QStringLiteral("too much"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Refused);
    QCOMPARE(refused.error().reason, QStringLiteral("insufficient_balance"));
    QVERIFY2(refused.error().message.contains(QLocale().toString(balance)), qPrintable(refused.error().message));
    QCOMPARE(m_till->fingerprint(), before);

    // Exactly down to zero is allowed.
    const auto emptied =
        m_till->corrections().adjustPoints(m_till->manager, member, -balance, QStringLiteral("closing account"));
    if (balance == 0) {
        QVERIFY(!emptied.ok());
    } else {
        QVERIFY2(emptied.ok(), qPrintable(emptied.ok() ? QString() : emptied.error().message));
        QCOMPARE(m_till->balance(member), 0);
    }
    const QString problems = m_till->problems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestPointsAdjustment::reasonIsMandatoryAndShort()
{
    const QString before = m_till->fingerprint();
    for (const QString& blank : {QString(), QStringLiteral("   \t ")}) {
        const auto refused = m_till->corrections().adjustPoints(m_till->manager, 3, 10, blank);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::InvalidInput);
        QCOMPARE(refused.error().reason, QStringLiteral("reason_required"));
        QVERIFY(!refused.error().message.isEmpty());
    }
    const auto tooLong =
        m_till->corrections().adjustPoints(m_till->manager, 3, 10, QString(Corrections::kMaxReasonLength + 1, u'x'));
    QVERIFY(!tooLong.ok());
    QCOMPARE(tooLong.error().reason, QStringLiteral("reason_too_long"));
    QCOMPARE(m_till->fingerprint(), before);

    const auto longest =
        m_till->corrections().adjustPoints(m_till->manager, 3, 10, QString(Corrections::kMaxReasonLength, u'x'));
    QVERIFY2(longest.ok(), qPrintable(longest.ok() ? QString() : longest.error().message));
}

void TestPointsAdjustment::zeroAndUnknownMemberAreRefused()
{
    const QString before = m_till->fingerprint();
    const auto zero = m_till->corrections().adjustPoints(m_till->manager, 3, 0, QStringLiteral("nothing"));
    QVERIFY(!zero.ok());
    QCOMPARE(zero.error().reason, QStringLiteral("zero_adjustment"));
    const auto unknown = m_till->corrections().adjustPoints(m_till->manager, 999999, 10, QStringLiteral("who"));
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code, Error::Code::NotFound);
    QCOMPARE(m_till->fingerprint(), before);
}

QTEST_GUILESS_MAIN(TestPointsAdjustment)
#include "TestPointsAdjustment.moc"
