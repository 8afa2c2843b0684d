#pragma once

// A test-side ESC/POS decoder: turns the bytes a receipt printer would get into text rows with their
// bold/large/alignment flags (code page 858 decoded back), raster images with their size and bits, and
// where the paper was cut. Any command it does not know is an error, so a test fails on bytes a
// printer would misread. Written from the Epson ESC/POS reference, independently of the encoder.
#include <QByteArray>
#include <QList>
#include <QString>
#include <QVector>

namespace loyalty::test {

struct EscPosRow
{
    QString text;
    bool bold = false;   // some of the row was printed bold
    bool large = false;  // some of the row was printed double width
    int align = 0;       // 0 left, 1 centre, 2 right (ESC a)
    int widthMultiplier = 1;

    // The printed width in character columns.
    int columns() const { return int(text.size()) * widthMultiplier; }
};

struct EscPosImage
{
    int row = 0;  // the number of text rows printed before it
    int widthDots = 0;
    int heightDots = 0;
    QByteArray bits;  // GS v 0 raster data: rows of widthDots / 8 bytes, most significant bit first

    bool dark(int x, int y) const;
    // The QR modules the image shows (found through the top-left finder pattern), row by row; empty when
    // it shows no QR code.
    QVector<QVector<bool>> qrModules() const;
    int moduleDots() const;
};

struct EscPosDocument
{
    QString error;             // empty when every byte was understood
    bool initialised = false;  // began with ESC @
    int codePage = 0;
    QList<EscPosRow> rows;
    QList<EscPosImage> images;
    bool cut = false;
    bool partialCut = false;
    int cutAfterRow = -1;
    qsizetype bytesAfterCut = 0;

    QString text() const;  // the rows joined by newlines, each trimmed at the right
    bool hasRowContaining(const QString& part) const;
    const EscPosRow* rowContaining(const QString& part) const;
};

class EscPosDecoder final
{
public:
    static EscPosDocument decode(const QByteArray& bytes);
};

}  // namespace loyalty::test
