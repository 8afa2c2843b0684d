#include "style/TouchTargets.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QHeaderView>
#include <QLineEdit>
#include <QTabBar>
#include <QTableView>

#include <algorithm>

namespace loyalty {

namespace {
// The sizes a widget had before the touch layout, so turning it off gives them back.
const char* const kOwnRowHeight = "tillOwnRowHeight";
const char* const kOwnMinimumSize = "tillOwnMinimumSize";
}  // namespace

TouchTargets::TouchTargets(QObject* parent)
    : QObject(parent)
{
}

void TouchTargets::setTarget(int target)
{
    m_target = target;
    const QList<QWidget*> widgets = QApplication::allWidgets();
    for (QWidget* widget : widgets)
        resize(widget);
}

bool TouchTargets::eventFilter(QObject* watched, QEvent* event)
{
    // Polish comes after the style (sheet) has set its own minimums, so this has the last word.
    if (event->type() == QEvent::Polish || event->type() == QEvent::Show)
        resize(watched);
    return QObject::eventFilter(watched, event);
}

void TouchTargets::resize(QObject* object) const
{
    if (auto* table = qobject_cast<QTableView*>(object)) {
        QHeaderView* header = table->verticalHeader();
        if (!header->property(kOwnRowHeight).isValid())
            header->setProperty(kOwnRowHeight, header->defaultSectionSize());
        const int wanted = std::max(header->property(kOwnRowHeight).toInt(), m_target);
        if (header->defaultSectionSize() != wanted) {
            header->setMinimumSectionSize(std::min(header->minimumSectionSize(), wanted));
            header->setDefaultSectionSize(wanted);
        }
        return;
    }
    auto* widget = qobject_cast<QWidget*>(object);
    if (!widget)
        return;
    // The parts of a combo or spin box (its line edit) and a tab bar's scroll arrows follow their whole.
    const QWidget* parent = widget->parentWidget();
    if (parent && (qobject_cast<const QAbstractSpinBox*>(parent) || qobject_cast<const QComboBox*>(parent) ||
                   qobject_cast<const QTabBar*>(parent)))
        return;
    if (qobject_cast<QAbstractButton*>(widget) || qobject_cast<QLineEdit*>(widget) ||
        qobject_cast<QComboBox*>(widget) || qobject_cast<QAbstractSpinBox*>(widget))
        resizeTarget(widget);
}

void TouchTargets::resizeTarget(QWidget* widget) const
{
    if (!widget->property(kOwnMinimumSize).isValid())
        widget->setProperty(kOwnMinimumSize, widget->minimumSize());
    const QSize own = widget->property(kOwnMinimumSize).toSize();
    const QSize wanted(std::max(own.width(), m_target), std::max(own.height(), m_target));
    if (widget->minimumSize() != wanted)
        widget->setMinimumSize(wanted);
}

}  // namespace loyalty
