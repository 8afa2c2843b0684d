#include "commands/StaffCommand.h"

#include "CtlTable.h"
#include "staff/StaffDirectory.h"
#include "store/Database.h"
#include "time/Clock.h"

#include <QJsonArray>
#include <QLocale>
#include <QTextStream>

#include <termios.h>
#include <unistd.h>

namespace loyalty {

namespace {

// One line of at most StaffCommand::kMaxPinLine bytes, without its line end; nothing when the input
// ended first or the line is longer.
std::optional<QString> readLine(FILE* input)
{
    char buffer[StaffCommand::kMaxPinLine + 2] = {};
    if (!std::fgets(buffer, sizeof buffer, input))
        return std::nullopt;
    QByteArray line(buffer);
    std::fill(std::begin(buffer), std::end(buffer), '\0');
    if (line.endsWith('\n'))
        line.chop(1);
    else if (line.size() > StaffCommand::kMaxPinLine)
        return std::nullopt;
    if (line.endsWith('\r'))
        line.chop(1);
    const QString pin = QString::fromUtf8(line);
    line.fill('\0');
    return pin;
}

// Asks on standard error with the terminal's echo off, so the PIN is not on the screen.
std::optional<QString> askWithoutEcho(FILE* input, const QString& prompt)
{
    QTextStream err(stderr);
    err << prompt;
    err.flush();
    const int fd = fileno(input);
    termios saved{};
    const bool haveTerminal = tcgetattr(fd, &saved) == 0;
    if (haveTerminal) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(fd, TCSAFLUSH, &silent);
    }
    auto line = readLine(input);
    if (haveTerminal)
        tcsetattr(fd, TCSAFLUSH, &saved);
    err << u'\n';
    return line;
}

QString roleText(StaffRole role)
{
    return role == StaffRole::Manager ? StaffCommand::tr("manager") : StaffCommand::tr("cashier");
}

}  // namespace

StaffCommand::StaffCommand(Database& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<CtlReport> StaffCommand::add(const QString& name, StaffRole role, FILE* input) const
{
    std::optional<QString> pin;
    if (isatty(fileno(input))) {
        pin = askWithoutEcho(input, tr("PIN for %1 (%2 to %3 digits): ").arg(name).arg(4).arg(8));
        const auto again = askWithoutEcho(input, tr("The same PIN again: "));
        if (pin && again && *pin != *again)
            return Error{Error::Code::InvalidInput, tr("The two PINs differ; nothing was added."),
                         QStringLiteral("pin_mismatch")};
    } else {
        pin = readLine(input);
    }
    if (!pin || pin->isEmpty()) {
        return Error{Error::Code::InvalidInput,
                     tr("staff add reads the PIN from standard input (one line), e.g. \"loyalty-ctl staff add --name "
                        "Mara --role manager < pin.txt\"."),
                     QStringLiteral("no_pin")};
    }
    const auto added = StaffDirectory(m_database, m_clock).addAsAdministrator(name, role, *pin);
    pin->fill(QChar(u'\0'));
    if (!added)
        return added.error();

    CtlReport report;
    report.json = {{QStringLiteral("id"), added->id},
                   {QStringLiteral("name"), added->name},
                   {QStringLiteral("role"), staffRoleKey(added->role)},
                   {QStringLiteral("created_at"), added->createdAt}};
    report.text = tr("Added %1 as %2 (account %3).").arg(added->name, roleText(added->role)).arg(added->id) + u'\n';
    return report;
}

Result<CtlReport> StaffCommand::list() const
{
    const auto members = StaffDirectory(m_database, m_clock).list();
    if (!members)
        return members.error();
    const QDateTime now = m_clock.now();
    const QLocale locale;
    QJsonArray json;
    CtlTable table({{tr("Id"), CtlTable::Align::Right},
                    {tr("Name")},
                    {tr("Role")},
                    {tr("State")},
                    {tr("Wrong PINs"), CtlTable::Align::Right},
                    {tr("Created")}});
    for (const StaffMember& member : *members) {
        const bool locked = member.isLockedAt(now);
        const QString lockedUntil =
            member.lockedUntil.isValid() ? member.lockedUntil.toUTC().toString(Qt::ISODateWithMs) : QString();
        json.append(QJsonObject{{QStringLiteral("id"), member.id},
                                {QStringLiteral("name"), member.name},
                                {QStringLiteral("role"), staffRoleKey(member.role)},
                                {QStringLiteral("active"), member.active},
                                {QStringLiteral("locked"), locked},
                                {QStringLiteral("locked_until"), lockedUntil.isEmpty() ? QJsonValue() : lockedUntil},
                                {QStringLiteral("failed_attempts"), member.failedAttempts},
                                {QStringLiteral("created_at"), member.createdAt}});
        QString state = member.active ? tr("active") : tr("deactivated");
        if (member.active && locked)
            state = tr("locked until %1").arg(locale.toString(member.lockedUntil.toLocalTime(), QLocale::ShortFormat));
        table.addRow({locale.toString(member.id), member.name, roleText(member.role), state,
                      locale.toString(member.failedAttempts), member.createdAt});
    }
    CtlReport report;
    report.json = {{QStringLiteral("staff"), json}};
    report.text = members->isEmpty() ? tr("No staff accounts yet; the till asks for the first manager when it "
                                          "starts, or run \"loyalty-ctl staff add\".") +
                                           u'\n'
                                     : table.render();
    return report;
}

}  // namespace loyalty
