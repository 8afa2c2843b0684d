#include "store/HqSchema.h"

#include "store/HqDatabase.h"
#include "store/HqStoreError.h"
#include "store/HqTransaction.h"

#include <QSqlQuery>

namespace loyalty::hq {

namespace {

HqSchema::Step initialSchema()
{
    return {1,
            QStringLiteral("tills, provisioning, events, members, cards, ledger, sales, coupons, catalogue, "
                           "programmes, digital-card keys, the change feed"),
            {
                QStringLiteral("CREATE TABLE hq_schema (version {int} NOT NULL)"),
                QStringLiteral("INSERT INTO hq_schema (version) VALUES (0)"),
                // Head office's own secrets and choices: its Ed25519 programme-signing key lives here.
                QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
                QStringLiteral("CREATE TABLE tills ("
                               " id TEXT PRIMARY KEY,"
                               " name TEXT NOT NULL,"
                               " secret TEXT NOT NULL,"  // base64 of the 32-byte HMAC key
                               " state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'disabled')),"
                               " provisioned_at TEXT NOT NULL)"),
                // Only the SHA-256 of a code is kept: a copy of the database does not provision a till.
                QStringLiteral("CREATE TABLE provisioning_codes ("
                               " code_sha256 TEXT PRIMARY KEY,"
                               " till_name TEXT NOT NULL,"
                               " created_at TEXT NOT NULL,"
                               " expires_at TEXT NOT NULL,"
                               " used_at TEXT,"
                               " till_id TEXT REFERENCES tills (id))"),
                QStringLiteral("CREATE TABLE nonces ("
                               " till_id TEXT NOT NULL,"
                               " nonce TEXT NOT NULL,"
                               " seen_at {int} NOT NULL,"
                               " PRIMARY KEY (till_id, nonce))"),
                QStringLiteral("CREATE INDEX nonces_seen ON nonces (seen_at)"),
                // The id is the idempotency key: an event is applied in the transaction that inserts it.
                QStringLiteral("CREATE TABLE events ("
                               " id TEXT PRIMARY KEY,"
                               " till_id TEXT NOT NULL,"
                               " sequence {int} NOT NULL,"
                               " type TEXT NOT NULL,"
                               " created_at TEXT NOT NULL,"
                               " received_at TEXT NOT NULL,"
                               " payload TEXT NOT NULL)"),
                QStringLiteral("CREATE INDEX events_till ON events (till_id, sequence)"),
                QStringLiteral("CREATE TABLE till_counters ("
                               " till_id TEXT PRIMARY KEY REFERENCES tills (id),"
                               " accepted {int} NOT NULL DEFAULT 0,"
                               " duplicates {int} NOT NULL DEFAULT 0,"
                               " rejected {int} NOT NULL DEFAULT 0,"
                               " last_sequence {int} NOT NULL DEFAULT 0,"
                               " last_seen TEXT)"),
                QStringLiteral("CREATE TABLE members ("
                               " uuid TEXT PRIMARY KEY,"
                               " number {int} UNIQUE,"  // demo and imported members; enrolled at a till: NULL
                               " name TEXT NOT NULL,"
                               " email TEXT,"
                               " phone TEXT,"
                               " birth_date TEXT,"
                               " enrolled_at TEXT NOT NULL,"
                               " referred_by_uuid TEXT REFERENCES members (uuid))"),
                QStringLiteral("CREATE TABLE cards ("
                               " number TEXT PRIMARY KEY,"
                               " member_uuid TEXT NOT NULL REFERENCES members (uuid),"
                               " state TEXT NOT NULL CHECK (state IN ('active', 'blocked', 'replaced')),"
                               " kind TEXT NOT NULL DEFAULT 'number',"
                               " replaced_by TEXT,"
                               " issued_at TEXT NOT NULL)"),
                QStringLiteral("CREATE INDEX cards_member ON cards (member_uuid)"),
                // entry_id keeps booking order for the lot replay; key names the entry across tills.
                QStringLiteral("CREATE TABLE ledger ("
                               " entry_id {id},"
                               " key TEXT NOT NULL UNIQUE,"
                               " member_uuid TEXT NOT NULL REFERENCES members (uuid),"
                               " account TEXT NOT NULL,"
                               " kind TEXT NOT NULL,"
                               " points {int} NOT NULL,"
                               " reason TEXT NOT NULL,"
                               " explanation TEXT NOT NULL DEFAULT '',"
                               " expires_on TEXT,"
                               " created_at TEXT NOT NULL,"
                               " till_id TEXT)"),
                QStringLiteral("CREATE INDEX ledger_member ON ledger (member_uuid, account)"),
                QStringLiteral("CREATE INDEX ledger_expiring ON ledger (expires_on) WHERE expires_on IS NOT NULL"),
                QStringLiteral("CREATE TABLE sales ("
                               " uuid TEXT PRIMARY KEY,"
                               " member_uuid TEXT REFERENCES members (uuid),"
                               " till_id TEXT NOT NULL,"
                               " completed_at TEXT NOT NULL,"
                               " total_minor {int} NOT NULL,"
                               " eligible_minor {int} NOT NULL,"
                               " refunded_eligible_minor {int} NOT NULL DEFAULT 0,"
                               " event_id TEXT NOT NULL)"),
                QStringLiteral("CREATE INDEX sales_member ON sales (member_uuid)"),
                // The winning use of each single-use coupon: the earliest till time, ties by event id.
                QStringLiteral("CREATE TABLE coupon_uses ("
                               " code TEXT PRIMARY KEY,"
                               " winner TEXT NOT NULL,"  // the event id of the winning use
                               " member_uuid TEXT,"
                               " till_id TEXT NOT NULL,"
                               " sale_uuid TEXT,"
                               " used_at TEXT NOT NULL)"),
                QStringLiteral("CREATE TABLE coupon_conflicts ("
                               " id {id},"
                               " code TEXT NOT NULL,"
                               " event_id TEXT NOT NULL,"  // the losing use
                               " member_uuid TEXT,"
                               " till_id TEXT NOT NULL,"
                               " sale_uuid TEXT,"
                               " used_at TEXT NOT NULL,"
                               " recorded_at TEXT NOT NULL,"
                               " UNIQUE (code, event_id))"),
                QStringLiteral("CREATE TABLE overdrafts ("
                               " id {id},"
                               " event_id TEXT NOT NULL,"
                               " account TEXT NOT NULL,"
                               " member_uuid TEXT NOT NULL,"
                               " till_id TEXT NOT NULL,"
                               " balance {int} NOT NULL,"  // the account's balance after the event
                               " recorded_at TEXT NOT NULL,"
                               " UNIQUE (event_id, account))"),
                QStringLiteral("CREATE TABLE products ("
                               " ean TEXT PRIMARY KEY,"
                               " name TEXT NOT NULL,"
                               " price_minor {int} NOT NULL,"
                               " currency TEXT NOT NULL,"
                               " category TEXT NOT NULL DEFAULT '',"
                               " earns_points {int} NOT NULL DEFAULT 1,"
                               " discountable {int} NOT NULL DEFAULT 1)"),
                QStringLiteral("CREATE TABLE programmes ("
                               " version {int} PRIMARY KEY,"
                               " programme_id TEXT NOT NULL,"
                               " document TEXT NOT NULL,"
                               " signature TEXT NOT NULL,"  // base64 Ed25519 over the document's UTF-8 bytes
                               " published_at TEXT NOT NULL)"),
                QStringLiteral("CREATE TABLE revoked_cards ("
                               " card_id TEXT PRIMARY KEY,"
                               " revoked_at TEXT NOT NULL,"
                               " reason TEXT NOT NULL DEFAULT '')"),
                QStringLiteral("CREATE TABLE card_keys ("
                               " key_id TEXT PRIMARY KEY,"
                               " public_key TEXT NOT NULL,"
                               " valid_from TEXT NOT NULL,"
                               " valid_until TEXT)"),
                // The pull feed: append-only, one row per applied change, written in the change's own
                // transaction. origin_till: the till whose event it came from (left out of that till's pull).
                QStringLiteral("CREATE TABLE changes ("
                               " seq {id},"
                               " kind TEXT NOT NULL,"
                               " origin_till TEXT,"
                               " data TEXT NOT NULL)"),
                QStringLiteral("CREATE INDEX changes_origin ON changes (origin_till, seq)"),
            }};
}

// Store managers' events: merged and erased members, consent records, each till's audit chain, and
// the indexes that let an erasure find the member's personal data in stored payloads and changes.
HqSchema::Step storeManagers()
{
    return {2,
            QStringLiteral("merged and erased members, consents, the tills' audit entries, erasure indexes"),
            {
                QStringLiteral("ALTER TABLE members ADD COLUMN merged_into TEXT REFERENCES members (uuid)"),
                QStringLiteral("ALTER TABLE members ADD COLUMN erased_at TEXT"),
                // One row per consent.recorded event: the history is kept, the newest per purpose counts.
                QStringLiteral("CREATE TABLE consents ("
                               " id {id},"
                               " event_id TEXT NOT NULL UNIQUE,"
                               " member_uuid TEXT NOT NULL REFERENCES members (uuid),"
                               " purpose TEXT NOT NULL,"
                               " given {int} NOT NULL CHECK (given IN (0, 1)),"
                               " text_version TEXT NOT NULL,"
                               " recorded_at TEXT NOT NULL,"
                               " till_id TEXT NOT NULL)"),
                QStringLiteral("CREATE INDEX consents_member ON consents (member_uuid, purpose, recorded_at)"),
                // Each till's hash-chained audit log as the till wrote it (entry: the JSON object
                // verbatim), so head office can verify the chain. Keyed by the entry's hash: a till
                // whose chain forked (a restored backup) shows two entries with one seq, never loses one.
                QStringLiteral("CREATE TABLE audit_entries ("
                               " till_id TEXT NOT NULL,"
                               " seq {int} NOT NULL,"
                               " hash TEXT NOT NULL,"
                               " action TEXT NOT NULL,"
                               " member_ref TEXT,"
                               " recorded_at TEXT NOT NULL,"
                               " event_id TEXT NOT NULL,"
                               " entry TEXT NOT NULL,"
                               " PRIMARY KEY (till_id, hash))"),
                QStringLiteral("CREATE INDEX audit_entries_chain ON audit_entries (till_id, seq)"),
                // An erasure redacts the member's enrolment payloads and member changes in place:
                // these find them without reading every event and change.
                QStringLiteral("CREATE INDEX events_enrolled_member ON events ({json payload member_uuid})"
                               " WHERE type = 'member.enrolled'"),
                QStringLiteral("CREATE INDEX changes_member ON changes ({json data uuid}) WHERE kind = 'member'"),
            }};
}

Result<Done> execute(HqDatabase& database, const QString& statement)
{
    QSqlQuery query(database.connection());
    if (!query.exec(database.dialect().ddl(statement)))
        return HqStoreError::from(query.lastError());
    return Done{};
}

}  // namespace

const std::vector<HqSchema::Step>& HqSchema::steps()
{
    static const std::vector<Step> steps{initialSchema(), storeManagers()};
    return steps;
}

int HqSchema::currentVersion()
{
    return steps().back().version;
}

Result<int> HqSchema::storedVersion(HqDatabase& database)
{
    QSqlQuery exists(database.connection());
    exists.prepare(database.dialect().tableExistsQuery());
    exists.bindValue(0, QStringLiteral("hq_schema"));
    if (!exists.exec() || !exists.next())
        return HqStoreError::from(exists.lastError());
    if (exists.value(0).toLongLong() == 0)
        return 0;
    QSqlQuery version(database.connection());
    if (!version.exec(QStringLiteral("SELECT max(version) FROM hq_schema")) || !version.next())
        return HqStoreError::from(version.lastError());
    return version.value(0).toInt();
}

Result<int> HqSchema::migrate(HqDatabase& database)
{
    const auto before = storedVersion(database);
    if (!before)
        return before.error();
    if (*before > currentVersion()) {
        return Error{Error::Code::SchemaTooNew,
                     tr("Head office's database %1 has schema version %2, newer than this loyalty-hq understands "
                        "(%3). Nothing was changed; run the newer loyalty-hq.")
                         .arg(database.displayName())
                         .arg(*before)
                         .arg(currentVersion())};
    }
    for (const Step& step : steps()) {
        HqTransaction transaction(database);
        if (auto begun = transaction.beginWrite(); !begun)
            return begun.error();
        // Read again under the writer lock: another loyalty-hq may have migrated meanwhile.
        const auto stored = storedVersion(database);
        if (!stored)
            return stored.error();
        if (*stored >= step.version)
            continue;
        for (const QString& statement : step.statements) {
            if (auto done = execute(database, statement); !done) {
                Error error = done.error();
                error.message = tr("Migrating head office's database to version %1 (%2) failed: %3")
                                    .arg(step.version)
                                    .arg(step.description, error.message);
                return error;
            }
        }
        QSqlQuery bump(database.connection());
        bump.prepare(QStringLiteral("UPDATE hq_schema SET version = ?"));
        bump.bindValue(0, step.version);
        if (!bump.exec())
            return HqStoreError::from(bump.lastError());
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
    }
    return currentVersion();
}

}  // namespace loyalty::hq
