// The member page's data: member row, balances of every account, open lots and what expires,
// tier and progress, cards with their states and consent records, each checked against SQL.
#include "ProfileTestData.h"
#include "profile/MemberProfileReader.h"

using namespace loyalty;
using namespace loyalty::test;

namespace {
const QDateTime kNow(QDate(2026, 11, 20), QTime(10, 0));
}  // namespace

class TestMemberProfile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void memberRow();
    void balancesMatchTheLedger();
    void lotsAndExpiry();
    void tierAndProgress();
    void cardsWithStates();
    void consentRecords();
    void erasedAndMergedState();
    void unknownMemberIsNotFound();

private:
    Result<MemberProfile> read(qint64 memberId)
    {
        MemberProfileReader reader(m_data->db());
        return reader.read(memberId, kNow, ProfileTestData::programme());
    }
    qint64 sql(const QString& query) const { return m_data->data().scalar(query).toLongLong(); }

    std::unique_ptr<ProfileTestData> m_data;
    ProfileTestData::RichMember m_rich;
};

void TestMemberProfile::init()
{
    m_data = std::make_unique<ProfileTestData>(kNow);
    QVERIFY(m_data->isOpen());
    m_data->member(QStringLiteral("Someone Else"));
    m_rich = m_data->richMember();
    QVERIFY(m_rich.returnId > 0);
}

void TestMemberProfile::cleanup()
{
    m_data.reset();
}

void TestMemberProfile::memberRow()
{
    const auto profile = read(m_rich.id);
    QVERIFY2(profile.ok(), qPrintable(errorText(profile)));
    QCOMPARE(profile->memberId, m_rich.id);
    QCOMPARE(profile->name, QStringLiteral("Anna Müller"));
    QCOMPARE(profile->email, QStringLiteral("anna.mueller@example.com"));
    QCOMPARE(profile->phone, QStringLiteral("+49 170 1234567"));
    QCOMPARE(profile->birthDate, QDate(1980, 4, 1));
    QCOMPARE(profile->uuid,
             m_data->data().scalar(QStringLiteral("SELECT uuid FROM members WHERE id = %1").arg(m_rich.id)).toString());
    QCOMPARE(profile->enrolledAt, kNow);
    QVERIFY(!profile->isErased());
    QVERIFY(!profile->isMerged());
    QCOMPARE(profile->segments, QStringList{QStringLiteral("vip")});
}

void TestMemberProfile::balancesMatchTheLedger()
{
    const auto profile = read(m_rich.id);
    QVERIFY2(profile.ok(), qPrintable(errorText(profile)));
    const QString sum = QStringLiteral("SELECT coalesce(sum(points), 0) FROM ledger_entries WHERE member_id = %1"
                                       " AND account = '%2'");
    QCOMPARE(profile->points, sql(sum.arg(m_rich.id).arg(QStringLiteral("points"))));
    QCOMPARE(profile->points, Points(484));
    QCOMPARE(profile->walletMinor, sql(sum.arg(m_rich.id).arg(QStringLiteral("wallet"))));
    QCOMPARE(profile->walletMinor, qint64(30 - 16));
    QCOMPARE(profile->currency, QStringLiteral("EUR"));
    QCOMPARE(profile->stampCards.size(), 1);
    QCOMPARE(profile->stampCards.first().account, QStringLiteral("stamps:coffee"));
    QCOMPARE(profile->stampCards.first().name, QStringLiteral("Coffee card"));
    QCOMPARE(profile->stampCards.first().needed, 10);
    QCOMPARE(profile->stampCards.first().balance, sql(sum.arg(m_rich.id).arg(QStringLiteral("stamps:coffee"))));
    QCOMPARE(profile->stampCards.first().balance, qint64(3 + 1 - 2));
    QCOMPARE(profile->credits.size(), 1);
    QCOMPARE(profile->credits.first().id, QStringLiteral("sub"));
    QCOMPARE(profile->credits.first().balance, sql(sum.arg(m_rich.id).arg(QStringLiteral("credit:sub"))));
}

void TestMemberProfile::lotsAndExpiry()
{
    const auto profile = read(m_rich.id);
    QVERIFY2(profile.ok(), qPrintable(errorText(profile)));
    Points inLots = 0;
    for (const PointsLot& lot : profile->lots) {
        QVERIFY(lot.remaining > 0);
        inLots += lot.remaining;
    }
    QCOMPARE(profile->deficit, Points(0));
    QCOMPARE(inLots, profile->points);
    // The opening balance is the lot that expires first, so the redemption, the expiry of the
    // older lot aside, and the return's reversal took from it: 500 - 100 - 6.
    QCOMPARE(profile->lots.first().entryId, m_rich.opening);
    QCOMPARE(profile->lots.first().remaining, Points(394));
    QCOMPARE(profile->lots.first().expiresOn, kNow.date().addDays(11));
    QCOMPARE(profile->expiring.points, Points(394));
    QCOMPARE(profile->expiring.firstOn, kNow.date().addDays(11));
    // The expired lot is gone; the adjustment is a lot that never expires.
    for (const PointsLot& lot : profile->lots)
        QVERIFY(lot.entryId != m_rich.expiry);
    bool adjustmentLot = false;
    for (const PointsLot& lot : profile->lots)
        adjustmentLot = adjustmentLot || (lot.entryId == m_rich.adjustment && lot.expiresOn.isNull());
    QVERIFY(adjustmentLot);
    // Every lot's expiry day is the one its ledger entry carries.
    for (const PointsLot& lot : profile->lots) {
        const QString stored =
            m_data->data()
                .scalar(QStringLiteral("SELECT coalesce(expires_on, '') FROM ledger_entries WHERE id = %1")
                            .arg(lot.entryId))
                .toString();
        QCOMPARE(lot.expiresOn, QDate::fromString(stored, Qt::ISODate));
    }
}

void TestMemberProfile::tierAndProgress()
{
    const auto profile = read(m_rich.id);
    QVERIFY2(profile.ok(), qPrintable(errorText(profile)));
    // Spend over the last 12 months: both sales' eligible amounts less the refunded breads.
    const qint64 eligible =
        sql(QStringLiteral("SELECT sum(eligible_minor) FROM sales WHERE member_id = %1").arg(m_rich.id));
    const qint64 refunded = sql(QStringLiteral("SELECT sum(refund_minor) FROM sale_returns"));
    QCOMPARE(profile->tier.qualifyingValue, eligible - refunded);
    QCOMPARE(profile->tier.tierId, QStringLiteral("bronze"));
    QCOMPARE(profile->tierName, QStringLiteral("Bronze"));
    QCOMPARE(profile->tier.nextTierId, QStringLiteral("silver"));
    QCOMPARE(profile->tier.neededForNext, 10000 - (eligible - refunded));
    QVERIFY(profile->nextTierText.contains(QStringLiteral("Silver")));
}

void TestMemberProfile::cardsWithStates()
{
    const auto profile = read(m_rich.id);
    QVERIFY2(profile.ok(), qPrintable(errorText(profile)));
    QCOMPARE(profile->cards.size(),
             int(sql(QStringLiteral("SELECT count(*) FROM cards WHERE member_id = %1").arg(m_rich.id))));
    QCOMPARE(profile->cards.size(), 2);
    QCOMPARE(profile->cards.at(0).number, QStringLiteral("2000000000022"));
    QCOMPARE(profile->cards.at(0).state, CardState::Active);
    QCOMPARE(profile->cards.at(0).kind, QStringLiteral("number"));
    QCOMPARE(profile->cards.at(0).issuedAt, kNow.addYears(-1));
    QCOMPARE(profile->cards.at(1).number, QStringLiteral("2000000000015"));
    QCOMPARE(profile->cards.at(1).state, CardState::Replaced);
    QCOMPARE(profile->cards.at(1).replacedBy, QStringLiteral("2000000000022"));
}

void TestMemberProfile::consentRecords()
{
    const auto profile = read(m_rich.id);
    QVERIFY2(profile.ok(), qPrintable(errorText(profile)));
    QCOMPARE(profile->consents.size(),
             int(sql(QStringLiteral("SELECT count(*) FROM consents WHERE member_id = %1").arg(m_rich.id))));
    QCOMPARE(profile->consents.size(), 3);
    QCOMPARE(profile->consents.at(0).purpose, QStringLiteral("programme"));
    QVERIFY(profile->consents.at(0).given);
    QCOMPARE(profile->consents.at(0).textVersion, QStringLiteral("2026-11-programme-v1"));
    QCOMPARE(profile->consents.at(2).purpose, QStringLiteral("marketing"));
    QVERIFY(!profile->consents.at(2).given);
    QCOMPARE(profile->consents.at(2).recordedAt, kNow.addMonths(-1));
}

void TestMemberProfile::erasedAndMergedState()
{
    const qint64 target = m_data->member(QStringLiteral("Target"));
    m_data->data().exec(QStringLiteral("UPDATE members SET erased_at = '2026-11-19T09:00:00.000Z', merged_into = %1"
                                       " WHERE id = %2")
                            .arg(target)
                            .arg(m_rich.id));
    const auto profile = read(m_rich.id);
    QVERIFY2(profile.ok(), qPrintable(errorText(profile)));
    QVERIFY(profile->isErased());
    QCOMPARE(profile->erasedAt, QDateTime(QDate(2026, 11, 19), QTime(9, 0), Qt::UTC));
    QCOMPARE(profile->mergedInto, std::optional<qint64>(target));
    QCOMPARE(profile->mergedIntoUuid,
             m_data->data().scalar(QStringLiteral("SELECT uuid FROM members WHERE id = %1").arg(target)).toString());
}

void TestMemberProfile::unknownMemberIsNotFound()
{
    const auto profile = read(9999);
    QVERIFY(!profile.ok());
    QCOMPARE(profile.error().code, Error::Code::NotFound);
}

QTEST_GUILESS_MAIN(TestMemberProfile)
#include "TestMemberProfile.moc"
