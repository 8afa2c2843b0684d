#pragma once

#include <QByteArray>

namespace loyalty::bench {

// The benchmark's programme document: the demo programme (resources/programmes/demo.json) with
// further earn, bonus, multiplier and discount rules on the demo products up to 50 rules in force,
// as a chain with a busy marketing department runs it. Deterministic: the same document every time.
class BenchProgramme final
{
public:
    static constexpr int kRules = 50;
    // `version`: the version the document carries (newer than the demo's, so it can be activated).
    static QByteArray document(int version);
};

}  // namespace loyalty::bench
