#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace loyalty {

class MessageStrip;

// One page for every "who are you" question: the shift sign-in, unlocking an idle till and the
// manager PIN before the manager screens. It only collects a name and a PIN; whoever shows it
// asks core and puts core's answer back with showError(). The keyboard stays in the PIN field:
// Up/Down pick the name, Enter submits, Esc cancels (when the page can be cancelled).
class StaffPinPage final : public QWidget
{
    Q_OBJECT

public:
    explicit StaffPinPage(QWidget* parent = nullptr);

    void setTitle(const QString& title, const QString& hint);
    // The names to pick from; `preselected` (if among them) is chosen, else the first.
    void setNames(const QStringList& names, const QString& preselected);
    void setSubmitText(const QString& text);
    // A page that can be left with Esc or its button (the manager PIN, not the sign-in).
    void setCancellable(bool cancellable);
    void showError(const QString& message);
    // Empties the PIN and the message and gives the PIN field the keyboard.
    void reset();

    QString selectedName() const;
    QLineEdit* pinField() const { return m_pin; }
    QListWidget* staffList() const { return m_staff; }
    MessageStrip* messageStrip() const { return m_message; }
    QString title() const;

Q_SIGNALS:
    void submitted(const QString& name, const QString& pin);
    void cancelled();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void submit();
    void moveSelection(int delta);

    QLabel* m_title;
    QLabel* m_hint;
    QListWidget* m_staff;
    QLineEdit* m_pin;
    MessageStrip* m_message;
    QPushButton* m_submit;
    QPushButton* m_cancel;
};

}  // namespace loyalty
