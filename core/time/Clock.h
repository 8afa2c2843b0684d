#pragma once

#include <QDateTime>

namespace loyalty {

// The source of "now" for everything that stamps or compares times; tests inject a fixed clock.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;

    // ISO 8601 in UTC with milliseconds, the form stored in every table.
    QString nowIso() const;
};

}  // namespace loyalty
