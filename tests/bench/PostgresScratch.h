#pragma once

#include <QString>

namespace loyalty::bench {

// A fresh, uniquely named database on a PostgreSQL server the bench was given (--postgres URL).
class PostgresScratch final
{
public:
    // The new database's postgresql:// URL, or empty with `error` set.
    static QString createDatabase(const QString& serverUrl, QString* error);
};

}  // namespace loyalty::bench
