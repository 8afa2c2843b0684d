#pragma once

#include "account/ExpiringPoints.h"
#include "account/PointsLot.h"
#include "account/TierProgress.h"
#include "members/CardState.h"
#include "money/Points.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace loyalty {

// A card of the member as the member page lists it.
struct MemberCard
{
    QString number;
    CardState state = CardState::Active;
    QString kind;  // "number", "nfc_uid", "digital"
    QDateTime issuedAt;
    QString replacedBy;  // state Replaced: the card that took its place
};

// One consent given or withdrawn, with the version of the text the customer saw.
struct ConsentRecord
{
    qint64 id = 0;
    QString purpose;  // "programme", "marketing", ...
    bool given = false;
    QString textVersion;
    QDateTime recordedAt;
};

// A stamp card or subscription credit account of the member and its balance.
struct MemberAccountBalance
{
    QString account;  // "stamps:<card>" or "credit:<rule>"
    QString id;       // the stamp card's or rule's id
    QString name;     // the programme's name for it; the id when the programme no longer has it
    qint64 balance = 0;
    int needed = 0;  // stamp cards: stamps for a reward (0 when unknown)
};

// Everything the member page shows about one member, read at one moment.
struct MemberProfile
{
    qint64 memberId = 0;
    QString uuid;
    QString name;
    QString email;
    QString phone;
    QDate birthDate;  // null when not given
    QDateTime enrolledAt;
    QDateTime erasedAt;  // valid once the member was erased
    std::optional<qint64> mergedInto;
    QString mergedIntoUuid;

    Points points = 0;
    QList<PointsLot> lots;    // lots with points left, in earn order
    Points deficit = 0;       // points taken beyond the lots (a negative balance)
    ExpiringPoints expiring;  // within the programme's warning period
    qint64 walletMinor = 0;
    QString currency;
    QList<MemberAccountBalance> stampCards;
    QList<MemberAccountBalance> credits;
    std::optional<QDate> membershipValidUntil;

    TierProgress tier;
    QString tierName;               // empty without tiers
    QString nextTierText;           // "230 points to Gold"; empty at the highest tier
    QList<MemberCard> cards;        // newest first
    QList<ConsentRecord> consents;  // oldest first
    QStringList segments;

    bool isErased() const { return erasedAt.isValid(); }
    bool isMerged() const { return mergedInto.has_value(); }
};

}  // namespace loyalty
