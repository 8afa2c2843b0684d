#include "settings/TillSettings.h"

#include "barcode/Gtin.h"
#include "settings/SettingsRepository.h"

namespace loyalty {

namespace {
Error invalidSetting(const QString& key, const QString& value)
{
    return {Error::Code::InvalidInput,
            TillSettings::tr("The till setting \"%1\" has the invalid value \"%2\".").arg(key, value)};
}
}  // namespace

Result<TillSettings> TillSettings::load(const QSqlDatabase& db)
{
    const SettingsRepository repository(db);
    TillSettings settings;
    struct Text
    {
        const QString& key;
        QString* target;
    };
    for (const Text& text : {Text{kTillId, &settings.tillId}, Text{kTillName, &settings.tillName},
                             Text{kCurrency, &settings.currency}, Text{kCardPrefix, &settings.cardPrefix}}) {
        const auto stored = repository.value(text.key);
        if (!stored)
            return stored.error();
        if (!stored->has_value() || (*stored)->isEmpty())
            return Error{Error::Code::NotFound, tr("The till setting \"%1\" is missing.").arg(text.key)};
        *text.target = **stored;
    }
    if (settings.currency.size() != 3)
        return invalidSetting(kCurrency, settings.currency);
    if (settings.cardPrefix.size() > 12 || !Gtin::isAllDigits(settings.cardPrefix))
        return invalidSetting(kCardPrefix, settings.cardPrefix);

    struct Number
    {
        const QString& key;
        qint64* target;
    };
    for (const Number& number :
         {Number{kEarnUnitMinor, &settings.earnUnitMinor}, Number{kEarnPointsPerUnit, &settings.earnPointsPerUnit}}) {
        const auto stored = repository.value(number.key);
        if (!stored)
            return stored.error();
        if (!stored->has_value())
            return Error{Error::Code::NotFound, tr("The till setting \"%1\" is missing.").arg(number.key)};
        bool ok = false;
        *number.target = (*stored)->toLongLong(&ok);
        if (!ok || *number.target < 0)
            return invalidSetting(number.key, **stored);
    }
    if (settings.earnUnitMinor == 0)
        return invalidSetting(kEarnUnitMinor, QStringLiteral("0"));
    const auto uidCheck = repository.value(kUidCheckAboveMinor);
    if (!uidCheck)
        return uidCheck.error();
    if (uidCheck->has_value()) {
        bool ok = false;
        settings.uidCheckAboveMinor = (*uidCheck)->toLongLong(&ok);
        if (!ok || settings.uidCheckAboveMinor < 0)
            return invalidSetting(kUidCheckAboveMinor, **uidCheck);
    }
    return settings;
}

}  // namespace loyalty
