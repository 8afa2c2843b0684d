#pragma once

#include "members/CardState.h"
#include "money/Points.h"

#include <QString>

#include <optional>

namespace loyalty {

// One row of the member search: enough to recognise the member on a list without showing their
// contact details in full (a list is seen by whoever stands behind the counter).
struct MemberHit
{
    qint64 memberId = 0;
    QString uuid;
    QString name;
    QString maskedEmail;  // "a•••@example.com"; empty without an e-mail address
    QString maskedPhone;  // "••• 567"; empty without a phone number
    QString cardNumber;   // the newest active card; empty when the member has none
    Points points = 0;    // balance of the points account
    bool erased = false;
    bool merged = false;
    // A card-number search: the card that matched and its state (it may be blocked or replaced).
    QString matchedCardNumber;
    std::optional<CardState> matchedCardState;
};

}  // namespace loyalty
