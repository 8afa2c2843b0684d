#pragma once

#include "settings/TillSettings.h"
#include "staff/StaffSession.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace loyalty {

class AuditLogPage;
class Clock;
class Corrections;
class Database;
class MemberPage;
class MemberSearchThread;
class MembersPage;
class ReportsPage;
class StaffDirectory;
class StaffPage;

// The manager screens, a full-screen page over the sale: Members (search, then one member's page),
// Reports, the audit log and the staff accounts. F2-F5 switch pages, Esc goes back (from a member
// to the list, from anywhere else to the sale), F10 goes straight back to the sale, F6 asks for the
// settings dialog (on pages without an F6 of their own).
class ManagerScreen final : public QWidget
{
    Q_OBJECT

public:
    ManagerScreen(Database& database, const Clock& clock, const TillSettings& settings, StaffDirectory& staff,
                  QWidget* parent = nullptr);
    ~ManagerScreen() override;

    // Opens on the member search, acting as `manager` (ManagerGuard passed for them).
    void open(const StaffSession& manager);
    // Leaves: forgets the manager and the member shown.
    void close();
    // A scan (card) while the screens are open: a member search for it.
    void acceptScan(const QString& text);

    MembersPage* membersPage() const { return m_members; }
    MemberPage* memberPage() const { return m_member; }
    AuditLogPage* auditLogPage() const { return m_audit; }
    StaffPage* staffPage() const { return m_staffPage; }
    // Made at its first showing (it computes a report as soon as it exists).
    ReportsPage* reportsPage() const { return m_reports; }
    QWidget* currentPage() const;
    const StaffSession& manager() const { return m_manager; }

Q_SIGNALS:
    void closeRequested();
    // F6 or the Settings button: the till's settings dialog (behind the manager sign-in on purpose).
    void settingsRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void showPage(QWidget* page);
    void showReports();
    void openMember(qint64 memberId);
    void back();
    bool pageOwnsF6() const;
    QPushButton* navButton(const QString& objectName, const QString& text, const QString& key);

    Database& m_database;
    const Clock& m_clock;
    StaffSession m_manager;
    std::unique_ptr<Corrections> m_corrections;
    MemberSearchThread* m_search;
    QLabel* m_title;
    QStackedWidget* m_pages;
    MembersPage* m_members;
    MemberPage* m_member;
    ReportsPage* m_reports = nullptr;
    AuditLogPage* m_audit;
    StaffPage* m_staffPage;
    QList<QPushButton*> m_nav;
    QPushButton* m_settingsButton = nullptr;
};

}  // namespace loyalty
