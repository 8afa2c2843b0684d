#include "http/ApiRequest.h"

#include "http/RequestAuthenticator.h"
#include "sync/protocol/SyncProtocol.h"

#include <QHttpServerRequest>

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
    return copy;
}

}  // namespace loyalty::hq
