#pragma once

#include <QByteArray>
#include <QString>

namespace loyalty {

// Code page 858 (850 with the euro sign at 0xD5), the code page thermal printers select with ESC t 19:
// it has every letter of German, French, Spanish and the other Western European languages.
class Cp858 final
{
public:
    static constexpr int kEscPosCodePage = 19;

    // The text with every character the code page lacks replaced by its nearest printable spelling
    // ("•" -> "*", "–" -> "-", "…" -> "...", "č" -> "c", else "?"), control characters by blanks (so
    // stored text can never smuggle a printer command) and no-break spaces by plain ones. Each
    // character of the result is one byte and one column on the printer.
    static QString printable(const QString& text);
    // `text` must be printable(): one byte per character.
    static QByteArray encode(const QString& text);
    static QString decode(const QByteArray& bytes);

private:
    static int byteOf(char16_t unicode);  // -1 when the code page lacks it
};

}  // namespace loyalty
