// The payment card guard on any text.
#include "FuzzInput.h"
#include "cards/formats/PaymentCardGuard.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace loyalty;
    static const PaymentCardGuard guard(QStringLiteral("2000"));
    const QString text = fuzz::textOf(data, size);
    if (const auto refused = guard.decode(text, CardSource::Typed)) {
        if (refused->ok())
            std::abort();  // the guard only ever refuses
        fuzz::checkNoEcho(text, refused->error());
    }
    return 0;
}
