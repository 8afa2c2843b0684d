#include "sale/MessageStrip.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace loyalty {

MessageStrip::MessageStrip(QWidget* parent)
    : QFrame(parent)
    , m_symbol(new QLabel(this))
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("messageStrip"));
    m_symbol->setObjectName(QStringLiteral("messageSymbolLabel"));
    m_text->setObjectName(QStringLiteral("messageTextLabel"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    layout->addWidget(m_symbol);
    layout->addWidget(m_text, 1);
    setAccessibleName(tr("Message"));
    clear();
}

void MessageStrip::show(Severity severity, const QString& text)
{
    m_severity = severity;
    static const char* const names[] = {"none", "info", "success", "warning", "error"};
    setProperty("severity", QString::fromLatin1(names[int(severity)]));
    switch (severity) {
    case Severity::None:
        m_symbol->clear();
        break;
    case Severity::Info:
        m_symbol->setText(QStringLiteral("ℹ"));
        break;
    case Severity::Success:
        m_symbol->setText(QStringLiteral("✔"));
        break;
    case Severity::Warning:
        m_symbol->setText(QStringLiteral("⚠"));
        break;
    case Severity::Error:
        m_symbol->setText(QStringLiteral("✖"));
        break;
    }
    m_text->setText(text);
    setAccessibleDescription(text);
    // Re-evaluate the [severity="..."] style sheet selectors, which the labels' colours depend on too.
    for (QWidget* widget :
         {static_cast<QWidget*>(this), static_cast<QWidget*>(m_symbol), static_cast<QWidget*>(m_text)}) {
        widget->style()->unpolish(widget);
        widget->style()->polish(widget);
    }
}

void MessageStrip::clear()
{
    show(Severity::None, QString());
}

QString MessageStrip::text() const
{
    return m_text->text();
}

}  // namespace loyalty
