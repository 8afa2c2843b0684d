#include "settings/PrinterPage.h"

#include "receipt/EscPosEncoder.h"
#include "receipt/ReceiptPainter.h"
#include "receipt/ReceiptSender.h"
#include "settings/FieldError.h"
#include "settings/TestReceipt.h"
#include "time/Clock.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPrinter>
#include <QPrinterInfo>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace loyalty {

namespace {

QWidget* withError(QWidget* field, FieldError* error, QWidget* parent)
{
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}

}  // namespace

PrinterPage::PrinterPage(const PrinterSetup& setup, const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_initial(setup)
    , m_clock(clock)
    , m_kind(new QComboBox(this))
    , m_host(new QLineEdit(setup.host, this))
    , m_port(new QSpinBox(this))
    , m_device(new QLineEdit(setup.devicePath, this))
    , m_file(new QLineEdit(setup.filePath, this))
    , m_paperWidth(new QComboBox(this))
    , m_systemPrinter(new QComboBox(this))
    , m_autoPrint(new QCheckBox(tr("Print a receipt after every &sale"), this))
    , m_test(new QPushButton(tr("&Print test receipt"), this))
    , m_status(new QLabel(this))
    , m_hostError(new FieldError(m_host, QStringLiteral("printerHostErrorLabel"), this))
    , m_deviceError(new FieldError(m_device, QStringLiteral("printerDeviceErrorLabel"), this))
    , m_fileError(new FieldError(m_file, QStringLiteral("printerFileErrorLabel"), this))
    , m_form(new QFormLayout)
    , m_hostRow(nullptr)
    , m_deviceRow(nullptr)
    , m_fileRow(nullptr)
    , m_sender(new ReceiptSender(this))
{
    setObjectName(QStringLiteral("printerSettingsPage"));
    m_kind->setObjectName(QStringLiteral("printerKindComboBox"));
    m_kind->setAccessibleName(tr("Receipt printer"));
    m_kind->addItem(tr("No receipt printer"), static_cast<int>(PrinterSetup::Kind::None));
    m_kind->addItem(tr("Network thermal printer (raw TCP)"), static_cast<int>(PrinterSetup::Kind::Network));
    m_kind->addItem(tr("USB thermal printer (device file)"), static_cast<int>(PrinterSetup::Kind::Device));
    m_kind->addItem(tr("File (ESC/POS bytes appended)"), static_cast<int>(PrinterSetup::Kind::File));
    m_kind->addItem(tr("Office printer (system)"), static_cast<int>(PrinterSetup::Kind::System));
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(setup.kind)));

    m_host->setObjectName(QStringLiteral("printerHostLineEdit"));
    m_host->setAccessibleName(tr("Printer host"));
    m_host->setPlaceholderText(tr("e.g. 192.168.1.50"));
    m_port->setObjectName(QStringLiteral("printerPortSpinBox"));
    m_port->setAccessibleName(tr("Printer port"));
    m_port->setRange(1, 65535);
    m_port->setValue(setup.port);
    m_device->setObjectName(QStringLiteral("printerDeviceLineEdit"));
    m_device->setAccessibleName(tr("Printer device file"));
    m_device->setPlaceholderText(tr("e.g. /dev/usb/lp0"));
    m_file->setObjectName(QStringLiteral("printerFileLineEdit"));
    m_file->setAccessibleName(tr("Receipt file"));
    m_file->setPlaceholderText(tr("e.g. /var/spool/loyalty-till/receipts.bin"));

    m_paperWidth->setObjectName(QStringLiteral("paperWidthComboBox"));
    m_paperWidth->setAccessibleName(tr("Paper width"));
    m_paperWidth->addItem(tr("80 mm"), 80);
    m_paperWidth->addItem(tr("58 mm"), 58);
    m_paperWidth->setCurrentIndex(std::max(0, m_paperWidth->findData(setup.paperWidthMm)));

    m_systemPrinter->setObjectName(QStringLiteral("systemPrinterComboBox"));
    m_systemPrinter->setAccessibleName(tr("Office printer"));
    m_systemPrinter->addItem(tr("The system's default printer"), QString());
    for (const QString& name : QPrinterInfo::availablePrinterNames())
        m_systemPrinter->addItem(name, name);
    int printerIndex = m_systemPrinter->findData(setup.systemPrinter);
    if (printerIndex < 0) {
        m_systemPrinter->addItem(tr("%1 (not installed)").arg(setup.systemPrinter), setup.systemPrinter);
        printerIndex = m_systemPrinter->count() - 1;
    }
    m_systemPrinter->setCurrentIndex(printerIndex);

    m_autoPrint->setObjectName(QStringLiteral("autoPrintCheckBox"));
    m_autoPrint->setAccessibleName(tr("Print a receipt after every sale"));
    m_autoPrint->setChecked(setup.autoPrint);

    m_test->setObjectName(QStringLiteral("testPrintButton"));
    m_test->setAccessibleName(tr("Print test receipt"));
    m_test->setAutoDefault(false);  // Enter is OK for the dialog, never a print by accident
    m_status->setObjectName(QStringLiteral("testPrintStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Test receipt status"));

    m_hostRow = new QWidget(this);
    auto* hostLayout = new QHBoxLayout(m_hostRow);
    hostLayout->setContentsMargins(0, 0, 0, 0);
    hostLayout->addWidget(withError(m_host, m_hostError, m_hostRow), 1);
    auto* portLabel = new QLabel(tr("P&ort"), m_hostRow);
    portLabel->setBuddy(m_port);
    hostLayout->addWidget(portLabel);
    hostLayout->addWidget(m_port);
    m_deviceRow = withError(m_device, m_deviceError, this);
    m_fileRow = withError(m_file, m_fileError, this);

    setLayout(m_form);
    m_form->setVerticalSpacing(10);
    m_form->setHorizontalSpacing(16);
    const auto row = [this](const QString& text, QWidget* buddy, QWidget* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(buddy);
        m_form->addRow(label, field);
    };
    row(tr("Printer &kind"), m_kind, m_kind);
    row(tr("Ho&st"), m_host, m_hostRow);
    row(tr("&Device file"), m_device, m_deviceRow);
    row(tr("&File"), m_file, m_fileRow);
    row(tr("Office p&rinter"), m_systemPrinter, m_systemPrinter);
    row(tr("Paper &width"), m_paperWidth, m_paperWidth);
    m_form->addRow(m_autoPrint);
    auto* testRow = new QWidget(this);
    auto* testLayout = new QHBoxLayout(testRow);
    testLayout->setContentsMargins(0, 0, 0, 0);
    testLayout->addWidget(m_test);
    testLayout->addWidget(m_status, 1);
    m_form->addRow(testRow);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &PrinterPage::showKindFields);
    connect(m_test, &QPushButton::clicked, this, &PrinterPage::printTest);
    connect(m_host, &QLineEdit::textEdited, m_hostError, &FieldError::clearMessage);
    connect(m_device, &QLineEdit::textEdited, m_deviceError, &FieldError::clearMessage);
    connect(m_file, &QLineEdit::textEdited, m_fileError, &FieldError::clearMessage);
    connect(m_sender, &ReceiptSender::sent, this, [this] {
        finishTest(
            true,
            tr("Test receipt sent to %1. Check the paper: text, umlauts, QR code, cut.").arg(whereText(m_sendingTo)));
    });
    connect(m_sender, &ReceiptSender::failed, this,
            [this](const QString& message) { finishTest(false, tr("Not printed: %1").arg(message)); });
    showKindFields();
}

void PrinterPage::setTillIdentity(const QString& tillName, const QString& currency)
{
    m_tillName = tillName;
    m_currency = currency;
}

PrinterSetup PrinterPage::setup() const
{
    PrinterSetup setup = m_initial;  // keeps what the page does not show (the timeout)
    setup.kind = static_cast<PrinterSetup::Kind>(m_kind->currentData().toInt());
    setup.host = m_host->text().trimmed();
    setup.port = static_cast<quint16>(m_port->value());
    setup.devicePath = m_device->text().trimmed();
    setup.filePath = m_file->text().trimmed();
    setup.paperWidthMm = m_paperWidth->currentData().toInt();
    setup.systemPrinter = m_systemPrinter->currentData().toString();
    setup.autoPrint = m_autoPrint->isChecked();
    return setup;
}

void PrinterPage::showKindFields()
{
    const auto kind = static_cast<PrinterSetup::Kind>(m_kind->currentData().toInt());
    m_form->setRowVisible(m_hostRow, kind == PrinterSetup::Kind::Network);
    m_form->setRowVisible(m_deviceRow, kind == PrinterSetup::Kind::Device);
    m_form->setRowVisible(m_fileRow, kind == PrinterSetup::Kind::File);
    m_form->setRowVisible(m_systemPrinter, kind == PrinterSetup::Kind::System);
    m_form->setRowVisible(m_paperWidth, kind != PrinterSetup::Kind::None);
    m_autoPrint->setEnabled(kind != PrinterSetup::Kind::None);
    m_test->setEnabled(kind != PrinterSetup::Kind::None && !m_sending);
}

QWidget* PrinterPage::validate()
{
    m_hostError->clearMessage();
    m_deviceError->clearMessage();
    m_fileError->clearMessage();
    const PrinterSetup entered = setup();
    switch (entered.kind) {
    case PrinterSetup::Kind::None:
    case PrinterSetup::Kind::System:
        return nullptr;
    case PrinterSetup::Kind::Network: {
        static const QRegularExpression hostName(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9.:-]*[A-Za-z0-9])?$"));
        if (entered.host.isEmpty()) {
            m_hostError->showMessage(tr("Enter the printer's network address, e.g. 192.168.1.50."));
            return m_host;
        }
        if (!hostName.match(entered.host).hasMatch()) {
            m_hostError->showMessage(tr("\"%1\" is not a host name or IP address.").arg(entered.host));
            return m_host;
        }
        return nullptr;
    }
    case PrinterSetup::Kind::Device:
        if (entered.devicePath.isEmpty() || !QDir::isAbsolutePath(entered.devicePath)) {
            m_deviceError->showMessage(tr("Enter the printer's device file as a full path, e.g. /dev/usb/lp0."));
            return m_device;
        }
        return nullptr;
    case PrinterSetup::Kind::File: {
        if (entered.filePath.isEmpty() || !QDir::isAbsolutePath(entered.filePath)) {
            m_fileError->showMessage(tr("Enter the file as a full path, e.g. /var/spool/loyalty-till/receipts.bin."));
            return m_file;
        }
        const QFileInfo file(entered.filePath);
        if (!file.absoluteDir().exists()) {
            m_fileError->showMessage(tr("The folder %1 does not exist.").arg(file.absolutePath()));
            return m_file;
        }
        if (file.isDir()) {
            m_fileError->showMessage(tr("%1 is a folder; enter a file in it.").arg(entered.filePath));
            return m_file;
        }
        return nullptr;
    }
    }
    return nullptr;
}

void PrinterPage::printTest()
{
    if (m_sending)
        return;
    if (QWidget* refused = validate()) {
        refused->setFocus();
        finishTest(false, tr("Not printed: correct the printer's settings first."));
        return;
    }
    const PrinterSetup entered = setup();
    if (entered.kind == PrinterSetup::Kind::None) {
        finishTest(false, tr("Choose a printer first."));
        return;
    }
    if (entered.kind == PrinterSetup::Kind::System) {
        printOnSystemPrinter(entered);
        return;
    }
    const Receipt receipt = TestReceipt::compose(m_tillName, m_currency, entered, m_clock.now().toLocalTime());
    m_sending = true;
    m_sendingTo = entered;
    m_test->setEnabled(false);
    m_status->setText(tr("Sending the test receipt to %1…").arg(whereText(entered)));
    m_sender->send(EscPosEncoder().encode(receipt, entered.paperWidthMm), entered);
}

void PrinterPage::printOnSystemPrinter(const PrinterSetup& setup)
{
    const QPrinterInfo info =
        setup.systemPrinter.isEmpty() ? QPrinterInfo::defaultPrinter() : QPrinterInfo::printerInfo(setup.systemPrinter);
    if (info.isNull()) {
        finishTest(false,
                   setup.systemPrinter.isEmpty()
                       ? tr("Not printed: this computer has no default printer.")
                       : tr("Not printed: the printer %1 is not installed on this computer.").arg(setup.systemPrinter));
        return;
    }
    QPrinter printer(info);
    printer.setDocName(tr("Loyalty Till test receipt"));
    const Receipt receipt = TestReceipt::compose(m_tillName, m_currency, setup, m_clock.now().toLocalTime());
    if (ReceiptPainter(receipt, setup.paperWidthMm).paint(printer) == 0) {
        finishTest(false, tr("Not printed: the printer %1 did not accept the page.").arg(info.printerName()));
        return;
    }
    finishTest(true, tr("Test receipt sent to the printer %1.").arg(info.printerName()));
}

void PrinterPage::finishTest(bool printed, const QString& message)
{
    m_sending = false;
    m_status->setText(printed ? message : tr("⚠ %1").arg(message));
    m_status->setAccessibleDescription(message);
    showKindFields();
    Q_EMIT testFinished(printed);
}

QString PrinterPage::whereText(const PrinterSetup& setup) const
{
    switch (setup.kind) {
    case PrinterSetup::Kind::Network:
        return tr("%1, port %2").arg(setup.host).arg(setup.port);
    case PrinterSetup::Kind::Device:
        return setup.devicePath;
    case PrinterSetup::Kind::File:
        return setup.filePath;
    case PrinterSetup::Kind::System:
        return setup.systemPrinter;
    case PrinterSetup::Kind::None:
        break;
    }
    return QString();
}

}  // namespace loyalty
