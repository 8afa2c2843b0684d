#include "SampleSet.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace loyalty::bench {

double SampleSet::sum() const
{
    return std::accumulate(m_values.begin(), m_values.end(), 0.0);
}

double SampleSet::rank(double fraction) const
{
    if (m_values.empty())
        return 0;
    std::vector<double> sorted = m_values;
    std::sort(sorted.begin(), sorted.end());
    // Nearest rank: the smallest value with at least `fraction` of the samples at or below it.
    const auto index = std::max<qsizetype>(1, qsizetype(std::ceil(fraction * double(sorted.size())))) - 1;
    return sorted[size_t(std::min<qsizetype>(index, qsizetype(sorted.size()) - 1))];
}

}  // namespace loyalty::bench
