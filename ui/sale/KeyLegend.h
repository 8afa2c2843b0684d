#pragma once

#include <QFrame>

class QLabel;

namespace loyalty {

// The bottom lines: the sale keys, the loyalty keys, and the till's state (name, head office, queue).
class KeyLegend final : public QFrame
{
    Q_OBJECT

public:
    explicit KeyLegend(QWidget* parent = nullptr);

    void showStatus(const QString& tillName, qint64 queuedEvents);
    // The latest word from a card device (NFC, serial scanner), shown before the till's state.
    void showDeviceStatus(const QString& status);
    QString statusText() const;
    QString keysText() const;

private:
    void render();

    QLabel* m_keys;
    QLabel* m_loyaltyKeys;
    QLabel* m_status;
    QString m_tillStatus;
    QString m_deviceStatus;
};

}  // namespace loyalty
