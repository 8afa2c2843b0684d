#pragma once

#include "common/Result.h"
#include "sync/apply/AppliedPage.h"
#include "sync/apply/ChangeFields.h"
#include "sync/apply/ChangeOutcome.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace loyalty::sync {

// Programme versions head office publishes. A document is activated only when its Ed25519
// signature over the document's UTF-8 bytes verifies under head office's key (setting
// sync.hq_public_key, from provisioning) and its version is newer than the active one; otherwise
// it is refused: nothing of it is stored, the refusal is returned (AppliedPage) and kept in the
// setting sync.programme_refused for the status screen, and the rest of the page still applies.
// The version already active, sent again with the same document, is simply unchanged.
class ProgrammeChangeApplier final
{
    Q_DECLARE_TR_FUNCTIONS(ProgrammeChangeApplier)

public:
    ProgrammeChangeApplier(const QSqlDatabase& db, QString nowIso);
    Q_DISABLE_COPY_MOVE(ProgrammeChangeApplier)

    // Refused carries the refusal in `refused`.
    Result<ChangeOutcome> programme(const ChangeFields& change, RefusedProgramme& refused);

private:
    Result<QByteArray> hqPublicKey();
    Result<QString> storedDocument(qint64 version) const;
    Result<ChangeOutcome> refuse(RefusedProgramme& refused, qint64 version, const QString& reason,
                                 const QString& message);

    QSqlDatabase m_db;
    QString m_nowIso;
    std::optional<QByteArray> m_publicKey;  // read once per page
};

}  // namespace loyalty::sync
