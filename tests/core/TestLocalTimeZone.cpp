#include "time/LocalTimeZone.h"

#include <QDateTime>
#include <QTimeZone>
#include <QtTest>

#include <cstdlib>

using namespace loyalty;

namespace {

// Local offsets at the start of every month of 2026 and around both daylight-saving changes.
QList<int> offsetsOf2026()
{
    QList<int> offsets;
    for (int month = 1; month <= 12; ++month)
        offsets.append(QDateTime(QDate(2026, month, 1), QTime(12, 0), Qt::UTC).toLocalTime().offsetFromUtc());
    for (const qint64 seconds : {1774746000LL, 1774749600LL, 1792890000LL, 1792893600LL})
        offsets.append(QDateTime::fromSecsSinceEpoch(seconds).offsetFromUtc());
    return offsets;
}

}  // namespace

class TestLocalTimeZone final : public QObject
{
    Q_OBJECT

private slots:
    void pinsTheSystemZoneWithoutChangingIt()
    {
        qunsetenv("TZ");
        tzset();
        const QList<int> before = offsetsOf2026();
        const QByteArray zoneBefore = QTimeZone::systemTimeZoneId();

        LocalTimeZone::pinForThisProcess();

        QCOMPARE(qgetenv("TZ"), QByteArrayLiteral(":/etc/localtime"));
        QCOMPARE(offsetsOf2026(), before);
        QCOMPARE(QTimeZone::systemTimeZoneId(), zoneBefore);
    }

    void leavesAZoneSetByTheUserAlone()
    {
        qputenv("TZ", "Europe/Berlin");
        tzset();
        LocalTimeZone::pinForThisProcess();
        QCOMPARE(qgetenv("TZ"), QByteArrayLiteral("Europe/Berlin"));
        // Berlin in January is UTC+1, in July UTC+2: the user's zone really is the one in use.
        QCOMPARE(QDateTime(QDate(2026, 1, 15), QTime(12, 0), Qt::UTC).toLocalTime().offsetFromUtc(), 3600);
        QCOMPARE(QDateTime(QDate(2026, 7, 15), QTime(12, 0), Qt::UTC).toLocalTime().offsetFromUtc(), 7200);
        qunsetenv("TZ");
        tzset();
    }
};

QTEST_GUILESS_MAIN(TestLocalTimeZone)
#include "TestLocalTimeZone.moc"
