// German and English ship complete: every string the sources pass to tr() has a finished
// translation. The sources are scanned afresh with lupdate, so a new string that nobody added to
// the .ts files fails here too.
#include "TestPaths.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

class TestTranslations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyStringIsTranslated_data();
    void everyStringIsTranslated();
    void checkerFindsAnUnfinishedString();

private:
    static QStringList unfinishedIn(const QString& tsPath);
    static QString refreshedCopy(const QString& language, const QTemporaryDir& dir);
};

QStringList TestTranslations::unfinishedIn(const QString& tsPath)
{
    QFile file(tsPath);
    if (!file.open(QIODevice::ReadOnly))
        return {QStringLiteral("cannot read ") + tsPath};
    QXmlStreamReader xml(&file);
    QStringList unfinished;
    QString context;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (type == QLatin1String("unfinished") || type == QLatin1String("vanished") || text.trimmed().isEmpty())
                unfinished << context + QStringLiteral(": ") + source;
        }
    }
    if (xml.hasError())
        unfinished << QStringLiteral("XML error: ") + xml.errorString();
    return unfinished;
}

QString TestTranslations::refreshedCopy(const QString& language, const QTemporaryDir& dir)
{
    const QString original = QStringLiteral(LOYALTY_SOURCE_DIR "/translations/loyaltytill_%1.ts").arg(language);
    const QString copy = dir.filePath(QStringLiteral("loyaltytill_%1.ts").arg(language));
    if (!QFile::copy(original, copy))
        return {};
    const QDir source(QStringLiteral(LOYALTY_SOURCE_DIR));
    QProcess lupdate;
    lupdate.start(QStringLiteral(LOYALTY_LUPDATE_PATH),
                  {QStringLiteral("-silent"), QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                   QStringLiteral("none"), QStringLiteral("-I"), source.filePath(QStringLiteral("core")),
                   QStringLiteral("-I"), source.filePath(QStringLiteral("ui")), source.filePath(QStringLiteral("app")),
                   source.filePath(QStringLiteral("core")), source.filePath(QStringLiteral("ui")),
                   QStringLiteral("-ts"), copy});
    if (!lupdate.waitForFinished(120000) || lupdate.exitCode() != 0)
        return {};
    return copy;
}

void TestTranslations::everyStringIsTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("German") << QStringLiteral("de");
    QTest::newRow("English") << QStringLiteral("en");
}

void TestTranslations::everyStringIsTranslated()
{
    QFETCH(QString, language);
    const QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString refreshed = refreshedCopy(language, dir);
    QVERIFY2(!refreshed.isEmpty(), "lupdate could not scan the sources");
    const QStringList unfinished = unfinishedIn(refreshed);
    QVERIFY2(unfinished.isEmpty(),
             qPrintable(QStringLiteral("%1 unfinished (run ./dev translations, then translate):\n  %2")
                            .arg(unfinished.size())
                            .arg(unfinished.join(QStringLiteral("\n  ")))));
}

void TestTranslations::checkerFindsAnUnfinishedString()
{
    const QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("probe.ts"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("<?xml version=\"1.0\" encoding=\"utf-8\"?><!DOCTYPE TS><TS version=\"2.1\" language=\"de_DE\">"
               "<context><name>Probe</name><message><source>Done</source><translation>Fertig</translation></message>"
               "<message><source>Open</source><translation type=\"unfinished\"></translation></message>"
               "</context></TS>");
    file.close();
    QCOMPARE(unfinishedIn(path), QStringList{QStringLiteral("Probe: Open")});
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "TestTranslations.moc"
