#include "hints/AThresholdWarmup.h"

#include "hints/CustomerValueHint.h"
#include "profile/ReadConnection.h"

namespace loyalty {

AThresholdWarmup::AThresholdWarmup(QObject* parent)
    : QObject(parent)
{
}

AThresholdWarmup::~AThresholdWarmup()
{
    if (m_thread)
        m_thread->wait();
}

bool AThresholdWarmup::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

bool AThresholdWarmup::start(const QString& databasePath, const QDate& day, const QString& from, const QString& to)
{
    if (isRunning())
        return false;
    if (m_thread)
        m_thread->wait();  // finished: only collects it
    // The thread gets copies of everything it reads (no Clock, no GUI connection): the connection is
    // opened, used and closed in the thread, and only the signals cross back.
    m_thread.reset(QThread::create([this, databasePath, day, from, to] {
        QString failure;
        qint64 threshold = 0;
        {
            auto read = ReadConnection::open(databasePath);
            if (!read) {
                failure = read.error().message;
            } else {
                const auto result = CustomerValueHint::computeThresholdMinor((*read)->connection(), from, to);
                if (result)
                    threshold = *result;
                else
                    failure = result.error().message;
            }
        }
        if (failure.isEmpty())
            Q_EMIT computed(day, threshold);
        else
            Q_EMIT failed(day, failure);
    }));
    m_thread->setObjectName(QStringLiteral("a-threshold"));
    m_thread->start(QThread::LowPriority);
    return true;
}

}  // namespace loyalty
