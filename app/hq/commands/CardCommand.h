#pragma once

#include "HqReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty::hq {

class HeadOffice;

// `card revoke CARD-ID --reason TEXT`: withdraw a digital card at every till (CardRevoker).
class CardCommand final
{
    Q_DECLARE_TR_FUNCTIONS(CardCommand)

public:
    static Result<HqReport> revoke(HeadOffice& office, const QString& cardId, const QString& reason);
};

}  // namespace loyalty::hq
