#pragma once

#include "common/Result.h"
#include "members/CardHolder.h"
#include "members/EnrolmentRequest.h"
#include "settings/TillSettings.h"

#include <QCoreApplication>

namespace loyalty {

class Clock;
class Database;

// Enrols a customer at the till: member, card, consent record and a "member.enrolled" outbox
// event in one transaction. Without consent nobody is enrolled.
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

    Database& m_database;
    const Clock& m_clock;
    TillSettings m_settings;
};

}  // namespace loyalty
