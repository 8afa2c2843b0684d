#pragma once

// What every fuzz target shares: the bytes as the text a scanner could type, and a check that a
// refusal never repeats a run of the input's digits (which may be a payment card).
#include "common/Error.h"

#include <QString>

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace loyalty::fuzz {

inline QString textOf(const std::uint8_t* data, std::size_t size)
{
    // QString::fromUtf8 turns invalid sequences into U+FFFD, as the till's input would.
    return QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
}

// Aborts (a finding) if `error`'s message holds 6 or more consecutive digits that also occur in
// `input`.
inline void checkNoEcho(const QString& input, const Error& error)
{
    const QString& message = error.message;
    for (qsizetype i = 0; i + 6 <= message.size(); ++i) {
        qsizetype length = 0;
        while (i + length < message.size() && message.at(i + length).isDigit())
            ++length;
        if (length >= 6 && input.contains(QStringView(message).sliced(i, 6)))
            std::abort();
        i += length;
    }
    if (error.reason.isEmpty())
        std::abort();  // every refusal of the decoders has a class
}

}  // namespace loyalty::fuzz
