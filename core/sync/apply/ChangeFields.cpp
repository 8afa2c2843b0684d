#include "sync/apply/ChangeFields.h"

#include <QDate>
#include <QDateTime>
#include <QTime>

namespace loyalty::sync {

namespace {
QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

int digitsAt(const QString& text, qsizetype from, qsizetype count)
{
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = text.at(i).unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

// Head office sends instants as the tables store them ("2026-12-01T15:26:18.316Z"); such a text
// is returned as it is, which saves a QDateTime parse and format per change of the snapshot.
bool isStoredForm(const QString& text)
{
    if (text.size() != 24 || text.at(4) != u'-' || text.at(7) != u'-' || text.at(10) != u'T' || text.at(13) != u':' ||
        text.at(16) != u':' || text.at(19) != u'.' || text.at(23) != u'Z')
        return false;
    const int year = digitsAt(text, 0, 4);
    const int month = digitsAt(text, 5, 2);
    const int day = digitsAt(text, 8, 2);
    const int hour = digitsAt(text, 11, 2);
    const int minute = digitsAt(text, 14, 2);
    const int second = digitsAt(text, 17, 2);
    const int milli = digitsAt(text, 20, 3);
    // QDateTime formats years 1..9999 with four digits, so the stored form is exact in that range.
    return year >= 1 && QDate::isValid(year, month, day) && QTime::isValid(hour, minute, second, milli);
}
}  // namespace

ChangeFields::ChangeFields(const QJsonObject& data, int position, const QString& kind)
    : m_data(data)
    , m_position(position)
    , m_kind(kind)
{
}

Error ChangeFields::malformed(const QString& key, const QString& problem) const
{
    return Error{Error::Code::InvalidInput,
                 tr("Change %1 (%2) from head office: %3 %4. Nothing of the page was applied.")
                     .arg(m_position + 1)
                     .arg(m_kind, key, problem),
                 QStringLiteral("malformed_change")};
}

Result<QString> ChangeFields::text(const QString& key) const
{
    const QJsonValue value = m_data.value(key);
    if (!value.isString() || value.toString().isEmpty())
        return malformed(key, tr("is missing or not a text"));
    return value.toString();
}

Result<QString> ChangeFields::presentText(const QString& key) const
{
    const QJsonValue value = m_data.value(key);
    if (!value.isString())
        return malformed(key, tr("is missing or not a text"));
    const QString text = value.toString();
    return text.isNull() ? QStringLiteral("") : text;
}

QString ChangeFields::optionalText(const QString& key) const
{
    // Never a null QString: that would bind as SQL NULL, and the text columns are NOT NULL.
    const QString value = m_data.value(key).toString();
    return value.isNull() ? QStringLiteral("") : value;
}

QVariant ChangeFields::textOrNull(const QString& key) const
{
    const QString value = m_data.value(key).toString().trimmed();
    return value.isEmpty() ? nullText() : QVariant(value);
}

Result<qint64> ChangeFields::integer(const QString& key) const
{
    const QJsonValue value = m_data.value(key);
    // JSON numbers are doubles: a whole number within ±2^53 is exact, anything else is refused.
    constexpr double kExact = 9007199254740992.0;
    if (!value.isDouble() || value.toDouble() != double(value.toInteger()) || value.toDouble() > kExact ||
        value.toDouble() < -kExact)
        return malformed(key, tr("is missing or not a whole number"));
    return value.toInteger();
}

Result<qint64> ChangeFields::integerOr(const QString& key, qint64 fallback) const
{
    const QJsonValue value = m_data.value(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    return integer(key);
}

Result<bool> ChangeFields::boolean(const QString& key) const
{
    const QJsonValue value = m_data.value(key);
    if (value.isBool())
        return value.toBool();
    if (value.isDouble() && (value.toInteger() == 0 || value.toInteger() == 1) && value.toDouble() == value.toInteger())
        return value.toInteger() == 1;
    return malformed(key, tr("is missing or not true or false"));
}

Result<QString> ChangeFields::instant(const QString& key) const
{
    const QJsonValue value = m_data.value(key);
    if (value.isString()) {
        QString text = value.toString();
        if (isStoredForm(text))
            return text;
    }
    const QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!value.isString() || !at.isValid())
        return malformed(key, tr("is missing or not a time"));
    return at.toUTC().toString(Qt::ISODateWithMs);
}

Result<QVariant> ChangeFields::optionalInstant(const QString& key) const
{
    const QJsonValue value = m_data.value(key);
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty()))
        return nullText();
    auto at = instant(key);
    if (!at)
        return at.error();
    return QVariant(*at);
}

Result<QVariant> ChangeFields::optionalDay(const QString& key) const
{
    const QJsonValue value = m_data.value(key);
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty()))
        return nullText();
    const QDate day = QDate::fromString(value.toString(), Qt::ISODate);
    if (!value.isString() || !day.isValid())
        return malformed(key, tr("is not a day (yyyy-mm-dd)"));
    return QVariant(day.toString(Qt::ISODate));
}

}  // namespace loyalty::sync
