#pragma once

#include <QString>

namespace loyalty::hq {

// Writes one flat JSON object (texts, whole numbers, booleans, null) straight into text. The
// change feed writes millions of these for a large demo or import; building QJsonObjects and
// serialising them cost more than the database writes.
class FlatJson final
{
public:
    FlatJson& text(QLatin1StringView key, const QString& value);
    FlatJson& optionalText(QLatin1StringView key, const QString& value);  // empty: null
    FlatJson& integer(QLatin1StringView key, qint64 value);
    FlatJson& boolean(QLatin1StringView key, bool value);
    QString toString() const { return m_text + u'}'; }

private:
    void key(QLatin1StringView key);

    QString m_text = QStringLiteral("{");
};

}  // namespace loyalty::hq
