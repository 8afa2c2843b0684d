#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace loyalty {

// One record of an NFC Forum NDEF message, with readers for the two well-known types a loyalty
// tag carries: Text ("T") and URI ("U").
struct NdefRecord
{
    enum Tnf : quint8
    {
        Empty = 0x00,
        WellKnown = 0x01,
        MediaType = 0x02,
        AbsoluteUri = 0x03,
        External = 0x04,
        Unknown = 0x05,
        Unchanged = 0x06,
    };

    quint8 tnf = Empty;
    QByteArray type;
    QByteArray id;
    QByteArray payload;

    // The text of a well-known Text record (UTF-8 or UTF-16), and its IANA language code.
    std::optional<QString> text(QString* language = nullptr) const;
    // The full URI of a well-known URI record, its abbreviation code expanded.
    std::optional<QString> uri() const;
};

}  // namespace loyalty
