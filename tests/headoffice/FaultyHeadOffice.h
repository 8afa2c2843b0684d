#pragma once

// Fault injection through the interface: forwards to a real head office, or answers a storage
// failure from push() when told to.
#include "HeadOfficeApi.h"

namespace loyalty::test {

class FaultyHeadOffice final : public hq::HeadOfficeApi
{
public:
    explicit FaultyHeadOffice(hq::HeadOfficeApi& real)
        : m_real(real)
    {
    }

    bool storageDown = false;

    Result<hq::ProvisionedTill> provision(const QString& code, const QString& name) override
    {
        return m_real.provision(code, name);
    }
    Result<QByteArray> activeTillSecret(const QString& tillId) override { return m_real.activeTillSecret(tillId); }
    Result<bool> rememberNonce(const QString& tillId, const QByteArray& nonce, qint64 unixTime) override
    {
        return m_real.rememberNonce(tillId, nonce, unixTime);
    }
    using HeadOfficeApi::push;
    Result<QJsonArray> push(const QString& tillId, const QJsonArray& events,
                            const QList<QByteArray>& payloadTexts) override
    {
        if (storageDown)
            return Error{Error::Code::Storage, QStringLiteral("The disk is gone."), QStringLiteral("storage")};
        return m_real.push(tillId, events, payloadTexts);
    }
    Result<hq::ChangePage> changes(const QString& tillId, const QString& cursor, int limit) override
    {
        return m_real.changes(tillId, cursor, limit);
    }

private:
    hq::HeadOfficeApi& m_real;
};

}  // namespace loyalty::test
