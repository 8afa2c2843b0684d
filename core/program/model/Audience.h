#pragma once

#include <QStringList>

namespace loyalty {

// Whom a rule is for. `membersOnly` false lets a promotion reach customers without a card too;
// tier and segment lists, when given, narrow it to members in one of those tiers or segments.
struct Audience
{
    bool membersOnly = true;
    QStringList tiers;
    QStringList segments;
};

}  // namespace loyalty
