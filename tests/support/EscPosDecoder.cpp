#include "support/EscPosDecoder.h"

#include <QStringList>

#include <algorithm>
#include <array>

namespace loyalty::test {

namespace {

// Code page 858, bytes 0x80..0xFF.
constexpr std::array<char16_t, 128> kCp858 = {
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7, 0x00EA, 0x00EB, 0x00E8, 0x00EF, 0x00EE,
    0x00EC, 0x00C4, 0x00C5, 0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9, 0x00FF, 0x00D6,
    0x00DC, 0x00F8, 0x00A3, 0x00D8, 0x00D7, 0x0192, 0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x00F1, 0x00D1, 0x00AA,
    0x00BA, 0x00BF, 0x00AE, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB, 0x2591, 0x2592, 0x2593, 0x2502,
    0x2524, 0x00C1, 0x00C2, 0x00C0, 0x00A9, 0x2563, 0x2551, 0x2557, 0x255D, 0x00A2, 0x00A5, 0x2510, 0x2514,
    0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x00E3, 0x00C3, 0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550,
    0x256C, 0x00A4, 0x00F0, 0x00D0, 0x00CA, 0x00CB, 0x00C8, 0x20AC, 0x00CD, 0x00CE, 0x00CF, 0x2518, 0x250C,
    0x2588, 0x2584, 0x00A6, 0x00CC, 0x2580, 0x00D3, 0x00DF, 0x00D4, 0x00D2, 0x00F5, 0x00D5, 0x00B5, 0x00FE,
    0x00DE, 0x00DA, 0x00DB, 0x00D9, 0x00FD, 0x00DD, 0x00AF, 0x00B4, 0x00AD, 0x00B1, 0x2017, 0x00BE, 0x00B6,
    0x00A7, 0x00F7, 0x00B8, 0x00B0, 0x00A8, 0x00B7, 0x00B9, 0x00B3, 0x00B2, 0x25A0, 0x00A0,
};

}  // namespace

bool EscPosImage::dark(int x, int y) const
{
    const int stride = widthDots / 8;
    if (x < 0 || y < 0 || x >= widthDots || y >= heightDots)
        return false;
    const auto byte = static_cast<unsigned char>(bits.at(qsizetype(y) * stride + x / 8));
    return (byte & (0x80 >> (x % 8))) != 0;
}

int EscPosImage::moduleDots() const
{
    // The first dark row's first run is the top edge of the top-left finder pattern: seven modules.
    for (int y = 0; y < heightDots; ++y) {
        for (int x = 0; x < widthDots; ++x) {
            if (!dark(x, y))
                continue;
            int run = 0;
            while (dark(x + run, y))
                ++run;
            return run % 7 == 0 ? run / 7 : 0;
        }
    }
    return 0;
}

QVector<QVector<bool>> EscPosImage::qrModules() const
{
    const int module = moduleDots();
    if (module <= 0)
        return {};
    int left = widthDots, top = heightDots, right = -1, bottom = -1;
    for (int y = 0; y < heightDots; ++y) {
        for (int x = 0; x < widthDots; ++x) {
            if (dark(x, y)) {
                left = std::min(left, x);
                right = std::max(right, x);
                top = std::min(top, y);
                bottom = std::max(bottom, y);
            }
        }
    }
    const int width = right - left + 1;
    if (width != bottom - top + 1 || width % module != 0)
        return {};
    const int size = width / module;
    QVector<QVector<bool>> modules(size, QVector<bool>(size));
    for (int my = 0; my < size; ++my) {
        for (int mx = 0; mx < size; ++mx) {
            // Every dot of a module must agree, else the image is not a clean QR raster.
            const bool first = dark(left + mx * module, top + my * module);
            for (int dy = 0; dy < module; ++dy) {
                for (int dx = 0; dx < module; ++dx) {
                    if (dark(left + mx * module + dx, top + my * module + dy) != first)
                        return {};
                }
            }
            modules[my][mx] = first;
        }
    }
    return modules;
}

QString EscPosDocument::text() const
{
    QStringList lines;
    for (const EscPosRow& row : rows) {
        QString line = row.text;
        while (line.endsWith(u' '))
            line.chop(1);
        lines.append(line);
    }
    return lines.join(u'\n');
}

const EscPosRow* EscPosDocument::rowContaining(const QString& part) const
{
    for (const EscPosRow& row : rows) {
        if (row.text.contains(part))
            return &row;
    }
    return nullptr;
}

bool EscPosDocument::hasRowContaining(const QString& part) const
{
    return rowContaining(part) != nullptr;
}

EscPosDocument EscPosDecoder::decode(const QByteArray& bytes)
{
    EscPosDocument doc;
    bool bold = false;
    int width = 1;
    int align = 0;
    EscPosRow row;
    bool rowOpen = false;
    auto fail = [&doc](qsizetype at, const QString& what) {
        doc.error = QStringLiteral("byte %1: %2").arg(at).arg(what);
        return doc;
    };
    auto endRow = [&] {
        doc.rows.append(row);
        row = EscPosRow{};
        rowOpen = false;
    };
    const qsizetype n = bytes.size();
    auto at = [&bytes](qsizetype i) { return static_cast<unsigned char>(bytes.at(i)); };
    for (qsizetype i = 0; i < n; ++i) {
        if (doc.cut) {
            doc.bytesAfterCut = n - i;
            break;
        }
        const unsigned char c = at(i);
        if (c == 0x0A) {
            endRow();
            continue;
        }
        if (c == 0x1B) {
            if (i + 1 >= n)
                return fail(i, QStringLiteral("ESC at the end"));
            const unsigned char cmd = at(++i);
            if (cmd == '@') {
                doc.initialised = doc.initialised || (doc.rows.isEmpty() && !rowOpen);
                bold = false;
                width = 1;
                align = 0;
                doc.codePage = 0;
                continue;
            }
            if (i + 1 >= n)
                return fail(i, QStringLiteral("ESC %1 without its parameter").arg(QChar(char16_t(cmd))));
            const unsigned char p = at(++i);
            switch (cmd) {
            case 't':
                doc.codePage = p;
                break;
            case 'E':
                bold = (p & 1) != 0;
                break;
            case 'a':
                if (p > 2 && p != '0' && p != '1' && p != '2')
                    return fail(i, QStringLiteral("ESC a %1").arg(p));
                if (rowOpen)
                    return fail(i, QStringLiteral("ESC a inside a row (only at the start of a line)"));
                align = p >= '0' ? p - '0' : p;
                break;
            case 'd':
                if (rowOpen)
                    endRow();
                for (int k = 0; k < p; ++k)
                    doc.rows.append(EscPosRow{});
                break;
            default:
                return fail(i - 1, QStringLiteral("unknown command ESC 0x%1").arg(cmd, 2, 16, QLatin1Char('0')));
            }
            continue;
        }
        if (c == 0x1D) {
            if (i + 1 >= n)
                return fail(i, QStringLiteral("GS at the end"));
            const unsigned char cmd = at(++i);
            if (cmd == '!') {
                if (i + 1 >= n)
                    return fail(i, QStringLiteral("GS ! without its parameter"));
                const unsigned char p = at(++i);
                width = ((p >> 4) & 0x07) + 1;
                continue;
            }
            if (cmd == 'v') {
                if (i + 6 >= n || at(i + 1) != '0')
                    return fail(i, QStringLiteral("GS v without 0 and its size"));
                if (rowOpen)
                    return fail(i, QStringLiteral("raster image inside a text row"));
                EscPosImage image;
                image.row = int(doc.rows.size());
                const int xBytes = at(i + 3) | (at(i + 4) << 8);
                image.widthDots = xBytes * 8;
                image.heightDots = at(i + 5) | (at(i + 6) << 8);
                const qsizetype size = qsizetype(xBytes) * image.heightDots;
                image.bits = bytes.mid(i + 7, size);
                if (image.bits.size() != size)
                    return fail(i, QStringLiteral("raster image cut short"));
                doc.images.append(image);
                i += 6 + size;
                continue;
            }
            if (cmd == 'V') {
                if (i + 1 >= n)
                    return fail(i, QStringLiteral("GS V without its mode"));
                const unsigned char m = at(++i);
                if (m == 65 || m == 66) {
                    if (i + 1 >= n)
                        return fail(i, QStringLiteral("GS V %1 without n").arg(m));
                    ++i;
                } else if (m != 0 && m != 1 && m != 48 && m != 49) {
                    return fail(i, QStringLiteral("GS V %1").arg(m));
                }
                if (rowOpen)
                    endRow();
                doc.cut = true;
                doc.partialCut = m == 1 || m == 49 || m == 66;
                doc.cutAfterRow = int(doc.rows.size());
                continue;
            }
            return fail(i - 1, QStringLiteral("unknown command GS 0x%1").arg(cmd, 2, 16, QLatin1Char('0')));
        }
        if (c < 0x20 || c == 0x7F)
            return fail(i, QStringLiteral("unknown control byte 0x%1").arg(c, 2, 16, QLatin1Char('0')));
        if (c >= 0x80 && doc.codePage != 19)
            return fail(i, QStringLiteral("byte 0x%1 without code page 858 selected").arg(c, 2, 16, QLatin1Char('0')));
        if (!rowOpen) {
            row.align = align;
            row.widthMultiplier = width;
            rowOpen = true;
        }
        if (width != row.widthMultiplier)
            return fail(i, QStringLiteral("character size changed inside a row"));
        row.text.append(c < 0x80 ? QChar(char16_t(c)) : QChar(kCp858[c - 0x80]));
        row.bold = row.bold || bold;
        row.large = row.large || width > 1;
    }
    if (rowOpen)
        return fail(n, QStringLiteral("text after the last line feed is never printed"));
    return doc;
}

}  // namespace loyalty::test
