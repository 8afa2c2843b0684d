#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace loyalty {

// The name the audit log gives a member: the first 16 hex characters of HMAC-SHA256(key, member
// uuid) with a random 32-byte key of this till (settings 'audit.pseudonym_key', hex). Stable for a
// member, so a manager can follow one member's entries; without the key it does not lead back to
// the uuid; and an erasure, which clears name and contact, leaves every hashed entry as it was.
class MemberPseudonym final
{
    Q_DECLARE_TR_FUNCTIONS(MemberPseudonym)

public:
    static inline const QString kKeySetting = QStringLiteral("audit.pseudonym_key");
    static constexpr int kKeyBytes = 32;
    static constexpr int kLength = 16;

    explicit MemberPseudonym(const QSqlDatabase& db);

    // Creates the key on first use; call it inside the caller's write transaction so the key and
    // the entry that first uses it commit together.
    Result<QString> of(const QString& memberUuid) const;

private:
    Result<QByteArray> key() const;

    QSqlDatabase m_db;
    mutable QByteArray m_key;  // read once per instance
};

}  // namespace loyalty
