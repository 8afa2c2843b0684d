#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace loyalty {

// Finds a completed sale the way an administrator names it (its number or its UUID, as `sales`
// lists them), with its lines and what earlier returns took back. Read-only.
// (Its SQL belongs in core/sale/SaleHistory once that offers a lookup; /tmp/ctl-requests.md.)
class SaleLookup final
{
    Q_DECLARE_TR_FUNCTIONS(SaleLookup)

public:
    struct Line
    {
        int lineNo = 0;
        QString ean;
        QString name;
        qint64 quantity = 0;
        qint64 returned = 0;  // by earlier returns
    };

    struct Sale
    {
        qint64 id = 0;
        QString uuid;
        std::optional<qint64> memberId;
        QString completedAt;
        QList<Line> lines;
    };

    explicit SaleLookup(const QSqlDatabase& db);

    // NotFound when no sale has that number or UUID.
    Result<Sale> find(const QString& reference) const;

private:
    Result<Done> readLines(Sale& sale) const;

    QSqlDatabase m_db;
};

}  // namespace loyalty
