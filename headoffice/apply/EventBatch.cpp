#include "apply/EventBatch.h"

#include "apply/EventApplier.h"
#include "apply/EventBuffer.h"
#include "apply/PayloadReader.h"
#include "store/HqDatabase.h"
#include "store/HqStoreError.h"
#include "store/HqTransaction.h"
#include "sync/protocol/SyncProtocol.h"
#include "time/Clock.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

#include <optional>

namespace loyalty::hq {

namespace {
constexpr qsizetype kMaxIdLength = 128;

QJsonObject result(const QString& id, const QString& status)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("status"), status}};
}

QJsonObject rejected(const QString& id, const Error& why)
{
    QJsonObject answer = result(id, sync::kRejected);
    answer.insert(QStringLiteral("reason"), why.reason);
    answer.insert(QStringLiteral("message"), why.message);
    return answer;
}

bool isRejection(const Error& error)
{
    return error.code == Error::Code::Refused && !error.reason.isEmpty();
}

// Which of `keys` `table` holds in `column` (constants of this file, never input): the batch's
// facts, read with one statement instead of one per event.
Result<QSet<QString>> existing(HqDatabase& database, const QString& table, const QString& column,
                               const QSet<QString>& keys)
{
    QSet<QString> found;
    if (keys.isEmpty())
        return found;
    QJsonArray list;
    for (const QString& key : keys)
        list.append(key);
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);  // read once: QtSql need not keep a copy of every row
    query.prepare(
        QStringLiteral("SELECT %1 FROM %2 WHERE %1 IN (%3)").arg(column, table, database.dialect().jsonTexts()));
    query.bindValue(0, QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)));
    if (!query.exec())
        return HqStoreError::from(query.lastError());
    while (query.next())
        found.insert(query.value(0).toString());
    return found;
}

// The members and sales an event names, for the prefetch.
void collectNames(const QJsonObject& payload, QSet<QString>& members, QSet<QString>& sales)
{
    for (const QString& key :
         {QStringLiteral("member_uuid"), QStringLiteral("referred_by_member_uuid"), QStringLiteral("source_uuid")}) {
        const QString member = payload.value(key).toString();
        if (!member.isEmpty())
            members.insert(member);
    }
    const QString sale = payload.value(QStringLiteral("sale_uuid")).toString();
    if (!sale.isEmpty())
        sales.insert(sale);
    for (const QJsonValue& entry : payload.value(QStringLiteral("ledger")).toArray()) {
        const QString member = entry.toObject().value(QStringLiteral("member_uuid")).toString();
        if (!member.isEmpty())
            members.insert(member);
    }
}
}  // namespace

EventBatch::EventBatch(HqDatabase& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<EventEnvelope> EventBatch::readEnvelope(const QJsonValue& value)
{
    if (!value.isObject())
        return PayloadReader::notAnObject(QStringLiteral("event"));
    const QJsonObject object = value.toObject();
    PayloadReader reader(object, QStringLiteral("event"));
    EventEnvelope event;
    event.id = reader.text(QStringLiteral("id"));
    event.tillId = reader.text(QStringLiteral("till_id"));
    event.sequence = reader.integer(QStringLiteral("sequence"));
    event.type = reader.text(QStringLiteral("type"));
    event.createdAt = reader.optionalInstant(QStringLiteral("created_at"));
    if (reader.ok() && event.createdAt.isEmpty())
        reader.text(QStringLiteral("created_at"));  // records the missing field
    if (!object.value(QStringLiteral("payload")).isObject())
        return PayloadReader::notAnObject(QStringLiteral("event.payload"));
    if (!reader.ok())
        return reader.error();
    if (event.id.size() > kMaxIdLength || event.sequence < 0) {
        return Error{Error::Code::Refused,
                     tr("The event is malformed: its id is longer than %1 characters or its sequence is negative.")
                         .arg(kMaxIdLength),
                     PayloadReader::kMalformed};
    }
    event.payload = object.value(QStringLiteral("payload")).toObject();
    return event;
}

Result<QJsonArray> EventBatch::push(const QString& tillId, const QJsonArray& events,
                                    const QList<QByteArray>& payloadTexts)
{
    HqTransaction transaction(m_database);
    if (auto begun = transaction.beginWrite(); !begun)
        return begun.error();
    auto results = push(transaction, tillId, events, payloadTexts);
    if (!results)
        return results;
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return results;
}

Result<QJsonArray> EventBatch::push(HqTransaction& transaction, const QString& tillId, const QJsonArray& events,
                                    const QList<QByteArray>& payloadTexts)
{
    const QString now = m_clock.nowIso();
    // The per-event way's statements (some thirty, each a round trip to PostgreSQL) are prepared
    // only when an event of the batch needs them: a backlog of plain sales never does.
    std::optional<EventApplier> applier;
    std::optional<QSqlQuery> insert;

    QList<Result<EventEnvelope>> envelopes;
    envelopes.reserve(events.size());
    QSet<QString> ids;
    QSet<QString> memberNames;
    QSet<QString> saleNames;
    const bool haveTexts = payloadTexts.size() == events.size();
    for (qsizetype index = 0; index < events.size(); ++index) {
        envelopes.append(readEnvelope(events[index]));
        if (auto& envelope = envelopes.back(); envelope && envelope->tillId == tillId) {
            if (haveTexts)
                envelope.value().payloadText = payloadTexts[index];
            ids.insert(envelope->id);
            collectNames(envelope->payload, memberNames, saleNames);
        }
    }
    auto known = existing(m_database, QStringLiteral("events"), QStringLiteral("id"), ids);
    if (!known)
        return known.error();
    QSet<QString>& knownIds = known.value();
    auto members = existing(m_database, QStringLiteral("members"), QStringLiteral("uuid"), memberNames);
    if (!members)
        return members.error();
    auto sales = existing(m_database, QStringLiteral("sales"), QStringLiteral("uuid"), saleNames);
    if (!sales)
        return sales.error();
    QSet<QString>& knownMembers = members.value();
    QSet<QString>& knownSales = sales.value();
    EventBuffer buffer(m_database, now);

    QJsonArray results;
    qint64 accepted = 0;
    qint64 duplicates = 0;
    qint64 rejections = 0;
    qint64 lastSequence = 0;
    for (qsizetype index = 0; index < events.size(); ++index) {
        const auto& envelope = envelopes[index];
        if (!envelope) {
            results.append(rejected(events[index].toObject().value(QStringLiteral("id")).toString(), envelope.error()));
            ++rejections;
            continue;
        }
        const EventEnvelope& event = *envelope;
        if (event.tillId != tillId) {
            results.append(rejected(
                event.id,
                {Error::Code::Refused,
                 tr("The event names till %1, but till %2 sent it.").arg(event.tillId.left(64), tillId), kWrongTill}));
            ++rejections;
            continue;
        }
        if (!EventApplier::knowsType(event.type)) {
            results.append(
                rejected(event.id, {Error::Code::Refused,
                                    tr("Head office does not know events of type \"%1\".").arg(event.type.left(64)),
                                    kUnknownType}));
            ++rejections;
            continue;
        }
        if (knownIds.contains(event.id)) {
            results.append(result(event.id, sync::kDuplicate));
            ++duplicates;
            continue;
        }
        if (buffer.stage(event, knownMembers, knownSales)) {
            knownIds.insert(event.id);
            results.append(result(event.id, sync::kAccepted));
            ++accepted;
            lastSequence = std::max(lastSequence, event.sequence);
            continue;
        }

        // The per-event way: what came before must be in the database first.
        if (auto flushed = buffer.flush(); !flushed)
            return flushed.error();
        if (!applier) {
            applier.emplace(m_database, now);
            insert.emplace(m_database.connection());
            if (!insert->prepare(
                    QStringLiteral("INSERT INTO events (id, till_id, sequence, type, created_at, received_at, payload)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")))
                return HqStoreError::from(insert->lastError());
        }
        if (auto saved = transaction.savepoint(); !saved)
            return saved.error();
        insert->bindValue(0, event.id);
        insert->bindValue(1, event.tillId);
        insert->bindValue(2, event.sequence);
        insert->bindValue(3, event.type);
        insert->bindValue(4, event.createdAt);
        insert->bindValue(5, now);
        insert->bindValue(6, QString::fromUtf8(QJsonDocument(event.payload).toJson(QJsonDocument::Compact)));
        if (!insert->exec())
            return HqStoreError::from(insert->lastError());
        if (insert->numRowsAffected() == 0) {
            if (auto released = transaction.releaseSavepoint(); !released)
                return released.error();
            results.append(result(event.id, sync::kDuplicate));
            ++duplicates;
            continue;
        }
        const auto applied = applier->apply(event);
        if (!applied) {
            if (!isRejection(applied.error()))
                return applied.error();
            if (auto rolledBack = transaction.rollbackToSavepoint(); !rolledBack)
                return rolledBack.error();
            results.append(rejected(event.id, applied.error()));
            ++rejections;
            continue;
        }
        if (auto released = transaction.releaseSavepoint(); !released)
            return released.error();
        knownIds.insert(event.id);
        // What later events of the batch may name now.
        const QString enrolled = event.payload.value(QStringLiteral("member_uuid")).toString();
        if (!enrolled.isEmpty())
            knownMembers.insert(enrolled);
        const QString sale = event.payload.value(QStringLiteral("sale_uuid")).toString();
        if (!sale.isEmpty() && event.type == QLatin1String("sale.completed"))
            knownSales.insert(sale);
        results.append(result(event.id, sync::kAccepted));
        ++accepted;
        lastSequence = std::max(lastSequence, event.sequence);
    }
    if (auto flushed = buffer.flush(); !flushed)
        return flushed.error();

    QSqlQuery counters(m_database.connection());
    counters.prepare(
        QStringLiteral("INSERT INTO till_counters (till_id, accepted, duplicates, rejected, last_sequence, last_seen)"
                       " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (till_id) DO UPDATE SET"
                       " accepted = till_counters.accepted + excluded.accepted,"
                       " duplicates = till_counters.duplicates + excluded.duplicates,"
                       " rejected = till_counters.rejected + excluded.rejected,"
                       " last_sequence = CASE WHEN excluded.last_sequence > till_counters.last_sequence"
                       " THEN excluded.last_sequence ELSE till_counters.last_sequence END,"
                       " last_seen = excluded.last_seen"));
    counters.bindValue(0, tillId);
    counters.bindValue(1, accepted);
    counters.bindValue(2, duplicates);
    counters.bindValue(3, rejections);
    counters.bindValue(4, lastSequence);
    counters.bindValue(5, now);
    if (!counters.exec())
        return HqStoreError::from(counters.lastError());
    return results;
}

}  // namespace loyalty::hq
