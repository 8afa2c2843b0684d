#include "ScenarioWorld.h"

#include "demo/DemoDataGenerator.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QThread>

ScenarioWorld::ScenarioWorld()
{
    m_directory.setAutoRemove(qEnvironmentVariableIsEmpty("LOYALTY_TEST_KEEP"));
}

bool ScenarioWorld::setUp(int demoMembers, HqProcess::Transport transport)
{
    if (!m_directory.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    if (!m_hqDatabase.create(m_directory.path())) {
        m_error = m_hqDatabase.error();
        return false;
    }
    m_demoMembers = demoMembers;
    const ProcessRun demo =
        HqProcess::cli(m_hqDatabase.url(), {QStringLiteral("demo"), QStringLiteral("--members"),
                                            QString::number(demoMembers), QStringLiteral("--json")});
    if (!demo.succeeded()) {
        m_error = QStringLiteral("head office's demo data: %1").arg(demo.describe());
        return false;
    }
    m_hq = std::make_unique<HqProcess>(m_hqDatabase.url(), m_directory.path());
    if (transport == HqProcess::Transport::Tls) {
        const ProcessRun cert =
            HqProcess::cli(m_hqDatabase.url(), {QStringLiteral("cert"), QStringLiteral("--out"),
                                                m_directory.filePath(QStringLiteral("tls")), QStringLiteral("--json")});
        const QJsonObject paths = cert.json();
        if (!cert.succeeded() || paths.value(QLatin1String("cert")).toString().isEmpty()) {
            m_error = QStringLiteral("loyalty-hq cert: %1").arg(cert.describe());
            return false;
        }
        m_tls = paths;
        m_hq->useTls(paths.value(QLatin1String("cert")).toString(), paths.value(QLatin1String("key")).toString());
    }
    if (!m_hq->start()) {
        m_error = m_hq->error();
        return false;
    }
    return true;
}

TillFixture* ScenarioWorld::addTill(const QString& name, const QString& url, const TillFixture::Provisioning& options)
{
    auto till = std::make_unique<TillFixture>(m_directory.path(), name);
    if (!till->createDemo(m_demoMembers) ||
        !till->provision(m_hqDatabase.url(), url.isEmpty() ? m_hq->url() : url, options)) {
        m_error = till->error() + QLatin1Char('\n') + m_hq->log();
        return nullptr;
    }
    m_tills.push_back(std::move(till));
    return m_tills.back().get();
}

TillFixture* ScenarioWorld::addEmptyTill(const QString& name, const QString& url)
{
    auto till = std::make_unique<TillFixture>(m_directory.path(), name);
    // loyalty-ctl provision needs a database file to exist; an empty one is a new till.
    QFile empty(till->databasePath());
    if (!empty.open(QIODevice::WriteOnly)) {
        m_error = empty.errorString();
        return nullptr;
    }
    empty.close();
    if (!till->provision(m_hqDatabase.url(), url.isEmpty() ? m_hq->url() : url, TillFixture::Provisioning{})) {
        m_error = till->error();
        return nullptr;
    }
    m_tills.push_back(std::move(till));
    return m_tills.back().get();
}

QList<TillFixture*> ScenarioWorld::tills() const
{
    QList<TillFixture*> all;
    for (const auto& till : m_tills)
        all.append(till.get());
    return all;
}

QJsonObject ScenarioWorld::hqJson(const QStringList& arguments)
{
    const ProcessRun run = HqProcess::cli(m_hqDatabase.url(), arguments + QStringList{QStringLiteral("--json")});
    if (!run.succeeded() || !run.isJsonObject()) {
        m_error = run.describe();
        return {};
    }
    return run.json();
}

QString ScenarioWorld::invariants(const QStringList& cards, const Invariants::Options& options)
{
    const QString problems = Invariants::afterScenario(m_hqDatabase.url(), m_hqDatabase, tills(),
                                                       cards.isEmpty() ? allCards() : cards, options);
    if (problems.isEmpty() || !m_hq)
        return problems;
    return problems + QStringLiteral("\n--- head office's log:\n") + m_hq->log();
}

qint64 ScenarioWorld::waitForHqEvents(qint64 atLeast, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    qint64 seen = -1;
    do {
        seen = m_hqDatabase.count(QStringLiteral("events"));
        if (seen >= atLeast)
            return seen;
        QThread::msleep(5);
    } while (!deadline.hasExpired());
    return seen;
}

QString ScenarioWorld::card(qint64 member)
{
    return loyalty::DemoDataGenerator::cardNumberFor(member);
}

QStringList ScenarioWorld::allCards() const
{
    QStringList cards;
    for (int member = 1; member <= m_demoMembers; ++member)
        cards << card(member);
    return cards;
}
