#pragma once

#include "CtlRequest.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class SaleSession;

// Puts a command line's card, lines, coupons and other requests into a SaleSession, scanning them
// exactly as the till does, so quote and sale refuse what the till would refuse and evaluate what
// the till would evaluate.
class CtlBasketBuilder final
{
    Q_DECLARE_TR_FUNCTIONS(CtlBasketBuilder)

public:
    static Result<Done> fill(SaleSession& session, const CtlRequest& request);

private:
    static Result<Done> attachCard(SaleSession& session, const QString& card);
    static Result<Done> addLines(SaleSession& session, const QList<CtlRequest::SaleLine>& lines);
};

}  // namespace loyalty
