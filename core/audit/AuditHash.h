#pragma once

#include "audit/AuditEntry.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace loyalty {

// The audit chain's hash: hex SHA-256 over a version tag and the entry's fields in a fixed order,
// each as an 8-byte big-endian length and its UTF-8 bytes, so no two different entries encode the
// same (no separator an attacker could smuggle into a reason). before and after enter as the
// canonical JSON text the table stores (compact, keys sorted), which is what the verifier reads back.
class AuditHash final
{
public:
    static inline const QString kGenesis = QString(64, u'0');

    // Compact JSON with the keys of every object sorted, whatever the Qt version's own ordering.
    static QByteArray canonicalJson(const QJsonObject& object);

    static QString of(const AuditEntry& entry, const QByteArray& beforeJson, const QByteArray& afterJson);
};

}  // namespace loyalty
