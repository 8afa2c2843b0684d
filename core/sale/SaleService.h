#pragma once

#include "account/MemberStandingReader.h"
#include "common/Result.h"
#include "members/CardHolder.h"
#include "program/ProgrammeEngine.h"
#include "sale/CompletedSale.h"
#include "sale/SaleOptions.h"
#include "settings/TillSettings.h"

#include <QCoreApplication>

#include <optional>

namespace loyalty {

class Basket;
class Clock;
class Database;

// Commits a sale: the sale row, its lines, the programme's effects, the ledger entries they book
// and the outbox event in one SQLite transaction, so after a crash either all of them exist or
// none. The one way every front end (till screen, loyalty-ctl) completes a sale.
class SaleService final
{
    Q_DECLARE_TR_FUNCTIONS(SaleService)

public:
    static inline const QString kSaleCompletedEvent = QStringLiteral("sale.completed");

    SaleService(Database& database, const Clock& clock, const TillSettings& settings, const ProgrammeEngine& engine);

    // What completing `basket` now would give; the same evaluation complete() commits (only the
    // sale's own id, which seeds surprise rewards, differs).
    Result<Evaluation> preview(const Basket& basket, const std::optional<CardHolder>& member,
                               const SaleOptions& options = {}) const;
    Result<MemberStanding> standing(qint64 memberId) const;

    Result<CompletedSale> complete(const Basket& basket, const std::optional<CardHolder>& member,
                                   const SaleOptions& options = {});

private:
    Result<EvaluationRequest> request(const Basket& basket, const std::optional<CardHolder>& member,
                                      const SaleOptions& options, const QDateTime& at, const QString& saleUuid) const;

    Result<QSet<QString>> usedCoupons(const QStringList& codes) const;
    Result<int> saleOfDay(const QDateTime& at) const;

    Database& m_database;
    const Clock& m_clock;
    TillSettings m_settings;
    const ProgrammeEngine& m_engine;
    mutable MemberStandingReader m_standings;
};

}  // namespace loyalty
