#pragma once

// A demo till for the receipt tests: the demo programme (tiers, stamp cards, expiry), demo members and
// products, and real sales completed through SaleSession at a clock the test moves on.
#include "demo/DemoDataGenerator.h"
#include "sale/ActiveProgramme.h"
#include "sale/SaleSession.h"
#include "settings/SettingsRepository.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>

#include <memory>

namespace loyalty::test {

class ReceiptFixture final
{
public:
    // Demo products: bread (the bakery stamp card), a second bakery article, coffee (the coffee stamp card) and
    // espresso beans (extra points, coffee stamp card).
    static inline const QString kBread = QStringLiteral("4006381000000");
    static inline const QString kSecond = QStringLiteral("4006381000017");
    static inline const QString kCoffee = QStringLiteral("4006381000031");
    static inline const QString kEspresso = QStringLiteral("4006381000130");

    ReceiptFixture()
        : m_clock(QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC))
    {
    }
    Q_DISABLE_COPY_MOVE(ReceiptFixture)

    // An empty string when the till is ready, else why not.
    QString open(qint64 members = 20)
    {
        if (!m_dir.isValid())
            return QStringLiteral("no temporary directory");
        auto opened = Database::open(m_dir.filePath(QStringLiteral("till.db")), m_clock);
        if (!opened.ok())
            return opened.error().message;
        m_database = std::move(opened).value();
        if (auto generated = DemoDataGenerator(*m_database, m_clock).generate(members); !generated)
            return generated.error().message;
        const auto settings = TillSettings::load(m_database->connection());
        if (!settings)
            return settings.error().message;
        m_settings = std::make_unique<TillSettings>(*settings);
        return {};
    }

    // Completes a sale an hour after the previous one: the member's card (empty: no member), then the products.
    Result<CompletedSale> sell(const QString& card, const QStringList& eans)
    {
        m_clock.advanceSeconds(3600);
        SaleSession session(*m_database, m_clock, *m_settings);
        if (!card.isEmpty() && session.scan(card).kind != ScanOutcome::Kind::MemberAttached)
            return Error{Error::Code::Refused, QStringLiteral("card %1 not attached").arg(card)};
        for (const QString& ean : eans) {
            if (session.scan(ean).kind != ScanOutcome::Kind::ProductAdded)
                return Error{Error::Code::Refused, QStringLiteral("product %1 not added").arg(ean)};
        }
        return session.complete();
    }

    QString setSetting(const QString& key, const QString& value)
    {
        const auto set = SettingsRepository(db()).setValue(key, value);
        return set ? QString() : set.error().message;
    }

    QVariant scalar(const QString& sql, const QVariantList& values = {}) const
    {
        QSqlQuery query(db());
        query.prepare(sql);
        for (int i = 0; i < values.size(); ++i)
            query.bindValue(i, values.at(i));
        if (!query.exec()) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            return {};
        }
        return query.next() ? query.value(0) : QVariant();
    }

    QString exec(const QString& sql, const QVariantList& values = {}) const
    {
        QSqlQuery query(db());
        query.prepare(sql);
        for (int i = 0; i < values.size(); ++i)
            query.bindValue(i, values.at(i));
        return query.exec() ? QString() : query.lastError().text();
    }

    QSqlDatabase db() const { return m_database->connection(); }
    Database& database() { return *m_database; }
    FixedClock& clock() { return m_clock; }
    const TillSettings& settings() const { return *m_settings; }
    QString path(const QString& name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    FixedClock m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<TillSettings> m_settings;
};

}  // namespace loyalty::test
