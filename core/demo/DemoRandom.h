#pragma once

#include <QtGlobal>

#include <random>

namespace loyalty {

// A 64-bit generator with fixed, documented output on every platform (unlike std::uniform_*_distribution),
// so the till's demo and head office's demo draw the very same shop.
class DemoRandom final
{
public:
    explicit DemoRandom(quint64 seed)
        : m_engine(seed)
    {
    }
    quint64 below(quint64 bound) { return m_engine() % bound; }
    qint64 between(qint64 low, qint64 high) { return low + qint64(below(quint64(high - low + 1))); }

private:
    std::mt19937_64 m_engine;
};

}  // namespace loyalty
