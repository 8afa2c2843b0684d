// The administration behind loyalty-hq's commands: publishing a programme (validated, newer,
// signed, announced), importing members (all or nothing), head office's expiry (idempotent), and
// the balance and statistics reports.
#include "HqTestSupport.h"
#include "admin/HqDemo.h"
#include "admin/HqExpiry.h"
#include "admin/HqReports.h"
#include "admin/MemberImport.h"
#include "admin/ProgrammePublisher.h"
#include "cards/digital/Ed25519.h"
#include "keys/HqSigningKey.h"
#include "program/format/ProgrammeStore.h"
#include "time/FixedClock.h"

#include <QJsonDocument>

using namespace loyalty;
using namespace loyalty::hq;
using namespace loyalty::hq::test;

namespace {
QByteArray withVersion(int version)
{
    QJsonObject programme = QJsonDocument::fromJson(ProgrammeStore::builtInDocument()).object();
    programme.insert(QStringLiteral("version"), version);
    return QJsonDocument(programme).toJson();
}
}  // namespace

class TestHqAdmin final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void publishSignsAndAnnounces();
    void publishRefusesOlderAndInvalid();
    void importAddsMembersCardsAndOpeningBalances();
    void importIsAllOrNothing();
    void importReadsQuotedFields();
    void expiryBooksExpiredLotsOnce();
    void balanceAndStatistics();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<HqDatabase> m_database;
    std::unique_ptr<HeadOffice> m_office;
};

void TestHqAdmin::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC));
    QString text;
    LOYALTY_OPEN_TEST_HQ(*m_dir, text, m_database);
    m_office = std::make_unique<HeadOffice>(*m_database, *m_clock);
}

void TestHqAdmin::cleanup()
{
    m_office.reset();
    m_database.reset();
    m_dir.reset();
}

void TestHqAdmin::publishSignsAndAnnounces()
{
    const QByteArray document = withVersion(7);
    const auto published = ProgrammePublisher(*m_database, *m_clock).publish(document);
    QVERIFY2(published.ok(), qPrintable(errorText(published)));
    QCOMPARE(published->version, 7);
    const auto key = HqSigningKey::load(*m_database);
    QVERIFY(key.ok());
    QVERIFY(Ed25519::verify(key->publicKey, document, QByteArray::fromBase64(published->signature.toLatin1())));
    const auto page = m_office->changes(QStringLiteral("any"), QString(), 10);
    QVERIFY(page.ok());
    QCOMPARE(page->changes.size(), 1);
    const QJsonObject change = page->changes.first().toObject();
    QCOMPARE(change.value(QStringLiteral("kind")).toString(), sync::kProgrammeChange);
    const QJsonObject data = change.value(QStringLiteral("data")).toObject();
    QCOMPARE(data.value(QStringLiteral("version")).toInt(), 7);
    QCOMPARE(data.value(QStringLiteral("document")).toString().toUtf8(), document);  // byte for byte
    QCOMPARE(data.value(QStringLiteral("signature")).toString(), published->signature);
}

void TestHqAdmin::publishRefusesOlderAndInvalid()
{
    ProgrammePublisher publisher(*m_database, *m_clock);
    QVERIFY(publisher.publish(withVersion(5)).ok());
    for (const int version : {5, 4}) {
        const auto older = publisher.publish(withVersion(version));
        QVERIFY(!older.ok());
        QCOMPARE(older.error().code, Error::Code::Refused);
        QCOMPARE(older.error().reason, QStringLiteral("not_newer"));
    }
    QJsonObject broken = QJsonDocument::fromJson(withVersion(6)).object();
    QJsonArray rules = broken.value(QStringLiteral("rules")).toArray();
    QJsonObject rule = rules.first().toObject();
    rule.insert(QStringLiteral("points"), QStringLiteral("many"));
    rules.replace(0, rule);
    broken.insert(QStringLiteral("rules"), rules);
    const auto invalid = publisher.publish(QJsonDocument(broken).toJson());
    QVERIFY(!invalid.ok());
    QCOMPARE(invalid.error().code, Error::Code::InvalidInput);
    QVERIFY2(invalid.error().message.contains(QStringLiteral("$.rules[0]")), qPrintable(invalid.error().message));
    QVERIFY(!publisher.publish(QByteArrayLiteral("{not json")).ok());
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM programmes")), 1);
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM changes")), 1);
    QVERIFY(publisher.publish(withVersion(6)).ok());
}

void TestHqAdmin::importAddsMembersCardsAndOpeningBalances()
{
    const QByteArray csv = "number,name,email,phone,birth_date,card_number,points\n"
                           "17,Erika Mustermann,erika@example.org,+49 30 1234,1980-02-29,2000000000176,250\n"
                           "18,Max Mustermann,,,,,\n";
    const auto summary = MemberImport(*m_database, *m_clock).run(csv);
    QVERIFY2(summary.ok(), qPrintable(errorText(summary)));
    QCOMPARE(summary->members, 2);
    QCOMPARE(summary->cards, 1);
    QCOMPARE(summary->openingPoints, 250);
    const auto balance = HqReports(*m_database).balance(QStringLiteral("2000000000176"));
    QVERIFY(balance.ok());
    QCOMPARE(balance->memberUuid, sync::memberUuidForNumber(17));
    QCOMPARE(balance->memberName, QStringLiteral("Erika Mustermann"));
    QCOMPARE(balance->points(), 250);
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM ledger WHERE key = 'opening/%1'")
                                     .arg(sync::memberUuidForNumber(17))),
             1);
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM changes")), 2 + 1 + 1);
}

void TestHqAdmin::importIsAllOrNothing()
{
    QVERIFY(MemberImport(*m_database, *m_clock).run("number,name,card_number\n5,Anna,2000000000053\n").ok());
    const QByteArray csv = "name,number,card_number,birth_date\n"
                           "Ben,6,,\n"
                           "Carla,5,,\n"              // line 3: exists already
                           "Dora,seven,,\n"           // line 4: not a number
                           "Emil,8,2000000000053,\n"  // line 5: Anna's card
                           "Frida,9,,1990-13-01\n"    // line 6: no such month
                           "Gustav,6,,\n";            // line 7: twice in the file
    const auto refused = MemberImport(*m_database, *m_clock).run(csv);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::InvalidInput);
    const QString message = refused.error().message;
    for (const char* expected : {"Line 3:", "Line 4:", "Line 5:", "Line 6:", "Line 7:"})
        QVERIFY2(message.contains(QLatin1String(expected)), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1String("Line 2:")), qPrintable(message));
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM members")), 1);
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM changes")), 2);

    const auto unknownColumn = MemberImport(*m_database, *m_clock).run("number,name,shoe_size\n1,A,44\n");
    QVERIFY(!unknownColumn.ok());
    QVERIFY(unknownColumn.error().message.contains(QLatin1String("shoe_size")));
    QVERIFY(!MemberImport(*m_database, *m_clock).run("name\nA\n").ok());  // number is required
}

void TestHqAdmin::importReadsQuotedFields()
{
    const QByteArray csv = "\xEF\xBB\xBFnumber,name\r\n"
                           "1,\"Müller, Anna \"\"Anni\"\"\"\r\n"
                           "\r\n"
                           "2,\"Zwei\nZeilen\"\r\n"
                           "3,Drei\r\n";
    const auto summary = MemberImport(*m_database, *m_clock).run(csv);
    QVERIFY2(summary.ok(), qPrintable(errorText(summary)));
    QCOMPARE(summary->members, 3);
    QSqlQuery name(m_database->connection());
    QVERIFY(name.exec(QStringLiteral("SELECT name FROM members WHERE number = 1")));
    QVERIFY(name.next());
    QCOMPARE(name.value(0).toString(), QStringLiteral("Müller, Anna \"Anni\""));
    // Line numbers count the line break inside the quoted field.
    const auto refused = MemberImport(*m_database, *m_clock).run("number,name\n10,\"A\nB\"\nx,C\n");
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QLatin1String("Line 4:")), qPrintable(refused.error().message));
}

void TestHqAdmin::expiryBooksExpiredLotsOnce()
{
    QVERIFY(HqDemo(*m_database, *m_clock).generate(3).ok());
    const QString till = provisionTill(*m_office, QStringLiteral("Till 1"));
    const QString member = sync::memberUuidForNumber(2);
    const qint64 opening =
        scalar(*m_database, QStringLiteral("SELECT sum(points) FROM ledger WHERE member_uuid = '%1'").arg(member));
    QJsonObject early = ledgerEntry(1, member, 40);
    early.insert(QStringLiteral("expires_on"), QStringLiteral("2026-12-31"));
    QJsonObject late = ledgerEntry(2, member, 60);
    late.insert(QStringLiteral("expires_on"), QStringLiteral("2027-06-30"));
    QJsonObject spent = ledgerEntry(1, member, -30, QStringLiteral("redeem"));
    const auto pushed =
        m_office->push(till, QJsonArray{makeEvent(newId(), till, 1, QStringLiteral("sale.completed"),
                                                  salePayload(newId(), member, QJsonArray{early, late})),
                                        makeEvent(newId(), till, 2, QStringLiteral("sale.completed"),
                                                  salePayload(newId(), member, QJsonArray{spent}),
                                                  QStringLiteral("2026-12-01T09:30:00.000Z"))});
    QVERIFY(pushed.ok());
    QCOMPARE(statuses(*pushed), QStringList({sync::kAccepted, sync::kAccepted}));

    HqExpiry expiry(*m_database);
    const auto before = expiry.run(QDateTime(QDate(2026, 12, 30), QTime(23, 0)));
    QVERIFY(before.ok());
    QCOMPARE(before->entries, 0);  // expires_on is the day the lot is gone: not yet
    // The opening balance never expires; the redeemed 30 came out of the earliest lot (40 → 10).
    const auto due = expiry.run(QDateTime(QDate(2026, 12, 31), QTime(3, 0)));
    QVERIFY2(due.ok(), qPrintable(errorText(due)));
    QCOMPARE(due->members, 1);
    QCOMPARE(due->entries, 1);
    QCOMPARE(due->points, 10);
    QCOMPARE(scalar(*m_database,
                    QStringLiteral("SELECT points FROM ledger WHERE key = 'expire/%1/2026-12-31/1'").arg(member)),
             -10);
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM changes WHERE kind = 'ledger'"
                                                " AND origin_till IS NULL AND data LIKE '%expire/%'")),
             1);
    const auto again = expiry.run(QDateTime(QDate(2026, 12, 31), QTime(18, 0)));
    QVERIFY(again.ok());
    QCOMPARE(again->entries, 0);
    const auto later = expiry.run(QDateTime(QDate(2027, 6, 30), QTime(9, 0)));
    QVERIFY(later.ok());
    QCOMPARE(later->points, 60);
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT sum(points) FROM ledger WHERE member_uuid = '%1'").arg(member)),
             opening);
}

void TestHqAdmin::balanceAndStatistics()
{
    QVERIFY(HqDemo(*m_database, *m_clock).generate(5).ok());
    const QString till = provisionTill(*m_office, QStringLiteral("Till 1"));
    const QString member = sync::memberUuidForNumber(1);
    const QJsonObject sale =
        makeEvent(newId(), till, 3, QStringLiteral("sale.completed"),
                  salePayload(newId(), member,
                              QJsonArray{ledgerEntry(1, member, 15), ledgerEntry(2, member, 250, QStringLiteral("earn"),
                                                                                 QStringLiteral("wallet"))}));
    QVERIFY(m_office->push(till, QJsonArray{sale, sale, makeEvent(newId(), till, 4, QStringLiteral("x.y"), {})}).ok());
    const auto balance = HqReports(*m_database).balance(QStringLiteral("2000000000015"));
    QVERIFY(balance.ok());
    const qint64 opening =
        scalar(*m_database, QStringLiteral("SELECT points FROM ledger WHERE key = 'opening/%1'").arg(member));
    QCOMPARE(balance->points(), opening + 15);
    QCOMPARE(balance->walletMinor(), 250);
    QCOMPARE(balance->accounts.size(), 2);
    QCOMPARE(HqReports(*m_database).balance(QStringLiteral("123")).error().code, Error::Code::NotFound);

    const auto stats = HqReports(*m_database).statistics();
    QVERIFY(stats.ok());
    QCOMPARE(stats->members, 5);
    QCOMPARE(stats->events, 1);
    QCOMPARE(stats->duplicatesRefused, 1);
    QCOMPARE(stats->rejected, 1);
    QCOMPARE(stats->tills.size(), 1);
    QCOMPARE(stats->tills.first().lastSequence, 3);
}

QTEST_GUILESS_MAIN(TestHqAdmin)
#include "TestHqAdmin.moc"
