#pragma once

#include "common/Result.h"
#include "members/CardHolder.h"
#include "members/EnrolmentRequest.h"
#include "settings/TillSettings.h"

#include <QCoreApplication>

namespace loyalty {

class Clock;
class Database;

// Enrols a customer at the till: member, card, consent record, the programme's welcome bonus and
// a "member.enrolled" outbox event in one transaction. Without consent nobody is enrolled. A
// referrer's card links the new member to the referrer; the referral bonus follows the new
// member's first sale (ProgrammeEngine).
class Enrolment final
{
    Q_DECLARE_TR_FUNCTIONS(Enrolment)

public:
    static inline const QString kConsentPurpose = QStringLiteral("programme");
    static inline const QString kEnrolledEvent = QStringLiteral("member.enrolled");

    Enrolment(Database& database, const Clock& clock, const TillSettings& settings);

    Result<CardHolder> enrol(const EnrolmentRequest& request);

private:
    Result<Done> validate(const EnrolmentRequest& request) const;
    Result<std::optional<qint64>> referrer(const QString& cardNumber) const;

    Database& m_database;
    const Clock& m_clock;
    TillSettings m_settings;
};

}  // namespace loyalty
