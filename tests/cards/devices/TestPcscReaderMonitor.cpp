// The PC/SC monitor on a machine without the PC/SC service or a reader (as in CI): it must say
// so clearly, keep the GUI thread free, not spin, and stop promptly.
#include "cards/devices/PcscReaderMonitor.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace loyalty;

class TestPcscReaderMonitor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsMissingServiceOrReader();
    void stopsPromptlyAndCanRestart();
    void destroyingARunningMonitorDoesNotHang();
};

namespace {

const QStringList& absentStatuses()
{
    static const QStringList statuses{QStringLiteral("PC/SC service not running — NFC off"),
                                      QStringLiteral("No NFC reader connected")};
    return statuses;
}

}  // namespace

void TestPcscReaderMonitor::reportsMissingServiceOrReader()
{
    PcscReaderMonitor monitor;
    monitor.setRetryIntervalMs(100);
    QSignalSpy status(&monitor, &PcscReaderMonitor::statusChanged);
    QSignalSpy tags(&monitor, &PcscReaderMonitor::tagRead);

    QElapsedTimer started;
    started.start();
    monitor.start();
    QVERIFY2(started.elapsed() < 500, "start() must not wait for PC/SC");
    QVERIFY(monitor.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!status.isEmpty(), 5000);
    QVERIFY2(absentStatuses().contains(monitor.status()), qPrintable(monitor.status()));

    // Retrying every 100 ms for a second reports the same status once, not once per attempt.
    QTest::qWait(1000);
    QCOMPARE(status.count(), 1);
    QCOMPARE(tags.count(), 0);
}

void TestPcscReaderMonitor::stopsPromptlyAndCanRestart()
{
    PcscReaderMonitor monitor;
    monitor.setRetryIntervalMs(10000);  // the worker is asleep in its retry wait
    QSignalSpy status(&monitor, &PcscReaderMonitor::statusChanged);
    monitor.start();
    QTRY_VERIFY_WITH_TIMEOUT(!status.isEmpty(), 5000);

    QElapsedTimer stopping;
    stopping.start();
    monitor.stop();
    QVERIFY2(stopping.elapsed() < 3000, "stop() must cancel the waits");
    QVERIFY(!monitor.isRunning());

    monitor.start();
    QVERIFY(monitor.isRunning());
    monitor.stop();
    QVERIFY(!monitor.isRunning());
}

void TestPcscReaderMonitor::destroyingARunningMonitorDoesNotHang()
{
    QElapsedTimer timer;
    timer.start();
    {
        PcscReaderMonitor monitor;
        monitor.start();
    }
    QVERIFY(timer.elapsed() < 3000);
}

QTEST_GUILESS_MAIN(TestPcscReaderMonitor)
#include "TestPcscReaderMonitor.moc"
