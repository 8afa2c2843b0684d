#include "commands/FeedbackCommand.h"

#include "CtlEffects.h"
#include "CtlSaleReference.h"
#include "CtlTable.h"
#include "account/FeedbackBooking.h"
#include "program/ProgrammeEngine.h"
#include "sale/ActiveProgramme.h"
#include "settings/TillSettings.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QLocale>

namespace loyalty {

FeedbackCommand::FeedbackCommand(Database& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<CtlReport> FeedbackCommand::run(const QString& saleReference) const
{
    const QSqlDatabase db = m_database.connection();
    const auto settings = TillSettings::load(db);
    if (!settings)
        return settings.error();
    const auto sale = CtlSaleReference::load(db, saleReference);
    if (!sale)
        return sale.error();
    const ProgrammeEngine engine(ActiveProgramme::load(m_database, *settings));
    const auto booked =
        FeedbackBooking(db, m_clock, settings->tillId).book(sale->id, sale->uuid, sale->memberId, engine);
    if (!booked)
        return booked.error();

    CtlReport report;
    report.json = {{QStringLiteral("sale_id"), sale->id},
                   {QStringLiteral("sale_uuid"), sale->uuid},
                   {QStringLiteral("member_id"), *sale->memberId},
                   {QStringLiteral("answered_at"), booked->answeredAt},
                   {QStringLiteral("points"), booked->points},
                   {QStringLiteral("effects"), CtlEffects::json(booked->effects)},
                   {QStringLiteral("new_balance"), booked->newBalance},
                   {QStringLiteral("outbox_sequence"), booked->outboxSequence}};
    const QLocale locale;
    CtlTable table({{}, {}});
    table.addRow({tr("Sale:"), QString::number(sale->id)});
    table.addRow({tr("Member:"), QString::number(*sale->memberId)});
    table.addRow({tr("Points:"), locale.toString(booked->points)});
    table.addRow({tr("New balance:"), locale.toString(booked->newBalance)});
    report.text = table.render();
    for (const Effect& effect : booked->effects)
        report.text += QStringLiteral("  ") + effect.explanation + u'\n';
    return report;
}

}  // namespace loyalty
