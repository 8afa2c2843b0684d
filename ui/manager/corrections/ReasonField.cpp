#include "manager/corrections/ReasonField.h"

#include "corrections/Corrections.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace loyalty {

ReasonField::ReasonField(const QStringList& quickReasons, QWidget* parent)
    : QWidget(parent)
    , m_text(new QLineEdit(this))
{
    setObjectName(QStringLiteral("reasonField"));
    m_text->setObjectName(QStringLiteral("reasonLineEdit"));
    m_text->setAccessibleName(tr("Reason"));
    m_text->setPlaceholderText(tr("Why? This is recorded in the audit log."));
    m_text->setMaxLength(Corrections::kMaxReasonLength);  // what core accepts: never cut off silently
    m_text->setMinimumHeight(44);

    auto* caption = new QLabel(tr("&Reason (required)"), this);
    caption->setBuddy(m_text);

    auto* quick = new QGridLayout;
    quick->setSpacing(6);
    constexpr int kColumns = 2;
    for (qsizetype i = 0; i < quickReasons.size(); ++i) {
        const QString text = quickReasons.at(i);
        auto* button = new QPushButton(text, this);
        button->setObjectName(QStringLiteral("quickReasonButton"));
        button->setMinimumHeight(44);
        button->setAutoDefault(false);  // Enter in the dialog confirms it, never picks a reason
        connect(button, &QPushButton::clicked, this, [this, text] {
            m_text->setText(text);
            m_text->setFocus();
            m_text->end(false);
        });
        quick->addWidget(button, int(i / kColumns), int(i % kColumns));
    }

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(caption);
    layout->addLayout(quick);
    layout->addWidget(m_text);
    connect(m_text, &QLineEdit::textChanged, this, [this] { Q_EMIT reasonChanged(reason()); });
}

QString ReasonField::reason() const
{
    return m_text->text().simplified();
}

void ReasonField::setReason(const QString& reason)
{
    m_text->setText(reason);
}

}  // namespace loyalty
