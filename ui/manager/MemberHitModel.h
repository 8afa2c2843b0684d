#pragma once

#include "profile/MemberHit.h"

#include <QAbstractTableModel>

namespace loyalty {

// The member search's hits as table rows; pages are appended as the manager scrolls on.
class MemberHitModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        CardColumn,
        PointsColumn,
        EmailColumn,
        PhoneColumn,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setHits(const QList<MemberHit>& hits);
    void appendHits(const QList<MemberHit>& hits);
    const MemberHit* hit(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<MemberHit> m_hits;
};

}  // namespace loyalty
