#pragma once

#include "common/Result.h"
#include "config/PrinterSetup.h"
#include "receipt/Receipt.h"

#include <QObject>

namespace loyalty {

class ReceiptSource;

// Sends a sale's receipt where this workstation's PrinterSetup says: ESC/POS to a thermal printer
// (network, device file or file, through ReceiptSender, never blocking the till) or the painted receipt to an
// office printer (QPrinter). Reports the outcome as a sentence for the sale screen's message strip.
class ReceiptPrintService final : public QObject
{
    Q_OBJECT

public:
    // `source` must outlive the service.
    ReceiptPrintService(const ReceiptSource& source, PrinterSetup setup, QObject* parent = nullptr);

    const PrinterSetup& setup() const { return m_setup; }
    void setSetup(const PrinterSetup& setup) { m_setup = setup; }

    // The receipt of a sale, as printed (copy = a reprint, marked COPY).
    Result<Receipt> receiptFor(qint64 saleId, bool copy);

    // After a completed sale: prints when the setup prints automatically, and is silent otherwise.
    void printAfterSale(qint64 saleId);
    // Asked for by the cashier: always answers with printed() or failed(), also when no printer is set up.
    void printSale(qint64 saleId, bool copy);
    void printReceipt(const Receipt& receipt);

    // Jobs sent to a thermal printer whose answer has not come yet.
    int pendingJobs() const { return m_pending; }

Q_SIGNALS:
    void printed(const QString& message);
    void failed(const QString& message);

private:
    void sendEscPos(const Receipt& receipt);
    void printOnSystemPrinter(const Receipt& receipt);
    QString doneText(const Receipt& receipt) const;

    const ReceiptSource& m_source;
    PrinterSetup m_setup;
    int m_pending = 0;
};

}  // namespace loyalty
