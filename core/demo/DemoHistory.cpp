#include "demo/DemoHistory.h"

#include "account/ReturnService.h"
#include "catalog/ProductRepository.h"
#include "demo/DemoDataGenerator.h"
#include "demo/DemoRandom.h"
#include "members/MemberRepository.h"
#include "program/ProgrammeEngine.h"
#include "sale/ActiveProgramme.h"
#include "sale/Basket.h"
#include "sale/SaleService.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "store/StoreError.h"
#include "time/FixedClock.h"

#include <QElapsedTimer>
#include <QSqlQuery>

#include <vector>

namespace loyalty {

namespace {

constexpr int kOpeningHour = 8;
constexpr int kOpenMinutes = 12 * 60;
constexpr int kRedeemPermille = 60;  // of member sales: points as money off
constexpr int kRewardPermille = 30;  // of member sales: a catalogue reward
constexpr int kReturnPermille = 12;  // of sales: one item of an earlier sale of the day comes back
constexpr Points kRedeemPoints = 500;

// Each sale commits on its own, as at the till; waiting for the disk at every one of ~20,000
// commits would make the demo take minutes. A crash while generating loses only demo data, so
// the generator commits with synchronous=NORMAL (WAL stays consistent) and restores FULL after.
class RelaxedSync final
{
public:
    explicit RelaxedSync(const QSqlDatabase& db)
        : m_db(db)
    {
        QSqlQuery query(m_db);
        m_relaxed = query.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    }
    ~RelaxedSync()
    {
        if (m_relaxed) {
            QSqlQuery query(m_db);
            // A failure here leaves the setting of this connection only; Database sets FULL at open.
            (void)query.exec(QStringLiteral("PRAGMA synchronous = FULL"));
        }
    }
    Q_DISABLE_COPY_MOVE(RelaxedSync)

private:
    QSqlDatabase m_db;
    bool m_relaxed = false;
};

}  // namespace

DemoHistory::DemoHistory(Database& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<DemoHistory::Summary> DemoHistory::generate(const Options& options)
{
    if (options.days < 0 || options.days > kMaxDays || options.minSalesPerDay < 1 ||
        options.maxSalesPerDay < options.minSalesPerDay)
        return Error{Error::Code::InvalidInput,
                     tr("The demo history needs 0 to %1 days and at least one sale a day.").arg(kMaxDays)};
    QElapsedTimer timer;
    timer.start();
    Summary summary;
    if (options.days == 0)
        return summary;

    const QSqlDatabase db = m_database.connection();
    const auto settings = TillSettings::load(db);
    if (!settings)
        return settings.error();
    const ProgrammeEngine engine(ActiveProgramme::load(m_database, *settings));
    ProductRepository productRepository(db);
    const auto listed = productRepository.list(100000);
    if (!listed)
        return listed.error();
    std::vector<Product> products;
    for (const Product& product : *listed) {
        // Gift cards are not bought by the basketful; leave them out of the random baskets.
        if (product.earnsPoints)
            products.push_back(product);
    }
    if (products.empty())
        return Error{Error::Code::NotFound, tr("The demo history needs the demo shop's products: run demo first."),
                     QStringLiteral("no_products")};
    MemberRepository members(db);
    const auto memberCount = members.count();
    if (!memberCount)
        return memberCount.error();
    const qint64 pool = options.memberPool > 0 ? std::min(options.memberPool, *memberCount) : *memberCount;

    RelaxedSync relaxed(db);
    DemoRandom random(options.seed);
    FixedClock clock(m_clock.now());
    SaleService sales(m_database, clock, *settings, engine);
    ReturnService returns(db, clock, settings->tillId);
    const QDate today = m_clock.now().toLocalTime().date();

    for (int dayIndex = options.days; dayIndex >= 1; --dayIndex) {
        const QDate day = today.addDays(-dayIndex);
        const int count = int(random.between(options.minSalesPerDay, options.maxSalesPerDay));
        const QDateTime opening = QDateTime(day, QTime(kOpeningHour, 0));
        std::vector<qint64> todaysSales;
        for (int i = 0; i < count; ++i) {
            const qint64 slotSeconds = qint64(kOpenMinutes) * 60 / count;
            clock.set(
                opening.addSecs(slotSeconds * i + qint64(random.below(quint64(std::max<qint64>(1, slotSeconds))))));

            Basket basket(settings->currency);
            const int lines = int(random.between(1, 7));
            for (int line = 0; line < lines; ++line)
                basket.add(products[random.below(products.size())], random.between(1, 3));

            std::optional<CardHolder> member;
            SaleOptions saleOptions;
            if (pool > 0 && qint64(random.below(100)) < options.memberSharePercent) {
                // Squaring the draw makes the low member numbers the regulars: a few members buy
                // often and much, as the ABC analysis expects.
                const quint64 a = random.below(quint64(pool));
                const quint64 b = random.below(quint64(pool));
                const qint64 memberId = qint64(a * b / quint64(pool)) + 1;
                auto holder = members.findByCard(DemoDataGenerator::cardNumberFor(memberId));
                if (!holder)
                    return holder.error();
                if (holder->has_value() && (*holder)->cardState == CardState::Active)
                    member = **holder;
            }
            if (member) {
                const quint64 draw = random.below(1000);
                if (draw < quint64(kRedeemPermille)) {
                    saleOptions.redeemPoints = kRedeemPoints;
                } else if (draw < quint64(kRedeemPermille + kRewardPermille) && !engine.programme().rewards.isEmpty()) {
                    const RewardDefinition& reward =
                        engine.programme().rewards[qsizetype(random.below(quint64(engine.programme().rewards.size())))];
                    if (reward.kind == RewardDefinition::Kind::FreeProduct && !reward.ean.isEmpty()) {
                        auto product = productRepository.findByEan(reward.ean);
                        if (!product)
                            return product.error();
                        if (product->has_value())
                            basket.add(**product);
                    }
                    saleOptions.rewardIds = {reward.id};
                }
            }

            const auto sale = sales.complete(basket, member, saleOptions);
            if (!sale)
                return sale.error();
            ++summary.sales;
            summary.revenueMinor += sale->total.minorUnits() - sale->effects.discount.minorUnits();
            if (member)
                ++summary.memberSales;
            if (sale->effects.pointsRedeemed() > 0)
                ++summary.redemptions;
            todaysSales.push_back(sale->saleId);

            if (todaysSales.size() > 1 && random.below(1000) < quint64(kReturnPermille)) {
                const qint64 saleId = todaysSales[random.below(todaysSales.size() - 1)];
                const auto returned = returns.returnLines(saleId, {ReturnLineRequest{1, 1}}, engine.programme());
                if (returned)
                    ++summary.returns;
                else if (returned.error().code != Error::Code::Refused &&
                         returned.error().code != Error::Code::InvalidInput)
                    return returned.error();
            }
        }
    }
    summary.days = options.days;
    summary.elapsedMs = timer.elapsed();
    return summary;
}

}  // namespace loyalty
