#include "sync/apply/ProgrammeChangeApplier.h"

#include "cards/digital/Ed25519.h"
#include "program/format/ProgrammeParser.h"
#include "program/format/ProgrammeStore.h"
#include "settings/SettingsRepository.h"
#include "store/StoreError.h"
#include "sync/SyncSettingKeys.h"
#include "sync/apply/ChangeApplier.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace loyalty::sync {

ProgrammeChangeApplier::ProgrammeChangeApplier(const QSqlDatabase& db, QString nowIso)
    : m_db(db)
    , m_nowIso(std::move(nowIso))
{
}

Result<QByteArray> ProgrammeChangeApplier::hqPublicKey()
{
    if (!m_publicKey) {
        const auto stored = SettingsRepository(m_db).value(kHqPublicKeyKey);
        if (!stored)
            return stored.error();
        m_publicKey = stored->has_value() ? QByteArray::fromBase64((*stored)->toLatin1()) : QByteArray();
    }
    return *m_publicKey;
}

Result<QString> ProgrammeChangeApplier::storedDocument(qint64 version) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT document FROM programmes WHERE version = ?"));
    query.bindValue(0, version);
    if (!query.exec())
        return StoreError::from(query.lastError());
    return query.next() ? query.value(0).toString() : QString();
}

Result<ChangeOutcome> ProgrammeChangeApplier::refuse(RefusedProgramme& refused, qint64 version, const QString& reason,
                                                     const QString& message)
{
    refused = {version, reason, message};
    const QJsonObject record{{QStringLiteral("version"), version},
                             {QStringLiteral("reason"), reason},
                             {QStringLiteral("message"), message},
                             {QStringLiteral("at"), m_nowIso}};
    if (auto kept =
            SettingsRepository(m_db).setValue(ChangeApplier::kRefusedProgrammeKey,
                                              QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact)));
        !kept)
        return kept.error();
    return ChangeOutcome::Refused;
}

Result<ChangeOutcome> ProgrammeChangeApplier::programme(const ChangeFields& change, RefusedProgramme& refused)
{
    const auto version = change.integer(QStringLiteral("version"));
    if (!version)
        return version.error();
    const auto document = change.text(QStringLiteral("document"));
    if (!document)
        return document.error();
    const QByteArray bytes = document->toUtf8();
    const QByteArray signature = QByteArray::fromBase64(change.optionalText(QStringLiteral("signature")).toLatin1());

    const auto key = hqPublicKey();
    if (!key)
        return key.error();
    if (key->size() != Ed25519::kKeySize) {
        return refuse(refused, *version, QStringLiteral("no_hq_key"),
                      tr("Programme version %1 was not activated: this till has no head office key to check its "
                         "signature with.")
                          .arg(*version));
    }
    if (!Ed25519::verify(*key, bytes, signature)) {
        return refuse(refused, *version, QStringLiteral("bad_signature"),
                      tr("Programme version %1 was not activated: its signature is not head office's.").arg(*version));
    }

    const auto already = storedDocument(*version);
    if (!already)
        return already.error();
    if (!already->isNull() && *already == *document)
        return ChangeOutcome::Unchanged;  // the same version sent again

    const auto parsed = ProgrammeParser::parse(bytes);
    if (!parsed) {
        return refuse(refused, *version, parsed.error().reason,
                      tr("Programme version %1 was not activated: %2").arg(*version).arg(parsed.error().message));
    }
    if (parsed->version != *version) {
        return refuse(refused, *version, QStringLiteral("programme_version_mismatch"),
                      tr("Programme version %1 was not activated: the document says it is version %2.")
                          .arg(*version)
                          .arg(parsed->version));
    }
    const auto activated = ProgrammeStore(m_db).activateInTransaction(bytes, m_nowIso);
    if (!activated) {
        if (activated.error().reason == u"programme_not_newer") {
            return refuse(
                refused, *version, activated.error().reason,
                tr("Programme version %1 was not activated: %2").arg(*version).arg(activated.error().message));
        }
        return activated.error();
    }
    return ChangeOutcome::Applied;
}

}  // namespace loyalty::sync
