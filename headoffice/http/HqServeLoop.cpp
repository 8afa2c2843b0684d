#include "http/HqServeLoop.h"

#include "http/HqServer.h"
#include "http/ServeOptions.h"
#include "http/TerminationSignals.h"

#include <QEventLoop>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTextStream>
#include <QTimer>

namespace loyalty::hq {

namespace {

QSslKey loadKey(const QByteArray& pem)
{
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa}) {
        const QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

}  // namespace

int HqServeLoop::run(HeadOfficeApi& office, const Clock& clock, const ServeOptions& options,
                     const std::function<void()>& hourly, QTextStream& out, QTextStream& err)
{
    HqServer server(office, clock);
    if (!options.plainHttp) {
        const QList<QSslCertificate> chain = QSslCertificate::fromPath(options.certificatePath, QSsl::Pem);
        if (chain.isEmpty()) {
            err << tr("No PEM certificate could be read from %1.").arg(options.certificatePath) << Qt::endl;
            return 1;
        }
        QFile keyFile(options.keyPath);
        if (!keyFile.open(QIODevice::ReadOnly)) {
            err << tr("Cannot read the key file %1: %2").arg(options.keyPath, keyFile.errorString()) << Qt::endl;
            return 1;
        }
        const QSslKey key = loadKey(keyFile.readAll());
        if (key.isNull()) {
            err << tr("%1 holds no unencrypted PEM private key (EC or RSA).").arg(options.keyPath) << Qt::endl;
            return 1;
        }
        if (keyFile.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
            err << tr("Warning: the key file %1 is readable by others; chmod 600 it.").arg(options.keyPath) << Qt::endl;
        server.setTlsIdentity(chain, key);
    }
    server.setRequestLog([&err](const QString& line) { err << line << Qt::endl; });

    const auto port = server.listen(options.address, options.port);
    if (!port) {
        err << port.error().message << Qt::endl;
        return 1;
    }

    TerminationSignals termination;
    QEventLoop loop;
    int stopSignal = 0;
    QObject::connect(&termination, &TerminationSignals::requested, &loop, [&loop, &stopSignal](int signalNumber) {
        stopSignal = signalNumber;
        loop.quit();
    });

    if (hourly)
        hourly();
    QTimer duties;
    duties.setInterval(kDutyIntervalMilliseconds);
    QObject::connect(&duties, &QTimer::timeout, &loop, [&hourly] {
        if (hourly)
            hourly();
    });
    duties.start();

    // Exactly this line, flushed: the integration tests and ./dev run wait for it and parse it.
    out << "loyalty-hq listening on " << options.url(*port) << Qt::endl;
    loop.exec();
    err << tr("loyalty-hq stopped (signal %1).").arg(stopSignal) << Qt::endl;
    return 0;
}

}  // namespace loyalty::hq
