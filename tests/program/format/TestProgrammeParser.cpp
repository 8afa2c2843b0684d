// The programme document: every refusal names the JSON path of the field at fault, the built-in
// demo programme reads as intended, and a written programme reads back with every mechanic intact.
#include "program/format/ProgrammeParser.h"
#include "program/format/ProgrammeStore.h"
#include "program/format/ProgrammeWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace loyalty;

namespace {

const QString kRemove = QStringLiteral("<remove>");

// `node` with the value at `parts` (object keys and array indexes) replaced, or removed for kRemove.
QJsonValue patched(const QJsonValue& node, QStringList parts, const QJsonValue& value)
{
    if (parts.isEmpty())
        return value;
    const QString head = parts.takeFirst();
    const bool remove = parts.isEmpty() && value == QJsonValue(kRemove);
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const qsizetype index = head.toInt();
        if (remove)
            array.removeAt(index);
        else
            array[index] = patched(array.at(index), parts, value);
        return array;
    }
    QJsonObject object = node.toObject();
    if (remove)
        object.remove(head);
    else
        object[head] = patched(object.value(head), parts, value);
    return object;
}

QJsonObject demoObject()
{
    return QJsonDocument::fromJson(ProgrammeStore::builtInDocument()).object();
}

// The demo document with each "a/0/b": value of `patch` applied in turn.
QByteArray patchedDemo(const QByteArray& patch)
{
    QJsonValue document = demoObject();
    const QJsonObject changes = QJsonDocument::fromJson(patch).object();
    Q_ASSERT(!changes.isEmpty());
    for (auto it = changes.begin(); it != changes.end(); ++it)
        document = patched(document, it.key().split(u'/'), it.value());
    return QJsonDocument(document.toObject()).toJson();
}

QByteArray minimal(const QByteArray& extra = {})
{
    QByteArray document = R"({"format": 1, "id": "mini", "version": 4, "name": "Mini", "currency": "EUR")";
    if (!extra.isEmpty())
        document += ", " + extra;
    return document + "}";
}

const Rule* ruleById(const Programme& programme, const QString& id)
{
    for (const Rule& rule : programme.rules) {
        if (rule.id == id)
            return &rule;
    }
    return nullptr;
}

}  // namespace

class TestProgrammeParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void invalidDocumentsNameThePath_data();
    void invalidDocumentsNameThePath();
    void demoProgrammeReadsAsIntended();
    void minimalDocumentTakesDefaults();
    void wholeNumbersMayBeWrittenWithAFraction();
    void couponCodesAndUuidsAreNormalised();
    void unknownRuleKeyNamesTheRuleType();
    void roundTripKeepsEveryMechanic();
    void demoRoundTripIsStable();
};

void TestProgrammeParser::invalidDocumentsNameThePath_data()
{
    QTest::addColumn<QByteArray>("raw");    // a whole document, or empty: the demo with `patch`
    QTest::addColumn<QByteArray>("patch");  // {"path/to/field": new value or "<remove>"}
    QTest::addColumn<QString>("path");

    const auto row = [](const char* name, const QByteArray& patch, const char* path) {
        QTest::newRow(name) << QByteArray() << patch << QString::fromLatin1(path);
    };
    QTest::newRow("not JSON") << QByteArray("{\"format\": 1,") << QByteArray() << QStringLiteral("$");
    QTest::newRow("not an object") << QByteArray("[1, 2]") << QByteArray() << QStringLiteral("$");
    QTest::newRow("empty") << QByteArray(" ") << QByteArray() << QStringLiteral("$");

    row("format 2", R"({"format": 2})", "$.format");
    row("format missing", R"({"format": "<remove>"})", "$.format");
    row("id missing", R"({"id": "<remove>"})", "$.id");
    row("id with a space", R"({"id": "my demo"})", "$.id");
    row("version 0", R"({"version": 0})", "$.version");
    row("version fraction", R"({"version": 1.5})", "$.version");
    row("version as text", R"({"version": "3"})", "$.version");
    row("name empty", R"({"name": " "})", "$.name");
    row("currency lower case", R"({"currency": "eur"})", "$.currency");
    row("currency four letters", R"({"currency": "EURO"})", "$.currency");
    row("top-level typo", R"({"rulez": []})", "$.rulez");
    row("rules not a list", R"({"rules": {}})", "$.rules");
    row("rule not an object", R"({"rules/0": 5})", "$.rules[0]");
    row("negative points", R"({"rules/3/points": -5})", "$.rules[3].points");
    row("fractional points", R"({"rules/0/points": 1.5})", "$.rules[0].points");
    row("points as text", R"({"rules/0/points": "1"})", "$.rules[0].points");
    row("points far too many", R"({"rules/0/points": 1e300})", "$.rules[0].points");
    row("points above the maximum", R"({"rules/0/points": 1000000000001})", "$.rules[0].points");
    row("unit zero", R"({"rules/0/unit_minor": 0})", "$.rules[0].unit_minor");
    row("unit missing", R"({"rules/0/unit_minor": "<remove>"})", "$.rules[0].unit_minor");
    row("unknown rule type", R"({"rules/0/type": "points_per_euro"})", "$.rules[0].type");
    row("rule type missing", R"({"rules/2/type": "<remove>"})", "$.rules[2].type");
    row("rule key typo", R"({"rules/0/piont": 1})", "$.rules[0].piont");
    row("key of another kind", R"({"rules/0/basis_points": 100})", "$.rules[0].basis_points");
    row("rule id missing", R"({"rules/4/id": "<remove>"})", "$.rules[4].id");
    row("duplicate rule id", R"({"rules/1/id": "earn.base"})", "$.rules[1].id");
    row("multiplier of 100 %", R"({"rules/1/factor_percent": 100})", "$.rules[1].factor_percent");
    row("product points without points", R"({"rules/2/points": "<remove>"})", "$.rules[2].points");
    row("bad check digit in scope", R"({"rules/2/scope/eans/0": "4006381000131"})", "$.rules[2].scope.eans[0]");
    row("scope typo", R"({"rules/2/scope/ean": ["4006381000130"]})", "$.rules[2].scope.ean");
    row("empty category", R"({"rules/1/scope/categories": [""]})", "$.rules[1].scope.categories[0]");
    row("bonus min spend negative", R"({"rules/3/min_spend_minor": -1})", "$.rules[3].min_spend_minor");
    row("member price by category", R"({"rules/4/scope": {"categories": ["Dairy"]}})", "$.rules[4].scope");
    row("member price zero", R"({"rules/4/price_minor": 0})", "$.rules[4].price_minor");
    row("percent above 100 %", R"({"rules/5/basis_points": 10001})", "$.rules[5].basis_points");
    row("percent zero", R"({"rules/5/basis_points": 0})", "$.rules[5].basis_points");
    row("weekday 8", R"({"rules/5/when/weekdays": [1, 8]})", "$.rules[5].when.weekdays[1]");
    row("weekday 0", R"({"rules/5/when/weekdays": [0]})", "$.rules[5].when.weekdays[0]");
    row("weekday twice", R"({"rules/5/when/weekdays": [2, 2]})", "$.rules[5].when.weekdays[1]");
    row("time not HH:MM", R"({"rules/5/when/start_time": "5pm"})", "$.rules[5].when.start_time");
    row("time 24:00", R"({"rules/5/when/end_time": "24:00"})", "$.rules[5].when.end_time");
    row("end before start", R"({"rules/5/when/end_time": "16:00"})", "$.rules[5].when.end_time");
    row("month 13", R"({"rules/5/when/from": "2026-13-01"})", "$.rules[5].when.from");
    row("date not padded", R"({"rules/5/when/until": "2026-1-31"})", "$.rules[5].when.until");
    row("from after until", R"({"rules/5/when/from": "2026-02-01", "rules/5/when/until": "2026-01-31"})",
        "$.rules[5].when.until");
    row("window typo", R"({"rules/5/when/weekday": [1]})", "$.rules[5].when.weekday");
    row("members_only not bool", R"({"rules/5/audience/members_only": "no"})", "$.rules[5].audience.members_only");
    row("unknown tier in audience", R"({"rules/6/audience": {"tiers": ["platinum"]}})", "$.rules[6].audience.tiers[0]");
    row("tiers for everyone", R"({"rules/5/audience/tiers": ["gold"]})", "$.rules[5].audience.members_only");
    row("birthday window too wide", R"({"rules/6/window_days": 200})", "$.rules[6].window_days");
    row("welcome has no scope", R"({"rules/7/scope": {}})", "$.rules[7].scope");
    row("referral gives nothing", R"({"rules/8/points": 0, "rules/8/referee_points": 0})", "$.rules[8].points");
    row("referral without referee points", R"({"rules/8/referee_points": "<remove>"})", "$.rules[8].referee_points");
    row("challenge of 0 visits", R"({"rules/9/visits": 0})", "$.rules[9].visits");
    row("surprise without a trigger", R"({"rules/11/every_nth": "<remove>"})", "$.rules[11]");
    row("surprise probability above 1000", R"({"rules/11/probability_permille": 1001})",
        "$.rules[11].probability_permille");
    row("surprise with both triggers", R"({"rules/11/probability_permille": 10})", "$.rules[11].probability_permille");
    row("cashback negative", R"({"rules/12/basis_points": -100})", "$.rules[12].basis_points");
    row("subscription without products", R"({"rules/13/scope": "<remove>"})", "$.rules[13].scope");
    row("subscription credit zero", R"({"rules/13/credit_minor": 0})", "$.rules[13].credit_minor");
    row("tiers not ascending", R"({"tiers/2/threshold": 50000})", "$.tiers[2].threshold");
    row("second tier at zero", R"({"tiers/1/threshold": 0})", "$.tiers[1].threshold");
    row("entry tier above zero", R"({"tiers/0/threshold": 10})", "$.tiers[0].threshold");
    row("duplicate tier id", R"({"tiers/2/id": "silver"})", "$.tiers[2].id");
    row("tier multiplier below 100", R"({"tiers/1/earn_multiplier_percent": 90})",
        "$.tiers[1].earn_multiplier_percent");
    row("tier basis unknown", R"({"tier_policy/basis": "visits"})", "$.tier_policy.basis");
    row("tier months zero", R"({"tier_policy/months": 0})", "$.tier_policy.months");
    row("no stamps needed", R"({"stamp_cards/0/stamps_needed": 0})", "$.stamp_cards[0].stamps_needed");
    row("duplicate stamp card", R"({"stamp_cards/1/id": "coffee"})", "$.stamp_cards[1].id");
    row("stamp reward missing", R"({"stamp_cards/0/reward": "<remove>"})", "$.stamp_cards[0].reward");
    row("stamp discount without amount", R"({"stamp_cards/1/reward/amount_minor": "<remove>"})",
        "$.stamp_cards[1].reward.amount_minor");
    row("amount on a free item", R"({"stamp_cards/0/reward/amount_minor": 100})",
        "$.stamp_cards[0].reward.amount_minor");
    row("addon without ean", R"({"stamp_cards/0/reward": {"kind": "free_addon"}})", "$.stamp_cards[0].reward.ean");
    row("per_visit as number", R"({"stamp_cards/1/per_visit": 1})", "$.stamp_cards[1].per_visit");
    row("membership fee missing", R"({"membership/fee_ean": "<remove>"})", "$.membership.fee_ean");
    row("membership fee not an EAN", R"({"membership/fee_ean": "membership"})", "$.membership.fee_ean");
    row("membership discount negative", R"({"membership/discount_basis_points": -1})",
        "$.membership.discount_basis_points");
    row("redemption share above 100", R"({"redemption/max_share_percent": 101})", "$.redemption.max_share_percent");
    row("redemption step zero", R"({"redemption/points_per_step": 0})", "$.redemption.points_per_step");
    row("redemption flag as text", R"({"redemption/earn_on_redeemed": "no"})", "$.redemption.earn_on_redeemed");
    row("redemption typo", R"({"redemption/minimum_point": 5})", "$.redemption.minimum_point");
    row("reward with empty ean", R"({"rewards/0/ean": ""})", "$.rewards[0].ean");
    row("duplicate reward", R"({"rewards/1/id": "reward.coffee"})", "$.rewards[1].id");
    row("reward kind unknown", R"({"rewards/0/kind": "voucher"})", "$.rewards[0].kind");
    row("reward for nothing", R"({"rewards/0/points": 0})", "$.rewards[0].points");
    row("coupon code twice", R"({"coupons/1/codes/0": "welcome10"})", "$.coupons[1].codes[0]");
    row("duplicate coupon id", R"({"coupons/1/id": "coupon.welcome10"})", "$.coupons[1].id");
    row("coupon with two values", R"({"coupons/0/amount_minor": 500})", "$.coupons[0].amount_minor");
    row("coupon without value", R"({"coupons/0/basis_points": "<remove>"})", "$.coupons[0]");
    row("coupon percent above 100 %", R"({"coupons/0/basis_points": 20000})", "$.coupons[0].basis_points");
    row("member coupon without member", R"({"coupons/3/member_uuid": "<remove>"})", "$.coupons[3].member_uuid");
    row("member coupon bad uuid", R"({"coupons/3/member_uuid": "not-a-uuid"})", "$.coupons[3].member_uuid");
    row("campaign with member", R"({"coupons/0/member_uuid": "7b0e4c1a-3f5d-4c2e-9a61-0d2b8f3e5a17"})",
        "$.coupons[0].member_uuid");
    row("single use without codes", R"({"coupons/1/codes": []})", "$.coupons[1].codes");
    row("code with a space", R"({"coupons/0/codes/0": "WELCOME 10"})", "$.coupons[0].codes[0]");
    row("coupon kind unknown", R"({"coupons/2/kind": "voucher"})", "$.coupons[2].kind");
    row("coupon priority too high", R"({"coupons/2/priority": 5000})", "$.coupons[2].priority");
    row("expiry mode unknown", R"({"expiry/mode": "sometimes"})", "$.expiry.mode");
    row("months with another mode", R"({"expiry/months": 12})", "$.expiry.months");
    row("after months without months", R"({"expiry/mode": "after_months"})", "$.expiry.months");
    row("balance limit negative", R"({"balance/max_negative_points": -1})", "$.balance.max_negative_points");
    row("limit without negative balance", R"({"balance/allow_negative": false})", "$.balance.max_negative_points");
}

void TestProgrammeParser::invalidDocumentsNameThePath()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, patch);
    QFETCH(QString, path);

    const QByteArray document = raw.isEmpty() ? patchedDemo(patch) : raw;
    const Result<Programme> parsed = ProgrammeParser::parse(document);
    QVERIFY2(!parsed.ok(), document.constData());
    QCOMPARE(parsed.error().code, Error::Code::InvalidInput);
    QCOMPARE(parsed.error().reason, ProgrammeParser::invalidReason());
    // The path is the whole prefix, so "$.rules[1]" cannot pass for "$.rules[11]".
    QVERIFY2(parsed.error().message.startsWith(path + QStringLiteral(": ")), qPrintable(parsed.error().message));
}

void TestProgrammeParser::demoProgrammeReadsAsIntended()
{
    const Result<Programme> parsed = ProgrammeParser::parse(ProgrammeStore::builtInDocument());
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
    const Programme& demo = parsed.value();
    QCOMPARE(demo.id, QStringLiteral("demo"));
    QCOMPARE(demo.currency, QStringLiteral("EUR"));
    QVERIFY(demo.version >= 1);

    // One rule of every kind.
    QCOMPARE(demo.rules.size(), 14);
    QSet<int> kinds;
    for (const Rule& rule : demo.rules)
        kinds.insert(static_cast<int>(rule.kind));
    QCOMPARE(kinds.size(), 14);

    const Rule* base = ruleById(demo, QStringLiteral("earn.base"));
    QVERIFY(base);
    QCOMPARE(base->kind, RuleKind::PointsPerAmount);
    QCOMPARE(base->unitMinor, 100);
    QCOMPARE(base->points, 1);
    QVERIFY(base->scope.isAll());

    const Rule* fresh = ruleById(demo, QStringLiteral("promo.fresh_double"));
    QVERIFY(fresh);
    QCOMPARE(fresh->factorPercent, 200);
    QCOMPARE(fresh->scope.categories, QStringList{QStringLiteral("Fresh produce")});

    const Rule* happyHour = ruleById(demo, QStringLiteral("promo.bakery_happy_hour"));
    QVERIFY(happyHour);
    QCOMPARE(happyHour->kind, RuleKind::PercentDiscount);
    QCOMPARE(happyHour->basisPoints, 3000);
    QCOMPARE(happyHour->when.weekdays, (QList<int>{1, 2, 3, 4, 5}));
    QCOMPARE(*happyHour->when.startTime, QTime(17, 0));
    QCOMPARE(*happyHour->when.endTime, QTime(19, 0));
    QVERIFY(!happyHour->audience.membersOnly);
    // Friday 18:59 is inside, 19:00 and Saturday are not.
    QVERIFY(happyHour->when.contains(QDateTime(QDate(2026, 11, 20), QTime(18, 59))));
    QVERIFY(!happyHour->when.contains(QDateTime(QDate(2026, 11, 20), QTime(19, 0))));
    QVERIFY(!happyHour->when.contains(QDateTime(QDate(2026, 11, 21), QTime(18, 0))));

    const Rule* referral = ruleById(demo, QStringLiteral("event.referral"));
    QVERIFY(referral);
    QCOMPARE(referral->points, 200);
    QCOMPARE(referral->refereePoints, 100);
    const Rule* challenge = ruleById(demo, QStringLiteral("challenge.three_visits"));
    QVERIFY(challenge);
    QCOMPARE(challenge->visits, 3);
    QCOMPARE(challenge->points, 100);
    const Rule* surprise = ruleById(demo, QStringLiteral("surprise.fiftieth"));
    QVERIFY(surprise);
    QCOMPARE(surprise->everyNth, 50);
    QCOMPARE(surprise->probabilityPermille, 0);
    const Rule* cashback = ruleById(demo, QStringLiteral("cashback.household"));
    QVERIFY(cashback);
    QCOMPARE(cashback->basisPoints, 100);
    const Rule* credit = ruleById(demo, QStringLiteral("credit.coffee_club"));
    QVERIFY(credit);
    QCOMPARE(credit->creditMinor, 100);
    QCOMPARE(credit->creditScope.categories, QStringList{QStringLiteral("Bakery")});

    QCOMPARE(demo.tiers.size(), 3);
    QCOMPARE(demo.tiers.at(0).threshold, 0);
    QCOMPARE(demo.tiers.at(1).threshold, 50000);
    QCOMPARE(demo.tiers.at(2).threshold, 150000);
    QCOMPARE(demo.tiers.at(2).name, QStringLiteral("Gold"));
    QCOMPARE(demo.tierPolicy.basis, TierPolicy::Basis::Spend);
    QCOMPARE(demo.tierPolicy.months, 12);
    QCOMPARE(demo.tierPolicy.graceDays, 30);
    QVERIFY(demo.tier(QStringLiteral("gold")));

    QCOMPARE(demo.stampCards.size(), 2);
    QCOMPARE(demo.stampCards.at(0).stampsNeeded, 10);
    QCOMPARE(demo.stampCards.at(0).rewardKind, StampCardDefinition::RewardKind::FreeItem);
    QVERIFY(demo.stampCards.at(1).perVisit);
    QCOMPARE(demo.stampCards.at(1).stampsNeeded, 8);
    QCOMPARE(demo.stampCards.at(1).rewardKind, StampCardDefinition::RewardKind::FixedDiscount);
    QCOMPARE(demo.stampCards.at(1).amountMinor, 200);

    QVERIFY(demo.membership.has_value());
    QCOMPARE(demo.membership->feeEan, QStringLiteral("41002995"));

    QCOMPARE(demo.redemption.pointsPerStep, 100);
    QCOMPARE(demo.redemption.valueMinorPerStep, 100);
    QCOMPARE(demo.redemption.minimumPoints, 500);
    QCOMPARE(demo.redemption.maxSharePercent, 50);
    QVERIFY(!demo.redemption.earnOnRedeemed);

    QCOMPARE(demo.rewards.size(), 2);
    QCOMPARE(demo.rewards.at(0).points, 300);
    QCOMPARE(demo.rewards.at(1).kind, RewardDefinition::Kind::Addon);

    QCOMPARE(demo.coupons.size(), 4);
    QCOMPARE(demo.coupons.at(0).codes, QStringList{QStringLiteral("WELCOME10")});
    QCOMPARE(demo.coupons.at(0).basisPoints, 1000);
    QCOMPARE(demo.coupons.at(1).kind, CouponDefinition::Kind::SingleUse);
    QCOMPARE(demo.coupons.at(3).kind, CouponDefinition::Kind::Member);

    QCOMPARE(demo.expiry.mode, ExpiryPolicy::Mode::EndOfFollowingYear);
    QCOMPARE(demo.expiry.warnDays, 60);
    QCOMPARE(demo.expiry.expiresOn(QDate(2026, 3, 5)), QDate(2028, 1, 1));
}

void TestProgrammeParser::minimalDocumentTakesDefaults()
{
    const Result<Programme> parsed = ProgrammeParser::parse(minimal());
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
    const Programme& programme = parsed.value();
    QCOMPARE(programme.version, 4);
    QVERIFY(programme.rules.isEmpty());
    QVERIFY(programme.tiers.isEmpty());
    QVERIFY(!programme.membership);
    const RedemptionPolicy defaults;
    QCOMPARE(programme.redemption.pointsPerStep, defaults.pointsPerStep);
    QCOMPARE(programme.redemption.maxSharePercent, defaults.maxSharePercent);
    QCOMPARE(programme.expiry.mode, ExpiryPolicy::Mode::Never);
    QVERIFY(!programme.balance.allowNegative);
}

void TestProgrammeParser::wholeNumbersMayBeWrittenWithAFraction()
{
    const Result<Programme> parsed = ProgrammeParser::parse(
        minimal(R"("rules": [{"id": "earn", "type": "points_per_amount", "unit_minor": 100.0, "points": 2.0}])"));
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
    QCOMPARE(parsed->rules.at(0).unitMinor, 100);
    QCOMPARE(parsed->rules.at(0).points, 2);
}

void TestProgrammeParser::couponCodesAndUuidsAreNormalised()
{
    const Result<Programme> parsed = ProgrammeParser::parse(
        minimal(R"("coupons": [{"id": "c", "name": "C", "kind": "member", "codes": ["thanks-1", "Thanks-2"],)"
                R"( "member_uuid": "{7B0E4C1A-3F5D-4C2E-9A61-0D2B8F3E5A17}", "amount_minor": 300}])"));
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
    const CouponDefinition& coupon = parsed->coupons.at(0);
    QCOMPARE(coupon.codes, (QStringList{QStringLiteral("THANKS-1"), QStringLiteral("THANKS-2")}));
    QCOMPARE(coupon.memberUuid, QStringLiteral("7b0e4c1a-3f5d-4c2e-9a61-0d2b8f3e5a17"));
    QCOMPARE(coupon.amountMinor, 300);
    QVERIFY(!coupon.combinable);
}

void TestProgrammeParser::unknownRuleKeyNamesTheRuleType()
{
    const Result<Programme> parsed = ProgrammeParser::parse(patchedDemo(R"({"rules/1/points": 5})"));
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().message, QStringLiteral("$.rules[1].points: not used by a \"multiplier\" rule"));
    const Result<Programme> older = ProgrammeParser::parse(patchedDemo(R"({"version": 0})"));
    QVERIFY(!older.ok());
    QCOMPARE(older.error().message, QStringLiteral("$.version: must be a whole number >= 1"));
}

void TestProgrammeParser::roundTripKeepsEveryMechanic()
{
    Programme programme;
    programme.id = QStringLiteral("round-trip");
    programme.version = 7;
    programme.name = QStringLiteral("Round trip");
    programme.currency = QStringLiteral("CHF");
    programme.tiers = {{QStringLiteral("member"), QStringLiteral("Member"), 0, 100, 0},
                       {QStringLiteral("vip"), QStringLiteral("VIP"), 2000, 200, 750}};
    programme.tierPolicy = {TierPolicy::Basis::EarnedPoints, 6, 14};

    Rule surprise;
    surprise.id = QStringLiteral("surprise.lucky");
    surprise.kind = RuleKind::Surprise;
    surprise.label = QStringLiteral("lucky");
    surprise.points = 30;
    surprise.probabilityPermille = 25;
    surprise.when.from = QDate(2026, 6, 1);
    surprise.when.until = QDate(2026, 6, 30);
    surprise.audience.tiers = {QStringLiteral("vip")};
    surprise.audience.segments = {QStringLiteral("students")};
    Rule credit;
    credit.id = QStringLiteral("credit.wash");
    credit.kind = RuleKind::SubscriptionCredit;
    credit.scope.eans = {QStringLiteral("4006381000550")};
    credit.creditMinor = 250;
    credit.creditScope.categories = {QStringLiteral("Household")};
    Rule price;
    price.id = QStringLiteral("price.member");
    price.kind = RuleKind::MemberPrice;
    price.scope.eans = {QStringLiteral("41000090")};
    price.priceMinor = 1999;
    Rule birthday;
    birthday.id = QStringLiteral("birthday");
    birthday.kind = RuleKind::Birthday;
    birthday.points = 80;
    birthday.windowDays = 3;
    programme.rules = {surprise, credit, price, birthday};

    StampCardDefinition card;
    card.id = QStringLiteral("wash");
    card.name = QStringLiteral("Wash card");
    card.scope.categories = {QStringLiteral("Household")};
    card.stampsNeeded = 5;
    card.rewardKind = StampCardDefinition::RewardKind::FreeAddon;
    card.ean = QStringLiteral("4006381000154");
    programme.stampCards = {card};
    programme.membership = MembershipDefinition{QStringLiteral("41000090"), 90, 1000};
    programme.redemption = {50, 25, 100, 30, true, 5000};
    programme.rewards = {{QStringLiteral("tea"), QStringLiteral("Tea"), 120, RewardDefinition::Kind::Addon,
                          QStringLiteral("4006381000338")}};
    CouponDefinition coupon;
    coupon.id = QStringLiteral("points");
    coupon.name = QStringLiteral("Points coupon");
    coupon.kind = CouponDefinition::Kind::SingleUse;
    coupon.codes = {QStringLiteral("P-1"), QStringLiteral("P-2")};
    coupon.bonusPoints = 500;
    coupon.minSpendMinor = 2000;
    coupon.combinable = true;
    coupon.priority = -3;
    coupon.membersOnly = true;
    coupon.when.weekdays = {6, 7};
    coupon.when.startTime = QTime(8, 0);
    coupon.when.endTime = QTime(12, 30);
    programme.coupons = {coupon};
    programme.expiry = {ExpiryPolicy::Mode::AfterMonths, 18, 30};
    programme.balance = {true, 250};

    const Result<Programme> parsed = ProgrammeParser::parse(ProgrammeWriter::toJson(programme));
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
    const Programme& back = parsed.value();
    QCOMPARE(back.id, programme.id);
    QCOMPARE(back.version, 7);
    QCOMPARE(back.currency, QStringLiteral("CHF"));
    QCOMPARE(back.tiers.at(1).earnMultiplierPercent, 200);
    QCOMPARE(back.tiers.at(1).discountBasisPoints, 750);
    QCOMPARE(back.tierPolicy.basis, TierPolicy::Basis::EarnedPoints);
    QCOMPARE(back.tierPolicy.months, 6);
    QCOMPARE(back.tierPolicy.graceDays, 14);

    const Rule& lucky = back.rules.at(0);
    QCOMPARE(lucky.kind, RuleKind::Surprise);
    QCOMPARE(lucky.label, QStringLiteral("lucky"));
    QCOMPARE(lucky.probabilityPermille, 25);
    QCOMPARE(lucky.everyNth, 0);
    QCOMPARE(*lucky.when.from, QDate(2026, 6, 1));
    QCOMPARE(*lucky.when.until, QDate(2026, 6, 30));
    QCOMPARE(lucky.audience.tiers, surprise.audience.tiers);
    QCOMPARE(lucky.audience.segments, surprise.audience.segments);
    QVERIFY(lucky.audience.membersOnly);
    QCOMPARE(back.rules.at(1).creditMinor, 250);
    QCOMPARE(back.rules.at(1).scope.eans, credit.scope.eans);
    QCOMPARE(back.rules.at(1).creditScope.categories, credit.creditScope.categories);
    QCOMPARE(back.rules.at(2).priceMinor, 1999);
    QCOMPARE(back.rules.at(3).windowDays, 3);

    QCOMPARE(back.stampCards.at(0).rewardKind, StampCardDefinition::RewardKind::FreeAddon);
    QCOMPARE(back.stampCards.at(0).ean, card.ean);
    QCOMPARE(back.stampCards.at(0).stampsNeeded, 5);
    QVERIFY(!back.stampCards.at(0).perVisit);
    QCOMPARE(back.membership->validityDays, 90);
    QCOMPARE(back.membership->discountBasisPoints, 1000);
    QCOMPARE(back.redemption.pointsPerStep, 50);
    QCOMPARE(back.redemption.valueMinorPerStep, 25);
    QCOMPARE(back.redemption.minimumPoints, 100);
    QCOMPARE(back.redemption.maxSharePercent, 30);
    QVERIFY(back.redemption.earnOnRedeemed);
    QCOMPARE(back.redemption.offlineDailyLimit, 5000);
    QCOMPARE(back.rewards.at(0).kind, RewardDefinition::Kind::Addon);
    QCOMPARE(back.rewards.at(0).points, 120);

    const CouponDefinition& points = back.coupons.at(0);
    QCOMPARE(points.kind, CouponDefinition::Kind::SingleUse);
    QCOMPARE(points.codes, coupon.codes);
    QCOMPARE(points.bonusPoints, 500);
    QCOMPARE(points.basisPoints, 0);
    QCOMPARE(points.minSpendMinor, 2000);
    QVERIFY(points.combinable);
    QCOMPARE(points.priority, -3);
    QVERIFY(points.membersOnly);
    QCOMPARE(points.when.weekdays, (QList<int>{6, 7}));
    QCOMPARE(*points.when.startTime, QTime(8, 0));
    QCOMPARE(*points.when.endTime, QTime(12, 30));

    QCOMPARE(back.expiry.mode, ExpiryPolicy::Mode::AfterMonths);
    QCOMPARE(back.expiry.months, 18);
    QCOMPARE(back.expiry.warnDays, 30);
    QVERIFY(back.balance.allowNegative);
    QCOMPARE(back.balance.maxNegativePoints, 250);
}

void TestProgrammeParser::demoRoundTripIsStable()
{
    const Result<Programme> demo = ProgrammeParser::parse(ProgrammeStore::builtInDocument());
    QVERIFY(demo.ok());
    const QJsonObject written = ProgrammeWriter::toJsonObject(*demo);
    const Result<Programme> again = ProgrammeParser::parse(QJsonDocument(written).toJson());
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
    QCOMPARE(ProgrammeWriter::toJsonObject(*again), written);
    QCOMPARE(again->rules.size(), demo->rules.size());
    for (qsizetype i = 0; i < demo->rules.size(); ++i) {
        QCOMPARE(again->rules.at(i).id, demo->rules.at(i).id);
        QCOMPARE(again->rules.at(i).kind, demo->rules.at(i).kind);
        QCOMPARE(again->rules.at(i).points, demo->rules.at(i).points);
        QCOMPARE(again->rules.at(i).scope.eans, demo->rules.at(i).scope.eans);
        QCOMPARE(again->rules.at(i).scope.categories, demo->rules.at(i).scope.categories);
    }
}

QTEST_GUILESS_MAIN(TestProgrammeParser)
#include "TestProgrammeParser.moc"
