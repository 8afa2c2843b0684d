#pragma once

#include "ProcessRun.h"

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

// One till: its own SQLite file in the scenario's directory, driven only through the real loyalty-ctl
// binary (demo data, provisioning, sales, sync, outbox, balance, check) and read back with plain
// QSQLITE. A clock offset puts every command's clock that many seconds off (--clock-offset).
class TillFixture final
{
public:
    struct Provisioning
    {
        QString pin;     // --pin sha256/…; empty: none
        QString caFile;  // --ca FILE; empty: none
        bool allowPlainLoopback = true;
    };

    TillFixture(const QString& directory, QString name);

    QString name() const { return m_name; }
    QString databasePath() const { return m_path; }
    QString error() const { return m_error; }
    void setClockOffset(qint64 seconds) { m_clockOffset = seconds; }

    // `loyalty-ctl demo --members N` on a new database: the same members, cards and products as
    // `loyalty-hq demo --members N` creates at head office.
    bool createDemo(int members);
    // `sales` sales over the first `members` demo members, written by backlog_maker through the till's
    // own SaleService: that many real outbox events, far faster than as many loyalty-ctl runs.
    bool makeBacklog(int sales, int members);
    // A one-time code from `loyalty-hq terminal add`, then `loyalty-ctl provision` against `hqUrl`.
    bool provision(const QString& hqDatabase, const QString& hqUrl, const Provisioning& options);
    bool provision(const QString& hqDatabase, const QString& hqUrl)
    {
        return provision(hqDatabase, hqUrl, Provisioning{});
    }

    // The same `loyalty-ctl provision` again (same code), which continues a snapshot that was cut.
    bool resumeProvisioning();

    // `loyalty-ctl --db TILL [--clock-offset S] ARGUMENTS...`
    ProcessRun ctl(const QStringList& arguments, int timeoutMs = 600'000) const;
    std::unique_ptr<QProcess> startCtl(const QStringList& arguments) const;
    // ctl(ARGUMENTS + --json), expecting `expectedExit`; nullopt (error() set) otherwise or if the output is no object.
    std::optional<QJsonObject> ctlJson(const QStringList& arguments, int expectedExit = 0);

    // One sync round (`sync --timeout S --json`); whatever it exits with, its run and summary.
    ProcessRun sync(int timeoutSeconds = 30) const;
    // A sync round that must reach head office and leave nothing pending it could deliver.
    std::optional<QJsonObject> syncOk(int timeoutSeconds = 60);

    // `sale --card CARD --line L... EXTRA... --json`; the sale's JSON.
    std::optional<QJsonObject> sale(const QString& card, const QStringList& lines, const QStringList& extra = {});
    std::optional<QJsonObject> outbox();
    std::optional<QJsonObject> balance(const QString& card);
    bool check();

    // Read straight from the till's database.
    QString tillId() const;
    QByteArray secret() const;  // the decoded sync.till_secret
    QString setting(const QString& key) const;
    QStringList outboxUuids(const QString& state = {}) const;  // all, or those in `state`
    qint64 outboxCount(const QString& state = {}) const;

private:
    QString m_name;
    QString m_path;
    qint64 m_clockOffset = 0;
    QStringList m_provisionArguments;
    QString m_error;
};
