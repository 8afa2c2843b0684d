#include "commands/SalesCommand.h"

#include "CtlTable.h"
#include "money/MoneyFormatter.h"
#include "sale/SaleHistory.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QLocale>

namespace loyalty {

SalesCommand::SalesCommand(const Database& database)
    : m_database(database)
{
}

Result<CtlReport> SalesCommand::run(int limit) const
{
    const auto sales = SaleHistory(m_database.connection()).recent(limit);
    if (!sales)
        return sales.error();

    const QLocale locale;
    const MoneyFormatter formatter(locale);
    QJsonArray rows;
    CtlTable table({{tr("ID"), CtlTable::Align::Right},
                    {tr("Completed at")},
                    {tr("Member")},
                    {tr("Total"), CtlTable::Align::Right},
                    {tr("Points"), CtlTable::Align::Right},
                    {tr("UUID")}});
    for (const SaleSummary& sale : *sales) {
        const bool withMember = sale.memberId.has_value();
        rows.append(
            QJsonObject{{QStringLiteral("id"), sale.id},
                        {QStringLiteral("uuid"), sale.uuid},
                        {QStringLiteral("completed_at"), sale.completedAt},
                        {QStringLiteral("member_id"), withMember ? QJsonValue(*sale.memberId) : QJsonValue()},
                        {QStringLiteral("member_name"), withMember ? QJsonValue(sale.memberName) : QJsonValue()},
                        {QStringLiteral("card_number"), withMember ? QJsonValue(sale.cardNumber) : QJsonValue()},
                        {QStringLiteral("total_minor"), sale.total.minorUnits()},
                        {QStringLiteral("currency"), sale.total.currency()},
                        {QStringLiteral("points_earned"), sale.pointsEarned},
                        {QStringLiteral("item_count"), sale.itemCount}});
        table.addRow({QString::number(sale.id), sale.completedAt, withMember ? sale.memberName : tr("none"),
                      formatter.format(sale.total), locale.toString(sale.pointsEarned), sale.uuid});
    }

    CtlReport report;
    report.json = {{QStringLiteral("sales"), rows}};
    report.text = table.isEmpty() ? tr("No sales yet.") : table.render();
    return report;
}

}  // namespace loyalty
