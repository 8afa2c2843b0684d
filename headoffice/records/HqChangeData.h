#pragma once

#include "records/HqCard.h"
#include "records/HqLedgerEntry.h"
#include "records/HqMember.h"
#include "records/HqProduct.h"

#include <QJsonObject>

namespace loyalty::hq {

// The `data` of each kind of change in the pull feed, exactly as docs/sync-protocol.md lists it.
// Empty optional texts travel as JSON null.
class HqChangeData final
{
public:
    static QJsonObject member(const HqMember& member);
    static QJsonObject card(const HqCard& card);
    static QJsonObject ledger(const HqLedgerEntry& entry);
    static QJsonObject product(const HqProduct& product);
    static QJsonValue optionalText(const QString& text);
};

}  // namespace loyalty::hq
