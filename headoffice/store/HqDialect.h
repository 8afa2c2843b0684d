#pragma once

#include "store/HqDatabaseUrl.h"

#include <QString>
#include <QStringList>

namespace loyalty::hq {

// What differs between head office's two backends. Everything else (ON CONFLICT, RETURNING,
// SAVEPOINT, the queries) is one SQL text for both, so the two cannot drift apart.
class HqDialect final
{
public:
    explicit HqDialect(HqDatabaseUrl::Backend backend);

    HqDatabaseUrl::Backend backend() const { return m_backend; }
    bool isPostgresql() const { return m_backend == HqDatabaseUrl::Backend::Postgresql; }
    QString name() const;

    // Replaces the schema's placeholders: {int} a 64-bit integer column, {id} an auto-numbered
    // 64-bit primary key that never reuses a number, {json COLUMN KEY} the text of a JSON text
    // column's top-level KEY (jsonField).
    QString ddl(const QString& statement) const;
    // The text of top-level `key` of the JSON text in `column` (both constants, never input); the
    // same expression in an index and a query lets the query use the index.
    QString jsonField(const QString& column, const QString& key) const;
    // A subquery of the texts in one bound JSON array (`["a","b"]`): a set of keys as a single
    // parameter, however many there are.
    QString jsonTexts() const;
    // One row with the count of tables named ? in the database's schema.
    QString tableExistsQuery() const;
    // The statements that open a write transaction. Writers are serialised on both backends: SQLite
    // by BEGIN IMMEDIATE, PostgreSQL by a transaction-scoped advisory lock, so change-feed numbers
    // become visible strictly in order and a reader's cursor can never step over a later commit.
    QStringList beginWrite() const;

private:
    HqDatabaseUrl::Backend m_backend;
};

}  // namespace loyalty::hq
