// The digital card's text and payload parsers on any input: they must never crash, and whatever
// they accept must be canonical (serialising it again gives the same bytes), so two spellings of
// one card cannot exist. Signatures are checked elsewhere (TestDigitalCardDecoder).
#include "FuzzInput.h"
#include "cards/digital/DigitalCardQr.h"
#include "cards/digital/DigitalCardToken.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace loyalty;
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    if (const auto token = DigitalCardToken::decodePayload(bytes)) {
        const auto again = token->encodePayload();
        if (!again || *again != bytes)
            std::abort();
    }
    const QString text = fuzz::textOf(data, size);
    if (const auto qr = DigitalCardQr::parse(text)) {
        if (qr->toText() != text)
            std::abort();
        if (const auto token = DigitalCardToken::decodePayload(qr->payload)) {
            if (!DigitalCardToken::isValidCardId(token->cardId))
                std::abort();
        }
    }
    return 0;
}
