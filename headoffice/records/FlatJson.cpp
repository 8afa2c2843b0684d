#include "records/FlatJson.h"

namespace loyalty::hq {

namespace {
void appendEscaped(QString& out, const QString& value)
{
    out += u'"';
    for (const QChar c : value) {
        switch (c.unicode()) {
        case u'"':
            out += QLatin1String("\\\"");
            break;
        case u'\\':
            out += QLatin1String("\\\\");
            break;
        case u'\n':
            out += QLatin1String("\\n");
            break;
        case u'\r':
            out += QLatin1String("\\r");
            break;
        case u'\t':
            out += QLatin1String("\\t");
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += u'"';
}
}  // namespace

void FlatJson::key(QLatin1StringView name)
{
    if (m_text.size() > 1)
        m_text += u',';
    m_text += u'"';
    m_text += name;
    m_text += QLatin1String("\":");
}

FlatJson& FlatJson::text(QLatin1StringView name, const QString& value)
{
    key(name);
    appendEscaped(m_text, value);
    return *this;
}

FlatJson& FlatJson::optionalText(QLatin1StringView name, const QString& value)
{
    if (value.isEmpty()) {
        key(name);
        m_text += QLatin1String("null");
        return *this;
    }
    return text(name, value);
}

FlatJson& FlatJson::integer(QLatin1StringView name, qint64 value)
{
    key(name);
    m_text += QString::number(value);
    return *this;
}

FlatJson& FlatJson::boolean(QLatin1StringView name, bool value)
{
    key(name);
    m_text += value ? QLatin1String("true") : QLatin1String("false");
    return *this;
}

}  // namespace loyalty::hq
