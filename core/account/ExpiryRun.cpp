#include "account/ExpiryRun.h"

#include "account/PointsHistory.h"
#include "account/PointsLots.h"
#include "account/StoredTime.h"
#include "ledger/LedgerRepository.h"
#include "outbox/OutboxRepository.h"
#include "settings/SettingsRepository.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "sync/SyncSettingKeys.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QSqlQuery>
#include <QVariant>

namespace loyalty {

ExpiryRun::ExpiryRun(const QSqlDatabase& db, QString tillId)
    : m_db(db)
    , m_tillId(std::move(tillId))
{
}

Result<int> ExpiryRun::run(const QDateTime& at, const Programme& programme)
{
    const QDate today = StoredTime::localDay(at);
    const QString now = StoredTime::instant(at);
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();

    // Read under the write lock, so provisioning cannot slip in between the check and the entries.
    const auto hqUrl = SettingsRepository(m_db).value(sync::kHqUrlKey);
    if (!hqUrl)
        return hqUrl.error();
    if (hqUrl->has_value() && !(*hqUrl)->isEmpty())
        return 0;

    // Members with a lot due; whether anything of it is left is for the replay to say.
    QSqlQuery candidates(m_db);
    candidates.prepare(QStringLiteral("SELECT DISTINCT member_id FROM ledger_entries"
                                      " WHERE expires_on IS NOT NULL AND expires_on <= ?"
                                      " AND account = 'points' AND points > 0 ORDER BY member_id"));
    candidates.bindValue(0, StoredTime::day(today));
    if (!candidates.exec())
        return StoreError::from(candidates.lastError());
    QList<qint64> memberIds;
    while (candidates.next())
        memberIds.append(candidates.value(0).toLongLong());
    candidates.finish();

    PointsHistory history(m_db);
    LedgerRepository ledger(m_db);
    OutboxRepository outbox(m_db);
    QSqlQuery memberUuid(m_db);
    memberUuid.prepare(QStringLiteral("SELECT uuid FROM members WHERE id = ?"));
    const QLocale locale;
    int members = 0;
    for (const qint64 memberId : memberIds) {
        auto movements = history.movements(memberId);
        if (!movements)
            return movements.error();
        const QList<PointsLot> expired = PointsLots::replay(*movements).expiredOn(today);
        if (expired.isEmpty())
            continue;

        QJsonArray lots;
        Points total = 0;
        for (const PointsLot& lot : expired) {
            LedgerEntry entry;
            entry.memberId = memberId;
            entry.kind = QStringLiteral("expire");
            entry.account = QStringLiteral("points");
            entry.points = -lot.remaining;
            entry.reason = kReason;
            entry.createdAt = now;
            entry.explanation = tr("%n point(s) expired (earned %1)", nullptr, static_cast<int>(lot.remaining))
                                    .arg(locale.toString(lot.earnedOn, QLocale::ShortFormat));
            if (auto appended = ledger.append(entry); !appended)
                return appended.error();
            total += lot.remaining;
            lots.append(QJsonObject{{QStringLiteral("points"), lot.remaining},
                                    {QStringLiteral("earned_on"), StoredTime::day(lot.earnedOn)},
                                    {QStringLiteral("expires_on"), StoredTime::day(lot.expiresOn)}});
        }

        memberUuid.bindValue(0, memberId);
        if (!memberUuid.exec())
            return StoreError::from(memberUuid.lastError());
        const QString uuid = memberUuid.next() ? memberUuid.value(0).toString() : QString();
        memberUuid.finish();
        const QJsonObject payload{{QStringLiteral("member_id"), memberId},
                                  {QStringLiteral("member_uuid"), uuid},
                                  {QStringLiteral("points"), total},
                                  {QStringLiteral("lots"), lots},
                                  {QStringLiteral("expired_on"), StoredTime::day(today)},
                                  {QStringLiteral("programme_id"), programme.id},
                                  {QStringLiteral("programme_version"), programme.version}};
        if (auto event = outbox.append(m_tillId, kPointsExpiredEvent, payload, std::nullopt, now); !event)
            return event.error();
        ++members;
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return members;
}

}  // namespace loyalty
