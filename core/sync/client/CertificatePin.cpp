#include "sync/client/CertificatePin.h"

#include <QCryptographicHash>

#include <memory>
#include <openssl/x509.h>

namespace loyalty::sync {

QString CertificatePin::of(const QSslCertificate& certificate)
{
    // Qt's QSslKey cannot export every key type (Ed25519, for one) as SubjectPublicKeyInfo; OpenSSL can.
    const QByteArray der = certificate.toDer();
    if (der.isEmpty())
        return {};
    const auto* cursor = reinterpret_cast<const unsigned char*>(der.constData());
    const std::unique_ptr<X509, decltype(&X509_free)> x509(d2i_X509(nullptr, &cursor, long(der.size())), &X509_free);
    if (!x509)
        return {};
    unsigned char* spki = nullptr;
    const int length = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(x509.get()), &spki);
    if (length <= 0)
        return {};
    const QByteArray digest = QCryptographicHash::hash(
        QByteArrayView(reinterpret_cast<const char*>(spki), qsizetype(length)), QCryptographicHash::Sha256);
    OPENSSL_free(spki);
    return kPrefix + QString::fromLatin1(digest.toBase64());
}

bool CertificatePin::isWellFormed(const QString& pin)
{
    if (!pin.startsWith(kPrefix))
        return false;
    const QByteArray encoded = pin.mid(kPrefix.size()).toLatin1();
    const auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
    return decoded && decoded.decoded.size() == 32 && decoded.decoded.toBase64() == encoded;
}

}  // namespace loyalty::sync
