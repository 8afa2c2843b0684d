#pragma once

#include <QJsonDocument>
#include <QString>

namespace loyalty {

// A member's copy of their data: everything stored about them as JSON for machines, and a
// readable summary in the language of the till's user.
struct MemberExport
{
    QString memberUuid;
    QJsonDocument document;
    QString summary;
};

}  // namespace loyalty
