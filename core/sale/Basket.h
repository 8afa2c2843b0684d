#pragma once

#include "sale/BasketLine.h"

#include <QList>

namespace loyalty {

// The goods of the sale in progress, in the order they were scanned.
class Basket final
{
public:
    static constexpr qint64 kMaxQuantity = 999;

    explicit Basket(const QString& currency);

    const QString& currency() const { return m_currency; }
    const QList<BasketLine>& lines() const { return m_lines; }
    bool isEmpty() const { return m_lines.isEmpty(); }
    qsizetype lineCount() const { return m_lines.size(); }

    // Adds one of `product`; a product already in the basket gets its quantity raised.
    // Returns the row that changed.
    qsizetype add(const Product& product, qint64 quantity = 1);
    // False if `row` does not exist or the quantity would leave 1..kMaxQuantity.
    bool changeQuantity(qsizetype row, qint64 delta);
    bool remove(qsizetype row);
    void clear() { m_lines.clear(); }

    Money total() const;
    qint64 itemCount() const;

private:
    QString m_currency;
    QList<BasketLine> m_lines;
};

}  // namespace loyalty
