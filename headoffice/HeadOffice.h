#pragma once

#include "HeadOfficeApi.h"
#include "tills/ProvisioningCode.h"
#include "tills/TillRecord.h"

#include <QList>

#include <memory>

namespace loyalty {
class Clock;
}

namespace loyalty::hq {

class HqDatabase;
class HqTransaction;
struct HqDatabaseUrl;

// Head office over its database: provisioning and till authentication data, applying pushed events
// exactly once, and the change feed (HeadOfficeApi, which the HTTP layer calls), plus what the
// loyalty-hq commands need beside it.
class HeadOffice final : public HeadOfficeApi
{
public:
    HeadOffice(HqDatabase& database, const Clock& clock);
    ~HeadOffice() override;
    Q_DISABLE_COPY_MOVE(HeadOffice)

    // Head office on a connection of its own that it owns (one per HqServer worker thread).
    static Result<std::unique_ptr<HeadOffice>> open(const HqDatabaseUrl& url, const Clock& clock);

    Result<ProvisionedTill> provision(const QString& code, const QString& requestedTillName) override;
    Result<QByteArray> activeTillSecret(const QString& tillId) override;
    Result<bool> rememberNonce(const QString& tillId, const QByteArray& nonce, qint64 unixTime) override;
    using HeadOfficeApi::push;
    Result<QJsonArray> push(const QString& tillId, const QJsonArray& events,
                            const QList<QByteArray>& payloadTexts) override;
    Result<ChangePage> changes(const QString& tillId, const QString& cursor, int limit) override;
    Result<bool> erasedSince(qint64 seq) override;
    Result<Done> beginGroup() override;
    Result<Done> commitGroup() override;
    void rollbackGroup() override;

    Result<ProvisioningCode> addTerminal(const QString& name);
    Result<QList<TillRecord>> tills();
    Result<Done> disableTill(const QString& tillId);
    // Head office's raw Ed25519 public key, as provisioning hands it out.
    Result<QByteArray> publicKey();

    HqDatabase& database() { return m_database; }
    const Clock& clock() const { return m_clock; }

private:
    // Runs `call` inside a savepoint of the group's transaction; a failed call is rolled back to it.
    template <typename Call>
    auto inSavepoint(Call call) -> decltype(call());

    std::unique_ptr<HqDatabase> m_owned;     // set by open()
    std::unique_ptr<HqTransaction> m_group;  // between beginGroup() and its commit or rollback
    HqDatabase& m_database;
    const Clock& m_clock;
};

}  // namespace loyalty::hq
