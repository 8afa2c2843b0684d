#include "program/EffectKind.h"

namespace loyalty {

QString effectKindName(EffectKind kind)
{
    switch (kind) {
    case EffectKind::PointsEarned:
        return QStringLiteral("points_earned");
    case EffectKind::PointsRedeemed:
        return QStringLiteral("points_redeemed");
    case EffectKind::Discount:
        return QStringLiteral("discount");
    case EffectKind::WalletEarned:
        return QStringLiteral("wallet_earned");
    case EffectKind::WalletSpent:
        return QStringLiteral("wallet_spent");
    case EffectKind::CreditEarned:
        return QStringLiteral("credit_earned");
    case EffectKind::CreditSpent:
        return QStringLiteral("credit_spent");
    case EffectKind::StampsEarned:
        return QStringLiteral("stamps_earned");
    case EffectKind::StampsRedeemed:
        return QStringLiteral("stamps_redeemed");
    case EffectKind::Membership:
        return QStringLiteral("membership");
    }
    return {};
}

}  // namespace loyalty
