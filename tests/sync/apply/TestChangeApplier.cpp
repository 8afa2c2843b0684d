// Applying pages of head office's change feed to a real till database: every kind of change, a page
// applied twice, a page that names an unknown member (nothing of it, not even the cursor, stays),
// forged and older programmes (refused, the rest of the page applies), a member enrolled at another
// till found by card, changes from this till's own events left alone, and a snapshot in pages.
#include "cards/digital/Ed25519.h"
#include "core/CoreTestSupport.h"
#include "members/MemberRepository.h"
#include "program/format/ProgrammeStore.h"
#include "settings/SettingsRepository.h"
#include "store/ConsistencyCheck.h"
#include "store/Database.h"
#include "sync/SyncSettingKeys.h"
#include "sync/apply/ChangeApplier.h"
#include "sync/apply/DeferredMemberSearch.h"
#include "sync/protocol/SyncProtocol.h"
#include "time/FixedClock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace loyalty;
using namespace loyalty::sync;
using namespace loyalty::test;

namespace {

const QString kAda = QStringLiteral("11111111-1111-4111-8111-111111111111");
const QString kBen = QStringLiteral("22222222-2222-4222-8222-222222222222");
const QString kNobody = QStringLiteral("99999999-9999-4999-8999-999999999999");
const QString kOtherTill = QStringLiteral("5b0c0000-0000-4000-8000-00000000000b");
const QString kAdaCard = QStringLiteral("2000000000015");

QJsonObject change(const QString& kind, const QJsonObject& data)
{
    return QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("data"), data}};
}

QJsonObject member(const QString& uuid, const QString& name, const QString& referredBy = {})
{
    return change(kMemberChange,
                  {{QStringLiteral("uuid"), uuid},
                   {QStringLiteral("name"), name},
                   {QStringLiteral("email"), QString(name.toLower() + QStringLiteral("@example.org"))},
                   {QStringLiteral("phone"), QJsonValue()},
                   {QStringLiteral("birth_date"), QStringLiteral("1990-04-01")},
                   {QStringLiteral("enrolled_at"), QStringLiteral("2026-11-30T08:00:00Z")},
                   {QStringLiteral("referred_by_uuid"), referredBy.isEmpty() ? QJsonValue() : QJsonValue(referredBy)}});
}

QJsonObject card(const QString& number, const QString& memberUuid, const QString& state = QStringLiteral("active"))
{
    return change(kCardChange, {{QStringLiteral("number"), number},
                                {QStringLiteral("member_uuid"), memberUuid},
                                {QStringLiteral("state"), state},
                                {QStringLiteral("kind"), QStringLiteral("number")},
                                {QStringLiteral("replaced_by"), QJsonValue()},
                                {QStringLiteral("issued_at"), QStringLiteral("2026-11-30T08:00:00.000Z")}});
}

QJsonObject ledger(const QString& key, const QString& memberUuid, qint64 points, const QString& tillId = kOtherTill)
{
    return change(kLedgerChange, {{QStringLiteral("key"), key},
                                  {QStringLiteral("member_uuid"), memberUuid},
                                  {QStringLiteral("account"), QStringLiteral("points")},
                                  {QStringLiteral("kind"), QStringLiteral("earn")},
                                  {QStringLiteral("points"), points},
                                  {QStringLiteral("reason"), QStringLiteral("earn.base")},
                                  {QStringLiteral("explanation"), QStringLiteral("+%1 points").arg(points)},
                                  {QStringLiteral("expires_on"), QStringLiteral("2028-12-31")},
                                  {QStringLiteral("created_at"), QStringLiteral("2026-11-30T09:14:03Z")},
                                  {QStringLiteral("till_id"), tillId}});
}

QJsonObject sale(const QString& uuid, const QString& memberUuid, const QString& tillId = kOtherTill,
                 qint64 refunded = 0)
{
    return change(kSaleChange, {{QStringLiteral("uuid"), uuid},
                                {QStringLiteral("member_uuid"), memberUuid},
                                {QStringLiteral("till_id"), tillId},
                                {QStringLiteral("completed_at"), QStringLiteral("2026-11-30T09:14:03.120Z")},
                                {QStringLiteral("eligible_minor"), 2450},
                                {QStringLiteral("refunded_eligible_minor"), refunded}});
}

QJsonObject coupon(const QString& code, const QString& memberUuid)
{
    return change(kCouponChange, {{QStringLiteral("code"), code},
                                  {QStringLiteral("member_uuid"), memberUuid},
                                  {QStringLiteral("used_at"), QStringLiteral("2026-11-30T09:14:03Z")},
                                  {QStringLiteral("till_id"), kOtherTill}});
}

QJsonObject product(const QString& ean, const QString& name, qint64 priceMinor)
{
    return change(kProductChange, {{QStringLiteral("ean"), ean},
                                   {QStringLiteral("name"), name},
                                   {QStringLiteral("price_minor"), priceMinor},
                                   {QStringLiteral("currency"), QStringLiteral("EUR")},
                                   {QStringLiteral("category"), QStringLiteral("Bakery")},
                                   {QStringLiteral("earns_points"), true},
                                   {QStringLiteral("discountable"), false}});
}

QJsonObject revokedCard(const QString& cardId)
{
    return change(kRevokedCardChange, {{QStringLiteral("card_id"), cardId},
                                       {QStringLiteral("revoked_at"), QStringLiteral("2026-11-30T10:00:00Z")},
                                       {QStringLiteral("reason"), QStringLiteral("lost phone")}});
}

QJsonObject cardKey(int keyId, const QByteArray& publicKey)
{
    return change(kCardKeyChange, {{QStringLiteral("key_id"), keyId},
                                   {QStringLiteral("public_key"), QString::fromLatin1(publicKey.toBase64())},
                                   {QStringLiteral("valid_from"), QStringLiteral("2026-01-01T00:00:00Z")},
                                   {QStringLiteral("valid_until"), QJsonValue()}});
}

// The built-in programme as head office would publish it under another version.
QString programmeDocument(int version)
{
    QJsonObject document = QJsonDocument::fromJson(ProgrammeStore::builtInDocument()).object();
    document.insert(QStringLiteral("version"), version);
    return QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented));
}

QJsonObject programme(int version, const QString& document, const QByteArray& secretKey)
{
    const auto signature = Ed25519::sign(secretKey, document.toUtf8());
    return change(kProgrammeChange,
                  {{QStringLiteral("version"), version},
                   {QStringLiteral("document"), document},
                   {QStringLiteral("signature"),
                    signature.ok() ? QString::fromLatin1(signature->toBase64()) : QStringLiteral("unsigned")}});
}

// Everything the feed can change at a till, row by row, to compare two moments.
QStringList picture(RawConnection& raw)
{
    QStringList rows;
    for (const char* sql : {
             "SELECT id, uuid, name, email, phone, birth_date, enrolled_at, referred_by FROM members ORDER BY id",
             "SELECT number, member_id, state, issued_at, kind, replaced_by FROM cards ORDER BY number",
             "SELECT id, member_id, sale_id, kind, points, reason, created_at, account, expires_on, explanation,"
             " origin_key FROM ledger_entries ORDER BY id",
             "SELECT * FROM remote_sales ORDER BY uuid",
             "SELECT * FROM coupon_uses ORDER BY code",
             "SELECT * FROM products ORDER BY id",
             "SELECT version, programme_id, activated_at FROM programmes ORDER BY version",
             "SELECT * FROM revoked_digital_cards ORDER BY card_id",
             "SELECT key_id, hex(public_key), valid_from, valid_until, added_at FROM card_trust_keys ORDER BY key_id",
             "SELECT * FROM settings ORDER BY key",
             "SELECT * FROM till_counters ORDER BY name",
         })
        rows << raw.rows(QString::fromLatin1(sql));
    return rows;
}

}  // namespace

class TestChangeApplier final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void everyKindIsApplied();
    void samePageTwiceChangesNothing();
    void laterChangesUpdateTheRow();
    void unknownMemberRollsBackTheWholePage_data();
    void unknownMemberRollsBackTheWholePage();
    void malformedChangeRollsBackTheWholePage_data();
    void malformedChangeRollsBackTheWholePage();
    void forgedProgrammeIsRefusedAndTheRestApplies();
    void olderProgrammeIsRefused();
    void programmeWithoutHqKeyIsRefused();
    void memberEnrolledElsewhereIsFoundByCard();
    void changesFromThisTillsOwnEventsAreLeftAlone();
    void snapshotInPages();
    void anEmptyPageStoresItsCursor();
    void consistencyCheckFindsPulledDataThatIsThisTillsOwn();
    void erasedMemberIsBlankedAndNotFoundBySearch();
    void erasedMemberIsNeverFilledAgain();
    void mergedMemberPointsToTheTarget();
    void largePageFillsTheSearchIndexLikeTheTrigger();
    void refusedLargePageKeepsTheSearchTrigger();

private:
    QSqlDatabase db() const { return m_database->connection(); }
    QString setting(const QString& key) const;
    Result<AppliedPage> apply(const QJsonArray& changes, const QString& cursor);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<RawConnection> m_raw;
    Ed25519KeyPair m_hqKey;
};

void TestChangeApplier::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC));
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
    m_database = std::move(opened).value();
    m_raw = std::make_unique<RawConnection>(m_database->path());
    QVERIFY(m_raw->isOpen());
    auto key = Ed25519::generate();
    QVERIFY2(key.ok(), qPrintable(errorText(key)));
    m_hqKey = *key;
    SettingsRepository settings(db());
    QVERIFY(settings.setValue(kHqPublicKeyKey, QString::fromLatin1(m_hqKey.publicKey.toBase64())).ok());
    QVERIFY(settings.setValue(kHqUrlKey, QStringLiteral("https://hq.example:8443")).ok());
}

void TestChangeApplier::cleanup()
{
    m_raw.reset();
    m_database.reset();
    m_clock.reset();
    m_dir.reset();
}

QString TestChangeApplier::setting(const QString& key) const
{
    const auto value = SettingsRepository(db()).value(key);
    return value.ok() && value->has_value() ? **value : QString();
}

Result<AppliedPage> TestChangeApplier::apply(const QJsonArray& changes, const QString& cursor)
{
    ChangeApplier applier(db(), *m_clock);
    return applier.apply(changes, cursor);
}

void TestChangeApplier::everyKindIsApplied()
{
    const auto cardPublicKey = Ed25519::generate();
    QVERIFY(cardPublicKey.ok());
    const QJsonArray page{member(kAda, QStringLiteral("Ada")),
                          member(kBen, QStringLiteral("Ben"), kAda),
                          card(kAdaCard, kAda),
                          ledger(QStringLiteral("opening/") + kAda, kAda, 500),
                          ledger(QStringLiteral("0b6f0000-0000-4000-8000-000000000001/1"), kBen, 24),
                          sale(QStringLiteral("77aa0000-0000-4000-8000-000000000001"), kBen, kOtherTill, 450),
                          coupon(QStringLiteral("xmas-0001"), kBen),
                          product(QStringLiteral("4000000000013"), QStringLiteral("Rye bread"), 349),
                          programme(7, programmeDocument(7), m_hqKey.secretKey),
                          revokedCard(QStringLiteral("card-lost-1")),
                          cardKey(3, cardPublicKey->publicKey)};
    const auto applied = apply(page, QStringLiteral("cursor-1"));
    QVERIFY2(applied.ok(), qPrintable(errorText(applied)));

    QCOMPARE(applied->changes, 11);
    QCOMPARE(applied->cursor, QStringLiteral("cursor-1"));
    QCOMPARE(applied->appliedTotal(), 11);
    QVERIFY(applied->unchanged.isEmpty());
    QVERIFY(applied->refusedProgrammes.isEmpty());
    QCOMPARE(applied->applied.value(kMemberChange), 2);
    QCOMPARE(applied->applied.value(kLedgerChange), 2);
    for (const QString& kind : {kCardChange, kSaleChange, kCouponChange, kProductChange, kProgrammeChange,
                                kRevokedCardChange, kCardKeyChange})
        QVERIFY2(applied->applied.value(kind) == 1, qPrintable(kind));
    QCOMPARE(setting(kCursorKey), QStringLiteral("cursor-1"));

    const qint64 ada = m_raw->scalar(QStringLiteral("SELECT id FROM members WHERE uuid = '%1'").arg(kAda)).toLongLong();
    const qint64 ben = m_raw->scalar(QStringLiteral("SELECT id FROM members WHERE uuid = '%1'").arg(kBen)).toLongLong();
    QVERIFY(ada > 0 && ben > 0 && ada != ben);
    QCOMPARE(m_raw->rows(QStringLiteral("SELECT name, email, phone, birth_date, enrolled_at, referred_by FROM members"
                                        " WHERE id = %1")
                             .arg(ben)),
             QStringList{QStringLiteral("Ben|ben@example.org|NULL|1990-04-01|2026-11-30T08:00:00.000Z|%1").arg(ada)});
    QCOMPARE(m_raw->rows(QStringLiteral("SELECT number, member_id, state, kind FROM cards")),
             QStringList{QStringLiteral("%1|%2|active|number").arg(kAdaCard).arg(ada)});
    // Head office's entries keep their key and carry no sale of this till; times are stored as the till's.
    QCOMPARE(
        m_raw->rows(QStringLiteral("SELECT member_id, sale_id, account, kind, points, expires_on, created_at,"
                                   " origin_key FROM ledger_entries ORDER BY id")),
        (QStringList{
            QStringLiteral("%1|NULL|points|earn|500|2028-12-31|2026-11-30T09:14:03.000Z|opening/%2").arg(ada).arg(kAda),
            QStringLiteral("%1|NULL|points|earn|24|2028-12-31|2026-11-30T09:14:03.000Z|"
                           "0b6f0000-0000-4000-8000-000000000001/1")
                .arg(ben)}));
    QCOMPARE(m_raw->rows(QStringLiteral("SELECT member_id, till_id, completed_at, eligible_minor,"
                                        " refunded_eligible_minor FROM remote_sales")),
             QStringList{QStringLiteral("%1|%2|2026-11-30T09:14:03.120Z|2450|450").arg(ben).arg(kOtherTill)});
    QCOMPARE(m_raw->rows(QStringLiteral("SELECT code, sale_id, member_id FROM coupon_uses")),
             QStringList{QStringLiteral("XMAS-0001|NULL|%1").arg(ben)});
    QCOMPARE(m_raw->rows(QStringLiteral("SELECT name, price_minor, currency, category, earns_points, discountable"
                                        " FROM products WHERE ean = '4000000000013'")),
             QStringList{QStringLiteral("Rye bread|349|EUR|Bakery|1|0")});
    const auto active = ProgrammeStore(db()).activeVersion();
    QVERIFY(active.ok());
    QCOMPARE(*active, 7);
    QCOMPARE(m_raw->rows(QStringLiteral("SELECT card_id, reason FROM revoked_digital_cards")),
             QStringList{QStringLiteral("card-lost-1|lost phone")});
    QCOMPARE(
        m_raw->rows(QStringLiteral("SELECT key_id, hex(public_key), valid_from, valid_until FROM card_trust_keys")),
        QStringList{QStringLiteral("3|%1|2026-01-01T00:00:00.000Z|NULL")
                        .arg(QString::fromLatin1(cardPublicKey->publicKey.toHex().toUpper()))});

    const auto report = ConsistencyCheck(*m_database).run();
    QVERIFY2(report.ok(), qPrintable(errorText(report)));
    QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(u'\n')));
}

void TestChangeApplier::samePageTwiceChangesNothing()
{
    const QJsonArray page{member(kAda, QStringLiteral("Ada")),
                          member(kBen, QStringLiteral("Ben"), kAda),
                          card(kAdaCard, kAda),
                          ledger(QStringLiteral("opening/") + kAda, kAda, 500),
                          sale(QStringLiteral("77aa0000-0000-4000-8000-000000000001"), kBen),
                          coupon(QStringLiteral("XMAS-0001"), kBen),
                          product(QStringLiteral("4000000000013"), QStringLiteral("Rye bread"), 349),
                          programme(7, programmeDocument(7), m_hqKey.secretKey),
                          revokedCard(QStringLiteral("card-lost-1")),
                          cardKey(3, m_hqKey.publicKey)};
    const auto first = apply(page, QStringLiteral("cursor-1"));
    QVERIFY2(first.ok(), qPrintable(errorText(first)));
    QCOMPARE(first->appliedTotal(), 10);
    const QStringList before = picture(*m_raw);

    m_clock->advanceSeconds(3600);  // nothing may be stamped anew either
    const auto second = apply(page, QStringLiteral("cursor-1"));
    QVERIFY2(second.ok(), qPrintable(errorText(second)));
    QCOMPARE(second->appliedTotal(), 0);
    QVERIFY(second->refusedProgrammes.isEmpty());
    QCOMPARE(second->unchanged.value(kMemberChange), 2);
    for (const QString& kind : {kCardChange, kLedgerChange, kSaleChange, kCouponChange, kProductChange,
                                kProgrammeChange, kRevokedCardChange, kCardKeyChange})
        QVERIFY2(second->unchanged.value(kind) == 1, qPrintable(kind));
    QCOMPARE(picture(*m_raw), before);
}

void TestChangeApplier::laterChangesUpdateTheRow()
{
    QVERIFY(apply({member(kAda, QStringLiteral("Ada")), card(kAdaCard, kAda),
                   sale(QStringLiteral("77aa0000-0000-4000-8000-000000000001"), kAda),
                   product(QStringLiteral("4000000000013"), QStringLiteral("Rye bread"), 349)},
                  QStringLiteral("c1"))
                .ok());
    const QString productId = m_raw->scalar(QStringLiteral("SELECT id FROM products")).toString();
    const auto later =
        apply({member(kAda, QStringLiteral("Ada Lovelace")), card(kAdaCard, kAda, QStringLiteral("blocked")),
               sale(QStringLiteral("77aa0000-0000-4000-8000-000000000001"), kAda, kOtherTill, 1000),
               product(QStringLiteral("4000000000013"), QStringLiteral("Rye bread"), 399)},
              QStringLiteral("c2"));
    QVERIFY2(later.ok(), qPrintable(errorText(later)));
    QCOMPARE(later->appliedTotal(), 4);
    QCOMPARE(m_raw->scalar(QStringLiteral("SELECT count(*) FROM members")).toInt(), 1);
    QCOMPARE(m_raw->scalar(QStringLiteral("SELECT name FROM members")).toString(), QStringLiteral("Ada Lovelace"));
    QCOMPARE(m_raw->scalar(QStringLiteral("SELECT state FROM cards")).toString(), QStringLiteral("blocked"));
    QCOMPARE(m_raw->scalar(QStringLiteral("SELECT refunded_eligible_minor FROM remote_sales")).toInt(), 1000);
    // The product keeps its id, so sale lines that name it stay right.
    QCOMPARE(m_raw->rows(QStringLiteral("SELECT id, price_minor FROM products")),
             QStringList{productId + QStringLiteral("|399")});
    QCOMPARE(setting(kCursorKey), QStringLiteral("c2"));
}

void TestChangeApplier::unknownMemberRollsBackTheWholePage_data()
{
    QTest::addColumn<QJsonObject>("offending");
    QTest::newRow("ledger") << ledger(QStringLiteral("adjust/1"), kNobody, 10);
    QTest::newRow("card") << card(QStringLiteral("2000000000022"), kNobody);
    QTest::newRow("sale") << sale(QStringLiteral("77aa0000-0000-4000-8000-000000000009"), kNobody);
    QTest::newRow("coupon") << coupon(QStringLiteral("XMAS-0009"), kNobody);
    QTest::newRow("referrer") << member(kBen, QStringLiteral("Ben"), kNobody);
}

void TestChangeApplier::unknownMemberRollsBackTheWholePage()
{
    QFETCH(QJsonObject, offending);
    QVERIFY(apply({member(kAda, QStringLiteral("Ada"))}, QStringLiteral("cursor-1")).ok());
    const QStringList before = picture(*m_raw);

    const QJsonArray page{member(QStringLiteral("33333333-3333-4333-8333-333333333333"), QStringLiteral("Cy")),
                          ledger(QStringLiteral("opening/") + kAda, kAda, 500),
                          product(QStringLiteral("4000000000013"), QStringLiteral("Rye bread"), 349),
                          programme(7, programmeDocument(7), m_hqKey.secretKey),
                          offending,
                          member(QStringLiteral("44444444-4444-4444-8444-444444444444"), QStringLiteral("Di"))};
    const auto applied = apply(page, QStringLiteral("cursor-2"));
    QVERIFY(!applied.ok());
    QCOMPARE(applied.error().reason, QStringLiteral("unknown_member"));
    QVERIFY2(applied.error().message.contains(kNobody), qPrintable(applied.error().message));
    QCOMPARE(picture(*m_raw), before);
    QCOMPARE(setting(kCursorKey), QStringLiteral("cursor-1"));
}

void TestChangeApplier::malformedChangeRollsBackTheWholePage_data()
{
    QTest::addColumn<QJsonObject>("offending");
    QTest::newRow("unknown kind") << change(QStringLiteral("voucher"), {{QStringLiteral("code"), 1}});
    QTest::newRow("no data") << QJsonObject{{QStringLiteral("kind"), kMemberChange}};
    QJsonObject noName = member(kBen, QStringLiteral("Ben"));
    QJsonObject data = noName.value(QStringLiteral("data")).toObject();
    data.remove(QStringLiteral("name"));
    noName.insert(QStringLiteral("data"), data);
    QTest::newRow("member without name") << noName;
    QJsonObject fractional = ledger(QStringLiteral("adjust/1"), kAda, 10);
    data = fractional.value(QStringLiteral("data")).toObject();
    data.insert(QStringLiteral("points"), 2.5);
    fractional.insert(QStringLiteral("data"), data);
    QTest::newRow("fractional points") << fractional;
    QTest::newRow("card state") << card(QStringLiteral("2000000000022"), kAda, QStringLiteral("lost"));
    QTest::newRow("bad ean") << product(QStringLiteral("4000000000014"), QStringLiteral("Rye"), 349);
    QTest::newRow("short key") << cardKey(4, QByteArrayLiteral("short"));
}

void TestChangeApplier::malformedChangeRollsBackTheWholePage()
{
    QFETCH(QJsonObject, offending);
    QVERIFY(apply({member(kAda, QStringLiteral("Ada"))}, QStringLiteral("cursor-1")).ok());
    const QStringList before = picture(*m_raw);
    const auto applied = apply({member(kBen, QStringLiteral("Ben")), offending}, QStringLiteral("cursor-2"));
    QVERIFY(!applied.ok());
    QCOMPARE(applied.error().reason, QStringLiteral("malformed_change"));
    QVERIFY2(applied.error().message.contains(QStringLiteral("Change 2")), qPrintable(applied.error().message));
    QCOMPARE(picture(*m_raw), before);
}

void TestChangeApplier::forgedProgrammeIsRefusedAndTheRestApplies()
{
    const auto forger = Ed25519::generate();
    QVERIFY(forger.ok());
    const QString genuine = programmeDocument(7);
    QJsonObject tampered = programme(8, genuine, m_hqKey.secretKey);
    // A signature that is head office's, but over another document.
    QJsonObject data = tampered.value(QStringLiteral("data")).toObject();
    data.insert(QStringLiteral("document"), programmeDocument(8));
    tampered.insert(QStringLiteral("data"), data);

    const QJsonArray page{member(kAda, QStringLiteral("Ada")), programme(9, programmeDocument(9), forger->secretKey),
                          tampered, card(kAdaCard, kAda)};
    const auto applied = apply(page, QStringLiteral("cursor-1"));
    QVERIFY2(applied.ok(), qPrintable(errorText(applied)));
    QCOMPARE(applied->applied.value(kMemberChange), 1);
    QCOMPARE(applied->applied.value(kCardChange), 1);
    QCOMPARE(applied->count(kProgrammeChange), 0);
    QCOMPARE(applied->refusedProgrammes.size(), 2);
    QCOMPARE(applied->refusedProgrammes.at(0).version, 9);
    QCOMPARE(applied->refusedProgrammes.at(0).reason, QStringLiteral("bad_signature"));
    QCOMPARE(applied->refusedProgrammes.at(1).version, 8);
    QCOMPARE(applied->refusedProgrammes.at(1).reason, QStringLiteral("bad_signature"));
    QCOMPARE(m_raw->scalar(QStringLiteral("SELECT count(*) FROM programmes")).toInt(), 0);
    QCOMPARE(setting(kCursorKey), QStringLiteral("cursor-1"));
    // The status can show the last refusal.
    const QJsonObject refused = QJsonDocument::fromJson(setting(ChangeApplier::kRefusedProgrammeKey).toUtf8()).object();
    QCOMPARE(refused.value(QStringLiteral("version")).toInt(), 8);
    QCOMPARE(refused.value(QStringLiteral("reason")).toString(), QStringLiteral("bad_signature"));
    QVERIFY(!refused.value(QStringLiteral("message")).toString().isEmpty());
}

void TestChangeApplier::olderProgrammeIsRefused()
{
    QVERIFY(apply({programme(7, programmeDocument(7), m_hqKey.secretKey)}, QStringLiteral("c1")).ok());
    const QString older = programmeDocument(5);
    QJsonObject sameVersionOtherText = programme(7, programmeDocument(7) + QStringLiteral("\n"), m_hqKey.secretKey);
    const auto applied =
        apply({programme(5, older, m_hqKey.secretKey), sameVersionOtherText, member(kAda, QStringLiteral("Ada")),
               programme(8, programmeDocument(8), m_hqKey.secretKey)},
              QStringLiteral("c2"));
    QVERIFY2(applied.ok(), qPrintable(errorText(applied)));
    QCOMPARE(applied->refusedProgrammes.size(), 2);
    QCOMPARE(applied->refusedProgrammes.at(0).version, 5);
    QCOMPARE(applied->refusedProgrammes.at(0).reason, QStringLiteral("programme_not_newer"));
    QCOMPARE(applied->refusedProgrammes.at(1).version, 7);
    QCOMPARE(applied->refusedProgrammes.at(1).reason, QStringLiteral("programme_not_newer"));
    QCOMPARE(applied->applied.value(kProgrammeChange), 1);
    QCOMPARE(applied->applied.value(kMemberChange), 1);
    QCOMPARE(m_raw->rows(QStringLiteral("SELECT version FROM programmes ORDER BY version")),
             (QStringList{QStringLiteral("7"), QStringLiteral("8")}));
}

void TestChangeApplier::programmeWithoutHqKeyIsRefused()
{
    QVERIFY(m_raw->exec(QStringLiteral("DELETE FROM settings WHERE key = 'sync.hq_public_key'")).isEmpty());
    const auto applied = apply({programme(7, programmeDocument(7), m_hqKey.secretKey)}, QStringLiteral("c1"));
    QVERIFY2(applied.ok(), qPrintable(errorText(applied)));
    QCOMPARE(applied->refusedProgrammes.size(), 1);
    QCOMPARE(applied->refusedProgrammes.at(0).reason, QStringLiteral("no_hq_key"));
    QCOMPARE(m_raw->scalar(QStringLiteral("SELECT count(*) FROM programmes")).toInt(), 0);
}

void TestChangeApplier::memberEnrolledElsewhereIsFoundByCard()
{
    const auto applied = apply({member(kAda, QStringLiteral("Ada")), card(kAdaCard, kAda),
                                ledger(QStringLiteral("0b6f0000-0000-4000-8000-000000000001/1"), kAda, 120),
                                ledger(QStringLiteral("0b6f0000-0000-4000-8000-000000000001/2"), kAda, 30)},
                               QStringLiteral("c1"));
    QVERIFY2(applied.ok(), qPrintable(errorText(applied)));
    MemberRepository members(db());
    const auto found = members.findByCard(kAdaCard);
    QVERIFY2(found.ok(), qPrintable(errorText(found)));
    QVERIFY(found->has_value());
    QCOMPARE((*found)->member.name, QStringLiteral("Ada"));
    QCOMPARE((*found)->cardState, CardState::Active);
    QCOMPARE(
        m_raw
            ->scalar(
                QStringLiteral("SELECT sum(points) FROM ledger_entries WHERE member_id = %1").arg((*found)->member.id))
            .toInt(),
        150);
}

void TestChangeApplier::changesFromThisTillsOwnEventsAreLeftAlone()
{
    const QString tillId = setting(QStringLiteral("till.id"));
    QVERIFY(!tillId.isEmpty());
    QVERIFY(apply({member(kAda, QStringLiteral("Ada"))}, QStringLiteral("c1")).ok());
    // An event of this till, as the outbox holds it.
    QVERIFY(m_raw
                ->exec(QStringLiteral("INSERT INTO outbox_events (uuid, till_id, sequence, type, payload, created_at)"
                                      " VALUES ('e0e0e0e0-0000-4000-8000-000000000001', '%1', 1, 'sale.completed',"
                                      " '{}', '2026-11-30T09:00:00.000Z')")
                           .arg(tillId))
                .isEmpty());
    const auto applied = apply({ledger(QStringLiteral("e0e0e0e0-0000-4000-8000-000000000001/1"), kAda, 24, QString()),
                                ledger(QStringLiteral("0b6f0000-0000-4000-8000-000000000001/1"), kAda, 24, tillId),
                                sale(QStringLiteral("77aa0000-0000-4000-8000-000000000001"), kAda, tillId)},
                               QStringLiteral("c2"));
    QVERIFY2(applied.ok(), qPrintable(errorText(applied)));
    QCOMPARE(applied->appliedTotal(), 0);
    QCOMPARE(applied->unchanged.value(kLedgerChange), 2);
    QCOMPARE(applied->unchanged.value(kSaleChange), 1);
    QCOMPARE(m_raw->scalar(QStringLiteral("SELECT count(*) FROM ledger_entries")).toInt(), 0);
    QCOMPARE(m_raw->scalar(QStringLiteral("SELECT count(*) FROM remote_sales")).toInt(), 0);
}

void TestChangeApplier::snapshotInPages()
{
    // A provisioning snapshot: members with a card and an opening balance each, in pages of 5000.
    constexpr int kMembers = 12000;
    constexpr int kPage = 5000;
    QJsonArray all;
    for (int n = 1; n <= kMembers; ++n) {
        const QString uuid = memberUuidForNumber(n);
        all.append(member(uuid, QStringLiteral("Member %1").arg(n)));
        all.append(card(QStringLiteral("2000%1").arg(n, 9, 10, QLatin1Char('0')), uuid));
        all.append(ledger(QStringLiteral("opening/") + uuid, uuid, n % 700));
    }
    int pages = 0;
    for (qsizetype from = 0; from < all.size(); from += kPage) {
        QJsonArray page;
        for (qsizetype i = from; i < std::min<qsizetype>(from + kPage, all.size()); ++i)
            page.append(all.at(i));
        const auto applied = apply(page, QStringLiteral("page-%1").arg(++pages));
        QVERIFY2(applied.ok(), qPrintable(errorText(applied)));
        QCOMPARE(applied->appliedTotal(), int(page.size()));
    }
    QCOMPARE(m_raw->scalar(QStringLiteral("SELECT count(*) FROM members")).toInt(), kMembers);
    QCOMPARE(m_raw->scalar(QStringLiteral("SELECT count(*) FROM cards")).toInt(), kMembers);
    QCOMPARE(
        m_raw->scalar(QStringLiteral("SELECT count(*) FROM ledger_entries WHERE origin_key LIKE 'opening/%'")).toInt(),
        kMembers);
    QCOMPARE(setting(kCursorKey), QStringLiteral("page-%1").arg(pages));
    // The next event need not walk the snapshot's entries: the claim moved past them.
    QCOMPARE(m_raw->scalar(QStringLiteral("SELECT value FROM till_counters WHERE name = 'outbox.ledger_claimed'")),
             m_raw->scalar(QStringLiteral("SELECT max(id) FROM ledger_entries")));
    MemberRepository members(db());
    const auto found = members.findByCard(QStringLiteral("2000%1").arg(7777, 9, 10, QLatin1Char('0')));
    QVERIFY(found.ok() && found->has_value());
    QCOMPARE((*found)->member.name, QStringLiteral("Member 7777"));
}

void TestChangeApplier::consistencyCheckFindsPulledDataThatIsThisTillsOwn()
{
    QVERIFY(apply({member(kAda, QStringLiteral("Ada")), ledger(QStringLiteral("opening/") + kAda, kAda, 500),
                   sale(QStringLiteral("77aa0000-0000-4000-8000-000000000001"), kAda)},
                  QStringLiteral("c1"))
                .ok());
    const auto clean = ConsistencyCheck(*m_database).run();
    QVERIFY2(clean.ok(), qPrintable(errorText(clean)));
    QVERIFY2(clean->problems.isEmpty(), qPrintable(clean->problems.join(u'\n')));

    // What the applier never writes: this till's own sale held as another till's, a pulled entry
    // booked to a sale of this till.
    const QString tillId = setting(QStringLiteral("till.id"));
    QVERIFY(m_raw
                ->exec(QStringLiteral("INSERT INTO products (id, ean, name, price_minor, currency, category,"
                                      " earns_points, discountable) VALUES (1, '4000000000013', 'Rye', 100, 'EUR',"
                                      " 'Bakery', 1, 1)"))
                .isEmpty());
    QVERIFY(m_raw
                ->exec(QStringLiteral("INSERT INTO sales (id, uuid, till_id, member_id, currency, total_minor, state,"
                                      " completed_at) VALUES (1, '77aa0000-0000-4000-8000-000000000001', '%1', 1,"
                                      " 'EUR', 100, 'completed', '2026-11-30T09:00:00.000Z')")
                           .arg(tillId))
                .isEmpty());
    QVERIFY(m_raw
                ->exec(QStringLiteral("INSERT INTO sale_lines (sale_id, line_no, product_id, ean, name, quantity,"
                                      " unit_price_minor, line_total_minor, earns_points) VALUES (1, 1, 1,"
                                      " '4000000000013', 'Rye', 1, 100, 100, 1)"))
                .isEmpty());
    QVERIFY(m_raw
                ->exec(QStringLiteral("INSERT INTO outbox_events (uuid, till_id, sequence, type, payload, sale_id,"
                                      " created_at) VALUES ('e1', '%1', 1, 'sale.completed', '{}', 1,"
                                      " '2026-11-30T09:00:00.000Z')")
                           .arg(tillId))
                .isEmpty());
    QVERIFY(
        m_raw
            ->exec(QStringLiteral("INSERT INTO ledger_entries (member_id, sale_id, kind, points, reason, created_at,"
                                  " account, origin_key) VALUES (1, 1, 'adjust', 5, 'x', '2026-11-30T09:00:00.000Z',"
                                  " 'wallet', 'adjust/9')"))
            .isEmpty());
    const auto report = ConsistencyCheck(*m_database).run();
    QVERIFY2(report.ok(), qPrintable(errorText(report)));
    const QString problems = report->problems.join(u'\n');
    QVERIFY2(problems.contains(QStringLiteral("also recorded as another till's: 77aa0000")), qPrintable(problems));
    QVERIFY2(problems.contains(QStringLiteral("from head office booked to a sale of this till")), qPrintable(problems));
}

void TestChangeApplier::anEmptyPageStoresItsCursor()
{
    const auto empty = apply({}, QStringLiteral("after-own-events"));
    QVERIFY2(empty.ok(), qPrintable(errorText(empty)));
    QCOMPARE(empty->changes, 0);
    QCOMPARE(setting(kCursorKey), QStringLiteral("after-own-events"));
    // A feed that answers without a cursor leaves an empty one: the next pull starts from the beginning.
    const auto none = apply({}, QString());
    QVERIFY2(none.ok(), qPrintable(errorText(none)));
    QVERIFY(none->cursor.isEmpty());
    QCOMPARE(m_raw->scalar(QStringLiteral("SELECT value FROM settings WHERE key = 'sync.cursor'")).toString(),
             QString());
}

namespace {
QJsonObject erased(const QString& uuid)
{
    return change(kMemberChange, {{QStringLiteral("uuid"), uuid},
                                  {QStringLiteral("name"), QStringLiteral("")},
                                  {QStringLiteral("email"), QJsonValue()},
                                  {QStringLiteral("phone"), QJsonValue()},
                                  {QStringLiteral("birth_date"), QJsonValue()},
                                  {QStringLiteral("enrolled_at"), QStringLiteral("2026-11-30T08:00:00Z")},
                                  {QStringLiteral("referred_by_uuid"), QJsonValue()},
                                  {QStringLiteral("erased_at"), QStringLiteral("2026-12-01T08:30:00.000Z")}});
}
}  // namespace

void TestChangeApplier::erasedMemberIsBlankedAndNotFoundBySearch()
{
    QVERIFY(apply({member(kAda, QStringLiteral("Ada")), member(kBen, QStringLiteral("Ben")), card(kAdaCard, kAda),
                   ledger(QStringLiteral("opening/") + kAda, kAda, 500)},
                  QStringLiteral("c1"))
                .ok());
    const QString search = QStringLiteral("SELECT count(*) FROM member_search WHERE member_search MATCH '%1'");
    QCOMPARE(m_raw->scalar(search.arg(QStringLiteral("ada*"))).toLongLong(), 1);
    QCOMPARE(m_raw->scalar(search.arg(QStringLiteral("contact:ada*"))).toLongLong(), 1);

    // Head office blocks the erased member's cards and says so with card changes.
    const auto applied = apply({erased(kAda), card(kAdaCard, kAda, QStringLiteral("blocked"))}, QStringLiteral("c2"));
    QVERIFY2(applied.ok(), qPrintable(errorText(applied)));
    QCOMPARE(applied->applied.value(kMemberChange), 1);
    QCOMPARE(
        m_raw->rows(QStringLiteral("SELECT name, email, phone, birth_date, erased_at FROM members WHERE uuid = '%1'")
                        .arg(kAda)),
        QStringList{QStringLiteral("|NULL|NULL|NULL|2026-12-01T08:30:00.000Z")});
    QCOMPARE(m_raw->scalar(QStringLiteral("SELECT state FROM cards WHERE number = '%1'").arg(kAdaCard)).toString(),
             QStringLiteral("blocked"));
    // The search index follows the blanked row (its triggers); the other member is still found.
    QCOMPARE(m_raw->scalar(search.arg(QStringLiteral("ada*"))).toLongLong(), 0);
    QCOMPARE(m_raw->scalar(search.arg(QStringLiteral("contact:ada*"))).toLongLong(), 0);
    QCOMPARE(m_raw->scalar(search.arg(QStringLiteral("ben*"))).toLongLong(), 1);
    // The ledger keeps the anonymous amounts.
    QCOMPARE(m_raw->scalar(QStringLiteral("SELECT sum(points) FROM ledger_entries")).toLongLong(), 500);
    // Applied again: nothing changes.
    const auto again = apply({erased(kAda)}, QStringLiteral("c3"));
    QVERIFY(again.ok());
    QCOMPARE(again->unchanged.value(kMemberChange), 1);
}

void TestChangeApplier::erasedMemberIsNeverFilledAgain()
{
    QVERIFY(apply({member(kAda, QStringLiteral("Ada")), erased(kAda)}, QStringLiteral("c1")).ok());
    // A stale change with the personal fields (pulled after this till erased the member itself).
    const auto stale = apply({member(kAda, QStringLiteral("Ada"))}, QStringLiteral("c2"));
    QVERIFY2(stale.ok(), qPrintable(errorText(stale)));
    QCOMPARE(stale->unchanged.value(kMemberChange), 1);
    QCOMPARE(m_raw->rows(QStringLiteral("SELECT name, email, birth_date, erased_at FROM members")),
             QStringList{QStringLiteral("|NULL|NULL|2026-12-01T08:30:00.000Z")});
    // A member enrolled and erased at a till before it sent the enrolment arrives blank first.
    const auto blank =
        apply({change(kMemberChange, {{QStringLiteral("uuid"), kBen},
                                      {QStringLiteral("name"), QStringLiteral("")},
                                      {QStringLiteral("enrolled_at"), QStringLiteral("2026-11-30T08:00:00Z")}})},
              QStringLiteral("c3"));
    QVERIFY2(blank.ok(), qPrintable(errorText(blank)));
    QCOMPARE(m_raw->rows(QStringLiteral("SELECT name, erased_at FROM members WHERE uuid = '%1'").arg(kBen)),
             QStringList{QStringLiteral("|NULL")});
}

void TestChangeApplier::mergedMemberPointsToTheTarget()
{
    const QString benCard = QStringLiteral("2000000000022");
    QVERIFY(apply({member(kAda, QStringLiteral("Ada")), member(kBen, QStringLiteral("Ben")), card(kAdaCard, kAda),
                   card(benCard, kBen), ledger(QStringLiteral("opening/") + kAda, kAda, 500)},
                  QStringLiteral("c1"))
                .ok());
    QJsonObject mergedAda = member(kAda, QStringLiteral("Ada"));
    QJsonObject data = mergedAda.value(QStringLiteral("data")).toObject();
    data.insert(QStringLiteral("merged_into_uuid"), kBen);
    mergedAda.insert(QStringLiteral("data"), data);
    // What head office sends for a merge: the moved card, the source's member change, the entries.
    QJsonObject out = ledger(QStringLiteral("m1/1"), kAda, -500);
    QJsonObject in = ledger(QStringLiteral("m1/2"), kBen, 500);
    const auto applied = apply({card(kAdaCard, kBen), mergedAda, out, in}, QStringLiteral("c2"));
    QVERIFY2(applied.ok(), qPrintable(errorText(applied)));
    const qint64 ben = m_raw->scalar(QStringLiteral("SELECT id FROM members WHERE uuid = '%1'").arg(kBen)).toLongLong();
    QCOMPARE(m_raw->scalar(QStringLiteral("SELECT merged_into FROM members WHERE uuid = '%1'").arg(kAda)).toLongLong(),
             ben);
    QCOMPARE(m_raw->rows(QStringLiteral("SELECT number FROM cards WHERE member_id = %1 ORDER BY number").arg(ben)),
             (QStringList{kAdaCard, benCard}));
    QCOMPARE(m_raw->scalar(QStringLiteral("SELECT sum(points) FROM ledger_entries WHERE member_id = %1").arg(ben))
                 .toLongLong(),
             500);
    // A merge into a member the till does not know refuses the page.
    data.insert(QStringLiteral("merged_into_uuid"), kNobody);
    mergedAda.insert(QStringLiteral("data"), data);
    const auto unknown = apply({mergedAda}, QStringLiteral("c3"));
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().reason, QStringLiteral("unknown_member"));
}

QTEST_GUILESS_MAIN(TestChangeApplier)
// A page of many members fills the search index in one statement (DeferredMemberSearch); what it
// indexes must be exactly what the per-row trigger indexes, and the trigger must be back afterwards.
void TestChangeApplier::largePageFillsTheSearchIndexLikeTheTrigger()
{
    const QString trigger =
        QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'members_search_insert'");
    const QString triggerSql = m_raw->scalar(trigger).toString();
    QVERIFY(!DeferredMemberSearch::fillStatement(triggerSql).isEmpty());
    QVERIFY(
        DeferredMemberSearch::fillStatement(QStringLiteral("CREATE TRIGGER x AFTER INSERT ON y BEGIN END")).isEmpty());

    QJsonArray changes;
    changes.append(member(kAda, QStringLiteral("Ada")));
    for (int n = 1; n <= 100; ++n) {
        QJsonObject person = member(memberUuidForNumber(n), QStringLiteral("Zoë Member%1").arg(n));
        QJsonObject data = person.value(QStringLiteral("data")).toObject();
        data.insert(QStringLiteral("phone"),
                    n % 2 ? QStringLiteral("+49 (30) 1234-%1").arg(n) : QStringLiteral("030/%1").arg(n));
        person.insert(QStringLiteral("data"), data);
        changes.append(person);
    }
    // Inserted and renamed in the same page, and a member the till had before, renamed.
    changes.append(member(memberUuidForNumber(7), QStringLiteral("Renamed Seven")));
    QVERIFY(apply({member(kBen, QStringLiteral("Ben"))}, QStringLiteral("c0")).ok());
    changes.append(member(kBen, QStringLiteral("Benedikt")));

    // The same changes one at a time (the trigger's path) into a second till.
    auto other = Database::open(m_dir->filePath(QStringLiteral("row-by-row.db")), *m_clock);
    QVERIFY2(other.ok(), qPrintable(errorText(other)));
    ChangeApplier rowByRow((*other)->connection(), *m_clock);
    QVERIFY(rowByRow.apply({member(kBen, QStringLiteral("Ben"))}, QStringLiteral("c0")).ok());
    for (const QJsonValue& one : changes)
        QVERIFY(rowByRow.apply({one}, QStringLiteral("c1")).ok());

    const auto applied = apply(changes, QStringLiteral("c1"));
    QVERIFY2(applied.ok(), qPrintable(errorText(applied)));
    QCOMPARE(applied->applied.value(kMemberChange), 103);
    QCOMPARE(m_raw->scalar(trigger).toString(), triggerSql);

    RawConnection otherRaw((*other)->path());
    const QString index = QStringLiteral("SELECT m.uuid, s.name, s.contact FROM member_search s"
                                         " JOIN members m ON m.id = s.rowid ORDER BY m.uuid");
    const QStringList expected = otherRaw.rows(index);
    QCOMPARE(expected.size(), 102);
    QCOMPARE(m_raw->rows(index), expected);
    const QString search = QStringLiteral("SELECT count(*) FROM member_search WHERE member_search MATCH '%1'");
    QCOMPARE(m_raw->scalar(search.arg(QStringLiteral("zoe*"))).toLongLong(), 99);
    QCOMPARE(m_raw->scalar(search.arg(QStringLiteral("contact:0301234*"))).toLongLong(), 49);
    // Later members go through the trigger again.
    QVERIFY(apply({member(kNobody, QStringLiteral("Quentin"))}, QStringLiteral("c2")).ok());
    QCOMPARE(m_raw->scalar(search.arg(QStringLiteral("quentin"))).toLongLong(), 1);
}

void TestChangeApplier::refusedLargePageKeepsTheSearchTrigger()
{
    QJsonArray changes;
    for (int n = 1; n <= 100; ++n)
        changes.append(member(memberUuidForNumber(n), QStringLiteral("Member %1").arg(n)));
    changes.append(card(kAdaCard, kNobody));
    const auto applied = apply(changes, QStringLiteral("c1"));
    QVERIFY(!applied.ok());
    QCOMPARE(applied.error().reason, QStringLiteral("unknown_member"));
    QCOMPARE(m_raw->scalar(QStringLiteral("SELECT count(*) FROM members")).toInt(), 0);
    QCOMPARE(m_raw->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'members_search_insert'"))
                 .toInt(),
             1);
    QVERIFY(apply({member(kAda, QStringLiteral("Ada"))}, QStringLiteral("c2")).ok());
    QCOMPARE(
        m_raw->scalar(QStringLiteral("SELECT count(*) FROM member_search WHERE member_search MATCH 'ada'")).toInt(), 1);
}

#include "TestChangeApplier.moc"
