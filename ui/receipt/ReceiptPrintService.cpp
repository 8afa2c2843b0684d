#include "receipt/ReceiptPrintService.h"

#include "receipt/EscPosEncoder.h"
#include "receipt/ReceiptPainter.h"
#include "receipt/ReceiptSender.h"
#include "receipt/ReceiptSource.h"

#include <QPrinter>
#include <QPrinterInfo>

namespace loyalty {

ReceiptPrintService::ReceiptPrintService(const ReceiptSource& source, PrinterSetup setup, QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_setup(std::move(setup))
{
}

Result<Receipt> ReceiptPrintService::receiptFor(qint64 saleId, bool copy)
{
    return m_source.receiptFor(saleId, copy);
}

void ReceiptPrintService::printAfterSale(qint64 saleId)
{
    if (m_setup.kind == PrinterSetup::Kind::None || !m_setup.autoPrint)
        return;
    printSale(saleId, false);
}

void ReceiptPrintService::printSale(qint64 saleId, bool copy)
{
    if (m_setup.kind == PrinterSetup::Kind::None) {
        Q_EMIT failed(tr("No receipt printer is set up on this till: a manager chooses one in the settings."));
        return;
    }
    const auto receipt = m_source.receiptFor(saleId, copy);
    if (!receipt) {
        Q_EMIT failed(tr("Receipt %1 not printed: %2").arg(saleId).arg(receipt.error().message));
        return;
    }
    printReceipt(*receipt);
}

void ReceiptPrintService::printReceipt(const Receipt& receipt)
{
    switch (m_setup.kind) {
    case PrinterSetup::Kind::None:
        Q_EMIT failed(tr("No receipt printer is set up on this till: a manager chooses one in the settings."));
        return;
    case PrinterSetup::Kind::Network:
    case PrinterSetup::Kind::Device:
    case PrinterSetup::Kind::File:
        sendEscPos(receipt);
        return;
    case PrinterSetup::Kind::System:
        printOnSystemPrinter(receipt);
        return;
    }
}

QString ReceiptPrintService::doneText(const Receipt& receipt) const
{
    return receipt.copy ? tr("Copy of receipt %1 printed.").arg(receipt.saleId)
                        : tr("Receipt %1 printed.").arg(receipt.saleId);
}

void ReceiptPrintService::sendEscPos(const Receipt& receipt)
{
    // One sender per job: a slow network printer never holds up the next receipt's answer.
    auto* sender = new ReceiptSender(this);
    ++m_pending;
    const QString done = doneText(receipt);
    const qint64 saleId = receipt.saleId;
    connect(sender, &ReceiptSender::sent, this, [this, sender, done] {
        --m_pending;
        sender->deleteLater();
        Q_EMIT printed(done);
    });
    connect(sender, &ReceiptSender::failed, this, [this, sender, saleId](const QString& message) {
        --m_pending;
        sender->deleteLater();
        Q_EMIT failed(tr("Receipt %1 not printed: %2").arg(saleId).arg(message));
    });
    sender->send(EscPosEncoder().encode(receipt, m_setup.paperWidthMm), m_setup);
}

void ReceiptPrintService::printOnSystemPrinter(const Receipt& receipt)
{
    const QPrinterInfo info = m_setup.systemPrinter.isEmpty() ? QPrinterInfo::defaultPrinter()
                                                              : QPrinterInfo::printerInfo(m_setup.systemPrinter);
    if (info.isNull()) {
        Q_EMIT failed(m_setup.systemPrinter.isEmpty()
                          ? tr("Receipt %1 not printed: this computer has no default printer.").arg(receipt.saleId)
                          : tr("Receipt %1 not printed: the printer \"%2\" is not installed on this computer.")
                                .arg(receipt.saleId)
                                .arg(m_setup.systemPrinter));
        return;
    }
    QPrinter printer(info, QPrinter::HighResolution);
    printer.setDocName(tr("Receipt %1").arg(receipt.saleId));
    if (ReceiptPainter(receipt, m_setup.paperWidthMm).paint(printer) == 0) {
        Q_EMIT failed(tr("Receipt %1 not printed: the printer \"%2\" did not accept it.")
                          .arg(receipt.saleId)
                          .arg(info.printerName()));
        return;
    }
    Q_EMIT printed(doneText(receipt));
}

}  // namespace loyalty
