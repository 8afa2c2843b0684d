#include "TestPostgres.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

// The PostgreSQL fixture works: each call gives a new, empty, writable database on the test server.
class TestPostgresFixture final : public QObject
{
    Q_OBJECT

private slots:
    void createsFreshWritableDatabases()
    {
        QString first;
        LOYALTY_CREATE_TEST_POSTGRES_DATABASE(first);
        QString second;
        LOYALTY_CREATE_TEST_POSTGRES_DATABASE(second);
        QVERIFY2(first != second, qPrintable(first));
        QVERIFY2(first.startsWith(QLatin1String("postgresql://")), qPrintable(first));
        QCOMPARE(QUrl(first).host(), QStringLiteral("127.0.0.1"));

        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("fixture-check"));
            TestPostgres::applyUrl(db, QUrl(first));
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            {
                QSqlQuery query(db);
                QVERIFY2(query.exec(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")),
                         qPrintable(query.lastError().text()));
                QVERIFY(query.next());
                QCOMPARE(query.value(0).toInt(), 0);
                QVERIFY2(query.exec(QStringLiteral("CREATE TABLE t (id bigint PRIMARY KEY, note text NOT NULL)")),
                         qPrintable(query.lastError().text()));
                QVERIFY(query.prepare(QStringLiteral("INSERT INTO t (id, note) VALUES (?, ?)")));
                query.addBindValue(1);
                query.addBindValue(QStringLiteral("Grüße"));
                QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
                QVERIFY(query.exec(QStringLiteral("SELECT note FROM t WHERE id = 1")));
                QVERIFY(query.next());
                QCOMPARE(query.value(0).toString(), QStringLiteral("Grüße"));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("fixture-check"));
    }
};

QTEST_GUILESS_MAIN(TestPostgresFixture)
#include "TestPostgresFixture.moc"
