#include "admin/HqExpiry.h"

#include "account/PointsLots.h"
#include "account/StoredTime.h"
#include "records/HqRecordWriter.h"
#include "store/HqDatabase.h"
#include "store/HqStoreError.h"
#include "store/HqTransaction.h"

#include <QLocale>
#include <QSqlQuery>

namespace loyalty::hq {

HqExpiry::HqExpiry(HqDatabase& database)
    : m_database(database)
{
}

Result<HqExpiry::Summary> HqExpiry::run(const QDateTime& at)
{
    Summary summary;
    summary.day = StoredTime::localDay(at);
    const QString day = StoredTime::day(summary.day);
    const QString now = StoredTime::instant(at);

    HqTransaction transaction(m_database);
    if (auto begun = transaction.beginWrite(); !begun)
        return begun.error();
    const QSqlDatabase db = m_database.connection();
    // Members with a lot due; whether anything of it is left is for the replay to say.
    QSqlQuery candidates(db);
    candidates.prepare(
        QStringLiteral("SELECT DISTINCT member_uuid FROM ledger WHERE expires_on IS NOT NULL"
                       " AND expires_on <= ? AND account = 'points' AND points > 0 ORDER BY member_uuid"));
    candidates.bindValue(0, day);
    if (!candidates.exec())
        return HqStoreError::from(candidates.lastError());
    QStringList members;
    while (candidates.next())
        members.append(candidates.value(0).toString());
    candidates.finish();

    QSqlQuery history(db);
    history.prepare(QStringLiteral("SELECT entry_id, points, created_at, expires_on, key FROM ledger"
                                   " WHERE member_uuid = ? AND account = 'points' ORDER BY created_at, entry_id"));
    HqRecordWriter writer(m_database);
    const QLocale locale;
    for (const QString& member : members) {
        history.bindValue(0, member);
        if (!history.exec())
            return HqStoreError::from(history.lastError());
        QList<PointsMovement> movements;
        const QString prefix = QStringLiteral("expire/%1/%2/").arg(member, day);
        int booked = 0;  // entries of an earlier run today: the next key continues after them
        while (history.next()) {
            movements.append({history.value(0).toLongLong(), history.value(1).toLongLong(),
                              StoredTime::localDayOf(history.value(2).toString()),
                              StoredTime::parseDay(history.value(3).toString())});
            if (history.value(4).toString().startsWith(prefix))
                ++booked;
        }
        history.finish();
        const QList<PointsLot> expired = PointsLots::replay(movements).expiredOn(summary.day);
        if (expired.isEmpty())
            continue;
        for (const PointsLot& lot : expired) {
            HqLedgerEntry entry;
            entry.key = prefix + QString::number(++booked);
            entry.memberUuid = member;
            entry.kind = QStringLiteral("expire");
            entry.points = -lot.remaining;
            entry.reason = QStringLiteral("expiry");
            entry.explanation = tr("%n point(s) expired (earned %1)", nullptr, static_cast<int>(lot.remaining))
                                    .arg(locale.toString(lot.earnedOn, QLocale::ShortFormat));
            entry.createdAt = now;
            if (auto added = writer.addLedgerEntry(entry, QString()); !added)
                return added.error();
            ++summary.entries;
            summary.points += lot.remaining;
        }
        ++summary.members;
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return summary;
}

}  // namespace loyalty::hq
