#pragma once

#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {
class Clock;
}

namespace loyalty::hq {

class HqDatabase;

// Publishes a programme document to every till: validated with the till's own parser (errors name
// the JSON path), a version newer than every one published before, signed with head office's
// Ed25519 key over the document's exact bytes, stored and announced as a "programme" change.
class ProgrammePublisher final
{
    Q_DECLARE_TR_FUNCTIONS(ProgrammePublisher)

public:
    struct Published
    {
        QString id;
        int version = 0;
        QString name;
        QString signature;  // base64
    };

    ProgrammePublisher(HqDatabase& database, const Clock& clock);

    // In its own write transaction.
    Result<Published> publish(const QByteArray& document);
    // Inside the caller's write transaction.
    Result<Published> publishInTransaction(const QByteArray& document);
    // The highest version published; 0 when none is.
    Result<int> latestVersion();

private:
    HqDatabase& m_database;
    const Clock& m_clock;
};

}  // namespace loyalty::hq
