#include "audit/AuditHash.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtEndian>

#include <algorithm>

namespace loyalty {

namespace {

const QByteArray kVersionTag = QByteArrayLiteral("loyalty-audit-v1");

void appendCanonical(QByteArray& out, const QJsonValue& value);

// A scalar (string, number, bool, null) as QJsonDocument spells it, without the array around it.
void appendScalar(QByteArray& out, const QJsonValue& value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    out += wrapped.mid(1, wrapped.size() - 2);
}

void appendObject(QByteArray& out, const QJsonObject& object)
{
    QStringList keys = object.keys();
    std::sort(keys.begin(), keys.end());
    out += '{';
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (i > 0)
            out += ',';
        appendScalar(out, QJsonValue(keys.at(i)));
        out += ':';
        appendCanonical(out, object.value(keys.at(i)));
    }
    out += '}';
}

void appendCanonical(QByteArray& out, const QJsonValue& value)
{
    if (value.isObject()) {
        appendObject(out, value.toObject());
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        out += '[';
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                out += ',';
            appendCanonical(out, array.at(i));
        }
        out += ']';
    } else {
        appendScalar(out, value);
    }
}

void appendField(QByteArray& out, const QByteArray& field)
{
    char length[8];
    qToBigEndian(quint64(field.size()), length);
    out.append(length, sizeof length);
    out += field;
}

}  // namespace

QByteArray AuditHash::canonicalJson(const QJsonObject& object)
{
    QByteArray out;
    appendObject(out, object);
    return out;
}

QString AuditHash::of(const AuditEntry& entry, const QByteArray& beforeJson, const QByteArray& afterJson)
{
    QByteArray encoded;
    appendField(encoded, kVersionTag);
    appendField(encoded, QByteArray::number(entry.seq));
    appendField(encoded, entry.recordedAt.toUtf8());
    appendField(encoded, entry.staffId == 0 ? QByteArray() : QByteArray::number(entry.staffId));
    appendField(encoded, entry.staffName.toUtf8());
    appendField(encoded, entry.action.toUtf8());
    appendField(encoded, entry.memberRef.toUtf8());
    appendField(encoded, entry.reason.toUtf8());
    appendField(encoded, beforeJson);
    appendField(encoded, afterJson);
    appendField(encoded, entry.prevHash.toUtf8());
    return QString::fromLatin1(QCryptographicHash::hash(encoded, QCryptographicHash::Sha256).toHex());
}

}  // namespace loyalty
