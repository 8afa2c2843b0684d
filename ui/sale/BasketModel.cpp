#include "sale/BasketModel.h"

#include "money/MoneyFormatter.h"
#include "sale/SaleSession.h"

#include <QLocale>

namespace loyalty {

BasketModel::BasketModel(const SaleSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
}

int BasketModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_session.basket().lineCount());
}

int BasketModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BasketModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BasketLine& line = m_session.basket().lines().at(index.row());
    if (role == Qt::DisplayRole) {
        const MoneyFormatter money;
        switch (index.column()) {
        case ProductColumn:
            return line.product.earnsPoints ? line.product.name : tr("%1 (no points)").arg(line.product.name);
        case QuantityColumn:
            return QLocale().toString(line.quantity);
        case PriceColumn:
            return money.format(line.product.price);
        case TotalColumn:
            return money.format(line.total());
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != ProductColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == ProductColumn)
        return tr("EAN %1 · %2").arg(line.product.ean, line.product.category);
    return {};
}

QVariant BasketModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((section == ProductColumn ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ProductColumn:
        return tr("Product");
    case QuantityColumn:
        return tr("Qty");
    case PriceColumn:
        return tr("Price");
    case TotalColumn:
        return tr("Total");
    default:
        return {};
    }
}

void BasketModel::refresh()
{
    beginResetModel();
    endResetModel();
}

}  // namespace loyalty
