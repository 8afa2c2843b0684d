#include "apply/HqMemberErasure.h"

#include "feed/TillSnapshotStore.h"
#include "records/HqChangeData.h"
#include "records/HqRecordWriter.h"
#include "store/HqDatabase.h"
#include "store/HqStoreError.h"

#include <QJsonDocument>

namespace loyalty::hq {

namespace {
const QString kBlocked = QStringLiteral("blocked");
const QString kActive = QStringLiteral("active");
}  // namespace

HqMemberErasure::HqMemberErasure(HqDatabase& database, HqRecordWriter& writer)
    : m_writer(writer)
    , m_snapshots(TillSnapshotStore::directoryFor(database.url()))
    , m_enrolments(database.connection())
    , m_updateEvent(database.connection())
    , m_memberChanges(database.connection())
    , m_updateChange(database.connection())
{
    const HqDialect& dialect = database.dialect();
    // The expressions are those of the indexes events_enrolled_member and changes_member (schema 2).
    m_enrolments.prepare(QStringLiteral("SELECT id, payload FROM events WHERE type = 'member.enrolled' AND %1 = ?")
                             .arg(dialect.jsonField(QStringLiteral("payload"), QStringLiteral("member_uuid"))));
    m_updateEvent.prepare(QStringLiteral("UPDATE events SET payload = ? WHERE id = ?"));
    m_memberChanges.prepare(QStringLiteral("SELECT seq FROM changes WHERE kind = 'member' AND %1 = ?")
                                .arg(dialect.jsonField(QStringLiteral("data"), QStringLiteral("uuid"))));
    m_updateChange.prepare(QStringLiteral("UPDATE changes SET data = ? WHERE seq = ?"));
}

HqMember HqMemberErasure::blanked(HqMember member, const QString& erasedAt)
{
    // name is NOT NULL at head office and at the tills: blank, not null.
    member.name = QStringLiteral("");
    member.email.clear();
    member.phone.clear();
    member.birthDate.clear();
    if (member.erasedAt.isEmpty())
        member.erasedAt = erasedAt;
    return member;
}

QJsonObject HqMemberErasure::redactedEnrolment(QJsonObject payload)
{
    payload.insert(QStringLiteral("name"), QStringLiteral(""));
    for (const QString& key : {QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("birth_date")}) {
        if (payload.contains(key))
            payload.insert(key, QJsonValue::Null);
    }
    payload.insert(QStringLiteral("redacted"), true);
    return payload;
}

Result<Done> HqMemberErasure::erase(const HqMember& member, const QString& erasedAt, const QString& originTill)
{
    if (!member.erasedAt.isEmpty())
        return Done{};
    const HqMember erased = blanked(member, erasedAt);
    if (auto redacted = redactStoredCopies(erased); !redacted)
        return redacted;
    if (auto updated = m_writer.updateMember(erased, originTill); !updated)
        return updated;
    // A card of an erased member would go on collecting purchases for a record nobody may name.
    // Head office's own rule, so its changes name no origin: the erasing till learns them too.
    const auto cards = m_writer.cardsOf(member.uuid);
    if (!cards)
        return cards.error();
    for (HqCard card : *cards) {
        if (card.state != kActive)
            continue;
        card.state = kBlocked;
        if (auto put = m_writer.putCard(card, QString()); !put)
            return put;
    }
    // A published till snapshot copied the person before the erasure. Removing the copies is not
    // part of the transaction (a rollback only costs new tills the snapshot until the next one);
    // if a file cannot be removed, GET /v1/snapshot still withholds it (ChangeFeed::erasedSince).
    if (!m_snapshots.isEmpty())
        TillSnapshotStore(m_snapshots).withdrawAll();
    return Done{};
}

Result<Done> HqMemberErasure::redactStoredCopies(const HqMember& erased)
{
    m_enrolments.bindValue(0, erased.uuid);
    if (!m_enrolments.exec())
        return HqStoreError::from(m_enrolments.lastError());
    QList<std::pair<QString, QString>> events;  // (id, redacted payload)
    while (m_enrolments.next()) {
        const QJsonObject payload = QJsonDocument::fromJson(m_enrolments.value(1).toString().toUtf8()).object();
        events.append({m_enrolments.value(0).toString(),
                       QString::fromUtf8(QJsonDocument(redactedEnrolment(payload)).toJson(QJsonDocument::Compact))});
    }
    m_enrolments.finish();
    for (const auto& [id, payload] : events) {
        m_updateEvent.bindValue(0, payload);
        m_updateEvent.bindValue(1, id);
        if (!m_updateEvent.exec())
            return HqStoreError::from(m_updateEvent.lastError());
    }

    m_memberChanges.bindValue(0, erased.uuid);
    if (!m_memberChanges.exec())
        return HqStoreError::from(m_memberChanges.lastError());
    QList<qint64> changes;
    while (m_memberChanges.next())
        changes.append(m_memberChanges.value(0).toLongLong());
    m_memberChanges.finish();
    // The feed is append-only except for this: a till that pulled the old change learns the erasure
    // from the change appended now; one that pulls later never sees the data at all. The rewritten
    // changes name no merge target: an early change must not name a member the feed brings later.
    HqMember earlier = erased;
    earlier.mergedIntoUuid.clear();
    const QString data = HqChangeData::member(earlier);
    for (const qint64 seq : changes) {
        m_updateChange.bindValue(0, data);
        m_updateChange.bindValue(1, seq);
        if (!m_updateChange.exec())
            return HqStoreError::from(m_updateChange.lastError());
    }
    return Done{};
}

}  // namespace loyalty::hq
