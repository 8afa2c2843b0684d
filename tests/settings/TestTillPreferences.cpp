// The workstation's preferences in QSettings: a full round trip through an INI file, invalid values
// falling back key by key, the system-wide file (IT's /etc/xdg defaults) filling keys the user's file
// lacks, scanner values laid over the database's device settings, and the --db / --lang precedence.
#include "config/TillPreferences.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace loyalty;

class TestTillPreferences final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsWithoutAFile();
    void roundTrip();
    void invalidValuesFallBack();
    void systemFileFillsMissingKeys();
    void scannerValuesWinOverTheDatabase();
    void fileWrittenByHandIsRead();
    void databasePathPrecedence();
    void languagePrecedence();
};

void TestTillPreferences::defaultsWithoutAFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QSettings settings(dir.filePath(QStringLiteral("none.conf")), QSettings::IniFormat);
    const TillPreferences loaded = TillPreferences::load(settings);
    QCOMPARE(loaded, TillPreferences{});
    QCOMPARE(loaded.printer.kind, PrinterSetup::Kind::None);
    QCOMPARE(loaded.printer.paperWidthMm, 80);
    QCOMPARE(loaded.appearance.fontScalePercent, 100);
    QVERIFY(!loaded.scanner.wedgeEnabled.has_value());
}

void TestTillPreferences::roundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("till.conf"));
    TillPreferences preferences;
    preferences.databasePath = QStringLiteral("/var/lib/loyalty-till/till.db");
    preferences.language = QStringLiteral("de");
    preferences.appearance.theme = AppearanceSetup::Theme::HighContrast;
    preferences.appearance.fontScalePercent = 150;
    preferences.appearance.touchLayout = true;
    preferences.printer.kind = PrinterSetup::Kind::Network;
    preferences.printer.host = QStringLiteral("192.168.1.50");
    preferences.printer.port = 9101;
    preferences.printer.devicePath = QStringLiteral("/dev/usb/lp1");
    preferences.printer.filePath = QStringLiteral("/tmp/receipts.bin");
    preferences.printer.paperWidthMm = 58;
    preferences.printer.systemPrinter = QStringLiteral("Office Laser");
    preferences.printer.autoPrint = false;
    preferences.printer.timeoutMs = 2500;
    preferences.customerDisplay.enabled = true;
    preferences.customerDisplay.screenName = QStringLiteral("HDMI-1");
    preferences.scanner.wedgeEnabled = false;
    preferences.scanner.wedgeMaxGapMs = 30;
    preferences.scanner.wedgeFirstGapMs = 60;
    preferences.scanner.serialPort = QStringLiteral("ttyACM0");
    preferences.scanner.serialBaud = 115200;
    {
        QSettings settings(path, QSettings::IniFormat);
        preferences.save(settings);
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }
    const QSettings reread(path, QSettings::IniFormat);
    QCOMPARE(TillPreferences::load(reread), preferences);

    // Each printer kind survives the file, not only the one above.
    for (const PrinterSetup::Kind kind :
         {PrinterSetup::Kind::None, PrinterSetup::Kind::Device, PrinterSetup::Kind::File, PrinterSetup::Kind::System}) {
        preferences.printer.kind = kind;
        {
            QSettings settings(path, QSettings::IniFormat);
            preferences.save(settings);
        }
        const QSettings again(path, QSettings::IniFormat);
        QCOMPARE(TillPreferences::load(again).printer.kind, kind);
    }

    // Unset scanner values are removed from the file, so the database's values show through.
    preferences.scanner = {};
    {
        QSettings settings(path, QSettings::IniFormat);
        preferences.save(settings);
        settings.sync();
        QVERIFY(!settings.contains(TillPreferences::kScannerSerialPort));
    }
    const QSettings cleared(path, QSettings::IniFormat);
    QCOMPARE(TillPreferences::load(cleared).scanner, ScannerSetup{});
}

void TestTillPreferences::invalidValuesFallBack()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("broken.conf"));
    {
        QSettings settings(path, QSettings::IniFormat);
        settings.setValue(TillPreferences::kLanguage, QStringLiteral("klingon"));
        settings.setValue(TillPreferences::kTheme, QStringLiteral("neon"));
        settings.setValue(TillPreferences::kFontScalePercent, 250);
        settings.setValue(TillPreferences::kTouchLayout, QStringLiteral("maybe"));
        settings.setValue(TillPreferences::kPrinterKind, QStringLiteral("laserjet"));
        settings.setValue(TillPreferences::kPrinterPort, 70000);
        settings.setValue(TillPreferences::kPrinterPaperWidthMm, 72);
        settings.setValue(TillPreferences::kPrinterAutoPrint, QStringLiteral("often"));
        settings.setValue(TillPreferences::kPrinterTimeoutMs, QStringLiteral("soon"));
        settings.setValue(TillPreferences::kCustomerDisplayEnabled, 7);
        settings.setValue(TillPreferences::kScannerWedgeEnabled, QStringLiteral("perhaps"));
        settings.setValue(TillPreferences::kScannerWedgeMaxGapMs, 0);
        settings.setValue(TillPreferences::kScannerWedgeFirstGapMs, 501);
        settings.setValue(TillPreferences::kScannerSerialBaud, 300);
        settings.setValue(QStringLiteral("printer/unknown_key"), QStringLiteral("ignored"));
    }
    const QSettings settings(path, QSettings::IniFormat);
    const TillPreferences loaded = TillPreferences::load(settings);
    QCOMPARE(loaded, TillPreferences{});

    // One step below the lower bound and at the bounds themselves.
    {
        QSettings edit(path, QSettings::IniFormat);
        edit.setValue(TillPreferences::kFontScalePercent, 79);
    }
    QCOMPARE(TillPreferences::load(QSettings(path, QSettings::IniFormat)).appearance.fontScalePercent, 100);
    for (const int percent : {80, 200}) {
        {
            QSettings edit(path, QSettings::IniFormat);
            edit.setValue(TillPreferences::kFontScalePercent, percent);
        }
        QCOMPARE(TillPreferences::load(QSettings(path, QSettings::IniFormat)).appearance.fontScalePercent, percent);
    }
    {
        QSettings edit(path, QSettings::IniFormat);
        edit.setValue(TillPreferences::kPrinterPaperWidthMm, 58);
        edit.setValue(TillPreferences::kPrinterKind, QStringLiteral("FILE"));
    }
    const TillPreferences fixed = TillPreferences::load(QSettings(path, QSettings::IniFormat));
    QCOMPARE(fixed.printer.paperWidthMm, 58);
    QCOMPARE(fixed.printer.kind, PrinterSetup::Kind::File);
}

void TestTillPreferences::systemFileFillsMissingKeys()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString userDir = dir.filePath(QStringLiteral("user"));
    const QString systemDir = dir.filePath(QStringLiteral("xdg"));
    // On Linux the default (native) format is the INI file loyalty-till.conf in ~/.config and /etc/xdg.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, userDir);
    QSettings::setPath(QSettings::NativeFormat, QSettings::SystemScope, systemDir);
    {
        // What IT puts in /etc/xdg/Loyalty Till/loyalty-till.conf for all tills.
        QSettings system(QSettings::NativeFormat, QSettings::SystemScope, TillPreferences::kOrganization,
                         TillPreferences::kApplication);
        system.setValue(TillPreferences::kPrinterKind, QStringLiteral("network"));
        system.setValue(TillPreferences::kPrinterHost, QStringLiteral("10.0.0.9"));
        system.setValue(TillPreferences::kLanguage, QStringLiteral("de"));
        system.setValue(TillPreferences::kScannerSerialBaud, 19200);
        system.sync();
        QCOMPARE(system.status(), QSettings::NoError);
        QVERIFY(QFile::exists(systemDir + QStringLiteral("/Loyalty Till/loyalty-till.conf")));
    }
    {
        // This till's own file overrides only the host.
        const std::unique_ptr<QSettings> user = TillPreferences::openDefault();
        user->setValue(TillPreferences::kPrinterHost, QStringLiteral("192.168.7.7"));
        user->sync();
        QVERIFY(QFile::exists(userDir + QStringLiteral("/Loyalty Till/loyalty-till.conf")));
    }
    // The constructor the till itself uses reads both files.
    const std::unique_ptr<QSettings> settings = TillPreferences::openDefault();
    const TillPreferences loaded = TillPreferences::load(*settings);
    QCOMPARE(loaded.printer.kind, PrinterSetup::Kind::Network);
    QCOMPARE(loaded.printer.host, QStringLiteral("192.168.7.7"));
    QCOMPARE(loaded.language, QStringLiteral("de"));
    QCOMPARE(loaded.scanner.serialBaud, std::optional<int>(19200));
    QCOMPARE(loaded.printer.paperWidthMm, 80);
}

void TestTillPreferences::fileWrittenByHandIsRead()
{
    // What IT writes into /etc/xdg/Loyalty Till/loyalty-till.conf with an editor, keys as documented.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("loyalty-till.conf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[database]\npath=/srv/loyalty/till.db\n"
               "[ui]\nlanguage=de\n"
               "[appearance]\ntheme=high-contrast\nfont_scale_percent=125\ntouch_layout=true\n"
               "[printer]\nkind=network\nhost=192.168.1.50\nport=9100\npaper_width_mm=58\nauto_print=false\n"
               "[customer_display]\nenabled=true\nscreen=HDMI-2\n"
               "[scanner]\nwedge_enabled=false\nserial_port=/dev/ttyACM0\nserial_baud=115200\n");
    file.close();
    const TillPreferences loaded = TillPreferences::load(QSettings(path, QSettings::IniFormat));
    QCOMPARE(loaded.databasePath, QStringLiteral("/srv/loyalty/till.db"));
    QCOMPARE(loaded.language, QStringLiteral("de"));
    QCOMPARE(loaded.appearance.theme, AppearanceSetup::Theme::HighContrast);
    QCOMPARE(loaded.appearance.fontScalePercent, 125);
    QCOMPARE(loaded.appearance.touchLayout, true);
    QCOMPARE(loaded.printer.kind, PrinterSetup::Kind::Network);
    QCOMPARE(loaded.printer.host, QStringLiteral("192.168.1.50"));
    QCOMPARE(loaded.printer.paperWidthMm, 58);
    QCOMPARE(loaded.printer.autoPrint, false);
    QCOMPARE(loaded.customerDisplay.enabled, true);
    QCOMPARE(loaded.customerDisplay.screenName, QStringLiteral("HDMI-2"));
    QCOMPARE(loaded.scanner.wedgeEnabled, std::optional<bool>(false));
    QCOMPARE(loaded.scanner.serialPort, std::optional<QString>(QStringLiteral("/dev/ttyACM0")));
    QCOMPARE(loaded.scanner.serialBaud, std::optional<int>(115200));
}

void TestTillPreferences::scannerValuesWinOverTheDatabase()
{
    DeviceSettings database;
    database.wedgeEnabled = true;
    database.wedge.maxGapMs = 25;
    database.wedge.firstGapMs = 45;
    database.serial.portName = QStringLiteral("ttyS0");
    database.serial.baudRate = 9600;

    // Nothing in QSettings: the database's values stay, the existing till keeps working.
    const DeviceSettings unchanged = ScannerSetup{}.appliedTo(database);
    QCOMPARE(unchanged.wedgeEnabled, true);
    QCOMPARE(unchanged.wedge.maxGapMs, 25);
    QCOMPARE(unchanged.serial.portName, QStringLiteral("ttyS0"));

    ScannerSetup setup;
    setup.wedgeEnabled = false;
    setup.serialPort = QString();  // set, but empty: no serial scanner, even though the database names one
    setup.serialBaud = 115200;
    const DeviceSettings applied = setup.appliedTo(database);
    QCOMPARE(applied.wedgeEnabled, false);
    QCOMPARE(applied.wedge.maxGapMs, 25);
    QCOMPARE(applied.wedge.firstGapMs, 45);
    QCOMPARE(applied.serial.portName, QString());
    QCOMPARE(applied.serial.baudRate, 115200);

    const ScannerSetup effective = ScannerSetup::from(applied);
    QCOMPARE(effective.wedgeMaxGapMs, std::optional<int>(25));
    QCOMPARE(effective.serialPort, std::optional<QString>(QString()));
}

void TestTillPreferences::databasePathPrecedence()
{
    QCOMPARE(TillPreferences::chooseDatabasePath(QString(), QString()), TillPreferences::kDefaultDatabasePath);
    QCOMPARE(TillPreferences::chooseDatabasePath(QString(), QStringLiteral("/srv/till.db")),
             QStringLiteral("/srv/till.db"));
    QCOMPARE(TillPreferences::chooseDatabasePath(QStringLiteral("cli.db"), QStringLiteral("/srv/till.db")),
             QStringLiteral("cli.db"));
    QCOMPARE(TillPreferences::chooseDatabasePath(QStringLiteral("cli.db"), QString()), QStringLiteral("cli.db"));
    TillPreferences preferences;
    preferences.databasePath = QStringLiteral("/srv/pref.db");
    QCOMPARE(preferences.databasePathFor(QString()), QStringLiteral("/srv/pref.db"));
    QCOMPARE(preferences.databasePathFor(QStringLiteral("x.db")), QStringLiteral("x.db"));
}

void TestTillPreferences::languagePrecedence()
{
    QCOMPARE(TillPreferences::chooseLanguage(QString(), QString()), QString());
    QCOMPARE(TillPreferences::chooseLanguage(QString(), QStringLiteral("de")), QStringLiteral("de"));
    QCOMPARE(TillPreferences::chooseLanguage(QStringLiteral("en"), QStringLiteral("de")), QStringLiteral("en"));
}

QTEST_GUILESS_MAIN(TestTillPreferences)
#include "TestTillPreferences.moc"
