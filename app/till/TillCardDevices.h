#pragma once

#include "cards/devices/DeviceSettings.h"
#include "cards/devices/NfcPolicy.h"
#include "cards/devices/PcscReaderMonitor.h"
#include "cards/devices/SerialScannerSource.h"

#include <QObject>

namespace loyalty {

class SaleWindow;

// Connects the till's card readers besides the keyboard wedge (a serial scanner, an NFC reader)
// to the sale window, as the settings table configures them, and stops them before the window goes.
class TillCardDevices final : public QObject
{
    Q_OBJECT

public:
    TillCardDevices(const DeviceSettings& settings, const NfcPolicy& nfcPolicy, SaleWindow& window);
    ~TillCardDevices() override;
    Q_DISABLE_COPY_MOVE(TillCardDevices)

private:
    NfcPolicy m_nfcPolicy;
    SerialScannerSource m_serial;
    PcscReaderMonitor m_nfc;
};

}  // namespace loyalty
