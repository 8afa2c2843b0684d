#include "manager/MemberHitModel.h"

#include "manager/CardStateText.h"

#include <QLocale>

namespace loyalty {

void MemberHitModel::setHits(const QList<MemberHit>& hits)
{
    beginResetModel();
    m_hits = hits;
    endResetModel();
}

void MemberHitModel::appendHits(const QList<MemberHit>& hits)
{
    if (hits.isEmpty())
        return;
    beginInsertRows({}, int(m_hits.size()), int(m_hits.size() + hits.size() - 1));
    m_hits.append(hits);
    endInsertRows();
}

const MemberHit* MemberHitModel::hit(int row) const
{
    return row >= 0 && row < m_hits.size() ? &m_hits.at(row) : nullptr;
}

int MemberHitModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int MemberHitModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MemberHitModel::data(const QModelIndex& index, int role) const
{
    const MemberHit* row = index.isValid() ? hit(index.row()) : nullptr;
    if (!row)
        return {};
    if (role == Qt::TextAlignmentRole && index.column() == PointsColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        if (row->erased)
            return tr("(erased member)");
        return row->merged ? tr("%1 (merged)").arg(row->name) : row->name;
    case CardColumn:
        if (!row->matchedCardNumber.isEmpty() && row->matchedCardState)
            //: %1 the card number, %2 its state ("blocked")
            return tr("%1 (%2)").arg(row->matchedCardNumber, CardStateText::of(*row->matchedCardState));
        return row->cardNumber;
    case PointsColumn:
        return QLocale().toString(row->points);
    case EmailColumn:
        return row->maskedEmail;
    case PhoneColumn:
        return row->maskedPhone;
    default:
        return {};
    }
}

QVariant MemberHitModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case CardColumn:
        return tr("Card");
    case PointsColumn:
        return tr("Points");
    case EmailColumn:
        return tr("E-mail");
    case PhoneColumn:
        return tr("Phone");
    default:
        return {};
    }
}

}  // namespace loyalty
