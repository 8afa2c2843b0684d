#include "manager/FirstRunPage.h"

#include "sale/MessageStrip.h"
#include "style/TillStyle.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace loyalty {

FirstRunPage::FirstRunPage(QWidget* parent)
    : QWidget(parent)
    , m_name(new QLineEdit(this))
    , m_pin(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_message(new MessageStrip(this))
    , m_create(new QPushButton(tr("Create manager\nEnter"), this))
{
    setObjectName(QStringLiteral("firstRunPage"));
    auto* title = new QLabel(tr("Welcome to Loyalty Till"), this);
    title->setObjectName(QStringLiteral("firstRunTitleLabel"));
    TillStyle::setRelativeFont(title, 1.8, true);
    auto* hint = new QLabel(tr("This till has no staff yet. Create the first manager: they sign in to open "
                               "shifts, add cashiers and open the manager screens (F10)."),
                            this);
    hint->setWordWrap(true);

    m_name->setObjectName(QStringLiteral("firstRunNameLineEdit"));
    m_name->setAccessibleName(tr("Name"));
    m_pin->setObjectName(QStringLiteral("firstRunPinLineEdit"));
    m_pin->setAccessibleName(tr("PIN"));
    m_repeat->setObjectName(QStringLiteral("firstRunRepeatLineEdit"));
    m_repeat->setAccessibleName(tr("PIN again"));
    TillStyle::setRelativeFont(hint, 1.2);
    for (QLineEdit* field : {m_name, m_pin, m_repeat}) {
        field->setMinimumHeight(48);
        TillStyle::setRelativeFont(field, 1.2);
        connect(field, &QLineEdit::returnPressed, this, &FirstRunPage::advance);
    }
    m_pin->setEchoMode(QLineEdit::Password);
    m_repeat->setEchoMode(QLineEdit::Password);

    m_create->setObjectName(QStringLiteral("createManagerButton"));
    m_create->setAccessibleName(tr("Create manager"));
    m_create->setFocusPolicy(Qt::NoFocus);
    m_create->setMinimumHeight(52);
    connect(m_create, &QPushButton::clicked, this, &FirstRunPage::submit);

    auto* form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("PIN"), m_pin);
    form->addRow(tr("PIN again"), m_repeat);

    auto* column = new QVBoxLayout;
    column->setSpacing(12);
    column->addStretch(1);
    column->addWidget(title);
    column->addWidget(hint);
    column->addLayout(form);
    column->addWidget(m_message);
    column->addWidget(m_create, 0, Qt::AlignRight);
    column->addStretch(2);

    auto* outer = new QHBoxLayout(this);
    outer->setContentsMargins(24, 24, 24, 24);
    outer->addStretch(1);
    outer->addLayout(column, 3);
    outer->addStretch(1);
}

void FirstRunPage::showError(const QString& message)
{
    m_message->show(MessageStrip::Severity::Error, message);
}

void FirstRunPage::acceptBurst(const QString& text)
{
    QLineEdit* field = m_name;
    for (QLineEdit* candidate : {m_name, m_pin, m_repeat}) {
        if (candidate->hasFocus())
            field = candidate;
    }
    // A card or product scanned into the name is no name (a name has letters).
    if (field == m_name && std::none_of(text.cbegin(), text.cend(), [](QChar c) { return c.isLetter(); })) {
        showError(tr("Type the manager's name; a scan is not a name."));
        return;
    }
    field->setText(text);
    advance();
}

// Enter moves on to the next empty field, so the whole form is filled without a mouse.
void FirstRunPage::advance()
{
    if (m_name->text().trimmed().isEmpty()) {
        m_name->setFocus();
        return;
    }
    if (m_pin->text().isEmpty()) {
        m_pin->setFocus();
        return;
    }
    if (m_repeat->text().isEmpty()) {
        m_repeat->setFocus();
        return;
    }
    submit();
}

void FirstRunPage::submit()
{
    if (m_name->text().trimmed().isEmpty()) {
        showError(tr("Type the manager's name."));
        m_name->setFocus();
        return;
    }
    if (m_pin->text() != m_repeat->text()) {
        showError(tr("The two PINs differ. Type the PIN twice the same."));
        m_pin->clear();
        m_repeat->clear();
        m_pin->setFocus();
        return;
    }
    Q_EMIT createRequested(m_name->text().trimmed(), m_pin->text());
}

void FirstRunPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_name->setFocus();
}

}  // namespace loyalty
