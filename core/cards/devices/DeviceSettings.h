#pragma once

#include "cards/devices/KeystrokeBurstDetector.h"
#include "cards/devices/SerialScannerSource.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class SettingsRepository;

// How the till's card readers are set up, read from the settings table and validated. Missing
// keys take the defaults that suit common USB scanners; a value that makes no sense is an error
// naming the key, never silently replaced.
struct DeviceSettings
{
    Q_DECLARE_TR_FUNCTIONS(DeviceSettings)

public:
    bool wedgeEnabled = true;
    KeystrokeBurstDetector::Config wedge;
    SerialScannerSource::Config serial;  // serial.portName empty: no serial scanner
    bool nfcEnabled = true;

    static Result<DeviceSettings> load(const SettingsRepository& settings);

    static inline const QString kWedgeEnabled = QStringLiteral("cards.wedge.enabled");          // 0/1
    static inline const QString kWedgeMaxGapMs = QStringLiteral("cards.wedge.max_gap_ms");      // 1-200
    static inline const QString kWedgeFirstGapMs = QStringLiteral("cards.wedge.first_gap_ms");  // 1-500
    static inline const QString kWedgeMinLength = QStringLiteral("cards.wedge.min_length");     // 2-64
    static inline const QString kWedgeMaxLength = QStringLiteral("cards.wedge.max_length");     // 16-4096
    static inline const QString kWedgeTerminators = QStringLiteral("cards.wedge.terminators");  // "enter,tab"
    static inline const QString kWedgeRequireTerminator = QStringLiteral("cards.wedge.require_terminator");  // 0/1
    static inline const QString kSerialPort = QStringLiteral("cards.serial.port");             // "" = none
    static inline const QString kSerialBaud = QStringLiteral("cards.serial.baud");             // 1200-921600
    static inline const QString kSerialPrefixHex = QStringLiteral("cards.serial.prefix_hex");  // e.g. "02"
    static inline const QString kSerialSuffixHex = QStringLiteral("cards.serial.suffix_hex");  // "" = CR/LF/CRLF
    static inline const QString kNfcEnabled = QStringLiteral("cards.nfc.enabled");             // 0/1
};

}  // namespace loyalty
