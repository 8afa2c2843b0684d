#pragma once

#include "common/Result.h"
#include "settings/TillSettings.h"
#include "staff/StaffSession.h"

#include <QCoreApplication>

#include <optional>

namespace loyalty {

class Clock;
class Database;

// What ConsentRecorder wrote.
struct RecordedConsent
{
    qint64 id = 0;
    QString memberUuid;
    QString purpose;
    bool given = false;
    QString textVersion;
    QString recordedAt;
};

// Records a consent given or withdrawn, with its time and the version of the consent text the
// customer saw (ConsentText::version() for the programme; Enrolment records the first one). The
// consents table is append-only by use: the newest row per purpose is what holds, the older ones
// are the record of what held when. One transaction: the row, an audit entry when staff recorded
// it, and the "consent.recorded" outbox event for head office.
class ConsentRecorder final
{
    Q_DECLARE_TR_FUNCTIONS(ConsentRecorder)

public:
    static inline const QString kConsentRecordedEvent = QStringLiteral("consent.recorded");
    static constexpr int kMaxFieldLength = 64;

    ConsentRecorder(Database& database, const Clock& clock, const TillSettings& settings);

    // `by`: the signed-in staff member who took the customer's statement (checked in the database
    // and audited); without it (the customer's own device, loyalty-ctl) nothing is audited.
    Result<RecordedConsent> record(qint64 memberId, const QString& purpose, bool given, const QString& textVersion,
                                   const std::optional<StaffSession>& by = std::nullopt);

private:
    Database& m_database;
    const Clock& m_clock;
    TillSettings m_settings;
};

}  // namespace loyalty
