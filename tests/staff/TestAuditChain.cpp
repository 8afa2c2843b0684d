// The audit chain: entries link by hash, and every kind of tampering an attacker with the file can
// do (edit, delete in the middle or at the end, insert, reorder, remove the head) is caught, each
// on a fresh copy of the same log. The attacker drops the append-only triggers first, as anyone
// with the file can; the tampering is plain SQL on a connection of its own.
#include "audit/AuditHash.h"
#include "audit/AuditLog.h"
#include "audit/AuditVerifier.h"
#include "audit/MemberPseudonym.h"
#include "ctl/RawDatabase.h"
#include "staff/StaffSession.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "time/FixedClock.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;

namespace {

constexpr int kEntries = 5;

using Problem = AuditVerification::Problem;

}  // namespace

class TestAuditChain final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void intactChainVerifies();
    void entriesLinkAndKeepCanonicalJson();
    void listPagesNewestFirstAndByMember();
    void pseudonymIsStableKeyedAndShort();
    void tamperingIsDetected_data();
    void tamperingIsDetected();
    void appendAfterDeletingTheNewestStillShowsTheGap();
    void emptyLogVerifies();

private:
    QString copyOfLog(const QString& name) const;
    AuditVerification verify(const QString& path) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    QString m_path;
    QStringList m_memberRefs;
};

void TestAuditChain::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 30), QTime(9, 0), Qt::UTC));
    m_path = m_dir->filePath(QStringLiteral("till.db"));
    auto opened = Database::open(m_path, *m_clock);
    QVERIFY(opened.ok());
    std::unique_ptr<Database> database = std::move(opened).value();
    const QSqlDatabase db = database->connection();
    const StaffSession manager{7, QStringLiteral("Mara Manager"), StaffRole::Manager, 3};
    MemberPseudonym pseudonym(db);
    m_memberRefs.clear();
    for (int i = 1; i <= kEntries; ++i) {
        Transaction transaction(db);
        QVERIFY(transaction.begin().ok());
        const auto ref = pseudonym.of(QStringLiteral("0000000%1-aaaa-4bbb-8ccc-dddddddddddd").arg(i % 2));
        QVERIFY(ref.ok());
        m_memberRefs << *ref;
        const auto appended = AuditLog(db).append(
            manager, AuditLog::kPointsAdjusted, *ref, QStringLiteral("receipt %1 not scanned").arg(i),
            QJsonObject{{QStringLiteral("points"), 100 * i}, {QStringLiteral("account"), QStringLiteral("points")}},
            QJsonObject{{QStringLiteral("points"), 100 * i + 50},
                        {QStringLiteral("account"), QStringLiteral("points")}},
            m_clock->nowIso());
        QVERIFY2(appended.ok(), qPrintable(appended.ok() ? QString() : appended.error().message));
        QCOMPARE(appended->seq, qint64(i));
        QVERIFY(transaction.commit().ok());
        m_clock->advanceSeconds(60);
    }
}

void TestAuditChain::cleanup()
{
    m_dir.reset();
}

QString TestAuditChain::copyOfLog(const QString& name) const
{
    // The Database above was closed, so the file holds everything (no WAL left beside it).
    const QString copy = m_dir->filePath(name + QStringLiteral(".db"));
    if (!QFile::copy(m_path, copy))
        return {};
    return copy;
}

AuditVerification TestAuditChain::verify(const QString& path) const
{
    auto opened = Database::open(path, *m_clock, Database::OpenMode::MustExist);
    if (!opened.ok()) {
        qWarning("cannot open %s: %s", qPrintable(path), qPrintable(opened.error().message));
        return {0, Problem::HeadMissing, -1, QStringLiteral("not opened")};
    }
    const auto verified = AuditVerifier((*opened)->connection()).run();
    if (!verified.ok()) {
        qWarning("verify failed: %s", qPrintable(verified.error().message));
        return {0, Problem::HeadMissing, -1, QStringLiteral("not read")};
    }
    return *verified;
}

void TestAuditChain::intactChainVerifies()
{
    const AuditVerification found = verify(m_path);
    QVERIFY2(found.ok(), qPrintable(found.message));
    QCOMPARE(found.entries, qint64(kEntries));
    QCOMPARE(found.firstBadSeq, qint64(0));
    QCOMPARE(found.problemKey(), QStringLiteral("ok"));
}

void TestAuditChain::entriesLinkAndKeepCanonicalJson()
{
    auto opened = Database::open(m_path, *m_clock, Database::OpenMode::MustExist);
    QVERIFY(opened.ok());
    const auto entries = AuditLog((*opened)->connection()).list(kEntries);
    QVERIFY(entries.ok());
    QCOMPARE(entries->size(), kEntries);
    // Newest first: each entry's prev_hash is the hash of the one listed after it.
    for (int i = 0; i + 1 < entries->size(); ++i)
        QCOMPARE(entries->at(i).prevHash, entries->at(i + 1).hash);
    QCOMPARE(entries->last().prevHash, QString(64, u'0'));
    const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    for (const AuditEntry& entry : *entries)
        QVERIFY(hex.match(entry.hash).hasMatch());
    QCOMPARE(entries->first().staffName, QStringLiteral("Mara Manager"));
    QCOMPARE(entries->first().before.value(QStringLiteral("points")).toInt(), 500);

    // Stored text is compact with sorted keys, whatever order the caller built the object in.
    const RawDatabase raw(m_path);
    QCOMPARE(raw.value(QStringLiteral("SELECT before FROM audit_log WHERE seq = 1")).toString(),
             QStringLiteral("{\"account\":\"points\",\"points\":100}"));
    QCOMPARE(QString::fromUtf8(AuditHash::canonicalJson(
                 QJsonObject{{QStringLiteral("z"), QJsonObject{{QStringLiteral("b"), 1}, {QStringLiteral("a"), true}}},
                             {QStringLiteral("a"), QStringLiteral("x\"y")}})),
             QStringLiteral("{\"a\":\"x\\\"y\",\"z\":{\"a\":true,\"b\":1}}"));
    // The head is where AuditLog left it.
    QCOMPARE(raw.value(QStringLiteral("SELECT value FROM till_counters WHERE name = 'audit.head_seq'")).toLongLong(),
             qint64(kEntries));
    QCOMPARE(raw.value(QStringLiteral("SELECT value FROM settings WHERE key = 'audit.head_hash'")).toString(),
             entries->first().hash);
    // toJson carries what head office needs to hold its own copy of the chain.
    const QJsonObject json = entries->first().toJson();
    for (const char* key : {"seq", "recorded_at", "staff_id", "staff_name", "action", "member_ref", "reason", "before",
                            "after", "prev_hash", "hash"})
        QVERIFY2(json.contains(QLatin1String(key)), key);
    QCOMPARE(json.value(QStringLiteral("staff_id")).toInteger(), qint64(7));
}

void TestAuditChain::listPagesNewestFirstAndByMember()
{
    auto opened = Database::open(m_path, *m_clock, Database::OpenMode::MustExist);
    QVERIFY(opened.ok());
    const AuditLog log((*opened)->connection());
    const auto page = log.list(2, 4);
    QVERIFY(page.ok());
    QCOMPARE(page->size(), 2);
    QCOMPARE(page->at(0).seq, qint64(3));
    QCOMPARE(page->at(1).seq, qint64(2));
    // Entries 1, 3 and 5 are the same member (uuid ...1), 2 and 4 another.
    const auto member = log.list(10, 0, m_memberRefs.at(0));
    QVERIFY(member.ok());
    QCOMPARE(member->size(), 3);
    QCOMPARE(member->at(0).seq, qint64(5));
    QCOMPARE(member->at(2).seq, qint64(1));
    const auto none = log.list(10, 0, QStringLiteral("0123456789abcdef"));
    QVERIFY(none.ok());
    QVERIFY(none->isEmpty());
}

void TestAuditChain::pseudonymIsStableKeyedAndShort()
{
    QCOMPARE(m_memberRefs.at(0), m_memberRefs.at(2));
    QVERIFY(m_memberRefs.at(0) != m_memberRefs.at(1));
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{16}$")).match(m_memberRefs.at(0)).hasMatch());
    // The key is this till's: another till (another database) names the same member differently.
    const QString other = m_dir->filePath(QStringLiteral("other.db"));
    auto opened = Database::open(other, *m_clock);
    QVERIFY(opened.ok());
    const auto there =
        MemberPseudonym((*opened)->connection()).of(QStringLiteral("00000001-aaaa-4bbb-8ccc-dddddddddddd"));
    QVERIFY(there.ok());
    QVERIFY(*there != m_memberRefs.at(0));
    const RawDatabase raw(m_path);
    QCOMPARE(raw.value(QStringLiteral("SELECT length(value) FROM settings WHERE key = 'audit.pseudonym_key'")).toInt(),
             64);
}

void TestAuditChain::tamperingIsDetected_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<int>("problem");
    QTest::addColumn<qint64>("firstBadSeq");

    QTest::newRow("edit reason") << QStringList{QStringLiteral(
                                        "UPDATE audit_log SET reason = 'birthday bonus' WHERE seq = 3")}
                                 << int(Problem::Edited) << qint64(3);
    QTest::newRow("edit before amount")
        << QStringList{QStringLiteral(
               "UPDATE audit_log SET after = '{\"account\":\"points\",\"points\":9999}' WHERE seq = 2")}
        << int(Problem::Edited) << qint64(2);
    QTest::newRow("edit who") << QStringList{QStringLiteral(
                                     "UPDATE audit_log SET staff_name = 'Someone Else', staff_id = 8 WHERE seq = 4")}
                              << int(Problem::Edited) << qint64(4);
    QTest::newRow("edit time") << QStringList{QStringLiteral(
                                      "UPDATE audit_log SET recorded_at = '2026-11-29T09:00:00.000Z' WHERE seq = 1")}
                               << int(Problem::Edited) << qint64(1);
    QTest::newRow("delete middle") << QStringList{QStringLiteral("DELETE FROM audit_log WHERE seq = 3")}
                                   << int(Problem::Missing) << qint64(3);
    QTest::newRow("delete first") << QStringList{QStringLiteral("DELETE FROM audit_log WHERE seq = 1")}
                                  << int(Problem::Missing) << qint64(1);
    QTest::newRow("delete newest") << QStringList{QStringLiteral("DELETE FROM audit_log WHERE seq = 5")}
                                   << int(Problem::HeadMismatch) << qint64(5);
    QTest::newRow("delete newest two") << QStringList{QStringLiteral("DELETE FROM audit_log WHERE seq >= 4")}
                                       << int(Problem::HeadMismatch) << qint64(4);
    QTest::newRow("delete newest and move head seq")
        << QStringList{QStringLiteral("DELETE FROM audit_log WHERE seq = 5"),
                       QStringLiteral("UPDATE till_counters SET value = 4 WHERE name = 'audit.head_seq'")}
        << int(Problem::HeadMismatch) << qint64(4);
    // Delete in the middle and close the gap by renumbering: the renumbered entries' hashes break.
    QTest::newRow("delete middle and renumber")
        << QStringList{QStringLiteral("DELETE FROM audit_log WHERE seq = 3"),
                       QStringLiteral("UPDATE audit_log SET seq = -seq WHERE seq > 3"),
                       QStringLiteral("UPDATE audit_log SET seq = -seq - 1 WHERE seq < 0")}
        << int(Problem::Edited) << qint64(3);
    // Reorder: entries 2 and 3 trade places.
    QTest::newRow("swap two entries") << QStringList{QStringLiteral("UPDATE audit_log SET seq = -2 WHERE seq = 2"),
                                                     QStringLiteral("UPDATE audit_log SET seq = 2 WHERE seq = 3"),
                                                     QStringLiteral("UPDATE audit_log SET seq = 3 WHERE seq = -2")}
                                      << int(Problem::Edited) << qint64(2);
    // A forged entry past the end, hash and link computed correctly (the method is public): only
    // the recorded head betrays it.
    QTest::newRow("insert forged newest")
        << QStringList{QStringLiteral("FORGE 6")} << int(Problem::HeadMismatch) << qint64(6);
    // A forged entry in the middle with a correct hash and link: the entries after it were renumbered.
    QTest::newRow("insert forged in the middle")
        << QStringList{QStringLiteral("UPDATE audit_log SET seq = -seq WHERE seq >= 3"),
                       QStringLiteral("UPDATE audit_log SET seq = -seq + 1 WHERE seq < 0"), QStringLiteral("FORGE 3")}
        << int(Problem::Edited) << qint64(4);
    QTest::newRow("insert with a made-up hash")
        << QStringList{QStringLiteral("INSERT INTO audit_log (seq, recorded_at, staff_name, action, reason, prev_hash,"
                                      " hash) VALUES (6, '2026-11-30T10:00:00.000Z', 'X', 'points.adjusted', 'r',"
                                      " (SELECT hash FROM audit_log WHERE seq = 5), '%1')")
                           .arg(QString(64, u'a'))}
        << int(Problem::Edited) << qint64(6);
    QTest::newRow("remove the head")
        << QStringList{QStringLiteral("DELETE FROM till_counters WHERE name = 'audit.head_seq'"),
                       QStringLiteral("DELETE FROM settings WHERE key = 'audit.head_hash'")}
        << int(Problem::HeadMissing) << qint64(1);
}

void TestAuditChain::tamperingIsDetected()
{
    QFETCH(QStringList, statements);
    QFETCH(int, problem);
    QFETCH(qint64, firstBadSeq);
    const QString copy = copyOfLog(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
    QVERIFY(!copy.isEmpty());
    QVERIFY(verify(copy).ok());
    {
        const RawDatabase raw(copy);
        QVERIFY(raw.isOpen());
        // The triggers stop an honest mistake, not an attacker with the file.
        QVERIFY(!raw.exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 5")));
        QVERIFY(raw.exec(QStringLiteral("DROP TRIGGER audit_log_no_update")));
        QVERIFY(raw.exec(QStringLiteral("DROP TRIGGER audit_log_no_delete")));
        for (const QString& statement : statements) {
            if (statement.startsWith(QLatin1String("FORGE "))) {
                // A well-formed entry at this seq, linked to the entry before it.
                AuditEntry forged;
                forged.seq = statement.mid(6).toLongLong();
                forged.recordedAt = QStringLiteral("2026-11-30T09:02:30.000Z");
                forged.staffId = 7;
                forged.staffName = QStringLiteral("Mara Manager");
                forged.action = AuditLog::kPointsAdjusted;
                forged.reason = QStringLiteral("goodwill");
                forged.prevHash =
                    raw.value(QStringLiteral("SELECT hash FROM audit_log WHERE seq = %1").arg(forged.seq - 1))
                        .toString();
                QVERIFY(!forged.prevHash.isEmpty());
                forged.hash = AuditHash::of(forged, "{}", "{}");
                QVERIFY(raw.exec(QStringLiteral("INSERT INTO audit_log (seq, recorded_at, staff_id, staff_name, action,"
                                                " reason, before, after, prev_hash, hash) VALUES (%1, '%2', 7,"
                                                " 'Mara Manager', 'points.adjusted', 'goodwill', '{}', '{}', '%3',"
                                                " '%4')")
                                     .arg(forged.seq)
                                     .arg(forged.recordedAt, forged.prevHash, forged.hash)));
                continue;
            }
            QVERIFY2(raw.exec(statement), qPrintable(statement));
        }
    }
    const AuditVerification found = verify(copy);
    QVERIFY2(!found.ok(), "tampering went unnoticed");
    QCOMPARE(int(found.problem), problem);
    QCOMPARE(found.firstBadSeq, firstBadSeq);
    QVERIFY(!found.message.isEmpty());
}

void TestAuditChain::appendAfterDeletingTheNewestStillShowsTheGap()
{
    {
        const RawDatabase raw(m_path);
        QVERIFY(raw.exec(QStringLiteral("DROP TRIGGER audit_log_no_delete")));
        QVERIFY(raw.exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 5")));
    }
    auto opened = Database::open(m_path, *m_clock, Database::OpenMode::MustExist);
    QVERIFY(opened.ok());
    const QSqlDatabase db = (*opened)->connection();
    Transaction transaction(db);
    QVERIFY(transaction.begin().ok());
    const auto appended =
        AuditLog(db).append(StaffSession{7, QStringLiteral("Mara Manager"), StaffRole::Manager, 3},
                            AuditLog::kCardUnblocked, QString(), QStringLiteral("found"), {}, {}, m_clock->nowIso());
    QVERIFY(appended.ok());
    QCOMPARE(appended->seq, qint64(6));  // from the head, not from what is left in the table
    QVERIFY(transaction.commit().ok());
    const auto found = AuditVerifier(db).run();
    QVERIFY(found.ok());
    QCOMPARE(found->problem, Problem::Missing);
    QCOMPARE(found->firstBadSeq, qint64(5));
}

void TestAuditChain::emptyLogVerifies()
{
    const QString path = m_dir->filePath(QStringLiteral("empty.db"));
    {
        auto opened = Database::open(path, *m_clock);
        QVERIFY(opened.ok());
    }
    const AuditVerification found = verify(path);
    QVERIFY(found.ok());
    QCOMPARE(found.entries, qint64(0));
}

QTEST_GUILESS_MAIN(TestAuditChain)
#include "TestAuditChain.moc"
