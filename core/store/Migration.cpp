#include "store/Migration.h"

namespace loyalty {

namespace {

Migration baseSchema()
{
    return {1,
            QStringLiteral("members, cards, products, sales, ledger, outbox, settings"),
            {
                QStringLiteral("CREATE TABLE settings ("
                               " key TEXT PRIMARY KEY NOT NULL,"
                               " value TEXT NOT NULL) WITHOUT ROWID"),
                QStringLiteral("CREATE TABLE members ("
                               " id INTEGER PRIMARY KEY,"
                               " name TEXT NOT NULL,"
                               " email TEXT,"
                               " phone TEXT,"
                               " enrolled_at TEXT NOT NULL)"),
                QStringLiteral("CREATE INDEX members_name ON members (name COLLATE NOCASE)"),
                QStringLiteral("CREATE TABLE cards ("
                               " number TEXT PRIMARY KEY NOT NULL,"
                               " member_id INTEGER NOT NULL REFERENCES members (id),"
                               " state TEXT NOT NULL DEFAULT 'active'"
                               "   CHECK (state IN ('active', 'blocked', 'replaced')),"
                               " issued_at TEXT NOT NULL) WITHOUT ROWID"),
                QStringLiteral("CREATE INDEX cards_member ON cards (member_id)"),
                QStringLiteral("CREATE TABLE products ("
                               " id INTEGER PRIMARY KEY,"
                               " ean TEXT NOT NULL UNIQUE,"
                               " name TEXT NOT NULL,"
                               " price_minor INTEGER NOT NULL CHECK (price_minor >= 0),"
                               " currency TEXT NOT NULL CHECK (length(currency) = 3),"
                               " category TEXT NOT NULL,"
                               " earns_points INTEGER NOT NULL CHECK (earns_points IN (0, 1)),"
                               " discountable INTEGER NOT NULL CHECK (discountable IN (0, 1)))"),
                QStringLiteral("CREATE INDEX products_category ON products (category)"),
                QStringLiteral("CREATE TABLE sales ("
                               " id INTEGER PRIMARY KEY,"
                               " uuid TEXT NOT NULL UNIQUE,"
                               " till_id TEXT NOT NULL,"
                               " member_id INTEGER REFERENCES members (id),"
                               " card_number TEXT,"
                               " currency TEXT NOT NULL,"
                               " total_minor INTEGER NOT NULL,"
                               " points_earned INTEGER NOT NULL DEFAULT 0,"
                               " state TEXT NOT NULL CHECK (state IN ('completed')),"
                               " completed_at TEXT NOT NULL)"),
                QStringLiteral("CREATE INDEX sales_member ON sales (member_id)"),
                QStringLiteral("CREATE INDEX sales_completed_at ON sales (completed_at)"),
                QStringLiteral("CREATE TABLE sale_lines ("
                               " sale_id INTEGER NOT NULL REFERENCES sales (id),"
                               " line_no INTEGER NOT NULL,"
                               " product_id INTEGER NOT NULL REFERENCES products (id),"
                               " ean TEXT NOT NULL,"
                               " name TEXT NOT NULL,"
                               " quantity INTEGER NOT NULL CHECK (quantity > 0),"
                               " unit_price_minor INTEGER NOT NULL,"
                               " line_total_minor INTEGER NOT NULL,"
                               " earns_points INTEGER NOT NULL CHECK (earns_points IN (0, 1)),"
                               " PRIMARY KEY (sale_id, line_no)) WITHOUT ROWID"),
                QStringLiteral("CREATE TABLE ledger_entries ("
                               " id INTEGER PRIMARY KEY,"
                               " member_id INTEGER NOT NULL REFERENCES members (id),"
                               " sale_id INTEGER REFERENCES sales (id),"
                               " kind TEXT NOT NULL,"
                               " points INTEGER NOT NULL,"
                               " reason TEXT NOT NULL,"
                               " created_at TEXT NOT NULL)"),
                QStringLiteral("CREATE INDEX ledger_entries_member ON ledger_entries (member_id, points)"),
                QStringLiteral("CREATE INDEX ledger_entries_sale ON ledger_entries (sale_id)"),
                QStringLiteral("CREATE TABLE outbox_events ("
                               " id INTEGER PRIMARY KEY,"
                               " uuid TEXT NOT NULL UNIQUE,"
                               " till_id TEXT NOT NULL,"
                               " sequence INTEGER NOT NULL,"
                               " type TEXT NOT NULL,"
                               " payload TEXT NOT NULL,"
                               " sale_id INTEGER REFERENCES sales (id),"
                               " created_at TEXT NOT NULL,"
                               " state TEXT NOT NULL DEFAULT 'pending'"
                               "   CHECK (state IN ('pending', 'acknowledged')),"
                               " UNIQUE (till_id, sequence))"),
                QStringLiteral("CREATE INDEX outbox_events_state ON outbox_events (state, sequence)"),
                QStringLiteral("CREATE INDEX outbox_events_sale ON outbox_events (sale_id)"),
                QStringLiteral("CREATE TABLE till_counters ("
                               " name TEXT PRIMARY KEY NOT NULL,"
                               " value INTEGER NOT NULL) WITHOUT ROWID"),
                // A till identity is born with its database (a random RFC 4122 version-4 UUID).
                QStringLiteral("INSERT INTO settings (key, value) VALUES ('till.id',"
                               " lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'"
                               " || substr(lower(hex(randomblob(2))), 2) || '-'"
                               " || substr('89ab', 1 + (abs(random()) % 4), 1)"
                               " || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))"),
                QStringLiteral("INSERT INTO settings (key, value) VALUES"
                               " ('till.name', 'Till 1'), ('currency', 'EUR'), ('cards.prefix', '2000'),"
                               " ('earn.unit_minor', '100'), ('earn.points_per_unit', '1')"),
            }};
}

Migration appendOnlyGuards()
{
    return {2,
            QStringLiteral("ledger entries and sale lines are append-only"),
            {
                QStringLiteral("CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries"
                               " BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END"),
                QStringLiteral("CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries"
                               " BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END"),
                QStringLiteral("CREATE TRIGGER sale_lines_no_update BEFORE UPDATE ON sale_lines"
                               " BEGIN SELECT RAISE(ABORT, 'sale lines are append-only'); END"),
                QStringLiteral("CREATE TRIGGER sale_lines_no_delete BEFORE DELETE ON sale_lines"
                               " BEGIN SELECT RAISE(ABORT, 'sale lines are append-only'); END"),
            }};
}

Migration cardLifecycle()
{
    return {3,
            QStringLiteral("card kinds and replacement, member uuids and birth dates, consent records"),
            {
                QStringLiteral("ALTER TABLE cards ADD COLUMN kind TEXT NOT NULL DEFAULT 'number'"
                               " CHECK (kind IN ('number', 'nfc_uid', 'digital'))"),
                QStringLiteral("ALTER TABLE cards ADD COLUMN replaced_by TEXT"),
                QStringLiteral("ALTER TABLE members ADD COLUMN birth_date TEXT"),
                // The identity of a member enrolled at a till, born there like an event's.
                QStringLiteral("ALTER TABLE members ADD COLUMN uuid TEXT"),
                QStringLiteral("CREATE TABLE consents ("
                               " id INTEGER PRIMARY KEY,"
                               " member_id INTEGER NOT NULL REFERENCES members (id),"
                               " purpose TEXT NOT NULL,"
                               " given INTEGER NOT NULL CHECK (given IN (0, 1)),"
                               " text_version TEXT NOT NULL,"
                               " recorded_at TEXT NOT NULL)"),
                QStringLiteral("CREATE INDEX consents_member ON consents (member_id, purpose, id)"),
                QStringLiteral("CREATE INDEX members_phone ON members (phone)"),
            }};
}

Migration cardTrust()
{
    return {4,
            QStringLiteral("trust list of head office keys for digital cards, revoked digital cards"),
            {
                // Head office's Ed25519 public keys; several may be valid at once so keys can rotate.
                // A key trusts the cards issued within [valid_from, valid_until).
                QStringLiteral("CREATE TABLE card_trust_keys ("
                               " key_id INTEGER PRIMARY KEY CHECK (key_id BETWEEN 0 AND 65535),"
                               " public_key BLOB NOT NULL CHECK (typeof(public_key) = 'blob'"
                               "   AND length(public_key) = 32),"
                               " valid_from TEXT NOT NULL,"
                               " valid_until TEXT,"
                               " added_at TEXT NOT NULL)"),
                QStringLiteral("CREATE TABLE revoked_digital_cards ("
                               " card_id TEXT PRIMARY KEY NOT NULL,"
                               " revoked_at TEXT NOT NULL,"
                               " reason TEXT NOT NULL) WITHOUT ROWID"),
            }};
}

Migration loyaltyProgramme()
{
    return {5,
            QStringLiteral("programmes, ledger accounts and lots, sale effects, returns, coupon uses, referrals"),
            {
                // Every programme document ever activated; the active one is the highest version.
                QStringLiteral("CREATE TABLE programmes ("
                               " version INTEGER PRIMARY KEY,"
                               " programme_id TEXT NOT NULL,"
                               " document TEXT NOT NULL,"
                               " activated_at TEXT NOT NULL)"),
                // The ledger books several accounts: "points", "wallet", "credit:<rule>",
                // "stamps:<card>", "membership" (days). A positive points entry is a lot that
                // expires on expires_on (null: never).
                QStringLiteral("ALTER TABLE ledger_entries ADD COLUMN account TEXT NOT NULL DEFAULT 'points'"),
                QStringLiteral("ALTER TABLE ledger_entries ADD COLUMN expires_on TEXT"),
                QStringLiteral("ALTER TABLE ledger_entries ADD COLUMN explanation TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("CREATE INDEX ledger_entries_account ON ledger_entries (member_id, account, id)"),
                // The expiry run finds the lots whose day has come without reading the whole ledger.
                QStringLiteral("CREATE INDEX ledger_entries_expiry ON ledger_entries (expires_on, member_id)"
                               " WHERE expires_on IS NOT NULL"),
                QStringLiteral("ALTER TABLE sales ADD COLUMN discount_minor INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("ALTER TABLE sales ADD COLUMN eligible_minor INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("ALTER TABLE sales ADD COLUMN programme_version INTEGER"),
                QStringLiteral("CREATE INDEX sales_member_time ON sales (member_id, completed_at)"),
                // What each sale's effects were, and how each spread over its lines: returns
                // reverse exactly these, receipts are reprinted from them.
                QStringLiteral("CREATE TABLE sale_effects ("
                               " sale_id INTEGER NOT NULL REFERENCES sales (id),"
                               " effect_no INTEGER NOT NULL,"
                               " rule_id TEXT NOT NULL,"
                               " kind TEXT NOT NULL,"
                               " account TEXT NOT NULL,"
                               " amount INTEGER NOT NULL,"
                               " discount_minor INTEGER NOT NULL,"
                               " code TEXT NOT NULL DEFAULT '',"
                               " explanation TEXT NOT NULL,"
                               " PRIMARY KEY (sale_id, effect_no)) WITHOUT ROWID"),
                QStringLiteral("CREATE TABLE sale_effect_lines ("
                               " sale_id INTEGER NOT NULL,"
                               " effect_no INTEGER NOT NULL,"
                               " line_no INTEGER NOT NULL,"
                               " amount INTEGER NOT NULL,"
                               " PRIMARY KEY (sale_id, effect_no, line_no),"
                               " FOREIGN KEY (sale_id, effect_no) REFERENCES sale_effects (sale_id, effect_no))"
                               " WITHOUT ROWID"),
                QStringLiteral("ALTER TABLE sale_lines ADD COLUMN paid_minor INTEGER"),
                QStringLiteral("CREATE TABLE sale_returns ("
                               " id INTEGER PRIMARY KEY,"
                               " uuid TEXT NOT NULL UNIQUE,"
                               " sale_id INTEGER NOT NULL REFERENCES sales (id),"
                               " refund_minor INTEGER NOT NULL,"
                               " created_at TEXT NOT NULL)"),
                QStringLiteral("CREATE INDEX sale_returns_sale ON sale_returns (sale_id)"),
                QStringLiteral("ALTER TABLE ledger_entries ADD COLUMN return_id INTEGER REFERENCES sale_returns (id)"),
                QStringLiteral("CREATE TABLE return_lines ("
                               " return_id INTEGER NOT NULL REFERENCES sale_returns (id),"
                               " line_no INTEGER NOT NULL,"
                               " quantity INTEGER NOT NULL CHECK (quantity > 0),"
                               " refund_minor INTEGER NOT NULL,"
                               " PRIMARY KEY (return_id, line_no)) WITHOUT ROWID"),
                // Single-use and member coupon codes used at this till (or, after sync, anywhere).
                QStringLiteral("CREATE TABLE coupon_uses ("
                               " code TEXT PRIMARY KEY NOT NULL,"
                               " sale_id INTEGER REFERENCES sales (id),"
                               " member_id INTEGER REFERENCES members (id),"
                               " used_at TEXT NOT NULL) WITHOUT ROWID"),
                QStringLiteral("ALTER TABLE members ADD COLUMN referred_by INTEGER REFERENCES members (id)"),
                QStringLiteral("CREATE TABLE member_segments ("
                               " member_id INTEGER NOT NULL REFERENCES members (id),"
                               " segment TEXT NOT NULL,"
                               " PRIMARY KEY (member_id, segment)) WITHOUT ROWID"),
                QStringLiteral("CREATE TABLE feedback_answers ("
                               " sale_id INTEGER PRIMARY KEY REFERENCES sales (id),"
                               " member_id INTEGER NOT NULL REFERENCES members (id),"
                               " answered_at TEXT NOT NULL)"),
                QStringLiteral("CREATE TRIGGER sale_effects_no_update BEFORE UPDATE ON sale_effects"
                               " BEGIN SELECT RAISE(ABORT, 'sale effects are append-only'); END"),
                QStringLiteral("CREATE TRIGGER sale_effects_no_delete BEFORE DELETE ON sale_effects"
                               " BEGIN SELECT RAISE(ABORT, 'sale effects are append-only'); END"),
            }};
}

Migration headOfficeSync()
{
    return {
        6,
        QStringLiteral("sync with head office: member uuids, ledger origin keys, outbox delivery states, remote sales"),
        {
            // Members are named across tills by uuid; those without one get the uuid derived from
            // their number (sync::memberUuidForNumber), as head office's demo and import do.
            QStringLiteral("UPDATE members SET uuid = '00000000-0000-4000-8000-' || printf('%012d', id)"
                           " WHERE uuid IS NULL"),
            QStringLiteral("CREATE UNIQUE INDEX members_uuid ON members (uuid)"),
            // A ledger entry that came from head office (another till's, an opening balance, an
            // expiry booked there) carries its key there; entries born here have none.
            QStringLiteral("ALTER TABLE ledger_entries ADD COLUMN origin_key TEXT"),
            QStringLiteral("CREATE UNIQUE INDEX ledger_entries_origin ON ledger_entries (origin_key)"
                           " WHERE origin_key IS NOT NULL"),
            QStringLiteral("DROP TRIGGER ledger_entries_no_update"),
            QStringLiteral("UPDATE ledger_entries SET origin_key = 'opening/' ||"
                           " (SELECT uuid FROM members WHERE members.id = ledger_entries.member_id)"
                           " WHERE kind = 'opening' AND reason = 'demo.opening_balance'"),
            QStringLiteral("CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries"
                           " BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END"),
            // Entries already in the ledger are the till's history before sync; events written
            // from now on carry the entries booked since the last event (OutboxRepository).
            QStringLiteral("INSERT INTO till_counters (name, value)"
                           " SELECT 'outbox.ledger_claimed', coalesce(max(id), 0) FROM ledger_entries"),
            // The outbox gains its delivery states: pending → acknowledged, or rejected for good
            // (the dead letter a manager sees). SQLite cannot change a CHECK, so the table is rebuilt.
            QStringLiteral("CREATE TABLE outbox_events_v6 ("
                           " id INTEGER PRIMARY KEY,"
                           " uuid TEXT NOT NULL UNIQUE,"
                           " till_id TEXT NOT NULL,"
                           " sequence INTEGER NOT NULL,"
                           " type TEXT NOT NULL,"
                           " payload TEXT NOT NULL,"
                           " sale_id INTEGER REFERENCES sales (id),"
                           " created_at TEXT NOT NULL,"
                           " state TEXT NOT NULL DEFAULT 'pending'"
                           "   CHECK (state IN ('pending', 'acknowledged', 'rejected')),"
                           " attempts INTEGER NOT NULL DEFAULT 0,"
                           " last_error TEXT,"
                           " acknowledged_at TEXT,"
                           " rejected_reason TEXT,"
                           " UNIQUE (till_id, sequence))"),
            QStringLiteral("INSERT INTO outbox_events_v6 (id, uuid, till_id, sequence, type, payload, sale_id,"
                           " created_at, state) SELECT id, uuid, till_id, sequence, type, payload, sale_id,"
                           " created_at, state FROM outbox_events"),
            QStringLiteral("DROP TABLE outbox_events"),
            QStringLiteral("ALTER TABLE outbox_events_v6 RENAME TO outbox_events"),
            QStringLiteral("CREATE INDEX outbox_events_state ON outbox_events (state, sequence)"),
            QStringLiteral("CREATE INDEX outbox_events_sale ON outbox_events (sale_id)"),
            // Sales made at other tills, as far as tiers and challenges need them (visits, spend).
            QStringLiteral("CREATE TABLE remote_sales ("
                           " uuid TEXT PRIMARY KEY NOT NULL,"
                           " member_id INTEGER NOT NULL REFERENCES members (id),"
                           " till_id TEXT NOT NULL,"
                           " completed_at TEXT NOT NULL,"
                           " eligible_minor INTEGER NOT NULL,"
                           " refunded_eligible_minor INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID"),
            QStringLiteral("CREATE INDEX remote_sales_member ON remote_sales (member_id, completed_at)"),
        }};
}

// The text the search index keeps for a member's contact details: the e-mail address, the phone
// number's digits, and (for an international number) the national forms a cashier would type
// after a leading 0 for country codes of one, two or three digits.
QString searchContact(const QString& row)
{
    QString digits = QStringLiteral("coalesce(%1.phone, '')").arg(row);
    for (const char* separator : {" ", "-", "/", "(", ")", "+", "."})
        digits = QStringLiteral("replace(%1, '%2', '')").arg(digits, QLatin1String(separator));
    return QStringLiteral("coalesce(%1.email, '') || ' ' || %2 || CASE WHEN substr(trim(coalesce(%1.phone, '')), 1, 1)"
                          " = '+' THEN ' 0' || substr(%2, 2) || ' 0' || substr(%2, 3) || ' 0' || substr(%2, 4)"
                          " ELSE '' END")
        .arg(row, digits);
}

Migration storeManagers()
{
    return {
        7,
        QStringLiteral("store managers: staff accounts and shifts, the hash-chained audit log, member search, privacy"),
        {
            // Cashiers and managers of this till. The PIN is kept only as a slow KDF's output with
            // its own salt; kdf names the function and its cost ("pbkdf2-sha256:600000").
            QStringLiteral("CREATE TABLE staff ("
                           " id INTEGER PRIMARY KEY,"
                           " name TEXT NOT NULL,"
                           " role TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),"
                           " pin_hash BLOB NOT NULL,"
                           " pin_salt BLOB NOT NULL,"
                           " kdf TEXT NOT NULL,"
                           " failed_attempts INTEGER NOT NULL DEFAULT 0,"
                           " locked_until TEXT,"
                           " active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
                           " created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE UNIQUE INDEX staff_name ON staff (name COLLATE NOCASE)"),
            // Who worked the till when; an open shift has no signed_out_at.
            QStringLiteral("CREATE TABLE shifts ("
                           " id INTEGER PRIMARY KEY,"
                           " staff_id INTEGER NOT NULL REFERENCES staff (id),"
                           " signed_in_at TEXT NOT NULL,"
                           " signed_out_at TEXT,"
                           " end_reason TEXT)"),
            QStringLiteral("CREATE INDEX shifts_staff ON shifts (staff_id, signed_in_at)"),
            // Every manual action, hash-chained: hash = SHA-256 over the entry's fields and the
            // previous entry's hash. Members appear only by a pseudonymous id, so erasing a member
            // changes nothing here. Append-only; `loyalty-ctl audit verify` walks the chain.
            QStringLiteral("CREATE TABLE audit_log ("
                           " seq INTEGER PRIMARY KEY,"
                           " recorded_at TEXT NOT NULL,"
                           " staff_id INTEGER,"
                           " staff_name TEXT NOT NULL,"
                           " action TEXT NOT NULL,"
                           " member_ref TEXT,"
                           " reason TEXT NOT NULL DEFAULT '',"
                           " before TEXT NOT NULL DEFAULT '{}',"
                           " after TEXT NOT NULL DEFAULT '{}',"
                           " prev_hash TEXT NOT NULL,"
                           " hash TEXT NOT NULL UNIQUE)"),
            QStringLiteral("CREATE INDEX audit_log_member ON audit_log (member_ref, seq)"),
            QStringLiteral("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
                           " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
            QStringLiteral("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
                           " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
            // Privacy and corrections: an erased member keeps the row (the ledger refers to it) but
            // no name, contact or birthday; a merged member points to the account it went into.
            QStringLiteral("ALTER TABLE members ADD COLUMN erased_at TEXT"),
            QStringLiteral("ALTER TABLE members ADD COLUMN merged_into INTEGER REFERENCES members (id)"),
            QStringLiteral("CREATE INDEX members_email ON members (email COLLATE NOCASE) WHERE email IS NOT NULL"),
            // Search as you type over a million members: an FTS5 index with prefix indexes, kept
            // by triggers. detail=column is enough for prefix queries and keeps the index small.
            QStringLiteral("CREATE VIRTUAL TABLE member_search USING fts5(name, contact,"
                           " tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3', detail = column)"),
            QStringLiteral("INSERT INTO member_search (rowid, name, contact) SELECT id, name, %1 FROM members")
                .arg(searchContact(QStringLiteral("members"))),
            QStringLiteral("CREATE TRIGGER members_search_insert AFTER INSERT ON members BEGIN"
                           " INSERT INTO member_search (rowid, name, contact) VALUES (new.id, new.name, %1); END")
                .arg(searchContact(QStringLiteral("new"))),
            QStringLiteral("CREATE TRIGGER members_search_update AFTER UPDATE OF name, email, phone ON members BEGIN"
                           " DELETE FROM member_search WHERE rowid = old.id;"
                           " INSERT INTO member_search (rowid, name, contact) VALUES (new.id, new.name, %1); END")
                .arg(searchContact(QStringLiteral("new"))),
            QStringLiteral("CREATE TRIGGER members_search_delete AFTER DELETE ON members BEGIN"
                           " DELETE FROM member_search WHERE rowid = old.id; END"),
        }};
}

}  // namespace

const std::vector<Migration>& allMigrations()
{
    static const std::vector<Migration> migrations{baseSchema(),       appendOnlyGuards(), cardLifecycle(), cardTrust(),
                                                   loyaltyProgramme(), headOfficeSync(),   storeManagers()};
    return migrations;
}

int currentSchemaVersion()
{
    return allMigrations().back().version;
}

}  // namespace loyalty
