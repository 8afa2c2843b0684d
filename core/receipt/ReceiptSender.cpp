#include "receipt/ReceiptSender.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <poll.h>
#include <pthread.h>
#include <unistd.h>
#include <utility>

namespace loyalty {

namespace {

QString seconds(int ms)
{
    return QString::number((ms + 999) / 1000);
}

QString deviceError(int error, const QString& path)
{
    switch (error) {
    case ENOENT:
    case ENODEV:
    case ENXIO:
        return ReceiptSender::tr("The receipt printer %1 is not there. Check that it is plugged in and switched on.")
            .arg(path);
    case EACCES:
    case EPERM:
        return ReceiptSender::tr(
                   "No permission to print on %1. The till's user must be in the printer's group (usually lp).")
            .arg(path);
    default:
        return ReceiptSender::tr("The receipt printer %1 does not take the receipt: %2.")
            .arg(path, QString::fromLocal8Bit(std::strerror(error)));
    }
}

}  // namespace

ReceiptSender::ReceiptSender(QObject* parent)
    : QObject(parent)
{
}

ReceiptSender::~ReceiptSender()
{
    // A worker ends by its own timeout; waiting here keeps it from outliving the sender it reports to.
    for (const QPointer<QThread>& thread : std::as_const(m_threads)) {
        if (thread) {
            thread->wait();
            delete thread.data();
        }
    }
}

void ReceiptSender::finish(const QString& error)
{
    if (error.isEmpty())
        Q_EMIT sent();
    else
        Q_EMIT failed(error);
}

void ReceiptSender::send(const QByteArray& bytes, const PrinterSetup& setup)
{
    switch (setup.kind) {
    case PrinterSetup::Kind::Network:
        sendNetwork(bytes, setup);
        return;
    case PrinterSetup::Kind::Device:
    case PrinterSetup::Kind::File:
        sendInThread(bytes, setup);
        return;
    case PrinterSetup::Kind::System:
    case PrinterSetup::Kind::None:
        break;
    }
    const QString message = setup.kind == PrinterSetup::Kind::None
                                ? tr("No receipt printer is set up at this till.")
                                : tr("The office printer takes receipts through the print dialog, not as ESC/POS.");
    // Asynchronous like every other outcome, so a caller connects before it can happen.
    QTimer::singleShot(0, this, [this, message] { Q_EMIT failed(message); });
}

void ReceiptSender::sendNetwork(const QByteArray& bytes, const PrinterSetup& setup)
{
    auto* socket = new QTcpSocket(this);
    auto* timer = new QTimer(socket);
    timer->setSingleShot(true);
    const QString where = QStringLiteral("%1:%2").arg(setup.host).arg(setup.port);
    // One outcome per send, whichever of the socket's signals and the timer comes first.
    auto done = std::make_shared<bool>(false);
    auto conclude = [this, socket, done](const QString& error) {
        if (*done)
            return;
        *done = true;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
        finish(error);
    };
    connect(timer, &QTimer::timeout, this, [conclude, socket, where, setup] {
        conclude(socket->state() == QAbstractSocket::ConnectedState
                     ? tr("The receipt printer at %1 did not take the receipt within %2 s. Check its paper and "
                          "that it is online.")
                           .arg(where, seconds(setup.timeoutMs))
                     : tr("The receipt printer at %1 did not answer within %2 s. Check that it is switched on and "
                          "on the network.")
                           .arg(where, seconds(setup.timeoutMs)));
    });
    connect(socket, &QTcpSocket::connected, this, [socket, bytes] {
        if (bytes.isEmpty())
            socket->disconnectFromHost();  // nothing to write, so no bytesWritten() would end it
        else
            socket->write(bytes);
    });
    connect(socket, &QTcpSocket::bytesWritten, this, [socket] {
        if (socket->bytesToWrite() == 0)
            socket->disconnectFromHost();
    });
    connect(socket, &QTcpSocket::disconnected, this, [conclude, socket, where] {
        conclude(
            socket->bytesToWrite() == 0
                ? QString()
                : tr("The receipt printer at %1 closed the connection before the receipt was complete.").arg(where));
    });
    connect(socket, &QTcpSocket::errorOccurred, this, [conclude, socket, where](QAbstractSocket::SocketError error) {
        switch (error) {
        case QAbstractSocket::ConnectionRefusedError:
            conclude(tr("The receipt printer at %1 refused the connection. Check the address and the port (usually "
                        "9100).")
                         .arg(where));
            return;
        case QAbstractSocket::HostNotFoundError:
            conclude(tr("The receipt printer %1 is unknown on the network. Check its address.").arg(where));
            return;
        case QAbstractSocket::RemoteHostClosedError:
            if (socket->bytesToWrite() == 0)
                return;  // everything went out; disconnected() follows
            conclude(tr("The receipt printer at %1 closed the connection before the receipt was complete.").arg(where));
            return;
        default:
            conclude(tr("The receipt printer at %1 cannot be reached: %2").arg(where, socket->errorString()));
            return;
        }
    });
    timer->start(std::max(setup.timeoutMs, 1));
    socket->connectToHost(setup.host, setup.port);
}

void ReceiptSender::sendInThread(const QByteArray& bytes, const PrinterSetup& setup)
{
    auto error = std::make_shared<QString>();
    QThread* thread = QThread::create([error, bytes, setup] {
        // A device file that is really a pipe whose reader went away must fail the write (EPIPE),
        // not end the till with SIGPIPE; the signal would be this thread's, so blocking it here suffices.
        sigset_t pipe;
        sigemptyset(&pipe);
        sigaddset(&pipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
        *error = setup.kind == PrinterSetup::Kind::Device ? writeDevice(bytes, setup.devicePath, setup.timeoutMs)
                                                          : appendToFile(bytes, setup.filePath);
    });
    m_threads.removeAll(nullptr);
    m_threads.append(thread);
    // finished() comes from the worker; the context object makes the slot run in this thread.
    connect(thread, &QThread::finished, this, [this, thread, error] {
        m_threads.removeAll(thread);
        thread->deleteLater();
        finish(*error);
    });
    thread->start();
}

QString ReceiptSender::writeDevice(const QByteArray& bytes, const QString& path, int timeoutMs)
{
    if (path.isEmpty())
        return tr("No printer device is set up. Choose the printer's device file, e.g. /dev/usb/lp0.");
    // Non-blocking, so a printer that is out of paper or offline runs into the timeout instead of
    // holding the thread for ever.
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return deviceError(errno, path);
    const QDeadlineTimer deadline(std::max(timeoutMs, 1));
    qsizetype written = 0;
    QString error;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n > 0) {
            written += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
            error = deviceError(errno, path);
            break;
        }
        const qint64 left = deadline.remainingTime();
        pollfd ready{fd, POLLOUT, 0};
        if (left <= 0 || ::poll(&ready, 1, int(left)) <= 0) {
            error = tr("The receipt printer %1 did not take the receipt within %2 s. Check its paper and that it is "
                       "switched on.")
                        .arg(path, seconds(timeoutMs));
            break;
        }
    }
    ::close(fd);
    return error;
}

QString ReceiptSender::appendToFile(const QByteArray& bytes, const QString& path)
{
    if (path.isEmpty())
        return tr("No receipt file is set up.");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        return tr("The receipt file %1 cannot be opened: %2. Check that the folder exists and may be written to.")
            .arg(path, file.errorString());
    }
    if (file.write(bytes) != bytes.size() || !file.flush())
        return tr("The receipt could not be written to %1: %2").arg(path, file.errorString());
    return {};
}

}  // namespace loyalty
