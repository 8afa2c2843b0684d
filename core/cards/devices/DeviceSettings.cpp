#include "cards/devices/DeviceSettings.h"

#include "settings/SettingsRepository.h"

#include <QRegularExpression>

#include <optional>

namespace loyalty {

namespace {

class Reader
{
public:
    explicit Reader(const SettingsRepository& settings)
        : m_settings(settings)
    {
    }

    std::optional<Error> error;

    QString text(const QString& key, const QString& fallback)
    {
        if (error)
            return fallback;
        const Result<std::optional<QString>> value = m_settings.value(key);
        if (!value) {
            error = value.error();
            return fallback;
        }
        return value->value_or(fallback).trimmed();
    }

    int number(const QString& key, int fallback, int min, int max)
    {
        const QString value = text(key, QString::number(fallback));
        bool ok = false;
        const int parsed = value.toInt(&ok);
        if (!ok || parsed < min || parsed > max) {
            invalid(key, value);
            return fallback;
        }
        return parsed;
    }

    bool flag(const QString& key, bool fallback)
    {
        const QString value = text(key, fallback ? QStringLiteral("1") : QStringLiteral("0")).toLower();
        if (value == QStringLiteral("1") || value == QStringLiteral("true") || value == QStringLiteral("yes"))
            return true;
        if (value == QStringLiteral("0") || value == QStringLiteral("false") || value == QStringLiteral("no"))
            return false;
        invalid(key, value);
        return fallback;
    }

    QByteArray hex(const QString& key)
    {
        const QString value = text(key, QString()).remove(u' ');
        static const QRegularExpression hexDigits(QStringLiteral("^(?:[0-9A-Fa-f]{2}){0,8}$"));
        if (!hexDigits.match(value).hasMatch()) {
            invalid(key, value);
            return {};
        }
        return QByteArray::fromHex(value.toLatin1());
    }

    void invalid(const QString& key, const QString& value)
    {
        if (!error)
            error = Error{Error::Code::InvalidInput,
                          DeviceSettings::tr("The setting %1 has an invalid value \"%2\".").arg(key, value),
                          QStringLiteral("setting_invalid")};
    }

private:
    const SettingsRepository& m_settings;
};

}  // namespace

Result<DeviceSettings> DeviceSettings::load(const SettingsRepository& settings)
{
    DeviceSettings loaded;
    Reader read(settings);
    loaded.wedgeEnabled = read.flag(kWedgeEnabled, true);
    KeystrokeBurstDetector::Config& wedge = loaded.wedge;
    wedge.maxGapMs = read.number(kWedgeMaxGapMs, wedge.maxGapMs, 1, 200);
    wedge.firstGapMs = read.number(kWedgeFirstGapMs, wedge.firstGapMs, 1, 500);
    wedge.minLength = read.number(kWedgeMinLength, wedge.minLength, 2, 64);
    wedge.maxLength = read.number(kWedgeMaxLength, wedge.maxLength, 16, 4096);
    wedge.requireTerminator = read.flag(kWedgeRequireTerminator, wedge.requireTerminator);
    const QString terminators = read.text(kWedgeTerminators, QStringLiteral("enter,tab")).toLower();
    wedge.terminators.clear();
    for (const QString& name : terminators.split(u',', Qt::SkipEmptyParts)) {
        if (name.trimmed() == QStringLiteral("enter"))
            wedge.terminators += u'\r';
        else if (name.trimmed() == QStringLiteral("tab"))
            wedge.terminators += u'\t';
        else
            read.invalid(kWedgeTerminators, terminators);
    }

    loaded.serial.portName = read.text(kSerialPort, QString());
    loaded.serial.baudRate = read.number(kSerialBaud, loaded.serial.baudRate, 1200, 921600);
    loaded.serial.prefix = read.hex(kSerialPrefixHex);
    loaded.serial.suffix = read.hex(kSerialSuffixHex);
    loaded.nfcEnabled = read.flag(kNfcEnabled, true);
    if (read.error)
        return *read.error;
    return loaded;
}

}  // namespace loyalty
