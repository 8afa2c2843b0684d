#include "settings/SettingsDialog.h"

#include "settings/AppearancePage.h"
#include "settings/CustomerDisplayPage.h"
#include "settings/LanguagePage.h"
#include "settings/PrinterPage.h"
#include "settings/ScannerPage.h"
#include "settings/TillIdentityPage.h"
#include "style/TillStyle.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QTabWidget>
#include <QVBoxLayout>

namespace loyalty {

SettingsDialog::SettingsDialog(const Context& context, QWidget* parent)
    : QDialog(parent)
    , m_context(context)
    , m_saved(TillPreferences::load(context.settings))
    , m_shownAppearance(TillStyle::current())
    , m_tabs(new QTabWidget(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Till settings"));
    setAccessibleName(tr("Till settings"));

    const auto stored = context.identity.read();
    const TillIdentityEditor::Identity identity = stored ? *stored : TillIdentityEditor::Identity{};
    const auto locked = context.identity.currencyLocked();
    m_till = new TillIdentityPage(identity, !locked || *locked, m_tabs);
    m_language = new LanguagePage(m_saved.language, m_tabs);
    m_appearance = new AppearancePage(m_saved.appearance, m_tabs);
    m_printer = new PrinterPage(m_saved.printer, context.clock, m_tabs);
    m_printer->setTillIdentity(identity.tillName, identity.currency);
    m_scanner = new ScannerPage(context.databaseDevices, m_saved.scanner, context.cardPrefix, m_tabs);
    m_customerDisplay = new CustomerDisplayPage(m_saved.customerDisplay, m_tabs);

    m_tabs->setObjectName(QStringLiteral("settingsTabWidget"));
    m_tabs->setAccessibleName(tr("Settings pages"));
    m_tabs->setUsesScrollButtons(true);
    // Each page scrolls: at 200 % and in the touch layout a page may be taller than the till's screen.
    const auto addPage = [this](QWidget* page, const QString& title) {
        auto* scroll = new QScrollArea(m_tabs);
        scroll->setObjectName(page->objectName() + QStringLiteral("ScrollArea"));
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidget(page);
        m_tabs->addTab(scroll, title);
    };
    addPage(m_till, tr("Till"));
    addPage(m_language, tr("Language"));
    addPage(m_appearance, tr("Appearance"));
    addPage(m_printer, tr("Receipt printer"));
    addPage(m_scanner, tr("Scanner"));
    addPage(m_customerDisplay, tr("Customer display"));

    m_error->setObjectName(QStringLiteral("settingsErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    if (!stored || !locked) {
        m_error->setText(tr("⚠ The till's identity could not be read: %1")
                             .arg(!stored ? stored.error().message : locked.error().message));
        m_error->setVisible(true);
    }

    m_buttons->setObjectName(QStringLiteral("settingsButtonBox"));
    QPushButton* ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("settingsOkButton"));
    ok->setText(tr("OK"));
    ok->setDefault(true);
    QPushButton* cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("settingsCancelButton"));
    cancel->setText(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto* hint = new QLabel(tr("Ctrl+Tab: next page · Enter: OK · Esc: Cancel"), this);
    hint->setObjectName(QStringLiteral("settingsKeyHintLabel"));
    hint->setWordWrap(true);  // wraps rather than push the buttons off a small screen at a large font

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_error);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(hint, 1);
    bottom->addWidget(m_buttons);
    layout->addLayout(bottom);

    // Page switching that works from inside any field: a combo box or spin box with the focus would
    // otherwise keep Ctrl+Tab to itself. The first field of the new page takes the focus.
    const auto step = [this](int by) {
        m_tabs->setCurrentIndex((m_tabs->currentIndex() + by + m_tabs->count()) % m_tabs->count());
        focusFirstField(currentPage());
    };
    for (const QKeySequence& next : {QKeySequence(QKeySequence::NextChild), QKeySequence(Qt::CTRL | Qt::Key_PageDown)})
        connect(new QShortcut(next, this), &QShortcut::activated, this, [step] { step(1); });
    for (const QKeySequence& previous :
         {QKeySequence(QKeySequence::PreviousChild), QKeySequence(Qt::CTRL | Qt::Key_PageUp),
          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab)})
        connect(new QShortcut(previous, this), &QShortcut::activated, this, [step] { step(-1); });

    connect(m_appearance, &AppearancePage::appearanceChanged, this, &SettingsDialog::showAppearance);
    // The test receipt names the till as it is entered now, not as stored.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        const TillIdentityEditor::Identity entered = m_till->identity();
        m_printer->setTillIdentity(entered.tillName, entered.currency);
    });
    m_till->nameField()->setFocus();
}

SettingsDialog::~SettingsDialog()
{
    qApp->removeEventFilter(this);
}

void SettingsDialog::setIdleTimeout(int milliseconds)
{
    m_idle.stop();
    qApp->removeEventFilter(this);
    if (milliseconds <= 0)
        return;
    m_idle.setSingleShot(true);
    m_idle.setInterval(milliseconds);
    connect(&m_idle, &QTimer::timeout, this, &SettingsDialog::reject, Qt::UniqueConnection);
    qApp->installEventFilter(this);
    m_idle.start();
}

bool SettingsDialog::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::Wheel:
        if (m_idle.interval() > 0)
            m_idle.start();
        break;
    default:
        break;
    }
    return QDialog::eventFilter(watched, event);
}

QWidget* SettingsDialog::currentPage() const
{
    auto* scroll = qobject_cast<QScrollArea*>(m_tabs->currentWidget());
    return scroll ? scroll->widget() : nullptr;
}

void SettingsDialog::showPage(QWidget* page)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto* scroll = qobject_cast<QScrollArea*>(m_tabs->widget(i)); scroll && scroll->widget() == page)
            m_tabs->setCurrentIndex(i);
    }
}

void SettingsDialog::fitToScreen()
{
    // As large as the pages want, never larger than the screen (the pages scroll instead).
    const QScreen* shown = screen();
    QSize wanted = sizeHint().expandedTo(QSize(720, 0));
    if (shown)
        wanted = wanted.boundedTo(shown->availableGeometry().size());
    resize(wanted);
}

void SettingsDialog::showEvent(QShowEvent* event)
{
    if (!m_fitted) {
        m_fitted = true;
        fitToScreen();
    }
    QDialog::showEvent(event);
}

void SettingsDialog::setScanCapture(WedgeScanCapture* capture)
{
    m_scanner->setScanCapture(capture);
}

void SettingsDialog::showAppearance(const AppearanceSetup& appearance)
{
    if (auto* application = qobject_cast<QApplication*>(QCoreApplication::instance()))
        TillStyle::apply(*application, appearance);
    if (isVisible())
        fitToScreen();
}

void SettingsDialog::focusFirstField(QWidget* page)
{
    for (QWidget* widget = page->nextInFocusChain(); widget && widget != page; widget = widget->nextInFocusChain()) {
        if (page->isAncestorOf(widget) && (widget->focusPolicy() & Qt::TabFocus) && widget->isVisible() &&
            widget->isEnabled()) {
            widget->setFocus(Qt::TabFocusReason);
            return;
        }
    }
}

bool SettingsDialog::refuseAt(QWidget* page, QWidget* field)
{
    showPage(page);
    field->setFocus();
    m_error->setText(tr("⚠ Some settings are not valid; the message next to the field says why."));
    m_error->setVisible(true);
    return false;
}

void SettingsDialog::accept()
{
    // Every page is checked, so each shows its messages; the first refusal gets the focus.
    QWidget* tillField = m_till->validate();
    QWidget* printerField = m_printer->validate();
    if (tillField) {
        refuseAt(m_till, tillField);
        return;
    }
    if (printerField) {
        refuseAt(m_printer, printerField);
        return;
    }

    const TillIdentityEditor::Identity identity = m_till->identity();
    if (m_till->changed()) {
        const auto saved = m_context.identity.save(m_context.manager, identity);
        if (!saved) {
            refuseAt(m_till, m_till->showSaveError(saved.error()));
            m_error->setText(tr("⚠ Not saved: %1").arg(saved.error().message));
            return;
        }
        m_identityChanged = true;
    }

    TillPreferences preferences = m_saved;  // keeps the database path, which the dialog does not show
    preferences.language = m_language->language();
    preferences.appearance = m_appearance->appearance();
    preferences.printer = m_printer->setup();
    preferences.scanner = m_scanner->setup();
    preferences.customerDisplay = m_customerDisplay->setup();
    preferences.save(m_context.settings);
    m_context.settings.sync();
    if (m_context.settings.status() != QSettings::NoError) {
        m_error->setText(tr("⚠ The settings could not be written to %1; check that the file is writable.")
                             .arg(m_context.settings.fileName()));
        m_error->setVisible(true);
        return;
    }
    m_saved = preferences;
    m_shownAppearance = preferences.appearance;
    showAppearance(preferences.appearance);
    Q_EMIT preferencesSaved(preferences);
    QDialog::accept();
}

void SettingsDialog::reject()
{
    // Cancel: the look the till had before the dialog showed changes live.
    if (m_appearance->appearance() != m_shownAppearance)
        showAppearance(m_shownAppearance);
    QDialog::reject();
}

}  // namespace loyalty
