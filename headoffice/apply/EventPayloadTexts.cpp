#include "apply/EventPayloadTexts.h"

namespace loyalty::hq {

namespace {

// A cursor over JSON the parser has already accepted: every helper returns false as soon as the
// bytes are not what valid JSON of the expected shape holds there, and the caller then gives up.
class Scanner final
{
public:
    explicit Scanner(const QByteArray& text)
        : m_data(text.constData())
        , m_size(text.size())
    {
    }

    void skipSpace()
    {
        while (m_at < m_size &&
               (m_data[m_at] == ' ' || m_data[m_at] == '\t' || m_data[m_at] == '\n' || m_data[m_at] == '\r'))
            ++m_at;
    }
    bool take(char c)
    {
        skipSpace();
        if (m_at >= m_size || m_data[m_at] != c)
            return false;
        ++m_at;
        return true;
    }
    bool peek(char c)
    {
        skipSpace();
        return m_at < m_size && m_data[m_at] == c;
    }
    // A string at the cursor; `escaped` says whether it holds a backslash (its bytes are then not its text).
    bool string(qsizetype& begin, qsizetype& end, bool& escaped)
    {
        skipSpace();
        if (m_at >= m_size || m_data[m_at] != '"')
            return false;
        begin = ++m_at;
        escaped = false;
        while (m_at < m_size) {
            const char c = m_data[m_at];
            if (c == '"') {
                end = m_at++;
                return true;
            }
            if (c == '\\') {
                escaped = true;
                m_at += 2;
                continue;
            }
            ++m_at;
        }
        return false;
    }
    bool skipString()
    {
        qsizetype begin = 0;
        qsizetype end = 0;
        bool escaped = false;
        return string(begin, end, escaped);
    }
    // Any value: a string, or a container skipped by depth (strings inside skipped whole), or a
    // literal or number up to the next separator.
    bool value(qsizetype& begin, qsizetype& end)
    {
        skipSpace();
        if (m_at >= m_size)
            return false;
        begin = m_at;
        const char first = m_data[m_at];
        if (first == '"') {
            if (!skipString())
                return false;
            end = m_at;
            return true;
        }
        if (first == '{' || first == '[') {
            int depth = 0;
            while (m_at < m_size) {
                const char c = m_data[m_at];
                if (c == '"') {
                    if (!skipString())
                        return false;
                    continue;
                }
                ++m_at;
                if (c == '{' || c == '[') {
                    ++depth;
                } else if (c == '}' || c == ']') {
                    if (--depth == 0) {
                        end = m_at;
                        return true;
                    }
                }
            }
            return false;
        }
        while (m_at < m_size && m_data[m_at] != ',' && m_data[m_at] != '}' && m_data[m_at] != ']' &&
               m_data[m_at] != ' ' && m_data[m_at] != '\t' && m_data[m_at] != '\n' && m_data[m_at] != '\r')
            ++m_at;
        end = m_at;
        return end > begin;
    }
    bool isKey(qsizetype begin, qsizetype end, const char* key, qsizetype length) const
    {
        return end - begin == length && qstrncmp(m_data + begin, key, size_t(length)) == 0;
    }
    char at(qsizetype index) const { return m_data[index]; }
    bool atEnd()
    {
        skipSpace();
        return m_at == m_size;
    }

private:
    const char* m_data;
    qsizetype m_size;
    qsizetype m_at = 0;
};

constexpr char kEvents[] = "events";
constexpr char kPayload[] = "payload";

// One element of "events": the payload's bytes, or empty when they cannot be placed for certain.
bool element(Scanner& scanner, const QByteArray& body, QByteArray& payload)
{
    payload.clear();
    if (!scanner.peek('{')) {
        qsizetype begin = 0;
        qsizetype end = 0;
        return scanner.value(begin, end);  // not an object: the batch is refused anyway
    }
    scanner.take('{');
    bool unsure = false;
    int payloads = 0;
    qsizetype payloadBegin = 0;
    qsizetype payloadEnd = 0;
    if (!scanner.take('}')) {
        do {
            qsizetype keyBegin = 0;
            qsizetype keyEnd = 0;
            bool escaped = false;
            if (!scanner.string(keyBegin, keyEnd, escaped) || !scanner.take(':'))
                return false;
            qsizetype begin = 0;
            qsizetype end = 0;
            if (!scanner.value(begin, end))
                return false;
            if (escaped) {
                unsure = true;  // might spell "payload"
            } else if (scanner.isKey(keyBegin, keyEnd, kPayload, qsizetype(sizeof kPayload - 1))) {
                ++payloads;
                payloadBegin = begin;
                payloadEnd = end;
            }
        } while (scanner.take(','));
        if (!scanner.take('}'))
            return false;
    }
    if (!unsure && payloads == 1 && scanner.at(payloadBegin) == '{')
        payload = body.mid(payloadBegin, payloadEnd - payloadBegin);
    return true;
}

}  // namespace

QList<QByteArray> EventPayloadTexts::cut(const QByteArray& body)
{
    Scanner scanner(body);
    QList<QByteArray> texts;
    int eventsArrays = 0;
    bool unsure = false;
    if (!scanner.take('{'))
        return {};
    if (!scanner.take('}')) {
        do {
            qsizetype keyBegin = 0;
            qsizetype keyEnd = 0;
            bool escaped = false;
            if (!scanner.string(keyBegin, keyEnd, escaped) || !scanner.take(':'))
                return {};
            if (!escaped && scanner.isKey(keyBegin, keyEnd, kEvents, qsizetype(sizeof kEvents - 1)) &&
                scanner.peek('[')) {
                ++eventsArrays;
                scanner.take('[');
                if (!scanner.take(']')) {
                    do {
                        QByteArray payload;
                        if (!element(scanner, body, payload))
                            return {};
                        texts.append(payload);
                    } while (scanner.take(','));
                    if (!scanner.take(']'))
                        return {};
                }
                continue;
            }
            if (escaped)
                unsure = true;  // might spell "events"
            qsizetype begin = 0;
            qsizetype end = 0;
            if (!scanner.value(begin, end))
                return {};
        } while (scanner.take(','));
        if (!scanner.take('}'))
            return {};
    }
    if (unsure || eventsArrays != 1 || !scanner.atEnd())
        return {};
    return texts;
}

}  // namespace loyalty::hq
