#include "manager/TillShell.h"

#include "manager/FirstRunPage.h"
#include "manager/ManagerScreen.h"
#include "manager/StaffPinPage.h"
#include "sale/KeyLegend.h"
#include "sale/MessageStrip.h"
#include "sale/SaleWindow.h"
#include "settings/SettingsRepository.h"
#include "staff/ManagerGuard.h"
#include "staff/PinHasher.h"
#include "staff/StaffDirectory.h"
#include "store/Database.h"

#include <QApplication>
#include <QEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QStackedWidget>

#include <algorithm>

namespace loyalty {

TillShell::TillShell(SaleWindow* sale, Database& database, const Clock& clock, const TillSettings& settings,
                     StaffDirectory& staff, QWidget* parent)
    : QMainWindow(parent)
    , m_database(database)
    , m_clock(clock)
    , m_settings(settings)
    , m_staff(staff)
    , m_stack(new QStackedWidget(this))
    , m_sale(sale)
    , m_firstRun(new FirstRunPage(m_stack))
    , m_signIn(new StaffPinPage(m_stack))
    , m_lock(new StaffPinPage(m_stack))
    , m_managerPin(new StaffPinPage(m_stack))
{
    setObjectName(QStringLiteral("tillShell"));
    setWindowTitle(tr("Loyalty Till — %1").arg(settings.tillName));
    m_signIn->setObjectName(QStringLiteral("signInPage"));
    m_lock->setObjectName(QStringLiteral("lockPage"));
    m_managerPin->setObjectName(QStringLiteral("managerPinPage"));
    m_signIn->setSubmitText(tr("Sign in"));
    m_lock->setSubmitText(tr("Unlock"));
    m_managerPin->setSubmitText(tr("Open manager screens"));
    m_managerPin->setCancellable(true);

    // The sale screen becomes a page of this window (no longer a window of its own).
    m_stack->addWidget(m_sale);
    for (QWidget* page : {static_cast<QWidget*>(m_firstRun), static_cast<QWidget*>(m_signIn),
                          static_cast<QWidget*>(m_lock), static_cast<QWidget*>(m_managerPin)})
        m_stack->addWidget(page);
    setCentralWidget(m_stack);

    connect(m_firstRun, &FirstRunPage::createRequested, this, &TillShell::createFirstManager);
    connect(m_signIn, &StaffPinPage::submitted, this, &TillShell::signIn);
    connect(m_lock, &StaffPinPage::submitted, this, &TillShell::unlock);
    connect(m_managerPin, &StaffPinPage::submitted, this, &TillShell::openManager);
    connect(m_managerPin, &StaffPinPage::cancelled, this, [this] { showPage(m_sale); });
    connect(m_sale, &SaleWindow::managerScreensRequested, this, &TillShell::askForManager);
    connect(m_sale, &SaleWindow::signOutRequested, this, &TillShell::signOut);
    m_sale->setScanDiverter([this](const QString& text) { return divertScan(text); });

    int minutes = kDefaultAutoLockMinutes;
    if (const auto stored = SettingsRepository(database.connection()).value(kAutoLockSetting); stored && *stored) {
        bool ok = false;
        const int value = (*stored)->toInt(&ok);
        if (ok && value >= 0)
            minutes = value;
    }
    m_idle.setSingleShot(true);
    setAutoLockInterval(minutes * 60 * 1000);
    connect(&m_idle, &QTimer::timeout, this, &TillShell::lockNow);
    // Any key, click or touch anywhere in the application is activity.
    qApp->installEventFilter(this);
}

TillShell::~TillShell()
{
    qApp->removeEventFilter(this);
    // The till closed with the manager screens open: the override ends with the window.
    if (m_override)
        (void)m_staff.endOverride(*m_override);
}

void TillShell::start()
{
    const auto any = m_staff.hasStaff();
    if (any && !*any) {
        showPage(m_firstRun);
        return;
    }
    showSignIn(any ? QString() : any.error().message);
}

void TillShell::setAutoLockInterval(int milliseconds)
{
    m_idle.setInterval(milliseconds);
    if (milliseconds <= 0)
        m_idle.stop();
    else if (m_session && currentPage() != m_lock)
        m_idle.start();
}

ManagerScreen* TillShell::managerScreen()
{
    if (m_manager)
        return m_manager;
    m_manager = new ManagerScreen(m_database, m_clock, m_settings, m_staff, m_stack);
    m_stack->addWidget(m_manager);
    connect(m_manager, &ManagerScreen::closeRequested, this, &TillShell::closeManager);
    connect(m_manager, &ManagerScreen::settingsRequested, this, &TillShell::settingsRequested);
    return m_manager;
}

QWidget* TillShell::currentPage() const
{
    return m_stack->currentWidget();
}

bool TillShell::isLocked() const
{
    return currentPage() == m_lock;
}

void TillShell::showPage(QWidget* page)
{
    m_stack->setCurrentWidget(page);
    if (page == m_sale) {
        m_sale->resumeSale();
    } else if (!QApplication::activeModalWidget()) {
        if (!isActiveWindow() && isVisible())
            activateWindow();
    }
    if (m_session && page != m_lock && page != m_signIn && m_idle.interval() > 0)
        m_idle.start();
}

QStringList TillShell::activeNames(bool managersOnly) const
{
    QStringList names;
    const auto staff = m_staff.list();
    if (!staff)
        return names;
    for (const StaffMember& member : *staff) {
        if (member.active && (!managersOnly || member.role == StaffRole::Manager))
            names << member.name;
    }
    return names;
}

QString TillShell::lastStaff() const
{
    const auto stored = SettingsRepository(m_database.connection()).value(kLastStaffSetting);
    return stored && *stored ? **stored : QString();
}

void TillShell::rememberLastStaff(const QString& name)
{
    // Only a convenience for the next sign-in: a failure to store it changes nothing else.
    (void)SettingsRepository(m_database.connection()).setValue(kLastStaffSetting, name);
}

void TillShell::showSignIn(const QString& message)
{
    m_idle.stop();
    m_signIn->setTitle(tr("Sign in"), tr("Pick your name (↑ ↓) and type your PIN, then Enter."));
    const QString preselected = m_session ? m_session->name : lastStaff();
    m_signIn->setNames(activeNames(false), preselected);
    m_signIn->reset();
    if (!message.isEmpty())
        m_signIn->messageStrip()->show(MessageStrip::Severity::Warning, message);
    showPage(m_signIn);
}

void TillShell::createFirstManager(const QString& name, const QString& pin)
{
    auto created = m_staff.createFirstManager(name, pin);
    if (!created) {
        m_firstRun->showError(created.error().message);
        return;
    }
    beginShift(*created);
}

void TillShell::signIn(const QString& name, const QString& pin)
{
    auto session = m_staff.signIn(name, pin);
    if (!session) {
        m_signIn->showError(session.error().message);
        return;
    }
    beginShift(*session);
}

void TillShell::beginShift(const StaffSession& session)
{
    m_session = session;
    rememberLastStaff(session.name);
    m_sale->enableStaff(staffLine());
    showPage(m_sale);
    m_sale->messageStrip()->show(MessageStrip::Severity::Success, tr("Signed in: %1.").arg(session.name));
}

QString TillShell::staffLine() const
{
    if (!m_session)
        return {};
    //: the status line: who is signed in
    return m_session->isManager() ? tr("Manager: %1").arg(m_session->name) : tr("Cashier: %1").arg(m_session->name);
}

void TillShell::signOut()
{
    if (!m_session)
        return;
    if (m_sale->saleInProgress()) {
        m_sale->messageStrip()->show(MessageStrip::Severity::Warning,
                                     tr("Finish or void the sale first (F12 or F8), then sign out (F1)."));
        return;
    }
    const QString name = m_session->name;
    if (auto done = m_staff.signOut(*m_session); !done) {
        m_sale->messageStrip()->show(MessageStrip::Severity::Error, done.error().message);
        return;
    }
    m_session.reset();
    rememberLastStaff(name);
    m_sale->keyLegend()->showStaff({});
    showSignIn(tr("%1 signed out. The shift is closed.").arg(name));
}

void TillShell::lockNow()
{
    if (!m_session || isLocked() || currentPage() == m_signIn || currentPage() == m_firstRun)
        return;
    // A dialog in front (enrol, redeem) keeps the till awake: locking behind it would hide nothing.
    if (QApplication::activeModalWidget()) {
        if (m_idle.interval() > 0)
            m_idle.start();
        return;
    }
    m_idle.stop();
    m_beforeLock = currentPage();
    // The manager screens never stay open behind the lock: the cashier's PIN must not reopen them.
    if ((m_manager && m_beforeLock == m_manager) || m_beforeLock == m_managerPin) {
        m_beforeLock = m_sale;
        if (m_manager)
            m_manager->close();
        endOverride();  // the manager's override ends; the lock is the cashier's again
    }
    QStringList names{m_session->name};
    for (const QString& manager : activeNames(true)) {
        if (manager != m_session->name)
            names << manager;
    }
    m_lock->setTitle(tr("Locked"), tr("The till locked itself after a pause. %1 unlocks with their PIN (or a "
                                      "manager with theirs); the sale stays as it was.")
                                       .arg(m_session->name));
    m_lock->setNames(names, m_session->name);
    m_lock->reset();
    showPage(m_lock);
}

void TillShell::unlock(const QString& name, const QString& pin)
{
    if (!m_session)
        return;
    QWidget* back = m_beforeLock ? m_beforeLock : m_sale;
    if (name == m_session->name) {
        if (auto verified = m_staff.verifyPin(*m_session, pin); !verified) {
            m_lock->showError(verified.error().message);
            return;
        }
        m_beforeLock = nullptr;
        showPage(back);
        return;
    }
    // A manager unlocking for someone else is a manager override of a moment: core checks their PIN
    // (counted, locked out like any) and opens and ends a shift of theirs, so it is on record; the
    // cashier's shift stays open and the till goes on under the cashier's session.
    if (!activeNames(true).contains(name)) {
        m_lock->showError(tr("Only %1 or a manager can unlock this till.").arg(m_session->name));
        return;
    }
    auto manager = m_staff.signInOverride(name, pin);
    if (!manager) {
        m_lock->showError(manager.error().message);
        return;
    }
    (void)m_staff.endOverride(*manager);
    m_beforeLock = nullptr;
    if (!cashierStillSignedIn())
        return;
    m_sale->keyLegend()->showStaff(staffLine());
    showPage(back);
    if (back == m_sale) {
        m_sale->messageStrip()->show(
            MessageStrip::Severity::Info,
            tr("%1 unlocked the till; the sale goes on for %2.").arg(manager->name, m_session->name));
    }
}

bool TillShell::cashierStillSignedIn()
{
    if (!m_session)
        return false;
    // A manager may have ended the cashier's account or shift meanwhile (staff page): then the
    // cashier's session is gone in core and the till asks for a sign-in, the sale kept behind it.
    if (const auto signedIn = ManagerGuard(m_database.connection()).requireSignedIn(*m_session);
        !signedIn && signedIn.error().reason == ManagerGuard::kNotSignedIn) {
        const QString name = m_session->name;
        m_session.reset();
        m_sale->keyLegend()->showStaff({});
        showSignIn(tr("The shift of %1 has ended. Sign in to go on with the sale.").arg(name));
        return false;
    }
    return true;
}

void TillShell::askForManager()
{
    if (!m_session)
        return;
    QStringList names{m_session->name};
    for (const QString& manager : activeNames(true)) {
        if (manager != m_session->name)
            names << manager;
    }
    m_managerPin->setTitle(tr("Manager screens"),
                           m_session->isManager()
                               ? tr("Type your PIN, then Enter. Esc goes back to the sale.")
                               : tr("A manager picks their name (↑ ↓) and types their PIN (manager override). Esc "
                                    "goes back to the sale."));
    m_managerPin->setNames(names, m_session->isManager() || names.size() < 2 ? m_session->name : names.at(1));
    m_managerPin->reset();
    showPage(m_managerPin);
}

void TillShell::openManager(const QString& name, const QString& pin)
{
    if (!m_session)
        return;
    StaffSession manager = *m_session;
    if (name == m_session->name) {
        if (auto verified = m_staff.verifyPin(*m_session, pin); !verified) {
            m_managerPin->showError(verified.error().message);
            return;
        }
    } else {
        // Manager override: a shift of the manager's own next to the cashier's, which stays open;
        // the till is the cashier's again when the manager screens close.
        auto signedIn = m_staff.signInOverride(name, pin);
        if (!signedIn) {
            m_managerPin->showError(signedIn.error().message);
            return;
        }
        manager = *signedIn;
    }
    // The screens ask core, not the role on the session: a cashier is refused here by ManagerGuard.
    if (auto allowed = ManagerGuard(m_database.connection()).requireManager(manager); !allowed) {
        if (manager.shiftId != m_session->shiftId)
            (void)m_staff.endOverride(manager);
        m_managerPin->showError(allowed.error().message);
        return;
    }
    if (manager.shiftId != m_session->shiftId)
        m_override = manager;
    managerScreen()->open(manager);
    showPage(m_manager);
}

void TillShell::endOverride()
{
    if (!m_override)
        return;
    (void)m_staff.endOverride(*m_override);  // a failure leaves a shift the next sign-in ends
    m_override.reset();
}

void TillShell::closeManager()
{
    if (m_manager)
        m_manager->close();
    if (!m_override) {
        showPage(m_sale);
        return;
    }
    const QString manager = m_override->name;
    endOverride();
    if (!cashierStillSignedIn())
        return;
    // The cashier's shift never ended: the till is theirs again, no sign-in needed.
    m_sale->keyLegend()->showStaff(staffLine());
    showPage(m_sale);
    m_sale->messageStrip()->show(
        MessageStrip::Severity::Info,
        tr("%1 left the manager screens; the sale goes on for %2.").arg(manager, m_session->name));
}

bool TillShell::divertScan(const QString& text)
{
    // A modal dialog in front (settings, a correction): the scan is the dialog's if it says it takes
    // scans, else nobody's — never a member search or a PIN on the page behind the dialog.
    if (QWidget* modal = QApplication::activeModalWidget()) {
        if (modal->property("expectsScan").toBool())
            QMetaObject::invokeMethod(modal, "acceptScan", Q_ARG(QString, text));
        return true;
    }
    QWidget* page = currentPage();
    if (page == m_sale)
        return false;
    // A PIN typed fast enough to look like a scan is still a PIN on the PIN pages.
    if (auto* pinPage = qobject_cast<StaffPinPage*>(page)) {
        // A card or product scanned here is no PIN: it must not count as a wrong one.
        const bool couldBePin = text.size() <= PinHasher::kMaxDigits &&
                                std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); });
        if (!couldBePin) {
            pinPage->showError(page == m_signIn ? tr("Sign in first (name and PIN), then scan.")
                                                : tr("A scan is not a PIN. Type the PIN, then Enter."));
            return true;
        }
        pinPage->pinField()->setText(text);
        Q_EMIT pinPage->pinField()->returnPressed();
        return true;
    }
    if (m_manager && page == m_manager) {
        m_manager->acceptScan(text);
        return true;
    }
    if (page == m_firstRun)
        m_firstRun->acceptBurst(text);
    return true;  // never the sale behind the page
}

bool TillShell::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::Wheel:
        if (m_session && m_idle.interval() > 0 && !isLocked() && m_idle.isActive())
            m_idle.start();
        break;
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}

}  // namespace loyalty
