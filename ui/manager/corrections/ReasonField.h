#pragma once

#include <QStringList>
#include <QWidget>

class QLineEdit;

namespace loyalty {

// The mandatory reason of a manager's correction: a few quick reasons to pick with one touch or key
// and a free-text field that the pick fills in and the manager may complete. The reason goes into
// the audit log as typed, so it is never left empty: dialogs keep OK disabled until reason() is set.
class ReasonField final : public QWidget
{
    Q_OBJECT

public:
    ReasonField(const QStringList& quickReasons, QWidget* parent = nullptr);

    // The reason as it will be recorded: trimmed, empty when none was given.
    QString reason() const;
    void setReason(const QString& reason);
    QLineEdit* textField() const { return m_text; }

Q_SIGNALS:
    void reasonChanged(const QString& reason);

private:
    QLineEdit* m_text;
};

}  // namespace loyalty
