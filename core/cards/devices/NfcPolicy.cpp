#include "cards/devices/NfcPolicy.h"

#include "settings/SettingsRepository.h"

#include <QRegularExpression>

namespace loyalty {

NfcPolicy::NfcPolicy(bool allowUidOnly)
    : m_allowUidOnly(allowUidOnly)
{
}

Result<NfcPolicy> NfcPolicy::load(const SettingsRepository& settings)
{
    const Result<std::optional<QString>> value = settings.value(kAllowNfcUid);
    if (!value)
        return value.error();
    const QString text = value->value_or(QStringLiteral("0")).trimmed().toLower();
    if (text == QStringLiteral("1") || text == QStringLiteral("true") || text == QStringLiteral("yes"))
        return NfcPolicy(true);
    if (text == QStringLiteral("0") || text == QStringLiteral("false") || text == QStringLiteral("no") ||
        text.isEmpty())
        return NfcPolicy(false);
    return Error{Error::Code::InvalidInput,
                 tr("The setting %1 must be 0 or 1 (it is \"%2\").").arg(kAllowNfcUid, value->value_or(QString())),
                 QStringLiteral("setting_invalid")};
}

Result<CardRead> NfcPolicy::toCardRead(const QString& uidHex, const QString& ndefText) const
{
    // A loyalty number written to the tag: letters, digits and dashes, as printed on cards. The
    // format decoders check it further (check digits, card ranges) like any other number.
    static const QRegularExpression loyaltyNumber(QStringLiteral("^[0-9A-Za-z-]{6,32}$"));
    const QString number = ndefText.trimmed();
    if (loyaltyNumber.match(number).hasMatch())
        return CardRead{CardRead::Kind::LoyaltyNumber, number.toUpper(), CardSource::Nfc, QStringLiteral("nfc-ndef")};

    // ISO/IEC 14443 UIDs are 4, 7 or 10 bytes.
    static const QRegularExpression uid(QStringLiteral("^(?:[0-9A-F]{8}|[0-9A-F]{14}|[0-9A-F]{20})$"));
    const QString normalised = uidHex.trimmed().toUpper();
    if (!uid.match(normalised).hasMatch())
        return Error{Error::Code::InvalidInput,
                     tr("This tag could not be read as a card — hold it still on the reader."),
                     QStringLiteral("nfc_uid_invalid")};
    if (!m_allowUidOnly)
        return Error{Error::Code::Refused,
                     tr("This tag carries no loyalty number and tags are not accepted by their ID here — "
                        "scan the printed card or ask the customer for their card number."),
                     QStringLiteral("nfc_uid_not_allowed")};
    return CardRead{CardRead::Kind::NfcUid, normalised, CardSource::Nfc, QStringLiteral("nfc-uid")};
}

}  // namespace loyalty
