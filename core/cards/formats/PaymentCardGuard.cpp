#include "cards/formats/PaymentCardGuard.h"

#include "barcode/Gtin.h"
#include "cards/formats/Luhn.h"

#include <QScopeGuard>

#include <array>

namespace loyalty {

namespace {

constexpr qsizetype kMinPanLength = 13;
constexpr qsizetype kMaxPanLength = 19;
constexpr qsizetype kLoyaltyNumberLength = 13;  // the programme's cards are EAN-13 numbers

// Issuer identification number ranges of the card schemes, as leading digits.
struct IinRange
{
    int digits;
    int low;
    int high;
};

constexpr std::array kPaymentIinRanges{
    IinRange{1, 4, 4},        // Visa
    IinRange{2, 51, 55},      // Mastercard
    IinRange{4, 2221, 2720},  // Mastercard 2-series
    IinRange{2, 34, 34},      // American Express
    IinRange{2, 37, 37},      // American Express
    IinRange{4, 6011, 6011},  // Discover
    IinRange{3, 644, 649},    // Discover
    IinRange{2, 65, 65},      // Discover
    IinRange{4, 3528, 3589},  // JCB
    IinRange{3, 300, 305},    // Diners Club
    IinRange{2, 36, 36},      // Diners Club
    IinRange{2, 38, 39},      // Diners Club
    IinRange{2, 50, 50},      // Maestro
    IinRange{2, 56, 69},      // Maestro and other debit schemes
    IinRange{2, 62, 62},      // UnionPay
};

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

QStringView digitRunAt(QStringView text, qsizetype from)
{
    qsizetype end = from;
    while (end < text.size() && isDigit(text.at(end)))
        ++end;
    return text.sliced(from, end - from);
}

}  // namespace

PaymentCardGuard::PaymentCardGuard(const QString& loyaltyPrefix)
    : m_loyaltyPrefix(loyaltyPrefix)
{
}

std::optional<Result<CardRead>> PaymentCardGuard::decode(const QString& text, CardSource /*source*/) const
{
    if (containsPaymentCard(text))
        return Result<CardRead>(refusal());
    return std::nullopt;
}

Error PaymentCardGuard::refusal()
{
    return {Error::Code::Refused, tr("This is a payment card. Please use the loyalty card."),
            QStringLiteral("payment_card")};
}

bool PaymentCardGuard::containsPaymentCard(QStringView text) const
{
    return hasTrack1Pan(text) || hasTrack2Pan(text) || isBarePan(text) || hasEmbeddedPan(text);
}

bool PaymentCardGuard::hasEmbeddedPan(QStringView text) const
{
    // A card number inside other characters, e.g. behind a Code 128 prefix ("LT4111111111111111").
    for (qsizetype i = 0; i < text.size();) {
        const QStringView run = digitRunAt(text, i);
        if (run.isEmpty()) {
            ++i;
            continue;
        }
        if (isPan(run) && inPaymentIinRange(run) && !claimedByLoyalty(run) && !(run.size() == 13 && Gtin::isValid(run)))
            return true;
        i += run.size();
    }
    return false;
}

bool PaymentCardGuard::isPan(QStringView digits)
{
    return digits.size() >= kMinPanLength && digits.size() <= kMaxPanLength && Luhn::isValid(digits);
}

bool PaymentCardGuard::inPaymentIinRange(QStringView digits)
{
    for (const IinRange& range : kPaymentIinRanges) {
        if (digits.size() < range.digits)
            continue;
        const int leading = digits.first(range.digits).toInt();
        if (leading >= range.low && leading <= range.high)
            return true;
    }
    return false;
}

bool PaymentCardGuard::claimedByLoyalty(QStringView digits) const
{
    return !m_loyaltyPrefix.isEmpty() && digits.size() == kLoyaltyNumberLength && digits.startsWith(m_loyaltyPrefix);
}

bool PaymentCardGuard::hasTrack1Pan(QStringView text) const
{
    // Anywhere, not only at the start: readers may send junk before the start sentinel or both
    // tracks at once, and a half read ("%B4111111111111111" without "^") is still a card number.
    // Format code B means a bank card; under any other code a number in a payment range is one too.
    for (qsizetype i = text.indexOf(u'%'); i >= 0 && i + 1 < text.size(); i = text.indexOf(u'%', i + 1)) {
        const QChar formatCode = text.at(i + 1);
        const QStringView pan = digitRunAt(text, i + 2);
        if (!isPan(pan))
            continue;
        if (formatCode == u'B' || formatCode == u'b' || (inPaymentIinRange(pan) && !claimedByLoyalty(pan)))
            return true;
    }
    return false;
}

bool PaymentCardGuard::hasTrack2Pan(QStringView text) const
{
    for (qsizetype i = text.indexOf(u';'); i >= 0; i = text.indexOf(u';', i + 1)) {
        const QStringView pan = digitRunAt(text, i + 1);
        if (isPan(pan) && !claimedByLoyalty(pan))
            return true;
    }
    return false;
}

bool PaymentCardGuard::isBarePan(QStringView text) const
{
    // A person may type the number in groups ("4111 1111 1111 1111" or with dashes).
    QString digits;
    const auto wipe = qScopeGuard([&digits] { digits.fill(u'0'); });
    digits.reserve(text.size());
    for (const QChar c : text) {
        if (isDigit(c))
            digits.append(c);
        else if (c != u' ' && c != u'-')
            return false;
    }
    if (!isPan(digits) || !inPaymentIinRange(digits) || claimedByLoyalty(digits))
        return false;
    // A valid EAN-13 is a product: about one in ten also passes Luhn (German GTINs start with 40-44,
    // the Visa range). Thirteen-digit Visa numbers have not been issued for many years.
    if (digits.size() == 13 && Gtin::isValid(digits))
        return false;
    return true;
}

}  // namespace loyalty
