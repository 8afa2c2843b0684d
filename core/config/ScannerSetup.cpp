#include "config/ScannerSetup.h"

namespace loyalty {

DeviceSettings ScannerSetup::appliedTo(DeviceSettings settings) const
{
    if (wedgeEnabled)
        settings.wedgeEnabled = *wedgeEnabled;
    if (wedgeMaxGapMs)
        settings.wedge.maxGapMs = *wedgeMaxGapMs;
    if (wedgeFirstGapMs)
        settings.wedge.firstGapMs = *wedgeFirstGapMs;
    if (serialPort)
        settings.serial.portName = *serialPort;
    if (serialBaud)
        settings.serial.baudRate = *serialBaud;
    return settings;
}

ScannerSetup ScannerSetup::from(const DeviceSettings& settings)
{
    ScannerSetup setup;
    setup.wedgeEnabled = settings.wedgeEnabled;
    setup.wedgeMaxGapMs = settings.wedge.maxGapMs;
    setup.wedgeFirstGapMs = settings.wedge.firstGapMs;
    setup.serialPort = settings.serial.portName;
    setup.serialBaud = settings.serial.baudRate;
    return setup;
}

}  // namespace loyalty
