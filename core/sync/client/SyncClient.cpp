#include "sync/client/SyncClient.h"

#include "sync/client/CertificatePin.h"
#include "sync/protocol/RequestSignature.h"
#include "sync/protocol/SyncProtocol.h"
#include "time/Clock.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QThread>
#include <QTimer>

#include <memory>
#include <openssl/evp.h>

namespace loyalty::sync {

namespace {

// Errors a self-signed certificate brings with it; a pin makes them harmless, nothing else does.
bool pinExcuses(QSslError::SslError error)
{
    switch (error) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
    case QSslError::HostNameMismatch:  // the pin names the key, whatever name the certificate carries
        return true;
    default:
        return false;
    }
}

bool isTransportFailure(QNetworkReply::NetworkError error)
{
    // 1-199: the connection, TLS or a proxy failed; the HTTP status (if any) cannot be trusted.
    return error != QNetworkReply::NoError && int(error) < 200;
}

QString transportErrorCode(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("connection_refused");
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("host_not_found");
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("connection_closed");
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:  // what a transfer time-out reports
        return QStringLiteral("timeout");
    case QNetworkReply::SslHandshakeFailedError:
        return QStringLiteral("untrusted_certificate");
    default:
        return QStringLiteral("network");
    }
}

// Hex SHA-256 of the body, as RequestSignature would compute it, but with OpenSSL: QCryptographicHash's
// own SHA-256 was a tenth of the till's cost of a push (a 500-event body is about half a megabyte).
QByteArray bodyDigest(const QByteArray& body)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!EVP_Digest(body.constData(), size_t(body.size()), digest, &length, EVP_sha256(), nullptr))
        return {};  // RequestSignature then hashes the body itself
    return QByteArray(reinterpret_cast<const char*>(digest), int(length)).toHex();
}

QDateTime parseServerTime(const QJsonValue& value)
{
    const QString text = value.toString();
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    return time;
}

}  // namespace

SyncClient::SyncClient(const Clock& clock, SyncEndpoint endpoint, int timeoutMs)
    : m_clock(clock)
    , m_endpoint(std::move(endpoint))
    , m_timeoutMs(timeoutMs > 0 ? timeoutMs : kDefaultTimeoutMs)
{
    // Tills reach head office directly; an HTTP proxy from the environment must not see the traffic.
    m_network.setProxy(QNetworkProxy::NoProxy);
}

SyncClient::~SyncClient() = default;

void SyncClient::setCredentials(const QString& tillId, const QByteArray& secret)
{
    m_endpoint.tillId = tillId;
    m_endpoint.secret = secret;
}

qint64 SyncClient::offsetTo(const QDateTime& serverTime) const
{
    return m_clock.now().secsTo(serverTime);
}

SyncReply SyncClient::provision(const QString& code, const QString& tillName)
{
    const QJsonObject request{{QStringLiteral("code"), code}, {QStringLiteral("till_name"), tillName}};
    return send("POST", kProvisionPath, QJsonDocument(request).toJson(QJsonDocument::Compact), Signing::Unsigned);
}

SyncReply SyncClient::pushEvents(const QByteArray& body)
{
    return send("POST", kEventsPath, body, Signing::Signed);
}

SyncReply SyncClient::changes(const QString& cursor, int limit)
{
    QString target = kChangesPath + QStringLiteral("?cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor)) +
                     QStringLiteral("&limit=") + QString::number(limit);
    return send("GET", target, {}, Signing::Signed);
}

SyncReply SyncClient::status()
{
    return send("GET", kStatusPath, {}, Signing::Unsigned);
}

SyncReply SyncClient::download(const QString& pathAndQuery, const BodySink& sink)
{
    return send("GET", pathAndQuery, {}, Signing::Signed, &sink);
}

QSslConfiguration SyncClient::tlsConfiguration(QString* problem) const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_endpoint.caFile.isEmpty()) {
        // Only the configured CA: a certificate some public CA issued for the name is not head office's.
        const QList<QSslCertificate> authorities = QSslCertificate::fromPath(m_endpoint.caFile, QSsl::Pem);
        if (authorities.isEmpty())
            *problem = tr("The CA file %1 could not be read or holds no PEM certificate.").arg(m_endpoint.caFile);
        config.setCaCertificates(authorities);
    } else if (!m_endpoint.pin.isEmpty()) {
        // No CA at all: every chain then raises sslErrors, where the pin alone decides.
        config.setCaCertificates({});
    }
    return config;
}

SyncReply SyncClient::send(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body,
                           Signing signing, const BodySink* sink)
{
    SyncReply reply;
    if (m_interrupted || QThread::currentThread()->isInterruptionRequested()) {
        reply.error = QStringLiteral("stopped");
        reply.message = tr("The sync was stopped.");
        return reply;
    }
    if (auto allowed = SyncEndpoint::checkTransport(m_endpoint.url, m_endpoint.allowPlainLoopback); !allowed) {
        reply.outcome = SyncReply::Outcome::Insecure;
        reply.error = allowed.error().reason;
        reply.message = allowed.error().message;
        return reply;
    }
    if (signing == Signing::Signed && !m_endpoint.hasCredentials()) {
        reply.outcome = SyncReply::Outcome::Refused;
        reply.error = QStringLiteral("not_provisioned");
        reply.message = tr("This till has no credentials for head office; provision it first.");
        return reply;
    }

    QString base = m_endpoint.url.toString(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                                           QUrl::StripTrailingSlash | QUrl::FullyEncoded);
    QString prefix = m_endpoint.url.path(QUrl::FullyEncoded);
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    const QUrl url(base + prefix + pathAndQuery, QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Accept", sink ? QByteArrayLiteral("application/vnd.sqlite3, application/json")
                                        : QByteArrayLiteral("application/json"));
    if (method == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const bool https = url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
    if (https) {
        QString problem;
        request.setSslConfiguration(tlsConfiguration(&problem));
        if (!problem.isEmpty()) {
            reply.outcome = SyncReply::Outcome::Insecure;
            reply.error = QStringLiteral("ca_file");
            reply.message = problem;
            return reply;
        }
    }
    if (signing == Signing::Signed) {
        RequestSignature signature;
        signature.method = method;
        // Exactly what QNetworkAccessManager puts on the request line.
        signature.target = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
        if (!signature.target.startsWith('/'))
            signature.target.prepend('/');
        signature.body = body;
        signature.timestamp = m_clock.now().toSecsSinceEpoch() + m_endpoint.clockOffsetSeconds;
        signature.nonce = RequestSignature::newNonce();
        signature.tillId = m_endpoint.tillId.toUtf8();
        request.setRawHeader(kTillHeader, signature.tillId);
        request.setRawHeader(kTimestampHeader, QByteArray::number(signature.timestamp));
        request.setRawHeader(kNonceHeader, signature.nonce);
        request.setRawHeader(kSignatureHeader, signature.sign(m_endpoint.secret, bodyDigest(body)));
    }

    std::unique_ptr<QNetworkReply> pending(method == "POST" ? m_network.post(request, body) : m_network.get(request));
    QNetworkReply* network = pending.get();
    const bool pinned = https && m_endpoint.caFile.isEmpty() && !m_endpoint.pin.isEmpty();
    bool pinRefused = false;
    QObject::connect(network, &QNetworkReply::sslErrors, network, [&, network](const QList<QSslError>& errors) {
        if (!pinned)
            return;  // verified against the CA file or the system's: any error refuses the connection
        QSslCertificate peer = network->sslConfiguration().peerCertificate();
        for (const QSslError& error : errors) {
            if (!pinExcuses(error.error()))
                return;
            if (peer.isNull())
                peer = error.certificate();
        }
        if (CertificatePin::of(peer) == m_endpoint.pin)
            network->ignoreSslErrors(errors);
        else
            pinRefused = true;
    });
    // A chain the system trusts raises no sslErrors at all; the pin must still match.
    QObject::connect(network, &QNetworkReply::encrypted, network, [&, network] {
        if (pinned && CertificatePin::of(network->sslConfiguration().peerCertificate()) != m_endpoint.pin) {
            pinRefused = true;
            network->abort();
        }
    });

    // A download's 2xx body goes to the sink as it arrives; the reply buffers at most this much.
    bool sinkRefused = false;
    qint64 sunk = 0;
    const auto drain = [&, network] {
        if (!sink || sinkRefused)
            return;
        const int status = network->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status < 200 || status > 299)
            return;  // an error's JSON body stays for finish()
        char chunk[64 * 1024];
        for (;;) {
            const qint64 read = network->read(chunk, sizeof chunk);
            if (read <= 0)
                break;
            if (!(*sink)(chunk, read)) {
                sinkRefused = true;
                network->abort();
                return;
            }
            sunk += read;
        }
    };
    if (sink) {
        network->setReadBufferSize(1024 * 1024);
        QObject::connect(network, &QNetworkReply::readyRead, network, drain);
    }

    QEventLoop loop;
    QObject::connect(network, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer watch;  // notices interrupt() from another thread
    watch.setInterval(200);
    QObject::connect(&watch, &QTimer::timeout, network, [this, network] {
        if (m_interrupted)
            network->abort();
    });
    watch.start();
    if (!network->isFinished())
        loop.exec();
    // The loop also ends when the thread is told to quit: the request is then abandoned.
    if (!network->isFinished())
        network->abort();
    watch.stop();
    drain();  // what arrived with the end of the answer
    return finish(network, pinRefused, sink, sinkRefused, sunk);
}

SyncReply SyncClient::finish(QNetworkReply* network, bool pinRefused, const BodySink* sink, bool sinkRefused,
                             qint64 sunk) const
{
    SyncReply reply;
    if (pinRefused) {
        reply.outcome = SyncReply::Outcome::Insecure;
        reply.error = QStringLiteral("untrusted_certificate");
        reply.message = tr("Head office's certificate does not match the pinned key %1.").arg(m_endpoint.pin);
        return reply;
    }
    if (sinkRefused) {
        reply.error = QStringLiteral("write_failed");
        reply.message = tr("The download could not be written to disk.");
        return reply;
    }
    const QNetworkReply::NetworkError error = network->error();
    if (isTransportFailure(error)) {
        reply.outcome = error == QNetworkReply::SslHandshakeFailedError ? SyncReply::Outcome::Insecure
                                                                        : SyncReply::Outcome::Unavailable;
        reply.error = m_interrupted && error == QNetworkReply::OperationCanceledError ? QStringLiteral("stopped")
                                                                                      : transportErrorCode(error);
        reply.message = network->errorString();
        return reply;
    }
    const QVariant status = network->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        reply.error = QStringLiteral("network");
        reply.message = network->errorString();
        return reply;
    }
    reply.httpStatus = status.toInt();
    if (sink) {
        for (const auto& [name, value] : network->rawHeaderPairs())
            reply.headers.insert(name.toLower(), value);
        reply.bodyBytes = sunk;
        if (reply.httpStatus >= 200 && reply.httpStatus <= 299) {
            // The body went to the sink; whether it is whole is the caller's check (length, digest).
            reply.outcome = SyncReply::classify(reply.httpStatus, {});
            return reply;
        }
    }
    const QByteArray data = network->readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (document.isObject()) {
        reply.body = document.object();
        reply.error = reply.body.value(QLatin1String("error")).toString();
        reply.message = reply.body.value(QLatin1String("message")).toString();
        reply.serverTime = parseServerTime(reply.body.value(QLatin1String("server_time")));
    }
    reply.retryAfterMs = SyncReply::parseRetryAfter(network->rawHeader("Retry-After"), m_clock.now());
    reply.outcome = SyncReply::classify(reply.httpStatus, reply.error);
    if (reply.outcome == SyncReply::Outcome::Ok && !document.isObject()) {
        // A 2xx that is not our JSON: a proxy's page or an answer cut short. Try again later.
        reply.outcome = SyncReply::Outcome::Unavailable;
        reply.error = QStringLiteral("bad_response");
        reply.message = tr("Head office's answer was not readable JSON (%1).").arg(parseError.errorString());
    }
    if (reply.error.isEmpty() && !reply.ok())
        reply.error = QStringLiteral("http_%1").arg(reply.httpStatus);
    if (reply.message.isEmpty() && !reply.ok())
        reply.message = network->errorString();
    return reply;
}

}  // namespace loyalty::sync
