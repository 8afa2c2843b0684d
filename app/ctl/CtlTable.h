#pragma once

#include <QList>
#include <QStringList>

namespace loyalty {

// Plain-text columns for terminal output, padded to the widest cell; numbers align right.
class CtlTable final
{
public:
    enum class Align
    {
        Left,
        Right
    };

    struct Column
    {
        QString header;  // empty headers for every column: no header line (key/value lists)
        Align align = Align::Left;
    };

    explicit CtlTable(QList<Column> columns);

    void addRow(const QStringList& cells);
    bool isEmpty() const { return m_rows.isEmpty(); }
    QString render() const;

private:
    bool hasHeader() const;
    QString renderRow(const QStringList& cells, const QList<qsizetype>& widths) const;

    QList<Column> m_columns;
    QList<QStringList> m_rows;
};

}  // namespace loyalty
