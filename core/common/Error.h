#pragma once

#include <QString>

namespace loyalty {

// Why an operation was refused: a stable code for programs and a translated message for people.
struct Error
{
    enum class Code
    {
        InvalidInput,
        NotFound,
        Refused,
        Conflict,
        DiskFull,
        Storage,
        SchemaTooNew,
        Corrupt,
    };

    Code code = Code::Storage;
    QString message;
    // A stable, machine-readable class for scripts and tests ("payment_card", "check_digit"...);
    // empty where the code says enough.
    QString reason = {};
};

}  // namespace loyalty
