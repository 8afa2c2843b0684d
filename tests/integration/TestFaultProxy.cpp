#include "FaultProxy.h"
#include "RawHttp.h"
#include "ScenarioWorld.h"

#include <QTest>

// The harness's own proxy does what the scenarios rely on, in front of the real head office: passes
// requests through, answers 500 and 429 itself, drops, cuts, holds and refuses exactly as told.
class TestFaultProxy final : public QObject
{
    Q_OBJECT

private:
    ScenarioWorld m_world;
    std::unique_ptr<FaultProxy> m_proxy;

    RawHttp::Response status(int timeoutMs = 10'000) const
    {
        return RawHttp(m_proxy->port()).send(RawHttp::request("GET", "/v1/status", {}, {}), timeoutMs);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_world.setUp(5), qPrintable(m_world.error()));
        m_proxy = std::make_unique<FaultProxy>(m_world.hq().port());
        QVERIFY2(m_proxy->start(), qPrintable(m_proxy->error()));
    }

    void init() { m_proxy->pass(); }

    void passes()
    {
        const RawHttp::Response response = status();
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(response.json().value(QLatin1String("protocol")).toInt(), 1);
    }

    void answersItself()
    {
        m_proxy->setRule({FaultProxy::Fault::Answer500, 1, {}});
        QCOMPARE(status().status, 500);
        FaultProxy::Rule busy{FaultProxy::Fault::Answer429, 1, {}};
        busy.retryAfterSeconds = 7;
        m_proxy->setRule(busy);
        const RawHttp::Response response = status();
        QCOMPARE(response.status, 429);
        QVERIFY2(response.head.contains("Retry-After: 7"), response.head.constData());
        // The rule was for one request each: the next passes.
        QCOMPARE(status().status, 200);
    }

    void dropsCutsAndHolds()
    {
        const int forwarded = m_proxy->stats().forwarded;
        m_proxy->setRule({FaultProxy::Fault::DropRequest, 1, {}});
        QCOMPARE(status().status, 0);
        QCOMPARE(m_proxy->stats().forwarded, forwarded);

        m_proxy->setRule({FaultProxy::Fault::DropResponse, 1, {}});
        RawHttp::Response dropped = status();
        QCOMPARE(dropped.status, 0);
        QVERIFY(dropped.head.isEmpty());
        QCOMPARE(m_proxy->stats().forwarded, forwarded + 1);

        m_proxy->setRule({FaultProxy::Fault::CutResponse, 1, {}});
        const RawHttp::Response cut = status();
        QCOMPARE(cut.status, 0);
        QVERIFY2(cut.head.startsWith("HTTP/1.1 200"), cut.head.constData());

        m_proxy->setRule({FaultProxy::Fault::Hold, 1, {}});
        QCOMPARE(status(1500).status, 0);
        FaultProxy::Rule slow{FaultProxy::Fault::Delay, 1, {}};
        slow.delayMs = 700;
        m_proxy->setRule(slow);
        QCOMPARE(status().status, 200);
    }

    void matchesPathsAndSkips()
    {
        FaultProxy::Rule rule{FaultProxy::Fault::Answer500, 1, QByteArrayLiteral("/v1/events")};
        rule.skip = 1;
        m_proxy->setRule(rule);
        QCOMPARE(status().status, 200);  // another path
        const auto events = [this] {
            return RawHttp(m_proxy->port()).send(RawHttp::request("POST", "/v1/events", "{}", {})).status;
        };
        QCOMPARE(events(), 401);  // skipped: head office refuses the unsigned push
        QCOMPARE(events(), 500);  // the proxy
        QCOMPARE(events(), 401);  // the rule is used up
    }

    void refuses()
    {
        QVERIFY(m_proxy->setRefusing(true));
        const RawHttp::Response refused = status(3000);
        QCOMPARE(refused.status, 0);
        QVERIFY(m_proxy->setRefusing(false));
        QCOMPARE(status().status, 200);
    }
};

QTEST_GUILESS_MAIN(TestFaultProxy)
#include "TestFaultProxy.moc"
