#include "commands/SaleCommand.h"

#include "CtlBasketBuilder.h"
#include "CtlEffects.h"
#include "CtlTable.h"
#include "money/MoneyFormatter.h"
#include "sale/SaleSession.h"
#include "settings/TillSettings.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QLocale>

namespace loyalty {

namespace {

// The JSON has the keys of a row of `sales --json`, plus what only the moment of sale knows.
CtlReport reportOf(const CompletedSale& sale, const QString& cardNumber)
{
    CtlReport report;
    const bool withMember = sale.memberId.has_value();
    const qint64 pointsEarned = withMember ? CtlEffects::ownPointsEarned(sale.effects) : 0;
    report.json = {{QStringLiteral("id"), sale.saleId},
                   {QStringLiteral("uuid"), sale.saleUuid},
                   {QStringLiteral("completed_at"), sale.completedAt},
                   {QStringLiteral("member_id"), withMember ? QJsonValue(*sale.memberId) : QJsonValue()},
                   {QStringLiteral("member_name"), withMember ? QJsonValue(sale.memberName) : QJsonValue()},
                   {QStringLiteral("card_number"), withMember ? QJsonValue(cardNumber) : QJsonValue()},
                   {QStringLiteral("total_minor"), sale.total.minorUnits()},
                   {QStringLiteral("currency"), sale.total.currency()},
                   {QStringLiteral("points_earned"), pointsEarned},
                   {QStringLiteral("item_count"), sale.itemCount},
                   {QStringLiteral("new_balance"), sale.newBalance ? QJsonValue(*sale.newBalance) : QJsonValue()},
                   {QStringLiteral("outbox_sequence"), sale.outboxSequence},
                   {QStringLiteral("programme_version"), sale.programmeVersion},
                   {QStringLiteral("discount_minor"), sale.effects.discount.minorUnits()},
                   {QStringLiteral("payable_minor"), sale.effects.payable.minorUnits()},
                   {QStringLiteral("points_redeemed"), sale.effects.pointsRedeemed()},
                   {QStringLiteral("new_wallet_minor"), withMember ? QJsonValue(sale.newWalletMinor) : QJsonValue()},
                   {QStringLiteral("effects"), CtlEffects::json(sale.effects.effects)},
                   {QStringLiteral("notices"), QJsonArray::fromStringList(sale.effects.notices)}};

    const QLocale locale;
    const MoneyFormatter money(locale);
    CtlTable table({{}, {}});
    table.addRow({SaleCommand::tr("Sale:"), QString::number(sale.saleId)});
    table.addRow({SaleCommand::tr("UUID:"), sale.saleUuid});
    table.addRow({SaleCommand::tr("Completed at:"), sale.completedAt});
    table.addRow({SaleCommand::tr("Member:"), withMember ? sale.memberName : SaleCommand::tr("none")});
    table.addRow({SaleCommand::tr("Items:"), locale.toString(sale.itemCount)});
    table.addRow({SaleCommand::tr("Total:"), money.format(sale.total)});
    table.addRow({SaleCommand::tr("Discount:"), money.format(sale.effects.discount)});
    table.addRow({SaleCommand::tr("Payable:"), money.format(sale.effects.payable)});
    table.addRow({SaleCommand::tr("Points earned:"), locale.toString(pointsEarned)});
    table.addRow({SaleCommand::tr("Points redeemed:"), locale.toString(sale.effects.pointsRedeemed())});
    if (sale.newBalance)
        table.addRow({SaleCommand::tr("New balance:"), locale.toString(*sale.newBalance)});
    if (withMember && sale.newWalletMinor != 0)
        table.addRow({SaleCommand::tr("New wallet:"), money.format(Money(sale.newWalletMinor, sale.total.currency()))});
    report.text = table.render() + CtlEffects::text(sale.effects);
    return report;
}

}  // namespace

SaleCommand::SaleCommand(Database& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<CtlReport> SaleCommand::run(const CtlRequest& request) const
{
    const auto settings = TillSettings::load(m_database.connection());
    if (!settings)
        return settings.error();
    SaleSession session(m_database, m_clock, *settings);
    if (auto filled = CtlBasketBuilder::fill(session, request); !filled)
        return filled.error();

    // complete() starts the next sale, which forgets the member's card.
    const QString cardNumber = session.member() ? session.member()->cardNumber : QString();
    const auto completed = session.complete();
    if (!completed)
        return completed.error();
    return reportOf(*completed, cardNumber);
}

}  // namespace loyalty
