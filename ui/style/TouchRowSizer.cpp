#include "style/TouchRowSizer.h"

#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QTableView>

#include <algorithm>

namespace loyalty {

namespace {
// The view's own height before the touch layout, so turning it off gives it back.
const char* const kOwnHeight = "tillOwnRowHeight";
}  // namespace

TouchRowSizer::TouchRowSizer(QObject* parent)
    : QObject(parent)
{
}

void TouchRowSizer::setRowHeight(int rowHeight)
{
    m_rowHeight = rowHeight;
    const QList<QWidget*> widgets = QApplication::allWidgets();
    for (QWidget* widget : widgets)
        resize(widget);
}

bool TouchRowSizer::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Polish || event->type() == QEvent::Show)
        resize(watched);
    return QObject::eventFilter(watched, event);
}

void TouchRowSizer::resize(QObject* object) const
{
    if (auto* table = qobject_cast<QTableView*>(object)) {
        QHeaderView* header = table->verticalHeader();
        if (!header->property(kOwnHeight).isValid())
            header->setProperty(kOwnHeight, header->defaultSectionSize());
        const int own = header->property(kOwnHeight).toInt();
        const int wanted = std::max(own, m_rowHeight);
        if (header->defaultSectionSize() != wanted) {
            header->setMinimumSectionSize(std::min(header->minimumSectionSize(), wanted));
            header->setDefaultSectionSize(wanted);
        }
    }
    // List and tree rows come from the delegate, which the style sheet's ::item min-height reaches.
}

}  // namespace loyalty
