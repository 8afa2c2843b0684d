#pragma once

#include "profile/MemberProfile.h"
#include "staff/StaffSession.h"

#include <QDialog>

#include <optional>

class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QTimer;

namespace loyalty {

class Clock;
class Corrections;
class MemberProfileReader;
class MemberSearch;
class ReasonField;
struct Programme;

// Merges two accounts of the same person (Corrections::merge, audited): the manager searches the
// other account, sees both members' balances and cards side by side, chooses which one is kept,
// gives a reason and confirms in a second, explicit step that says what moves where. The closed
// account's balances and cards go to the kept one; its history and consents stay where they are.
// Core's refusal is shown in the dialog. Open it from the member page:
//
//     MergeMembersDialog dialog(corrections, search, profiles, programme, clock, staffSession, profile, this);
//     connect(&dialog, &MergeMembersDialog::merged, this, &MemberPage::showMember);  // the kept member
//     dialog.exec();
//
// `search` and `profiles` are read on the GUI thread: a search runs on a pause in typing or on Enter
// and reads one page (MemberSearch's keyset paging), the profile is per-member index lookups.
class MergeMembersDialog final : public QDialog
{
    Q_OBJECT

public:
    MergeMembersDialog(Corrections& corrections, MemberSearch& search, MemberProfileReader& profiles,
                       const Programme& programme, const Clock& clock, const StaffSession& by,
                       const MemberProfile& current, QWidget* parent = nullptr);
    ~MergeMembersDialog() override;

    // A scan while the dialog is open: the other account's card, searched at once (and chosen when
    // it is the only hit). Q_INVOKABLE with the dynamic property "expectsScan" = true, like
    // CardActionDialog, so the scan router needs no knowledge of the class.
    Q_INVOKABLE void acceptScan(const QString& code);

    QLineEdit* searchField() const { return m_search; }
    QListWidget* resultList() const { return m_results; }
    QRadioButton* keepCurrentButton() const { return m_keepCurrent; }
    QRadioButton* keepOtherButton() const { return m_keepOther; }
    ReasonField* reasonField() const { return m_reason; }
    QPushButton* reviewButton() const { return m_review; }
    QPushButton* mergeButton() const { return m_merge; }
    // The search runs at once (as on Enter) instead of after the pause in typing.
    void searchNow();
    // Whether the confirmation step is showing.
    bool isConfirming() const;
    QString confirmationText() const;
    QString problemText() const;
    std::optional<qint64> otherMemberId() const;

    void accept() override;

Q_SIGNALS:
    // The accounts are merged: `keptMemberId` holds both now, `closedMemberId` points to it.
    void merged(qint64 keptMemberId, qint64 closedMemberId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void chooseOther();
    void updateButtons();
    void review();
    void back();
    void showProblem(const QString& text);
    QString describe(const MemberProfile& profile) const;
    const MemberProfile& kept() const;
    const MemberProfile& closed() const;

    Corrections& m_corrections;
    MemberSearch& m_memberSearch;
    MemberProfileReader& m_profiles;
    const Programme& m_programme;
    const Clock& m_clock;
    StaffSession m_by;
    MemberProfile m_current;
    std::optional<MemberProfile> m_other;

    QStackedWidget* m_steps;
    QLineEdit* m_search;
    QTimer* m_searchDelay;
    QListWidget* m_results;
    QLabel* m_searchStatus;
    QLabel* m_currentDetails;
    QLabel* m_otherDetails;
    QRadioButton* m_keepCurrent;
    QRadioButton* m_keepOther;
    ReasonField* m_reason;
    QPushButton* m_review;
    QLabel* m_confirmation;
    QLabel* m_problem;
    QPushButton* m_merge;
};

}  // namespace loyalty
