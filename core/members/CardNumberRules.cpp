#include "members/CardNumberRules.h"

#include "barcode/Gtin.h"
#include "store/StoreError.h"

#include <QSqlQuery>

namespace loyalty {

Result<Done> CardNumberRules::checkNew(const QSqlDatabase& db, const QString& cardNumber, const QString& cardPrefix)
{
    if (cardNumber.size() != 13 || !Gtin::isAllDigits(cardNumber) || !cardNumber.startsWith(cardPrefix)) {
        return Error{Error::Code::InvalidInput,
                     tr("That is not a loyalty card of this shop. Scan the barcode on the new card."),
                     QStringLiteral("not_a_loyalty_card")};
    }
    if (!Gtin::isValid(cardNumber)) {
        return Error{Error::Code::InvalidInput,
                     tr("The check digit does not match, so the code was misread. Scan again or type it carefully."),
                     QStringLiteral("check_digit")};
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT state FROM cards WHERE number = ?"));
    query.bindValue(0, cardNumber);
    if (!query.exec())
        return StoreError::from(query.lastError());
    if (query.next()) {
        return Error{
            Error::Code::Conflict,
            tr("Card •••• %1 already belongs to a member. Take a new card from the stack.").arg(cardNumber.right(4)),
            QStringLiteral("card_taken")};
    }
    return Done{};
}

}  // namespace loyalty
