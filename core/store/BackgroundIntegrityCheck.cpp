#include "store/BackgroundIntegrityCheck.h"

#include "store/QuickCheck.h"

#include <QAtomicInteger>
#include <QMutexLocker>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

namespace loyalty {

namespace {
QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("loyalty-integrity-%1").arg(counter.fetchAndAddRelaxed(1));
}

sqlite3* sqliteHandle(const QSqlDatabase& db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}
}  // namespace

BackgroundIntegrityCheck::BackgroundIntegrityCheck(QString databasePath, QObject* parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
{
}

BackgroundIntegrityCheck::~BackgroundIntegrityCheck()
{
    cancel();
    if (m_thread)
        m_thread->wait();
}

bool BackgroundIntegrityCheck::start(QThread::Priority priority)
{
    if (m_thread)
        return false;
    m_thread.reset(QThread::create([this] { check(); }));
    m_thread->setObjectName(QStringLiteral("integrity-check"));
    m_thread->start(priority);
    return true;
}

void BackgroundIntegrityCheck::cancel()
{
    m_cancelled = true;
    const QMutexLocker lock(&m_handleMutex);
    if (m_handle)
        sqlite3_interrupt(static_cast<sqlite3*>(m_handle));
}

bool BackgroundIntegrityCheck::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void BackgroundIntegrityCheck::setHandle(void* handle)
{
    const QMutexLocker lock(&m_handleMutex);
    m_handle = handle;
}

void BackgroundIntegrityCheck::check()
{
    enum class Outcome
    {
        Healthy,
        Damaged,
        Failed,
        Cancelled
    };
    Outcome outcome = Outcome::Cancelled;
    QString text;
    const QString connectionName = nextConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(m_path);
        // Read-only: this connection never writes, never checkpoints and never creates a file.
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!m_cancelled && db.open()) {
            setHandle(sqliteHandle(db));
            // A cancel() before the handle was known interrupts nothing: look once more.
            if (!m_cancelled) {
                const auto finding = QuickCheck::run(db);
                if (m_cancelled) {
                    outcome = Outcome::Cancelled;
                } else if (!finding) {
                    outcome = Outcome::Failed;
                    text = finding.error().message;
                } else if (finding->has_value()) {
                    outcome = Outcome::Damaged;
                    text = **finding;
                } else {
                    outcome = Outcome::Healthy;
                }
            }
            setHandle(nullptr);
            db.close();
        } else if (!m_cancelled) {
            outcome = Outcome::Failed;
            text = db.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(connectionName);

    // Queued to this object's thread; dropped by Qt if the object is gone by then.
    switch (outcome) {
    case Outcome::Healthy:
        QMetaObject::invokeMethod(this, &BackgroundIntegrityCheck::healthy, Qt::QueuedConnection);
        break;
    case Outcome::Damaged:
        QMetaObject::invokeMethod(
            this, [this, text] { Q_EMIT damaged(text); }, Qt::QueuedConnection);
        break;
    case Outcome::Failed:
        QMetaObject::invokeMethod(
            this, [this, text] { Q_EMIT failed(text); }, Qt::QueuedConnection);
        break;
    case Outcome::Cancelled:
        break;
    }
}

}  // namespace loyalty
