#include "account/TierProgressText.h"

#include "money/MoneyFormatter.h"

#include <algorithm>

namespace loyalty {

QString TierProgressText::toNextTier(const TierProgress& progress, const QString& currency, const QLocale& locale)
{
    if (progress.nextTierId.isEmpty())
        return {};
    const QString tier = progress.nextTierName.isEmpty() ? progress.nextTierId : progress.nextTierName;
    if (progress.basis == TierPolicy::Basis::EarnedPoints) {
        //: %1 is the number of points still needed, %2 the name of the next tier, e.g. "230 points to Gold"
        return tr("%1 point(s) to %2", nullptr, static_cast<int>(std::min<qint64>(progress.neededForNext, 1000000)))
            .arg(locale.toString(progress.neededForNext), tier);
    }
    //: %1 is an amount of money, %2 the name of the next tier, e.g. "12,30 € to Gold"
    return tr("%1 to %2").arg(MoneyFormatter(locale).format(Money(progress.neededForNext, currency)), tier);
}

}  // namespace loyalty
