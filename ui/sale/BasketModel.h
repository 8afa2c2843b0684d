#pragma once

#include <QAbstractTableModel>

namespace loyalty {

class SaleSession;

// The basket of the sale in progress as a table: product, quantity, unit price, line total.
class BasketModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ProductColumn,
        QuantityColumn,
        PriceColumn,
        TotalColumn,
        ColumnCount
    };

    explicit BasketModel(const SaleSession& session, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Called when the session's basket changed; resets the view's rows.
    void refresh();

private:
    const SaleSession& m_session;
};

}  // namespace loyalty
