#pragma once

#include <QString>

#include <optional>

namespace loyalty::hq {

// A member as head office knows them; `uuid` names them on every till.
struct HqMember
{
    QString uuid;
    std::optional<qint64> number;  // demo and imported members; enrolled at a till: none
    QString name;
    QString email;
    QString phone;
    QString birthDate;  // yyyy-MM-dd or empty
    QString enrolledAt;
    QString referredByUuid;
    QString mergedIntoUuid;  // the member this account was merged into; empty while it is live
    QString erasedAt;        // set when the member's personal data was erased on request
};

}  // namespace loyalty::hq
