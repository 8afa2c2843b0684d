#pragma once

#include "records/HqCard.h"
#include "records/HqLedgerEntry.h"
#include "records/HqMember.h"
#include "records/HqProduct.h"

#include <QJsonValue>

namespace loyalty::hq {

// The `data` of each kind of change in the pull feed, exactly as docs/sync-protocol.md lists it,
// as compact JSON text. Empty optional texts travel as JSON null.
class HqChangeData final
{
public:
    static QString member(const HqMember& member);
    static QString card(const HqCard& card);
    static QString ledger(const HqLedgerEntry& entry);
    static QString product(const HqProduct& product);
    static QJsonValue optionalText(const QString& text);
};

}  // namespace loyalty::hq
