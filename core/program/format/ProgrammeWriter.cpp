#include "program/format/ProgrammeWriter.h"

#include "program/format/ProgrammeParser.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace loyalty {

namespace {

QJsonArray toArray(const QStringList& texts)
{
    return QJsonArray::fromStringList(texts);
}

void putScope(QJsonObject& object, const QString& key, const LineScope& scope)
{
    if (scope.isAll())
        return;
    QJsonObject out;
    if (!scope.categories.isEmpty())
        out.insert(QStringLiteral("categories"), toArray(scope.categories));
    if (!scope.eans.isEmpty())
        out.insert(QStringLiteral("eans"), toArray(scope.eans));
    object.insert(key, out);
}

void putWindow(QJsonObject& object, const RuleWindow& when)
{
    QJsonObject out;
    if (when.from)
        out.insert(QStringLiteral("from"), when.from->toString(Qt::ISODate));
    if (when.until)
        out.insert(QStringLiteral("until"), when.until->toString(Qt::ISODate));
    if (!when.weekdays.isEmpty()) {
        QJsonArray days;
        for (const int day : when.weekdays)
            days.append(day);
        out.insert(QStringLiteral("weekdays"), days);
    }
    if (when.startTime)
        out.insert(QStringLiteral("start_time"), when.startTime->toString(QStringLiteral("HH:mm")));
    if (when.endTime)
        out.insert(QStringLiteral("end_time"), when.endTime->toString(QStringLiteral("HH:mm")));
    if (!out.isEmpty())
        object.insert(QStringLiteral("when"), out);
}

void putAudience(QJsonObject& object, const Audience& audience)
{
    QJsonObject out;
    out.insert(QStringLiteral("members_only"), audience.membersOnly);
    if (!audience.tiers.isEmpty())
        out.insert(QStringLiteral("tiers"), toArray(audience.tiers));
    if (!audience.segments.isEmpty())
        out.insert(QStringLiteral("segments"), toArray(audience.segments));
    object.insert(QStringLiteral("audience"), out);
}

QJsonObject ruleObject(const Rule& rule)
{
    QJsonObject out;
    out.insert(QStringLiteral("id"), rule.id);
    out.insert(QStringLiteral("type"), ruleKindName(rule.kind));
    if (!rule.label.isEmpty())
        out.insert(QStringLiteral("label"), rule.label);
    if (rule.kind != RuleKind::Welcome && rule.kind != RuleKind::Referral && rule.kind != RuleKind::Feedback)
        putScope(out, QStringLiteral("scope"), rule.scope);
    putWindow(out, rule.when);
    putAudience(out, rule.audience);
    const auto put = [&out](const char* key, qint64 value) { out.insert(QLatin1String(key), value); };
    switch (rule.kind) {
    case RuleKind::PointsPerAmount:
        put("unit_minor", rule.unitMinor);
        put("points", rule.points);
        break;
    case RuleKind::ProductPoints:
    case RuleKind::Welcome:
    case RuleKind::Feedback:
        put("points", rule.points);
        break;
    case RuleKind::Multiplier:
        put("factor_percent", rule.factorPercent);
        break;
    case RuleKind::BonusPoints:
        put("points", rule.points);
        put("min_spend_minor", rule.minSpendMinor);
        break;
    case RuleKind::MemberPrice:
        put("price_minor", rule.priceMinor);
        break;
    case RuleKind::PercentDiscount:
    case RuleKind::Cashback:
        put("basis_points", rule.basisPoints);
        put("min_spend_minor", rule.minSpendMinor);
        break;
    case RuleKind::Birthday:
        put("points", rule.points);
        put("window_days", rule.windowDays);
        break;
    case RuleKind::Referral:
        put("points", rule.points);
        put("referee_points", rule.refereePoints);
        break;
    case RuleKind::Challenge:
        put("points", rule.points);
        put("visits", rule.visits);
        break;
    case RuleKind::Surprise:
        put("points", rule.points);
        if (rule.everyNth > 0)
            put("every_nth", rule.everyNth);
        if (rule.probabilityPermille > 0)
            put("probability_permille", rule.probabilityPermille);
        break;
    case RuleKind::SubscriptionCredit:
        put("credit_minor", rule.creditMinor);
        putScope(out, QStringLiteral("credit_scope"), rule.creditScope);
        break;
    }
    return out;
}

QJsonObject tierObject(const TierDefinition& tier)
{
    return QJsonObject{{QStringLiteral("id"), tier.id},
                       {QStringLiteral("name"), tier.name},
                       {QStringLiteral("threshold"), tier.threshold},
                       {QStringLiteral("earn_multiplier_percent"), tier.earnMultiplierPercent},
                       {QStringLiteral("discount_basis_points"), tier.discountBasisPoints}};
}

QJsonObject stampCardObject(const StampCardDefinition& card)
{
    QJsonObject out{{QStringLiteral("id"), card.id},
                    {QStringLiteral("name"), card.name},
                    {QStringLiteral("per_visit"), card.perVisit},
                    {QStringLiteral("stamps_needed"), card.stampsNeeded}};
    putScope(out, QStringLiteral("scope"), card.scope);
    QJsonObject reward;
    switch (card.rewardKind) {
    case StampCardDefinition::RewardKind::FreeItem:
        reward.insert(QStringLiteral("kind"), QStringLiteral("free_item"));
        putScope(reward, QStringLiteral("scope"), card.rewardScope);
        break;
    case StampCardDefinition::RewardKind::FixedDiscount:
        reward.insert(QStringLiteral("kind"), QStringLiteral("fixed_discount"));
        reward.insert(QStringLiteral("amount_minor"), card.amountMinor);
        break;
    case StampCardDefinition::RewardKind::FreeAddon:
        reward.insert(QStringLiteral("kind"), QStringLiteral("free_addon"));
        reward.insert(QStringLiteral("ean"), card.ean);
        break;
    }
    out.insert(QStringLiteral("reward"), reward);
    return out;
}

QJsonObject rewardObject(const RewardDefinition& reward)
{
    return QJsonObject{{QStringLiteral("id"), reward.id},
                       {QStringLiteral("name"), reward.name},
                       {QStringLiteral("points"), reward.points},
                       {QStringLiteral("kind"), reward.kind == RewardDefinition::Kind::FreeProduct
                                                    ? QStringLiteral("free_product")
                                                    : QStringLiteral("addon")},
                       {QStringLiteral("ean"), reward.ean}};
}

QString couponKindName(CouponDefinition::Kind kind)
{
    switch (kind) {
    case CouponDefinition::Kind::Campaign:
        return QStringLiteral("campaign");
    case CouponDefinition::Kind::SingleUse:
        return QStringLiteral("single_use");
    case CouponDefinition::Kind::Member:
        return QStringLiteral("member");
    }
    return {};
}

QJsonObject couponObject(const CouponDefinition& coupon)
{
    QJsonObject out{{QStringLiteral("id"), coupon.id},
                    {QStringLiteral("name"), coupon.name},
                    {QStringLiteral("kind"), couponKindName(coupon.kind)},
                    {QStringLiteral("codes"), toArray(coupon.codes)},
                    {QStringLiteral("min_spend_minor"), coupon.minSpendMinor},
                    {QStringLiteral("combinable"), coupon.combinable},
                    {QStringLiteral("priority"), coupon.priority},
                    {QStringLiteral("members_only"), coupon.membersOnly}};
    if (coupon.kind == CouponDefinition::Kind::Member)
        out.insert(QStringLiteral("member_uuid"), coupon.memberUuid);
    putScope(out, QStringLiteral("scope"), coupon.scope);
    putWindow(out, coupon.when);
    if (coupon.basisPoints > 0)
        out.insert(QStringLiteral("basis_points"), coupon.basisPoints);
    else if (coupon.amountMinor > 0)
        out.insert(QStringLiteral("amount_minor"), coupon.amountMinor);
    else
        out.insert(QStringLiteral("bonus_points"), coupon.bonusPoints);
    return out;
}

QJsonObject expiryObject(const ExpiryPolicy& expiry)
{
    QJsonObject out{{QStringLiteral("warn_days"), expiry.warnDays}};
    switch (expiry.mode) {
    case ExpiryPolicy::Mode::Never:
        out.insert(QStringLiteral("mode"), QStringLiteral("never"));
        break;
    case ExpiryPolicy::Mode::AfterMonths:
        out.insert(QStringLiteral("mode"), QStringLiteral("after_months"));
        out.insert(QStringLiteral("months"), expiry.months);
        break;
    case ExpiryPolicy::Mode::EndOfFollowingYear:
        out.insert(QStringLiteral("mode"), QStringLiteral("end_of_following_year"));
        break;
    }
    return out;
}

template <typename T, typename F>
QJsonArray listOf(const QList<T>& items, F toObject)
{
    QJsonArray out;
    for (const T& item : items)
        out.append(toObject(item));
    return out;
}

}  // namespace

QJsonObject ProgrammeWriter::toJsonObject(const Programme& programme)
{
    QJsonObject out{{QStringLiteral("format"), ProgrammeParser::kFormat},
                    {QStringLiteral("id"), programme.id},
                    {QStringLiteral("version"), programme.version},
                    {QStringLiteral("name"), programme.name},
                    {QStringLiteral("currency"), programme.currency},
                    {QStringLiteral("rules"), listOf(programme.rules, ruleObject)},
                    {QStringLiteral("tiers"), listOf(programme.tiers, tierObject)},
                    {QStringLiteral("stamp_cards"), listOf(programme.stampCards, stampCardObject)},
                    {QStringLiteral("rewards"), listOf(programme.rewards, rewardObject)},
                    {QStringLiteral("coupons"), listOf(programme.coupons, couponObject)},
                    {QStringLiteral("expiry"), expiryObject(programme.expiry)}};
    const TierPolicy& tierPolicy = programme.tierPolicy;
    out.insert(
        QStringLiteral("tier_policy"),
        QJsonObject{{QStringLiteral("basis"),
                     tierPolicy.basis == TierPolicy::Basis::Spend ? QStringLiteral("spend") : QStringLiteral("points")},
                    {QStringLiteral("months"), tierPolicy.months},
                    {QStringLiteral("grace_days"), tierPolicy.graceDays}});
    if (programme.membership) {
        out.insert(QStringLiteral("membership"),
                   QJsonObject{{QStringLiteral("fee_ean"), programme.membership->feeEan},
                               {QStringLiteral("validity_days"), programme.membership->validityDays},
                               {QStringLiteral("discount_basis_points"), programme.membership->discountBasisPoints}});
    }
    const RedemptionPolicy& redemption = programme.redemption;
    out.insert(QStringLiteral("redemption"),
               QJsonObject{{QStringLiteral("points_per_step"), redemption.pointsPerStep},
                           {QStringLiteral("value_minor_per_step"), redemption.valueMinorPerStep},
                           {QStringLiteral("minimum_points"), redemption.minimumPoints},
                           {QStringLiteral("max_share_percent"), redemption.maxSharePercent},
                           {QStringLiteral("earn_on_redeemed"), redemption.earnOnRedeemed},
                           {QStringLiteral("offline_daily_limit"), redemption.offlineDailyLimit}});
    QJsonObject balance{{QStringLiteral("allow_negative"), programme.balance.allowNegative}};
    if (programme.balance.allowNegative)
        balance.insert(QStringLiteral("max_negative_points"), programme.balance.maxNegativePoints);
    out.insert(QStringLiteral("balance"), balance);
    return out;
}

QByteArray ProgrammeWriter::toJson(const Programme& programme)
{
    return QJsonDocument(toJsonObject(programme)).toJson(QJsonDocument::Indented);
}

}  // namespace loyalty
