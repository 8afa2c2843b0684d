// Digital-card keys and revoked digital cards from head office to the tills: `card-key add`,
// `card-key retire` and `card revoke` as scripts use them (the real loyalty-hq process, its JSON and
// exit codes), refusals that change nothing, the changes every till pulls, and a real till database
// that applies that page and then trusts the key and refuses the card. On the backend
// LOYALTY_TEST_HQ_BACKEND names.
#include "HqTestSupport.h"
#include "admin/CardKeyPublisher.h"
#include "admin/CardRevoker.h"
#include "cards/CardRead.h"
#include "cards/digital/CardTrustList.h"
#include "cards/digital/DigitalCardDecoder.h"
#include "cards/digital/DigitalCardIssuer.h"
#include "cards/digital/Ed25519.h"
#include "cards/digital/RevokedCardList.h"
#include "settings/SettingsRepository.h"
#include "store/Database.h"
#include "sync/apply/ChangeApplier.h"
#include "time/FixedClock.h"

#include <QJsonDocument>
#include <QProcess>
#include <QSqlError>
#include <QSqlRecord>

using namespace loyalty;
using namespace loyalty::hq;
using namespace loyalty::hq::test;

namespace {

struct Run
{
    int exitCode = -1;
    QJsonObject json;
    QString out;
    QString err;
};

QString base64(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QJsonObject keyData(int keyId, const QString& publicKey, const QString& from, const QJsonValue& until)
{
    return {{QStringLiteral("key_id"), keyId},
            {QStringLiteral("public_key"), publicKey},
            {QStringLiteral("valid_from"), from},
            {QStringLiteral("valid_until"), until}};
}

}  // namespace

class TestHqCardKeys final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void commandsPrintTheirJson();
    void refusalsChangeNothing_data();
    void refusalsChangeNothing();
    void everyTillPullsTheChanges();
    void aTillAppliesThePage();
    void stateWordsAreTranslated();

private:
    Run hq(const QStringList& arguments, const QString& language = QString()) const;
    // Every row the commands may write, to compare two moments.
    QStringList picture() const;
    HeadOffice& office();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    QString m_db;
    Ed25519KeyPair m_pair;
    Ed25519KeyPair m_pair2;
    QString m_key;   // base64 of m_pair's public key
    QString m_key2;  // of m_pair2's
    std::unique_ptr<HqDatabase> m_database;
    std::unique_ptr<HeadOffice> m_office;
};

void TestHqCardKeys::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC));
    QString error;
    m_db = freshDatabaseText(*m_dir, &error);
    if (m_db.isEmpty())
        QFAIL(qPrintable(error));
    const auto key = Ed25519::generate();
    const auto key2 = Ed25519::generate();
    QVERIFY(key.ok() && key2.ok());
    m_pair = *key;
    m_pair2 = *key2;
    m_key = base64(key->publicKey);
    m_key2 = base64(key2->publicKey);
}

void TestHqCardKeys::cleanup()
{
    m_office.reset();
    m_database.reset();
    m_clock.reset();
    m_dir.reset();
}

HeadOffice& TestHqCardKeys::office()
{
    if (!m_office) {
        QString error;
        m_database = openDatabase(m_db, &error);
        if (!m_database)
            qFatal("%s", qPrintable(error));
        m_office = std::make_unique<HeadOffice>(*m_database, *m_clock);
    }
    return *m_office;
}

Run TestHqCardKeys::hq(const QStringList& arguments, const QString& language) const
{
    QProcess process;
    process.setWorkingDirectory(m_dir->path());
    if (!language.isEmpty()) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LC_ALL"), language);
        environment.insert(QStringLiteral("LANG"), language);
        process.setProcessEnvironment(environment);
    }
    process.start(QStringLiteral(LOYALTY_HQ_PATH), QStringList{QStringLiteral("--db"), m_db} + arguments);
    Run run;
    if (!process.waitForFinished(120'000) || process.exitStatus() != QProcess::NormalExit) {
        run.err = QStringLiteral("loyalty-hq did not finish: ") + process.errorString();
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    run.json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    return run;
}

QStringList TestHqCardKeys::picture() const
{
    QString error;
    const auto database = openDatabase(m_db, &error);
    if (!database)
        return {error};
    QStringList rows;
    for (const char* sql : {"SELECT key_id, public_key, valid_from, valid_until FROM card_keys ORDER BY key_id",
                            "SELECT card_id, revoked_at, reason FROM revoked_cards ORDER BY card_id",
                            "SELECT seq, kind, origin_till, data FROM changes ORDER BY seq"}) {
        QSqlQuery query(database->connection());
        if (!query.exec(QString::fromLatin1(sql)))
            return {query.lastError().text()};
        while (query.next()) {
            QStringList fields;
            for (int i = 0; i < query.record().count(); ++i)
                fields << (query.value(i).isNull() ? QStringLiteral("NULL") : query.value(i).toString());
            rows << fields.join(u'|');
        }
    }
    return rows;
}

void TestHqCardKeys::commandsPrintTheirJson()
{
    const QStringList add{QStringLiteral("card-key"),     QStringLiteral("add"),
                          QStringLiteral("--key-id"),     QStringLiteral("7"),
                          QStringLiteral("--public-key"), m_key,
                          QStringLiteral("--valid-from"), QStringLiteral("2026-12-01"),
                          QStringLiteral("--json")};
    const Run added = hq(add);
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    QJsonObject expected = keyData(7, m_key, QStringLiteral("2026-12-01T00:00:00.000Z"), QJsonValue());
    expected.insert(QStringLiteral("changed"), true);
    QCOMPARE(added.json, expected);

    // The same content again (the key typed without its padding) is no change.
    QStringList again = add;
    again[5] = m_key.chopped(1);
    const Run repeated = hq(again);
    QVERIFY2(repeated.exitCode == 0, qPrintable(repeated.err));
    expected.insert(QStringLiteral("changed"), false);
    QCOMPARE(repeated.json, expected);

    const Run retired =
        hq({QStringLiteral("card-key"), QStringLiteral("retire"), QStringLiteral("--key-id"), QStringLiteral("7"),
            QStringLiteral("--valid-until"), QStringLiteral("2027-06-01"), QStringLiteral("--json")});
    QVERIFY2(retired.exitCode == 0, qPrintable(retired.err));
    expected =
        keyData(7, m_key, QStringLiteral("2026-12-01T00:00:00.000Z"), QStringLiteral("2027-06-01T00:00:00.000Z"));
    expected.insert(QStringLiteral("changed"), true);
    QCOMPARE(retired.json, expected);

    // A key with its window given at once; people read text without --json.
    const Run windowed =
        hq({QStringLiteral("card-key"), QStringLiteral("add"), QStringLiteral("--key-id"), QStringLiteral("8"),
            QStringLiteral("--public-key"), m_key2, QStringLiteral("--valid-from"), QStringLiteral("2027-06-01"),
            QStringLiteral("--valid-until"), QStringLiteral("2028-06-01")});
    QVERIFY2(windowed.exitCode == 0, qPrintable(windowed.err));
    QVERIFY2(windowed.out.contains(QLatin1String("Digital card key 8")) &&
                 windowed.out.contains(QLatin1String("2028-06-01T00:00:00.000Z")),
             qPrintable(windowed.out));

    const Run revoked = hq({QStringLiteral("card"), QStringLiteral("revoke"), QStringLiteral("card-lost-1"),
                            QStringLiteral("--reason"), QStringLiteral("lost phone"), QStringLiteral("--json")});
    QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.err));
    QCOMPARE(revoked.json.keys(), (QStringList{QStringLiteral("card_id"), QStringLiteral("changed"),
                                               QStringLiteral("reason"), QStringLiteral("revoked_at")}));
    QCOMPARE(revoked.json.value(QStringLiteral("card_id")).toString(), QStringLiteral("card-lost-1"));
    QCOMPARE(revoked.json.value(QStringLiteral("reason")).toString(), QStringLiteral("lost phone"));
    QCOMPARE(revoked.json.value(QStringLiteral("changed")).toBool(), true);
    const QString revokedAt = revoked.json.value(QStringLiteral("revoked_at")).toString();
    QVERIFY2(revokedAt.endsWith(u'Z') && QDateTime::fromString(revokedAt, Qt::ISODateWithMs).isValid(),
             qPrintable(revokedAt));

    // Revoked twice: the first record stands.
    const Run twice = hq({QStringLiteral("card"), QStringLiteral("revoke"), QStringLiteral("card-lost-1"),
                          QStringLiteral("--reason"), QStringLiteral("found again"), QStringLiteral("--json")});
    QVERIFY2(twice.exitCode == 0, qPrintable(twice.err));
    QCOMPARE(twice.json.value(QStringLiteral("revoked_at")).toString(), revokedAt);
    QCOMPARE(twice.json.value(QStringLiteral("reason")).toString(), QStringLiteral("lost phone"));
    QCOMPARE(twice.json.value(QStringLiteral("changed")).toBool(), false);

    // Four changes: key 7, key 7 retired, key 8, the card; the repeats wrote nothing.
    const QStringList rows = picture();
    QCOMPARE(rows.filter(QStringLiteral("|card_key|")).size(), 3);
    QCOMPARE(rows.filter(QStringLiteral("|revoked_card|")).size(), 1);
}

void TestHqCardKeys::refusalsChangeNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    const auto add = [](const QString& id, const QString& key, const QString& from) {
        return QStringList{QStringLiteral("card-key"),     QStringLiteral("add"),
                           QStringLiteral("--key-id"),     id,
                           QStringLiteral("--public-key"), key,
                           QStringLiteral("--valid-from"), from};
    };
    const auto retire = [](const QString& id, const QString& until) {
        return QStringList{QStringLiteral("card-key"),      QStringLiteral("retire"),
                           QStringLiteral("--key-id"),      id,
                           QStringLiteral("--valid-until"), until};
    };
    const auto revoke = [](const QString& card, const QString& reason) {
        return QStringList{QStringLiteral("card"), QStringLiteral("revoke"), card, QStringLiteral("--reason"), reason};
    };
    const QString day = QStringLiteral("2026-12-01");
    // Key 1 is published with m_key from 2026-12-01 before each row; "KEY" stands for m_key, "KEY2" for m_key2.
    QTest::newRow("same id, other key") << add(QStringLiteral("1"), QStringLiteral("KEY2"), day) << 4;
    QTest::newRow("same id, other start")
        << add(QStringLiteral("1"), QStringLiteral("KEY"), QStringLiteral("2026-12-02")) << 4;
    QTest::newRow("same id, now with an end")
        << add(QStringLiteral("1"), QStringLiteral("KEY"), day) +
               QStringList{QStringLiteral("--valid-until"), QStringLiteral("2027-01-01")}
        << 4;
    QTest::newRow("short key") << add(QStringLiteral("2"), QStringLiteral("AAAA"), day) << 4;
    QTest::newRow("long key") << add(QStringLiteral("2"), base64(QByteArray(33, 'k')), day) << 4;
    QTest::newRow("not base64") << add(QStringLiteral("2"), QStringLiteral("!!not-base64!!"), day) << 4;
    QTest::newRow("end before start") << add(QStringLiteral("2"), QStringLiteral("KEY2"), day) +
                                             QStringList{QStringLiteral("--valid-until"), QStringLiteral("2026-11-30")}
                                      << 4;
    QTest::newRow("end on the start") << add(QStringLiteral("2"), QStringLiteral("KEY2"), day) +
                                             QStringList{QStringLiteral("--valid-until"), day}
                                      << 4;
    QTest::newRow("key id too large") << add(QStringLiteral("65536"), QStringLiteral("KEY2"), day) << 1;
    QTest::newRow("negative key id") << add(QStringLiteral("-1"), QStringLiteral("KEY2"), day) << 1;
    QTest::newRow("key id not a number") << add(QStringLiteral("two"), QStringLiteral("KEY2"), day) << 1;
    QTest::newRow("no such day") << add(QStringLiteral("2"), QStringLiteral("KEY2"), QStringLiteral("2026-02-30")) << 1;
    QTest::newRow("day with a time") << add(QStringLiteral("2"), QStringLiteral("KEY2"),
                                            QStringLiteral("2026-12-01T10:00"))
                                     << 1;
    QTest::newRow("no public key") << QStringList{QStringLiteral("card-key"),     QStringLiteral("add"),
                                                  QStringLiteral("--key-id"),     QStringLiteral("2"),
                                                  QStringLiteral("--valid-from"), day}
                                   << 1;
    QTest::newRow("no start") << QStringList{QStringLiteral("card-key"),     QStringLiteral("add"),
                                             QStringLiteral("--key-id"),     QStringLiteral("2"),
                                             QStringLiteral("--public-key"), QStringLiteral("KEY2")}
                              << 1;
    QTest::newRow("add with a reason") << add(QStringLiteral("2"), QStringLiteral("KEY2"), day) +
                                              QStringList{QStringLiteral("--reason"), QStringLiteral("x")}
                                       << 1;
    QTest::newRow("retire an unknown key") << retire(QStringLiteral("9"), QStringLiteral("2027-01-01")) << 2;
    QTest::newRow("retire before the start") << retire(QStringLiteral("1"), QStringLiteral("2026-11-01")) << 4;
    QTest::newRow("retire on the start") << retire(QStringLiteral("1"), day) << 4;
    QTest::newRow("retire without a day") << QStringList{QStringLiteral("card-key"), QStringLiteral("retire"),
                                                         QStringLiteral("--key-id"), QStringLiteral("1")}
                                          << 1;
    QTest::newRow("card id with a space") << revoke(QStringLiteral("card lost"), QStringLiteral("lost phone")) << 4;
    QTest::newRow("card id too long") << revoke(QString(65, u'c'), QStringLiteral("lost phone")) << 4;
    QTest::newRow("card id not ASCII") << revoke(QStringLiteral("kärtchen"), QStringLiteral("lost phone")) << 4;
    QTest::newRow("reason too long") << revoke(QStringLiteral("card-1"), QString(201, u'r')) << 4;
    QTest::newRow("reason of two lines") << revoke(QStringLiteral("card-1"), QStringLiteral("lost\nphone")) << 4;
    QTest::newRow("no reason") << QStringList{QStringLiteral("card"), QStringLiteral("revoke"),
                                              QStringLiteral("card-1")}
                               << 1;
    QTest::newRow("no card") << QStringList{QStringLiteral("card"), QStringLiteral("revoke"),
                                            QStringLiteral("--reason"), QStringLiteral("x")}
                             << 1;
    QTest::newRow("revoke with a key id") << revoke(QStringLiteral("card-1"), QStringLiteral("x")) +
                                                 QStringList{QStringLiteral("--key-id"), QStringLiteral("1")}
                                          << 1;
}

void TestHqCardKeys::refusalsChangeNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const Run first =
        hq({QStringLiteral("card-key"), QStringLiteral("add"), QStringLiteral("--key-id"), QStringLiteral("1"),
            QStringLiteral("--public-key"), m_key, QStringLiteral("--valid-from"), QStringLiteral("2026-12-01")});
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    const QStringList before = picture();
    QCOMPARE(before.size(), 2);  // the key and its change

    for (QString& argument : arguments) {
        if (argument == QLatin1String("KEY"))
            argument = m_key;
        else if (argument == QLatin1String("KEY2"))
            argument = m_key2;
    }
    const Run refused = hq(arguments + QStringList{QStringLiteral("--json")});
    QVERIFY2(refused.exitCode == exitCode,
             qPrintable(QStringLiteral("exit %1: %2").arg(refused.exitCode).arg(refused.err)));
    QVERIFY(refused.out.isEmpty());
    QVERIFY2(refused.err.startsWith(QLatin1String("loyalty-hq: ")), qPrintable(refused.err));
    QCOMPARE(picture(), before);
}

void TestHqCardKeys::everyTillPullsTheChanges()
{
    HeadOffice& hq = office();
    const QString till1 = provisionTill(hq, QStringLiteral("Till 1"));
    const QString till2 = provisionTill(hq, QStringLiteral("Till 2"));
    QVERIFY(!till1.isEmpty() && !till2.isEmpty());

    CardKeyPublisher keys(*m_database);
    const auto added = keys.add(3, m_key, QDate(2026, 12, 1), std::nullopt);
    QVERIFY2(added.ok(), qPrintable(errorText(added)));
    QVERIFY(added->changed);
    const auto retired = keys.retire(3, QDate(2027, 6, 1));
    QVERIFY2(retired.ok(), qPrintable(errorText(retired)));
    const auto revoked =
        CardRevoker(*m_database, *m_clock).revoke(QStringLiteral("card-lost-1"), QStringLiteral(" lost phone "));
    QVERIFY2(revoked.ok(), qPrintable(errorText(revoked)));
    QCOMPARE(revoked->revokedAt, QStringLiteral("2026-12-01T10:00:00.000Z"));
    QCOMPARE(revoked->reason, QStringLiteral("lost phone"));

    // The same content again, and a refusal, add nothing to the feed.
    QVERIFY(keys.add(3, m_key, QDate(2026, 12, 1), QDate(2027, 6, 1)).ok());
    QCOMPARE(keys.retire(3, QDate(2027, 6, 1))->changed, false);
    QCOMPARE(keys.add(3, m_key2, QDate(2026, 12, 1), std::nullopt).error().reason, QStringLiteral("duplicate_key"));
    QCOMPARE(keys.retire(4, QDate(2027, 6, 1)).error().code, Error::Code::NotFound);

    const QJsonArray expected{
        QJsonObject{
            {QStringLiteral("kind"), sync::kCardKeyChange},
            {QStringLiteral("data"), keyData(3, m_key, QStringLiteral("2026-12-01T00:00:00.000Z"), QJsonValue())}},
        QJsonObject{{QStringLiteral("kind"), sync::kCardKeyChange},
                    {QStringLiteral("data"), keyData(3, m_key, QStringLiteral("2026-12-01T00:00:00.000Z"),
                                                     QStringLiteral("2027-06-01T00:00:00.000Z"))}},
        QJsonObject{{QStringLiteral("kind"), sync::kRevokedCardChange},
                    {QStringLiteral("data"),
                     QJsonObject{{
                                     QStringLiteral("card_id"),
                                     QStringLiteral("card-lost-1"),
                                 },
                                 {QStringLiteral("revoked_at"), QStringLiteral("2026-12-01T10:00:00.000Z")},
                                 {QStringLiteral("reason"), QStringLiteral("lost phone")}}}}};
    for (const QString& till : {till1, till2}) {
        const auto page = hq.changes(till, QString(), 1000);
        QVERIFY2(page.ok(), qPrintable(errorText(page)));
        QCOMPARE(page->changes, expected);
        QCOMPARE(page->more, false);
    }
    // Head office's own changes: no till's.
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM changes WHERE origin_till IS NOT NULL")), 0);
}

void TestHqCardKeys::aTillAppliesThePage()
{
    HeadOffice& hq = office();
    const QString tillId = provisionTill(hq, QStringLiteral("Till 1"));
    QVERIFY(!tillId.isEmpty());
    // Rotation: key 3 until 2027-06-01, key 4 from then on; one card withdrawn.
    CardKeyPublisher keys(*m_database);
    QVERIFY(keys.add(3, m_key, QDate(2026, 12, 1), std::nullopt).ok());
    QVERIFY(keys.add(4, m_key2, QDate(2027, 6, 1), std::nullopt).ok());
    QVERIFY(keys.retire(3, QDate(2027, 6, 1)).ok());
    QVERIFY(
        CardRevoker(*m_database, *m_clock).revoke(QStringLiteral("card-lost-1"), QStringLiteral("lost phone")).ok());
    const auto page = hq.changes(tillId, QString(), 1000);
    QVERIFY2(page.ok(), qPrintable(errorText(page)));
    QCOMPARE(page->changes.size(), 4);

    QTemporaryDir tillDir;
    QVERIFY(tillDir.isValid());
    auto opened = Database::open(tillDir.filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
    const std::unique_ptr<Database> till = std::move(opened).value();
    QVERIFY(SettingsRepository(till->connection()).setValue(QStringLiteral("till.id"), tillId).ok());

    sync::ChangeApplier applier(till->connection(), *m_clock);
    const auto applied = applier.apply(page->changes, page->cursor);
    QVERIFY2(applied.ok(), qPrintable(errorText(applied)));
    QCOMPARE(applied->applied.value(sync::kCardKeyChange), 3);
    QCOMPARE(applied->applied.value(sync::kRevokedCardChange), 1);

    const CardTrustList trust(till->connection(), *m_clock);
    const auto three = trust.find(3);
    QVERIFY2(three.ok() && three->has_value(), qPrintable(errorText(three)));
    QCOMPARE(base64((*three)->publicKey), m_key);
    QCOMPARE((*three)->validFrom, QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC));
    QCOMPARE((*three)->validUntil, std::optional(QDateTime(QDate(2027, 6, 1), QTime(0, 0), Qt::UTC)));
    QVERIFY((*three)->trustsCardIssuedAt(QDateTime(QDate(2027, 5, 31), QTime(23, 59, 59), Qt::UTC)));
    QVERIFY(!(*three)->trustsCardIssuedAt(QDateTime(QDate(2027, 6, 1), QTime(0, 0), Qt::UTC)));
    QVERIFY(!(*three)->trustsCardIssuedAt(QDateTime(QDate(2026, 11, 30), QTime(23, 59, 59), Qt::UTC)));
    const auto four = trust.find(4);
    QVERIFY2(four.ok() && four->has_value(), qPrintable(errorText(four)));
    QCOMPARE(base64((*four)->publicKey), m_key2);
    QVERIFY(!(*four)->validUntil.has_value());
    QVERIFY((*four)->trustsCardIssuedAt(QDateTime(QDate(2027, 6, 1), QTime(0, 0), Qt::UTC)));

    const RevokedCardList revoked(till->connection(), *m_clock);
    QCOMPARE(revoked.isRevoked(QStringLiteral("card-lost-1")).value(), true);
    QCOMPARE(revoked.isRevoked(QStringLiteral("card-lost-2")).value(), false);
    QSqlQuery row(till->connection());
    QVERIFY(row.exec(QStringLiteral("SELECT revoked_at, reason FROM revoked_digital_cards")) && row.next());
    QCOMPARE(row.value(0).toString(), QStringLiteral("2026-12-01T10:00:00.000Z"));
    QCOMPARE(row.value(1).toString(), QStringLiteral("lost phone"));

    // And so the till's own decoder, offline, in July 2027: key 3's cards from before June, key 4's
    // from June on; a card key 3 signed after its retirement and the revoked card are refused.
    const FixedClock july(QDateTime(QDate(2027, 7, 15), QTime(12, 0), Qt::UTC));
    const DigitalCardDecoder decoder(till->connection(), july);
    const auto scan = [&](const Ed25519KeyPair& pair, quint16 keyId, const QString& cardId, const QDate& issued) {
        DigitalCardToken token;
        token.cardId = cardId;
        token.issued = QDateTime(issued, QTime(8, 0), Qt::UTC);
        token.expiry = QDateTime(QDate(2029, 1, 1), QTime(0, 0), Qt::UTC);
        const auto qr = DigitalCardIssuer(keyId, pair.secretKey).issue(token);
        if (!qr)
            return qr.error().message;
        const auto read = decoder.decode(*qr, CardSource::CommandLine);
        if (!read)
            return QStringLiteral("not a digital card");
        return read->ok() ? QStringLiteral("ok:") + (*read)->identifier : (*read).error().reason;
    };
    QCOMPARE(scan(m_pair, 3, QStringLiteral("card-1"), QDate(2027, 5, 31)), QStringLiteral("ok:card-1"));
    QCOMPARE(scan(m_pair2, 4, QStringLiteral("card-2"), QDate(2027, 6, 1)), QStringLiteral("ok:card-2"));
    QCOMPARE(scan(m_pair, 3, QStringLiteral("card-3"), QDate(2027, 6, 2)), QStringLiteral("unknown_key"));
    QCOMPARE(scan(m_pair, 3, QStringLiteral("card-lost-1"), QDate(2027, 1, 5)), QStringLiteral("revoked"));

    // The same page again leaves the same rows (the key's two changes apply in feed order again).
    QSqlQuery keysBefore(till->connection());
    QVERIFY(keysBefore.exec(
                QStringLiteral("SELECT count(*), group_concat(key_id || valid_from || coalesce(valid_until, '-'))"
                               " FROM card_trust_keys")) &&
            keysBefore.next());
    const QString stateBefore = keysBefore.value(0).toString() + keysBefore.value(1).toString();
    const auto again = applier.apply(page->changes, page->cursor);
    QVERIFY2(again.ok(), qPrintable(errorText(again)));
    QCOMPARE(again->unchanged.value(sync::kRevokedCardChange), 1);
    QSqlQuery keysAfter(till->connection());
    QVERIFY(keysAfter.exec(
                QStringLiteral("SELECT count(*), group_concat(key_id || valid_from || coalesce(valid_until, '-'))"
                               " FROM card_trust_keys")) &&
            keysAfter.next());
    QCOMPARE(keysAfter.value(0).toString() + keysAfter.value(1).toString(), stateBefore);
    QCOMPARE(keysAfter.value(0).toInt(), 2);
}

// Text for people names card and till states in their language; --json keeps the stored words.
void TestHqCardKeys::stateWordsAreTranslated()
{
    const Run demo = hq({QStringLiteral("demo"), QStringLiteral("--members"), QStringLiteral("2")});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    HeadOffice& hq = office();
    QSqlQuery card(m_database->connection());
    QVERIFY(card.exec(QStringLiteral("SELECT number FROM cards WHERE state = 'active' ORDER BY number")) &&
            card.next());
    const QString number = card.value(0).toString();
    const QString tillId = provisionTill(hq, QStringLiteral("Till 1"));
    QVERIFY(!tillId.isEmpty());
    QVERIFY(hq.disableTill(tillId).ok());

    const QString german = QStringLiteral("de_DE.UTF-8");
    const Run balance = this->hq({QStringLiteral("balance"), number}, german);
    QVERIFY2(balance.exitCode == 0, qPrintable(balance.err));
    QVERIFY2(balance.out.startsWith(QStringLiteral("Karte %1 (aktiv)").arg(number)), qPrintable(balance.out));
    const Run english = this->hq({QStringLiteral("balance"), number});
    QVERIFY2(english.out.startsWith(QStringLiteral("Card %1 (active)").arg(number)), qPrintable(english.out));

    const Run list = this->hq({QStringLiteral("terminal"), QStringLiteral("list")}, german);
    QVERIFY2(list.exitCode == 0, qPrintable(list.err));
    QVERIFY2(list.out.contains(QStringLiteral("Till 1  deaktiviert  eingerichtet")), qPrintable(list.out));
    const Run json = this->hq({QStringLiteral("terminal"), QStringLiteral("list"), QStringLiteral("--json")}, german);
    QVERIFY2(json.exitCode == 0, qPrintable(json.err));
    QCOMPARE(
        json.json.value(QStringLiteral("tills")).toArray().at(0).toObject().value(QStringLiteral("state")).toString(),
        QStringLiteral("disabled"));
}

QTEST_GUILESS_MAIN(TestHqCardKeys)
#include "TestHqCardKeys.moc"
