#include "demo/DemoDataGenerator.h"

#include "demo/DemoShop.h"
#include "program/format/ProgrammeStore.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "time/Clock.h"

#include <QSqlQuery>

namespace loyalty {

DemoDataGenerator::DemoDataGenerator(Database& database, const Clock& clock, quint32 seed)
    : m_database(database)
    , m_clock(clock)
    , m_seed(seed)
{
}

QString DemoDataGenerator::cardNumberFor(qint64 memberId)
{
    return DemoShop::cardNumberFor(memberId);
}

QString DemoDataGenerator::blockedCardNumberFor(qint64 memberId)
{
    return DemoShop::blockedCardNumberFor(memberId);
}

QString DemoDataGenerator::productEanFor(int productIndex)
{
    return DemoShop::productEanFor(productIndex);
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
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral("INSERT INTO products (id, ean, name, price_minor, currency, category, earns_points,"
                                  " discountable) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    const auto products = DemoShop(m_seed, m_clock.now()).products();
    for (const DemoProduct& product : products) {
        insert.bindValue(0, product.index + 1);
        insert.bindValue(1, product.ean);
        insert.bindValue(2, product.name);
        insert.bindValue(3, product.priceMinor);
        insert.bindValue(4, settings->currency);
        insert.bindValue(5, product.category);
        insert.bindValue(6, product.earnsPoints);
        insert.bindValue(7, product.discountable);
        if (!insert.exec())
            return StoreError::from(insert.lastError());
    }
    return qint64(products.size());
}

Result<qint64> DemoDataGenerator::insertMembers(qint64 memberCount)
{
    const QSqlDatabase db = m_database.connection();
    QSqlQuery member(db);
    member.prepare(
        QStringLiteral("INSERT INTO members (id, uuid, name, email, phone, enrolled_at) VALUES (?, ?, ?, ?, ?, ?)"));
    QSqlQuery card(db);
    card.prepare(QStringLiteral("INSERT INTO cards (number, member_id, state, issued_at) VALUES (?, ?, ?, ?)"));
    // Keyed as head office keys the same balance, so a provisioned demo till does not book it twice.
    QSqlQuery opening(db);
    opening.prepare(QStringLiteral("INSERT INTO ledger_entries (member_id, sale_id, kind, points, reason, created_at,"
                                   " origin_key) VALUES (?, NULL, ?, ?, ?, ?, ?)"));

    DemoShop shop(m_seed, m_clock.now());
    const QString nowIso = m_clock.now().toUTC().toString(Qt::ISODateWithMs);
    qint64 cards = 0;
    for (qint64 id = 1; id <= memberCount; ++id) {
        const DemoMember demo = shop.nextMember();
        member.bindValue(0, demo.number);
        member.bindValue(1, demo.uuid);
        member.bindValue(2, demo.name);
        member.bindValue(3, demo.email);
        member.bindValue(4, demo.phone);
        member.bindValue(5, demo.enrolledAt);
        if (!member.exec())
            return StoreError::from(member.lastError());
        for (const DemoCard& demoCard : demo.cards) {
            card.bindValue(0, demoCard.number);
            card.bindValue(1, demo.number);
            card.bindValue(2, demoCard.state);
            card.bindValue(3, demo.enrolledAt);
            if (!card.exec())
                return StoreError::from(card.lastError());
            ++cards;
        }
        opening.bindValue(0, demo.number);
        opening.bindValue(1, DemoShop::kOpeningKind);
        opening.bindValue(2, demo.openingBalance);
        opening.bindValue(3, DemoShop::kOpeningReason);
        opening.bindValue(4, nowIso);
        opening.bindValue(5, DemoShop::openingKeyFor(demo.uuid));
        if (!opening.exec())
            return StoreError::from(opening.lastError());
    }
    return cards;
}

}  // namespace loyalty
