#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;

namespace loyalty {

class MessageStrip;

// Shown once, on a till without staff: creates the first manager. The PIN rules are core's; the
// page only checks that both PINs match and shows core's refusal in its strip.
class FirstRunPage final : public QWidget
{
    Q_OBJECT

public:
    explicit FirstRunPage(QWidget* parent = nullptr);

    void showError(const QString& message);
    // Text that came in as one fast burst (typed by a tool, or a badge scanned): it fills the field
    // with the keyboard and moves on as Enter would.
    void acceptBurst(const QString& text);

    QLineEdit* nameField() const { return m_name; }
    QLineEdit* pinField() const { return m_pin; }
    QLineEdit* repeatField() const { return m_repeat; }
    MessageStrip* messageStrip() const { return m_message; }

Q_SIGNALS:
    void createRequested(const QString& name, const QString& pin);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void advance();
    void submit();

    QLineEdit* m_name;
    QLineEdit* m_pin;
    QLineEdit* m_repeat;
    MessageStrip* m_message;
    QPushButton* m_create;
};

}  // namespace loyalty
