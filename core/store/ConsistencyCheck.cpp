#include "store/ConsistencyCheck.h"

#include "store/Database.h"
#include "store/StoreError.h"

#include <QSqlQuery>

namespace loyalty {

ConsistencyCheck::ConsistencyCheck(const Database& database)
    : m_database(database)
{
}

Result<qint64> ConsistencyCheck::count(const QString& sql) const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(sql) || !query.next())
        return StoreError::from(query.lastError());
    return query.value(0).toLongLong();
}

Result<Done> ConsistencyCheck::expectNone(const QString& sql, const char* problem, Report& report) const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(sql))
        return StoreError::from(query.lastError());
    QStringList ids;
    while (query.next())
        ids << query.value(0).toString();
    if (!ids.isEmpty()) {
        const QStringList shown = ids.mid(0, 20);
        report.problems << tr(problem, nullptr, int(ids.size())).arg(shown.join(QStringLiteral(", ")));
    }
    return Done{};
}

Result<ConsistencyCheck::Report> ConsistencyCheck::run() const
{
    Report report;
    report.problems = m_database.integrityProblems();

    struct Counted
    {
        QString sql;
        qint64* target;
    };
    for (const Counted& counted :
         {Counted{QStringLiteral("SELECT count(*) FROM sales"), &report.sales},
          Counted{QStringLiteral("SELECT count(*) FROM ledger_entries"), &report.ledgerEntries},
          Counted{QStringLiteral("SELECT count(*) FROM outbox_events"), &report.outboxEvents}}) {
        const auto value = count(counted.sql);
        if (!value)
            return value.error();
        *counted.target = *value;
    }

    struct Invariant
    {
        QString sql;
        const char* problem;
    };
    const Invariant invariants[] = {
        {QStringLiteral(
             "SELECT s.id FROM sales s WHERE NOT EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)"),
         QT_TR_N_NOOP("%n sale(s) without lines: %1")},
        {QStringLiteral("SELECT s.id FROM sales s WHERE s.total_minor <>"
                        " (SELECT coalesce(sum(line_total_minor), 0) FROM sale_lines l WHERE l.sale_id = s.id)"),
         QT_TR_N_NOOP("%n sale(s) whose total differs from their lines: %1")},
        {QStringLiteral("SELECT s.id FROM sales s WHERE NOT EXISTS"
                        " (SELECT 1 FROM outbox_events o WHERE o.sale_id = s.id AND o.type = 'sale.completed')"),
         QT_TR_N_NOOP("%n sale(s) without their outbox event: %1")},
        {QStringLiteral("SELECT s.id FROM sales s WHERE s.points_earned <> (SELECT coalesce(sum(points), 0)"
                        " FROM ledger_entries l WHERE l.sale_id = s.id AND l.kind = 'earn' AND l.account = 'points')"),
         QT_TR_N_NOOP("%n sale(s) whose ledger entries differ from the points they earned: %1")},
        {QStringLiteral("SELECT l.id FROM ledger_entries l JOIN sales s ON s.id = l.sale_id"
                        " WHERE s.member_id IS NULL OR l.member_id <> s.member_id"),
         QT_TR_N_NOOP("%n ledger entries booked to a member other than the sale's: %1")},
        {QStringLiteral("SELECT member_id FROM ledger_entries GROUP BY member_id, account"
                        " HAVING sum(points) < 0 AND account <> 'points'"),
         QT_TR_N_NOOP("%n member(s) with a negative balance: %1")},
        // Entries from head office are other tills' or head office's own: never part of a sale here.
        {QStringLiteral("SELECT id FROM ledger_entries WHERE origin_key IS NOT NULL"
                        " AND (sale_id IS NOT NULL OR return_id IS NOT NULL)"),
         QT_TR_N_NOOP("%n ledger entries from head office booked to a sale of this till: %1")},
        // remote_sales holds other tills' sales only; one of this till's there would count twice.
        {QStringLiteral("SELECT r.uuid FROM remote_sales r"
                        " WHERE r.till_id = (SELECT value FROM settings WHERE key = 'till.id')"
                        " OR EXISTS (SELECT 1 FROM sales s WHERE s.uuid = r.uuid)"),
         QT_TR_N_NOOP("%n sale(s) of this till also recorded as another till's: %1")},
        {QStringLiteral("SELECT id FROM outbox_events WHERE state = 'rejected' AND rejected_reason IS NULL"),
         QT_TR_N_NOOP("%n rejected outbox event(s) without a reason: %1")},
        {QStringLiteral("SELECT id FROM (SELECT id, sequence,"
                        " row_number() OVER (PARTITION BY till_id ORDER BY sequence) AS position FROM outbox_events)"
                        " WHERE sequence <> position"),
         QT_TR_N_NOOP("%n outbox event(s) after a gap in the sequence: %1")},
    };
    for (const Invariant& invariant : invariants) {
        if (auto checked = expectNone(invariant.sql, invariant.problem, report); !checked)
            return checked.error();
    }
    return report;
}

}  // namespace loyalty
