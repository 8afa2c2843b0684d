#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace loyalty {

// The checks every new card number passes before it is given to a member: a loyalty card of
// this till (EAN-13 in its range, valid check digit) that nobody holds yet.
class CardNumberRules final
{
    Q_DECLARE_TR_FUNCTIONS(CardNumberRules)

public:
    static Result<Done> checkNew(const QSqlDatabase& db, const QString& cardNumber, const QString& cardPrefix);
};

}  // namespace loyalty
