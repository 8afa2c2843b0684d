#include "settings/LanguagePage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>

namespace loyalty {

LanguagePage::LanguagePage(const QString& language, QWidget* parent)
    : QWidget(parent)
    , m_language(new QComboBox(this))
{
    setObjectName(QStringLiteral("languageSettingsPage"));
    m_language->setObjectName(QStringLiteral("languageComboBox"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System language"), QString());
    // Each language in its own name, so someone who cannot read the current one finds theirs.
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(language)));

    auto* note = new QLabel(tr("The new language applies at the next start of the till. A --lang on the command "
                               "line wins over this setting."),
                            this);
    note->setObjectName(QStringLiteral("languageNoteLabel"));
    note->setWordWrap(true);
    m_language->setAccessibleDescription(note->text());

    auto* form = new QFormLayout(this);
    form->setVerticalSpacing(10);
    auto* label = new QLabel(tr("&Language"), this);
    label->setBuddy(m_language);
    form->addRow(label, m_language);
    form->addRow(note);
}

QString LanguagePage::language() const
{
    return m_language->currentData().toString();
}

}  // namespace loyalty
