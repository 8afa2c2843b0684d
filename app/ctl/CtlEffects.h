#pragma once

#include "program/Evaluation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace loyalty {

// How quote and sale show what the programme gave: the same JSON keys as the sale.completed
// event's effects, and one explained line per effect for people.
class CtlEffects final
{
    Q_DECLARE_TR_FUNCTIONS(CtlEffects)

public:
    // rule, kind, account, amount, discount_minor, explanation, code (null without a coupon) and,
    // for a referrer's bonus, other_member_id.
    static QJsonArray json(const QList<Effect>& effects);
    // "Effects:" and "Notices:" blocks, each line indented; empty when there is neither.
    static QString text(const Evaluation& evaluation);
    // Points the sale's own member earns: what the sale records, without a referrer's bonus.
    static qint64 ownPointsEarned(const Evaluation& evaluation);
    // The signed change of one account of the sale's member ("points", "wallet").
    static qint64 accountChange(const Evaluation& evaluation, const QString& account);
};

}  // namespace loyalty
