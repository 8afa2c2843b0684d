#include "ScenarioWorld.h"
#include "demo/DemoDataGenerator.h"

#include <QDateTime>
#include <QTest>

using loyalty::DemoDataGenerator;

// A till whose clock is hours off still syncs (it learns head office's time from clock_skew and signs
// with it), and its events keep the till's own time, which is what the receipt said.
class TestClockSkew final : public QObject
{
    Q_OBJECT

private:
    static QDateTime parseTime(const QVariant& value)
    {
        if (value.metaType().id() == QMetaType::QDateTime)
            return value.toDateTime().toUTC();
        QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
        if (!time.isValid())
            time = QDateTime::fromString(value.toString(), Qt::ISODate);
        return time.toUTC();
    }

private slots:
    void initTestCase() { qInfo("head office backend: %s", qPrintable(HqDatabase::backendName())); }

    void tillHoursOff_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::newRow("three hours ahead") << qint64(3 * 3600);
        QTest::newRow("three hours behind") << qint64(-3 * 3600);
    }

    void tillHoursOff()
    {
        QFETCH(qint64, offset);
        constexpr int kMembers = 20;
        ScenarioWorld world;
        QVERIFY2(world.setUp(kMembers), qPrintable(world.error()));
        TillFixture* skewed = world.addTill(QStringLiteral("Till Skewed"));
        QVERIFY2(skewed, qPrintable(world.error()));
        TillFixture* right = world.addTill(QStringLiteral("Till Right"));
        QVERIFY2(right, qPrintable(world.error()));
        skewed->setClockOffset(offset);

        QStringList uuids;
        for (int sale = 0; sale < 5; ++sale) {
            const auto completed =
                skewed->sale(ScenarioWorld::card(1 + sale), {DemoDataGenerator::productEanFor(1) + u":4"});
            QVERIFY2(completed, qPrintable(skewed->error()));
        }
        QVERIFY2(right->sale(ScenarioWorld::card(1), {DemoDataGenerator::productEanFor(2) + u":4"}),
                 qPrintable(right->error()));
        const auto synced = skewed->syncOk();
        QVERIFY2(synced, qPrintable(skewed->error()));
        QCOMPARE(synced->value(QLatin1String("accepted")).toInteger(-1), 5);
        QVERIFY2(right->syncOk(), qPrintable(right->error()));
        // It learnt the offset and keeps it: the next round goes straight through.
        QVERIFY2(skewed->sale(ScenarioWorld::card(6), {DemoDataGenerator::productEanFor(3)}),
                 qPrintable(skewed->error()));
        QVERIFY2(skewed->syncOk(), qPrintable(skewed->error()));

        // created_at is the till's (wrong) time; received_at head office's.
        for (const QString& uuid : skewed->outboxUuids()) {
            const auto created =
                world.hqDatabase().scalar(QStringLiteral("SELECT created_at FROM events WHERE id = ?"), {uuid});
            const auto received =
                world.hqDatabase().scalar(QStringLiteral("SELECT received_at FROM events WHERE id = ?"), {uuid});
            QVERIFY2(created && received, qPrintable(world.hqDatabase().error()));
            const QDateTime createdAt = parseTime(*created);
            const QDateTime receivedAt = parseTime(*received);
            QVERIFY2(createdAt.isValid() && receivedAt.isValid(),
                     qPrintable(created->toString() + u' ' + received->toString()));
            const qint64 apart = receivedAt.secsTo(createdAt);
            QVERIFY2(qAbs(apart - offset) < 600, qPrintable(QStringLiteral("event %1: created %2, received %3")
                                                                .arg(uuid, created->toString(), received->toString())));
        }
        const QString problems = world.invariants();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

QTEST_GUILESS_MAIN(TestClockSkew)
#include "TestClockSkew.moc"
