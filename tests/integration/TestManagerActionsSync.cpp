#include "ScenarioWorld.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

// A store manager's corrections and privacy requests at one till reach head office and the other
// till: an adjustment's points, a consent withdrawn, a merge's cards and balances, an unblocked card, an erasure that
// blanks the member at head office (its stored copies too) and at the other till. Both tills run
// the real loyalty-ctl; the actions go through the till's own core (manager_action).
class TestManagerActionsSync final : public QObject
{
    Q_OBJECT

private:
    static constexpr int kMembers = 20;

    static ProcessRun act(TillFixture* till, const QStringList& arguments)
    {
        return ProcessRun::run(QStringLiteral(MANAGER_ACTION_PATH), QStringList{till->databasePath()} + arguments);
    }

    // Rows of a read-only query on a till's database, "|"-joined columns.
    static QStringList tillRows(TillFixture* till, const QString& sql)
    {
        QStringList rows;
        const QString name = QStringLiteral("till-view-%1").arg(quintptr(till));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(till->databasePath());
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (!db.open())
                return {QStringLiteral("cannot open: ") + db.lastError().text()};
            QSqlQuery query(db);
            if (!query.exec(sql))
                rows << QStringLiteral("query failed: ") + query.lastError().text();
            while (query.next()) {
                QStringList columns;
                for (int i = 0; i < query.record().count(); ++i)
                    columns << (query.value(i).isNull() ? QStringLiteral("NULL") : query.value(i).toString());
                rows << columns.join(u'|');
            }
            query.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return rows;
    }

    static bool syncAll(const QList<TillFixture*>& tills, QString* problem)
    {
        // Twice round: the first delivers, the second pulls what the others delivered.
        for (int round = 0; round < 2; ++round) {
            for (TillFixture* till : tills) {
                if (!till->syncOk()) {
                    *problem = till->error();
                    return false;
                }
            }
        }
        return true;
    }

private slots:
    void initTestCase() { qInfo("head office backend: %s", qPrintable(HqDatabase::backendName())); }

    void adjustmentAndUnblockAtOneTillShowAtTheOther()
    {
        ScenarioWorld world;
        QVERIFY2(world.setUp(kMembers), qPrintable(world.error()));
        TillFixture* north = world.addTill(QStringLiteral("Till North"));
        QVERIFY2(north, qPrintable(world.error()));
        TillFixture* south = world.addTill(QStringLiteral("Till South"));
        QVERIFY2(south, qPrintable(world.error()));
        const QString card = ScenarioWorld::card(5);
        const auto before = south->balance(card);
        QVERIFY2(before, qPrintable(south->error()));
        const qint64 opening = before->value(QLatin1String("balance")).toInteger(-1);

        const ProcessRun adjusted = act(north, {QStringLiteral("adjust"), card, QStringLiteral("500"),
                                                QStringLiteral("points missing from Saturday")});
        QVERIFY2(adjusted.succeeded(), qPrintable(adjusted.describe()));
        QCOMPARE(adjusted.json().value(QLatin1String("after")).toInteger(), opening + 500);
        // A card blocked at the south till, unblocked by the manager at the north one.
        const ProcessRun consent = act(north, {QStringLiteral("consent"), card, QStringLiteral("newsletter"),
                                               QStringLiteral("0"), QStringLiteral("2026-1")});
        QVERIFY2(consent.succeeded(), qPrintable(consent.describe()));
        const ProcessRun blocked =
            act(south, {QStringLiteral("block"), ScenarioWorld::card(6), QStringLiteral("lost")});
        QVERIFY2(blocked.succeeded(), qPrintable(blocked.describe()));
        QString problem;
        QVERIFY2(syncAll({north, south}, &problem), qPrintable(problem));

        QCOMPARE(south->balance(card)->value(QLatin1String("balance")).toInteger(), opening + 500);
        QCOMPARE(world.hqJson({QStringLiteral("balance"), card}).value(QLatin1String("balance")).toInteger(),
                 opening + 500);
        const auto entries = world.hqDatabase().scalar(
            QStringLiteral("SELECT count(*) FROM audit_entries WHERE action = 'points.adjusted'"));
        QVERIFY2(entries, qPrintable(world.hqDatabase().error()));
        QCOMPARE(entries->toLongLong(), 1);
        const auto consents = world.hqDatabase().scalar(
            QStringLiteral("SELECT count(*) FROM consents WHERE member_uuid = ? AND purpose = 'newsletter'"
                           " AND given = 0 AND text_version = '2026-1'"),
            {before->value(QLatin1String("member_uuid")).toString()});
        QVERIFY2(consents, qPrintable(world.hqDatabase().error()));
        QCOMPARE(consents->toLongLong(), 1);
        QCOMPARE(
            tillRows(north, QStringLiteral("SELECT state FROM cards WHERE number = '%1'").arg(ScenarioWorld::card(6))),
            QStringList{QStringLiteral("blocked")});
        const ProcessRun unblocked =
            act(north, {QStringLiteral("unblock"), ScenarioWorld::card(6), QStringLiteral("found again")});
        QVERIFY2(unblocked.succeeded(), qPrintable(unblocked.describe()));
        QVERIFY2(syncAll({north, south}, &problem), qPrintable(problem));
        for (TillFixture* till : {north, south}) {
            QCOMPARE(
                tillRows(till,
                         QStringLiteral("SELECT state FROM cards WHERE number = '%1'").arg(ScenarioWorld::card(6))),
                QStringList{QStringLiteral("active")});
        }
        const QString problems = world.invariants();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    void mergeAtOneTillMovesTheCardsAtTheOther()
    {
        ScenarioWorld world;
        QVERIFY2(world.setUp(kMembers), qPrintable(world.error()));
        TillFixture* north = world.addTill(QStringLiteral("Till North"));
        QVERIFY2(north, qPrintable(world.error()));
        TillFixture* south = world.addTill(QStringLiteral("Till South"));
        QVERIFY2(south, qPrintable(world.error()));
        const QString source = ScenarioWorld::card(7);
        const QString target = ScenarioWorld::card(8);
        const qint64 sourcePoints = south->balance(source)->value(QLatin1String("balance")).toInteger(-1);
        const qint64 targetPoints = south->balance(target)->value(QLatin1String("balance")).toInteger(-1);
        const QString sourceUuid = south->balance(source)->value(QLatin1String("member_uuid")).toString();
        const QString targetUuid = south->balance(target)->value(QLatin1String("member_uuid")).toString();
        QVERIFY(sourcePoints >= 0 && targetPoints >= 0 && !sourceUuid.isEmpty() && !targetUuid.isEmpty());

        const ProcessRun merged = act(north, {QStringLiteral("merge"), source, target, QStringLiteral("same person")});
        QVERIFY2(merged.succeeded(), qPrintable(merged.describe()));
        QString problem;
        QVERIFY2(syncAll({north, south}, &problem), qPrintable(problem));

        // At the south till the source's card is the target's, the balances moved, the source points to the target.
        const auto moved = south->balance(source);
        QVERIFY2(moved, qPrintable(south->error()));
        QCOMPARE(moved->value(QLatin1String("member_uuid")).toString(), targetUuid);
        QCOMPARE(south->balance(target)->value(QLatin1String("balance")).toInteger(), sourcePoints + targetPoints);
        QCOMPARE(tillRows(south, QStringLiteral("SELECT t.uuid FROM members s JOIN members t ON t.id = s.merged_into"
                                                " WHERE s.uuid = '%1'")
                                     .arg(sourceUuid)),
                 QStringList{targetUuid});
        const auto atHq = world.hqDatabase().scalar(
            QStringLiteral("SELECT count(*) FROM cards WHERE number = ? AND member_uuid = ?"), {source, targetUuid});
        QVERIFY2(atHq, qPrintable(world.hqDatabase().error()));
        QCOMPARE(atHq->toLongLong(), 1);
        const QString problems = world.invariants();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    void erasureAtOneTillBlanksTheMemberEverywhere()
    {
        ScenarioWorld world;
        QVERIFY2(world.setUp(kMembers), qPrintable(world.error()));
        TillFixture* north = world.addTill(QStringLiteral("Till North"));
        QVERIFY2(north, qPrintable(world.error()));
        TillFixture* south = world.addTill(QStringLiteral("Till South"));
        QVERIFY2(south, qPrintable(world.error()));
        const QString card = ScenarioWorld::card(9);
        const QString uuid = south->balance(card)->value(QLatin1String("member_uuid")).toString();
        QVERIFY(!uuid.isEmpty());
        const QStringList named =
            tillRows(south, QStringLiteral("SELECT name FROM members WHERE uuid = '%1'").arg(uuid));
        QVERIFY(named.size() == 1 && !named.first().isEmpty());
        const QString name = named.first();
        QCOMPARE(tillRows(south, QStringLiteral("SELECT count(*) FROM member_search WHERE member_search MATCH '\"%1\"'"
                                                " AND rowid = (SELECT id FROM members WHERE uuid = '%2')")
                                     .arg(name.section(u' ', 0, 0), uuid)),
                 QStringList{QStringLiteral("1")});

        const ProcessRun erased = act(north, {QStringLiteral("erase"), card, QStringLiteral("customer asked")});
        QVERIFY2(erased.succeeded(), qPrintable(erased.describe()));
        QString problem;
        QVERIFY2(syncAll({north, south}, &problem), qPrintable(problem));

        const QString personal =
            QStringLiteral(
                "SELECT name, email, phone, birth_date, erased_at IS NOT NULL FROM members WHERE uuid = '%1'")
                .arg(uuid);
        for (TillFixture* till : {north, south})
            QCOMPARE(tillRows(till, personal), QStringList{QStringLiteral("|NULL|NULL|NULL|1")});
        // Search (FTS5, kept by triggers) finds the member by name no more.
        const QString search = QStringLiteral("SELECT count(*) FROM member_search WHERE member_search MATCH '\"%1\"'"
                                              " AND rowid = (SELECT id FROM members WHERE uuid = '%2')")
                                   .arg(name.section(u' ', 0, 0), uuid);
        QCOMPARE(tillRows(south, search), QStringList{QStringLiteral("0")});
        QCOMPARE(tillRows(south, QStringLiteral("SELECT state FROM cards WHERE number = '%1'").arg(card)),
                 QStringList{QStringLiteral("blocked")});
        HqDatabase& hq = world.hqDatabase();
        const auto blank = hq.scalar(QStringLiteral("SELECT count(*) FROM members WHERE uuid = ? AND name = ''"
                                                    " AND email IS NULL AND phone IS NULL AND erased_at IS NOT NULL"),
                                     {uuid});
        QVERIFY2(blank, qPrintable(hq.error()));
        QCOMPARE(blank->toLongLong(), 1);
        // Head office's stored copies hold the name no more: neither events nor the pull feed.
        const QString pattern = QStringLiteral("%") + name + QStringLiteral("%");
        const auto copies = hq.scalar(QStringLiteral("SELECT (SELECT count(*) FROM events WHERE payload LIKE ?)"
                                                     " + (SELECT count(*) FROM changes WHERE data LIKE ?)"),
                                      {pattern, pattern});
        QVERIFY2(copies, qPrintable(hq.error()));
        QCOMPARE(copies->toLongLong(), 0);
        // A till provisioned afterwards (the snapshot from the feed's beginning) never gets the data.
        const ProcessRun mergedAway = act(north, {QStringLiteral("merge"), ScenarioWorld::card(10),
                                                  ScenarioWorld::card(11), QStringLiteral("same person")});
        QVERIFY2(mergedAway.succeeded(), qPrintable(mergedAway.describe()));
        QVERIFY2(syncAll({north, south}, &problem), qPrintable(problem));
        TillFixture* west = world.addEmptyTill(QStringLiteral("Till West"));
        QVERIFY2(west, qPrintable(world.error()));
        QCOMPARE(tillRows(west, personal), QStringList{QStringLiteral("|NULL|NULL|NULL|1")});
        QCOMPARE(tillRows(west, QStringLiteral("SELECT count(*) FROM members WHERE name LIKE '%1'").arg(name)),
                 QStringList{QStringLiteral("0")});
        QCOMPARE(tillRows(west, QStringLiteral("SELECT count(*) FROM members WHERE merged_into IS NOT NULL")),
                 QStringList{QStringLiteral("1")});
        QStringList cards = world.allCards();
        cards.removeAll(card);
        const QString problems = world.invariants(cards);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

QTEST_GUILESS_MAIN(TestManagerActionsSync)
#include "TestManagerActionsSync.moc"
