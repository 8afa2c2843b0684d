#pragma once

// Small builders for programme scenario tests: a base programme, a fixed catalogue of products
// (with category, discountable and earns-points flags), rules of every kind, a member standing and
// a Scenario that holds one evaluation request with the effects it must give.

#include "program/Effect.h"
#include "program/EffectKind.h"
#include "program/Evaluation.h"
#include "program/EvaluationRequest.h"
#include "program/MemberStanding.h"
#include "program/ProgrammeEngine.h"
#include "program/model/Programme.h"
#include "sale/Basket.h"

#include <QDateTime>
#include <QMetaType>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace loyalty::scenario {

inline QString eur()
{
    return QStringLiteral("EUR");
}

// ---- products -------------------------------------------------------------------------------------

inline Product product(qint64 id, const QString& ean, const QString& name, qint64 priceMinor, const QString& category,
                       bool discountable = true, bool earnsPoints = true)
{
    Product p;
    p.id = id;
    p.ean = ean;
    p.name = name;
    p.price = Money(priceMinor, eur());
    p.category = category;
    p.discountable = discountable;
    p.earnsPoints = earnsPoints;
    return p;
}

// The catalogue every scenario buys from. Unique ids and EANs; prices in cents.
inline Product apples()
{
    return product(1, QStringLiteral("4000000000011"), QStringLiteral("Apples"), 299, QStringLiteral("fresh"));
}
inline Product bananas()
{
    return product(2, QStringLiteral("4000000000028"), QStringLiteral("Bananas"), 199, QStringLiteral("fresh"));
}
inline Product melon()
{
    return product(3, QStringLiteral("4000000000035"), QStringLiteral("Melon"), 600, QStringLiteral("fresh"));
}
inline Product pears()
{
    return product(4, QStringLiteral("4000000000042"), QStringLiteral("Pears"), 300, QStringLiteral("fresh"));
}
inline Product plums()
{
    return product(5, QStringLiteral("4000000000059"), QStringLiteral("Plums"), 300, QStringLiteral("fresh"));
}
inline Product bread()
{
    return product(6, QStringLiteral("4000000000066"), QStringLiteral("Bread"), 350, QStringLiteral("bakery"));
}
inline Product croissant()
{
    return product(7, QStringLiteral("4000000000073"), QStringLiteral("Croissant"), 180, QStringLiteral("bakery"));
}
inline Product milk()
{
    return product(8, QStringLiteral("4000000000080"), QStringLiteral("Milk"), 129, QStringLiteral("dairy"));
}
inline Product cheese()
{
    return product(9, QStringLiteral("4000000000097"), QStringLiteral("Cheese"), 575, QStringLiteral("dairy"));
}
inline Product coffee()
{
    return product(10, QStringLiteral("4000000000103"), QStringLiteral("Coffee beans"), 1299, QStringLiteral("coffee"));
}
inline Product espresso()
{
    return product(11, QStringLiteral("4000000000110"), QStringLiteral("Espresso"), 250, QStringLiteral("drinks"));
}
inline Product cappuccino()
{
    return product(12, QStringLiteral("4000000000127"), QStringLiteral("Cappuccino"), 320, QStringLiteral("drinks"));
}
inline Product book()
{
    return product(13, QStringLiteral("9780000000002"), QStringLiteral("Novel"), 2000, QStringLiteral("books"), false);
}
inline Product tobacco()
{
    return product(14, QStringLiteral("4000000000141"), QStringLiteral("Tobacco"), 850, QStringLiteral("tobacco"),
                   false);
}
inline Product deposit()
{
    return product(15, QStringLiteral("4000000000158"), QStringLiteral("Bottle deposit"), 25, QStringLiteral("deposit"),
                   false, false);
}
inline Product giftCard()
{
    return product(16, QStringLiteral("4000000000165"), QStringLiteral("Gift card"), 5000, QStringLiteral("giftcard"),
                   false, false);
}
inline Product membershipFee()
{
    return product(17, QStringLiteral("2000000000176"), QStringLiteral("Membership"), 2900, QStringLiteral("fees"),
                   false, false);
}
inline Product subscriptionBox()
{
    return product(18, QStringLiteral("2000000000183"), QStringLiteral("Coffee club box"), 3000,
                   QStringLiteral("subscription"));
}
inline Product toteBag()
{
    return product(19, QStringLiteral("4000000000196"), QStringLiteral("Tote bag"), 150, QStringLiteral("addon"));
}

inline QList<Product> catalogue()
{
    return {apples(),  bananas(),  melon(),         pears(),           plums(),      bread(), croissant(),
            milk(),    cheese(),   coffee(),        espresso(),        cappuccino(), book(),  tobacco(),
            deposit(), giftCard(), membershipFee(), subscriptionBox(), toteBag()};
}

// ---- scopes, windows --------------------------------------------------------------------------------

inline LineScope all()
{
    return {};
}
inline LineScope categories(const QStringList& list)
{
    LineScope scope;
    scope.categories = list;
    return scope;
}
inline LineScope eans(const QList<Product>& products)
{
    LineScope scope;
    for (const Product& p : products)
        scope.eans.append(p.ean);
    return scope;
}

inline QDateTime at(int y, int m, int d, int h = 12, int min = 0, int s = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s));
}
// The default moment: Wednesday 10 June 2026, noon.
inline QDateTime noon()
{
    return at(2026, 6, 10);
}

// ---- rules --------------------------------------------------------------------------------------

inline Rule rule(RuleKind kind, const QString& id, const QString& label = {})
{
    Rule r;
    r.kind = kind;
    r.id = id;
    r.label = label;
    return r;
}
inline Rule pointsPerAmount(const QString& id = QStringLiteral("earn.base"), Points points = 1, qint64 unitMinor = 100,
                            const LineScope& scope = {})
{
    Rule r = rule(RuleKind::PointsPerAmount, id);
    r.points = points;
    r.unitMinor = unitMinor;
    r.scope = scope;
    return r;
}
inline Rule productPoints(const QString& id, Points points, const LineScope& scope, const QString& label = {})
{
    Rule r = rule(RuleKind::ProductPoints, id, label);
    r.points = points;
    r.scope = scope;
    return r;
}
inline Rule multiplier(const QString& id, int factorPercent, const LineScope& scope, const QString& label = {})
{
    Rule r = rule(RuleKind::Multiplier, id, label);
    r.factorPercent = factorPercent;
    r.scope = scope;
    return r;
}
inline Rule bonusPoints(const QString& id, Points points, qint64 minSpendMinor, const LineScope& scope = {})
{
    Rule r = rule(RuleKind::BonusPoints, id);
    r.points = points;
    r.minSpendMinor = minSpendMinor;
    r.scope = scope;
    return r;
}
inline Rule memberPrice(const QString& id, const Product& p, qint64 priceMinor)
{
    Rule r = rule(RuleKind::MemberPrice, id);
    r.scope = eans({p});
    r.priceMinor = priceMinor;
    return r;
}
inline Rule percentOff(const QString& id, qint64 basisPoints, const LineScope& scope = {}, bool membersOnly = false,
                       const QString& label = {})
{
    Rule r = rule(RuleKind::PercentDiscount, id, label);
    r.basisPoints = basisPoints;
    r.scope = scope;
    r.audience.membersOnly = membersOnly;
    return r;
}
inline Rule birthday(const QString& id, Points points, int windowDays)
{
    Rule r = rule(RuleKind::Birthday, id);
    r.points = points;
    r.windowDays = windowDays;
    return r;
}
inline Rule welcome(const QString& id, Points points)
{
    Rule r = rule(RuleKind::Welcome, id);
    r.points = points;
    return r;
}
inline Rule feedback(const QString& id, Points points)
{
    Rule r = rule(RuleKind::Feedback, id);
    r.points = points;
    return r;
}
inline Rule referral(const QString& id, Points referrerPoints, Points refereePoints)
{
    Rule r = rule(RuleKind::Referral, id);
    r.points = referrerPoints;
    r.refereePoints = refereePoints;
    return r;
}
inline Rule challenge(const QString& id, int visits, Points points)
{
    Rule r = rule(RuleKind::Challenge, id);
    r.visits = visits;
    r.points = points;
    return r;
}
inline Rule surpriseEveryNth(const QString& id, int everyNth, Points points)
{
    Rule r = rule(RuleKind::Surprise, id);
    r.everyNth = everyNth;
    r.points = points;
    return r;
}
inline Rule surpriseChance(const QString& id, int permille, Points points)
{
    Rule r = rule(RuleKind::Surprise, id);
    r.probabilityPermille = permille;
    r.points = points;
    return r;
}
inline Rule cashback(const QString& id, qint64 basisPoints, qint64 minSpendMinor = 0, const LineScope& scope = {})
{
    Rule r = rule(RuleKind::Cashback, id);
    r.basisPoints = basisPoints;
    r.minSpendMinor = minSpendMinor;
    r.scope = scope;
    return r;
}
inline Rule subscriptionCredit(const QString& id, const LineScope& scope, qint64 creditMinor,
                               const LineScope& creditScope, const QString& label = {})
{
    Rule r = rule(RuleKind::SubscriptionCredit, id, label);
    r.scope = scope;
    r.creditMinor = creditMinor;
    r.creditScope = creditScope;
    return r;
}

// ---- tiers, cards, coupons, rewards ---------------------------------------------------------------

inline TierDefinition tier(const QString& id, qint64 threshold, int earnMultiplierPercent, qint64 discountBasisPoints)
{
    TierDefinition t;
    t.id = id;
    t.name = id.left(1).toUpper() + id.mid(1);
    t.threshold = threshold;
    t.earnMultiplierPercent = earnMultiplierPercent;
    t.discountBasisPoints = discountBasisPoints;
    return t;
}
// Bronze (entry), Silver (1.5× points), Gold (2× points and 5 % off).
inline QList<TierDefinition> standardTiers()
{
    return {tier(QStringLiteral("bronze"), 0, 100, 0), tier(QStringLiteral("silver"), 50000, 150, 0),
            tier(QStringLiteral("gold"), 200000, 200, 500)};
}

inline StampCardDefinition stampCard(const QString& id, const LineScope& scope, int stampsNeeded,
                                     StampCardDefinition::RewardKind kind = StampCardDefinition::RewardKind::FreeItem)
{
    StampCardDefinition card;
    card.id = id;
    card.name = id + QStringLiteral(" card");
    card.scope = scope;
    card.stampsNeeded = stampsNeeded;
    card.rewardKind = kind;
    return card;
}

inline CouponDefinition coupon(const QString& id, const QString& code,
                               CouponDefinition::Kind kind = CouponDefinition::Kind::Campaign)
{
    CouponDefinition c;
    c.id = id;
    c.codes = {code};
    c.kind = kind;
    return c;
}
inline CouponDefinition percentCoupon(const QString& id, const QString& code, qint64 basisPoints,
                                      bool combinable = false, int priority = 0)
{
    CouponDefinition c = coupon(id, code);
    c.basisPoints = basisPoints;
    c.combinable = combinable;
    c.priority = priority;
    return c;
}
inline CouponDefinition amountCoupon(const QString& id, const QString& code, qint64 amountMinor,
                                     bool combinable = false, int priority = 0)
{
    CouponDefinition c = coupon(id, code);
    c.amountMinor = amountMinor;
    c.combinable = combinable;
    c.priority = priority;
    return c;
}

inline RewardDefinition reward(const QString& id, Points points, const Product& p,
                               RewardDefinition::Kind kind = RewardDefinition::Kind::FreeProduct)
{
    RewardDefinition r;
    r.id = id;
    r.name = p.name;
    r.points = points;
    r.kind = kind;
    r.ean = p.ean;
    return r;
}

// ---- programme and member ---------------------------------------------------------------------------

// A programme with no rules; redemption 100 points = 1.00, no minimum, up to the whole basket.
inline Programme baseProgramme(const QList<Rule>& rules = {})
{
    Programme p;
    p.id = QStringLiteral("scenario");
    p.version = 1;
    p.name = QStringLiteral("Scenario programme");
    p.currency = eur();
    p.rules = rules;
    p.redemption.pointsPerStep = 100;
    p.redemption.valueMinorPerStep = 100;
    p.redemption.minimumPoints = 0;
    p.redemption.maxSharePercent = 100;
    p.redemption.earnOnRedeemed = false;
    return p;
}

inline MemberStanding member(Points points = 0, const QString& tierId = {})
{
    MemberStanding m;
    m.memberId = 42;
    m.memberUuid = QStringLiteral("member-42");
    m.enrolledOn = QDate(2024, 1, 15);
    m.points = points;
    m.tierId = tierId;
    m.completedSales = 5;
    m.visitsThisMonth = 1;
    return m;
}

// A member at a till that syncs with head office, so its redemptions wait for confirmation.
inline MemberStanding atSyncedTill(MemberStanding m)
{
    m.redemptionsNeedConfirmation = true;
    return m;
}

// A member who redeemed `points` at this (synced) till today in sales head office has not confirmed yet.
inline MemberStanding withUnconfirmedRedemptions(MemberStanding m, Points points)
{
    m.unconfirmedRedeemedToday = points;
    return atSyncedTill(m);
}

// ---- effects ----------------------------------------------------------------------------------------

// What one effect must be: compared exactly (order of effects does not matter).
struct ExpectedEffect
{
    QString ruleId;
    EffectKind kind = EffectKind::PointsEarned;
    qint64 amount = 0;
    qint64 discountMinor = 0;
    qint64 otherMemberId = 0;
};

inline QString effectKey(const QString& ruleId, EffectKind kind, qint64 amount, qint64 discountMinor,
                         qint64 otherMemberId)
{
    QString key =
        ruleId + u' ' + effectKindName(kind) + u' ' + QString::number(amount) + u'/' + QString::number(discountMinor);
    if (otherMemberId != 0)
        key += QStringLiteral(" for member ") + QString::number(otherMemberId);
    return key;
}
inline QString effectKey(const Effect& e)
{
    return effectKey(e.ruleId, e.kind, e.amount, e.discountMinor, e.otherMemberId);
}
inline QString effectKey(const ExpectedEffect& e)
{
    return effectKey(e.ruleId, e.kind, e.amount, e.discountMinor, e.otherMemberId);
}
// The effects as sorted keys: two evaluations give the same effects when these are equal.
inline QStringList effectKeys(const QList<Effect>& effects)
{
    QStringList keys;
    for (const Effect& e : effects)
        keys.append(effectKey(e));
    keys.sort();
    return keys;
}

// Checks that hold for every evaluation; returns an empty string or what is wrong.
inline QString invariantViolation(const Evaluation& ev)
{
    if (ev.payable.minorUnits() < 0)
        return QStringLiteral("payable is negative");
    if (ev.total.minorUnits() - ev.discount.minorUnits() != ev.payable.minorUnits())
        return QStringLiteral("total - discount != payable");
    qint64 paid = 0;
    for (qint64 v : ev.linePaidMinor) {
        if (v < 0)
            return QStringLiteral("a line is paid negative");
        paid += v;
    }
    if (paid != ev.payable.minorUnits())
        return QStringLiteral("line paid amounts do not sum to payable");
    qint64 discounts = 0;
    for (const Effect& e : ev.effects) {
        if (e.amount < 0 || e.discountMinor < 0)
            return QStringLiteral("negative effect: ") + effectKey(e);
        discounts += e.discountMinor;
        if (!e.lineShares.isEmpty()) {
            qint64 shares = 0;
            for (qint64 s : e.lineShares) {
                if (s < 0)
                    return QStringLiteral("negative line share: ") + effectKey(e);
                shares += s;
            }
            if (shares != e.amount)
                return QStringLiteral("line shares sum to %1: ").arg(shares) + effectKey(e);
        }
    }
    if (discounts != ev.discount.minorUnits())
        return QStringLiteral("effects' discounts (%1) differ from the evaluation's discount (%2)")
            .arg(discounts)
            .arg(ev.discount.minorUnits());
    return {};
}

// ---- one scenario -----------------------------------------------------------------------------------

struct Scenario
{
    Programme programme = baseProgramme();
    QList<BasketLine> lines;
    std::optional<MemberStanding> customer;
    QDateTime moment = noon();
    QString saleUuid = QStringLiteral("00000000-0000-4000-8000-000000000001");
    int saleOfDay = 1;
    Points redeemPoints = 0;
    qint64 walletSpendMinor = 0;
    QStringList couponCodes;
    QStringList rewardIds;
    QSet<QString> usedCouponCodes;

    QList<ExpectedEffect> expected;
    std::optional<qint64> expectedPayable;
    int expectedNotices = 0;
    QStringList noticeParts;       // each must occur in one of the notices
    QStringList explanationParts;  // each must occur in one of the effects' explanations

    // building
    Scenario& with(const Rule& r)
    {
        programme.rules.append(r);
        return *this;
    }
    Scenario& buy(const Product& p, qint64 quantity = 1)
    {
        lines.append(BasketLine{p, quantity});
        return *this;
    }
    Scenario& by(const MemberStanding& m)
    {
        customer = m;
        return *this;
    }
    Scenario& when(const QDateTime& dt)
    {
        moment = dt;
        return *this;
    }
    Scenario& redeem(Points p)
    {
        redeemPoints = p;
        return *this;
    }
    Scenario& spendWallet(qint64 minor)
    {
        walletSpendMinor = minor;
        return *this;
    }
    Scenario& typeCoupon(const QString& code)
    {
        couponCodes.append(code);
        return *this;
    }
    Scenario& takeReward(const QString& id)
    {
        rewardIds.append(id);
        return *this;
    }
    Scenario& saleNo(int n)
    {
        saleOfDay = n;
        return *this;
    }
    // expectations
    Scenario& expect(const QString& ruleId, EffectKind kind, qint64 amount, qint64 discountMinor = 0,
                     qint64 otherMemberId = 0)
    {
        expected.append({ruleId, kind, amount, discountMinor, otherMemberId});
        return *this;
    }
    Scenario& payable(qint64 minor)
    {
        expectedPayable = minor;
        return *this;
    }
    Scenario& notice(const QString& part)
    {
        ++expectedNotices;
        noticeParts.append(part);
        return *this;
    }
    Scenario& text(const QString& part)
    {
        explanationParts.append(part);
        return *this;
    }

    Evaluation run(const Basket& goods) const
    {
        EvaluationRequest request;
        request.basket = &goods;
        request.member = customer;
        request.at = moment;
        request.saleUuid = saleUuid;
        request.saleOfDay = saleOfDay;
        request.redeemPoints = redeemPoints;
        request.walletSpendMinor = walletSpendMinor;
        request.couponCodes = couponCodes;
        request.rewardIds = rewardIds;
        request.usedCouponCodes = usedCouponCodes;
        return ProgrammeEngine(programme).evaluate(request);
    }
    Basket basket() const
    {
        Basket b(eur());
        for (const BasketLine& line : lines)
            b.add(line.product, line.quantity);
        return b;
    }
    QStringList expectedKeys() const
    {
        QStringList keys;
        for (const ExpectedEffect& e : expected)
            keys.append(effectKey(e));
        keys.sort();
        return keys;
    }
};

inline Scenario given(const Programme& programme = baseProgramme())
{
    Scenario s;
    s.programme = programme;
    return s;
}

}  // namespace loyalty::scenario

Q_DECLARE_METATYPE(loyalty::scenario::Scenario)
