#pragma once

#include "account/TierProgress.h"
#include "money/Points.h"
#include "program/EffectKind.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace loyalty {

// One sold line as the sale stored it.
struct ReceiptSaleLine
{
    int lineNo = 0;
    QString name;
    qint64 quantity = 1;
    qint64 unitPriceMinor = 0;
    qint64 lineTotalMinor = 0;  // before the programme's discounts
};

// One thing the programme gave or took on the sale, with the reason the sale screen showed.
struct ReceiptEffect
{
    EffectKind kind = EffectKind::PointsEarned;
    QString ruleId;
    qint64 amount = 0;  // in the account's unit (points, minor units, stamps, days); taken kinds positive
    qint64 discountMinor = 0;
    QString account;
    QString code;
    QString explanation;  // "+24 points (2× on fresh produce)", translated when the sale was made
};

// A stamp card of the programme and the member's stamps on it after the sale.
struct ReceiptStampCard
{
    QString name;
    int stamps = 0;
    int needed = 10;
};

// The member's side of the receipt; balances are those right after the sale, whenever it is read.
struct ReceiptMember
{
    QString name;        // empty for an erased member
    QString maskedCard;  // "•••• •••• 3455": never the whole number
    Points pointsAfter = 0;
    qint64 walletAfterMinor = 0;
    QList<ReceiptStampCard> stampCards;
    Points expiringPoints = 0;  // gone within ReceiptReader::kExpiringDays days of the sale
    QDate expiringOn;           // the first day some of them are gone
    bool hasTiers = false;
    QString tierName;   // the tier held at the sale, empty without tiers
    TierProgress tier;  // with the next tier and what it still needs
};

// Everything a receipt shows, read from the till database by ReceiptReader: the first print and a
// reprint next week come from the same data and look the same.
struct ReceiptData
{
    enum class QrKind
    {
        None,
        DigitalCard,  // the member's digital card, signed for the receipt
        Survey,       // the feedback survey (settings key receipt.qr_url)
    };

    QString tillId;
    QString tillName;
    QStringList headerLines;  // shop name and address (settings key receipt.header, one line per line)
    qint64 saleId = 0;
    QString saleUuid;
    QDateTime completedAt;  // UTC
    QString currency;
    QList<ReceiptSaleLine> lines;
    qint64 subtotalMinor = 0;  // the lines before discounts
    qint64 discountMinor = 0;  // what the programme took off
    qint64 totalMinor = 0;     // what the customer paid
    qint64 itemCount = 0;
    QList<ReceiptEffect> effects;
    std::optional<ReceiptMember> member;
    QrKind qrKind = QrKind::None;
    QString qrPayload;
};

}  // namespace loyalty
