// The high-contrast theme: its palette and its style sheet give text at least 7:1 against its
// background (WCAG 2.x contrast ratio, AAA), on the rendered sale screen too, and the keyboard focus
// frame is plainly different from the normal state. The font scale scales the sheet and the font.
#include "demo/DemoDataGenerator.h"
#include "i18n/TranslationLoader.h"
#include "members/CardLifecycle.h"
#include "members/Enrolment.h"
#include "sale/MessageStrip.h"
#include "sale/SaleSession.h"
#include "sale/SaleWindow.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "style/TillStyle.h"
#include "time/FixedClock.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QHBoxLayout>
#include <QHash>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

using namespace loyalty;

namespace {

// WCAG 2.x relative luminance of an sRGB colour.
double luminance(const QColor& colour)
{
    const auto channel = [](double value) {
        value /= 255.0;
        return value <= 0.04045 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue());
}

double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

AppearanceSetup highContrast(int percent = 100)
{
    AppearanceSetup appearance;
    appearance.theme = AppearanceSetup::Theme::HighContrast;
    appearance.fontScalePercent = percent;
    return appearance;
}

}  // namespace

class TestHighContrast final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void theWcagFormulaIsRight();
    void paletteTextPairsAreAtLeast7To1();
    void styleSheetColourPairsAreAtLeast7To1();
    void renderedSaleScreenTextIsAtLeast7To1();
    void focusFrameDiffersFromTheNormalState();
    void standardThemeCombosAndTabsMatchLineEdits();
    void checkedIndicatorDiffersFromUnchecked_data();
    void checkedIndicatorDiffersFromUnchecked();
    void fontScaleScalesTheSheetAndTheApplicationFont();
};

void TestHighContrast::initTestCase()
{
    TranslationLoader::install(this, QStringLiteral("en"));
}

void TestHighContrast::cleanup()
{
    TillStyle::apply(*qApp, AppearanceSetup{});
}

void TestHighContrast::theWcagFormulaIsRight()
{
    // The reference values of the WCAG definition: black on white 21:1, #777 on white about 4.48:1.
    QCOMPARE(std::round(contrast(Qt::black, Qt::white) * 100) / 100, 21.0);
    QVERIFY(std::abs(contrast(QColor(0x77, 0x77, 0x77), Qt::white) - 4.48) < 0.01);
    QVERIFY(contrast(QColor(0x6b, 0x72, 0x80), Qt::white) < 7.0);  // the standard theme's grey is not AAA
}

void TestHighContrast::paletteTextPairsAreAtLeast7To1()
{
    const QPalette palette = TillStyle::palette(highContrast());
    const QList<QPair<QPalette::ColorRole, QPalette::ColorRole>> pairs{
        {QPalette::WindowText, QPalette::Window},         {QPalette::Text, QPalette::Base},
        {QPalette::Text, QPalette::AlternateBase},        {QPalette::ButtonText, QPalette::Button},
        {QPalette::HighlightedText, QPalette::Highlight}, {QPalette::ToolTipText, QPalette::ToolTipBase},
        {QPalette::PlaceholderText, QPalette::Base},      {QPalette::Link, QPalette::Base},
        {QPalette::BrightText, QPalette::Window}};
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        for (const auto& [text, background] : pairs) {
            const double ratio = contrast(palette.color(group, text), palette.color(group, background));
            QVERIFY2(ratio >= 7.0, qPrintable(QStringLiteral("group %1, roles %2 on %3: %4:1")
                                                  .arg(int(group))
                                                  .arg(int(text))
                                                  .arg(int(background))
                                                  .arg(ratio, 0, 'f', 2)));
        }
    }
    // The standard palette is not the high-contrast one.
    QVERIFY(TillStyle::palette(AppearanceSetup{}).color(QPalette::Window) != palette.color(QPalette::Window));
}

void TestHighContrast::styleSheetColourPairsAreAtLeast7To1()
{
    const QString sheet = TillStyle::styleSheet(highContrast());
    QVERIFY(!sheet.isEmpty());
    QVERIFY(sheet != TillStyle::styleSheet(AppearanceSetup{}));
    // Every rule that sets a text colour and a background: the pair is AAA. Colours only from the
    // theme's three (so rules that set only one of them are pairs of these three too).
    static const QRegularExpression rule(QStringLiteral("([^{}]+)\\{([^}]*)\\}"));
    static const QRegularExpression hex(QStringLiteral("#[0-9a-fA-F]{6}\\b"));
    const QStringList allowed{QStringLiteral("#000000"), QStringLiteral("#ffffff"), QStringLiteral("#ffff00")};
    int pairs = 0;
    for (auto it = rule.globalMatch(sheet); it.hasNext();) {
        const auto match = it.next();
        const QString selector = match.captured(1).trimmed();
        const QString body = match.captured(2);
        for (auto colours = hex.globalMatch(body); colours.hasNext();) {
            const QString colour = colours.next().captured(0).toLower();
            QVERIFY2(allowed.contains(colour), qPrintable(selector + QStringLiteral(": ") + colour));
        }
        const auto value = [&body](const QString& property) -> std::optional<QColor> {
            const QRegularExpression re(QStringLiteral("(?:^|[;\\s])%1\\s*:\\s*(#[0-9a-fA-F]{6})").arg(property));
            const auto found = re.match(body);
            return found.hasMatch() ? std::optional<QColor>(QColor(found.captured(1))) : std::nullopt;
        };
        const auto check = [&](const QString& fore, const QString& back) {
            const auto text = value(fore);
            auto ground = value(back);
            if (!ground && back == QLatin1String("background-color"))
                ground = value(QStringLiteral("background"));
            if (!text || !ground)
                return;
            ++pairs;
            const double ratio = contrast(*text, *ground);
            QVERIFY2(ratio >= 7.0, qPrintable(QStringLiteral("%1: %2 on %3 is %4:1")
                                                  .arg(selector, text->name(), ground->name())
                                                  .arg(ratio, 0, 'f', 2)));
        };
        check(QStringLiteral("color"), QStringLiteral("background-color"));
        check(QStringLiteral("selection-color"), QStringLiteral("selection-background-color"));
    }
    QVERIFY2(pairs >= 10, qPrintable(QString::number(pairs)));
}

void TestHighContrast::renderedSaleScreenTextIsAtLeast7To1()
{
    TillStyle::apply(*qApp, highContrast());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    FixedClock clock(QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
    auto database = Database::open(dir.filePath(QStringLiteral("till.db")), clock);
    QVERIFY(database.ok());
    QVERIFY(DemoDataGenerator(**database, clock).generate(50).ok());
    const auto settings = TillSettings::load((*database)->connection());
    QVERIFY(settings.ok());
    SaleSession session(**database, clock, *settings);
    Enrolment enrolment(**database, clock, *settings);
    CardLifecycle cards(**database, clock, *settings);
    {
        SaleWindow window(session, enrolment, cards);
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClicks(window.scanField(), DemoDataGenerator::cardNumberFor(7));
        QTest::keyClick(window.scanField(), Qt::Key_Return);
        for (int product = 0; product < 3; ++product) {
            QTest::keyClicks(window.scanField(), DemoDataGenerator::productEanFor(product));
            QTest::keyClick(window.scanField(), Qt::Key_Return);
        }
        QVERIFY(session.member());
        QVERIFY(!session.effects().effects.isEmpty());  // so the effects table has rows to look at
        // An error in the strip (the strongest signal) while looking.
        QTest::keyClicks(window.scanField(), QStringLiteral("not a code"));
        QTest::keyClick(window.scanField(), Qt::Key_Return);
        QCOMPARE(window.messageStrip()->severity(), MessageStrip::Severity::Error);
        QApplication::processEvents();
        const QImage shot = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
        const qreal dpr = window.devicePixelRatioF();

        QStringList poor;
        int labels = 0;
        // The background is the most common colour of an area; the text is the pixel farthest from
        // it (antialiasing blends only the glyphs' edges).
        const auto checkArea = [&](const QRect& logical, const QString& what) {
            const QRect area(logical.topLeft() * dpr, logical.size() * dpr);
            const QImage part = shot.copy(area.intersected(shot.rect()));
            if (part.isNull())
                return;
            QHash<QRgb, int> counts;
            for (int y = 0; y < part.height(); ++y) {
                for (int x = 0; x < part.width(); ++x)
                    ++counts[part.pixel(x, y)];
            }
            QRgb background = 0;
            int most = -1;
            for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
                if (it.value() > most) {
                    most = it.value();
                    background = it.key();
                }
            }
            double best = 1.0;
            for (auto it = counts.cbegin(); it != counts.cend(); ++it)
                best = std::max(best, contrast(QColor(it.key()), QColor(background)));
            ++labels;
            if (best < 7.0)
                poor << QStringLiteral("%1: %2:1 on %3").arg(what).arg(best, 0, 'f', 2).arg(QColor(background).name());
        };
        const QList<QWidget*> widgets = window.findChildren<QWidget*>();
        for (QWidget* widget : widgets) {
            if (!widget->isVisible())
                continue;
            const QString what =
                QString::fromLatin1(widget->metaObject()->className()) + QLatin1Char('#') + widget->objectName();
            if (const auto* label = qobject_cast<QLabel*>(widget); label && !label->text().trimmed().isEmpty())
                checkArea(QRect(widget->mapTo(&window, QPoint(0, 0)), widget->size()), what);
            if (const auto* button = qobject_cast<QPushButton*>(widget); button && !button->text().trimmed().isEmpty())
                checkArea(QRect(widget->mapTo(&window, QPoint(0, 0)), widget->size()), what);
            // Every cell of the basket and the effects with text in it (the models' own colours too).
            if (const auto* view = qobject_cast<QAbstractItemView*>(widget); view && view->model()) {
                for (int row = 0; row < view->model()->rowCount(); ++row) {
                    for (int column = 0; column < view->model()->columnCount(); ++column) {
                        const QModelIndex index = view->model()->index(row, column);
                        if (view->model()->data(index).toString().trimmed().isEmpty())
                            continue;
                        const QRect cell = view->visualRect(index);
                        checkArea(QRect(view->viewport()->mapTo(&window, cell.topLeft()), cell.size()),
                                  QStringLiteral("%1 cell %2,%3").arg(what).arg(row).arg(column));
                    }
                }
            }
        }
        qInfo("%d areas checked", labels);
        QVERIFY2(labels >= 15, qPrintable(QString::number(labels)));
        QVERIFY2(poor.isEmpty(), qPrintable(poor.join(QLatin1Char('\n'))));
    }
}

void TestHighContrast::focusFrameDiffersFromTheNormalState()
{
    TillStyle::apply(*qApp, highContrast());
    QDialog dialog;
    auto* layout = new QHBoxLayout(&dialog);
    auto* first = new QPushButton(QStringLiteral("First"), &dialog);
    auto* second = new QPushButton(QStringLiteral("Second"), &dialog);
    first->setObjectName(QStringLiteral("firstButton"));
    second->setObjectName(QStringLiteral("secondButton"));
    layout->addWidget(first);
    layout->addWidget(second);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    first->setFocus();
    QApplication::processEvents();
    QVERIFY(first->hasFocus());
    const QImage focused = first->grab().toImage().convertToFormat(QImage::Format_RGB32);
    QTest::keyClick(first, Qt::Key_Tab);  // the keyboard moves on, by key
    QVERIFY(second->hasFocus());
    QApplication::processEvents();
    const QImage normal = first->grab().toImage().convertToFormat(QImage::Format_RGB32);
    QCOMPARE(focused.size(), normal.size());
    QVERIFY(focused != normal);
    // The focus frame is thick yellow: along the middle row, yellow within the first pixels at
    // both edges, and no yellow at all without the focus.
    const auto yellowAt = [](const QImage& image, int x) {
        const QColor colour = image.pixelColor(x, image.height() / 2);
        return colour.red() > 200 && colour.green() > 200 && colour.blue() < 80;
    };
    const int edge = int(4 * first->devicePixelRatioF());
    QVERIFY(yellowAt(focused, edge) && yellowAt(focused, focused.width() - 1 - edge));
    QVERIFY(!yellowAt(normal, edge) && !yellowAt(normal, normal.width() - 1 - edge));
}

void TestHighContrast::standardThemeCombosAndTabsMatchLineEdits()
{
    TillStyle::apply(*qApp, AppearanceSetup{});
    QDialog dialog;
    auto* layout = new QHBoxLayout(&dialog);
    auto* tabs = new QTabWidget(&dialog);
    auto* page = new QWidget(tabs);
    auto* pageLayout = new QHBoxLayout(page);
    auto* edit = new QLineEdit(QStringLiteral("Till 1"), page);
    auto* combo = new QComboBox(page);
    combo->addItems({QStringLiteral("Network printer"), QStringLiteral("None")});
    pageLayout->addWidget(edit);
    pageLayout->addWidget(combo);
    tabs->addTab(page, QStringLiteral("Printer"));
    layout->addWidget(tabs);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QApplication::processEvents();
    // The same type in a combo box as in the line edit beside it, and about as tall.
    QCOMPARE(combo->font().pointSizeF(), edit->font().pointSizeF());
    QVERIFY2(std::abs(combo->height() - edit->height()) <= 8,
             qPrintable(QStringLiteral("combo %1, edit %2").arg(combo->height()).arg(edit->height())));
    // A tab label is no tiny caption: its tab at least 3/4 as tall as the line edit.
    const int tab = tabs->tabBar()->tabRect(0).height();
    QVERIFY2(tab * 4 >= edit->height() * 3, qPrintable(QStringLiteral("tab %1, edit %2").arg(tab).arg(edit->height())));
}

void TestHighContrast::checkedIndicatorDiffersFromUnchecked_data()
{
    QTest::addColumn<bool>("touch");
    QTest::addColumn<bool>("radio");
    QTest::newRow("check box") << false << false;
    QTest::newRow("check box, touch") << true << false;
    QTest::newRow("radio button") << false << true;
    QTest::newRow("radio button, touch") << true << true;
}

void TestHighContrast::checkedIndicatorDiffersFromUnchecked()
{
    QFETCH(bool, touch);
    QFETCH(bool, radio);
    AppearanceSetup appearance = highContrast();
    appearance.touchLayout = touch;
    TillStyle::apply(*qApp, appearance);
    QDialog dialog;
    auto* layout = new QHBoxLayout(&dialog);
    QAbstractButton* off = radio ? static_cast<QAbstractButton*>(new QRadioButton(QStringLiteral("Same"), &dialog))
                                 : new QCheckBox(QStringLiteral("Same"), &dialog);
    QAbstractButton* on = radio ? static_cast<QAbstractButton*>(new QRadioButton(QStringLiteral("Same"), &dialog))
                                : new QCheckBox(QStringLiteral("Same"), &dialog);
    if (radio)
        static_cast<QRadioButton*>(off)->setAutoExclusive(false);
    layout->addWidget(off);
    layout->addWidget(on);
    on->setChecked(true);
    QVERIFY(!off->isChecked());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.setFocus();  // neither button shows the focus frame
    QApplication::processEvents();
    QCOMPARE(off->size(), on->size());
    const QImage unchecked = off->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QImage checked = on->grab().toImage().convertToFormat(QImage::Format_RGB32);
    // The state shows by shape, not by colour alone: the checked indicator has a dark mark inside a light
    // fill (the unchecked one is dark inside), so a lot of pixels differ and both have dark and light pixels.
    int different = 0;
    for (int y = 0; y < checked.height(); ++y) {
        for (int x = 0; x < checked.width(); ++x)
            different += checked.pixel(x, y) != unchecked.pixel(x, y) ? 1 : 0;
    }
    const int indicator = int(24 * checked.devicePixelRatioF());
    QVERIFY2(different > indicator * indicator / 4, qPrintable(QString::number(different)));
    const QString name = QStringLiteral("%1/indicator-%2%3.png")
                             .arg(QDir::tempPath(), radio ? QStringLiteral("radio") : QStringLiteral("check"),
                                  touch ? QStringLiteral("-touch") : QString());
    QImage both(checked.width() * 2, checked.height(), QImage::Format_RGB32);
    QPainter painter(&both);
    painter.drawImage(0, 0, unchecked);
    painter.drawImage(checked.width(), 0, checked);
    painter.end();
    both.save(name);
    // Inside the checked indicator (the left part of the button): a dark mark between yellow fill on
    // the same row; the unchecked indicator has no yellow at all.
    const auto isYellow = [](const QColor& colour) {
        return colour.red() > 200 && colour.green() > 200 && colour.blue() < 80;
    };
    const int left = std::min(checked.width(), indicator * 2);
    bool yellow = false;
    bool dark = false;
    bool yellowUnchecked = false;
    for (int y = 0; y < checked.height(); ++y) {
        int first = -1;
        int last = -1;
        for (int x = 0; x < left; ++x) {
            yellowUnchecked = yellowUnchecked || isYellow(unchecked.pixelColor(x, y));
            if (isYellow(checked.pixelColor(x, y))) {
                first = first < 0 ? x : first;
                last = x;
            }
        }
        yellow = yellow || first >= 0;
        for (int x = first + 1; first >= 0 && x < last; ++x)
            dark = dark || checked.pixelColor(x, y).lightness() < 60;
    }
    QVERIFY(!yellowUnchecked);
    QVERIFY(yellow);
    QVERIFY2(dark, qPrintable(name));
}

void TestHighContrast::fontScaleScalesTheSheetAndTheApplicationFont()
{
    TillStyle::apply(*qApp, AppearanceSetup{});
    const qreal basePoints = QApplication::font().pointSizeF();
    QVERIFY(TillStyle::styleSheet(AppearanceSetup{}).contains(QStringLiteral("font-size: 34pt")));
    QLabel title(QStringLiteral("Manager screens"));
    TillStyle::setRelativeFont(&title, 2.0, true);
    QCOMPARE(title.font().pointSizeF(), basePoints * 2.0);
    QVERIFY(title.font().bold());
    AppearanceSetup large = highContrast(150);
    TillStyle::apply(*qApp, large);
    QCOMPARE(QApplication::font().pointSizeF(), basePoints * 1.5);
    // Type set larger than the body follows live, as a multiple of the scaled font.
    QCOMPARE(title.font().pointSizeF(), basePoints * 1.5 * 2.0);
    QVERIFY(title.font().bold());
    QVERIFY(qApp->styleSheet().contains(QStringLiteral("font-size: 51pt")));            // the total, 34 pt × 1.5
    QVERIFY(qApp->styleSheet().contains(QStringLiteral("border: 6px solid #ffff00")));  // the focus frame
    QCOMPARE(TillStyle::current().fontScalePercent, 150);
    // Applied again: from the same base, never compounded.
    TillStyle::apply(*qApp, large);
    QCOMPARE(QApplication::font().pointSizeF(), basePoints * 1.5);
    TillStyle::apply(*qApp, highContrast(80));
    QCOMPARE(QApplication::font().pointSizeF(), basePoints * 0.8);
}

QTEST_MAIN(TestHighContrast)
#include "TestHighContrast.moc"
