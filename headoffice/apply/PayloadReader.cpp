#include "apply/PayloadReader.h"

#include <QDateTime>

#include <cmath>

namespace loyalty::hq {

PayloadReader::PayloadReader(const QJsonObject& object, QString path)
    : m_object(object)
    , m_path(std::move(path))
{
}

void PayloadReader::fail(const QString& key, const QString& problem)
{
    if (!m_problem)
        m_problem = path(key) + QStringLiteral(": ") + problem;
}

Error PayloadReader::error() const
{
    return {Error::Code::Refused, tr("The event is malformed: %1").arg(m_problem.value_or(QString())), kMalformed};
}

Error PayloadReader::notAnObject(const QString& path)
{
    return {Error::Code::Refused, tr("The event is malformed: %1: must be an object").arg(path), kMalformed};
}

QString PayloadReader::text(const QString& key)
{
    const QJsonValue value = m_object.value(key);
    if (!value.isString() || value.toString().isEmpty()) {
        fail(key, tr("a non-empty text is required"));
        return {};
    }
    return value.toString();
}

QString PayloadReader::optionalText(const QString& key)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isString()) {
        fail(key, tr("must be a text or null"));
        return {};
    }
    return value.toString();
}

qint64 PayloadReader::integer(const QString& key)
{
    const QJsonValue value = m_object.value(key);
    const double number = value.toDouble();
    if (!value.isDouble() || std::trunc(number) != number || std::fabs(number) > double(kMaxInteger)) {
        fail(key, tr("a whole number is required"));
        return 0;
    }
    return value.toInteger();
}

qint64 PayloadReader::optionalInteger(const QString& key, qint64 fallback)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    return integer(key);
}

bool PayloadReader::boolean(const QString& key)
{
    const QJsonValue value = m_object.value(key);
    if (!value.isBool()) {
        fail(key, tr("must be true or false"));
        return false;
    }
    return value.toBool();
}

QJsonObject PayloadReader::optionalObject(const QString& key)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isObject()) {
        fail(key, tr("must be an object"));
        return {};
    }
    return value.toObject();
}

QJsonArray PayloadReader::optionalArray(const QString& key)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isArray()) {
        fail(key, tr("must be an array"));
        return {};
    }
    return value.toArray();
}

QString PayloadReader::optionalDay(const QString& key)
{
    const QString day = optionalText(key);
    if (day.isEmpty())
        return {};
    // The form tills write, checked by hand: every ledger entry of a batch has one.
    if (day.size() == 10 && day.at(4) == u'-' && day.at(7) == u'-') {
        int fields[3] = {};
        bool digits = true;
        for (qsizetype i = 0; i < 10 && digits; ++i) {
            if (i == 4 || i == 7)
                continue;
            const char16_t c = day.at(i).unicode();
            digits = c >= u'0' && c <= u'9';
            fields[i < 4 ? 0 : i < 7 ? 1 : 2] = fields[i < 4 ? 0 : i < 7 ? 1 : 2] * 10 + (c - u'0');
        }
        if (digits) {
            if (!QDate::isValid(fields[0], fields[1], fields[2])) {
                fail(key, tr("must be a day as YYYY-MM-DD"));
                return {};
            }
            return day;
        }
    }
    const QDate parsed = QDate::fromString(day, Qt::ISODate);
    if (!parsed.isValid() || parsed.toString(Qt::ISODate) != day) {
        fail(key, tr("must be a day as YYYY-MM-DD"));
        return {};
    }
    return day;
}

QString PayloadReader::optionalInstant(const QString& key)
{
    const QString instant = optionalText(key);
    if (instant.isEmpty())
        return {};
    const QString normalised = normalisedInstant(instant);
    if (normalised.isEmpty())
        fail(key, tr("must be a date and time in ISO 8601 with its offset, e.g. 2026-12-01T09:14:03.120Z"));
    return normalised;
}

namespace {
// The form tills write (Clock::nowIso): yyyy-MM-ddTHH:mm:ss.zzzZ. Checked by hand because a
// thousand-event batch holds several thousand instants and parsing each costs more than storing it.
bool isCanonicalInstant(const QString& text)
{
    if (text.size() != 24)
        return false;
    static constexpr char kPattern[] = "dddd-dd-ddTdd:dd:dd.dddZ";
    int fields[7] = {};
    int field = 0;
    for (qsizetype i = 0; i < 24; ++i) {
        const char16_t c = text.at(i).unicode();
        if (kPattern[i] == 'd') {
            if (c < u'0' || c > u'9')
                return false;
            fields[field] = fields[field] * 10 + (c - u'0');
        } else if (c != char16_t(kPattern[i])) {
            return false;
        } else {
            ++field;
        }
    }
    return QDate::isValid(fields[0], fields[1], fields[2]) && fields[3] < 24 && fields[4] < 60 && fields[5] < 60;
}
}  // namespace

QString PayloadReader::normalisedInstant(const QString& text)
{
    if (isCanonicalInstant(text))
        return text;
    const QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    // A time without offset would mean the reader's local time: ambiguous across tills.
    if (!at.isValid() || at.timeSpec() == Qt::LocalTime)
        return {};
    return at.toUTC().toString(Qt::ISODateWithMs);
}

}  // namespace loyalty::hq
