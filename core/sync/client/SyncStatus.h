#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace loyalty::sync {

// What the till's status line shows about head office: reachable or not (or refusing this till),
// how many records wait, how many head office rejected for good, the last successful sync and,
// while the snapshot is still coming, how far provisioning got.
struct SyncStatus
{
    enum class Connection
    {
        Connecting,  // the worker runs, no round finished yet
        Online,
        Offline,
        Refused,  // head office refuses this till (401 other than clock_skew)
    };

    Connection connection = Connection::Connecting;
    qint64 pending = 0;
    qint64 rejected = 0;
    QDateTime lastSuccess;      // invalid: never
    bool provisioning = false;  // the snapshot is not complete yet
    qint64 provisioningApplied = 0;
    qint64 provisioningRemaining = 0;
    QString detail;  // why the last round stopped, for the log and tooltips
};

}  // namespace loyalty::sync

Q_DECLARE_METATYPE(loyalty::sync::SyncStatus)
