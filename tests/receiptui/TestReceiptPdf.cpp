// A member's sale from a real till database, through ReceiptSource and ReceiptPainter into a PDF: the
// text poppler extracts holds the member, every effect and the balances and never the whole card number,
// and the page poppler rasterises has ink in the receipt column and a QR code, and none beside the column.
#include "ReceiptTestTill.h"
#include "i18n/TranslationLoader.h"
#include "receipt/ReceiptPainter.h"
#include "receipt/ReceiptReader.h"
#include "receipt/ReceiptSource.h"
#include "settings/SettingsRepository.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace loyalty;

namespace {

// Runs a poppler tool and gives its standard output; fails (never skips) without poppler-utils.
QByteArray runTool(const QString& tool, const QStringList& arguments)
{
    const QString program = QStandardPaths::findExecutable(tool);
    if (program.isEmpty())
        qFatal("%s is missing: install poppler-utils (./dev installs it)", qPrintable(tool));
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(15000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        qWarning("%s failed: %s", qPrintable(tool), process.readAllStandardError().constData());
    return process.readAllStandardOutput();
}

bool isDark(const QImage& image, int x, int y)
{
    return qGray(image.pixel(x, y)) < 128;
}

int darkPixels(const QImage& image, const QRect& area)
{
    int dark = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            dark += isDark(image, x, y) ? 1 : 0;
    }
    return dark;
}

// The tallest block of consecutive rows that all carry ink, as its bounding box: text lines are a few rows
// high with blank rows between them, a QR code (its quiet zone white around it) is one tall square block.
QRect tallestInkedBlock(const QImage& image)
{
    QRect tallest;
    QRect current;
    for (int y = 0; y < image.height(); ++y) {
        int left = image.width();
        int right = -1;
        for (int x = 0; x < image.width(); ++x) {
            if (isDark(image, x, y)) {
                left = std::min(left, x);
                right = std::max(right, x);
            }
        }
        if (right < 0) {
            current = QRect();
            continue;
        }
        const QRect row(left, y, right - left + 1, 1);
        current = current.isNull() ? row : current.united(row);
        if (current.height() > tallest.height())
            tallest = current;
    }
    return tallest;
}

}  // namespace

class TestReceiptPdf final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void memberSaleOnA4HasTheLoyaltyPartAndNoCardNumber();
    void rasterisedPageShowsTheColumnAndTheQrCode();
    void receiptSizedPdfIsOnePageAsWideAsThePaper();
    void longReceiptContinuesOnTheNextPage();

private:
    QString writeA4(const Receipt& receipt, const QString& name, int* pages = nullptr) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::ReceiptTestTill> m_till;
    std::unique_ptr<ReceiptSource> m_source;
    CompletedSale m_sale;
};

void TestReceiptPdf::initTestCase()
{
    // English is the source language, but its plural forms ("+1 stamp") come from its translation.
    TranslationLoader::install(this, QStringLiteral("en"));
}

void TestReceiptPdf::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_till = std::make_unique<test::ReceiptTestTill>(m_dir->filePath(QStringLiteral("till.db")));
    QVERIFY2(m_till->problem().isEmpty(), qPrintable(m_till->problem()));
    // A feedback survey for the QR code, so the receipt has one to draw.
    SettingsRepository settings(m_till->database().connection());
    QVERIFY(settings.setValue(ReceiptReader::kQrUrlKey, QStringLiteral("https://survey.example/r/{sale}")).ok());
    const auto sale = m_till->sell(42, {0, 1, 2, 3});
    QVERIFY2(sale.ok(), qPrintable(sale.ok() ? QString() : sale.error().message));
    m_sale = *sale;
    QVERIFY(m_sale.memberId.has_value());
    QVERIFY(!m_sale.effects.effects.isEmpty());
    m_source = std::make_unique<ReceiptSource>(m_till->database().connection());
}

void TestReceiptPdf::cleanup()
{
    m_source.reset();
    m_till.reset();
    m_dir.reset();
}

QString TestReceiptPdf::writeA4(const Receipt& receipt, const QString& name, int* pages) const
{
    const QString path = m_dir->filePath(name);
    QPdfWriter writer(path);
    writer.setResolution(600);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                                     QPageLayout::Millimeter));
    const int painted = ReceiptPainter(receipt, 80).paint(writer);
    if (pages)
        *pages = painted;
    return path;
}

void TestReceiptPdf::memberSaleOnA4HasTheLoyaltyPartAndNoCardNumber()
{
    const auto receipt = m_source->receiptFor(m_sale.saleId, false);
    QVERIFY2(receipt.ok(), qPrintable(receipt.ok() ? QString() : receipt.error().message));
    int pages = 0;
    const QString pdf = writeA4(*receipt, QStringLiteral("receipt.pdf"), &pages);
    QCOMPARE(pages, 1);
    const QString text = QString::fromUtf8(runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}));
    const QString flat = text.simplified();
    QVERIFY2(!flat.isEmpty(), "pdftotext found no text");

    // Every line the receipt holds is on the page, amounts included.
    for (const ReceiptLine& line : receipt->lines) {
        if (line.kind == ReceiptLine::Kind::Qr)
            continue;
        QVERIFY2(flat.contains(line.text.simplified()), qPrintable(QStringLiteral("missing: ") + line.text));
        QVERIFY2(flat.contains(line.amount.simplified()), qPrintable(QStringLiteral("missing: ") + line.amount));
    }
    // The loyalty part: the member, each effect with its reason, the balance after the sale.
    QVERIFY2(flat.contains(m_sale.memberName), qPrintable(flat));
    for (const Effect& effect : m_sale.effects.effects)
        QVERIFY2(flat.contains(effect.explanation.simplified()),
                 qPrintable(QStringLiteral("missing effect: ") + effect.explanation + u'\n' + flat));
    QVERIFY(m_sale.newBalance.has_value());
    QVERIFY2(flat.contains(QLocale().toString(qint64(*m_sale.newBalance))), qPrintable(flat));
    // The card only masked: its last four digits, never the number, not even its first part.
    QVERIFY(!m_sale.cardNumber.isEmpty());
    QVERIFY(!flat.contains(m_sale.cardNumber));
    QVERIFY(!QString(flat).remove(u' ').contains(m_sale.cardNumber.left(8)));
    QVERIFY(text.contains(m_sale.cardNumber.right(4)));
}

void TestReceiptPdf::rasterisedPageShowsTheColumnAndTheQrCode()
{
    const auto receipt = m_source->receiptFor(m_sale.saleId, false);
    QVERIFY(receipt.ok());
    bool hasQr = false;
    for (const ReceiptLine& line : receipt->lines)
        hasQr = hasQr || line.kind == ReceiptLine::Kind::Qr;
    QVERIFY2(hasQr, "the receipt has no QR line although receipt.qr_url is set");
    const QString pdf = writeA4(*receipt, QStringLiteral("receipt.pdf"));
    const QString prefix = m_dir->filePath(QStringLiteral("receipt"));
    runTool(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("100"),
                                         QStringLiteral("-singlefile"), pdf, prefix});
    QImage page(prefix + QStringLiteral(".png"));
    QVERIFY2(!page.isNull(), "pdftoppm made no PNG");
    // A4 at 100 dpi.
    QVERIFY(qAbs(page.width() - 827) <= 2);
    QVERIFY(qAbs(page.height() - 1169) <= 2);
    // LOYALTY_RECEIPT_KEEP=DIR keeps the PDF and its PNG for a look (docs/images/receipt-pdf.png comes from here).
    if (const QString keep = qEnvironmentVariable("LOYALTY_RECEIPT_KEEP"); !keep.isEmpty()) {
        QFile::remove(keep + QStringLiteral("/receipt-pdf.png"));
        QFile::remove(keep + QStringLiteral("/receipt.pdf"));
        QVERIFY(page.save(keep + QStringLiteral("/receipt-pdf.png")));
        QVERIFY(QFile::copy(pdf, keep + QStringLiteral("/receipt.pdf")));
    }

    // The 72 mm column centred between 15 mm margins: ink inside it, none in the outer quarters.
    const int quarter = page.width() / 4;
    QCOMPARE(darkPixels(page, QRect(0, 0, quarter, page.height())), 0);
    QCOMPARE(darkPixels(page, QRect(page.width() - quarter, 0, quarter, page.height())), 0);
    QVERIFY(darkPixels(page, QRect(quarter, 0, page.width() - 2 * quarter, page.height() / 5)) > 500);

    // The QR code: the tallest inked block is a square of about 23 mm (25 modules; some 90 pixels at 100 dpi),
    // half dark, in the middle of the column.
    const QRect qr = tallestInkedBlock(page);
    const QString where = QStringLiteral("%1x%2 at %3,%4").arg(qr.width()).arg(qr.height()).arg(qr.x()).arg(qr.y());
    QVERIFY2(qr.height() >= 60, qPrintable(where));
    QVERIFY2(qAbs(qr.width() - qr.height()) <= qr.height() / 8, qPrintable(where));
    QVERIFY2(qAbs(qr.center().x() - page.width() / 2) <= 5, qPrintable(where));
    const int dark = darkPixels(page, qr);
    const int area = qr.width() * qr.height();
    QVERIFY2(dark > area / 4 && dark < area * 3 / 4, qPrintable(where + QStringLiteral(": %1 dark").arg(dark)));
}

void TestReceiptPdf::receiptSizedPdfIsOnePageAsWideAsThePaper()
{
    const auto receipt = m_source->receiptFor(m_sale.saleId, true);
    QVERIFY(receipt.ok());
    const QString path = m_dir->filePath(QStringLiteral("roll.pdf"));
    {
        QPdfWriter writer(path);
        QCOMPARE(ReceiptPainter(*receipt, 58).paintOnRoll(writer), 1);
    }
    const QString info = QString::fromUtf8(runTool(QStringLiteral("pdfinfo"), {path}));
    QVERIFY2(QRegularExpression(QStringLiteral(R"(Pages:\s+1\n)")).match(info).hasMatch(), qPrintable(info));
    // 58 mm = 164.4 pt.
    const QRegularExpressionMatch size =
        QRegularExpression(QStringLiteral(R"(Page size:\s+([\d.]+) x ([\d.]+) pts)")).match(info);
    QVERIFY2(size.hasMatch(), qPrintable(info));
    QVERIFY(qAbs(size.captured(1).toDouble() - 164.4) < 1.0);
    QVERIFY(size.captured(2).toDouble() > 300.0);  // as long as the receipt, not an A4 page
    const QString text = QString::fromUtf8(runTool(QStringLiteral("pdftotext"), {path, QStringLiteral("-")}));
    QVERIFY(text.contains(QStringLiteral("COPY")));
}

void TestReceiptPdf::longReceiptContinuesOnTheNextPage()
{
    Receipt receipt;
    receipt.saleId = 7;
    for (int i = 1; i <= 150; ++i) {
        ReceiptLine line;
        line.kind = ReceiptLine::Kind::Amount;
        line.text = QStringLiteral("Item %1").arg(i);
        line.amount = QStringLiteral("%1,00 €").arg(i);
        receipt.lines.append(line);
    }
    int pages = 0;
    const QString pdf = writeA4(receipt, QStringLiteral("long.pdf"), &pages);
    QVERIFY2(pages >= 2, qPrintable(QString::number(pages)));
    const QString info = QString::fromUtf8(runTool(QStringLiteral("pdfinfo"), {pdf}));
    QVERIFY2(QRegularExpression(QStringLiteral(R"(Pages:\s+%1\n)").arg(pages)).match(info).hasMatch(),
             qPrintable(info));
    const QString text = QString::fromUtf8(runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}));
    QVERIFY(text.contains(QStringLiteral("Item 1\n")) || text.contains(QStringLiteral("Item 1 ")));
    QVERIFY(text.contains(QStringLiteral("Item 150")));
    QVERIFY(text.contains(QStringLiteral("150,00 €")));
}

QTEST_MAIN(TestReceiptPdf)
#include "TestReceiptPdf.moc"
