#include "RawHttp.h"

#include "HttpMessage.h"
#include "sync/protocol/RequestSignature.h"
#include "sync/protocol/SyncProtocol.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QTcpSocket>

QJsonObject RawHttp::Response::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString RawHttp::Response::describe() const
{
    return QStringLiteral("status %1 %2, head: %3, body: %4")
        .arg(status)
        .arg(error, QString::fromUtf8(head.left(600)), QString::fromUtf8(body.left(600)));
}

QByteArray RawHttp::signatureHeaders(const Signer& signer, const QByteArray& method, const QByteArray& target,
                                     const QByteArray& body, QByteArray* nonceUsed)
{
    loyalty::sync::RequestSignature signature;
    signature.method = method;
    signature.target = target;
    signature.body = body;
    signature.timestamp = QDateTime::currentSecsSinceEpoch() + signer.clockOffsetSeconds;
    signature.nonce = loyalty::sync::RequestSignature::newNonce();
    signature.tillId = signer.tillId;
    if (nonceUsed)
        *nonceUsed = signature.nonce;
    return loyalty::sync::kTillHeader + ": " + signer.tillId + "\r\n" + loyalty::sync::kTimestampHeader + ": " +
           QByteArray::number(signature.timestamp) + "\r\n" + loyalty::sync::kNonceHeader + ": " + signature.nonce +
           "\r\n" + loyalty::sync::kSignatureHeader + ": " + signature.sign(signer.secret) + "\r\n";
}

QByteArray RawHttp::request(const QByteArray& method, const QByteArray& target, const QByteArray& body,
                            const QByteArray& extraHeaders)
{
    return method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
           "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n" + extraHeaders + "\r\n" +
           body;
}

RawHttp::Response RawHttp::send(const QByteArray& rawRequest, int timeoutMs) const
{
    Response response;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    if (!socket.waitForConnected(timeoutMs)) {
        response.error = socket.errorString();
        return response;
    }
    // Written in one go; head office may answer (413) and close before it has read everything.
    socket.write(rawRequest);
    QByteArray received;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (socket.bytesToWrite() > 0)
            socket.waitForBytesWritten(100);
        if (socket.waitForReadyRead(100) || socket.bytesAvailable() > 0)
            received += socket.readAll();
        const qsizetype length = HttpMessage::completeLength(received, true);
        if (length >= 0) {
            response.head = received.left(HttpMessage::headLength(received) - 4);
            response.body = received.mid(HttpMessage::headLength(received), length - HttpMessage::headLength(received));
            response.status = received.mid(9, 3).toInt();
            return response;
        }
        if (socket.state() == QAbstractSocket::UnconnectedState) {
            received += socket.readAll();
            break;
        }
    }
    response.error =
        QStringLiteral("no complete response (%1 bytes received): %2").arg(received.size()).arg(socket.errorString());
    response.head = received.left(600);
    return response;
}
