#pragma once

#include <QSslCertificate>
#include <QString>

namespace loyalty::sync {

// A pinned server key as `--pin` takes it: "sha256/" and the base64 SHA-256 of the certificate's
// DER-encoded SubjectPublicKeyInfo (the same form as HPKP and curl's --pinnedpubkey), so a pin
// survives re-issuing the certificate with the same key.
class CertificatePin final
{
public:
    static inline const QString kPrefix = QStringLiteral("sha256/");

    // The pin of `certificate`'s public key; empty if OpenSSL cannot read the certificate.
    static QString of(const QSslCertificate& certificate);
    // "sha256/" followed by the base64 of exactly 32 bytes.
    static bool isWellFormed(const QString& pin);
};

}  // namespace loyalty::sync
