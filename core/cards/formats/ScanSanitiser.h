#pragma once

#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

// The first stage of decoding: drops the scanner's terminator and refuses what no card or barcode
// can be (nothing, a burst of kilobytes, control characters, non-ASCII). Messages never repeat
// the input.
class ScanSanitiser final
{
    Q_DECLARE_TR_FUNCTIONS(ScanSanitiser)

public:
    static constexpr qsizetype kMaxLength = 256;

    // The text without one trailing CR, LF, CRLF or Tab and without surrounding spaces, or a
    // refusal: "empty", "too_long" or "control_characters". Non-ASCII is left for later: it may be
    // a keyboard layout problem (see KeyboardLayout), which gets a more helpful message.
    static Result<QString> sanitise(const QString& raw);

    static bool isAscii(QStringView text);
    static Error nonAscii();
};

}  // namespace loyalty
