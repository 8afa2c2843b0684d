-- A till database as schema version 1 wrote it, for TestMigrations. One statement per line.
-- The CREATE statements are migration 1 of core/store/Migration.cpp verbatim (TestMigrations
-- compares them with the code); only the till.id, which migration 1 draws at random, is fixed here
-- so that the sale and outbox rows below belong to this till.
CREATE TABLE settings ( key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE members ( id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT, phone TEXT, enrolled_at TEXT NOT NULL);
CREATE INDEX members_name ON members (name COLLATE NOCASE);
CREATE TABLE cards ( number TEXT PRIMARY KEY NOT NULL, member_id INTEGER NOT NULL REFERENCES members (id), state TEXT NOT NULL DEFAULT 'active'   CHECK (state IN ('active', 'blocked', 'replaced')), issued_at TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX cards_member ON cards (member_id);
CREATE TABLE products ( id INTEGER PRIMARY KEY, ean TEXT NOT NULL UNIQUE, name TEXT NOT NULL, price_minor INTEGER NOT NULL CHECK (price_minor >= 0), currency TEXT NOT NULL CHECK (length(currency) = 3), category TEXT NOT NULL, earns_points INTEGER NOT NULL CHECK (earns_points IN (0, 1)), discountable INTEGER NOT NULL CHECK (discountable IN (0, 1)));
CREATE INDEX products_category ON products (category);
CREATE TABLE sales ( id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, till_id TEXT NOT NULL, member_id INTEGER REFERENCES members (id), card_number TEXT, currency TEXT NOT NULL, total_minor INTEGER NOT NULL, points_earned INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL CHECK (state IN ('completed')), completed_at TEXT NOT NULL);
CREATE INDEX sales_member ON sales (member_id);
CREATE INDEX sales_completed_at ON sales (completed_at);
CREATE TABLE sale_lines ( sale_id INTEGER NOT NULL REFERENCES sales (id), line_no INTEGER NOT NULL, product_id INTEGER NOT NULL REFERENCES products (id), ean TEXT NOT NULL, name TEXT NOT NULL, quantity INTEGER NOT NULL CHECK (quantity > 0), unit_price_minor INTEGER NOT NULL, line_total_minor INTEGER NOT NULL, earns_points INTEGER NOT NULL CHECK (earns_points IN (0, 1)), PRIMARY KEY (sale_id, line_no)) WITHOUT ROWID;
CREATE TABLE ledger_entries ( id INTEGER PRIMARY KEY, member_id INTEGER NOT NULL REFERENCES members (id), sale_id INTEGER REFERENCES sales (id), kind TEXT NOT NULL, points INTEGER NOT NULL, reason TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX ledger_entries_member ON ledger_entries (member_id, points);
CREATE INDEX ledger_entries_sale ON ledger_entries (sale_id);
CREATE TABLE outbox_events ( id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, till_id TEXT NOT NULL, sequence INTEGER NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL, sale_id INTEGER REFERENCES sales (id), created_at TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending'   CHECK (state IN ('pending', 'acknowledged')), UNIQUE (till_id, sequence));
CREATE INDEX outbox_events_state ON outbox_events (state, sequence);
CREATE INDEX outbox_events_sale ON outbox_events (sale_id);
CREATE TABLE till_counters ( name TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO settings (key, value) VALUES ('till.id', '3f2b8c1e-7a4d-4e9b-8c2a-5d6e7f809a1b');
INSERT INTO settings (key, value) VALUES ('till.name', 'Till 1'), ('currency', 'EUR'), ('cards.prefix', '2000'), ('earn.unit_minor', '100'), ('earn.points_per_unit', '1');
-- Data: three members (one with an additional blocked card), five products, one sale.
INSERT INTO members (id, name, email, phone, enrolled_at) VALUES (1, 'Anna Müller', 'anna.mueller1@example.org', '+49 151 1234567', '2024-03-01T08:00:00.000Z');
INSERT INTO members (id, name, email, phone, enrolled_at) VALUES (2, 'Jonas Weber', 'jonas.weber2@example.org', NULL, '2024-05-17T12:30:00.000Z');
INSERT INTO members (id, name, email, phone, enrolled_at) VALUES (3, 'Ayşe Yılmaz', NULL, '+49 151 7654321', '2025-01-09T16:45:00.000Z');
INSERT INTO cards (number, member_id, state, issued_at) VALUES ('2000000000015', 1, 'active', '2024-03-01T08:00:00.000Z');
INSERT INTO cards (number, member_id, state, issued_at) VALUES ('2000000000022', 2, 'active', '2024-05-17T12:30:00.000Z');
INSERT INTO cards (number, member_id, state, issued_at) VALUES ('2000000000039', 3, 'active', '2025-01-09T16:45:00.000Z');
INSERT INTO cards (number, member_id, state, issued_at) VALUES ('2000900000030', 3, 'blocked', '2024-06-01T09:00:00.000Z');
INSERT INTO products (id, ean, name, price_minor, currency, category, earns_points, discountable) VALUES (1, '4006381000000', 'Vollkornbrot', 349, 'EUR', 'Bakery', 1, 1);
INSERT INTO products (id, ean, name, price_minor, currency, category, earns_points, discountable) VALUES (2, '4006381000024', 'Butter', 229, 'EUR', 'Dairy', 1, 1);
INSERT INTO products (id, ean, name, price_minor, currency, category, earns_points, discountable) VALUES (3, '4006381000031', 'Kaffee Crema', 1299, 'EUR', 'Coffee & tea', 1, 1);
INSERT INTO products (id, ean, name, price_minor, currency, category, earns_points, discountable) VALUES (4, '41000090', 'Pfand Flasche', 25, 'EUR', 'Deposit', 0, 0);
INSERT INTO products (id, ean, name, price_minor, currency, category, earns_points, discountable) VALUES (5, '41000199', 'Zigaretten', 890, 'EUR', 'Tobacco', 0, 0);
INSERT INTO ledger_entries (id, member_id, sale_id, kind, points, reason, created_at) VALUES (1, 1, NULL, 'opening', 120, 'demo.opening_balance', '2025-06-01T07:00:00.000Z');
INSERT INTO ledger_entries (id, member_id, sale_id, kind, points, reason, created_at) VALUES (2, 2, NULL, 'opening', 0, 'demo.opening_balance', '2025-06-01T07:00:00.000Z');
INSERT INTO ledger_entries (id, member_id, sale_id, kind, points, reason, created_at) VALUES (3, 3, NULL, 'opening', 2500, 'demo.opening_balance', '2025-06-01T07:00:00.000Z');
INSERT INTO sales (id, uuid, till_id, member_id, card_number, currency, total_minor, points_earned, state, completed_at) VALUES (1, '9b1d3c4e-2f6a-4b8c-9d0e-1f2a3b4c5d6e', '3f2b8c1e-7a4d-4e9b-8c2a-5d6e7f809a1b', 1, '2000000000015', 'EUR', 2022, 19, 'completed', '2025-06-02T10:15:00.000Z');
INSERT INTO sale_lines (sale_id, line_no, product_id, ean, name, quantity, unit_price_minor, line_total_minor, earns_points) VALUES (1, 1, 1, '4006381000000', 'Vollkornbrot', 2, 349, 698, 1);
INSERT INTO sale_lines (sale_id, line_no, product_id, ean, name, quantity, unit_price_minor, line_total_minor, earns_points) VALUES (1, 2, 3, '4006381000031', 'Kaffee Crema', 1, 1299, 1299, 1);
INSERT INTO sale_lines (sale_id, line_no, product_id, ean, name, quantity, unit_price_minor, line_total_minor, earns_points) VALUES (1, 3, 4, '41000090', 'Pfand Flasche', 1, 25, 25, 0);
INSERT INTO ledger_entries (id, member_id, sale_id, kind, points, reason, created_at) VALUES (4, 1, 1, 'earn', 19, 'earn.per_amount', '2025-06-02T10:15:00.000Z');
INSERT INTO outbox_events (id, uuid, till_id, sequence, type, payload, sale_id, created_at, state) VALUES (1, 'c7e8f9a0-1b2c-4d3e-8f4a-5b6c7d8e9f00', '3f2b8c1e-7a4d-4e9b-8c2a-5d6e7f809a1b', 1, 'sale.completed', '{"card_number":"2000000000015","completed_at":"2025-06-02T10:15:00.000Z","currency":"EUR","effects":[{"points":19,"rule":"earn.per_amount"}],"lines":[{"earns_points":true,"ean":"4006381000000","line_total_minor":698,"quantity":2,"unit_price_minor":349},{"earns_points":true,"ean":"4006381000031","line_total_minor":1299,"quantity":1,"unit_price_minor":1299},{"earns_points":false,"ean":"41000090","line_total_minor":25,"quantity":1,"unit_price_minor":25}],"member_id":1,"sale_uuid":"9b1d3c4e-2f6a-4b8c-9d0e-1f2a3b4c5d6e","till_id":"3f2b8c1e-7a4d-4e9b-8c2a-5d6e7f809a1b","total_minor":2022}', 1, '2025-06-02T10:15:00.000Z', 'pending');
INSERT INTO till_counters (name, value) VALUES ('outbox.sequence', 1);
PRAGMA user_version = 1;
