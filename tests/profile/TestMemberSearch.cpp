// Member search: names with diacritics and several words, phone numbers in national and
// international form, e-mail prefixes, card numbers of any state, hostile input, keyset paging,
// erased and merged members left out, renamed members found under their new name.
#include "ProfileTestData.h"
#include "profile/MemberSearch.h"

#include <QSet>
#include <QUuid>

using namespace loyalty;
using namespace loyalty::test;

namespace {
const QDateTime kNow(QDate(2026, 11, 20), QTime(10, 0));

QList<qint64> idsOf(const MemberSearchPage& page)
{
    QList<qint64> ids;
    for (const MemberHit& hit : page.hits)
        ids << hit.memberId;
    return ids;
}
}  // namespace

class TestMemberSearch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void classifiesQueries_data();
    void classifiesQueries();
    void namePrefixIgnoresDiacriticsAndCase();
    void everyWordMustMatch();
    void phoneInNationalAndInternationalForm();
    void emailPrefix();
    void cardNumberOfAnyState();
    void hostileInputFindsNothingWithoutError_data();
    void hostileInputFindsNothingWithoutError();
    void pagesHaveNoDuplicatesOrGaps();
    void phonePagesAreTheSameWhicheverWayTheyAreFound();
    void erasedAndMergedMembersAreLeftOut();
    void renamedMemberIsFoundUnderTheNewName();
    void hitShowsMaskedContactCardAndBalance();

private:
    Result<MemberSearchPage> search(const QString& query, int limit = 20, qint64 cursor = 0,
                                    const MemberSearchOptions& options = {})
    {
        return m_search->search(query, limit, cursor, options);
    }

    std::unique_ptr<ProfileTestData> m_data;
    std::unique_ptr<MemberSearch> m_search;
    qint64 m_anna = 0;
    qint64 m_annabel = 0;
    qint64 m_jorg = 0;
    qint64 m_hans = 0;
};

void TestMemberSearch::init()
{
    m_data = std::make_unique<ProfileTestData>(kNow);
    QVERIFY(m_data->isOpen());
    m_anna = m_data->member(QStringLiteral("Anna Müller"), QStringLiteral("anna.mueller@example.com"),
                            QStringLiteral("+49 170 1234567"));
    m_annabel = m_data->member(QStringLiteral("Annabel Schmidt"), QStringLiteral("annabel@example.org"),
                               QStringLiteral("030 / 555-0101"));
    m_jorg = m_data->member(QStringLiteral("Jörg Ånström"), QStringLiteral("joerg@example.com"));
    m_hans = m_data->member(QStringLiteral("Hans Anson"), {}, QStringLiteral("0171 9876543"));
    m_data->card(m_anna, QStringLiteral("2000000000015"), QStringLiteral("blocked"), kNow.addYears(-2));
    m_data->card(m_anna, QStringLiteral("2000000000022"), QStringLiteral("active"), kNow.addYears(-1));
    m_data->card(m_hans, QStringLiteral("2000000000039"));
    m_data->data().addEntry(m_anna, QStringLiteral("points"), QStringLiteral("earn"), 420, kNow.addDays(-3));
    m_data->data().addEntry(m_anna, QStringLiteral("points"), QStringLiteral("redeem"), -100, kNow.addDays(-2));
    m_data->data().addEntry(m_anna, QStringLiteral("wallet"), QStringLiteral("earn"), 999, kNow.addDays(-2));
    m_search = std::make_unique<MemberSearch>(m_data->db());
}

void TestMemberSearch::cleanup()
{
    m_search.reset();
    m_data.reset();
}

void TestMemberSearch::classifiesQueries_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("kind");
    QTest::newRow("blank") << QStringLiteral("   ") << int(MemberQueryKind::Empty);
    QTest::newRow("operators only") << QStringLiteral("\" * ( )") << int(MemberQueryKind::Empty);
    QTest::newRow("card") << QStringLiteral("2000000000015") << int(MemberQueryKind::Card);
    QTest::newRow("international phone") << QStringLiteral("+49 170 123") << int(MemberQueryKind::Phone);
    QTest::newRow("national phone") << QStringLiteral("030/555-01") << int(MemberQueryKind::Phone);
    QTest::newRow("e-mail") << QStringLiteral("anna.m@") << int(MemberQueryKind::Email);
    QTest::newRow("name") << QStringLiteral("ann mül") << int(MemberQueryKind::Name);
}

void TestMemberSearch::classifiesQueries()
{
    QFETCH(QString, query);
    QFETCH(int, kind);
    QCOMPARE(int(MemberSearch::classify(query)), kind);
}

void TestMemberSearch::namePrefixIgnoresDiacriticsAndCase()
{
    auto page = search(QStringLiteral("mül"));
    QVERIFY2(page.ok(), qPrintable(errorText(page)));
    QCOMPARE(int(page->kind), int(MemberQueryKind::Name));
    QCOMPARE(idsOf(*page), QList<qint64>{m_anna});
    page = search(QStringLiteral("MUL"));
    QVERIFY(page.ok());
    QCOMPARE(idsOf(*page), QList<qint64>{m_anna});
    page = search(QStringLiteral("jorg anstr"));
    QVERIFY(page.ok());
    QCOMPARE(idsOf(*page), QList<qint64>{m_jorg});
    page = search(QStringLiteral("Jörg"));
    QVERIFY(page.ok());
    QCOMPARE(idsOf(*page), QList<qint64>{m_jorg});
    // "an" starts a word of Anna, Annabel, Ånström and Anson, in member order.
    page = search(QStringLiteral("an"));
    QVERIFY(page.ok());
    QCOMPARE(idsOf(*page), (QList<qint64>{m_anna, m_annabel, m_jorg, m_hans}));
}

void TestMemberSearch::everyWordMustMatch()
{
    auto page = search(QStringLiteral("ann mül"));
    QVERIFY2(page.ok(), qPrintable(errorText(page)));
    QCOMPARE(idsOf(*page), QList<qint64>{m_anna});
    page = search(QStringLiteral("  Müller,   Anna "));
    QVERIFY(page.ok());
    QCOMPARE(idsOf(*page), QList<qint64>{m_anna});
    page = search(QStringLiteral("müller schmidt"));
    QVERIFY(page.ok());
    QVERIFY(page->hits.isEmpty());
    page = search(QStringLiteral("annab"));
    QVERIFY(page.ok());
    QCOMPARE(idsOf(*page), QList<qint64>{m_annabel});
}

void TestMemberSearch::phoneInNationalAndInternationalForm()
{
    for (const QString& query : {QStringLiteral("+49 170 123"), QStringLiteral("0049170123"),
                                 QStringLiteral("0170 1234"), QStringLiteral("0170/123-45")}) {
        const auto page = search(query);
        QVERIFY2(page.ok(), qPrintable(errorText(page)));
        QCOMPARE(int(page->kind), int(MemberQueryKind::Phone));
        QVERIFY2(idsOf(*page) == QList<qint64>{m_anna}, qPrintable(query));
    }
    auto page = search(QStringLiteral("030 555"));
    QVERIFY(page.ok());
    QCOMPARE(idsOf(*page), QList<qint64>{m_annabel});
    page = search(QStringLiteral("017"));
    QVERIFY(page.ok());
    QCOMPARE(idsOf(*page), (QList<qint64>{m_anna, m_hans}));
    page = search(QStringLiteral("0172"));
    QVERIFY(page.ok());
    QVERIFY(page->hits.isEmpty());
}

void TestMemberSearch::emailPrefix()
{
    auto page = search(QStringLiteral("anna.mueller@ex"));
    QVERIFY2(page.ok(), qPrintable(errorText(page)));
    QCOMPARE(int(page->kind), int(MemberQueryKind::Email));
    QCOMPARE(idsOf(*page), QList<qint64>{m_anna});
    page = search(QStringLiteral("ANNABEL@EXAMPLE.ORG"));
    QVERIFY(page.ok());
    QCOMPARE(idsOf(*page), QList<qint64>{m_annabel});
    page = search(QStringLiteral("anna@"));
    QVERIFY(page.ok());
    QVERIFY(page->hits.isEmpty());
}

void TestMemberSearch::cardNumberOfAnyState()
{
    auto page = search(QStringLiteral("2000000000022"));
    QVERIFY2(page.ok(), qPrintable(errorText(page)));
    QCOMPARE(int(page->kind), int(MemberQueryKind::Card));
    QCOMPARE(idsOf(*page), QList<qint64>{m_anna});
    QCOMPARE(page->hits.first().matchedCardState, std::optional<CardState>(CardState::Active));

    page = search(QStringLiteral(" 2000 0000 0001 5 "));
    QVERIFY(page.ok());
    QCOMPARE(int(page->kind), int(MemberQueryKind::Card));
    QCOMPARE(idsOf(*page), QList<qint64>{m_anna});
    QCOMPARE(page->hits.first().matchedCardNumber, QStringLiteral("2000000000015"));
    QCOMPARE(page->hits.first().matchedCardState, std::optional<CardState>(CardState::Blocked));
    // The hit still names the member's card that works.
    QCOMPARE(page->hits.first().cardNumber, QStringLiteral("2000000000022"));

    page = search(QStringLiteral("2000000000046"));  // no such card: a phone search, which finds nothing
    QVERIFY(page.ok());
    QCOMPARE(int(page->kind), int(MemberQueryKind::Phone));
    QVERIFY(page->hits.isEmpty());
}

void TestMemberSearch::hostileInputFindsNothingWithoutError_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("quote") << QStringLiteral("\"");
    QTest::newRow("star") << QStringLiteral("*");
    QTest::newRow("and bracket") << QStringLiteral("AND (");
    QTest::newRow("near") << QStringLiteral("NEAR(anna");
    QTest::newRow("column filter") << QStringLiteral("contact:zzz");
    QTest::newRow("quoted injection") << QStringLiteral("zz\" OR \"a");
    QTest::newRow("caret") << QStringLiteral("^zz");
    QTest::newRow("sql") << QStringLiteral("'; DROP TABLE members; --");
    QTest::newRow("e-mail with quote") << QStringLiteral("\"@\"");
    QTest::newRow("not") << QStringLiteral("NOT");
    QTest::newRow("plus only") << QStringLiteral("+");
    QTest::newRow("braces") << QStringLiteral("{name contact}: x");
}

void TestMemberSearch::hostileInputFindsNothingWithoutError()
{
    QFETCH(QString, query);
    const auto page = search(query);
    QVERIFY2(page.ok(), qPrintable(errorText(page)));
    QVERIFY2(page->hits.isEmpty(), qPrintable(query));
    const auto count = m_data->data().scalar(QStringLiteral("SELECT count(*) FROM members")).toInt();
    QCOMPARE(count, 4);
}

void TestMemberSearch::pagesHaveNoDuplicatesOrGaps()
{
    QSet<qint64> expected;
    for (int i = 0; i < 23; ++i)
        expected.insert(m_data->member(QStringLiteral("Paul Pager %1").arg(i)));
    QSet<qint64> seen;
    qint64 cursor = 0;
    int pages = 0;
    bool more = true;
    while (more) {
        const auto page = search(QStringLiteral("pag"), 5, cursor);
        QVERIFY2(page.ok(), qPrintable(errorText(page)));
        QVERIFY(page->hits.size() <= 5);
        for (const MemberHit& hit : page->hits) {
            QVERIFY2(!seen.contains(hit.memberId), "a member on two pages");
            seen.insert(hit.memberId);
        }
        more = page->hasMore;
        if (more)
            QCOMPARE(page->hits.size(), 5);
        cursor = page->nextCursor;
        ++pages;
        QVERIFY(pages < 10);
    }
    QCOMPARE(pages, 5);
    QCOMPARE(seen, expected);
}

void TestMemberSearch::phonePagesAreTheSameWhicheverWayTheyAreFound()
{
    // "0179 3…" members first, then more "017…" numbers than byPhone() walks before it asks the
    // index for the full prefix, then a few "0171 22…" ones: the common prefix's pages are found
    // within the walk (its last page by the full prefix), the rare one only by the full prefix, and
    // the pages are the same either way.
    QVERIFY(m_data->db().transaction());
    QSqlQuery insert(m_data->db());
    insert.prepare(QStringLiteral("INSERT INTO members (name, phone, enrolled_at, uuid) VALUES (?, ?, ?, ?)"));
    const auto add = [&](const QString& name, const QString& phone) {
        insert.bindValue(0, name);
        insert.bindValue(1, phone);
        insert.bindValue(2, StoredTime::instant(kNow));
        insert.bindValue(3, QUuid::createUuid().toString(QUuid::WithoutBraces));
        return insert.exec() ? insert.lastInsertId().toLongLong() : qint64(-1);
    };
    QList<qint64> rare;
    QList<qint64> common;
    for (int i = 0; i < 40; ++i)
        common << add(QStringLiteral("Common %1").arg(i), QStringLiteral("0179 3%1").arg(100000 + i));
    for (int i = 0; i < 6000; ++i)
        QVERIFY(add(QStringLiteral("Filler %1").arg(i), QStringLiteral("0175 %1").arg(1000000 + i)) > 0);
    for (int i = 0; i < 7; ++i)
        rare << add(QStringLiteral("Rare %1").arg(i), QStringLiteral("+49 171 22%1").arg(10000 + i));
    QVERIFY(m_data->db().commit());

    const auto pagedIds = [&](const QString& query, int limit) {
        QList<qint64> ids;
        qint64 cursor = 0;
        for (int pages = 0; pages < 100; ++pages) {
            const auto page = search(query, limit, cursor);
            if (!page.ok())
                return QList<qint64>{-1};
            ids << idsOf(*page);
            if (!page->hasMore)
                break;
            cursor = page->nextCursor;
        }
        return ids;
    };
    QCOMPARE(pagedIds(QStringLiteral("0171 22"), 3), rare);
    QCOMPARE(pagedIds(QStringLiteral("+49 171 22"), 2), rare);
    QCOMPARE(pagedIds(QStringLiteral("0179 3"), 6), common);
    QCOMPARE(pagedIds(QStringLiteral("0179 3"), 200), common);
    QCOMPARE(pagedIds(QStringLiteral("0175 1000"), 50).size(), 1000);
}

void TestMemberSearch::erasedAndMergedMembersAreLeftOut()
{
    m_data->data().exec(
        QStringLiteral("UPDATE members SET erased_at = '2026-11-19T10:00:00.000Z' WHERE id = %1").arg(m_hans));
    m_data->data().exec(QStringLiteral("UPDATE members SET merged_into = %1 WHERE id = %2").arg(m_anna).arg(m_annabel));
    auto page = search(QStringLiteral("an"));
    QVERIFY(page.ok());
    QCOMPARE(idsOf(*page), (QList<qint64>{m_anna, m_jorg}));
    page = search(QStringLiteral("2000000000039"));  // the erased member's card
    QVERIFY(page.ok());
    QVERIFY(page->hits.isEmpty());
    page = search(QStringLiteral("0171"));
    QVERIFY(page.ok());
    QVERIFY(page->hits.isEmpty());
    page = search(QStringLiteral("annabel@"));
    QVERIFY(page.ok());
    QVERIFY(page->hits.isEmpty());

    MemberSearchOptions all;
    all.includeErased = true;
    all.includeMerged = true;
    page = search(QStringLiteral("an"), 20, 0, all);
    QVERIFY(page.ok());
    QCOMPARE(idsOf(*page), (QList<qint64>{m_anna, m_annabel, m_jorg, m_hans}));
    QVERIFY(page->hits.at(1).merged);
    QVERIFY(page->hits.at(3).erased);
}

void TestMemberSearch::renamedMemberIsFoundUnderTheNewName()
{
    m_data->data().exec(
        QStringLiteral("UPDATE members SET name = 'Hans Zimmermann', phone = '+43 660 111222' WHERE id = %1")
            .arg(m_hans));
    auto page = search(QStringLiteral("zimm"));
    QVERIFY(page.ok());
    QCOMPARE(idsOf(*page), QList<qint64>{m_hans});
    page = search(QStringLiteral("anson"));
    QVERIFY(page.ok());
    QVERIFY(page->hits.isEmpty());
    page = search(QStringLiteral("0660 111"));  // national form of the new international number
    QVERIFY(page.ok());
    QCOMPARE(idsOf(*page), QList<qint64>{m_hans});
}

void TestMemberSearch::hitShowsMaskedContactCardAndBalance()
{
    const auto page = search(QStringLiteral("anna m"));
    QVERIFY(page.ok());
    QCOMPARE(page->hits.size(), 1);
    const MemberHit& hit = page->hits.first();
    QCOMPARE(hit.name, QStringLiteral("Anna Müller"));
    QCOMPARE(hit.maskedEmail, QStringLiteral("a•••@example.com"));
    QCOMPARE(hit.maskedPhone, QStringLiteral("••• 567"));
    QCOMPARE(hit.cardNumber, QStringLiteral("2000000000022"));
    QCOMPARE(hit.points, m_data->data().balance(m_anna));
    QCOMPARE(hit.points, Points(320));
    QVERIFY(!hit.uuid.isEmpty());
    QVERIFY(!hit.erased);
}

QTEST_GUILESS_MAIN(TestMemberSearch)
#include "TestMemberSearch.moc"
