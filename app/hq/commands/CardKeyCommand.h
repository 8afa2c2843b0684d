#pragma once

#include "HqReport.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QDate>

#include <optional>

namespace loyalty::hq {

class HeadOffice;

// `card-key add --key-id N --public-key BASE64 --valid-from DAY [--valid-until DAY]` and
// `card-key retire --key-id N --valid-until DAY`: the keys tills trust for digital cards
// (CardKeyPublisher), sent to every till as "card_key" changes.
class CardKeyCommand final
{
    Q_DECLARE_TR_FUNCTIONS(CardKeyCommand)

public:
    static Result<HqReport> add(HeadOffice& office, int keyId, const QString& publicKey, const QDate& validFrom,
                                const std::optional<QDate>& validUntil);
    static Result<HqReport> retire(HeadOffice& office, int keyId, const QDate& validUntil);
};

}  // namespace loyalty::hq
