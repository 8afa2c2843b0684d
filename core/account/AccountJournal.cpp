#include "account/AccountJournal.h"

#include "account/StoredTime.h"
#include "store/StoreError.h"

#include <QVariant>

namespace loyalty {

namespace {
QVariant idOrNull(const std::optional<qint64>& id)
{
    return id ? QVariant(*id) : QVariant(QMetaType::fromType<qint64>());
}
}  // namespace

AccountJournal::AccountJournal(const QSqlDatabase& db)
    : m_insert(db)
{
    m_insert.prepare(QStringLiteral("INSERT INTO ledger_entries (member_id, sale_id, return_id, kind, account, points,"
                                    " reason, created_at, expires_on, explanation)"
                                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
}

Result<qint64> AccountJournal::append(const AccountEntry& entry)
{
    m_insert.bindValue(0, entry.memberId);
    m_insert.bindValue(1, idOrNull(entry.saleId));
    m_insert.bindValue(2, idOrNull(entry.returnId));
    m_insert.bindValue(3, entry.kind);
    m_insert.bindValue(4, entry.account);
    m_insert.bindValue(5, entry.amount);
    m_insert.bindValue(6, entry.reason);
    m_insert.bindValue(7, entry.createdAt);
    m_insert.bindValue(8, entry.expiresOn.isValid() ? QVariant(StoredTime::day(entry.expiresOn))
                                                    : QVariant(QMetaType::fromType<QString>()));
    m_insert.bindValue(9, entry.explanation);
    if (!m_insert.exec())
        return StoreError::from(m_insert.lastError());
    return m_insert.lastInsertId().toLongLong();
}

}  // namespace loyalty
