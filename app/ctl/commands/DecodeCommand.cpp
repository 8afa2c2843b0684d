#include "commands/DecodeCommand.h"

#include "CtlTable.h"
#include "cards/formats/ScanDecoder.h"

#include <QIODevice>

namespace loyalty {

namespace {

// Reads at most `limit` + 1 bytes, so an endless stream is cut off rather than buffered.
QByteArray readBounded(QIODevice& input, qint64 limit)
{
    QByteArray data;
    while (data.size() <= limit) {
        const QByteArray chunk = input.read(limit + 1 - data.size());
        if (chunk.isEmpty())
            break;  // end of input (or a read error: what was read is decoded)
        data += chunk;
    }
    return data;
}

}  // namespace

DecodeCommand::DecodeCommand(const QString& cardPrefix)
    : m_cardPrefix(cardPrefix)
{
}

QString DecodeCommand::kindName(CardRead::Kind kind)
{
    switch (kind) {
    case CardRead::Kind::LoyaltyNumber:
        return QStringLiteral("loyalty_number");
    case CardRead::Kind::DigitalCard:
        return QStringLiteral("digital_card");
    case CardRead::Kind::NfcUid:
        return QStringLiteral("nfc_uid");
    case CardRead::Kind::Product:
        return QStringLiteral("product");
    }
    return QStringLiteral("loyalty_number");
}

Result<CtlReport> DecodeCommand::run(QIODevice& input) const
{
    QByteArray bytes = readBounded(input, kMaxInputBytes);
    if (bytes.size() > kMaxInputBytes) {
        bytes.fill('\0');
        return Error{Error::Code::InvalidInput, tr("The input is longer than %1 bytes.").arg(kMaxInputBytes),
                     QStringLiteral("too_long")};
    }
    QString raw = QString::fromUtf8(bytes);
    bytes.fill('\0');  // the input may be a card; keep it no longer than the decode
    const auto read = ScanDecoder(m_cardPrefix).decode(raw, CardSource::CommandLine);
    raw.fill(QChar(u'\0'));
    if (!read)
        return read.error();

    CtlReport report;
    report.json = {{QStringLiteral("kind"), kindName(read->kind)},
                   {QStringLiteral("identifier"), read->identifier},
                   {QStringLiteral("format"), read->format},
                   {QStringLiteral("source"), toStorage(read->source)}};
    CtlTable table({{}, {}});
    table.addRow({tr("Kind:"), kindName(read->kind)});
    table.addRow({tr("Identifier:"), read->identifier});
    table.addRow({tr("Format:"), read->format});
    table.addRow({tr("Source:"), toStorage(read->source)});
    report.text = table.render();
    return report;
}

}  // namespace loyalty
