#pragma once

#include "common/Result.h"
#include "hints/CustomerHint.h"
#include "money/Points.h"
#include "program/model/Programme.h"

#include <QCoreApplication>
#include <QDate>
#include <QSqlDatabase>

#include <functional>
#include <memory>
#include <optional>

namespace loyalty {

class AThresholdWarmup;
class Clock;
class Database;

// The small hint on the cashier's member panel (issue 6, item 6): "A customer" for the members who
// bring most of this till's revenue, or points about to expire with the reward to offer for them.
//
// Usage (ui/sale/MemberPanel): keep ONE instance for the life of the sale screen (it caches the A
// threshold for the day) and call forMember() when a member is attached to the sale:
//
//     CustomerValueHint hints(database, clock);           // once
//     auto hint = hints.forMember(memberId, session.engine().programme());
//     if (hint && hint->has_value()) show((*hint)->text, (*hint)->severity);   // else hide the line
//
// forMember() returns nothing (an empty optional) when hints are switched off, when neither hint
// applies or for an unknown member; an Error only when the database cannot be read. When both
// apply, the expiring-points hint wins (the cashier can act on it) with aCustomer set and the text
// starting with "A customer · ".
//
// Settings (table settings, SettingsRepository; read on every call, so a change shows at the next scan):
//   hints.enabled              "1" (default) / "0": no hint at all
//   hints.a_customer           "1" (default) / "0": no A-customer hint
//   hints.expiring_days        points whose lot is gone within this many days count as expiring (default 30)
//   hints.min_expiring_points  fewer expiring points than this give no hint (default 1)
//
// A customers (ABC analysis by revenue): a member's revenue is what their sales at this till took
// (sales.total_minor less refunds of those sales) in the 12 months before today; ordering members
// by revenue, the A customers are the first ones whose revenue together makes up 80 % of all
// member revenue — everyone at or above the revenue of the last of them (ties included).
// Cost: the threshold is one aggregate over the last 12 months of sales (a range on index
// sales_completed_at, the refunds through sale_returns joined by primary key, then a window sum over
// one row per member): about 0.2-0.4 s for a year of 500 sales a day (182,500 sales, 20,000
// members; SQLite 3.40 on the dev machine). It runs at most once per local day per till — the
// figure is kept in memory and in settings (hints.a_threshold_cache), so the first member scan of
// a day pays it, later scans and restarts do not.
// On the sale screen that first computation must not hold up the GUI thread: warmUpInBackground()
// has it run on a thread of its own with a read-only connection (AThresholdWarmup) and the figure
// handed back through a queued signal; that instance never computes it on the caller's thread, and
// until the figure is there (or when it could not be read) its hints simply leave the A-customer
// part out. Per scan: the member's own revenue (index
// sales_member_time: only their sales, ~30 µs), their points
// ledger (index ledger_entries_account) and four settings rows by key.
class CustomerValueHint final
{
    Q_DECLARE_TR_FUNCTIONS(CustomerValueHint)

public:
    static inline const QString kEnabledKey = QStringLiteral("hints.enabled");
    static inline const QString kACustomerKey = QStringLiteral("hints.a_customer");
    static inline const QString kExpiringDaysKey = QStringLiteral("hints.expiring_days");
    static inline const QString kMinExpiringPointsKey = QStringLiteral("hints.min_expiring_points");
    // The day's A threshold, kept so a restart does not compute it again: "yyyy-MM-dd minor".
    static inline const QString kThresholdCacheKey = QStringLiteral("hints.a_threshold_cache");
    static constexpr int kDefaultExpiringDays = 30;
    static constexpr Points kDefaultMinExpiringPoints = 1;
    static constexpr int kASharePercent = 80;
    static constexpr int kRevenueMonths = 12;

    CustomerValueHint(const Database& database, const Clock& clock);
    ~CustomerValueHint();
    Q_DISABLE_COPY_MOVE(CustomerValueHint)

    // From now on this instance computes the A threshold only in the background (see above): starts
    // that now unless today's figure is known (memory or settings cache), and again at the first
    // hint of a new day. `ready` (optional) runs on the caller's thread once a figure has come in.
    // The instance must live on a thread with an event loop (the GUI thread).
    void warmUpInBackground(std::function<void()> ready = {});
    // Whether today's A threshold is at hand (in memory), so forMember() can tell A customers.
    bool thresholdKnown() const;

    // The hint for the member attached to the sale, or nothing.
    Result<std::optional<CustomerHint>> forMember(qint64 memberId, const Programme& programme);

    // The revenue (minor units) from which a member is an A customer today; 0 when members bought
    // nothing in the 12 months (then nobody is). Computed once per local day, then cached (in
    // memory and in settings, so it is the same for every instance that day).
    Result<qint64> aThresholdMinor();
    // The member's revenue (minor units) in the same 12 months.
    Result<qint64> revenueMinor(qint64 memberId) const;

    // The threshold query itself over the sales in [from, to) (stored instants), on any connection
    // (read-only is enough; the warm-up thread's own). Nothing cached or written.
    static Result<qint64> computeThresholdMinor(const QSqlDatabase& db, const QString& from, const QString& to);

private:
    struct Settings
    {
        bool enabled = true;
        bool aCustomer = true;
        int expiringDays = kDefaultExpiringDays;
        Points minExpiringPoints = kDefaultMinExpiringPoints;
    };

    Result<Settings> readSettings() const;
    // Today's figure from memory or the settings cache, without computing it.
    Result<std::optional<qint64>> knownThreshold();
    void keepThreshold(const QDate& day, qint64 minor);
    void startWarmup();
    Result<bool> isACustomer(qint64 memberId);
    Result<std::optional<QString>> expiringText(qint64 memberId, const Programme& programme,
                                                const Settings& settings) const;
    // The 12 months the revenue is counted over: [from, to) as stored instants.
    QString windowFrom() const;
    QString windowTo() const;

    const Database& m_database;
    const Clock& m_clock;
    QDate m_thresholdDay;  // the local day m_thresholdMinor was computed for; null: not yet
    qint64 m_thresholdMinor = 0;
    std::unique_ptr<AThresholdWarmup> m_warmup;  // set: never compute the threshold on this thread
    std::function<void()> m_ready;
};

}  // namespace loyalty
