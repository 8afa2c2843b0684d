#include "commands/SaleCommand.h"

#include "CtlTable.h"
#include "money/MoneyFormatter.h"
#include "sale/SaleSession.h"
#include "settings/TillSettings.h"
#include "store/Database.h"

#include <QJsonValue>
#include <QLocale>

namespace loyalty {

namespace {

// The JSON has the keys of a row of `sales --json`, plus what only the moment of sale knows.
CtlReport reportOf(const CompletedSale& sale, const QString& cardNumber)
{
    CtlReport report;
    const bool withMember = sale.memberId.has_value();
    report.json = {{QStringLiteral("id"), sale.saleId},
                   {QStringLiteral("uuid"), sale.saleUuid},
                   {QStringLiteral("completed_at"), sale.completedAt},
                   {QStringLiteral("member_id"), withMember ? QJsonValue(*sale.memberId) : QJsonValue()},
                   {QStringLiteral("member_name"), withMember ? QJsonValue(sale.memberName) : QJsonValue()},
                   {QStringLiteral("card_number"), withMember ? QJsonValue(cardNumber) : QJsonValue()},
                   {QStringLiteral("total_minor"), sale.total.minorUnits()},
                   {QStringLiteral("currency"), sale.total.currency()},
                   {QStringLiteral("points_earned"), sale.effects.pointsEarned()},
                   {QStringLiteral("item_count"), sale.itemCount},
                   {QStringLiteral("new_balance"), sale.newBalance ? QJsonValue(*sale.newBalance) : QJsonValue()},
                   {QStringLiteral("outbox_sequence"), sale.outboxSequence}};

    const QLocale locale;
    CtlTable table({{}, {}});
    table.addRow({SaleCommand::tr("Sale:"), QString::number(sale.saleId)});
    table.addRow({SaleCommand::tr("UUID:"), sale.saleUuid});
    table.addRow({SaleCommand::tr("Completed at:"), sale.completedAt});
    table.addRow({SaleCommand::tr("Member:"), withMember ? sale.memberName : SaleCommand::tr("none")});
    table.addRow({SaleCommand::tr("Items:"), locale.toString(sale.itemCount)});
    table.addRow({SaleCommand::tr("Total:"), MoneyFormatter(locale).format(sale.total)});
    table.addRow({SaleCommand::tr("Points earned:"), locale.toString(sale.effects.pointsEarned())});
    if (sale.newBalance)
        table.addRow({SaleCommand::tr("New balance:"), locale.toString(*sale.newBalance)});
    report.text = table.render();
    return report;
}

}  // namespace

SaleCommand::SaleCommand(Database& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<CtlReport> SaleCommand::run(const QString& card, const QList<CtlRequest::SaleLine>& lines) const
{
    const auto settings = TillSettings::load(m_database.connection());
    if (!settings)
        return settings.error();
    SaleSession session(m_database, m_clock, *settings);

    if (!card.isEmpty()) {
        const ScanOutcome outcome = session.scan(card, 1, CardSource::CommandLine);
        if (outcome.kind == ScanOutcome::Kind::Refused)
            return Error{outcome.error, outcome.message};
        if (outcome.kind != ScanOutcome::Kind::MemberAttached) {
            // Only a product GTIN gets here, never unrecognised input, so repeating it is safe.
            return Error{Error::Code::InvalidInput,
                         tr("%1 is not a loyalty card; give products with --line.").arg(card)};
        }
    }

    qint64 requested = 0;
    for (const CtlRequest::SaleLine& line : lines) {
        const ScanOutcome outcome = session.scan(line.ean, line.quantity, CardSource::CommandLine);
        if (outcome.kind == ScanOutcome::Kind::Refused)
            return Error{outcome.error, outcome.message};
        if (outcome.kind == ScanOutcome::Kind::MemberAttached)
            return Error{Error::Code::InvalidInput, tr("%1 is a loyalty card; give it with --card.").arg(line.ean)};
        if (outcome.kind != ScanOutcome::Kind::ProductAdded)
            return Error{Error::Code::InvalidInput, tr("A --line is empty.")};
        requested += line.quantity;
    }
    // The basket caps each product's quantity; a sale must never quietly sell fewer than asked for.
    if (session.basket().itemCount() != requested) {
        return Error{Error::Code::InvalidInput,
                     tr("A sale takes at most %1 of one product; nothing was sold.").arg(Basket::kMaxQuantity)};
    }

    // complete() starts the next sale, which forgets the member's card.
    const QString cardNumber = session.member() ? session.member()->cardNumber : QString();
    const auto completed = session.complete();
    if (!completed)
        return completed.error();
    return reportOf(*completed, cardNumber);
}

}  // namespace loyalty
