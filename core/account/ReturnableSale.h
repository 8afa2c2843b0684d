#pragma once

#include "account/ReturnableLine.h"
#include "common/Result.h"
#include "money/Money.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace loyalty {

// A completed sale found by the receipt a customer brings back (its number or its uuid), with
// what each line can still be returned. Read only; ReturnService books the return.
class ReturnableSale final
{
    Q_DECLARE_TR_FUNCTIONS(ReturnableSale)

public:
    // `receiptId`: the sale's number ("42") or its uuid, in any case, surrounding blanks ignored.
    static Result<ReturnableSale> load(const QSqlDatabase& db, const QString& receiptId);

    qint64 id = 0;
    QString uuid;
    QString completedAt;  // as stored (ISO 8601)
    Money total;
    std::optional<qint64> memberId;
    QString memberName;        // empty without member
    QString maskedCardNumber;  // "•••• 0039"; empty without card
    QList<ReturnableLine> lines;

    // Items that can still come back, over all lines.
    qint64 itemsLeft() const;
    // The refund ReturnService will give for `quantity` more items of the line at `index`: the
    // line's paid amount pro rata, as the difference of the returned counts after and before.
    qint64 refundPreviewMinor(qsizetype index, qint64 quantity) const;
};

}  // namespace loyalty
