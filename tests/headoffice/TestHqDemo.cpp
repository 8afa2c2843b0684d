// Head office's demo is the till's demo: the same members (by uuid), cards, opening balances and
// products, each with its change; and it goes only into an empty head office.
#include "HqTestSupport.h"
#include "admin/HqDemo.h"
#include "demo/DemoDataGenerator.h"
#include "keys/HqSigningKey.h"
#include "program/format/ProgrammeStore.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlRecord>

using namespace loyalty;
using namespace loyalty::hq;
using namespace loyalty::hq::test;

namespace {
QStringList rows(const QSqlDatabase& db, const QString& statement)
{
    QSqlQuery query(db);
    if (!query.exec(statement))
        return {QStringLiteral("failed: ") + query.lastError().text()};
    QStringList result;
    const int columns = query.record().count();
    while (query.next()) {
        QStringList fields;
        for (int i = 0; i < columns; ++i)
            fields.append(query.value(i).toString());
        result.append(fields.join(u'|'));
    }
    return result;
}
}  // namespace

class TestHqDemo final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void sameShopAsTheTill();
    void everyRowHasItsChange();
    void programmeIsPublishedSigned();
    void refusesANonEmptyHeadOffice();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<HqDatabase> m_database;
};

void TestHqDemo::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
    QString text;
    LOYALTY_OPEN_TEST_HQ(*m_dir, text, m_database);
}

void TestHqDemo::cleanup()
{
    m_database.reset();
    m_dir.reset();
}

void TestHqDemo::sameShopAsTheTill()
{
    constexpr qint64 kMembers = 2500;  // members 1000 and 2000 carry a blocked card too
    const auto summary = HqDemo(*m_database, *m_clock).generate(kMembers);
    QVERIFY2(summary.ok(), qPrintable(errorText(summary)));
    QCOMPARE(summary->members, kMembers);
    QCOMPARE(summary->cards, kMembers + 2);
    QCOMPARE(summary->products, 300);

    auto till = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY2(till.ok(), qPrintable(till.ok() ? QString() : till.error().message));
    QVERIFY(DemoDataGenerator(**till, *m_clock).generate(kMembers).ok());
    const QSqlDatabase tillDb = (*till)->connection();
    const QSqlDatabase hqDb = m_database->connection();

    // uuid, name, contact, enrolment and the opening balance under the same key.
    const QStringList tillMembers = rows(
        tillDb, QStringLiteral("SELECT m.uuid, m.id, m.name, m.email, m.phone, m.enrolled_at, l.origin_key, l.points,"
                               " l.kind, l.reason FROM members m JOIN ledger_entries l ON l.member_id = m.id"
                               " ORDER BY m.uuid"));
    const QStringList hqMembers =
        rows(hqDb,
             QStringLiteral("SELECT m.uuid, m.number, m.name, m.email, m.phone, m.enrolled_at, l.key, l.points, l.kind,"
                            " l.reason FROM members m JOIN ledger l ON l.member_uuid = m.uuid ORDER BY m.uuid"));
    QCOMPARE(hqMembers.size(), qsizetype(kMembers));
    QCOMPARE(hqMembers, tillMembers);
    QCOMPARE(hqMembers.first().section(u'|', 0, 0), sync::memberUuidForNumber(1));

    const QStringList tillCards =
        rows(tillDb, QStringLiteral("SELECT c.number, m.uuid, c.state, c.kind, c.issued_at FROM cards c"
                                    " JOIN members m ON m.id = c.member_id ORDER BY c.number"));
    const QStringList hqCards =
        rows(hqDb, QStringLiteral("SELECT number, member_uuid, state, kind, issued_at FROM cards ORDER BY number"));
    QCOMPARE(hqCards, tillCards);

    const QStringList tillProducts =
        rows(tillDb, QStringLiteral("SELECT ean, name, price_minor, currency, category, earns_points, discountable"
                                    " FROM products ORDER BY ean"));
    const QStringList hqProducts =
        rows(hqDb, QStringLiteral("SELECT ean, name, price_minor, currency, category, earns_points, discountable"
                                  " FROM products ORDER BY ean"));
    QCOMPARE(hqProducts, tillProducts);

    // The balance a till shows for any member is head office's.
    QCOMPARE(rows(hqDb, QStringLiteral("SELECT sum(points) FROM ledger")),
             rows(tillDb, QStringLiteral("SELECT sum(points) FROM ledger_entries")));
}

void TestHqDemo::everyRowHasItsChange()
{
    QVERIFY(HqDemo(*m_database, *m_clock).generate(1200).ok());
    const QSqlDatabase db = m_database->connection();
    QCOMPARE(rows(db, QStringLiteral("SELECT kind, count(*) FROM changes GROUP BY kind ORDER BY kind")),
             QStringList({QStringLiteral("card|1201"), QStringLiteral("ledger|1200"), QStringLiteral("member|1200"),
                          QStringLiteral("product|300"), QStringLiteral("programme|1")}));
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM changes WHERE origin_till IS NOT NULL")), 0);
    // The change carries what the row holds.
    QSqlQuery change(db);
    QVERIFY(change.exec(QStringLiteral("SELECT data FROM changes WHERE kind = 'member' ORDER BY seq LIMIT 1")));
    QVERIFY(change.next());
    const QJsonObject member = QJsonDocument::fromJson(change.value(0).toString().toUtf8()).object();
    QCOMPARE(member.value(QStringLiteral("uuid")).toString(), sync::memberUuidForNumber(1));
    QCOMPARE(
        rows(db, QStringLiteral("SELECT name, email, enrolled_at FROM members WHERE number = 1")).value(0),
        QStringList({member.value(QStringLiteral("name")).toString(), member.value(QStringLiteral("email")).toString(),
                     member.value(QStringLiteral("enrolled_at")).toString()})
            .join(u'|'));
    QVERIFY(member.value(QStringLiteral("birth_date")).isNull());
}

void TestHqDemo::programmeIsPublishedSigned()
{
    const auto summary = HqDemo(*m_database, *m_clock).generate(0);
    QVERIFY(summary.ok());
    QVERIFY(summary->programmePublished);
    QSqlQuery programme(m_database->connection());
    QVERIFY(programme.exec(QStringLiteral("SELECT document, signature FROM programmes")));
    QVERIFY(programme.next());
    const auto key = HqSigningKey::load(*m_database);
    QVERIFY(key.ok());
    const QByteArray document = programme.value(0).toString().toUtf8();
    QCOMPARE(document, ProgrammeStore::builtInDocument());
    QVERIFY(
        Ed25519::verify(key->publicKey, document, QByteArray::fromBase64(programme.value(1).toString().toLatin1())));
}

void TestHqDemo::refusesANonEmptyHeadOffice()
{
    QVERIFY(HqDemo(*m_database, *m_clock).generate(10).ok());
    const qint64 changes = scalar(*m_database, QStringLiteral("SELECT count(*) FROM changes"));
    const auto again = HqDemo(*m_database, *m_clock, 99).generate(10);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, Error::Code::Conflict);
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM members")), 10);
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM changes")), changes);
    QCOMPARE(HqDemo(*m_database, *m_clock).generate(-1).error().code, Error::Code::InvalidInput);
}

QTEST_GUILESS_MAIN(TestHqDemo)
#include "TestHqDemo.moc"
