#include "ledger/LedgerRepository.h"

#include "store/StoreError.h"

#include <QVariant>

namespace loyalty {

LedgerRepository::LedgerRepository(const QSqlDatabase& db)
    : m_db(db)
    , m_insert(db)
    , m_balance(db)
{
    m_insert.prepare(
        QStringLiteral("INSERT INTO ledger_entries (member_id, sale_id, kind, points, reason, created_at, account,"
                       " expires_on, explanation, return_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    m_balance.prepare(
        QStringLiteral("SELECT coalesce(sum(points), 0) FROM ledger_entries WHERE member_id = ? AND account = ?"));
}

Result<qint64> LedgerRepository::append(const LedgerEntry& entry)
{
    m_insert.bindValue(0, entry.memberId);
    m_insert.bindValue(1, entry.saleId ? QVariant(*entry.saleId) : QVariant(QMetaType::fromType<qint64>()));
    m_insert.bindValue(2, entry.kind);
    m_insert.bindValue(3, entry.points);
    m_insert.bindValue(4, entry.reason);
    m_insert.bindValue(5, entry.createdAt);
    m_insert.bindValue(6, entry.account);
    m_insert.bindValue(7, entry.expiresOn.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                    : QVariant(entry.expiresOn));
    m_insert.bindValue(8, entry.explanation.isNull() ? QStringLiteral("") : entry.explanation);
    m_insert.bindValue(9, entry.returnId ? QVariant(*entry.returnId) : QVariant(QMetaType::fromType<qint64>()));
    if (!m_insert.exec())
        return StoreError::from(m_insert.lastError());
    return m_insert.lastInsertId().toLongLong();
}

Result<Points> LedgerRepository::balance(qint64 memberId, const QString& account)
{
    m_balance.bindValue(0, memberId);
    m_balance.bindValue(1, account);
    if (!m_balance.exec() || !m_balance.next())
        return StoreError::from(m_balance.lastError());
    const Points points = m_balance.value(0).toLongLong();
    m_balance.finish();
    return points;
}

Result<QList<LedgerEntry>> LedgerRepository::entriesForSale(qint64 saleId) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT id, member_id, sale_id, kind, points, reason, created_at, account,"
                                 " coalesce(expires_on, ''), explanation, return_id"
                                 " FROM ledger_entries WHERE sale_id = ? ORDER BY id"));
    query.bindValue(0, saleId);
    if (!query.exec())
        return StoreError::from(query.lastError());
    QList<LedgerEntry> entries;
    while (query.next()) {
        LedgerEntry entry{query.value(0).toLongLong(),
                          query.value(1).toLongLong(),
                          query.value(2).toLongLong(),
                          query.value(3).toString(),
                          query.value(4).toLongLong(),
                          query.value(5).toString(),
                          query.value(6).toString(),
                          query.value(7).toString(),
                          query.value(8).toString(),
                          query.value(9).toString(),
                          std::nullopt};
        if (!query.value(10).isNull())
            entry.returnId = query.value(10).toLongLong();
        entries.append(entry);
    }
    return entries;
}

}  // namespace loyalty
