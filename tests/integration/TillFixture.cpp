#include "TillFixture.h"

#include "HqProcess.h"
#include "IntegrationPaths.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <utility>

namespace {

// Runs `sql` on the till's file through a connection of its own and returns the first column of every row.
QStringList queryTill(const QString& path, const QString& sql, const QVariantList& bindings = {})
{
    const QString name = QStringLiteral("till-direct-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    QStringList values;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000;QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery query(db);
            query.setForwardOnly(true);
            if (query.prepare(sql)) {
                for (const QVariant& binding : bindings)
                    query.addBindValue(binding);
                if (query.exec()) {
                    while (query.next())
                        values.append(query.value(0).toString());
                } else {
                    qWarning("till query failed: %s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
                }
            }
        } else {
            qWarning("cannot open the till database %s: %s", qPrintable(path), qPrintable(db.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return values;
}

}  // namespace

TillFixture::TillFixture(const QString& directory, QString name)
    : m_name(std::move(name))
    , m_path(QDir(directory).filePath(m_name.toLower().replace(QLatin1Char(' '), QLatin1Char('-')) +
                                      QStringLiteral(".db")))
{
}

ProcessRun TillFixture::ctl(const QStringList& arguments, int timeoutMs) const
{
    QStringList all{QStringLiteral("--db"), m_path};
    if (m_clockOffset != 0)
        all << QStringLiteral("--clock-offset") << QString::number(m_clockOffset);
    return ProcessRun::run(QStringLiteral(LOYALTY_CTL_PATH), all + arguments, timeoutMs);
}

std::unique_ptr<QProcess> TillFixture::startCtl(const QStringList& arguments) const
{
    QStringList all{QStringLiteral("--db"), m_path};
    if (m_clockOffset != 0)
        all << QStringLiteral("--clock-offset") << QString::number(m_clockOffset);
    auto process = std::make_unique<QProcess>();
    ProcessRun::startPatiently(*process, QStringLiteral(LOYALTY_CTL_PATH), all + arguments);
    return process;
}

std::optional<QJsonObject> TillFixture::ctlJson(const QStringList& arguments, int expectedExit)
{
    const ProcessRun run = ctl(arguments + QStringList{QStringLiteral("--json")});
    if (!run.finishedNormally || run.exitCode != expectedExit || !run.isJsonObject()) {
        m_error = QStringLiteral("%1: expected exit %2 and one JSON object; %3")
                      .arg(m_name)
                      .arg(expectedExit)
                      .arg(run.describe());
        return std::nullopt;
    }
    return run.json();
}

bool TillFixture::createDemo(int members)
{
    return ctlJson({QStringLiteral("demo"), QStringLiteral("--members"), QString::number(members)}).has_value();
}

bool TillFixture::makeBacklog(int sales, int members)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Unset, glibc looks at /etc/localtime on every local-time conversion (thousands per sale); this
    // is the same zone, read once.
    if (!environment.contains(QStringLiteral("TZ")))
        environment.insert(QStringLiteral("TZ"), QStringLiteral(":/etc/localtime"));
    process.setProcessEnvironment(environment);
    ProcessRun::startPatiently(process, QStringLiteral(BACKLOG_MAKER_PATH),
                               {m_path, QString::number(sales), QString::number(members)});
    if (!process.waitForFinished(3'600'000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        m_error = QStringLiteral("backlog_maker failed: %1 %2")
                      .arg(QString::fromUtf8(process.readAllStandardError()), process.errorString());
        return false;
    }
    return true;
}

bool TillFixture::provision(const QString& hqDatabase, const QString& hqUrl, const Provisioning& options)
{
    const ProcessRun terminal =
        HqProcess::cli(hqDatabase, {QStringLiteral("terminal"), QStringLiteral("add"), QStringLiteral("--name"), m_name,
                                    QStringLiteral("--json")});
    const QString code = terminal.json().value(QLatin1String("code")).toString();
    if (!terminal.succeeded() || code.isEmpty()) {
        m_error = QStringLiteral("loyalty-hq terminal add gave no code: %1").arg(terminal.describe());
        return false;
    }
    QStringList arguments{QStringLiteral("provision"), QStringLiteral("--hq"), hqUrl, QStringLiteral("--code"), code};
    if (!options.pin.isEmpty())
        arguments << QStringLiteral("--pin") << options.pin;
    if (!options.caFile.isEmpty())
        arguments << QStringLiteral("--ca") << options.caFile;
    if (options.allowPlainLoopback && hqUrl.startsWith(QLatin1String("http:")))
        arguments << QStringLiteral("--allow-plain-loopback");
    m_provisionArguments = arguments;
    return ctlJson(arguments).has_value();
}

bool TillFixture::resumeProvisioning()
{
    if (m_provisionArguments.isEmpty()) {
        m_error = QStringLiteral("%1 was never provisioned").arg(m_name);
        return false;
    }
    return ctlJson(m_provisionArguments).has_value();
}

ProcessRun TillFixture::sync(int timeoutSeconds) const
{
    return ctl({QStringLiteral("sync"), QStringLiteral("--timeout"), QString::number(timeoutSeconds),
                QStringLiteral("--json")});
}

std::optional<QJsonObject> TillFixture::syncOk(int timeoutSeconds)
{
    const ProcessRun run = sync(timeoutSeconds);
    const QJsonObject summary = run.json();
    if (!run.succeeded() || !summary.value(QLatin1String("online")).toBool() ||
        summary.value(QLatin1String("pending")).toInteger(-1) != 0) {
        m_error =
            QStringLiteral("%1: a sync round that should have delivered everything: %2").arg(m_name, run.describe());
        return std::nullopt;
    }
    return summary;
}

std::optional<QJsonObject> TillFixture::sale(const QString& card, const QStringList& lines, const QStringList& extra)
{
    QStringList arguments{QStringLiteral("sale")};
    if (!card.isEmpty())
        arguments << QStringLiteral("--card") << card;
    for (const QString& line : lines)
        arguments << QStringLiteral("--line") << line;
    return ctlJson(arguments + extra);
}

std::optional<QJsonObject> TillFixture::outbox()
{
    return ctlJson({QStringLiteral("outbox")});
}

std::optional<QJsonObject> TillFixture::balance(const QString& card)
{
    return ctlJson({QStringLiteral("balance"), card});
}

bool TillFixture::check()
{
    const ProcessRun run = ctl({QStringLiteral("check")});
    if (!run.succeeded()) {
        m_error = QStringLiteral("%1: loyalty-ctl check failed: %2").arg(m_name, run.describe());
        return false;
    }
    return true;
}

QString TillFixture::setting(const QString& key) const
{
    const QStringList values = queryTill(m_path, QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key});
    return values.isEmpty() ? QString() : values.first();
}

QString TillFixture::tillId() const
{
    return setting(QStringLiteral("till.id"));
}

QByteArray TillFixture::secret() const
{
    return QByteArray::fromBase64(setting(QStringLiteral("sync.till_secret")).toLatin1());
}

QStringList TillFixture::outboxUuids(const QString& state) const
{
    if (state.isEmpty())
        return queryTill(m_path, QStringLiteral("SELECT uuid FROM outbox_events ORDER BY sequence"));
    return queryTill(m_path, QStringLiteral("SELECT uuid FROM outbox_events WHERE state = ? ORDER BY sequence"),
                     {state});
}

qint64 TillFixture::outboxCount(const QString& state) const
{
    const QStringList values =
        state.isEmpty()
            ? queryTill(m_path, QStringLiteral("SELECT count(*) FROM outbox_events"))
            : queryTill(m_path, QStringLiteral("SELECT count(*) FROM outbox_events WHERE state = ?"), {state});
    return values.isEmpty() ? -1 : values.first().toLongLong();
}
