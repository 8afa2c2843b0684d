// Returns of sold items: the refund and the exact reversal of the sale's effects, in one go or in
// steps, the checks that refuse a return and change nothing, and the negative balance policy.
#include "AccountTestData.h"
#include "account/ReturnService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace loyalty;
using namespace loyalty::test;

namespace {
const QDateTime kAt(QDate(2026, 5, 20), QTime(11, 0));
const QString kPoints = QStringLiteral("points");
const QString kStamps = QStringLiteral("stamps:coffee");
const QString kWallet = QStringLiteral("wallet");

Programme programme(bool allowNegative = false, qint64 maxNegative = 0)
{
    Programme p;
    p.id = QStringLiteral("test");
    p.expiry.mode = ExpiryPolicy::Mode::AfterMonths;
    p.expiry.months = 24;
    p.balance.allowNegative = allowNegative;
    p.balance.maxNegativePoints = maxNegative;
    return p;
}

// Everything a return may touch, to show that a refused one touched nothing.
QStringList snapshot(const AccountTestData& data)
{
    QStringList rows;
    for (const char* table : {"sale_returns", "return_lines", "ledger_entries", "outbox_events", "till_counters"}) {
        const QString name = QString::fromLatin1(table);
        rows << name + u'=' + data.scalar(QStringLiteral("SELECT count(*) FROM ") + name).toString();
    }
    rows << data.scalar(QStringLiteral("SELECT sum(points) FROM ledger_entries")).toString();
    return rows;
}
}  // namespace

class TestReturnService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void fullReturnRestoresEveryAccount();
    void returnsInStepsAddUpToTheFullReversal();
    void refusedReturnsChangeNothing_data();
    void refusedReturnsChangeNothing();
    void overReturnAfterAnEarlierReturnIsRefused();
    void negativeBalancePolicy();
    void saleWithoutMemberRefundsOnly();

private:
    Result<CompletedReturn> returnLines(qint64 saleId, const QList<ReturnLineRequest>& lines,
                                        const Programme& p = programme())
    {
        return m_service->returnLines(saleId, lines, p);
    }

    std::unique_ptr<AccountTestData> m_data;
    std::unique_ptr<ReturnService> m_service;
    qint64 m_member = 0;
    qint64 m_sale = 0;  // 3 × Rye bread (8,97 paid), 2 × Milk (2,37 paid)
};

void TestReturnService::init()
{
    m_data = std::make_unique<AccountTestData>(kAt);
    QVERIFY(m_data->isOpen());
    m_service = std::make_unique<ReturnService>(m_data->db(), m_data->clock(), m_data->tillId());
    m_member = m_data->addMember(QStringLiteral("Returner"));
    m_data->addEntry(m_member, kPoints, QStringLiteral("opening"), 500, kAt.addMonths(-2));
    m_sale = m_data->addSale(m_member, kAt.addDays(-1),
                             {{QStringLiteral("Rye bread"), 3, 897}, {QStringLiteral("Milk"), 2, 237}});
    m_data->addEffect(m_sale, QStringLiteral("earn.base"), QStringLiteral("points_earned"), kPoints, 11,
                      {{1, 10}, {2, 1}}, kAt.date().addMonths(24));
    m_data->addEffect(m_sale, QStringLiteral("redeem.points"), QStringLiteral("points_redeemed"), kPoints, 100,
                      {{1, 70}, {2, 30}});
    m_data->addEffect(m_sale, QStringLiteral("stamps.coffee"), QStringLiteral("stamps_earned"), kStamps, 1);
    m_data->addEffect(m_sale, QStringLiteral("cashback"), QStringLiteral("wallet_earned"), kWallet, 33,
                      {{1, 27}, {2, 6}});
    m_data->addEffect(m_sale, QStringLiteral("promo.bread"), QStringLiteral("discount"), QString(), 50, {{1, 50}});
    QCOMPARE(m_data->balance(m_member), 411);
}

void TestReturnService::cleanup()
{
    m_service.reset();
    m_data.reset();
}

void TestReturnService::fullReturnRestoresEveryAccount()
{
    const auto done = returnLines(m_sale, {{1, 3}, {2, 2}});
    QVERIFY2(done.ok(), qPrintable(errorText(done)));
    QCOMPARE(done->refund, Money(897 + 237, QStringLiteral("EUR")));
    QCOMPARE(done->pointsBalance, 500);
    QCOMPARE(done->saleId, m_sale);
    QCOMPARE(done->memberId, std::optional<qint64>(m_member));
    QCOMPARE(m_data->balance(m_member), 500);
    QCOMPARE(m_data->balance(m_member, kStamps), 0);
    QCOMPARE(m_data->balance(m_member, kWallet), 0);

    QStringList reversed;
    for (const ReversedEffect& effect : done->reversed)
        reversed << effect.ruleId + u'=' + QString::number(effect.amount);
    QCOMPARE(reversed, (QStringList{QStringLiteral("earn.base=-11"), QStringLiteral("redeem.points=100"),
                                    QStringLiteral("stamps.coffee=-1"), QStringLiteral("cashback=-33")}));
    QCOMPARE(done->reversed.at(0).explanation,
             QString(QChar(0x2212)) + QStringLiteral("11 point(s) (return of 3 × Rye bread, 2 × Milk)"));
    QCOMPARE(done->reversed.at(2).explanation,
             QString(QChar(0x2212)) + QStringLiteral("1 stamp(s) (return of the whole sale)"));

    QCOMPARE(m_data
                 ->scalar(QStringLiteral("SELECT count(*) FROM sale_returns WHERE sale_id = %1 AND refund_minor = 1134"
                                         " AND uuid = '%2'")
                              .arg(m_sale)
                              .arg(done->uuid))
                 .toInt(),
             1);
    QCOMPARE(m_data
                 ->scalar(QStringLiteral("SELECT group_concat(line_no || ':' || quantity || ':' || refund_minor)"
                                         " FROM (SELECT * FROM return_lines ORDER BY line_no)"))
                 .toString(),
             QStringLiteral("1:3:897,2:2:237"));
    QCOMPARE(m_data
                 ->scalar(QStringLiteral("SELECT count(*) FROM ledger_entries WHERE kind = 'reverse' AND"
                                         " return_id = %1 AND sale_id = %2")
                              .arg(done->returnId)
                              .arg(m_sale))
                 .toInt(),
             4);
    // Redeemed points given back are a new lot that expires under the programme's policy.
    QCOMPARE(m_data
                 ->scalar(QStringLiteral("SELECT expires_on FROM ledger_entries WHERE kind = 'reverse'"
                                         " AND reason = 'redeem.points'"))
                 .toString(),
             kAt.date().addMonths(24).toString(Qt::ISODate));
    QVERIFY(m_data
                ->scalar(QStringLiteral("SELECT expires_on FROM ledger_entries WHERE kind = 'reverse'"
                                        " AND reason = 'earn.base'"))
                .isNull());

    const QJsonObject payload =
        QJsonDocument::fromJson(m_data
                                    ->scalar(QStringLiteral("SELECT payload FROM outbox_events WHERE type ="
                                                            " 'sale.returned' AND sale_id = %1")
                                                 .arg(m_sale))
                                    .toString()
                                    .toUtf8())
            .object();
    QCOMPARE(payload.value(QStringLiteral("return_uuid")).toString(), done->uuid);
    QCOMPARE(payload.value(QStringLiteral("refund_minor")).toInteger(), 1134);
    QCOMPARE(payload.value(QStringLiteral("lines")).toArray().size(), 2);
    QCOMPARE(payload.value(QStringLiteral("effects")).toArray().size(), 4);

    // Nothing is left to return.
    const auto again = returnLines(m_sale, {{2, 1}});
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, Error::Code::Refused);
}

void TestReturnService::returnsInStepsAddUpToTheFullReversal()
{
    const QList<QList<ReturnLineRequest>> steps{{{1, 1}}, {{1, 1}, {2, 1}}, {{2, 1}, {1, 1}}};
    qint64 refunded = 0;
    QMap<QString, qint64> reversedByRule;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const auto done = returnLines(m_sale, steps.at(i));
        QVERIFY2(done.ok(), qPrintable(errorText(done)));
        refunded += done->refund.minorUnits();
        for (const ReversedEffect& effect : done->reversed)
            reversedByRule[effect.ruleId] += effect.amount;
        QCOMPARE(done->pointsBalance, m_data->balance(m_member));
        // The visit stamp belongs to the whole sale: it goes with the last item.
        QCOMPARE(m_data->balance(m_member, kStamps), i + 1 < steps.size() ? 1 : 0);
        if (i == 0) {
            QCOMPARE(done->refund.minorUnits(), 299);
            QCOMPARE(reversedByRule.value(QStringLiteral("earn.base")), -3);  // round_down(10 × 1/3)
            QCOMPARE(reversedByRule.value(QStringLiteral("redeem.points")), 23);
        }
    }
    QCOMPARE(refunded, 897 + 237);
    QCOMPARE(reversedByRule.value(QStringLiteral("earn.base")), -11);
    QCOMPARE(reversedByRule.value(QStringLiteral("redeem.points")), 100);
    QCOMPARE(reversedByRule.value(QStringLiteral("cashback")), -33);
    QCOMPARE(reversedByRule.value(QStringLiteral("stamps.coffee")), -1);
    QCOMPARE(m_data->balance(m_member), 500);
    QCOMPARE(m_data->balance(m_member, kWallet), 0);
    QCOMPARE(m_data->scalar(QStringLiteral("SELECT count(*) FROM sale_returns")).toInt(), 3);
    QCOMPARE(m_data->scalar(QStringLiteral("SELECT sum(refund_minor) FROM return_lines")).toLongLong(), 1134);
    QCOMPARE(m_data->scalar(QStringLiteral("SELECT count(*) FROM outbox_events WHERE type = 'sale.returned'")).toInt(),
             3);
}

void TestReturnService::refusedReturnsChangeNothing_data()
{
    QTest::addColumn<qint64>("saleOffset");  // added to the test sale's id
    QTest::addColumn<QList<int>>("lineNos");
    QTest::addColumn<QList<qint64>>("quantities");
    QTest::addColumn<int>("code");

    QTest::newRow("more than bought") << qint64(0) << QList<int>{1} << QList<qint64>{4} << int(Error::Code::Refused);
    QTest::newRow("the same line twice, too many together")
        << qint64(0) << QList<int>{2, 2} << QList<qint64>{1, 2} << int(Error::Code::Refused);
    QTest::newRow("one good line, one over-returned")
        << qint64(0) << QList<int>{1, 2} << QList<qint64>{1, 3} << int(Error::Code::Refused);
    QTest::newRow("unknown line") << qint64(0) << QList<int>{9} << QList<qint64>{1} << int(Error::Code::NotFound);
    QTest::newRow("unknown sale") << qint64(1000) << QList<int>{1} << QList<qint64>{1} << int(Error::Code::NotFound);
    QTest::newRow("zero items") << qint64(0) << QList<int>{1} << QList<qint64>{0} << int(Error::Code::InvalidInput);
    QTest::newRow("negative items") << qint64(0) << QList<int>{1} << QList<qint64>{-1}
                                    << int(Error::Code::InvalidInput);
    QTest::newRow("nothing") << qint64(0) << QList<int>{} << QList<qint64>{} << int(Error::Code::InvalidInput);
}

void TestReturnService::refusedReturnsChangeNothing()
{
    QFETCH(qint64, saleOffset);
    QFETCH(QList<int>, lineNos);
    QFETCH(QList<qint64>, quantities);
    QFETCH(int, code);

    QList<ReturnLineRequest> lines;
    for (qsizetype i = 0; i < lineNos.size(); ++i)
        lines.append({lineNos.at(i), quantities.at(i)});
    const QStringList before = snapshot(*m_data);
    const auto done = returnLines(m_sale + saleOffset, lines);
    QVERIFY(!done.ok());
    QCOMPARE(int(done.error().code), code);
    QVERIFY(!done.error().message.isEmpty());
    QCOMPARE(snapshot(*m_data), before);
}

void TestReturnService::overReturnAfterAnEarlierReturnIsRefused()
{
    QVERIFY(returnLines(m_sale, {{1, 2}}).ok());
    const QStringList before = snapshot(*m_data);
    const auto done = returnLines(m_sale, {{1, 2}});
    QVERIFY(!done.ok());
    QCOMPARE(done.error().code, Error::Code::Refused);
    QVERIFY2(done.error().message.contains(QStringLiteral("Rye bread")), qPrintable(done.error().message));
    QCOMPARE(snapshot(*m_data), before);
    QVERIFY(returnLines(m_sale, {{1, 1}}).ok());
}

void TestReturnService::negativeBalancePolicy()
{
    const qint64 member = m_data->addMember(QStringLiteral("Spender"));
    const qint64 sale = m_data->addSale(member, kAt.addDays(-3), {{QStringLiteral("TV"), 4, 40000}});
    m_data->addEffect(sale, QStringLiteral("earn.base"), QStringLiteral("points_earned"), kPoints, 200, {{1, 200}});
    m_data->addEntry(member, kPoints, QStringLiteral("redeem"), -150, kAt.addDays(-2), QStringLiteral("redeem.points"));
    QCOMPARE(m_data->balance(member), 50);

    // Down to exactly zero is fine without a negative balance.
    const auto one = returnLines(sale, {{1, 1}});
    QVERIFY2(one.ok(), qPrintable(errorText(one)));
    QCOMPARE(one->pointsBalance, 0);

    const QStringList before = snapshot(*m_data);
    const auto refused = returnLines(sale, {{1, 3}});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Refused);
    QCOMPARE(refused.error().reason, QStringLiteral("negative_balance"));
    QCOMPARE(snapshot(*m_data), before);

    const auto beyondTheLimit = returnLines(sale, {{1, 3}}, programme(true, 100));
    QVERIFY(!beyondTheLimit.ok());
    QCOMPARE(beyondTheLimit.error().reason, QStringLiteral("negative_balance"));
    QCOMPARE(snapshot(*m_data), before);

    const auto allowed = returnLines(sale, {{1, 3}}, programme(true, 150));
    QVERIFY2(allowed.ok(), qPrintable(errorText(allowed)));
    QCOMPARE(allowed->pointsBalance, -150);
    QCOMPARE(m_data->balance(member), -150);
    QCOMPARE(allowed->refund.minorUnits(), 30000);
}

void TestReturnService::saleWithoutMemberRefundsOnly()
{
    const qint64 sale = m_data->addSale(std::nullopt, kAt.addDays(-1), {{QStringLiteral("Coffee"), 3, 1000}});
    const qint64 entries = m_data->scalar(QStringLiteral("SELECT count(*) FROM ledger_entries")).toLongLong();
    const auto first = returnLines(sale, {{1, 1}});
    QVERIFY2(first.ok(), qPrintable(errorText(first)));
    QCOMPARE(first->refund.minorUnits(), 333);
    QVERIFY(!first->memberId);
    QVERIFY(first->reversed.isEmpty());
    const auto rest = returnLines(sale, {{1, 2}});
    QVERIFY(rest.ok());
    QCOMPARE(rest->refund.minorUnits(), 667);
    QCOMPARE(m_data->scalar(QStringLiteral("SELECT count(*) FROM ledger_entries")).toLongLong(), entries);
}

QTEST_GUILESS_MAIN(TestReturnService)
#include "TestReturnService.moc"
