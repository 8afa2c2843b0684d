#pragma once

#include <QString>

#include <optional>

namespace loyalty {

// The mechanics a programme rule can have; the JSON "type" of a rule is the name beside each.
enum class RuleKind
{
    PointsPerAmount,     // "points_per_amount": points per full unit of eligible spend per sale
    ProductPoints,       // "product_points": a fixed number of points per item, independent of price
    Multiplier,          // "multiplier": base points of lines in scope multiplied (200 % = 2×)
    BonusPoints,         // "bonus_points": fixed points for a sale with at least min spend in scope
    MemberPrice,         // "member_price": a lower unit price for members on products in scope
    PercentDiscount,     // "percent_discount": a percentage off lines in scope (a promotion)
    Birthday,            // "birthday": points once a year in the days around the member's birthday
    Welcome,             // "welcome": points on enrolment
    Referral,            // "referral": points for referrer and referee when the referee's first sale completes
    Challenge,           // "challenge": points once a month on the N-th visit of that month
    Feedback,            // "feedback": points for an answered feedback survey on a sale
    Surprise,            // "surprise": points on every N-th sale of the day or with a probability
    Cashback,            // "cashback": a percentage of eligible paid spend into the wallet
    SubscriptionCredit,  // "subscription_credit": buying a subscription product earns credit for other products
};

QString ruleKindName(RuleKind kind);
std::optional<RuleKind> ruleKindFromName(const QString& name);

}  // namespace loyalty
