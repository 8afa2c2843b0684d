#pragma once

#include "common/Result.h"

#include <QSqlDatabase>
#include <QString>

namespace loyalty::sync {

// Fills the member search index (FTS5 `member_search`) once for a page of many new members
// instead of row by row. Row by row, every member insert runs the trigger members_search_insert,
// and because an FTS5 table flushes its pending terms into a new segment at every statement
// savepoint, each member became a segment of its own that the index then kept merging: most of the
// provisioning time. Inside the page's transaction begin() drops that trigger, finish() indexes
// every member inserted since with one INSERT … SELECT derived from the trigger's own text (so the
// indexed contact stays exactly what the schema says) and creates the trigger again. A rollback
// restores the trigger with everything else. When the trigger's text is not the shape this class
// knows, begin() leaves it in place and the page is indexed row by row as before.
class DeferredMemberSearch final
{
public:
    explicit DeferredMemberSearch(const QSqlDatabase& db);
    Q_DISABLE_COPY_MOVE(DeferredMemberSearch)

    // Only inside the caller's write transaction, before any member of the page is written.
    Result<Done> begin();
    // After the page's last member write and before the commit.
    Result<Done> finish();
    bool active() const { return m_active; }

    // The statement that indexes the members above an id, derived from the insert trigger's SQL;
    // empty when the trigger is not the known shape.
    static QString fillStatement(const QString& triggerSql);

private:
    QSqlDatabase m_db;
    QString m_triggerSql;
    QString m_fill;
    qint64 m_lastIdBefore = 0;
    bool m_active = false;
};

}  // namespace loyalty::sync
