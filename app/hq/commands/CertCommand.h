#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

namespace loyalty::hq {

// `loyalty-hq cert --out DIR [--host NAME]... [--json]`: a self-signed certificate and key for a
// head office without a CA, and the pin a till is provisioned with.
class CertCommand final
{
    Q_DECLARE_TR_FUNCTIONS(CertCommand)

public:
    static int run(const QStringList& arguments, QTextStream& out, QTextStream& err);
};

}  // namespace loyalty::hq
