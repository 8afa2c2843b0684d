#include "admin/ProgrammePublisher.h"

#include "feed/ChangeFeed.h"
#include "keys/HqSigningKey.h"
#include "program/format/ProgrammeParser.h"
#include "store/HqDatabase.h"
#include "store/HqStoreError.h"
#include "store/HqTransaction.h"
#include "sync/protocol/SyncProtocol.h"
#include "time/Clock.h"

#include <QSqlQuery>

namespace loyalty::hq {

ProgrammePublisher::ProgrammePublisher(HqDatabase& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<int> ProgrammePublisher::latestVersion()
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM programmes")) || !query.next())
        return HqStoreError::from(query.lastError());
    return query.value(0).toInt();
}

Result<ProgrammePublisher::Published> ProgrammePublisher::publish(const QByteArray& document)
{
    HqTransaction transaction(m_database);
    if (auto begun = transaction.beginWrite(); !begun)
        return begun.error();
    auto published = publishInTransaction(document);
    if (!published)
        return published;
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return published;
}

Result<ProgrammePublisher::Published> ProgrammePublisher::publishInTransaction(const QByteArray& document)
{
    // The signature covers these bytes and the till verifies them as stored: text that does not
    // survive UTF-8 unchanged would break it.
    const QString text = QString::fromUtf8(document);
    if (text.toUtf8() != document) {
        return Error{Error::Code::InvalidInput, tr("The programme document is not valid UTF-8."),
                     ProgrammeParser::invalidReason()};
    }
    const auto programme = ProgrammeParser::parse(document);
    if (!programme)
        return Error{Error::Code::InvalidInput, programme.error().message, ProgrammeParser::invalidReason()};
    const auto latest = latestVersion();
    if (!latest)
        return latest.error();
    if (programme->version <= *latest) {
        return Error{Error::Code::Refused,
                     tr("The programme has version %1, but version %2 is published already; a new programme needs "
                        "a higher version. Nothing was published.")
                         .arg(programme->version)
                         .arg(*latest),
                     QStringLiteral("not_newer")};
    }
    const auto key = HqSigningKey::load(m_database);
    if (!key)
        return key.error();
    const auto signature = Ed25519::sign(key->secretKey, document);
    if (!signature)
        return signature.error();
    Published published{programme->id, programme->version, programme->name, QString::fromLatin1(signature->toBase64())};

    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral("INSERT INTO programmes (version, programme_id, document, signature, published_at)"
                                  " VALUES (?, ?, ?, ?, ?)"));
    insert.bindValue(0, published.version);
    insert.bindValue(1, published.id);
    insert.bindValue(2, text);
    insert.bindValue(3, published.signature);
    insert.bindValue(4, m_clock.nowIso());
    if (!insert.exec())
        return HqStoreError::from(insert.lastError());
    const QJsonObject data{{QStringLiteral("version"), published.version},
                           {QStringLiteral("document"), text},
                           {QStringLiteral("signature"), published.signature}};
    if (auto appended = ChangeFeed(m_database).append(sync::kProgrammeChange, data, QString()); !appended)
        return appended.error();
    return published;
}

}  // namespace loyalty::hq
