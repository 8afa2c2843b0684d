// Reading a member's standing from the till database: every field of MemberStanding, from the
// member row, the ledger accounts, the sales and the segments.
#include "AccountTestData.h"
#include "account/MemberStandingReader.h"

using namespace loyalty;
using namespace loyalty::test;

namespace {
const QDateTime kAt(QDate(2026, 3, 18), QTime(15, 0));

QDateTime on(int year, int month, int day, int hour = 10)
{
    return QDateTime(QDate(year, month, day), QTime(hour, 0));
}

Rule rule(const QString& id, RuleKind kind)
{
    Rule r;
    r.id = id;
    r.kind = kind;
    return r;
}

Programme programme()
{
    Programme p;
    p.id = QStringLiteral("test");
    p.rules = {rule(QStringLiteral("earn.base"), RuleKind::PointsPerAmount),
               rule(QStringLiteral("challenge.third_visit"), RuleKind::Challenge),
               rule(QStringLiteral("challenge.fifth_visit"), RuleKind::Challenge),
               rule(QStringLiteral("birthday"), RuleKind::Birthday)};
    p.tiers = {{QStringLiteral("bronze"), QStringLiteral("Bronze"), 0, 100, 0},
               {QStringLiteral("silver"), QStringLiteral("Silver"), 10000, 125, 0}};
    p.expiry.mode = ExpiryPolicy::Mode::AfterMonths;
    p.expiry.warnDays = 60;
    return p;
}
}  // namespace

class TestMemberStandingReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFieldOfAnActiveMember();
    void aNewMemberHasAnEmptyStanding();
    void anUnknownMemberIsNotFound();
    void visitsAtOtherTillsCount();
    void unconfirmedRedemptionsOfToday();
    void membershipEnd_data();
    void membershipEnd();
};

void TestMemberStandingReader::everyFieldOfAnActiveMember()
{
    AccountTestData data(kAt);
    QVERIFY(data.isOpen());
    const qint64 referrer = data.addMember(QStringLiteral("Referrer"));
    const qint64 member =
        data.addMember(QStringLiteral("Member"), QDate(1980, 3, 20), on(2024, 5, 1), std::optional<qint64>(referrer));
    data.exec(QStringLiteral("INSERT INTO member_segments (member_id, segment) VALUES (%1, 'vip'), (%1, 'students')")
                  .arg(member));

    const QString points = QStringLiteral("points");
    const QString earn = QStringLiteral("earn");
    const QString redeem = QStringLiteral("redeem");
    data.addEntry(member, points, earn, 100, on(2024, 6, 1), QStringLiteral("earn.base"), QDate(2026, 4, 30));
    data.addEntry(member, points, earn, 40, on(2025, 5, 1), QStringLiteral("earn.base"), QDate(2027, 5, 1));
    data.addEntry(member, points, redeem, -30, on(2025, 6, 1), QStringLiteral("redeem.points"));
    data.addEntry(member, QStringLiteral("wallet"), earn, 250, on(2025, 7, 1), QStringLiteral("cashback"));
    data.addEntry(member, QStringLiteral("wallet"), redeem, -100, on(2025, 8, 1), QStringLiteral("wallet.spend"));
    data.addEntry(member, QStringLiteral("credit:sub.coffee"), earn, 300, on(2026, 1, 5), QStringLiteral("sub.coffee"));
    data.addEntry(member, QStringLiteral("stamps:coffee"), earn, 7, on(2026, 2, 5), QStringLiteral("stamps.coffee"));
    data.addEntry(member, QStringLiteral("stamps:coffee"), redeem, -5, on(2026, 2, 6), QStringLiteral("stamps.coffee"));
    data.addEntry(member, QStringLiteral("stamps:bread"), earn, 3, on(2026, 2, 7), QStringLiteral("stamps.bread"));
    data.addEntry(member, QStringLiteral("membership"), earn, 365, on(2025, 4, 1), QStringLiteral("membership"));
    data.addEntry(member, QStringLiteral("membership"), earn, 30, on(2026, 3, 10), QStringLiteral("membership"));
    // Challenges: one this month, one last month; a birthday this year; another member's entries.
    data.addEntry(member, points, earn, 50, on(2026, 3, 10), QStringLiteral("challenge.third_visit"));
    data.addEntry(member, points, earn, 50, on(2026, 2, 20), QStringLiteral("challenge.fifth_visit"));
    data.addEntry(member, points, earn, 20, on(2026, 3, 15), QStringLiteral("birthday"));
    data.addEntry(referrer, points, earn, 50, on(2026, 3, 11), QStringLiteral("challenge.fifth_visit"));

    data.addSale(member, on(2026, 2, 3), {{QStringLiteral("Bread"), 1, 300}});
    data.addSale(member, on(2026, 2, 28, 23), {{QStringLiteral("Bread"), 1, 300}});
    data.addSale(member, QDateTime(QDate(2026, 3, 1), QTime(0, 30)), {{QStringLiteral("Wine"), 1, 9000}});
    data.addSale(member, on(2026, 3, 10), {{QStringLiteral("Cheese"), 1, 1200}});
    data.addSale(member, on(2026, 3, 18, 14), {{QStringLiteral("Milk"), 1, 100}});
    data.addSale(member, on(2026, 3, 18, 16), {{QStringLiteral("Later"), 1, 100}});  // after the moment
    data.addSale(referrer, on(2026, 3, 12), {{QStringLiteral("Referrer's"), 1, 100}});

    MemberStandingReader reader(data.db());
    const auto read = reader.read(member, kAt, programme());
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
    const MemberStanding& standing = *read;
    QCOMPARE(standing.memberId, member);
    QCOMPARE(standing.memberUuid,
             data.scalar(QStringLiteral("SELECT uuid FROM members WHERE id = %1").arg(member)).toString());
    QVERIFY(!standing.memberUuid.isEmpty());
    QCOMPARE(standing.birthDate, QDate(1980, 3, 20));
    QCOMPARE(standing.enrolledOn, QDate(2024, 5, 1));
    QCOMPARE(standing.points, 100 + 40 - 30 + 50 + 50 + 20);
    QCOMPARE(standing.walletMinor, 150);
    QCOMPARE(standing.credits, (QHash<QString, qint64>{{QStringLiteral("sub.coffee"), 300}}));
    QCOMPARE(standing.stamps, (QHash<QString, int>{{QStringLiteral("coffee"), 2}, {QStringLiteral("bread"), 3}}));
    QCOMPARE(standing.membershipValidUntil, std::optional<QDate>(QDate(2026, 4, 30)));
    QCOMPARE(standing.completedSales, 5);
    QCOMPARE(standing.referrerId, std::optional<qint64>(referrer));
    QCOMPARE(standing.visitsThisMonth, 3);
    QCOMPARE(standing.challengesThisMonth, QSet<QString>{QStringLiteral("challenge.third_visit")});
    QVERIFY(standing.birthdayAwardedThisYear);
    QCOMPARE(standing.segments, (QStringList{QStringLiteral("students"), QStringLiteral("vip")}));
    QCOMPARE(standing.qualifyingValue, 300 + 300 + 9000 + 1200 + 100);
    QCOMPARE(standing.tierId, QStringLiteral("silver"));
    // The redemption took 30 of the 100 due on 30 April, within the 60 days' warning.
    QCOMPARE(standing.expiringPoints, 70);
    QCOMPARE(standing.expiringOn, QDate(2026, 4, 30));

    // A year later: no birthday yet, the membership is over, the lot of May 2025 is due soon.
    const auto nextYear = reader.read(member, kAt.addYears(1), programme());
    QVERIFY(nextYear.ok());
    QVERIFY(!nextYear->birthdayAwardedThisYear);
    QVERIFY(nextYear->challengesThisMonth.isEmpty());
    QCOMPARE(nextYear->visitsThisMonth, 0);
    QCOMPARE(nextYear->completedSales, 6);
    QCOMPARE(nextYear->expiringPoints, 40);
    QCOMPARE(nextYear->expiringOn, QDate(2027, 5, 1));
    QCOMPARE(nextYear->tierId, QStringLiteral("bronze"));
}

void TestMemberStandingReader::aNewMemberHasAnEmptyStanding()
{
    AccountTestData data(kAt);
    QVERIFY(data.isOpen());
    const qint64 member = data.addMember(QStringLiteral("New"));
    MemberStandingReader reader(data.db());
    const auto read = reader.read(member, kAt, programme());
    QVERIFY(read.ok());
    QCOMPARE(read->points, 0);
    QCOMPARE(read->walletMinor, 0);
    QVERIFY(read->credits.isEmpty());
    QVERIFY(read->stamps.isEmpty());
    QVERIFY(!read->birthDate.isValid());
    QCOMPARE(read->enrolledOn, kAt.date());
    QVERIFY(!read->membershipValidUntil);
    QVERIFY(!read->referrerId);
    QCOMPARE(read->completedSales, 0);
    QCOMPARE(read->tierId, QStringLiteral("bronze"));
    QCOMPARE(read->expiringPoints, 0);
    QVERIFY(!read->expiringOn.isValid());
    QVERIFY(read->segments.isEmpty());

    // The same reader, its statements reused, for another member.
    const qint64 second = data.addMember(QStringLiteral("Second"));
    data.addEntry(second, QStringLiteral("points"), QStringLiteral("earn"), 12, kAt.addDays(-1));
    const auto again = reader.read(second, kAt, programme());
    QVERIFY(again.ok());
    QCOMPARE(again->points, 12);
}

void TestMemberStandingReader::anUnknownMemberIsNotFound()
{
    AccountTestData data(kAt);
    QVERIFY(data.isOpen());
    MemberStandingReader reader(data.db());
    const auto read = reader.read(4711, kAt, programme());
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, Error::Code::NotFound);
}

void TestMemberStandingReader::visitsAtOtherTillsCount()
{
    AccountTestData data(kAt);
    QVERIFY(data.isOpen());
    const qint64 member = data.addMember(QStringLiteral("Member"));
    const qint64 other = data.addMember(QStringLiteral("Other"));
    data.addSale(member, on(2026, 3, 2), {{QStringLiteral("Bread"), 1, 300}});
    data.addSale(member, on(2026, 2, 2), {{QStringLiteral("Bread"), 1, 300}});
    data.addRemoteSale(member, on(2026, 3, 5), 1000);
    data.addRemoteSale(member, on(2026, 3, 17), 2000, 500);
    data.addRemoteSale(member, on(2026, 1, 17), 4000);
    data.addRemoteSale(member, on(2026, 3, 19), 8000);  // after the moment
    data.addRemoteSale(other, on(2026, 3, 10), 100);

    MemberStandingReader reader(data.db());
    const auto read = reader.read(member, kAt, programme());
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
    QCOMPARE(read->completedSales, 2 + 3);
    QCOMPARE(read->visitsThisMonth, 1 + 2);
    QCOMPARE(read->qualifyingValue, 300 + 300 + 1000 + 2000 - 500 + 4000);
}

void TestMemberStandingReader::unconfirmedRedemptionsOfToday()
{
    AccountTestData data(kAt);
    QVERIFY(data.isOpen());
    const qint64 member = data.addMember(QStringLiteral("Member"));
    const qint64 other = data.addMember(QStringLiteral("Other"));
    const QString points = QStringLiteral("points");
    const auto redeemingSale = [&](qint64 who, const QDateTime& at, qint64 redeemed, const QString& state) {
        const qint64 sale = data.addSale(who, at, {{QStringLiteral("Cheese"), 1, 2000}});
        data.addEffect(sale, QStringLiteral("redeem.points"), QStringLiteral("points_redeemed"), points, redeemed);
        data.addSaleEvent(sale, state);
    };
    redeemingSale(member, on(2026, 3, 18, 9), 500, QStringLiteral("pending"));
    redeemingSale(member, on(2026, 3, 18, 11), 300, QStringLiteral("pending"));
    redeemingSale(member, on(2026, 3, 18, 12), 700, QStringLiteral("acknowledged"));  // confirmed
    redeemingSale(member, on(2026, 3, 18, 13), 900, QStringLiteral("rejected"));      // never will be
    redeemingSale(member, on(2026, 3, 17, 20), 400, QStringLiteral("pending"));       // yesterday
    redeemingSale(other, on(2026, 3, 18, 9), 600, QStringLiteral("pending"));
    // A redemption at another till, pulled from head office: confirmed by definition.
    data.exec(QStringLiteral("INSERT INTO ledger_entries (member_id, kind, points, reason, created_at, account,"
                             " origin_key) VALUES (%1, 'redeem', -800, 'redeem.points', '%2', 'points', 'e/1')")
                  .arg(member)
                  .arg(StoredTime::instant(on(2026, 3, 18, 10))));

    MemberStandingReader reader(data.db());
    // A till on its own confirms with nobody: nothing is unconfirmed.
    const auto alone = reader.read(member, kAt, programme());
    QVERIFY2(alone.ok(), qPrintable(alone.ok() ? QString() : alone.error().message));
    QVERIFY(!alone->redemptionsNeedConfirmation);
    QCOMPARE(alone->unconfirmedRedeemedToday, 0);

    data.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('sync.hq_url', 'https://hq.example')"));
    const auto read = reader.read(member, kAt, programme());
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
    QVERIFY(read->redemptionsNeedConfirmation);
    QCOMPARE(read->unconfirmedRedeemedToday, 500 + 300);
    const auto tomorrow = reader.read(member, kAt.addDays(1), programme());
    QVERIFY(tomorrow.ok());
    QCOMPARE(tomorrow->unconfirmedRedeemedToday, 0);
}

void TestMemberStandingReader::membershipEnd_data()
{
    QTest::addColumn<QList<qint64>>("days");
    QTest::addColumn<QList<QDate>>("bookedOn");
    QTest::addColumn<QDate>("end");

    const QDate april(2025, 4, 1);
    QTest::newRow("none") << QList<qint64>{} << QList<QDate>{} << QDate();
    QTest::newRow("a year") << QList<qint64>{365} << QList<QDate>{april} << QDate(2026, 3, 31);
    QTest::newRow("extended while valid")
        << QList<qint64>{365, 30} << QList<QDate>{april, QDate(2026, 3, 10)} << QDate(2026, 4, 30);
    QTest::newRow("renewed after it lapsed")
        << QList<qint64>{30, 30} << QList<QDate>{QDate(2025, 1, 1), QDate(2025, 3, 1)} << QDate(2025, 3, 30);
    QTest::newRow("fee returned") << QList<qint64>{365, -365} << QList<QDate>{april, april.addDays(3)}
                                  << april.addDays(-1);
}

void TestMemberStandingReader::membershipEnd()
{
    QFETCH(QList<qint64>, days);
    QFETCH(QList<QDate>, bookedOn);
    QFETCH(QDate, end);
    QList<std::pair<qint64, QDate>> entries;
    for (qsizetype i = 0; i < days.size(); ++i)
        entries.append({days.at(i), bookedOn.at(i)});
    QCOMPARE(MemberStandingReader::membershipEnd(entries), end);
}

QTEST_GUILESS_MAIN(TestMemberStandingReader)
#include "TestMemberStandingReader.moc"
