#include "feed/ChangeFeed.h"

#include "store/HqDatabase.h"
#include "store/HqStoreError.h"
#include "store/HqTransaction.h"
#include "sync/protocol/SyncProtocol.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace loyalty::hq {

namespace {
const QByteArray kCursorPrefix = QByteArrayLiteral("c1:");
constexpr auto kBase64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
}  // namespace

ChangeFeed::ChangeFeed(HqDatabase& database)
    : m_database(database)
    , m_append(database.connection())
{
    m_append.prepare(QStringLiteral("INSERT INTO changes (kind, origin_till, data) VALUES (?, ?, ?) RETURNING seq"));
}

Result<qint64> ChangeFeed::append(const QString& kind, const QJsonObject& data, const QString& originTill)
{
    return appendText(kind, QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)), originTill);
}

Result<qint64> ChangeFeed::appendText(const QString& kind, const QString& data, const QString& originTill)
{
    m_append.bindValue(0, kind);
    m_append.bindValue(1, originTill.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(originTill));
    m_append.bindValue(2, data);
    if (!m_append.exec() || !m_append.next())
        return HqStoreError::from(m_append.lastError());
    const qint64 seq = m_append.value(0).toLongLong();
    m_append.finish();
    return seq;
}

Result<bool> ChangeFeed::erasedSince(qint64 seq)
{
    // A range of the primary key: only the changes after the snapshot are read. HqChangeData writes
    // "erased_at" only for an erased member, and a value's quotes are escaped, so the key's text
    // cannot come from a name.
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM changes WHERE seq > ? AND kind = 'member'"
                                 " AND data LIKE '%\"erased_at\":%')"));
    query.bindValue(0, seq);
    if (!query.exec() || !query.next())
        return HqStoreError::from(query.lastError());
    return query.value(0).toBool();
}

QString ChangeFeed::encodeCursor(qint64 seq)
{
    return QString::fromLatin1(QByteArray(kCursorPrefix + QByteArray::number(seq)).toBase64(kBase64));
}

std::optional<qint64> ChangeFeed::decodeCursor(const QString& cursor)
{
    if (cursor.isEmpty())
        return 0;
    static const QRegularExpression base64url(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (!base64url.match(cursor).hasMatch())
        return std::nullopt;
    const auto decoded =
        QByteArray::fromBase64Encoding(cursor.toLatin1(), kBase64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !decoded.decoded.startsWith(kCursorPrefix))
        return std::nullopt;
    const QByteArray digits = decoded.decoded.mid(kCursorPrefix.size());
    bool ok = false;
    const qint64 seq = digits.toLongLong(&ok);
    if (!ok || seq < 0 || digits != QByteArray::number(seq))
        return std::nullopt;
    return seq;
}

Result<ChangePage> ChangeFeed::page(const QString& tillId, const QString& cursor, int limit)
{
    const auto after = decodeCursor(cursor);
    const Error badCursor{Error::Code::InvalidInput,
                          tr("The cursor \"%1\" was not given by this head office.").arg(cursor.left(80)),
                          QStringLiteral("bad_cursor")};
    if (!after)
        return badCursor;
    limit = std::clamp(limit, 1, sync::kMaxChangesLimit);

    HqTransaction transaction(m_database);
    if (auto begun = transaction.beginRead(); !begun)
        return begun.error();
    const QSqlDatabase db = m_database.connection();
    // The page ends at the newest change committed now; writers are serialised, so every change up
    // to it is visible and none below it can appear later.
    QSqlQuery newest(db);
    if (!newest.exec(QStringLiteral("SELECT coalesce(max(seq), 0) FROM changes")) || !newest.next())
        return HqStoreError::from(newest.lastError());
    const qint64 end = newest.value(0).toLongLong();
    newest.finish();
    if (*after > end)
        return badCursor;

    QSqlQuery rows(db);
    rows.prepare(QStringLiteral("SELECT seq, kind, data FROM changes WHERE seq > ? AND seq <= ?"
                                " AND (origin_till IS NULL OR origin_till <> ?) ORDER BY seq LIMIT ?"));
    rows.bindValue(0, *after);
    rows.bindValue(1, end);
    rows.bindValue(2, tillId);
    rows.bindValue(3, limit);
    if (!rows.exec())
        return HqStoreError::from(rows.lastError());
    ChangePage page;
    qint64 last = *after;
    int count = 0;
    while (rows.next()) {
        last = rows.value(0).toLongLong();
        const QJsonObject data = QJsonDocument::fromJson(rows.value(2).toString().toUtf8()).object();
        page.changes.append(
            QJsonObject{{QStringLiteral("kind"), rows.value(1).toString()}, {QStringLiteral("data"), data}});
        ++count;
    }
    rows.finish();
    // A short page scanned everything up to `end`, the till's own changes after the last row included.
    if (count < limit)
        last = end;

    QSqlQuery own(db);
    own.prepare(QStringLiteral("SELECT count(*) FROM changes WHERE origin_till = ? AND seq > ? AND seq <= ?"));
    own.bindValue(0, tillId);
    own.bindValue(1, last);
    own.bindValue(2, end);
    if (!own.exec() || !own.next())
        return HqStoreError::from(own.lastError());
    // Sequence numbers are dense on SQLite; on PostgreSQL a rolled-back event leaves gaps, so there
    // this is an upper bound: good enough for a progress bar, and `more` is exact below.
    page.remaining = std::max<qint64>(0, end - last - own.value(0).toLongLong());
    own.finish();
    page.cursor = encodeCursor(last);
    page.more = last < end && page.remaining > 0;
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return page;
}

}  // namespace loyalty::hq
