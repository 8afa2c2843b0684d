#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

#include <memory>

class QThread;
class FaultProxyWorker;

// A small HTTP/1.1 proxy on loopback between a till and head office that breaks things on purpose.
// It runs in a thread of its own with its own event loop, because the test thread spends its time
// blocked in QProcess::waitForFinished on loyalty-ctl. Each request is parsed whole, so a fault hits a
// request (or its response) exactly, and the rule in force applies to the next `times` requests whose
// path starts with `pathPrefix`; then the proxy passes everything again.
class FaultProxy final
{
public:
    enum class Fault
    {
        Pass,              // forward the request, return the response
        DropRequest,       // close the connection before anything reaches head office
        DropResponse,      // forward; head office answers; close without a byte of the answer
        CutResponse,       // forward; send the headers and half the body; close
        Delay,             // forward; return the response after delayMs
        Answer500,         // answer 500 itself; head office sees nothing
        Answer429,         // answer 429 with Retry-After: retryAfterSeconds itself
        Hold,              // never answer and keep the connection open (the till times out)
        HoldAfterForward,  // forward; head office answers; never pass it on, keep the connection open
    };

    struct Rule
    {
        Fault fault = Fault::Pass;
        int times = -1;         // how many matching requests; -1: until the rule is replaced
        QByteArray pathPrefix;  // e.g. "/v1/events"; empty: every request
        int skip = 0;           // matching requests to pass untouched before the fault starts
        int delayMs = 0;
        int retryAfterSeconds = 1;
    };

    struct Stats
    {
        int connections = 0;
        int requests = 0;   // complete requests received from the till
        int forwarded = 0;  // sent on to head office
        int faults = 0;     // requests the rule's fault (other than Pass) was applied to
    };

    explicit FaultProxy(quint16 upstreamPort);
    ~FaultProxy();
    Q_DISABLE_COPY_MOVE(FaultProxy)

    // Listens on 127.0.0.1:`port` (0: any free port).
    bool start(quint16 port = 0);
    quint16 port() const { return m_port; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QString error() const { return m_error; }

    void setRule(const Rule& rule);
    void pass() { setRule(Rule{}); }
    // While refusing the proxy does not listen (a connection attempt fails at once) and cuts every
    // open connection; afterwards it listens on the same port again.
    bool setRefusing(bool refusing);
    void setUpstreamPort(quint16 port);

    Stats stats() const;
    // Every complete request received so far (request line, headers, body), in order.
    QList<QByteArray> requests() const;

private:
    friend class FaultProxyWorker;
    friend class FaultProxyConnection;
    // Called from the proxy's thread for each complete request: the fault to apply to it.
    Rule takeRule(const QByteArray& path, const QByteArray& rawRequest);
    void count(int Stats::*field);

    mutable QMutex m_mutex;
    Rule m_rule;
    int m_remaining = -1;
    int m_toSkip = 0;
    Stats m_stats;
    QList<QByteArray> m_requests;
    quint16 m_upstreamPort = 0;

    std::unique_ptr<QThread> m_thread;
    FaultProxyWorker* m_worker = nullptr;
    quint16 m_port = 0;
    QString m_error;
};
