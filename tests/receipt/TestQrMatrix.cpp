// QrMatrix: libqrencode's modules, error correction M, the text as UTF-8 bytes.
#include "receipt/QrMatrix.h"

#include <QTest>

using namespace loyalty;

class TestQrMatrix final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shortTextIsVersionOne();
    void sizeGrowsWithTheText();
    void finderPatternsAreDark();
    void outsideTheSymbolIsLight();
    void emptyTextIsRefused();
    void tooLongTextIsRefused();
};

void TestQrMatrix::shortTextIsVersionOne()
{
    // Version 1 at level M holds 14 bytes: 21 x 21 modules.
    const auto qr = QrMatrix::encode(QStringLiteral("LOYALTY-12345"));
    QVERIFY(qr.ok());
    QCOMPARE(qr->size(), 21);
}

void TestQrMatrix::sizeGrowsWithTheText()
{
    // 15 bytes no longer fit version 1 at level M; "ä" is two UTF-8 bytes, so 14 characters need version 2.
    QCOMPARE(QrMatrix::encode(QString(15, u'x'))->size(), 25);
    QCOMPARE(QrMatrix::encode(QStringLiteral("ä") + QString(13, u'x'))->size(), 25);
    QCOMPARE(QrMatrix::encode(QString(14, u'x'))->size(), 21);
}

void TestQrMatrix::finderPatternsAreDark()
{
    const auto qr = QrMatrix::encode(QStringLiteral("https://example.org/feedback?sale=42"));
    QVERIFY(qr.ok());
    const int n = qr->size();
    // The three finder patterns: a dark 7x7 ring with a light ring inside and a dark 3x3 centre.
    for (const QPoint origin : {QPoint(0, 0), QPoint(n - 7, 0), QPoint(0, n - 7)}) {
        for (int i = 0; i < 7; ++i) {
            QVERIFY(qr->dark(origin.x() + i, origin.y()));
            QVERIFY(qr->dark(origin.x() + i, origin.y() + 6));
            QVERIFY(qr->dark(origin.x(), origin.y() + i));
            QVERIFY(qr->dark(origin.x() + 6, origin.y() + i));
        }
        QVERIFY(!qr->dark(origin.x() + 1, origin.y() + 1));
        QVERIFY(qr->dark(origin.x() + 3, origin.y() + 3));
    }
}

void TestQrMatrix::outsideTheSymbolIsLight()
{
    const auto qr = QrMatrix::encode(QStringLiteral("x"));
    QVERIFY(qr.ok());
    QVERIFY(!qr->dark(-1, 0));
    QVERIFY(!qr->dark(0, -1));
    QVERIFY(!qr->dark(qr->size(), 0));
    QVERIFY(!qr->dark(0, qr->size()));
}

void TestQrMatrix::emptyTextIsRefused()
{
    const auto qr = QrMatrix::encode(QString());
    QVERIFY(!qr.ok());
    QCOMPARE(qr.error().reason, QStringLiteral("qr_empty"));
}

void TestQrMatrix::tooLongTextIsRefused()
{
    // Version 40 at level M holds 2331 bytes.
    QVERIFY(QrMatrix::encode(QString(2331, u'x')).ok());
    const auto qr = QrMatrix::encode(QString(2332, u'x'));
    QVERIFY(!qr.ok());
    QCOMPARE(qr.error().reason, QStringLiteral("qr_too_long"));
}

QTEST_GUILESS_MAIN(TestQrMatrix)
#include "TestQrMatrix.moc"
