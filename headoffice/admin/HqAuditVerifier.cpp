#include "admin/HqAuditVerifier.h"

#include "audit/AuditEntry.h"
#include "audit/AuditHash.h"
#include "store/HqDatabase.h"
#include "store/HqStoreError.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace loyalty::hq {

namespace {
AuditEntry entryOf(const QJsonObject& json)
{
    AuditEntry entry;
    entry.seq = json.value(QStringLiteral("seq")).toInteger();
    entry.recordedAt = json.value(QStringLiteral("recorded_at")).toString();
    entry.staffId = json.value(QStringLiteral("staff_id")).toInteger(0);
    entry.staffName = json.value(QStringLiteral("staff_name")).toString();
    entry.action = json.value(QStringLiteral("action")).toString();
    entry.memberRef = json.value(QStringLiteral("member_ref")).toString();
    entry.reason = json.value(QStringLiteral("reason")).toString();
    entry.before = json.value(QStringLiteral("before")).toObject();
    entry.after = json.value(QStringLiteral("after")).toObject();
    entry.prevHash = json.value(QStringLiteral("prev_hash")).toString();
    entry.hash = json.value(QStringLiteral("hash")).toString();
    return entry;
}
}  // namespace

HqAuditVerifier::HqAuditVerifier(HqDatabase& database)
    : m_database(database)
{
}

Result<HqAuditReport> HqAuditVerifier::verify(const QString& tillId) const
{
    QSqlQuery rows(m_database.connection());
    rows.setForwardOnly(true);
    rows.prepare(QStringLiteral("SELECT seq, entry FROM audit_entries WHERE till_id = ? ORDER BY seq, hash"));
    rows.bindValue(0, tillId);
    if (!rows.exec())
        return HqStoreError::from(rows.lastError());
    HqAuditReport report;
    qint64 previousSeq = 0;
    QString previousHash;
    while (rows.next()) {
        const qint64 seq = rows.value(0).toLongLong();
        // The stored text is the till's object; the hash is over the entry's fields, not this text.
        const AuditEntry entry = entryOf(QJsonDocument::fromJson(rows.value(1).toString().toUtf8()).object());
        ++report.entries;
        if (entry.seq != seq || AuditHash::of(entry, AuditHash::canonicalJson(entry.before),
                                              AuditHash::canonicalJson(entry.after)) != entry.hash)
            report.edited.append(seq);
        if (previousSeq == seq) {
            if (!report.forked.contains(seq))
                report.forked.append(seq);
        } else if (previousSeq != 0 && seq == previousSeq + 1 && entry.prevHash != previousHash) {
            report.unlinked.append(seq);
        } else if (previousSeq != 0 && seq > previousSeq + 1) {
            report.notReceived += seq - previousSeq - 1;
        }
        previousSeq = seq;
        previousHash = entry.hash;
    }
    if (rows.lastError().isValid())
        return HqStoreError::from(rows.lastError());
    return report;
}

}  // namespace loyalty::hq
