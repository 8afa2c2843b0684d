#include "commands/ConflictsCommand.h"

#include "HeadOffice.h"
#include "admin/HqReports.h"

#include <QJsonArray>

namespace loyalty::hq {

namespace {
QJsonValue optional(const QString& text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}
}  // namespace

Result<HqReport> ConflictsCommand::run(HeadOffice& office)
{
    HqReports reports(office.database());
    const auto overdrafts = reports.overdrafts();
    if (!overdrafts)
        return overdrafts.error();
    const auto coupons = reports.couponConflicts();
    if (!coupons)
        return coupons.error();
    QJsonArray overdraftRows;
    QStringList lines;
    for (const HqReports::Overdraft& overdraft : *overdrafts) {
        overdraftRows.append(QJsonObject{{QStringLiteral("event_id"), overdraft.eventId},
                                         {QStringLiteral("member_uuid"), overdraft.memberUuid},
                                         {QStringLiteral("member_name"), overdraft.memberName},
                                         {QStringLiteral("account"), overdraft.account},
                                         {QStringLiteral("balance"), overdraft.balance},
                                         {QStringLiteral("till_id"), overdraft.tillId},
                                         {QStringLiteral("recorded_at"), overdraft.recordedAt}});
        lines.append(tr("Overdraft: %1 (%2) %3 at %4 after event %5 of till %6")
                         .arg(overdraft.memberName, overdraft.memberUuid, overdraft.account)
                         .arg(overdraft.balance)
                         .arg(overdraft.eventId, overdraft.tillId));
    }
    QJsonArray couponRows;
    for (const HqReports::CouponConflict& conflict : *coupons) {
        couponRows.append(QJsonObject{
            {QStringLiteral("code"), conflict.code},
            {QStringLiteral("winner"), QJsonObject{{QStringLiteral("event_id"), conflict.winnerEventId},
                                                   {QStringLiteral("till_id"), conflict.winnerTillId},
                                                   {QStringLiteral("used_at"), conflict.winnerUsedAt}}},
            {QStringLiteral("loser"), QJsonObject{{QStringLiteral("event_id"), conflict.eventId},
                                                  {QStringLiteral("till_id"), conflict.tillId},
                                                  {QStringLiteral("member_uuid"), optional(conflict.memberUuid)},
                                                  {QStringLiteral("sale_uuid"), optional(conflict.saleUuid)},
                                                  {QStringLiteral("used_at"), conflict.usedAt}}},
            {QStringLiteral("recorded_at"), conflict.recordedAt}});
        lines.append(tr("Coupon %1 used twice: won by till %2 at %3; also used by till %4 at %5 (event %6)")
                         .arg(conflict.code, conflict.winnerTillId, conflict.winnerUsedAt, conflict.tillId,
                              conflict.usedAt, conflict.eventId));
    }
    HqReport report;
    report.json = {{QStringLiteral("overdrafts"), overdraftRows}, {QStringLiteral("coupon_conflicts"), couponRows}};
    report.text = lines.isEmpty() ? tr("No overdrafts and no coupon conflicts.") : lines.join(u'\n');
    report.exitCode = lines.isEmpty() ? HqExitCode::Ok : HqExitCode::ProblemsFound;
    return report;
}

}  // namespace loyalty::hq
