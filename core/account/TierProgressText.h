#pragma once

#include "account/TierProgress.h"

#include <QCoreApplication>
#include <QLocale>

namespace loyalty {

// The line the member panel shows under the tier: "230 points to Gold", "12,30 € to Gold".
class TierProgressText final
{
    Q_DECLARE_TR_FUNCTIONS(TierProgressText)

public:
    // Empty at the highest tier and without tiers. `currency` is the programme's (Spend basis).
    static QString toNextTier(const TierProgress& progress, const QString& currency, const QLocale& locale = QLocale());
};

}  // namespace loyalty
