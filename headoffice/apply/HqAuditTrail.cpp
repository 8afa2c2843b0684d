#include "apply/HqAuditTrail.h"

#include "apply/PayloadReader.h"
#include "store/HqDatabase.h"
#include "store/HqStoreError.h"

#include <QJsonDocument>

namespace loyalty::hq {

namespace {
const QString kAudit = QStringLiteral("audit");
const QString kPath = QStringLiteral("payload.audit");

constexpr qsizetype kMaxHashLength = 128;
}  // namespace

HqAuditTrail::HqAuditTrail(HqDatabase& database)
    : m_insert(database.connection())
{
    // The same entry twice (an event re-sent under a new id) is stored once.
    m_insert.prepare(QStringLiteral("INSERT INTO audit_entries (till_id, seq, hash, action, member_ref, recorded_at,"
                                    " event_id, entry) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                                    " ON CONFLICT (till_id, hash) DO NOTHING"));
}

Result<Done> HqAuditTrail::record(const EventEnvelope& event, bool required)
{
    const QJsonValue value = event.payload.value(kAudit);
    if (value.isUndefined() || value.isNull()) {
        if (!required)
            return Done{};
        return Error{Error::Code::Refused, tr("The event is malformed: %1: the audit entry is missing").arg(kPath),
                     PayloadReader::kMalformed};
    }
    if (!value.isObject())
        return PayloadReader::notAnObject(kPath);
    const QJsonObject entry = value.toObject();
    PayloadReader reader(entry, kPath);
    const qint64 seq = reader.integer(QStringLiteral("seq"));
    const QString recordedAt = reader.optionalInstant(QStringLiteral("recorded_at"));
    reader.optionalText(QStringLiteral("staff_name"));  // empty for an administrator at loyalty-ctl
    const QString action = reader.text(QStringLiteral("action"));
    const QString memberRef = reader.optionalText(QStringLiteral("member_ref"));
    reader.optionalText(QStringLiteral("reason"));
    reader.optionalObject(QStringLiteral("before"));
    reader.optionalObject(QStringLiteral("after"));
    const QString prevHash = reader.optionalText(QStringLiteral("prev_hash"));
    const QString hash = reader.text(QStringLiteral("hash"));
    if (reader.ok() && recordedAt.isEmpty())
        reader.text(QStringLiteral("recorded_at"));  // records the missing field
    if (!reader.ok())
        return reader.error();
    // The first entry's prev_hash may be empty; the till decides the hash's spelling (hex of a SHA-256).
    if (seq < 1 || hash.size() > kMaxHashLength || prevHash.size() > kMaxHashLength) {
        return Error{Error::Code::Refused,
                     tr("The event is malformed: %1: seq must be positive and a hash at most %2 characters")
                         .arg(kPath)
                         .arg(kMaxHashLength),
                     PayloadReader::kMalformed};
    }
    m_insert.bindValue(0, event.tillId);
    m_insert.bindValue(1, seq);
    m_insert.bindValue(2, hash);
    m_insert.bindValue(3, action);
    m_insert.bindValue(4, memberRef.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(memberRef));
    m_insert.bindValue(5, recordedAt);
    m_insert.bindValue(6, event.id);
    m_insert.bindValue(7, QString::fromUtf8(QJsonDocument(entry).toJson(QJsonDocument::Compact)));
    if (!m_insert.exec())
        return HqStoreError::from(m_insert.lastError());
    return Done{};
}

}  // namespace loyalty::hq
