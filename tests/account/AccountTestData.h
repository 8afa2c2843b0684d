#pragma once

// Test data for the account tests, written straight into a migrated till database with SQL: members,
// sales with their lines, effects and line shares, and ledger entries, as a sale would book them.
#include "account/StoredTime.h"
#include "core/CoreTestSupport.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QDateTime>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QVariant>

#include <memory>

namespace loyalty::test {

struct SoldItem
{
    QString name;
    qint64 quantity = 1;
    qint64 paidMinor = 0;
    bool earns = true;
};

class AccountTestData final
{
public:
    explicit AccountTestData(const QDateTime& now)
        : m_clock(now)
    {
        if (!m_dir.isValid())
            return;
        auto opened = Database::open(m_dir.filePath(QStringLiteral("till.db")), m_clock);
        if (!opened.ok()) {
            qWarning("%s", qPrintable(opened.error().message));
            return;
        }
        m_database = std::move(opened).value();
        exec(QStringLiteral("INSERT INTO products (id, ean, name, price_minor, currency, category, earns_points,"
                            " discountable) VALUES (1, '4000000000006', 'Test product', 100, 'EUR', 'Food', 1, 1)"));
    }
    Q_DISABLE_COPY_MOVE(AccountTestData)

    bool isOpen() const { return m_database != nullptr; }
    QSqlDatabase db() const { return m_database->connection(); }
    FixedClock& clock() { return m_clock; }
    QString tillId() const
    {
        return scalar(QStringLiteral("SELECT value FROM settings WHERE key = 'till.id'")).toString();
    }

    qint64 addMember(const QString& name, const QDate& birthDate = {}, const QDateTime& enrolledAt = {},
                     std::optional<qint64> referredBy = std::nullopt)
    {
        QSqlQuery query(db());
        query.prepare(QStringLiteral("INSERT INTO members (name, birth_date, enrolled_at, uuid, referred_by)"
                                     " VALUES (?, ?, ?, ?, ?)"));
        query.bindValue(0, name);
        query.bindValue(1, birthDate.isValid() ? QVariant(birthDate.toString(Qt::ISODate))
                                               : QVariant(QMetaType::fromType<QString>()));
        query.bindValue(2, StoredTime::instant(enrolledAt.isValid() ? enrolledAt : m_clock.now()));
        query.bindValue(3, QUuid::createUuid().toString(QUuid::WithoutBraces));
        query.bindValue(4, referredBy ? QVariant(*referredBy) : QVariant(QMetaType::fromType<qint64>()));
        return run(query);
    }

    // A completed sale; its lines are numbered 1, 2, ... in the order given.
    qint64 addSale(std::optional<qint64> memberId, const QDateTime& at, const QList<SoldItem>& items,
                   std::optional<qint64> eligibleMinor = std::nullopt)
    {
        qint64 total = 0;
        qint64 eligible = 0;
        for (const SoldItem& item : items) {
            total += item.paidMinor;
            if (item.earns)
                eligible += item.paidMinor;
        }
        QSqlQuery sale(db());
        sale.prepare(
            QStringLiteral("INSERT INTO sales (uuid, till_id, member_id, currency, total_minor, state,"
                           " completed_at, eligible_minor) VALUES (?, 'till', ?, 'EUR', ?, 'completed', ?, ?)"));
        sale.bindValue(0, QUuid::createUuid().toString(QUuid::WithoutBraces));
        sale.bindValue(1, memberId ? QVariant(*memberId) : QVariant(QMetaType::fromType<qint64>()));
        sale.bindValue(2, total);
        sale.bindValue(3, StoredTime::instant(at));
        sale.bindValue(4, eligibleMinor.value_or(eligible));
        const qint64 saleId = run(sale);
        int lineNo = 0;
        for (const SoldItem& item : items) {
            QSqlQuery line(db());
            line.prepare(QStringLiteral("INSERT INTO sale_lines (sale_id, line_no, product_id, ean, name, quantity,"
                                        " unit_price_minor, line_total_minor, earns_points, paid_minor)"
                                        " VALUES (?, ?, 1, '4000000000006', ?, ?, 0, ?, ?, ?)"));
            line.bindValue(0, saleId);
            line.bindValue(1, ++lineNo);
            line.bindValue(2, item.name);
            line.bindValue(3, item.quantity);
            line.bindValue(4, item.paidMinor);
            line.bindValue(5, item.earns ? 1 : 0);
            line.bindValue(6, item.paidMinor);
            run(line);
        }
        m_effectCount[saleId] = 0;
        return saleId;
    }

    // An effect of a sale with its line shares (line_no -> share) and, for effects booked to an
    // account, its ledger entry as the sale writes it: taken kinds negative as 'redeem', others 'earn'.
    void addEffect(qint64 saleId, const QString& ruleId, const QString& kind, const QString& account, qint64 amount,
                   const QMap<int, qint64>& shares = {}, const QDate& expiresOn = {})
    {
        const int effectNo = ++m_effectCount[saleId];
        QSqlQuery effect(db());
        effect.prepare(QStringLiteral("INSERT INTO sale_effects (sale_id, effect_no, rule_id, kind, account, amount,"
                                      " discount_minor, explanation) VALUES (?, ?, ?, ?, ?, ?, 0, 'test')"));
        effect.bindValue(0, saleId);
        effect.bindValue(1, effectNo);
        effect.bindValue(2, ruleId);
        effect.bindValue(3, kind);
        effect.bindValue(4, account);
        effect.bindValue(5, amount);
        run(effect);
        for (auto it = shares.cbegin(); it != shares.cend(); ++it) {
            QSqlQuery share(db());
            share.prepare(QStringLiteral("INSERT INTO sale_effect_lines (sale_id, effect_no, line_no, amount)"
                                         " VALUES (?, ?, ?, ?)"));
            share.bindValue(0, saleId);
            share.bindValue(1, effectNo);
            share.bindValue(2, it.key());
            share.bindValue(3, it.value());
            run(share);
        }
        if (account.isEmpty())
            return;
        const bool taken = kind == u"points_redeemed" || kind == u"wallet_spent" || kind == u"credit_spent" ||
                           kind == u"stamps_redeemed";
        QSqlQuery sale(db());
        sale.prepare(QStringLiteral("SELECT member_id, completed_at FROM sales WHERE id = ?"));
        sale.bindValue(0, saleId);
        if (!sale.exec() || !sale.next())
            return;
        const qint64 memberId = sale.value(0).toLongLong();
        const QString at = sale.value(1).toString();
        addEntryAt(memberId, account, taken ? QStringLiteral("redeem") : QStringLiteral("earn"),
                   taken ? -amount : amount, at, ruleId, saleId, expiresOn);
    }

    qint64 addEntry(qint64 memberId, const QString& account, const QString& kind, qint64 amount, const QDateTime& at,
                    const QString& reason = QStringLiteral("test"), const QDate& expiresOn = {})
    {
        return addEntryAt(memberId, account, kind, amount, StoredTime::instant(at), reason, std::nullopt, expiresOn);
    }

    // A sale the member made at another till, as head office's feed reports it (remote_sales).
    void addRemoteSale(qint64 memberId, const QDateTime& at, qint64 eligibleMinor, qint64 refundedEligibleMinor = 0,
                       const QString& tillId = QStringLiteral("other-till"))
    {
        QSqlQuery query(db());
        query.prepare(QStringLiteral("INSERT INTO remote_sales (uuid, member_id, till_id, completed_at, eligible_minor,"
                                     " refunded_eligible_minor) VALUES (?, ?, ?, ?, ?, ?)"));
        query.bindValue(0, QUuid::createUuid().toString(QUuid::WithoutBraces));
        query.bindValue(1, memberId);
        query.bindValue(2, tillId);
        query.bindValue(3, StoredTime::instant(at));
        query.bindValue(4, eligibleMinor);
        query.bindValue(5, refundedEligibleMinor);
        run(query);
    }

    // The sale's outbox event in `state` ("pending", "acknowledged", "rejected").
    void addSaleEvent(qint64 saleId, const QString& state)
    {
        QSqlQuery query(db());
        query.prepare(QStringLiteral("INSERT INTO outbox_events (uuid, till_id, sequence, type, payload, sale_id,"
                                     " created_at, state, rejected_reason) VALUES (?, 'till',"
                                     " (SELECT coalesce(max(sequence), 0) + 1 FROM outbox_events), 'sale.completed',"
                                     " '{}', ?, ?, ?, ?)"));
        query.bindValue(0, QUuid::createUuid().toString(QUuid::WithoutBraces));
        query.bindValue(1, saleId);
        query.bindValue(2, StoredTime::instant(m_clock.now()));
        query.bindValue(3, state);
        query.bindValue(4, state == u"rejected" ? QVariant(QStringLiteral("unknown_member"))
                                                : QVariant(QMetaType::fromType<QString>()));
        run(query);
    }

    qint64 balance(qint64 memberId, const QString& account = QStringLiteral("points")) const
    {
        QSqlQuery query(db());
        query.prepare(QStringLiteral("SELECT coalesce(sum(points), 0) FROM ledger_entries"
                                     " WHERE member_id = ? AND account = ?"));
        query.bindValue(0, memberId);
        query.bindValue(1, account);
        if (!query.exec() || !query.next())
            return -999999;
        return query.value(0).toLongLong();
    }

    QVariant scalar(const QString& sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

    void exec(const QString& sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql))
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    }

private:
    qint64 addEntryAt(qint64 memberId, const QString& account, const QString& kind, qint64 amount, const QString& at,
                      const QString& reason, std::optional<qint64> saleId, const QDate& expiresOn)
    {
        QSqlQuery query(db());
        query.prepare(QStringLiteral("INSERT INTO ledger_entries (member_id, sale_id, kind, points, reason, created_at,"
                                     " account, expires_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        query.bindValue(0, memberId);
        query.bindValue(1, saleId ? QVariant(*saleId) : QVariant(QMetaType::fromType<qint64>()));
        query.bindValue(2, kind);
        query.bindValue(3, amount);
        query.bindValue(4, reason);
        query.bindValue(5, at);
        query.bindValue(6, account);
        query.bindValue(7, expiresOn.isValid() ? QVariant(expiresOn.toString(Qt::ISODate))
                                               : QVariant(QMetaType::fromType<QString>()));
        return run(query);
    }

    static qint64 run(QSqlQuery& query)
    {
        if (!query.exec()) {
            qWarning("%s", qPrintable(query.lastError().text()));
            return -1;
        }
        return query.lastInsertId().toLongLong();
    }

    QTemporaryDir m_dir;
    FixedClock m_clock;
    std::unique_ptr<Database> m_database;
    QMap<qint64, int> m_effectCount;
};

}  // namespace loyalty::test
