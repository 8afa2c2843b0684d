#pragma once

#include "common/Result.h"
#include "profile/MemberHistoryItem.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace loyalty {

// The member's full history, newest first, page by page: their sales (with each effect's
// explanation, amount and account, and the ledger entries the sale booked), their returns (with
// the reversed entries) and ledger entries of no sale of theirs (adjustments, expiry, merges,
// opening balances, entries from head office, a referral bonus earned by someone else's sale).
// Keyset paging on (time, kind, id): no item twice or missing however the pages are cut. Every
// query is a per-member index lookup (sales_member, sale_returns_sale, ledger_entries_member)
// and the items of a page are read by primary key, so long histories stay fast.
class MemberHistoryReader final
{
public:
    static constexpr int kDefaultLimit = 50;

    explicit MemberHistoryReader(const QSqlDatabase& db);
    Q_DISABLE_COPY_MOVE(MemberHistoryReader)

    Result<MemberHistoryPage> page(qint64 memberId, int limit = kDefaultLimit, const MemberHistoryCursor& after = {});

private:
    Result<Done> readSale(qint64 memberId, MemberHistoryItem& item);
    Result<Done> readReturn(qint64 memberId, MemberHistoryItem& item);
    Result<Done> readEntry(MemberHistoryItem& item);
    Result<QList<HistoryEntry>> entries(QSqlQuery& query);

    QSqlQuery m_keys;
    QSqlQuery m_sale;
    QSqlQuery m_effects;
    QSqlQuery m_saleEntries;
    QSqlQuery m_return;
    QSqlQuery m_returnEntries;
    QSqlQuery m_entry;
};

}  // namespace loyalty
