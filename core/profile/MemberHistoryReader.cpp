#include "profile/MemberHistoryReader.h"

#include "account/StoredTime.h"
#include "store/StoreError.h"

#include <QVariant>

namespace loyalty {

namespace {
const QString kEntryColumns =
    QStringLiteral("id, kind, account, points, reason, explanation, expires_on, origin_key, created_at");
}  // namespace

MemberHistoryReader::MemberHistoryReader(const QSqlDatabase& db)
    : m_keys(db)
    , m_sale(db)
    , m_effects(db)
    , m_saleEntries(db)
    , m_return(db)
    , m_returnEntries(db)
    , m_entry(db)
{
    // The keys of the member's items; the union of one member's rows is small enough to sort.
    m_keys.prepare(QStringLiteral(
        "SELECT at, k, id FROM ("
        " SELECT completed_at AS at, 2 AS k, id FROM sales WHERE member_id = ?"
        " UNION ALL SELECT r.created_at, 1, r.id FROM sales s JOIN sale_returns r ON r.sale_id = s.id"
        "   WHERE s.member_id = ?"
        " UNION ALL SELECT e.created_at, 0, e.id FROM ledger_entries e WHERE e.member_id = ?"
        "   AND e.return_id IS NULL"
        "   AND (e.sale_id IS NULL OR (SELECT member_id FROM sales WHERE id = e.sale_id) IS NOT e.member_id))"
        " WHERE ? = 1 OR at < ? OR (at = ? AND (k < ? OR (k = ? AND id < ?)))"
        " ORDER BY at DESC, k DESC, id DESC LIMIT ?"));
    m_sale.prepare(QStringLiteral("SELECT uuid, card_number, currency, total_minor, discount_minor FROM sales"
                                  " WHERE id = ?"));
    m_effects.prepare(QStringLiteral("SELECT effect_no, rule_id, kind, account, amount, discount_minor, code,"
                                     " explanation FROM sale_effects WHERE sale_id = ? ORDER BY effect_no"));
    m_saleEntries.prepare(QStringLiteral("SELECT %1 FROM ledger_entries WHERE sale_id = ? AND member_id = ?"
                                         " AND return_id IS NULL ORDER BY id")
                              .arg(kEntryColumns));
    m_return.prepare(QStringLiteral("SELECT r.uuid, r.sale_id, r.refund_minor, s.uuid, s.currency, s.card_number"
                                    " FROM sale_returns r JOIN sales s ON s.id = r.sale_id WHERE r.id = ?"));
    // By the sale's index, then the return: ledger_entries has no index on return_id.
    m_returnEntries.prepare(QStringLiteral("SELECT %1 FROM ledger_entries WHERE sale_id = ? AND member_id = ?"
                                           " AND return_id = ? ORDER BY id")
                                .arg(kEntryColumns));
    m_entry.prepare(QStringLiteral("SELECT %1 FROM ledger_entries WHERE id = ?").arg(kEntryColumns));
}

Result<QList<HistoryEntry>> MemberHistoryReader::entries(QSqlQuery& query)
{
    if (!query.exec())
        return StoreError::from(query.lastError());
    QList<HistoryEntry> list;
    while (query.next()) {
        HistoryEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.kind = query.value(1).toString();
        entry.account = query.value(2).toString();
        entry.amount = query.value(3).toLongLong();
        entry.reason = query.value(4).toString();
        entry.explanation = query.value(5).toString();
        entry.expiresOn = StoredTime::parseDay(query.value(6).toString());
        entry.fromHeadOffice = !query.value(7).isNull();
        entry.at = StoredTime::parseInstant(query.value(8).toString());
        list << entry;
    }
    query.finish();
    return list;
}

namespace {
qint64 pointsOf(const QList<HistoryEntry>& entries)
{
    qint64 sum = 0;
    for (const HistoryEntry& entry : entries) {
        if (entry.account == u"points")
            sum += entry.amount;
    }
    return sum;
}
}  // namespace

Result<Done> MemberHistoryReader::readSale(qint64 memberId, MemberHistoryItem& item)
{
    m_sale.bindValue(0, item.id);
    if (!m_sale.exec())
        return StoreError::from(m_sale.lastError());
    if (m_sale.next()) {
        item.saleId = item.id;
        item.uuid = m_sale.value(0).toString();
        item.saleUuid = item.uuid;
        item.cardNumber = m_sale.value(1).toString();
        item.currency = m_sale.value(2).toString();
        item.totalMinor = m_sale.value(3).toLongLong();
        item.discountMinor = m_sale.value(4).toLongLong();
    }
    m_sale.finish();
    m_effects.bindValue(0, item.id);
    if (!m_effects.exec())
        return StoreError::from(m_effects.lastError());
    while (m_effects.next()) {
        item.effects << HistoryEffect{m_effects.value(0).toInt(),      m_effects.value(1).toString(),
                                      m_effects.value(2).toString(),   m_effects.value(3).toString(),
                                      m_effects.value(4).toLongLong(), m_effects.value(5).toLongLong(),
                                      m_effects.value(6).toString(),   m_effects.value(7).toString()};
    }
    m_effects.finish();
    m_saleEntries.bindValue(0, item.id);
    m_saleEntries.bindValue(1, memberId);
    auto list = entries(m_saleEntries);
    if (!list)
        return list.error();
    item.entries = *list;
    item.pointsChange = pointsOf(item.entries);
    return Done{};
}

Result<Done> MemberHistoryReader::readReturn(qint64 memberId, MemberHistoryItem& item)
{
    m_return.bindValue(0, item.id);
    if (!m_return.exec())
        return StoreError::from(m_return.lastError());
    if (m_return.next()) {
        item.uuid = m_return.value(0).toString();
        item.saleId = m_return.value(1).toLongLong();
        item.totalMinor = m_return.value(2).toLongLong();
        item.saleUuid = m_return.value(3).toString();
        item.currency = m_return.value(4).toString();
        item.cardNumber = m_return.value(5).toString();
    }
    m_return.finish();
    m_returnEntries.bindValue(0, item.saleId);
    m_returnEntries.bindValue(1, memberId);
    m_returnEntries.bindValue(2, item.id);
    auto list = entries(m_returnEntries);
    if (!list)
        return list.error();
    item.entries = *list;
    item.pointsChange = pointsOf(item.entries);
    return Done{};
}

Result<Done> MemberHistoryReader::readEntry(MemberHistoryItem& item)
{
    m_entry.bindValue(0, item.id);
    auto list = entries(m_entry);
    if (!list)
        return list.error();
    item.entries = *list;
    item.pointsChange = pointsOf(item.entries);
    return Done{};
}

Result<MemberHistoryPage> MemberHistoryReader::page(qint64 memberId, int limit, const MemberHistoryCursor& after)
{
    limit = std::clamp(limit, 1, 1000);
    int i = 0;
    for (int n = 0; n < 3; ++n)
        m_keys.bindValue(i++, memberId);
    m_keys.bindValue(i++, after.isStart() ? 1 : 0);
    m_keys.bindValue(i++, after.storedAt);
    m_keys.bindValue(i++, after.storedAt);
    m_keys.bindValue(i++, after.kind);
    m_keys.bindValue(i++, after.kind);
    m_keys.bindValue(i++, after.id);
    m_keys.bindValue(i++, limit + 1);
    if (!m_keys.exec())
        return StoreError::from(m_keys.lastError());
    MemberHistoryPage result;
    while (m_keys.next()) {
        if (result.items.size() == limit) {
            result.hasMore = true;
            break;
        }
        MemberHistoryItem item;
        item.storedAt = m_keys.value(0).toString();
        item.at = StoredTime::parseInstant(item.storedAt);
        item.kind = static_cast<MemberHistoryItem::Kind>(m_keys.value(1).toInt());
        item.id = m_keys.value(2).toLongLong();
        result.items << item;
    }
    m_keys.finish();
    for (MemberHistoryItem& item : result.items) {
        Result<Done> read = Done{};
        switch (item.kind) {
        case MemberHistoryItem::Kind::Sale:
            read = readSale(memberId, item);
            break;
        case MemberHistoryItem::Kind::Return:
            read = readReturn(memberId, item);
            break;
        case MemberHistoryItem::Kind::Entry:
            read = readEntry(item);
            break;
        }
        if (!read)
            return read.error();
    }
    if (!result.items.isEmpty()) {
        const MemberHistoryItem& last = result.items.constLast();
        result.next = {last.storedAt, static_cast<int>(last.kind), last.id};
    }
    return result;
}

}  // namespace loyalty
