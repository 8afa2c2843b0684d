// The layering the build promises, checked in the sources: core/ never includes Qt Widgets (nor a
// header of ui/), and ui/ never talks SQL. The checker is tested on planted violations first, so a
// broken checker cannot pass the real tree silently.
#include "TestPaths.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

namespace {

// Widgets headers named here are caught even where Qt's own headers are not installed.
const QString kWidgetHeaders =
    QStringLiteral("QtWidgets QWidget QApplication QMainWindow QDialog QMessageBox QFileDialog QInputDialog "
                   "QPushButton QToolButton QAbstractButton QLabel QLineEdit QTextEdit QPlainTextEdit QComboBox "
                   "QCheckBox QRadioButton QSpinBox QDoubleSpinBox QSlider QProgressBar QTableView QTreeView "
                   "QListView QTableWidget QTreeWidget QListWidget QHeaderView QAbstractItemView "
                   "QStyledItemDelegate QItemDelegate QLayout QBoxLayout QVBoxLayout QHBoxLayout QGridLayout "
                   "QFormLayout QStackedLayout QStackedWidget QTabWidget QGroupBox QFrame QScrollArea QSplitter "
                   "QToolBar QStatusBar QMenu QMenuBar QDockWidget QSizePolicy QStyle QStyleFactory "
                   "QStyleOption QCompleter QSystemTrayIcon QWizard QDialogButtonBox QGraphicsView "
                   "QGraphicsScene QCalendarWidget QDateTimeEdit QProgressDialog QSplashScreen "
                   "QAbstractScrollArea");

// The headers of the installed QtWidgets module, less the forwarders it keeps for classes that
// moved to QtGui in Qt 6 (qaction.h, qshortcut.h, ...).
QSet<QString> installedWidgetHeaders()
{
    const QString includeRoot = QLibraryInfo::path(QLibraryInfo::HeadersPath);
    const QStringList widgets = QDir(includeRoot + QStringLiteral("/QtWidgets")).entryList(QDir::Files);
    QSet<QString> headers(widgets.cbegin(), widgets.cend());
    for (const char* other : {"QtCore", "QtGui", "QtSql", "QtNetwork"}) {
        const QStringList names = QDir(includeRoot + u'/' + QLatin1String(other)).entryList(QDir::Files);
        for (const QString& name : names)
            headers.remove(name);
    }
    return headers;
}

QSet<QString> widgetHeaders()
{
    QSet<QString> headers = installedWidgetHeaders();
    for (const QString& header : kWidgetHeaders.split(u' ')) {
        headers.insert(header);
        headers.insert(header.toLower() + QStringLiteral(".h"));
    }
    return headers;
}

using FileCheck = std::function<QStringList(const QString& relativePath, const QString& content)>;

const QRegularExpression& includeLine()
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])"));
    return pattern;
}

// core/: no header of the QtWidgets module, and no header that only ui/ has.
QStringList widgetIncludes(const QString& relativePath, const QString& content, const QSet<QString>& widgets,
                           const QString& sourceRoot)
{
    QStringList violations;
    const QStringList lines = content.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch match = includeLine().match(lines.at(i));
        if (!match.hasMatch())
            continue;
        const QString header = match.captured(1).trimmed();
        const QString baseName = header.section(u'/', -1);
        const QString where = relativePath + u':' + QString::number(i + 1) + QStringLiteral(": ");
        if (header.startsWith(QLatin1String("QtWidgets")) || widgets.contains(baseName))
            violations << where + QStringLiteral("includes the Qt Widgets header ") + header;
        else if (!sourceRoot.isEmpty() && !QFileInfo::exists(sourceRoot + QStringLiteral("/core/") + header) &&
                 QFileInfo::exists(sourceRoot + QStringLiteral("/ui/") + header))
            violations << where + QStringLiteral("includes the ui/ header ") + header;
    }
    return violations;
}

// ui/: no Qt Sql class or module, and no SQL statement inside a string literal.
QStringList sqlInUi(const QString& relativePath, const QString& content)
{
    static const QRegularExpression sqlClass(QStringLiteral(R"(\bQSql\w*|\bQtSql\b|\bQt6?::Sql\b)"));
    static const QRegularExpression stringLiteral(QStringLiteral(R"("(?:[^"\\\n]|\\.)*")"));
    static const QRegularExpression statement(QStringLiteral(
        R"(\b(SELECT\s|INSERT\s+INTO\b|UPDATE\s+\w+.*\bSET\b|DELETE\s+FROM\b|REPLACE\s+INTO\b|CREATE\s+(TABLE|INDEX|TRIGGER)\b|DROP\s+(TABLE|INDEX|TRIGGER)\b|PRAGMA\s))"));
    QStringList violations;
    const QStringList lines = content.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        const QString where = relativePath + u':' + QString::number(i + 1) + QStringLiteral(": ");
        if (const QRegularExpressionMatch match = sqlClass.match(line); match.hasMatch())
            violations << where + QStringLiteral("mentions ") + match.captured(0);
        for (auto literals = stringLiteral.globalMatch(line); literals.hasNext();) {
            const QString literal = literals.next().captured(0);
            if (statement.match(literal).hasMatch())
                violations << where + QStringLiteral("SQL in a string literal: ") + literal;
        }
    }
    return violations;
}

struct TreeScan
{
    int files = 0;
    QStringList violations;
};

// Applies `check` to every source file (and CMake file) below root/folder.
TreeScan scanTree(const QString& root, const QString& folder, const FileCheck& check)
{
    static const QStringList suffixes{QStringLiteral("h"),     QStringLiteral("hpp"), QStringLiteral("cpp"),
                                      QStringLiteral("cc"),    QStringLiteral("cxx"), QStringLiteral("ui"),
                                      QStringLiteral("cmake"), QStringLiteral("txt")};
    TreeScan scan;
    const QDir rootDir(root);
    QDirIterator it(root + u'/' + folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        if (!suffixes.contains(info.suffix()) ||
            (info.suffix() == QLatin1String("txt") && info.fileName() != QLatin1String("CMakeLists.txt")))
            continue;
        QFile file(info.filePath());
        if (!file.open(QIODevice::ReadOnly)) {
            scan.violations << rootDir.relativeFilePath(info.filePath()) + QStringLiteral(": cannot be read");
            continue;
        }
        ++scan.files;
        scan.violations << check(rootDir.relativeFilePath(info.filePath()), QString::fromUtf8(file.readAll()));
    }
    scan.violations.sort();
    return scan;
}

// core/'s CMake files must not bring in the Widgets module either.
QStringList widgetsInCMake(const QString& relativePath, const QString& content)
{
    static const QRegularExpression widgetsModule(QStringLiteral(R"(\bQt[56]?::Widgets\b|\bQt6Widgets\b)"));
    if (!relativePath.endsWith(QLatin1String("CMakeLists.txt")) && !relativePath.endsWith(QLatin1String(".cmake")))
        return {};
    if (const QRegularExpressionMatch match = widgetsModule.match(content); match.hasMatch())
        return {relativePath + QStringLiteral(": links ") + match.captured(0)};
    return {};
}

bool writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

}  // namespace

class TestArchitecture final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void widgetIncludeChecker_data();
    void widgetIncludeChecker();
    void sqlChecker_data();
    void sqlChecker();
    void checkerFindsPlantedViolationsInATree();

    void coreIncludesNoWidgets();
    void coreLinksNoWidgets();
    void uiHasNoSql();

private:
    FileCheck coreCheck(const QString& root) const;

    QSet<QString> m_widgetHeaders;
};

void TestArchitecture::initTestCase()
{
    QVERIFY2(QFileInfo::exists(QStringLiteral(LOYALTY_SOURCE_DIR "/core/store/Database.h")), LOYALTY_SOURCE_DIR);
    m_widgetHeaders = widgetHeaders();
    for (const char* name : {"QWidget", "QApplication", "QMainWindow", "QTableView", "qwidget.h", "QtWidgets"})
        QVERIFY2(m_widgetHeaders.contains(QString::fromLatin1(name)), name);
    for (const char* name : {"QAction", "qaction.h", "QShortcut", "QCoreApplication", "QGuiApplication", "QSqlQuery"})
        QVERIFY2(!m_widgetHeaders.contains(QString::fromLatin1(name)), name);
    qInfo("%lld Qt Widgets header names known", qint64(m_widgetHeaders.size()));
}

FileCheck TestArchitecture::coreCheck(const QString& root) const
{
    const QSet<QString> widgets = m_widgetHeaders;
    return [widgets, root](const QString& relativePath, const QString& content) {
        return widgetIncludes(relativePath, content, widgets, root) + widgetsInCMake(relativePath, content);
    };
}

void TestArchitecture::widgetIncludeChecker_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<int>("violations");

    QTest::newRow("QWidget") << QStringLiteral("#include <QWidget>") << 1;
    QTest::newRow("QApplication") << QStringLiteral("#include <QApplication>\nint x;") << 1;
    QTest::newRow("QMainWindow in quotes") << QStringLiteral("#include \"QMainWindow\"") << 1;
    QTest::newRow("module header") << QStringLiteral("#include <QtWidgets>") << 1;
    QTest::newRow("module path") << QStringLiteral("#include <QtWidgets/QPushButton>") << 1;
    QTest::newRow("lower-case header") << QStringLiteral("#include <qmessagebox.h>") << 1;
    QTest::newRow("spaces after #") << QStringLiteral("  #  include   <QTableView>") << 1;
    QTest::newRow("two of them") << QStringLiteral("#include <QLabel>\n#include <QtCore>\n#include <QLineEdit>") << 2;
    QTest::newRow("QCoreApplication is core") << QStringLiteral("#include <QCoreApplication>") << 0;
    QTest::newRow("QSqlQuery is fine in core") << QStringLiteral("#include <QSqlQuery>") << 0;
    QTest::newRow("QAction is QtGui in Qt 6") << QStringLiteral("#include <QAction>") << 0;
    QTest::newRow("own header") << QStringLiteral("#include \"store/Database.h\"") << 0;
    QTest::newRow("commented out") << QStringLiteral("// #include <QWidget>") << 0;
    QTest::newRow("word in a comment") << QStringLiteral("// never a QWidget here") << 0;
}

void TestArchitecture::widgetIncludeChecker()
{
    QFETCH(QString, content);
    QFETCH(int, violations);

    const QStringList found = widgetIncludes(QStringLiteral("core/X.cpp"), content, m_widgetHeaders, QString());
    QVERIFY2(found.size() == violations, qPrintable(found.join(u'\n')));
}

void TestArchitecture::sqlChecker_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<int>("violations");

    QTest::newRow("QSqlQuery") << QStringLiteral("QSqlQuery query(db);") << 1;
    QTest::newRow("QSqlDatabase") << QStringLiteral("auto db = QSqlDatabase::database();") << 1;
    QTest::newRow("include QtSql") << QStringLiteral("#include <QtSql>") << 1;
    QTest::newRow("include QSqlError") << QStringLiteral("#include <QSqlError>") << 1;
    QTest::newRow("CMake Qt6::Sql") << QStringLiteral("target_link_libraries(x PRIVATE Qt6::Sql)") << 1;
    QTest::newRow("SELECT") << QStringLiteral(R"(run("SELECT name FROM members WHERE id = ?");)") << 1;
    QTest::newRow("INSERT INTO") << QStringLiteral(R"x(const char* sql = "INSERT INTO sales (id) VALUES (1)";)x") << 1;
    QTest::newRow("UPDATE SET") << QStringLiteral(R"(QStringLiteral("UPDATE cards SET state = 'blocked'"))") << 1;
    QTest::newRow("DELETE FROM") << QStringLiteral(R"(QStringLiteral("DELETE FROM outbox_events"))") << 1;
    QTest::newRow("escaped quote before SQL") << QStringLiteral(R"(x("say \"hi\" then SELECT * FROM t");)") << 1;
    QTest::newRow("two statements") << QStringLiteral("a(\"SELECT 1\");\nb(\"DELETE FROM t\");") << 2;
    QTest::newRow("class and statement") << QStringLiteral(R"(QSqlQuery q; q.exec("SELECT 1");)") << 2;
    QTest::newRow("text for people") << QStringLiteral(R"(tr("Select a member, then update the basket"))") << 0;
    QTest::newRow("delete from basket") << QStringLiteral(R"(tr("Delete from basket"))") << 0;
    QTest::newRow("SQL words outside strings")
        << QStringLiteral("// SELECT happens in core, DELETE FROM never here") << 0;
    QTest::newRow("update button") << QStringLiteral(R"(setText(tr("UPDATE")))") << 0;
}

void TestArchitecture::sqlChecker()
{
    QFETCH(QString, content);
    QFETCH(int, violations);

    const QStringList found = sqlInUi(QStringLiteral("ui/X.cpp"), content);
    QVERIFY2(found.size() == violations, qPrintable(found.join(u'\n')));
}

void TestArchitecture::checkerFindsPlantedViolationsInATree()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.path();
    QVERIFY(writeFile(root + QStringLiteral("/core/money/Good.h"), "#pragma once\n#include <QString>\n"));
    QVERIFY(writeFile(root + QStringLiteral("/core/store/Bad.cpp"),
                      "#include \"money/Good.h\"\n\n#include <QSqlQuery>\n#include <QMessageBox>\n"));
    QVERIFY(writeFile(root + QStringLiteral("/core/sale/Leak.cpp"), "#include \"sale/Panel.h\"\n"));
    QVERIFY(writeFile(root + QStringLiteral("/core/CMakeLists.txt"),
                      "add_library(c STATIC x.cpp)\ntarget_link_libraries(c PUBLIC Qt6::Core Qt6::Widgets)\n"));
    QVERIFY(writeFile(root + QStringLiteral("/core/notes.md"), "#include <QWidget> in prose is not code\n"));
    QVERIFY(writeFile(root + QStringLiteral("/ui/sale/Panel.h"), "#pragma once\n#include <QWidget>\n"));
    QVERIFY(writeFile(root + QStringLiteral("/ui/sale/Panel.cpp"),
                      "#include \"sale/Panel.h\"\nvoid f()\n{\n    QSqlQuery q;\n"
                      "    q.exec(QStringLiteral(\"DELETE FROM sales\"));\n}\n"));

    const TreeScan core = scanTree(root, QStringLiteral("core"), coreCheck(root));
    QCOMPARE(core.files, 4);
    QCOMPARE(core.violations,
             QStringList({QStringLiteral("core/CMakeLists.txt: links Qt6::Widgets"),
                          QStringLiteral("core/sale/Leak.cpp:1: includes the ui/ header sale/Panel.h"),
                          QStringLiteral("core/store/Bad.cpp:4: includes the Qt Widgets header QMessageBox")}));

    const TreeScan ui = scanTree(root, QStringLiteral("ui"), sqlInUi);
    QCOMPARE(ui.files, 2);
    QCOMPARE(ui.violations,
             QStringList({QStringLiteral("ui/sale/Panel.cpp:4: mentions QSqlQuery"),
                          QStringLiteral("ui/sale/Panel.cpp:5: SQL in a string literal: \"DELETE FROM sales\"")}));
}

void TestArchitecture::coreIncludesNoWidgets()
{
    const QString root = QStringLiteral(LOYALTY_SOURCE_DIR);
    const TreeScan scan = scanTree(root, QStringLiteral("core"), coreCheck(root));
    QVERIFY2(scan.files > 40, qPrintable(QString::number(scan.files)));  // it really read the core
    QVERIFY2(scan.violations.isEmpty(), qPrintable(scan.violations.join(u'\n')));
}

void TestArchitecture::coreLinksNoWidgets()
{
    const QString cmake = QStringLiteral(LOYALTY_SOURCE_DIR "/core/CMakeLists.txt");
    QFile file(cmake);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString content = QString::fromUtf8(file.readAll());
    QVERIFY(content.contains(QLatin1String("add_library(loyalty_core")));
    const QStringList violations = widgetsInCMake(QStringLiteral("core/CMakeLists.txt"), content);
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
}

void TestArchitecture::uiHasNoSql()
{
    const QString root = QStringLiteral(LOYALTY_SOURCE_DIR);
    if (!QFileInfo::exists(root + QStringLiteral("/ui")))
        QSKIP("this source tree has no ui/ folder");
    const TreeScan scan = scanTree(root, QStringLiteral("ui"), sqlInUi);
    QVERIFY2(scan.files > 0, "no file of ui/ was read");
    QVERIFY2(scan.violations.isEmpty(), qPrintable(scan.violations.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestArchitecture)
#include "TestArchitecture.moc"
