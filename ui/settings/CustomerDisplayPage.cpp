#include "settings/CustomerDisplayPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QScreen>

namespace loyalty {

CustomerDisplayPage::CustomerDisplayPage(const CustomerDisplaySetup& setup, QWidget* parent)
    : QWidget(parent)
    , m_enabled(new QCheckBox(tr("&Show the customer display"), this))
    , m_screen(new QComboBox(this))
{
    setObjectName(QStringLiteral("customerDisplaySettingsPage"));
    m_enabled->setObjectName(QStringLiteral("customerDisplayCheckBox"));
    m_enabled->setAccessibleName(tr("Show the customer display"));
    m_enabled->setChecked(setup.enabled);

    m_screen->setObjectName(QStringLiteral("customerScreenComboBox"));
    m_screen->setAccessibleName(tr("Screen of the customer display"));
    m_screen->addItem(tr("Automatic: a screen that is not the till's"), QString());
    for (const QScreen* screen : QGuiApplication::screens()) {
        const QSize size = screen->size();
        m_screen->addItem(tr("%1 (%2 × %3)").arg(screen->name()).arg(size.width()).arg(size.height()), screen->name());
    }
    int index = m_screen->findData(setup.screenName);
    if (index < 0) {
        // Kept although unplugged now: the display comes back on it once it is connected again.
        m_screen->addItem(tr("%1 (not connected)").arg(setup.screenName), setup.screenName);
        index = m_screen->count() - 1;
    }
    m_screen->setCurrentIndex(index);
    m_screen->setEnabled(setup.enabled);
    connect(m_enabled, &QCheckBox::toggled, m_screen, &QWidget::setEnabled);

    auto* note = new QLabel(tr("The customer display follows the sale live on the chosen screen."), this);
    note->setObjectName(QStringLiteral("customerDisplayNoteLabel"));
    note->setWordWrap(true);

    auto* form = new QFormLayout(this);
    form->setVerticalSpacing(10);
    form->addRow(m_enabled);
    auto* label = new QLabel(tr("Sc&reen"), this);
    label->setBuddy(m_screen);
    form->addRow(label, m_screen);
    form->addRow(note);
}

CustomerDisplaySetup CustomerDisplayPage::setup() const
{
    return {m_enabled->isChecked(), m_screen->currentData().toString()};
}

}  // namespace loyalty
