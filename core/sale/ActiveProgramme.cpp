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
        if (auto active = store.active())
            return *active;
    }
    return basic(settings);
}

}  // namespace loyalty
