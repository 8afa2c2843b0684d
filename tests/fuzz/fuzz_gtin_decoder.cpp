// GtinDecoder on any text.
#include "FuzzInput.h"
#include "cards/formats/GtinDecoder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace loyalty;
    static const GtinDecoder decoder(QStringLiteral("2000"));
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
