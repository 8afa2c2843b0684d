// ReceiptSender: a real sale's receipt goes to a local TCP listener as a network printer would get it
// (decoded: the effects, balances and the cut), to a device file and to a file; a closed port, a missing
// device and a printer that takes nothing give failed() with a message that says what to check.
#include "ReceiptFixture.h"
#include "receipt/EscPosEncoder.h"
#include "receipt/ReceiptReader.h"
#include "receipt/ReceiptSender.h"
#include "receipt/ReceiptSource.h"
#include "support/EscPosDecoder.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace loyalty;
using namespace loyalty::test;

namespace {

// Waits for the sender's one outcome (no time is asserted: the wait only bounds a hanging test).
bool waitForOutcome(QSignalSpy& sent, QSignalSpy& failed)
{
    for (int i = 0; i < 300 && sent.isEmpty() && failed.isEmpty(); ++i)
        QTest::qWait(50);
    return sent.size() + failed.size() == 1;
}

QString failure(const QSignalSpy& failed)
{
    return failed.isEmpty() ? QString() : failed.first().first().toString();
}

}  // namespace

class TestReceiptSender final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void networkPrinterGetsTheWholeReceipt();
    void closedPortFailsWithAClearMessage();
    void nothingToSendStillEnds();
    void networkPrinterThatTakesNothingTimesOut();
    void deviceFileGetsTheReceipt();
    void missingDeviceFailsWithAClearMessage();
    void printerThatTakesNothingTimesOut();
    void fileIsAppendedTo();
    void fileInAMissingFolderFails();
    void noPrinterFails();

private:
    std::unique_ptr<ReceiptFixture> m_till;
    ReceiptData m_data;
    QByteArray m_bytes;
};

void TestReceiptSender::initTestCase()
{
    m_till = std::make_unique<ReceiptFixture>();
    const QString problem = m_till->open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const auto sale = m_till->sell(DemoDataGenerator::cardNumberFor(5),
                                   {ReceiptFixture::kBread, ReceiptFixture::kEspresso, ReceiptFixture::kCoffee});
    QVERIFY2(sale.ok(), qPrintable(sale.ok() ? QString() : sale.error().message));
    const auto data = ReceiptReader(m_till->db()).read(sale->saleId);
    QVERIFY(data.ok());
    m_data = *data;
    const auto receipt = ReceiptSource(m_till->db()).receiptFor(sale->saleId, false);
    QVERIFY(receipt.ok());
    m_bytes = EscPosEncoder().encode(*receipt, 58);
}

void TestReceiptSender::cleanupTestCase()
{
    m_till.reset();
}

void TestReceiptSender::networkPrinterGetsTheWholeReceipt()
{
    QTcpServer printer;
    QVERIFY(printer.listen(QHostAddress::LocalHost));
    QByteArray received;
    bool closed = false;
    connect(&printer, &QTcpServer::newConnection, this, [&] {
        QTcpSocket* client = printer.nextPendingConnection();
        connect(client, &QTcpSocket::readyRead, this, [&received, client] { received += client->readAll(); });
        connect(client, &QTcpSocket::disconnected, this, [&received, &closed, client] {
            received += client->readAll();
            closed = true;
        });
    });

    ReceiptSender sender;
    QSignalSpy sent(&sender, &ReceiptSender::sent);
    QSignalSpy failed(&sender, &ReceiptSender::failed);
    PrinterSetup setup;
    setup.kind = PrinterSetup::Kind::Network;
    setup.host = QStringLiteral("127.0.0.1");
    setup.port = printer.serverPort();
    sender.send(m_bytes, setup);
    QVERIFY(waitForOutcome(sent, failed));
    QVERIFY2(failed.isEmpty(), qPrintable(failure(failed)));
    QTRY_VERIFY(closed);
    QCOMPARE(received, m_bytes);

    const EscPosDocument doc = EscPosDecoder::decode(received);
    QVERIFY2(doc.error.isEmpty(), qPrintable(doc.error));
    const QString text = doc.text();
    QVERIFY(m_data.effects.size() >= 2);
    // Each effect's reason (wrapped over rows, so compared without the line breaks).
    const QString flat = text.simplified();
    for (const ReceiptEffect& effect : m_data.effects) {
        QString expected = effect.explanation;
        expected.replace(QStringLiteral("−"), QStringLiteral("-"));
        QVERIFY2(flat.contains(expected.simplified()), qPrintable(expected));
    }
    QVERIFY(doc.hasRowContaining(QStringLiteral("%1 P").arg(QLocale().toString(m_data.member->pointsAfter))));
    QVERIFY(doc.hasRowContaining(QStringLiteral("Coffee card")));
    QVERIFY(doc.hasRowContaining(QStringLiteral("**** **** ") + DemoDataGenerator::cardNumberFor(5).right(4)));
    QVERIFY(doc.cut && doc.partialCut);
    QCOMPARE(doc.bytesAfterCut, 0);
}

void TestReceiptSender::closedPortFailsWithAClearMessage()
{
    quint16 port = 0;
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        port = closed.serverPort();
    }
    ReceiptSender sender;
    QSignalSpy sent(&sender, &ReceiptSender::sent);
    QSignalSpy failed(&sender, &ReceiptSender::failed);
    PrinterSetup setup;
    setup.kind = PrinterSetup::Kind::Network;
    setup.host = QStringLiteral("127.0.0.1");
    setup.port = port;
    sender.send(m_bytes, setup);
    QVERIFY(waitForOutcome(sent, failed));
    QCOMPARE(failed.size(), 1);
    const QString message = failure(failed);
    QVERIFY2(message.contains(QStringLiteral("refused")), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("127.0.0.1:%1").arg(port)));
}

void TestReceiptSender::nothingToSendStillEnds()
{
    QTcpServer printer;
    QVERIFY(printer.listen(QHostAddress::LocalHost));
    ReceiptSender sender;
    QSignalSpy sent(&sender, &ReceiptSender::sent);
    QSignalSpy failed(&sender, &ReceiptSender::failed);
    PrinterSetup setup;
    setup.kind = PrinterSetup::Kind::Network;
    setup.host = QStringLiteral("127.0.0.1");
    setup.port = printer.serverPort();
    sender.send(QByteArray(), setup);
    QVERIFY(waitForOutcome(sent, failed));
    QVERIFY2(failed.isEmpty(), qPrintable(failure(failed)));
}

void TestReceiptSender::networkPrinterThatTakesNothingTimesOut()
{
    // A printer that accepts the connection and never reads: more than the kernel buffers on both
    // ends hold stays unwritten, as with a printer out of paper.
    QTcpServer printer;
    QVERIFY(printer.listen(QHostAddress::LocalHost));
    printer.pauseAccepting();  // the kernel completes the connection; nobody ever reads from it
    // A small fixed receive buffer (inherited by the connection, no autotuning), so a few MiB are plenty.
    const int receiveBuffer = 4096;
    QCOMPARE(::setsockopt(int(printer.socketDescriptor()), SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer),
             0);
    ReceiptSender sender;
    QSignalSpy sent(&sender, &ReceiptSender::sent);
    QSignalSpy failed(&sender, &ReceiptSender::failed);
    PrinterSetup setup;
    setup.kind = PrinterSetup::Kind::Network;
    setup.host = QStringLiteral("127.0.0.1");
    setup.port = printer.serverPort();
    setup.timeoutMs = 500;
    sender.send(QByteArray(16 << 20, 'x'), setup);
    QVERIFY(waitForOutcome(sent, failed));
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failure(failed).contains(QStringLiteral("did not take the receipt within 1 s")),
             qPrintable(failure(failed)));
}

void TestReceiptSender::deviceFileGetsTheReceipt()
{
    // The device is a FIFO read by the test, as a printer's device file reads what is written to it.
    const QString path = m_till->path(QStringLiteral("lp0"));
    QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    const int reader = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK);
    QVERIFY(reader >= 0);
    ReceiptSender sender;
    QSignalSpy sent(&sender, &ReceiptSender::sent);
    QSignalSpy failed(&sender, &ReceiptSender::failed);
    PrinterSetup setup;
    setup.kind = PrinterSetup::Kind::Device;
    setup.devicePath = path;
    sender.send(m_bytes, setup);
    QByteArray received;
    char buffer[4096];
    for (int i = 0; i < 300 && (sent.isEmpty() || received.size() < m_bytes.size()) && failed.isEmpty(); ++i) {
        ssize_t n = 0;
        while ((n = ::read(reader, buffer, sizeof buffer)) > 0)
            received.append(buffer, n);
        QTest::qWait(20);
    }
    ::close(reader);
    QVERIFY2(failed.isEmpty(), qPrintable(failure(failed)));
    QCOMPARE(sent.size(), 1);
    QCOMPARE(received, m_bytes);
}

void TestReceiptSender::missingDeviceFailsWithAClearMessage()
{
    ReceiptSender sender;
    QSignalSpy sent(&sender, &ReceiptSender::sent);
    QSignalSpy failed(&sender, &ReceiptSender::failed);
    PrinterSetup setup;
    setup.kind = PrinterSetup::Kind::Device;
    setup.devicePath = m_till->path(QStringLiteral("usb/lp7"));
    sender.send(m_bytes, setup);
    QVERIFY(waitForOutcome(sent, failed));
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failure(failed).contains(QStringLiteral("is not there")), qPrintable(failure(failed)));
    QVERIFY(failure(failed).contains(setup.devicePath));

    // A FIFO nobody reads is a device without a printer behind it.
    const QString fifo = m_till->path(QStringLiteral("lp-unplugged"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    setup.devicePath = fifo;
    sender.send(m_bytes, setup);
    QTRY_COMPARE(failed.size(), 2);
    QVERIFY(failed.at(1).first().toString().contains(QStringLiteral("is not there")));
}

void TestReceiptSender::printerThatTakesNothingTimesOut()
{
    // A reader that never reads: the pipe fills up and the write waits for the printer until the timeout.
    const QString path = m_till->path(QStringLiteral("lp-stuck"));
    QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    const int reader = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK);
    QVERIFY(reader >= 0);
    ReceiptSender sender;
    QSignalSpy sent(&sender, &ReceiptSender::sent);
    QSignalSpy failed(&sender, &ReceiptSender::failed);
    PrinterSetup setup;
    setup.kind = PrinterSetup::Kind::Device;
    setup.devicePath = path;
    setup.timeoutMs = 300;
    sender.send(QByteArray(1 << 20, 'x'), setup);
    const bool one = waitForOutcome(sent, failed);
    ::close(reader);
    QVERIFY(one);
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failure(failed).contains(QStringLiteral("did not take the receipt within 1 s")),
             qPrintable(failure(failed)));
}

void TestReceiptSender::fileIsAppendedTo()
{
    const QString path = m_till->path(QStringLiteral("receipts.escpos"));
    ReceiptSender sender;
    QSignalSpy sent(&sender, &ReceiptSender::sent);
    QSignalSpy failed(&sender, &ReceiptSender::failed);
    PrinterSetup setup;
    setup.kind = PrinterSetup::Kind::File;
    setup.filePath = path;
    sender.send(m_bytes, setup);
    QVERIFY(waitForOutcome(sent, failed));
    sender.send(m_bytes, setup);
    QTRY_COMPARE(sent.size(), 2);
    QVERIFY(failed.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), m_bytes + m_bytes);
}

void TestReceiptSender::fileInAMissingFolderFails()
{
    ReceiptSender sender;
    QSignalSpy sent(&sender, &ReceiptSender::sent);
    QSignalSpy failed(&sender, &ReceiptSender::failed);
    PrinterSetup setup;
    setup.kind = PrinterSetup::Kind::File;
    setup.filePath = m_till->path(QStringLiteral("no/such/folder/receipts.bin"));
    sender.send(m_bytes, setup);
    QVERIFY(waitForOutcome(sent, failed));
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failure(failed).contains(QStringLiteral("cannot be opened")), qPrintable(failure(failed)));
}

void TestReceiptSender::noPrinterFails()
{
    ReceiptSender sender;
    QSignalSpy sent(&sender, &ReceiptSender::sent);
    QSignalSpy failed(&sender, &ReceiptSender::failed);
    sender.send(m_bytes, PrinterSetup{});
    QVERIFY(sent.isEmpty() && failed.isEmpty());  // never before the caller returns to the event loop
    QVERIFY(waitForOutcome(sent, failed));
    QVERIFY(failure(failed).contains(QStringLiteral("No receipt printer")));
}

QTEST_GUILESS_MAIN(TestReceiptSender)
#include "TestReceiptSender.moc"
