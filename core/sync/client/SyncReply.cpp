#include "sync/client/SyncReply.h"

#include <QLocale>
#include <QTimeZone>

#include <algorithm>

namespace loyalty::sync {

QString SyncReply::describe() const
{
    QString text;
    if (httpStatus != 0)
        text = QString::number(httpStatus) + u' ';
    text += error.isEmpty() ? tr("error") : error;
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    return text;
}

SyncReply::Outcome SyncReply::classify(int httpStatus, const QString& errorCode)
{
    if (httpStatus >= 200 && httpStatus < 300)
        return Outcome::Ok;
    switch (httpStatus) {
    case 401:
        return errorCode == QLatin1String("clock_skew") ? Outcome::ClockSkew : Outcome::Refused;
    case 403:
        return errorCode == QLatin1String("bad_code") ? Outcome::BadCode : Outcome::Refused;
    case 413:
        return Outcome::TooLarge;
    case 408:  // the server timed the request out: like our own time-out
    case 429:
        return Outcome::Unavailable;
    default:
        break;
    }
    // 400, 404, 405 and the other client errors name something wrong with what was sent: sending the
    // same again cannot succeed, so the engine narrows it down event by event.
    if (httpStatus >= 400 && httpStatus < 500)
        return Outcome::Malformed;
    // 5xx, a redirect the till does not follow, or no HTTP answer at all.
    return Outcome::Unavailable;
}

std::optional<qint64> SyncReply::parseRetryAfter(const QByteArray& value, const QDateTime& now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok)
        return seconds >= 0 ? std::optional<qint64>(seconds * 1000) : std::nullopt;
    // IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
    QDateTime at =
        QLocale::c().toDateTime(QString::fromLatin1(trimmed), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!at.isValid())
        return std::nullopt;
    at.setTimeZone(QTimeZone::utc());
    return std::max<qint64>(0, now.msecsTo(at));
}

}  // namespace loyalty::sync
