// Code128Decoder on any text.
#include "FuzzInput.h"
#include "cards/formats/Code128Decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace loyalty;
    static const Code128Decoder decoder;
    const QString text = fuzz::textOf(data, size);
    const auto decoded = decoder.decode(text, CardSource::Serial);
    if (!decoded)
        return 0;
    if (!decoded->ok()) {
        fuzz::checkNoEcho(text, decoded->error());
        return 0;
    }
    if ((*decoded)->identifier.isEmpty() || (*decoded)->identifier.size() > text.size())
        std::abort();
    return 0;
}
