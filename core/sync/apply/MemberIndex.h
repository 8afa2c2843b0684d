#pragma once

#include "common/Result.h"
#include "sync/apply/ChangeFields.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <optional>

namespace loyalty::sync {

// Finds the till's member id for a member uuid, through the members_uuid index; remembers the
// answers of one page (a snapshot page names the same members in its cards and ledger entries).
// forget() after every page: a page that rolled back may have inserted members that are gone.
class MemberIndex final
{
    Q_DECLARE_TR_FUNCTIONS(MemberIndex)

public:
    explicit MemberIndex(const QSqlDatabase& db);
    Q_DISABLE_COPY_MOVE(MemberIndex)

    Result<std::optional<qint64>> find(const QString& uuid);
    // The member named by the change's `key`; Error "unknown_member" when the till does not have them.
    Result<qint64> require(const ChangeFields& change, const QString& key);
    // As require(), but an absent, null or empty key is no member.
    Result<std::optional<qint64>> optional(const ChangeFields& change, const QString& key);
    // The id of a member just written, so the page's cards and entries need not look them up.
    void remember(const QString& uuid, qint64 id) { m_known.insert(uuid, id); }
    void forget();

private:
    QSqlQuery m_byUuid;
    QHash<QString, qint64> m_known;
};

}  // namespace loyalty::sync
