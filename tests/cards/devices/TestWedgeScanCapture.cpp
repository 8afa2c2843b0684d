// Application-wide wedge capture: a scan that arrives while focus is in the "wrong" field is
// captured and never lands there; a person typing slowly still types into the focused field, in
// order. Key events carry synthetic timestamps, so the timings do not depend on the machine.
#include "input/WedgeScanCapture.h"

#include <QApplication>
#include <QDialog>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>
#include <QWidget>

#include <memory>

using namespace loyalty;

class TestWedgeScanCapture final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void scanNeverLandsInTheFocusedField_data();
    void scanNeverLandsInTheFocusedField();
    void typingReachesTheFocusedFieldInOrder_data();
    void typingReachesTheFocusedFieldInOrder();
    void scanWhileADialogHasFocus();
    void functionKeyReleasesHeldKeysFirst();
    void disabledCaptureLetsScansThrough();
    void oversizedBurstIsRejected();
    void keysWithoutTimestampPassUntouched();

private:
    // Presses and releases each character with the given gap; Enter for '\r', Tab for '\t', '^'
    // for Shift around the next character.
    void type(QWidget* target, const QString& text, int gapMs);
    void sendKey(QWidget* target, QEvent::Type type, int key, const QString& text, qint64 timestampMs);

    std::unique_ptr<QWidget> m_window;
    QLineEdit* m_scanField = nullptr;
    QLineEdit* m_searchField = nullptr;  // the "wrong" field that has focus
    std::unique_ptr<WedgeScanCapture> m_capture;
    qint64 m_now = 1000;
};

void TestWedgeScanCapture::init()
{
    m_window = std::make_unique<QWidget>();
    auto* layout = new QVBoxLayout(m_window.get());
    m_scanField = new QLineEdit(m_window.get());
    m_searchField = new QLineEdit(m_window.get());
    layout->addWidget(m_scanField);
    layout->addWidget(m_searchField);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_searchField->setFocus();
    QCOMPARE(QApplication::focusWidget(), m_searchField);

    m_capture = std::make_unique<WedgeScanCapture>();
    qApp->installEventFilter(m_capture.get());
    m_now += 100000;
}

void TestWedgeScanCapture::cleanup()
{
    m_capture.reset();  // removes itself from the application's filters
    m_window.reset();
}

void TestWedgeScanCapture::sendKey(QWidget* target, QEvent::Type type, int key, const QString& text, qint64 timestampMs)
{
    QKeyEvent event(type, key, Qt::NoModifier, text);
    event.setTimestamp(static_cast<quint64>(timestampMs));
    QApplication::sendEvent(target, &event);
}

void TestWedgeScanCapture::type(QWidget* target, const QString& text, int gapMs)
{
    bool shift = false;
    for (const QChar c : text) {
        if (c == u'^') {  // the next character is typed with Shift, as scanners do for upper case
            sendKey(target, QEvent::KeyPress, Qt::Key_Shift, QString(), m_now + 1);
            shift = true;
            continue;
        }
        m_now += gapMs;
        int key = c.toUpper().unicode();
        if (c == u'\r')
            key = Qt::Key_Return;
        else if (c == u'\t')
            key = Qt::Key_Tab;
        sendKey(target, QEvent::KeyPress, key, QString(c), m_now);
        sendKey(target, QEvent::KeyRelease, key, QString(c), m_now + 1);
        if (shift)
            sendKey(target, QEvent::KeyRelease, Qt::Key_Shift, QString(), m_now + 2);
        shift = false;
    }
}

void TestWedgeScanCapture::scanNeverLandsInTheFocusedField_data()
{
    QTest::addColumn<QString>("keys");
    QTest::addColumn<int>("gapMs");
    QTest::addColumn<QString>("scan");

    QTest::newRow("EAN-13 + Enter, 7 ms") << QStringLiteral("2000000123455\r") << 7 << QStringLiteral("2000000123455");
    QTest::newRow("Code 128 + Tab, 5 ms") << QStringLiteral("LC-0042-AB\t") << 5 << QStringLiteral("LC-0042-AB");
    QTest::newRow("upper case with Shift, 6 ms")
        << QStringLiteral("^L^C-0042-^A^B\r") << 6 << QStringLiteral("LC-0042-AB");
    QTest::newRow("no terminator, 8 ms") << QStringLiteral("2000000123455") << 8 << QStringLiteral("2000000123455");
}

void TestWedgeScanCapture::scanNeverLandsInTheFocusedField()
{
    QFETCH(QString, keys);
    QFETCH(int, gapMs);
    QFETCH(QString, scan);

    QSignalSpy captured(m_capture.get(), &WedgeScanCapture::scanCaptured);
    QSignalSpy returnPressed(m_searchField, &QLineEdit::returnPressed);
    type(m_searchField, keys, gapMs);
    QTRY_COMPARE(captured.count(), 1);
    QCOMPARE(captured.at(0).at(0).toString(), scan);
    QTest::qWait(100);  // anything still held would have been delivered by now
    QCOMPARE(m_searchField->text(), QString());
    QCOMPARE(m_scanField->text(), QString());
    QCOMPARE(returnPressed.count(), 0);
    QCOMPARE(QApplication::focusWidget(), m_searchField);  // a Tab terminator moved nothing
    QCOMPARE(captured.count(), 1);
}

void TestWedgeScanCapture::typingReachesTheFocusedFieldInOrder_data()
{
    QTest::addColumn<int>("gapMs");

    QTest::newRow("fast typist, 60 ms") << 60;
    QTest::newRow("typist, 100 ms") << 100;
    QTest::newRow("slow typist, 400 ms") << 400;
}

void TestWedgeScanCapture::typingReachesTheFocusedFieldInOrder()
{
    QFETCH(int, gapMs);

    QSignalSpy captured(m_capture.get(), &WedgeScanCapture::scanCaptured);
    QSignalSpy returnPressed(m_searchField, &QLineEdit::returnPressed);
    type(m_searchField, QStringLiteral("2000000123455\r"), gapMs);
    QTRY_COMPARE(returnPressed.count(), 1);
    QCOMPARE(m_searchField->text(), QStringLiteral("2000000123455"));
    QCOMPARE(captured.count(), 0);

    // The last key of unfinished typing arrives after the hold window, without another key.
    type(m_searchField, QStringLiteral("^Anna"), gapMs);
    QTRY_COMPARE(m_searchField->text(), QStringLiteral("2000000123455Anna"));
    QCOMPARE(captured.count(), 0);
}

void TestWedgeScanCapture::scanWhileADialogHasFocus()
{
    QDialog dialog(m_window.get());
    auto* nameField = new QLineEdit(&dialog);
    (new QVBoxLayout(&dialog))->addWidget(nameField);
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    nameField->setFocus();

    QSignalSpy captured(m_capture.get(), &WedgeScanCapture::scanCaptured);
    type(nameField, QStringLiteral("Jo"), 250);
    m_now += 250;  // the scanner starts a moment later (a key within 20 ms would join the burst)
    type(nameField, QStringLiteral("2000000123455\r"), 6);
    QTRY_COMPARE(captured.count(), 1);
    QCOMPARE(captured.at(0).at(0).toString(), QStringLiteral("2000000123455"));
    QCOMPARE(nameField->text(), QStringLiteral("Jo"));
    QVERIFY(dialog.isVisible());  // the Enter was swallowed with the scan: no default button fired
}

void TestWedgeScanCapture::functionKeyReleasesHeldKeysFirst()
{
    // '1' is held when Escape arrives: it must reach the field before the Escape clears it.
    type(m_searchField, QStringLiteral("1"), 300);
    m_now += 5;
    sendKey(m_searchField, QEvent::KeyPress, Qt::Key_Backspace, QString(), m_now);
    QCOMPARE(m_searchField->text(), QString());  // delivered '1', then Backspace removed it
    type(m_searchField, QStringLiteral("7"), 300);
    m_now += 5;
    sendKey(m_searchField, QEvent::KeyPress, Qt::Key_Left, QString(), m_now);
    type(m_searchField, QStringLiteral("3"), 300);
    QTRY_COMPARE(m_searchField->text(), QStringLiteral("37"));
}

void TestWedgeScanCapture::disabledCaptureLetsScansThrough()
{
    QSignalSpy captured(m_capture.get(), &WedgeScanCapture::scanCaptured);
    m_capture->setEnabled(false);
    type(m_searchField, QStringLiteral("2000000123455"), 7);
    QCOMPARE(m_searchField->text(), QStringLiteral("2000000123455"));  // synchronously, nothing held
    QTest::qWait(50);
    QCOMPARE(captured.count(), 0);
}

void TestWedgeScanCapture::oversizedBurstIsRejected()
{
    QSignalSpy captured(m_capture.get(), &WedgeScanCapture::scanCaptured);
    QSignalSpy rejected(m_capture.get(), &WedgeScanCapture::scanRejected);
    type(m_searchField, QString(2000, u'9') + u'\r', 4);
    QTRY_COMPARE(rejected.count(), 1);
    QVERIFY(rejected.at(0).at(0).toString().contains(QStringLiteral("512")));
    QTest::qWait(100);
    QCOMPARE(m_searchField->text(), QString());
    QCOMPARE(captured.count(), 0);
}

void TestWedgeScanCapture::keysWithoutTimestampPassUntouched()
{
    // QTest::keyClicks on a widget sends events without a timestamp: software, not a device.
    QSignalSpy captured(m_capture.get(), &WedgeScanCapture::scanCaptured);
    QSignalSpy returnPressed(m_searchField, &QLineEdit::returnPressed);
    QTest::keyClicks(m_searchField, QStringLiteral("2000000123455"));
    QCOMPARE(m_searchField->text(), QStringLiteral("2000000123455"));  // synchronously
    QTest::keyClick(m_searchField, Qt::Key_Return);
    QCOMPARE(returnPressed.count(), 1);
    QTest::qWait(100);
    QCOMPARE(captured.count(), 0);
}

QTEST_MAIN(TestWedgeScanCapture)
#include "TestWedgeScanCapture.moc"
