#include "settings/FieldError.h"

namespace loyalty {

FieldError::FieldError(QWidget* field, const QString& objectName, QWidget* parent)
    : QLabel(parent)
    , m_field(field)
{
    setObjectName(objectName);
    setWordWrap(true);
    setProperty("severity", QStringLiteral("error"));
    setStyleSheet(QStringLiteral("font-weight: bold;"));
    setVisible(false);
}

void FieldError::showMessage(const QString& message)
{
    m_message = message;
    setText(tr("⚠ %1").arg(message));
    setAccessibleName(message);
    m_field->setAccessibleDescription(message);
    setVisible(true);
}

void FieldError::clearMessage()
{
    m_message.clear();
    clear();
    setAccessibleName(QString());
    m_field->setAccessibleDescription(QString());
    setVisible(false);
}

}  // namespace loyalty
