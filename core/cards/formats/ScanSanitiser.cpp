#include "cards/formats/ScanSanitiser.h"

namespace loyalty {

namespace {

QStringView withoutTerminator(QStringView text)
{
    if (text.endsWith(u"\r\n"))
        return text.chopped(2);
    if (text.endsWith(u'\r') || text.endsWith(u'\n') || text.endsWith(u'\t'))
        return text.chopped(1);
    return text;
}

Error tooLong()
{
    return {Error::Code::InvalidInput,
            ScanSanitiser::tr("The scan was far too long for a card or a barcode. Scan again; if it keeps "
                              "happening, check the scanner's settings."),
            QStringLiteral("too_long")};
}

bool isControl(QChar c)
{
    return c.unicode() < 0x20 || c.unicode() == 0x7f || (c.unicode() >= 0x80 && c.unicode() < 0xa0);
}

}  // namespace

Result<QString> ScanSanitiser::sanitise(const QString& raw)
{
    // Checked on the raw length first, so a 10 kB burst costs nothing more than this comparison.
    if (raw.size() > kMaxLength + 2)
        return tooLong();
    QStringView text = withoutTerminator(raw);
    while (!text.isEmpty() && text.front() == u' ')
        text = text.sliced(1);
    while (!text.isEmpty() && text.back() == u' ')
        text.chop(1);
    if (text.isEmpty())
        return Error{Error::Code::InvalidInput, tr("Nothing was scanned."), QStringLiteral("empty")};
    if (text.size() > kMaxLength)
        return tooLong();
    for (const QChar c : text) {
        if (isControl(c)) {
            return Error{Error::Code::InvalidInput,
                         tr("The scan was garbled by control characters. Scan again; if it keeps happening, "
                            "check the scanner's prefix and suffix settings."),
                         QStringLiteral("control_characters")};
        }
    }
    return text.toString();
}

bool ScanSanitiser::isAscii(QStringView text)
{
    for (const QChar c : text) {
        if (c.unicode() > 0x7e)
            return false;
    }
    return true;
}

Error ScanSanitiser::nonAscii()
{
    return {Error::Code::InvalidInput,
            tr("The scan held characters no card or barcode has. Scan again; if it keeps happening, check the "
               "scanner's keyboard layout."),
            QStringLiteral("non_ascii")};
}

}  // namespace loyalty
