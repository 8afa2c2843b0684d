#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace loyalty {

// Asks for a coupon code, typed or scanned: a scan fills the code and confirms at once, Enter
// confirms a typed one. Whether the coupon gives anything is the programme's call, shown after.
class CouponDialog final : public QDialog
{
    Q_OBJECT

public:
    // `applied`: the codes already on this sale, shown so the cashier does not add one twice.
    explicit CouponDialog(const QStringList& applied, QWidget* parent = nullptr);

    // A scan that arrives while the dialog is open: the coupon's code.
    void acceptScan(const QString& code);
    QString code() const;
    QLineEdit* codeField() const { return m_code; }

private:
    void submit();

    QLineEdit* m_code;
    QLabel* m_error;
};

}  // namespace loyalty
