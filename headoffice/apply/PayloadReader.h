#pragma once

#include "common/Error.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace loyalty::hq {

// Reads the fields of one JSON object of an event and remembers the first field that has the wrong
// shape; the event is then rejected as "malformed_event" with that field's path in the message.
class PayloadReader final
{
    Q_DECLARE_TR_FUNCTIONS(PayloadReader)

public:
    static inline const QString kMalformed = QStringLiteral("malformed_event");
    // Integers a double represents exactly; JSON numbers beyond are refused, not rounded.
    static constexpr qint64 kMaxInteger = (qint64(1) << 53) - 1;

    PayloadReader(const QJsonObject& object, QString path);

    QString text(const QString& key);          // required, non-empty
    QString optionalText(const QString& key);  // missing or null: empty
    qint64 integer(const QString& key);
    qint64 optionalInteger(const QString& key, qint64 fallback);
    bool boolean(const QString& key);
    QJsonArray optionalArray(const QString& key);
    QJsonObject optionalObject(const QString& key);  // missing or null: empty
    QString optionalDay(const QString& key);         // yyyy-MM-dd, missing or null: empty
    QString optionalInstant(const QString& key);     // ISO 8601 date and time, normalised to UTC with ms

    static Error notAnObject(const QString& path);

    bool ok() const { return !m_problem.has_value(); }
    Error error() const;
    QString path(const QString& key) const { return m_path + u'.' + key; }

    // The UTC form stored and compared at head office; empty for text that is not a date and time.
    static QString normalisedInstant(const QString& text);

private:
    void fail(const QString& key, const QString& problem);

    QJsonObject m_object;
    QString m_path;
    std::optional<QString> m_problem;
};

}  // namespace loyalty::hq
