#pragma once

#include "cards/devices/DeviceSettings.h"
#include "config/TillPreferences.h"
#include "settings/TillIdentityEditor.h"
#include "staff/StaffSession.h"

#include <QDialog>
#include <QTimer>

class QDialogButtonBox;
class QLabel;
class QSettings;
class QTabWidget;

namespace loyalty {

class AppearancePage;
class Clock;
class CustomerDisplayPage;
class LanguagePage;
class PrinterPage;
class ScannerPage;
class TillIdentityPage;
class WedgeScanCapture;

// The till's settings, for a manager (it opens from the manager screens): the till's identity in its
// database (name, currency, head office) and this workstation's preferences in QSettings (language,
// appearance, receipt printer, scanner, customer display). OK checks every page, shows what is
// wrong next to the field, and only then saves the identity (one audited transaction) and the
// preferences; Cancel changes nothing and puts back the look the dialog had shown live.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Context
    {
        QSettings& settings;             // where the preferences are saved
        TillIdentityEditor& identity;    // the till database's identity
        StaffSession manager;            // who saves (ManagerGuard checks it again in core)
        DeviceSettings databaseDevices;  // the device settings in the till database (QSettings override them)
        QString cardPrefix;              // for the scanner test's decoder
        const Clock& clock;
    };

    explicit SettingsDialog(const Context& context, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    // Scans the till's wedge capture takes while the dialog is open go to the scanner test.
    void setScanCapture(WedgeScanCapture* capture);
    // Closes the dialog as Cancel after this long without a key, click or touch (0: never), so a
    // manager's settings never stay open on an unattended till (the shell does not lock behind a dialog).
    void setIdleTimeout(int milliseconds);

    // What was saved (after OK), or what the dialog opened with.
    const TillPreferences& preferences() const { return m_saved; }
    bool identityChanged() const { return m_identityChanged; }

    QTabWidget* tabs() const { return m_tabs; }
    // The page shown (each tab holds its page in a scroll area) and showing one.
    QWidget* currentPage() const;
    void showPage(QWidget* page);
    TillIdentityPage* tillPage() const { return m_till; }
    LanguagePage* languagePage() const { return m_language; }
    AppearancePage* appearancePage() const { return m_appearance; }
    PrinterPage* printerPage() const { return m_printer; }
    ScannerPage* scannerPage() const { return m_scanner; }
    CustomerDisplayPage* customerDisplayPage() const { return m_customerDisplay; }
    QLabel* errorLabel() const { return m_error; }

    void accept() override;
    void reject() override;

protected:
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

Q_SIGNALS:
    // After OK: the new preferences, for what can change while the till runs (printer, scanner,
    // customer display; the look is applied already).
    void preferencesSaved(const TillPreferences& preferences);

private:
    void showAppearance(const AppearanceSetup& appearance);
    bool refuseAt(QWidget* page, QWidget* field);
    void focusFirstField(QWidget* page);
    void fitToScreen();

    Context m_context;
    TillPreferences m_saved;
    AppearanceSetup m_shownAppearance;
    bool m_identityChanged = false;
    bool m_fitted = false;
    QTabWidget* m_tabs;
    TillIdentityPage* m_till = nullptr;
    LanguagePage* m_language = nullptr;
    AppearancePage* m_appearance = nullptr;
    PrinterPage* m_printer = nullptr;
    ScannerPage* m_scanner = nullptr;
    CustomerDisplayPage* m_customerDisplay = nullptr;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
    QTimer m_idle;
};

}  // namespace loyalty
