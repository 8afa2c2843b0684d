#include "receipt/ReceiptLayout.h"

#include <algorithm>

namespace loyalty {

int ReceiptLayout::columnsFor(int paperWidthMm)
{
    return paperWidthMm <= 58 ? 32 : 48;
}

QStringList ReceiptLayout::wrap(const QString& text, int columns)
{
    columns = std::max(columns, 1);
    qsizetype indentSize = 0;
    while (indentSize < text.size() && text.at(indentSize) == u' ')
        ++indentSize;
    // An indent that would leave no room is dropped rather than squeezing the text into nothing.
    if (indentSize > columns / 2)
        indentSize = 0;
    const QString indent(indentSize, u' ');
    const int width = columns - int(indentSize);
    QStringList rows;
    QString row;
    for (QString word : text.simplified().split(u' ', Qt::SkipEmptyParts)) {
        while (word.size() > width) {
            if (!row.isEmpty()) {
                rows.append(indent + row);
                row.clear();
            }
            rows.append(indent + word.left(width));
            word = word.mid(width);
        }
        if (word.isEmpty())
            continue;
        if (row.isEmpty())
            row = word;
        else if (row.size() + 1 + word.size() <= width)
            row += u' ' + word;
        else {
            rows.append(indent + row);
            row = word;
        }
    }
    if (!row.isEmpty() || rows.isEmpty())
        rows.append(indent + row);
    return rows;
}

QStringList ReceiptLayout::amountRows(const QString& left, const QString& amount, int columns)
{
    const QString right = amount.trimmed();
    if (right.isEmpty())
        return wrap(left, columns);
    if (right.size() >= columns)
        return wrap(left, columns) + wrap(right, columns);
    // The left column leaves at least one blank before the amount.
    QStringList rows = wrap(left, columns);
    QString& last = rows.last();
    if (last.size() + 1 + right.size() <= columns)
        last = last + QString(columns - last.size() - right.size(), u' ') + right;
    else
        rows.append(QString(columns - right.size(), u' ') + right);
    return rows;
}

QList<ReceiptRow> ReceiptLayout::layOut(const Receipt& receipt, int columns)
{
    QList<ReceiptRow> rows;
    for (const ReceiptLine& line : receipt.lines) {
        const int width = line.large ? std::max(columns / 2, 1) : columns;
        auto add = [&](const QStringList& texts) {
            for (const QString& text : texts)
                rows.append({ReceiptRow::Kind::Text, text, line.align, line.bold, line.large});
        };
        switch (line.kind) {
        case ReceiptLine::Kind::Heading:
        case ReceiptLine::Kind::Text:
            add(wrap(line.text, width));
            break;
        case ReceiptLine::Kind::Amount:
            for (const QString& text : amountRows(line.text, line.amount, width))
                rows.append({ReceiptRow::Kind::Text, text, ReceiptLine::Align::Left, line.bold, line.large});
            break;
        case ReceiptLine::Kind::Separator:
            rows.append({ReceiptRow::Kind::Text, QString(columns, u'-'), ReceiptLine::Align::Left, false, false});
            break;
        case ReceiptLine::Kind::Spacer:
            rows.append({ReceiptRow::Kind::Text, QString(), ReceiptLine::Align::Left, false, false});
            break;
        case ReceiptLine::Kind::Qr:
            rows.append({ReceiptRow::Kind::Qr, line.text, line.align, false, false});
            break;
        }
    }
    return rows;
}

QString ReceiptLayout::plainText(const Receipt& receipt, int columns)
{
    QString text;
    for (const ReceiptRow& row : layOut(receipt, columns)) {
        QString shown = row.kind == ReceiptRow::Kind::Qr ? QStringLiteral("[QR: %1]").arg(row.text) : row.text;
        if (row.large && row.kind == ReceiptRow::Kind::Text) {
            // Double width on paper: spread the letters so the row keeps its width on screen.
            QString spread;
            for (const QChar c : shown)
                spread += QString(c) + u' ';
            shown = spread.trimmed();
        }
        if (row.align == ReceiptLine::Align::Center && shown.size() < columns)
            shown = QString((columns - shown.size()) / 2, u' ') + shown;
        while (shown.endsWith(u' '))
            shown.chop(1);
        text += shown + u'\n';
    }
    return text;
}

}  // namespace loyalty
