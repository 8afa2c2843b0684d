#pragma once

#include "staff/StaffSession.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace loyalty {

class Corrections;
class ReasonField;
struct MemberProfile;

// A manager unblocks a member's blocked card, or replaces a lost or damaged card with a new one
// read by scan (or typed), with a mandatory reason, through Corrections::unblockCard/replaceCard
// (audited). Core's refusal (a card in use, an active card to unblock...) is shown in the dialog,
// which then stays open with nothing written. Open it from the member page's Cards tab:
//
//     CardActionDialog dialog(corrections, staffSession, profile, cardNumber,
//                             CardActionDialog::Action::Replace, this);
//     connect(&dialog, &CardActionDialog::cardChanged, this, &MemberPage::reload);
//     dialog.exec();
//
// While a Replace dialog is open, scans must reach acceptScan(): it is Q_INVOKABLE and the dialog
// carries the dynamic property "expectsScan" = true, so whoever routes scans (SaleWindow::acceptScan)
// can hand them to it without knowing the class.
class CardActionDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Action
    {
        Unblock,
        Replace
    };

    CardActionDialog(Corrections& corrections, const StaffSession& by, const MemberProfile& profile,
                     const QString& cardNumber, Action action, QWidget* parent = nullptr);

    // A scan while the dialog is open: the new card of a replacement (ignored when unblocking).
    Q_INVOKABLE void acceptScan(const QString& code);

    Action action() const { return m_action; }
    QLineEdit* newCardField() const { return m_newCard; }  // null when unblocking
    ReasonField* reasonField() const { return m_reason; }
    QPushButton* okButton() const { return m_ok; }
    QString problemText() const;
    // The card the member holds after the action: the new one after a replacement.
    QString resultCardNumber() const { return m_resultCard; }

    void accept() override;

Q_SIGNALS:
    // The card changed: the member page reloads the member's cards.
    void cardChanged(qint64 memberId);

private:
    void updateOk();
    void showProblem(const QString& text);

    Corrections& m_corrections;
    StaffSession m_by;
    qint64 m_memberId;
    QString m_cardNumber;
    Action m_action;
    QString m_resultCard;
    QLineEdit* m_newCard = nullptr;
    ReasonField* m_reason;
    QLabel* m_problem;
    QPushButton* m_ok = nullptr;
};

}  // namespace loyalty
