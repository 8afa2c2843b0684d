#pragma once

#include "outbox/OutboxRepository.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "time/FixedClock.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <memory>

// A fresh till database for the sync client's tests, with events appended the way the till does.
namespace sync_test {

inline const QString kTillId = QStringLiteral("5b0c7d3e-0000-4000-8000-000000000001");

inline std::unique_ptr<loyalty::Database> openDatabase(const QString& path, const loyalty::Clock& clock)
{
    auto opened = loyalty::Database::open(path, clock);
    return opened ? std::move(opened.value()) : nullptr;
}

// Appends `count` events in one transaction each; returns their uuids in sequence order.
inline QStringList appendEvents(loyalty::Database& database, int count,
                                const QString& type = QStringLiteral("test.event"))
{
    QStringList uuids;
    for (int i = 0; i < count; ++i) {
        loyalty::Transaction transaction(database.connection());
        if (!transaction.begin())
            return {};
        const auto event = loyalty::OutboxRepository(database.connection())
                               .append(kTillId, type, QJsonObject{{QStringLiteral("n"), i}}, std::nullopt,
                                       QStringLiteral("2026-12-01T09:00:00.000Z"));
        if (!event || !transaction.commit())
            return {};
        uuids << event->uuid;
    }
    return uuids;
}

inline QVariant scalar(loyalty::Database& database, const QString& sql)
{
    QSqlQuery query(database.connection());
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

}  // namespace sync_test
