#pragma once

#include "account/CompletedReturn.h"
#include "account/ReturnLineRequest.h"
#include "common/Result.h"
#include "program/model/Programme.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace loyalty {

class Clock;

// Takes back items of a completed sale: the refund, and the reversal of exactly what the sale's
// effects gave or took for those items (from sale_effect_lines), booked as 'reverse' ledger
// entries, with the return rows and a 'sale.returned' outbox event in one transaction.
//
// For a line with effect share S and Q items bought, a return moving the returned count from
// R_before to R_after reverses round_down(S·R_after/Q) − round_down(S·R_before/Q), so returns in
// steps add up to exactly S; the refund is the line's paid amount split the same way. Effects of
// the sale as a whole (visit stamps, bonuses) are reversed when the last item of the sale comes
// back. Single-use coupon codes used by the sale are not given back: the coupon was spent.
class ReturnService final
{
    Q_DECLARE_TR_FUNCTIONS(ReturnService)

public:
    static inline const QString kSaleReturnedEvent = QStringLiteral("sale.returned");

    ReturnService(const QSqlDatabase& db, const Clock& clock, QString tillId);
    Q_DISABLE_COPY_MOVE(ReturnService)

    // Refused (and nothing changed) when the sale or a line is unknown, more items come back than
    // were bought and not yet returned, or taking back earned points would break the programme's
    // balance policy (programme.balance).
    Result<CompletedReturn> returnLines(qint64 saleId, const QList<ReturnLineRequest>& lines,
                                        const Programme& programme);

private:
    QSqlDatabase m_db;
    const Clock& m_clock;
    QString m_tillId;
    QSqlQuery m_sale;
    QSqlQuery m_lines;
    QSqlQuery m_returned;
    QSqlQuery m_effects;
    QSqlQuery m_effectLines;
    QSqlQuery m_pointsBalance;
    QSqlQuery m_memberUuid;
    QSqlQuery m_insertReturn;
    QSqlQuery m_insertReturnLine;
};

}  // namespace loyalty
