#include "manager/ManagerScreen.h"

#include "corrections/Corrections.h"
#include "manager/AuditLogPage.h"
#include "manager/MemberPage.h"
#include "manager/MembersPage.h"
#include "manager/StaffPage.h"
#include "manager/reports/ReportsPage.h"
#include "profile/MemberSearchThread.h"
#include "sale/MessageStrip.h"
#include "store/Database.h"
#include "style/TillStyle.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace loyalty {

ManagerScreen::ManagerScreen(Database& database, const Clock& clock, const TillSettings& settings,
                             StaffDirectory& staff, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_clock(clock)
    , m_corrections(std::make_unique<Corrections>(database, clock, settings))
    , m_search(new MemberSearchThread(database.path(), this))
    , m_title(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_members(new MembersPage(*m_search, m_pages))
    , m_member(new MemberPage(database, clock, settings, *m_corrections, m_pages))
    , m_audit(new AuditLogPage(database, m_pages))
    , m_staffPage(new StaffPage(staff, clock, m_pages))
{
    setObjectName(QStringLiteral("managerScreen"));
    m_title->setObjectName(QStringLiteral("managerTitleLabel"));
    TillStyle::setRelativeFont(m_title, 1.5, true);
    for (QWidget* page : {static_cast<QWidget*>(m_members), static_cast<QWidget*>(m_member),
                          static_cast<QWidget*>(m_audit), static_cast<QWidget*>(m_staffPage)})
        m_pages->addWidget(page);
    connect(m_members, &MembersPage::memberOpened, this, &ManagerScreen::openMember);

    auto* membersButton = navButton(QStringLiteral("membersNavButton"), tr("Members"), QStringLiteral("F2"));
    auto* reportsButton = navButton(QStringLiteral("reportsNavButton"), tr("Reports"), QStringLiteral("F3"));
    auto* auditButton = navButton(QStringLiteral("auditNavButton"), tr("Audit log"), QStringLiteral("F4"));
    auto* staffButton = navButton(QStringLiteral("staffNavButton"), tr("Staff"), QStringLiteral("F5"));
    m_settingsButton = navButton(QStringLiteral("settingsNavButton"), tr("Settings"), QStringLiteral("F6"));
    m_settingsButton->setCheckable(false);  // a dialog, not a page
    m_nav.removeAll(m_settingsButton);
    auto* backButton = navButton(QStringLiteral("backToSaleButton"), tr("Back to the sale"), QStringLiteral("F10"));
    connect(membersButton, &QPushButton::clicked, this, [this] { showPage(m_members); });
    connect(reportsButton, &QPushButton::clicked, this, &ManagerScreen::showReports);
    connect(auditButton, &QPushButton::clicked, this, [this] { showPage(m_audit); });
    connect(staffButton, &QPushButton::clicked, this, [this] { showPage(m_staffPage); });
    connect(m_settingsButton, &QPushButton::clicked, this, &ManagerScreen::settingsRequested);
    connect(backButton, &QPushButton::clicked, this, &ManagerScreen::closeRequested);

    auto* nav = new QVBoxLayout;
    nav->setSpacing(8);
    for (QPushButton* button : {membersButton, reportsButton, auditButton, staffButton})
        nav->addWidget(button);
    nav->addStretch(1);
    nav->addWidget(m_settingsButton);
    nav->addWidget(backButton);

    auto* body = new QHBoxLayout;
    body->addLayout(nav);
    body->addWidget(m_pages, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(m_title);
    layout->addLayout(body, 1);
}

ManagerScreen::~ManagerScreen() = default;

QPushButton* ManagerScreen::navButton(const QString& objectName, const QString& text, const QString& key)
{
    auto* button = new QPushButton(text + QStringLiteral("\n") + key, this);
    button->setObjectName(objectName);
    button->setAccessibleName(text);
    //: the accessible description of a manager screen button, %1 its key ("F2")
    button->setAccessibleDescription(tr("Key %1").arg(key));
    button->setToolTip(tr("Key %1").arg(key));
    button->setFocusPolicy(Qt::NoFocus);
    button->setMinimumHeight(56);
    button->setMinimumWidth(190);
    button->setCheckable(objectName != QLatin1String("backToSaleButton"));
    if (button->isCheckable())
        m_nav << button;
    return button;
}

void ManagerScreen::open(const StaffSession& manager)
{
    m_manager = manager;
    //: the manager screens' title, %1 the manager's name
    m_title->setText(tr("Manager screens — %1").arg(manager.name));
    showPage(m_members);
}

void ManagerScreen::close()
{
    m_manager = {};
}

QWidget* ManagerScreen::currentPage() const
{
    return m_pages->currentWidget();
}

void ManagerScreen::showPage(QWidget* page)
{
    m_pages->setCurrentWidget(page);
    const QWidget* navPage = page == m_member ? m_members : page;
    const QList<QWidget*> order{m_members, m_reports, m_audit, m_staffPage};
    for (int i = 0; i < m_nav.size(); ++i)
        m_nav.at(i)->setChecked(navPage && order.value(i) == navPage);
    m_settingsButton->setText(pageOwnsF6() ? tr("Settings") : tr("Settings") + QStringLiteral("\nF6"));
    if (page == m_members)
        m_members->searchField()->setFocus();
    else if (page == m_audit)
        m_audit->refresh();
    else if (page == m_staffPage)
        m_staffPage->showFor(m_manager);
    else
        page->setFocus();
}

bool ManagerScreen::pageOwnsF6() const
{
    return currentPage() == m_member || currentPage() == m_staffPage;
}

void ManagerScreen::showReports()
{
    if (!m_reports) {
        m_reports = new ReportsPage(m_database.path(), m_clock, m_pages);
        m_pages->addWidget(m_reports);
    } else {
        m_reports->refresh();  // sales booked since it was last shown
    }
    showPage(m_reports);
}

void ManagerScreen::openMember(qint64 memberId)
{
    if (!m_member->showMember(memberId, m_manager)) {
        m_members->messageStrip()->show(MessageStrip::Severity::Error, m_member->messageStrip()->text());
        return;
    }
    showPage(m_member);
}

void ManagerScreen::acceptScan(const QString& text)
{
    showPage(m_members);
    m_members->searchField()->setText(text);
    m_members->searchNow();
}

void ManagerScreen::back()
{
    if (currentPage() == m_member)
        showPage(m_members);
    else
        Q_EMIT closeRequested();
}

void ManagerScreen::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
        back();
        return;
    case Qt::Key_F10:
        Q_EMIT closeRequested();
        return;
    case Qt::Key_F2:
        showPage(m_members);
        return;
    case Qt::Key_F3:
        showReports();
        return;
    case Qt::Key_F4:
        showPage(m_audit);
        return;
    case Qt::Key_F5:
        showPage(m_staffPage);
        return;
    case Qt::Key_F6:
        // The member page (adjust points) and the staff page (add account) had F6 first; there the
        // Settings button is the way (its key hint is hidden meanwhile, see showPage).
        if (pageOwnsF6())
            break;
        Q_EMIT settingsRequested();
        return;
    default:
        break;
    }
    if (currentPage() == m_member && m_member->handleKey(event->key()))
        return;
    if (currentPage() == m_staffPage && m_staffPage->handleKey(event->key()))
        return;
    QWidget::keyPressEvent(event);
}

}  // namespace loyalty
