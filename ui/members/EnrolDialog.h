#pragma once

#include "members/CardHolder.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace loyalty {

class Enrolment;

// Enrols a customer at the till: name, optional contact and birth date, consent, and the new card
// scanned straight into the dialog. Errors stay inside the dialog; nothing is saved until Enrol.
class EnrolDialog final : public QDialog
{
    Q_OBJECT

public:
    EnrolDialog(Enrolment& enrolment, QWidget* parent = nullptr);

    // A scan that arrives while the dialog is open: the new card's number, or the recommending
    // member's card when the cashier is in that field.
    void acceptScan(const QString& code);
    const CardHolder* enrolled() const;

    QLineEdit* nameField() const { return m_name; }
    QLineEdit* cardField() const { return m_card; }
    QLineEdit* referrerField() const { return m_referrer; }
    QCheckBox* consentBox() const { return m_consent; }
    QString errorText() const;

private:
    void submit();
    void showError(const QString& text);

    Enrolment& m_enrolment;
    QLineEdit* m_name;
    QLineEdit* m_phone;
    QLineEdit* m_email;
    QLineEdit* m_birthDate;
    QLineEdit* m_card;
    QLineEdit* m_referrer;
    QCheckBox* m_consent;
    QLabel* m_error;
    std::unique_ptr<CardHolder> m_enrolled;
};

}  // namespace loyalty
