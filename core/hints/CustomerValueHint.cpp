#include "hints/CustomerValueHint.h"

#include "account/PointsHistory.h"
#include "account/PointsLots.h"
#include "account/StoredTime.h"
#include "hints/AThresholdWarmup.h"
#include "money/MoneyFormatter.h"
#include "settings/SettingsRepository.h"
#include "store/Database.h"
#include "store/StoreError.h"
#include "time/Clock.h"

#include <QLocale>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <limits>

namespace loyalty {

namespace {

// A member's revenue is what their sales took less what was refunded on them; refunds are few, so
// a correlated lookup per sale (index sale_returns_sale) is cheaper than joining all returns.
const QString kSaleRevenue = QStringLiteral(
    "s.total_minor - coalesce((SELECT sum(r.refund_minor) FROM sale_returns r WHERE r.sale_id = s.id), 0)");

bool flag(const QString& value, bool fallback)
{
    const QString v = value.trimmed().toLower();
    if (v == u"1" || v == u"true" || v == u"yes" || v == u"on")
        return true;
    if (v == u"0" || v == u"false" || v == u"no" || v == u"off")
        return false;
    return fallback;
}

qint64 number(const QString& value, qint64 fallback)
{
    bool ok = false;
    const qint64 parsed = value.trimmed().toLongLong(&ok);
    return ok && parsed >= 0 ? parsed : fallback;
}

}  // namespace

CustomerValueHint::CustomerValueHint(const Database& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

CustomerValueHint::~CustomerValueHint() = default;

void CustomerValueHint::warmUpInBackground(std::function<void()> ready)
{
    m_ready = std::move(ready);
    if (!m_warmup) {
        m_warmup = std::make_unique<AThresholdWarmup>();
        // Queued: the figure is computed on the warm-up's thread and taken here, on ours.
        QObject::connect(m_warmup.get(), &AThresholdWarmup::computed, m_warmup.get(), [this](QDate day, qint64 minor) {
            keepThreshold(day, minor);
            if (m_ready)
                m_ready();
        });
        // A failure leaves the A-customer part out; the next hint of the day tries again.
    }
    const auto known = knownThreshold();
    if (!known || !known->has_value())
        startWarmup();
}

bool CustomerValueHint::thresholdKnown() const
{
    return m_thresholdDay.isValid() && m_thresholdDay == StoredTime::localDay(m_clock.now());
}

void CustomerValueHint::startWarmup()
{
    if (m_warmup && !m_warmup->isRunning())
        m_warmup->start(m_database.path(), StoredTime::localDay(m_clock.now()), windowFrom(), windowTo());
}

Result<std::optional<qint64>> CustomerValueHint::knownThreshold()
{
    const QDate today = StoredTime::localDay(m_clock.now());
    if (m_thresholdDay == today)
        return std::optional<qint64>(m_thresholdMinor);
    // Computed at most once a day per till, not per start of the program: the day's figure is kept
    // in the settings ("yyyy-MM-dd minor").
    const auto cached = SettingsRepository(m_database.connection()).value(kThresholdCacheKey);
    if (!cached)
        return cached.error();
    if (cached->has_value()) {
        const QStringList parts = (*cached)->split(u' ');
        bool ok = false;
        const qint64 minor = parts.size() == 2 ? parts.at(1).toLongLong(&ok) : 0;
        if (ok && StoredTime::parseDay(parts.at(0)) == today) {
            m_thresholdDay = today;
            m_thresholdMinor = minor;
            return std::optional<qint64>(minor);
        }
    }
    return std::optional<qint64>();
}

void CustomerValueHint::keepThreshold(const QDate& day, qint64 minor)
{
    if (day != StoredTime::localDay(m_clock.now()))
        return;  // computed for a day that has passed meanwhile
    // Keeping the figure is an optimisation: when the database is busy (loyalty-ctl holds the write
    // lock) the hint still shows, and the next instance computes the figure again.
    const auto stored = SettingsRepository(m_database.connection())
                            .setValue(kThresholdCacheKey, StoredTime::day(day) + u' ' + QString::number(minor));
    Q_UNUSED(stored);
    m_thresholdDay = day;
    m_thresholdMinor = minor;
}

QString CustomerValueHint::windowFrom() const
{
    return StoredTime::startOfDay(StoredTime::localDay(m_clock.now()).addMonths(-kRevenueMonths));
}

QString CustomerValueHint::windowTo() const
{
    // Up to the start of today, so the threshold and a member's revenue count the same sales all day.
    return StoredTime::startOfDay(StoredTime::localDay(m_clock.now()));
}

Result<CustomerValueHint::Settings> CustomerValueHint::readSettings() const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT key, value FROM settings WHERE key IN (?, ?, ?, ?)"));
    query.bindValue(0, kEnabledKey);
    query.bindValue(1, kACustomerKey);
    query.bindValue(2, kExpiringDaysKey);
    query.bindValue(3, kMinExpiringPointsKey);
    if (!query.exec())
        return StoreError::from(query.lastError());
    Settings settings;
    while (query.next()) {
        const QString key = query.value(0).toString();
        const QString value = query.value(1).toString();
        if (key == kEnabledKey)
            settings.enabled = flag(value, true);
        else if (key == kACustomerKey)
            settings.aCustomer = flag(value, true);
        else if (key == kExpiringDaysKey)
            settings.expiringDays = static_cast<int>(std::min<qint64>(number(value, kDefaultExpiringDays), 3660));
        else if (key == kMinExpiringPointsKey)
            settings.minExpiringPoints = number(value, kDefaultMinExpiringPoints);
    }
    return settings;
}

Result<qint64> CustomerValueHint::aThresholdMinor()
{
    const auto known = knownThreshold();
    if (!known)
        return known.error();
    if (known->has_value())
        return **known;
    const auto threshold = computeThresholdMinor(m_database.connection(), windowFrom(), windowTo());
    if (!threshold)
        return threshold.error();
    keepThreshold(StoredTime::localDay(m_clock.now()), *threshold);
    return *threshold;
}

Result<qint64> CustomerValueHint::computeThresholdMinor(const QSqlDatabase& db, const QString& from, const QString& to)
{
    // One row per member who bought in the window, ordered by revenue; a member belongs to A while
    // the members before them have not yet reached 80 % of the total. The smallest revenue among
    // them is the threshold. Sales are read by the time range (INDEXED BY: GROUP BY member_id
    // could tempt the planner into walking sales_member_time over all years); refunds, which are
    // few, are read from sale_returns and joined to their sale by primary key.
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("WITH moves AS ("
                       "  SELECT s.member_id AS member_id, s.total_minor AS minor"
                       "  FROM sales s INDEXED BY sales_completed_at"
                       "  WHERE s.completed_at >= :from AND s.completed_at < :to AND s.member_id IS NOT NULL"
                       "  UNION ALL"
                       "  SELECT s.member_id, -r.refund_minor FROM sale_returns r CROSS JOIN sales s"
                       "  ON s.id = r.sale_id"
                       "  WHERE s.completed_at >= :from AND s.completed_at < :to AND s.member_id IS NOT NULL),"
                       " revenue AS (SELECT member_id, sum(minor) AS minor FROM moves GROUP BY member_id),"
                       " ranked AS ("
                       "  SELECT minor,"
                       "   coalesce(sum(minor) OVER (ORDER BY minor DESC, member_id"
                       "     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before_minor,"
                       "   sum(minor) OVER () AS total_minor"
                       "  FROM revenue WHERE minor > 0)"
                       " SELECT coalesce(min(minor), 0) FROM ranked"
                       " WHERE before_minor * 100 < total_minor * :share"));
    query.bindValue(QStringLiteral(":from"), from);
    query.bindValue(QStringLiteral(":to"), to);
    query.bindValue(QStringLiteral(":share"), kASharePercent);
    if (!query.exec())
        return StoreError::from(query.lastError());
    return query.next() ? query.value(0).toLongLong() : 0;
}

Result<qint64> CustomerValueHint::revenueMinor(qint64 memberId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT coalesce(sum(%1), 0) FROM sales s"
                                 " WHERE s.member_id = ? AND s.completed_at >= ? AND s.completed_at < ?")
                      .arg(kSaleRevenue));
    query.bindValue(0, memberId);
    query.bindValue(1, windowFrom());
    query.bindValue(2, windowTo());
    if (!query.exec())
        return StoreError::from(query.lastError());
    return query.next() ? query.value(0).toLongLong() : 0;
}

Result<bool> CustomerValueHint::isACustomer(qint64 memberId)
{
    qint64 thresholdMinor = 0;
    if (m_warmup) {
        // The background instance never waits for the figure: not there yet, no A-customer part.
        const auto known = knownThreshold();
        if (!known || !known->has_value()) {
            startWarmup();
            return false;
        }
        thresholdMinor = **known;
    } else {
        const auto threshold = aThresholdMinor();
        if (!threshold)
            return threshold.error();
        thresholdMinor = *threshold;
    }
    if (thresholdMinor <= 0)
        return false;
    const auto revenue = revenueMinor(memberId);
    if (!revenue)
        return revenue.error();
    return *revenue >= thresholdMinor;
}

Result<std::optional<QString>> CustomerValueHint::expiringText(qint64 memberId, const Programme& programme,
                                                               const Settings& settings) const
{
    PointsHistory history(m_database.connection());
    const auto movements = history.movements(memberId);
    if (!movements)
        return movements.error();
    const PointsLots lots = PointsLots::replay(*movements);
    const ExpiringPoints expiring =
        lots.expiringWithin(StoredTime::localDay(m_clock.now()), std::max(settings.expiringDays, 0));
    if (expiring.points <= 0 || expiring.points < settings.minExpiringPoints || !expiring.firstOn.isValid())
        return std::optional<QString>();

    const QLocale locale;
    const int count = static_cast<int>(std::min<Points>(expiring.points, std::numeric_limits<int>::max()));
    // firstOn is the first day the points are gone: the customer can use them until the day before.
    const QString lastDay = locale.toString(expiring.firstOn.addDays(-1), QLocale::ShortFormat);
    const Points balance = lots.balance();

    // The best reward is the dearest one the whole balance pays for: the expiring points go first.
    const RewardDefinition* best = nullptr;
    for (const RewardDefinition& reward : programme.rewards) {
        if (reward.points > 0 && reward.points <= balance && (!best || reward.points > best->points))
            best = &reward;
    }
    if (best) {
        return std::optional<QString>(tr("%Ln point(s) expire on %1 — offer the %2-point reward “%3”", nullptr, count)
                                          .arg(lastDay, locale.toString(best->points), best->name));
    }
    const RedemptionPolicy& redemption = programme.redemption;
    if (redemption.pointsPerStep > 0 && balance >= std::max(redemption.minimumPoints, redemption.pointsPerStep)) {
        const Money worth(balance / redemption.pointsPerStep * redemption.valueMinorPerStep, programme.currency);
        return std::optional<QString>(
            tr("%Ln point(s) expire on %1 — offer to pay with points (worth %2)", nullptr, count)
                .arg(lastDay, MoneyFormatter(locale).format(worth)));
    }
    return std::optional<QString>(tr("%Ln point(s) expire on %1", nullptr, count).arg(lastDay));
}

Result<std::optional<CustomerHint>> CustomerValueHint::forMember(qint64 memberId, const Programme& programme)
{
    const auto settings = readSettings();
    if (!settings)
        return settings.error();
    if (!settings->enabled)
        return std::optional<CustomerHint>();

    bool aCustomer = false;
    if (settings->aCustomer) {
        const auto isA = isACustomer(memberId);
        if (!isA)
            return isA.error();
        aCustomer = *isA;
    }
    const auto expiring = expiringText(memberId, programme, *settings);
    if (!expiring)
        return expiring.error();

    CustomerHint hint;
    hint.aCustomer = aCustomer;
    if (expiring->has_value()) {
        hint.kind = CustomerHint::Kind::ExpiringPoints;
        hint.severity = CustomerHint::Severity::Offer;
        hint.text = aCustomer ? tr("A customer · %1").arg(**expiring) : **expiring;
        return std::optional<CustomerHint>(hint);
    }
    if (aCustomer) {
        hint.kind = CustomerHint::Kind::ACustomer;
        hint.severity = CustomerHint::Severity::Info;
        hint.text = tr("A customer: among the members who bring %1 % of this till's revenue").arg(kASharePercent);
        return std::optional<CustomerHint>(hint);
    }
    return std::optional<CustomerHint>();
}

}  // namespace loyalty
