#pragma once

#include <QString>

namespace loyalty {

// What a return took back of one effect of the sale, as booked to the ledger.
struct ReversedEffect
{
    int effectNo = 0;
    QString ruleId;
    QString kind;       // the sale effect's kind name ("points_earned", "stamps_redeemed"...)
    QString account;    // "points", "wallet", "credit:<rule>", "stamps:<card>", "membership"
    qint64 amount = 0;  // signed change booked now: -12 takes earned points back, +50 gives redeemed ones back
    QString explanation;
};

}  // namespace loyalty
