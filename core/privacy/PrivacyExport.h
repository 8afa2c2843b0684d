#pragma once

#include "common/Result.h"
#include "privacy/MemberExport.h"
#include "settings/TillSettings.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QSqlDatabase>

namespace loyalty {

class Clock;
class Database;
struct StaffSession;

// The answer to a member's request for their data (a manager only): the member row, cards,
// consents, every ledger entry and balance, sales with their lines, effects and returns, sales at
// other tills as head office reported them, coupon uses, segments, feedback answers, referrals
// and the audit entries about them, as JSON (format "loyalty-till.member-export", version 1), and
// a plain-text summary. Other members stay out: of a referral the export gives who referred this
// member and how many members this member referred, by pseudonymous uuid only for the referrer.
// The export itself is recorded in the audit log ("member.exported"), in the transaction that
// reads the data, so the copy and its record match; no outbox event (nothing changed).
class PrivacyExport final
{
    Q_DECLARE_TR_FUNCTIONS(PrivacyExport)

public:
    static inline const QString kFormat = QStringLiteral("loyalty-till.member-export");
    static constexpr int kFormatVersion = 1;

    PrivacyExport(Database& database, const Clock& clock, const TillSettings& settings);

    Result<MemberExport> exportMember(const StaffSession& by, qint64 memberId, const QLocale& locale = QLocale());

    // The readable summary of an export document (exportMember's `summary`).
    static QString summaryOf(const QJsonObject& document, const QLocale& locale = QLocale());

private:
    Result<QJsonObject> readMember(qint64 memberId) const;
    Result<QJsonArray> rows(const QString& sql, const QVariantList& values) const;
    Result<QJsonArray> readSales(qint64 memberId) const;

    Database& m_database;
    const Clock& m_clock;
    TillSettings m_settings;
};

}  // namespace loyalty
