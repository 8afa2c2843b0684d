#pragma once

#include <QAbstractTableModel>

namespace loyalty {

class SaleSession;

// What the programme gives this sale, live, with its reasons: one row per effect, then one per
// notice (a coupon refused, a redemption lowered). Each row names its kind in words in the first
// column, so points, money off and notices differ by text as well as by colour.
class EffectsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        KindColumn,
        ReasonColumn,
        ColumnCount
    };
    // How a row reads: its look follows from it (the style is never the only signal).
    enum class RowStyle
    {
        PointsChange,   // points earned or a reward paid with points
        MoneyOff,       // money off the basket
        BalanceChange,  // cashback, credit or membership booked to the member
        StampChange,
        Notice  // a request the programme refused or lowered
    };
    static constexpr int RowStyleRole = Qt::UserRole + 1;

    explicit EffectsModel(const SaleSession& session, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Called when the session re-evaluated the sale; resets the rows.
    void refresh();

    RowStyle rowStyle(int row) const;
    QString kindText(int row) const;
    QString reasonText(int row) const;

private:
    int effectCount() const;

    const SaleSession& m_session;
};

}  // namespace loyalty
