#pragma once

#include "common/Result.h"
#include "program/model/Programme.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <optional>
#include <utility>
#include <vector>

namespace loyalty {

// Reads a programme document (docs/programme.md) and checks all of it before anything uses it:
// the first problem is refused with the JSON path of the field ("$.rules[3].points: ..."), so a
// typo in head office's document can never pass silently into the till.
class ProgrammeParser final
{
    Q_DECLARE_TR_FUNCTIONS(ProgrammeParser)

public:
    // The version of the document format this till reads ("format": 1).
    static constexpr int kFormat = 1;
    // The largest amount or points value a document may hold: far above any real basket, and small
    // enough that sums and products of two of them cannot overflow 64 bits.
    static constexpr qint64 kMaxAmount = 1'000'000'000'000;

    static Result<Programme> parse(const QByteArray& document);

    // The reason of every error parse() returns.
    static QString invalidReason() { return QStringLiteral("invalid_programme"); }

private:
    using Keys = std::vector<QStringView>;
    template <typename E>
    using Names = std::vector<std::pair<QStringView, E>>;

    ProgrammeParser() = default;

    bool readProgramme(const QJsonObject& root, Programme& programme);
    bool readTiers(const QJsonObject& root, Programme& programme);
    bool readTierPolicy(const QJsonObject& root, TierPolicy& policy);
    bool readRules(const QJsonObject& root, Programme& programme);
    bool readRule(const QJsonValue& value, const QString& path, Rule& rule);
    bool readRuleParameters(const QJsonObject& object, const QString& path, Rule& rule);
    bool readStampCards(const QJsonObject& root, Programme& programme);
    bool readStampCard(const QJsonValue& value, const QString& path, StampCardDefinition& card);
    bool readStampReward(const QJsonObject& card, const QString& path, StampCardDefinition& definition);
    bool readMembership(const QJsonObject& root, Programme& programme);
    bool readRedemption(const QJsonObject& root, RedemptionPolicy& policy);
    bool readRewards(const QJsonObject& root, Programme& programme);
    bool readCoupons(const QJsonObject& root, Programme& programme);
    bool readCoupon(const QJsonValue& value, const QString& path, CouponDefinition& coupon);
    bool readCouponValue(const QJsonObject& object, const QString& path, CouponDefinition& coupon);
    bool readExpiry(const QJsonObject& root, ExpiryPolicy& expiry);
    bool readBalance(const QJsonObject& root, BalancePolicy& balance);

    // Building blocks: each reads one field of `object` (at `path`) and returns false after fail().
    bool toObject(const QJsonValue& value, const QString& path, QJsonObject& out);
    bool optionalObject(const QJsonObject& object, const QString& path, QStringView key, QJsonObject& out,
                        bool& present);
    bool optionalArray(const QJsonObject& object, const QString& path, QStringView key, QJsonArray& out);
    bool knownKeys(const QJsonObject& object, const QString& path, const Keys& allowed);
    bool integer(const QJsonObject& object, const QString& path, QStringView key, qint64 min, qint64 max,
                 std::optional<qint64> fallback, qint64& out);
    bool integer(const QJsonObject& object, const QString& path, QStringView key, qint64 min, qint64 max,
                 std::optional<qint64> fallback, int& out);
    bool boolean(const QJsonObject& object, const QString& path, QStringView key, bool fallback, bool& out);
    bool text(const QJsonObject& object, const QString& path, QStringView key, bool required, QString& out);
    bool identifier(const QJsonObject& object, const QString& path, QStringView key, QString& out);
    bool ean(const QJsonObject& object, const QString& path, QStringView key, QString& out);
    bool textList(const QJsonObject& object, const QString& path, QStringView key, QStringList& out);
    bool scope(const QJsonObject& object, const QString& path, QStringView key, LineScope& out);
    bool window(const QJsonObject& object, const QString& path, QStringView key, RuleWindow& out);
    bool date(const QJsonObject& object, const QString& path, QStringView key, std::optional<QDate>& out);
    bool time(const QJsonObject& object, const QString& path, QStringView key, std::optional<QTime>& out);
    bool audience(const QJsonObject& object, const QString& path, QStringView key, Audience& out);
    bool unique(QSet<QString>& seen, const QString& id, const QString& path);
    template <typename E>
    bool choice(const QJsonObject& object, const QString& path, QStringView key, const Names<E>& names, E& out);

    bool fail(const QString& path, const QString& problem);

    QSet<QString> m_tierIds;
    std::optional<Error> m_error;
};

}  // namespace loyalty
