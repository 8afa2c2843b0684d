#include "reports/ReportCsv.h"

#include "money/CurrencyInfo.h"

#include <QSaveFile>

namespace loyalty {

QString ReportCsv::field(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')) &&
        !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString ReportCsv::row(const QStringList& fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString& text : fields)
        quoted.append(field(text));
    return quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

QString ReportCsv::decimal(qint64 minorUnits, const QString& currency)
{
    const CurrencyInfo info = CurrencyInfo::of(currency);
    const bool negative = minorUnits < 0;
    // Negated as unsigned so even the smallest qint64 has a magnitude.
    const quint64 magnitude = negative ? 0 - quint64(minorUnits) : quint64(minorUnits);
    QString text = QString::number(magnitude / quint64(info.minorPerMajor));
    if (info.minorDigits > 0)
        text +=
            QLatin1Char('.') +
            QString::number(magnitude % quint64(info.minorPerMajor)).rightJustified(info.minorDigits, QLatin1Char('0'));
    return negative ? QLatin1Char('-') + text : text;
}

QString ReportCsv::defaultFileName(const ReportPeriod& period)
{
    return QStringLiteral("branch-report-%1-to-%2.csv")
        .arg(period.from.date().toString(Qt::ISODate), period.to.addMSecs(-1).date().toString(Qt::ISODate));
}

QByteArray ReportCsv::toCsv(const BranchFigures& f)
{
    const auto money = [&](qint64 minor) { return decimal(minor, f.currency); };
    const auto number = [](qint64 value) { return QString::number(value); };
    QString out;
    out += row({tr("Figure"), tr("Key"), tr("Value")});
    const QList<QStringList> figures{
        {tr("Period from"), QStringLiteral("period_from"), f.period.from.toString(Qt::ISODate)},
        {tr("Period to (exclusive)"), QStringLiteral("period_to"), f.period.to.toString(Qt::ISODate)},
        {tr("Comparison from"), QStringLiteral("compare_from"), f.period.compareFrom.toString(Qt::ISODate)},
        {tr("Comparison to (exclusive)"), QStringLiteral("compare_to"), f.period.compareTo.toString(Qt::ISODate)},
        {tr("Currency"), QStringLiteral("currency"), f.currency},
        {tr("Sales"), QStringLiteral("sales"), number(f.sales)},
        {tr("Sales with members"), QStringLiteral("member_sales"), number(f.memberSales)},
        {tr("Sales without members"), QStringLiteral("other_sales"), number(f.otherSales)},
        {tr("Revenue"), QStringLiteral("revenue"), money(f.revenueMinor)},
        {tr("Revenue with members"), QStringLiteral("member_revenue"), money(f.memberRevenueMinor)},
        {tr("Revenue without members"), QStringLiteral("other_revenue"), money(f.otherRevenueMinor)},
        {tr("Member share of revenue (per mille)"), QStringLiteral("member_share_permille"),
         number(f.memberSharePermille)},
        {tr("Average basket, members"), QStringLiteral("average_member_basket"), money(f.averageMemberBasketMinor)},
        {tr("Average basket, others"), QStringLiteral("average_other_basket"), money(f.averageOtherBasketMinor)},
        {tr("Returns"), QStringLiteral("refunds"), number(f.refunds)},
        {tr("Refunded"), QStringLiteral("refunded"), money(f.refundedMinor)},
        {tr("Points issued"), QStringLiteral("points_issued"), number(f.pointsIssued)},
        {tr("Points redeemed"), QStringLiteral("points_redeemed"), number(f.pointsRedeemed)},
        {tr("Points expired"), QStringLiteral("points_expired"), number(f.pointsExpired)},
        {tr("Points outstanding"), QStringLiteral("points_outstanding"), number(f.pointsOutstanding)},
        {tr("Points liability"), QStringLiteral("points_liability"), money(f.liabilityMinor)},
        {tr("Active members"), QStringLiteral("active_members"), number(f.activeMembers)},
        {tr("Purchase frequency (sales per member, per mille)"), QStringLiteral("purchase_frequency_permille"),
         number(f.purchaseFrequencyPermille)},
        {tr("Active members in the comparison period"), QStringLiteral("comparison_active_members"),
         number(f.comparisonActiveMembers)},
        {tr("Retained members"), QStringLiteral("retained_members"), number(f.retainedMembers)},
        {tr("Retention (per mille)"), QStringLiteral("retention_permille"), number(f.retentionPermille)},
    };
    for (const QStringList& figure : figures)
        out += row(figure);

    out += QStringLiteral("\r\n");
    out += row({tr("ABC class"), tr("Members"), tr("Revenue"), tr("Share of member revenue (per mille)")});
    const QList<std::pair<QString, const BranchFigures::AbcClass*>> classes{
        {QStringLiteral("A"), &f.classA}, {QStringLiteral("B"), &f.classB}, {QStringLiteral("C"), &f.classC}};
    for (const auto& [name, klass] : classes)
        out += row({name, number(klass->members), money(klass->revenueMinor), number(klass->revenueSharePermille)});

    out += QStringLiteral("\r\n");
    out += row({tr("Reward"), tr("Key"), tr("Times redeemed"), tr("Points or stamps")});
    for (const BranchFigures::RewardUse& reward : f.topRewards)
        out += row({reward.name, reward.ruleId, number(reward.times), number(reward.amount)});

    out += QStringLiteral("\r\n");
    out += row({f.weekly ? tr("Week from") : tr("Day"), tr("Revenue with members"), tr("Revenue without members"),
                tr("Sales with members"), tr("Sales without members")});
    for (const BranchFigures::RevenueBucket& bucket : f.series)
        out += row({bucket.start.toString(Qt::ISODate), money(bucket.memberRevenueMinor),
                    money(bucket.otherRevenueMinor), number(bucket.memberSales), number(bucket.otherSales)});
    return out.toUtf8();
}

Result<Done> ReportCsv::write(const BranchFigures& figures, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{Error::Code::Storage, tr("Cannot write %1: %2").arg(path, file.errorString()),
                     QStringLiteral("csv_write")};
    const QByteArray csv = toCsv(figures);
    if (file.write(csv) != csv.size() || !file.commit())
        return Error{Error::Code::Storage, tr("Cannot write %1: %2").arg(path, file.errorString()),
                     QStringLiteral("csv_write")};
    return Done{};
}

}  // namespace loyalty
