// Card reader settings from the settings table: defaults, custom values, and refused values.
#include "cards/devices/DeviceSettings.h"
#include "settings/SettingsRepository.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;

using SettingRows = QList<std::pair<QString, QString>>;

class TestDeviceSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void defaultsSuitUsbScanners();
    void readsConfiguredValues();
    void refusesInvalidValues_data();
    void refusesInvalidValues();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
};

void TestDeviceSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC));
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    m_database = std::move(opened).value();
}

void TestDeviceSettings::cleanup()
{
    m_database.reset();
    m_dir.reset();
}

void TestDeviceSettings::defaultsSuitUsbScanners()
{
    const Result<DeviceSettings> loaded = DeviceSettings::load(SettingsRepository(m_database->connection()));
    QVERIFY(loaded.ok());
    QVERIFY(loaded->wedgeEnabled);
    QCOMPARE(loaded->wedge.maxGapMs, 20);
    QCOMPARE(loaded->wedge.minLength, 6);
    QCOMPARE(loaded->wedge.maxLength, 512);
    QCOMPARE(loaded->wedge.terminators, QStringLiteral("\r\t"));
    QVERIFY(!loaded->wedge.requireTerminator);
    QVERIFY(loaded->serial.portName.isEmpty());
    QCOMPARE(loaded->serial.baudRate, 9600);
    QVERIFY(loaded->serial.suffix.isEmpty());
    QVERIFY(loaded->nfcEnabled);
}

void TestDeviceSettings::readsConfiguredValues()
{
    SettingsRepository settings(m_database->connection());
    const SettingRows rows{{DeviceSettings::kWedgeEnabled, QStringLiteral("0")},
                           {DeviceSettings::kWedgeMaxGapMs, QStringLiteral("35")},
                           {DeviceSettings::kWedgeMinLength, QStringLiteral("8")},
                           {DeviceSettings::kWedgeTerminators, QStringLiteral("Enter")},
                           {DeviceSettings::kWedgeRequireTerminator, QStringLiteral("yes")},
                           {DeviceSettings::kSerialPort, QStringLiteral("/dev/ttyUSB0")},
                           {DeviceSettings::kSerialBaud, QStringLiteral("115200")},
                           {DeviceSettings::kSerialPrefixHex, QStringLiteral("02")},
                           {DeviceSettings::kSerialSuffixHex, QStringLiteral("0D 0A")},
                           {DeviceSettings::kNfcEnabled, QStringLiteral("false")}};
    for (const auto& [key, value] : rows)
        QVERIFY(settings.setValue(key, value).ok());
    const Result<DeviceSettings> loaded = DeviceSettings::load(settings);
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
    QVERIFY(!loaded->wedgeEnabled);
    QCOMPARE(loaded->wedge.maxGapMs, 35);
    QCOMPARE(loaded->wedge.minLength, 8);
    QCOMPARE(loaded->wedge.terminators, QStringLiteral("\r"));
    QVERIFY(loaded->wedge.requireTerminator);
    QCOMPARE(loaded->serial.portName, QStringLiteral("/dev/ttyUSB0"));
    QCOMPARE(loaded->serial.baudRate, 115200);
    QCOMPARE(loaded->serial.prefix, QByteArray("\x02"));
    QCOMPARE(loaded->serial.suffix, QByteArray("\r\n"));
    QVERIFY(!loaded->nfcEnabled);
}

void TestDeviceSettings::refusesInvalidValues_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");

    QTest::newRow("gap not a number") << DeviceSettings::kWedgeMaxGapMs << QStringLiteral("fast");
    QTest::newRow("gap zero") << DeviceSettings::kWedgeMaxGapMs << QStringLiteral("0");
    QTest::newRow("min length 1") << DeviceSettings::kWedgeMinLength << QStringLiteral("1");
    QTest::newRow("unknown terminator") << DeviceSettings::kWedgeTerminators << QStringLiteral("enter,space");
    QTest::newRow("flag maybe") << DeviceSettings::kWedgeEnabled << QStringLiteral("maybe");
    QTest::newRow("baud 7") << DeviceSettings::kSerialBaud << QStringLiteral("7");
    QTest::newRow("suffix not hex") << DeviceSettings::kSerialSuffixHex << QStringLiteral("\\r\\n");
    QTest::newRow("suffix odd digits") << DeviceSettings::kSerialSuffixHex << QStringLiteral("0D0");
}

void TestDeviceSettings::refusesInvalidValues()
{
    QFETCH(QString, key);
    QFETCH(QString, value);

    SettingsRepository settings(m_database->connection());
    QVERIFY(settings.setValue(key, value).ok());
    const Result<DeviceSettings> loaded = DeviceSettings::load(settings);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().reason, QStringLiteral("setting_invalid"));
    QVERIFY(loaded.error().message.contains(key));
}

QTEST_GUILESS_MAIN(TestDeviceSettings)
#include "TestDeviceSettings.moc"
