#pragma once

#include <QLabel>

namespace loyalty {

// The message next to a settings field that refuses its input: a warning sign and the text (never
// colour alone), hidden while the field is fine. The field's accessible description carries it too,
// so a screen reader says why when the field gets focus.
class FieldError final : public QLabel
{
    Q_OBJECT

public:
    FieldError(QWidget* field, const QString& objectName, QWidget* parent = nullptr);

    void showMessage(const QString& message);
    void clearMessage();
    bool hasMessage() const { return !m_message.isEmpty(); }
    QWidget* field() const { return m_field; }

private:
    QWidget* m_field;
    QString m_message;
};

}  // namespace loyalty
