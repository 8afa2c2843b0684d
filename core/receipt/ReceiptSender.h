#pragma once

#include "config/PrinterSetup.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>

class QThread;

namespace loyalty {

// Sends a receipt's ESC/POS bytes to the workstation's thermal printer without ever blocking the
// calling (GUI) thread: a network printer over raw TCP (JetDirect, port 9100) with a timeout, a USB
// printer's device file and a file (appended to) in a worker thread each, since a USB printer that is
// out of paper blocks its writer. Exactly one of sent() or failed() follows every send(), with a
// message that tells the cashier what to check.
class ReceiptSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceiptSender)

public:
    explicit ReceiptSender(QObject* parent = nullptr);
    ~ReceiptSender() override;

    void send(const QByteArray& bytes, const PrinterSetup& setup);

    // Blocking writes, for the worker thread and loyalty-ctl: an empty string when the bytes were
    // written, else the message failed() would carry.
    static QString writeDevice(const QByteArray& bytes, const QString& path, int timeoutMs);
    static QString appendToFile(const QByteArray& bytes, const QString& path);

Q_SIGNALS:
    void sent();
    void failed(const QString& message);

private:
    void sendNetwork(const QByteArray& bytes, const PrinterSetup& setup);
    void sendInThread(const QByteArray& bytes, const PrinterSetup& setup);
    void finish(const QString& error);

    QList<QPointer<QThread>> m_threads;
};

}  // namespace loyalty
