#pragma once

#include <QAccessible>
#include <QApplication>
#include <QDialog>
#include <QStringList>
#include <QTest>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <optional>

namespace loyalty {

// What the accessibility tests look for in the Qt accessibility tree, and how they open dialogs by
// keys (never a mouse) to look inside them.
namespace AccessibilityAudit {

inline bool interactive(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::List:
    case QAccessible::Table:
    case QAccessible::Tree:
    case QAccessible::PageTabList:
    case QAccessible::PageTab:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
        return true;
    default:
        return false;
    }
}

// "QPushButton#okButton in adjustPointsDialog": the object and the nearest named ancestor.
inline QString describe(QAccessibleInterface* iface)
{
    QObject* object = iface->object();
    if (!object)
        return QStringLiteral("(no object, role %1)").arg(int(iface->role()));
    QString text = QString::fromLatin1(object->metaObject()->className());
    if (!object->objectName().isEmpty())
        text += QLatin1Char('#') + object->objectName();
    for (QObject* parent = object->parent(); parent; parent = parent->parent()) {
        if (!parent->objectName().isEmpty() && !parent->objectName().startsWith(QLatin1String("qt_"))) {
            text += QStringLiteral(" in ") + parent->objectName();
            break;
        }
    }
    return text;
}

inline void collect(QAccessibleInterface* iface, QStringList& offenders, QStringList& checked)
{
    if (!iface || !iface->isValid() || iface->state().invisible)
        return;
    const QAccessible::Role role = iface->role();
    if (auto* widget = qobject_cast<QWidget*>(iface->object()); widget && !widget->isVisible())
        return;
    if (interactive(role)) {
        const QString name = iface->text(QAccessible::Name).trimmed();
        checked << describe(iface);
        if (name.isEmpty())
            offenders << describe(iface) + QStringLiteral(" has no accessible name");
        if (role == QAccessible::NoRole)
            offenders << describe(iface) + QStringLiteral(" has no role");
    }
    // The cells of lists and tables are named by their data; tab bars' tabs are checked (PageTab).
    if (role == QAccessible::List || role == QAccessible::Table || role == QAccessible::Tree)
        return;
    for (int i = 0; i < iface->childCount(); ++i)
        collect(iface->child(i), offenders, checked);
}

// Every visible interactive accessible under `root` without a name (or a role), by objectName.
inline QStringList offenders(QWidget* root, QStringList* checked = nullptr)
{
    QStringList found;
    QStringList seen;
    collect(QAccessible::queryAccessibleInterface(root), found, seen);
    if (checked)
        *checked << seen;
    return found;
}

struct DialogVisit
{
    QString objectName;
    QString className;
    QStringList offenders;
    int checked = 0;
    bool closedByEscape = false;
    // The dialog had the keyboard on one of its own widgets once it was active.
    bool focusInside = false;
};

// Presses `key` on the focused widget; if that opens a modal dialog, `inspect` looks at it (its
// accessibility tree by default) and Esc closes it. Nothing when the key opened no dialog.
inline std::optional<DialogVisit> visitDialogByKey(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier,
                                                   const std::function<void(QDialog*)>& inspect = {})
{
    std::optional<DialogVisit> visit;
    QTimer probe;
    probe.setInterval(0);
    QObject::connect(&probe, &QTimer::timeout, &probe, [&] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        if (visit || !dialog || !dialog->isVisible())
            return;
        visit = DialogVisit{dialog->objectName(), QString::fromLatin1(dialog->metaObject()->className()), {}, 0, false};
        QStringList checked;
        visit->offenders = offenders(dialog, &checked);
        visit->checked = int(checked.size());
        if (inspect)
            inspect(dialog);
        // The keyboard is the dialog's once the platform has activated it.
        const bool active = QTest::qWaitFor([dialog] { return QApplication::activeWindow() == dialog; }, 3000);
        QWidget* focus = QApplication::focusWidget();
        visit->focusInside = active && focus && dialog->isAncestorOf(focus);
        QTest::keyClick(visit->focusInside ? focus : dialog, Qt::Key_Escape);
        visit->closedByEscape = !dialog->isVisible();
        if (dialog->isVisible())
            dialog->reject();
    });
    probe.start();
    QWidget* focus = QApplication::focusWidget();
    if (focus)
        QTest::keyClick(focus, key, modifiers);
    probe.stop();
    return visit;
}

}  // namespace AccessibilityAudit

}  // namespace loyalty
