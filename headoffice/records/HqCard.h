#pragma once

#include <QString>

namespace loyalty::hq {

// A loyalty card and whose it is.
struct HqCard
{
    QString number;
    QString memberUuid;
    QString state = QStringLiteral("active");  // active, blocked, replaced
    QString kind = QStringLiteral("number");   // number, nfc_uid, digital
    QString replacedBy;
    QString issuedAt;
};

}  // namespace loyalty::hq
