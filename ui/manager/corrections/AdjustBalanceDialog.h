#pragma once

#include "common/Result.h"

#include <QDialog>

#include <optional>

class QAbstractButton;
class QLabel;
class QLineEdit;
class QPushButton;

namespace loyalty {

class ReasonField;

// What a points or wallet adjustment dialog shares: a signed amount (+ add / − take off, or a
// leading sign typed in the field), the balance before and after shown while typing, a mandatory
// reason (OK stays disabled until it is given) and core's refusal shown in the dialog itself, which
// then stays open with nothing written. Subclasses read and write one account through core.
class AdjustBalanceDialog : public QDialog
{
    Q_OBJECT

public:
    qint64 memberId() const { return m_memberId; }
    qint64 balanceBefore() const { return m_balance; }
    // The signed amount typed, or nothing while the field does not hold a valid, non-zero amount.
    std::optional<qint64> signedAmount() const;

    QLineEdit* amountField() const { return m_amount; }
    QAbstractButton* addButton() const;
    QAbstractButton* takeOffButton() const;
    ReasonField* reasonField() const { return m_reason; }
    QPushButton* okButton() const { return m_ok; }
    QString balanceText() const;
    QString afterText() const;
    // The refusal (or the problem with the typed amount) shown in the dialog; empty when none.
    QString problemText() const;

    // Books the adjustment through core; closes on success, shows the refusal otherwise.
    void accept() override;

Q_SIGNALS:
    // The adjustment is booked: the member page reloads the member.
    void adjusted(qint64 memberId);

protected:
    AdjustBalanceDialog(qint64 memberId, const QString& title, const QString& intro, const QString& amountCaption,
                        const QStringList& quickReasons, QWidget* parent);

    // Called at the end of the subclass's constructor (virtual calls are not possible earlier).
    void finishSetup(const Result<qint64>& balance);

    // The amount typed without sign, in the account's unit (points or minor units).
    virtual std::optional<qint64> parseMagnitude(const QString& text) const = 0;
    virtual QString formatBalance(qint64 amount) const = 0;
    // An example of a valid amount for the "not an amount" message.
    virtual QString amountExample() const = 0;
    // Books the signed amount with the reason; the new balance on success.
    virtual Result<qint64> book(qint64 signedAmount, const QString& reason) = 0;

private:
    void takeTypedSign(const QString& text);
    void updatePreview();
    void showProblem(const QString& text);

    qint64 m_memberId;
    qint64 m_balance = 0;
    bool m_balanceKnown = false;
    QLabel* m_intro;
    QPushButton* m_add;
    QPushButton* m_takeOff;
    QLineEdit* m_amount;
    QLabel* m_before;
    QLabel* m_after;
    ReasonField* m_reason;
    QLabel* m_problem;
    QPushButton* m_ok;
};

}  // namespace loyalty
