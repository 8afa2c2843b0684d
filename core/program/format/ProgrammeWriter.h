#pragma once

#include "program/model/Programme.h"

#include <QByteArray>
#include <QJsonObject>

namespace loyalty {

// Writes a Programme as the document ProgrammeParser reads (docs/programme.md): only the keys each
// rule, reward and coupon kind uses, so that parsing the output gives the same programme again.
class ProgrammeWriter final
{
public:
    static QJsonObject toJsonObject(const Programme& programme);
    static QByteArray toJson(const Programme& programme);
};

}  // namespace loyalty
