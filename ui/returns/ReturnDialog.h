#pragma once

#include "account/CompletedReturn.h"
#include "account/ReturnableSale.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace loyalty {

class Clock;
class Database;
class MessageStrip;
struct Programme;

// Takes back items of an earlier sale: the receipt number typed or scanned, Enter shows the sale's
// lines with what can still come back, the cashier sets the quantities (the refund is previewed as
// they change) and Enter books the return through ReturnService. A refused return stays in the
// dialog with its reason and changes nothing.
class ReturnDialog final : public QDialog
{
    Q_OBJECT

public:
    ReturnDialog(Database& database, const Clock& clock, QString tillId, const Programme& programme,
                 QWidget* parent = nullptr);

    // A scan that arrives while the dialog is open: the receipt's code; the sale is looked up at once.
    void acceptScan(const QString& code);
    // The return as booked, once the cashier confirmed and ReturnService took it.
    const std::optional<CompletedReturn>& completed() const { return m_completed; }

    QLineEdit* receiptField() const { return m_receipt; }
    QTableWidget* linesTable() const { return m_lines; }
    QSpinBox* quantityBox(int row) const;
    MessageStrip* messageStrip() const { return m_message; }
    QString refundPreviewText() const;
    qint64 refundPreviewMinor() const;

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void loadReceipt();
    void showSale();
    void updatePreview();
    void confirm();
    void focusFirstOpenLine();

    Database& m_database;
    const Clock& m_clock;
    QString m_tillId;
    const Programme& m_programme;
    QLineEdit* m_receipt;
    QLabel* m_sale;
    QTableWidget* m_lines;
    QLabel* m_preview;
    MessageStrip* m_message;
    QPushButton* m_findButton;
    QPushButton* m_returnButton;
    std::optional<ReturnableSale> m_loaded;
    std::optional<CompletedReturn> m_completed;
};

}  // namespace loyalty
