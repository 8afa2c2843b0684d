#pragma once

#include <QFrame>

class QLabel;

namespace loyalty {

// The one line where the till tells the cashier what just happened, without a dialog. Each
// severity has its own symbol and words as well as its colour, so colour is never the only signal.
class MessageStrip final : public QFrame
{
    Q_OBJECT

public:
    enum class Severity
    {
        None,
        Info,
        Success,
        Warning,
        Error
    };

    explicit MessageStrip(QWidget* parent = nullptr);

    void show(Severity severity, const QString& text);
    void clear();

    Severity severity() const { return m_severity; }
    QString text() const;

private:
    QLabel* m_symbol;
    QLabel* m_text;
    Severity m_severity = Severity::None;
};

}  // namespace loyalty
