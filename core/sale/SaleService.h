#pragma once

#include "common/Result.h"
#include "members/CardHolder.h"
#include "program/EarnRule.h"
#include "sale/CompletedSale.h"
#include "settings/TillSettings.h"

#include <QCoreApplication>

#include <optional>

namespace loyalty {

class Basket;
class Clock;
class Database;

// Commits a sale: the sale row, its lines, its ledger entries and its outbox event in one SQLite
// transaction, so after a crash either all of them exist or none. The one way every front end
// (till screen, loyalty-ctl) completes a sale.
class SaleService final
{
    Q_DECLARE_TR_FUNCTIONS(SaleService)

public:
    static inline const QString kSaleCompletedEvent = QStringLiteral("sale.completed");

    SaleService(Database& database, const Clock& clock, const TillSettings& settings);

    // What completing `basket` now would earn; the same evaluation complete() commits.
    SaleEffects preview(const Basket& basket) const;

    Result<CompletedSale> complete(const Basket& basket, const std::optional<CardHolder>& member);

private:
    Database& m_database;
    const Clock& m_clock;
    TillSettings m_settings;
    EarnRule m_earnRule;
};

}  // namespace loyalty
