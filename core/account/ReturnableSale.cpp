#include "account/ReturnableSale.h"

#include "account/ProRata.h"
#include "store/StoreError.h"

#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <algorithm>

namespace loyalty {

namespace {

Error unknownReceipt(const QString& receiptId)
{
    return Error{Error::Code::NotFound,
                 ReturnableSale::tr("No sale with receipt number \"%1\" at this till. Check the number on the "
                                    "receipt or scan its code.")
                     .arg(receiptId),
                 QStringLiteral("receipt")};
}

}  // namespace

Result<ReturnableSale> ReturnableSale::load(const QSqlDatabase& db, const QString& receiptId)
{
    const QString receipt = receiptId.trimmed();
    if (receipt.isEmpty()) {
        return Error{Error::Code::InvalidInput, tr("Type or scan the receipt number of the sale."),
                     QStringLiteral("receipt")};
    }

    QSqlQuery sale(db);
    sale.prepare(QStringLiteral("SELECT s.id, s.uuid, s.completed_at, s.total_minor, s.currency, s.member_id,"
                                " s.card_number, m.name FROM sales s LEFT JOIN members m ON m.id = s.member_id"
                                " WHERE s.id = ? OR lower(s.uuid) = ?"));
    bool numeric = false;
    const qint64 number = receipt.toLongLong(&numeric);
    const QUuid uuid = QUuid::fromString(receipt);
    if ((!numeric || number <= 0) && uuid.isNull())
        return unknownReceipt(receipt);
    sale.bindValue(0, numeric ? QVariant(number) : QVariant(qint64(-1)));
    sale.bindValue(1, uuid.isNull() ? QString() : uuid.toString(QUuid::WithoutBraces).toLower());
    if (!sale.exec())
        return StoreError::from(sale.lastError());
    if (!sale.next())
        return unknownReceipt(receipt);

    ReturnableSale found;
    found.id = sale.value(0).toLongLong();
    found.uuid = sale.value(1).toString();
    found.completedAt = sale.value(2).toString();
    found.total = Money(sale.value(3).toLongLong(), sale.value(4).toString());
    if (!sale.value(5).isNull())
        found.memberId = sale.value(5).toLongLong();
    const QString card = sale.value(6).toString();
    if (!card.isEmpty())
        found.maskedCardNumber = QStringLiteral("•••• ") + card.right(4);
    found.memberName = sale.value(7).toString();
    sale.finish();

    QSqlQuery lines(db);
    lines.prepare(QStringLiteral("SELECT l.line_no, l.ean, l.name, l.quantity, l.unit_price_minor,"
                                 " coalesce(l.paid_minor, l.line_total_minor),"
                                 " (SELECT coalesce(sum(rl.quantity), 0) FROM return_lines rl"
                                 "  JOIN sale_returns r ON r.id = rl.return_id"
                                 "  WHERE r.sale_id = l.sale_id AND rl.line_no = l.line_no)"
                                 " FROM sale_lines l WHERE l.sale_id = ? ORDER BY l.line_no"));
    lines.bindValue(0, found.id);
    if (!lines.exec())
        return StoreError::from(lines.lastError());
    while (lines.next()) {
        ReturnableLine line;
        line.lineNo = lines.value(0).toInt();
        line.ean = lines.value(1).toString();
        line.name = lines.value(2).toString();
        line.quantity = lines.value(3).toLongLong();
        line.unitPriceMinor = lines.value(4).toLongLong();
        line.paidMinor = lines.value(5).toLongLong();
        line.returned = lines.value(6).toLongLong();
        found.lines.append(line);
    }
    return found;
}

qint64 ReturnableSale::itemsLeft() const
{
    qint64 left = 0;
    for (const ReturnableLine& line : lines)
        left += line.left();
    return left;
}

qint64 ReturnableSale::refundPreviewMinor(qsizetype index, qint64 quantity) const
{
    if (index < 0 || index >= lines.size() || quantity <= 0)
        return 0;
    const ReturnableLine& line = lines.at(index);
    const qint64 after = std::min(line.quantity, line.returned + quantity);
    return proRata(line.paidMinor, after, line.quantity) - proRata(line.paidMinor, line.returned, line.quantity);
}

}  // namespace loyalty
