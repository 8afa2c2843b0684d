#pragma once

#include "profile/MemberProfile.h"
#include "settings/TillSettings.h"
#include "staff/StaffSession.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace loyalty {

class Clock;
class Corrections;
class Database;
class MemberHistoryTab;
class MemberOverviewTab;
class MessageStrip;
class PrivacyPanel;

// One member for the manager, in tabs Overview · History · Cards · Privacy, with the corrections
// (adjust points F6, adjust wallet F7, merge F8; on the Cards tab unblock F9 and replace F11) that
// open the correction dialogs and reload the page after they booked something.
class MemberPage final : public QWidget
{
    Q_OBJECT

public:
    MemberPage(Database& database, const Clock& clock, const TillSettings& settings, Corrections& corrections,
               QWidget* parent = nullptr);

    // Shows the member as a manager (the dialogs act as `manager`). False with the reason in the strip.
    bool showMember(qint64 memberId, const StaffSession& manager);
    void reload();
    // The manager's keys on this page; false when the key is not one of them.
    bool handleKey(int key);

    const std::optional<MemberProfile>& profile() const { return m_profile; }
    QTabWidget* tabs() const { return m_tabs; }
    MemberOverviewTab* overview() const { return m_overview; }
    MemberHistoryTab* history() const { return m_history; }
    PrivacyPanel* privacyPanel() const { return m_privacy; }
    QTableWidget* cardsTable() const { return m_cards; }
    MessageStrip* messageStrip() const { return m_message; }
    QPushButton* adjustPointsButton() const { return m_adjustPoints; }
    QPushButton* adjustWalletButton() const { return m_adjustWallet; }

private:
    QWidget* buildCardsTab();
    void showCards();
    QString selectedCard() const;
    void adjustPoints();
    void adjustWallet();
    void merge();
    void unblockCard();
    void replaceCard();
    void regainFocus();
    void updateCardButtons();

    Database& m_database;
    const Clock& m_clock;
    TillSettings m_settings;
    Corrections& m_corrections;
    StaffSession m_manager;
    std::optional<MemberProfile> m_profile;
    QLabel* m_name;
    QLabel* m_details;
    MessageStrip* m_message;
    QTabWidget* m_tabs;
    MemberOverviewTab* m_overview;
    MemberHistoryTab* m_history;
    QTableWidget* m_cards = nullptr;
    PrivacyPanel* m_privacy = nullptr;
    QPushButton* m_adjustPoints;
    QPushButton* m_adjustWallet;
    QPushButton* m_merge;
    QPushButton* m_unblock = nullptr;
    QPushButton* m_replace = nullptr;
};

}  // namespace loyalty
