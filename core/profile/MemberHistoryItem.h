#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace loyalty {

// One effect a sale gave, as the sale stored it (sale_effects).
struct HistoryEffect
{
    int effectNo = 0;
    QString ruleId;
    QString kind;     // "points_earned", "discount", "wallet_spent", ...
    QString account;  // empty for a discount
    qint64 amount = 0;
    qint64 discountMinor = 0;
    QString code;
    QString explanation;  // the translated text shown at the time
};

// One ledger entry of the member, as part of a history item.
struct HistoryEntry
{
    qint64 id = 0;
    QString kind;  // "earn", "redeem", "reverse", "expire", "adjustment", "merge_in", "opening", ...
    QString account;
    qint64 amount = 0;  // signed, in the account's unit
    QString reason;
    QString explanation;
    QDate expiresOn;
    bool fromHeadOffice = false;  // pulled from head office (another till, an opening balance)
    QDateTime at;
};

// One line of the member's history: a sale with the effects it gave, a return with what it took
// back, or a ledger entry of its own (adjustment, expiry, merge, opening balance, head office).
struct MemberHistoryItem
{
    enum class Kind
    {
        Entry = 0,  // the order values break ties of equal times (sale, then return, then entry)
        Return = 1,
        Sale = 2
    };

    Kind kind = Kind::Sale;
    qint64 id = 0;  // sale id, return id or ledger entry id
    QDateTime at;
    QString storedAt;   // `at` as stored, the paging key
    QString uuid;       // sale or return uuid
    qint64 saleId = 0;  // Sale and Return
    QString saleUuid;
    QString cardNumber;
    QString currency;
    qint64 totalMinor = 0;         // Sale: paid; Return: refunded
    qint64 discountMinor = 0;      // Sale
    qint64 pointsChange = 0;       // net of the points entries
    QList<HistoryEffect> effects;  // Sale
    QList<HistoryEntry> entries;   // the ledger entries of the item (for Entry: exactly one)
};

// Where the next page of history starts: just older than the last item shown.
struct MemberHistoryCursor
{
    QString storedAt;
    int kind = 0;
    qint64 id = 0;

    bool isStart() const { return storedAt.isEmpty(); }
};

struct MemberHistoryPage
{
    QList<MemberHistoryItem> items;  // newest first
    bool hasMore = false;
    MemberHistoryCursor next;
};

}  // namespace loyalty
