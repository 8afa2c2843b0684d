#include "commands/AuditCommand.h"

#include "CtlTable.h"
#include "audit/AuditLog.h"
#include "audit/AuditVerifier.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace loyalty {

namespace {

QString compact(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString staffOf(const AuditEntry& entry)
{
    return entry.staffId == 0 ? entry.staffName : QStringLiteral("%1 (#%2)").arg(entry.staffName).arg(entry.staffId);
}

}  // namespace

AuditCommand::AuditCommand(Database& database)
    : m_database(database)
{
}

Result<CtlReport> AuditCommand::verify() const
{
    const QSqlDatabase db = m_database.connection();
    const auto verified = AuditVerifier(db).run();
    if (!verified)
        return verified.error();
    const AuditVerification& found = *verified;

    CtlReport report;
    report.exitCode = found.ok() ? CtlExitCode::Ok : CtlExitCode::Tampered;
    report.json = {{QStringLiteral("ok"), found.ok()},
                   {QStringLiteral("entries"), found.entries},
                   {QStringLiteral("problem"), found.problemKey()}};
    const QLocale locale;
    if (found.ok()) {
        report.text = tr("The audit log is intact: %n entry(s), every one linked to the one before.", nullptr,
                         int(found.entries)) +
                      u'\n';
        return report;
    }
    report.json.insert(QStringLiteral("first_bad_seq"), found.firstBadSeq);
    report.json.insert(QStringLiteral("message"), found.message);
    report.text = tr("The audit log was tampered with.") + u'\n' + found.message + u'\n';

    // The entry at the first bad seq as it is stored now (a deleted one is not there to show).
    const auto stored = AuditLog(db).list(1, found.firstBadSeq + 1);
    if (!stored)
        return stored.error();
    if (!stored->isEmpty() && stored->first().seq == found.firstBadSeq) {
        const AuditEntry& entry = stored->first();
        report.json.insert(QStringLiteral("entry"), entry.toJson());
        CtlTable table({{}, {}});
        table.addRow({tr("Entry:"), locale.toString(entry.seq)});
        table.addRow({tr("Recorded:"), entry.recordedAt});
        table.addRow({tr("Staff:"), staffOf(entry)});
        table.addRow({tr("Action:"), entry.action});
        table.addRow({tr("Member:"), entry.memberRef});
        table.addRow({tr("Reason:"), entry.reason});
        table.addRow({tr("Before:"), compact(entry.before)});
        table.addRow({tr("After:"), compact(entry.after)});
        table.addRow({tr("Previous hash:"), entry.prevHash});
        table.addRow({tr("Hash:"), entry.hash});
        report.text += u'\n' + table.render();
    }
    return report;
}

Result<CtlReport> AuditCommand::list(int limit) const
{
    const auto entries = AuditLog(m_database.connection()).list(limit);
    if (!entries)
        return entries.error();
    QJsonArray json;
    for (const AuditEntry& entry : *entries)
        json.append(entry.toJson());
    CtlReport report;
    report.json = {{QStringLiteral("entries"), json}};
    if (entries->isEmpty()) {
        report.text = tr("The audit log is empty.") + u'\n';
        return report;
    }
    const QLocale locale;
    CtlTable table({{tr("Seq"), CtlTable::Align::Right},
                    {tr("Recorded")},
                    {tr("Staff")},
                    {tr("Action")},
                    {tr("Member")},
                    {tr("Reason")},
                    {tr("Before")},
                    {tr("After")}});
    for (const AuditEntry& entry : *entries) {
        table.addRow({locale.toString(entry.seq), entry.recordedAt, staffOf(entry), entry.action, entry.memberRef,
                      entry.reason, compact(entry.before), compact(entry.after)});
    }
    report.text = table.render();
    return report;
}

}  // namespace loyalty
