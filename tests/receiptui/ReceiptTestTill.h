#pragma once

// A real till database for the receipt ui tests: the demo shop and programme, and sales made through the
// real SaleSession, so every receipt is read back from what the till committed.
#include "demo/DemoDataGenerator.h"
#include "sale/CompletedSale.h"
#include "sale/SaleSession.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QDateTime>
#include <QStringList>

#include <memory>
#include <optional>

namespace loyalty::test {

class ReceiptTestTill final
{
public:
    explicit ReceiptTestTill(const QString& databasePath)
        : m_clock(QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC))
    {
        auto opened = Database::open(databasePath, m_clock);
        if (!opened) {
            m_problem = opened.error().message;
            return;
        }
        m_database = std::move(opened).value();
        if (const auto generated = DemoDataGenerator(*m_database, m_clock).generate(100); !generated) {
            m_problem = generated.error().message;
            return;
        }
        const auto settings = TillSettings::load(m_database->connection());
        if (!settings) {
            m_problem = settings.error().message;
            return;
        }
        m_settings = *settings;
        m_session = std::make_unique<SaleSession>(*m_database, m_clock, m_settings);
    }
    Q_DISABLE_COPY_MOVE(ReceiptTestTill)

    // Empty when the till is ready.
    const QString& problem() const { return m_problem; }

    Database& database() { return *m_database; }
    SaleSession& session() { return *m_session; }
    FixedClock& clock() { return m_clock; }

    // Sells the demo products `productIndexes` (to the member when given) and completes the sale a minute
    // after the previous one.
    Result<CompletedSale> sell(std::optional<qint64> memberId, const QList<int>& productIndexes)
    {
        m_clock.advanceSeconds(60);
        if (memberId)
            m_session->scan(DemoDataGenerator::cardNumberFor(*memberId));
        for (const int index : productIndexes)
            m_session->scan(DemoDataGenerator::productEanFor(index));
        return m_session->complete();
    }

private:
    FixedClock m_clock;
    std::unique_ptr<Database> m_database;
    TillSettings m_settings;
    std::unique_ptr<SaleSession> m_session;
    QString m_problem;
};

}  // namespace loyalty::test
