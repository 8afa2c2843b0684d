#pragma once

#include "cards/CardSource.h"
#include "cards/devices/DeviceSettings.h"
#include "config/ScannerSetup.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace loyalty {

class ScanDecoder;
class WedgeScanCapture;

// The settings dialog's "Scanner" page: the keyboard-wedge scanner (on/off, the key timing that tells
// it from typing), a serial scanner's port and speed, and a test field: scan into it and see what the
// till's decoder makes of the code (a loyalty card, a product, or why it is refused). The field is
// cleared after every scan and a payment card's data is never shown.
class ScannerPage final : public QWidget
{
    Q_OBJECT

public:
    // `database`: the till database's device settings, which apply where this workstation's
    // QSettings set nothing; `stored`: what QSettings holds now.
    ScannerPage(const DeviceSettings& database, const ScannerSetup& stored, const QString& cardPrefix,
                QWidget* parent = nullptr);
    ~ScannerPage() override;

    // Scans the till's wedge capture takes while this page is shown go to the test field's result.
    void setScanCapture(WedgeScanCapture* capture);

    // Only what differs from the database, or was set in QSettings before, is set: an untouched
    // page keeps following the database.
    ScannerSetup setup() const;

    // Decodes `text` as a scan from `source` and shows the result; the test field is emptied.
    void test(const QString& text, CardSource source);

    QCheckBox* wedgeBox() const { return m_wedge; }
    QSpinBox* maxGapBox() const { return m_maxGap; }
    QSpinBox* firstGapBox() const { return m_firstGap; }
    QComboBox* serialPortBox() const { return m_serialPort; }
    QComboBox* baudBox() const { return m_baud; }
    QLineEdit* testField() const { return m_testField; }
    QLabel* testResult() const { return m_result; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QString serialPort() const;

    DeviceSettings m_database;
    ScannerSetup m_stored;
    std::unique_ptr<ScanDecoder> m_decoder;
    QCheckBox* m_wedge;
    QSpinBox* m_maxGap;
    QSpinBox* m_firstGap;
    QComboBox* m_serialPort;
    QComboBox* m_baud;
    QLineEdit* m_testField;
    QLabel* m_result;
};

}  // namespace loyalty
