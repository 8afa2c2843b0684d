#pragma once

#include <QDate>
#include <QDialog>

class QDateEdit;

namespace loyalty {

// Asks the cashier for the customer's date of birth before points or wallet are spent with a card
// read from a bare NFC tag (a number anyone can copy). The date is compared in core
// (SaleSession::confirmIdentity); this dialog never shows the date on record.
class IdentityCheckDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit IdentityCheckDialog(const QString& memberName, QWidget* parent = nullptr);

    QDate birthDate() const;
    QDateEdit* dateField() const { return m_date; }

private:
    QDateEdit* m_date;
};

}  // namespace loyalty
