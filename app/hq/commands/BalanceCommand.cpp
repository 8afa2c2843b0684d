#include "commands/BalanceCommand.h"

#include "HeadOffice.h"
#include "admin/HqReports.h"

#include <QLocale>

namespace loyalty::hq {

namespace {
// The card's state in words; --json keeps the stored word.
QString stateText(const QString& state)
{
    if (state == QLatin1String("active"))
        return BalanceCommand::tr("active");
    if (state == QLatin1String("blocked"))
        return BalanceCommand::tr("blocked");
    if (state == QLatin1String("replaced"))
        return BalanceCommand::tr("replaced");
    return state;
}
}  // namespace

Result<HqReport> BalanceCommand::run(HeadOffice& office, const QString& card)
{
    const auto balance = HqReports(office.database()).balance(card);
    if (!balance)
        return balance.error();
    QJsonObject accounts;
    QStringList lines{
        tr("Card %1 (%2): %3").arg(balance->cardNumber, stateText(balance->cardState), balance->memberName),
        tr("Member: %1").arg(balance->memberUuid)};
    const QLocale locale;
    for (auto it = balance->accounts.cbegin(); it != balance->accounts.cend(); ++it) {
        accounts.insert(it.key(), it.value());
        lines.append(tr("  %1: %2").arg(it.key(), locale.toString(it.value())));
    }
    HqReport report;
    report.json = {
        {QStringLiteral("card_number"), balance->cardNumber},     {QStringLiteral("member_uuid"), balance->memberUuid},
        {QStringLiteral("member_name"), balance->memberName},     {QStringLiteral("balance"), balance->points()},
        {QStringLiteral("wallet_minor"), balance->walletMinor()}, {QStringLiteral("accounts"), accounts}};
    lines.insert(2, tr("Points: %1").arg(locale.toString(balance->points())));
    report.text = lines.join(u'\n');
    return report;
}

}  // namespace loyalty::hq
