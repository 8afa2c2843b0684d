// A payment card swiped, scanned or typed at the till leaves no trace: after the refusals (and a
// normal sale, so the database and its WAL are written to), no run of 6 or more digits of the PAN
// is in the database file, the WAL, or anything logged, and the outbox did not change.
#include "demo/DemoDataGenerator.h"
#include "sale/SaleSession.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;

namespace {

// The public test PANs swiped in this test.
const QStringList kPans{QStringLiteral("4111111111111111"), QStringLiteral("5555555555554444"),
                        QStringLiteral("378282246310005"), QStringLiteral("6011111111111117"),
                        QStringLiteral("30569309025904")};

QMutex logMutex;
QByteArray capturedLog;

void captureMessage(QtMsgType /*type*/, const QMessageLogContext& context, const QString& message)
{
    const QMutexLocker locker(&logMutex);
    capturedLog += QByteArray(context.category ? context.category : "") + ' ' + message.toUtf8() + '\n';
    capturedLog += QByteArray(context.file ? context.file : "") + ' ' +
                   QByteArray(context.function ? context.function : "") + '\n';
}

// Every way a payment card reaches the scan field.
QStringList inputsFor(const QString& pan)
{
    QString grouped;
    for (qsizetype i = 0; i < pan.size(); i += 4)
        grouped += pan.mid(i, 4) + u' ';
    return {
        QStringLiteral("%B") + pan + QStringLiteral("^DOE/JOHN^25121010000000000000?\r"),
        u';' + pan + QStringLiteral("=25121010000000000000?\r"),
        QStringLiteral("%B") + pan + QStringLiteral("^DOE/JOHN^2512101?;") + pan + QStringLiteral("=2512101?\n"),
        pan + u'\r',
        grouped.trimmed(),
        QStringLiteral("%B") + pan,                               // half read
        u';' + pan + u'=',                                        // half read
        QStringLiteral("ö") + pan + QStringLiteral("´2512101_"),  // US scanner on a German layout
    };
}

// The rows of the outbox, in order, as text.
QStringList outboxRows(const QSqlDatabase& db)
{
    QStringList rows;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT * FROM outbox_events ORDER BY 1")))
        return {QStringLiteral("query failed")};
    while (query.next()) {
        QStringList fields;
        for (int i = 0; i < query.record().count(); ++i)
            fields.append(query.value(i).toString());
        rows.append(fields.join(u'|'));
    }
    return rows;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The first run of 6 or more digits of `pan` found in `bytes` (as UTF-8 or UTF-16), or empty.
QString panRunIn(const QByteArray& bytes, const QString& pan)
{
    for (qsizetype length = pan.size(); length >= 6; --length) {
        for (qsizetype from = 0; from + length <= pan.size(); ++from) {
            const QString run = pan.mid(from, length);
            const QByteArray utf16(reinterpret_cast<const char*>(run.utf16()), run.size() * 2);
            if (bytes.contains(run.toLatin1()) || bytes.contains(utf16))
                return run;
        }
    }
    return {};
}

}  // namespace

class TestPaymentCardTrace final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void paymentCardsLeaveNoTrace_data();
    void paymentCardsLeaveNoTrace();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<TillSettings> m_settings;
};

void TestPaymentCardTrace::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY(opened.ok());
    m_database = std::move(opened).value();
    DemoDataGenerator generator(*m_database, *m_clock);
    QVERIFY(generator.generate(20).ok());
    auto settings = TillSettings::load(m_database->connection());
    QVERIFY(settings.ok());
    m_settings = std::make_unique<TillSettings>(*settings);
    for (const QString& pan : kPans) {
        const QByteArray before = readAll(m_dir->filePath(QStringLiteral("till.db"))) +
                                  readAll(m_dir->filePath(QStringLiteral("till.db-wal")));
        QVERIFY2(panRunIn(before, pan).isEmpty(), "the demo data itself holds a digit run of a test PAN");
    }
}

void TestPaymentCardTrace::cleanup()
{
    m_settings.reset();
    m_database.reset();
    m_dir.reset();
}

void TestPaymentCardTrace::paymentCardsLeaveNoTrace_data()
{
    QTest::addColumn<CardSource>("source");
    QTest::newRow("keyboard wedge") << CardSource::KeyboardWedge;
    QTest::newRow("typed") << CardSource::Typed;
    QTest::newRow("serial") << CardSource::Serial;
}

void TestPaymentCardTrace::paymentCardsLeaveNoTrace()
{
    QFETCH(CardSource, source);
    {
        const QMutexLocker locker(&logMutex);
        capturedLog.clear();
    }
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);

    const QStringList outboxBefore = outboxRows(m_database->connection());
    {
        SaleSession session(*m_database, *m_clock, *m_settings);
        for (const QString& pan : kPans) {
            for (const QString& input : inputsFor(pan)) {
                const ScanOutcome outcome = session.scan(input, 1, source);
                QCOMPARE(outcome.kind, ScanOutcome::Kind::Refused);
                QCOMPARE(outcome.error, Error::Code::Refused);
                QCOMPARE(outcome.message, QStringLiteral("This is a payment card. Please use the loyalty card."));
            }
        }
        QVERIFY(session.basket().isEmpty());
        QVERIFY(!session.member().has_value());
        QCOMPARE(outboxRows(m_database->connection()), outboxBefore);

        // A normal sale afterwards, so the database and its WAL are written to.
        QCOMPARE(session.scan(DemoDataGenerator::cardNumberFor(1), 1, source).kind, ScanOutcome::Kind::MemberAttached);
        QCOMPARE(session.scan(DemoDataGenerator::productEanFor(0), 1, source).kind, ScanOutcome::Kind::ProductAdded);
        QVERIFY(session.complete().ok());
    }
    const QStringList outboxAfter = outboxRows(m_database->connection());
    QCOMPARE(outboxAfter.size(), outboxBefore.size() + 1);  // the sale's event, nothing else

    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());

    const QByteArray database = readAll(m_dir->filePath(QStringLiteral("till.db")));
    const QByteArray wal = readAll(m_dir->filePath(QStringLiteral("till.db-wal")));
    QVERIFY(!database.isEmpty());
    QVERIFY(!wal.isEmpty());
    QByteArray log;
    {
        const QMutexLocker locker(&logMutex);
        log = capturedLog;
    }
    // Whatever else is in the folder (journal, shm) counts too.
    QByteArray others;
    const QDir folder(m_dir->path());
    for (const QString& name : folder.entryList(QDir::Files))
        others += readAll(folder.filePath(name));
    for (const QString& pan : kPans) {
        QVERIFY2(panRunIn(database, pan).isEmpty(), qPrintable(QStringLiteral("database holds part of a PAN")));
        QVERIFY2(panRunIn(wal, pan).isEmpty(), qPrintable(QStringLiteral("WAL holds part of a PAN")));
        QVERIFY2(panRunIn(log, pan).isEmpty(), qPrintable(QStringLiteral("log holds part of a PAN")));
        QVERIFY2(panRunIn(others, pan).isEmpty(), qPrintable(QStringLiteral("a database file holds part of a PAN")));
        QVERIFY2(panRunIn(outboxAfter.join(u'\n').toUtf8(), pan).isEmpty(), "outbox holds part of a PAN");
    }
}

QTEST_GUILESS_MAIN(TestPaymentCardTrace)
#include "TestPaymentCardTrace.moc"
