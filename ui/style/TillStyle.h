#pragma once

#include "config/AppearanceSetup.h"

#include <QPalette>
#include <QString>

class QApplication;
class QWidget;

namespace loyalty {

// Applies the till's look to the whole application: the Fusion style, the theme's palette and style
// sheet (Standard or High contrast), the font scale (application font and the sheet's sizes scale
// together) and the touch layout (every target at least 44 px, larger scroll bars, taller rows).
// Callable again at any time: the settings dialog re-applies it live.
class TillStyle final
{
public:
    // The smallest touch target in px at 100 % (WCAG 2.5.5, Apple HIG).
    static constexpr int kTouchTargetPx = 44;

    static void apply(QApplication& application, const AppearanceSetup& appearance);
    // The standard look at 100 %, no touch layout.
    static void apply(QApplication& application);

    // What apply() sets, for tests and the settings dialog's preview.
    static QString styleSheet(const AppearanceSetup& appearance);
    static QPalette palette(const AppearanceSetup& appearance);
    // The touch target at this appearance's font scale (44 px at 100 %, never less than 44).
    static int touchTarget(const AppearanceSetup& appearance);
    // Gives `widget` the application font × `factor` (bold if asked), and again after every apply(),
    // so type set larger than the body text follows the font scale live.
    static void setRelativeFont(QWidget* widget, qreal factor, bool bold = false);

    // The appearance last applied (Standard at 100 % before the first apply()).
    static AppearanceSetup current();
};

}  // namespace loyalty
