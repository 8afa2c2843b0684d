#include "commands/QuoteCommand.h"

#include "CtlBasketBuilder.h"
#include "CtlEffects.h"
#include "CtlTable.h"
#include "money/MoneyFormatter.h"
#include "sale/SaleService.h"
#include "sale/SaleSession.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "time/Clock.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QLocale>

namespace loyalty {

namespace {

QJsonArray linesJson(const Basket& basket, const Evaluation& evaluation)
{
    QJsonArray lines;
    for (qsizetype i = 0; i < basket.lines().size(); ++i) {
        const BasketLine& line = basket.lines()[i];
        lines.append(
            QJsonObject{{QStringLiteral("ean"), line.product.ean},
                        {QStringLiteral("name"), line.product.name},
                        {QStringLiteral("quantity"), line.quantity},
                        {QStringLiteral("unit_price_minor"), line.product.price.minorUnits()},
                        {QStringLiteral("line_total_minor"), line.total().minorUnits()},
                        {QStringLiteral("paid_minor"), evaluation.linePaidMinor.value(i, line.total().minorUnits())}});
    }
    return lines;
}

QString linesText(const Basket& basket, const Evaluation& evaluation, const MoneyFormatter& money,
                  const QLocale& locale)
{
    CtlTable table({{QuoteCommand::tr("EAN")},
                    {QuoteCommand::tr("Name")},
                    {QuoteCommand::tr("Qty"), CtlTable::Align::Right},
                    {QuoteCommand::tr("Price"), CtlTable::Align::Right},
                    {QuoteCommand::tr("Total"), CtlTable::Align::Right},
                    {QuoteCommand::tr("Pays"), CtlTable::Align::Right}});
    for (qsizetype i = 0; i < basket.lines().size(); ++i) {
        const BasketLine& line = basket.lines()[i];
        const Money paid(evaluation.linePaidMinor.value(i, line.total().minorUnits()), basket.currency());
        table.addRow({line.product.ean, line.product.name, locale.toString(line.quantity),
                      money.format(line.product.price), money.format(line.total()), money.format(paid)});
    }
    return table.render();
}

}  // namespace

QuoteCommand::QuoteCommand(Database& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<CtlReport> QuoteCommand::run(const CtlRequest& request) const
{
    const auto settings = TillSettings::load(m_database.connection());
    if (!settings)
        return settings.error();
    SaleSession session(m_database, m_clock, *settings);
    if (auto filled = CtlBasketBuilder::fill(session, request); !filled)
        return filled.error();

    // The session's own evaluation turns an error into a notice for the screen; a quote reports it.
    SaleService service(m_database, m_clock, *settings, session.engine());
    const auto evaluated = service.preview(session.basket(), session.member(), session.options());
    if (!evaluated)
        return evaluated.error();
    const Evaluation& evaluation = *evaluated;
    const std::optional<CardHolder>& member = session.member();
    const std::optional<MemberStanding>& standing = session.standing();
    const Programme& programme = session.engine().programme();

    const qint64 pointsEarned = member ? CtlEffects::ownPointsEarned(evaluation) : 0;
    const qint64 pointsRedeemed = evaluation.pointsRedeemed();
    const bool withStanding = member && standing;
    const qint64 balanceBefore = withStanding ? standing->points : 0;
    const qint64 balanceAfter = balanceBefore + CtlEffects::accountChange(evaluation, QStringLiteral("points"));
    const qint64 walletBefore = withStanding ? standing->walletMinor : 0;
    const qint64 walletAfter = walletBefore + CtlEffects::accountChange(evaluation, QStringLiteral("wallet"));
    const QString at = m_clock.now().toLocalTime().toString(Qt::ISODate);
    const auto orNull = [withStanding](qint64 value) { return withStanding ? QJsonValue(value) : QJsonValue(); };

    CtlReport report;
    report.json = {
        {QStringLiteral("at"), at},
        {QStringLiteral("programme_id"), programme.id},
        {QStringLiteral("programme_version"), programme.version},
        {QStringLiteral("member_id"), member ? QJsonValue(member->member.id) : QJsonValue()},
        {QStringLiteral("member_name"), member ? QJsonValue(member->member.name) : QJsonValue()},
        {QStringLiteral("card_number"), member ? QJsonValue(member->cardNumber) : QJsonValue()},
        {QStringLiteral("currency"), session.basket().currency()},
        {QStringLiteral("lines"), linesJson(session.basket(), evaluation)},
        {QStringLiteral("effects"), CtlEffects::json(evaluation.effects)},
        {QStringLiteral("notices"), QJsonArray::fromStringList(evaluation.notices)},
        {QStringLiteral("item_count"), session.basket().itemCount()},
        {QStringLiteral("total_minor"), evaluation.total.minorUnits()},
        {QStringLiteral("discount_minor"), evaluation.discount.minorUnits()},
        {QStringLiteral("payable_minor"), evaluation.payable.minorUnits()},
        {QStringLiteral("points_earned"), pointsEarned},
        {QStringLiteral("points_redeemed"), pointsRedeemed},
        {QStringLiteral("balance_before"), orNull(balanceBefore)},
        {QStringLiteral("balance_after"), orNull(balanceAfter)},
        {QStringLiteral("wallet_before_minor"), orNull(walletBefore)},
        {QStringLiteral("wallet_after_minor"), orNull(walletAfter)},
    };

    const QLocale locale;
    const MoneyFormatter money(locale);
    CtlTable head({{}, {}});
    head.addRow({tr("Quote at:"), locale.toString(m_clock.now().toLocalTime(), QLocale::ShortFormat)});
    head.addRow({tr("Programme:"), tr("%1, version %2").arg(programme.id).arg(programme.version)});
    head.addRow({tr("Member:"), member ? tr("%1 (card %2)").arg(member->member.name, member->cardNumber) : tr("none")});
    CtlTable totals({{}, {}});
    totals.addRow({tr("Total:"), money.format(evaluation.total)});
    totals.addRow({tr("Discount:"), money.format(evaluation.discount)});
    totals.addRow({tr("Payable:"), money.format(evaluation.payable)});
    totals.addRow({tr("Points earned:"), locale.toString(pointsEarned)});
    totals.addRow({tr("Points redeemed:"), locale.toString(pointsRedeemed)});
    if (withStanding) {
        totals.addRow({tr("Balance after:"),
                       tr("%1 points (now %2)").arg(locale.toString(balanceAfter), locale.toString(balanceBefore))});
        if (walletBefore != 0 || walletAfter != 0)
            totals.addRow({tr("Wallet after:"), money.format(Money(walletAfter, session.basket().currency()))});
    }
    report.text = head.render() + u'\n' + linesText(session.basket(), evaluation, money, locale) + u'\n' +
                  CtlEffects::text(evaluation) + totals.render() + tr("Nothing was written: this is a quote.") + u'\n';
    return report;
}

}  // namespace loyalty
