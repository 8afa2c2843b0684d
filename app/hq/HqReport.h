#pragma once

#include "HqExitCode.h"

#include <QJsonObject>
#include <QString>

namespace loyalty::hq {

// A command's result in both forms it can be printed in; HqOutput picks one.
struct HqReport
{
    QJsonObject json;
    QString text;
    HqExitCode exitCode = HqExitCode::Ok;  // ProblemsFound when conflicts found some
};

}  // namespace loyalty::hq
