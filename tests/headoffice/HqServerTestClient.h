#pragma once

// Talks to an in-process HqServer over real sockets with QNetworkAccessManager, signing requests
// the way a till does (docs/sync-protocol.md). Shared by TestHqServer and TestHqServerTls.
#include "sync/protocol/RequestSignature.h"
#include "sync/protocol/SyncProtocol.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrl>

#include <optional>

namespace loyalty::test {

struct HttpAnswer
{
    int status = 0;
    QByteArray raw;
    QJsonObject body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QList<QSslError> sslErrors;
    QSslCertificate peerCertificate;
    QList<QPair<QByteArray, QByteArray>> headers;

    QString errorCode() const { return body.value(QStringLiteral("error")).toString(); }
};

struct Signer
{
    QString tillId;
    QByteArray secret;
    qint64 timestamp = 0;
    QByteArray nonce;  // empty: a fresh one
};

class HqServerTestClient
{
public:
    explicit HqServerTestClient(QString baseUrl)
        : m_baseUrl(std::move(baseUrl))
    {
    }

    void setSslConfiguration(const QSslConfiguration& configuration) { m_ssl = configuration; }

    // `target` is path and query exactly as they go over the wire, and so as they are signed.
    HttpAnswer send(const QByteArray& method, const QString& target, const QByteArray& body = {},
                    const std::optional<Signer>& signer = std::nullopt,
                    const QList<QPair<QByteArray, QByteArray>>& extraHeaders = {})
    {
        QNetworkRequest request(QUrl(m_baseUrl + target, QUrl::StrictMode));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setTransferTimeout(120'000);  // only so a broken server fails the test instead of hanging it
        if (m_ssl)
            request.setSslConfiguration(*m_ssl);
        if (signer) {
            sync::RequestSignature signature;
            signature.method = method;
            signature.target = target.toUtf8();
            signature.body = body;
            signature.timestamp = signer->timestamp;
            signature.nonce = signer->nonce.isEmpty() ? sync::RequestSignature::newNonce() : signer->nonce;
            signature.tillId = signer->tillId.toUtf8();
            request.setRawHeader(sync::kTillHeader, signature.tillId);
            request.setRawHeader(sync::kTimestampHeader, QByteArray::number(signature.timestamp));
            request.setRawHeader(sync::kNonceHeader, signature.nonce);
            request.setRawHeader(sync::kSignatureHeader, signature.sign(signer->secret));
        }
        for (const auto& [name, value] : extraHeaders)
            request.setRawHeader(name, value);

        QNetworkReply* reply = m_network.sendCustomRequest(request, method, body);
        HttpAnswer answer;
        QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                         [&answer](const QList<QSslError>& errors) { answer.sslErrors = errors; });
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.raw = reply->readAll();
        answer.body = QJsonDocument::fromJson(answer.raw).object();
        answer.error = reply->error();
        answer.peerCertificate = reply->sslConfiguration().peerCertificate();
        answer.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return answer;
    }

    QNetworkAccessManager& network() { return m_network; }

private:
    QString m_baseUrl;
    std::optional<QSslConfiguration> m_ssl;
    QNetworkAccessManager m_network;
};

}  // namespace loyalty::test
