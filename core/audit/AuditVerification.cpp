#include "audit/AuditVerification.h"

namespace loyalty {

QString AuditVerification::problemKey() const
{
    switch (problem) {
    case Problem::None:
        return QStringLiteral("ok");
    case Problem::Edited:
        return QStringLiteral("edited");
    case Problem::Missing:
        return QStringLiteral("missing");
    case Problem::Unlinked:
        return QStringLiteral("unlinked");
    case Problem::HeadMismatch:
        return QStringLiteral("head_mismatch");
    case Problem::HeadMissing:
        return QStringLiteral("head_missing");
    }
    return QStringLiteral("unknown");
}

}  // namespace loyalty
