#pragma once

#include "cards/CardSource.h"

#include <QString>

namespace loyalty {

// What one decoded scan, swipe or tap is: a loyalty card number, a verified digital card, an NFC
// tag UID, or a product GTIN. Never holds payment card data: those reads are refused in decoding.
struct CardRead
{
    enum class Kind
    {
        LoyaltyNumber,  // printed/encoded card number (EAN-13 in-store range, Code 128, stripe)
        DigitalCard,    // signed QR from head office, verified offline; identifier = card id
        NfcUid,         // contactless tag UID (hex); allowed only when configured
        Product,        // a GTIN that is not in the loyalty card range
    };

    Kind kind = Kind::LoyaltyNumber;
    QString identifier;  // the card number / card id / UID / GTIN, normalised
    CardSource source = CardSource::Typed;
    QString format;  // "ean13", "code128", "track1", "track2", "qr", "nfc-uid", "nfc-ndef", "ean8", "upca"
};

}  // namespace loyalty
