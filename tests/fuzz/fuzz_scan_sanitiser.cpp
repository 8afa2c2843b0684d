// Terminators, bounds and control characters.
#include "FuzzInput.h"
#include "cards/formats/ScanSanitiser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace loyalty;
    const QString text = fuzz::textOf(data, size);
    const auto clean = ScanSanitiser::sanitise(text);
    if (!clean) {
        fuzz::checkNoEcho(text, clean.error());
        return 0;
    }
    if (clean->isEmpty() || clean->size() > ScanSanitiser::kMaxLength)
        std::abort();
    for (const QChar c : *clean) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            std::abort();
    }
    return 0;
}
