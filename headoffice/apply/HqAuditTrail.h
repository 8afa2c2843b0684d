#pragma once

#include "apply/EventEnvelope.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace loyalty::hq {

class HqDatabase;

// Keeps each till's hash-chained audit log at head office: the "audit" object a manager action's
// event carries (the till's AuditEntry::toJson) is checked for shape and stored verbatim in
// audit_entries, inside the event's own transaction. Head office does not re-hash it here: the
// chain is the till's, and storing it unchanged is what lets it be verified later.
class HqAuditTrail final
{
    Q_DECLARE_TR_FUNCTIONS(HqAuditTrail)

public:
    explicit HqAuditTrail(HqDatabase& database);
    Q_DISABLE_COPY_MOVE(HqAuditTrail)

    // `required`: the event type always carries an entry (the manager actions); otherwise one is
    // stored only when present. A missing or misshapen entry is a malformed_event rejection.
    Result<Done> record(const EventEnvelope& event, bool required);

private:
    QSqlQuery m_insert;
};

}  // namespace loyalty::hq
