#include "RawHttp.h"
#include "ScenarioWorld.h"
#include "sync/protocol/SyncProtocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

// Malformed, oversized, unauthenticated and replayed requests sent straight to head office over a raw
// socket: each is answered with the documented 4xx and leaves head office's data as it was.
class TestHostileRequests final : public QObject
{
    Q_OBJECT

private:
    ScenarioWorld m_world;
    TillFixture* m_till = nullptr;
    RawHttp::Signer m_signer;

    struct Counts
    {
        qint64 events = -1;
        qint64 changes = -1;
        bool operator==(const Counts&) const = default;
    };
    Counts counts()
    {
        return {m_world.hqDatabase().count(QStringLiteral("events")),
                m_world.hqDatabase().count(QStringLiteral("changes"))};
    }

    // One event as the till would write it, for a member head office knows.
    QJsonObject event(qint64 sequence) const
    {
        return QJsonObject{
            {QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {QStringLiteral("till_id"), QString::fromUtf8(m_signer.tillId)},
            {QStringLiteral("sequence"), sequence},
            {QStringLiteral("type"), QStringLiteral("feedback.answered")},
            {QStringLiteral("created_at"), QStringLiteral("2026-12-01T09:14:03.120Z")},
            {QStringLiteral("payload"),
             QJsonObject{{QStringLiteral("sale_uuid"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                         {QStringLiteral("member_uuid"), loyalty::sync::memberUuidForNumber(1)},
                         {QStringLiteral("ledger"), QJsonArray{}}}}};
    }
    static QByteArray batch(const QJsonArray& events)
    {
        return QJsonDocument(QJsonObject{{QStringLiteral("events"), events}}).toJson(QJsonDocument::Compact);
    }

    void expectRefused(const RawHttp::Response& response, int status, const QString& error)
    {
        QVERIFY2(response.status == status,
                 qPrintable(QStringLiteral("expected %1 %2; %3").arg(status).arg(error, response.describe())));
        if (!error.isEmpty())
            QVERIFY2(response.json().value(QLatin1String("error")).toString() == error,
                     qPrintable(response.describe()));
        QVERIFY2(response.json().contains(QLatin1String("server_time")), qPrintable(response.describe()));
    }

private slots:
    void initTestCase()
    {
        qInfo("head office backend: %s", qPrintable(HqDatabase::backendName()));
        QVERIFY2(m_world.setUp(10), qPrintable(m_world.error()));
        m_till = m_world.addTill(QStringLiteral("Till North"));
        QVERIFY2(m_till, qPrintable(m_world.error()));
        m_signer = {m_till->tillId().toUtf8(), m_till->secret()};
        QVERIFY2(m_signer.secret.size() == 32, "the till holds no 32-byte secret in sync.till_secret");
        QVERIFY2(m_till->sale(ScenarioWorld::card(1), {QStringLiteral("4006381000000:3")}),
                 qPrintable(m_till->error()));
        QVERIFY2(m_till->syncOk(), qPrintable(m_till->error()));
    }

    void init() { QVERIFY2(counts().events >= 0 && counts().changes >= 0, qPrintable(m_world.hqDatabase().error())); }

    void malformed()
    {
        const RawHttp http(m_world.hq().port());
        const Counts before = counts();
        expectRefused(http.signedRequest(m_signer, "POST", "/v1/events", "this is not JSON"), 400,
                      QStringLiteral("malformed"));
        expectRefused(http.signedRequest(m_signer, "POST", "/v1/events", "{\"events\": 5}"), 400,
                      QStringLiteral("malformed"));
        expectRefused(http.signedRequest(m_signer, "POST", "/v1/events", "[1, 2, 3]"), 400,
                      QStringLiteral("malformed"));
        QJsonArray tooMany;
        for (int i = 0; i <= loyalty::sync::kMaxEventsPerBatch; ++i)
            tooMany.append(event(1000 + i));
        expectRefused(http.signedRequest(m_signer, "POST", "/v1/events", batch(tooMany)), 400,
                      QStringLiteral("malformed"));
        expectRefused(http.signedRequest(m_signer, "GET", "/v1/changes?cursor=not-a-cursor-it-gave&limit=10", {}), 400,
                      {});
        expectRefused(http.signedRequest(m_signer, "GET", "/v1/nowhere", {}), 404, QStringLiteral("not_found"));
        expectRefused(http.signedRequest(m_signer, "DELETE", "/v1/events", {}), 405,
                      QStringLiteral("method_not_allowed"));
        QVERIFY(counts() == before);
    }

    void oversized()
    {
        const RawHttp http(m_world.hq().port());
        const Counts before = counts();
        QByteArray body = "{\"events\": [], \"padding\": \"";
        body += QByteArray(loyalty::sync::kMaxBodyBytes + 1024, 'x');
        body += "\"}";
        expectRefused(http.signedRequest(m_signer, "POST", "/v1/events", body), 413, QStringLiteral("too_large"));
        // Announced as too large, whatever follows.
        expectRefused(http.send(RawHttp::request("POST", "/v1/events", QByteArray(16, ' '), {})
                                    .replace("Content-Length: 16",
                                             QByteArray("Content-Length: " +
                                                        QByteArray::number(loyalty::sync::kMaxBodyBytes + 1)))),
                      413, QStringLiteral("too_large"));
        QVERIFY(counts() == before);
    }

    void unauthenticated()
    {
        const RawHttp http(m_world.hq().port());
        const Counts before = counts();
        const QByteArray body = batch({event(900)});
        // No signature at all.
        expectRefused(http.send(RawHttp::request("POST", "/v1/events", body, {})), 401,
                      QStringLiteral("unauthenticated"));
        // A malformed nonce.
        QByteArray nonce;
        const QByteArray headers = RawHttp::signatureHeaders(m_signer, "POST", "/v1/events", body, &nonce);
        expectRefused(
            http.send(RawHttp::request("POST", "/v1/events", body, QByteArray(headers).replace(nonce, "xyz"))), 401,
            QStringLiteral("unauthenticated"));
        // Signed with the wrong secret.
        RawHttp::Signer forger = m_signer;
        forger.secret = QByteArray(32, '\x42');
        expectRefused(http.signedRequest(forger, "POST", "/v1/events", body), 401, QStringLiteral("bad_signature"));
        // Signed over a different body than the one sent.
        expectRefused(
            http.send(RawHttp::request("POST", "/v1/events", body,
                                       RawHttp::signatureHeaders(m_signer, "POST", "/v1/events", batch({event(901)})))),
            401, QStringLiteral("bad_signature"));
        // A till head office never provisioned.
        RawHttp::Signer stranger{QUuid::createUuid().toString(QUuid::WithoutBraces).toUtf8(), m_signer.secret};
        expectRefused(http.signedRequest(stranger, "POST", "/v1/events", body), 401, QStringLiteral("unknown_till"));
        // A clock ten minutes off.
        RawHttp::Signer late = m_signer;
        late.clockOffsetSeconds = -600;
        expectRefused(http.signedRequest(late, "POST", "/v1/events", body), 401, QStringLiteral("clock_skew"));
        QVERIFY(counts() == before);
    }

    void replayed()
    {
        const RawHttp http(m_world.hq().port());
        const QByteArray target = "/v1/changes?limit=5";
        const QByteArray request =
            RawHttp::request("GET", target, {}, RawHttp::signatureHeaders(m_signer, "GET", target, {}));
        const RawHttp::Response first = http.send(request);
        QVERIFY2(first.status == 200, qPrintable(first.describe()));
        const Counts before = counts();
        expectRefused(http.send(request), 401, QStringLiteral("replayed"));
        QVERIFY(counts() == before);

        // A push replayed after head office restarted: the nonce is remembered in its database.
        const QByteArray body = batch({event(950)});
        const QByteArray push = RawHttp::request("POST", "/v1/events", body,
                                                 RawHttp::signatureHeaders(m_signer, "POST", "/v1/events", body));
        const RawHttp::Response applied = http.send(push);
        QVERIFY2(applied.status == 200, qPrintable(applied.describe()));
        // Applied or rejected, it was answered; from here on nothing may change.
        const Counts afterPush = counts();
        QVERIFY2(m_world.hq().restart(), qPrintable(m_world.hq().error()));
        expectRefused(RawHttp(m_world.hq().port()).send(push), 401, QStringLiteral("replayed"));
        QVERIFY(counts() == afterPush);
    }

    void cleanupTestCase()
    {
        if (!m_till)
            return;  // initTestCase failed and said why
        // The one event this test pushed itself is head office's and no till's.
        const QString problems = m_world.invariants({ScenarioWorld::card(1)}, Invariants::Options{0, 1});
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

QTEST_GUILESS_MAIN(TestHostileRequests)
#include "TestHostileRequests.moc"
