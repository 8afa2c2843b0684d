#include "http/ApiRequest.h"

#include "http/RequestAuthenticator.h"
#include "sync/protocol/SyncProtocol.h"

#include <QCryptographicHash>
#include <QHttpServerRequest>
#include <QJsonParseError>

#include <openssl/evp.h>

namespace loyalty::hq {

namespace {
// Hex SHA-256 of the body with OpenSSL: Qt's own SHA-256 of a half-megabyte push body was 6 % of head
// office's CPU for a push. The same digest either way; Qt's is the fallback.
QByteArray digestOf(const QByteArray& body)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!EVP_Digest(body.constData(), size_t(body.size()), digest, &length, EVP_sha256(), nullptr))
        return QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
    return QByteArray(reinterpret_cast<const char*>(digest), int(length)).toHex();
}
}  // namespace

ApiRequest ApiRequest::from(const QHttpServerRequest& request)
{
    ApiRequest copy;
    copy.method = RequestAuthenticator::methodName(request);
    copy.target = RequestAuthenticator::targetOf(request.url());
    copy.query = request.query();
    copy.body = request.body();
    copy.tillHeader = request.value(sync::kTillHeader);
    copy.timestampHeader = request.value(sync::kTimestampHeader);
    copy.nonceHeader = request.value(sync::kNonceHeader);
    copy.signatureHeader = request.value(sync::kSignatureHeader);
    copy.bodyDigest = digestOf(copy.body);
    QJsonParseError parseError;
    copy.document = QJsonDocument::fromJson(copy.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        copy.document = QJsonDocument();
    return copy;
}

}  // namespace loyalty::hq
