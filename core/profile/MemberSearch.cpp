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

    QSqlQuery select(m_db);
    if (kind == MemberQueryKind::Email) {
        // A prefix of the address on members_email (COLLATE NOCASE): a range scan of the index,
        // then the few matches in id order.
        const QString prefix = query.trimmed();
        select.prepare(QStringLiteral("SELECT m.id FROM members m INDEXED BY members_email"
                                      " WHERE m.email IS NOT NULL AND m.email >= :low COLLATE NOCASE"
                                      " AND m.email < :high COLLATE NOCASE AND m.id > :cursor%1"
                                      " ORDER BY m.id LIMIT :limit")
                           .arg(filter));
        select.bindValue(QStringLiteral(":low"), prefix);
        select.bindValue(QStringLiteral(":high"), QString(prefix + highestCharacter()));
    } else {
        QString expression;
        if (kind == MemberQueryKind::Phone) {
            const QString digits = phoneDigits(query);
            if (!digits.isEmpty())
                expression = prefixExpression(QStringLiteral("contact"), {digits});
        } else {
            expression = prefixExpression(QStringLiteral("name"), words(query));
        }
        if (expression.isEmpty())
            return page;
        // CROSS JOIN keeps member_search the outer loop, so its rowid order needs no sort and
        // LIMIT ends the scan after the page.
        select.prepare(QStringLiteral("SELECT member_search.rowid FROM member_search"
                                      " CROSS JOIN members m ON m.id = member_search.rowid"
                                      " WHERE member_search MATCH :match AND member_search.rowid > :cursor%1"
                                      " ORDER BY member_search.rowid LIMIT :limit")
                           .arg(filter));
        select.bindValue(QStringLiteral(":match"), expression);
    }
    select.bindValue(QStringLiteral(":cursor"), cursor);
    select.bindValue(QStringLiteral(":limit"), limit + 1);
    if (!select.exec())
        return StoreError::from(select.lastError());
    while (select.next()) {
        if (page.hits.size() == limit) {
            page.hasMore = true;
            break;
        }
        MemberHit hit;
        hit.memberId = select.value(0).toLongLong();
        page.hits << hit;
    }
    select.finish();
    if (auto filled = fillDetails(page.hits); !filled)
        return filled.error();
    if (!page.hits.isEmpty())
        page.nextCursor = page.hits.constLast().memberId;
    return page;
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
