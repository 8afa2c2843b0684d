#pragma once

#include "cards/devices/DeviceSettings.h"

#include <QString>

#include <optional>

namespace loyalty {

// This workstation's scanner setup from QSettings. Every field is optional: a value that is set wins
// over the till database's device settings (DeviceSettings, cards.* keys), one that is not leaves the
// database's value alone, so tills set up through the database before QSettings existed keep working.
struct ScannerSetup
{
    // Ranges as DeviceSettings checks them in the database.
    static constexpr int kMinWedgeMaxGapMs = 1;
    static constexpr int kMaxWedgeMaxGapMs = 200;
    static constexpr int kMinWedgeFirstGapMs = 1;
    static constexpr int kMaxWedgeFirstGapMs = 500;
    static constexpr int kMinSerialBaud = 1200;
    static constexpr int kMaxSerialBaud = 921600;

    std::optional<bool> wedgeEnabled;    // the keyboard-wedge scanner (a USB scanner typing keys)
    std::optional<int> wedgeMaxGapMs;    // the longest gap between two keys of one scan
    std::optional<int> wedgeFirstGapMs;  // the longest gap after a scan's first key
    std::optional<QString> serialPort;   // "" = no serial scanner; "ttyUSB0" or a device path
    std::optional<int> serialBaud;       // 1200..921600

    // The database's device settings with this setup's values laid over them.
    DeviceSettings appliedTo(DeviceSettings settings) const;
    // Every field set from the effective values (what the settings dialog shows and saves).
    static ScannerSetup from(const DeviceSettings& settings);

    friend bool operator==(const ScannerSetup&, const ScannerSetup&) = default;
};

}  // namespace loyalty
