#include "account/StoredTime.h"

namespace loyalty {

QString StoredTime::instant(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

QString StoredTime::startOfDay(const QDate& day)
{
    return instant(day.startOfDay());
}

QDateTime StoredTime::parseInstant(const QString& stored)
{
    return QDateTime::fromString(stored, Qt::ISODateWithMs);
}

QDate StoredTime::localDay(const QDateTime& at)
{
    return at.toLocalTime().date();
}

QDate StoredTime::localDayOf(const QString& storedInstant)
{
    return localDay(parseInstant(storedInstant));
}

QString StoredTime::day(const QDate& day)
{
    return day.isValid() ? day.toString(Qt::ISODate) : QString();
}

QDate StoredTime::parseDay(const QString& stored)
{
    return stored.isEmpty() ? QDate() : QDate::fromString(stored, Qt::ISODate);
}

}  // namespace loyalty
