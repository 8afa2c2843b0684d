// The serial scanner path over a real pseudo-terminal pair made by socat: the source opens one
// end as its serial port, the test writes what a scanner would send into the other end.
#include "cards/devices/SerialScannerSource.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;

class TestSerialScannerSource final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void framesOverAPty_data();
    void framesOverAPty();
    void missingPortIsReportedAndRetried();
    void unpluggedPortIsReported();

private:
    bool writeToScannerEnd(const QByteArray& bytes);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_socat;
    QString m_portPath;     // the till's end
    QString m_scannerPath;  // the scanner's end
};

void TestSerialScannerSource::init()
{
    const QString socat = QStandardPaths::findExecutable(QStringLiteral("socat"));
    if (socat.isEmpty())
        QSKIP("socat is not installed (./dev installs it)");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_portPath = m_dir->filePath(QStringLiteral("till"));
    m_scannerPath = m_dir->filePath(QStringLiteral("scanner"));
    m_socat = std::make_unique<QProcess>();
    m_socat->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_socat->start(socat, {QStringLiteral("pty,raw,echo=0,link=") + m_portPath,
                           QStringLiteral("pty,raw,echo=0,link=") + m_scannerPath});
    QVERIFY(m_socat->waitForStarted(5000));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(m_portPath) && QFileInfo::exists(m_scannerPath), 5000);
}

void TestSerialScannerSource::cleanup()
{
    if (m_socat) {
        m_socat->terminate();
        if (!m_socat->waitForFinished(3000))
            m_socat->kill();
        m_socat->waitForFinished(3000);
    }
    m_socat.reset();
    m_dir.reset();
}

bool TestSerialScannerSource::writeToScannerEnd(const QByteArray& bytes)
{
    QFile scanner(m_scannerPath);
    if (!scanner.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return false;
    return scanner.write(bytes) == bytes.size();
}

using Writes = QList<QByteArray>;

void TestSerialScannerSource::framesOverAPty_data()
{
    QTest::addColumn<QByteArray>("prefix");
    QTest::addColumn<QByteArray>("suffix");
    QTest::addColumn<Writes>("writes");
    QTest::addColumn<QStringList>("frames");
    QTest::addColumn<int>("rejected");

    const QByteArray none;
    QTest::newRow("CR") << none << none << Writes{"2000000123455\r"} << QStringList{QStringLiteral("2000000123455")}
                        << 0;
    QTest::newRow("CR LF") << none << none << Writes{"2000000123455\r\n"}
                           << QStringList{QStringLiteral("2000000123455")} << 0;
    QTest::newRow("LF") << none << none << Writes{"ABC-42\n"} << QStringList{QStringLiteral("ABC-42")} << 0;
    QTest::newRow("prefix and suffix stripped") << QByteArray("\x02") << QByteArray("\x03")
                                                << Writes{"\x02"
                                                          "2000000123455\x03"}
                                                << QStringList{QStringLiteral("2000000123455")} << 0;
    QTest::newRow("two frames in one write")
        << none << none << Writes{"2000000123455\r\n4006381333931\r\n"}
        << QStringList{QStringLiteral("2000000123455"), QStringLiteral("4006381333931")} << 0;
    QTest::newRow("frame split over two writes")
        << none << none << Writes{"200000", "0123455\r"} << QStringList{QStringLiteral("2000000123455")} << 0;
    QTest::newRow("suffix split over two writes") << none << QByteArray("\r\n") << Writes{"2000000123455\r", "\n"}
                                                  << QStringList{QStringLiteral("2000000123455")} << 0;
    QTest::newRow("oversize frame, then a good one")
        << none << none << Writes{QByteArray(600, '7') + "\r", "2000000123455\r"}
        << QStringList{QStringLiteral("2000000123455")} << 1;
    QTest::newRow("10 kB without suffix, then a good one")
        << none << none << Writes{QByteArray(10240, '7'), "\r2000000123455\r"}
        << QStringList{QStringLiteral("2000000123455")} << 1;
    QTest::newRow("non-ASCII bytes") << none << none
                                     << Writes{"20000\xc3\xa4"
                                               "00123455\r",
                                               "2000000123455\r"}
                                     << QStringList{QStringLiteral("2000000123455")} << 1;
    QTest::newRow("control characters") << none << none
                                        << Writes{"2000\x07"
                                                  "000123455\r"}
                                        << QStringList{} << 1;
    QTest::newRow("GS1 group separator kept") << none << none
                                              << Writes{"0104012345678901\x1d"
                                                        "10ABC\r"}
                                              << QStringList{QStringLiteral("0104012345678901\x1d"
                                                                            "10ABC")}
                                              << 0;
}

void TestSerialScannerSource::framesOverAPty()
{
    QFETCH(QByteArray, prefix);
    QFETCH(QByteArray, suffix);
    QFETCH(Writes, writes);
    QFETCH(QStringList, frames);
    QFETCH(int, rejected);

    SerialScannerSource source;
    SerialScannerSource::Config config;
    config.portName = m_portPath;
    config.baudRate = 115200;
    config.prefix = prefix;
    config.suffix = suffix;
    source.setConfig(config);
    QSignalSpy received(&source, &SerialScannerSource::frameReceived);
    QSignalSpy refused(&source, &SerialScannerSource::frameRejected);
    source.start();
    QVERIFY(source.isOpen());
    QCOMPARE(source.status(), QStringLiteral("Serial scanner on %1 ready").arg(m_portPath));

    for (const QByteArray& bytes : std::as_const(writes)) {
        QVERIFY(writeToScannerEnd(bytes));
        QTest::qWait(30);  // let a split write arrive as two reads
    }
    // A final marker frame: once it is through, everything written before it has been read.
    const QByteArray end = suffix.isEmpty() ? QByteArray("\r") : suffix;
    QVERIFY(writeToScannerEnd(prefix + "END" + end));
    QTRY_VERIFY_WITH_TIMEOUT(!received.isEmpty() && received.last().at(0).toString() == QStringLiteral("END"), 5000);

    QStringList got;
    for (const QList<QVariant>& args : std::as_const(received))
        got.append(args.at(0).toString());
    got.removeLast();
    QCOMPARE(got, frames);
    QCOMPARE(refused.count(), rejected);
    for (const QList<QVariant>& args : std::as_const(refused))
        QVERIFY(!args.at(0).toString().contains(QStringLiteral("77777")));  // never echoes the input
}

void TestSerialScannerSource::missingPortIsReportedAndRetried()
{
    SerialScannerSource source;
    SerialScannerSource::Config config;
    const QString missing = m_dir->filePath(QStringLiteral("ttyUSB9"));
    config.portName = missing;
    config.reconnectMs = 100;
    source.setConfig(config);
    QSignalSpy status(&source, &SerialScannerSource::statusChanged);
    source.start();
    QVERIFY(!source.isOpen());
    QCOMPARE(source.status(), QStringLiteral("Serial scanner %1 not found").arg(missing));

    // The scanner is plugged in later: the source finds it on its own.
    QVERIFY(QFile::link(m_portPath, missing));
    QTRY_VERIFY_WITH_TIMEOUT(source.isOpen(), 5000);
    QCOMPARE(source.status(), QStringLiteral("Serial scanner on %1 ready").arg(missing));
}

void TestSerialScannerSource::unpluggedPortIsReported()
{
    SerialScannerSource source;
    SerialScannerSource::Config config;
    config.portName = m_portPath;
    config.reconnectMs = 0;
    source.setConfig(config);
    source.start();
    QVERIFY(source.isOpen());

    m_socat->terminate();  // the other end disappears, as when a USB scanner is pulled
    QVERIFY(m_socat->waitForFinished(3000));
    QTRY_COMPARE_WITH_TIMEOUT(source.status(), QStringLiteral("Serial scanner %1 disconnected").arg(m_portPath), 5000);
    QVERIFY(!source.isOpen());
}

QTEST_GUILESS_MAIN(TestSerialScannerSource)
#include "TestSerialScannerSource.moc"
