// The member's history: sales with their effects and entries, returns with their reversals and
// entries of no sale of theirs, newest first, paged without duplicates or gaps.
#include "ProfileTestData.h"
#include "profile/MemberHistoryReader.h"

using namespace loyalty;
using namespace loyalty::test;

namespace {
const QDateTime kNow(QDate(2026, 11, 20), QTime(10, 0));

QString keyOf(const MemberHistoryItem& item)
{
    return QStringLiteral("%1:%2").arg(int(item.kind)).arg(item.id);
}
}  // namespace

class TestMemberHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void newestFirstWithEveryKind();
    void salesCarryTheirEffectsAndEntries();
    void returnsCarryTheirReversals();
    void pagingHasNoDuplicatesOrGaps_data();
    void pagingHasNoDuplicatesOrGaps();
    void anotherMembersSaleBookingHereIsAnEntry();
    void memberWithoutHistory();

private:
    QStringList allKeys(qint64 memberId, int limit)
    {
        MemberHistoryReader reader(m_data->db());
        QStringList keys;
        MemberHistoryCursor cursor;
        for (int pages = 0; pages < 100; ++pages) {
            const auto page = reader.page(memberId, limit, cursor);
            if (!page.ok())
                return {QStringLiteral("error: ") + page.error().message};
            if (page->items.size() > limit)
                return {QStringLiteral("page too long")};
            for (const MemberHistoryItem& item : page->items)
                keys << keyOf(item);
            if (!page->hasMore)
                return keys;
            cursor = page->next;
        }
        return {QStringLiteral("endless")};
    }

    std::unique_ptr<ProfileTestData> m_data;
    ProfileTestData::RichMember m_rich;
    qint64 m_other = 0;
    qint64 m_otherSale = 0;
    qint64 m_referralEntry = 0;
};

void TestMemberHistory::init()
{
    m_data = std::make_unique<ProfileTestData>(kNow);
    QVERIFY(m_data->isOpen());
    m_rich = m_data->richMember();
    QVERIFY(m_rich.returnId > 0);
    // Someone the rich member referred buys; the referral bonus goes to the rich member.
    m_other = m_data->member(QStringLiteral("Referred Friend"));
    m_otherSale = m_data->data().addSale(m_other, kNow.addDays(-1), {{QStringLiteral("Tea"), 1, 200}});
    QSqlQuery bonus(m_data->db());
    bonus.prepare(QStringLiteral("INSERT INTO ledger_entries (member_id, sale_id, kind, points, reason, created_at,"
                                 " account) VALUES (?, ?, 'earn', 50, 'referral', ?, 'points')"));
    bonus.addBindValue(m_rich.id);
    bonus.addBindValue(m_otherSale);
    bonus.addBindValue(StoredTime::instant(kNow.addDays(-1)));
    QVERIFY(bonus.exec());
    m_referralEntry = bonus.lastInsertId().toLongLong();
}

void TestMemberHistory::cleanup()
{
    m_data.reset();
}

void TestMemberHistory::newestFirstWithEveryKind()
{
    MemberHistoryReader reader(m_data->db());
    const auto page = reader.page(m_rich.id, 100);
    QVERIFY2(page.ok(), qPrintable(errorText(page)));
    QVERIFY(!page->hasMore);
    // Entries without a sale of the member's, sales and the return.
    const qint64 entries =
        m_data->data()
            .scalar(
                QStringLiteral("SELECT count(*) FROM ledger_entries e WHERE member_id = %1 AND return_id IS NULL"
                               " AND (sale_id IS NULL OR sale_id NOT IN (SELECT id FROM sales WHERE member_id = %1))")
                    .arg(m_rich.id))
            .toLongLong();
    QCOMPARE(entries, 6);  // opening, expired lot, expiry, adjustment, credit, referral bonus
    QCOMPARE(page->items.size(), int(entries + 2 + 1));
    for (int i = 1; i < page->items.size(); ++i)
        QVERIFY2(page->items.at(i - 1).storedAt >= page->items.at(i).storedAt, "not newest first");
    QCOMPARE(page->items.first().kind, MemberHistoryItem::Kind::Entry);
    QCOMPARE(page->items.first().id, m_referralEntry);
    QStringList kinds;
    for (const MemberHistoryItem& item : page->items)
        kinds << (item.kind == MemberHistoryItem::Kind::Sale     ? QStringLiteral("sale")
                  : item.kind == MemberHistoryItem::Kind::Return ? QStringLiteral("return")
                                                                 : item.entries.value(0).kind);
    QCOMPARE(kinds, (QStringList{QStringLiteral("earn"), QStringLiteral("earn"), QStringLiteral("adjustment"),
                                 QStringLiteral("sale"), QStringLiteral("return"), QStringLiteral("sale"),
                                 QStringLiteral("expire"), QStringLiteral("opening"), QStringLiteral("earn")}));
    const MemberHistoryItem& adjustment = page->items.at(2);
    QCOMPARE(adjustment.id, m_rich.adjustment);
    QCOMPARE(adjustment.entries.size(), 1);
    QCOMPARE(adjustment.entries.first().amount, 25);
    QCOMPARE(adjustment.pointsChange, 25);
    QCOMPARE(adjustment.at, kNow.addDays(-3));
}

void TestMemberHistory::salesCarryTheirEffectsAndEntries()
{
    MemberHistoryReader reader(m_data->db());
    const auto page = reader.page(m_rich.id, 100);
    QVERIFY2(page.ok(), qPrintable(errorText(page)));
    const MemberHistoryItem* sale = nullptr;
    for (const MemberHistoryItem& item : page->items) {
        if (item.kind == MemberHistoryItem::Kind::Sale && item.id == m_rich.firstSale)
            sale = &item;
    }
    QVERIFY(sale);
    QCOMPARE(sale->saleId, m_rich.firstSale);
    QCOMPARE(sale->totalMinor, 1140);
    QCOMPARE(sale->currency, QStringLiteral("EUR"));
    QCOMPARE(
        sale->uuid,
        m_data->data().scalar(QStringLiteral("SELECT uuid FROM sales WHERE id = %1").arg(m_rich.firstSale)).toString());
    QCOMPARE(sale->effects.size(), 5);
    QStringList effects;
    for (const HistoryEffect& effect : sale->effects) {
        effects << QStringLiteral("%1/%2/%3").arg(effect.kind, effect.account).arg(effect.amount);
        QCOMPARE(effect.explanation, QStringLiteral("test"));
    }
    QCOMPARE(effects,
             (QStringList{QStringLiteral("points_earned/points/12"), QStringLiteral("points_redeemed/points/100"),
                          QStringLiteral("stamps_earned/stamps:coffee/3"), QStringLiteral("wallet_earned/wallet/30"),
                          QStringLiteral("discount//50")}));
    // The entries the sale booked, not the return's reversals.
    QCOMPARE(sale->entries.size(), 4);
    QCOMPARE(sale->pointsChange, 12 - 100);
}

void TestMemberHistory::returnsCarryTheirReversals()
{
    MemberHistoryReader reader(m_data->db());
    const auto page = reader.page(m_rich.id, 100);
    QVERIFY2(page.ok(), qPrintable(errorText(page)));
    const MemberHistoryItem* returned = nullptr;
    for (const MemberHistoryItem& item : page->items) {
        if (item.kind == MemberHistoryItem::Kind::Return)
            returned = &item;
    }
    QVERIFY(returned);
    QCOMPARE(returned->id, m_rich.returnId);
    QCOMPARE(returned->saleId, m_rich.firstSale);
    QCOMPARE(returned->totalMinor,
             m_data->data()
                 .scalar(QStringLiteral("SELECT refund_minor FROM sale_returns WHERE id = %1").arg(m_rich.returnId))
                 .toLongLong());
    QCOMPARE(
        returned->entries.size(),
        int(m_data->data()
                .scalar(QStringLiteral("SELECT count(*) FROM ledger_entries WHERE return_id = %1").arg(m_rich.returnId))
                .toLongLong()));
    for (const HistoryEntry& entry : returned->entries) {
        QCOMPARE(entry.kind, QStringLiteral("reverse"));
        QVERIFY(!entry.explanation.isEmpty());
    }
    QCOMPARE(returned->pointsChange, -6 + 50);
}

void TestMemberHistory::pagingHasNoDuplicatesOrGaps_data()
{
    QTest::addColumn<int>("limit");
    for (int limit : {1, 2, 3, 4, 8, 9, 50})
        QTest::addRow("limit %d", limit) << limit;
}

void TestMemberHistory::pagingHasNoDuplicatesOrGaps()
{
    QFETCH(int, limit);
    // Several items at the very same instant, so the tie-break is paged too.
    for (int i = 0; i < 3; ++i) {
        m_data->data().addEntry(m_rich.id, QStringLiteral("points"), QStringLiteral("adjustment"), 1, kNow.addDays(-3));
        m_data->data().addSale(m_rich.id, kNow.addDays(-3), {{QStringLiteral("Gum"), 1, 100}});
    }
    const QStringList all = allKeys(m_rich.id, 1000);
    QCOMPARE(all.size(), 9 + 6);
    QCOMPARE(allKeys(m_rich.id, limit), all);
}

void TestMemberHistory::anotherMembersSaleBookingHereIsAnEntry()
{
    MemberHistoryReader reader(m_data->db());
    const auto other = reader.page(m_other, 100);
    QVERIFY2(other.ok(), qPrintable(errorText(other)));
    QCOMPARE(other->items.size(), 1);
    QCOMPARE(other->items.first().kind, MemberHistoryItem::Kind::Sale);
    // The friend's sale does not show the bonus booked to someone else.
    QVERIFY(other->items.first().entries.isEmpty());
    QCOMPARE(allKeys(m_rich.id, 100).first(), QStringLiteral("0:%1").arg(m_referralEntry));
}

void TestMemberHistory::memberWithoutHistory()
{
    const qint64 fresh = m_data->member(QStringLiteral("New Member"));
    MemberHistoryReader reader(m_data->db());
    const auto page = reader.page(fresh, 10);
    QVERIFY2(page.ok(), qPrintable(errorText(page)));
    QVERIFY(page->items.isEmpty());
    QVERIFY(!page->hasMore);
}

QTEST_GUILESS_MAIN(TestMemberHistory)
#include "TestMemberHistory.moc"
