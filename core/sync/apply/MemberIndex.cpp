#include "sync/apply/MemberIndex.h"

#include "store/StoreError.h"

namespace loyalty::sync {

MemberIndex::MemberIndex(const QSqlDatabase& db)
    : m_byUuid(db)
{
    m_byUuid.prepare(QStringLiteral("SELECT id FROM members WHERE uuid = ?"));
}

Result<std::optional<qint64>> MemberIndex::find(const QString& uuid)
{
    if (const auto known = m_known.constFind(uuid); known != m_known.cend())
        return std::optional<qint64>(*known);
    m_byUuid.bindValue(0, uuid);
    if (!m_byUuid.exec())
        return StoreError::from(m_byUuid.lastError());
    std::optional<qint64> id;
    if (m_byUuid.next())
        id = m_byUuid.value(0).toLongLong();
    m_byUuid.finish();
    if (id)
        m_known.insert(uuid, *id);
    return id;
}

Result<qint64> MemberIndex::require(const ChangeFields& change, const QString& key)
{
    const auto uuid = change.text(key);
    if (!uuid)
        return uuid.error();
    const auto id = find(*uuid);
    if (!id)
        return id.error();
    if (!id->has_value()) {
        return Error{Error::Code::NotFound,
                     tr("Change %1 (%2) from head office names member %3, who is not known at this till. Nothing "
                        "of the page was applied.")
                         .arg(change.position() + 1)
                         .arg(change.kind(), *uuid),
                     QStringLiteral("unknown_member")};
    }
    return **id;
}

Result<std::optional<qint64>> MemberIndex::optional(const ChangeFields& change, const QString& key)
{
    if (change.optionalText(key).isEmpty())
        return std::optional<qint64>();
    auto id = require(change, key);
    if (!id)
        return id.error();
    return std::optional<qint64>(*id);
}

void MemberIndex::forget()
{
    m_known.clear();
}

}  // namespace loyalty::sync
