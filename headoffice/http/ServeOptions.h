#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace loyalty::hq {

// What `loyalty-hq serve` was told: where to listen and with which TLS identity.
//   --listen HOST:PORT   (IPv6 as [ADDR]:PORT; PORT 0 picks a free port)
//   --cert FILE.pem --key FILE.pem, or --plain-http on a loopback address only
// `--db VALUE` is accepted and left to whoever opened the database.
struct ServeOptions
{
    Q_DECLARE_TR_FUNCTIONS(ServeOptions)

public:
    QString host;  // as given, for the "listening on" line
    QHostAddress address;
    quint16 port = 0;
    QString certificatePath;
    QString keyPath;
    bool plainHttp = false;

    static Result<ServeOptions> parse(const QStringList& arguments);
    // "https://HOST:PORT" with the port actually bound.
    QString url(quint16 boundPort) const;
};

}  // namespace loyalty::hq
