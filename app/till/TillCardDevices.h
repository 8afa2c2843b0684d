#pragma once

#include "cards/devices/DeviceSettings.h"
#include "cards/devices/NfcPolicy.h"
#include "cards/devices/PcscReaderMonitor.h"
#include "cards/devices/SerialScannerSource.h"
#include "config/ScannerSetup.h"

#include <QObject>

namespace loyalty {

class SaleWindow;

// Connects the till's card readers besides the keyboard wedge (a serial scanner, an NFC reader)
// to the sale window, as the settings table configures them with this workstation's ScannerSetup
// (QSettings) laid over it, and stops them before the window goes.
class TillCardDevices final : public QObject
{
    Q_OBJECT

public:
    TillCardDevices(const DeviceSettings& database, const ScannerSetup& scanner, const NfcPolicy& nfcPolicy,
                    SaleWindow& window);
    ~TillCardDevices() override;
    Q_DISABLE_COPY_MOVE(TillCardDevices)

    // The settings dialog saved a new scanner setup: the wedge timing applies at once, a serial
    // scanner is reopened when its port or speed changed.
    void applyScanner(const ScannerSetup& scanner);

private:
    void applySerial(const SerialScannerSource::Config& config);

    DeviceSettings m_database;
    SaleWindow& m_window;
    NfcPolicy m_nfcPolicy;
    SerialScannerSource m_serial;
    PcscReaderMonitor m_nfc;
};

}  // namespace loyalty
