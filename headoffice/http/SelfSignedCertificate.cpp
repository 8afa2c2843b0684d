#include "http/SelfSignedCertificate.h"

#include "http/CertificatePin.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>

#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace loyalty::hq {

namespace {

template <auto Free>
struct OpenSslDeleter
{
    template <typename T>
    void operator()(T* pointer) const
    {
        Free(pointer);
    }
};
using KeyPointer = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using CertificatePointer = std::unique_ptr<X509, OpenSslDeleter<X509_free>>;
using BioPointer = std::unique_ptr<BIO, OpenSslDeleter<BIO_free_all>>;
using ExtensionPointer = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION_free>>;
using BignumPointer = std::unique_ptr<BIGNUM, OpenSslDeleter<BN_free>>;

Error failure(const QString& message)
{
    return Error{Error::Code::Storage, message, QStringLiteral("openssl")};
}

QByteArray bioContents(BIO* bio)
{
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(length));
}

bool addExtension(X509* certificate, int nid, const QByteArray& value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    const ExtensionPointer extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData()));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

// "DNS:localhost,IP:127.0.0.1,...": the names a till may reach head office by.
Result<QByteArray> subjectAltNames(const QStringList& hosts)
{
    static const QRegularExpression dnsName(
        QStringLiteral("^(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*$"));
    QStringList names{QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1")};
    for (const QString& host : hosts) {
        QHostAddress address;
        QString entry;
        if (address.setAddress(host))
            entry = QStringLiteral("IP:") + address.toString();
        else if (dnsName.match(host).hasMatch() && host.size() <= 253)
            entry = QStringLiteral("DNS:") + host.toLower();
        else
            return Error{Error::Code::InvalidInput,
                         SelfSignedCertificate::tr("\"%1\" is neither a host name nor an IP address.").arg(host),
                         QStringLiteral("bad_host")};
        if (!names.contains(entry))
            names.append(entry);
    }
    return names.join(QLatin1Char(',')).toLatin1();
}

}  // namespace

Result<SelfSignedCertificate> SelfSignedCertificate::generate(const QStringList& hosts, const QDateTime& now)
{
    const auto altNames = subjectAltNames(hosts);
    if (!altNames)
        return altNames.error();

    const KeyPointer key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key)
        return failure(tr("OpenSSL could not generate an EC P-256 key."));

    const CertificatePointer certificate(X509_new());
    unsigned char serialBytes[16];
    if (!certificate || RAND_bytes(serialBytes, int(sizeof serialBytes)) != 1)
        return failure(tr("OpenSSL could not create the certificate."));
    serialBytes[0] &= 0x7f;  // a positive serial number
    const BignumPointer serial(BN_bin2bn(serialBytes, int(sizeof serialBytes), nullptr));
    const QByteArray commonName = hosts.isEmpty() ? QByteArrayLiteral("localhost") : hosts.first().toUtf8().left(64);
    // Valid from an hour ago, so a till whose clock is a little behind accepts it at once.
    time_t notBefore = time_t(now.toSecsSinceEpoch() - 3600);
    time_t notAfter = time_t(now.addDays(kValidDays).toSecsSinceEpoch());
    X509_NAME* name = X509_get_subject_name(certificate.get());
    const bool built =
        X509_set_version(certificate.get(), X509_VERSION_3) == 1 && serial &&
        BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate.get())) != nullptr &&
        X509_time_adj_ex(X509_getm_notBefore(certificate.get()), 0, 0, &notBefore) != nullptr &&
        X509_time_adj_ex(X509_getm_notAfter(certificate.get()), 0, 0, &notAfter) != nullptr &&
        X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>("Loyalty Till head office"), -1, -1,
                                   0) == 1 &&
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(commonName.constData()), -1, -1, 0) == 1 &&
        X509_set_issuer_name(certificate.get(), name) == 1 &&
        X509_set_pubkey(certificate.get(), key.get()) == 1
        // No keyUsage: with one that lacks keyCertSign OpenSSL would not count the certificate as
        // its own issuer, and a till trusts it as its own CA.
        && addExtension(certificate.get(), NID_basic_constraints, QByteArrayLiteral("critical,CA:FALSE")) &&
        addExtension(certificate.get(), NID_ext_key_usage, QByteArrayLiteral("serverAuth")) &&
        addExtension(certificate.get(), NID_subject_key_identifier, QByteArrayLiteral("hash")) &&
        addExtension(certificate.get(), NID_subject_alt_name, *altNames) &&
        X509_sign(certificate.get(), key.get(), EVP_sha256()) > 0;
    if (!built)
        return failure(tr("OpenSSL could not build the certificate."));

    const BioPointer certificateBio(BIO_new(BIO_s_mem()));
    const BioPointer keyBio(BIO_new(BIO_s_mem()));
    if (!certificateBio || !keyBio || PEM_write_bio_X509(certificateBio.get(), certificate.get()) != 1 ||
        PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return failure(tr("OpenSSL could not write the certificate and key as PEM."));

    unsigned char* der = nullptr;
    const int derLength = i2d_X509(certificate.get(), &der);
    if (derLength <= 0)
        return failure(tr("OpenSSL could not encode the certificate."));
    const QByteArray certificateDer(reinterpret_cast<const char*>(der), qsizetype(derLength));
    OPENSSL_free(der);

    SelfSignedCertificate result;
    result.m_certificatePem = bioContents(certificateBio.get());
    result.m_privateKeyPem = bioContents(keyBio.get());
    result.m_pin = CertificatePin::ofDer(certificateDer);
    return result;
}

Result<Done> SelfSignedCertificate::writeTo(const QString& directory) const
{
    const QDir dir(directory);
    if (!QDir().mkpath(directory))
        return Error{Error::Code::Storage, tr("Cannot create the directory %1.").arg(directory), QStringLiteral("io")};
    const QString certificatePath = dir.filePath(kCertificateFile);
    const QString keyPath = dir.filePath(kKeyFile);
    for (const QString& path : {certificatePath, keyPath}) {
        if (QFile::exists(path))
            return Error{Error::Code::Conflict, tr("%1 exists already; it is not overwritten.").arg(path),
                         QStringLiteral("exists")};
    }
    // The key first and created 0600 from the start: it is never readable by others, not even briefly.
    const auto write = [](const QString& path, const QByteArray& contents, QFileDevice::Permissions permissions) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions))
            return false;
        if (file.write(contents) != contents.size() || !file.flush())
            return false;
        return file.setPermissions(permissions);  // what the umask took away from the certificate
    };
    if (!write(keyPath, m_privateKeyPem, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return Error{Error::Code::Storage, tr("Cannot write %1.").arg(keyPath), QStringLiteral("io")};
    if (!write(certificatePath, m_certificatePem,
               QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther)) {
        QFile::remove(keyPath);
        return Error{Error::Code::Storage, tr("Cannot write %1.").arg(certificatePath), QStringLiteral("io")};
    }
    return Done{};
}

}  // namespace loyalty::hq
