#include "HeadOffice.h"

#include "apply/EventBatch.h"
#include "feed/ChangeFeed.h"
#include "keys/HqSigningKey.h"
#include "store/HqDatabase.h"
#include "store/HqStoreError.h"
#include "store/HqTransaction.h"
#include "tills/TillRegistry.h"

#include <QSqlQuery>

namespace loyalty::hq {

HeadOffice::HeadOffice(HqDatabase& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

HeadOffice::~HeadOffice() = default;

Result<std::unique_ptr<HeadOffice>> HeadOffice::open(const HqDatabaseUrl& url, const Clock& clock)
{
    auto database = HqDatabase::open(url, HqDatabase::OpenMode::MustExist);
    if (!database)
        return database.error();
    auto office = std::make_unique<HeadOffice>(**database, clock);
    office->m_owned = std::move(database.value());
    return office;
}

template <typename Call>
auto HeadOffice::inSavepoint(Call call) -> decltype(call())
{
    // Its own name, so EventBatch's per-event savepoints nest inside it.
    QSqlQuery savepoint(m_database.connection());
    if (!savepoint.exec(QStringLiteral("SAVEPOINT hq_request")))
        return HqStoreError::from(savepoint.lastError());
    auto result = call();
    QSqlQuery end(m_database.connection());
    if (!result) {
        // Also cancels whatever savepoints the failed call left open inside this one.
        if (!end.exec(QStringLiteral("ROLLBACK TO SAVEPOINT hq_request")))
            return HqStoreError::from(end.lastError());
    }
    if (!end.exec(QStringLiteral("RELEASE SAVEPOINT hq_request")))
        return HqStoreError::from(end.lastError());
    return result;
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
    if (!m_group)
        return TillRegistry(m_database, m_clock).rememberNonce(tillId, nonce, unixTime);
    return inSavepoint(
        [&] { return TillRegistry(m_database, m_clock).rememberNonceInTransaction(tillId, nonce, unixTime); });
}

Result<QJsonArray> HeadOffice::push(const QString& tillId, const QJsonArray& events,
                                    const QList<QByteArray>& payloadTexts)
{
    if (!m_group)
        return EventBatch(m_database, m_clock).push(tillId, events, payloadTexts);
    return inSavepoint([&] { return EventBatch(m_database, m_clock).push(*m_group, tillId, events, payloadTexts); });
}

Result<Done> HeadOffice::beginGroup()
{
    auto group = std::make_unique<HqTransaction>(m_database);
    if (auto begun = group->beginWrite(); !begun)
        return begun;
    m_group = std::move(group);
    return Done{};
}

Result<Done> HeadOffice::commitGroup()
{
    if (!m_group)
        return Done{};
    auto committed = m_group->commit();
    m_group.reset();
    return committed;
}

void HeadOffice::rollbackGroup()
{
    m_group.reset();  // HqTransaction rolls back unless committed
}

Result<ChangePage> HeadOffice::changes(const QString& tillId, const QString& cursor, int limit)
{
    return ChangeFeed(m_database).page(tillId, cursor, limit);
}

Result<bool> HeadOffice::erasedSince(qint64 seq)
{
    return ChangeFeed(m_database).erasedSince(seq);
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
