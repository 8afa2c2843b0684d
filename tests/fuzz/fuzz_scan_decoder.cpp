// The whole pipeline, as SaleSession and loyalty-ctl decode call it.
#include "FuzzInput.h"
#include "cards/formats/PaymentCardGuard.h"
#include "cards/formats/ScanDecoder.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace loyalty;
    static const ScanDecoder decoder(QStringLiteral("2000"));
    const QString text = fuzz::textOf(data, size);
    const auto read = decoder.decode(text, CardSource::KeyboardWedge);
    if (!read) {
        fuzz::checkNoEcho(text, read.error());
        return 0;
    }
    // What the pipeline accepts is bounded, never empty, and never a payment card number.
    if (read->identifier.isEmpty() || read->identifier.size() > 256 || read->format.isEmpty())
        std::abort();
    static const PaymentCardGuard guard(QStringLiteral("2000"));
    if (guard.containsPaymentCard(read->identifier))
        std::abort();
    return 0;
}
