#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QStringList>

namespace loyalty::hq {

// The certificate chain and private key `serve --cert --key` runs HTTPS with, read from PEM files.
class TlsIdentity final
{
    Q_DECLARE_TR_FUNCTIONS(TlsIdentity)

public:
    QList<QSslCertificate> chain;  // the server's certificate first
    QSslKey privateKey;
    QStringList warnings;  // e.g. a key file others can read

    // An unencrypted EC or RSA key; InvalidInput with a message naming the file otherwise.
    static Result<TlsIdentity> load(const QString& certificatePath, const QString& keyPath);
};

}  // namespace loyalty::hq
