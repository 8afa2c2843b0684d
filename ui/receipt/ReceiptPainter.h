#pragma once

#include "receipt/Receipt.h"

#include <QImage>
#include <QList>

class QPagedPaintDevice;
class QPaintDevice;
class QPainter;

namespace loyalty {

// Draws a Receipt for an office printer, a PDF or the screen: a narrow receipt column (as wide as the
// thermal paper's print area) centred on the page, continued on further pages when it is long. The layout is
// in whole device pixels so text, separators and the QR modules land on the same grid on every device.
class ReceiptPainter final
{
public:
    explicit ReceiptPainter(Receipt receipt, int paperWidthMm = 80);

    // The column on a page of its own size (A4, A5, Letter): starts a new page where the column is full.
    // Returns the number of pages painted; 0 when the device could not be painted on.
    int paint(QPagedPaintDevice& device) const;
    // A page exactly as wide as the thermal paper and as long as the receipt (a receipt-sized PDF): sets the
    // device's page layout, then paints on one page.
    int paintOnRoll(QPagedPaintDevice& device) const;
    // The receipt as one image `widthPx` wide (white paper, as tall as it needs), for an on-screen preview.
    QImage render(int widthPx) const;

    // The width of the printed column: the paper less the printer's unprintable margins.
    int columnWidthMm() const;

private:
    struct Block
    {
        qsizetype line = 0;
        int height = 0;
    };

    QList<Block> layout(const QPaintDevice& device, int columnWidth) const;
    void paintBlock(QPainter& painter, const QPaintDevice& device, const Block& block, int x, int y,
                    int columnWidth) const;
    int paintPages(QPainter& painter, QPagedPaintDevice& device) const;

    Receipt m_receipt;
    int m_paperWidthMm;
};

}  // namespace loyalty
