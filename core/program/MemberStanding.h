#pragma once

#include "money/Points.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QStringList>

#include <optional>

namespace loyalty {

// What the programme needs to know about a member at the moment of a sale, read from the local
// ledger and sales by MemberStandingReader (head office's last known balances plus local effects).
struct MemberStanding
{
    qint64 memberId = 0;
    QString memberUuid;
    QDate birthDate;  // null when not given
    QDate enrolledOn;
    Points points = 0;                          // balance of the points account
    qint64 walletMinor = 0;                     // cashback wallet
    QHash<QString, qint64> credits;             // subscription credit per rule id, minor units
    QHash<QString, int> stamps;                 // stamps per stamp card id
    QString tierId;                             // the tier held now (after grace), empty if none
    qint64 qualifyingValue = 0;                 // rolling tier qualification value (spend or points)
    std::optional<QDate> membershipValidUntil;  // paid membership, last valid day
    qint64 completedSales = 0;                  // sales before this one (0: this is the first)
    std::optional<qint64> referrerId;           // who referred this member
    int visitsThisMonth = 0;                    // sales in the calendar month of the sale, before it
    QSet<QString> challengesThisMonth;          // challenge rule ids already awarded this month
    bool birthdayAwardedThisYear = false;
    QStringList segments;
    Points expiringPoints = 0;  // within the programme's warning period
    QDate expiringOn;           // the first day some of them are gone
    // Points this member redeemed at this till today in sales head office has not yet confirmed
    // (their events still pending): what redemption.offline_daily_limit bounds.
    Points unconfirmedRedeemedToday = 0;
    // The till is provisioned with a head office, so its redemptions are unconfirmed until head office
    // acknowledges them and redemption.offline_daily_limit applies; a till on its own has nobody to
    // spend a balance twice with.
    bool redemptionsNeedConfirmation = false;
};

}  // namespace loyalty
