#pragma once

#include "cards/CardRead.h"
#include "common/Result.h"

#include <QMainWindow>

#include <functional>

class QGridLayout;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QTableView;

namespace loyalty {

namespace sync {
struct SyncStatus;
}

class BasketModel;
class CardLifecycle;
class Clock;
class Database;
class EffectsPanel;
class Enrolment;
class KeyLegend;
class MemberPanel;
class MessageStrip;
class SaleKeyFilter;
class SaleSession;
struct ScanOutcome;
class TotalsBar;
class WedgeScanCapture;

// The cashier's sale screen: it composes the scan field, basket, totals, member panel, message
// strip and key legend, and forwards every action to the SaleSession. It holds no sale logic.
class SaleWindow final : public QMainWindow
{
    Q_OBJECT

public:
    SaleWindow(SaleSession& session, Enrolment& enrolment, CardLifecycle& cards, QWidget* parent = nullptr);

    // For tests and accessibility checks: the parts a cashier looks at.
    QLineEdit* scanField() const { return m_scanField; }
    QTableView* basketView() const { return m_basketView; }
    MemberPanel* memberPanel() const { return m_memberPanel; }
    MessageStrip* messageStrip() const { return m_messageStrip; }
    TotalsBar* totalsBar() const { return m_totalsBar; }
    EffectsPanel* effectsPanel() const { return m_effectsPanel; }
    KeyLegend* keyLegend() const { return m_keyLegend; }

    // A scan caught application-wide (keyboard wedge, serial, NFC): it goes to the open dialog if
    // that dialog expects a scan, is refused if another dialog is open, and is a sale scan otherwise.
    void acceptScan(const QString& text, CardSource source);
    // A read the devices refused before decoding (an oversize burst, an NFC tag not allowed...).
    void showRefusedRead(const QString& message);
    // A device's state for the status line ("NFC reader ready", "No NFC reader").
    void showDeviceStatus(const QString& status);
    // An NFC read turned into a card read (or refused) by NfcPolicy.
    void acceptDecodedRead(const Result<CardRead>& read);
    // Lets F11 take back items of earlier sales, booked in `database`; without it F11 says returns
    // are not set up. Both must outlive the window.
    void enableReturns(Database& database, const Clock& clock);
    // Catches keyboard-wedge scans application-wide while this window lives.
    WedgeScanCapture* wedgeCapture() const { return m_wedge; }
    // Head office's state on the status line; the window only shows it (the sync worker decides).
    void showSyncStatus(const sync::SyncStatus& status);

    // With staff accounts (loyalty-till signs cashiers in): F10 and F1 and their buttons ask the
    // shell for the manager screens and the end of the shift; without, they say so in the strip.
    void enableStaff(const QString& signedIn);
    // A customer is on the sale (goods or a member): signing out would lose it.
    bool saleInProgress() const;
    // Gives scans to someone else first (the sign-in, lock or manager page stacked over the sale):
    // when `diverter` takes a scan (returns true) the sale never sees it.
    void setScanDiverter(std::function<bool(const QString&)> diverter);
    // Back from a page stacked over the sale: the keyboard to the scan field, the sale as it was.
    void resumeSale();

Q_SIGNALS:
    // A sale was committed (with its outbox event): the sync worker may push it now.
    void saleCompleted();
    void managerScreensRequested();
    void signOutRequested();
    // Ctrl+P or the Receipts button: the receipt history (reprint, PDF) — the app connects it.
    void receiptsRequested();

protected:
    bool event(QEvent* event) override;

private:
    QWidget* buildSalePane();
    void fitSidePane();
    // The height of the action buttons laid out in `columns` columns, at their current minimums.
    int actionButtonsHeight(int columns) const;
    QWidget* buildSidePane();
    QPushButton* makeActionButton(const QString& objectName, const QString& text, const QString& keyHint);
    void connectActions();

    void submitScan();
    void handleSaleScan(const QString& text, CardSource source);
    void showOutcome(const ScanOutcome& outcome);
    void completeSale();
    // Asks for the date of birth when a bare NFC tag spends points or wallet; true when confirmed.
    bool confirmIdentity();
    void requestVoid();
    void changeQuantity(int delta);
    void removeSelectedLine();
    void moveSelection(int delta);
    void clearInput();
    void enrolMember();
    void manageCards();
    void takeReturn();
    void keepSaleCardActive();
    void requestManagerScreens();
    void requestSignOut();
    void requestReceipts();

    // The customer's requests on top of the basket (F6-F2).
    void applyCoupon();
    void redeemPoints();
    void takeReward();
    void spendWallet();
    void clearRequests();
    bool requireMember(const QString& action);
    // What the programme would grant of `wanted` for this basket: asks the session with the request
    // raised to `wanted`, then puts the cashier's request back.
    qint64 grantedFor(const QString& ruleId, qint64 wanted, bool wallet);
    // In the strip: what a request gave, or why the programme refused or lowered it.
    void showRequestResult(bool granted, const QString& grantedText);

    void refresh();
    void selectRow(int row);
    int selectedRow() const;
    void disarmVoid();
    void setVoidArmed(bool armed);

    SaleSession& m_session;
    Enrolment& m_enrolment;
    CardLifecycle& m_cards;
    BasketModel* m_basketModel;
    SaleKeyFilter* m_keyFilter;
    WedgeScanCapture* m_wedge;
    QWidget* m_sidePane = nullptr;
    // The action buttons in reading order and their grid, which reflows to fewer columns when the
    // labels at a large font scale do not fit three side by side.
    QList<QPushButton*> m_actionButtons;
    QGridLayout* m_actionGrid = nullptr;
    QScrollArea* m_actionScroller = nullptr;
    int m_actionColumns = 0;
    QLineEdit* m_scanField = nullptr;
    QTableView* m_basketView = nullptr;
    TotalsBar* m_totalsBar = nullptr;
    EffectsPanel* m_effectsPanel = nullptr;
    MemberPanel* m_memberPanel = nullptr;
    MessageStrip* m_messageStrip = nullptr;
    KeyLegend* m_keyLegend = nullptr;
    QPushButton* m_completeButton = nullptr;
    QPushButton* m_voidButton = nullptr;
    QPushButton* m_plusButton = nullptr;
    QPushButton* m_minusButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    QPushButton* m_enrolButton = nullptr;
    QPushButton* m_cardsButton = nullptr;
    QPushButton* m_returnButton = nullptr;
    QPushButton* m_couponButton = nullptr;
    QPushButton* m_redeemButton = nullptr;
    QPushButton* m_rewardButton = nullptr;
    QPushButton* m_walletButton = nullptr;
    QPushButton* m_clearRequestsButton = nullptr;
    QPushButton* m_managerButton = nullptr;
    QPushButton* m_signOutButton = nullptr;
    QPushButton* m_receiptsButton = nullptr;
    bool m_staffEnabled = false;
    std::function<bool(const QString&)> m_scanDiverter;
    bool m_voidArmed = false;
    Database* m_returnsDatabase = nullptr;
    const Clock* m_returnsClock = nullptr;
};

}  // namespace loyalty
