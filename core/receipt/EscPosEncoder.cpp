#include "receipt/EscPosEncoder.h"

#include "receipt/Cp858.h"
#include "receipt/QrMatrix.h"
#include "receipt/ReceiptLayout.h"

#include <algorithm>

namespace loyalty {

namespace {

constexpr char kEsc = 0x1B;
constexpr char kGs = 0x1D;
constexpr char kLf = 0x0A;

// The printer's current mode, so each command is sent only when it changes.
struct PrinterMode
{
    bool bold = false;
    bool large = false;
    ReceiptLine::Align align = ReceiptLine::Align::Left;
};

void setBold(QByteArray& out, PrinterMode& mode, bool bold)
{
    if (mode.bold == bold)
        return;
    out.append(kEsc).append('E').append(char(bold ? 1 : 0));
    mode.bold = bold;
}

void setLarge(QByteArray& out, PrinterMode& mode, bool large)
{
    if (mode.large == large)
        return;
    out.append(kGs).append('!').append(char(large ? 0x11 : 0x00));  // double width and height
    mode.large = large;
}

void setAlign(QByteArray& out, PrinterMode& mode, ReceiptLine::Align align)
{
    if (mode.align == align)
        return;
    out.append(kEsc).append('a').append(char(align == ReceiptLine::Align::Center ? 1 : 0));
    mode.align = align;
}

// The QR code as a raster image across the whole printable width, centred or at the left, with its
// quiet zone; false when it cannot be drawn (too long a text, too narrow a paper).
bool appendQr(QByteArray& out, const QString& payload, ReceiptLine::Align align, int dots)
{
    const auto qr = QrMatrix::encode(payload);
    if (!qr)
        return false;
    const int modules = qr->size() + 2 * EscPosEncoder::kQuietZoneModules;
    const int moduleDots = std::min(EscPosEncoder::kMaxModuleDots, dots / modules);
    if (moduleDots < 1)
        return false;
    const int side = modules * moduleDots;
    const int left = align == ReceiptLine::Align::Center ? (dots - side) / 2 : 0;
    const int widthBytes = dots / 8;
    out.append(kGs).append('v').append('0').append(char(0));
    out.append(char(widthBytes & 0xFF)).append(char(widthBytes >> 8));
    out.append(char(side & 0xFF)).append(char(side >> 8));
    for (int y = 0; y < side; ++y) {
        const int my = y / moduleDots - EscPosEncoder::kQuietZoneModules;
        for (int byte = 0; byte < widthBytes; ++byte) {
            unsigned char bits = 0;
            for (int bit = 0; bit < 8; ++bit) {
                const int x = byte * 8 + bit - left;
                if (x < 0 || x >= side)
                    continue;
                const int mx = x / moduleDots - EscPosEncoder::kQuietZoneModules;
                if (qr->dark(mx, my))
                    bits |= static_cast<unsigned char>(0x80 >> bit);
            }
            out.append(char(bits));
        }
    }
    return true;
}

ReceiptLine printableLine(const ReceiptLine& line)
{
    ReceiptLine printable = line;
    if (line.kind != ReceiptLine::Kind::Qr) {
        printable.text = Cp858::printable(line.text);
        printable.amount = Cp858::printable(line.amount);
    }
    return printable;
}

}  // namespace

int EscPosEncoder::dotsFor(int paperWidthMm)
{
    return paperWidthMm <= 58 ? 384 : 576;
}

QByteArray EscPosEncoder::encode(const Receipt& receipt, int paperWidthMm) const
{
    // Transcoded before the layout, so the columns count what the printer prints ("…" is three).
    Receipt printable = receipt;
    for (ReceiptLine& line : printable.lines)
        line = printableLine(line);
    const int columns = ReceiptLayout::columnsFor(paperWidthMm);
    const int dots = dotsFor(paperWidthMm);

    QByteArray out;
    out.append(kEsc).append('@');
    out.append(kEsc).append('t').append(char(Cp858::kEscPosCodePage));
    PrinterMode mode;
    for (const ReceiptRow& row : ReceiptLayout::layOut(printable, columns)) {
        if (row.kind == ReceiptRow::Kind::Qr) {
            setBold(out, mode, false);
            setLarge(out, mode, false);
            setAlign(out, mode, ReceiptLine::Align::Left);
            if (appendQr(out, row.text, row.align, dots))
                continue;
            // A code that cannot be drawn still leaves its text on the receipt.
            for (const QString& text : ReceiptLayout::wrap(Cp858::printable(row.text), columns))
                out.append(Cp858::encode(text)).append(kLf);
            continue;
        }
        setBold(out, mode, row.bold);
        setLarge(out, mode, row.large);
        setAlign(out, mode, row.align);
        out.append(Cp858::encode(row.text)).append(kLf);
    }
    setBold(out, mode, false);
    setLarge(out, mode, false);
    setAlign(out, mode, ReceiptLine::Align::Left);
    out.append(kGs).append('V').append(char(66)).append(char(kCutFeed));
    return out;
}

}  // namespace loyalty
