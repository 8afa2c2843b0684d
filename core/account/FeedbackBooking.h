#pragma once

#include "common/Result.h"
#include "money/Points.h"
#include "program/Effect.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace loyalty {

class Clock;
class ProgrammeEngine;

// Books the programme's points for an answered feedback survey on a sale, once per sale: the
// answer (feedback_answers, keyed by sale), 'earn' ledger entries for the sale's member and a
// 'feedback.answered' outbox event in one transaction. The entries carry no sale id: a sale's
// entries are what the sale itself earned (ConsistencyCheck compares them with sales.points_earned).
class FeedbackBooking final
{
    Q_DECLARE_TR_FUNCTIONS(FeedbackBooking)

public:
    static inline const QString kFeedbackAnsweredEvent = QStringLiteral("feedback.answered");

    struct Booked
    {
        QList<Effect> effects;
        Points points = 0;
        Points newBalance = 0;
        QString answeredAt;
        qint64 outboxSequence = 0;
    };

    FeedbackBooking(const QSqlDatabase& db, const Clock& clock, QString tillId);

    // Refused (nothing written) for a sale without member, a programme without feedback points or
    // feedback booked before for the sale.
    Result<Booked> book(qint64 saleId, const QString& saleUuid, std::optional<qint64> memberId,
                        const ProgrammeEngine& engine);

private:
    Result<Done> requireFirstAnswer(qint64 saleId) const;

    QSqlDatabase m_db;
    const Clock& m_clock;
    QString m_tillId;
};

}  // namespace loyalty
