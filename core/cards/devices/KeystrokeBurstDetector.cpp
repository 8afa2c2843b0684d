#include "cards/devices/KeystrokeBurstDetector.h"

#include <algorithm>

namespace loyalty {

KeystrokeBurstDetector::KeystrokeBurstDetector(const Config& config)
    : m_config(config)
{
}

void KeystrokeBurstDetector::setConfig(const Config& config)
{
    m_config = config;
    reset();
}

void KeystrokeBurstDetector::reset()
{
    m_buffer.clear();
    m_discarding = false;
}

int KeystrokeBurstDetector::holdWindowMs() const
{
    return m_buffer.size() == 1 ? std::max(m_config.firstGapMs, m_config.maxGapMs) : m_config.maxGapMs;
}

KeystrokeBurstDetector::Step KeystrokeBurstDetector::startWith(QChar character, qint64 timestampMs, Held held)
{
    m_buffer = QString(character);
    m_lastMs = timestampMs;
    return Step{held, Current::Hold, {}, false};
}

KeystrokeBurstDetector::Step KeystrokeBurstDetector::feed(QChar character, qint64 timestampMs)
{
    const bool terminator = m_config.terminators.contains(character);
    // A clock that runs backwards (or a timestamp from another source) never joins a burst.
    const qint64 gap = timestampMs - m_lastMs;

    if (m_discarding) {
        if (terminator) {
            m_discarding = false;
            return Step{Held::Keep, Current::Swallow, {}, false};
        }
        if (gap >= 0 && gap <= m_config.maxGapMs) {
            m_lastMs = timestampMs;
            return Step{Held::Keep, Current::Swallow, {}, false};
        }
        m_discarding = false;  // the oversized burst is over; this key starts afresh
    }

    if (m_buffer.isEmpty()) {
        if (terminator)
            return Step{Held::Keep, Current::Pass, {}, false};
        return startWith(character, timestampMs, Held::Keep);
    }

    const bool inBurst = gap >= 0 && gap <= holdWindowMs();
    // A burst that stopped a while ago (its expiry was never delivered, e.g. a busy GUI thread)
    // is decided as expire() would have decided it.
    const bool stoppedScan = !inBurst && !m_config.requireTerminator && m_buffer.size() >= m_config.minLength;
    if (terminator) {
        if ((inBurst && m_buffer.size() >= m_config.minLength) || stoppedScan) {
            Step step{Held::Drop, inBurst ? Current::Swallow : Current::Pass, m_buffer, false};
            m_buffer.clear();
            return step;
        }
        m_buffer.clear();
        return Step{Held::Release, Current::Pass, {}, false};
    }

    if (stoppedScan) {
        const QString scan = m_buffer;
        Step step = startWith(character, timestampMs, Held::Drop);
        step.scan = scan;
        return step;
    }
    if (!inBurst)
        return startWith(character, timestampMs, Held::Release);

    m_buffer.append(character);
    m_lastMs = timestampMs;
    if (m_buffer.size() > m_config.maxLength) {
        m_buffer.clear();
        m_discarding = true;
        return Step{Held::Drop, Current::Swallow, {}, true};
    }
    return Step{Held::Keep, Current::Hold, {}, false};
}

KeystrokeBurstDetector::Step KeystrokeBurstDetector::expire()
{
    m_discarding = false;
    if (m_buffer.isEmpty())
        return Step{Held::Keep, Current::Pass, {}, false};
    if (!m_config.requireTerminator && m_buffer.size() >= m_config.minLength) {
        Step step{Held::Drop, Current::Pass, m_buffer, false};
        m_buffer.clear();
        return step;
    }
    m_buffer.clear();
    return Step{Held::Release, Current::Pass, {}, false};
}

}  // namespace loyalty
