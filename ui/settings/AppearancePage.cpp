#include "settings/AppearancePage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace loyalty {

AppearancePage::AppearancePage(const AppearanceSetup& appearance, QWidget* parent)
    : QWidget(parent)
    , m_theme(new QComboBox(this))
    , m_fontScale(new QSpinBox(this))
    , m_touch(new QCheckBox(tr("&Touch layout (larger buttons and rows, at least 44 px)"), this))
{
    setObjectName(QStringLiteral("appearanceSettingsPage"));
    m_theme->setObjectName(QStringLiteral("themeComboBox"));
    m_theme->setAccessibleName(tr("Theme"));
    m_theme->addItem(tr("Standard"), static_cast<int>(AppearanceSetup::Theme::Standard));
    m_theme->addItem(tr("High contrast"), static_cast<int>(AppearanceSetup::Theme::HighContrast));
    m_theme->setCurrentIndex(m_theme->findData(static_cast<int>(appearance.theme)));

    m_fontScale->setObjectName(QStringLiteral("fontScaleSpinBox"));
    m_fontScale->setAccessibleName(tr("Font size in percent"));
    m_fontScale->setRange(AppearanceSetup::kMinFontScalePercent, AppearanceSetup::kMaxFontScalePercent);
    m_fontScale->setSingleStep(10);
    m_fontScale->setSuffix(tr(" %"));
    m_fontScale->setValue(appearance.fontScalePercent);
    // One step at a time, not one per digit typed: 1, 15, 150 would flash three sizes.
    m_fontScale->setKeyboardTracking(false);

    m_touch->setObjectName(QStringLiteral("touchLayoutCheckBox"));
    m_touch->setAccessibleName(tr("Touch layout"));
    m_touch->setChecked(appearance.touchLayout);

    auto* note = new QLabel(tr("Changes show at once; Cancel puts the previous look back."), this);
    note->setObjectName(QStringLiteral("appearanceNoteLabel"));
    note->setWordWrap(true);

    auto* form = new QFormLayout(this);
    form->setVerticalSpacing(10);
    auto* themeLabel = new QLabel(tr("T&heme"), this);
    themeLabel->setBuddy(m_theme);
    form->addRow(themeLabel, m_theme);
    auto* fontLabel = new QLabel(tr("&Font size"), this);
    fontLabel->setBuddy(m_fontScale);
    form->addRow(fontLabel, m_fontScale);
    form->addRow(m_touch);
    form->addRow(note);

    const auto announce = [this] { Q_EMIT appearanceChanged(this->appearance()); };
    connect(m_theme, &QComboBox::currentIndexChanged, this, announce);
    connect(m_fontScale, &QSpinBox::valueChanged, this, announce);
    connect(m_touch, &QCheckBox::toggled, this, announce);
}

AppearanceSetup AppearancePage::appearance() const
{
    AppearanceSetup appearance;
    appearance.theme = static_cast<AppearanceSetup::Theme>(m_theme->currentData().toInt());
    appearance.fontScalePercent = m_fontScale->value();
    appearance.touchLayout = m_touch->isChecked();
    return appearance;
}

}  // namespace loyalty
