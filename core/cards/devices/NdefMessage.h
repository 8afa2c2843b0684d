#pragma once

#include "cards/devices/NdefRecord.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QList>

namespace loyalty {

// An NFC Forum NDEF message: parsed from raw record bytes, or from the data area of an NFC Forum
// Type 2 tag (pages 4 onwards: TLV blocks, the NDEF Message TLV 0x03, the terminator 0xFE).
// Pure and defensive: every length is checked against what is there, and nothing is echoed.
class NdefMessage final
{
    Q_DECLARE_TR_FUNCTIONS(NdefMessage)

public:
    // Error reasons: "ndef_absent" (no NDEF message on the tag), "ndef_truncated" (more bytes are
    // needed: read further and parse again), "ndef_malformed".
    static Result<NdefMessage> parse(const QByteArray& bytes);
    static Result<NdefMessage> fromType2Tag(const QByteArray& dataArea);

    const QList<NdefRecord>& records() const { return m_records; }
    // The first Text record's text, or nullopt.
    std::optional<QString> firstText() const;
    // The first URI record's URI, or nullopt.
    std::optional<QString> firstUri() const;

private:
    static Error malformed(const QString& message);
    static Error truncated();

    QList<NdefRecord> m_records;
};

}  // namespace loyalty
