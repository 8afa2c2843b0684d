#pragma once

#include "money/Points.h"
#include "program/model/Audience.h"
#include "program/model/LineScope.h"
#include "program/model/RuleKind.h"
#include "program/model/RuleWindow.h"

namespace loyalty {

// One rule of a programme. Which parameters a kind uses is listed beside each; the parser refuses
// a rule that lacks one its kind needs. Amounts are minor units of the programme's currency.
struct Rule
{
    QString id;  // stable, stored in the ledger: "earn.base", "promo.fresh_double"
    RuleKind kind = RuleKind::PointsPerAmount;
    QString label;  // what the reason names, e.g. "fresh produce"; may be empty
    LineScope scope;
    RuleWindow when;
    Audience audience;

    qint64 unitMinor = 100;       // PointsPerAmount: the spend unit (100 = one euro)
    Points points = 0;            // PointsPerAmount per unit; ProductPoints per item; Bonus, Birthday,
                                  // Welcome, Referral (referrer), Challenge, Feedback, Surprise
    Points refereePoints = 0;     // Referral: what the new member gets
    int factorPercent = 100;      // Multiplier: 200 = double points
    qint64 basisPoints = 0;       // PercentDiscount, Cashback: 1000 = 10 %
    qint64 priceMinor = 0;        // MemberPrice: the members' unit price
    qint64 minSpendMinor = 0;     // BonusPoints, PercentDiscount, Cashback: spend in scope needed
    int visits = 0;               // Challenge: the visit of the month that earns
    int everyNth = 0;             // Surprise: every N-th sale of the day (0 = not by count)
    int probabilityPermille = 0;  // Surprise: chance per sale in 1/1000, seeded by the sale id
    int windowDays = 0;           // Birthday: days either side of the birthday
    qint64 creditMinor = 0;       // SubscriptionCredit: credit earned per item in scope
    LineScope creditScope;        // SubscriptionCredit: what the credit pays for
};

}  // namespace loyalty
