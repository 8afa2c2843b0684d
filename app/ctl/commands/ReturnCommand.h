#pragma once

#include "CtlReport.h"
#include "CtlRequest.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class Clock;
class Database;

// `return --sale SALE --line EAN[:QTY]...`: takes items of a completed sale back through the
// ReturnService: the refund, and exactly what the sale's effects gave or took for those items.
class ReturnCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ReturnCommand)

public:
    ReturnCommand(Database& database, const Clock& clock);

    Result<CtlReport> run(const QString& sale, const QList<CtlRequest::SaleLine>& lines) const;

private:
    Database& m_database;
    const Clock& m_clock;
};

}  // namespace loyalty
