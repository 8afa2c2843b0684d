#include "http/ApiRequest.h"

#include "http/RequestAuthenticator.h"
#include "sync/protocol/SyncProtocol.h"

#include <QCryptographicHash>
#include <QHttpServerRequest>
#include <QJsonParseError>

namespace loyalty::hq {

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
    copy.bodyDigest = QCryptographicHash::hash(copy.body, QCryptographicHash::Sha256).toHex();
    QJsonParseError parseError;
    copy.document = QJsonDocument::fromJson(copy.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        copy.document = QJsonDocument();
    return copy;
}

}  // namespace loyalty::hq
