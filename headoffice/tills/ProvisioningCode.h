#pragma once

#include <QString>

namespace loyalty::hq {

// A one-time code that lets one new till provision itself, as `terminal add` prints it.
struct ProvisioningCode
{
    QString tillName;
    QString code;       // e.g. K7QF-3MZP-XW2D; only its SHA-256 is stored
    QString expiresAt;  // ISO 8601 UTC
};

}  // namespace loyalty::hq
