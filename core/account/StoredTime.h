#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace loyalty {

// How the account tables store time: instants as Clock::nowIso writes them (UTC, ISO 8601 with
// milliseconds, so they sort as text), calendar days (expires_on, birth dates) as ISO dates. Days
// and months of the programme are the till's local ones.
class StoredTime final
{
public:
    static QString instant(const QDateTime& at);
    static QString startOfDay(const QDate& day);  // local midnight, as a stored instant
    static QDateTime parseInstant(const QString& stored);
    static QDate localDay(const QDateTime& at);
    static QDate localDayOf(const QString& storedInstant);
    static QString day(const QDate& day);  // null date: empty string
    static QDate parseDay(const QString& stored);
};

}  // namespace loyalty
