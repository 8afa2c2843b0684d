#include "program/model/RuleKind.h"

#include <array>
#include <utility>

namespace loyalty {

namespace {

constexpr std::array<std::pair<RuleKind, const char*>, 14> kNames{{
    {RuleKind::PointsPerAmount, "points_per_amount"},
    {RuleKind::ProductPoints, "product_points"},
    {RuleKind::Multiplier, "multiplier"},
    {RuleKind::BonusPoints, "bonus_points"},
    {RuleKind::MemberPrice, "member_price"},
    {RuleKind::PercentDiscount, "percent_discount"},
    {RuleKind::Birthday, "birthday"},
    {RuleKind::Welcome, "welcome"},
    {RuleKind::Referral, "referral"},
    {RuleKind::Challenge, "challenge"},
    {RuleKind::Feedback, "feedback"},
    {RuleKind::Surprise, "surprise"},
    {RuleKind::Cashback, "cashback"},
    {RuleKind::SubscriptionCredit, "subscription_credit"},
}};

}  // namespace

QString ruleKindName(RuleKind kind)
{
    for (const auto& [k, name] : kNames) {
        if (k == kind)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<RuleKind> ruleKindFromName(const QString& name)
{
    for (const auto& [k, n] : kNames) {
        if (name == QLatin1String(n))
            return k;
    }
    return std::nullopt;
}

}  // namespace loyalty
