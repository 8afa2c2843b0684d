#pragma once

#include "account/MemberStandingReader.h"
#include "common/Result.h"
#include "ledger/LedgerRepository.h"
#include "members/CardHolder.h"
#include "outbox/OutboxRepository.h"
#include "program/ProgrammeEngine.h"
#include "sale/CompletedSale.h"
#include "sale/SaleEffectWriter.h"
#include "sale/SaleOptions.h"
#include "settings/TillSettings.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <optional>

namespace loyalty {

class Basket;
class Clock;
class Database;

// Commits a sale: the sale row, its lines, the programme's effects, the ledger entries they book
// and the outbox event in one SQLite transaction, so after a crash either all of them exist or
// none. The one way every front end (till screen, loyalty-ctl) completes a sale. Its statements
// are prepared once, for the service's life, not per sale.
class SaleService final
{
    Q_DECLARE_TR_FUNCTIONS(SaleService)

public:
    static inline const QString kSaleCompletedEvent = QStringLiteral("sale.completed");

    SaleService(Database& database, const Clock& clock, const TillSettings& settings, const ProgrammeEngine& engine);
    Q_DISABLE_COPY_MOVE(SaleService)

    // What completing `basket` now would give; the same evaluation complete() commits (only the
    // sale's own id, which seeds surprise rewards, differs).
    // `standing`, when given, is the member's standing read earlier (at attach) and used instead of
    // reading it again: a preview only shows what the sale would give, complete() always reads
    // the standing again inside its write transaction.
    Result<Evaluation> preview(const Basket& basket, const std::optional<CardHolder>& member,
                               const SaleOptions& options = {},
                               const std::optional<MemberStanding>& standing = std::nullopt) const;
    Result<MemberStanding> standing(qint64 memberId) const;

    Result<CompletedSale> complete(const Basket& basket, const std::optional<CardHolder>& member,
                                   const SaleOptions& options = {});

private:
    Result<EvaluationRequest> request(const Basket& basket, const std::optional<CardHolder>& member,
                                      const SaleOptions& options, const QDateTime& at, const QString& saleUuid,
                                      const std::optional<MemberStanding>& known = std::nullopt) const;

    Result<QSet<QString>> usedCoupons(const QStringList& codes) const;
    Result<int> saleOfDay(const QDateTime& at) const;

    Database& m_database;
    const Clock& m_clock;
    TillSettings m_settings;
    const ProgrammeEngine& m_engine;
    mutable MemberStandingReader m_standings;
    mutable QSqlQuery m_couponUsed;
    mutable QSqlQuery m_salesToday;
    QSqlQuery m_insertSale;
    QSqlQuery m_insertLine;
    SaleEffectWriter m_effectWriter;
    OutboxRepository m_outbox;
    LedgerRepository m_ledger;
};

}  // namespace loyalty
