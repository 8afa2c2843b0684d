#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

// Requests sent straight to head office over a plain QTcpSocket, byte for byte as the test wants
// them (malformed, oversized, unsigned, replayed), and signed like a till signs them when asked to.
class RawHttp final
{
public:
    struct Response
    {
        int status = 0;  // 0: no complete response (connection refused, closed, timed out)
        QByteArray head;
        QByteArray body;
        QString error;
        QJsonObject json() const;
        QString describe() const;
    };

    struct Signer
    {
        QByteArray tillId;
        QByteArray secret;
        qint64 clockOffsetSeconds = 0;  // sign with a clock this far off
    };

    explicit RawHttp(quint16 port)
        : m_port(port)
    {
    }

    // The four X-Loyalty-* header lines (each ending in CRLF) for a request, with a new nonce.
    static QByteArray signatureHeaders(const Signer& signer, const QByteArray& method, const QByteArray& target,
                                       const QByteArray& body, QByteArray* nonceUsed = nullptr);
    // A complete HTTP/1.1 request with Content-Length and `extraHeaders` (CRLF-terminated lines).
    static QByteArray request(const QByteArray& method, const QByteArray& target, const QByteArray& body,
                              const QByteArray& extraHeaders);

    Response send(const QByteArray& rawRequest, int timeoutMs = 30'000) const;
    Response signedRequest(const Signer& signer, const QByteArray& method, const QByteArray& target,
                           const QByteArray& body) const
    {
        return send(request(method, target, body, signatureHeaders(signer, method, target, body)));
    }

private:
    quint16 m_port;
};
