#pragma once

#include "settings/TillSettings.h"
#include "staff/StaffSession.h"

#include <QMainWindow>
#include <QTimer>

#include <optional>

class QStackedWidget;

namespace loyalty {

class Clock;
class Database;
class FirstRunPage;
class ManagerScreen;
class SaleWindow;
class StaffDirectory;
class StaffPinPage;

// loyalty-till's window: the shift sign-in (or the first run on a till without staff) in front of
// the sale screen, the idle lock and the manager screens stacked over the sale. The sale screen is
// never rebuilt or cleared by any of them, so leaving a page finds the sale exactly as it was.
class TillShell final : public QMainWindow
{
    Q_OBJECT

public:
    static constexpr int kDefaultAutoLockMinutes = 5;
    // Settings table key (minutes, 0 = never); loyalty-ctl or head office may set it.
    static inline const QString kAutoLockSetting = QStringLiteral("staff.auto_lock_minutes");
    static inline const QString kLastStaffSetting = QStringLiteral("staff.last_signed_in");

    // Takes `sale` as its own page (and owns it). Everything else must outlive the shell.
    TillShell(SaleWindow* sale, Database& database, const Clock& clock, const TillSettings& settings,
              StaffDirectory& staff, QWidget* parent = nullptr);
    ~TillShell() override;

    // Shows the first run or the sign-in page; the sale screen comes after a sign-in.
    void start();
    void setAutoLockInterval(int milliseconds);
    int autoLockInterval() const { return m_idle.interval(); }
    // The idle timeout fired (or the cashier locked on purpose).
    void lockNow();

    bool isLocked() const;
    const std::optional<StaffSession>& session() const { return m_session; }
    SaleWindow* saleWindow() const { return m_sale; }
    FirstRunPage* firstRunPage() const { return m_firstRun; }
    StaffPinPage* signInPage() const { return m_signIn; }
    StaffPinPage* lockPage() const { return m_lock; }
    StaffPinPage* managerPinPage() const { return m_managerPin; }
    // Made on first use (opening the manager screens, or this call): building its pages is a fifth
    // of the till's start, and most shifts never open them.
    ManagerScreen* managerScreen();
    QWidget* currentPage() const;

Q_SIGNALS:
    // The manager asked for the till's settings (F6 on the manager screens).
    void settingsRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showSignIn(const QString& message = {});
    void createFirstManager(const QString& name, const QString& pin);
    void signIn(const QString& name, const QString& pin);
    void beginShift(const StaffSession& session);
    void signOut();
    void unlock(const QString& name, const QString& pin);
    void askForManager();
    void openManager(const QString& name, const QString& pin);
    void closeManager();
    // Ends the manager override's shift, if one is open; the cashier's session stays.
    void endOverride();
    // False (and the sign-in page shown) when core no longer has the cashier's shift open.
    bool cashierStillSignedIn();
    bool divertScan(const QString& text);
    void showPage(QWidget* page);
    QString staffLine() const;
    QStringList activeNames(bool managersOnly) const;
    void rememberLastStaff(const QString& name);
    QString lastStaff() const;

    Database& m_database;
    const Clock& m_clock;
    TillSettings m_settings;
    StaffDirectory& m_staff;
    QStackedWidget* m_stack;
    SaleWindow* m_sale;
    FirstRunPage* m_firstRun;
    StaffPinPage* m_signIn;
    StaffPinPage* m_lock;
    StaffPinPage* m_managerPin;
    ManagerScreen* m_manager = nullptr;
    std::optional<StaffSession> m_session;
    // A manager who signed in over a cashier's shift for the manager screens (manager override,
    // StaffDirectory::signInOverride); m_session stays the cashier's meanwhile.
    std::optional<StaffSession> m_override;
    QWidget* m_beforeLock = nullptr;
    QTimer m_idle;
};

}  // namespace loyalty
