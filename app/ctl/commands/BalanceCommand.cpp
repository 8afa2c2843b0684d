#include "commands/BalanceCommand.h"

#include "CtlTable.h"
#include "account/MemberStandingReader.h"
#include "account/TierProgressText.h"
#include "account/TierStanding.h"
#include "cards/formats/ScanDecoder.h"
#include "ledger/LedgerRepository.h"
#include "members/MemberRepository.h"
#include "money/MoneyFormatter.h"
#include "sale/ActiveProgramme.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "sync/client/MemberAccounts.h"
#include "time/Clock.h"

#include <QJsonArray>
#include <QLocale>

#include <algorithm>

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

// Every stamp card of the programme, and stamps left on a card the programme no longer has.
QJsonArray stampsJson(const Programme& programme, const MemberStanding& standing)
{
    QJsonArray cards;
    for (const StampCardDefinition& card : programme.stampCards) {
        cards.append(QJsonObject{{QStringLiteral("card"), card.id},
                                 {QStringLiteral("name"), card.name},
                                 {QStringLiteral("stamps"), standing.stamps.value(card.id)},
                                 {QStringLiteral("needed"), card.stampsNeeded}});
    }
    const auto defined = [&programme](const QString& id) {
        return std::any_of(programme.stampCards.cbegin(), programme.stampCards.cend(),
                           [&id](const StampCardDefinition& card) { return card.id == id; });
    };
    for (auto it = standing.stamps.cbegin(); it != standing.stamps.cend(); ++it) {
        if (!defined(it.key()) && it.value() != 0) {
            cards.append(QJsonObject{{QStringLiteral("card"), it.key()},
                                     {QStringLiteral("name"), it.key()},
                                     {QStringLiteral("stamps"), it.value()},
                                     {QStringLiteral("needed"), QJsonValue()}});
        }
    }
    return cards;
}
}  // namespace

BalanceCommand::BalanceCommand(Database& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
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
    const Programme programme = ActiveProgramme::load(m_database, *settings);
    const QDateTime now = m_clock.now().toLocalTime();
    MemberStandingReader reader(db);
    const auto standing = reader.read(holder.member.id, now, programme);
    if (!standing)
        return standing.error();
    TierStanding tiers(db);
    const auto progress = tiers.read(holder.member.id, now, programme);
    if (!progress)
        return progress.error();
    const TierDefinition* tier = programme.tier(progress->tierId);
    const QString progressText = TierProgressText::toNextTier(*progress, programme.currency);
    const QJsonArray stamps = stampsJson(programme, *standing);
    // The raw sums of every account, as loyalty-hq balance prints them, so a till and head office compare.
    const auto accounts = sync::MemberAccounts::read(db, holder.member.id);
    if (!accounts)
        return accounts.error();
    QJsonObject accountSums;
    for (auto it = accounts->accounts.cbegin(); it != accounts->accounts.cend(); ++it)
        accountSums.insert(it.key(), it.value());

    CtlReport report;
    report.json = {
        {QStringLiteral("card_number"), holder.cardNumber},
        {QStringLiteral("card_state"), toStorage(holder.cardState)},
        {QStringLiteral("member_id"), holder.member.id},
        {QStringLiteral("member_uuid"), accounts->memberUuid},
        {QStringLiteral("accounts"), accountSums},
        {QStringLiteral("member_name"), holder.member.name},
        {QStringLiteral("balance"), *balance},
        {QStringLiteral("currency"), programme.currency},
        {QStringLiteral("wallet_minor"), standing->walletMinor},
        {QStringLiteral("stamps"), stamps},
        {QStringLiteral("tier"), tier ? QJsonValue(tier->id) : QJsonValue()},
        {QStringLiteral("tier_name"), tier ? QJsonValue(tier->name) : QJsonValue()},
        {QStringLiteral("tier_held_by_grace"), progress->heldByGrace},
        {QStringLiteral("qualifying_value"), progress->qualifyingValue},
        {QStringLiteral("next_tier"), progress->nextTierId.isEmpty() ? QJsonValue() : QJsonValue(progress->nextTierId)},
        {QStringLiteral("needed_for_next"), progress->neededForNext},
        {QStringLiteral("tier_progress"), progressText},
        {QStringLiteral("expiring_points"), standing->expiringPoints},
        {QStringLiteral("expiring_on"),
         standing->expiringOn.isValid() ? QJsonValue(standing->expiringOn.toString(Qt::ISODate)) : QJsonValue()}};

    CtlTable table({{}, {}});
    table.addRow({tr("Member:"), tr("%1 (member %2)").arg(holder.member.name).arg(holder.member.id)});
    table.addRow({tr("Card:"), tr("%1 (%2)").arg(holder.cardNumber, describeState(holder.cardState))});
    const QLocale locale;
    table.addRow({tr("Balance:"), tr("%1 points").arg(locale.toString(*balance))});
    table.addRow({tr("Wallet:"), MoneyFormatter(locale).format(Money(standing->walletMinor, programme.currency))});
    for (const QJsonValue& stampCard : stamps) {
        const QJsonValue needed = stampCard[QLatin1String("needed")];
        const QString count = locale.toString(stampCard[QLatin1String("stamps")].toInteger());
        table.addRow({tr("Stamps, %1:").arg(stampCard[QLatin1String("name")].toString()),
                      needed.isNull() ? count : tr("%1 of %2").arg(count, locale.toString(needed.toInteger()))});
    }
    if (tier) {
        const QString held =
            progress->heldByGrace
                ? tr("%1 (kept until %2)").arg(tier->name, locale.toString(progress->graceUntil, QLocale::ShortFormat))
                : tier->name;
        table.addRow({tr("Tier:"), progressText.isEmpty() ? held : tr("%1; %2").arg(held, progressText)});
    }
    if (standing->expiringPoints > 0) {
        table.addRow({tr("Expiring:"), tr("%1 points on %2")
                                           .arg(locale.toString(standing->expiringPoints),
                                                locale.toString(standing->expiringOn, QLocale::ShortFormat))});
    }
    report.text = table.render();
    return report;
}

}  // namespace loyalty
