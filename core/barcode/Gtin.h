#pragma once

#include <QString>

#include <optional>

namespace loyalty {

// GS1 Global Trade Item Numbers as barcodes carry them: EAN-8, UPC-A (GTIN-12), EAN-13 and
// GTIN-14, each ending in a mod-10 check digit (GS1 General Specifications, 7.9).
class Gtin final
{
public:
    enum class Format
    {
        Ean8,
        UpcA,
        Ean13,
        Gtin14
    };

    // The check digit for `payload` (all digits but the last), or nullopt if it holds a non-digit.
    static std::optional<int> checkDigit(QStringView payload);

    // True if `code` is 8, 12, 13 or 14 digits whose last digit is the right check digit.
    static bool isValid(QStringView code);
    static bool hasGtinLength(QStringView code);
    static bool isAllDigits(QStringView code);

    static std::optional<Format> formatOf(QStringView code);

    // `payload` with its check digit appended.
    static QString withCheckDigit(const QString& payload);

    // Every valid GTIN as the 13-digit form shops key products by: a UPC-A gains a leading zero.
    static QString toEan13Key(const QString& code);
};

}  // namespace loyalty
