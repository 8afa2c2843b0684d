#pragma once

#include "config/AppearanceSetup.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace loyalty {

// The settings dialog's "Appearance" page: theme, font size and touch layout. Every change is
// announced at once (appearanceChanged) so the dialog shows it live.
class AppearancePage final : public QWidget
{
    Q_OBJECT

public:
    explicit AppearancePage(const AppearanceSetup& appearance, QWidget* parent = nullptr);

    AppearanceSetup appearance() const;

    QComboBox* themeBox() const { return m_theme; }
    QSpinBox* fontScaleBox() const { return m_fontScale; }
    QCheckBox* touchLayoutBox() const { return m_touch; }

Q_SIGNALS:
    void appearanceChanged(const AppearanceSetup& appearance);

private:
    QComboBox* m_theme;
    QSpinBox* m_fontScale;
    QCheckBox* m_touch;
};

}  // namespace loyalty
