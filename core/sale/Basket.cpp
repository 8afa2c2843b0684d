#include "sale/Basket.h"

namespace loyalty {

Basket::Basket(const QString& currency)
    : m_currency(currency)
{
}

qsizetype Basket::add(const Product& product, qint64 quantity)
{
    for (qsizetype row = 0; row < m_lines.size(); ++row) {
        if (m_lines[row].product.id == product.id) {
            m_lines[row].quantity = std::min(kMaxQuantity, m_lines[row].quantity + quantity);
            return row;
        }
    }
    m_lines.append(BasketLine{product, std::clamp<qint64>(quantity, 1, kMaxQuantity)});
    return m_lines.size() - 1;
}

bool Basket::changeQuantity(qsizetype row, qint64 delta)
{
    if (row < 0 || row >= m_lines.size())
        return false;
    const qint64 quantity = m_lines[row].quantity + delta;
    if (quantity < 1 || quantity > kMaxQuantity)
        return false;
    m_lines[row].quantity = quantity;
    return true;
}

bool Basket::remove(qsizetype row)
{
    if (row < 0 || row >= m_lines.size())
        return false;
    m_lines.removeAt(row);
    return true;
}

Money Basket::total() const
{
    Money sum = Money::zero(m_currency);
    for (const BasketLine& line : m_lines)
        sum += line.total();
    return sum;
}

qint64 Basket::itemCount() const
{
    qint64 count = 0;
    for (const BasketLine& line : m_lines)
        count += line.quantity;
    return count;
}

}  // namespace loyalty
