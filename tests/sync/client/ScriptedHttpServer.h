#pragma once

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>

#include <functional>
#include <memory>

// A real HTTP/1.1 server on a loopback port, optionally with TLS, whose answers a test scripts.
// It lets the client's classification, batching and TLS checks run over real sockets in-process
// without a head office. One request per connection (Connection: close). An answer is JSON, or
// raw bytes (a snapshot file), possibly cut short of the length it announces.
class ScriptedHttpServer final : public QTcpServer
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray target;
        QHash<QByteArray, QByteArray> headers;  // lower-case names
        QByteArray body;
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    };
    struct Response
    {
        // A constructor, not an aggregate: the scripts write {status, body[, headers]}.
        Response(int status_ = 200, QJsonObject body_ = {}, QList<std::pair<QByteArray, QByteArray>> headers_ = {})
            : status(status_)
            , body(std::move(body_))
            , headers(std::move(headers_))
        {
        }

        int status = 200;  // 0: leave the request unanswered
        QJsonObject body;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray raw;  // not null: sent instead of `body`, with `contentType`
        QByteArray contentType = "application/json";
        qint64 announcedLength = -1;  // -1: the body's size; larger: the connection closes short
    };
    using Handler = std::function<Response(const Request&)>;

    explicit ScriptedHttpServer(Handler handler)
        : m_handler(std::move(handler))
    {
    }

    void useTls(const QSslCertificate& certificate, const QSslKey& key)
    {
        m_certificate = certificate;
        m_key = key;
    }
    bool start() { return listen(QHostAddress::LocalHost, 0); }
    QString url(const QString& host = QStringLiteral("127.0.0.1")) const
    {
        return QStringLiteral("%1://%2:%3")
            .arg(m_key.isNull() ? QStringLiteral("http") : QStringLiteral("https"), host,
                 QString::number(serverPort()));
    }
    const QList<Request>& requests() const { return m_requests; }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto* socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        // Freed with the socket's connections, whether or not it saw its disconnect.
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QSslSocket::readyRead, socket, [this, socket, buffer] { read(socket, *buffer); });
        connect(socket, &QSslSocket::disconnected, socket, [socket] { socket->deleteLater(); });
        connect(socket, &QSslSocket::sslErrors, socket, [](const QList<QSslError>&) {});
        if (!m_key.isNull()) {
            socket->setLocalCertificate(m_certificate);
            socket->setPrivateKey(m_key);
            socket->setPeerVerifyMode(QSslSocket::VerifyNone);
            socket->startServerEncryption();
        }
    }

private:
    void read(QSslSocket* socket, QByteArray& buffer)
    {
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        Request request;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.clear();
        m_requests.append(request);
        const Response response = m_handler(request);
        if (response.status == 0)
            return;  // never answer: the client's time-out has to end it
        const QByteArray body =
            response.raw.isNull() ? QJsonDocument(response.body).toJson(QJsonDocument::Compact) : response.raw;
        QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " Scripted\r\n";
        head += "Content-Type: " + response.contentType + "\r\nConnection: close\r\n";
        head += "Content-Length: " +
                QByteArray::number(response.announcedLength < 0 ? body.size() : response.announcedLength) + "\r\n";
        for (const auto& [name, value] : response.headers)
            head += name + ": " + value + "\r\n";
        socket->write(head + "\r\n" + body);
        socket->disconnectFromHost();
    }

    Handler m_handler;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QList<Request> m_requests;
};
