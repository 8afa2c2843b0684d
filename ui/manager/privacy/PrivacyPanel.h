#pragma once

#include "profile/MemberProfile.h"
#include "settings/TillSettings.h"
#include "staff/StaffSession.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QFrame;
class QGridLayout;
class QLabel;
class QPushButton;
class QTableWidget;

namespace loyalty {

class Clock;
class ConsentRecorder;
class Database;
class Erasure;
class MemberProfileReader;
class PrivacyExport;
class ReasonField;

// The member page's Privacy tab: the consent records (purpose, given or withdrawn, text version,
// time) with buttons to record a consent given or withdrawn per purpose (ConsentRecorder), the
// export of everything stored about the member (PrivacyExport: JSON and a readable summary, saved
// where the manager chooses) and the erasure on request (Erasure), behind a deliberate second step
// that names what is removed and what is kept. Every action is the manager's, audited in core.
//
// The member page keeps one panel and shows each member in it:
//
//     auto* privacy = new PrivacyPanel(database, clock, settings, this);
//     tabs->addTab(privacy, tr("Privacy"));
//     connect(privacy, &PrivacyPanel::memberChanged, this, &MemberPage::reload);
//     ...
//     privacy->showMember(profile, manager);   // on every (re)load of the page
class PrivacyPanel final : public QWidget
{
    Q_OBJECT

public:
    // Asks where to save a file: the chosen path, or empty when the manager cancelled. The default
    // is QFileDialog::getSaveFileName; tests put in their own.
    using SaveFileChooser = std::function<QString(QWidget* parent, const QString& caption, const QString& suggestedPath,
                                                  const QString& filter)>;

    PrivacyPanel(Database& database, const Clock& clock, const TillSettings& settings, QWidget* parent = nullptr);
    ~PrivacyPanel() override;

    void showMember(const MemberProfile& profile, const StaffSession& by);
    void setSaveFileChooser(SaveFileChooser chooser);
    // Where the file dialogs start (default: the user's documents folder).
    void setExportDirectory(const QString& directory);

    // The purposes the panel offers buttons for, in order ("programme" first).
    QStringList purposes() const;
    QTableWidget* consentTable() const { return m_consents; }
    // The buttons of one purpose; null for a purpose not offered.
    QPushButton* giveButton(const QString& purpose) const;
    QPushButton* withdrawButton(const QString& purpose) const;
    QPushButton* exportButton() const { return m_export; }
    QPushButton* eraseButton() const { return m_erase; }
    // The erasure's second step.
    bool isConfirmingErasure() const;
    QLabel* erasureText() const { return m_eraseText; }
    ReasonField* erasureReason() const { return m_eraseReason; }
    QCheckBox* erasureCheck() const { return m_eraseCheck; }
    QPushButton* eraseNowButton() const { return m_eraseNow; }
    QString statusText() const;

    // The actions behind the buttons.
    bool recordConsent(const QString& purpose, bool given);
    bool exportMember();
    void startErasure();
    bool eraseNow();

Q_SIGNALS:
    // Something about the member changed (a consent, the erasure): the page reloads.
    void memberChanged(qint64 memberId);

private:
    struct PurposeRow
    {
        QString purpose;
        QLabel* state;
        QPushButton* give;
        QPushButton* withdraw;
    };

    void showConsents();
    void rebuildPurposeRows();
    void updateActions();
    void cancelErasure();
    void say(const QString& text, bool error);
    QString textVersionFor(const QString& purpose) const;
    std::optional<ConsentRecord> latest(const QString& purpose) const;
    QString suggestedPath(const QString& suffix) const;
    bool save(const QString& path, const QByteArray& bytes);

    std::unique_ptr<ConsentRecorder> m_recorder;
    std::unique_ptr<PrivacyExport> m_exporter;
    std::unique_ptr<Erasure> m_erasure;
    std::unique_ptr<MemberProfileReader> m_reader;
    const Clock& m_clock;
    SaveFileChooser m_chooseFile;
    QString m_exportDirectory;

    std::optional<MemberProfile> m_profile;
    StaffSession m_by;
    QList<PurposeRow> m_rows;

    QLabel* m_erasedNote;
    QTableWidget* m_consents;
    QGridLayout* m_purposeGrid;
    QPushButton* m_export;
    QPushButton* m_erase;
    QFrame* m_eraseStep;
    QLabel* m_eraseText;
    ReasonField* m_eraseReason;
    QCheckBox* m_eraseCheck;
    QPushButton* m_eraseNow;
    QPushButton* m_eraseCancel;
    QLabel* m_status;
};

}  // namespace loyalty
