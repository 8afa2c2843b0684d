#include "HeadOffice.h"

#include "apply/EventBatch.h"
#include "feed/ChangeFeed.h"
#include "keys/HqSigningKey.h"
#include "store/HqDatabase.h"
#include "tills/TillRegistry.h"

namespace loyalty::hq {

HeadOffice::HeadOffice(HqDatabase& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<ProvisionedTill> HeadOffice::provision(const QString& code, const QString& requestedTillName)
{
    return TillRegistry(m_database, m_clock).provision(code, requestedTillName);
}

Result<QByteArray> HeadOffice::activeTillSecret(const QString& tillId)
{
    return TillRegistry(m_database, m_clock).activeTillSecret(tillId);
}

Result<bool> HeadOffice::rememberNonce(const QString& tillId, const QByteArray& nonce, qint64 unixTime)
{
    return TillRegistry(m_database, m_clock).rememberNonce(tillId, nonce, unixTime);
}

Result<QJsonArray> HeadOffice::push(const QString& tillId, const QJsonArray& events)
{
    return EventBatch(m_database, m_clock).push(tillId, events);
}

Result<ChangePage> HeadOffice::changes(const QString& tillId, const QString& cursor, int limit)
{
    return ChangeFeed(m_database).page(tillId, cursor, limit);
}

Result<ProvisioningCode> HeadOffice::addTerminal(const QString& name)
{
    return TillRegistry(m_database, m_clock).addTerminal(name);
}

Result<QList<TillRecord>> HeadOffice::tills()
{
    return TillRegistry::tills(m_database);
}

Result<Done> HeadOffice::disableTill(const QString& tillId)
{
    return TillRegistry(m_database, m_clock).disable(tillId);
}

Result<QByteArray> HeadOffice::publicKey()
{
    const auto key = HqSigningKey::load(m_database);
    if (!key)
        return key.error();
    return key->publicKey;
}

}  // namespace loyalty::hq
