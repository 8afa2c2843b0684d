// EscPosEncoder, checked through the test-side decoder: 58 and 80 mm widths are never exceeded, German
// text and the euro sign survive code page 858, the QR raster fits the paper and shows exactly the
// code's modules, and the paper is cut after the last row.
#include "receipt/Cp858.h"
#include "receipt/EscPosEncoder.h"
#include "receipt/QrMatrix.h"
#include "receipt/ReceiptComposer.h"
#include "receipt/ReceiptLayout.h"
#include "support/EscPosDecoder.h"

#include <QTest>

using namespace loyalty;
using namespace loyalty::test;

namespace {

ReceiptLine line(ReceiptLine::Kind kind, const QString& text, const QString& amount = {}, bool bold = false,
                 bool large = false, ReceiptLine::Align align = ReceiptLine::Align::Left)
{
    ReceiptLine result;
    result.kind = kind;
    result.text = text;
    result.amount = amount;
    result.bold = bold;
    result.large = large;
    result.align = align;
    return result;
}

const QString kQrPayload = QStringLiteral("https://shop.example/feedback?sale=6f1c2b1e-3b7e-4c55-9a3e-2f0e8d1c9a77");

// A receipt with every kind of line and texts that push against the width.
Receipt sampleReceipt()
{
    Receipt receipt;
    receipt.saleId = 42;
    using K = ReceiptLine::Kind;
    receipt.lines = {
        line(K::Heading, QStringLiteral("Bäckerei Müller & Söhne Großhandel"), {}, true, true,
             ReceiptLine::Align::Center),
        line(K::Text, QStringLiteral("Hauptstraße 12, 80331 München"), {}, false, false, ReceiptLine::Align::Center),
        line(K::Separator, {}),
        line(K::Amount, QStringLiteral("Äpfel Elstar"), QStringLiteral("2,58 €")),
        line(K::Amount, QStringLiteral("Vollkorn-Dinkelbrötchen mit Kürbiskernen und Sonnenblumenkernen extra groß"),
             QStringLiteral("12.345,67 €")),
        line(K::Text, QStringLiteral("  3 × 1,29 €")),
        line(K::Text, QStringLiteral("Donaudampfschifffahrtsgesellschaftskapitänsmütze")),
        line(K::Amount, QStringLiteral("TOTAL"), QStringLiteral("1.234,56 €"), true, true),
        line(K::Spacer, {}),
        line(K::Amount, QStringLiteral("Points"), QStringLiteral("+24 P")),
        line(K::Text, QStringLiteral("  +24 points (2× on fresh produce) — because apples are fresh produce"
                                     " and the programme doubles them")),
        line(K::Text, QStringLiteral("Card •••• •••• 3455")),
        line(K::Qr, kQrPayload, {}, false, false, ReceiptLine::Align::Center),
        line(K::Text, QStringLiteral("Danke für Ihren Einkauf!"), {}, false, false, ReceiptLine::Align::Center),
    };
    return receipt;
}

}  // namespace

class TestEscPosEncoder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void widthIsNeverExceeded_data();
    void widthIsNeverExceeded();
    void umlautsAndEuroRoundTrip();
    void missingCharactersPrintTheirNearestSpelling();
    void storedTextCannotSendPrinterCommands();
    void amountsAreRightAligned_data();
    void amountsAreRightAligned();
    void boldAndLargeRows();
    void qrRasterFitsThePaperAndShowsTheCode_data();
    void qrRasterFitsThePaperAndShowsTheCode();
    void qrThatCannotBeDrawnLeavesItsText();
    void paperIsCutAtTheEnd();
    void testPageFillsTheWidth_data();
    void testPageFillsTheWidth();
    void decoderRefusesUnknownCommands();
};

void TestEscPosEncoder::widthIsNeverExceeded_data()
{
    QTest::addColumn<int>("paper");
    QTest::addColumn<int>("columns");
    QTest::newRow("58 mm") << 58 << 32;
    QTest::newRow("80 mm") << 80 << 48;
}

void TestEscPosEncoder::widthIsNeverExceeded()
{
    QFETCH(int, paper);
    QFETCH(int, columns);
    QCOMPARE(ReceiptLayout::columnsFor(paper), columns);
    const EscPosDocument doc = EscPosDecoder::decode(EscPosEncoder().encode(sampleReceipt(), paper));
    QVERIFY2(doc.error.isEmpty(), qPrintable(doc.error));
    QVERIFY(doc.initialised);
    QCOMPARE(doc.codePage, 19);
    QVERIFY(doc.rows.size() > 15);
    for (const EscPosRow& row : doc.rows)
        QVERIFY2(row.columns() <= columns, qPrintable(QStringLiteral("%1: %2").arg(row.columns()).arg(row.text)));
    // Long words are cut, not lost: the whole text is there.
    QString joined;
    for (const EscPosRow& row : doc.rows)
        joined += row.text.trimmed();
    QVERIFY(joined.contains(QStringLiteral("Donaudampfschifffahrtsgesellschaftskapitänsmütze")));
    QVERIFY(doc.hasRowContaining(QStringLiteral("Separator")) == false);
    QVERIFY(doc.hasRowContaining(QString(columns, u'-')));
}

void TestEscPosEncoder::umlautsAndEuroRoundTrip()
{
    const QString german = QStringLiteral("Äpfel Öl Übergröße süß 12,50 € ÄÖÜäöüß éàçñ£×");
    Receipt receipt;
    receipt.lines = {line(ReceiptLine::Kind::Text, german)};
    const QByteArray bytes = EscPosEncoder().encode(receipt, 80);
    // The bytes code page 858 has for them.
    QVERIFY(bytes.contains("\x84"));  // ä
    QVERIFY(bytes.contains("\xd5"));  // €
    QVERIFY(bytes.contains("\xe1"));  // ß
    QVERIFY(bytes.contains("\x9a"));  // Ü
    const EscPosDocument doc = EscPosDecoder::decode(bytes);
    QVERIFY2(doc.error.isEmpty(), qPrintable(doc.error));
    QCOMPARE(doc.rows.size(), 1);
    QCOMPARE(doc.rows.at(0).text, german);
    QCOMPARE(Cp858::decode(Cp858::encode(german)), german);
}

void TestEscPosEncoder::missingCharactersPrintTheirNearestSpelling()
{
    QCOMPARE(Cp858::printable(QStringLiteral("•••• •••• 3455")), QStringLiteral("**** **** 3455"));
    QCOMPARE(Cp858::printable(QStringLiteral("−5,00 € – „gut“ …")), QStringLiteral("-5,00 € - \"gut\" ..."));
    QCOMPARE(Cp858::printable(QStringLiteral("Dvořák Łódź")), QStringLiteral("Dvorák ?ódz"));
    QCOMPARE(Cp858::printable(QStringLiteral("12,50\u00a0€")), QStringLiteral("12,50 €"));
    QCOMPARE(Cp858::printable(QStringLiteral("☕ ok")), QStringLiteral("? ok"));
    Receipt receipt;
    receipt.lines = {line(ReceiptLine::Kind::Amount, QStringLiteral("Points redeemed"), QStringLiteral("−300 P"))};
    const EscPosDocument doc = EscPosDecoder::decode(EscPosEncoder().encode(receipt, 58));
    QVERIFY2(doc.error.isEmpty(), qPrintable(doc.error));
    QCOMPARE(doc.rows.at(0).text,
             QStringLiteral("Points redeemed") + QString(32 - 15 - 6, u' ') + QStringLiteral("-300 P"));
}

void TestEscPosEncoder::storedTextCannotSendPrinterCommands()
{
    // A product name with an ESC sequence (a cut) and a line feed in it prints as text.
    Receipt receipt;
    receipt.lines = {
        line(ReceiptLine::Kind::Amount, QStringLiteral("Evil\x1bVB\x03name\nnext"), QStringLiteral("1,00 €"))};
    const QByteArray bytes = EscPosEncoder().encode(receipt, 80);
    const EscPosDocument doc = EscPosDecoder::decode(bytes);
    QVERIFY2(doc.error.isEmpty(), qPrintable(doc.error));
    QCOMPARE(doc.rows.size(), 1);
    QVERIFY(doc.rows.at(0).text.startsWith(QStringLiteral("Evil VB name next")));
    QCOMPARE(bytes.count('\x1b'), 2);  // ESC @ and ESC t only
}

void TestEscPosEncoder::amountsAreRightAligned_data()
{
    widthIsNeverExceeded_data();
}

void TestEscPosEncoder::amountsAreRightAligned()
{
    QFETCH(int, paper);
    QFETCH(int, columns);
    const EscPosDocument doc = EscPosDecoder::decode(EscPosEncoder().encode(sampleReceipt(), paper));
    QVERIFY2(doc.error.isEmpty(), qPrintable(doc.error));
    const EscPosRow* apples = doc.rowContaining(QStringLiteral("Äpfel Elstar"));
    QVERIFY(apples);
    QCOMPARE(apples->columns(), columns);
    QVERIFY(apples->text.endsWith(QStringLiteral(" 2,58 €")));
    // The long name wraps; its amount stands at the right of its last row.
    const EscPosRow* big = doc.rowContaining(QStringLiteral("12.345,67 €"));
    QVERIFY(big);
    QVERIFY(big->text.endsWith(QStringLiteral("12.345,67 €")));
    QCOMPARE(big->columns(), columns);
    const EscPosRow* total = doc.rowContaining(QStringLiteral("TOTAL"));
    QVERIFY(total);
    QCOMPARE(total->columns(), columns);  // large: half the characters, each twice as wide
    QVERIFY(total->text.endsWith(QStringLiteral("1.234,56 €")));
}

void TestEscPosEncoder::boldAndLargeRows()
{
    const EscPosDocument doc = EscPosDecoder::decode(EscPosEncoder().encode(sampleReceipt(), 80));
    QVERIFY2(doc.error.isEmpty(), qPrintable(doc.error));
    const EscPosRow* heading = doc.rowContaining(QStringLiteral("Bäckerei"));
    QVERIFY(heading);
    QVERIFY(heading->bold && heading->large);
    QCOMPARE(heading->align, 1);
    const EscPosRow* address = doc.rowContaining(QStringLiteral("Hauptstraße"));
    QVERIFY(address && !address->bold && !address->large);
    QCOMPARE(address->align, 1);
    const EscPosRow* total = doc.rowContaining(QStringLiteral("TOTAL"));
    QVERIFY(total && total->bold && total->large);
    QCOMPARE(total->align, 0);
    const EscPosRow* points = doc.rowContaining(QStringLiteral("+24 P"));
    QVERIFY(points && !points->bold && !points->large);
}

void TestEscPosEncoder::qrRasterFitsThePaperAndShowsTheCode_data()
{
    QTest::addColumn<int>("paper");
    QTest::addColumn<int>("dots");
    QTest::newRow("58 mm") << 58 << 384;
    QTest::newRow("80 mm") << 80 << 576;
}

void TestEscPosEncoder::qrRasterFitsThePaperAndShowsTheCode()
{
    QFETCH(int, paper);
    QFETCH(int, dots);
    QCOMPARE(EscPosEncoder::dotsFor(paper), dots);
    const EscPosDocument doc = EscPosDecoder::decode(EscPosEncoder().encode(sampleReceipt(), paper));
    QVERIFY2(doc.error.isEmpty(), qPrintable(doc.error));
    QCOMPARE(doc.images.size(), 1);
    const EscPosImage& image = doc.images.first();
    QCOMPARE(image.widthDots, dots);
    const auto expected = QrMatrix::encode(kQrPayload);
    QVERIFY(expected.ok());
    const int modules = expected->size() + 2 * EscPosEncoder::kQuietZoneModules;
    const int moduleDots = image.moduleDots();
    QVERIFY(moduleDots >= 1 && moduleDots <= EscPosEncoder::kMaxModuleDots);
    QCOMPARE(image.heightDots, modules * moduleDots);
    QVERIFY(modules * moduleDots <= dots);
    const auto shown = image.qrModules();
    QCOMPARE(int(shown.size()), expected->size());
    for (int y = 0; y < expected->size(); ++y) {
        for (int x = 0; x < expected->size(); ++x)
            QVERIFY(shown[y][x] == expected->dark(x, y));
    }
    // Centred: the light margins left and right differ by less than a module.
    int left = 0;
    while (!image.dark(left, EscPosEncoder::kQuietZoneModules * moduleDots))
        ++left;
    const int right = dots - left - expected->size() * moduleDots;
    QVERIFY(qAbs(left - right) < moduleDots + 8);
    // The row after the code is the text under it.
    QVERIFY(doc.rows.at(image.row).text.contains(QStringLiteral("Danke")));
}

void TestEscPosEncoder::qrThatCannotBeDrawnLeavesItsText()
{
    Receipt receipt;
    receipt.lines = {line(ReceiptLine::Kind::Qr, QString(3000, u'x'))};
    const EscPosDocument doc = EscPosDecoder::decode(EscPosEncoder().encode(receipt, 58));
    QVERIFY2(doc.error.isEmpty(), qPrintable(doc.error));
    QVERIFY(doc.images.isEmpty());
    QVERIFY(doc.rows.size() >= 3000 / 32);
}

void TestEscPosEncoder::paperIsCutAtTheEnd()
{
    const QByteArray bytes = EscPosEncoder().encode(sampleReceipt(), 58);
    QVERIFY(bytes.endsWith(QByteArray("\x1dV\x42").append(char(EscPosEncoder::kCutFeed))));
    const EscPosDocument doc = EscPosDecoder::decode(bytes);
    QVERIFY2(doc.error.isEmpty(), qPrintable(doc.error));
    QVERIFY(doc.cut);
    QVERIFY(doc.partialCut);
    QCOMPARE(doc.cutAfterRow, int(doc.rows.size()));
    QCOMPARE(doc.bytesAfterCut, 0);
}

void TestEscPosEncoder::testPageFillsTheWidth_data()
{
    widthIsNeverExceeded_data();
}

void TestEscPosEncoder::testPageFillsTheWidth()
{
    QFETCH(int, paper);
    QFETCH(int, columns);
    const Receipt page = ReceiptComposer().testPage(QStringLiteral("Kasse 2"), QStringLiteral("EUR"), paper);
    const EscPosDocument doc = EscPosDecoder::decode(EscPosEncoder().encode(page, paper));
    QVERIFY2(doc.error.isEmpty(), qPrintable(doc.error));
    const EscPosRow* ruler = doc.rowContaining(QStringLiteral("1234567890"));
    QVERIFY(ruler);
    QCOMPARE(ruler->columns(), columns);
    QVERIFY(ruler->text.endsWith(QString::number(columns % 10)));
    QVERIFY(doc.hasRowContaining(QStringLiteral("ÄÖÜ äöü ß €")));
    QVERIFY(doc.hasRowContaining(QStringLiteral("Kasse 2")));
    QCOMPARE(doc.images.size(), 1);
    QVERIFY(doc.cut);
    for (const EscPosRow& row : doc.rows)
        QVERIFY(row.columns() <= columns);
}

void TestEscPosEncoder::decoderRefusesUnknownCommands()
{
    // The decoder is what the other tests rely on: it must notice bytes a printer would misread.
    QVERIFY(!EscPosDecoder::decode(QByteArray("\x1b@\x1b"
                                              "Z1\n"))
                 .error.isEmpty());
    QVERIFY(!EscPosDecoder::decode(QByteArray("\x1b@abc")).error.isEmpty());      // never fed
    QVERIFY(!EscPosDecoder::decode(QByteArray("\x1b@\xe4\n")).error.isEmpty());   // no code page
    QVERIFY(!EscPosDecoder::decode(QByteArray("\x1b@a\x07\n")).error.isEmpty());  // a bell
    QVERIFY(EscPosDecoder::decode(QByteArray("\x1b@\x1bt\x13\x84\n")).error.isEmpty());
    QCOMPARE(EscPosDecoder::decode(QByteArray("\x1b@\x1bt\x13\x84\n")).rows.at(0).text, QStringLiteral("ä"));
}

QTEST_GUILESS_MAIN(TestEscPosEncoder)
#include "TestEscPosEncoder.moc"
