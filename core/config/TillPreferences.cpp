#include "config/TillPreferences.h"

#include <QSettings>

namespace loyalty {

namespace {

// Reads one key as text; a value of the wrong type or out of range is treated as missing, so a
// hand-edited file with a typo gives the default for that key and never keeps the till from starting.
class Reader
{
public:
    explicit Reader(const QSettings& settings)
        : m_settings(settings)
    {
    }

    std::optional<QString> text(const QString& key) const
    {
        if (!m_settings.contains(key))
            return std::nullopt;
        const QVariant value = m_settings.value(key);
        if (!value.canConvert<QString>())
            return std::nullopt;
        return value.toString().trimmed();
    }

    QString text(const QString& key, const QString& fallback) const { return text(key).value_or(fallback); }

    std::optional<int> number(const QString& key, int min, int max) const
    {
        const std::optional<QString> value = text(key);
        if (!value)
            return std::nullopt;
        bool ok = false;
        const int parsed = value->toInt(&ok);
        if (!ok || parsed < min || parsed > max)
            return std::nullopt;
        return parsed;
    }

    int number(const QString& key, int fallback, int min, int max) const
    {
        return number(key, min, max).value_or(fallback);
    }

    std::optional<bool> flag(const QString& key) const
    {
        const std::optional<QString> value = text(key);
        if (!value)
            return std::nullopt;
        const QString lower = value->toLower();
        if (lower == QLatin1String("true") || lower == QLatin1String("1") || lower == QLatin1String("yes"))
            return true;
        if (lower == QLatin1String("false") || lower == QLatin1String("0") || lower == QLatin1String("no"))
            return false;
        return std::nullopt;
    }

    bool flag(const QString& key, bool fallback) const { return flag(key).value_or(fallback); }

private:
    const QSettings& m_settings;
};

struct KindName
{
    PrinterSetup::Kind kind;
    const char* name;
};

constexpr KindName kKindNames[] = {
    {PrinterSetup::Kind::None, "none"},     {PrinterSetup::Kind::Network, "network"},
    {PrinterSetup::Kind::Device, "device"}, {PrinterSetup::Kind::File, "file"},
    {PrinterSetup::Kind::System, "system"},
};

QString kindName(PrinterSetup::Kind kind)
{
    for (const KindName& entry : kKindNames)
        if (entry.kind == kind)
            return QString::fromLatin1(entry.name);
    return QStringLiteral("none");
}

std::optional<PrinterSetup::Kind> kindFromName(const QString& name)
{
    for (const KindName& entry : kKindNames)
        if (name.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0)
            return entry.kind;
    return std::nullopt;
}

QString themeName(AppearanceSetup::Theme theme)
{
    return theme == AppearanceSetup::Theme::HighContrast ? QStringLiteral("high-contrast") : QStringLiteral("standard");
}

std::optional<AppearanceSetup::Theme> themeFromName(const QString& name)
{
    if (name.compare(QLatin1String("standard"), Qt::CaseInsensitive) == 0)
        return AppearanceSetup::Theme::Standard;
    if (name.compare(QLatin1String("high-contrast"), Qt::CaseInsensitive) == 0)
        return AppearanceSetup::Theme::HighContrast;
    return std::nullopt;
}

template <typename T>
void saveOptional(QSettings& settings, const QString& key, const std::optional<T>& value)
{
    // An unset value is removed so the system-wide file (or the database) shows through again.
    if (value)
        settings.setValue(key, *value);
    else
        settings.remove(key);
}

}  // namespace

TillPreferences TillPreferences::load(const QSettings& settings)
{
    const Reader read(settings);
    TillPreferences loaded;
    loaded.databasePath = read.text(kDatabasePath, QString());
    const QString language = read.text(kLanguage, QString()).toLower();
    if (language == QLatin1String("de") || language == QLatin1String("en"))
        loaded.language = language;

    AppearanceSetup& appearance = loaded.appearance;
    appearance.theme = themeFromName(read.text(kTheme, QString())).value_or(appearance.theme);
    appearance.fontScalePercent =
        read.number(kFontScalePercent, appearance.fontScalePercent, AppearanceSetup::kMinFontScalePercent,
                    AppearanceSetup::kMaxFontScalePercent);
    appearance.touchLayout = read.flag(kTouchLayout, appearance.touchLayout);

    PrinterSetup& printer = loaded.printer;
    printer.kind = kindFromName(read.text(kPrinterKind, QString())).value_or(printer.kind);
    printer.host = read.text(kPrinterHost, printer.host);
    printer.port = static_cast<quint16>(read.number(kPrinterPort, printer.port, 1, 65535));
    printer.devicePath = read.text(kPrinterDevicePath, printer.devicePath);
    printer.filePath = read.text(kPrinterFilePath, printer.filePath);
    const int width = read.number(kPrinterPaperWidthMm, printer.paperWidthMm, 58, 80);
    printer.paperWidthMm = width == 58 || width == 80 ? width : printer.paperWidthMm;
    printer.systemPrinter = read.text(kPrinterSystemName, printer.systemPrinter);
    printer.autoPrint = read.flag(kPrinterAutoPrint, printer.autoPrint);
    printer.timeoutMs = read.number(kPrinterTimeoutMs, printer.timeoutMs, 500, 60000);

    loaded.customerDisplay.enabled = read.flag(kCustomerDisplayEnabled, loaded.customerDisplay.enabled);
    loaded.customerDisplay.screenName = read.text(kCustomerDisplayScreen, QString());

    ScannerSetup& scanner = loaded.scanner;
    scanner.wedgeEnabled = read.flag(kScannerWedgeEnabled);
    scanner.wedgeMaxGapMs =
        read.number(kScannerWedgeMaxGapMs, ScannerSetup::kMinWedgeMaxGapMs, ScannerSetup::kMaxWedgeMaxGapMs);
    scanner.wedgeFirstGapMs =
        read.number(kScannerWedgeFirstGapMs, ScannerSetup::kMinWedgeFirstGapMs, ScannerSetup::kMaxWedgeFirstGapMs);
    scanner.serialPort = read.text(kScannerSerialPort);
    scanner.serialBaud = read.number(kScannerSerialBaud, ScannerSetup::kMinSerialBaud, ScannerSetup::kMaxSerialBaud);
    return loaded;
}

void TillPreferences::save(QSettings& settings) const
{
    settings.setValue(kDatabasePath, databasePath);
    settings.setValue(kLanguage, language);
    settings.setValue(kTheme, themeName(appearance.theme));
    settings.setValue(kFontScalePercent, appearance.fontScalePercent);
    settings.setValue(kTouchLayout, appearance.touchLayout);
    settings.setValue(kPrinterKind, kindName(printer.kind));
    settings.setValue(kPrinterHost, printer.host);
    settings.setValue(kPrinterPort, printer.port);
    settings.setValue(kPrinterDevicePath, printer.devicePath);
    settings.setValue(kPrinterFilePath, printer.filePath);
    settings.setValue(kPrinterPaperWidthMm, printer.paperWidthMm);
    settings.setValue(kPrinterSystemName, printer.systemPrinter);
    settings.setValue(kPrinterAutoPrint, printer.autoPrint);
    settings.setValue(kPrinterTimeoutMs, printer.timeoutMs);
    settings.setValue(kCustomerDisplayEnabled, customerDisplay.enabled);
    settings.setValue(kCustomerDisplayScreen, customerDisplay.screenName);
    saveOptional(settings, kScannerWedgeEnabled, scanner.wedgeEnabled);
    saveOptional(settings, kScannerWedgeMaxGapMs, scanner.wedgeMaxGapMs);
    saveOptional(settings, kScannerWedgeFirstGapMs, scanner.wedgeFirstGapMs);
    saveOptional(settings, kScannerSerialPort, scanner.serialPort);
    saveOptional(settings, kScannerSerialBaud, scanner.serialBaud);
}

std::unique_ptr<QSettings> TillPreferences::openDefault()
{
    return std::make_unique<QSettings>(kOrganization, kApplication);
}

QString TillPreferences::chooseDatabasePath(const QString& commandLine, const QString& preference)
{
    if (!commandLine.trimmed().isEmpty())
        return commandLine;
    if (!preference.trimmed().isEmpty())
        return preference.trimmed();
    return kDefaultDatabasePath;
}

QString TillPreferences::chooseLanguage(const QString& commandLine, const QString& preference)
{
    if (!commandLine.trimmed().isEmpty())
        return commandLine.trimmed();
    return preference.trimmed();
}

}  // namespace loyalty
