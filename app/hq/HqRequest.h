#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace loyalty::hq {

// What loyalty-hq's command line asked for, checked for form but not yet against the database.
struct HqRequest
{
    enum class Command
    {
        Help,
        Version,
        Serve,
        Cert,
        TerminalAdd,
        TerminalList,
        TerminalDisable,
        Demo,
        Balance,
        Stats,
        ProgrammePublish,
        ImportMembers,
        Conflicts,
        Expire,
        CardKeyAdd,
        CardKeyRetire,
        CardRevoke,
        AuditVerify,
        Snapshot,
    };

    Command command = Command::Help;
    QString database;  // --db: a SQLite path or a postgresql:// URL
    bool json = false;
    QString name;                     // terminal add --name
    qint64 memberCount = 0;           // demo --members
    QString card;                     // balance CARD; card revoke CARD-ID (a digital card id)
    QString tillId;                   // terminal disable TILL-ID, audit verify TILL-ID
    QString file;                     // programme publish FILE, import members FILE
    std::optional<QDateTime> at;      // expire --at: head office's local time; empty: now
    int keyId = 0;                    // card-key --key-id
    QString publicKey;                // card-key add --public-key (base64)
    QDate validFrom;                  // card-key add --valid-from
    std::optional<QDate> validUntil;  // card-key --valid-until
    QString reason;                   // card revoke --reason
    QStringList passThrough;          // serve, cert: their arguments, parsed by the command itself
};

}  // namespace loyalty::hq
