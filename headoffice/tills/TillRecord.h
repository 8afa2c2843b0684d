#pragma once

#include <QString>

namespace loyalty::hq {

// A provisioned till with what it has sent so far.
struct TillRecord
{
    QString id;
    QString name;
    QString state;  // active, disabled
    QString provisionedAt;
    qint64 accepted = 0;
    qint64 duplicates = 0;
    qint64 rejected = 0;
    qint64 lastSequence = 0;
    QString lastSeen;  // empty: never pushed
};

}  // namespace loyalty::hq
