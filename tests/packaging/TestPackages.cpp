// Builds both .deb packages from this build tree with cpack (once per run), reads them with
// dpkg-deb, unpacks them into a scratch root and runs what they installed: the binaries answer
// --version and --help, the desktop entry and the AppStream metadata validate, the systemd unit
// is well-formed and its command line really starts head office with the default settings' keys.
#include "TestPaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kVersion = QStringLiteral(LOYALTY_VERSION);

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QByteArray describe() const { return "exit " + QByteArray::number(exitCode) + "\n" + out.left(2000) + "\n" + err; }
};

Run run(const QString& program, const QStringList& arguments,
        const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(), int timeoutMs = 240'000)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    Run result;
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        result.err = program.toUtf8() + " did not finish normally: " + process.errorString().toUtf8();
        return result;
    }
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// One line of `dpkg-deb --contents`: "-rw-r--r-- root/root 1740 2026-12-01 14:34 ./usr/lib/..."
struct Entry
{
    QString mode;
    QString owner;
};

QByteArray contentsOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// KEY=VALUE lines of a shell-style environment file (systemd's EnvironmentFile).
QMap<QString, QString> assignments(const QByteArray& text)
{
    QMap<QString, QString> values;
    for (const QByteArray& raw : text.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype equals = line.indexOf(u'=');
        if (equals > 0)
            values.insert(line.left(equals), line.mid(equals + 1));
    }
    return values;
}

}  // namespace

class TestPackages final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void controlFieldsOfBothPackages();
    void tillPackageHoldsTheTillOnly();
    void hqPackageHoldsServiceAndConfig();
    void maintainerScriptsCreateUserAndKeepData();
    void installedBinariesAnswerVersionAndHelp();
    void installedBinariesSpeakGerman();
    void desktopEntryAndMetainfoValidate();
    void systemdUnitIsHardenedAndValid();
    void serviceCommandLineStartsHeadOffice();

private:
    QMap<QString, Entry> contents(const QString& deb) const;
    QString field(const QString& deb, const QString& name) const;
    QString installed(const QString& path) const { return m_root + path; }

    QTemporaryDir m_dir;
    QString m_till;  // the .deb files
    QString m_hq;
    QString m_root;  // both unpacked here with dpkg-deb -x
    QString m_control;
};

void TestPackages::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString out = m_dir.filePath(QStringLiteral("debs"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // gzip: the test checks the packages, not the release's compression (xz), and is quicker so.
    environment.insert(QStringLiteral("LOYALTY_DEB_COMPRESSION"), QStringLiteral("gzip"));
    const Run cpack = run(QStringLiteral(LOYALTY_CPACK_COMMAND),
                          {QStringLiteral("--config"), QStringLiteral(LOYALTY_BINARY_DIR "/CPackConfig.cmake"),
                           QStringLiteral("-B"), out},
                          environment);
    QVERIFY2(cpack.exitCode == 0, cpack.describe().constData());

    const QStringList debs = QDir(out).entryList({QStringLiteral("*.deb")}, QDir::Files, QDir::Name);
    QCOMPARE(debs.size(), 2);
    for (const QString& deb : debs) {
        if (deb.startsWith(QStringLiteral("loyalty-till_") + kVersion + u'-'))
            m_till = QDir(out).filePath(deb);
        else if (deb.startsWith(QStringLiteral("loyalty-hq_") + kVersion + u'-'))
            m_hq = QDir(out).filePath(deb);
    }
    QVERIFY2(!m_till.isEmpty() && !m_hq.isEmpty(), qPrintable(debs.join(u' ')));

    m_root = m_dir.filePath(QStringLiteral("root"));
    m_control = m_dir.filePath(QStringLiteral("control"));
    for (const QString& deb : {m_till, m_hq}) {
        const Run unpacked = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), deb, m_root});
        QVERIFY2(unpacked.exitCode == 0, unpacked.describe().constData());
        const QString control = m_control + u'/' + QFileInfo(deb).fileName().section(u'_', 0, 0);
        QVERIFY(QDir().mkpath(control));
        const Run extracted = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-e"), deb, control});
        QVERIFY2(extracted.exitCode == 0, extracted.describe().constData());
    }
}

QMap<QString, Entry> TestPackages::contents(const QString& deb) const
{
    QMap<QString, Entry> entries;
    const Run listed = run(QStringLiteral("dpkg-deb"), {QStringLiteral("--contents"), deb});
    if (listed.exitCode != 0)
        return entries;
    static const QRegularExpression line(QStringLiteral("^(\\S+)\\s+(\\S+)\\s+\\d+\\s+\\S+\\s+\\S+\\s+\\.(/.*)$"));
    for (const QByteArray& raw : listed.out.split('\n')) {
        const auto match = line.match(QString::fromUtf8(raw));
        if (match.hasMatch())
            entries.insert(match.captured(3), Entry{match.captured(1), match.captured(2)});
    }
    return entries;
}

QString TestPackages::field(const QString& deb, const QString& name) const
{
    return QString::fromUtf8(run(QStringLiteral("dpkg-deb"), {QStringLiteral("--field"), deb, name}).out).trimmed();
}

void TestPackages::controlFieldsOfBothPackages()
{
    const Run info = run(QStringLiteral("dpkg-deb"), {QStringLiteral("--info"), m_hq});
    QVERIFY2(info.exitCode == 0, info.describe().constData());
    for (const char* script : {"postinst", "prerm", "postrm", "conffiles"})
        QVERIFY2(info.out.contains(script), info.describe().constData());

    for (const QString& deb : {m_till, m_hq}) {
        QVERIFY(field(deb, QStringLiteral("Version")).startsWith(kVersion + u'-'));
        QVERIFY(field(deb, QStringLiteral("Maintainer")).contains(u'@'));
        QVERIFY(field(deb, QStringLiteral("Homepage")).startsWith(QStringLiteral("https://")));
        QVERIFY(!field(deb, QStringLiteral("Section")).isEmpty());
        QVERIFY(!field(deb, QStringLiteral("Description")).isEmpty());
        QCOMPARE(
            field(deb, QStringLiteral("Architecture")),
            QString::fromUtf8(run(QStringLiteral("dpkg"), {QStringLiteral("--print-architecture")}).out).trimmed());
    }
    QCOMPARE(field(m_till, QStringLiteral("Package")), QStringLiteral("loyalty-till"));
    QCOMPARE(field(m_hq, QStringLiteral("Package")), QStringLiteral("loyalty-hq"));

    // Depends: what dpkg-shlibdeps found in the binaries plus the plugins it cannot see.
    const QString tillDepends = field(m_till, QStringLiteral("Depends"));
    for (const char* package : {"libqt6widgets6", "libqt6sql6 ", "libqt6sql6-sqlite", "libssl3", "libc6"})
        QVERIFY2(tillDepends.contains(QLatin1String(package)), qPrintable(tillDepends));
    const QString hqDepends = field(m_hq, QStringLiteral("Depends"));
    for (const char* package : {"libqt6httpserver6", "libqt6sql6-sqlite", "adduser", "libpq5"})
        QVERIFY2(hqDepends.contains(QLatin1String(package)), qPrintable(hqDepends));
    // Head office is a headless service: its package pulls in no widgets or GUI.
    QVERIFY2(!hqDepends.contains(QLatin1String("libqt6widgets6")) && !hqDepends.contains(QLatin1String("libqt6gui6")),
             qPrintable(hqDepends));
}

void TestPackages::tillPackageHoldsTheTillOnly()
{
    const auto entries = contents(m_till);
    QVERIFY(!entries.isEmpty());
    const QMap<QString, QString> expected{
        {QStringLiteral("/usr/bin/loyalty-till"), QStringLiteral("-rwxr-xr-x")},
        {QStringLiteral("/usr/bin/loyalty-ctl"), QStringLiteral("-rwxr-xr-x")},
        {QStringLiteral("/usr/share/applications/loyalty-till.desktop"), QStringLiteral("-rw-r--r--")},
        {QStringLiteral("/usr/share/icons/hicolor/scalable/apps/loyalty-till.svg"), QStringLiteral("-rw-r--r--")},
        {QStringLiteral("/usr/share/man/man1/loyalty-till.1.gz"), QStringLiteral("-rw-r--r--")},
        {QStringLiteral("/usr/share/man/man1/loyalty-ctl.1.gz"), QStringLiteral("-rw-r--r--")},
        {QStringLiteral("/usr/share/doc/loyalty-till/admin-guide.md"), QStringLiteral("-rw-r--r--")},
        // The guide's pictures beside it, so its image links work.
        {QStringLiteral("/usr/share/doc/loyalty-till/images/admin-settings-printer.png"), QStringLiteral("-rw-r--r--")},
    };
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        QVERIFY2(entries.contains(it.key()), qPrintable(it.key()));
        QCOMPARE(entries.value(it.key()).mode, it.value());
        QCOMPARE(entries.value(it.key()).owner, QStringLiteral("root/root"));
    }
    const QStringList metainfo = QDir(installed(QStringLiteral("/usr/share/metainfo")))
                                     .entryList({QStringLiteral("*.metainfo.xml")}, QDir::Files);
    QCOMPARE(metainfo.size(), 1);
    QVERIFY(entries.contains(QStringLiteral("/usr/share/metainfo/") + metainfo.first()));
    for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
        QVERIFY2(it.key().startsWith(QStringLiteral("/usr/")), qPrintable(it.key()));
        QVERIFY2(!it.key().contains(QStringLiteral("loyalty-hq")), qPrintable(it.key()));
    }
}

void TestPackages::hqPackageHoldsServiceAndConfig()
{
    const auto entries = contents(m_hq);
    QVERIFY(!entries.isEmpty());
    const QMap<QString, QString> expected{
        {QStringLiteral("/usr/bin/loyalty-hq"), QStringLiteral("-rwxr-xr-x")},
        {QStringLiteral("/usr/lib/systemd/system/loyalty-hq.service"), QStringLiteral("-rw-r--r--")},
        // It may hold a PostgreSQL password: readable by root (and so systemd) only.
        {QStringLiteral("/etc/default/loyalty-hq"), QStringLiteral("-rw-r-----")},
        {QStringLiteral("/usr/share/man/man8/loyalty-hq.8.gz"), QStringLiteral("-rw-r--r--")},
    };
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        QVERIFY2(entries.contains(it.key()), qPrintable(it.key()));
        QCOMPARE(entries.value(it.key()).mode, it.value());
        QCOMPARE(entries.value(it.key()).owner, QStringLiteral("root/root"));
    }
    for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
        // The data directory is made by postinst (owned by the user), never shipped.
        QVERIFY2(!it.key().startsWith(QStringLiteral("/var/")), qPrintable(it.key()));
        QVERIFY2(!it.key().contains(QStringLiteral("loyalty-till")) &&
                     !it.key().contains(QStringLiteral("loyalty-ctl")),
                 qPrintable(it.key()));
    }
}

void TestPackages::maintainerScriptsCreateUserAndKeepData()
{
    const QString control = m_control + QStringLiteral("/loyalty-hq/");
    QCOMPARE(contentsOf(control + QStringLiteral("conffiles")), QByteArray("/etc/default/loyalty-hq\n"));
    for (const char* name : {"postinst", "prerm", "postrm"}) {
        const QString script = control + QLatin1String(name);
        QVERIFY2(QFileInfo(script).isExecutable(), name);
        const Run syntax = run(QStringLiteral("sh"), {QStringLiteral("-n"), script});
        QVERIFY2(syntax.exitCode == 0, syntax.describe().constData());
        const QByteArray text = contentsOf(script);
        // Head office's database is every till's record of sales: no script ever deletes it (or the
        // key, or the user owning them), not even on purge.
        for (const QByteArray& line : text.split('\n')) {
            if (line.trimmed().startsWith('#'))
                continue;
            QVERIFY2(!(line.contains("rm ") && (line.contains("/var/lib") || line.contains("/etc/loyalty-hq"))),
                     line.constData());
            QVERIFY2(!line.contains("deluser") && !line.contains("userdel"), line.constData());
        }
    }
    const QByteArray postinst = contentsOf(control + QStringLiteral("postinst"));
    QVERIFY(postinst.contains("adduser --system --group"));
    QVERIFY(postinst.contains("install -d -m 0750 -o loyalty-hq -g loyalty-hq /var/lib/loyalty-hq"));
    QVERIFY(postinst.contains("install -d -m 0750 -o root -g loyalty-hq /etc/loyalty-hq"));
    // The till package needs no scripts: desktop and icon caches update through dpkg triggers.
    QVERIFY(!QFileInfo::exists(m_control + QStringLiteral("/loyalty-till/postinst")));
}

void TestPackages::installedBinariesAnswerVersionAndHelp()
{
    // Headless, as on a build server: no display and no platform override.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        environment.remove(QLatin1String(name));
    const QList<QPair<QString, QByteArray>> binaries{{QStringLiteral("loyalty-till"), "--fullscreen"},
                                                     {QStringLiteral("loyalty-ctl"), "backup --out FILE"},
                                                     {QStringLiteral("loyalty-hq"), "serve --listen"}};
    for (const auto& [name, helpMark] : binaries) {
        const QString binary = installed(QStringLiteral("/usr/bin/") + name);
        QVERIFY2(QFileInfo(binary).isExecutable(), qPrintable(binary));
        const Run version = run(binary, {QStringLiteral("--version")}, environment, 60'000);
        QVERIFY2(version.exitCode == 0, version.describe().constData());
        QCOMPARE(version.out.trimmed(), (name + u' ' + kVersion).toUtf8());
        const Run help = run(binary, {QStringLiteral("--help")}, environment, 60'000);
        QVERIFY2(help.exitCode == 0, help.describe().constData());
        QVERIFY2(help.out.contains("Usage: "), help.describe().constData());
        QVERIFY2(help.out.contains(helpMark), help.describe().constData());
        QVERIFY2(help.out.contains("--db"), help.describe().constData());
    }
}

void TestPackages::installedBinariesSpeakGerman()
{
    // The translations are compiled into the binaries (:/i18n); the installed loyalty-ctl and
    // loyalty-hq answer in German on a German system.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8"));
    environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("de"));
    for (const char* name : {"loyalty-ctl", "loyalty-hq"}) {
        const Run help = run(installed(QStringLiteral("/usr/bin/") + QLatin1String(name)), {QStringLiteral("--help")},
                             environment, 60'000);
        QVERIFY2(help.exitCode == 0, help.describe().constData());
        QVERIFY2(help.out.contains("Befehle:"), help.describe().constData());
    }
}

void TestPackages::desktopEntryAndMetainfoValidate()
{
    const QString desktop = installed(QStringLiteral("/usr/share/applications/loyalty-till.desktop"));
    const Run validated = run(QStringLiteral("desktop-file-validate"), {desktop});
    QVERIFY2(validated.exitCode == 0 && validated.out.trimmed().isEmpty() && validated.err.trimmed().isEmpty(),
             validated.describe().constData());
    const auto entry = assignments(contentsOf(desktop));
    QVERIFY(QFileInfo(installed(QStringLiteral("/usr/bin/") + entry.value(QStringLiteral("Exec")).section(u' ', 0, 0)))
                .isExecutable());
    QVERIFY(QFileInfo::exists(installed(QStringLiteral("/usr/share/icons/hicolor/scalable/apps/") +
                                        entry.value(QStringLiteral("Icon")) + QStringLiteral(".svg"))));

    const QDir metainfoDir(installed(QStringLiteral("/usr/share/metainfo")));
    const QStringList files = metainfoDir.entryList({QStringLiteral("*.metainfo.xml")}, QDir::Files);
    QCOMPARE(files.size(), 1);
    const QString metainfo = metainfoDir.filePath(files.first());
    const Run appstream = run(QStringLiteral("appstreamcli"), {QStringLiteral("validate"), QStringLiteral("--no-net"),
                                                               QStringLiteral("--no-color"), metainfo});
    QVERIFY2(appstream.exitCode == 0, appstream.describe().constData());
    const QByteArray xml = contentsOf(metainfo);
    QVERIFY(xml.contains("<launchable type=\"desktop-id\">loyalty-till.desktop</launchable>"));
    QVERIFY(xml.contains(QStringLiteral("<release version=\"%1\"").arg(kVersion).toUtf8()));
    const QString id = files.first().chopped(QStringLiteral(".metainfo.xml").size());
    QVERIFY(xml.contains(QStringLiteral("<id>%1</id>").arg(id).toUtf8()));
}

void TestPackages::systemdUnitIsHardenedAndValid()
{
    const QByteArray unit = contentsOf(installed(QStringLiteral("/usr/lib/systemd/system/loyalty-hq.service")));
    const auto service = assignments(unit);
    QCOMPARE(service.value(QStringLiteral("User")), QStringLiteral("loyalty-hq"));
    QCOMPARE(service.value(QStringLiteral("Group")), QStringLiteral("loyalty-hq"));
    QCOMPARE(service.value(QStringLiteral("NoNewPrivileges")), QStringLiteral("yes"));
    QCOMPARE(service.value(QStringLiteral("ProtectSystem")), QStringLiteral("strict"));
    QCOMPARE(service.value(QStringLiteral("StateDirectory")), QStringLiteral("loyalty-hq"));
    QCOMPARE(service.value(QStringLiteral("StateDirectoryMode")), QStringLiteral("0750"));
    QCOMPARE(service.value(QStringLiteral("ReadWritePaths")), QStringLiteral("/var/lib/loyalty-hq"));
    QCOMPARE(service.value(QStringLiteral("EnvironmentFile")), QStringLiteral("/etc/default/loyalty-hq"));
    QVERIFY(service.value(QStringLiteral("ExecStart")).startsWith(QStringLiteral("/usr/bin/loyalty-hq ")));

    // Every variable the command line uses is set by the default configuration, to the documented places.
    const auto defaults = assignments(contentsOf(installed(QStringLiteral("/etc/default/loyalty-hq"))));
    static const QRegularExpression variable(QStringLiteral("\\$\\{(\\w+)\\}"));
    auto used = variable.globalMatch(service.value(QStringLiteral("ExecStart")));
    int count = 0;
    while (used.hasNext()) {
        const QString name = used.next().captured(1);
        QVERIFY2(!defaults.value(name).isEmpty(), qPrintable(name));
        ++count;
    }
    QCOMPARE(count, 4);
    QVERIFY(defaults.value(QStringLiteral("LOYALTY_HQ_DB")).startsWith(QStringLiteral("/var/lib/loyalty-hq/")));
    QVERIFY(defaults.value(QStringLiteral("LOYALTY_HQ_CERT")).startsWith(QStringLiteral("/etc/loyalty-hq/")));
    QVERIFY(defaults.value(QStringLiteral("LOYALTY_HQ_KEY")).startsWith(QStringLiteral("/etc/loyalty-hq/")));

    // systemd's own parser: every directive known and well-formed (it warns on stderr otherwise).
    // The copy points ExecStart at the unpacked binary, which verify wants to find.
    const QString analyze = QStandardPaths::findExecutable(QStringLiteral("systemd-analyze"));
    QVERIFY2(!analyze.isEmpty(), "systemd-analyze (package systemd) is needed to check the unit");
    const QString copy = m_dir.filePath(QStringLiteral("loyalty-hq.service"));
    QFile file(copy);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray pointed = "ExecStart=" + installed(QStringLiteral("/usr/bin/loyalty-hq")).toUtf8();
    file.write(QByteArray(unit).replace(QByteArray("ExecStart=/usr/bin/loyalty-hq"), pointed));
    file.close();
    const Run verified = run(analyze, {QStringLiteral("verify"), QStringLiteral("--man=no"), copy});
    QVERIFY2(verified.exitCode == 0 && verified.err.trimmed().isEmpty(), verified.describe().constData());
}

void TestPackages::serviceCommandLineStartsHeadOffice()
{
    // The unit's ExecStart, with the default configuration's keys pointed into the scratch root,
    // must start the installed loyalty-hq: a typo in an option would only show on a real server.
    const QString hq = installed(QStringLiteral("/usr/bin/loyalty-hq"));
    const QString certs = m_dir.filePath(QStringLiteral("certs"));
    const Run cert = run(hq, {QStringLiteral("cert"), QStringLiteral("--out"), certs},
                         QProcessEnvironment::systemEnvironment(), 60'000);
    QVERIFY2(cert.exitCode == 0, cert.describe().constData());
    const QMap<QString, QString> values{
        {QStringLiteral("LOYALTY_HQ_DB"), m_dir.filePath(QStringLiteral("hq.db"))},
        {QStringLiteral("LOYALTY_HQ_LISTEN"), QStringLiteral("127.0.0.1:0")},
        {QStringLiteral("LOYALTY_HQ_CERT"), certs + QStringLiteral("/hq-cert.pem")},
        {QStringLiteral("LOYALTY_HQ_KEY"), certs + QStringLiteral("/hq-key.pem")},
    };
    const auto service =
        assignments(contentsOf(installed(QStringLiteral("/usr/lib/systemd/system/loyalty-hq.service"))));
    QStringList words = service.value(QStringLiteral("ExecStart")).split(u' ', Qt::SkipEmptyParts);
    for (QString& word : words) {
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            word.replace(QStringLiteral("${") + it.key() + u'}', it.value());
        QVERIFY2(!word.contains(u'$'), qPrintable(word));
    }
    QCOMPARE(words.takeFirst(), QStringLiteral("/usr/bin/loyalty-hq"));

    QProcess serve;
    serve.setProcessChannelMode(QProcess::MergedChannels);
    serve.start(hq, words);
    QByteArray said;
    while (!said.contains("listening on") && serve.state() != QProcess::NotRunning && serve.waitForReadyRead(60'000))
        said += serve.readAll();
    QVERIFY2(said.contains("loyalty-hq listening on https://127.0.0.1:"), said.constData());
    serve.terminate();  // SIGTERM, as systemctl stop sends it
    QVERIFY(serve.waitForFinished(60'000));
    QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
    QCOMPARE(serve.exitCode(), 0);
    QVERIFY(QFileInfo::exists(values.value(QStringLiteral("LOYALTY_HQ_DB"))));
}

QTEST_GUILESS_MAIN(TestPackages)
#include "TestPackages.moc"
