// The expiry run: what it books for lots past their day, one outbox event per member, and that a
// second run on the same day books nothing.
#include "AccountTestData.h"
#include "account/ExpiryRun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace loyalty;
using namespace loyalty::test;

namespace {
QDateTime at(int year, int month, int day, int hour = 12)
{
    return QDateTime(QDate(year, month, day), QTime(hour, 0));
}

Programme expiringProgramme()
{
    Programme programme;
    programme.id = QStringLiteral("test");
    programme.version = 3;
    programme.expiry.mode = ExpiryPolicy::Mode::AfterMonths;
    programme.expiry.months = 24;
    return programme;
}
}  // namespace

class TestExpiryRun final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void expiresWhatIsLeftOfDueLots();
    void secondRunBooksNothing();
    void lotsExpireOnTheirDayNotBefore();
    void aProvisionedTillLeavesExpiryToHeadOffice();

private:
    std::unique_ptr<AccountTestData> m_data;
    qint64 m_partlyRedeemed = 0;  // 100 due, 30 of it redeemed; 50 not yet due
    qint64 m_notYetDue = 0;       // 40 due tomorrow
    qint64 m_allRedeemed = 0;     // 20 due, all redeemed
    qint64 m_twoLots = 0;         // 10 and 15 due on different days
    qint64 m_neverExpires = 0;    // 500 that never expire
};

void TestExpiryRun::init()
{
    m_data = std::make_unique<AccountTestData>(at(2026, 1, 10));
    QVERIFY(m_data->isOpen());
    const QString points = QStringLiteral("points");
    const QString earn = QStringLiteral("earn");
    const QString redeem = QStringLiteral("redeem");

    m_partlyRedeemed = m_data->addMember(QStringLiteral("Partly redeemed"));
    m_data->addEntry(m_partlyRedeemed, points, earn, 100, at(2024, 1, 10), QStringLiteral("earn.base"),
                     QDate(2026, 1, 10));
    m_data->addEntry(m_partlyRedeemed, points, earn, 50, at(2025, 3, 1), QStringLiteral("earn.base"),
                     QDate(2027, 3, 1));
    m_data->addEntry(m_partlyRedeemed, points, redeem, -30, at(2025, 6, 1), QStringLiteral("redeem.points"));

    m_notYetDue = m_data->addMember(QStringLiteral("Not yet due"));
    m_data->addEntry(m_notYetDue, points, earn, 40, at(2024, 1, 11), QStringLiteral("earn.base"), QDate(2026, 1, 11));

    m_allRedeemed = m_data->addMember(QStringLiteral("All redeemed"));
    m_data->addEntry(m_allRedeemed, points, earn, 20, at(2023, 12, 1), QStringLiteral("earn.base"), QDate(2025, 12, 1));
    m_data->addEntry(m_allRedeemed, points, redeem, -20, at(2024, 2, 1), QStringLiteral("redeem.points"));

    m_twoLots = m_data->addMember(QStringLiteral("Two lots"));
    m_data->addEntry(m_twoLots, points, earn, 10, at(2023, 11, 5), QStringLiteral("earn.base"), QDate(2025, 11, 5));
    m_data->addEntry(m_twoLots, points, earn, 15, at(2023, 12, 24), QStringLiteral("bonus"), QDate(2025, 12, 24));
    m_data->addEntry(m_twoLots, QStringLiteral("wallet"), earn, 99, at(2023, 12, 24), QStringLiteral("cashback"));

    m_neverExpires = m_data->addMember(QStringLiteral("Never expires"));
    m_data->addEntry(m_neverExpires, points, earn, 500, at(2020, 1, 1), QStringLiteral("earn.base"));
}

void TestExpiryRun::cleanup()
{
    m_data.reset();
}

void TestExpiryRun::expiresWhatIsLeftOfDueLots()
{
    ExpiryRun run(m_data->db(), m_data->tillId());
    const auto members = run.run(at(2026, 1, 10), expiringProgramme());
    QVERIFY2(members.ok(), qPrintable(members.ok() ? QString() : members.error().message));
    QCOMPARE(*members, 2);

    QCOMPARE(m_data->balance(m_partlyRedeemed), 50);
    QCOMPARE(m_data->balance(m_notYetDue), 40);
    QCOMPARE(m_data->balance(m_allRedeemed), 0);
    QCOMPARE(m_data->balance(m_twoLots), 0);
    QCOMPARE(m_data->balance(m_twoLots, QStringLiteral("wallet")), 99);
    QCOMPARE(m_data->balance(m_neverExpires), 500);

    QSqlQuery entries(m_data->db());
    QVERIFY(entries.exec(QStringLiteral("SELECT member_id, points, kind, account, reason, sale_id IS NULL,"
                                        " expires_on IS NULL, explanation FROM ledger_entries"
                                        " WHERE kind = 'expire' ORDER BY id")));
    QStringList booked;
    while (entries.next()) {
        QCOMPARE(entries.value(2).toString(), QStringLiteral("expire"));
        QCOMPARE(entries.value(3).toString(), QStringLiteral("points"));
        QCOMPARE(entries.value(4).toString(), QStringLiteral("expiry"));
        QVERIFY(entries.value(5).toBool());
        QVERIFY(entries.value(6).toBool());
        booked << QStringLiteral("%1:%2").arg(entries.value(0).toLongLong()).arg(entries.value(1).toLongLong());
        QVERIFY2(entries.value(7).toString().contains(QString::number(-entries.value(1).toLongLong())),
                 qPrintable(entries.value(7).toString()));
    }
    QCOMPARE(booked, (QStringList{QStringLiteral("%1:-70").arg(m_partlyRedeemed),
                                  QStringLiteral("%1:-10").arg(m_twoLots), QStringLiteral("%1:-15").arg(m_twoLots)}));
    QVERIFY(
        m_data->scalar(QStringLiteral("SELECT explanation FROM ledger_entries WHERE kind = 'expire' AND points = -70"))
            .toString()
            .startsWith(QStringLiteral("70 point(s) expired (earned ")));

    QSqlQuery events(m_data->db());
    QVERIFY(events.exec(QStringLiteral("SELECT type, payload, till_id FROM outbox_events ORDER BY sequence")));
    QList<QJsonObject> payloads;
    while (events.next()) {
        QCOMPARE(events.value(0).toString(), ExpiryRun::kPointsExpiredEvent);
        QCOMPARE(events.value(2).toString(), m_data->tillId());
        payloads << QJsonDocument::fromJson(events.value(1).toString().toUtf8()).object();
    }
    QCOMPARE(payloads.size(), 2);
    QCOMPARE(payloads.at(0).value(QStringLiteral("member_id")).toInteger(), m_partlyRedeemed);
    QCOMPARE(payloads.at(0).value(QStringLiteral("points")).toInteger(), 70);
    QCOMPARE(payloads.at(1).value(QStringLiteral("member_id")).toInteger(), m_twoLots);
    QCOMPARE(payloads.at(1).value(QStringLiteral("points")).toInteger(), 25);
    QCOMPARE(payloads.at(1).value(QStringLiteral("lots")).toArray().size(), 2);
    QCOMPARE(payloads.at(1).value(QStringLiteral("programme_version")).toInt(), 3);
    QVERIFY(!payloads.at(1).value(QStringLiteral("member_uuid")).toString().isEmpty());
}

void TestExpiryRun::secondRunBooksNothing()
{
    ExpiryRun run(m_data->db(), m_data->tillId());
    QCOMPARE(run.run(at(2026, 1, 10, 6), expiringProgramme()).value(), 2);
    const qint64 entries = m_data->scalar(QStringLiteral("SELECT count(*) FROM ledger_entries")).toLongLong();
    const qint64 events = m_data->scalar(QStringLiteral("SELECT count(*) FROM outbox_events")).toLongLong();

    const auto again = run.run(at(2026, 1, 10, 23), expiringProgramme());
    QVERIFY(again.ok());
    QCOMPARE(*again, 0);
    QCOMPARE(m_data->scalar(QStringLiteral("SELECT count(*) FROM ledger_entries")).toLongLong(), entries);
    QCOMPARE(m_data->scalar(QStringLiteral("SELECT count(*) FROM outbox_events")).toLongLong(), events);
    QCOMPARE(m_data->balance(m_partlyRedeemed), 50);
}

void TestExpiryRun::lotsExpireOnTheirDayNotBefore()
{
    ExpiryRun run(m_data->db(), m_data->tillId());
    QCOMPARE(run.run(at(2025, 11, 4), expiringProgramme()).value(), 0);
    QCOMPARE(run.run(at(2025, 11, 5), expiringProgramme()).value(), 1);
    QCOMPARE(m_data->balance(m_twoLots), 15);
    QCOMPARE(run.run(at(2026, 1, 10), expiringProgramme()).value(), 2);
    QCOMPARE(m_data->balance(m_notYetDue), 40);
    QCOMPARE(run.run(at(2026, 1, 11), expiringProgramme()).value(), 1);
    QCOMPARE(m_data->balance(m_notYetDue), 0);
    QCOMPARE(m_data->balance(m_neverExpires), 500);
    QCOMPARE(run.run(at(2027, 2, 28), expiringProgramme()).value(), 0);
    QCOMPARE(run.run(at(2027, 3, 1), expiringProgramme()).value(), 1);
    QCOMPARE(m_data->balance(m_partlyRedeemed), 0);
    QCOMPARE(run.run(at(2040, 1, 1), expiringProgramme()).value(), 0);
    QCOMPARE(m_data->balance(m_neverExpires), 500);
}

void TestExpiryRun::aProvisionedTillLeavesExpiryToHeadOffice()
{
    m_data->exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('sync.hq_url', 'https://hq.example:8443')"));
    const QStringList provisioned = tableCounts(m_data->db());
    const auto expired = ExpiryRun(m_data->db(), m_data->tillId()).run(at(2026, 1, 10), expiringProgramme());
    QVERIFY2(expired.ok(), qPrintable(expired.ok() ? QString() : expired.error().message));
    QCOMPARE(*expired, 0);
    QCOMPARE(tableCounts(m_data->db()), provisioned);
    QCOMPARE(m_data->balance(m_partlyRedeemed), 120);

    // Unprovisioned again (the setting gone), the same run books the expiry.
    m_data->exec(QStringLiteral("DELETE FROM settings WHERE key = 'sync.hq_url'"));
    const auto local = ExpiryRun(m_data->db(), m_data->tillId()).run(at(2026, 1, 10), expiringProgramme());
    QVERIFY(local.ok());
    QCOMPARE(*local, 2);
}

QTEST_GUILESS_MAIN(TestExpiryRun)
#include "TestExpiryRun.moc"
