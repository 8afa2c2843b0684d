#include "commands/ReturnCommand.h"

#include "CtlSaleReference.h"
#include "CtlTable.h"
#include "account/ReturnService.h"
#include "money/MoneyFormatter.h"
#include "sale/ActiveProgramme.h"
#include "settings/TillSettings.h"
#include "store/Database.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace loyalty {

namespace {

// Spreads each requested EAN over the sale's lines of that product that still have items to
// return, in line order. What cannot be placed is left to the ReturnService to refuse with its
// own message (how many can still come back).
Result<QList<ReturnLineRequest>> linesToReturn(const ReturnableSale& sale, const QList<CtlRequest::SaleLine>& requested)
{
    QHash<int, qint64> taken;  // line_no -> already placed by this request
    QList<ReturnLineRequest> result;
    for (const CtlRequest::SaleLine& wanted : requested) {
        QList<const ReturnableLine*> matching;
        for (const ReturnableLine& line : sale.lines) {
            if (line.ean == wanted.ean)
                matching.append(&line);
        }
        if (matching.isEmpty()) {
            return Error{Error::Code::NotFound,
                         ReturnCommand::tr("Sale %1 has no line with the product %2.").arg(sale.id).arg(wanted.ean)};
        }
        qint64 remaining = wanted.quantity;
        for (const ReturnableLine* line : matching) {
            const qint64 open = line->quantity - line->returned - taken.value(line->lineNo);
            const qint64 now = std::min(remaining, std::max<qint64>(open, 0));
            if (now > 0) {
                result.append({line->lineNo, now});
                taken[line->lineNo] += now;
                remaining -= now;
            }
        }
        if (remaining > 0) {
            const ReturnableLine* last = matching.last();
            result.append({last->lineNo, remaining});
        }
    }
    return result;
}

}  // namespace

ReturnCommand::ReturnCommand(Database& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<CtlReport> ReturnCommand::run(const QString& saleReference, const QList<CtlRequest::SaleLine>& lines) const
{
    const QSqlDatabase db = m_database.connection();
    const auto settings = TillSettings::load(db);
    if (!settings)
        return settings.error();
    const auto sale = CtlSaleReference::load(db, saleReference);
    if (!sale)
        return sale.error();
    const auto requests = linesToReturn(*sale, lines);
    if (!requests)
        return requests.error();

    const Programme programme = ActiveProgramme::load(m_database, *settings);
    ReturnService service(db, m_clock, settings->tillId);
    const auto returned = service.returnLines(sale->id, *requests, programme);
    if (!returned)
        return returned.error();
    const CompletedReturn& done = *returned;
    const bool withMember = done.memberId.has_value();

    QJsonArray reversed;
    for (const ReversedEffect& effect : done.reversed) {
        reversed.append(QJsonObject{{QStringLiteral("effect_no"), effect.effectNo},
                                    {QStringLiteral("rule"), effect.ruleId},
                                    {QStringLiteral("kind"), effect.kind},
                                    {QStringLiteral("account"), effect.account},
                                    {QStringLiteral("amount"), effect.amount},
                                    {QStringLiteral("explanation"), effect.explanation}});
    }
    CtlReport report;
    report.json = {{QStringLiteral("return_id"), done.returnId},
                   {QStringLiteral("uuid"), done.uuid},
                   {QStringLiteral("sale_id"), done.saleId},
                   {QStringLiteral("sale_uuid"), sale->uuid},
                   {QStringLiteral("created_at"), done.createdAt},
                   {QStringLiteral("member_id"), withMember ? QJsonValue(*done.memberId) : QJsonValue()},
                   {QStringLiteral("refund_minor"), done.refund.minorUnits()},
                   {QStringLiteral("currency"), done.refund.currency()},
                   {QStringLiteral("reversed"), reversed},
                   {QStringLiteral("new_balance"), withMember ? QJsonValue(done.pointsBalance) : QJsonValue()}};

    const QLocale locale;
    CtlTable table({{}, {}});
    table.addRow({tr("Return:"), QString::number(done.returnId)});
    table.addRow({tr("UUID:"), done.uuid});
    table.addRow({tr("Sale:"), QString::number(done.saleId)});
    table.addRow({tr("Refund:"), MoneyFormatter(locale).format(done.refund)});
    if (withMember)
        table.addRow({tr("New balance:"), locale.toString(done.pointsBalance)});
    report.text = table.render();
    if (!done.reversed.isEmpty()) {
        report.text += tr("Reversed:") + u'\n';
        for (const ReversedEffect& effect : done.reversed)
            report.text += QStringLiteral("  ") + effect.explanation + u'\n';
    }
    return report;
}

}  // namespace loyalty
