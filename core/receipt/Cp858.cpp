#include "receipt/Cp858.h"

#include <QList>

#include <array>

namespace loyalty {

namespace {

// Bytes 0x80..0xFF; 0x00..0x7F are ASCII.
constexpr std::array<char16_t, 128> kHigh = {
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7,  // 0x80
    0x00EA, 0x00EB, 0x00E8, 0x00EF, 0x00EE, 0x00EC, 0x00C4, 0x00C5,  // 0x88
    0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9,  // 0x90
    0x00FF, 0x00D6, 0x00DC, 0x00F8, 0x00A3, 0x00D8, 0x00D7, 0x0192,  // 0x98
    0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x00F1, 0x00D1, 0x00AA, 0x00BA,  // 0xA0
    0x00BF, 0x00AE, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB,  // 0xA8
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x00C1, 0x00C2, 0x00C0,  // 0xB0
    0x00A9, 0x2563, 0x2551, 0x2557, 0x255D, 0x00A2, 0x00A5, 0x2510,  // 0xB8
    0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x00E3, 0x00C3,  // 0xC0
    0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x00A4,  // 0xC8
    0x00F0, 0x00D0, 0x00CA, 0x00CB, 0x00C8, 0x20AC, 0x00CD, 0x00CE,  // 0xD0
    0x00CF, 0x2518, 0x250C, 0x2588, 0x2584, 0x00A6, 0x00CC, 0x2580,  // 0xD8
    0x00D3, 0x00DF, 0x00D4, 0x00D2, 0x00F5, 0x00D5, 0x00B5, 0x00FE,  // 0xE0
    0x00DE, 0x00DA, 0x00DB, 0x00D9, 0x00FD, 0x00DD, 0x00AF, 0x00B4,  // 0xE8
    0x00AD, 0x00B1, 0x2017, 0x00BE, 0x00B6, 0x00A7, 0x00F7, 0x00B8,  // 0xF0
    0x00B0, 0x00A8, 0x00B7, 0x00B9, 0x00B3, 0x00B2, 0x25A0, 0x00A0,  // 0xF8
};

// Characters the code page lacks that have an obvious spelling in it.
QString fallbackFor(char32_t c)
{
    switch (c) {
    case 0x00A0:  // no-break spaces: a printer has no line breaking of its own to keep away
    case 0x2007:
    case 0x2009:
    case 0x202F:
        return QStringLiteral(" ");
    case 0x00AD:  // soft hyphen
    case 0x200B:  // zero-width space
        return QString();
    case 0x2022:  // bullet (masked card numbers)
    case 0x2605:  // black star
    case 0x2606:
        return QStringLiteral("*");
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2212:  // minus sign
        return QStringLiteral("-");
    case 0x2018:
    case 0x2019:
    case 0x201A:
        return QStringLiteral("'");
    case 0x201C:
    case 0x201D:
    case 0x201E:
        return QStringLiteral("\"");
    case 0x2026:
        return QStringLiteral("...");
    case 0x2192:
    case 0x279C:
        return QStringLiteral("->");
    case 0x2714:
    case 0x2713:
        return QStringLiteral("v");
    case 0x26A0:
        return QStringLiteral("!");
    default:
        return QStringLiteral("?");
    }
}

}  // namespace

int Cp858::byteOf(char16_t unicode)
{
    if (unicode >= 0x20 && unicode < 0x7F)
        return unicode;
    for (std::size_t i = 0; i < kHigh.size(); ++i) {
        if (kHigh[i] == unicode)
            return int(0x80 + i);
    }
    return -1;
}

QString Cp858::printable(const QString& text)
{
    QString result;
    result.reserve(text.size());
    for (const char32_t c : text.toUcs4()) {
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
            result.append(u' ');
            continue;
        }
        if (c < 0x10000 && c != 0x00A0 && c != 0x00AD && byteOf(char16_t(c)) >= 0) {
            result.append(QChar(char16_t(c)));
            continue;
        }
        const QString fallback = fallbackFor(c);
        if (fallback != u"?" || c >= 0x10000) {
            result.append(fallback);
            continue;
        }
        // A letter with a diacritic the code page lacks prints as its base letter: "č" -> "c".
        const QString decomposed = QString::fromUcs4(&c, 1).normalized(QString::NormalizationForm_D);
        if (!decomposed.isEmpty() && byteOf(decomposed.at(0).unicode()) >= 0)
            result.append(decomposed.at(0));
        else
            result.append(u'?');
    }
    return result;
}

QByteArray Cp858::encode(const QString& text)
{
    QByteArray bytes;
    bytes.reserve(text.size());
    for (const QChar c : text) {
        const int byte = byteOf(c.unicode());
        bytes.append(char(byte >= 0 ? byte : '?'));
    }
    return bytes;
}

QString Cp858::decode(const QByteArray& bytes)
{
    QString text;
    text.reserve(bytes.size());
    for (const char b : bytes) {
        const auto byte = static_cast<unsigned char>(b);
        text.append(byte < 0x80 ? QChar(char16_t(byte)) : QChar(kHigh[byte - 0x80]));
    }
    return text;
}

}  // namespace loyalty
