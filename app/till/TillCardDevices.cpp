#include "TillCardDevices.h"

#include "input/WedgeScanCapture.h"
#include "sale/SaleWindow.h"

namespace loyalty {

TillCardDevices::TillCardDevices(const DeviceSettings& database, const ScannerSetup& scanner,
                                 const NfcPolicy& nfcPolicy, SaleWindow& window)
    : QObject(&window)
    , m_database(database)
    , m_window(window)
    , m_nfcPolicy(nfcPolicy)
{
    const DeviceSettings settings = scanner.appliedTo(database);
    window.wedgeCapture()->setConfig(settings.wedge);
    window.wedgeCapture()->setEnabled(settings.wedgeEnabled);

    connect(&m_serial, &SerialScannerSource::frameReceived, &window,
            [&window](const QString& text) { window.acceptScan(text, CardSource::Serial); });
    connect(&m_serial, &SerialScannerSource::frameRejected, &window, &SaleWindow::showRefusedRead);
    connect(&m_serial, &SerialScannerSource::statusChanged, &window, &SaleWindow::showDeviceStatus);
    applySerial(settings.serial);

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

void TillCardDevices::applyScanner(const ScannerSetup& scanner)
{
    const DeviceSettings settings = scanner.appliedTo(m_database);
    m_window.wedgeCapture()->setConfig(settings.wedge);
    m_window.wedgeCapture()->setEnabled(settings.wedgeEnabled);
    const SerialScannerSource::Config& running = m_serial.config();
    if (running.portName != settings.serial.portName || running.baudRate != settings.serial.baudRate)
        applySerial(settings.serial);
}

void TillCardDevices::applySerial(const SerialScannerSource::Config& config)
{
    m_serial.stop();
    m_serial.setConfig(config);
    if (!config.portName.isEmpty())
        m_serial.start();
}

}  // namespace loyalty
