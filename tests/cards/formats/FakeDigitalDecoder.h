#pragma once

// A stand-in for the signed digital card decoder: "DC1:<id>" is a verified card, "DC1:forged" is
// refused, anything else is not its format. Lets the pipeline be tested without keys.
#include "cards/CardFormatDecoder.h"

namespace loyalty::test {

class FakeDigitalDecoder final : public CardFormatDecoder
{
public:
    std::optional<Result<CardRead>> decode(const QString& text, CardSource source) const override
    {
        ++m_calls;
        if (!text.startsWith(QLatin1String("DC1:")))
            return std::nullopt;
        const QString id = text.mid(4);
        if (id == QLatin1String("forged"))
            return Result<CardRead>(Error{Error::Code::Refused, QStringLiteral("forged"), QStringLiteral("forged")});
        return Result<CardRead>(CardRead{CardRead::Kind::DigitalCard, id, source, QStringLiteral("qr")});
    }

    int calls() const { return m_calls; }

private:
    mutable int m_calls = 0;
};

}  // namespace loyalty::test
