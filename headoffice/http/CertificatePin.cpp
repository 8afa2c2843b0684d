#include "http/CertificatePin.h"

#include <QCryptographicHash>
#include <QSslCertificate>

#include <openssl/crypto.h>
#include <openssl/x509.h>

namespace loyalty::hq {

QString CertificatePin::of(const QSslCertificate& certificate)
{
    return ofDer(certificate.toDer());
}

QString CertificatePin::ofDer(const QByteArray& der)
{
    const auto* data = reinterpret_cast<const unsigned char*>(der.constData());
    X509* certificate = d2i_X509(nullptr, &data, long(der.size()));
    if (!certificate)
        return {};
    unsigned char* spki = nullptr;
    const int length = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(certificate), &spki);
    X509_free(certificate);
    if (length <= 0)
        return {};
    const QByteArray digest = QCryptographicHash::hash(
        QByteArrayView(reinterpret_cast<const char*>(spki), qsizetype(length)), QCryptographicHash::Sha256);
    OPENSSL_free(spki);
    return QStringLiteral("sha256/") + QString::fromLatin1(digest.toBase64());
}

}  // namespace loyalty::hq
