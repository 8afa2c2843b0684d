// The till's identity in its database: a manager renames the till, sets the head-office address and
// (before the first sale) the currency, in one audited transaction; a cashier, a blank name, an
// unknown currency, a malformed or plain-http address and a currency change after a sale are refused
// and write nothing; the pinned certificate stays.
#include "audit/AuditLog.h"
#include "ctl/RawDatabase.h"
#include "settings/TillIdentityEditor.h"
#include "staff/ManagerGuard.h"
#include "staff/StaffDirectory.h"
#include "store/Database.h"
#include "sync/SyncSettingKeys.h"
#include "time/FixedClock.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;

class TestTillIdentityEditor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void readsTheStoredIdentity();
    void managerSavesInOneAuditedTransaction();
    void nothingChangedWritesNothing();
    void cashierIsRefused();
    void invalidFieldsAreRefused();
    void currencyLockedOnceASaleExists();
    void plainHttpAddressOfADevelopmentTillMayStay();

private:
    QVariant raw(const QString& sql) const { return RawDatabase(m_database->path()).value(sql); }
    int auditEntries() const { return raw(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<TillIdentityEditor> m_editor;
    StaffSession m_manager;
};

void TestTillIdentityEditor::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC));
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY(opened.ok());
    m_database = std::move(opened).value();
    m_editor = std::make_unique<TillIdentityEditor>(*m_database, *m_clock);
    StaffDirectory staff(*m_database, *m_clock);
    const auto manager = staff.createFirstManager(QStringLiteral("Mara"), QStringLiteral("2580"));
    QVERIFY2(manager.ok(), qPrintable(manager.ok() ? QString() : manager.error().message));
    m_manager = *manager;
}

void TestTillIdentityEditor::cleanup()
{
    m_editor.reset();
    m_database.reset();
    m_dir.reset();
}

void TestTillIdentityEditor::readsTheStoredIdentity()
{
    const auto identity = m_editor->read();
    QVERIFY(identity.ok());
    QCOMPARE(identity->tillName, QStringLiteral("Till 1"));
    QCOMPARE(identity->currency, QStringLiteral("EUR"));
    QCOMPARE(identity->headOfficeUrl, QString());
    QCOMPARE(*m_editor->currencyLocked(), false);
}

void TestTillIdentityEditor::managerSavesInOneAuditedTransaction()
{
    RawDatabase(m_database->path())
        .exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('sync.pin', 'sha256/AAAA')"));
    const int auditBefore = auditEntries();
    const auto saved = m_editor->save(m_manager, {QStringLiteral("  Kasse   2 "), QStringLiteral("chf"),
                                                  QStringLiteral("https://hq.example.com:8443/")});
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
    QCOMPARE(saved->tillName, QStringLiteral("Kasse 2"));
    QCOMPARE(saved->currency, QStringLiteral("CHF"));
    QCOMPARE(saved->headOfficeUrl, QStringLiteral("https://hq.example.com:8443"));
    QCOMPARE(*m_editor->read(), *saved);
    QCOMPARE(raw(QStringLiteral("SELECT value FROM settings WHERE key = 'till.name'")).toString(),
             QStringLiteral("Kasse 2"));
    QCOMPARE(raw(QStringLiteral("SELECT value FROM settings WHERE key = 'sync.hq_url'")).toString(),
             QStringLiteral("https://hq.example.com:8443"));
    // The pinned certificate is not the address: it stays.
    QCOMPARE(raw(QStringLiteral("SELECT value FROM settings WHERE key = 'sync.pin'")).toString(),
             QStringLiteral("sha256/AAAA"));

    QCOMPARE(auditEntries(), auditBefore + 1);
    const auto entries = AuditLog(m_database->connection()).list(1);
    QVERIFY(entries.ok());
    const AuditEntry& entry = entries->first();
    QCOMPARE(entry.action, TillIdentityEditor::kIdentityChangedAction);
    QCOMPARE(entry.staffName, QStringLiteral("Mara"));
    QCOMPARE(entry.before.value(QStringLiteral("till.name")).toString(), QStringLiteral("Till 1"));
    QCOMPARE(entry.after.value(QStringLiteral("till.name")).toString(), QStringLiteral("Kasse 2"));
    QCOMPARE(entry.after.value(QStringLiteral("currency")).toString(), QStringLiteral("CHF"));
    QCOMPARE(entry.before.value(QStringLiteral("sync.hq_url")).toString(), QString());
    QCOMPARE(entry.recordedAt, m_clock->nowIso());
}

void TestTillIdentityEditor::nothingChangedWritesNothing()
{
    const int auditBefore = auditEntries();
    const auto saved = m_editor->save(m_manager, *m_editor->read());
    QVERIFY(saved.ok());
    QCOMPARE(auditEntries(), auditBefore);
}

void TestTillIdentityEditor::cashierIsRefused()
{
    StaffDirectory staff(*m_database, *m_clock);
    const auto cashier = staff.add(m_manager, QStringLiteral("Carl"), StaffRole::Cashier, QStringLiteral("7193"));
    QVERIFY(cashier.ok());
    StaffSession claim;
    claim.staffId = cashier->id;
    claim.name = cashier->name;
    claim.role = StaffRole::Manager;  // a forged claim: the database says cashier, without a shift
    claim.shiftId = m_manager.shiftId;
    const int auditBefore = auditEntries();
    const auto refused = m_editor->save(claim, {QStringLiteral("Mine"), QStringLiteral("EUR"), QString()});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().reason, ManagerGuard::kNotAManager);
    QCOMPARE(m_editor->read()->tillName, QStringLiteral("Till 1"));
    QCOMPARE(auditEntries(), auditBefore);
}

void TestTillIdentityEditor::invalidFieldsAreRefused()
{
    const int auditBefore = auditEntries();
    const TillIdentityEditor::Identity original = *m_editor->read();
    struct Case
    {
        TillIdentityEditor::Identity identity;
        QString reason;
    };
    const QString longName(TillIdentityEditor::kMaxTillNameLength + 1, u'x');
    const QList<Case> cases{
        {{QStringLiteral("   "), QStringLiteral("EUR"), QString()}, QStringLiteral("till_name_blank")},
        {{longName, QStringLiteral("EUR"), QString()}, QStringLiteral("till_name_too_long")},
        {{QStringLiteral("Kasse"), QStringLiteral("EURO"), QString()}, QStringLiteral("currency_unknown")},
        {{QStringLiteral("Kasse"), QStringLiteral("XYZ"), QString()}, QStringLiteral("currency_unknown")},
        {{QStringLiteral("Kasse"), QStringLiteral("EUR"), QStringLiteral("hq.example.com")}, QStringLiteral("bad_url")},
        {{QStringLiteral("Kasse"), QStringLiteral("EUR"), QStringLiteral("https://")}, QStringLiteral("bad_url")},
        {{QStringLiteral("Kasse"), QStringLiteral("EUR"), QStringLiteral("https://hq example")},
         QStringLiteral("bad_url")},
        {{QStringLiteral("Kasse"), QStringLiteral("EUR"), QStringLiteral("https://u:p@hq.example")},
         QStringLiteral("bad_url")},
        {{QStringLiteral("Kasse"), QStringLiteral("EUR"), QStringLiteral("ftp://hq.example")},
         QStringLiteral("bad_url")},
        {{QStringLiteral("Kasse"), QStringLiteral("EUR"), QStringLiteral("http://hq.example:8080")},
         QStringLiteral("plain_http_refused")},
        {{QStringLiteral("Kasse"), QStringLiteral("EUR"), QStringLiteral("http://127.0.0.1:8080")},
         QStringLiteral("plain_http_refused")},
    };
    for (const Case& test : cases) {
        const auto refused = m_editor->save(m_manager, test.identity);
        QVERIFY2(!refused.ok(), qPrintable(test.identity.headOfficeUrl + test.identity.currency));
        QCOMPARE(refused.error().reason, test.reason);
        QVERIFY(!refused.error().message.isEmpty());
    }
    QCOMPARE(*m_editor->read(), original);
    QCOMPARE(auditEntries(), auditBefore);
    QVERIFY(TillIdentityEditor::checkHeadOfficeUrl(QStringLiteral("https://hq.example/loyalty")).ok());
}

void TestTillIdentityEditor::currencyLockedOnceASaleExists()
{
    QVERIFY(
        RawDatabase(m_database->path())
            .exec(QStringLiteral("INSERT INTO sales (uuid, till_id, currency, total_minor, state, completed_at)"
                                 " VALUES ('s-1', 'till-1', 'EUR', 349, 'completed', '2026-12-01T08:00:00.000Z')")));
    QCOMPARE(*m_editor->currencyLocked(), true);
    const int auditBefore = auditEntries();
    const auto refused = m_editor->save(m_manager, {QStringLiteral("Kasse 3"), QStringLiteral("GBP"), QString()});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().reason, QStringLiteral("currency_locked"));
    QVERIFY(refused.error().message.contains(QStringLiteral("EUR")));
    // Nothing of the refused save is kept, not even the name.
    QCOMPARE(m_editor->read()->tillName, QStringLiteral("Till 1"));
    QCOMPARE(auditEntries(), auditBefore);
    // The name alone still changes.
    const auto renamed = m_editor->save(m_manager, {QStringLiteral("Kasse 3"), QStringLiteral("EUR"), QString()});
    QVERIFY(renamed.ok());
    QCOMPARE(m_editor->read()->tillName, QStringLiteral("Kasse 3"));
}

void TestTillIdentityEditor::plainHttpAddressOfADevelopmentTillMayStay()
{
    QVERIFY(RawDatabase(m_database->path())
                .exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('%1', 'http://127.0.0.1:8080')")
                          .arg(sync::kHqUrlKey)));
    const auto renamed = m_editor->save(
        m_manager, {QStringLiteral("Dev"), QStringLiteral("EUR"), QStringLiteral("http://127.0.0.1:8080")});
    QVERIFY2(renamed.ok(), qPrintable(renamed.ok() ? QString() : renamed.error().message));
    QCOMPARE(renamed->headOfficeUrl, QStringLiteral("http://127.0.0.1:8080"));
}

QTEST_GUILESS_MAIN(TestTillIdentityEditor)
#include "TestTillIdentityEditor.moc"
