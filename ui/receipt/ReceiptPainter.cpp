#include "receipt/ReceiptPainter.h"

#include "receipt/QrMatrix.h"

#include <QFont>
#include <QFontMetrics>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPen>

#include <algorithm>
#include <climits>
#include <utility>

namespace loyalty {

namespace {

constexpr int kBodyPointSize = 9;
constexpr int kHeadingPointSize = 10;
constexpr int kLargePointSize = 13;  // the thermal printer's double size, on paper
constexpr int kQrMaxMm = 32;         // big enough for a phone camera at arm's length, small enough for 58 mm paper
constexpr int kQrQuietModules = 4;   // the quiet zone the QR standard asks for on every side
constexpr int kRollMarginMm = 3;     // top and bottom of a receipt-sized page

// Millimetres to whole device pixels at the device's resolution.
int mmToPx(const QPaintDevice& device, int mm)
{
    return (mm * device.logicalDpiX() * 10 + 127) / 254;
}

QFont fontFor(const ReceiptLine& line)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    // Any letter spacing turns the shaper's ligatures off: "Kaffee" stays six letters, as on the thermal
    // printer, and a PDF's text is found and copied as printed (not with "ﬀ").
    font.setLetterSpacing(QFont::PercentageSpacing, 101);
    const bool heading = line.kind == ReceiptLine::Kind::Heading;
    font.setPointSize(line.large ? kLargePointSize : heading ? kHeadingPointSize : kBodyPointSize);
    font.setBold(line.bold || heading);
    return font;
}

QFont bodyFont()
{
    return fontFor(ReceiptLine{});
}

Qt::Alignment horizontal(const ReceiptLine& line)
{
    return line.align == ReceiptLine::Align::Center ? Qt::AlignHCenter : Qt::AlignLeft;
}

// The space between a line and the next: a sixth of the font's height, never less than a pixel.
int gapAfter(const QFontMetrics& metrics)
{
    return std::max(1, metrics.height() / 6);
}

// The gap between an amount's label and its right-aligned figure.
int columnGap(const QFontMetrics& metrics)
{
    return metrics.averageCharWidth() * 2;
}

int textHeight(const QFontMetrics& metrics, int width, Qt::Alignment alignment, const QString& text)
{
    if (text.isEmpty())
        return metrics.height();
    const QRect bounds =
        metrics.boundingRect(QRect(0, 0, std::max(1, width), INT_MAX / 4), int(alignment | Qt::TextWordWrap), text);
    return std::max(metrics.height(), bounds.height());
}

}  // namespace

ReceiptPainter::ReceiptPainter(Receipt receipt, int paperWidthMm)
    : m_receipt(std::move(receipt))
    , m_paperWidthMm(paperWidthMm <= 58 ? 58 : 80)
{
}

int ReceiptPainter::columnWidthMm() const
{
    // The print area of common thermal printers: 48 mm on 58 mm paper, 72 mm on 80 mm paper.
    return m_paperWidthMm == 58 ? 48 : 72;
}

QList<ReceiptPainter::Block> ReceiptPainter::layout(const QPaintDevice& device, int columnWidth) const
{
    QList<Block> blocks;
    const QFontMetrics body(bodyFont(), &device);
    for (qsizetype i = 0; i < m_receipt.lines.size(); ++i) {
        const ReceiptLine& line = m_receipt.lines.at(i);
        const QFontMetrics metrics(fontFor(line), &device);
        Block block{i, 0};
        switch (line.kind) {
        case ReceiptLine::Kind::Heading:
        case ReceiptLine::Kind::Text:
            block.height = textHeight(metrics, columnWidth, horizontal(line), line.text) + gapAfter(metrics);
            break;
        case ReceiptLine::Kind::Amount: {
            const int labelWidth = columnWidth - metrics.horizontalAdvance(line.amount) - columnGap(metrics);
            block.height = textHeight(metrics, labelWidth, Qt::AlignLeft, line.text) + gapAfter(metrics);
            break;
        }
        case ReceiptLine::Kind::Separator:
            block.height = body.height();
            break;
        case ReceiptLine::Kind::Spacer:
            block.height = body.height() / 2;
            break;
        case ReceiptLine::Kind::Qr: {
            const auto matrix = QrMatrix::encode(line.text);
            if (!matrix)
                continue;  // a payload too long for a QR code: the receipt is still printed without it
            const int modules = matrix->size() + 2 * kQrQuietModules;
            const int module = std::max(1, std::min(columnWidth, mmToPx(device, kQrMaxMm)) / modules);
            block.height = module * modules;
            break;
        }
        }
        blocks.append(block);
    }
    return blocks;
}

void ReceiptPainter::paintBlock(QPainter& painter, const QPaintDevice& device, const Block& block, int x, int y,
                                int columnWidth) const
{
    const ReceiptLine& line = m_receipt.lines.at(block.line);
    const QFont font = fontFor(line);
    const QFontMetrics metrics(font, &device);
    painter.setFont(font);
    painter.setPen(Qt::black);
    switch (line.kind) {
    case ReceiptLine::Kind::Heading:
    case ReceiptLine::Kind::Text:
        painter.drawText(QRect(x, y, columnWidth, block.height),
                         int(horizontal(line) | Qt::AlignTop | Qt::TextWordWrap), line.text);
        break;
    case ReceiptLine::Kind::Amount: {
        const int amountWidth = metrics.horizontalAdvance(line.amount);
        const int labelWidth = columnWidth - amountWidth - columnGap(metrics);
        painter.drawText(QRect(x, y, labelWidth, block.height), int(Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap),
                         line.text);
        painter.drawText(QRect(x + columnWidth - amountWidth - columnGap(metrics), y, amountWidth + columnGap(metrics),
                               metrics.height()),
                         int(Qt::AlignRight | Qt::AlignTop), line.amount);
        break;
    }
    case ReceiptLine::Kind::Separator: {
        // A dashed rule of whole-pixel dashes, as thermal receipts draw it with '-' characters.
        const int thickness = std::max(1, device.logicalDpiY() / 150);
        const int dash = std::max(2, mmToPx(device, 1));
        const int middle = y + block.height / 2;
        for (int dx = 0; dx < columnWidth; dx += 2 * dash)
            painter.fillRect(QRect(x + dx, middle, std::min(dash, columnWidth - dx), thickness), Qt::black);
        break;
    }
    case ReceiptLine::Kind::Spacer:
        break;
    case ReceiptLine::Kind::Qr: {
        const auto matrix = QrMatrix::encode(line.text);
        if (!matrix)
            break;
        const int modules = matrix->size() + 2 * kQrQuietModules;
        const int module = block.height / modules;
        const int left = x + (columnWidth - module * modules) / 2 + module * kQrQuietModules;
        const int top = y + module * kQrQuietModules;
        painter.fillRect(QRect(left - module * kQrQuietModules, y, module * modules, module * modules), Qt::white);
        for (int row = 0; row < matrix->size(); ++row) {
            for (int column = 0; column < matrix->size(); ++column) {
                if (matrix->dark(column, row))
                    painter.fillRect(QRect(left + column * module, top + row * module, module, module), Qt::black);
            }
        }
        break;
    }
    }
}

int ReceiptPainter::paintPages(QPainter& painter, QPagedPaintDevice& device) const
{
    const int columnWidth = std::min(device.width(), mmToPx(device, columnWidthMm()));
    const int x = (device.width() - columnWidth) / 2;
    const int pageHeight = device.height();
    int pages = 1;
    int y = 0;
    for (const Block& block : layout(device, columnWidth)) {
        // A block that does not fit goes to the next page whole (a QR code is never cut in two).
        if (y > 0 && y + block.height > pageHeight) {
            if (!device.newPage())
                return 0;
            ++pages;
            y = 0;
        }
        paintBlock(painter, device, block, x, y, columnWidth);
        y += block.height;
    }
    return pages;
}

int ReceiptPainter::paint(QPagedPaintDevice& device) const
{
    QPainter painter;
    if (!painter.begin(&device))
        return 0;
    const int pages = paintPages(painter, device);
    painter.end();
    return pages;
}

int ReceiptPainter::paintOnRoll(QPagedPaintDevice& device) const
{
    // The page is measured at the device's own resolution so the single page holds the whole column.
    const int columnWidth = mmToPx(device, columnWidthMm());
    int height = 0;
    for (const Block& block : layout(device, columnWidth))
        height += block.height;
    const int dpi = std::max(1, device.logicalDpiY());
    const int heightMm = (height * 254 + dpi * 10 - 1) / (dpi * 10) + 1;
    const int sideMarginMm = (m_paperWidthMm - columnWidthMm()) / 2;
    const QPageSize roll(QSizeF(m_paperWidthMm, heightMm + 2 * kRollMarginMm), QPageSize::Millimeter, QString(),
                         QPageSize::ExactMatch);
    if (!device.setPageLayout(QPageLayout(roll, QPageLayout::Portrait,
                                          QMarginsF(sideMarginMm, kRollMarginMm, sideMarginMm, kRollMarginMm),
                                          QPageLayout::Millimeter)))
        return 0;
    return paint(device);
}

QImage ReceiptPainter::render(int widthPx) const
{
    // The image's resolution makes widthPx the paper's width, so fonts and the QR scale with the preview.
    const int dotsPerMeter = std::max(1, widthPx * 1000 / m_paperWidthMm);
    QImage probe(1, 1, QImage::Format_RGB32);
    probe.setDotsPerMeterX(dotsPerMeter);
    probe.setDotsPerMeterY(dotsPerMeter);
    const int columnWidth = std::min(widthPx, mmToPx(probe, columnWidthMm()));
    const QList<Block> blocks = layout(probe, columnWidth);
    const int margin = mmToPx(probe, kRollMarginMm);
    int height = 2 * margin;
    for (const Block& block : blocks)
        height += block.height;

    QImage image(std::max(1, widthPx), std::max(1, height), QImage::Format_RGB32);
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const int x = (widthPx - columnWidth) / 2;
    int y = margin;
    for (const Block& block : blocks) {
        paintBlock(painter, image, block, x, y, columnWidth);
        y += block.height;
    }
    painter.end();
    return image;
}

}  // namespace loyalty
