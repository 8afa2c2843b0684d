#include "records/HqRecordWriter.h"

#include "records/HqChangeData.h"
#include "store/HqDatabase.h"
#include "store/HqStoreError.h"
#include "sync/protocol/SyncProtocol.h"

#include <QVariant>

namespace loyalty::hq {

namespace {
QVariant nullable(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// For NOT NULL text columns: a null QString would bind as SQL NULL.
QVariant notNull(const QString& text)
{
    return text.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(text);
}
}  // namespace

HqRecordWriter::HqRecordWriter(HqDatabase& database)
    : m_feed(database)
    , m_memberExists(database.connection())
    , m_insertMember(database.connection())
    , m_selectMember(database.connection())
    , m_updateMember(database.connection())
    , m_memberCards(database.connection())
    , m_selectCard(database.connection())
    , m_upsertCard(database.connection())
    , m_insertLedger(database.connection())
    , m_balance(database.connection())
    , m_upsertProduct(database.connection())
{
    m_memberExists.prepare(QStringLiteral("SELECT 1 FROM members WHERE uuid = ?"));
    m_insertMember.prepare(QStringLiteral("INSERT INTO members (uuid, number, name, email, phone, birth_date,"
                                          " enrolled_at, referred_by_uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                                          " ON CONFLICT (uuid) DO NOTHING"));
    m_selectMember.prepare(
        QStringLiteral("SELECT number, name, email, phone, birth_date, enrolled_at, referred_by_uuid,"
                       " merged_into, erased_at FROM members WHERE uuid = ?"));
    m_updateMember.prepare(QStringLiteral("UPDATE members SET name = ?, email = ?, phone = ?, birth_date = ?,"
                                          " enrolled_at = ?, referred_by_uuid = ?, merged_into = ?, erased_at = ?"
                                          " WHERE uuid = ?"));
    m_memberCards.prepare(QStringLiteral("SELECT number, state, kind, replaced_by, issued_at FROM cards"
                                         " WHERE member_uuid = ? ORDER BY number"));
    m_selectCard.prepare(QStringLiteral("SELECT member_uuid, state, kind, replaced_by, issued_at FROM cards"
                                        " WHERE number = ?"));
    m_upsertCard.prepare(QStringLiteral("INSERT INTO cards (number, member_uuid, state, kind, replaced_by, issued_at)"
                                        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (number) DO UPDATE SET"
                                        " member_uuid = excluded.member_uuid, state = excluded.state,"
                                        " kind = excluded.kind, replaced_by = excluded.replaced_by,"
                                        " issued_at = excluded.issued_at"));
    m_insertLedger.prepare(QStringLiteral("INSERT INTO ledger (key, member_uuid, account, kind, points, reason,"
                                          " explanation, expires_on, created_at, till_id)"
                                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING"));
    m_balance.prepare(QStringLiteral("SELECT CAST(coalesce(sum(points), 0) AS BIGINT) FROM ledger"
                                     " WHERE member_uuid = ? AND account = ?"));
    m_upsertProduct.prepare(QStringLiteral("INSERT INTO products (ean, name, price_minor, currency, category,"
                                           " earns_points, discountable) VALUES (?, ?, ?, ?, ?, ?, ?)"
                                           " ON CONFLICT (ean) DO UPDATE SET name = excluded.name,"
                                           " price_minor = excluded.price_minor, currency = excluded.currency,"
                                           " category = excluded.category, earns_points = excluded.earns_points,"
                                           " discountable = excluded.discountable"));
}

Result<bool> HqRecordWriter::memberExists(const QString& uuid)
{
    m_memberExists.bindValue(0, uuid);
    if (!m_memberExists.exec())
        return HqStoreError::from(m_memberExists.lastError());
    const bool exists = m_memberExists.next();
    m_memberExists.finish();
    return exists;
}

Result<bool> HqRecordWriter::addMember(const HqMember& member, const QString& originTill)
{
    m_insertMember.bindValue(0, member.uuid);
    m_insertMember.bindValue(1, member.number ? QVariant(*member.number) : QVariant(QMetaType::fromType<qint64>()));
    m_insertMember.bindValue(2, member.name);
    m_insertMember.bindValue(3, nullable(member.email));
    m_insertMember.bindValue(4, nullable(member.phone));
    m_insertMember.bindValue(5, nullable(member.birthDate));
    m_insertMember.bindValue(6, member.enrolledAt);
    m_insertMember.bindValue(7, nullable(member.referredByUuid));
    if (!m_insertMember.exec())
        return HqStoreError::from(m_insertMember.lastError());
    if (m_insertMember.numRowsAffected() == 0)
        return false;
    if (auto appended = m_feed.appendText(sync::kMemberChange, HqChangeData::member(member), originTill); !appended)
        return appended.error();
    return true;
}

Result<std::optional<HqMember>> HqRecordWriter::member(const QString& uuid)
{
    m_selectMember.bindValue(0, uuid);
    if (!m_selectMember.exec())
        return HqStoreError::from(m_selectMember.lastError());
    std::optional<HqMember> found;
    if (m_selectMember.next()) {
        HqMember member;
        member.uuid = uuid;
        if (!m_selectMember.value(0).isNull())
            member.number = m_selectMember.value(0).toLongLong();
        member.name = m_selectMember.value(1).toString();
        member.email = m_selectMember.value(2).toString();
        member.phone = m_selectMember.value(3).toString();
        member.birthDate = m_selectMember.value(4).toString();
        member.enrolledAt = m_selectMember.value(5).toString();
        member.referredByUuid = m_selectMember.value(6).toString();
        member.mergedIntoUuid = m_selectMember.value(7).toString();
        member.erasedAt = m_selectMember.value(8).toString();
        found = member;
    }
    m_selectMember.finish();
    return found;
}

Result<Done> HqRecordWriter::updateMember(const HqMember& member, const QString& originTill)
{
    m_updateMember.bindValue(0, notNull(member.name));
    m_updateMember.bindValue(1, nullable(member.email));
    m_updateMember.bindValue(2, nullable(member.phone));
    m_updateMember.bindValue(3, nullable(member.birthDate));
    m_updateMember.bindValue(4, member.enrolledAt);
    m_updateMember.bindValue(5, nullable(member.referredByUuid));
    m_updateMember.bindValue(6, nullable(member.mergedIntoUuid));
    m_updateMember.bindValue(7, nullable(member.erasedAt));
    m_updateMember.bindValue(8, member.uuid);
    if (!m_updateMember.exec())
        return HqStoreError::from(m_updateMember.lastError());
    if (auto appended = m_feed.appendText(sync::kMemberChange, HqChangeData::member(member), originTill); !appended)
        return appended.error();
    return Done{};
}

Result<QList<HqCard>> HqRecordWriter::cardsOf(const QString& memberUuid)
{
    m_memberCards.bindValue(0, memberUuid);
    if (!m_memberCards.exec())
        return HqStoreError::from(m_memberCards.lastError());
    QList<HqCard> cards;
    while (m_memberCards.next()) {
        cards.append(HqCard{m_memberCards.value(0).toString(), memberUuid, m_memberCards.value(1).toString(),
                            m_memberCards.value(2).toString(), m_memberCards.value(3).toString(),
                            m_memberCards.value(4).toString()});
    }
    m_memberCards.finish();
    return cards;
}

Result<std::optional<HqCard>> HqRecordWriter::card(const QString& number)
{
    m_selectCard.bindValue(0, number);
    if (!m_selectCard.exec())
        return HqStoreError::from(m_selectCard.lastError());
    std::optional<HqCard> found;
    if (m_selectCard.next()) {
        found = HqCard{number,
                       m_selectCard.value(0).toString(),
                       m_selectCard.value(1).toString(),
                       m_selectCard.value(2).toString(),
                       m_selectCard.value(3).toString(),
                       m_selectCard.value(4).toString()};
    }
    m_selectCard.finish();
    return found;
}

Result<Done> HqRecordWriter::putCard(const HqCard& card, const QString& originTill)
{
    m_upsertCard.bindValue(0, card.number);
    m_upsertCard.bindValue(1, card.memberUuid);
    m_upsertCard.bindValue(2, card.state);
    m_upsertCard.bindValue(3, card.kind);
    m_upsertCard.bindValue(4, nullable(card.replacedBy));
    m_upsertCard.bindValue(5, card.issuedAt);
    if (!m_upsertCard.exec())
        return HqStoreError::from(m_upsertCard.lastError());
    if (auto appended = m_feed.appendText(sync::kCardChange, HqChangeData::card(card), originTill); !appended)
        return appended.error();
    return Done{};
}

Result<bool> HqRecordWriter::addLedgerEntry(const HqLedgerEntry& entry, const QString& originTill)
{
    m_insertLedger.bindValue(0, entry.key);
    m_insertLedger.bindValue(1, entry.memberUuid);
    m_insertLedger.bindValue(2, entry.account);
    m_insertLedger.bindValue(3, entry.kind);
    m_insertLedger.bindValue(4, entry.points);
    m_insertLedger.bindValue(5, notNull(entry.reason));
    m_insertLedger.bindValue(6, notNull(entry.explanation));
    m_insertLedger.bindValue(7, nullable(entry.expiresOn));
    m_insertLedger.bindValue(8, entry.createdAt);
    m_insertLedger.bindValue(9, nullable(entry.tillId));
    if (!m_insertLedger.exec())
        return HqStoreError::from(m_insertLedger.lastError());
    if (m_insertLedger.numRowsAffected() == 0)
        return false;
    if (auto appended = m_feed.appendText(sync::kLedgerChange, HqChangeData::ledger(entry), originTill); !appended)
        return appended.error();
    return true;
}

Result<Points> HqRecordWriter::balance(const QString& memberUuid, const QString& account)
{
    m_balance.bindValue(0, memberUuid);
    m_balance.bindValue(1, account);
    if (!m_balance.exec() || !m_balance.next())
        return HqStoreError::from(m_balance.lastError());
    const Points points = m_balance.value(0).toLongLong();
    m_balance.finish();
    return points;
}

Result<Done> HqRecordWriter::putProduct(const HqProduct& product, const QString& originTill)
{
    m_upsertProduct.bindValue(0, product.ean);
    m_upsertProduct.bindValue(1, product.name);
    m_upsertProduct.bindValue(2, product.priceMinor);
    m_upsertProduct.bindValue(3, product.currency);
    m_upsertProduct.bindValue(4, notNull(product.category));
    m_upsertProduct.bindValue(5, product.earnsPoints ? 1 : 0);
    m_upsertProduct.bindValue(6, product.discountable ? 1 : 0);
    if (!m_upsertProduct.exec())
        return HqStoreError::from(m_upsertProduct.lastError());
    if (auto appended = m_feed.appendText(sync::kProductChange, HqChangeData::product(product), originTill); !appended)
        return appended.error();
    return Done{};
}

}  // namespace loyalty::hq
