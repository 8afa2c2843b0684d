#include "commands/ReceiptCommand.h"

#include "CtlSaleReference.h"
#include "receipt/EscPosEncoder.h"
#include "receipt/ReceiptLayout.h"
#include "receipt/ReceiptSender.h"
#include "receipt/ReceiptSource.h"
#include "store/Database.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>

namespace loyalty {

namespace {

Error printerError(const QString& message)
{
    return Error{Error::Code::Refused, message, QStringLiteral("printer")};
}

}  // namespace

ReceiptCommand::ReceiptCommand(Database& database)
    : m_database(database)
{
}

Result<CtlReport> ReceiptCommand::run(const CtlRequest& request) const
{
    const QSqlDatabase db = m_database.connection();
    const auto sale = CtlSaleReference::load(db, request.sale);
    if (!sale)
        return sale.error();
    const auto receipt = ReceiptSource(db).receiptFor(sale->id, request.receiptCopy);
    if (!receipt)
        return receipt.error();

    CtlReport report;
    report.json = {{QStringLiteral("sale_id"), sale->id},
                   {QStringLiteral("sale_uuid"), sale->uuid},
                   {QStringLiteral("copy"), request.receiptCopy},
                   {QStringLiteral("width_mm"), request.paperWidthMm}};
    if (request.receiptTarget == CtlRequest::ReceiptTarget::Text) {
        const QString text = ReceiptLayout::plainText(*receipt, ReceiptLayout::columnsFor(request.paperWidthMm));
        report.json.insert(QStringLiteral("text"), text);
        report.text = text;
        return report;
    }
    const QByteArray bytes = EscPosEncoder().encode(*receipt, request.paperWidthMm);
    if (auto delivered = deliver(bytes, request); !delivered)
        return delivered.error();
    report.json.insert(QStringLiteral("bytes"), qint64(bytes.size()));
    switch (request.receiptTarget) {
    case CtlRequest::ReceiptTarget::File:
        report.json.insert(QStringLiteral("file"), request.receiptFile);
        report.text = tr("Receipt %1 written to %2 (%3 bytes of ESC/POS).\n")
                          .arg(sale->id)
                          .arg(request.receiptFile)
                          .arg(bytes.size());
        break;
    case CtlRequest::ReceiptTarget::Network:
        report.json.insert(QStringLiteral("printer"),
                           QStringLiteral("%1:%2").arg(request.printerHost).arg(request.printerPort));
        report.text = tr("Receipt %1 sent to the printer at %2:%3.\n")
                          .arg(sale->id)
                          .arg(request.printerHost)
                          .arg(request.printerPort);
        break;
    case CtlRequest::ReceiptTarget::Device:
        report.json.insert(QStringLiteral("device"), request.printerDevice);
        report.text = tr("Receipt %1 sent to the printer %2.\n").arg(sale->id).arg(request.printerDevice);
        break;
    case CtlRequest::ReceiptTarget::Text:
        break;
    }
    return report;
}

Result<Done> ReceiptCommand::deliver(const QByteArray& bytes, const CtlRequest& request) const
{
    switch (request.receiptTarget) {
    case CtlRequest::ReceiptTarget::File: {
        // A file of one receipt, replaced if it exists: what a support person sends on or decodes.
        QFile file(request.receiptFile);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size() ||
            !file.flush()) {
            return Error{Error::Code::Storage,
                         tr("The receipt cannot be written to %1: %2").arg(request.receiptFile, file.errorString())};
        }
        return Done{};
    }
    case CtlRequest::ReceiptTarget::Device: {
        const QString error = ReceiptSender::writeDevice(bytes, request.printerDevice, kPrinterTimeoutMs);
        if (!error.isEmpty())
            return printerError(error);
        return Done{};
    }
    case CtlRequest::ReceiptTarget::Network: {
        PrinterSetup setup;
        setup.kind = PrinterSetup::Kind::Network;
        setup.host = request.printerHost;
        setup.port = request.printerPort;
        setup.timeoutMs = kPrinterTimeoutMs;
        ReceiptSender sender;
        QEventLoop loop;
        QString error;
        QObject::connect(&sender, &ReceiptSender::sent, &loop, &QEventLoop::quit);
        QObject::connect(&sender, &ReceiptSender::failed, &loop, [&loop, &error](const QString& message) {
            error = message;
            loop.quit();
        });
        sender.send(bytes, setup);
        loop.exec();  // the sender's own timeout ends it
        if (!error.isEmpty())
            return printerError(error);
        return Done{};
    }
    case CtlRequest::ReceiptTarget::Text:
        break;
    }
    return Done{};
}

}  // namespace loyalty
