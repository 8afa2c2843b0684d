#pragma once

#include <QtGlobal>

#include <vector>

namespace loyalty::bench {

// Timings (or any values) of one figure; median, p99 and max by nearest rank.
class SampleSet final
{
public:
    void add(double value) { m_values.push_back(value); }
    qsizetype size() const { return qsizetype(m_values.size()); }
    bool isEmpty() const { return m_values.empty(); }
    double median() const { return rank(0.50); }
    double p99() const { return rank(0.99); }
    double max() const { return rank(1.0); }
    double sum() const;

private:
    double rank(double fraction) const;

    std::vector<double> m_values;
};

}  // namespace loyalty::bench
