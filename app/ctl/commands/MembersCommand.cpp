#include "commands/MembersCommand.h"

#include "CtlTable.h"
#include "members/MemberRepository.h"
#include "store/Database.h"

#include <QJsonArray>

namespace loyalty {

MembersCommand::MembersCommand(const Database& database)
    : m_database(database)
{
}

Result<CtlReport> MembersCommand::run(int limit) const
{
    const auto members = MemberRepository(m_database.connection()).list(limit);
    if (!members)
        return members.error();

    QJsonArray rows;
    CtlTable table({{tr("ID"), CtlTable::Align::Right}, {tr("Name")}, {tr("Cards")}});
    for (const MemberListing& member : *members) {
        rows.append(QJsonObject{{QStringLiteral("id"), member.id},
                                {QStringLiteral("name"), member.name},
                                {QStringLiteral("cards"), QJsonArray::fromStringList(member.cardNumbers)}});
        table.addRow({QString::number(member.id), member.name, member.cardNumbers.join(QStringLiteral(", "))});
    }

    CtlReport report;
    report.json = {{QStringLiteral("members"), rows}};
    report.text = table.isEmpty() ? tr("There are no members.") : table.render();
    return report;
}

}  // namespace loyalty
