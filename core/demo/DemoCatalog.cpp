#include "demo/DemoCatalog.h"

namespace loyalty {

namespace {
std::vector<QString> list(std::initializer_list<const char16_t*> items)
{
    std::vector<QString> result;
    result.reserve(items.size());
    for (const char16_t* item : items)
        result.push_back(QString::fromUtf16(item));
    return result;
}
}  // namespace

// Product names are data of a German demo shop, not interface text, so they are not translated.
const std::vector<DemoCategory>& demoCategories()
{
    static const std::vector<DemoCategory> categories{
        {QStringLiteral("Bakery"), true, true, 45, 599,
         list({u"Vollkornbrot", u"Roggenbrot", u"Dinkelbrötchen", u"Laugenbrezel", u"Croissant", u"Butterkuchen",
               u"Bauernbrot", u"Mohnschnecke", u"Baguette", u"Apfeltasche"})},
        {QStringLiteral("Fresh produce"), true, true, 59, 499,
         list({u"Äpfel Elstar", u"Bananen", u"Tomaten", u"Gurke", u"Möhren", u"Kartoffeln festkochend", u"Zucchini",
               u"Paprika rot", u"Birnen", u"Trauben hell"})},
        {QStringLiteral("Dairy"), true, true, 49, 449,
         list({u"Vollmilch 3,5 %", u"Joghurt natur", u"Butter", u"Gouda", u"Quark", u"Sahne", u"Emmentaler",
               u"Buttermilch", u"Frischkäse", u"Kefir"})},
        {QStringLiteral("Coffee & tea"), true, true, 199, 1299,
         list({u"Kaffee Crema", u"Espresso Bohnen", u"Filterkaffee", u"Grüner Tee", u"Pfefferminztee", u"Kamillentee",
               u"Schwarzer Tee", u"Kakao"})},
        {QStringLiteral("Drinks"), true, true, 39, 449,
         list({u"Mineralwasser", u"Apfelschorle", u"Orangensaft", u"Cola", u"Radler", u"Pils", u"Rotwein",
               u"Weißwein"})},
        {QStringLiteral("Household"), true, true, 99, 699,
         list({u"Spülmittel", u"Küchenrolle", u"Müllbeutel", u"Waschmittel", u"Schwämme", u"Glasreiniger"})},
        {QStringLiteral("Books"), true, false, 800, 2800,
         list({u"Roman Taschenbuch", u"Kochbuch", u"Kinderbuch", u"Reiseführer", u"Krimi", u"Bildband"})},
        {QStringLiteral("Tobacco"), false, false, 790, 1200, list({u"Zigaretten", u"Drehtabak", u"Zigarillos"})},
        {QStringLiteral("Deposit"), false, false, 8, 25, list({u"Pfand Flasche", u"Pfand Dose", u"Pfand Kasten"})},
        {QStringLiteral("Gift cards"), false, false, 1000, 5000, list({u"Geschenkkarte"})},
    };
    return categories;
}

const std::vector<QString>& demoGivenNames()
{
    static const std::vector<QString> names =
        list({u"Anna",   u"Lena",   u"Mia",   u"Emma",   u"Hannah",  u"Sophie", u"Marie",   u"Laura",  u"Julia",
              u"Sarah",  u"Lea",    u"Lisa",  u"Katrin", u"Petra",   u"Sabine", u"Ayşe",    u"Zeynep", u"Olga",
              u"Maria",  u"Ingrid", u"Jonas", u"Lukas",  u"Leon",    u"Finn",   u"Paul",    u"Felix",  u"Max",
              u"Elias",  u"Noah",   u"Ben",   u"Thomas", u"Michael", u"Stefan", u"Andreas", u"Jürgen", u"Klaus",
              u"Mehmet", u"Ali",    u"Piotr", u"Luca",   u"Matteo",  u"Jan",    u"Tim",     u"Niklas", u"Sven"});
    return names;
}

const std::vector<QString>& demoFamilyNames()
{
    static const std::vector<QString> names =
        list({u"Müller",   u"Schmidt",  u"Schneider", u"Fischer",    u"Weber",  u"Meyer",   u"Wagner",  u"Becker",
              u"Schulz",   u"Hoffmann", u"Schäfer",   u"Koch",       u"Bauer",  u"Richter", u"Klein",   u"Wolf",
              u"Schröder", u"Neumann",  u"Schwarz",   u"Zimmermann", u"Braun",  u"Krüger",  u"Hofmann", u"Hartmann",
              u"Lange",    u"Schmitt",  u"Werner",    u"Krause",     u"Meier",  u"Lehmann", u"Schmid",  u"Schulze",
              u"Maier",    u"Köhler",   u"Herrmann",  u"König",      u"Walter", u"Mayer",   u"Huber",   u"Kaiser",
              u"Yılmaz",   u"Kaya",     u"Nowak",     u"Kowalski",   u"Rossi",  u"Öztürk",  u"Peters",  u"Vogel"});
    return names;
}

}  // namespace loyalty
