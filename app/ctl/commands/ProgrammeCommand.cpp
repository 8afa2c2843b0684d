#include "commands/ProgrammeCommand.h"

#include "CtlTable.h"
#include "program/format/ProgrammeStore.h"
#include "sale/ActiveProgramme.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "time/Clock.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>

namespace loyalty {

namespace {
// A programme document is a few kilobytes; anything far larger is not one.
constexpr qint64 kMaxDocumentBytes = 4 * 1024 * 1024;
const QString kStored = QStringLiteral("stored");
const QString kBasic = QStringLiteral("basic");
}  // namespace

ProgrammeCommand::ProgrammeCommand(Database& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<CtlReport> ProgrammeCommand::load(const QString& file) const
{
    const QFileInfo info(file);
    if (!info.exists() || !info.isFile())
        return Error{Error::Code::NotFound, tr("There is no programme file %1.").arg(file)};
    if (info.size() > kMaxDocumentBytes) {
        return Error{Error::Code::InvalidInput,
                     tr("%1 is larger than %2 bytes; it is not a programme document. The active programme stays.")
                         .arg(file)
                         .arg(kMaxDocumentBytes)};
    }
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly))
        return Error{Error::Code::Storage, tr("Cannot read %1: %2").arg(file, input.errorString())};
    const QByteArray document = input.readAll();

    const auto activated = ProgrammeStore(m_database.connection()).activate(document, m_clock.nowIso());
    if (!activated) {
        Error error = activated.error();
        error.message = tr("%1 was not loaded: %2. The active programme stays.").arg(file, error.message);
        return error;
    }
    CtlReport report = reportOf(*activated, kStored);
    report.text = tr("Activated %1.").arg(file) + u'\n' + report.text;
    return report;
}

Result<CtlReport> ProgrammeCommand::show() const
{
    // What ActiveProgramme::load sells under, but with a damaged stored programme reported rather
    // than quietly replaced by the basic rate.
    const auto settings = TillSettings::load(m_database.connection());
    if (!settings)
        return settings.error();
    const ProgrammeStore store(m_database.connection());
    const auto stored = store.storedVersion();
    if (!stored)
        return stored.error();
    if (*stored == 0)
        return reportOf(ActiveProgramme::basic(*settings), kBasic);
    const auto active = store.active();
    if (!active)
        return active.error();
    return reportOf(*active, kStored);
}

CtlReport ProgrammeCommand::reportOf(const Programme& programme, const QString& source)
{
    QJsonArray rules;
    CtlTable ruleTable({{tr("Rule")}, {tr("Type")}, {tr("Label")}});
    for (const Rule& rule : programme.rules) {
        rules.append(QJsonObject{{QStringLiteral("id"), rule.id},
                                 {QStringLiteral("type"), ruleKindName(rule.kind)},
                                 {QStringLiteral("label"), rule.label}});
        ruleTable.addRow({rule.id, ruleKindName(rule.kind), rule.label});
    }
    QJsonArray tiers;
    for (const TierDefinition& tier : programme.tiers)
        tiers.append(tier.id);

    CtlReport report;
    report.json = {{QStringLiteral("id"), programme.id},
                   {QStringLiteral("version"), programme.version},
                   {QStringLiteral("name"), programme.name},
                   {QStringLiteral("currency"), programme.currency},
                   {QStringLiteral("source"), source},
                   {QStringLiteral("rules_count"), programme.rules.size()},
                   {QStringLiteral("rules"), rules},
                   {QStringLiteral("tiers"), tiers},
                   {QStringLiteral("stamp_cards_count"), programme.stampCards.size()},
                   {QStringLiteral("coupons_count"), programme.coupons.size()},
                   {QStringLiteral("rewards_count"), programme.rewards.size()}};

    const QLocale locale;
    CtlTable table({{}, {}});
    table.addRow({tr("Programme:"), programme.id});
    table.addRow({tr("Version:"), QString::number(programme.version)});
    table.addRow({tr("Name:"), programme.name});
    table.addRow({tr("Currency:"), programme.currency});
    table.addRow({tr("Source:"), source == kBasic ? tr("basic rate of the till's settings (none activated)")
                                                  : tr("activated programme")});
    table.addRow({tr("Rules:"), locale.toString(programme.rules.size())});
    report.text = table.render() + u'\n' + ruleTable.render();
    return report;
}

}  // namespace loyalty
