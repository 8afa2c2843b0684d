#pragma once

#include "members/CardState.h"
#include "members/Member.h"

namespace loyalty {

// A card as read at the till together with the member it belongs to.
struct CardHolder
{
    QString cardNumber;
    CardState cardState = CardState::Active;
    Member member;

    // "•••• 3455": what a screen or receipt may show of a card number.
    QString maskedCardNumber() const;
};

}  // namespace loyalty
