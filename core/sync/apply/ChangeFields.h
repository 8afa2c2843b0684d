#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QVariant>

namespace loyalty::sync {

// The `data` of one change of the feed, read field by field: a missing or mistyped field is an
// Error (reason "malformed_change") that names the change's position, kind and field, so a page
// head office got wrong is refused whole instead of half applied.
class ChangeFields final
{
    Q_DECLARE_TR_FUNCTIONS(ChangeFields)

public:
    ChangeFields(const QJsonObject& data, int position, const QString& kind);

    int position() const { return m_position; }
    const QString& kind() const { return m_kind; }

    Result<QString> text(const QString& key) const;         // required, not empty
    Result<QString> presentText(const QString& key) const;  // required, may be empty (never null)
    QString optionalText(const QString& key) const;         // absent or null: empty (not null)
    // SQL NULL for an absent, null or empty text.
    QVariant textOrNull(const QString& key) const;
    Result<qint64> integer(const QString& key) const;
    Result<qint64> integerOr(const QString& key, qint64 fallback) const;  // absent or null: fallback
    Result<bool> boolean(const QString& key) const;
    // An RFC 3339 instant, returned as the tables store instants (UTC, ISO 8601 with milliseconds),
    // so head office's times sort as text with the till's own.
    Result<QString> instant(const QString& key) const;
    // SQL NULL when absent or null, else instant().
    Result<QVariant> optionalInstant(const QString& key) const;
    // SQL NULL when absent, null or empty, else a "yyyy-MM-dd" day.
    Result<QVariant> optionalDay(const QString& key) const;

    Error malformed(const QString& key, const QString& problem) const;

private:
    QJsonObject m_data;
    int m_position = 0;
    QString m_kind;
};

}  // namespace loyalty::sync
