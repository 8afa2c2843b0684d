#pragma once

#include "common/Result.h"
#include "profile/MemberSearchPage.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

namespace loyalty {

// Finds members by card number, e-mail, phone or name on a million members while the manager
// types. It works on any connection it is given (the manager UI runs it on a worker thread with a
// connection of its own) and only reads.
//
// Order and paging: hits come in member-id order and a page continues after the previous page's
// last id (keyset paging: no duplicates or gaps when paging, whatever is enrolled meanwhile). The
// FTS5 index returns its matches in rowid (= member id) order, so `LIMIT page + 1` stops reading
// after the page's rows even for a one-letter prefix matching half the members; ordering by
// relevance or name would have to read and sort the whole match set first (bm25 over a prefix
// query of short names says little anyway). Only the page's members are then read (balance,
// card, contact).
//
// Input is never passed to FTS5 as syntax: the query is split into words of letters and digits
// exactly as the index's unicode61 tokenizer splits names, and each word becomes a quoted prefix
// term, so quotes, `*`, `AND`, `NEAR(` or brackets typed by a user can never break the query.
class MemberSearch final
{
    Q_DECLARE_TR_FUNCTIONS(MemberSearch)

public:
    static constexpr int kDefaultLimit = 20;
    static constexpr int kMaxLimit = 200;

    explicit MemberSearch(const QSqlDatabase& db);
    Q_DISABLE_COPY_MOVE(MemberSearch)

    // `cursor`: 0 for the first page, else the previous page's nextCursor.
    Result<MemberSearchPage> search(const QString& query, int limit = kDefaultLimit, qint64 cursor = 0,
                                    const MemberSearchOptions& options = {});

    // What kind of search `query` asks for, before any card lookup.
    static MemberQueryKind classify(const QString& query);
    // The words of `text` as the index's tokenizer sees them: runs of letters and digits, diacritics
    // removed, lower case.
    static QStringList words(const QString& text);
    // The FTS5 expression for `words` in `column`: "col : "w1"* AND col : "w2"*"; empty without words.
    static QString prefixExpression(const QString& column, const QStringList& words);
    // The digits a phone search looks for: separators dropped, "00" before a country code as "+".
    static QString phoneDigits(const QString& query);

    static QString maskEmail(const QString& email);
    static QString maskPhone(const QString& phone);

private:
    Result<MemberSearchPage> byCard(const QString& number, const MemberSearchOptions& options);
    Result<MemberSearchPage> byIndex(MemberQueryKind kind, const QString& query, int limit, qint64 cursor,
                                     const MemberSearchOptions& options);
    Result<QList<qint64>> byMatch(const QString& expression, const QString& filter, int count, qint64 cursor);
    Result<QList<qint64>> byPhone(const QString& digits, const QString& filter, int count, qint64 cursor);
    static Result<QList<qint64>> idsOf(QSqlQuery& select);
    Result<Done> fillDetails(QList<MemberHit>& hits);

    // How many matches of a phone number's first three digits byPhone() looks at before it asks
    // the index for the full prefix.
    static constexpr int kPhoneScanBudget = 2000;

    QSqlDatabase m_db;
    QSqlQuery m_card;
    QSqlQuery m_details;
};

}  // namespace loyalty
