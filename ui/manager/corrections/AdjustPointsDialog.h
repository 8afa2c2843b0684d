#pragma once

#include "manager/corrections/AdjustBalanceDialog.h"
#include "staff/StaffSession.h"

namespace loyalty {

class Corrections;
struct MemberProfile;

// A manager adds or takes off points of a member ("my points are missing") with a reason, through
// Corrections::adjustPoints (audited, one transaction). Open it from the member page:
//
//     AdjustPointsDialog dialog(corrections, staffSession, profile, this);
//     connect(&dialog, &AdjustBalanceDialog::adjusted, this, &MemberPage::reload);  // or exec() == Accepted
//     dialog.exec();
//
// `profile` (MemberProfileReader::read) gives the member id, name and the balance shown before;
// what core books is checked against the database, not against this copy.
class AdjustPointsDialog final : public AdjustBalanceDialog
{
    Q_OBJECT

public:
    AdjustPointsDialog(Corrections& corrections, const StaffSession& by, const MemberProfile& profile,
                       QWidget* parent = nullptr);

    // The day the added points expire, as core booked it (empty when they never expire or before booking).
    QString bookedExpiresOn() const { return m_expiresOn; }

protected:
    std::optional<qint64> parseMagnitude(const QString& text) const override;
    QString formatBalance(qint64 amount) const override;
    QString amountExample() const override;
    Result<qint64> book(qint64 signedAmount, const QString& reason) override;

private:
    Corrections& m_corrections;
    StaffSession m_by;
    QString m_expiresOn;
};

}  // namespace loyalty
