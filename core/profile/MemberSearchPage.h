#pragma once

#include "profile/MemberHit.h"

#include <QList>

namespace loyalty {

// How MemberSearch understood what was typed.
enum class MemberQueryKind
{
    Empty,  // nothing searchable (blank, or only punctuation and operators)
    Card,   // the exact number of a card (any state)
    Email,  // a prefix of an e-mail address
    Phone,  // a prefix of a phone number's digits, international or national form
    Name    // every word a prefix of a word of the name
};

// One page of search results in member-id order. `nextCursor` continues after the page's last
// hit; `hasMore` says a further page exists, found by reading one row more, never by counting.
struct MemberSearchPage
{
    MemberQueryKind kind = MemberQueryKind::Empty;
    QList<MemberHit> hits;
    bool hasMore = false;
    qint64 nextCursor = 0;
};

// Members excluded from the search unless asked for.
struct MemberSearchOptions
{
    bool includeErased = false;
    bool includeMerged = false;
};

}  // namespace loyalty
