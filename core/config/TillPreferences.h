#pragma once

#include "config/AppearanceSetup.h"
#include "config/CustomerDisplaySetup.h"
#include "config/PrinterSetup.h"
#include "config/ScannerSetup.h"

#include <QString>

#include <memory>

class QSettings;

namespace loyalty {

// The workstation's preferences, stored with QSettings: QSettings("Loyalty Till", "loyalty-till") by
// default, so IT can put defaults for all tills in /etc/xdg/Loyalty Till/loyalty-till.conf and a till's
// own ~/.config/Loyalty Till/loyalty-till.conf overrides them key by key. The till's identity and
// business settings stay in the till database (they travel with the data and sync).
struct TillPreferences
{
    QString databasePath;  // the command line's --db wins over this
    QString language;      // "de", "en" or empty (system); the command line's --lang wins
    AppearanceSetup appearance;
    PrinterSetup printer;
    CustomerDisplaySetup customerDisplay;
    ScannerSetup scanner;

    // Missing or invalid keys fall back to the defaults; never throws, never fails.
    static TillPreferences load(const QSettings& settings);
    void save(QSettings& settings) const;

    // The QSettings every till uses unless a test passes its own.
    static std::unique_ptr<QSettings> openDefault();

    // The database to open: the command line's --db (empty when not given) wins over the
    // preference, which wins over the built-in default.
    static QString chooseDatabasePath(const QString& commandLine, const QString& preference);
    QString databasePathFor(const QString& commandLine) const { return chooseDatabasePath(commandLine, databasePath); }
    // The language: --lang (empty when not given) wins over the preference; empty = the system's.
    static QString chooseLanguage(const QString& commandLine, const QString& preference);
    QString languageFor(const QString& commandLine) const { return chooseLanguage(commandLine, language); }

    static inline const QString kDefaultDatabasePath = QStringLiteral("loyalty-till.db");
    static inline const QString kOrganization = QStringLiteral("Loyalty Till");
    static inline const QString kApplication = QStringLiteral("loyalty-till");

    // The keys in the settings file (group/key); documented for IT in docs/admin-guide.md.
    static inline const QString kDatabasePath = QStringLiteral("database/path");
    static inline const QString kLanguage =
        QStringLiteral("ui/language");  // de, en or empty ([General] is QSettings's own)
    static inline const QString kTheme = QStringLiteral("appearance/theme");  // standard, high-contrast
    static inline const QString kFontScalePercent = QStringLiteral("appearance/font_scale_percent");  // 80..200
    static inline const QString kTouchLayout = QStringLiteral("appearance/touch_layout");             // true/false
    static inline const QString kPrinterKind = QStringLiteral("printer/kind");  // none, network, device, file, system
    static inline const QString kPrinterHost = QStringLiteral("printer/host");
    static inline const QString kPrinterPort = QStringLiteral("printer/port");  // 1..65535
    static inline const QString kPrinterDevicePath = QStringLiteral("printer/device_path");
    static inline const QString kPrinterFilePath = QStringLiteral("printer/file_path");
    static inline const QString kPrinterPaperWidthMm = QStringLiteral("printer/paper_width_mm");  // 58 or 80
    static inline const QString kPrinterSystemName = QStringLiteral("printer/system_printer");
    static inline const QString kPrinterAutoPrint = QStringLiteral("printer/auto_print");  // true/false
    static inline const QString kPrinterTimeoutMs = QStringLiteral("printer/timeout_ms");  // 500..60000
    static inline const QString kCustomerDisplayEnabled = QStringLiteral("customer_display/enabled");
    static inline const QString kCustomerDisplayScreen = QStringLiteral("customer_display/screen");
    static inline const QString kScannerWedgeEnabled = QStringLiteral("scanner/wedge_enabled");
    static inline const QString kScannerWedgeMaxGapMs = QStringLiteral("scanner/wedge_max_gap_ms");
    static inline const QString kScannerWedgeFirstGapMs = QStringLiteral("scanner/wedge_first_gap_ms");
    static inline const QString kScannerSerialPort = QStringLiteral("scanner/serial_port");
    static inline const QString kScannerSerialBaud = QStringLiteral("scanner/serial_baud");

    friend bool operator==(const TillPreferences&, const TillPreferences&) = default;
};

}  // namespace loyalty
