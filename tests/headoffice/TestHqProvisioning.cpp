// Provisioning and till authentication data: a one-time code works once, within 24 hours, and is
// stored only as its SHA-256; secrets are per till; nonces are refused when replayed in the window.
#include "HqTestSupport.h"
#include "keys/HqSigningKey.h"
#include "store/HqSchema.h"
#include "tills/TillRegistry.h"
#include "time/FixedClock.h"

#include <QCryptographicHash>
#include <QRegularExpression>

using namespace loyalty;
using namespace loyalty::hq;
using namespace loyalty::hq::test;

class TestHqProvisioning final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void codeWorksOnceAndIsStoredHashed();
    void codeExpiresAfter24Hours();
    void typedCodesAreForgiving();
    void secretsArePerTillAndDisabledTillsHaveNone();
    void nonceReplayIsRefusedWithinTheWindow();
    void signingKeyIsKeptAcrossOpens();
    void newerSchemaIsRefused();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    QString m_text;
    std::unique_ptr<HqDatabase> m_database;
    std::unique_ptr<HeadOffice> m_office;
};

void TestHqProvisioning::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC));
    LOYALTY_OPEN_TEST_HQ(*m_dir, m_text, m_database);
    m_office = std::make_unique<HeadOffice>(*m_database, *m_clock);
}

void TestHqProvisioning::cleanup()
{
    m_office.reset();
    m_database.reset();
    m_dir.reset();
}

void TestHqProvisioning::codeWorksOnceAndIsStoredHashed()
{
    const auto code = m_office->addTerminal(QStringLiteral("Bakery Nord 2"));
    QVERIFY(code.ok());
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$")).match(code->code).hasMatch(),
             qPrintable(code->code));
    QCOMPARE(code->expiresAt, QStringLiteral("2026-12-02T10:00:00.000Z"));
    // Only the hash is kept: the code itself appears nowhere in the table.
    QSqlQuery stored(m_database->connection());
    QVERIFY(stored.exec(QStringLiteral("SELECT code_sha256, till_name FROM provisioning_codes")));
    QVERIFY(stored.next());
    const QString normalised = QString(code->code).remove(u'-');
    QCOMPARE(stored.value(0).toString(),
             QString::fromLatin1(QCryptographicHash::hash(normalised.toUtf8(), QCryptographicHash::Sha256).toHex()));
    QVERIFY(!stored.value(0).toString().contains(normalised));
    stored.finish();

    const auto till = m_office->provision(code->code, QStringLiteral("Till 2"));
    QVERIFY2(till.ok(), qPrintable(errorText(till)));
    QCOMPARE(till->tillName, QStringLiteral("Bakery Nord 2"));  // head office's name for it
    QCOMPARE(till->secret.size(), 32);
    QCOMPARE(till->publicKey.size(), 32);
    QVERIFY(!QUuid::fromString(till->tillId).isNull());

    const auto again = m_office->provision(code->code, QStringLiteral("Till 3"));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, Error::Code::Refused);
    QCOMPARE(again.error().reason, QStringLiteral("bad_code"));
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM tills")), 1);
    const auto unknown = m_office->provision(QStringLiteral("AAAA-BBBB-CCCC"), QString());
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().reason, QStringLiteral("bad_code"));
}

void TestHqProvisioning::codeExpiresAfter24Hours()
{
    const auto code = m_office->addTerminal(QStringLiteral("Till 1"));
    QVERIFY(code.ok());
    m_clock->advanceSeconds(24 * 3600);
    const auto late = m_office->provision(code->code, QString());
    QVERIFY(!late.ok());
    QCOMPARE(late.error().reason, QStringLiteral("bad_code"));
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM tills")), 0);

    const auto fresh = m_office->addTerminal(QStringLiteral("Till 1"));
    QVERIFY(fresh.ok());
    m_clock->advanceSeconds(24 * 3600 - 1);
    QVERIFY(m_office->provision(fresh->code, QString()).ok());
}

void TestHqProvisioning::typedCodesAreForgiving()
{
    const auto code = m_office->addTerminal(QStringLiteral("Till 1"));
    QVERIFY(code.ok());
    // Lower case, spaces instead of dashes: the same code.
    const QString typed = QString(code->code).toLower().replace(u'-', u' ');
    QVERIFY(m_office->provision(typed, QString()).ok());
    QCOMPARE(TillRegistry::normaliseCode(QStringLiteral("o1l-I")), QStringLiteral("0111"));
}

void TestHqProvisioning::secretsArePerTillAndDisabledTillsHaveNone()
{
    const auto first = m_office->provision(m_office->addTerminal(QStringLiteral("Till 1"))->code, QString());
    const auto second = m_office->provision(m_office->addTerminal(QStringLiteral("Till 2"))->code, QString());
    QVERIFY(first.ok() && second.ok());
    QVERIFY(first->secret != second->secret);
    const auto secret = m_office->activeTillSecret(first->tillId);
    QVERIFY(secret.ok());
    QCOMPARE(*secret, first->secret);
    const auto unknown = m_office->activeTillSecret(newId());
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code, Error::Code::NotFound);
    QCOMPARE(unknown.error().reason, QStringLiteral("unknown_till"));
    QSqlQuery disable(m_database->connection());
    disable.prepare(QStringLiteral("UPDATE tills SET state = 'disabled' WHERE id = ?"));
    disable.bindValue(0, second->tillId);
    QVERIFY(disable.exec());
    QCOMPARE(m_office->activeTillSecret(second->tillId).error().reason, QStringLiteral("unknown_till"));
}

void TestHqProvisioning::nonceReplayIsRefusedWithinTheWindow()
{
    const QString till = provisionTill(*m_office, QStringLiteral("Till 1"));
    const QString other = provisionTill(*m_office, QStringLiteral("Till 2"));
    const QByteArray nonce("0123456789abcdef0123456789abcdef");
    const qint64 t = 1'796'000'000;
    QCOMPARE(m_office->rememberNonce(till, nonce, t).value(), true);
    QCOMPARE(m_office->rememberNonce(till, nonce, t + 10).value(), false);
    QCOMPARE(m_office->rememberNonce(till, nonce, t + sync::kNonceMemorySeconds).value(), false);
    QCOMPARE(m_office->rememberNonce(other, nonce, t + 10).value(), true);  // another till's nonce space
    // Long after the window the nonce may be forgotten; the signature's timestamp check refuses it anyway.
    QCOMPARE(m_office->rememberNonce(till, nonce, t + sync::kNonceMemorySeconds + 1).value(), true);
    QVERIFY(scalar(*m_database, QStringLiteral("SELECT count(*) FROM nonces")) <= 2);

    // Kept in the database: a restart (a new connection) still refuses it.
    m_office.reset();
    m_database.reset();
    QString error;
    m_database = openDatabase(m_text, &error);
    QVERIFY2(m_database, qPrintable(error));
    m_office = std::make_unique<HeadOffice>(*m_database, *m_clock);
    QCOMPARE(m_office->rememberNonce(till, nonce, t + sync::kNonceMemorySeconds + 2).value(), false);
}

void TestHqProvisioning::signingKeyIsKeptAcrossOpens()
{
    const auto key = m_office->publicKey();
    QVERIFY(key.ok());
    QCOMPARE(key->size(), 32);
    m_office.reset();
    m_database.reset();
    QString error;
    m_database = openDatabase(m_text, &error);
    QVERIFY2(m_database, qPrintable(error));
    QCOMPARE(HeadOffice(*m_database, *m_clock).publicKey().value(), *key);
}

void TestHqProvisioning::newerSchemaIsRefused()
{
    QCOMPARE(m_database->schemaVersion(), HqSchema::currentVersion());
    QSqlQuery bump(m_database->connection());
    QVERIFY(bump.exec(QStringLiteral("UPDATE hq_schema SET version = 99")));
    m_office.reset();
    m_database.reset();
    const auto url = HqDatabaseUrl::parse(m_text);
    QVERIFY(url.ok());
    const auto opened = HqDatabase::open(*url);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code, Error::Code::SchemaTooNew);
    QVERIFY2(opened.error().message.contains(QStringLiteral("99")), qPrintable(opened.error().message));
}

QTEST_GUILESS_MAIN(TestHqProvisioning)
#include "TestHqProvisioning.moc"
