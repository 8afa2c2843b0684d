#pragma once

#include "HqDatabase.h"
#include "HqProcess.h"
#include "Invariants.h"
#include "TillFixture.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <vector>

// Everything one scenario runs against, in a QTemporaryDir of its own: head office's database on the
// backend of this test run, `loyalty-hq demo` data, the serving loyalty-hq process and any number of
// tills carrying the same demo data, provisioned against head office (directly or through a proxy).
class ScenarioWorld final
{
public:
    ScenarioWorld();
    Q_DISABLE_COPY_MOVE(ScenarioWorld)

    // Creates head office's database with `demoMembers` demo members and starts serving it.
    bool setUp(int demoMembers, HqProcess::Transport transport = HqProcess::Transport::PlainHttp);
    // A till with the same demo data, provisioned against `url` (empty: head office itself).
    TillFixture* addTill(const QString& name, const QString& url = {},
                         const TillFixture::Provisioning& options = TillFixture::Provisioning{});
    // A till whose database is new and empty: provisioning pulls everything (the snapshot).
    TillFixture* addEmptyTill(const QString& name, const QString& url = {});

    QString directory() const { return m_directory.path(); }
    HqDatabase& hqDatabase() { return m_hqDatabase; }
    HqProcess& hq() { return *m_hq; }
    QList<TillFixture*> tills() const;
    int demoMembers() const { return m_demoMembers; }
    // With Transport::Tls: what `loyalty-hq cert` said ({"cert","key","pin"}).
    QJsonObject tls() const { return m_tls; }
    QString error() const { return m_error; }

    // loyalty-hq --db … ARGUMENTS --json, expected to succeed; empty with error() otherwise.
    QJsonObject hqJson(const QStringList& arguments);
    // Invariants::afterScenario over every till and `cards` (default: every demo member's card).
    QString invariants(const QStringList& cards = {}, const Invariants::Options& options = Invariants::Options{});

    // Polls head office's events table until it holds at least `atLeast` rows; the last count seen
    // (-1 if it cannot be read).
    qint64 waitForHqEvents(qint64 atLeast, int timeoutMs);

    static QString card(qint64 member);
    QStringList allCards() const;

private:
    QTemporaryDir m_directory;
    HqDatabase m_hqDatabase;
    std::unique_ptr<HqProcess> m_hq;
    std::vector<std::unique_ptr<TillFixture>> m_tills;
    int m_demoMembers = 0;
    QJsonObject m_tls;
    QString m_error;
};
