#include "settings/ScannerPage.h"

#include "cards/CardRead.h"
#include "cards/formats/ScanDecoder.h"
#include "input/WedgeScanCapture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSerialPortInfo>
#include <QSpinBox>

namespace loyalty {

ScannerPage::ScannerPage(const DeviceSettings& database, const ScannerSetup& stored, const QString& cardPrefix,
                         QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_stored(stored)
    , m_decoder(std::make_unique<ScanDecoder>(cardPrefix))
    , m_wedge(new QCheckBox(tr("&Keyboard scanner (USB scanner typing as a keyboard)"), this))
    , m_maxGap(new QSpinBox(this))
    , m_firstGap(new QSpinBox(this))
    , m_serialPort(new QComboBox(this))
    , m_baud(new QComboBox(this))
    , m_testField(new QLineEdit(this))
    , m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("scannerSettingsPage"));
    const DeviceSettings effective = stored.appliedTo(database);

    m_wedge->setObjectName(QStringLiteral("wedgeCheckBox"));
    m_wedge->setAccessibleName(tr("Keyboard scanner"));
    m_wedge->setChecked(effective.wedgeEnabled);
    m_maxGap->setObjectName(QStringLiteral("wedgeMaxGapSpinBox"));
    m_maxGap->setAccessibleName(tr("Longest gap between two keys of a scan, in milliseconds"));
    m_maxGap->setRange(ScannerSetup::kMinWedgeMaxGapMs, ScannerSetup::kMaxWedgeMaxGapMs);
    m_maxGap->setSuffix(tr(" ms"));
    m_maxGap->setValue(effective.wedge.maxGapMs);
    m_firstGap->setObjectName(QStringLiteral("wedgeFirstGapSpinBox"));
    m_firstGap->setAccessibleName(tr("Longest gap after the first key of a scan, in milliseconds"));
    m_firstGap->setRange(ScannerSetup::kMinWedgeFirstGapMs, ScannerSetup::kMaxWedgeFirstGapMs);
    m_firstGap->setSuffix(tr(" ms"));
    m_firstGap->setValue(effective.wedge.firstGapMs);
    const auto enableTiming = [this](bool on) {
        m_maxGap->setEnabled(on);
        m_firstGap->setEnabled(on);
    };
    enableTiming(effective.wedgeEnabled);
    connect(m_wedge, &QCheckBox::toggled, this, enableTiming);

    m_serialPort->setObjectName(QStringLiteral("serialPortComboBox"));
    m_serialPort->setAccessibleName(tr("Serial scanner port"));
    // Editable: a scanner that is unplugged right now can still be named.
    m_serialPort->setEditable(true);
    m_serialPort->addItem(tr("No serial scanner"), QString());
    for (const QSerialPortInfo& port : QSerialPortInfo::availablePorts()) {
        const QString description = port.description().isEmpty() ? port.manufacturer() : port.description();
        m_serialPort->addItem(description.isEmpty() ? port.portName() : tr("%1 (%2)").arg(port.portName(), description),
                              port.portName());
    }
    int portIndex = m_serialPort->findData(effective.serial.portName);
    if (portIndex < 0) {
        m_serialPort->addItem(effective.serial.portName, effective.serial.portName);
        portIndex = m_serialPort->count() - 1;
    }
    m_serialPort->setCurrentIndex(portIndex);

    m_baud->setObjectName(QStringLiteral("serialBaudComboBox"));
    m_baud->setAccessibleName(tr("Serial scanner speed in baud"));
    for (const int baud : {1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600})
        m_baud->addItem(QString::number(baud), baud);
    int baudIndex = m_baud->findData(effective.serial.baudRate);
    if (baudIndex < 0) {
        m_baud->addItem(QString::number(effective.serial.baudRate), effective.serial.baudRate);
        baudIndex = m_baud->count() - 1;
    }
    m_baud->setCurrentIndex(baudIndex);

    m_testField->setObjectName(QStringLiteral("scannerTestLineEdit"));
    m_testField->setAccessibleName(tr("Scanner test"));
    m_testField->setPlaceholderText(tr("Scan a card or product here (or type a code and press Enter)"));
    m_testField->installEventFilter(this);
    m_result->setObjectName(QStringLiteral("scannerTestResultLabel"));
    m_result->setAccessibleName(tr("Scanner test result"));
    m_result->setWordWrap(true);
    m_result->setText(tr("Nothing scanned yet."));

    auto* note = new QLabel(tr("Empty values here follow the till database's device settings. A new serial port "
                               "and the timing apply when you press OK."),
                            this);
    note->setObjectName(QStringLiteral("scannerNoteLabel"));
    note->setWordWrap(true);

    auto* form = new QFormLayout(this);
    form->setVerticalSpacing(10);
    form->setHorizontalSpacing(16);
    const auto row = [this, form](const QString& text, QWidget* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    form->addRow(m_wedge);
    row(tr("Longest &gap between keys"), m_maxGap);
    row(tr("Longest gap after the &first key"), m_firstGap);
    row(tr("Serial &port"), m_serialPort);
    row(tr("&Speed"), m_baud);
    form->addRow(note);
    row(tr("&Test"), m_testField);
    form->addRow(QString(), m_result);
}

ScannerPage::~ScannerPage() = default;

void ScannerPage::setScanCapture(WedgeScanCapture* capture)
{
    if (!capture)
        return;
    // The capture keeps a scan from ever reaching the field; it hands it over whole instead.
    connect(capture, &WedgeScanCapture::scanCaptured, this, [this](const QString& text) {
        if (isVisible())
            test(text, CardSource::KeyboardWedge);
    });
    connect(capture, &WedgeScanCapture::scanRejected, this, [this](const QString& message) {
        if (isVisible())
            m_result->setText(tr("⚠ Refused: %1").arg(message));
    });
}

QString ScannerPage::serialPort() const
{
    const int index = m_serialPort->findText(m_serialPort->currentText());
    if (index >= 0)
        return m_serialPort->itemData(index).toString();
    return m_serialPort->currentText().trimmed();
}

ScannerSetup ScannerPage::setup() const
{
    ScannerSetup setup;
    const auto keep = [](auto& target, const auto& entered, const auto& database, const auto& stored) {
        if (stored.has_value() || entered != database)
            target = entered;
    };
    keep(setup.wedgeEnabled, m_wedge->isChecked(), m_database.wedgeEnabled, m_stored.wedgeEnabled);
    keep(setup.wedgeMaxGapMs, m_maxGap->value(), m_database.wedge.maxGapMs, m_stored.wedgeMaxGapMs);
    keep(setup.wedgeFirstGapMs, m_firstGap->value(), m_database.wedge.firstGapMs, m_stored.wedgeFirstGapMs);
    keep(setup.serialPort, serialPort(), m_database.serial.portName, m_stored.serialPort);
    keep(setup.serialBaud, m_baud->currentData().toInt(), m_database.serial.baudRate, m_stored.serialBaud);
    return setup;
}

void ScannerPage::test(const QString& text, CardSource source)
{
    // Emptied before anything else: whatever was scanned (a payment card too) leaves no trace on screen.
    m_testField->clear();
    const Result<CardRead> read = m_decoder->decode(text, source);
    if (!read) {
        m_result->setText(tr("⚠ Refused: %1").arg(read.error().message));
        return;
    }
    switch (read->kind) {
    case CardRead::Kind::LoyaltyNumber:
        m_result->setText(tr("✓ Loyalty card %1 (%2)").arg(read->identifier, read->format));
        break;
    case CardRead::Kind::DigitalCard:
        m_result->setText(tr("✓ Digital card %1").arg(read->identifier));
        break;
    case CardRead::Kind::NfcUid:
        m_result->setText(tr("✓ NFC tag"));
        break;
    case CardRead::Kind::Product:
        m_result->setText(tr("✓ Product %1 (%2)").arg(read->identifier, read->format));
        break;
    }
}

bool ScannerPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_testField && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        // Enter ends a typed test code; it must not close the dialog (OK is its default button).
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (!m_testField->text().isEmpty())
                test(m_testField->text(), CardSource::Typed);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace loyalty
