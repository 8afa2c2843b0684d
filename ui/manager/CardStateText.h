#pragma once

#include "members/CardState.h"

#include <QCoreApplication>

namespace loyalty {

// A card's state in the manager's words (the list, the Cards tab).
class CardStateText final
{
    Q_DECLARE_TR_FUNCTIONS(CardStateText)

public:
    static QString of(CardState state);
};

}  // namespace loyalty
