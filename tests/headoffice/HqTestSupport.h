#pragma once

// What the head-office tests share: a fresh database on the backend LOYALTY_TEST_HQ_BACKEND names
// (sqlite, the default, or postgresql: a new database on the CTest fixture "postgres"; without that
// server the test FAILS, it never skips), a provisioned till, and event builders.
#include "HeadOffice.h"
#include "TestPostgres.h"
#include "common/Result.h"
#include "store/HqDatabase.h"
#include "sync/protocol/SyncProtocol.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

namespace loyalty::hq::test {

template <typename T>
QString errorText(const Result<T>& result)
{
    return result.ok() ? QString() : result.error().message;
}

inline QString backendName()
{
    const QByteArray name = qgetenv("LOYALTY_TEST_HQ_BACKEND");
    return name.isEmpty() ? QStringLiteral("sqlite") : QString::fromLatin1(name);
}

// The --db text for a new, empty head-office database: a file in `dir` or a fresh PostgreSQL
// database. Empty with `error` set when that cannot be had.
inline QString freshDatabaseText(const QTemporaryDir& dir, QString* error)
{
    if (backendName() == QLatin1String("postgresql"))
        return TestPostgres::createDatabase(error);
    if (backendName() != QLatin1String("sqlite")) {
        *error = QStringLiteral("LOYALTY_TEST_HQ_BACKEND must be sqlite or postgresql, not %1").arg(backendName());
        return {};
    }
    return dir.filePath(QStringLiteral("hq-%1.db").arg(QUuid::createUuid().toString(QUuid::Id128).left(8)));
}

inline std::unique_ptr<HqDatabase> openDatabase(const QString& text, QString* error)
{
    const auto url = HqDatabaseUrl::parse(text);
    if (!url) {
        *error = url.error().message;
        return {};
    }
    auto opened = HqDatabase::open(*url);
    if (!opened) {
        *error = opened.error().message;
        return {};
    }
    return std::move(opened).value();
}

// Fills `database` (std::unique_ptr<HqDatabase>) with a fresh head office or fails the test.
#define LOYALTY_OPEN_TEST_HQ(dir, text, database)                                                                      \
    do {                                                                                                               \
        QString hqTestError_;                                                                                          \
        (text) = loyalty::hq::test::freshDatabaseText((dir), &hqTestError_);                                           \
        if ((text).isEmpty())                                                                                          \
            QFAIL(qPrintable(hqTestError_));                                                                           \
        (database) = loyalty::hq::test::openDatabase((text), &hqTestError_);                                           \
        if (!(database))                                                                                               \
            QFAIL(qPrintable(hqTestError_));                                                                           \
    } while (false)

// A till provisioned through the one-time code, as the HTTP layer would.
inline QString provisionTill(HeadOffice& office, const QString& name)
{
    const auto code = office.addTerminal(name);
    if (!code)
        return {};
    const auto till = office.provision(code->code, name);
    return till ? till->tillId : QString();
}

inline QJsonObject makeEvent(const QString& id, const QString& till, qint64 sequence, const QString& type,
                             const QJsonObject& payload,
                             const QString& createdAt = QStringLiteral("2026-12-01T09:00:00.000Z"))
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("till_id"), till},
            {QStringLiteral("sequence"), sequence},
            {QStringLiteral("type"), type},
            {QStringLiteral("created_at"), createdAt},
            {QStringLiteral("payload"), payload}};
}

inline QJsonObject ledgerEntry(int n, const QString& member, qint64 points,
                               const QString& kind = QStringLiteral("earn"),
                               const QString& account = QStringLiteral("points"))
{
    return {{QStringLiteral("n"), n},
            {QStringLiteral("member_uuid"), member},
            {QStringLiteral("account"), account},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("points"), points},
            {QStringLiteral("reason"), QStringLiteral("base")},
            {QStringLiteral("explanation"), QStringLiteral("test")},
            {QStringLiteral("expires_on"), QJsonValue()},
            {QStringLiteral("created_at"), QStringLiteral("2026-12-01T09:00:00.000Z")}};
}

inline QJsonObject salePayload(const QString& saleUuid, const QString& member, const QJsonArray& ledger,
                               const QJsonArray& effects = {},
                               const QString& completedAt = QStringLiteral("2026-12-01T09:00:00.000Z"))
{
    return {{QStringLiteral("sale_uuid"), saleUuid},
            {QStringLiteral("member_uuid"), member},
            {QStringLiteral("completed_at"), completedAt},
            {QStringLiteral("currency"), QStringLiteral("EUR")},
            {QStringLiteral("total_minor"), 1299},
            {QStringLiteral("discount_minor"), 0},
            {QStringLiteral("eligible_minor"), 1299},
            {QStringLiteral("programme_version"), 1},
            {QStringLiteral("lines"), QJsonArray()},
            {QStringLiteral("effects"), effects},
            {QStringLiteral("ledger"), ledger}};
}

inline QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

inline qint64 scalar(HqDatabase& database, const QString& statement)
{
    QSqlQuery query(database.connection());
    if (!query.exec(statement) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

inline QStringList statuses(const QJsonArray& results)
{
    QStringList list;
    for (const QJsonValue& result : results) {
        const QJsonObject object = result.toObject();
        QString status = object.value(QStringLiteral("status")).toString();
        if (object.contains(QStringLiteral("reason")))
            status += u':' + object.value(QStringLiteral("reason")).toString();
        list.append(status);
    }
    return list;
}

}  // namespace loyalty::hq::test
