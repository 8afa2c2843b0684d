#include "manager/StaffPinPage.h"

#include "sale/MessageStrip.h"
#include "style/TillStyle.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace loyalty {

StaffPinPage::StaffPinPage(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_staff(new QListWidget(this))
    , m_pin(new QLineEdit(this))
    , m_message(new MessageStrip(this))
    , m_submit(new QPushButton(tr("Sign in\nEnter"), this))
    , m_cancel(new QPushButton(tr("Back\nEsc"), this))
{
    setObjectName(QStringLiteral("staffPinPage"));
    m_title->setObjectName(QStringLiteral("staffPinTitleLabel"));
    TillStyle::setRelativeFont(m_title, 1.8, true);
    m_hint->setObjectName(QStringLiteral("staffPinHintLabel"));
    m_hint->setWordWrap(true);
    TillStyle::setRelativeFont(m_hint, 1.2);

    m_staff->setObjectName(QStringLiteral("staffListWidget"));
    m_staff->setAccessibleName(tr("Staff"));
    // The PIN field keeps the keyboard; Up/Down on it move this list, a touch picks directly.
    m_staff->setFocusPolicy(Qt::NoFocus);
    m_staff->setMinimumHeight(52);
    TillStyle::setRelativeFont(m_staff, 1.3);
    m_staff->setStyleSheet(QStringLiteral("QListWidget::item { min-height: 44px; }"));
    connect(m_staff, &QListWidget::itemClicked, this, [this] { m_pin->setFocus(); });

    m_pin->setObjectName(QStringLiteral("pinLineEdit"));
    m_pin->setAccessibleName(tr("PIN"));
    m_pin->setPlaceholderText(tr("PIN, then Enter"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setMinimumHeight(52);
    TillStyle::setRelativeFont(m_pin, 1.3);
    m_pin->installEventFilter(this);
    connect(m_pin, &QLineEdit::returnPressed, this, &StaffPinPage::submit);

    m_submit->setObjectName(QStringLiteral("pinSubmitButton"));
    m_cancel->setObjectName(QStringLiteral("pinCancelButton"));
    for (QPushButton* button : {m_submit, m_cancel}) {
        button->setFocusPolicy(Qt::NoFocus);
        button->setMinimumHeight(52);
        button->setMinimumWidth(180);
    }
    m_cancel->setAccessibleName(tr("Back"));
    m_cancel->hide();
    connect(m_submit, &QPushButton::clicked, this, &StaffPinPage::submit);
    connect(m_cancel, &QPushButton::clicked, this, &StaffPinPage::cancelled);

    // A narrow column in the middle of the screen: read at arm's length, reached with one hand.
    auto* column = new QVBoxLayout;
    column->setSpacing(12);
    column->addStretch(1);
    column->addWidget(m_title);
    column->addWidget(m_hint);
    column->addWidget(m_staff);
    column->addWidget(m_pin);
    column->addWidget(m_message);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_submit);
    column->addLayout(buttons);
    column->addStretch(2);

    auto* outer = new QHBoxLayout(this);
    outer->setContentsMargins(24, 24, 24, 24);
    outer->addStretch(1);
    outer->addLayout(column, 3);
    outer->addStretch(1);
}

void StaffPinPage::setTitle(const QString& title, const QString& hint)
{
    m_title->setText(title);
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
}

QString StaffPinPage::title() const
{
    return m_title->text();
}

void StaffPinPage::setNames(const QStringList& names, const QString& preselected)
{
    m_staff->clear();
    m_staff->addItems(names);
    // As tall as the names (up to eight), so the PIN field stays near them.
    const int rows = int(std::clamp<qsizetype>(names.size(), 1, 8));
    m_staff->setFixedHeight(rows * 48 + 2 * m_staff->frameWidth() + 4);
    const auto at = names.indexOf(preselected);
    if (!names.isEmpty())
        m_staff->setCurrentRow(at >= 0 ? int(at) : 0);
}

void StaffPinPage::setSubmitText(const QString& text)
{
    m_submit->setText(text + QStringLiteral("\n") + tr("Enter"));
    m_submit->setAccessibleName(text);
}

void StaffPinPage::setCancellable(bool cancellable)
{
    m_cancel->setVisible(cancellable);
}

void StaffPinPage::showError(const QString& message)
{
    m_pin->clear();
    m_message->show(MessageStrip::Severity::Error, message);
    m_pin->setFocus();
}

void StaffPinPage::reset()
{
    m_pin->clear();
    m_message->clear();
    m_pin->setFocus();
}

QString StaffPinPage::selectedName() const
{
    const QListWidgetItem* item = m_staff->currentItem();
    return item ? item->text() : QString();
}

void StaffPinPage::submit()
{
    const QString pin = m_pin->text();
    if (selectedName().isEmpty()) {
        showError(tr("Pick your name first (↑ ↓)."));
        return;
    }
    if (pin.isEmpty()) {
        showError(tr("Type your PIN, then Enter."));
        return;
    }
    m_pin->clear();
    Q_EMIT submitted(selectedName(), pin);
}

void StaffPinPage::moveSelection(int delta)
{
    const int rows = m_staff->count();
    if (rows == 0)
        return;
    m_staff->setCurrentRow(std::clamp(m_staff->currentRow() + delta, 0, rows - 1));
}

bool StaffPinPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_pin && event->type() == QEvent::KeyPress) {
        switch (static_cast<QKeyEvent*>(event)->key()) {
        case Qt::Key_Up:
            moveSelection(-1);
            return true;
        case Qt::Key_Down:
            moveSelection(1);
            return true;
        case Qt::Key_Escape:
            if (m_cancel->isVisible())
                Q_EMIT cancelled();
            else
                reset();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void StaffPinPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_pin->setFocus();
}

}  // namespace loyalty
