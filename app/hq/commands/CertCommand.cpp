#include "commands/CertCommand.h"

#include "HqExitCode.h"
#include "http/SelfSignedCertificate.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace loyalty::hq {

int CertCommand::run(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QString directory;
    QStringList hosts;
    bool json = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == QLatin1StringView("--json")) {
            json = true;
            continue;
        }
        if (argument != QLatin1StringView("--out") && argument != QLatin1StringView("--host")) {
            err << tr("cert does not know the option %1.").arg(argument) << Qt::endl;
            return int(HqExitCode::Usage);
        }
        if (i + 1 >= arguments.size() || arguments.at(i + 1).isEmpty()) {
            err << tr("%1 needs a value.").arg(argument) << Qt::endl;
            return int(HqExitCode::Usage);
        }
        const QString value = arguments.at(++i);
        if (argument == QLatin1StringView("--out"))
            directory = value;
        else
            hosts.append(value);
    }
    if (directory.isEmpty()) {
        err << tr("Usage: loyalty-hq cert --out DIR [--host NAME]... [--json]") << Qt::endl;
        return int(HqExitCode::Usage);
    }

    const auto certificate = SelfSignedCertificate::generate(hosts, QDateTime::currentDateTimeUtc());
    if (!certificate) {
        err << certificate.error().message << Qt::endl;
        return int(certificate.error().code == Error::Code::InvalidInput ? HqExitCode::Usage
                                                                         : exitCodeFor(certificate.error().code));
    }
    const auto written = certificate->writeTo(directory);
    if (!written) {
        err << written.error().message << Qt::endl;
        return int(exitCodeFor(written.error().code));  // 4 when a file is there already
    }

    const QDir dir(directory);
    const QString certificatePath = QDir::cleanPath(dir.absoluteFilePath(SelfSignedCertificate::kCertificateFile));
    const QString keyPath = QDir::cleanPath(dir.absoluteFilePath(SelfSignedCertificate::kKeyFile));
    if (json) {
        const QJsonObject report{{QStringLiteral("cert"), certificatePath},
                                 {QStringLiteral("key"), keyPath},
                                 {QStringLiteral("pin"), certificate->pin()}};
        out << QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Compact)) << Qt::endl;
        return int(HqExitCode::Ok);
    }
    out << tr("Certificate: %1").arg(certificatePath) << Qt::endl
        << tr("Key:         %1 (keep it secret; mode 0600)").arg(keyPath) << Qt::endl
        << tr("Pin:         %1").arg(certificate->pin()) << Qt::endl
        << tr("Serve with:  loyalty-hq serve --listen HOST:PORT --cert %1 --key %2").arg(certificatePath, keyPath)
        << Qt::endl
        << tr("Provision a till with --pin %1 (or --ca %2).").arg(certificate->pin(), certificatePath) << Qt::endl;
    return int(HqExitCode::Ok);
}

}  // namespace loyalty::hq
