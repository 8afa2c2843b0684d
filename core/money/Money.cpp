#include "money/Money.h"

#include "money/CurrencyInfo.h"

#include <QStringBuilder>

namespace loyalty {

namespace {

qint64 checkedAdd(qint64 a, qint64 b)
{
    qint64 sum = 0;
    if (__builtin_add_overflow(a, b, &sum))
        throw std::overflow_error("money amount overflow");
    return sum;
}

qint64 checkedMul(qint64 a, qint64 b)
{
    qint64 product = 0;
    if (__builtin_mul_overflow(a, b, &product))
        throw std::overflow_error("money amount overflow");
    return product;
}

}  // namespace

CurrencyMismatch::CurrencyMismatch(const QString& left, const QString& right)
    : std::logic_error(QStringLiteral("cannot combine %1 with %2").arg(left, right).toStdString())
{
}

Money::Money(qint64 minorUnits, const QString& currency)
    : m_minor(minorUnits)
    , m_currency(currency)
{
}

void Money::requireSameCurrency(const Money& other) const
{
    if (m_currency != other.m_currency)
        throw CurrencyMismatch(m_currency, other.m_currency);
}

Money Money::operator+(const Money& other) const
{
    requireSameCurrency(other);
    return Money(checkedAdd(m_minor, other.m_minor), m_currency);
}

Money Money::operator-(const Money& other) const
{
    requireSameCurrency(other);
    return Money(checkedAdd(m_minor, checkedMul(other.m_minor, -1)), m_currency);
}

Money Money::operator-() const
{
    return Money(checkedMul(m_minor, -1), m_currency);
}

Money& Money::operator+=(const Money& other)
{
    *this = *this + other;
    return *this;
}

Money& Money::operator-=(const Money& other)
{
    *this = *this - other;
    return *this;
}

Money Money::times(qint64 factor) const
{
    return Money(checkedMul(m_minor, factor), m_currency);
}

Money Money::percent(qint64 basisPoints, Rounding rounding) const
{
    return Money(divideRounded(checkedMul(m_minor, basisPoints), 10000, rounding), m_currency);
}

qint64 Money::wholeUnits(qint64 unitMinor) const
{
    return divideRounded(m_minor, unitMinor, Rounding::TowardZero);
}

bool Money::operator<(const Money& other) const
{
    requireSameCurrency(other);
    return m_minor < other.m_minor;
}

bool Money::operator<=(const Money& other) const
{
    requireSameCurrency(other);
    return m_minor <= other.m_minor;
}

QString Money::toDebugString() const
{
    const CurrencyInfo info = CurrencyInfo::of(m_currency);
    // Unsigned magnitude: negating the most negative qint64 would overflow.
    const quint64 magnitude = m_minor < 0 ? quint64(0) - quint64(m_minor) : quint64(m_minor);
    QString number = QString::number(magnitude / quint64(info.minorPerMajor));
    if (info.minorDigits > 0)
        number += u'.' + QStringLiteral("%1").arg(magnitude % quint64(info.minorPerMajor), info.minorDigits, 10,
                                                  QLatin1Char('0'));
    return (m_minor < 0 ? QStringLiteral("-") : QString()) % number % u' ' % m_currency;
}

qint64 divideRounded(qint64 numerator, qint64 denominator, Rounding rounding)
{
    if (denominator <= 0)
        throw std::invalid_argument("denominator must be positive");
    const qint64 quotient = numerator / denominator;   // truncates toward zero
    const qint64 remainder = numerator % denominator;  // same sign as numerator
    if (remainder == 0)
        return quotient;
    const qint64 away = numerator < 0 ? quotient - 1 : quotient + 1;
    // Compare the remainder with what is left to the next multiple instead of doubling it, which
    // would overflow for denominators above half the qint64 range.
    const qint64 magnitude = remainder < 0 ? -remainder : remainder;
    const qint64 rest = denominator - magnitude;
    switch (rounding) {
    case Rounding::TowardZero:
        return quotient;
    case Rounding::AwayFromZero:
        return away;
    case Rounding::HalfAwayFromZero:
        return magnitude >= rest ? away : quotient;
    case Rounding::HalfEven:
        if (magnitude > rest)
            return away;
        if (magnitude < rest)
            return quotient;
        return quotient % 2 == 0 ? quotient : away;
    }
    return quotient;
}

}  // namespace loyalty
