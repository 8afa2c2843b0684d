#pragma once

// TEMPORARY: a HeadOfficeApi in memory until headoffice/HeadOffice exists; replaced by it.
#include "HeadOfficeApi.h"
#include "sync/protocol/SyncProtocol.h"

#include <QHash>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QUuid>

namespace loyalty::test {

class InMemoryHeadOffice final : public hq::HeadOfficeApi
{
public:
    QSet<QString> codes;
    QHash<QString, QByteArray> tills;
    QSet<QString> nonces;
    QStringList events;
    bool storageDown = false;

    Result<hq::ProvisionedTill> provision(const QString& code, const QString& name) override
    {
        if (storageDown)
            return Error{Error::Code::Storage, QStringLiteral("disk gone")};
        if (!codes.remove(code))
            return Error{Error::Code::Refused, QStringLiteral("bad code"), QStringLiteral("bad_code")};
        hq::ProvisionedTill till;
        till.tillId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        till.tillName = name;
        till.secret = QByteArray(32, '\0');
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(till.secret.data()), 8);
        till.publicKey = QByteArray(32, 'k');
        tills.insert(till.tillId, till.secret);
        return till;
    }
    Result<QByteArray> activeTillSecret(const QString& tillId) override
    {
        if (!tills.contains(tillId))
            return Error{Error::Code::NotFound, QStringLiteral("unknown"), QStringLiteral("unknown_till")};
        return tills.value(tillId);
    }
    Result<bool> rememberNonce(const QString& tillId, const QByteArray& nonce, qint64) override
    {
        const QString key = tillId + QLatin1Char('/') + QString::fromLatin1(nonce);
        if (nonces.contains(key))
            return false;
        nonces.insert(key);
        return true;
    }
    Result<QJsonArray> push(const QString& tillId, const QJsonArray& batch) override
    {
        if (storageDown)
            return Error{Error::Code::Storage, QStringLiteral("disk gone")};
        QJsonArray results;
        for (const QJsonValue& value : batch) {
            const QJsonObject event = value.toObject();
            const QString id = event.value(QStringLiteral("id")).toString();
            QString status = sync::kAccepted;
            if (event.value(QStringLiteral("till_id")).toString() != tillId)
                status = sync::kRejected;
            else if (events.contains(id))
                status = sync::kDuplicate;
            else
                events.append(id);
            results.append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("status"), status}});
        }
        return results;
    }
    Result<hq::ChangePage> changes(const QString&, const QString& cursor, int limit) override
    {
        if (!cursor.isEmpty() && cursor != QLatin1StringView("end"))
            return Error{Error::Code::InvalidInput, QStringLiteral("bad cursor"), QStringLiteral("bad_cursor")};
        hq::ChangePage page;
        for (const QString& id : events.mid(0, limit))
            page.changes.append(QJsonObject{{QStringLiteral("kind"), sync::kSaleChange},
                                            {QStringLiteral("data"), QJsonObject{{QStringLiteral("uuid"), id}}}});
        page.cursor = QStringLiteral("end");
        return page;
    }
};

}  // namespace loyalty::test
