#pragma once

#include <QString>

namespace loyalty {

// What a scan did to the sale in progress, and what to tell the cashier about it.
struct ScanOutcome
{
    enum class Kind { Ignored, ProductAdded, MemberAttached, Refused };

    Kind kind = Kind::Ignored;
    QString message;    // empty when there is nothing to say
    qsizetype row = -1;  // the basket row that changed, for ProductAdded
};

}  // namespace loyalty
