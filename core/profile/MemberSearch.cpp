#include "profile/MemberSearch.h"

#include "store/StoreError.h"

#include <QVariant>

namespace loyalty {

namespace {

bool isPhoneCharacter(QChar c)
{
    return c.isDigit() || c == u'+' || c == u' ' || c == u'/' || c == u'-' || c == u'(' || c == u')' || c == u'.';
}

QString withoutSpaces(const QString& text)
{
    QString compact;
    compact.reserve(text.size());
    for (QChar c : text) {
        if (!c.isSpace())
            compact.append(c);
    }
    return compact;
}

// The largest code point: an upper bound above every address that starts with a prefix.
const QString& highestCharacter()
{
    static const QString highest = [] {
        const char32_t max = 0x10FFFF;
        return QString::fromUcs4(&max, 1);
    }();
    return highest;
}

}  // namespace

MemberSearch::MemberSearch(const QSqlDatabase& db)
    : m_db(db)
    , m_card(db)
    , m_details(db)
{
    m_card.prepare(QStringLiteral("SELECT c.member_id, c.state, m.erased_at, m.merged_into FROM cards c"
                                  " JOIN members m ON m.id = c.member_id WHERE c.number = ?"));
    // One member's row, newest active card and points balance: primary key, cards_member and
    // ledger_entries_account lookups, so a page costs the same on ten members or a million.
    m_details.prepare(QStringLiteral(
        "SELECT m.uuid, m.name, m.email, m.phone, m.erased_at, m.merged_into,"
        " (SELECT number FROM cards WHERE member_id = m.id AND state = 'active'"
        "   ORDER BY issued_at DESC, number LIMIT 1),"
        " (SELECT coalesce(sum(points), 0) FROM ledger_entries WHERE member_id = m.id AND account = 'points')"
        " FROM members m WHERE m.id = ?"));
}

MemberQueryKind MemberSearch::classify(const QString& query)
{
    const QString trimmed = query.trimmed();
    if (trimmed.isEmpty())
        return MemberQueryKind::Empty;
    if (trimmed.contains(u'@'))
        return MemberQueryKind::Email;
    bool phoneLike = true;
    bool anyDigit = false;
    for (QChar c : trimmed) {
        phoneLike = phoneLike && isPhoneCharacter(c);
        anyDigit = anyDigit || c.isDigit();
    }
    if (phoneLike && anyDigit) {
        const QString compact = withoutSpaces(trimmed);
        bool digitsOnly = true;
        for (QChar c : compact)
            digitsOnly = digitsOnly && c.isDigit();
        // A card number is printed as 13 digits (EAN-13 from the till's prefix); a phone number
        // of 13 digits exists too, so search() falls back to the phone search when no card has it.
        return digitsOnly && compact.size() == 13 ? MemberQueryKind::Card : MemberQueryKind::Phone;
    }
    return words(trimmed).isEmpty() ? MemberQueryKind::Empty : MemberQueryKind::Name;
}

QStringList MemberSearch::words(const QString& text)
{
    // unicode61 with remove_diacritics 2 splits at everything but letters and digits and drops
    // combining marks; decomposing first and dropping the marks gives the same words, so every
    // quoted term below is exactly one token (a multi-token phrase is an error with detail=column).
    const QList<uint> codePoints = text.normalized(QString::NormalizationForm_KD).toUcs4();
    QStringList result;
    QList<char32_t> current;
    auto flush = [&] {
        if (!current.isEmpty())
            result << QString::fromUcs4(current.constData(), current.size()).toLower();
        current.clear();
    };
    for (uint codePoint : codePoints) {
        const auto c = static_cast<char32_t>(codePoint);
        if (QChar::isMark(c))
            continue;
        if (QChar::isLetterOrNumber(c))
            current.append(c);
        else
            flush();
    }
    flush();
    return result;
}

QString MemberSearch::prefixExpression(const QString& column, const QStringList& words)
{
    QStringList terms;
    for (const QString& word : words) {
        // Words hold only letters and digits, so they cannot contain a quote; doubling quotes is
        // FTS5's escape and keeps this safe should words() ever change.
        QString escaped = word;
        escaped.replace(u'"', QStringLiteral("\"\""));
        terms << QStringLiteral("%1 : \"%2\"*").arg(column, escaped);
    }
    return terms.join(QStringLiteral(" AND "));
}

QString MemberSearch::phoneDigits(const QString& query)
{
    QString digits;
    for (QChar c : query) {
        if (c.isDigit())
            digits.append(c);
    }
    // "0049 170…" is "+49 170…": the index keeps international numbers without the '+'.
    if (digits.startsWith(QStringLiteral("00")))
        digits = digits.mid(2);
    return digits;
}

QString MemberSearch::maskEmail(const QString& email)
{
    const QString trimmed = email.trimmed();
    if (trimmed.isEmpty())
        return {};
    const qsizetype at = trimmed.lastIndexOf(u'@');
    if (at <= 0)
        return QStringLiteral("•••");
    return trimmed.left(1) + QStringLiteral("•••") + trimmed.mid(at);
}

QString MemberSearch::maskPhone(const QString& phone)
{
    QString digits;
    for (QChar c : phone) {
        if (c.isDigit())
            digits.append(c);
    }
    if (digits.isEmpty())
        return {};
    return QStringLiteral("••• ") + digits.right(3);
}

Result<MemberSearchPage> MemberSearch::search(const QString& query, int limit, qint64 cursor,
                                              const MemberSearchOptions& options)
{
    limit = std::clamp(limit, 1, kMaxLimit);
    const QString trimmed = query.trimmed();
    const MemberQueryKind kind = classify(trimmed);
    if (kind == MemberQueryKind::Empty)
        return MemberSearchPage{};
    // A card number (or an NFC UID, a digital card id) is one word: look it up exactly first,
    // whatever it resembles. It is a primary-key lookup, so trying costs nothing.
    const QString compact = withoutSpaces(trimmed);
    if (kind != MemberQueryKind::Email && compact.size() >= 4 && compact.size() <= 64 && cursor == 0) {
        auto card = byCard(compact, options);
        if (!card)
            return card.error();
        if (!card->hits.isEmpty())
            return card;
    }
    if (kind == MemberQueryKind::Card)
        return byIndex(MemberQueryKind::Phone, trimmed, limit, cursor, options);
    return byIndex(kind, trimmed, limit, cursor, options);
}

Result<MemberSearchPage> MemberSearch::byCard(const QString& number, const MemberSearchOptions& options)
{
    m_card.bindValue(0, number);
    if (!m_card.exec())
        return StoreError::from(m_card.lastError());
    MemberSearchPage page;
    page.kind = MemberQueryKind::Card;
    if (m_card.next()) {
        const bool erased = !m_card.value(2).isNull();
        const bool merged = !m_card.value(3).isNull();
        if ((!erased || options.includeErased) && (!merged || options.includeMerged)) {
            MemberHit hit;
            hit.memberId = m_card.value(0).toLongLong();
            hit.matchedCardNumber = number;
            hit.matchedCardState = cardStateFromStorage(m_card.value(1).toString()).value_or(CardState::Blocked);
            page.hits << hit;
        }
    }
    m_card.finish();
    if (auto filled = fillDetails(page.hits); !filled)
        return filled.error();
    if (!page.hits.isEmpty())
        page.nextCursor = page.hits.constLast().memberId;
    return page;
}

Result<MemberSearchPage> MemberSearch::byIndex(MemberQueryKind kind, const QString& query, int limit, qint64 cursor,
                                               const MemberSearchOptions& options)
{
    MemberSearchPage page;
    page.kind = kind;
    QString filter;
    if (!options.includeErased)
        filter += QStringLiteral(" AND m.erased_at IS NULL");
    if (!options.includeMerged)
        filter += QStringLiteral(" AND m.merged_into IS NULL");

    Result<QList<qint64>> ids = QList<qint64>();
    if (kind == MemberQueryKind::Email) {
        // A prefix of the address on members_email (COLLATE NOCASE): a range scan of the index,
        // then the few matches in id order.
        QSqlQuery select(m_db);
        select.prepare(QStringLiteral("SELECT m.id FROM members m INDEXED BY members_email"
                                      " WHERE m.email IS NOT NULL AND m.email >= ? COLLATE NOCASE"
                                      " AND m.email < ? COLLATE NOCASE AND m.id > ?%1"
                                      " ORDER BY m.id LIMIT ?")
                           .arg(filter));
        select.addBindValue(query);
        select.addBindValue(QString(query + highestCharacter()));
        select.addBindValue(cursor);
        select.addBindValue(limit + 1);
        ids = idsOf(select);
    } else if (kind == MemberQueryKind::Phone) {
        const QString digits = phoneDigits(query);
        if (digits.isEmpty())
            return page;
        ids = byPhone(digits, filter, limit + 1, cursor);
    } else {
        const QString expression = prefixExpression(QStringLiteral("name"), words(query));
        if (expression.isEmpty())
            return page;
        ids = byMatch(expression, filter, limit + 1, cursor);
    }
    if (!ids)
        return ids.error();
    for (qint64 id : std::as_const(*ids)) {
        if (page.hits.size() == limit) {
            page.hasMore = true;
            break;
        }
        MemberHit hit;
        hit.memberId = id;
        page.hits << hit;
    }
    if (auto filled = fillDetails(page.hits); !filled)
        return filled.error();
    if (!page.hits.isEmpty())
        page.nextCursor = page.hits.constLast().memberId;
    return page;
}

Result<QList<qint64>> MemberSearch::byMatch(const QString& expression, const QString& filter, int count, qint64 cursor)
{
    // CROSS JOIN keeps member_search the outer loop, so its rowid order needs no sort and LIMIT
    // ends the scan after the page.
    QSqlQuery select(m_db);
    select.prepare(QStringLiteral("SELECT member_search.rowid FROM member_search"
                                  " CROSS JOIN members m ON m.id = member_search.rowid"
                                  " WHERE member_search MATCH ? AND member_search.rowid > ?%1"
                                  " ORDER BY member_search.rowid LIMIT ?")
                       .arg(filter));
    select.addBindValue(expression);
    select.addBindValue(cursor);
    select.addBindValue(count);
    return idsOf(select);
}

Result<QList<qint64>> MemberSearch::byPhone(const QString& digits, const QString& filter, int count, qint64 cursor)
{
    // Phone numbers are (nearly) all different tokens, so a prefix longer than the index's prefix
    // lengths (1-3) makes FTS5 merge one doclist per number: "0151" on a million mobile numbers
    // reads a million of them (0.3 s). While typing, such short prefixes match a large share of
    // the members, so first walk the 3-digit prefix's matches in rowid order, a bounded number of
    // them, and keep those whose contact text has the full prefix at a word start. That finds a
    // page quickly whenever the prefix is common; when it is rare, the full prefix has few tokens
    // and the exact FTS5 query is fast. Both return the first matches after `cursor` in rowid
    // order, so the page is the same either way.
    if (digits.size() <= 3)
        return byMatch(prefixExpression(QStringLiteral("contact"), {digits}), filter, count, cursor);
    // The rows stream from FTS5 in rowid order, so reading stops as soon as the page is full.
    QSqlQuery select(m_db);
    select.setForwardOnly(true);
    select.prepare(QStringLiteral("SELECT member_search.rowid, member_search.contact FROM member_search"
                                  " CROSS JOIN members m ON m.id = member_search.rowid"
                                  " WHERE member_search MATCH ? AND member_search.rowid > ?%1"
                                  " ORDER BY member_search.rowid LIMIT ?")
                       .arg(filter));
    select.addBindValue(prefixExpression(QStringLiteral("contact"), {digits.left(3)}));
    select.addBindValue(cursor);
    select.addBindValue(kPhoneScanBudget);
    if (!select.exec())
        return StoreError::from(select.lastError());
    // A word of the contact text (digits, national forms, e-mail words) that starts with the digits.
    const QString wordStart = u' ' + digits;
    QList<qint64> ids;
    int read = 0;
    while (ids.size() < count && select.next()) {
        ++read;
        if (QString(u' ' + select.value(1).toString()).contains(wordStart))
            ids << select.value(0).toLongLong();
    }
    select.finish();
    // A full page, or every match of the three digits looked at: the walk's answer is complete.
    if (ids.size() >= count || read < kPhoneScanBudget)
        return ids;
    return byMatch(prefixExpression(QStringLiteral("contact"), {digits}), filter, count, cursor);
}

Result<QList<qint64>> MemberSearch::idsOf(QSqlQuery& select)
{
    if (!select.exec())
        return StoreError::from(select.lastError());
    QList<qint64> ids;
    while (select.next())
        ids << select.value(0).toLongLong();
    select.finish();
    return ids;
}

Result<Done> MemberSearch::fillDetails(QList<MemberHit>& hits)
{
    for (MemberHit& hit : hits) {
        m_details.bindValue(0, hit.memberId);
        if (!m_details.exec())
            return StoreError::from(m_details.lastError());
        if (m_details.next()) {
            hit.uuid = m_details.value(0).toString();
            hit.name = m_details.value(1).toString();
            hit.maskedEmail = maskEmail(m_details.value(2).toString());
            hit.maskedPhone = maskPhone(m_details.value(3).toString());
            hit.erased = !m_details.value(4).isNull();
            hit.merged = !m_details.value(5).isNull();
            hit.cardNumber = m_details.value(6).toString();
            hit.points = m_details.value(7).toLongLong();
        }
        m_details.finish();
    }
    return Done{};
}

}  // namespace loyalty
