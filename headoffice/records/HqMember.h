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
};

}  // namespace loyalty::hq
