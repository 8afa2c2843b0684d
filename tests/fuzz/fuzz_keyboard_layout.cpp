// Mapping German and French layout text back to what a US-layout scanner sent.
#include "FuzzInput.h"
#include "cards/formats/KeyboardLayout.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace loyalty;
    const QString text = fuzz::textOf(data, size);
    for (const KeyboardLayout::Layout layout : KeyboardLayout::kLayouts) {
        const auto meant = KeyboardLayout::toUs(text, layout);
        if (meant && meant->size() != text.size())
            std::abort();  // the mapping is one character for one
    }
    return 0;
}
