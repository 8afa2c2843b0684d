// The print service against real receivers: a network printer (a local QTcpServer) gets the ESC/POS bytes of
// the sale; a printer that is not there gives failed() with a message while the sale screen keeps selling;
// no printer set up prints nothing after a sale and says so when asked.
#include "ReceiptTestTill.h"
#include "members/CardLifecycle.h"
#include "members/Enrolment.h"
#include "receipt/ReceiptPrintService.h"
#include "receipt/ReceiptSource.h"
#include "sale/MessageStrip.h"
#include "sale/SaleWindow.h"
#include "support/EscPosDecoder.h"

#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;

namespace {

// A JetDirect printer: takes one connection and keeps everything it is sent until the sender closes.
class PrinterListener final : public QObject
{
public:
    PrinterListener()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { m_bytes += socket->readAll(); });
                connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    m_bytes += socket->readAll();
                    m_closed = true;
                    socket->deleteLater();
                });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    const QByteArray& bytes() const { return m_bytes; }
    bool closed() const { return m_closed; }

private:
    QTcpServer m_server;
    QByteArray m_bytes;
    bool m_closed = false;
};

// A loopback port nothing listens on: taken from the system, then given back.
quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

}  // namespace

class TestReceiptPrintService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void networkPrinterReceivesTheReceiptAndItsCut();
    void unreachablePrinterFailsWithAMessageAndTheSaleGoesOn();
    void fileKindAppendsEachReceipt();
    void noPrinterPrintsNothingAfterASaleAndSaysSoWhenAsked();
    void unknownSaleFailsWithTheReason();
    void missingOfficePrinterFailsWithItsName();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::ReceiptTestTill> m_till;
    std::unique_ptr<ReceiptSource> m_source;
    qint64 m_saleId = 0;
};

void TestReceiptPrintService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_till = std::make_unique<test::ReceiptTestTill>(m_dir->filePath(QStringLiteral("till.db")));
    QVERIFY2(m_till->problem().isEmpty(), qPrintable(m_till->problem()));
    const auto sale = m_till->sell(42, {0, 2});
    QVERIFY2(sale.ok(), qPrintable(sale.ok() ? QString() : sale.error().message));
    m_saleId = sale->saleId;
    m_source = std::make_unique<ReceiptSource>(m_till->database().connection());
}

void TestReceiptPrintService::cleanup()
{
    m_source.reset();
    m_till.reset();
    m_dir.reset();
}

void TestReceiptPrintService::networkPrinterReceivesTheReceiptAndItsCut()
{
    PrinterListener printer;
    QVERIFY(printer.listen());
    PrinterSetup setup;
    setup.kind = PrinterSetup::Kind::Network;
    setup.host = QStringLiteral("127.0.0.1");
    setup.port = printer.port();
    ReceiptPrintService service(*m_source, setup);
    QSignalSpy printed(&service, &ReceiptPrintService::printed);
    QSignalSpy failed(&service, &ReceiptPrintService::failed);

    service.printAfterSale(m_saleId);
    QTRY_COMPARE_WITH_TIMEOUT(printed.size() + failed.size(), 1, 10000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QCOMPARE(printed.first().first().toString(), QStringLiteral("Receipt %1 printed.").arg(m_saleId));
    QTRY_VERIFY_WITH_TIMEOUT(printer.closed(), 10000);
    const test::EscPosDocument receipt = test::EscPosDecoder::decode(printer.bytes());
    QVERIFY2(receipt.error.isEmpty(), qPrintable(receipt.error));
    QVERIFY(receipt.initialised);  // ESC @ first
    QVERIFY(receipt.hasRowContaining(QStringLiteral("Receipt %1").arg(m_saleId)));
    QVERIFY(receipt.hasRowContaining(m_till->session().lastCompleted()->memberName));
    QVERIFY(!receipt.hasRowContaining(QStringLiteral("COPY")));
    QVERIFY(!receipt.text().contains(DemoDataGenerator::cardNumberFor(42)));
    QVERIFY(receipt.cut);  // GS V, and nothing after it
    QCOMPARE(receipt.bytesAfterCut, 0);
    QCOMPARE(service.pendingJobs(), 0);
}

void TestReceiptPrintService::unreachablePrinterFailsWithAMessageAndTheSaleGoesOn()
{
    PrinterSetup setup;
    setup.kind = PrinterSetup::Kind::Network;
    setup.host = QStringLiteral("127.0.0.1");
    setup.port = closedPort();
    QVERIFY(setup.port != 0);
    setup.timeoutMs = 2000;
    ReceiptPrintService service(*m_source, setup);

    // The sale screen as the till wires it: a failure lands in its message strip.
    Enrolment enrolment(m_till->database(), m_till->clock(), m_till->session().settings());
    CardLifecycle cards(m_till->database(), m_till->clock(), m_till->session().settings());
    SaleWindow window(m_till->session(), enrolment, cards);
    connect(&service, &ReceiptPrintService::failed, &window,
            [&window](const QString& message) { window.messageStrip()->show(MessageStrip::Severity::Error, message); });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy failed(&service, &ReceiptPrintService::failed);

    service.printSale(m_saleId, false);
    // While the receipt is under way the cashier scans the next customer's goods.
    QTest::keyClicks(window.scanField(), DemoDataGenerator::productEanFor(1));
    QTest::keyClick(window.scanField(), Qt::Key_Return);
    QCOMPARE(m_till->session().basket().lineCount(), 1);

    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.startsWith(QStringLiteral("Receipt %1 not printed: ").arg(m_saleId)), qPrintable(message));
    QVERIFY(message.size() > QStringLiteral("Receipt %1 not printed: ").arg(m_saleId).size() + 5);
    QCOMPARE(window.messageStrip()->severity(), MessageStrip::Severity::Error);
    QCOMPARE(window.messageStrip()->text(), message);

    // The till still sells: the next scan and the sale go through.
    QTest::keyClicks(window.scanField(), DemoDataGenerator::productEanFor(3));
    QTest::keyClick(window.scanField(), Qt::Key_Return);
    QCOMPARE(m_till->session().basket().lineCount(), 2);
    QTest::keyClick(window.scanField(), Qt::Key_F12);
    QCOMPARE(window.messageStrip()->severity(), MessageStrip::Severity::Success);
    QCOMPARE(service.pendingJobs(), 0);
}

void TestReceiptPrintService::fileKindAppendsEachReceipt()
{
    PrinterSetup setup;
    setup.kind = PrinterSetup::Kind::File;
    setup.filePath = m_dir->filePath(QStringLiteral("printer.bin"));
    setup.paperWidthMm = 58;
    ReceiptPrintService service(*m_source, setup);
    QSignalSpy printed(&service, &ReceiptPrintService::printed);
    service.printSale(m_saleId, false);
    QTRY_COMPARE_WITH_TIMEOUT(printed.size(), 1, 10000);
    service.printSale(m_saleId, true);
    QTRY_COMPARE_WITH_TIMEOUT(printed.size(), 2, 10000);
    QCOMPARE(printed.at(1).first().toString(), QStringLiteral("Copy of receipt %1 printed.").arg(m_saleId));
    QFile file(setup.filePath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QCOMPARE(bytes.count("\x1b@"), 2);                        // two receipts, one after the other
    QVERIFY(bytes.indexOf("COPY") > bytes.indexOf("\x1dV"));  // only the second is a copy
}

void TestReceiptPrintService::noPrinterPrintsNothingAfterASaleAndSaysSoWhenAsked()
{
    ReceiptPrintService service(*m_source, PrinterSetup{});
    QSignalSpy printed(&service, &ReceiptPrintService::printed);
    QSignalSpy failed(&service, &ReceiptPrintService::failed);
    service.printAfterSale(m_saleId);
    QCOMPARE(printed.size() + failed.size(), 0);

    // A printer that only prints when asked: nothing after the sale either.
    PrinterSetup manual;
    manual.kind = PrinterSetup::Kind::File;
    manual.filePath = m_dir->filePath(QStringLiteral("manual.bin"));
    manual.autoPrint = false;
    service.setSetup(manual);
    service.printAfterSale(m_saleId);
    QCOMPARE(printed.size() + failed.size(), 0);
    QVERIFY(!QFile::exists(manual.filePath));

    service.setSetup(PrinterSetup{});
    service.printSale(m_saleId, true);
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("No receipt printer is set up")));
}

void TestReceiptPrintService::unknownSaleFailsWithTheReason()
{
    PrinterSetup setup;
    setup.kind = PrinterSetup::Kind::File;
    setup.filePath = m_dir->filePath(QStringLiteral("printer.bin"));
    ReceiptPrintService service(*m_source, setup);
    QSignalSpy failed(&service, &ReceiptPrintService::failed);
    service.printSale(m_saleId + 1000, false);
    QCOMPARE(failed.size(), 1);
    QVERIFY(
        failed.first().first().toString().startsWith(QStringLiteral("Receipt %1 not printed: ").arg(m_saleId + 1000)));
    QVERIFY(!QFile::exists(setup.filePath));
}

void TestReceiptPrintService::missingOfficePrinterFailsWithItsName()
{
    PrinterSetup setup;
    setup.kind = PrinterSetup::Kind::System;
    setup.systemPrinter = QStringLiteral("Back office laser (gone)");
    ReceiptPrintService service(*m_source, setup);
    QSignalSpy printed(&service, &ReceiptPrintService::printed);
    QSignalSpy failed(&service, &ReceiptPrintService::failed);
    service.printSale(m_saleId, true);
    QCOMPARE(printed.size(), 0);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().toString(),
             QStringLiteral("Receipt %1 not printed: the printer \"Back office laser (gone)\" is not installed on this "
                            "computer.")
                 .arg(m_saleId));
}

QTEST_MAIN(TestReceiptPrintService)
#include "TestReceiptPrintService.moc"
