// A manager corrects a member's wallet (minor units): never below zero, no expiry, audited, one
// transaction with its outbox event; members that were erased or merged are refused.
#include "audit/AuditLog.h"
#include "corrections/CorrectionsFixture.h"

using namespace loyalty;
using namespace loyalty::test;

class TestWalletAdjustment final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void creditAndDebitTheWallet();
    void belowZeroIsRefused();
    void erasedAndMergedMembersAreRefused();

private:
    std::unique_ptr<CorrectionsFixture> m_till;
};

void TestWalletAdjustment::init()
{
    m_till = std::make_unique<CorrectionsFixture>();
    const QString problem = m_till->open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestWalletAdjustment::cleanup()
{
    m_till.reset();
}

void TestWalletAdjustment::creditAndDebitTheWallet()
{
    const qint64 member = 6;
    const qint64 points = m_till->balance(member);
    const qint64 wallet = m_till->balance(member, QStringLiteral("wallet"));
    const auto credited =
        m_till->corrections().adjustWallet(m_till->manager, member, 550, QStringLiteral("refund for a broken voucher"));
    QVERIFY2(credited.ok(), qPrintable(credited.ok() ? QString() : credited.error().message));
    QCOMPARE(credited->before, wallet);
    QCOMPARE(credited->after, wallet + 550);
    QVERIFY(credited->expiresOn.isEmpty());
    QCOMPARE(m_till->balance(member, QStringLiteral("wallet")), wallet + 550);
    QCOMPARE(m_till->balance(member), points);  // the points account is untouched

    const QJsonObject event = *m_till->lastEvent(Corrections::kMemberAdjustedEvent);
    QCOMPARE(event.value(QStringLiteral("account")).toString(), QStringLiteral("wallet"));
    QCOMPARE(event.value(QStringLiteral("amount")).toInteger(), 550);
    const QJsonArray ledger = event.value(QStringLiteral("ledger")).toArray();
    QCOMPARE(ledger.size(), 1);
    QCOMPARE(ledger.at(0).toObject().value(QStringLiteral("account")).toString(), QStringLiteral("wallet"));
    QCOMPARE(ledger.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("adjustment"));
    QVERIFY(ledger.at(0).toObject().value(QStringLiteral("expires_on")).isNull());
    LOYALTY_VERIFY_AUDITED(*m_till, Corrections::kMemberAdjustedEvent, credited->audit, AuditLog::kWalletAdjusted,
                           m_till->uuidOf(member));
    const QVariantMap row = m_till->auditRow(credited->audit.seq);
    QCOMPARE(QJsonDocument::fromJson(row.value(QStringLiteral("before")).toByteArray()).object(),
             (QJsonObject{{QStringLiteral("wallet_minor"), wallet}}));
    QCOMPARE(QJsonDocument::fromJson(row.value(QStringLiteral("after")).toByteArray())
                 .object()
                 .value(QStringLiteral("wallet_minor"))
                 .toInteger(),
             wallet + 550);

    const auto debited = m_till->corrections().adjustWallet(m_till->manager, member, -(wallet + 550),
                                                            QStringLiteral("paid out in cash"));
    QVERIFY2(debited.ok(), qPrintable(debited.ok() ? QString() : debited.error().message));
    QCOMPARE(m_till->balance(member, QStringLiteral("wallet")), 0);
    LOYALTY_VERIFY_AUDITED(*m_till, Corrections::kMemberAdjustedEvent, debited->audit, AuditLog::kWalletAdjusted,
                           m_till->uuidOf(member));
    const QString problems = m_till->problems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestWalletAdjustment::belowZeroIsRefused()
{
    const qint64 member = 7;
    QVERIFY(m_till->corrections().adjustWallet(m_till->manager, member, 300, QStringLiteral("top-up")).ok());
    const QString before = m_till->fingerprint();
    const qint64 wallet = m_till->balance(member, QStringLiteral("wallet"));
    const auto refused =
        m_till->corrections().adjustWallet(m_till->manager, member, -(wallet + 1), QStringLiteral("too much"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Refused);
    QCOMPARE(refused.error().reason, QStringLiteral("insufficient_balance"));
    QVERIFY(!refused.error().message.isEmpty());
    QCOMPARE(m_till->fingerprint(), before);
    const QString problems = m_till->problems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestWalletAdjustment::erasedAndMergedMembersAreRefused()
{
    QSqlQuery erase(m_till->db());
    QVERIFY(erase.exec(QStringLiteral("UPDATE members SET erased_at = '2026-11-01T00:00:00.000Z' WHERE id = 8")));
    QVERIFY(m_till->corrections().merge(m_till->manager, 9, 10, QStringLiteral("same person")).ok());
    const QString before = m_till->fingerprint();

    const auto erased = m_till->corrections().adjustWallet(m_till->manager, 8, 100, QStringLiteral("x"));
    QVERIFY(!erased.ok());
    QCOMPARE(erased.error().reason, QStringLiteral("member_erased"));
    const auto merged = m_till->corrections().adjustWallet(m_till->manager, 9, 100, QStringLiteral("x"));
    QVERIFY(!merged.ok());
    QCOMPARE(merged.error().reason, QStringLiteral("member_merged"));
    QVERIFY(merged.error().message.contains(QStringLiteral("10")));
    QCOMPARE(m_till->fingerprint(), before);
}

QTEST_GUILESS_MAIN(TestWalletAdjustment)
#include "TestWalletAdjustment.moc"
