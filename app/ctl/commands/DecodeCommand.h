#pragma once

#include "CtlReport.h"
#include "cards/CardRead.h"
#include "common/Result.h"

#include <QCoreApplication>

class QIODevice;

namespace loyalty {

// `decode`: one raw scan from standard input through the till's decoder pipeline (ScanDecoder),
// printed as kind, identifier and format. Refusals are errors with their Error::reason; they never
// repeat the input, which may be payment card data.
class DecodeCommand final
{
    Q_DECLARE_TR_FUNCTIONS(DecodeCommand)

public:
    static constexpr qint64 kMaxInputBytes = 64 * 1024;
    // The card prefix a new till database starts with (migration step 1).
    static inline const QString kDefaultCardPrefix = QStringLiteral("2000");

    explicit DecodeCommand(const QString& cardPrefix);

    Result<CtlReport> run(QIODevice& input) const;

    static QString kindName(CardRead::Kind kind);

private:
    QString m_cardPrefix;
};

}  // namespace loyalty
