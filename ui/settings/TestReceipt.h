#pragma once

#include "config/PrinterSetup.h"
#include "receipt/Receipt.h"

#include <QCoreApplication>
#include <QDateTime>

namespace loyalty {

// The receipt the settings dialog's "Print test receipt" sends: headings, umlauts and the euro sign
// (the code page), two columns (the paper width), a separator, a QR code and the paper cut, so one
// look at the paper shows whether the printer is set up right. No sale, no member, no card.
class TestReceipt final
{
    Q_DECLARE_TR_FUNCTIONS(TestReceipt)

public:
    static Receipt compose(const QString& tillName, const QString& currency, const PrinterSetup& setup,
                           const QDateTime& at);
};

}  // namespace loyalty
