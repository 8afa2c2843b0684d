#pragma once

#include "money/Rounding.h"

#include <QString>

#include <stdexcept>

namespace loyalty {

// Thrown when two amounts in different currencies are combined: a programming error, never input.
class CurrencyMismatch final : public std::logic_error
{
public:
    CurrencyMismatch(const QString& left, const QString& right);
};

// An amount of money as an integer count of minor units (cents) in one ISO 4217 currency.
// Arithmetic refuses to mix currencies and throws std::overflow_error instead of wrapping.
class Money final
{
public:
    Money() = default;
    Money(qint64 minorUnits, const QString& currency);

    static Money zero(const QString& currency) { return Money(0, currency); }

    qint64 minorUnits() const { return m_minor; }
    const QString& currency() const { return m_currency; }
    bool isZero() const { return m_minor == 0; }
    bool isNegative() const { return m_minor < 0; }

    Money operator+(const Money& other) const;
    Money operator-(const Money& other) const;
    Money operator-() const;
    Money& operator+=(const Money& other);
    Money& operator-=(const Money& other);
    Money times(qint64 factor) const;

    // `basisPoints` hundredths of a percent of this amount (500 = 5 %, 1250 = 12.5 %), rounded as
    // given. Computed exactly in integers.
    Money percent(qint64 basisPoints, Rounding rounding = Rounding::HalfAwayFromZero) const;

    // How many whole `unit` amounts fit in this amount (e.g. full euros in 12.99 EUR is 12).
    qint64 wholeUnits(qint64 unitMinor) const;

    bool operator==(const Money& other) const = default;
    bool operator<(const Money& other) const;
    bool operator<=(const Money& other) const;
    bool operator>(const Money& other) const { return other < *this; }
    bool operator>=(const Money& other) const { return other <= *this; }

    // Plain, locale-free form for logs, JSON and tests: "12.34 EUR".
    QString toDebugString() const;

private:
    void requireSameCurrency(const Money& other) const;

    qint64 m_minor = 0;
    QString m_currency;
};

// Divides numerator by a positive denominator, rounding as given; exact for all qint64 inputs.
qint64 divideRounded(qint64 numerator, qint64 denominator, Rounding rounding);

}  // namespace loyalty
