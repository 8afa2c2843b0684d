// The wedge burst detector with synthetic key timings: scanners, fast and slow typists, bursts
// without terminator, too short and oversized bursts.
#include "cards/devices/KeystrokeBurstDetector.h"

#include <QTest>

using namespace loyalty;

Q_DECLARE_METATYPE(loyalty::KeystrokeBurstDetector::Config)

namespace {

using Config = KeystrokeBurstDetector::Config;

// Key timings: gaps[i] is the time since the previous key (gaps[0] is ignored).
struct Keys
{
    QString text;
    QList<int> gaps;
};

Keys evenly(const QString& text, int gapMs, int firstGapMs = -1)
{
    Keys keys{text, {}};
    for (qsizetype i = 0; i < text.size(); ++i)
        keys.gaps.append(i == 1 && firstGapMs >= 0 ? firstGapMs : gapMs);
    return keys;
}

Keys after(int leadMs, Keys keys)
{
    keys.gaps[0] = leadMs;
    return keys;
}

Keys operator+(Keys a, const Keys& b)
{
    a.text += b.text;
    a.gaps += b.gaps;
    return a;
}

// Plays the keys the way WedgeScanCapture does: what the focused widget receives, which scans
// complete, how many overflows were reported. The hold timer fires once after the last key.
struct Outcome
{
    QString delivered;
    QStringList scans;
    int overflows = 0;
};

Outcome play(const Config& config, const Keys& keys)
{
    KeystrokeBurstDetector detector(config);
    Outcome outcome;
    QString held;
    qint64 now = 100000;
    const auto apply = [&](const KeystrokeBurstDetector::Step& step, QChar key) {
        if (step.held == KeystrokeBurstDetector::Held::Release)
            outcome.delivered += held;
        if (step.held != KeystrokeBurstDetector::Held::Keep)
            held.clear();
        if (!step.scan.isEmpty())
            outcome.scans.append(step.scan);
        outcome.overflows += step.overflow ? 1 : 0;
        if (key.isNull())
            return;
        if (step.current == KeystrokeBurstDetector::Current::Hold)
            held += key;
        else if (step.current == KeystrokeBurstDetector::Current::Pass)
            outcome.delivered += key;
    };
    for (qsizetype i = 0; i < keys.text.size(); ++i) {
        now += keys.gaps.value(i);
        apply(detector.feed(keys.text.at(i), now), keys.text.at(i));
    }
    apply(detector.expire(), QChar());
    if (!held.isEmpty())
        outcome.delivered += QStringLiteral("<still held>");
    return outcome;
}

const QString kCard = QStringLiteral("2000000123455");

}  // namespace

class TestKeystrokeBurstDetector final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classifiesTimings_data();
    void classifiesTimings();
    void holdWindowCoversTheFirstKeyLatency();
    void resetForgetsHeldKeys();
};

void TestKeystrokeBurstDetector::classifiesTimings_data()
{
    QTest::addColumn<Config>("config");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("gaps");
    QTest::addColumn<QString>("delivered");
    QTest::addColumn<QStringList>("scans");
    QTest::addColumn<int>("overflows");

    const Config standard;
    const auto row = [](const char* name, const Config& config, const Keys& keys, const QString& delivered,
                        const QStringList& scans, int overflows = 0) {
        QTest::newRow(name) << config << keys.text << keys.gaps << delivered << scans << overflows;
    };

    row("scanner 7 ms + Enter", standard, evenly(kCard + u'\r', 7), QString(), {kCard});
    Keys jitter{kCard + u'\r', {0, 5, 8, 6, 7, 5, 8, 8, 6, 5, 7, 8, 5, 6}};
    row("scanner 5-8 ms jitter + Enter", standard, jitter, QString(), {kCard});
    row("scanner with first-key latency", standard, evenly(kCard + u'\r', 6, 35), QString(), {kCard});
    row("scanner + Tab", standard, evenly(QStringLiteral("ABC-123456\t"), 7), QString(),
        {QStringLiteral("ABC-123456")});
    row("stripe reader track 2", standard, evenly(QStringLiteral(";6001234567890=2512?\r"), 4), QString(),
        {QStringLiteral(";6001234567890=2512?")});
    row("burst without terminator (timeout)", standard, evenly(kCard, 7), QString(), {kCard});
    Config strict;
    strict.requireTerminator = true;
    row("burst without terminator, terminator required", strict, evenly(kCard, 7), kCard, {});
    row("burst, then a key much later", standard, evenly(kCard, 7) + evenly(QStringLiteral("x"), 500),
        QStringLiteral("x"), {kCard});
    row("fast typist 60-100 ms", standard,
        Keys{kCard + u'\r', {0, 60, 85, 70, 100, 64, 90, 75, 61, 99, 80, 66, 72, 95}}, kCard + u'\r', {});
    row("slow typist 300 ms", standard, evenly(kCard + u'\r', 300), kCard + u'\r', {});
    row("key rollover (two keys 10 ms apart)", standard,
        evenly(QStringLiteral("12"), 10) + evenly(QStringLiteral("34\r"), 150), QStringLiteral("1234\r"), {});
    row("too short burst + Enter", standard, evenly(QStringLiteral("12345\r"), 5), QStringLiteral("12345\r"), {});
    row("human starts, scanner continues", standard,
        evenly(QStringLiteral("12"), 200) + after(200, evenly(kCard + u'\r', 7)), QStringLiteral("12"), {kCard});
    row("two scans in a row", standard, evenly(kCard + u'\r', 7) + evenly(QStringLiteral("4000000000006\r"), 7),
        QString(), {kCard, QStringLiteral("4000000000006")});
    Config longer;
    longer.minLength = 14;
    row("min length 14 refuses 13", longer, evenly(kCard + u'\r', 7), kCard + u'\r', {});
    Config slower;
    slower.maxGapMs = 40;
    row("threshold 40 ms accepts 30 ms bursts", slower, evenly(kCard + u'\r', 30), QString(), {kCard});
    row("threshold 20 ms refuses 30 ms bursts", standard, evenly(kCard + u'\r', 30), kCard + u'\r', {});
    row("oversize burst is swallowed", standard, evenly(QString(600, u'7') + u'\r', 5), QString(), {}, 1);
    row("oversize burst, then typing", standard, evenly(QString(10000, u'7'), 5) + evenly(QStringLiteral("12"), 300),
        QStringLiteral("12"), {}, 1);
    Config capped;
    capped.maxLength = 13;
    row("exactly at the cap", capped, evenly(kCard + u'\r', 7), QString(), {kCard});
    row("Enter alone", standard, evenly(QStringLiteral("\r"), 7), QStringLiteral("\r"), {});
    row("clock running backwards", standard, Keys{QStringLiteral("1234567890\r"), {0, 5, 5, 5, -50, 5, 5, 5, 5, 5, 5}},
        QStringLiteral("1234"), {QStringLiteral("567890")});
}

void TestKeystrokeBurstDetector::classifiesTimings()
{
    QFETCH(Config, config);
    QFETCH(QString, text);
    QFETCH(QList<int>, gaps);
    QFETCH(QString, delivered);
    QFETCH(QStringList, scans);
    QFETCH(int, overflows);

    const Outcome outcome = play(config, Keys{text, gaps});
    QCOMPARE(outcome.delivered, delivered);
    QCOMPARE(outcome.scans, scans);
    QCOMPARE(outcome.overflows, overflows);
}

void TestKeystrokeBurstDetector::holdWindowCoversTheFirstKeyLatency()
{
    KeystrokeBurstDetector detector;
    QCOMPARE(detector.feed(u'2', 0).current, KeystrokeBurstDetector::Current::Hold);
    QCOMPARE(detector.holdWindowMs(), 40);
    QCOMPARE(detector.feed(u'0', 30).current, KeystrokeBurstDetector::Current::Hold);
    QCOMPARE(detector.holdWindowMs(), 20);
    QCOMPARE(detector.heldCount(), 2);
}

void TestKeystrokeBurstDetector::resetForgetsHeldKeys()
{
    KeystrokeBurstDetector detector;
    for (int i = 0; i < 8; ++i)
        (void)detector.feed(u'1', i * 5);
    detector.reset();
    QVERIFY(!detector.isHolding());
    const auto step = detector.feed(u'\r', 45);
    QCOMPARE(step.current, KeystrokeBurstDetector::Current::Pass);
    QVERIFY(step.scan.isEmpty());
}

QTEST_APPLESS_MAIN(TestKeystrokeBurstDetector)
#include "TestKeystrokeBurstDetector.moc"
