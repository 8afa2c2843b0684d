#include "records/HqChangeData.h"

#include "records/FlatJson.h"

namespace loyalty::hq {

QJsonValue HqChangeData::optionalText(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QString HqChangeData::member(const HqMember& member)
{
    FlatJson json;
    json.text(QLatin1StringView("uuid"), member.uuid)
        .text(QLatin1StringView("name"), member.name)
        .optionalText(QLatin1StringView("email"), member.email)
        .optionalText(QLatin1StringView("phone"), member.phone)
        .optionalText(QLatin1StringView("birth_date"), member.birthDate)
        .text(QLatin1StringView("enrolled_at"), member.enrolledAt)
        .optionalText(QLatin1StringView("referred_by_uuid"), member.referredByUuid);
    // Only when set: a snapshot of a million live members need not carry two nulls each.
    if (!member.mergedIntoUuid.isEmpty())
        json.text(QLatin1StringView("merged_into_uuid"), member.mergedIntoUuid);
    if (!member.erasedAt.isEmpty())
        json.text(QLatin1StringView("erased_at"), member.erasedAt);
    return json.toString();
}

QString HqChangeData::card(const HqCard& card)
{
    return FlatJson()
        .text(QLatin1StringView("number"), card.number)
        .text(QLatin1StringView("member_uuid"), card.memberUuid)
        .text(QLatin1StringView("state"), card.state)
        .text(QLatin1StringView("kind"), card.kind)
        .optionalText(QLatin1StringView("replaced_by"), card.replacedBy)
        .text(QLatin1StringView("issued_at"), card.issuedAt)
        .toString();
}

QString HqChangeData::ledger(const HqLedgerEntry& entry)
{
    return FlatJson()
        .text(QLatin1StringView("key"), entry.key)
        .text(QLatin1StringView("member_uuid"), entry.memberUuid)
        .text(QLatin1StringView("account"), entry.account)
        .text(QLatin1StringView("kind"), entry.kind)
        .integer(QLatin1StringView("points"), entry.points)
        .text(QLatin1StringView("reason"), entry.reason)
        .text(QLatin1StringView("explanation"), entry.explanation)
        .optionalText(QLatin1StringView("expires_on"), entry.expiresOn)
        .text(QLatin1StringView("created_at"), entry.createdAt)
        .optionalText(QLatin1StringView("till_id"), entry.tillId)
        .toString();
}

QString HqChangeData::product(const HqProduct& product)
{
    return FlatJson()
        .text(QLatin1StringView("ean"), product.ean)
        .text(QLatin1StringView("name"), product.name)
        .integer(QLatin1StringView("price_minor"), product.priceMinor)
        .text(QLatin1StringView("currency"), product.currency)
        .text(QLatin1StringView("category"), product.category)
        .boolean(QLatin1StringView("earns_points"), product.earnsPoints)
        .boolean(QLatin1StringView("discountable"), product.discountable)
        .toString();
}

}  // namespace loyalty::hq
