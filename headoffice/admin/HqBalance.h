#pragma once

#include "money/Points.h"

#include <QMap>
#include <QString>

namespace loyalty::hq {

// What head office knows of a card's member: every account's ledger sum.
struct HqBalance
{
    QString cardNumber;
    QString cardState;
    QString memberUuid;
    QString memberName;
    QMap<QString, Points> accounts;  // account → sum of its entries

    Points points() const { return accounts.value(QStringLiteral("points")); }
    qint64 walletMinor() const { return accounts.value(QStringLiteral("wallet")); }
};

}  // namespace loyalty::hq
