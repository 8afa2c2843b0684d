#pragma once

#include "receipt/Receipt.h"
#include "receipt/ReceiptData.h"

#include <QCoreApplication>
#include <QLocale>

namespace loyalty {

// Lays a sale's receipt out as lines, in the till's language: the till and the sale, the goods and
// the total, then the loyalty part (member, masked card, each effect with its reason, the balances
// after the sale, points expiring soon, tier progress, the QR code), or an invitation to join.
// A copy (a reprint) says so at the top and at the bottom.
class ReceiptComposer final
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptComposer)

public:
    explicit ReceiptComposer(const QLocale& locale = QLocale());

    Receipt compose(const ReceiptData& data, bool copy) const;
    // What the printer setup's test button prints: a column ruler for the width, the special letters
    // (umlauts, ß, €), bold and large text, an amount column and a QR code, and the cut.
    Receipt testPage(const QString& tillName, const QString& currency, int paperWidthMm) const;

    // The amount column of an effect: "+24 P", "−5,00 €", "+1 stamp".
    QString effectAmount(const ReceiptEffect& effect, const QString& currency) const;
    // What kind of effect it is, in a word: "Points", "Coupon", "Cashback"...
    static QString effectKind(const ReceiptEffect& effect);

private:
    void addHeader(const ReceiptData& data, bool copy, QList<ReceiptLine>& lines) const;
    void addGoods(const ReceiptData& data, QList<ReceiptLine>& lines) const;
    void addLoyalty(const ReceiptData& data, QList<ReceiptLine>& lines) const;
    void addInvitation(const ReceiptData& data, QList<ReceiptLine>& lines) const;
    void addQr(const ReceiptData& data, QList<ReceiptLine>& lines) const;
    QString money(qint64 minor, const QString& currency) const;
    QString points(qint64 points) const;

    QLocale m_locale;
};

}  // namespace loyalty
