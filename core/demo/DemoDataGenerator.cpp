#include "demo/DemoDataGenerator.h"

#include "barcode/Gtin.h"
#include "demo/DemoCatalog.h"
#include "program/format/ProgrammeStore.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "time/Clock.h"

#include <QSqlQuery>
#include <QStringBuilder>

#include <random>

namespace loyalty {

namespace {
constexpr int kProductCount = 300;
constexpr int kBlockedCardEvery = 1000;

// A 64-bit generator with fixed, documented output on every platform (unlike std::uniform_*_distribution).
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed)
        : m_engine(seed)
    {
    }
    quint64 below(quint64 bound) { return m_engine() % bound; }
    qint64 between(qint64 low, qint64 high) { return low + qint64(below(quint64(high - low + 1))); }

private:
    std::mt19937_64 m_engine;
};

QString asciiFold(const QString& name)
{
    QString folded = name.toLower();
    folded.replace(u'ä', QStringLiteral("ae")).replace(u'ö', QStringLiteral("oe")).replace(u'ü', QStringLiteral("ue"));
    folded.replace(u'ß', QStringLiteral("ss")).replace(u'ş', u's').replace(u'ı', u'i');
    return folded;
}
}  // namespace

DemoDataGenerator::DemoDataGenerator(Database& database, const Clock& clock, quint32 seed)
    : m_database(database)
    , m_clock(clock)
    , m_seed(seed)
{
}

QString DemoDataGenerator::cardNumberFor(qint64 memberId)
{
    return Gtin::withCheckDigit(QStringLiteral("2000%1").arg(memberId, 8, 10, QLatin1Char('0')));
}

QString DemoDataGenerator::blockedCardNumberFor(qint64 memberId)
{
    return Gtin::withCheckDigit(QStringLiteral("20009%1").arg(memberId, 7, 10, QLatin1Char('0')));
}

QString DemoDataGenerator::productEanFor(int productIndex)
{
    // Every tenth article carries a short EAN-8, as small packs do; the rest EAN-13.
    if (productIndex % 10 == 9)
        return Gtin::withCheckDigit(QStringLiteral("4100%1").arg(productIndex, 3, 10, QLatin1Char('0')));
    return Gtin::withCheckDigit(QStringLiteral("4006381%1").arg(productIndex, 5, 10, QLatin1Char('0')));
}

Result<DemoDataGenerator::Summary> DemoDataGenerator::generate(qint64 memberCount)
{
    if (memberCount < 0 || memberCount > kMaxMembers) {
        return Error{Error::Code::InvalidInput,
                     tr("The number of demo members must be between 0 and %1.").arg(kMaxMembers)};
    }
    if (auto empty = requireEmpty(); !empty)
        return empty.error();
    // Before the data, in its own transaction (ProgrammeStore takes one): should the data fail, the
    // programme is all that is left, and a second run keeps it.
    Summary summary;
    if (auto activated = activateProgramme(summary); !activated)
        return activated.error();

    Transaction transaction(m_database.connection());
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    const auto products = insertProducts();
    if (!products)
        return products.error();
    const auto cards = insertMembers(memberCount);
    if (!cards)
        return cards.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    summary.members = memberCount;
    summary.cards = *cards;
    summary.products = *products;
    return summary;
}

Result<Done> DemoDataGenerator::activateProgramme(Summary& summary) const
{
    ProgrammeStore store(m_database.connection());
    const auto stored = store.storedVersion();
    if (!stored)
        return stored.error();
    if (*stored > 0) {
        const auto active = store.active();
        if (!active)
            return active.error();
        summary.programmeId = active->id;
        summary.programmeVersion = active->version;
        return Done{};
    }
    const auto activated = store.activate(ProgrammeStore::builtInDocument(), m_clock.nowIso());
    if (!activated)
        return activated.error();
    summary.programmeId = activated->id;
    summary.programmeVersion = activated->version;
    summary.programmeActivated = true;
    return Done{};
}

Result<Done> DemoDataGenerator::requireEmpty() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT (SELECT count(*) FROM members) + (SELECT count(*) FROM products)")) ||
        !query.next())
        return StoreError::from(query.lastError());
    if (query.value(0).toLongLong() > 0) {
        return Error{Error::Code::Conflict,
                     tr("The database %1 already holds members or products; demo data goes only into a new, "
                        "empty database. Nothing was changed.")
                         .arg(m_database.path())};
    }
    return Done{};
}

Result<qint64> DemoDataGenerator::insertProducts()
{
    const auto settings = TillSettings::load(m_database.connection());
    if (!settings)
        return settings.error();
    DemoRandom random(quint64(m_seed) * 2 + 1);
    const auto& categories = demoCategories();
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral("INSERT INTO products (id, ean, name, price_minor, currency, category, earns_points,"
                                  " discountable) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    const QStringList sizes{QString(),
                            QStringLiteral(" klein"),
                            QStringLiteral(" groß"),
                            QStringLiteral(" Bio"),
                            QStringLiteral(" Familienpackung"),
                            QStringLiteral(" Angebot")};
    // Walk categories round-robin so every category is represented whatever the count.
    std::vector<int> nextArticle(categories.size(), 0);
    for (int index = 0; index < kProductCount; ++index) {
        const size_t c = size_t(index) % categories.size();
        const DemoCategory& category = categories[c];
        const int article = nextArticle[c]++;
        const QString& base = category.articles[size_t(article) % category.articles.size()];
        const qsizetype variant = (article / qsizetype(category.articles.size())) % sizes.size();
        const qint64 price = random.between(category.minPriceMinor, category.maxPriceMinor);
        // Shelf prices end in 9 as shops price them.
        const qint64 shelfPrice = std::max<qint64>(category.minPriceMinor, price - price % 10 + 9);
        insert.bindValue(0, index + 1);
        insert.bindValue(1, productEanFor(index));
        insert.bindValue(2, QString(base + sizes[variant]));
        insert.bindValue(3, category.name == QLatin1String("Gift cards") ? price - price % 500 + 500 : shelfPrice);
        insert.bindValue(4, settings->currency);
        insert.bindValue(5, category.name);
        insert.bindValue(6, category.earnsPoints);
        insert.bindValue(7, category.discountable);
        if (!insert.exec())
            return StoreError::from(insert.lastError());
    }
    return qint64(kProductCount);
}

Result<qint64> DemoDataGenerator::insertMembers(qint64 memberCount)
{
    const QSqlDatabase db = m_database.connection();
    QSqlQuery member(db);
    member.prepare(QStringLiteral("INSERT INTO members (id, name, email, phone, enrolled_at) VALUES (?, ?, ?, ?, ?)"));
    QSqlQuery card(db);
    card.prepare(QStringLiteral("INSERT INTO cards (number, member_id, state, issued_at) VALUES (?, ?, ?, ?)"));
    QSqlQuery opening(db);
    opening.prepare(QStringLiteral("INSERT INTO ledger_entries (member_id, sale_id, kind, points, reason, created_at)"
                                   " VALUES (?, NULL, 'opening', ?, 'demo.opening_balance', ?)"));

    DemoRandom random(m_seed);
    const auto& given = demoGivenNames();
    const auto& family = demoFamilyNames();
    const QDateTime now = m_clock.now().toUTC();
    const QString nowIso = now.toString(Qt::ISODateWithMs);
    const QString active = QStringLiteral("active");
    const QString blocked = QStringLiteral("blocked");
    qint64 cards = 0;

    for (qint64 id = 1; id <= memberCount; ++id) {
        const QString& first = given[random.below(given.size())];
        const QString& last = family[random.below(family.size())];
        const QString enrolled = now.addSecs(-qint64(random.below(5 * 365 * 86400))).toString(Qt::ISODateWithMs);
        member.bindValue(0, id);
        member.bindValue(1, QString(first % u' ' % last));
        member.bindValue(2, QString(asciiFold(first) % u'.' % asciiFold(last) % QString::number(id) % u"@example.org"));
        member.bindValue(3, QStringLiteral("+49 151 %1").arg(random.below(10'000'000), 7, 10, QLatin1Char('0')));
        member.bindValue(4, enrolled);
        if (!member.exec())
            return StoreError::from(member.lastError());

        card.bindValue(0, cardNumberFor(id));
        card.bindValue(1, id);
        card.bindValue(2, active);
        card.bindValue(3, enrolled);
        if (!card.exec())
            return StoreError::from(card.lastError());
        ++cards;
        if (id % kBlockedCardEvery == 0) {
            card.bindValue(0, blockedCardNumberFor(id));
            card.bindValue(1, id);
            card.bindValue(2, blocked);
            card.bindValue(3, enrolled);
            if (!card.exec())
                return StoreError::from(card.lastError());
            ++cards;
        }

        // Balances carried over from the shop's previous system, so the demo has something to show.
        opening.bindValue(0, id);
        opening.bindValue(1, qint64(random.below(3000)));
        opening.bindValue(2, nowIso);
        if (!opening.exec())
            return StoreError::from(opening.lastError());
    }
    return cards;
}

}  // namespace loyalty
