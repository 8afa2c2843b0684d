#include "commands/TerminalCommand.h"

#include "HeadOffice.h"

#include <QJsonArray>

namespace loyalty::hq {

namespace {
// The till's state in words; --json keeps the stored word.
QString stateText(const QString& state)
{
    if (state == QLatin1String("active"))
        return TerminalCommand::tr("active");
    if (state == QLatin1String("disabled"))
        return TerminalCommand::tr("disabled");
    return state;
}
}  // namespace

Result<HqReport> TerminalCommand::add(HeadOffice& office, const QString& name)
{
    const auto code = office.addTerminal(name);
    if (!code)
        return code.error();
    HqReport report;
    report.json = {{QStringLiteral("name"), code->tillName},
                   {QStringLiteral("code"), code->code},
                   {QStringLiteral("expires_at"), code->expiresAt}};
    report.text = tr("Provisioning code for \"%1\": %2\nValid once, until %3 (UTC). On the till:\n"
                     "  loyalty-ctl provision --hq https://HEAD-OFFICE:PORT --code %2 [--ca FILE | --pin PIN]")
                      .arg(code->tillName, code->code, code->expiresAt);
    return report;
}

Result<HqReport> TerminalCommand::list(HeadOffice& office)
{
    const auto tills = office.tills();
    if (!tills)
        return tills.error();
    HqReport report;
    QJsonArray rows;
    QStringList lines;
    for (const TillRecord& till : *tills) {
        rows.append(QJsonObject{
            {QStringLiteral("till_id"), till.id},
            {QStringLiteral("name"), till.name},
            {QStringLiteral("state"), till.state},
            {QStringLiteral("provisioned_at"), till.provisionedAt},
            {QStringLiteral("events"), till.accepted},
            {QStringLiteral("last_seen"), till.lastSeen.isEmpty() ? QJsonValue() : QJsonValue(till.lastSeen)}});
        lines.append(tr("%1  %2  %3  provisioned %4, last seen %5")
                         .arg(till.id, till.name, stateText(till.state), till.provisionedAt,
                              till.lastSeen.isEmpty() ? tr("never") : till.lastSeen));
    }
    report.json = {{QStringLiteral("tills"), rows}};
    report.text = lines.isEmpty() ? tr("No till is provisioned yet; \"loyalty-hq terminal add --name N\" makes a code.")
                                  : lines.join(u'\n');
    return report;
}

Result<HqReport> TerminalCommand::disable(HeadOffice& office, const QString& tillId)
{
    if (auto disabled = office.disableTill(tillId); !disabled)
        return disabled.error();
    HqReport report;
    report.json = {{QStringLiteral("till_id"), tillId}, {QStringLiteral("state"), QStringLiteral("disabled")}};
    report.text = tr("Till %1 is disabled; head office refuses its requests from now on.").arg(tillId);
    return report;
}

}  // namespace loyalty::hq
