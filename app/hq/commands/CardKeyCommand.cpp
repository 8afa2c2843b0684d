#include "commands/CardKeyCommand.h"

#include "HeadOffice.h"
#include "admin/CardKeyPublisher.h"

#include <QJsonObject>

namespace loyalty::hq {

namespace {

HqReport reportOf(const CardKeyPublisher::Outcome& outcome, const QString& text)
{
    const CardKeyPublisher::CardKey& key = outcome.key;
    HqReport report;
    report.json = {{QStringLiteral("key_id"), key.keyId},
                   {QStringLiteral("public_key"), key.publicKey},
                   {QStringLiteral("valid_from"), key.validFrom},
                   {QStringLiteral("valid_until"),
                    key.validUntil.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(key.validUntil)},
                   {QStringLiteral("changed"), outcome.changed}};
    report.text = text;
    return report;
}

}  // namespace

Result<HqReport> CardKeyCommand::add(HeadOffice& office, int keyId, const QString& publicKey, const QDate& validFrom,
                                     const std::optional<QDate>& validUntil)
{
    const auto added = CardKeyPublisher(office.database()).add(keyId, publicKey, validFrom, validUntil);
    if (!added)
        return added.error();
    const CardKeyPublisher::CardKey& key = added->key;
    QString text =
        key.validUntil.isEmpty()
            ? tr("Digital card key %1 vouches for the digital cards issued from %2 (UTC).")
                  .arg(key.keyId)
                  .arg(key.validFrom)
            : tr("Digital card key %1 vouches for the digital cards issued from %2 up to, but not including, %3 (UTC).")
                  .arg(key.keyId)
                  .arg(key.validFrom, key.validUntil);
    text += u'\n';
    text += added->changed ? tr("Every till receives it at its next sync.")
                           : tr("It was published with exactly this content before; nothing was changed.");
    return reportOf(*added, text);
}

Result<HqReport> CardKeyCommand::retire(HeadOffice& office, int keyId, const QDate& validUntil)
{
    const auto retired = CardKeyPublisher(office.database()).retire(keyId, validUntil);
    if (!retired)
        return retired.error();
    QString text = tr("Digital card key %1 is retired: digital cards it signed with an issue time from %2 (UTC) on "
                      "are refused; older ones stay valid.")
                       .arg(retired->key.keyId)
                       .arg(retired->key.validUntil);
    text += u'\n';
    text += retired->changed ? tr("Every till receives it at its next sync.")
                             : tr("It was retired at exactly this day before; nothing was changed.");
    return reportOf(*retired, text);
}

}  // namespace loyalty::hq
