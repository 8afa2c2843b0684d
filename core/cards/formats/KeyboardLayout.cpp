#include "cards/formats/KeyboardLayout.h"

namespace loyalty {

namespace {

struct KeyMapping
{
    char16_t typed;  // what the till's layout makes of the key
    char16_t meant;  // what the US-layout scanner sent
};

// Everything not listed and not a letter maps to nothing: that text did not come from scanner data.
constexpr KeyMapping kGerman[] = {
    {u'0', u'0'}, {u'1', u'1'}, {u'2', u'2'}, {u'3', u'3'},  {u'4', u'4'}, {u'5', u'5'}, {u'6', u'6'},
    {u'7', u'7'}, {u'8', u'8'}, {u'9', u'9'}, {u'y', u'z'},  {u'z', u'y'}, {u'Y', u'Z'}, {u'Z', u'Y'},
    {u'ö', u';'}, {u'Ö', u':'}, {u'´', u'='}, {u'\'', u'='}, {u'_', u'?'}, {u'&', u'^'}, {u'-', u'/'},
    {u'ß', u'-'}, {u'%', u'%'}, {u' ', u' '}, {u'.', u'.'},
};

constexpr KeyMapping kFrench[] = {
    {u'&', u'1'}, {u'é', u'2'}, {u'"', u'3'}, {u'\'', u'4'}, {u'(', u'5'}, {u'-', u'6'}, {u'è', u'7'}, {u'_', u'8'},
    {u'ç', u'9'}, {u'à', u'0'}, {u'a', u'q'}, {u'q', u'a'},  {u'z', u'w'}, {u'w', u'z'}, {u'A', u'Q'}, {u'Q', u'A'},
    {u'Z', u'W'}, {u'W', u'Z'}, {u'm', u';'}, {u'M', u':'},  {u',', u'm'}, {u'?', u'M'}, {u'5', u'%'}, {u'6', u'^'},
    {u'§', u'?'}, {u'!', u'/'}, {u')', u'-'}, {u'=', u'='},  {u' ', u' '}, {u':', u'.'},
};

template <std::size_t N>
std::optional<QChar> lookUp(const KeyMapping (&table)[N], QChar typed)
{
    for (const KeyMapping& mapping : table) {
        if (mapping.typed == typed.unicode())
            return QChar(mapping.meant);
    }
    return std::nullopt;
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

}  // namespace

std::optional<QString> KeyboardLayout::toUs(QStringView text, Layout layout)
{
    QString meant;
    meant.reserve(text.size());
    for (const QChar typed : text) {
        const auto mapped = layout == Layout::GermanQwertz ? lookUp(kGerman, typed) : lookUp(kFrench, typed);
        if (mapped)
            meant.append(*mapped);
        else if (isAsciiLetter(typed))
            meant.append(typed);
        else
            return std::nullopt;
    }
    return meant;
}

Error KeyboardLayout::refusal(Layout layout)
{
    const QString message =
        layout == Layout::GermanQwertz
            ? tr("The scanner types with a US keyboard layout but this till uses German (QWERTZ): set the scanner "
                 "to German keyboard or ask your administrator.")
            : tr("The scanner types with a US keyboard layout but this till uses French (AZERTY): set the scanner "
                 "to French keyboard or ask your administrator.");
    return {Error::Code::InvalidInput, message, QStringLiteral("keyboard_layout")};
}

}  // namespace loyalty
