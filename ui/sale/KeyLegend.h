#pragma once

#include "sync/client/SyncStatus.h"

#include <QFrame>

#include <optional>

class QLabel;

namespace loyalty {

// The bottom lines: the sale keys, the loyalty keys, and the till's state (name, head office, queue).
class KeyLegend final : public QFrame
{
    Q_OBJECT

public:
    explicit KeyLegend(QWidget* parent = nullptr);

    // The till's name and the outbox length as the sale session counts it (after every change).
    void showStatus(const QString& tillName, qint64 queuedEvents);
    // Head office's side, from the sync worker: online/offline/refused, queue, rejected, last sync.
    void showSyncStatus(const sync::SyncStatus& status);
    // The latest word from a card device (NFC, serial scanner), shown before the till's state.
    void showDeviceStatus(const QString& status);
    // Who is signed in ("Cashier: Anna"), shown after the till's name; empty: nobody (no sign-in).
    void showStaff(const QString& signedIn);
    // With staff accounts the legend also names F10 (manager screens) and F1 (sign out).
    void setStaffKeysVisible(bool visible);
    // What the status line says, devices first, then the till and head office.
    QString statusText() const;
    QString keysText() const;

private:
    void render();
    QString syncText() const;

    QLabel* m_keys;
    QLabel* m_loyaltyKeys;
    QLabel* m_deviceStatusLabel;
    QLabel* m_status;
    QString m_loyaltyKeysHtml;
    QString m_tillName;
    QString m_staff;
    qint64 m_queued = 0;
    std::optional<sync::SyncStatus> m_sync;  // nothing: the till is not connected to a head office
    QString m_deviceStatus;
};

}  // namespace loyalty
