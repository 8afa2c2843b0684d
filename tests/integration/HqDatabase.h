#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

// Head office's database for one scenario, on the backend the test run asks for
// (LOYALTY_TEST_HQ_BACKEND=sqlite|postgresql; CTest registers every scenario once for each), and a
// direct QtSql view into it so a test checks what head office stored without asking head office.
class HqDatabase final
{
public:
    enum class Backend
    {
        Sqlite,
        Postgresql,
    };

    // LOYALTY_TEST_HQ_BACKEND; unset means sqlite, anything unknown is a failure of create().
    static QString backendName();

    HqDatabase() = default;
    ~HqDatabase();
    Q_DISABLE_COPY_MOVE(HqDatabase)

    // A fresh, empty database: a file in `directory` for SQLite, a new database on the fixture's
    // server for PostgreSQL. False with error() set if that is impossible (never a silent skip).
    bool create(const QString& directory);

    Backend backend() const { return m_backend; }
    // What loyalty-hq gets as --db.
    QString url() const { return m_url; }
    QString error() const { return m_error; }

    // One value from a read-only query straight on head office's database; nullopt (error() set) on failure.
    std::optional<QVariant> scalar(const QString& sql, const QVariantList& bindings = {});
    // The first column of every row.
    std::optional<QStringList> column(const QString& sql, const QVariantList& bindings = {});
    qint64 count(const QString& table);  // -1 on failure

private:
    QSqlDatabase connection();

    Backend m_backend = Backend::Sqlite;
    QString m_url;
    QString m_connectionName;
    QString m_error;
};
