#pragma once

#include <QByteArray>
#include <QString>

class QSslCertificate;

namespace loyalty::hq {

// The pin a till is provisioned with (`--pin sha256/BASE64`): base64 of the SHA-256 of the
// certificate's DER-encoded SubjectPublicKeyInfo, so it survives re-issuing a certificate for the
// same key.
class CertificatePin final
{
public:
    static QString of(const QSslCertificate& certificate);
    // An empty string when `der` is not a certificate.
    static QString ofDer(const QByteArray& der);
};

}  // namespace loyalty::hq
