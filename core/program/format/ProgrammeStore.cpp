#include "program/format/ProgrammeStore.h"

#include "program/format/ProgrammeParser.h"
#include "store/StoreError.h"
#include "store/Transaction.h"

#include <QFile>
#include <QSqlQuery>

namespace loyalty {

ProgrammeStore::ProgrammeStore(const QSqlDatabase& db)
    : m_db(db)
{
}

Result<Programme> ProgrammeStore::activate(const QByteArray& document, const QString& activatedAtIso)
{
    if (Result<Programme> parsed = ProgrammeParser::parse(document); !parsed)
        return parsed.error();
    // The write lock is taken before the version is read, so two activations cannot both pass.
    Transaction transaction(m_db);
    if (const auto begun = transaction.begin(); !begun)
        return begun.error();
    Result<Programme> activated = activateInTransaction(document, activatedAtIso);
    if (!activated)
        return activated.error();
    if (const auto committed = transaction.commit(); !committed)
        return committed.error();
    return activated;
}

Result<Programme> ProgrammeStore::activateInTransaction(const QByteArray& document, const QString& activatedAtIso)
{
    Result<Programme> parsed = ProgrammeParser::parse(document);
    if (!parsed)
        return parsed.error();
    const Programme& programme = parsed.value();
    const Result<int> stored = storedVersion();
    if (!stored)
        return stored.error();
    if (programme.version <= *stored) {
        return Error{Error::Code::Refused,
                     tr("version %1 is not newer than the active version %2")
                         .arg(QString::number(programme.version), QString::number(*stored)),
                     QStringLiteral("programme_not_newer")};
    }
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO programmes (version, programme_id, document, activated_at)"
                                  " VALUES (:version, :id, :document, :at)"));
    insert.bindValue(QStringLiteral(":version"), programme.version);
    insert.bindValue(QStringLiteral(":id"), programme.id);
    // Stored as sent, so what head office signed off is what the till keeps.
    insert.bindValue(QStringLiteral(":document"), QString::fromUtf8(document));
    insert.bindValue(QStringLiteral(":at"), activatedAtIso);
    if (!insert.exec())
        return StoreError::from(insert.lastError());
    return parsed;
}

Result<Programme> ProgrammeStore::active() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT version, document FROM programmes ORDER BY version DESC LIMIT 1")))
        return StoreError::from(query.lastError());
    if (!query.next())
        return builtIn();
    const int version = query.value(0).toInt();
    Result<Programme> parsed = ProgrammeParser::parse(query.value(1).toString().toUtf8());
    if (!parsed) {
        return Error{Error::Code::Corrupt,
                     tr("The active programme (version %1) can no longer be read: %2")
                         .arg(QString::number(version), parsed.error().message),
                     QStringLiteral("programme_unreadable")};
    }
    return parsed;
}

Result<int> ProgrammeStore::activeVersion() const
{
    const Result<int> stored = storedVersion();
    if (!stored || *stored > 0)
        return stored;
    const Result<Programme> fallback = builtIn();
    if (!fallback)
        return fallback.error();
    return fallback->version;
}

Result<int> ProgrammeStore::storedVersion() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM programmes")) || !query.next())
        return StoreError::from(query.lastError());
    return query.value(0).toInt();
}

QByteArray ProgrammeStore::builtInDocument()
{
    QFile file(QStringLiteral(":/programmes/demo.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

Result<Programme> ProgrammeStore::builtIn()
{
    const QByteArray document = builtInDocument();
    if (document.isEmpty()) {
        return Error{Error::Code::Storage, tr("The built-in demo programme is missing from this build."),
                     QStringLiteral("programme_missing")};
    }
    return ProgrammeParser::parse(document);
}

}  // namespace loyalty
