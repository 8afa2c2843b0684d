#include "CtlEffects.h"

#include <QJsonObject>

namespace loyalty {

namespace {
// Kinds whose amount is taken from the account (the amount is positive, the change negative).
bool takesFromAccount(EffectKind kind)
{
    return kind == EffectKind::PointsRedeemed || kind == EffectKind::WalletSpent || kind == EffectKind::CreditSpent ||
           kind == EffectKind::StampsRedeemed;
}
}  // namespace

QJsonArray CtlEffects::json(const QList<Effect>& effects)
{
    QJsonArray array;
    for (const Effect& effect : effects) {
        QJsonObject object{{QStringLiteral("rule"), effect.ruleId},
                           {QStringLiteral("kind"), effectKindName(effect.kind)},
                           {QStringLiteral("account"), effect.account},
                           {QStringLiteral("amount"), effect.amount},
                           {QStringLiteral("discount_minor"), effect.discountMinor},
                           {QStringLiteral("explanation"), effect.explanation},
                           {QStringLiteral("code"), effect.code.isEmpty() ? QJsonValue() : QJsonValue(effect.code)}};
        if (effect.otherMemberId)
            object.insert(QStringLiteral("other_member_id"), effect.otherMemberId);
        array.append(object);
    }
    return array;
}

QString CtlEffects::text(const Evaluation& evaluation)
{
    QString text;
    if (!evaluation.effects.isEmpty()) {
        text += tr("Effects:") + u'\n';
        for (const Effect& effect : evaluation.effects)
            text += QStringLiteral("  ") + effect.explanation + u'\n';
    }
    if (!evaluation.notices.isEmpty()) {
        text += tr("Notices:") + u'\n';
        for (const QString& notice : evaluation.notices)
            text += QStringLiteral("  ") + notice + u'\n';
    }
    return text;
}

qint64 CtlEffects::ownPointsEarned(const Evaluation& evaluation)
{
    qint64 points = 0;
    for (const Effect& effect : evaluation.effects) {
        if (effect.kind == EffectKind::PointsEarned && !effect.otherMemberId)
            points += effect.amount;
    }
    return points;
}

qint64 CtlEffects::accountChange(const Evaluation& evaluation, const QString& account)
{
    qint64 change = 0;
    for (const Effect& effect : evaluation.effects) {
        if (effect.account != account || effect.otherMemberId)
            continue;
        change += takesFromAccount(effect.kind) ? -effect.amount : effect.amount;
    }
    return change;
}

}  // namespace loyalty
