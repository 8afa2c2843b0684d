#include "records/HqChangeData.h"

namespace loyalty::hq {

QJsonValue HqChangeData::optionalText(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject HqChangeData::member(const HqMember& member)
{
    return {{QStringLiteral("uuid"), member.uuid},
            {QStringLiteral("name"), member.name},
            {QStringLiteral("email"), optionalText(member.email)},
            {QStringLiteral("phone"), optionalText(member.phone)},
            {QStringLiteral("birth_date"), optionalText(member.birthDate)},
            {QStringLiteral("enrolled_at"), member.enrolledAt},
            {QStringLiteral("referred_by_uuid"), optionalText(member.referredByUuid)}};
}

QJsonObject HqChangeData::card(const HqCard& card)
{
    return {{QStringLiteral("number"), card.number},
            {QStringLiteral("member_uuid"), card.memberUuid},
            {QStringLiteral("state"), card.state},
            {QStringLiteral("kind"), card.kind},
            {QStringLiteral("replaced_by"), optionalText(card.replacedBy)},
            {QStringLiteral("issued_at"), card.issuedAt}};
}

QJsonObject HqChangeData::ledger(const HqLedgerEntry& entry)
{
    return {{QStringLiteral("key"), entry.key},
            {QStringLiteral("member_uuid"), entry.memberUuid},
            {QStringLiteral("account"), entry.account},
            {QStringLiteral("kind"), entry.kind},
            {QStringLiteral("points"), entry.points},
            {QStringLiteral("reason"), entry.reason},
            {QStringLiteral("explanation"), entry.explanation},
            {QStringLiteral("expires_on"), optionalText(entry.expiresOn)},
            {QStringLiteral("created_at"), entry.createdAt},
            {QStringLiteral("till_id"), optionalText(entry.tillId)}};
}

QJsonObject HqChangeData::product(const HqProduct& product)
{
    return {{QStringLiteral("ean"), product.ean},
            {QStringLiteral("name"), product.name},
            {QStringLiteral("price_minor"), product.priceMinor},
            {QStringLiteral("currency"), product.currency},
            {QStringLiteral("category"), product.category},
            {QStringLiteral("earns_points"), product.earnsPoints},
            {QStringLiteral("discountable"), product.discountable}};
}

}  // namespace loyalty::hq
