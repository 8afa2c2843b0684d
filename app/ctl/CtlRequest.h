#pragma once

#include <QList>
#include <QString>

namespace loyalty {

// What the command line asked for, checked for form (numbers are numbers, a sale has lines) but
// not yet against the database.
struct CtlRequest
{
    enum class Command
    {
        Help,
        Version,
        Demo,
        Members,
        Products,
        Balance,
        Sale,
        Sales,
        Check,
        Decode
    };

    // One --line EAN[:QTY] of a sale.
    struct SaleLine
    {
        QString ean;
        qint64 quantity = 1;
    };

    Command command = Command::Help;
    QString databasePath;
    bool databaseGiven = false;  // --db was on the command line, not the default
    bool json = false;
    qint64 memberCount = 0;  // demo --members
    int limit = 0;           // members/products --limit, sales --last
    QString card;            // balance CARD, sale --card (empty: a sale without member)
    QList<SaleLine> lines;   // sale --line
};

}  // namespace loyalty
