#include "members/CardHolder.h"

namespace loyalty {

QString CardHolder::maskedCardNumber() const
{
    return QStringLiteral("•••• ") + cardNumber.right(4);
}

}  // namespace loyalty
