#pragma once

#include "money/Points.h"

#include <QString>

namespace loyalty::hq {

// One entry of head office's ledger, keyed across tills: "EVENT-ID/n" for what a till booked,
// "opening/UUID" for an opening balance, "expire/UUID/DATE/n" for head office's expiry.
struct HqLedgerEntry
{
    QString key;
    QString memberUuid;
    QString account = QStringLiteral("points");
    QString kind;
    Points points = 0;
    QString reason;
    QString explanation;
    QString expiresOn;  // yyyy-MM-dd for an expiring points lot, else empty
    QString createdAt;
    QString tillId;  // the till that booked it; empty for head office's own entries
};

}  // namespace loyalty::hq
