#include "admin/HqDemo.h"

#include "admin/ProgrammePublisher.h"
#include "program/format/ProgrammeStore.h"
#include "records/HqChangeData.h"
#include "records/HqRecordWriter.h"
#include "store/HqBulkInsert.h"
#include "store/HqDatabase.h"
#include "store/HqStoreError.h"
#include "store/HqTransaction.h"
#include "sync/protocol/SyncProtocol.h"
#include "time/Clock.h"

#include <QSqlQuery>

namespace loyalty::hq {

namespace {
constexpr qint64 kMembersPerFlush = 1000;

}  // namespace

HqDemo::HqDemo(HqDatabase& database, const Clock& clock, quint32 seed)
    : m_database(database)
    , m_clock(clock)
    , m_seed(seed)
{
}

Result<HqDemo::Summary> HqDemo::generate(qint64 memberCount)
{
    if (memberCount < 0 || memberCount > kMaxMembers)
        return Error{Error::Code::InvalidInput,
                     tr("The number of demo members must be between 0 and %1.").arg(kMaxMembers)};
    HqTransaction transaction(m_database);
    if (auto begun = transaction.beginWrite(); !begun)
        return begun.error();
    if (auto empty = requireEmpty(); !empty)
        return empty.error();
    Summary summary;
    const auto products = insertProducts();
    if (!products)
        return products.error();
    summary.products = *products;
    if (auto published = publishProgramme(summary); !published)
        return published.error();
    const auto cards = insertMembers(memberCount);
    if (!cards)
        return cards.error();
    summary.members = memberCount;
    summary.cards = *cards;
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return summary;
}

Result<Done> HqDemo::requireEmpty()
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT (SELECT count(*) FROM members) + (SELECT count(*) FROM products)")) ||
        !query.next())
        return HqStoreError::from(query.lastError());
    if (query.value(0).toLongLong() > 0) {
        return Error{Error::Code::Conflict,
                     tr("Head office's database %1 already holds members or products; demo data goes only into a "
                        "new, empty database. Nothing was changed.")
                         .arg(m_database.displayName())};
    }
    return Done{};
}

Result<Done> HqDemo::publishProgramme(Summary& summary)
{
    ProgrammePublisher publisher(m_database, m_clock);
    const auto latest = publisher.latestVersion();
    if (!latest)
        return latest.error();
    if (*latest > 0) {
        summary.programmeVersion = *latest;
        return Done{};
    }
    const auto published = publisher.publishInTransaction(ProgrammeStore::builtInDocument());
    if (!published)
        return published.error();
    summary.programmeVersion = published->version;
    summary.programmePublished = true;
    return Done{};
}

Result<qint64> HqDemo::insertProducts()
{
    HqRecordWriter writer(m_database);
    const auto products = DemoShop(m_seed, m_clock.now()).products();
    for (const DemoProduct& demo : products) {
        const HqProduct product{demo.ean,      demo.name,        demo.priceMinor,  kCurrency,
                                demo.category, demo.earnsPoints, demo.discountable};
        if (auto put = writer.putProduct(product, QString()); !put)
            return put.error();
    }
    return qint64(products.size());
}

Result<qint64> HqDemo::insertMembers(qint64 memberCount)
{
    HqBulkInsert members(m_database, QStringLiteral("members"),
                         {QStringLiteral("uuid"), QStringLiteral("number"), QStringLiteral("name"),
                          QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("enrolled_at")});
    HqBulkInsert cards(m_database, QStringLiteral("cards"),
                       {QStringLiteral("number"), QStringLiteral("member_uuid"), QStringLiteral("state"),
                        QStringLiteral("kind"), QStringLiteral("issued_at")});
    HqBulkInsert ledger(m_database, QStringLiteral("ledger"),
                        {QStringLiteral("key"), QStringLiteral("member_uuid"), QStringLiteral("account"),
                         QStringLiteral("kind"), QStringLiteral("points"), QStringLiteral("reason"),
                         QStringLiteral("created_at")});
    HqBulkInsert changes(m_database, QStringLiteral("changes"), {QStringLiteral("kind"), QStringLiteral("data")});
    auto flush = [&]() -> Result<Done> {
        // Parents before children: cards and ledger entries name their member.
        for (HqBulkInsert* bulk : {&members, &cards, &ledger, &changes}) {
            if (auto flushed = bulk->flush(); !flushed)
                return flushed;
        }
        return Done{};
    };

    DemoShop shop(m_seed, m_clock.now());
    const QString nowIso = m_clock.now().toUTC().toString(Qt::ISODateWithMs);
    const QString number = QStringLiteral("number");
    const QString points = QStringLiteral("points");
    qint64 cardCount = 0;
    for (qint64 n = 1; n <= memberCount; ++n) {
        const DemoMember demo = shop.nextMember();
        HqMember member;
        member.uuid = demo.uuid;
        member.number = demo.number;
        member.name = demo.name;
        member.email = demo.email;
        member.phone = demo.phone;
        member.enrolledAt = demo.enrolledAt;
        members.add({member.uuid, demo.number, member.name, member.email, member.phone, member.enrolledAt});
        changes.add({sync::kMemberChange, HqChangeData::member(member)});
        for (const DemoCard& demoCard : demo.cards) {
            const HqCard card{demoCard.number, demo.uuid, demoCard.state, number, QString(), demo.enrolledAt};
            cards.add({card.number, card.memberUuid, card.state, card.kind, card.issuedAt});
            changes.add({sync::kCardChange, HqChangeData::card(card)});
            ++cardCount;
        }
        HqLedgerEntry opening;
        opening.key = DemoShop::openingKeyFor(demo.uuid);
        opening.memberUuid = demo.uuid;
        opening.account = points;
        opening.kind = DemoShop::kOpeningKind;
        opening.points = demo.openingBalance;
        opening.reason = DemoShop::kOpeningReason;
        opening.createdAt = nowIso;
        ledger.add({opening.key, opening.memberUuid, opening.account, opening.kind, opening.points, opening.reason,
                    opening.createdAt});
        changes.add({sync::kLedgerChange, HqChangeData::ledger(opening)});
        if (n % kMembersPerFlush == 0) {
            if (auto flushed = flush(); !flushed)
                return flushed.error();
        }
    }
    if (auto flushed = flush(); !flushed)
        return flushed.error();
    return cardCount;
}

}  // namespace loyalty::hq
