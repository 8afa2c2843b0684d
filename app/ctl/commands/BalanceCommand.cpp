#include "commands/BalanceCommand.h"

#include "CtlTable.h"
#include "cards/formats/ScanDecoder.h"
#include "ledger/LedgerRepository.h"
#include "members/MemberRepository.h"
#include "settings/TillSettings.h"
#include "store/Database.h"

#include <QLocale>

namespace loyalty {

namespace {
QString describeState(CardState state)
{
    switch (state) {
    case CardState::Active:
        return BalanceCommand::tr("active");
    case CardState::Blocked:
        return BalanceCommand::tr("blocked");
    case CardState::Replaced:
        return BalanceCommand::tr("replaced");
    }
    return {};
}
}  // namespace

BalanceCommand::BalanceCommand(const Database& database)
    : m_database(database)
{
}

Result<CtlReport> BalanceCommand::run(const QString& card) const
{
    const QSqlDatabase db = m_database.connection();
    const auto settings = TillSettings::load(db);
    if (!settings)
        return settings.error();
    // The same decoding as a scan at the till: a misread check digit or a payment card is refused,
    // not looked up.
    const auto read = ScanDecoder(settings->cardPrefix).decode(card, CardSource::CommandLine);
    if (!read)
        return read.error();
    if (read->kind != CardRead::Kind::LoyaltyNumber) {
        // Only a product GTIN gets here, never unrecognised input, so repeating it is safe.
        return Error{Error::Code::InvalidInput,
                     tr("%1 is not a loyalty card of this till; its cards are 13 digits starting with %2.")
                         .arg(read->identifier, settings->cardPrefix)};
    }

    MemberRepository members(db);
    const auto found = members.findByCard(read->identifier);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error{Error::Code::NotFound, tr("No member has the card %1.").arg(read->identifier)};
    const CardHolder& holder = **found;
    const auto balance = LedgerRepository(db).balance(holder.member.id);
    if (!balance)
        return balance.error();

    CtlReport report;
    report.json = {{QStringLiteral("card_number"), holder.cardNumber},
                   {QStringLiteral("card_state"), toStorage(holder.cardState)},
                   {QStringLiteral("member_id"), holder.member.id},
                   {QStringLiteral("member_name"), holder.member.name},
                   {QStringLiteral("balance"), *balance}};

    CtlTable table({{}, {}});
    table.addRow({tr("Member:"), tr("%1 (member %2)").arg(holder.member.name).arg(holder.member.id)});
    table.addRow({tr("Card:"), tr("%1 (%2)").arg(holder.cardNumber, describeState(holder.cardState))});
    table.addRow({tr("Balance:"), tr("%1 points").arg(QLocale().toString(*balance))});
    report.text = table.render();
    return report;
}

}  // namespace loyalty
