#include "CtlTable.h"

#include <algorithm>

namespace loyalty {

CtlTable::CtlTable(QList<Column> columns)
    : m_columns(std::move(columns))
{
}

void CtlTable::addRow(const QStringList& cells)
{
    m_rows.append(cells);
}

bool CtlTable::hasHeader() const
{
    return std::any_of(m_columns.cbegin(), m_columns.cend(),
                       [](const Column& column) { return !column.header.isEmpty(); });
}

QString CtlTable::renderRow(const QStringList& cells, const QList<qsizetype>& widths) const
{
    QString line;
    for (qsizetype c = 0; c < m_columns.size(); ++c) {
        const QString cell = cells.value(c);
        const bool last = c == m_columns.size() - 1;
        if (c > 0)
            line += QStringLiteral("  ");
        if (m_columns[c].align == Align::Right)
            line += cell.rightJustified(widths[c]);
        else
            line += last ? cell : cell.leftJustified(widths[c]);
    }
    return line + u'\n';
}

QString CtlTable::render() const
{
    QList<qsizetype> widths;
    for (const Column& column : m_columns)
        widths.append(column.header.size());
    for (const QStringList& row : m_rows) {
        for (qsizetype c = 0; c < widths.size(); ++c)
            widths[c] = std::max(widths[c], row.value(c).size());
    }

    QString text;
    if (hasHeader()) {
        QStringList headers;
        for (const Column& column : m_columns)
            headers.append(column.header);
        text += renderRow(headers, widths);
    }
    for (const QStringList& row : m_rows)
        text += renderRow(row, widths);
    return text;
}

}  // namespace loyalty
