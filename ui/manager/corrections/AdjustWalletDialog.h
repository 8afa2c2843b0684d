#pragma once

#include "manager/corrections/AdjustBalanceDialog.h"
#include "money/CurrencyInfo.h"
#include "staff/StaffSession.h"

namespace loyalty {

class Corrections;
struct MemberProfile;

// A manager adds to or takes off a member's cashback wallet with a reason, through
// Corrections::adjustWallet (audited, one transaction). The amount is typed in the locale's format
// ("12,50" in German) and read into minor units by MoneyParser, never through floating point.
// Open it like AdjustPointsDialog:
//
//     AdjustWalletDialog dialog(corrections, staffSession, profile, this);
//     connect(&dialog, &AdjustBalanceDialog::adjusted, this, &MemberPage::reload);
//     dialog.exec();
//
// `profile.currency` names the wallet's currency (the till's).
class AdjustWalletDialog final : public AdjustBalanceDialog
{
    Q_OBJECT

public:
    AdjustWalletDialog(Corrections& corrections, const StaffSession& by, const MemberProfile& profile,
                       QWidget* parent = nullptr);

protected:
    std::optional<qint64> parseMagnitude(const QString& text) const override;
    QString formatBalance(qint64 amount) const override;
    QString amountExample() const override;
    Result<qint64> book(qint64 signedAmount, const QString& reason) override;

private:
    Corrections& m_corrections;
    StaffSession m_by;
    CurrencyInfo m_currency;
};

}  // namespace loyalty
