#pragma once

#include "HeadOfficeApi.h"
#include "common/Result.h"
#include "tills/ProvisioningCode.h"
#include "tills/TillRecord.h"

#include <QCoreApplication>
#include <QList>

namespace loyalty {
class Clock;
}

namespace loyalty::hq {

class HqDatabase;

// The tills head office knows: one-time provisioning codes (only their SHA-256 is stored, each
// valid once and for 24 hours), the tills' secrets, and the request nonces seen recently.
class TillRegistry final
{
    Q_DECLARE_TR_FUNCTIONS(TillRegistry)

public:
    static constexpr qint64 kCodeValiditySeconds = 24 * 3600;
    static constexpr int kSecretBytes = 32;

    TillRegistry(HqDatabase& database, const Clock& clock);

    Result<ProvisioningCode> addTerminal(const QString& name);
    Result<ProvisionedTill> provision(const QString& code, const QString& requestedTillName);
    Result<QByteArray> activeTillSecret(const QString& tillId);
    // Revokes the till's secret at once: its next request is refused as unknown_till.
    Result<Done> disable(const QString& tillId);
    Result<bool> rememberNonce(const QString& tillId, const QByteArray& nonce, qint64 unixTime);
    // The same inside the write transaction the caller holds (a group commit's).
    Result<bool> rememberNonceInTransaction(const QString& tillId, const QByteArray& nonce, qint64 unixTime);
    static Result<QList<TillRecord>> tills(HqDatabase& database);

    // Upper case, without dashes and spaces, and O/I/L read as 0/1/1: what is hashed.
    static QString normaliseCode(const QString& typed);
    static QString codeHash(const QString& typed);

private:
    HqDatabase& m_database;
    const Clock& m_clock;
};

}  // namespace loyalty::hq
