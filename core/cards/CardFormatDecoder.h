#pragma once

#include "cards/CardRead.h"
#include "common/Result.h"

#include <optional>

namespace loyalty {

// One format in the decoder pipeline. decode() answers nullopt when the text is not in its
// format (the pipeline tries the next), a CardRead when it is and checks out, or an Error (with
// Error::reason set) when it is in its format but must be refused.
class CardFormatDecoder
{
public:
    virtual ~CardFormatDecoder() = default;
    virtual std::optional<Result<CardRead>> decode(const QString& text, CardSource source) const = 0;
};

}  // namespace loyalty
