#pragma once

#include "common/Result.h"
#include "ledger/LedgerRepository.h"
#include "program/Evaluation.h"
#include "program/model/Programme.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace loyalty {

// Writes what a sale's evaluation gave inside the sale's transaction: the effects with their
// spread over the lines (sale_effects, sale_effect_lines), the ledger entries they book on the
// member's accounts, and the single-use coupons they used up. Its statements are prepared once
// (a sale writes a dozen effects; preparing them per sale was a third of the commit's time).
class SaleEffectWriter final
{
    Q_DECLARE_TR_FUNCTIONS(SaleEffectWriter)

public:
    SaleEffectWriter(const QSqlDatabase& db, const Programme& programme);
    Q_DISABLE_COPY_MOVE(SaleEffectWriter)

    Result<Done> write(qint64 saleId, std::optional<qint64> memberId, const Evaluation& evaluation,
                       const QString& createdAt, const QDate& localDate);

private:
    Result<Done> writeEffect(qint64 saleId, int effectNo, const Effect& effect);
    Result<Done> book(qint64 saleId, qint64 memberId, const Effect& effect, const QString& createdAt,
                      const QDate& localDate);
    Result<Done> useCoupon(const Effect& effect, qint64 saleId, std::optional<qint64> memberId,
                           const QString& createdAt);

    const Programme& m_programme;
    QSqlQuery m_insertEffect;
    QSqlQuery m_insertEffectLine;
    QSqlQuery m_useCoupon;
    LedgerRepository m_ledger;
};

}  // namespace loyalty
