#include "TillCardDevices.h"

#include "input/WedgeScanCapture.h"
#include "sale/SaleWindow.h"

namespace loyalty {

TillCardDevices::TillCardDevices(const DeviceSettings& settings, const NfcPolicy& nfcPolicy, SaleWindow& window)
    : QObject(&window)
    , m_nfcPolicy(nfcPolicy)
{
    window.wedgeCapture()->setConfig(settings.wedge);
    window.wedgeCapture()->setEnabled(settings.wedgeEnabled);

    connect(&m_serial, &SerialScannerSource::frameReceived, &window,
            [&window](const QString& text) { window.acceptScan(text, CardSource::Serial); });
    connect(&m_serial, &SerialScannerSource::frameRejected, &window, &SaleWindow::showRefusedRead);
    connect(&m_serial, &SerialScannerSource::statusChanged, &window, &SaleWindow::showDeviceStatus);
    if (!settings.serial.portName.isEmpty()) {
        m_serial.setConfig(settings.serial);
        m_serial.start();
    }

    connect(&m_nfc, &PcscReaderMonitor::tagRead, &window, [this, &window](const QString& uid, const QString& ndef) {
        window.acceptDecodedRead(m_nfcPolicy.toCardRead(uid, ndef));
    });
    connect(&m_nfc, &PcscReaderMonitor::readFailed, &window, &SaleWindow::showRefusedRead);
    connect(&m_nfc, &PcscReaderMonitor::statusChanged, &window, &SaleWindow::showDeviceStatus);
    if (settings.nfcEnabled)
        m_nfc.start();
}

TillCardDevices::~TillCardDevices()
{
    m_nfc.stop();
    m_serial.stop();
}

}  // namespace loyalty
