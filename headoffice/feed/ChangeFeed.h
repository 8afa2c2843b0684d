#pragma once

#include "HeadOfficeApi.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlQuery>

#include <optional>

namespace loyalty::hq {

class HqDatabase;

// The append-only pull feed (table `changes`). Every writer appends the changes it made in its own
// transaction, so the feed holds exactly what was committed. The cursor is base64url of
// "c1:<last seq scanned>"; it moves past the asking till's own changes too.
class ChangeFeed final
{
    Q_DECLARE_TR_FUNCTIONS(ChangeFeed)

public:
    explicit ChangeFeed(HqDatabase& database);
    Q_DISABLE_COPY_MOVE(ChangeFeed)

    // Inside the caller's write transaction. `originTill` empty: head office's own change (NULL).
    Result<qint64> append(const QString& kind, const QJsonObject& data, const QString& originTill);
    // `data` as compact JSON text already (HqChangeData).
    Result<qint64> appendText(const QString& kind, const QString& data, const QString& originTill);

    // One page in its own read transaction; `limit` is clamped to 1..sync::kMaxChangesLimit.
    Result<ChangePage> page(const QString& tillId, const QString& cursor, int limit);

    // Whether a member was erased by a change after `seq` (its member change carries erased_at): a
    // till snapshot that reached `seq` may still hold that person's data (SnapshotRoute).
    Result<bool> erasedSince(qint64 seq);

    static QString encodeCursor(qint64 seq);
    // Nothing for text that is not a cursor this feed gives; an empty cursor is the beginning (0).
    static std::optional<qint64> decodeCursor(const QString& cursor);

private:
    HqDatabase& m_database;
    QSqlQuery m_append;
};

}  // namespace loyalty::hq
