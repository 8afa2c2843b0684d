#pragma once

namespace loyalty::sync {

// What applying one change did.
enum class ChangeOutcome
{
    Applied,    // the till database changed
    Unchanged,  // the till had it already
    Refused,    // a programme the till will not activate (reported, the page goes on)
};

}  // namespace loyalty::sync
