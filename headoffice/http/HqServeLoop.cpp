#include "http/HqServeLoop.h"

#include "common/TerminationSignals.h"
#include "http/HqServer.h"
#include "http/ServeOptions.h"
#include "http/TlsIdentity.h"

#include <QEventLoop>
#include <QTextStream>
#include <QTimer>

namespace loyalty::hq {

Result<Done> HqServeLoop::run(HeadOfficeApi& office, const HqWorkerPool::OfficeFactory& factory, int workers,
                              const Clock& clock, const ServeOptions& options, const std::function<void()>& hourly,
                              QTextStream& out, QTextStream& err)
{
    HqServer server(office, clock);
    if (auto started = server.useWorkers(factory, workers); !started)
        return started.error();
    if (!options.plainHttp) {
        const auto identity = TlsIdentity::load(options.certificatePath, options.keyPath);
        if (!identity)
            return identity.error();
        for (const QString& warning : identity->warnings)
            err << warning << Qt::endl;
        server.setTlsIdentity(identity->chain, identity->privateKey);
    }
    server.setRequestLog([&err](const QString& line) { err << line << Qt::endl; });

    const auto port = server.listen(options.address, options.port);
    if (!port)
        return port.error();

    TerminationSignals termination;
    QEventLoop loop;
    int stopSignal = 0;
    QObject::connect(&termination, &TerminationSignals::requested, &loop, [&loop, &stopSignal](int signalNumber) {
        stopSignal = signalNumber;
        loop.quit();
    });

    QTimer duties;
    duties.setInterval(kDutyIntervalMilliseconds);
    QObject::connect(&duties, &QTimer::timeout, &loop, [&hourly] {
        if (hourly)
            hourly();
    });
    duties.start();
    // The first run once the loop is up, so a long expiry never delays the listening line.
    QTimer::singleShot(0, &loop, [&hourly] {
        if (hourly)
            hourly();
    });

    // Exactly this line, flushed: the integration tests and ./dev run wait for it and parse it.
    out << "loyalty-hq listening on " << options.url(*port) << Qt::endl;
    loop.exec();
    server.shutDown();
    err << tr("loyalty-hq stopped (signal %1).").arg(stopSignal) << Qt::endl;
    return Done{};
}

}  // namespace loyalty::hq
