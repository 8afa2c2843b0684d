#include "apply/CouponArbiter.h"

#include "feed/ChangeFeed.h"
#include "program/format/ProgrammeParser.h"
#include "program/format/ProgrammeStore.h"
#include "records/HqChangeData.h"
#include "store/HqDatabase.h"
#include "store/HqStoreError.h"
#include "sync/protocol/SyncProtocol.h"

namespace loyalty::hq {

namespace {
QVariant nullable(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// Earlier till time first, then the smaller event id: a total order on uses.
bool beats(const CouponUse& use, const QString& usedAt, const QString& eventId)
{
    return use.usedAt != usedAt ? use.usedAt < usedAt : use.eventId < eventId;
}
}  // namespace

CouponArbiter::CouponArbiter(HqDatabase& database, ChangeFeed& feed, QString now)
    : m_database(database)
    , m_feed(feed)
    , m_now(std::move(now))
    , m_select(database.connection())
    , m_upsert(database.connection())
    , m_conflict(database.connection())
{
    m_select.prepare(QStringLiteral("SELECT winner, used_at, member_uuid, till_id, sale_uuid FROM coupon_uses"
                                    " WHERE code = ?"));
    m_upsert.prepare(QStringLiteral("INSERT INTO coupon_uses (code, winner, member_uuid, till_id, sale_uuid, used_at)"
                                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET"
                                    " winner = excluded.winner, member_uuid = excluded.member_uuid,"
                                    " till_id = excluded.till_id, sale_uuid = excluded.sale_uuid,"
                                    " used_at = excluded.used_at"));
    m_conflict.prepare(QStringLiteral("INSERT INTO coupon_conflicts (code, event_id, member_uuid, till_id, sale_uuid,"
                                      " used_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                                      " ON CONFLICT (code, event_id) DO NOTHING"));
}

Result<QSet<QString>> CouponArbiter::campaignCodes(qint64 programmeVersion)
{
    if (const auto cached = m_campaignCodes.constFind(programmeVersion); cached != m_campaignCodes.cend())
        return *cached;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT document FROM programmes WHERE version = ?"));
    query.bindValue(0, programmeVersion);
    if (!query.exec())
        return HqStoreError::from(query.lastError());
    QByteArray document;
    if (query.next()) {
        document = query.value(0).toString().toUtf8();
    } else {
        // A till that was never sent a programme sells under the built-in demo programme.
        const auto builtIn = ProgrammeStore::builtIn();
        if (builtIn && builtIn->version == programmeVersion)
            document = ProgrammeStore::builtInDocument();
    }
    QSet<QString> codes;
    if (!document.isEmpty()) {
        if (const auto programme = ProgrammeParser::parse(document); programme) {
            for (const CouponDefinition& coupon : programme->coupons) {
                if (coupon.kind == CouponDefinition::Kind::Campaign) {
                    for (const QString& code : coupon.codes)
                        codes.insert(code.toUpper());
                }
            }
        }
    }
    m_campaignCodes.insert(programmeVersion, codes);
    return codes;
}

Result<bool> CouponArbiter::isSingleUse(const QString& code, qint64 programmeVersion)
{
    const auto campaign = campaignCodes(programmeVersion);
    if (!campaign)
        return campaign.error();
    return !campaign->contains(code.toUpper());
}

Result<Done> CouponArbiter::use(const CouponUse& use, const QString& originTill)
{
    m_select.bindValue(0, use.code);
    if (!m_select.exec())
        return HqStoreError::from(m_select.lastError());
    if (m_select.next()) {
        const CouponUse winner{use.code,
                               m_select.value(0).toString(),
                               m_select.value(2).toString(),
                               m_select.value(3).toString(),
                               m_select.value(4).toString(),
                               m_select.value(1).toString()};
        m_select.finish();
        if (winner.eventId == use.eventId)
            return Done{};
        if (!beats(use, winner.usedAt, winner.eventId))
            return recordLoser(use);
        if (auto recorded = recordLoser(winner); !recorded)
            return recorded;
    }
    m_select.finish();
    m_upsert.bindValue(0, use.code);
    m_upsert.bindValue(1, use.eventId);
    m_upsert.bindValue(2, nullable(use.memberUuid));
    m_upsert.bindValue(3, use.tillId);
    m_upsert.bindValue(4, nullable(use.saleUuid));
    m_upsert.bindValue(5, use.usedAt);
    if (!m_upsert.exec())
        return HqStoreError::from(m_upsert.lastError());
    return announce(use, originTill);
}

Result<Done> CouponArbiter::recordLoser(const CouponUse& loser)
{
    m_conflict.bindValue(0, loser.code);
    m_conflict.bindValue(1, loser.eventId);
    m_conflict.bindValue(2, nullable(loser.memberUuid));
    m_conflict.bindValue(3, loser.tillId);
    m_conflict.bindValue(4, nullable(loser.saleUuid));
    m_conflict.bindValue(5, loser.usedAt);
    m_conflict.bindValue(6, m_now);
    if (!m_conflict.exec())
        return HqStoreError::from(m_conflict.lastError());
    return Done{};
}

Result<Done> CouponArbiter::announce(const CouponUse& winner, const QString& originTill)
{
    const QJsonObject data{{QStringLiteral("code"), winner.code},
                           {QStringLiteral("member_uuid"), HqChangeData::optionalText(winner.memberUuid)},
                           {QStringLiteral("used_at"), winner.usedAt},
                           {QStringLiteral("till_id"), winner.tillId}};
    if (auto appended = m_feed.append(sync::kCouponChange, data, originTill); !appended)
        return appended.error();
    return Done{};
}

}  // namespace loyalty::hq
