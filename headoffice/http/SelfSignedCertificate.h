#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace loyalty::hq {

// The certificate `loyalty-hq cert` makes for a head office without a CA: a self-signed EC P-256
// certificate for localhost, 127.0.0.1 and the given hosts, valid two years. Tills trust it by its
// pin or by the certificate file itself as their CA.
class SelfSignedCertificate final
{
    Q_DECLARE_TR_FUNCTIONS(SelfSignedCertificate)

public:
    static inline const QString kCertificateFile = QStringLiteral("hq-cert.pem");
    static inline const QString kKeyFile = QStringLiteral("hq-key.pem");
    static constexpr int kValidDays = 730;

    // `hosts`: DNS names or IP addresses beside localhost and 127.0.0.1.
    static Result<SelfSignedCertificate> generate(const QStringList& hosts, const QDateTime& now);

    const QByteArray& certificatePem() const { return m_certificatePem; }
    const QByteArray& privateKeyPem() const { return m_privateKeyPem; }
    // sha256/BASE64 of the certificate's SubjectPublicKeyInfo (CertificatePin).
    const QString& pin() const { return m_pin; }

    // Writes DIR/hq-cert.pem and DIR/hq-key.pem (mode 0600), creating DIR; refuses when either exists.
    Result<Done> writeTo(const QString& directory) const;

private:
    QByteArray m_certificatePem;
    QByteArray m_privateKeyPem;
    QString m_pin;
};

}  // namespace loyalty::hq
