#pragma once

#include "common/Result.h"
#include "program/Evaluation.h"
#include "program/model/Programme.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace loyalty {

// Writes what a sale's evaluation gave inside the sale's transaction: the effects with their
// spread over the lines (sale_effects, sale_effect_lines), the ledger entries they book on the
// member's accounts, and the single-use coupons they used up.
class SaleEffectWriter final
{
    Q_DECLARE_TR_FUNCTIONS(SaleEffectWriter)

public:
    SaleEffectWriter(const QSqlDatabase& db, const Programme& programme);

    Result<Done> write(qint64 saleId, std::optional<qint64> memberId, const Evaluation& evaluation,
                       const QString& createdAt, const QDate& localDate);

private:
    Result<Done> writeEffect(qint64 saleId, int effectNo, const Effect& effect);
    Result<Done> book(qint64 saleId, qint64 memberId, const Effect& effect, const QString& createdAt,
                      const QDate& localDate);
    Result<Done> useCoupon(const Effect& effect, qint64 saleId, std::optional<qint64> memberId,
                           const QString& createdAt);

    QSqlDatabase m_db;
    const Programme& m_programme;
};

}  // namespace loyalty
