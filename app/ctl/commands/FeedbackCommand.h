#pragma once

#include "CtlReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class Clock;
class Database;

// `feedback --sale SALE`: the sale's member answered the feedback survey; books the programme's
// feedback points once per sale (FeedbackBooking). A second time is refused and changes nothing.
class FeedbackCommand final
{
    Q_DECLARE_TR_FUNCTIONS(FeedbackCommand)

public:
    FeedbackCommand(Database& database, const Clock& clock);

    Result<CtlReport> run(const QString& sale) const;

private:
    Database& m_database;
    const Clock& m_clock;
};

}  // namespace loyalty
