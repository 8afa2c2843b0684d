#include "audit/AuditEntry.h"

namespace loyalty {

QJsonObject AuditEntry::toJson() const
{
    return {{QStringLiteral("seq"), seq},
            {QStringLiteral("recorded_at"), recordedAt},
            {QStringLiteral("staff_id"), staffId == 0 ? QJsonValue() : QJsonValue(staffId)},
            {QStringLiteral("staff_name"), staffName},
            {QStringLiteral("action"), action},
            {QStringLiteral("member_ref"), memberRef.isEmpty() ? QJsonValue() : QJsonValue(memberRef)},
            {QStringLiteral("reason"), reason},
            {QStringLiteral("before"), before},
            {QStringLiteral("after"), after},
            {QStringLiteral("prev_hash"), prevHash},
            {QStringLiteral("hash"), hash}};
}

}  // namespace loyalty
