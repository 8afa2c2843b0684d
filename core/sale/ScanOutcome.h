#pragma once

#include "common/Error.h"

#include <QString>

namespace loyalty {

// What a scan did to the sale in progress, and what to tell the cashier about it.
struct ScanOutcome
{
    enum class Kind
    {
        Ignored,
        ProductAdded,
        MemberAttached,
        Refused
    };

    Kind kind = Kind::Ignored;
    QString message;                           // empty when there is nothing to say
    qsizetype row = -1;                        // the basket row that changed, for ProductAdded
    Error::Code error = Error::Code::Refused;  // why, for Refused: NotFound, InvalidInput, Storage...

    static ScanOutcome refused(const Error& why) { return {Kind::Refused, why.message, -1, why.code}; }
    static ScanOutcome refused(Error::Code code, const QString& message) { return {Kind::Refused, message, -1, code}; }
};

}  // namespace loyalty
