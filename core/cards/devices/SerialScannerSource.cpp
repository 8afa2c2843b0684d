#include "cards/devices/SerialScannerSource.h"

#include <QFileInfo>
#include <QSerialPort>

namespace loyalty {

SerialScannerSource::SerialScannerSource(QObject* parent)
    : QObject(parent)
    , m_port(new QSerialPort(this))
{
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &SerialScannerSource::tryOpen);
    connect(m_port, &QSerialPort::readyRead, this, &SerialScannerSource::readAvailable);
    connect(m_port, &QSerialPort::errorOccurred, this, &SerialScannerSource::handleError);
}

SerialScannerSource::~SerialScannerSource() = default;

void SerialScannerSource::setConfig(const Config& config)
{
    const bool wasRunning = m_running;
    stop();
    m_config = config;
    if (wasRunning)
        start();
}

bool SerialScannerSource::isOpen() const
{
    return m_port->isOpen();
}

void SerialScannerSource::start()
{
    m_running = true;
    tryOpen();
}

void SerialScannerSource::stop()
{
    m_running = false;
    m_reconnect.stop();
    if (m_port->isOpen())
        m_port->close();
    m_buffer.clear();
    m_discarding = false;
}

void SerialScannerSource::tryOpen()
{
    if (!m_running || m_port->isOpen())
        return;
    if (m_config.portName.isEmpty()) {
        setStatus(tr("No serial scanner configured"));
        return;
    }
    m_port->setPortName(m_config.portName);
    m_port->setBaudRate(m_config.baudRate);
    m_port->setDataBits(QSerialPort::Data8);
    m_port->setParity(QSerialPort::NoParity);
    m_port->setStopBits(QSerialPort::OneStop);
    m_port->setFlowControl(QSerialPort::NoFlowControl);
    if (m_port->open(QIODevice::ReadOnly)) {
        m_buffer.clear();
        m_discarding = false;
        setStatus(tr("Serial scanner on %1 ready").arg(m_config.portName));
        return;
    }
    // errorOccurred has already run for this failure (it only reports); say which one it was.
    const QSerialPort::SerialPortError error = m_port->error();
    m_port->clearError();
    if (error == QSerialPort::PermissionError)
        setStatus(
            tr("Serial scanner %1: no permission (add the till user to the dialout group)").arg(m_config.portName));
    else if (error == QSerialPort::DeviceNotFoundError || !QFileInfo::exists(m_port->portName()))
        setStatus(tr("Serial scanner %1 not found").arg(m_config.portName));
    else
        setStatus(tr("Serial scanner %1 cannot be opened").arg(m_config.portName));
    if (m_config.reconnectMs > 0)
        m_reconnect.start(m_config.reconnectMs);
}

void SerialScannerSource::handleError()
{
    // Only a port that was open and went away matters here; failed opens are handled in tryOpen.
    // An unplugged USB adapter reports a resource error, a hung-up line (a pty whose other end
    // closed) a read error on every read: close in both cases, else the read notifier spins.
    const QSerialPort::SerialPortError error = m_port->error();
    if (!m_port->isOpen() || (error != QSerialPort::ResourceError && error != QSerialPort::ReadError))
        return;
    m_port->clearError();
    m_port->close();
    m_buffer.clear();
    m_discarding = false;
    setStatus(tr("Serial scanner %1 disconnected").arg(m_config.portName));
    if (m_running && m_config.reconnectMs > 0)
        m_reconnect.start(m_config.reconnectMs);
}

void SerialScannerSource::readAvailable()
{
    m_buffer += m_port->readAll();
    takeFrames();
}

qsizetype SerialScannerSource::findSuffix(qsizetype* suffixLength) const
{
    if (!m_config.suffix.isEmpty()) {
        *suffixLength = m_config.suffix.size();
        return m_buffer.indexOf(m_config.suffix);
    }
    // CR, LF or CR LF: cut at the first of CR or LF; a LF after CR arrives as an empty frame.
    *suffixLength = 1;
    const qsizetype cr = m_buffer.indexOf('\r');
    const qsizetype lf = m_buffer.indexOf('\n');
    if (cr < 0)
        return lf;
    if (lf < 0)
        return cr;
    return std::min(cr, lf);
}

void SerialScannerSource::takeFrames()
{
    for (;;) {
        qsizetype suffixLength = 0;
        const qsizetype end = findSuffix(&suffixLength);
        if (end < 0)
            break;
        QByteArray frame = m_buffer.left(end);
        m_buffer.remove(0, end + suffixLength);
        if (m_discarding) {
            m_discarding = false;  // the rest of the oversized frame ends here
            continue;
        }
        emitFrame(std::move(frame));
    }
    if (!m_discarding && m_buffer.size() > m_config.maxFrameLength) {
        // No suffix in sight: drop what came and everything up to the next suffix.
        m_buffer.clear();
        m_discarding = true;
        Q_EMIT frameRejected(tr("Scan too long (over %1 characters) — ignored. Check the scanner's suffix setting.")
                                 .arg(m_config.maxFrameLength));
    } else if (m_discarding) {
        m_buffer.clear();
    }
}

void SerialScannerSource::emitFrame(QByteArray frame)
{
    if (!m_config.prefix.isEmpty() && frame.startsWith(m_config.prefix))
        frame.remove(0, m_config.prefix.size());
    if (frame.isEmpty())
        return;  // the LF of a CR LF pair, or a bare suffix
    if (frame.size() > m_config.maxFrameLength) {
        Q_EMIT frameRejected(tr("Scan too long (over %1 characters) — ignored. Check the scanner's suffix setting.")
                                 .arg(m_config.maxFrameLength));
        return;
    }
    for (const char byte : std::as_const(frame)) {
        const auto value = static_cast<unsigned char>(byte);
        if (value >= 0x80) {
            Q_EMIT frameRejected(tr("The scanner sent characters that are not plain ASCII — check its "
                                    "keyboard/code page setting."));
            return;
        }
        // GS (0x1d) is the FNC1 separator GS1 codes carry; any other control character is not data.
        if ((value < 0x20 && value != 0x1d) || value == 0x7f) {
            Q_EMIT frameRejected(tr("The scanner sent control characters — check its prefix and suffix "
                                    "settings."));
            return;
        }
    }
    Q_EMIT frameReceived(QString::fromLatin1(frame));
}

void SerialScannerSource::setStatus(const QString& status)
{
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}

}  // namespace loyalty
