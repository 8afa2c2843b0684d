#include "receipt/ReceiptComposer.h"

#include "account/TierProgressText.h"
#include "money/MoneyFormatter.h"
#include "receipt/ReceiptLayout.h"

namespace loyalty {

namespace {

ReceiptLine text(const QString& content, ReceiptLine::Align align = ReceiptLine::Align::Left, bool bold = false)
{
    ReceiptLine line;
    line.kind = ReceiptLine::Kind::Text;
    line.text = content;
    line.align = align;
    line.bold = bold;
    return line;
}

ReceiptLine heading(const QString& content, bool large)
{
    ReceiptLine line;
    line.kind = ReceiptLine::Kind::Heading;
    line.text = content;
    line.align = ReceiptLine::Align::Center;
    line.bold = true;
    line.large = large;
    return line;
}

ReceiptLine amount(const QString& left, const QString& right, bool bold = false, bool large = false)
{
    ReceiptLine line;
    line.kind = ReceiptLine::Kind::Amount;
    line.text = left;
    line.amount = right;
    line.bold = bold;
    line.large = large;
    return line;
}

ReceiptLine ofKind(ReceiptLine::Kind kind)
{
    ReceiptLine line;
    line.kind = kind;
    return line;
}

}  // namespace

ReceiptComposer::ReceiptComposer(const QLocale& locale)
    : m_locale(locale)
{
}

QString ReceiptComposer::money(qint64 minor, const QString& currency) const
{
    return MoneyFormatter(m_locale).format(Money(minor, currency));
}

QString ReceiptComposer::points(qint64 value) const
{
    //: a points balance in the receipt's amount column, e.g. "1.234 P"
    return tr("%1 P").arg(m_locale.toString(value));
}

QString ReceiptComposer::effectKind(const ReceiptEffect& effect)
{
    switch (effect.kind) {
    case EffectKind::PointsEarned:
        return tr("Points");
    case EffectKind::PointsRedeemed:
        return effect.ruleId.startsWith(QLatin1String("reward.")) ? tr("Reward") : tr("Points redeemed");
    case EffectKind::Discount:
        return effect.code.isEmpty() ? tr("Saving") : tr("Coupon %1").arg(effect.code);
    case EffectKind::WalletEarned:
        return tr("Cashback");
    case EffectKind::WalletSpent:
        return tr("Paid from wallet");
    case EffectKind::CreditEarned:
    case EffectKind::CreditSpent:
        return tr("Credit");
    case EffectKind::StampsEarned:
        return tr("Stamps");
    case EffectKind::StampsRedeemed:
        return tr("Stamp card");
    case EffectKind::Membership:
        return tr("Membership");
    }
    return {};
}

QString ReceiptComposer::effectAmount(const ReceiptEffect& effect, const QString& currency) const
{
    const QString minus = QStringLiteral("−");
    switch (effect.kind) {
    case EffectKind::PointsEarned:
        return (effect.amount < 0 ? minus : QStringLiteral("+")) + points(qAbs(effect.amount));
    case EffectKind::PointsRedeemed:
        return minus + points(effect.amount);
    case EffectKind::Discount:
    case EffectKind::WalletSpent:
    case EffectKind::CreditSpent:
        return minus + money(effect.kind == EffectKind::Discount ? effect.amount : effect.discountMinor, currency);
    case EffectKind::WalletEarned:
    case EffectKind::CreditEarned:
        return QStringLiteral("+") + money(effect.amount, currency);
    case EffectKind::StampsEarned:
        //: stamps a sale put on a stamp card, in the receipt's amount column
        return tr("+%Ln stamp(s)", nullptr, int(effect.amount));
    case EffectKind::StampsRedeemed:
        //: stamps a completed card's reward took off, in the receipt's amount column
        return tr("−%Ln stamp(s)", nullptr, int(effect.amount));
    case EffectKind::Membership:
        //: days of paid membership a sale added, in the receipt's amount column
        return tr("+%Ln day(s)", nullptr, int(effect.amount));
    }
    return {};
}

Receipt ReceiptComposer::compose(const ReceiptData& data, bool copy) const
{
    Receipt receipt;
    receipt.saleId = data.saleId;
    receipt.saleUuid = data.saleUuid;
    receipt.copy = copy;
    addHeader(data, copy, receipt.lines);
    addGoods(data, receipt.lines);
    if (data.member)
        addLoyalty(data, receipt.lines);
    else
        addInvitation(data, receipt.lines);
    addQr(data, receipt.lines);
    receipt.lines.append(ofKind(ReceiptLine::Kind::Spacer));
    receipt.lines.append(text(tr("Thank you for your visit!"), ReceiptLine::Align::Center));
    if (copy)
        receipt.lines.append(text(tr("*** COPY — not a new sale ***"), ReceiptLine::Align::Center, true));
    return receipt;
}

Receipt ReceiptComposer::testPage(const QString& tillName, const QString& currency, int paperWidthMm) const
{
    const int columns = ReceiptLayout::columnsFor(paperWidthMm);
    QString ruler;
    for (int i = 1; i <= columns; ++i)
        ruler += QChar(u'0' + i % 10);
    Receipt receipt;
    receipt.lines.append(heading(tr("PRINTER TEST"), true));
    receipt.lines.append(text(tillName, ReceiptLine::Align::Center));
    receipt.lines.append(ofKind(ReceiptLine::Kind::Separator));
    //: %1 is the paper width in mm (58 or 80), %2 the characters per line (32 or 48)
    receipt.lines.append(text(tr("Paper %1 mm: %2 characters a line").arg(paperWidthMm).arg(columns)));
    receipt.lines.append(text(ruler));
    receipt.lines.append(text(QStringLiteral("ÄÖÜ äöü ß € é è à ç ñ")));
    receipt.lines.append(text(tr("Bold text"), ReceiptLine::Align::Left, true));
    receipt.lines.append(amount(tr("Large"), money(1250, currency), true, true));
    receipt.lines.append(amount(tr("Amount column"), money(99, currency)));
    ReceiptLine qr = ofKind(ReceiptLine::Kind::Qr);
    qr.text = QStringLiteral("LOYALTY TILL PRINTER TEST");
    qr.align = ReceiptLine::Align::Center;
    receipt.lines.append(qr);
    receipt.lines.append(text(tr("The ruler fills one line, the letters print as shown and the code scans: the "
                                 "printer is set up."),
                              ReceiptLine::Align::Center));
    return receipt;
}

void ReceiptComposer::addHeader(const ReceiptData& data, bool copy, QList<ReceiptLine>& lines) const
{
    if (copy)
        lines.append(heading(tr("COPY"), true));
    const QStringList shop = data.headerLines.isEmpty() ? QStringList{data.tillName} : data.headerLines;
    lines.append(heading(shop.first(), true));
    for (qsizetype i = 1; i < shop.size(); ++i)
        lines.append(text(shop.at(i), ReceiptLine::Align::Center));
    lines.append(ofKind(ReceiptLine::Kind::Spacer));
    //: %1 is the sale (receipt) number the customer brings back for a return, %2 the till's name
    lines.append(text(tr("Receipt %1 · %2").arg(data.saleId).arg(data.tillName), ReceiptLine::Align::Center));
    lines.append(
        text(m_locale.toString(data.completedAt.toLocalTime(), QLocale::ShortFormat), ReceiptLine::Align::Center));
    if (copy)
        lines.append(text(tr("Reprint of the receipt of this sale"), ReceiptLine::Align::Center));
    lines.append(ofKind(ReceiptLine::Kind::Separator));
}

void ReceiptComposer::addGoods(const ReceiptData& data, QList<ReceiptLine>& lines) const
{
    for (const ReceiptSaleLine& line : data.lines) {
        lines.append(amount(line.name, money(line.lineTotalMinor, data.currency)));
        if (line.quantity != 1) {
            //: a line's quantity and unit price under its name, e.g. "  3 × 1,29 €"
            lines.append(
                text(tr("  %1 × %2").arg(m_locale.toString(line.quantity), money(line.unitPriceMinor, data.currency))));
        }
    }
    lines.append(ofKind(ReceiptLine::Kind::Separator));
    if (data.discountMinor != 0) {
        lines.append(amount(tr("Subtotal"), money(data.subtotalMinor, data.currency)));
        lines.append(amount(tr("Your savings"), QStringLiteral("−") + money(data.discountMinor, data.currency)));
    }
    lines.append(amount(tr("TOTAL"), money(data.totalMinor, data.currency), true, true));
    lines.append(text(tr("%Ln item(s)", nullptr, int(data.itemCount))));
    lines.append(ofKind(ReceiptLine::Kind::Separator));
}

void ReceiptComposer::addLoyalty(const ReceiptData& data, QList<ReceiptLine>& lines) const
{
    const ReceiptMember& member = *data.member;
    lines.append(heading(tr("YOUR LOYALTY ACCOUNT"), false));
    if (!member.name.isEmpty())
        lines.append(text(member.name, ReceiptLine::Align::Left, true));
    if (!member.maskedCard.isEmpty())
        lines.append(text(tr("Card %1").arg(member.maskedCard)));
    lines.append(ofKind(ReceiptLine::Kind::Spacer));

    if (data.effects.isEmpty()) {
        lines.append(text(tr("This sale earned nothing on your account.")));
    } else {
        lines.append(text(tr("This sale:"), ReceiptLine::Align::Left, true));
        for (const ReceiptEffect& effect : data.effects) {
            lines.append(amount(effectKind(effect), effectAmount(effect, data.currency)));
            if (!effect.explanation.isEmpty())
                lines.append(text(QStringLiteral("  ") + effect.explanation));
        }
    }
    lines.append(ofKind(ReceiptLine::Kind::Spacer));

    lines.append(text(tr("Balance after this sale:"), ReceiptLine::Align::Left, true));
    lines.append(amount(tr("Points"), points(member.pointsAfter), true));
    if (member.walletAfterMinor != 0)
        lines.append(amount(tr("Wallet"), money(member.walletAfterMinor, data.currency)));
    for (const ReceiptStampCard& card : member.stampCards) {
        //: a stamp card's stamps after the sale: "7 of 10"
        QString count =
            tr("%1 of %2").arg(m_locale.toString(std::min(card.stamps, card.needed)), m_locale.toString(card.needed));
        lines.append(amount(card.name, count));
        if (card.stamps >= card.needed)
            lines.append(text(tr("  Full: your reward is due on your next visit")));
    }
    if (member.expiringPoints > 0) {
        lines.append(text(tr("%Ln point(s) expire on %1 — use them before then", nullptr, int(member.expiringPoints))
                              .arg(m_locale.toString(member.expiringOn, QLocale::ShortFormat)),
                          ReceiptLine::Align::Left, true));
    }
    if (member.hasTiers) {
        const QString next = TierProgressText::toNextTier(member.tier, data.currency, m_locale);
        if (!member.tierName.isEmpty()) {
            //: %1 is the tier held, %2 the way to the next one ("230 points to Gold")
            lines.append(text(next.isEmpty() ? tr("Tier %1 · highest tier reached").arg(member.tierName)
                                             : tr("Tier %1 · %2").arg(member.tierName, next)));
        } else if (!next.isEmpty()) {
            lines.append(text(next));
        }
    }
    lines.append(ofKind(ReceiptLine::Kind::Separator));
}

void ReceiptComposer::addInvitation(const ReceiptData&, QList<ReceiptLine>& lines) const
{
    lines.append(text(tr("Not a member yet? Ask at the till for a loyalty card and collect points on every "
                         "purchase."),
                      ReceiptLine::Align::Center));
    lines.append(ofKind(ReceiptLine::Kind::Separator));
}

void ReceiptComposer::addQr(const ReceiptData& data, QList<ReceiptLine>& lines) const
{
    if (data.qrKind == ReceiptData::QrKind::None || data.qrPayload.isEmpty())
        return;
    ReceiptLine qr = ofKind(ReceiptLine::Kind::Qr);
    qr.text = data.qrPayload;
    qr.align = ReceiptLine::Align::Center;
    lines.append(qr);
    lines.append(text(data.qrKind == ReceiptData::QrKind::DigitalCard
                          ? tr("Your digital card: scan it into your phone's wallet")
                          : tr("How did we do? Scan the code and tell us"),
                      ReceiptLine::Align::Center));
}

}  // namespace loyalty
