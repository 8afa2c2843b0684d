#include "program/ProgrammeEngine.h"

#include "program/BasketLines.h"
#include "program/ReasonText.h"
#include "sale/Basket.h"

#include <QCryptographicHash>

#include <algorithm>
#include <limits>

namespace loyalty {

namespace {

const QString kPoints = QStringLiteral("points");
const QString kWallet = QStringLiteral("wallet");

// The ledger's rule id of a coupon or reward: its id, prefixed with its kind unless it already is
// ("welcome10" -> "coupon.welcome10", "coupon.welcome10" stays).
QString withPrefix(const QString& prefix, const QString& id)
{
    return id.startsWith(prefix) ? id : prefix + id;
}

qint64 sum(const QList<qint64>& values)
{
    qint64 total = 0;
    for (qint64 v : values)
        total += v;
    return total;
}

// One evaluation's state: the request, the lines and the effects so far. Steps run in the order
// documented in docs/programme.md; each appends its effects.
class Evaluator final
{
    Q_DECLARE_TR_FUNCTIONS(ProgrammeEngine)

public:
    Evaluator(const Programme& programme, const EvaluationRequest& request)
        : m_programme(programme)
        , m_request(request)
        , m_member(request.member ? &*request.member : nullptr)
        , m_lines(*request.basket)
        , m_currency(request.basket->currency())
    {
    }

    Evaluation run()
    {
        memberPrices();
        memberDiscount();
        percentPromotions();
        coupons();
        stampCards();
        rewards();
        pointsRedemption();
        creditSpending();
        walletSpending();
        earning();
        return finish();
    }

private:
    // ---- who and when -------------------------------------------------------------------------
    bool reaches(const Audience& audience) const
    {
        if (!m_member)
            return !audience.membersOnly && audience.tiers.isEmpty() && audience.segments.isEmpty();
        if (!audience.tiers.isEmpty() && !audience.tiers.contains(m_member->tierId))
            return false;
        if (!audience.segments.isEmpty()) {
            const bool inSegment = std::any_of(audience.segments.cbegin(), audience.segments.cend(),
                                               [&](const QString& s) { return m_member->segments.contains(s); });
            if (!inSegment)
                return false;
        }
        return true;
    }
    bool applies(const Rule& rule) const { return rule.when.contains(m_request.at) && reaches(rule.audience); }
    QList<const Rule*> rulesOf(RuleKind kind) const
    {
        QList<const Rule*> found;
        for (const Rule& rule : m_programme.rules) {
            if (rule.kind == kind && applies(rule))
                found.append(&rule);
        }
        return found;
    }
    QString money(qint64 minor) const { return ReasonText::money(minor, m_currency); }
    QString labelOf(const Rule& rule, const QString& fallback) const
    {
        return rule.label.isEmpty() ? fallback : rule.label;
    }

    // ---- effects ------------------------------------------------------------------------------
    void addDiscount(const QString& ruleId, const QList<qint64>& shares, const QString& explanation,
                     const QString& code = {})
    {
        const qint64 total = sum(shares);
        if (total <= 0)
            return;
        Effect effect{ruleId, EffectKind::Discount, total, total, QString(), explanation, code, 0, shares};
        m_effects.append(effect);
    }
    void addPoints(const QString& ruleId, qint64 points, const QString& explanation, const QList<qint64>& shares = {})
    {
        if (points == 0)
            return;
        m_effects.append({ruleId, EffectKind::PointsEarned, points, 0, kPoints, explanation, QString(), 0, shares});
    }
    QList<qint64> lineWeights(const LineScope& scope, const QList<qint64>& base) const
    {
        const QList<bool>& in = m_lines.linesIn(scope);
        QList<qint64> weights(m_lines.size(), 0);
        for (qsizetype i = 0; i < m_lines.size(); ++i) {
            if (in[i])
                weights[i] = base[i];
        }
        return weights;
    }

    // ---- discounts ----------------------------------------------------------------------------
    void memberPrices()
    {
        if (!m_member)
            return;
        for (const Rule* rule : rulesOf(RuleKind::MemberPrice)) {
            const QList<bool>& in = m_lines.linesIn(rule->scope);
            for (qsizetype i = 0; i < m_lines.size(); ++i) {
                const BasketLine& line = m_lines.line(i);
                if (!in[i] || line.product.price.minorUnits() <= rule->priceMinor)
                    continue;
                QList<qint64> wanted(m_lines.size(), 0);
                wanted[i] = (line.product.price.minorUnits() - rule->priceMinor) * line.quantity;
                const QList<qint64> taken = m_lines.takeEach(wanted, false);
                addDiscount(rule->id, taken,
                            tr("−%1 (member price %2 for %3)")
                                .arg(money(sum(taken)), money(rule->priceMinor), line.product.name));
            }
        }
    }

    void memberDiscount()
    {
        if (!m_member)
            return;
        qint64 tierBp = 0;
        QString tierName;
        if (const TierDefinition* tier = m_programme.tier(m_member->tierId)) {
            tierBp = tier->discountBasisPoints;
            tierName = tier->name;
        }
        qint64 membershipBp = 0;
        if (m_programme.membership && m_member->membershipValidUntil &&
            m_request.at.date() <= *m_member->membershipValidUntil)
            membershipBp = m_programme.membership->discountBasisPoints;
        if (tierBp <= 0 && membershipBp <= 0)
            return;
        const bool membership = membershipBp > tierBp;
        const qint64 bp = membership ? membershipBp : tierBp;
        const LineScope all;
        const qint64 amount = Money(m_lines.remainingIn(all), m_currency).percent(bp).minorUnits();
        const QList<qint64> taken = m_lines.takeSpread(amount, all, false);
        const QString text =
            membership ? tr("−%1 (membership discount %2)").arg(money(sum(taken)), ReasonText::percent(bp))
                       : tr("−%1 (%2 member discount %3)").arg(money(sum(taken)), tierName, ReasonText::percent(bp));
        addDiscount(membership ? QStringLiteral("membership.discount") : QStringLiteral("tier.") + m_member->tierId,
                    taken, text);
    }

    void percentPromotions()
    {
        for (const Rule* rule : rulesOf(RuleKind::PercentDiscount)) {
            if (m_lines.grossIn(rule->scope) < rule->minSpendMinor)
                continue;
            const qint64 amount =
                Money(m_lines.remainingIn(rule->scope), m_currency).percent(rule->basisPoints).minorUnits();
            const QList<qint64> taken = m_lines.takeSpread(amount, rule->scope, false);
            addDiscount(
                rule->id, taken,
                tr("−%1 (%2: %3 off)")
                    .arg(money(sum(taken)), labelOf(*rule, tr("promotion")), ReasonText::percent(rule->basisPoints)));
        }
    }

    // ---- coupons ------------------------------------------------------------------------------
    const CouponDefinition* couponFor(const QString& code) const
    {
        for (const CouponDefinition& coupon : m_programme.coupons) {
            if (coupon.codes.contains(code))
                return &coupon;
        }
        return nullptr;
    }
    // Why `coupon` cannot be used now, or an empty string.
    QString couponRefusal(const CouponDefinition& coupon, const QString& code) const
    {
        if (!coupon.when.contains(m_request.at))
            return tr("Coupon %1 is not valid at this time.").arg(code);
        if ((coupon.membersOnly || coupon.kind == CouponDefinition::Kind::Member) && !m_member)
            return tr("Coupon %1 is for members: scan the customer's card first.").arg(code);
        if (coupon.kind == CouponDefinition::Kind::Member && m_member->memberUuid != coupon.memberUuid)
            return tr("Coupon %1 belongs to another member.").arg(code);
        if (coupon.kind != CouponDefinition::Kind::Campaign && m_request.usedCouponCodes.contains(code))
            return tr("Coupon %1 has already been used.").arg(code);
        if (m_lines.grossIn(coupon.scope) < coupon.minSpendMinor)
            return tr("Coupon %1 needs a purchase of at least %2.").arg(code, money(coupon.minSpendMinor));
        if (coupon.bonusPoints > 0 && !m_member)
            return tr("Coupon %1 gives points: scan the customer's card first.").arg(code);
        return {};
    }
    // What a coupon is worth to the customer now, in minor units (bonus points at the redemption rate).
    qint64 couponValue(const CouponDefinition& coupon) const
    {
        const qint64 left = m_lines.remainingIn(coupon.scope);
        if (coupon.basisPoints > 0)
            return Money(left, m_currency).percent(coupon.basisPoints).minorUnits();
        if (coupon.amountMinor > 0)
            return std::min(coupon.amountMinor, left);
        const RedemptionPolicy& r = m_programme.redemption;
        return r.pointsPerStep > 0 ? coupon.bonusPoints * r.valueMinorPerStep / r.pointsPerStep : 0;
    }
    void coupons()
    {
        struct Candidate
        {
            const CouponDefinition* coupon;
            QString code;
        };
        QList<Candidate> candidates;
        QStringList seen;
        for (const QString& typed : m_request.couponCodes) {
            const QString code = typed.trimmed().toUpper();
            if (code.isEmpty() || seen.contains(code))
                continue;
            seen.append(code);
            const CouponDefinition* coupon = couponFor(code);
            if (!coupon) {
                m_notices.append(tr("Coupon %1 is not known.").arg(code));
                continue;
            }
            if (const QString refusal = couponRefusal(*coupon, code); !refusal.isEmpty()) {
                m_notices.append(refusal);
                continue;
            }
            candidates.append({coupon, code});
        }
        // Of the coupons that do not combine, only the one worth most to the customer is used.
        const Candidate* best = nullptr;
        for (const Candidate& c : candidates) {
            if (c.coupon->combinable)
                continue;
            if (!best || couponValue(*c.coupon) > couponValue(*best->coupon) ||
                (couponValue(*c.coupon) == couponValue(*best->coupon) && c.code < best->code))
                best = &c;
        }
        QList<Candidate> chosen;
        for (const Candidate& c : candidates) {
            if (c.coupon->combinable || &c == best)
                chosen.append(c);
            else
                m_notices.append(tr("Coupon %1 does not combine with %2; the better one for the customer was used.")
                                     .arg(c.code, best->code));
        }
        std::sort(chosen.begin(), chosen.end(), [](const Candidate& a, const Candidate& b) {
            if (a.coupon->priority != b.coupon->priority)
                return a.coupon->priority > b.coupon->priority;
            return a.code < b.code;
        });
        for (const Candidate& c : chosen)
            applyCoupon(*c.coupon, c.code);
    }
    void applyCoupon(const CouponDefinition& coupon, const QString& code)
    {
        const QString ruleId = withPrefix(QStringLiteral("coupon."), coupon.id);
        const QString name = coupon.name.isEmpty() ? code : coupon.name;
        if (coupon.bonusPoints > 0) {
            m_effects.append({ruleId,
                              EffectKind::PointsEarned,
                              coupon.bonusPoints,
                              0,
                              kPoints,
                              tr("+%Ln point(s) (coupon %1)", nullptr, int(coupon.bonusPoints)).arg(name),
                              code,
                              0,
                              {}});
            return;
        }
        const qint64 amount =
            coupon.basisPoints > 0
                ? Money(m_lines.remainingIn(coupon.scope), m_currency).percent(coupon.basisPoints).minorUnits()
                : coupon.amountMinor;
        const QList<qint64> taken = m_lines.takeSpread(amount, coupon.scope, false);
        if (sum(taken) <= 0) {
            m_notices.append(tr("Coupon %1 gives nothing on this basket.").arg(code));
            return;
        }
        addDiscount(ruleId, taken, tr("−%1 (coupon %2)").arg(money(sum(taken)), name), code);
        // A coupon that was accepted is used, even when another rule already took most of the basket.
    }

    // ---- stamp cards --------------------------------------------------------------------------
    void stampCards()
    {
        if (!m_member)
            return;
        for (const StampCardDefinition& card : m_programme.stampCards) {
            const QString account = QStringLiteral("stamps:") + card.id;
            QList<qint64> perLine(m_lines.size(), 0);
            qint64 earned = 0;
            const QList<bool>& in = m_lines.linesIn(card.scope);
            for (qsizetype i = 0; i < m_lines.size(); ++i) {
                if (in[i])
                    perLine[i] = m_lines.line(i).quantity;
            }
            if (card.perVisit) {
                earned = sum(perLine) > 0 ? 1 : 0;
                perLine = {};
            } else {
                earned = sum(perLine);
            }
            qint64 have = m_member->stamps.value(card.id) + earned;
            if (earned > 0) {
                m_effects.append({QStringLiteral("stamps.") + card.id, EffectKind::StampsEarned, earned, 0, account,
                                  tr("+%Ln stamp(s) on the %1 (%2 of %3)", nullptr, int(earned))
                                      .arg(card.name)
                                      .arg(std::min<qint64>(have, card.stampsNeeded))
                                      .arg(card.stampsNeeded),
                                  QString(), 0, perLine});
            }
            while (have >= card.stampsNeeded) {
                if (!redeemStampCard(card, account))
                    break;
                have -= card.stampsNeeded;
            }
        }
    }
    // Gives one completed card's reward; false when it cannot be given on this basket.
    bool redeemStampCard(const StampCardDefinition& card, const QString& account)
    {
        const QString ruleId = QStringLiteral("stamps.") + card.id + QStringLiteral(".reward");
        QList<qint64> stampShares;
        qint64 value = 0;
        QString text;
        switch (card.rewardKind) {
        case StampCardDefinition::RewardKind::FreeItem: {
            const LineScope& scope = card.rewardScope.isAll() ? card.scope : card.rewardScope;
            const qsizetype i = cheapestUnit(scope);
            if (i < 0) {
                m_notices.append(
                    tr("The %1 is full: the reward is given when a qualifying item is in the basket.").arg(card.name));
                return false;
            }
            value = m_lines.takeUnit(i, true);
            stampShares = QList<qint64>(m_lines.size(), 0);
            stampShares[i] = card.stampsNeeded;
            text = tr("−%1 (%2 full: %3 free)").arg(money(value), card.name, m_lines.line(i).product.name);
            break;
        }
        case StampCardDefinition::RewardKind::FixedDiscount: {
            const QList<qint64> taken = m_lines.takeSpread(card.amountMinor, LineScope{}, true);
            value = sum(taken);
            if (value <= 0) {
                m_notices.append(
                    tr("The %1 is full: the reward is given on a basket that can be discounted.").arg(card.name));
                return false;
            }
            stampShares = m_lines.spread(card.stampsNeeded, taken);
            text = tr("−%1 (%2 full)").arg(money(value), card.name);
            break;
        }
        case StampCardDefinition::RewardKind::FreeAddon:
            text = tr("%1 full: free add-on %2").arg(card.name, card.ean);
            break;
        }
        m_effects.append(
            {ruleId, EffectKind::StampsRedeemed, card.stampsNeeded, value, account, text, QString(), 0, stampShares});
        return true;
    }
    // The line whose next unit is the cheapest still to pay in scope (ties: lower EAN), or -1.
    qsizetype cheapestUnit(const LineScope& scope) const
    {
        qsizetype best = -1;
        const QList<bool>& in = m_lines.linesIn(scope);
        for (qsizetype i = 0; i < m_lines.size(); ++i) {
            const BasketLine& line = m_lines.line(i);
            if (!in[i] || !line.product.discountable || m_lines.remaining(i) <= 0 ||
                m_lines.freeUnits(i) >= line.quantity || line.product.price.minorUnits() <= 0)
                continue;
            if (best < 0 || line.product.price < m_lines.line(best).product.price ||
                (line.product.price == m_lines.line(best).product.price &&
                 line.product.ean < m_lines.line(best).product.ean))
                best = i;
        }
        return best;
    }

    // ---- points and other balances spent -----------------------------------------------------
    Points pointsAvailable() const { return m_member ? std::max<Points>(0, m_member->points - m_pointsSpent) : 0; }
    bool offlineBounded() const
    {
        return m_programme.redemption.offlineDailyLimit > 0 && m_member && m_member->redemptionsNeedConfirmation;
    }
    // What redemption.offline_daily_limit still allows: the limit less what the member redeemed at
    // this till today in sales head office has not confirmed, less this sale's redemptions so far.
    Points offlineAllowance() const
    {
        if (!m_member || !offlineBounded())
            return std::numeric_limits<Points>::max();
        return std::max<Points>(0, m_programme.redemption.offlineDailyLimit - m_member->unconfirmedRedeemedToday -
                                       m_pointsSpent);
    }

    void rewards()
    {
        if (m_request.rewardIds.isEmpty())
            return;
        if (!m_member) {
            m_notices.append(tr("Rewards are for members: scan the customer's card first."));
            return;
        }
        for (const QString& rewardId : m_request.rewardIds) {
            const auto it = std::find_if(m_programme.rewards.cbegin(), m_programme.rewards.cend(),
                                         [&](const RewardDefinition& r) { return r.id == rewardId; });
            if (it == m_programme.rewards.cend()) {
                m_notices.append(tr("The reward %1 is not in the catalogue.").arg(rewardId));
                continue;
            }
            const RewardDefinition& reward = *it;
            if (pointsAvailable() < reward.points) {
                m_notices.append(tr("%1 needs %Ln point(s); the member has %2.", nullptr, int(reward.points))
                                     .arg(reward.name)
                                     .arg(pointsAvailable()));
                continue;
            }
            if (offlineAllowance() < reward.points) {
                m_notices.append(tr("%1 needs %Ln point(s); until head office confirms the earlier redemptions, "
                                    "at most %2 can be redeemed.",
                                    nullptr, int(reward.points))
                                     .arg(reward.name)
                                     .arg(offlineAllowance()));
                continue;
            }
            const QString ruleId = withPrefix(QStringLiteral("reward."), reward.id);
            if (reward.kind == RewardDefinition::Kind::Addon) {
                m_pointsSpent += reward.points;
                m_effects.append({ruleId,
                                  EffectKind::PointsRedeemed,
                                  reward.points,
                                  0,
                                  kPoints,
                                  tr("%1 free (%Ln point(s) redeemed)", nullptr, int(reward.points)).arg(reward.name),
                                  QString(),
                                  0,
                                  {}});
                continue;
            }
            LineScope scope;
            scope.eans = {reward.ean};
            const qsizetype i = cheapestUnit(scope);
            if (i < 0) {
                m_notices.append(tr("Scan the product for the reward %1 first.").arg(reward.name));
                continue;
            }
            const qint64 value = m_lines.takeUnit(i, true);
            m_pointsSpent += reward.points;
            QList<qint64> shares(m_lines.size(), 0);
            shares[i] = reward.points;
            m_effects.append(
                {ruleId, EffectKind::PointsRedeemed, reward.points, value, kPoints,
                 tr("−%1 (%2 for %Ln point(s))", nullptr, int(reward.points)).arg(money(value), reward.name), QString(),
                 0, shares});
        }
    }

    void pointsRedemption()
    {
        const Points requested = m_request.redeemPoints;
        if (requested <= 0)
            return;
        if (!m_member) {
            m_notices.append(tr("Points can only be redeemed with the customer's card."));
            return;
        }
        const RedemptionPolicy& policy = m_programme.redemption;
        if (requested < policy.minimumPoints) {
            m_notices.append(
                tr("At least %Ln point(s) must be redeemed at a time.", nullptr, int(policy.minimumPoints)));
            return;
        }
        const LineScope all;
        const qint64 maxValue = m_lines.remainingIn(all) * policy.maxSharePercent / 100;  // rounded down
        qint64 steps = requested / policy.pointsPerStep;
        steps = std::min(steps, pointsAvailable() / policy.pointsPerStep);
        steps = std::min(steps, maxValue / policy.valueMinorPerStep);
        // The offline bound is the last limit, and the one named when it is what lowered the request.
        const qint64 offlineSteps = offlineAllowance() / policy.pointsPerStep;
        const bool offlineLowered = offlineSteps < steps;
        steps = std::min(steps, offlineSteps);
        const Points points = steps * policy.pointsPerStep;
        if (offlineLowered) {
            if (points < policy.minimumPoints || points <= 0) {
                m_notices.append(tr("No more points can be redeemed now: at most %Ln point(s) a day until head "
                                    "office confirms the earlier redemptions.",
                                    nullptr, int(std::min<Points>(policy.offlineDailyLimit, 1000000000))));
                return;
            }
            m_notices.append(tr("At most %Ln point(s) can be redeemed until head office confirms the earlier "
                                "redemptions.",
                                nullptr, int(points)));
        } else if (points < requested) {
            if (points < policy.minimumPoints || points <= 0) {
                m_notices.append(tr("No points can be redeemed on this basket (the member has %Ln point(s)).", nullptr,
                                    int(pointsAvailable())));
                return;
            }
            m_notices.append(tr("Only %Ln point(s) can be redeemed on this basket.", nullptr, int(points)));
        }
        const QList<qint64> taken = m_lines.takeSpread(steps * policy.valueMinorPerStep, all, true);
        m_pointsSpent += points;
        m_effects.append({QStringLiteral("redeem.points"), EffectKind::PointsRedeemed, points, sum(taken), kPoints,
                          tr("−%1 (%Ln point(s) redeemed)", nullptr, int(points)).arg(money(sum(taken))), QString(), 0,
                          m_lines.spread(points, taken)});
    }

    void creditSpending()
    {
        if (!m_member)
            return;
        for (const Rule& rule : m_programme.rules) {
            if (rule.kind != RuleKind::SubscriptionCredit)
                continue;
            const qint64 credit = m_member->credits.value(rule.id);
            if (credit <= 0)
                continue;
            const QList<qint64> taken = m_lines.takeSpread(credit, rule.creditScope, true);
            if (sum(taken) <= 0)
                continue;
            m_effects.append(
                {rule.id, EffectKind::CreditSpent, sum(taken), sum(taken), QStringLiteral("credit:") + rule.id,
                 tr("−%1 (%2 credit)").arg(money(sum(taken)), labelOf(rule, tr("subscription"))), QString(), 0, taken});
        }
    }

    void walletSpending()
    {
        const qint64 requested = m_request.walletSpendMinor;
        if (requested <= 0)
            return;
        if (!m_member) {
            m_notices.append(tr("The wallet can only be used with the customer's card."));
            return;
        }
        const qint64 amount = std::min(requested, m_member->walletMinor);
        if (amount < requested)
            m_notices.append(tr("The wallet holds only %1.").arg(money(m_member->walletMinor)));
        const QList<qint64> taken = m_lines.takeSpread(amount, LineScope{}, true);
        if (sum(taken) <= 0)
            return;
        m_effects.append({QStringLiteral("wallet.spend"), EffectKind::WalletSpent, sum(taken), sum(taken), kWallet,
                          tr("−%1 paid from the wallet").arg(money(sum(taken))), QString(), 0, taken});
    }

    // ---- earning ------------------------------------------------------------------------------
    // What each line paid that earns: nothing on lines that do not earn; value paid with points,
    // rewards, stamps, credit or wallet only when the programme lets redeemed value earn.
    QList<qint64> earningBasis() const
    {
        QList<qint64> basis(m_lines.size(), 0);
        for (qsizetype i = 0; i < m_lines.size(); ++i) {
            if (!m_lines.line(i).product.earnsPoints)
                continue;
            basis[i] = m_lines.remaining(i) + (m_programme.redemption.earnOnRedeemed ? m_lines.loyaltyPaid(i) : 0);
        }
        return basis;
    }

    void earning()
    {
        const QList<qint64> basis = earningBasis();
        m_eligible = sum(basis);
        membershipPurchase();
        if (!m_member)
            return;
        QList<qint64> base(m_lines.size(), 0);
        for (const Rule* rule : rulesOf(RuleKind::PointsPerAmount)) {
            const QList<qint64> weights = lineWeights(rule->scope, basis);
            const qint64 points = (sum(weights) / rule->unitMinor) * rule->points;  // whole units, rounded down
            const QList<qint64> shares = m_lines.spread(points, weights);
            for (qsizetype i = 0; i < base.size(); ++i)
                base[i] += shares[i];
            addPoints(rule->id, points,
                      tr("+%Ln point(s) (%1 per full %2 spent)", nullptr, int(points))
                          .arg(rule->points)
                          .arg(money(rule->unitMinor)),
                      shares);
        }
        for (const Rule* rule : rulesOf(RuleKind::ProductPoints)) {
            QList<qint64> shares(m_lines.size(), 0);
            const QList<bool>& in = m_lines.linesIn(rule->scope);
            for (qsizetype i = 0; i < m_lines.size(); ++i) {
                if (!in[i] || !m_lines.line(i).product.earnsPoints)
                    continue;
                const qint64 units =
                    m_lines.line(i).quantity - (m_programme.redemption.earnOnRedeemed ? 0 : m_lines.freeUnits(i));
                shares[i] = units * rule->points;
                base[i] += shares[i];
            }
            addPoints(rule->id, sum(shares),
                      tr("+%Ln point(s) (%1 per item of %2)", nullptr, int(sum(shares)))
                          .arg(rule->points)
                          .arg(labelOf(*rule, tr("the product"))),
                      shares);
        }
        for (const Rule* rule : rulesOf(RuleKind::Multiplier)) {
            // The extra on the base points of the lines in scope, summed over the sale, rounded down.
            const QList<qint64> weights = lineWeights(rule->scope, base);
            const qint64 extra = sum(weights) * (rule->factorPercent - 100) / 100;
            const QList<qint64> shares = m_lines.spread(extra, weights);
            addPoints(rule->id, sum(shares),
                      tr("+%Ln point(s) (%1 on %2)", nullptr, int(sum(shares)))
                          .arg(ReasonText::factor(rule->factorPercent), labelOf(*rule, tr("selected products"))),
                      shares);
        }
        tierMultiplier(base);
        bonuses(basis);
        cashback(basis);
        subscriptionCredit();
    }

    void tierMultiplier(const QList<qint64>& base)
    {
        const TierDefinition* tier = m_programme.tier(m_member->tierId);
        if (!tier || tier->earnMultiplierPercent <= 100)
            return;
        const qint64 extra = sum(base) * (tier->earnMultiplierPercent - 100) / 100;  // rounded down
        addPoints(QStringLiteral("tier.") + tier->id + QStringLiteral(".multiplier"), extra,
                  tr("+%Ln point(s) (%1: %2 points)", nullptr, int(extra))
                      .arg(tier->name, ReasonText::factor(tier->earnMultiplierPercent)),
                  m_lines.spread(extra, base));
    }

    void bonuses(const QList<qint64>& basis)
    {
        for (const Rule* rule : rulesOf(RuleKind::BonusPoints)) {
            const QList<qint64> weights = lineWeights(rule->scope, basis);
            if (sum(weights) <= 0 || sum(weights) < rule->minSpendMinor)
                continue;
            addPoints(rule->id, rule->points,
                      tr("+%Ln point(s) (%1)", nullptr, int(rule->points)).arg(labelOf(*rule, tr("bonus"))),
                      m_lines.spread(rule->points, weights));
        }
        for (const Rule* rule : rulesOf(RuleKind::Birthday)) {
            if (!m_member->birthDate.isValid() || m_member->birthdayAwardedThisYear)
                continue;
            if (!nearBirthday(m_request.at.date(), rule->windowDays))
                continue;
            addPoints(rule->id, rule->points, tr("+%Ln point(s) (happy birthday!)", nullptr, int(rule->points)));
        }
        if (m_member->completedSales == 0 && m_member->referrerId) {
            for (const Rule* rule : rulesOf(RuleKind::Referral)) {
                addPoints(rule->id, rule->refereePoints,
                          tr("+%Ln point(s) (first purchase after a referral)", nullptr, int(rule->refereePoints)));
                if (rule->points > 0) {
                    m_effects.append(
                        {rule->id,
                         EffectKind::PointsEarned,
                         rule->points,
                         0,
                         kPoints,
                         tr("+%Ln point(s) for the member who referred this customer", nullptr, int(rule->points)),
                         QString(),
                         *m_member->referrerId,
                         {}});
                }
            }
        }
        for (const Rule* rule : rulesOf(RuleKind::Challenge)) {
            if (m_member->visitsThisMonth + 1 != rule->visits || m_member->challengesThisMonth.contains(rule->id))
                continue;
            addPoints(rule->id, rule->points,
                      tr("+%Ln point(s) (%1: visit %2 this month)", nullptr, int(rule->points))
                          .arg(labelOf(*rule, tr("challenge")))
                          .arg(rule->visits));
        }
        for (const Rule* rule : rulesOf(RuleKind::Surprise))
            surprise(*rule);
    }

    // Whether `today` lies within `windowDays` of the member's birthday in the year before, this
    // year or the next (so a window may cross New Year); 29 February counts as 28 February in
    // other years.
    bool nearBirthday(const QDate& today, int windowDays) const
    {
        for (int year = today.year() - 1; year <= today.year() + 1; ++year) {
            QDate birthday(year, m_member->birthDate.month(), m_member->birthDate.day());
            if (!birthday.isValid())
                birthday = QDate(year, 2, 28);
            if (std::abs(birthday.daysTo(today)) <= windowDays)
                return true;
        }
        return false;
    }

    void surprise(const Rule& rule)
    {
        if (rule.everyNth > 0 && m_request.saleOfDay % rule.everyNth == 0) {
            addPoints(rule.id, rule.points,
                      tr("+%Ln point(s) (surprise: sale no. %1 of the day)", nullptr, int(rule.points))
                          .arg(m_request.saleOfDay));
            return;
        }
        if (rule.probabilityPermille > 0 && surpriseDraw(rule) < rule.probabilityPermille)
            addPoints(rule.id, rule.points, tr("+%Ln point(s) (surprise reward)", nullptr, int(rule.points)));
    }
    // A number 0..999 drawn from the sale's id and the rule's: the same sale always draws the same.
    int surpriseDraw(const Rule& rule) const
    {
        const QByteArray digest = QCryptographicHash::hash((m_request.saleUuid + QLatin1Char('/') + rule.id).toUtf8(),
                                                           QCryptographicHash::Sha256);
        quint64 value = 0;
        for (int i = 0; i < 8; ++i)
            value = (value << 8) | quint8(digest[i]);
        return int(value % 1000);
    }

    void cashback(const QList<qint64>& basis)
    {
        for (const Rule* rule : rulesOf(RuleKind::Cashback)) {
            const QList<qint64> weights = lineWeights(rule->scope, basis);
            if (sum(weights) <= 0 || sum(weights) < rule->minSpendMinor)
                continue;
            const qint64 amount =
                Money(sum(weights), m_currency).percent(rule->basisPoints, Rounding::TowardZero).minorUnits();
            if (amount <= 0)
                continue;
            m_effects.append(
                {rule->id, EffectKind::WalletEarned, amount, 0, kWallet,
                 tr("+%1 cashback to the wallet (%2 of %3)")
                     .arg(money(amount), ReasonText::percent(rule->basisPoints), labelOf(*rule, tr("eligible spend"))),
                 QString(), 0, m_lines.spread(amount, weights)});
        }
    }

    void subscriptionCredit()
    {
        for (const Rule* rule : rulesOf(RuleKind::SubscriptionCredit)) {
            QList<qint64> shares(m_lines.size(), 0);
            const QList<bool>& in = m_lines.linesIn(rule->scope);
            for (qsizetype i = 0; i < m_lines.size(); ++i) {
                if (in[i])
                    shares[i] = m_lines.line(i).quantity * rule->creditMinor;
            }
            if (sum(shares) <= 0)
                continue;
            m_effects.append(
                {rule->id, EffectKind::CreditEarned, sum(shares), 0, QStringLiteral("credit:") + rule->id,
                 tr("+%1 %2 credit for the next orders").arg(money(sum(shares)), labelOf(*rule, tr("subscription"))),
                 QString(), 0, shares});
        }
    }

    void membershipPurchase()
    {
        if (!m_member || !m_programme.membership)
            return;
        const MembershipDefinition& membership = *m_programme.membership;
        QList<qint64> shares(m_lines.size(), 0);
        for (qsizetype i = 0; i < m_lines.size(); ++i) {
            if (m_lines.line(i).product.ean == membership.feeEan)
                shares[i] = m_lines.line(i).quantity * membership.validityDays;
        }
        const qint64 days = sum(shares);
        if (days <= 0)
            return;
        m_effects.append({QStringLiteral("membership"), EffectKind::Membership, days, 0, QStringLiteral("membership"),
                          tr("Membership for %Ln day(s), %1 off from the next purchase", nullptr, int(days))
                              .arg(ReasonText::percent(membership.discountBasisPoints)),
                          QString(), 0, shares});
    }

    // ---- result -------------------------------------------------------------------------------
    Evaluation finish()
    {
        Evaluation result;
        qint64 total = 0;
        for (qsizetype i = 0; i < m_lines.size(); ++i)
            total += m_lines.gross(i);
        qint64 payable = 0;
        for (qsizetype i = 0; i < m_lines.size(); ++i) {
            result.linePaidMinor.append(m_lines.remaining(i));
            payable += m_lines.remaining(i);
        }
        result.total = Money(total, m_currency);
        result.payable = Money(payable, m_currency);
        result.discount = Money(total - payable, m_currency);
        result.eligibleSpend = Money(m_eligible, m_currency);
        result.effects = m_effects;
        result.notices = m_notices;
        return result;
    }

    const Programme& m_programme;
    const EvaluationRequest& m_request;
    const MemberStanding* m_member;
    BasketLines m_lines;
    QString m_currency;
    QList<Effect> m_effects;
    QStringList m_notices;
    Points m_pointsSpent = 0;
    qint64 m_eligible = 0;
};

}  // namespace

ProgrammeEngine::ProgrammeEngine(Programme programme)
    : m_programme(std::move(programme))
{
}

Evaluation ProgrammeEngine::evaluate(const EvaluationRequest& request) const
{
    Q_ASSERT(request.basket);
    return Evaluator(m_programme, request).run();
}

QList<Effect> ProgrammeEngine::enrolmentEffects(const QDateTime& at) const
{
    QList<Effect> effects;
    for (const Rule& rule : m_programme.rules) {
        if (rule.kind == RuleKind::Welcome && rule.when.contains(at) && rule.points > 0)
            effects.append({rule.id,
                            EffectKind::PointsEarned,
                            rule.points,
                            0,
                            kPoints,
                            tr("+%Ln point(s) (welcome bonus)", nullptr, int(rule.points)),
                            QString(),
                            0,
                            {}});
    }
    return effects;
}

QList<Effect> ProgrammeEngine::feedbackEffects(const QDateTime& at) const
{
    QList<Effect> effects;
    for (const Rule& rule : m_programme.rules) {
        if (rule.kind == RuleKind::Feedback && rule.when.contains(at) && rule.points > 0)
            effects.append({rule.id,
                            EffectKind::PointsEarned,
                            rule.points,
                            0,
                            kPoints,
                            tr("+%Ln point(s) (thank you for your feedback)", nullptr, int(rule.points)),
                            QString(),
                            0,
                            {}});
    }
    return effects;
}

const TierDefinition* ProgrammeEngine::nextTier(const QString& tierId) const
{
    if (tierId.isEmpty())
        return m_programme.tiers.isEmpty() ? nullptr : &m_programme.tiers.first();
    for (qsizetype i = 0; i + 1 < m_programme.tiers.size(); ++i) {
        if (m_programme.tiers[i].id == tierId)
            return &m_programme.tiers[i + 1];
    }
    return nullptr;
}

}  // namespace loyalty
