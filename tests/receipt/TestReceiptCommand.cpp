// loyalty-ctl receipt, the real binary on a demo till: the receipt as text (the default, the same after
// later sales), as JSON, as ESC/POS into a file and to a TCP printer (decoded: the loyalty part and the
// cut), and the exit codes of an unknown sale (2), a malformed command line (1) and a printer that
// cannot be reached (8).
#include "ctl/CtlProcess.h"
#include "ctl/CtlRun.h"
#include "demo/DemoDataGenerator.h"
#include "support/EscPosDecoder.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace loyalty::test;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 1;
constexpr int kExitNotFound = 2;
constexpr int kExitPrinter = 8;

}  // namespace

class TestReceiptCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void textIsTheDefaultAndStaysTheSame();
    void jsonCarriesTheText();
    void escPosIntoAFile_data();
    void escPosIntoAFile();
    void escPosToANetworkPrinter();
    void printerThatCannotBeReachedExitsWithEight();
    void unknownSaleExitsWithTwo();
    void malformedCommandLinesExitWithOne_data();
    void malformedCommandLinesExitWithOne();

private:
    CtlRun ctl(const QStringList& arguments) const
    {
        return CtlProcess::run(m_dir.path(), QStringList{QStringLiteral("--db"), m_db} + arguments);
    }
    // A sale for the demo member through loyalty-ctl sale; its number, or 0.
    qint64 sell(const QStringList& lines) const
    {
        QStringList arguments{QStringLiteral("--json"), QStringLiteral("sale"), QStringLiteral("--card"), m_card};
        for (const QString& line : lines)
            arguments << QStringLiteral("--line") << line;
        const CtlRun run = ctl(arguments);
        QJsonObject sale;
        if (run.exitCode != kExitOk || !run.json(sale)) {
            qWarning("%s", run.describe().constData());
            return 0;
        }
        return sale.value(QStringLiteral("id")).toInteger();
    }

    QTemporaryDir m_dir;
    QString m_db;
    QString m_card = loyalty::DemoDataGenerator::cardNumberFor(3);
    qint64 m_sale = 0;
    QStringList m_explanations;
};

void TestReceiptCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(QStringLiteral("till.db"));
    const CtlRun demo = ctl({QStringLiteral("demo"), QStringLiteral("--members"), QStringLiteral("20")});
    QVERIFY2(demo.exitCode == kExitOk, demo.describe().constData());
    const CtlRun sale = ctl({QStringLiteral("--json"), QStringLiteral("sale"), QStringLiteral("--card"), m_card,
                             QStringLiteral("--line"), QStringLiteral("4006381000130"), QStringLiteral("--line"),
                             QStringLiteral("4006381000000:2")});
    QJsonObject json;
    QVERIFY2(sale.exitCode == kExitOk && sale.json(json), sale.describe().constData());
    m_sale = json.value(QStringLiteral("id")).toInteger();
    QVERIFY(m_sale > 0);
    for (const QJsonValue& effect : json.value(QStringLiteral("effects")).toArray())
        m_explanations << effect.toObject().value(QStringLiteral("explanation")).toString();
    QVERIFY(m_explanations.size() >= 2);
}

void TestReceiptCommand::textIsTheDefaultAndStaysTheSame()
{
    const CtlRun first = ctl({QStringLiteral("receipt"), QString::number(m_sale)});
    QVERIFY2(first.exitCode == kExitOk, first.describe().constData());
    const QString text = QString::fromUtf8(first.out);
    QVERIFY(text.contains(QStringLiteral("Receipt %1").arg(m_sale)));
    QVERIFY(text.contains(QStringLiteral("•••• •••• ") + m_card.right(4)));
    QVERIFY(!first.out.contains(m_card.toLatin1()));
    const QString flat = text.simplified();
    for (const QString& explanation : std::as_const(m_explanations))
        QVERIFY2(flat.contains(explanation.simplified()), qPrintable(explanation));
    QVERIFY(text.contains(QStringLiteral("Balance after this sale")));
    for (const QString& line : text.split(u'\n'))
        QVERIFY2(line.size() <= 48 || line.startsWith(QStringLiteral("[QR")), qPrintable(line));

    // A later sale for the same member changes nothing on this receipt; --text says the same.
    QVERIFY(sell({QStringLiteral("4006381000130:3")}) > m_sale);
    const CtlRun again = ctl({QStringLiteral("receipt"), QString::number(m_sale), QStringLiteral("--text")});
    QVERIFY2(again.exitCode == kExitOk, again.describe().constData());
    QCOMPARE(again.out, first.out);

    const CtlRun narrow = ctl({QStringLiteral("receipt"), QString::number(m_sale), QStringLiteral("--width"),
                               QStringLiteral("58"), QStringLiteral("--copy")});
    QVERIFY2(narrow.exitCode == kExitOk, narrow.describe().constData());
    QVERIFY(narrow.out.contains("C O P Y"));
    for (const QString& line : QString::fromUtf8(narrow.out).split(u'\n'))
        QVERIFY2(line.size() <= 32, qPrintable(line));
}

void TestReceiptCommand::jsonCarriesTheText()
{
    const CtlRun run = ctl({QStringLiteral("--json"), QStringLiteral("receipt"), QString::number(m_sale)});
    QJsonObject json;
    QVERIFY2(run.exitCode == kExitOk && run.json(json), run.describe().constData());
    QCOMPARE(json.value(QStringLiteral("sale_id")).toInteger(), m_sale);
    QCOMPARE(json.value(QStringLiteral("width_mm")).toInt(), 80);
    QCOMPARE(json.value(QStringLiteral("copy")).toBool(), false);
    QVERIFY(json.value(QStringLiteral("text")).toString().contains(QStringLiteral("YOUR LOYALTY ACCOUNT")));
}

void TestReceiptCommand::escPosIntoAFile_data()
{
    QTest::addColumn<QString>("width");
    QTest::addColumn<int>("columns");
    QTest::newRow("58 mm") << QStringLiteral("58") << 32;
    QTest::newRow("80 mm") << QStringLiteral("80") << 48;
}

void TestReceiptCommand::escPosIntoAFile()
{
    QFETCH(QString, width);
    QFETCH(int, columns);
    const QString path = m_dir.filePath(QStringLiteral("receipt-%1.bin").arg(width));
    const CtlRun run = ctl({QStringLiteral("receipt"), QString::number(m_sale), QStringLiteral("--width"), width,
                            QStringLiteral("--out"), path});
    QVERIFY2(run.exitCode == kExitOk, run.describe().constData());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const EscPosDocument doc = EscPosDecoder::decode(file.readAll());
    QVERIFY2(doc.error.isEmpty(), qPrintable(doc.error));
    QVERIFY(doc.cut && doc.bytesAfterCut == 0);
    for (const EscPosRow& row : doc.rows)
        QVERIFY2(row.columns() <= columns, qPrintable(row.text));
    QVERIFY(doc.hasRowContaining(QStringLiteral("**** **** ") + m_card.right(4)));
}

void TestReceiptCommand::escPosToANetworkPrinter()
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
    // Run asynchronously: this process must answer the connection while loyalty-ctl sends.
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral(LOYALTY_CTL_PATH),
                  {QStringLiteral("--db"), m_db, QStringLiteral("receipt"), QString::number(m_sale),
                   QStringLiteral("--to"), QStringLiteral("tcp://127.0.0.1:%1").arg(printer.serverPort())});
    QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 60000);
    QVERIFY2(process.exitCode() == kExitOk, process.readAllStandardError().constData());
    QTRY_VERIFY(closed);
    const EscPosDocument doc = EscPosDecoder::decode(received);
    QVERIFY2(doc.error.isEmpty(), qPrintable(doc.error));
    const QString flat = doc.text().simplified();
    for (const QString& explanation : std::as_const(m_explanations)) {
        // Code page 858 has no minus sign: the printer gets a hyphen (a discount, e.g. the bakery's happy
        // hour in the afternoon, reads "−0.59€" on screen).
        QString expected = explanation.simplified();
        expected.replace(QStringLiteral("−"), QStringLiteral("-"));
        QVERIFY2(flat.contains(expected), qPrintable(explanation));
    }
    QVERIFY(doc.hasRowContaining(QStringLiteral("YOUR LOYALTY ACCOUNT")));
    QVERIFY(doc.cut && doc.partialCut && doc.bytesAfterCut == 0);
}

void TestReceiptCommand::printerThatCannotBeReachedExitsWithEight()
{
    quint16 port = 0;
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        port = closed.serverPort();
    }
    const CtlRun network = ctl({QStringLiteral("receipt"), QString::number(m_sale), QStringLiteral("--to"),
                                QStringLiteral("tcp://127.0.0.1:%1").arg(port)});
    QCOMPARE(network.exitCode, kExitPrinter);
    QVERIFY(network.errIsOneLine());
    QVERIFY2(network.err.contains("refused"), network.err.constData());
    QVERIFY(network.out.isEmpty());

    const CtlRun device = ctl({QStringLiteral("receipt"), QString::number(m_sale), QStringLiteral("--device"),
                               m_dir.filePath(QStringLiteral("usb/lp0"))});
    QCOMPARE(device.exitCode, kExitPrinter);
    QVERIFY2(device.err.contains("is not there"), device.err.constData());
}

void TestReceiptCommand::unknownSaleExitsWithTwo()
{
    const CtlRun run = ctl({QStringLiteral("receipt"), QStringLiteral("9999")});
    QCOMPARE(run.exitCode, kExitNotFound);
    QVERIFY(run.errIsOneLine());
    QVERIFY(run.err.contains("9999"));
}

void TestReceiptCommand::malformedCommandLinesExitWithOne_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString sale = QStringLiteral("1");
    QTest::newRow("no sale") << QStringList{QStringLiteral("receipt")};
    QTest::newRow("width 60") << QStringList{QStringLiteral("receipt"), sale, QStringLiteral("--width"),
                                             QStringLiteral("60")};
    QTest::newRow("two targets") << QStringList{QStringLiteral("receipt"), sale, QStringLiteral("--text"),
                                                QStringLiteral("--out"), QStringLiteral("r.bin")};
    QTest::newRow("not tcp") << QStringList{QStringLiteral("receipt"), sale, QStringLiteral("--to"),
                                            QStringLiteral("http://printer:9100")};
    QTest::newRow("no port") << QStringList{QStringLiteral("receipt"), sale, QStringLiteral("--to"),
                                            QStringLiteral("tcp://printer")};
    QTest::newRow("copy on sales") << QStringList{QStringLiteral("sales"), QStringLiteral("--copy")};
}

void TestReceiptCommand::malformedCommandLinesExitWithOne()
{
    QFETCH(QStringList, arguments);
    const CtlRun run = ctl(arguments);
    QCOMPARE(run.exitCode, kExitUsage);
    QVERIFY(run.errIsOneLine());
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestReceiptCommand)
#include "TestReceiptCommand.moc"
