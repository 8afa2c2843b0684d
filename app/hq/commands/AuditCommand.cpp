#include "commands/AuditCommand.h"

#include "HeadOffice.h"
#include "admin/HqAuditVerifier.h"

#include <QJsonArray>

namespace loyalty::hq {

namespace {
QJsonArray toJson(const QList<qint64>& seqs)
{
    QJsonArray array;
    for (const qint64 seq : seqs)
        array.append(seq);
    return array;
}

QString joined(const QList<qint64>& seqs)
{
    QStringList texts;
    for (const qint64 seq : seqs)
        texts.append(QString::number(seq));
    return texts.join(QStringLiteral(", "));
}
}  // namespace

Result<HqReport> AuditCommand::verify(HeadOffice& office, const QString& tillId)
{
    const auto checked = HqAuditVerifier(office.database()).verify(tillId);
    if (!checked)
        return checked.error();
    const HqAuditReport& audit = *checked;
    QStringList lines;
    if (audit.ok()) {
        lines.append(
            tr("Head office's copy of the audit log of till %1 is intact: %n entries.", nullptr, int(audit.entries))
                .arg(tillId));
    } else {
        lines.append(tr("Head office's copy of the audit log of till %1 was tampered with.").arg(tillId));
        if (!audit.edited.isEmpty())
            lines.append(tr("Edited (the fields no longer give the hash): %1").arg(joined(audit.edited)));
        if (!audit.unlinked.isEmpty())
            lines.append(tr("Not linked to the entry before: %1").arg(joined(audit.unlinked)));
        if (!audit.forked.isEmpty())
            lines.append(
                tr("Two different entries with one number (the till's log was rewound): %1").arg(joined(audit.forked)));
    }
    if (audit.notReceived > 0) {
        lines.append(tr("%n entries never travel to head office (staff changes, exports) and are checked only at "
                        "the till with loyalty-ctl audit verify.",
                        nullptr, int(audit.notReceived)));
    }
    HqReport report;
    report.json = {{QStringLiteral("till_id"), tillId},
                   {QStringLiteral("ok"), audit.ok()},
                   {QStringLiteral("entries"), audit.entries},
                   {QStringLiteral("not_received"), audit.notReceived},
                   {QStringLiteral("edited"), toJson(audit.edited)},
                   {QStringLiteral("unlinked"), toJson(audit.unlinked)},
                   {QStringLiteral("forked"), toJson(audit.forked)}};
    report.text = lines.join(u'\n');
    report.exitCode = audit.ok() ? HqExitCode::Ok : HqExitCode::ProblemsFound;
    return report;
}

}  // namespace loyalty::hq
