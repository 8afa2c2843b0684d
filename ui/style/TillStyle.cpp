#include "style/TillStyle.h"

#include "style/TouchTargets.h"

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QIcon>
#include <QPointer>
#include <QRegularExpression>
#include <QStyle>
#include <QWidget>

#include <algorithm>
#include <cmath>

// Resources of a static library must be registered by hand, from the global namespace.
static void initTillResources()
{
    Q_INIT_RESOURCE(till);
}

namespace loyalty {

namespace {

// The application font before the first scaling, so every re-apply scales from the same base. Kept
// on the application object, so it goes with it (no QFont outliving QGuiApplication).
const char* const kBaseFont = "tillBaseFont";

AppearanceSetup& lastApplied()
{
    static AppearanceSetup appearance;
    return appearance;
}

// Owned by the application; a QPointer, so a later QApplication (tests) gets a new one.
QPointer<TouchTargets>& touchTargets()
{
    static QPointer<TouchTargets> targets;
    return targets;
}

QString readResource(const QString& path)
{
    initTillResources();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return QString::fromUtf8(file.readAll());
}

int clampedScale(const AppearanceSetup& appearance)
{
    return std::clamp(appearance.fontScalePercent, AppearanceSetup::kMinFontScalePercent,
                      AppearanceSetup::kMaxFontScalePercent);
}

// The sheets are templates: every "<number>pt" and "<number>px" is scaled by the font scale, so
// type, padding, radii and minimum sizes grow together and nothing is clipped at 200 %.
QString scaled(const QString& sheet, int percent)
{
    if (percent == 100)
        return sheet;
    static const QRegularExpression size(QStringLiteral("(\\d+(?:\\.\\d+)?)(pt|px)\\b"));
    QString out;
    out.reserve(sheet.size() + sheet.size() / 8);
    qsizetype last = 0;
    for (auto it = size.globalMatch(sheet); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(sheet).mid(last, match.capturedStart() - last);
        const double value = match.captured(1).toDouble() * percent / 100.0;
        const QString unit = match.captured(2);
        // Whole pixels (a 1 px border stays at least 1 px); points may keep one decimal.
        out += unit == QLatin1String("px") ? QString::number(std::max(1L, std::lround(value)))
                                           : QString::number(std::round(value * 10.0) / 10.0);
        out += unit;
        last = match.capturedEnd();
    }
    out += QStringView(sheet).mid(last);
    return out;
}

}  // namespace

int TillStyle::touchTarget(const AppearanceSetup& appearance)
{
    return std::max(kTouchTargetPx, int(std::lround(kTouchTargetPx * clampedScale(appearance) / 100.0)));
}

QString TillStyle::styleSheet(const AppearanceSetup& appearance)
{
    const bool high = appearance.theme == AppearanceSetup::Theme::HighContrast;
    QString sheet = scaled(
        readResource(high ? QStringLiteral(":/styles/till-high-contrast.qss") : QStringLiteral(":/styles/till.qss")),
        clampedScale(appearance));
    if (appearance.touchLayout) {
        QString touch = scaled(readResource(QStringLiteral(":/styles/touch.qss")), clampedScale(appearance));
        touch.replace(QStringLiteral("@touch@"), QStringLiteral("%1px").arg(touchTarget(appearance)));
        sheet += QLatin1Char('\n') + touch;
    }
    return sheet;
}

QPalette TillStyle::palette(const AppearanceSetup& appearance)
{
    QPalette palette = QApplication::style() ? QApplication::style()->standardPalette() : QPalette();
    if (appearance.theme != AppearanceSetup::Theme::HighContrast)
        return palette;
    const QColor black(0x00, 0x00, 0x00);
    const QColor white(0xff, 0xff, 0xff);
    const QColor yellow(0xff, 0xff, 0x00);
    // Disabled text is still readable (#c0c0c0 on black: 12:1); it is told apart by its frame too.
    const QColor grey(0xc0, 0xc0, 0xc0);
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const bool disabled = group == QPalette::Disabled;
        palette.setColor(group, QPalette::Window, black);
        palette.setColor(group, QPalette::Base, black);
        palette.setColor(group, QPalette::AlternateBase, black);
        palette.setColor(group, QPalette::Button, black);
        palette.setColor(group, QPalette::ToolTipBase, black);
        palette.setColor(group, QPalette::WindowText, disabled ? grey : white);
        palette.setColor(group, QPalette::Text, disabled ? grey : white);
        palette.setColor(group, QPalette::ButtonText, disabled ? grey : white);
        palette.setColor(group, QPalette::ToolTipText, white);
        palette.setColor(group, QPalette::PlaceholderText, grey);
        palette.setColor(group, QPalette::BrightText, yellow);
        palette.setColor(group, QPalette::Highlight, yellow);
        palette.setColor(group, QPalette::HighlightedText, black);
        palette.setColor(group, QPalette::Link, yellow);
        palette.setColor(group, QPalette::LinkVisited, yellow);
        // Frames and bevels white, so every edge is visible on black.
        for (const QPalette::ColorRole role :
             {QPalette::Light, QPalette::Midlight, QPalette::Mid, QPalette::Dark, QPalette::Shadow})
            palette.setColor(group, role, white);
    }
    return palette;
}

namespace {
const char* const kFontFactor = "tillFontFactor";
const char* const kFontBold = "tillFontBold";

void applyRelativeFont(QWidget* widget)
{
    QFont font = QApplication::font(widget);
    font.setPointSizeF(font.pointSizeF() * widget->property(kFontFactor).toReal());
    if (widget->property(kFontBold).toBool())
        font.setBold(true);
    widget->setFont(font);
}
}  // namespace

void TillStyle::setRelativeFont(QWidget* widget, qreal factor, bool bold)
{
    widget->setProperty(kFontFactor, factor);
    widget->setProperty(kFontBold, bold);
    applyRelativeFont(widget);
}

AppearanceSetup TillStyle::current()
{
    return lastApplied();
}

void TillStyle::apply(QApplication& application)
{
    apply(application, AppearanceSetup{});
}

void TillStyle::apply(QApplication& application, const AppearanceSetup& appearance)
{
    // First, so widgets reacting to the font change below already see the new appearance.
    lastApplied() = appearance;
    initTillResources();
    if (!application.style() || application.style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive))
        application.setStyle(QStringLiteral("Fusion"));
    if (!application.property(kBaseFont).isValid())
        application.setProperty(kBaseFont, QApplication::font());
    QFont font = application.property(kBaseFont).value<QFont>();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * clampedScale(appearance) / 100.0);
    else
        font.setPixelSize(std::max(1, font.pixelSize() * clampedScale(appearance) / 100));
    QApplication::setFont(font);
    const QList<QWidget*> widgets = QApplication::allWidgets();
    for (QWidget* widget : widgets) {
        if (widget->property(kFontFactor).isValid())
            applyRelativeFont(widget);
    }
    QApplication::setPalette(palette(appearance));
    application.setStyleSheet(styleSheet(appearance));

    if (!touchTargets()) {
        touchTargets() = new TouchTargets(&application);
        application.installEventFilter(touchTargets());
    }
    touchTargets()->setTarget(appearance.touchLayout ? touchTarget(appearance) : 0);

    application.setWindowIcon(QIcon(QStringLiteral(":/icons/loyalty-till.svg")));
}

}  // namespace loyalty
