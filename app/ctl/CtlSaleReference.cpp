#include "CtlSaleReference.h"

#include <QUuid>

namespace loyalty {

Result<ReturnableSale> CtlSaleReference::load(const QSqlDatabase& db, const QString& reference)
{
    bool isNumber = false;
    const qint64 number = reference.toLongLong(&isNumber);
    if ((!isNumber || number < 1) && QUuid::fromString(reference).isNull()) {
        return Error{
            Error::Code::InvalidInput,
            tr("\"%1\" is neither a sale number nor a sale UUID; \"loyalty-ctl sales\" lists them.").arg(reference)};
    }
    auto sale = ReturnableSale::load(db, reference);
    if (!sale && sale.error().code == Error::Code::NotFound)
        return Error{Error::Code::NotFound, tr("There is no sale %1 at this till.").arg(reference)};
    return sale;
}

}  // namespace loyalty
