#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

namespace loyalty::hq {

class HeadOffice;

// `loyalty-hq serve --listen HOST:PORT (--cert FILE.pem --key FILE.pem | --plain-http)`: head
// office's HTTPS API until SIGTERM or SIGINT, with points expiry at start and every hour.
class ServeCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ServeCommand)

public:
    static int run(HeadOffice& office, const QStringList& arguments, QTextStream& out, QTextStream& err);
};

}  // namespace loyalty::hq
