#include "sale/SaleService.h"

#include "ledger/LedgerRepository.h"
#include "outbox/OutboxRepository.h"
#include "sale/Basket.h"
#include "sale/SaleEffectWriter.h"
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

// Members are named by uuid on the wire; member_id stays for readers of protocol version 1 drafts.
Result<QJsonObject> salePayload(const CompletedSale& sale, const Basket& basket, const TillSettings& settings,
                                const std::optional<CardHolder>& member, const QString& memberUuid,
                                OutboxRepository& outbox)
{
    QJsonArray lines;
    for (qsizetype i = 0; i < basket.lines().size(); ++i) {
        const BasketLine& line = basket.lines()[i];
        lines.append(QJsonObject{{QStringLiteral("ean"), line.product.ean},
                                 {QStringLiteral("quantity"), line.quantity},
                                 {QStringLiteral("unit_price_minor"), line.product.price.minorUnits()},
                                 {QStringLiteral("line_total_minor"), line.total().minorUnits()},
                                 {QStringLiteral("paid_minor"), sale.effects.linePaidMinor.value(i)},
                                 {QStringLiteral("earns_points"), line.product.earnsPoints}});
    }
    QJsonArray effects;
    for (const Effect& effect : sale.effects.effects) {
        QJsonObject object{{QStringLiteral("rule"), effect.ruleId},
                           {QStringLiteral("kind"), effectKindName(effect.kind)},
                           {QStringLiteral("account"), effect.account},
                           {QStringLiteral("amount"), effect.amount},
                           {QStringLiteral("discount_minor"), effect.discountMinor}};
        if (effect.kind == EffectKind::PointsEarned)
            object.insert(QStringLiteral("points"), effect.amount);  // protocol version 1 readers
        if (!effect.code.isEmpty())
            object.insert(QStringLiteral("code"), effect.code);
        if (effect.otherMemberId) {
            const auto otherUuid = outbox.memberUuid(effect.otherMemberId);
            if (!otherUuid)
                return otherUuid.error();
            object.insert(QStringLiteral("other_member_id"), effect.otherMemberId);
            object.insert(QStringLiteral("other_member_uuid"), *otherUuid);
        }
        effects.append(object);
    }
    QJsonObject payload{{QStringLiteral("sale_uuid"), sale.saleUuid},
                        {QStringLiteral("till_id"), settings.tillId},
                        {QStringLiteral("completed_at"), sale.completedAt},
                        {QStringLiteral("currency"), basket.currency()},
                        {QStringLiteral("total_minor"), sale.total.minorUnits()},
                        {QStringLiteral("discount_minor"), sale.effects.discount.minorUnits()},
                        {QStringLiteral("eligible_minor"), member ? sale.effects.eligibleSpend.minorUnits() : 0},
                        {QStringLiteral("programme_version"), sale.programmeVersion},
                        {QStringLiteral("lines"), lines},
                        {QStringLiteral("effects"), effects}};
    if (member) {
        payload.insert(QStringLiteral("member_id"), member->member.id);
        payload.insert(QStringLiteral("member_uuid"), memberUuid);
        payload.insert(QStringLiteral("card_number"), member->cardNumber);
    }
    return payload;
}

}  // namespace

SaleService::SaleService(Database& database, const Clock& clock, const TillSettings& settings,
                         const ProgrammeEngine& engine)
    : m_database(database)
    , m_clock(clock)
    , m_settings(settings)
    , m_engine(engine)
    , m_standings(database.connection())
    , m_couponUsed(database.connection())
    , m_salesToday(database.connection())
    , m_insertSale(database.connection())
    , m_insertLine(database.connection())
    , m_effectWriter(database.connection(), engine.programme())
    , m_outbox(database.connection())
    , m_ledger(database.connection())
{
    m_couponUsed.prepare(QStringLiteral("SELECT 1 FROM coupon_uses WHERE code = ?"));
    m_salesToday.prepare(
        QStringLiteral("SELECT count(*) FROM sales WHERE completed_at >= ? AND completed_at < ? AND till_id = ?"));
    m_insertSale.prepare(
        QStringLiteral("INSERT INTO sales (uuid, till_id, member_id, card_number, currency, total_minor,"
                       " points_earned, state, completed_at, discount_minor, eligible_minor, programme_version)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, 'completed', ?, ?, ?, ?)"));
    m_insertLine.prepare(QStringLiteral("INSERT INTO sale_lines (sale_id, line_no, product_id, ean, name, quantity,"
                                        " unit_price_minor, line_total_minor, earns_points, paid_minor)"
                                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
}

Result<MemberStanding> SaleService::standing(qint64 memberId) const
{
    return m_standings.read(memberId, m_clock.now().toLocalTime(), m_engine.programme());
}

Result<QSet<QString>> SaleService::usedCoupons(const QStringList& codes) const
{
    QSet<QString> used;
    QSqlQuery& query = m_couponUsed;
    for (const QString& typed : codes) {
        const QString code = typed.trimmed().toUpper();
        query.bindValue(0, code);
        if (!query.exec())
            return StoreError::from(query.lastError());
        if (query.next())
            used.insert(code);
        query.finish();
    }
    return used;
}

Result<int> SaleService::saleOfDay(const QDateTime& at) const
{
    const QDateTime dayStart = at.date().startOfDay();
    QSqlQuery& query = m_salesToday;
    query.bindValue(0, dayStart.toUTC().toString(Qt::ISODateWithMs));
    query.bindValue(1, at.toUTC().toString(Qt::ISODateWithMs));
    query.bindValue(2, m_settings.tillId);
    if (!query.exec() || !query.next())
        return StoreError::from(query.lastError());
    const int number = query.value(0).toInt() + 1;
    query.finish();
    return number;
}

Result<EvaluationRequest> SaleService::request(const Basket& basket, const std::optional<CardHolder>& member,
                                               const SaleOptions& options, const QDateTime& at, const QString& saleUuid,
                                               const std::optional<MemberStanding>& known) const
{
    EvaluationRequest request;
    request.basket = &basket;
    request.at = at;
    request.saleUuid = saleUuid;
    request.redeemPoints = options.redeemPoints;
    request.walletSpendMinor = options.walletSpendMinor;
    request.couponCodes = options.couponCodes;
    request.rewardIds = options.rewardIds;
    if (member && known && known->memberId == member->member.id) {
        request.member = *known;
    } else if (member) {
        auto standing = m_standings.read(member->member.id, at, m_engine.programme());
        if (!standing)
            return standing.error();
        request.member = *standing;
    }
    auto used = usedCoupons(options.couponCodes);
    if (!used)
        return used.error();
    request.usedCouponCodes = *used;
    auto number = saleOfDay(at);
    if (!number)
        return number.error();
    request.saleOfDay = *number;
    return request;
}

Result<Evaluation> SaleService::preview(const Basket& basket, const std::optional<CardHolder>& member,
                                        const SaleOptions& options, const std::optional<MemberStanding>& standing) const
{
    if (basket.isEmpty() && options.isEmpty())
        return Evaluation{Money::zero(basket.currency()),
                          Money::zero(basket.currency()),
                          Money::zero(basket.currency()),
                          Money::zero(basket.currency()),
                          {},
                          {},
                          {}};
    // A preview has no sale id yet; surprise draws use the id the sale will get only at completion.
    const auto built = request(basket, member, options, m_clock.now().toLocalTime(), QString(), standing);
    if (!built)
        return built.error();
    return m_engine.evaluate(*built);
}

Result<CompletedSale> SaleService::complete(const Basket& basket, const std::optional<CardHolder>& member,
                                            const SaleOptions& options)
{
    if (basket.isEmpty())
        return Error{Error::Code::InvalidInput, tr("There is nothing to complete: scan a product first.")};
    if (basket.currency() != m_settings.currency)
        return Error{Error::Code::Conflict,
                     tr("The basket is in %1 but the till sells in %2.").arg(basket.currency(), m_settings.currency)};
    if (member && member->cardState != CardState::Active)
        return Error{Error::Code::Refused, tr("The member's card is not active; the sale was not completed.")};

    const QDateTime now = m_clock.now();
    CompletedSale sale;
    sale.saleUuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    sale.completedAt = now.toUTC().toString(Qt::ISODateWithMs);
    sale.total = basket.total();
    sale.itemCount = basket.itemCount();
    sale.programmeVersion = m_engine.programme().version;
    if (member) {
        sale.memberId = member->member.id;
        sale.memberName = member->member.name;
        sale.cardNumber = member->cardNumber;
    }

    const QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();

    // Evaluated inside the transaction, so the balances it spends are the ones committed with it.
    const auto built = request(basket, member, options, now.toLocalTime(), sale.saleUuid);
    if (!built)
        return built.error();
    sale.effects = m_engine.evaluate(*built);
    const Points ownPointsEarned = [&] {
        Points points = 0;
        for (const Effect& effect : sale.effects.effects) {
            if (effect.kind == EffectKind::PointsEarned && !effect.otherMemberId)
                points += effect.amount;
        }
        return points;
    }();

    QSqlQuery& insertSale = m_insertSale;
    insertSale.bindValue(0, sale.saleUuid);
    insertSale.bindValue(1, m_settings.tillId);
    insertSale.bindValue(2, nullable(sale.memberId));
    insertSale.bindValue(3, member ? QVariant(member->cardNumber) : QVariant(QMetaType::fromType<QString>()));
    insertSale.bindValue(4, basket.currency());
    insertSale.bindValue(5, sale.total.minorUnits());
    insertSale.bindValue(6, member ? ownPointsEarned : 0);
    insertSale.bindValue(7, sale.completedAt);
    insertSale.bindValue(8, sale.effects.discount.minorUnits());
    insertSale.bindValue(9, member ? sale.effects.eligibleSpend.minorUnits() : 0);
    insertSale.bindValue(10, sale.programmeVersion);
    if (!insertSale.exec())
        return StoreError::from(insertSale.lastError());
    sale.saleId = insertSale.lastInsertId().toLongLong();

    QSqlQuery& insertLine = m_insertLine;
    for (qsizetype i = 0; i < basket.lines().size(); ++i) {
        const BasketLine& line = basket.lines()[i];
        insertLine.bindValue(0, sale.saleId);
        insertLine.bindValue(1, int(i + 1));
        insertLine.bindValue(2, line.product.id);
        insertLine.bindValue(3, line.product.ean);
        insertLine.bindValue(4, line.product.name);
        insertLine.bindValue(5, line.quantity);
        insertLine.bindValue(6, line.product.price.minorUnits());
        insertLine.bindValue(7, line.total().minorUnits());
        insertLine.bindValue(8, line.product.earnsPoints);
        insertLine.bindValue(9, sale.effects.linePaidMinor.value(i, line.total().minorUnits()));
        if (!insertLine.exec())
            return StoreError::from(insertLine.lastError());
    }

    if (auto written =
            m_effectWriter.write(sale.saleId, sale.memberId, sale.effects, sale.completedAt, now.toLocalTime().date());
        !written)
        return written.error();

    const auto payload =
        salePayload(sale, basket, m_settings, member, built->member ? built->member->memberUuid : QString(), m_outbox);
    if (!payload)
        return payload.error();
    const auto event = m_outbox.append(m_settings.tillId, kSaleCompletedEvent, *payload, sale.saleId, sale.completedAt);
    if (!event)
        return event.error();
    sale.outboxSequence = event->sequence;

    if (member) {
        const auto balance = m_ledger.balance(member->member.id);
        if (!balance)
            return balance.error();
        if (*balance < 0 && sale.effects.pointsRedeemed() > 0)
            return Error{Error::Code::Conflict,
                         tr("The member's points changed meanwhile; the sale was not completed. Try again.")};
        sale.newBalance = *balance;
        const auto wallet = m_ledger.balance(member->member.id, QStringLiteral("wallet"));
        if (!wallet)
            return wallet.error();
        sale.newWalletMinor = *wallet;
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return sale;
}

}  // namespace loyalty
