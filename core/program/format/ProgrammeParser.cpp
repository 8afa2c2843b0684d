#include "program/format/ProgrammeParser.h"

#include "barcode/Gtin.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>
#include <limits>

namespace loyalty {

namespace {

constexpr qint64 kMaxBasisPoints = 10'000;  // 100 %
constexpr qint64 kMaxPercent = 10'000;      // a multiplier of 100×
constexpr qint64 kMaxDays = 3'660;          // ten years
constexpr qint64 kMaxPriority = 1'000;

QString at(const QString& path, QStringView key)
{
    return path + u'.' + key;
}

QString at(const QString& path, qsizetype index)
{
    return path + u'[' + QString::number(index) + u']';
}

QString quoted(const QString& text)
{
    return u'"' + text + u'"';
}

bool isIdentifier(const QString& id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return pattern.match(id).hasMatch();
}

bool isCouponCode(const QString& code)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return pattern.match(code).hasMatch();
}

// The keys a rule of `kind` may have: the common ones and the parameters its kind uses (Rule.h).
std::vector<QStringView> ruleKeys(RuleKind kind)
{
    std::vector<QStringView> keys{u"id", u"type", u"label", u"when", u"audience"};
    // Welcome, referral and feedback points are given outside a basket: no lines to scope.
    if (kind != RuleKind::Welcome && kind != RuleKind::Referral && kind != RuleKind::Feedback)
        keys.push_back(u"scope");
    switch (kind) {
    case RuleKind::PointsPerAmount:
        keys.insert(keys.end(), {u"unit_minor", u"points"});
        break;
    case RuleKind::ProductPoints:
    case RuleKind::Welcome:
    case RuleKind::Feedback:
        keys.push_back(u"points");
        break;
    case RuleKind::Multiplier:
        keys.push_back(u"factor_percent");
        break;
    case RuleKind::BonusPoints:
        keys.insert(keys.end(), {u"points", u"min_spend_minor"});
        break;
    case RuleKind::MemberPrice:
        keys.push_back(u"price_minor");
        break;
    case RuleKind::PercentDiscount:
    case RuleKind::Cashback:
        keys.insert(keys.end(), {u"basis_points", u"min_spend_minor"});
        break;
    case RuleKind::Birthday:
        keys.insert(keys.end(), {u"points", u"window_days"});
        break;
    case RuleKind::Referral:
        keys.insert(keys.end(), {u"points", u"referee_points"});
        break;
    case RuleKind::Challenge:
        keys.insert(keys.end(), {u"points", u"visits"});
        break;
    case RuleKind::Surprise:
        keys.insert(keys.end(), {u"points", u"every_nth", u"probability_permille"});
        break;
    case RuleKind::SubscriptionCredit:
        keys.insert(keys.end(), {u"credit_minor", u"credit_scope"});
        break;
    }
    return keys;
}

bool isAnyRuleKey(const QString& key)
{
    static const QStringList all{
        QStringLiteral("scope"),          QStringLiteral("unit_minor"),           QStringLiteral("points"),
        QStringLiteral("referee_points"), QStringLiteral("factor_percent"),       QStringLiteral("basis_points"),
        QStringLiteral("price_minor"),    QStringLiteral("min_spend_minor"),      QStringLiteral("visits"),
        QStringLiteral("every_nth"),      QStringLiteral("probability_permille"), QStringLiteral("window_days"),
        QStringLiteral("credit_minor"),   QStringLiteral("credit_scope")};
    return all.contains(key);
}

QString ruleTypeNames()
{
    QStringList names;
    for (int k = 0; k <= static_cast<int>(RuleKind::SubscriptionCredit); ++k)
        names << quoted(ruleKindName(static_cast<RuleKind>(k)));
    return names.join(QStringLiteral(", "));
}

}  // namespace

Result<Programme> ProgrammeParser::parse(const QByteArray& document)
{
    ProgrammeParser parser;
    const QString root = QStringLiteral("$");
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(document, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        parser.fail(root, tr("not a JSON document (%1 at byte %2)")
                              .arg(parseError.errorString(), QString::number(parseError.offset)));
        return *parser.m_error;
    }
    if (!json.isObject()) {
        parser.fail(root, tr("must be an object"));
        return *parser.m_error;
    }
    Programme programme;
    if (!parser.readProgramme(json.object(), programme))
        return *parser.m_error;
    return programme;
}

bool ProgrammeParser::readProgramme(const QJsonObject& root, Programme& programme)
{
    const QString path = QStringLiteral("$");
    if (!knownKeys(root, path,
                   {u"format", u"id", u"version", u"name", u"currency", u"rules", u"tiers", u"tier_policy",
                    u"stamp_cards", u"membership", u"redemption", u"rewards", u"coupons", u"expiry", u"balance"}))
        return false;
    qint64 format = 0;
    if (!integer(root, path, u"format", 1, kMaxAmount, std::nullopt, format))
        return false;
    if (format != kFormat) {
        return fail(at(path, u"format"), tr("format %1 is not supported; this till reads format %2")
                                             .arg(QString::number(format), QString::number(kFormat)));
    }
    if (!identifier(root, path, u"id", programme.id))
        return false;
    if (!integer(root, path, u"version", 1, std::numeric_limits<int>::max(), std::nullopt, programme.version))
        return false;
    if (!text(root, path, u"name", true, programme.name))
        return false;
    if (!text(root, path, u"currency", true, programme.currency))
        return false;
    static const QRegularExpression currency(QStringLiteral("^[A-Z]{3}$"));
    if (!currency.match(programme.currency).hasMatch())
        return fail(at(path, u"currency"), tr("must be three upper-case letters (ISO 4217), e.g. \"EUR\""));
    // Tiers first: rules name them in their audience.
    return readTiers(root, programme) && readTierPolicy(root, programme.tierPolicy) && readRules(root, programme) &&
           readStampCards(root, programme) && readMembership(root, programme) &&
           readRedemption(root, programme.redemption) && readRewards(root, programme) && readCoupons(root, programme) &&
           readExpiry(root, programme.expiry) && readBalance(root, programme.balance);
}

bool ProgrammeParser::readTiers(const QJsonObject& root, Programme& programme)
{
    const QString listPath = QStringLiteral("$.tiers");
    QJsonArray tiers;
    if (!optionalArray(root, QStringLiteral("$"), u"tiers", tiers))
        return false;
    QSet<QString> ids;
    for (qsizetype i = 0; i < tiers.size(); ++i) {
        const QString path = at(listPath, i);
        QJsonObject object;
        TierDefinition tier;
        if (!toObject(tiers.at(i), path, object) ||
            !knownKeys(object, path,
                       {u"id", u"name", u"threshold", u"earn_multiplier_percent", u"discount_basis_points"}) ||
            !identifier(object, path, u"id", tier.id) || !unique(ids, tier.id, at(path, u"id")) ||
            !text(object, path, u"name", true, tier.name) ||
            !integer(object, path, u"threshold", 0, kMaxAmount, std::nullopt, tier.threshold) ||
            !integer(object, path, u"earn_multiplier_percent", 100, kMaxPercent, 100, tier.earnMultiplierPercent) ||
            !integer(object, path, u"discount_basis_points", 0, kMaxBasisPoints, 0, tier.discountBasisPoints))
            return false;
        if (i == 0 && tier.threshold != 0)
            return fail(at(path, u"threshold"), tr("the first tier is the entry tier and must have threshold 0"));
        if (i > 0 && tier.threshold <= programme.tiers.last().threshold)
            return fail(at(path, u"threshold"), tr("must be greater than the previous tier's"));
        programme.tiers.append(tier);
    }
    m_tierIds = ids;
    return true;
}

bool ProgrammeParser::readTierPolicy(const QJsonObject& root, TierPolicy& policy)
{
    QJsonObject object;
    bool present = false;
    const QString path = QStringLiteral("$.tier_policy");
    if (!optionalObject(root, QStringLiteral("$"), u"tier_policy", object, present))
        return false;
    if (!present)
        return true;
    static const Names<TierPolicy::Basis> bases{{u"spend", TierPolicy::Basis::Spend},
                                                {u"points", TierPolicy::Basis::EarnedPoints}};
    return knownKeys(object, path, {u"basis", u"months", u"grace_days"}) &&
           choice(object, path, u"basis", bases, policy.basis) &&
           integer(object, path, u"months", 1, 120, 12, policy.months) &&
           integer(object, path, u"grace_days", 0, kMaxDays, 0, policy.graceDays);
}

bool ProgrammeParser::readRules(const QJsonObject& root, Programme& programme)
{
    QJsonArray rules;
    if (!optionalArray(root, QStringLiteral("$"), u"rules", rules))
        return false;
    QSet<QString> ids;
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QString path = at(QStringLiteral("$.rules"), i);
        Rule rule;
        if (!readRule(rules.at(i), path, rule) || !unique(ids, rule.id, at(path, u"id")))
            return false;
        programme.rules.append(rule);
    }
    return true;
}

bool ProgrammeParser::readRule(const QJsonValue& value, const QString& path, Rule& rule)
{
    QJsonObject object;
    if (!toObject(value, path, object))
        return false;
    // The type decides which keys the rule may have, so it is read first.
    const QString typePath = at(path, u"type");
    if (!object.contains(u"type"))
        return fail(typePath, tr("required, one of %1").arg(ruleTypeNames()));
    const QJsonValue type = object.value(u"type");
    const std::optional<RuleKind> kind = type.isString() ? ruleKindFromName(type.toString()) : std::nullopt;
    if (!kind)
        return fail(typePath, tr("unknown rule type; one of %1").arg(ruleTypeNames()));
    rule.kind = *kind;
    const std::vector<QStringView> allowed = ruleKeys(rule.kind);
    for (const QString& key : object.keys()) {
        if (std::find(allowed.begin(), allowed.end(), QStringView(key)) != allowed.end())
            continue;
        if (isAnyRuleKey(key))
            return fail(at(path, key), tr("not used by a %1 rule").arg(quoted(type.toString())));
        return fail(at(path, key), tr("unknown key"));
    }
    return identifier(object, path, u"id", rule.id) && text(object, path, u"label", false, rule.label) &&
           scope(object, path, u"scope", rule.scope) && window(object, path, u"when", rule.when) &&
           audience(object, path, u"audience", rule.audience) && readRuleParameters(object, path, rule);
}

bool ProgrammeParser::readRuleParameters(const QJsonObject& object, const QString& path, Rule& rule)
{
    const auto required = std::nullopt;
    switch (rule.kind) {
    case RuleKind::PointsPerAmount:
        return integer(object, path, u"unit_minor", 1, kMaxAmount, required, rule.unitMinor) &&
               integer(object, path, u"points", 1, kMaxAmount, required, rule.points);
    case RuleKind::ProductPoints:
    case RuleKind::Welcome:
    case RuleKind::Feedback:
        return integer(object, path, u"points", 1, kMaxAmount, required, rule.points);
    case RuleKind::Multiplier:
        return integer(object, path, u"factor_percent", 101, kMaxPercent, required, rule.factorPercent);
    case RuleKind::BonusPoints:
        return integer(object, path, u"points", 1, kMaxAmount, required, rule.points) &&
               integer(object, path, u"min_spend_minor", 0, kMaxAmount, 0, rule.minSpendMinor);
    case RuleKind::MemberPrice:
        if (!integer(object, path, u"price_minor", 1, kMaxAmount, required, rule.priceMinor))
            return false;
        if (rule.scope.eans.isEmpty())
            return fail(at(path, u"scope"), tr("a member_price rule must list the products it prices in \"eans\""));
        return true;
    case RuleKind::PercentDiscount:
    case RuleKind::Cashback:
        return integer(object, path, u"basis_points", 1, kMaxBasisPoints, required, rule.basisPoints) &&
               integer(object, path, u"min_spend_minor", 0, kMaxAmount, 0, rule.minSpendMinor);
    case RuleKind::Birthday:
        return integer(object, path, u"points", 1, kMaxAmount, required, rule.points) &&
               integer(object, path, u"window_days", 0, 183, 0, rule.windowDays);
    case RuleKind::Referral:
        if (!integer(object, path, u"points", 0, kMaxAmount, required, rule.points) ||
            !integer(object, path, u"referee_points", 0, kMaxAmount, required, rule.refereePoints))
            return false;
        if (rule.points == 0 && rule.refereePoints == 0)
            return fail(at(path, u"points"), tr("points or referee_points must be greater than 0"));
        return true;
    case RuleKind::Challenge:
        return integer(object, path, u"points", 1, kMaxAmount, required, rule.points) &&
               integer(object, path, u"visits", 1, 1000, required, rule.visits);
    case RuleKind::Surprise:
        if (!integer(object, path, u"points", 1, kMaxAmount, required, rule.points) ||
            !integer(object, path, u"every_nth", 0, 1'000'000, 0, rule.everyNth) ||
            !integer(object, path, u"probability_permille", 0, 1000, 0, rule.probabilityPermille))
            return false;
        if (rule.everyNth == 0 && rule.probabilityPermille == 0)
            return fail(path, tr("a surprise rule needs every_nth or probability_permille greater than 0"));
        if (rule.everyNth > 0 && rule.probabilityPermille > 0)
            return fail(at(path, u"probability_permille"),
                        tr("give either every_nth or probability_permille, not both"));
        return true;
    case RuleKind::SubscriptionCredit:
        if (!integer(object, path, u"credit_minor", 1, kMaxAmount, required, rule.creditMinor) ||
            !scope(object, path, u"credit_scope", rule.creditScope))
            return false;
        if (rule.scope.isAll())
            return fail(at(path, u"scope"), tr("a subscription_credit rule must name its subscription products"));
        return true;
    }
    return fail(at(path, u"type"), tr("unknown rule type; one of %1").arg(ruleTypeNames()));
}

bool ProgrammeParser::readStampCards(const QJsonObject& root, Programme& programme)
{
    QJsonArray cards;
    if (!optionalArray(root, QStringLiteral("$"), u"stamp_cards", cards))
        return false;
    QSet<QString> ids;
    for (qsizetype i = 0; i < cards.size(); ++i) {
        const QString path = at(QStringLiteral("$.stamp_cards"), i);
        StampCardDefinition card;
        if (!readStampCard(cards.at(i), path, card) || !unique(ids, card.id, at(path, u"id")))
            return false;
        programme.stampCards.append(card);
    }
    return true;
}

bool ProgrammeParser::readStampCard(const QJsonValue& value, const QString& path, StampCardDefinition& card)
{
    QJsonObject object;
    return toObject(value, path, object) &&
           knownKeys(object, path, {u"id", u"name", u"scope", u"per_visit", u"stamps_needed", u"reward"}) &&
           identifier(object, path, u"id", card.id) && text(object, path, u"name", true, card.name) &&
           scope(object, path, u"scope", card.scope) && boolean(object, path, u"per_visit", false, card.perVisit) &&
           integer(object, path, u"stamps_needed", 1, 1000, std::nullopt, card.stampsNeeded) &&
           readStampReward(object, path, card);
}

bool ProgrammeParser::readStampReward(const QJsonObject& card, const QString& cardPath, StampCardDefinition& definition)
{
    const QString path = at(cardPath, u"reward");
    if (!card.contains(u"reward"))
        return fail(path, tr("required"));
    QJsonObject object;
    if (!toObject(card.value(u"reward"), path, object))
        return false;
    static const Names<StampCardDefinition::RewardKind> kinds{
        {u"free_item", StampCardDefinition::RewardKind::FreeItem},
        {u"fixed_discount", StampCardDefinition::RewardKind::FixedDiscount},
        {u"free_addon", StampCardDefinition::RewardKind::FreeAddon}};
    if (!choice(object, path, u"kind", kinds, definition.rewardKind))
        return false;
    switch (definition.rewardKind) {
    case StampCardDefinition::RewardKind::FreeItem:
        return knownKeys(object, path, {u"kind", u"scope"}) && scope(object, path, u"scope", definition.rewardScope);
    case StampCardDefinition::RewardKind::FixedDiscount:
        return knownKeys(object, path, {u"kind", u"amount_minor"}) &&
               integer(object, path, u"amount_minor", 1, kMaxAmount, std::nullopt, definition.amountMinor);
    case StampCardDefinition::RewardKind::FreeAddon:
        return knownKeys(object, path, {u"kind", u"ean"}) && ean(object, path, u"ean", definition.ean);
    }
    return false;
}

bool ProgrammeParser::readMembership(const QJsonObject& root, Programme& programme)
{
    QJsonObject object;
    bool present = false;
    const QString path = QStringLiteral("$.membership");
    if (!optionalObject(root, QStringLiteral("$"), u"membership", object, present))
        return false;
    if (!present)
        return true;
    MembershipDefinition membership;
    if (!knownKeys(object, path, {u"fee_ean", u"validity_days", u"discount_basis_points"}) ||
        !ean(object, path, u"fee_ean", membership.feeEan) ||
        !integer(object, path, u"validity_days", 1, kMaxDays, 365, membership.validityDays) ||
        !integer(object, path, u"discount_basis_points", 0, kMaxBasisPoints, 0, membership.discountBasisPoints))
        return false;
    programme.membership = membership;
    return true;
}

bool ProgrammeParser::readRedemption(const QJsonObject& root, RedemptionPolicy& policy)
{
    QJsonObject object;
    bool present = false;
    const QString path = QStringLiteral("$.redemption");
    if (!optionalObject(root, QStringLiteral("$"), u"redemption", object, present))
        return false;
    if (!present)
        return true;
    const RedemptionPolicy defaults;
    return knownKeys(object, path,
                     {u"points_per_step", u"value_minor_per_step", u"minimum_points", u"max_share_percent",
                      u"earn_on_redeemed", u"offline_daily_limit"}) &&
           integer(object, path, u"points_per_step", 1, kMaxAmount, defaults.pointsPerStep, policy.pointsPerStep) &&
           integer(object, path, u"value_minor_per_step", 1, kMaxAmount, defaults.valueMinorPerStep,
                   policy.valueMinorPerStep) &&
           integer(object, path, u"minimum_points", 0, kMaxAmount, defaults.minimumPoints, policy.minimumPoints) &&
           integer(object, path, u"max_share_percent", 0, 100, defaults.maxSharePercent, policy.maxSharePercent) &&
           boolean(object, path, u"earn_on_redeemed", defaults.earnOnRedeemed, policy.earnOnRedeemed) &&
           integer(object, path, u"offline_daily_limit", 0, kMaxAmount, defaults.offlineDailyLimit,
                   policy.offlineDailyLimit);
}

bool ProgrammeParser::readRewards(const QJsonObject& root, Programme& programme)
{
    QJsonArray rewards;
    if (!optionalArray(root, QStringLiteral("$"), u"rewards", rewards))
        return false;
    static const Names<RewardDefinition::Kind> kinds{{u"free_product", RewardDefinition::Kind::FreeProduct},
                                                     {u"addon", RewardDefinition::Kind::Addon}};
    QSet<QString> ids;
    for (qsizetype i = 0; i < rewards.size(); ++i) {
        const QString path = at(QStringLiteral("$.rewards"), i);
        QJsonObject object;
        RewardDefinition reward;
        if (!toObject(rewards.at(i), path, object) ||
            !knownKeys(object, path, {u"id", u"name", u"points", u"kind", u"ean"}) ||
            !identifier(object, path, u"id", reward.id) || !unique(ids, reward.id, at(path, u"id")) ||
            !text(object, path, u"name", true, reward.name) ||
            !integer(object, path, u"points", 1, kMaxAmount, std::nullopt, reward.points) ||
            !choice(object, path, u"kind", kinds, reward.kind) || !ean(object, path, u"ean", reward.ean))
            return false;
        programme.rewards.append(reward);
    }
    return true;
}

bool ProgrammeParser::readCoupons(const QJsonObject& root, Programme& programme)
{
    QJsonArray coupons;
    if (!optionalArray(root, QStringLiteral("$"), u"coupons", coupons))
        return false;
    QSet<QString> ids;
    QSet<QString> codes;
    for (qsizetype i = 0; i < coupons.size(); ++i) {
        const QString path = at(QStringLiteral("$.coupons"), i);
        CouponDefinition coupon;
        if (!readCoupon(coupons.at(i), path, coupon) || !unique(ids, coupon.id, at(path, u"id")))
            return false;
        // Codes are typed at the till without regard to case, so they must differ in more than case
        // across all coupons.
        for (qsizetype c = 0; c < coupon.codes.size(); ++c) {
            if (codes.contains(coupon.codes.at(c))) {
                return fail(at(at(path, u"codes"), c),
                            tr("the code %1 is listed more than once").arg(quoted(coupon.codes.at(c))));
            }
            codes.insert(coupon.codes.at(c));
        }
        programme.coupons.append(coupon);
    }
    return true;
}

bool ProgrammeParser::readCoupon(const QJsonValue& value, const QString& path, CouponDefinition& coupon)
{
    QJsonObject object;
    static const Names<CouponDefinition::Kind> kinds{{u"campaign", CouponDefinition::Kind::Campaign},
                                                     {u"single_use", CouponDefinition::Kind::SingleUse},
                                                     {u"member", CouponDefinition::Kind::Member}};
    if (!toObject(value, path, object) ||
        !knownKeys(object, path,
                   {u"id", u"name", u"kind", u"codes", u"member_uuid", u"scope", u"when", u"basis_points",
                    u"amount_minor", u"bonus_points", u"min_spend_minor", u"combinable", u"priority",
                    u"members_only"}) ||
        !identifier(object, path, u"id", coupon.id) || !text(object, path, u"name", true, coupon.name) ||
        !choice(object, path, u"kind", kinds, coupon.kind))
        return false;

    const QString codesPath = at(path, u"codes");
    if (!object.contains(u"codes"))
        return fail(codesPath, tr("required"));
    if (!textList(object, path, u"codes", coupon.codes))
        return false;
    if (coupon.codes.isEmpty())
        return fail(codesPath, tr("must list at least one code"));
    for (qsizetype c = 0; c < coupon.codes.size(); ++c) {
        if (!isCouponCode(coupon.codes.at(c))) {
            return fail(at(codesPath, c), tr("must be letters, digits, '.', '_' or '-' (at most 64)"));
        }
        coupon.codes[c] = coupon.codes.at(c).toUpper();
    }

    const QString uuidPath = at(path, u"member_uuid");
    if (coupon.kind == CouponDefinition::Kind::Member) {
        if (!text(object, path, u"member_uuid", true, coupon.memberUuid))
            return false;
        const QUuid uuid = QUuid::fromString(coupon.memberUuid);
        if (uuid.isNull())
            return fail(uuidPath, tr("must be a member's UUID"));
        coupon.memberUuid = uuid.toString(QUuid::WithoutBraces);
    } else if (object.contains(u"member_uuid")) {
        return fail(uuidPath, tr("only a coupon of kind \"member\" has a member_uuid"));
    }

    return scope(object, path, u"scope", coupon.scope) && window(object, path, u"when", coupon.when) &&
           readCouponValue(object, path, coupon) &&
           integer(object, path, u"min_spend_minor", 0, kMaxAmount, 0, coupon.minSpendMinor) &&
           boolean(object, path, u"combinable", false, coupon.combinable) &&
           integer(object, path, u"priority", -kMaxPriority, kMaxPriority, 0, coupon.priority) &&
           boolean(object, path, u"members_only", false, coupon.membersOnly);
}

bool ProgrammeParser::readCouponValue(const QJsonObject& object, const QString& path, CouponDefinition& coupon)
{
    const std::vector<QStringView> valueKeys{u"basis_points", u"amount_minor", u"bonus_points"};
    std::vector<QStringView> given;
    std::copy_if(valueKeys.begin(), valueKeys.end(), std::back_inserter(given),
                 [&object](QStringView key) { return object.contains(key); });
    if (given.empty())
        return fail(path, tr("a coupon needs one of basis_points, amount_minor or bonus_points"));
    if (given.size() > 1)
        return fail(at(path, given.at(1)), tr("a coupon gives one of basis_points, amount_minor or bonus_points"));
    return integer(object, path, u"basis_points", 1, kMaxBasisPoints, 0, coupon.basisPoints) &&
           integer(object, path, u"amount_minor", 1, kMaxAmount, 0, coupon.amountMinor) &&
           integer(object, path, u"bonus_points", 1, kMaxAmount, 0, coupon.bonusPoints);
}

bool ProgrammeParser::readExpiry(const QJsonObject& root, ExpiryPolicy& expiry)
{
    QJsonObject object;
    bool present = false;
    const QString path = QStringLiteral("$.expiry");
    if (!optionalObject(root, QStringLiteral("$"), u"expiry", object, present))
        return false;
    if (!present)
        return true;
    static const Names<ExpiryPolicy::Mode> modes{{u"never", ExpiryPolicy::Mode::Never},
                                                 {u"after_months", ExpiryPolicy::Mode::AfterMonths},
                                                 {u"end_of_following_year", ExpiryPolicy::Mode::EndOfFollowingYear}};
    if (!knownKeys(object, path, {u"mode", u"months", u"warn_days"}) ||
        !choice(object, path, u"mode", modes, expiry.mode))
        return false;
    if (expiry.mode == ExpiryPolicy::Mode::AfterMonths) {
        if (!integer(object, path, u"months", 1, 600, std::nullopt, expiry.months))
            return false;
    } else if (object.contains(u"months")) {
        return fail(at(path, u"months"), tr("only used with mode \"after_months\""));
    }
    return integer(object, path, u"warn_days", 0, kMaxDays, 60, expiry.warnDays);
}

bool ProgrammeParser::readBalance(const QJsonObject& root, BalancePolicy& balance)
{
    QJsonObject object;
    bool present = false;
    const QString path = QStringLiteral("$.balance");
    if (!optionalObject(root, QStringLiteral("$"), u"balance", object, present))
        return false;
    if (!present)
        return true;
    if (!knownKeys(object, path, {u"allow_negative", u"max_negative_points"}) ||
        !boolean(object, path, u"allow_negative", false, balance.allowNegative))
        return false;
    if (!balance.allowNegative) {
        if (object.contains(u"max_negative_points"))
            return fail(at(path, u"max_negative_points"), tr("only used with allow_negative true"));
        return true;
    }
    return integer(object, path, u"max_negative_points", 1, kMaxAmount, std::nullopt, balance.maxNegativePoints);
}

bool ProgrammeParser::toObject(const QJsonValue& value, const QString& path, QJsonObject& out)
{
    if (!value.isObject())
        return fail(path, tr("must be an object"));
    out = value.toObject();
    return true;
}

bool ProgrammeParser::optionalObject(const QJsonObject& object, const QString& path, QStringView key, QJsonObject& out,
                                     bool& present)
{
    present = object.contains(key);
    return !present || toObject(object.value(key), at(path, key), out);
}

bool ProgrammeParser::optionalArray(const QJsonObject& object, const QString& path, QStringView key, QJsonArray& out)
{
    if (!object.contains(key))
        return true;
    const QJsonValue value = object.value(key);
    if (!value.isArray())
        return fail(at(path, key), tr("must be a list"));
    out = value.toArray();
    return true;
}

bool ProgrammeParser::knownKeys(const QJsonObject& object, const QString& path, const Keys& allowed)
{
    for (const QString& key : object.keys()) {
        if (std::find(allowed.begin(), allowed.end(), QStringView(key)) == allowed.end())
            return fail(at(path, key), tr("unknown key"));
    }
    return true;
}

bool ProgrammeParser::integer(const QJsonObject& object, const QString& path, QStringView key, qint64 min, qint64 max,
                              std::optional<qint64> fallback, qint64& out)
{
    const QString where = at(path, key);
    if (!object.contains(key)) {
        if (!fallback)
            return fail(where, tr("required"));
        out = *fallback;
        return true;
    }
    const QJsonValue value = object.value(key);
    // toInteger() gives its default for anything but a whole number that fits (1.5, 1e300, "3"):
    // two different defaults tell a real value from a refusal without any floating point.
    const qint64 whole = value.toInteger(0);
    if (!value.isDouble() || whole != value.toInteger(1) || whole < min)
        return fail(where, tr("must be a whole number >= %1").arg(min));
    if (whole > max)
        return fail(where, tr("must be at most %1").arg(max));
    out = whole;
    return true;
}

bool ProgrammeParser::integer(const QJsonObject& object, const QString& path, QStringView key, qint64 min, qint64 max,
                              std::optional<qint64> fallback, int& out)
{
    Q_ASSERT(min >= std::numeric_limits<int>::min() && max <= std::numeric_limits<int>::max());
    qint64 wide = 0;
    if (!integer(object, path, key, min, max, fallback, wide))
        return false;
    out = static_cast<int>(wide);
    return true;
}

bool ProgrammeParser::boolean(const QJsonObject& object, const QString& path, QStringView key, bool fallback, bool& out)
{
    if (!object.contains(key)) {
        out = fallback;
        return true;
    }
    const QJsonValue value = object.value(key);
    if (!value.isBool())
        return fail(at(path, key), tr("must be true or false"));
    out = value.toBool();
    return true;
}

bool ProgrammeParser::text(const QJsonObject& object, const QString& path, QStringView key, bool required, QString& out)
{
    const QString where = at(path, key);
    if (!object.contains(key))
        return !required || fail(where, tr("required"));
    const QJsonValue value = object.value(key);
    if (!value.isString())
        return fail(where, tr("must be a text"));
    out = value.toString();
    if (required && out.trimmed().isEmpty())
        return fail(where, tr("must not be empty"));
    return true;
}

bool ProgrammeParser::identifier(const QJsonObject& object, const QString& path, QStringView key, QString& out)
{
    if (!text(object, path, key, true, out))
        return false;
    if (!isIdentifier(out))
        return fail(at(path, key), tr("must be an identifier: letters, digits, '.', '_' or '-' (at most 64)"));
    return true;
}

bool ProgrammeParser::ean(const QJsonObject& object, const QString& path, QStringView key, QString& out)
{
    if (!text(object, path, key, true, out))
        return false;
    if (!Gtin::isValid(out))
        return fail(at(path, key), tr("must be an EAN: 8, 12, 13 or 14 digits with the right check digit"));
    return true;
}

bool ProgrammeParser::textList(const QJsonObject& object, const QString& path, QStringView key, QStringList& out)
{
    QJsonArray items;
    if (!optionalArray(object, path, key, items))
        return false;
    const QString listPath = at(path, key);
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue item = items.at(i);
        if (!item.isString() || item.toString().trimmed().isEmpty())
            return fail(at(listPath, i), tr("must be a text that is not empty"));
        if (out.contains(item.toString()))
            return fail(at(listPath, i), tr("%1 is listed twice").arg(quoted(item.toString())));
        out.append(item.toString());
    }
    return true;
}

bool ProgrammeParser::scope(const QJsonObject& object, const QString& path, QStringView key, LineScope& out)
{
    QJsonObject scopeObject;
    bool present = false;
    if (!optionalObject(object, path, key, scopeObject, present))
        return false;
    if (!present)
        return true;
    const QString scopePath = at(path, key);
    if (!knownKeys(scopeObject, scopePath, {u"categories", u"eans"}) ||
        !textList(scopeObject, scopePath, u"categories", out.categories) ||
        !textList(scopeObject, scopePath, u"eans", out.eans))
        return false;
    for (qsizetype i = 0; i < out.eans.size(); ++i) {
        if (!Gtin::isValid(out.eans.at(i))) {
            return fail(at(at(scopePath, u"eans"), i),
                        tr("must be an EAN: 8, 12, 13 or 14 digits with the right check digit"));
        }
    }
    return true;
}

bool ProgrammeParser::window(const QJsonObject& object, const QString& path, QStringView key, RuleWindow& out)
{
    QJsonObject when;
    bool present = false;
    if (!optionalObject(object, path, key, when, present))
        return false;
    if (!present)
        return true;
    const QString whenPath = at(path, key);
    if (!knownKeys(when, whenPath, {u"from", u"until", u"weekdays", u"start_time", u"end_time"}) ||
        !date(when, whenPath, u"from", out.from) || !date(when, whenPath, u"until", out.until))
        return false;
    if (out.from && out.until && *out.until < *out.from)
        return fail(at(whenPath, u"until"), tr("must not be before \"from\""));

    QJsonArray weekdays;
    if (!optionalArray(when, whenPath, u"weekdays", weekdays))
        return false;
    for (qsizetype i = 0; i < weekdays.size(); ++i) {
        const QString dayPath = at(at(whenPath, u"weekdays"), i);
        const QJsonValue day = weekdays.at(i);
        const qint64 number = day.toInteger(0);
        if (!day.isDouble() || number != day.toInteger(1) || number < 1 || number > 7)
            return fail(dayPath, tr("must be a weekday from 1 (Monday) to 7 (Sunday)"));
        if (out.weekdays.contains(static_cast<int>(number)))
            return fail(dayPath, tr("%1 is listed twice").arg(number));
        out.weekdays.append(static_cast<int>(number));
    }

    if (!time(when, whenPath, u"start_time", out.startTime) || !time(when, whenPath, u"end_time", out.endTime))
        return false;
    // A window across midnight would need two rules; refusing it keeps "start <= t < end" simple.
    if (out.startTime && out.endTime && *out.endTime <= *out.startTime)
        return fail(at(whenPath, u"end_time"), tr("must be after start_time"));
    return true;
}

bool ProgrammeParser::date(const QJsonObject& object, const QString& path, QStringView key, std::optional<QDate>& out)
{
    if (!object.contains(key))
        return true;
    static const QRegularExpression pattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QJsonValue value = object.value(key);
    const QDate day = QDate::fromString(value.toString(), Qt::ISODate);
    if (!value.isString() || !pattern.match(value.toString()).hasMatch() || !day.isValid())
        return fail(at(path, key), tr("must be a date YYYY-MM-DD"));
    out = day;
    return true;
}

bool ProgrammeParser::time(const QJsonObject& object, const QString& path, QStringView key, std::optional<QTime>& out)
{
    if (!object.contains(key))
        return true;
    static const QRegularExpression pattern(QStringLiteral("^\\d{2}:\\d{2}$"));
    const QJsonValue value = object.value(key);
    const QTime clock = QTime::fromString(value.toString(), QStringLiteral("HH:mm"));
    if (!value.isString() || !pattern.match(value.toString()).hasMatch() || !clock.isValid())
        return fail(at(path, key), tr("must be a time HH:MM from 00:00 to 23:59"));
    out = clock;
    return true;
}

bool ProgrammeParser::audience(const QJsonObject& object, const QString& path, QStringView key, Audience& out)
{
    QJsonObject audienceObject;
    bool present = false;
    if (!optionalObject(object, path, key, audienceObject, present))
        return false;
    if (!present)
        return true;
    const QString audiencePath = at(path, key);
    if (!knownKeys(audienceObject, audiencePath, {u"members_only", u"tiers", u"segments"}) ||
        !boolean(audienceObject, audiencePath, u"members_only", true, out.membersOnly) ||
        !textList(audienceObject, audiencePath, u"tiers", out.tiers) ||
        !textList(audienceObject, audiencePath, u"segments", out.segments))
        return false;
    for (qsizetype i = 0; i < out.tiers.size(); ++i) {
        if (!m_tierIds.contains(out.tiers.at(i)))
            return fail(at(at(audiencePath, u"tiers"), i), tr("no tier has the id %1").arg(quoted(out.tiers.at(i))));
    }
    if (!out.membersOnly && (!out.tiers.isEmpty() || !out.segments.isEmpty()))
        return fail(at(audiencePath, u"members_only"), tr("must be true when tiers or segments are given"));
    return true;
}

bool ProgrammeParser::unique(QSet<QString>& seen, const QString& id, const QString& path)
{
    if (seen.contains(id))
        return fail(path, tr("the id %1 is used twice").arg(quoted(id)));
    seen.insert(id);
    return true;
}

template <typename E>
bool ProgrammeParser::choice(const QJsonObject& object, const QString& path, QStringView key, const Names<E>& names,
                             E& out)
{
    QStringList allowed;
    for (const auto& [name, value] : names)
        allowed << quoted(name.toString());
    const QString where = at(path, key);
    if (!object.contains(key))
        return fail(where, tr("required, one of %1").arg(allowed.join(QStringLiteral(", "))));
    const QJsonValue given = object.value(key);
    for (const auto& [name, value] : names) {
        if (given.isString() && given.toString() == name) {
            out = value;
            return true;
        }
    }
    return fail(where, tr("must be one of %1").arg(allowed.join(QStringLiteral(", "))));
}

bool ProgrammeParser::fail(const QString& path, const QString& problem)
{
    // Only the first problem is reported: later ones are often consequences of it.
    if (!m_error)
        m_error = Error{Error::Code::InvalidInput, path + QStringLiteral(": ") + problem, invalidReason()};
    return false;
}

}  // namespace loyalty
