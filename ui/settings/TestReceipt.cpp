#include "settings/TestReceipt.h"

#include "money/Money.h"
#include "money/MoneyFormatter.h"

#include <QLocale>

namespace loyalty {

namespace {

ReceiptLine line(ReceiptLine::Kind kind, const QString& text, const QString& amount = {})
{
    ReceiptLine made;
    made.kind = kind;
    made.text = text;
    made.amount = amount;
    return made;
}

}  // namespace

Receipt TestReceipt::compose(const QString& tillName, const QString& currency, const PrinterSetup& setup,
                             const QDateTime& at)
{
    Receipt receipt;
    ReceiptLine heading = line(ReceiptLine::Kind::Heading, tr("TEST RECEIPT"));
    heading.align = ReceiptLine::Align::Center;
    heading.bold = true;
    heading.large = true;
    receipt.lines.append(heading);
    ReceiptLine till = line(ReceiptLine::Kind::Text, tillName);
    till.align = ReceiptLine::Align::Center;
    receipt.lines.append(till);
    receipt.lines.append(line(ReceiptLine::Kind::Text, QLocale().toString(at, QLocale::ShortFormat)));
    receipt.lines.append(line(ReceiptLine::Kind::Separator, QString()));
    receipt.lines.append(line(ReceiptLine::Kind::Amount, tr("Paper width"), tr("%1 mm").arg(setup.paperWidthMm)));
    receipt.lines.append(
        line(ReceiptLine::Kind::Amount, tr("Sample amount"), MoneyFormatter().format(Money(123456, currency))));
    ReceiptLine bold = line(ReceiptLine::Kind::Text, tr("Bold text"));
    bold.bold = true;
    receipt.lines.append(bold);
    receipt.lines.append(line(ReceiptLine::Kind::Text, QStringLiteral("ÄÖÜ äöü ß € é")));
    receipt.lines.append(line(ReceiptLine::Kind::Text, tr("If the line above shows umlauts and the euro sign, the "
                                                          "printer's character set is right.")));
    receipt.lines.append(line(ReceiptLine::Kind::Separator, QString()));
    ReceiptLine qr = line(ReceiptLine::Kind::Qr, QStringLiteral("LOYALTY-TILL TEST RECEIPT"));
    qr.align = ReceiptLine::Align::Center;
    receipt.lines.append(qr);
    ReceiptLine end = line(ReceiptLine::Kind::Text, tr("The paper is cut below this line."));
    end.align = ReceiptLine::Align::Center;
    receipt.lines.append(end);
    receipt.lines.append(line(ReceiptLine::Kind::Spacer, QString()));
    return receipt;
}

}  // namespace loyalty
