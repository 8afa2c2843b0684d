#pragma once

#include "program/model/Programme.h"
#include "settings/TillSettings.h"

namespace loyalty {

class Database;

// The programme a till sells under: the newest one head office published (or loyalty-ctl
// programme load activated); a till that never received one earns the basic rate of its settings
// (earn.unit_minor, earn.points_per_unit) and nothing else.
class ActiveProgramme final
{
public:
    static Programme load(Database& database, const TillSettings& settings);
    static Programme basic(const TillSettings& settings);

    static inline const QString kBasicRuleId = QStringLiteral("earn.per_amount");
};

}  // namespace loyalty
