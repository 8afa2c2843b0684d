#pragma once

#include "common/Result.h"
#include "money/Points.h"

#include <QCoreApplication>
#include <QStringList>

namespace loyalty {
class Clock;
}

namespace loyalty::hq {

class HqDatabase;

// `import members FILE.csv`: members from another system, all or nothing. The file is UTF-8 CSV
// (RFC 4180: comma-separated, fields with commas, quotes or line breaks in double quotes) whose
// first line names the columns, in any order:
//   number       required: the member number, a whole number from 1; the uuid is derived from it
//                (sync::memberUuidForNumber), as for the demo members
//   name         required
//   email, phone optional
//   birth_date   optional, YYYY-MM-DD
//   card_number  optional: the member's loyalty card (digits, at most 32)
//   points       optional: an opening points balance (0 or more), booked as "opening/UUID"
// Every line is checked before anything is written; with any problem nothing is imported and the
// errors name their line numbers.
class MemberImport final
{
    Q_DECLARE_TR_FUNCTIONS(MemberImport)

public:
    static constexpr int kMaxReportedProblems = 20;

    struct Summary
    {
        qint64 members = 0;
        qint64 cards = 0;
        Points openingPoints = 0;
    };

    MemberImport(HqDatabase& database, const Clock& clock);

    // Error::Code::InvalidInput with every problem (up to kMaxReportedProblems), one per line of
    // the message, when the file is refused.
    Result<Summary> run(const QByteArray& csv);

    // Splits CSV text into records of fields; `lines` gets each record's first line number.
    static Result<QList<QStringList>> parseCsv(const QString& text, QList<int>& lines);

private:
    HqDatabase& m_database;
    const Clock& m_clock;
};

}  // namespace loyalty::hq
