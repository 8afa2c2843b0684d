// The report's CSV: RFC 4180 quoting, plain decimal amounts from minor units, the sections with
// their header rows, and a file written whole.
#include "reports/ReportCsv.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace loyalty;

namespace {

// A reader for RFC 4180 records, separate from the writer: quoted fields may hold commas, doubled
// quotes and line breaks.
QList<QStringList> parse(const QString& text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            record.append(field);
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n')) {
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return records;
}

BranchFigures sample()
{
    BranchFigures f;
    f.period = ReportPeriod::days(QDate(2026, 3, 1), QDate(2026, 3, 3));
    f.currency = QStringLiteral("EUR");
    f.sales = 3;
    f.memberSales = 2;
    f.otherSales = 1;
    f.revenueMinor = 123456;
    f.memberRevenueMinor = 100000;
    f.otherRevenueMinor = 23456;
    f.memberSharePermille = 810;
    f.refundedMinor = -5;
    f.pointsIssued = 1234;
    f.liabilityMinor = 7;
    f.classA = {1, 90000, 900};
    f.topRewards = {{QStringLiteral("reward.x"), QStringLiteral("Coffee, \"large\""), 4, 1200}};
    f.series = {
        {QDate(2026, 3, 1), 100000, 0, 2, 0}, {QDate(2026, 3, 2), 0, 23456, 0, 1}, {QDate(2026, 3, 3), 0, 0, 0, 0}};
    return f;
}

QString valueOf(const QList<QStringList>& records, const QString& key)
{
    for (const QStringList& record : records) {
        if (record.size() == 3 && record[1] == key)
            return record[2];
    }
    return QStringLiteral("<missing>");
}

}  // namespace

class TestReportCsv final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fieldsAreQuotedAsRfc4180_data();
    void fieldsAreQuotedAsRfc4180();
    void decimals_data();
    void decimals();
    void reportHasItsSections();
    void fileIsWrittenWhole();
    void unwritableFileIsAnError();
};

void TestReportCsv::fieldsAreQuotedAsRfc4180_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    QTest::newRow("plain") << QStringLiteral("Sales") << QStringLiteral("Sales");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma") << QStringLiteral("1,5") << QStringLiteral("\"1,5\"");
    QTest::newRow("quote") << QStringLiteral("a \"b\"") << QStringLiteral("\"a \"\"b\"\"\"");
    QTest::newRow("line feed") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
    QTest::newRow("carriage return") << QStringLiteral("a\rb") << QStringLiteral("\"a\rb\"");
    QTest::newRow("umlaut, spaces") << QStringLiteral(" Müller ") << QStringLiteral(" Müller ");
}

void TestReportCsv::fieldsAreQuotedAsRfc4180()
{
    QFETCH(QString, text);
    QFETCH(QString, field);
    QCOMPARE(ReportCsv::field(text), field);
    const QString row = ReportCsv::row({text, QStringLiteral("x")});
    QCOMPARE(row, field + QStringLiteral(",x\r\n"));
    QCOMPARE(parse(row), (QList<QStringList>{{text, QStringLiteral("x")}}));
}

void TestReportCsv::decimals_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("text");
    QTest::newRow("euros") << qint64(123456) << QStringLiteral("EUR") << QStringLiteral("1234.56");
    QTest::newRow("cents") << qint64(5) << QStringLiteral("EUR") << QStringLiteral("0.05");
    QTest::newRow("negative") << qint64(-105) << QStringLiteral("EUR") << QStringLiteral("-1.05");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("EUR") << QStringLiteral("0.00");
    QTest::newRow("large") << qint64(900719925474099311) << QStringLiteral("EUR")
                           << QStringLiteral("9007199254740993.11");
    QTest::newRow("smallest") << std::numeric_limits<qint64>::min() << QStringLiteral("EUR")
                              << QStringLiteral("-92233720368547758.08");
}

void TestReportCsv::decimals()
{
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QString, text);
    QCOMPARE(ReportCsv::decimal(minor, currency), text);
}

void TestReportCsv::reportHasItsSections()
{
    const QByteArray csv = ReportCsv::toCsv(sample());
    QVERIFY(csv.endsWith("\r\n"));
    const QList<QStringList> records = parse(QString::fromUtf8(csv));
    QCOMPARE(records.first(), (QStringList{QStringLiteral("Figure"), QStringLiteral("Key"), QStringLiteral("Value")}));
    QCOMPARE(valueOf(records, QStringLiteral("revenue")), QStringLiteral("1234.56"));
    QCOMPARE(valueOf(records, QStringLiteral("member_revenue")), QStringLiteral("1000.00"));
    QCOMPARE(valueOf(records, QStringLiteral("other_revenue")), QStringLiteral("234.56"));
    QCOMPARE(valueOf(records, QStringLiteral("refunded")), QStringLiteral("-0.05"));
    QCOMPARE(valueOf(records, QStringLiteral("points_liability")), QStringLiteral("0.07"));
    QCOMPARE(valueOf(records, QStringLiteral("sales")), QStringLiteral("3"));
    QCOMPARE(valueOf(records, QStringLiteral("points_issued")), QStringLiteral("1234"));
    QCOMPARE(valueOf(records, QStringLiteral("member_share_permille")), QStringLiteral("810"));
    QCOMPARE(valueOf(records, QStringLiteral("currency")), QStringLiteral("EUR"));
    QCOMPARE(valueOf(records, QStringLiteral("period_from")), QStringLiteral("2026-03-01T00:00:00"));
    QCOMPARE(valueOf(records, QStringLiteral("period_to")), QStringLiteral("2026-03-04T00:00:00"));

    const qsizetype abc =
        records.indexOf(QStringList{QStringLiteral("ABC class"), QStringLiteral("Members"), QStringLiteral("Revenue"),
                                    QStringLiteral("Share of member revenue (per mille)")});
    QVERIFY(abc > 0);
    QCOMPARE(records[abc + 1],
             (QStringList{QStringLiteral("A"), QStringLiteral("1"), QStringLiteral("900.00"), QStringLiteral("900")}));
    QCOMPARE(records[abc + 3].first(), QStringLiteral("C"));

    // A name with a comma and quotes survives the round trip.
    QVERIFY(csv.contains("\"Coffee, \"\"large\"\"\",reward.x,4,1200\r\n"));
    const qsizetype day = records.indexOf(QStringList{
        QStringLiteral("Day"), QStringLiteral("Revenue with members"), QStringLiteral("Revenue without members"),
        QStringLiteral("Sales with members"), QStringLiteral("Sales without members")});
    QVERIFY(day > abc);
    QCOMPARE(records.size(), day + 4);
    QCOMPARE(records[day + 2], (QStringList{QStringLiteral("2026-03-02"), QStringLiteral("0.00"),
                                            QStringLiteral("234.56"), QStringLiteral("0"), QStringLiteral("1")}));
    QCOMPARE(ReportCsv::defaultFileName(sample().period), QStringLiteral("branch-report-2026-03-01-to-2026-03-03.csv"));
}

void TestReportCsv::fileIsWrittenWhole()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("report.csv"));
    QVERIFY(ReportCsv::write(sample(), path).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), ReportCsv::toCsv(sample()));
}

void TestReportCsv::unwritableFileIsAnError()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto written = ReportCsv::write(sample(), dir.filePath(QStringLiteral("no/such/folder/report.csv")));
    QVERIFY(!written);
    QCOMPARE(written.error().reason, QStringLiteral("csv_write"));
}

QTEST_GUILESS_MAIN(TestReportCsv)
#include "TestReportCsv.moc"
