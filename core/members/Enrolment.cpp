#include "members/Enrolment.h"

#include "ledger/LedgerRepository.h"
#include "members/CardNumberRules.h"
#include "members/MemberRepository.h"
#include "outbox/OutboxRepository.h"
#include "program/ProgrammeEngine.h"
#include "sale/ActiveProgramme.h"
#include "store/Database.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "time/Clock.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QUuid>

namespace loyalty {

namespace {
QVariant textOrNull(const QString& text)
{
    return text.trimmed().isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text.trimmed());
}
}  // namespace

Enrolment::Enrolment(Database& database, const Clock& clock, const TillSettings& settings)
    : m_database(database)
    , m_clock(clock)
    , m_settings(settings)
{
}

Result<Done> Enrolment::validate(const EnrolmentRequest& request) const
{
    if (request.name.trimmed().size() < 2 || request.name.size() > 200)
        return Error{Error::Code::InvalidInput, tr("Enter the customer's name."), QStringLiteral("name")};
    if (!request.consentGiven) {
        return Error{Error::Code::Refused,
                     tr("The customer has not agreed to the programme's terms; nobody was enrolled."),
                     QStringLiteral("consent")};
    }
    if (request.consentTextVersion.trimmed().isEmpty())
        return Error{Error::Code::InvalidInput, tr("The consent text has no version."), QStringLiteral("consent")};
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!request.email.trimmed().isEmpty() && !email.match(request.email.trimmed()).hasMatch())
        return Error{Error::Code::InvalidInput, tr("The e-mail address is not valid."), QStringLiteral("email")};
    static const QRegularExpression phone(QStringLiteral("^\\+?[0-9 ()/-]{5,25}$"));
    if (!request.phone.trimmed().isEmpty() && !phone.match(request.phone.trimmed()).hasMatch())
        return Error{Error::Code::InvalidInput, tr("The phone number is not valid."), QStringLiteral("phone")};
    const QDate today = m_clock.now().toUTC().date();
    if (request.birthDate.isValid() && (request.birthDate > today || request.birthDate.year() < today.year() - 120))
        return Error{Error::Code::InvalidInput, tr("The date of birth is not valid."), QStringLiteral("birth_date")};
    return CardNumberRules::checkNew(m_database.connection(), request.cardNumber, m_settings.cardPrefix);
}

Result<std::optional<qint64>> Enrolment::referrer(const QString& cardNumber) const
{
    if (cardNumber.trimmed().isEmpty())
        return std::optional<qint64>();
    const auto found = MemberRepository(m_database.connection()).findByCard(cardNumber.trimmed());
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error{Error::Code::NotFound,
                     tr("The referrer's card %1 is not known; enrol without it or scan another card.")
                         .arg(QStringLiteral("•••• ") + cardNumber.trimmed().right(4))};
    return std::optional<qint64>((*found)->member.id);
}

Result<CardHolder> Enrolment::enrol(const EnrolmentRequest& request)
{
    if (auto valid = validate(request); !valid)
        return valid.error();

    const QSqlDatabase db = m_database.connection();
    const QString now = m_clock.nowIso();
    const auto referredBy = referrer(request.referrerCardNumber);
    if (!referredBy)
        return referredBy.error();
    const QString memberUuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();

    QSqlQuery member(db);
    member.prepare(QStringLiteral("INSERT INTO members (name, email, phone, birth_date, enrolled_at, uuid, referred_by)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    member.bindValue(0, request.name.trimmed());
    member.bindValue(1, textOrNull(request.email));
    member.bindValue(2, textOrNull(request.phone));
    member.bindValue(3, request.birthDate.isValid() ? QVariant(request.birthDate.toString(Qt::ISODate))
                                                    : QVariant(QMetaType::fromType<QString>()));
    member.bindValue(4, now);
    member.bindValue(5, memberUuid);
    member.bindValue(6, *referredBy ? QVariant(**referredBy) : QVariant(QMetaType::fromType<qint64>()));
    if (!member.exec())
        return StoreError::from(member.lastError());
    const qint64 memberId = member.lastInsertId().toLongLong();

    QSqlQuery card(db);
    card.prepare(QStringLiteral("INSERT INTO cards (number, member_id, state, issued_at, kind)"
                                " VALUES (?, ?, 'active', ?, 'number')"));
    card.bindValue(0, request.cardNumber);
    card.bindValue(1, memberId);
    card.bindValue(2, now);
    if (!card.exec())
        return StoreError::from(card.lastError());

    QSqlQuery consent(db);
    consent.prepare(QStringLiteral("INSERT INTO consents (member_id, purpose, given, text_version, recorded_at)"
                                   " VALUES (?, ?, 1, ?, ?)"));
    consent.bindValue(0, memberId);
    consent.bindValue(1, kConsentPurpose);
    consent.bindValue(2, request.consentTextVersion.trimmed());
    consent.bindValue(3, now);
    if (!consent.exec())
        return StoreError::from(consent.lastError());

    // The welcome bonus of the active programme, a lot like any other earned points.
    const Programme programme = ActiveProgramme::load(m_database, m_settings);
    const QDateTime localNow = m_clock.now().toLocalTime();
    QJsonArray welcome;
    LedgerRepository ledger(db);
    for (const Effect& effect : ProgrammeEngine(programme).enrolmentEffects(localNow)) {
        LedgerEntry entry;
        entry.memberId = memberId;
        entry.kind = QStringLiteral("earn");
        entry.points = effect.amount;
        entry.reason = effect.ruleId;
        entry.createdAt = now;
        entry.explanation = effect.explanation;
        if (const QDate expires = programme.expiry.expiresOn(localNow.date()); expires.isValid())
            entry.expiresOn = expires.toString(Qt::ISODate);
        if (auto appended = ledger.append(entry); !appended)
            return appended.error();
        welcome.append(QJsonObject{{QStringLiteral("rule"), effect.ruleId}, {QStringLiteral("points"), effect.amount}});
    }

    QJsonObject payload{{QStringLiteral("member_uuid"), memberUuid},
                        {QStringLiteral("member_id"), memberId},
                        {QStringLiteral("name"), request.name.trimmed()},
                        {QStringLiteral("email"), request.email.trimmed()},
                        {QStringLiteral("phone"), request.phone.trimmed()},
                        {QStringLiteral("birth_date"),
                         request.birthDate.isValid() ? request.birthDate.toString(Qt::ISODate) : QString()},
                        {QStringLiteral("card_number"), request.cardNumber},
                        {QStringLiteral("consent"),
                         QJsonObject{{QStringLiteral("purpose"), kConsentPurpose},
                                     {QStringLiteral("given"), true},
                                     {QStringLiteral("text_version"), request.consentTextVersion.trimmed()}}},
                        {QStringLiteral("enrolled_at"), now},
                        {QStringLiteral("welcome"), welcome}};
    OutboxRepository outbox(db);
    if (*referredBy) {
        const auto referrerUuid = outbox.memberUuid(**referredBy);
        if (!referrerUuid)
            return referrerUuid.error();
        payload.insert(QStringLiteral("referred_by_member_id"), **referredBy);
        payload.insert(QStringLiteral("referred_by_member_uuid"), *referrerUuid);
    } else {
        payload.insert(QStringLiteral("referred_by_member_uuid"), QJsonValue());
    }
    if (auto event = outbox.append(m_settings.tillId, kEnrolledEvent, payload, std::nullopt, now); !event)
        return event.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();

    CardHolder holder;
    holder.cardNumber = request.cardNumber;
    holder.cardState = CardState::Active;
    holder.member = Member{memberId, request.name.trimmed(), request.email.trimmed(), request.phone.trimmed(),
                           QDateTime::fromString(now, Qt::ISODateWithMs)};
    return holder;
}

}  // namespace loyalty
