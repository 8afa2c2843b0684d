#include "BenchProgramme.h"

#include "demo/DemoShop.h"
#include "program/format/ProgrammeStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace loyalty::bench {

namespace {

QJsonObject eanScope(int productIndex)
{
    return QJsonObject{{QStringLiteral("eans"), QJsonArray{DemoShop::productEanFor(productIndex)}}};
}

QJsonObject categoryScope(const QString& category)
{
    return QJsonObject{{QStringLiteral("categories"), QJsonArray{category}}};
}

// The n-th added rule: four kinds in turn, each on other products or categories, none limited in time.
QJsonObject addedRule(int n)
{
    static const QStringList categories{QStringLiteral("Bakery"), QStringLiteral("Dairy"), QStringLiteral("Drinks"),
                                        QStringLiteral("Fresh produce"), QStringLiteral("Household")};
    const QString id = QStringLiteral("bench.rule%1").arg(n, 2, 10, QLatin1Char('0'));
    const int product = (n * 7) % DemoShop::kProductCount;
    switch (n % 4) {
    case 0:
        return {{QStringLiteral("id"), id},
                {QStringLiteral("type"), QStringLiteral("product_points")},
                {QStringLiteral("label"), QStringLiteral("bench product points %1").arg(n)},
                {QStringLiteral("scope"), eanScope(product)},
                {QStringLiteral("points"), 5 + n}};
    case 1:
        return {{QStringLiteral("id"), id},
                {QStringLiteral("type"), QStringLiteral("bonus_points")},
                {QStringLiteral("label"), QStringLiteral("bench bonus %1").arg(n)},
                {QStringLiteral("scope"), categoryScope(categories.at(n % categories.size()))},
                {QStringLiteral("min_spend_minor"), 500 + 100 * n},
                {QStringLiteral("points"), 10 + n}};
    case 2:
        return {{QStringLiteral("id"), id},
                {QStringLiteral("type"), QStringLiteral("multiplier")},
                {QStringLiteral("label"), QStringLiteral("bench multiplier %1").arg(n)},
                {QStringLiteral("scope"), eanScope(product)},
                {QStringLiteral("factor_percent"), 150 + 10 * (n % 5)}};
    default:
        return {{QStringLiteral("id"), id},
                {QStringLiteral("type"), QStringLiteral("percent_discount")},
                {QStringLiteral("label"), QStringLiteral("bench discount %1").arg(n)},
                {QStringLiteral("scope"), eanScope(product)},
                {QStringLiteral("audience"), QJsonObject{{QStringLiteral("members_only"), true}}},
                {QStringLiteral("basis_points"), 500 + 100 * (n % 10)}};
    }
}

}  // namespace

QByteArray BenchProgramme::document(int version)
{
    QJsonObject programme = QJsonDocument::fromJson(ProgrammeStore::builtInDocument()).object();
    QJsonArray rules = programme.value(QStringLiteral("rules")).toArray();
    for (int n = 1; rules.size() < kRules; ++n)
        rules.append(addedRule(n));
    programme.insert(QStringLiteral("rules"), rules);
    programme.insert(QStringLiteral("version"), version);
    programme.insert(QStringLiteral("name"), QStringLiteral("Benchmark programme (50 rules)"));
    return QJsonDocument(programme).toJson(QJsonDocument::Compact);
}

}  // namespace loyalty::bench
