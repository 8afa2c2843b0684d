#pragma once

// Small helpers the core tests share: a second, raw SQLite connection that looks at a database
// file independently of loyalty::Database, row counts, file hashes and readable failures.
#include "common/Result.h"

#include <QAtomicInt>
#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QVariant>

namespace loyalty::test {

// The error message of a failed Result, for QVERIFY2; empty when it succeeded.
template <typename T>
QString errorText(const Result<T>& result)
{
    return result.ok() ? QString() : result.error().message;
}

// A plain QSQLITE connection of its own, closed and removed when it goes out of scope.
class RawConnection final
{
public:
    explicit RawConnection(const QString& path)
        : m_name(QStringLiteral("raw-test-connection-%1").arg(counter().fetchAndAddRelaxed(1)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_open = db.open();
    }
    ~RawConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(RawConnection)

    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

    // Runs one statement; on failure returns SQLite's message, on success an empty string.
    QString exec(const QString& sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql))
            return query.lastError().text().isEmpty() ? QStringLiteral("failed") : query.lastError().text();
        return {};
    }

    // The first column of the first row, or an invalid QVariant if there is none.
    QVariant scalar(const QString& sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

    // Every row of `sql`, its columns joined by '|': a compact picture of a table for comparisons.
    QStringList rows(const QString& sql) const
    {
        QSqlQuery query(db());
        QStringList result;
        if (!query.exec(sql)) {
            result << QStringLiteral("ERROR: ") + query.lastError().text();
            return result;
        }
        while (query.next()) {
            QStringList columns;
            for (int i = 0; i < query.record().count(); ++i)
                columns << (query.value(i).isNull() ? QStringLiteral("NULL") : query.value(i).toString());
            result << columns.join(u'|');
        }
        return result;
    }

private:
    static QAtomicInt& counter()
    {
        static QAtomicInt value;
        return value;
    }

    QString m_name;
    bool m_open = false;
};

inline qint64 rowCount(const QSqlDatabase& db, const QString& table)
{
    QSqlQuery query(db);
    // Table names come from the tests themselves, never from input.
    if (!query.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

// Row counts of every table a sale or a scan could touch, to show that something changed nothing.
inline QStringList tableCounts(const QSqlDatabase& db)
{
    QStringList counts;
    for (const char* table : {"members", "cards", "products", "sales", "sale_lines", "ledger_entries", "outbox_events",
                              "till_counters", "settings"}) {
        const QString name = QString::fromLatin1(table);
        counts << name + u'=' + QString::number(rowCount(db, name));
    }
    return counts;
}

inline QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline QByteArray fileSha256(const QString& path)
{
    return QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256).toHex();
}

}  // namespace loyalty::test
