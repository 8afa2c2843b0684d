#pragma once

#include "CtlExitCode.h"

#include <QJsonObject>
#include <QString>

namespace loyalty {

// A command's result in both forms it can be printed in; CtlOutput picks one.
struct CtlReport
{
    QJsonObject json;
    QString text;
    CtlExitCode exitCode = CtlExitCode::Ok;  // ProblemsFound when check found something
};

}  // namespace loyalty
