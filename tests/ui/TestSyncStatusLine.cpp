// The till's status line and the sync worker: every head-office state in words and symbols (never
// colour alone), a sale while head office is away shows "offline" with the record queued, and
// (with the real loyalty-hq) head office coming back brings "online" with nothing queued.
#include "demo/DemoDataGenerator.h"
#include "members/CardLifecycle.h"
#include "members/Enrolment.h"
#include "sale/KeyLegend.h"
#include "sale/SaleSession.h"
#include "sale/SaleWindow.h"
#include "settings/SettingsRepository.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "sync/SyncSettingKeys.h"
#include "sync/client/Provisioner.h"
#include "sync/client/SyncWorkerThread.h"
#include "time/SystemClock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;
using sync::SyncStatus;

namespace {
constexpr int kMembers = 300;

quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}
}  // namespace

class TestSyncStatusLine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void legendNamesEveryState();
    void saleWhileHeadOfficeIsAwayShowsOfflineAndQueued();
    void headOfficeComingBackShowsOnlineAndNothingQueued();

private:
    bool openTill();
    void startWorker();
    void sell();
    QString statusText() const { return m_window->keyLegend()->statusText(); }
    bool setSetting(const QString& key, const QString& value);

    std::unique_ptr<QTemporaryDir> m_dir;
    SystemClock m_clock;
    QString m_path;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<SaleSession> m_session;
    std::unique_ptr<Enrolment> m_enrolment;
    std::unique_ptr<CardLifecycle> m_cards;
    std::unique_ptr<SaleWindow> m_window;
    std::unique_ptr<sync::SyncWorkerThread> m_sync;
};

void TestSyncStatusLine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("till.db"));
    auto opened = Database::open(m_path, m_clock);
    QVERIFY(opened.ok());
    m_database = std::move(opened).value();
    QVERIFY(DemoDataGenerator(*m_database, m_clock).generate(kMembers).ok());
}

void TestSyncStatusLine::cleanup()
{
    m_sync.reset();  // joined before the window and database go, as loyalty-till does
    m_window.reset();
    m_cards.reset();
    m_enrolment.reset();
    m_session.reset();
    m_database.reset();
    m_dir.reset();
}

bool TestSyncStatusLine::setSetting(const QString& key, const QString& value)
{
    return SettingsRepository(m_database->connection()).setValue(key, value).ok();
}

bool TestSyncStatusLine::openTill()
{
    const auto settings = TillSettings::load(m_database->connection());
    if (!settings)
        return false;
    m_session = std::make_unique<SaleSession>(*m_database, m_clock, *settings);
    m_enrolment = std::make_unique<Enrolment>(*m_database, m_clock, *settings);
    m_cards = std::make_unique<CardLifecycle>(*m_database, m_clock, *settings);
    m_window = std::make_unique<SaleWindow>(*m_session, *m_enrolment, *m_cards);
    m_window->show();
    return QTest::qWaitForWindowExposed(m_window.get());
}

void TestSyncStatusLine::startWorker()
{
    sync::SyncWorker::Options options;
    options.databasePath = m_path;
    options.intervalMs = 200;
    options.timeoutMs = 5000;
    m_sync = std::make_unique<sync::SyncWorkerThread>(options, m_clock);
    connect(m_sync.get(), &sync::SyncWorkerThread::statusChanged, m_window.get(), &SaleWindow::showSyncStatus);
    connect(m_window.get(), &SaleWindow::saleCompleted, m_sync.get(), &sync::SyncWorkerThread::wake);
    m_sync->start();
}

void TestSyncStatusLine::sell()
{
    for (const QString& code : {DemoDataGenerator::cardNumberFor(3), DemoDataGenerator::productEanFor(1)}) {
        QTest::keyClicks(m_window->scanField(), code, Qt::NoModifier, 5);
        QTest::keyClick(m_window->scanField(), Qt::Key_Return);
    }
    QTest::keyClick(m_window->scanField(), Qt::Key_F12);
}

void TestSyncStatusLine::legendNamesEveryState()
{
    KeyLegend legend;
    legend.showStatus(QStringLiteral("Till 2"), 3);
    QCOMPARE(legend.statusText(), QStringLiteral("Till 2 · ○ not connected to head office · 3 queued"));

    SyncStatus status;
    status.pending = 0;
    status.connection = SyncStatus::Connection::Online;
    status.lastSuccess = QDateTime(QDate::currentDate(), QTime(14, 2));
    legend.showSyncStatus(status);
    QCOMPARE(legend.statusText(), QStringLiteral("Till 2 · ● online · 0 queued · synced %1")
                                      .arg(QLocale().toString(QTime(14, 2), QLocale::ShortFormat)));

    status.connection = SyncStatus::Connection::Offline;
    status.pending = 12;
    status.rejected = 2;
    legend.showSyncStatus(status);
    QVERIFY2(legend.statusText().contains(QStringLiteral("○ offline · 12 queued")), qPrintable(legend.statusText()));
    QVERIFY(legend.statusText().endsWith(QStringLiteral("⚠ 2 rejected — manager")));

    status.connection = SyncStatus::Connection::Refused;
    status.lastSuccess = {};
    legend.showSyncStatus(status);
    QVERIFY2(legend.statusText().contains(QStringLiteral("⛔ head office refuses this till")),
             qPrintable(legend.statusText()));
    QVERIFY(legend.statusText().contains(QStringLiteral("never synced")));

    status.connection = SyncStatus::Connection::Online;
    status.provisioning = true;
    status.provisioningApplied = 5000;
    status.provisioningRemaining = 7000;
    legend.showSyncStatus(status);
    QVERIFY2(legend.statusText().contains(QStringLiteral("↻ provisioning: %1 of %2 changes")
                                              .arg(QLocale().toString(5000), QLocale().toString(12000))),
             qPrintable(legend.statusText()));

    // The sale session's count after a sale replaces the worker's older one.
    legend.showStatus(QStringLiteral("Till 2"), 13);
    QVERIFY(legend.statusText().contains(QStringLiteral("13 queued")));
}

void TestSyncStatusLine::saleWhileHeadOfficeIsAwayShowsOfflineAndQueued()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    QVERIFY(setSetting(sync::kHqUrlKey, QStringLiteral("http://127.0.0.1:%1").arg(port)));
    QVERIFY(setSetting(sync::kAllowPlainLoopbackKey, QStringLiteral("1")));
    QVERIFY(setSetting(sync::kTillSecretKey, QString::fromLatin1(QByteArray(32, 's').toBase64())));
    QVERIFY(setSetting(sync::kProvisionedKey, QStringLiteral("1")));
    QVERIFY(openTill());
    startWorker();
    QTRY_VERIFY_WITH_TIMEOUT(statusText().contains(QStringLiteral("○ offline")), 30'000);
    QVERIFY2(statusText().contains(QStringLiteral("0 queued")), qPrintable(statusText()));
    sell();
    QTRY_VERIFY_WITH_TIMEOUT(statusText().contains(QStringLiteral("1 queued")), 30'000);
    QVERIFY2(statusText().contains(QStringLiteral("○ offline")), qPrintable(statusText()));
    QVERIFY(statusText().contains(QStringLiteral("never synced")));
    m_sync->stop();
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM outbox_events WHERE state = 'pending'")) && query.next());
    QCOMPARE(query.value(0).toInt(), 1);
}

void TestSyncStatusLine::headOfficeComingBackShowsOnlineAndNothingQueued()
{
#ifndef LOYALTY_HQ_PATH
    QSKIP("loyalty-hq is not part of this build");
#else
    const QString hqDb = m_dir->filePath(QStringLiteral("hq.db"));
    const auto hq = [&hqDb](const QStringList& arguments, QByteArray* out = nullptr) {
        QProcess process;
        process.start(QStringLiteral(LOYALTY_HQ_PATH), QStringList{QStringLiteral("--db"), hqDb} + arguments);
        const bool ok =
            process.waitForFinished(300'000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
        if (out)
            *out = process.readAllStandardOutput();
        if (!ok)
            qWarning("loyalty-hq %s: %s", qPrintable(arguments.join(u' ')), process.readAllStandardError().constData());
        return ok;
    };
    QVERIFY(hq({QStringLiteral("demo"), QStringLiteral("--members"), QString::number(kMembers)}));
    QByteArray terminal;
    QVERIFY(hq({QStringLiteral("terminal"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Till UI"),
                QStringLiteral("--json")},
               &terminal));
    const QString code = QJsonDocument::fromJson(terminal).object().value(QLatin1String("code")).toString();
    QVERIFY2(!code.isEmpty(), terminal.constData());

    QProcess serve;
    quint16 port = 0;
    const auto startServe = [&serve, &hqDb, &port] {
        serve.setProcessChannelMode(QProcess::MergedChannels);
        serve.start(QStringLiteral(LOYALTY_HQ_PATH),
                    {QStringLiteral("--db"), hqDb, QStringLiteral("serve"), QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--plain-http")});
        QByteArray output;
        static const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
        for (int i = 0; i < 300 && serve.state() != QProcess::NotRunning; ++i) {
            serve.waitForReadyRead(100);
            output += serve.readAll();
            const auto match = listening.match(QString::fromUtf8(output));
            if (match.hasMatch()) {
                port = quint16(match.captured(1).toUInt());
                return true;
            }
        }
        qWarning("loyalty-hq serve did not listen: %s", output.constData());
        return false;
    };
    QVERIFY(startServe());
    sync::Provisioner::Request request;
    request.hq = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port), QUrl::StrictMode);
    request.code = code;
    request.allowPlainLoopback = true;
    const auto provisioned = sync::Provisioner(m_database->connection(), m_clock, [this](const QSqlDatabase& db) {
                                 return sync::SyncEngine::changeApplier(db, m_clock);
                             }).run(request);
    QVERIFY2(provisioned.ok(), qPrintable(provisioned.ok() ? QString() : provisioned.error().message));
    QVERIFY(provisioned->snapshot.complete);

    // Head office goes away; the till keeps selling and queues the record.
    serve.terminate();
    QVERIFY(serve.waitForFinished(30'000));
    QVERIFY(openTill());
    startWorker();
    sell();
    QTRY_VERIFY_WITH_TIMEOUT(statusText().contains(QStringLiteral("○ offline")) &&
                                 statusText().contains(QStringLiteral("1 queued")),
                             30'000);

    // Back on the same port: the worker's next attempt pushes the sale.
    QVERIFY(startServe());
    QTRY_VERIFY_WITH_TIMEOUT(statusText().contains(QStringLiteral("● online")) &&
                                 statusText().contains(QStringLiteral("0 queued")),
                             120'000);
    QVERIFY2(statusText().contains(QStringLiteral("synced")), qPrintable(statusText()));
    m_sync->stop();
    serve.terminate();
    QVERIFY(serve.waitForFinished(30'000));
#endif
}

QTEST_MAIN(TestSyncStatusLine)
#include "TestSyncStatusLine.moc"
