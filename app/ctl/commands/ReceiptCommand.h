#pragma once

#include "CtlReport.h"
#include "CtlRequest.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class Database;

// `receipt SALE [--width 58|80] [--copy] [--text | --out FILE | --to tcp://HOST:PORT | --device PATH]`:
// a completed sale's receipt, read and composed exactly as the till prints it (a reprint shows the
// balances right after the sale). As plain text on standard output by default, for support; or as
// ESC/POS bytes into a file, to a network printer (raw TCP) or to a printer's device file. A printer
// that cannot be reached exits with 8.
class ReceiptCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptCommand)

public:
    static constexpr int kPrinterTimeoutMs = 4000;

    explicit ReceiptCommand(Database& database);

    Result<CtlReport> run(const CtlRequest& request) const;

private:
    Result<Done> deliver(const QByteArray& bytes, const CtlRequest& request) const;

    Database& m_database;
};

}  // namespace loyalty
