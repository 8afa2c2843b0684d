#pragma once

#include "account/ReturnableSale.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace loyalty {

// The completed sale an administrator names on the command line (its number or its UUID, as
// `sales` lists them), loaded by ReturnableSale with its lines and what earlier returns took
// back. Read-only. A reference that is neither a number nor a UUID is refused as invalid input
// (not as an unknown sale), with messages worded for the command line.
class CtlSaleReference final
{
    Q_DECLARE_TR_FUNCTIONS(CtlSaleReference)

public:
    // InvalidInput when `reference` is neither a sale number nor a UUID; NotFound when no sale has it.
    static Result<ReturnableSale> load(const QSqlDatabase& db, const QString& reference);
};

}  // namespace loyalty
