#include "sale/ActiveProgramme.h"

#include "program/format/ProgrammeStore.h"
#include "store/Database.h"

namespace loyalty {

Programme ActiveProgramme::basic(const TillSettings& settings)
{
    Programme programme;
    programme.id = QStringLiteral("basic");
    programme.version = 0;
    programme.name = QStringLiteral("basic");
    programme.currency = settings.currency;
    Rule earn;
    earn.id = kBasicRuleId;
    earn.kind = RuleKind::PointsPerAmount;
    earn.unitMinor = settings.earnUnitMinor > 0 ? settings.earnUnitMinor : 100;
    earn.points = settings.earnPointsPerUnit;
    programme.rules.append(earn);
    return programme;
}

Programme ActiveProgramme::load(Database& database, const TillSettings& settings)
{
    ProgrammeStore store(database.connection());
    const auto version = store.storedVersion();
    if (version && *version > 0) {
        auto active = store.active();
        if (active)
            return *active;
        // Only a damaged database gets here (documents are validated before they are stored);
        // the till keeps selling at the basic rate and says so in its log.
        qCritical("The stored programme cannot be read (%s); selling at the basic earn rate.",
                  qPrintable(active.error().message));
    } else if (!version) {
        qCritical("The programmes table cannot be read (%s); selling at the basic earn rate.",
                  qPrintable(version.error().message));
    }
    return basic(settings);
}

}  // namespace loyalty
