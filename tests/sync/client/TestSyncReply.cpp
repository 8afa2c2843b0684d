// SyncReply::classify follows the contract's error table (docs/sync-protocol.md) status by status,
// and Retry-After is read in both of its forms.
#include "sync/client/SyncReply.h"

#include <QTest>

using loyalty::sync::SyncReply;
using Outcome = SyncReply::Outcome;

Q_DECLARE_METATYPE(SyncReply::Outcome)

class TestSyncReply final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classification_data();
    void classification();
    void retryAfterInSeconds();
    void retryAfterAsHttpDate();
    void retryAfterUnreadable();
    void describeNamesStatusAndCode();
};

void TestSyncReply::classification_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::addColumn<Outcome>("outcome");
    QTest::newRow("200") << 200 << QString() << Outcome::Ok;
    QTest::newRow("201") << 201 << QString() << Outcome::Ok;
    QTest::newRow("400 malformed") << 400 << QStringLiteral("malformed") << Outcome::Malformed;
    QTest::newRow("404 not_found") << 404 << QStringLiteral("not_found") << Outcome::Malformed;
    QTest::newRow("405 method_not_allowed") << 405 << QStringLiteral("method_not_allowed") << Outcome::Malformed;
    QTest::newRow("401 clock_skew") << 401 << QStringLiteral("clock_skew") << Outcome::ClockSkew;
    QTest::newRow("401 unauthenticated") << 401 << QStringLiteral("unauthenticated") << Outcome::Refused;
    QTest::newRow("401 unknown_till") << 401 << QStringLiteral("unknown_till") << Outcome::Refused;
    QTest::newRow("401 bad_signature") << 401 << QStringLiteral("bad_signature") << Outcome::Refused;
    QTest::newRow("401 replayed") << 401 << QStringLiteral("replayed") << Outcome::Refused;
    QTest::newRow("401 without code") << 401 << QString() << Outcome::Refused;
    QTest::newRow("403 bad_code") << 403 << QStringLiteral("bad_code") << Outcome::BadCode;
    QTest::newRow("413 too_large") << 413 << QStringLiteral("too_large") << Outcome::TooLarge;
    QTest::newRow("429") << 429 << QString() << Outcome::Unavailable;
    QTest::newRow("408") << 408 << QString() << Outcome::Unavailable;
    QTest::newRow("500") << 500 << QString() << Outcome::Unavailable;
    QTest::newRow("502") << 502 << QString() << Outcome::Unavailable;
    QTest::newRow("503") << 503 << QStringLiteral("unavailable") << Outcome::Unavailable;
    QTest::newRow("no answer") << 0 << QStringLiteral("connection_refused") << Outcome::Unavailable;
    QTest::newRow("redirect") << 302 << QString() << Outcome::Unavailable;
    QTest::newRow("422") << 422 << QString() << Outcome::Malformed;
}

void TestSyncReply::classification()
{
    QFETCH(int, status);
    QFETCH(QString, error);
    QFETCH(Outcome, outcome);
    QCOMPARE(SyncReply::classify(status, error), outcome);
}

void TestSyncReply::retryAfterInSeconds()
{
    const QDateTime now = QDateTime::fromString(QStringLiteral("2026-12-01T09:00:00Z"), Qt::ISODate);
    QCOMPARE(SyncReply::parseRetryAfter("120", now), std::optional<qint64>(120'000));
    QCOMPARE(SyncReply::parseRetryAfter(" 0 ", now), std::optional<qint64>(0));
}

void TestSyncReply::retryAfterAsHttpDate()
{
    const QDateTime now = QDateTime::fromString(QStringLiteral("2026-12-01T09:00:00Z"), Qt::ISODate);
    QCOMPARE(SyncReply::parseRetryAfter("Tue, 01 Dec 2026 09:01:30 GMT", now), std::optional<qint64>(90'000));
    // A date already past: retry now, not in the past.
    QCOMPARE(SyncReply::parseRetryAfter("Tue, 01 Dec 2026 08:00:00 GMT", now), std::optional<qint64>(0));
}

void TestSyncReply::retryAfterUnreadable()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(SyncReply::parseRetryAfter("", now), std::nullopt);
    QCOMPARE(SyncReply::parseRetryAfter("soon", now), std::nullopt);
    QCOMPARE(SyncReply::parseRetryAfter("-5", now), std::nullopt);
}

void TestSyncReply::describeNamesStatusAndCode()
{
    SyncReply reply;
    reply.httpStatus = 401;
    reply.error = QStringLiteral("bad_signature");
    reply.message = QStringLiteral("The signature does not match.");
    QCOMPARE(reply.describe(), QStringLiteral("401 bad_signature: The signature does not match."));
}

QTEST_GUILESS_MAIN(TestSyncReply)
#include "TestSyncReply.moc"
