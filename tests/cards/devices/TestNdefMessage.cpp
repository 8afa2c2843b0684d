// NDEF parsing with NFC Forum vectors: Text records (UTF-8, UTF-16), URI records with their
// abbreviation codes, Type 2 tag TLV areas, and malformed or truncated data.
#include "cards/devices/NdefMessage.h"

#include <QTest>

using namespace loyalty;

namespace {

const QByteArray kHelloRecord = QByteArray::fromHex("D101085402656E48656C6C6F");  // Text, "en", "Hello"

}  // namespace

class TestNdefMessage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesMessages_data();
    void parsesMessages();
    void readsType2TagAreas_data();
    void readsType2TagAreas();
    void keepsRecordFields();
};

void TestNdefMessage::parsesMessages_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");  // empty: parses
    QTest::addColumn<int>("records");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("uri");

    const QString ok;
    QTest::newRow("Text en Hello") << kHelloRecord << ok << 1 << QStringLiteral("Hello") << QString();
    QTest::newRow("Text UTF-16 BE") << QByteArray::fromHex("D101075482656E004800E9") << ok << 1
                                    << QStringLiteral("H\u00e9") << QString();
    QTest::newRow("Text UTF-16 with LE BOM")
        << QByteArray::fromHex("D101095482656EFFFE4800E900") << ok << 1 << QStringLiteral("H\u00e9") << QString();
    QTest::newRow("Text de loyalty number") << QByteArray::fromHex("D101105402646532303030303030313233343535") << ok
                                            << 1 << QStringLiteral("2000000123455") << QString();
    QTest::newRow("URI https:// (0x04)") << QByteArray::fromHex("D1010E55046578616D706C652E636F6D2F63") << ok << 1
                                         << QString() << QStringLiteral("https://example.com/c");
    QTest::newRow("URI https://www. (0x02)") << QByteArray::fromHex("D1010C55026578616D706C652E636F6D") << ok << 1
                                             << QString() << QStringLiteral("https://www.example.com");
    QTest::newRow("URI urn:nfc: (0x23)") << QByteArray::fromHex("D10104552378797A") << ok << 1 << QString()
                                         << QStringLiteral("urn:nfc:xyz");
    QTest::newRow("URI reserved code") << QByteArray::fromHex("D10104552478797A") << ok << 1 << QString() << QString();
    QTest::newRow("Text then URI") << QByteArray::fromHex("91010854026"
                                                          "56E48656C6C6F"
                                                          "510104550378797A")
                                   << ok << 2 << QStringLiteral("Hello") << QStringLiteral("http://xyz");
    QTest::newRow("record with ID") << QByteArray::fromHex("D901080254696402656E48656C6C6F") << ok << 1
                                    << QStringLiteral("Hello") << QString();
    QTest::newRow("long record (no SR)") << QByteArray::fromHex("C101000000085402656E48656C6C6F") << ok << 1
                                         << QStringLiteral("Hello") << QString();
    QTest::newRow("empty record") << QByteArray::fromHex("D00000") << ok << 1 << QString() << QString();

    QTest::newRow("nothing") << QByteArray() << QStringLiteral("ndef_truncated") << 0 << QString() << QString();
    QTest::newRow("payload cut short") << QByteArray::fromHex("D101085402656E48") << QStringLiteral("ndef_truncated")
                                       << 0 << QString() << QString();
    QTest::newRow("header cut short") << QByteArray::fromHex("D101") << QStringLiteral("ndef_truncated") << 0
                                      << QString() << QString();
    QTest::newRow("4 GB payload length") << QByteArray::fromHex("C101FFFFFFFF5402656E")
                                         << QStringLiteral("ndef_truncated") << 0 << QString() << QString();
    QTest::newRow("no message end") << QByteArray::fromHex("91010854026"
                                                           "56E48656C6C6F")
                                    << QStringLiteral("ndef_truncated") << 0 << QString() << QString();
    QTest::newRow("no message begin") << QByteArray::fromHex("51010854026"
                                                             "56E48656C6C6F")
                                      << QStringLiteral("ndef_malformed") << 0 << QString() << QString();
    QTest::newRow("second message begin") << QByteArray::fromHex("91010854026"
                                                                 "56E48656C6C6F"
                                                                 "D10104550378797A")
                                          << QStringLiteral("ndef_malformed") << 0 << QString() << QString();
    QTest::newRow("bytes after message end")
        << kHelloRecord + QByteArray::fromHex("63") << QStringLiteral("ndef_malformed") << 0 << QString() << QString();
    QTest::newRow("chunked") << QByteArray::fromHex("F101085402656E48656C6C6F") << QStringLiteral("ndef_malformed") << 0
                             << QString() << QString();
    QTest::newRow("reserved TNF 7") << QByteArray::fromHex("D701085402656E48656C6C6F")
                                    << QStringLiteral("ndef_malformed") << 0 << QString() << QString();
}

void TestNdefMessage::parsesMessages()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    QFETCH(int, records);
    QFETCH(QString, text);
    QFETCH(QString, uri);

    const Result<NdefMessage> message = NdefMessage::parse(bytes);
    if (!reason.isEmpty()) {
        QVERIFY(!message.ok());
        QCOMPARE(message.error().reason, reason);
        QVERIFY(!message.error().message.isEmpty());
        return;
    }
    QVERIFY2(message.ok(), qPrintable(message.ok() ? QString() : message.error().reason));
    QCOMPARE(message->records().size(), records);
    QCOMPARE(message->firstText().value_or(QString()), text);
    QCOMPARE(message->firstUri().value_or(QString()), uri);
}

void TestNdefMessage::readsType2TagAreas_data()
{
    QTest::addColumn<QByteArray>("area");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("text");

    const QString ok;
    QTest::newRow("NDEF TLV + terminator")
        << QByteArray::fromHex("030C") + kHelloRecord + QByteArray::fromHex("FE") << ok << QStringLiteral("Hello");
    QTest::newRow("NULL and lock control TLVs first") << QByteArray::fromHex("0000"
                                                                             "0103A00C34"
                                                                             "030C") +
                                                             kHelloRecord + QByteArray::fromHex("FE0000")
                                                      << ok << QStringLiteral("Hello");
    QTest::newRow("three-byte length") << QByteArray::fromHex("03FF000C") + kHelloRecord + QByteArray::fromHex("FE")
                                       << ok << QStringLiteral("Hello");
    QTest::newRow("read in 16-byte blocks (padding after)")
        << QByteArray::fromHex("030C") + kHelloRecord + QByteArray::fromHex("FE") + QByteArray(17, '\0') << ok
        << QStringLiteral("Hello");
    QTest::newRow("terminator only") << QByteArray::fromHex("FE000000") << QStringLiteral("ndef_absent") << QString();
    QTest::newRow("empty NDEF TLV") << QByteArray::fromHex("0300FE00") << QStringLiteral("ndef_absent") << QString();
    QTest::newRow("blank tag") << QByteArray(16, '\0') << QStringLiteral("ndef_absent") << QString();
    QTest::newRow("NDEF TLV cut short (read more)")
        << QByteArray::fromHex("030CD1010854") << QStringLiteral("ndef_truncated") << QString();
    QTest::newRow("length cut short") << QByteArray::fromHex("03") << QStringLiteral("ndef_truncated") << QString();
    QTest::newRow("three-byte length cut short")
        << QByteArray::fromHex("03FF00") << QStringLiteral("ndef_truncated") << QString();
    QTest::newRow("record longer than its TLV")
        << QByteArray::fromHex("0305") + kHelloRecord << QStringLiteral("ndef_malformed") << QString();
    QTest::newRow("other TLV running off the end")
        << QByteArray::fromHex("01FF1000AA") << QStringLiteral("ndef_truncated") << QString();
}

void TestNdefMessage::readsType2TagAreas()
{
    QFETCH(QByteArray, area);
    QFETCH(QString, reason);
    QFETCH(QString, text);

    const Result<NdefMessage> message = NdefMessage::fromType2Tag(area);
    if (!reason.isEmpty()) {
        QVERIFY(!message.ok());
        QCOMPARE(message.error().reason, reason);
        return;
    }
    QVERIFY2(message.ok(), qPrintable(message.ok() ? QString() : message.error().reason));
    QCOMPARE(message->firstText().value_or(QString()), text);
}

void TestNdefMessage::keepsRecordFields()
{
    const Result<NdefMessage> message = NdefMessage::parse(QByteArray::fromHex("D901080254696402656E48656C6C6F"));
    QVERIFY(message.ok());
    const NdefRecord& record = message->records().at(0);
    QCOMPARE(record.tnf, quint8{NdefRecord::WellKnown});
    QCOMPARE(record.type, QByteArray("T"));
    QCOMPARE(record.id, QByteArray("id"));
    QString language;
    QCOMPARE(record.text(&language).value_or(QString()), QStringLiteral("Hello"));
    QCOMPARE(language, QStringLiteral("en"));
}

QTEST_APPLESS_MAIN(TestNdefMessage)
#include "TestNdefMessage.moc"
