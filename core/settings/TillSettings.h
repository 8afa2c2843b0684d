#pragma once

#include "common/Result.h"
#include "money/Points.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace loyalty {

// The settings a sale needs, read once from the database and validated.
struct TillSettings
{
    Q_DECLARE_TR_FUNCTIONS(TillSettings)

public:
    QString tillId;
    QString tillName;
    QString currency;
    QString cardPrefix;            // loyalty cards are EAN-13 numbers starting with this
    qint64 earnUnitMinor = 100;    // spend that earns...
    Points earnPointsPerUnit = 1;  // ...this many points (1 point per full euro)
    // A member read from a bare NFC tag UID (clonable) may spend points, wallet or credit worth more
    // than this only after the cashier confirmed the date of birth (0: any amount needs it).
    qint64 uidCheckAboveMinor = 0;

    static Result<TillSettings> load(const QSqlDatabase& db);

    static inline const QString kTillId = QStringLiteral("till.id");
    static inline const QString kTillName = QStringLiteral("till.name");
    static inline const QString kCurrency = QStringLiteral("currency");
    static inline const QString kCardPrefix = QStringLiteral("cards.prefix");
    static inline const QString kEarnUnitMinor = QStringLiteral("earn.unit_minor");
    static inline const QString kEarnPointsPerUnit = QStringLiteral("earn.points_per_unit");
    static inline const QString kUidCheckAboveMinor = QStringLiteral("cards.uid_check_above_minor");  // optional
};

}  // namespace loyalty
