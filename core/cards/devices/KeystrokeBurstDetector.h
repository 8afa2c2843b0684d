#pragma once

#include <QString>

namespace loyalty {

// Tells a keyboard-wedge scanner's burst from a person typing, by the gaps between key presses.
// Pure logic: the caller feeds characters with their timestamps and holds the keys back while
// the detector says Hold; every step says what becomes of the keys held so far and of this key.
class KeystrokeBurstDetector final
{
public:
    struct Config
    {
        int maxGapMs = 20;                             // scanners type with ~7-8 ms gaps; people rarely below ~50 ms
        int firstGapMs = 40;                           // some scanners pause after the first character (USB polling)
        int minLength = 6;                             // shorter bursts are key rollover, not a scan
        int maxLength = 512;                           // a longer burst is refused and swallowed to its end
        QString terminators = QStringLiteral("\r\t");  // Enter and Tab end a scan
        bool requireTerminator = false;                // false: a burst that just stops is a scan too
    };

    // What becomes of the keys held before this step.
    enum class Held
    {
        Keep,     // still undecided: keep holding them
        Release,  // typing: deliver them, oldest first, before anything else
        Drop,     // part of a scan or an overflow: they must never reach a widget
    };

    // What becomes of the key just fed.
    enum class Current
    {
        Hold,     // hold it back (it may be the start or the middle of a burst)
        Pass,     // deliver it now, after any released keys
        Swallow,  // drop it (a scan's terminator, or the rest of an oversized burst)
    };

    struct Step
    {
        Held held = Held::Keep;
        Current current = Current::Hold;
        QString scan;           // non-empty when a scan completed with this step
        bool overflow = false;  // true once when a burst grew beyond maxLength
    };

    KeystrokeBurstDetector() = default;
    explicit KeystrokeBurstDetector(const Config& config);

    const Config& config() const { return m_config; }
    void setConfig(const Config& config);

    // A printable character or a terminator (see Config::terminators) at timestampMs.
    Step feed(QChar character, qint64 timestampMs);
    // No key arrived within holdWindowMs() after the last one.
    Step expire();
    // Forget everything held (the caller has delivered or dropped the keys itself).
    void reset();

    bool isHolding() const { return !m_buffer.isEmpty(); }
    int heldCount() const { return static_cast<int>(m_buffer.size()); }
    // How long after the last key the caller should wait before calling expire().
    int holdWindowMs() const;

private:
    Step startWith(QChar character, qint64 timestampMs, Held held);

    Config m_config;
    QString m_buffer;
    qint64 m_lastMs = 0;
    bool m_discarding = false;  // swallowing the rest of an oversized burst
};

}  // namespace loyalty
