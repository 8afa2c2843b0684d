// NFC tag reads become card reads: an NDEF loyalty number always, a bare UID only when the till is
// configured for it (cards.allow_nfc_uid).
#include "cards/devices/NfcPolicy.h"
#include "settings/SettingsRepository.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;

class TestNfcPolicy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void readsTheSetting_data();
    void readsTheSetting();
    void turnsTagsIntoCardReads_data();
    void turnsTagsIntoCardReads();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
};

void TestNfcPolicy::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC));
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    m_database = std::move(opened).value();
}

void TestNfcPolicy::cleanup()
{
    m_database.reset();
    m_dir.reset();
}

void TestNfcPolicy::readsTheSetting_data()
{
    QTest::addColumn<QString>("value");  // "<unset>": no row
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("allowed");

    QTest::newRow("unset") << QStringLiteral("<unset>") << true << false;
    QTest::newRow("0") << QStringLiteral("0") << true << false;
    QTest::newRow("1") << QStringLiteral("1") << true << true;
    QTest::newRow("true") << QStringLiteral("true") << true << true;
    QTest::newRow("garbage") << QStringLiteral("perhaps") << false << false;
}

void TestNfcPolicy::readsTheSetting()
{
    QFETCH(QString, value);
    QFETCH(bool, ok);
    QFETCH(bool, allowed);

    SettingsRepository settings(m_database->connection());
    if (value != QStringLiteral("<unset>"))
        QVERIFY(settings.setValue(NfcPolicy::kAllowNfcUid, value).ok());
    const Result<NfcPolicy> policy = NfcPolicy::load(settings);
    QCOMPARE(policy.ok(), ok);
    if (ok)
        QCOMPARE(policy->allowsUidOnly(), allowed);
    else
        QCOMPARE(policy.error().reason, QStringLiteral("setting_invalid"));
}

void TestNfcPolicy::turnsTagsIntoCardReads_data()
{
    QTest::addColumn<bool>("allowUid");
    QTest::addColumn<QString>("uid");
    QTest::addColumn<QString>("ndefText");
    QTest::addColumn<QString>("reason");  // empty: a card read
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("format");

    const int number = static_cast<int>(CardRead::Kind::LoyaltyNumber);
    const int uidKind = static_cast<int>(CardRead::Kind::NfcUid);
    const QString ok;
    QTest::newRow("NDEF number, UID not allowed")
        << false << QStringLiteral("04A1B2C3D4E5F6") << QStringLiteral("2000000123455") << ok << number
        << QStringLiteral("2000000123455") << QStringLiteral("nfc-ndef");
    QTest::newRow("NDEF number with spaces")
        << true << QStringLiteral("04A1B2C3D4E5F6") << QStringLiteral(" lc-0042-ab\n") << ok << number
        << QStringLiteral("LC-0042-AB") << QStringLiteral("nfc-ndef");
    QTest::newRow("4-byte UID allowed") << true << QStringLiteral("a1b2c3d4") << QString() << ok << uidKind
                                        << QStringLiteral("A1B2C3D4") << QStringLiteral("nfc-uid");
    QTest::newRow("7-byte UID allowed") << true << QStringLiteral("04A1B2C3D4E5F6") << QString() << ok << uidKind
                                        << QStringLiteral("04A1B2C3D4E5F6") << QStringLiteral("nfc-uid");
    QTest::newRow("URI is not a number: UID")
        << true << QStringLiteral("04A1B2C3D4E5F6") << QStringLiteral("https://example.com/c") << ok << uidKind
        << QStringLiteral("04A1B2C3D4E5F6") << QStringLiteral("nfc-uid");
    QTest::newRow("UID not allowed") << false << QStringLiteral("A1B2C3D4") << QString()
                                     << QStringLiteral("nfc_uid_not_allowed") << 0 << QString() << QString();
    QTest::newRow("URI, UID not allowed") << false << QStringLiteral("A1B2C3D4") << QStringLiteral("https://x.y/z")
                                          << QStringLiteral("nfc_uid_not_allowed") << 0 << QString() << QString();
    QTest::newRow("5-byte UID is not ISO 14443") << true << QStringLiteral("A1B2C3D4E5") << QString()
                                                 << QStringLiteral("nfc_uid_invalid") << 0 << QString() << QString();
    QTest::newRow("not hex") << true << QStringLiteral("A1B2C3DZ") << QString() << QStringLiteral("nfc_uid_invalid")
                             << 0 << QString() << QString();
}

void TestNfcPolicy::turnsTagsIntoCardReads()
{
    QFETCH(bool, allowUid);
    QFETCH(QString, uid);
    QFETCH(QString, ndefText);
    QFETCH(QString, reason);
    QFETCH(int, kind);
    QFETCH(QString, identifier);
    QFETCH(QString, format);

    const Result<CardRead> read = NfcPolicy(allowUid).toCardRead(uid, ndefText);
    if (!reason.isEmpty()) {
        QVERIFY(!read.ok());
        QCOMPARE(read.error().reason, reason);
        QVERIFY(!read.error().message.isEmpty());
        return;
    }
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().reason));
    QCOMPARE(static_cast<int>(read->kind), kind);
    QCOMPARE(read->identifier, identifier);
    QCOMPARE(read->format, format);
    QCOMPARE(read->source, CardSource::Nfc);
}

QTEST_GUILESS_MAIN(TestNfcPolicy)
#include "TestNfcPolicy.moc"
