#include "manager/corrections/AdjustWalletDialog.h"

#include "corrections/Corrections.h"
#include "money/MoneyFormatter.h"
#include "money/MoneyParser.h"
#include "profile/MemberProfile.h"

namespace loyalty {

AdjustWalletDialog::AdjustWalletDialog(Corrections& corrections, const StaffSession& by, const MemberProfile& profile,
                                       QWidget* parent)
    : AdjustBalanceDialog(profile.memberId, tr("Adjust wallet"), tr("Cashback wallet of %1.").arg(profile.name),
                          tr("&Amount (%1)").arg(CurrencyInfo::of(profile.currency).symbol),
                          {tr("Cashback missing from a purchase"), tr("Goodwill after a complaint"),
                           tr("Cashier's mistake corrected"), tr("Refund paid into the wallet")},
                          parent)
    , m_corrections(corrections)
    , m_by(by)
    , m_currency(CurrencyInfo::of(profile.currency))
{
    setObjectName(QStringLiteral("adjustWalletDialog"));
    finishSetup(Result<qint64>(profile.walletMinor));
}

std::optional<qint64> AdjustWalletDialog::parseMagnitude(const QString& text) const
{
    return MoneyParser::parseMinor(text, m_currency);
}

QString AdjustWalletDialog::formatBalance(qint64 amount) const
{
    return MoneyFormatter().format(Money(amount, m_currency.code));
}

QString AdjustWalletDialog::amountExample() const
{
    return MoneyFormatter().formatNumber(Money(1250, m_currency.code));
}

Result<qint64> AdjustWalletDialog::book(qint64 signedAmount, const QString& reason)
{
    const auto adjusted = m_corrections.adjustWallet(m_by, memberId(), signedAmount, reason);
    if (!adjusted)
        return adjusted.error();
    return adjusted->after;
}

}  // namespace loyalty
