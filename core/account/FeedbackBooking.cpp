#include "account/FeedbackBooking.h"

#include "ledger/LedgerRepository.h"
#include "outbox/OutboxRepository.h"
#include "program/ProgrammeEngine.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "time/Clock.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace loyalty {

FeedbackBooking::FeedbackBooking(const QSqlDatabase& db, const Clock& clock, QString tillId)
    : m_db(db)
    , m_clock(clock)
    , m_tillId(std::move(tillId))
{
}

Result<Done> FeedbackBooking::requireFirstAnswer(qint64 saleId) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT answered_at FROM feedback_answers WHERE sale_id = ?"));
    query.bindValue(0, saleId);
    if (!query.exec())
        return StoreError::from(query.lastError());
    if (query.next()) {
        return Error{Error::Code::Conflict,
                     tr("Feedback on sale %1 was already booked at %2; it earns points once. Nothing was changed.")
                         .arg(saleId)
                         .arg(query.value(0).toString()),
                     QStringLiteral("feedback_booked")};
    }
    return Done{};
}

Result<FeedbackBooking::Booked> FeedbackBooking::book(qint64 saleId, const QString& saleUuid,
                                                      std::optional<qint64> memberId, const ProgrammeEngine& engine)
{
    if (!memberId) {
        return Error{Error::Code::Refused,
                     tr("Sale %1 was made without a member card; feedback points go to a member. Nothing was "
                        "changed.")
                         .arg(saleId),
                     QStringLiteral("no_member")};
    }
    const QDateTime now = m_clock.now();
    Booked booked;
    booked.answeredAt = now.toUTC().toString(Qt::ISODateWithMs);
    booked.effects = engine.feedbackEffects(now.toLocalTime());
    if (booked.effects.isEmpty()) {
        return Error{Error::Code::Refused,
                     tr("The active programme gives no points for feedback now. Nothing was changed."),
                     QStringLiteral("no_feedback_rule")};
    }

    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    // Checked inside the write lock, so two bookings at once cannot both pass; the primary key on
    // feedback_answers.sale_id would refuse the second anyway.
    if (auto first = requireFirstAnswer(saleId); !first)
        return first.error();
    QSqlQuery answer(m_db);
    answer.prepare(QStringLiteral("INSERT INTO feedback_answers (sale_id, member_id, answered_at) VALUES (?, ?, ?)"));
    answer.bindValue(0, saleId);
    answer.bindValue(1, *memberId);
    answer.bindValue(2, booked.answeredAt);
    if (!answer.exec())
        return StoreError::from(answer.lastError());

    LedgerRepository ledger(m_db);
    const QDate expires = engine.programme().expiry.expiresOn(now.toLocalTime().date());
    QJsonArray effects;
    for (const Effect& effect : booked.effects) {
        LedgerEntry entry;
        entry.memberId = *memberId;
        entry.kind = QStringLiteral("earn");
        entry.points = effect.amount;
        entry.reason = effect.ruleId;
        entry.createdAt = booked.answeredAt;
        entry.account = effect.account;
        entry.explanation = effect.explanation;
        if (effect.account == u"points" && effect.amount > 0 && expires.isValid())
            entry.expiresOn = expires.toString(Qt::ISODate);
        if (auto appended = ledger.append(entry); !appended)
            return appended.error();
        if (effect.account == u"points")
            booked.points += effect.amount;
        effects.append(QJsonObject{{QStringLiteral("rule"), effect.ruleId},
                                   {QStringLiteral("kind"), effectKindName(effect.kind)},
                                   {QStringLiteral("account"), effect.account},
                                   {QStringLiteral("amount"), effect.amount}});
    }

    OutboxRepository outbox(m_db);
    const auto memberUuid = outbox.memberUuid(*memberId);
    if (!memberUuid)
        return memberUuid.error();
    const QJsonObject payload{{QStringLiteral("sale_uuid"), saleUuid},
                              {QStringLiteral("till_id"), m_tillId},
                              {QStringLiteral("member_id"), *memberId},
                              {QStringLiteral("member_uuid"), *memberUuid},
                              {QStringLiteral("answered_at"), booked.answeredAt},
                              {QStringLiteral("programme_version"), engine.programme().version},
                              {QStringLiteral("effects"), effects}};
    const auto event = outbox.append(m_tillId, kFeedbackAnsweredEvent, payload, saleId, booked.answeredAt);
    if (!event)
        return event.error();
    booked.outboxSequence = event->sequence;
    const auto balance = ledger.balance(*memberId);
    if (!balance)
        return balance.error();
    booked.newBalance = *balance;
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return booked;
}

}  // namespace loyalty
