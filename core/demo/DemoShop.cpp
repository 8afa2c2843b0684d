#include "demo/DemoShop.h"

#include "barcode/Gtin.h"
#include "demo/DemoCatalog.h"
#include "sync/protocol/SyncProtocol.h"

#include <QStringBuilder>
#include <QStringList>

namespace loyalty {

namespace {
QString asciiFold(const QString& name)
{
    QString folded = name.toLower();
    folded.replace(u'ä', QStringLiteral("ae")).replace(u'ö', QStringLiteral("oe")).replace(u'ü', QStringLiteral("ue"));
    folded.replace(u'ß', QStringLiteral("ss")).replace(u'ş', u's').replace(u'ı', u'i');
    return folded;
}
}  // namespace

DemoShop::DemoShop(quint32 seed, const QDateTime& now)
    : m_seed(seed)
    , m_now(now.toUTC())
    , m_random(seed)
{
}

QString DemoShop::cardNumberFor(qint64 memberNumber)
{
    return Gtin::withCheckDigit(QStringLiteral("2000%1").arg(memberNumber, 8, 10, QLatin1Char('0')));
}

QString DemoShop::blockedCardNumberFor(qint64 memberNumber)
{
    return Gtin::withCheckDigit(QStringLiteral("20009%1").arg(memberNumber, 7, 10, QLatin1Char('0')));
}

QString DemoShop::productEanFor(int productIndex)
{
    // Every tenth article carries a short EAN-8, as small packs do; the rest EAN-13.
    if (productIndex % 10 == 9)
        return Gtin::withCheckDigit(QStringLiteral("4100%1").arg(productIndex, 3, 10, QLatin1Char('0')));
    return Gtin::withCheckDigit(QStringLiteral("4006381%1").arg(productIndex, 5, 10, QLatin1Char('0')));
}

QString DemoShop::openingKeyFor(const QString& memberUuid)
{
    return QStringLiteral("opening/") + memberUuid;
}

DemoMember DemoShop::nextMember()
{
    static const auto& given = demoGivenNames();
    static const auto& family = demoFamilyNames();
    DemoMember member;
    member.number = m_next++;
    member.uuid = sync::memberUuidForNumber(member.number);
    // The draws keep their order: given name, family name, enrolment, phone, opening balance.
    const QString& first = given[m_random.below(given.size())];
    const QString& last = family[m_random.below(family.size())];
    member.enrolledAt = m_now.addSecs(-qint64(m_random.below(5 * 365 * 86400))).toString(Qt::ISODateWithMs);
    member.name = first % u' ' % last;
    member.email = asciiFold(first) % u'.' % asciiFold(last) % QString::number(member.number) % u"@example.org";
    member.phone = QStringLiteral("+49 151 %1").arg(m_random.below(10'000'000), 7, 10, QLatin1Char('0'));
    member.cards.push_back({cardNumberFor(member.number), QStringLiteral("active")});
    if (member.number % kBlockedCardEvery == 0)
        member.cards.push_back({blockedCardNumberFor(member.number), QStringLiteral("blocked")});
    member.openingBalance = qint64(m_random.below(3000));
    return member;
}

std::vector<DemoProduct> DemoShop::products() const
{
    DemoRandom random(quint64(m_seed) * 2 + 1);
    const auto& categories = demoCategories();
    const QStringList sizes{QString(),
                            QStringLiteral(" klein"),
                            QStringLiteral(" groß"),
                            QStringLiteral(" Bio"),
                            QStringLiteral(" Familienpackung"),
                            QStringLiteral(" Angebot")};
    std::vector<DemoProduct> products;
    products.reserve(kProductCount);
    // Walk categories round-robin so every category is represented whatever the count.
    std::vector<int> nextArticle(categories.size(), 0);
    for (int index = 0; index < kProductCount; ++index) {
        const size_t c = size_t(index) % categories.size();
        const DemoCategory& category = categories[c];
        const int article = nextArticle[c]++;
        const QString& base = category.articles[size_t(article) % category.articles.size()];
        const qsizetype variant = (article / qsizetype(category.articles.size())) % sizes.size();
        const qint64 price = random.between(category.minPriceMinor, category.maxPriceMinor);
        // Shelf prices end in 9 as shops price them; gift cards come in steps of 5.
        const qint64 shelfPrice = std::max<qint64>(category.minPriceMinor, price - price % 10 + 9);
        products.push_back({index, productEanFor(index), base + sizes[variant],
                            category.name == QLatin1String("Gift cards") ? price - price % 500 + 500 : shelfPrice,
                            category.name, category.earnsPoints, category.discountable});
    }
    return products;
}

}  // namespace loyalty
