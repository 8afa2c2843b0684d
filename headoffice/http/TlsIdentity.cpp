#include "http/TlsIdentity.h"

#include <QFile>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace loyalty::hq {

namespace {

// A certificate and a key that do not belong together only fail later, at every handshake.
bool keyMatches(const QSslCertificate& certificate, const QByteArray& keyPem)
{
    const QByteArray der = certificate.toDer();
    const auto* data = reinterpret_cast<const unsigned char*>(der.constData());
    X509* x509 = d2i_X509(nullptr, &data, long(der.size()));
    BIO* bio = BIO_new_mem_buf(keyPem.constData(), int(keyPem.size()));
    EVP_PKEY* key = bio ? PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr) : nullptr;
    const bool matches = x509 && key && X509_check_private_key(x509, key) == 1;
    EVP_PKEY_free(key);
    BIO_free(bio);
    X509_free(x509);
    return matches;
}

}  // namespace

Result<TlsIdentity> TlsIdentity::load(const QString& certificatePath, const QString& keyPath)
{
    for (const QString& path : {certificatePath, keyPath}) {
        if (!QFile::exists(path))
            return Error{Error::Code::NotFound, tr("There is no file %1.").arg(path), QStringLiteral("no_file")};
    }
    TlsIdentity identity;
    identity.chain = QSslCertificate::fromPath(certificatePath, QSsl::Pem, QSslCertificate::PatternSyntax::FixedString);
    if (identity.chain.isEmpty())
        return Error{Error::Code::InvalidInput, tr("No PEM certificate could be read from %1.").arg(certificatePath),
                     QStringLiteral("bad_certificate")};
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return Error{Error::Code::InvalidInput,
                     tr("Cannot read the key file %1: %2").arg(keyPath, keyFile.errorString()),
                     QStringLiteral("bad_key")};
    const QByteArray pem = keyFile.readAll();
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa}) {
        identity.privateKey = QSslKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!identity.privateKey.isNull())
            break;
    }
    if (identity.privateKey.isNull())
        return Error{Error::Code::InvalidInput, tr("%1 holds no unencrypted PEM private key (EC or RSA).").arg(keyPath),
                     QStringLiteral("bad_key")};
    if (!keyMatches(identity.chain.first(), pem))
        return Error{Error::Code::InvalidInput,
                     tr("The key in %1 does not belong to the certificate in %2.").arg(keyPath, certificatePath),
                     QStringLiteral("key_mismatch")};
    if (keyFile.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
        identity.warnings.append(tr("Warning: the key file %1 is readable by others; chmod 600 it.").arg(keyPath));
    return identity;
}

}  // namespace loyalty::hq
