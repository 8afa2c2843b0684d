#include "sync/client/SyncWorker.h"

#include "settings/SettingsRepository.h"
#include "store/Database.h"
#include "sync/SyncSettingKeys.h"
#include "sync/client/OutboxQueue.h"
#include "sync/client/SyncClient.h"
#include "sync/client/SyncEngine.h"

#include <QThread>
#include <QTimer>

#include <algorithm>

namespace loyalty::sync {

SyncWorker::SyncWorker(Options options, const Clock& clock)
    : m_options(std::move(options))
    , m_clock(clock)
{
    qRegisterMetaType<loyalty::sync::SyncStatus>();
}

SyncWorker::~SyncWorker() = default;

void SyncWorker::start()
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SyncWorker::runRound);
    auto opened = Database::open(m_options.databasePath, m_clock, Database::OpenMode::MustExist);
    if (!opened) {
        m_status.connection = SyncStatus::Connection::Offline;
        m_status.detail = opened.error().message;
        Q_EMIT statusChanged(m_status);
        return;
    }
    m_database = std::move(opened.value());
    refreshCounts();
    Q_EMIT statusChanged(m_status);
    schedule(0);
}

void SyncWorker::wake()
{
    if (m_running) {
        m_wakeAgain = true;
        return;
    }
    // While backing off, a sale does not bring the next attempt forward: a till that cannot reach
    // head office must not hammer it after every customer.
    if (m_database && m_failures == 0)
        schedule(0);
}

void SyncWorker::schedule(qint64 delayMs)
{
    if (m_timer && !QThread::currentThread()->isInterruptionRequested())
        m_timer->start(std::chrono::milliseconds(delayMs));
}

void SyncWorker::refreshCounts()
{
    if (!m_database)
        return;
    const QSqlDatabase db = m_database->connection();
    if (const auto counts = OutboxQueue(db).counts()) {
        m_status.pending = counts->pending;
        m_status.rejected = counts->rejected;
    }
    const SettingsRepository settings(db);
    if (const auto last = settings.value(kLastSuccessKey); last && last->has_value())
        m_status.lastSuccess = QDateTime::fromString(**last, Qt::ISODateWithMs);
    if (const auto provisioned = settings.value(kProvisionedKey))
        m_status.provisioning = provisioned->value_or(QString()) != QLatin1String("1");
}

void SyncWorker::runRound()
{
    if (m_running || !m_database)
        return;
    m_running = true;
    m_wakeAgain = false;
    const QSqlDatabase db = m_database->connection();
    qint64 nextMs = m_options.intervalMs;

    const auto endpoint = SyncEndpoint::load(db);
    if (!endpoint || !endpoint->hasCredentials()) {
        // Provisioning was undone or never finished storing: nothing to sync with; look again later.
        m_status.connection = SyncStatus::Connection::Offline;
        m_status.detail = endpoint ? SyncEndpoint::tr("No head-office credentials.") : endpoint.error().message;
    } else {
        refreshCounts();
        SyncClient client(m_clock, *endpoint, m_options.timeoutMs);
        SyncEngine engine(db, m_clock, client, SyncEngine::changeApplier(db, m_clock),
                          SyncEngine::Options{500, m_options.pullLimit, 4 * 1024 * 1024});
        const qint64 pendingAtStart = m_status.pending;
        engine.setPushProgress([this, pendingAtStart](qint64 settled) {
            m_status.pending = std::max<qint64>(0, pendingAtStart - settled);
            Q_EMIT statusChanged(m_status);
        });
        const bool provisioning = m_status.provisioning;
        const auto report = engine.runRound([this, provisioning](qint64 pulled, qint64 remaining) {
            if (!provisioning)
                return;
            m_status.provisioningApplied = pulled;
            m_status.provisioningRemaining = remaining;
            Q_EMIT statusChanged(m_status);
        });
        if (!report) {
            ++m_failures;
            m_status.detail = report.error().message;
            nextMs = m_backoff.delayMs(m_failures);
        } else if (report->complete) {
            m_failures = 0;
            m_status.connection = SyncStatus::Connection::Online;
            m_status.detail.clear();
        } else if (report->refused()) {
            ++m_failures;
            m_status.connection = SyncStatus::Connection::Refused;
            m_status.detail = report->message;
            nextMs = Backoff::kCapMs;  // the contract: retry a refusal only at the backoff cap
        } else {
            ++m_failures;
            m_status.connection = report->reached ? SyncStatus::Connection::Online : SyncStatus::Connection::Offline;
            m_status.detail = report->message;
            nextMs = m_backoff.delayMs(m_failures, report->retryAfterMs);
        }
    }
    refreshCounts();
    Q_EMIT statusChanged(m_status);
    m_running = false;
    // A sale during the round: its event is already committed, push it now.
    schedule(m_wakeAgain && m_failures == 0 ? 0 : nextMs);
}

}  // namespace loyalty::sync
