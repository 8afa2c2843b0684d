#include "account/ReturnService.h"

#include "account/ProRata.h"
#include "account/StoredTime.h"
#include "ledger/LedgerRepository.h"
#include "money/MoneyFormatter.h"
#include "outbox/OutboxRepository.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "time/Clock.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
#include <QUuid>
#include <QVariant>

#include <algorithm>

namespace loyalty {

namespace {

struct SoldLine
{
    QString name;
    qint64 quantity = 0;
    qint64 paidMinor = 0;
    qint64 returnedBefore = 0;
    qint64 returnedNow = 0;
    qint64 refundMinor = 0;
    bool earns = false;  // the line counted as eligible spend (tiers at head office take it back)
};

struct SaleEffectRow
{
    int effectNo = 0;
    QString ruleId;
    QString kind;
    QString account;
    qint64 amount = 0;
    QMap<int, qint64> lineShares;  // line_no -> share of amount
};

// Kinds whose ledger entry took from the account; their reversal gives back.
bool tookFromAccount(const QString& kind)
{
    return kind == u"points_redeemed" || kind == u"wallet_spent" || kind == u"credit_spent" ||
           kind == u"stamps_redeemed";
}

int pluralCount(qint64 amount)
{
    return static_cast<int>(std::min<qint64>(std::abs(amount), 1000000));
}

QString signedText(qint64 amount, const QString& magnitude)
{
    return (amount < 0 ? QString(QChar(0x2212)) : QStringLiteral("+")) + magnitude;
}

}  // namespace

ReturnService::ReturnService(const QSqlDatabase& db, const Clock& clock, QString tillId)
    : m_db(db)
    , m_clock(clock)
    , m_tillId(std::move(tillId))
    , m_sale(db)
    , m_lines(db)
    , m_returned(db)
    , m_effects(db)
    , m_effectLines(db)
    , m_pointsBalance(db)
    , m_memberUuid(db)
    , m_insertReturn(db)
    , m_insertReturnLine(db)
{
    m_sale.prepare(QStringLiteral("SELECT uuid, member_id, currency FROM sales WHERE id = ?"));
    m_lines.prepare(QStringLiteral("SELECT line_no, name, quantity, coalesce(paid_minor, line_total_minor),"
                                   " earns_points FROM sale_lines WHERE sale_id = ? ORDER BY line_no"));
    m_returned.prepare(QStringLiteral("SELECT rl.line_no, sum(rl.quantity) FROM sale_returns r"
                                      " JOIN return_lines rl ON rl.return_id = r.id"
                                      " WHERE r.sale_id = ? GROUP BY rl.line_no"));
    m_effects.prepare(QStringLiteral("SELECT effect_no, rule_id, kind, account, amount FROM sale_effects"
                                     " WHERE sale_id = ? ORDER BY effect_no"));
    m_effectLines.prepare(QStringLiteral("SELECT effect_no, line_no, amount FROM sale_effect_lines WHERE sale_id = ?"));
    m_pointsBalance.prepare(QStringLiteral("SELECT coalesce(sum(points), 0) FROM ledger_entries"
                                           " WHERE member_id = ? AND account = 'points'"));
    m_memberUuid.prepare(QStringLiteral("SELECT uuid FROM members WHERE id = ?"));
    m_insertReturn.prepare(QStringLiteral("INSERT INTO sale_returns (uuid, sale_id, refund_minor, created_at)"
                                          " VALUES (?, ?, ?, ?)"));
    m_insertReturnLine.prepare(QStringLiteral("INSERT INTO return_lines (return_id, line_no, quantity, refund_minor)"
                                              " VALUES (?, ?, ?, ?)"));
}

Result<CompletedReturn> ReturnService::returnLines(qint64 saleId, const QList<ReturnLineRequest>& lines,
                                                   const Programme& programme)
{
    // The same line asked for twice is one request for both quantities.
    QMap<int, qint64> requested;
    for (const ReturnLineRequest& line : lines) {
        if (line.quantity <= 0) {
            return Error{Error::Code::InvalidInput, tr("The number of items to return must be at least 1."),
                         QStringLiteral("quantity")};
        }
        requested[line.lineNo] += line.quantity;
    }
    if (requested.isEmpty())
        return Error{Error::Code::InvalidInput, tr("Choose at least one item to return."), QStringLiteral("lines")};

    const QString now = m_clock.nowIso();
    const QDate today = StoredTime::localDay(m_clock.now());
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();

    // The sale, its lines and what earlier returns took back.
    m_sale.bindValue(0, saleId);
    if (!m_sale.exec())
        return StoreError::from(m_sale.lastError());
    if (!m_sale.next()) {
        m_sale.finish();
        return Error{Error::Code::NotFound, tr("There is no sale %1 at this till.").arg(saleId),
                     QStringLiteral("sale")};
    }
    const QString saleUuid = m_sale.value(0).toString();
    const std::optional<qint64> memberId =
        m_sale.value(1).isNull() ? std::nullopt : std::optional<qint64>(m_sale.value(1).toLongLong());
    const QString currency = m_sale.value(2).toString();
    m_sale.finish();

    QMap<int, SoldLine> sold;
    m_lines.bindValue(0, saleId);
    if (!m_lines.exec())
        return StoreError::from(m_lines.lastError());
    while (m_lines.next()) {
        SoldLine line;
        line.name = m_lines.value(1).toString();
        line.quantity = m_lines.value(2).toLongLong();
        line.paidMinor = m_lines.value(3).toLongLong();
        line.earns = m_lines.value(4).toInt() == 1;
        sold.insert(m_lines.value(0).toInt(), line);
    }
    m_lines.finish();
    m_returned.bindValue(0, saleId);
    if (!m_returned.exec())
        return StoreError::from(m_returned.lastError());
    while (m_returned.next()) {
        const auto line = sold.find(m_returned.value(0).toInt());
        if (line != sold.end())
            line->returnedBefore = m_returned.value(1).toLongLong();
    }
    m_returned.finish();

    qint64 refundMinor = 0;
    for (auto it = requested.cbegin(); it != requested.cend(); ++it) {
        const auto line = sold.find(it.key());
        if (line == sold.end()) {
            return Error{Error::Code::NotFound, tr("Sale %1 has no line %2.").arg(saleId).arg(it.key()),
                         QStringLiteral("line")};
        }
        const qint64 open = line->quantity - line->returnedBefore;
        if (it.value() > open) {
            return Error{Error::Code::Refused,
                         tr("Only %1 of \"%2\" can still be returned: %3 bought, %4 already returned.")
                             .arg(open)
                             .arg(line->name)
                             .arg(line->quantity)
                             .arg(line->returnedBefore),
                         QStringLiteral("quantity")};
        }
        line->returnedNow = it.value();
        const qint64 after = line->returnedBefore + line->returnedNow;
        line->refundMinor = proRata(line->paidMinor, after, line->quantity) -
                            proRata(line->paidMinor, line->returnedBefore, line->quantity);
        refundMinor += line->refundMinor;
    }
    const bool wholeSaleBack = std::all_of(sold.cbegin(), sold.cend(), [](const SoldLine& line) {
        return line.returnedBefore + line.returnedNow == line.quantity;
    });

    // What the sale's effects gave or took for these items.
    QList<SaleEffectRow> effects;
    m_effects.bindValue(0, saleId);
    if (!m_effects.exec())
        return StoreError::from(m_effects.lastError());
    while (m_effects.next()) {
        effects.append({m_effects.value(0).toInt(),
                        m_effects.value(1).toString(),
                        m_effects.value(2).toString(),
                        m_effects.value(3).toString(),
                        m_effects.value(4).toLongLong(),
                        {}});
    }
    m_effects.finish();
    m_effectLines.bindValue(0, saleId);
    if (!m_effectLines.exec())
        return StoreError::from(m_effectLines.lastError());
    while (m_effectLines.next()) {
        const int effectNo = m_effectLines.value(0).toInt();
        for (SaleEffectRow& effect : effects) {
            if (effect.effectNo == effectNo)
                effect.lineShares.insert(m_effectLines.value(1).toInt(), m_effectLines.value(2).toLongLong());
        }
    }
    m_effectLines.finish();

    const QLocale locale;
    const MoneyFormatter money(locale);
    QStringList returnedItems;
    for (auto it = sold.cbegin(); it != sold.cend(); ++it) {
        if (it->returnedNow > 0)
            returnedItems << tr("%1 × %2").arg(it->returnedNow).arg(it->name);
    }

    CompletedReturn completed;
    completed.saleId = saleId;
    completed.memberId = memberId;
    completed.refund = Money(refundMinor, currency);
    completed.createdAt = now;
    Points pointsChange = 0;
    for (const SaleEffectRow& effect : effects) {
        if (!memberId || effect.account.isEmpty() || effect.kind == u"discount")
            continue;  // a discount is money, already out of the lines' paid amounts
        qint64 magnitude = 0;
        QStringList items;
        if (effect.lineShares.isEmpty()) {
            if (!wholeSaleBack)
                continue;
            magnitude = effect.amount;
            items << tr("the whole sale");
        } else {
            for (auto share = effect.lineShares.cbegin(); share != effect.lineShares.cend(); ++share) {
                const auto line = sold.constFind(share.key());
                if (line == sold.cend() || line->returnedNow == 0)
                    continue;
                const qint64 part = proRata(share.value(), line->returnedBefore + line->returnedNow, line->quantity) -
                                    proRata(share.value(), line->returnedBefore, line->quantity);
                if (part != 0) {
                    magnitude += part;
                    items << tr("%1 × %2").arg(line->returnedNow).arg(line->name);
                }
            }
        }
        if (magnitude == 0)
            continue;
        const qint64 change = tookFromAccount(effect.kind) ? magnitude : -magnitude;
        const QString what = items.join(QStringLiteral(", "));
        QString explanation;
        if (effect.account == u"wallet") {
            explanation = tr("%1 wallet (return of %2)")
                              .arg(signedText(change, money.format(Money(std::abs(change), currency))), what);
        } else if (effect.account.startsWith(u"credit:")) {
            explanation = tr("%1 credit (return of %2)")
                              .arg(signedText(change, money.format(Money(std::abs(change), currency))), what);
        } else if (effect.account.startsWith(u"stamps:")) {
            explanation = tr("%1 stamp(s) (return of %2)", nullptr, pluralCount(change))
                              .arg(signedText(change, locale.toString(std::abs(change))), what);
        } else if (effect.account == u"membership") {
            explanation = tr("%1 day(s) of membership (return of %2)", nullptr, pluralCount(change))
                              .arg(signedText(change, locale.toString(std::abs(change))), what);
        } else {
            explanation = tr("%1 point(s) (return of %2)", nullptr, pluralCount(change))
                              .arg(signedText(change, locale.toString(std::abs(change))), what);
        }
        if (effect.account == u"points")
            pointsChange += change;
        completed.reversed.append({effect.effectNo, effect.ruleId, effect.kind, effect.account, change, explanation});
    }

    // The balance policy: taking back earned points the member has already spent.
    Points balance = 0;
    if (memberId) {
        m_pointsBalance.bindValue(0, *memberId);
        if (!m_pointsBalance.exec() || !m_pointsBalance.next())
            return StoreError::from(m_pointsBalance.lastError());
        balance = m_pointsBalance.value(0).toLongLong();
        m_pointsBalance.finish();
    }
    const Points floor = programme.balance.allowNegative ? -programme.balance.maxNegativePoints : 0;
    if (pointsChange < 0 && balance + pointsChange < floor) {
        if (!programme.balance.allowNegative) {
            return Error{Error::Code::Refused,
                         tr("This return takes back %1 point(s), but the member has only %2 left and the "
                            "programme does not allow a negative balance. Nothing was returned.",
                            nullptr, pluralCount(pointsChange))
                             .arg(locale.toString(-pointsChange), locale.toString(balance)),
                         QStringLiteral("negative_balance")};
        }
        return Error{Error::Code::Refused,
                     tr("This return takes back %1 point(s); the member has %2 and the balance may not go below "
                        "%3. Nothing was returned.",
                        nullptr, pluralCount(pointsChange))
                         .arg(locale.toString(-pointsChange), locale.toString(balance), locale.toString(floor)),
                     QStringLiteral("negative_balance")};
    }
    completed.pointsBalance = balance + pointsChange;

    // Write it all.
    completed.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_insertReturn.bindValue(0, completed.uuid);
    m_insertReturn.bindValue(1, saleId);
    m_insertReturn.bindValue(2, refundMinor);
    m_insertReturn.bindValue(3, now);
    if (!m_insertReturn.exec())
        return StoreError::from(m_insertReturn.lastError());
    completed.returnId = m_insertReturn.lastInsertId().toLongLong();

    QJsonArray linesJson;
    qint64 refundEligibleMinor = 0;
    for (auto it = sold.cbegin(); it != sold.cend(); ++it) {
        if (it->returnedNow == 0)
            continue;
        if (it->earns && memberId)
            refundEligibleMinor += it->refundMinor;
        m_insertReturnLine.bindValue(0, completed.returnId);
        m_insertReturnLine.bindValue(1, it.key());
        m_insertReturnLine.bindValue(2, it->returnedNow);
        m_insertReturnLine.bindValue(3, it->refundMinor);
        if (!m_insertReturnLine.exec())
            return StoreError::from(m_insertReturnLine.lastError());
        linesJson.append(QJsonObject{{QStringLiteral("line_no"), it.key()},
                                     {QStringLiteral("quantity"), it->returnedNow},
                                     {QStringLiteral("refund_minor"), it->refundMinor}});
    }

    LedgerRepository ledger(m_db);
    QJsonArray effectsJson;
    for (const ReversedEffect& reversed : std::as_const(completed.reversed)) {
        LedgerEntry entry;
        entry.memberId = *memberId;
        entry.saleId = saleId;
        entry.returnId = completed.returnId;
        entry.kind = QStringLiteral("reverse");
        entry.account = reversed.account;
        entry.points = reversed.amount;
        entry.reason = reversed.ruleId;
        entry.createdAt = now;
        // Redeemed points given back are a new lot.
        if (reversed.account == u"points" && reversed.amount > 0)
            entry.expiresOn = programme.expiry.expiresOn(today).toString(Qt::ISODate);
        entry.explanation = reversed.explanation;
        if (auto appended = ledger.append(entry); !appended)
            return appended.error();
        effectsJson.append(QJsonObject{{QStringLiteral("rule_id"), reversed.ruleId},
                                       {QStringLiteral("kind"), reversed.kind},
                                       {QStringLiteral("account"), reversed.account},
                                       {QStringLiteral("amount"), reversed.amount}});
    }

    QString memberUuid;
    if (memberId) {
        m_memberUuid.bindValue(0, *memberId);
        if (!m_memberUuid.exec())
            return StoreError::from(m_memberUuid.lastError());
        if (m_memberUuid.next())
            memberUuid = m_memberUuid.value(0).toString();
        m_memberUuid.finish();
    }
    const QJsonObject payload{{QStringLiteral("return_uuid"), completed.uuid},
                              {QStringLiteral("sale_uuid"), saleUuid},
                              {QStringLiteral("member_uuid"), memberId ? QJsonValue(memberUuid) : QJsonValue()},
                              {QStringLiteral("currency"), currency},
                              {QStringLiteral("refund_minor"), refundMinor},
                              {QStringLiteral("lines"), linesJson},
                              {QStringLiteral("effects"), effectsJson},
                              {QStringLiteral("created_at"), now},
                              {QStringLiteral("refund_eligible_minor"), refundEligibleMinor}};
    if (auto event = OutboxRepository(m_db).append(m_tillId, kSaleReturnedEvent, payload, saleId, now); !event)
        return event.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return completed;
}

}  // namespace loyalty
