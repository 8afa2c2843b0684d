#pragma once

#include "HeadOfficeApi.h"
#include "tills/ProvisioningCode.h"
#include "tills/TillRecord.h"

#include <QList>

namespace loyalty {
class Clock;
}

namespace loyalty::hq {

class HqDatabase;

// Head office over its database: provisioning and till authentication data, applying pushed events
// exactly once, and the change feed (HeadOfficeApi, which the HTTP layer calls), plus what the
// loyalty-hq commands need beside it.
class HeadOffice final : public HeadOfficeApi
{
public:
    HeadOffice(HqDatabase& database, const Clock& clock);
    Q_DISABLE_COPY_MOVE(HeadOffice)

    Result<ProvisionedTill> provision(const QString& code, const QString& requestedTillName) override;
    Result<QByteArray> activeTillSecret(const QString& tillId) override;
    Result<bool> rememberNonce(const QString& tillId, const QByteArray& nonce, qint64 unixTime) override;
    Result<QJsonArray> push(const QString& tillId, const QJsonArray& events) override;
    Result<ChangePage> changes(const QString& tillId, const QString& cursor, int limit) override;

    Result<ProvisioningCode> addTerminal(const QString& name);
    Result<QList<TillRecord>> tills();
    Result<Done> disableTill(const QString& tillId);
    // Head office's raw Ed25519 public key, as provisioning hands it out.
    Result<QByteArray> publicKey();

    HqDatabase& database() { return m_database; }
    const Clock& clock() const { return m_clock; }

private:
    HqDatabase& m_database;
    const Clock& m_clock;
};

}  // namespace loyalty::hq
