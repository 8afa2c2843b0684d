#include "sale/SaleService.h"

#include "ledger/LedgerRepository.h"
#include "outbox/OutboxRepository.h"
#include "sale/Basket.h"
#include "store/Database.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "time/Clock.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QUuid>

namespace loyalty {

namespace {

QVariant nullable(const std::optional<qint64>& value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

QJsonObject salePayload(const CompletedSale& sale, const Basket& basket, const TillSettings& settings,
                        const std::optional<CardHolder>& member)
{
    QJsonArray lines;
    for (const BasketLine& line : basket.lines()) {
        lines.append(QJsonObject{{QStringLiteral("ean"), line.product.ean},
                                 {QStringLiteral("quantity"), line.quantity},
                                 {QStringLiteral("unit_price_minor"), line.product.price.minorUnits()},
                                 {QStringLiteral("line_total_minor"), line.total().minorUnits()},
                                 {QStringLiteral("earns_points"), line.product.earnsPoints}});
    }
    QJsonArray effects;
    for (const Effect& effect : sale.effects.effects) {
        effects.append(QJsonObject{{QStringLiteral("rule"), effect.ruleId}, {QStringLiteral("points"), effect.points}});
    }
    QJsonObject payload{{QStringLiteral("sale_uuid"), sale.saleUuid},
                        {QStringLiteral("till_id"), settings.tillId},
                        {QStringLiteral("completed_at"), sale.completedAt},
                        {QStringLiteral("currency"), basket.currency()},
                        {QStringLiteral("total_minor"), sale.total.minorUnits()},
                        {QStringLiteral("lines"), lines},
                        {QStringLiteral("effects"), effects}};
    if (member) {
        payload.insert(QStringLiteral("member_id"), member->member.id);
        payload.insert(QStringLiteral("card_number"), member->cardNumber);
    }
    return payload;
}

}  // namespace

SaleService::SaleService(Database& database, const Clock& clock, const TillSettings& settings)
    : m_database(database)
    , m_clock(clock)
    , m_settings(settings)
    , m_earnRule(settings.earnUnitMinor, settings.earnPointsPerUnit)
{
}

SaleEffects SaleService::preview(const Basket& basket) const
{
    return m_earnRule.evaluate(basket);
}

Result<CompletedSale> SaleService::complete(const Basket& basket, const std::optional<CardHolder>& member)
{
    if (basket.isEmpty())
        return Error{Error::Code::InvalidInput, tr("There is nothing to complete: scan a product first.")};
    if (basket.currency() != m_settings.currency)
        return Error{Error::Code::Conflict,
                     tr("The basket is in %1 but the till sells in %2.").arg(basket.currency(), m_settings.currency)};
    if (member && member->cardState != CardState::Active)
        return Error{Error::Code::Refused, tr("The member's card is not active; the sale was not completed.")};

    CompletedSale sale;
    sale.saleUuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    sale.completedAt = m_clock.nowIso();
    sale.total = basket.total();
    sale.itemCount = basket.itemCount();
    sale.effects = m_earnRule.evaluate(basket);
    if (!member)
        sale.effects.effects.clear();  // without a member nobody earns
    if (member) {
        sale.memberId = member->member.id;
        sale.memberName = member->member.name;
    }

    const QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();

    QSqlQuery insertSale(db);
    insertSale.prepare(
        QStringLiteral("INSERT INTO sales (uuid, till_id, member_id, card_number, currency, total_minor,"
                       " points_earned, state, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'completed', ?)"));
    insertSale.bindValue(0, sale.saleUuid);
    insertSale.bindValue(1, m_settings.tillId);
    insertSale.bindValue(2, nullable(sale.memberId));
    insertSale.bindValue(3, member ? QVariant(member->cardNumber) : QVariant(QMetaType::fromType<QString>()));
    insertSale.bindValue(4, basket.currency());
    insertSale.bindValue(5, sale.total.minorUnits());
    insertSale.bindValue(6, sale.effects.pointsEarned());
    insertSale.bindValue(7, sale.completedAt);
    if (!insertSale.exec())
        return StoreError::from(insertSale.lastError());
    sale.saleId = insertSale.lastInsertId().toLongLong();

    QSqlQuery insertLine(db);
    insertLine.prepare(
        QStringLiteral("INSERT INTO sale_lines (sale_id, line_no, product_id, ean, name, quantity,"
                       " unit_price_minor, line_total_minor, earns_points) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    int lineNo = 0;
    for (const BasketLine& line : basket.lines()) {
        insertLine.bindValue(0, sale.saleId);
        insertLine.bindValue(1, ++lineNo);
        insertLine.bindValue(2, line.product.id);
        insertLine.bindValue(3, line.product.ean);
        insertLine.bindValue(4, line.product.name);
        insertLine.bindValue(5, line.quantity);
        insertLine.bindValue(6, line.product.price.minorUnits());
        insertLine.bindValue(7, line.total().minorUnits());
        insertLine.bindValue(8, line.product.earnsPoints);
        if (!insertLine.exec())
            return StoreError::from(insertLine.lastError());
    }

    LedgerRepository ledger(db);
    if (member) {
        for (const Effect& effect : sale.effects.effects) {
            LedgerEntry entry{0,
                              member->member.id,
                              sale.saleId,
                              QStringLiteral("earn"),
                              effect.points,
                              effect.ruleId,
                              sale.completedAt};
            if (auto appended = ledger.append(entry); !appended)
                return appended.error();
        }
    }

    OutboxRepository outbox(db);
    const auto event = outbox.append(m_settings.tillId, kSaleCompletedEvent,
                                     salePayload(sale, basket, m_settings, member), sale.saleId, sale.completedAt);
    if (!event)
        return event.error();
    sale.outboxSequence = event->sequence;

    if (member) {
        const auto balance = ledger.balance(member->member.id);
        if (!balance)
            return balance.error();
        sale.newBalance = *balance;
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return sale;
}

}  // namespace loyalty
