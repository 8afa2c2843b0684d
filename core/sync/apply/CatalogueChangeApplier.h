#pragma once

#include "common/Result.h"
#include "sync/apply/ChangeFields.h"
#include "sync/apply/ChangeOutcome.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace loyalty::sync {

// Head office's reference data: products (keyed by EAN; a product keeps its local id, so sale
// lines that name it stay right), revoked digital cards and the trust list of digital-card keys.
class CatalogueChangeApplier final
{
    Q_DECLARE_TR_FUNCTIONS(CatalogueChangeApplier)

public:
    CatalogueChangeApplier(const QSqlDatabase& db, QString nowIso);
    Q_DISABLE_COPY_MOVE(CatalogueChangeApplier)

    Result<ChangeOutcome> product(const ChangeFields& change);
    Result<ChangeOutcome> revokedCard(const ChangeFields& change);
    Result<ChangeOutcome> cardKey(const ChangeFields& change);

private:
    QString m_nowIso;
    QSqlQuery m_upsertProduct;
    QSqlQuery m_insertRevoked;
    QSqlQuery m_upsertKey;
};

}  // namespace loyalty::sync
