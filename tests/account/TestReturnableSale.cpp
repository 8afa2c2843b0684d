// Finding a completed sale by the receipt a customer brings back (number or uuid), with what each
// line can still be returned, and a refund preview that matches what ReturnService books.
#include "AccountTestData.h"
#include "account/ReturnService.h"
#include "account/ReturnableSale.h"

using namespace loyalty;
using namespace loyalty::test;

namespace {
const QDateTime kAt(QDate(2026, 5, 20), QTime(11, 0));
}  // namespace

class TestReturnableSale final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void loadsTheSaleByItsNumber();
    void loadsTheSaleByItsUuid_data();
    void loadsTheSaleByItsUuid();
    void unknownReceiptIsRefusedWithAMessage_data();
    void unknownReceiptIsRefusedWithAMessage();
    void countsWhatEarlierReturnsTookBack();
    void refundPreviewMatchesTheBookedRefund();
    void saleWithoutMemberHasNoCard();

private:
    std::unique_ptr<AccountTestData> m_data;
    qint64 m_member = 0;
    qint64 m_sale = 0;
};

void TestReturnableSale::init()
{
    m_data = std::make_unique<AccountTestData>(kAt);
    QVERIFY(m_data->isOpen());
    m_member = m_data->addMember(QStringLiteral("Anna Müller"));
    m_sale = m_data->addSale(m_member, kAt,
                             {{QStringLiteral("Äpfel Elstar"), 3, 1000}, {QStringLiteral("Kaffee Crema"), 1, 280}});
    QSqlQuery card(m_data->db());
    card.prepare(QStringLiteral("UPDATE sales SET card_number = ? WHERE id = ?"));
    card.bindValue(0, QStringLiteral("2000000000039"));
    card.bindValue(1, m_sale);
    QVERIFY(card.exec());
}

void TestReturnableSale::cleanup()
{
    m_data.reset();
}

void TestReturnableSale::loadsTheSaleByItsNumber()
{
    const auto sale = ReturnableSale::load(m_data->db(), QStringLiteral(" %1 ").arg(m_sale));
    QVERIFY2(sale.ok(), qPrintable(sale.ok() ? QString() : sale.error().message));
    QCOMPARE(sale->id, m_sale);
    QCOMPARE(sale->uuid, m_data->scalar(QStringLiteral("SELECT uuid FROM sales WHERE id = %1").arg(m_sale)).toString());
    QCOMPARE(sale->completedAt, StoredTime::instant(kAt));
    QCOMPARE(sale->total, Money(1280, QStringLiteral("EUR")));
    QCOMPARE(sale->memberId, std::optional<qint64>(m_member));
    QCOMPARE(sale->memberName, QStringLiteral("Anna Müller"));
    QCOMPARE(sale->maskedCardNumber, QStringLiteral("•••• 0039"));
    QCOMPARE(sale->lines.size(), 2);
    const ReturnableLine& apples = sale->lines.at(0);
    QCOMPARE(apples.lineNo, 1);
    QCOMPARE(apples.name, QStringLiteral("Äpfel Elstar"));
    QCOMPARE(apples.quantity, 3);
    QCOMPARE(apples.returned, 0);
    QCOMPARE(apples.left(), 3);
    QCOMPARE(apples.paidMinor, 1000);
    QCOMPARE(sale->lines.at(1).lineNo, 2);
    QCOMPARE(sale->itemsLeft(), 4);
}

void TestReturnableSale::loadsTheSaleByItsUuid_data()
{
    QTest::addColumn<int>("form");
    QTest::newRow("as stored") << 0;
    QTest::newRow("upper case") << 1;
    QTest::newRow("with blanks") << 2;
    QTest::newRow("with braces") << 3;
}

void TestReturnableSale::loadsTheSaleByItsUuid()
{
    QFETCH(int, form);
    const QString uuid = m_data->scalar(QStringLiteral("SELECT uuid FROM sales WHERE id = %1").arg(m_sale)).toString();
    QString typed = uuid;
    if (form == 1)
        typed = uuid.toUpper();
    else if (form == 2)
        typed = QStringLiteral("  ") + uuid + QStringLiteral("\t");
    else if (form == 3)
        typed = QStringLiteral("{%1}").arg(uuid);
    const auto sale = ReturnableSale::load(m_data->db(), typed);
    QVERIFY2(sale.ok(), qPrintable(sale.ok() ? QString() : sale.error().message));
    QCOMPARE(sale->id, m_sale);
}

void TestReturnableSale::unknownReceiptIsRefusedWithAMessage_data()
{
    QTest::addColumn<QString>("receipt");
    QTest::addColumn<int>("code");
    QTest::newRow("unknown number") << QStringLiteral("999") << int(Error::Code::NotFound);
    QTest::newRow("zero") << QStringLiteral("0") << int(Error::Code::NotFound);
    QTest::newRow("negative") << QStringLiteral("-1") << int(Error::Code::NotFound);
    QTest::newRow("words") << QStringLiteral("abc") << int(Error::Code::NotFound);
    QTest::newRow("unknown uuid") << QStringLiteral("0f3c3d6e-8d53-4f43-9a55-2d1c3a4b5c6d")
                                  << int(Error::Code::NotFound);
    QTest::newRow("empty") << QStringLiteral("   ") << int(Error::Code::InvalidInput);
}

void TestReturnableSale::unknownReceiptIsRefusedWithAMessage()
{
    QFETCH(QString, receipt);
    QFETCH(int, code);
    const auto sale = ReturnableSale::load(m_data->db(), receipt);
    QVERIFY(!sale.ok());
    QCOMPARE(int(sale.error().code), code);
    QVERIFY(!sale.error().message.isEmpty());
    if (code == int(Error::Code::NotFound))
        QVERIFY2(sale.error().message.contains(receipt.trimmed()), qPrintable(sale.error().message));
}

void TestReturnableSale::countsWhatEarlierReturnsTookBack()
{
    ReturnService service(m_data->db(), m_data->clock(), m_data->tillId());
    QVERIFY(service.returnLines(m_sale, {{1, 1}}, Programme{}).ok());
    QVERIFY(service.returnLines(m_sale, {{1, 1}, {2, 1}}, Programme{}).ok());
    const auto sale = ReturnableSale::load(m_data->db(), QString::number(m_sale));
    QVERIFY(sale.ok());
    QCOMPARE(sale->lines.at(0).returned, 2);
    QCOMPARE(sale->lines.at(0).left(), 1);
    QCOMPARE(sale->lines.at(1).returned, 1);
    QCOMPARE(sale->lines.at(1).left(), 0);
    QCOMPARE(sale->itemsLeft(), 1);
}

void TestReturnableSale::refundPreviewMatchesTheBookedRefund()
{
    ReturnService service(m_data->db(), m_data->clock(), m_data->tillId());
    // 3 apples paid 10,00 €: one back is 3,33 €, the other two 6,67 €, adding up to the line.
    for (const qint64 quantity : {1, 2}) {
        const auto sale = ReturnableSale::load(m_data->db(), QString::number(m_sale));
        QVERIFY(sale.ok());
        const qint64 preview = sale->refundPreviewMinor(0, quantity);
        QCOMPARE(preview, quantity == 1 ? 333 : 667);
        const auto booked = service.returnLines(m_sale, {{1, quantity}}, Programme{});
        QVERIFY(booked.ok());
        QCOMPARE(booked->refund.minorUnits(), preview);
    }
    const auto sale = ReturnableSale::load(m_data->db(), QString::number(m_sale));
    QVERIFY(sale.ok());
    QCOMPARE(sale->refundPreviewMinor(0, 1), 0);  // nothing left on the line
    QCOMPARE(sale->refundPreviewMinor(5, 1), 0);  // no such line
}

void TestReturnableSale::saleWithoutMemberHasNoCard()
{
    const qint64 anonymous = m_data->addSale(std::nullopt, kAt, {{QStringLiteral("Brot"), 1, 349}});
    const auto sale = ReturnableSale::load(m_data->db(), QString::number(anonymous));
    QVERIFY(sale.ok());
    QVERIFY(!sale->memberId);
    QVERIFY(sale->memberName.isEmpty());
    QVERIFY(sale->maskedCardNumber.isEmpty());
    QCOMPARE(sale->lines.size(), 1);
}

QTEST_GUILESS_MAIN(TestReturnableSale)
#include "TestReturnableSale.moc"
