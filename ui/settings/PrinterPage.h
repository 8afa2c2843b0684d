#pragma once

#include "config/PrinterSetup.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace loyalty {

class Clock;
class FieldError;
class ReceiptSender;

// The settings dialog's "Receipt printer" page: the kind of printer and where it is (network host
// and port, USB device file, a file, or an office printer), paper width, automatic printing, and a
// "Print test receipt" button that sends a test receipt to the printer as entered (not yet saved),
// asynchronously: "Sending…", then what happened. The dialog never waits for the printer.
class PrinterPage final : public QWidget
{
    Q_OBJECT

public:
    PrinterPage(const PrinterSetup& setup, const Clock& clock, QWidget* parent = nullptr);

    // What the test receipt prints as the till's name and its sample amount's currency.
    void setTillIdentity(const QString& tillName, const QString& currency);

    PrinterSetup setup() const;
    // Checks the fields the chosen kind needs; the first refused field, or nullptr.
    QWidget* validate();
    bool isSending() const { return m_sending; }

    QComboBox* kindBox() const { return m_kind; }
    QLineEdit* hostField() const { return m_host; }
    QSpinBox* portBox() const { return m_port; }
    QLineEdit* deviceField() const { return m_device; }
    QLineEdit* fileField() const { return m_file; }
    QComboBox* paperWidthBox() const { return m_paperWidth; }
    QComboBox* systemPrinterBox() const { return m_systemPrinter; }
    QCheckBox* autoPrintBox() const { return m_autoPrint; }
    QPushButton* testButton() const { return m_test; }
    QLabel* testStatus() const { return m_status; }

Q_SIGNALS:
    // The test receipt was sent (true) or refused (false); the status label says what happened.
    void testFinished(bool printed);

private:
    void showKindFields();
    void printTest();
    void printOnSystemPrinter(const PrinterSetup& setup);
    void finishTest(bool printed, const QString& message);
    QString whereText(const PrinterSetup& setup) const;

    PrinterSetup m_initial;
    const Clock& m_clock;
    QString m_tillName;
    QString m_currency = QStringLiteral("EUR");
    QComboBox* m_kind;
    QLineEdit* m_host;
    QSpinBox* m_port;
    QLineEdit* m_device;
    QLineEdit* m_file;
    QComboBox* m_paperWidth;
    QComboBox* m_systemPrinter;
    QCheckBox* m_autoPrint;
    QPushButton* m_test;
    QLabel* m_status;
    FieldError* m_hostError;
    FieldError* m_deviceError;
    FieldError* m_fileError;
    QFormLayout* m_form;
    QWidget* m_hostRow;
    QWidget* m_deviceRow;
    QWidget* m_fileRow;
    ReceiptSender* m_sender;
    PrinterSetup m_sendingTo;
    bool m_sending = false;
};

}  // namespace loyalty
