#pragma once

#include "sale/SaleSummary.h"

#include <QDialog>
#include <QList>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QTableWidget;

namespace loyalty {

class Database;
class ReceiptPrintService;

// The till's recent receipts (Ctrl+P on the sale screen): find one by its number or the card's last digits,
// see it as it prints, and reprint it as a COPY, preview it for an office printer or save it as a PDF.
class ReceiptHistoryDialog final : public QDialog
{
    Q_OBJECT

public:
    // How many sales the list holds: a shift's worth, so the cashier finds the customer in the queue.
    static constexpr int kRecentSales = 200;

    ReceiptHistoryDialog(Database& database, ReceiptPrintService& printing, QWidget* parent = nullptr);

    // Asks where to save a PDF (a file dialog unless a test sets another); an empty answer cancels.
    using PathChooser = std::function<QString(QWidget* parent, const QString& suggested)>;
    void setPdfPathChooser(PathChooser chooser) { m_choosePdfPath = std::move(chooser); }

    QLineEdit* filterField() const { return m_filter; }
    QTableWidget* saleTable() const { return m_sales; }
    QLabel* previewLabel() const { return m_preview; }
    QString statusText() const;
    // The sale the buttons act on: the selected visible row; 0 when none.
    qint64 selectedSaleId() const;
    int visibleSales() const;

    // Writes the selected receipt (a copy) as a receipt-sized PDF; false with the reason in the status line.
    bool saveSelectedAsPdf(const QString& path);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum Column
    {
        NumberColumn,
        TimeColumn,
        MemberColumn,
        CardColumn,
        TotalColumn,
        ColumnCount
    };

    void loadSales(Database& database);
    void applyFilter();
    void showPreview();
    void reprint();
    void printPreview();
    void saveAsPdf();
    void showStatus(const QString& text, bool problem);

    ReceiptPrintService& m_printing;
    QList<SaleSummary> m_history;
    QLineEdit* m_filter;
    QTableWidget* m_sales;
    QScrollArea* m_previewArea;
    QLabel* m_preview;
    QLabel* m_status;
    QPushButton* m_reprintButton;
    QPushButton* m_previewButton;
    QPushButton* m_pdfButton;
    PathChooser m_choosePdfPath;
};

}  // namespace loyalty
