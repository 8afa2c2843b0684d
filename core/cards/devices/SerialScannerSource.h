#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

class QSerialPort;

namespace loyalty {

// A barcode scanner on a serial port (RS-232 or USB CDC): reads bytes, cuts them into frames at
// the configured suffix, strips the prefix and hands on printable ASCII frames. Frames are never
// echoed in messages: a stray payment card must leave no trace.
class SerialScannerSource final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SerialScannerSource)

public:
    struct Config
    {
        QString portName;  // "ttyUSB0", "/dev/ttyACM0" or any device path
        qint32 baudRate = 9600;
        QByteArray prefix;  // stripped where a frame starts with it
        QByteArray suffix;  // ends a frame; empty: CR, LF or CR LF
        int maxFrameLength = 512;
        int reconnectMs = 3000;  // retry a missing or unplugged port this often; 0: never
    };

    explicit SerialScannerSource(QObject* parent = nullptr);
    ~SerialScannerSource() override;

    void setConfig(const Config& config);
    const Config& config() const { return m_config; }

    // Opens the port (and keeps retrying while it is missing); reports through statusChanged().
    void start();
    void stop();
    bool isOpen() const;
    QString status() const { return m_status; }

Q_SIGNALS:
    void frameReceived(const QString& text);
    // A frame that could not be a card: a translated reason, never the frame itself.
    void frameRejected(const QString& reason);
    void statusChanged(const QString& status);

private:
    void tryOpen();
    void readAvailable();
    void handleError();
    void takeFrames();
    void emitFrame(QByteArray frame);
    void setStatus(const QString& status);
    qsizetype findSuffix(qsizetype* suffixLength) const;

    Config m_config;
    QSerialPort* m_port;
    QTimer m_reconnect;
    QByteArray m_buffer;
    bool m_discarding = false;  // dropping an oversized frame up to its suffix
    bool m_running = false;
    QString m_status;
};

}  // namespace loyalty
