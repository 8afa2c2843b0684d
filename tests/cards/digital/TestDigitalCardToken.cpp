// The digital card payload and QR text: exact layout, round trips and every malformed shape.
#include "cards/digital/DigitalCardQr.h"
#include "cards/digital/DigitalCardToken.h"

#include <QTest>

using namespace loyalty;

namespace {

const QDateTime kIssued(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
const QDateTime kExpiry(QDate(2027, 11, 1), QTime(8, 0), Qt::UTC);

DigitalCardToken token(const QString& cardId, QByteArray deviceKey = {})
{
    DigitalCardToken card;
    card.cardId = cardId;
    card.issued = kIssued;
    card.expiry = kExpiry;
    card.keyId = 0x0102;
    card.devicePublicKey = std::move(deviceKey);
    return card;
}

QByteArray validPayload()
{
    return token(QStringLiteral("2000000123455")).encodePayload().value();
}

QString b64(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

}  // namespace

class TestDigitalCardToken final : public QObject
{
    Q_OBJECT

private slots:
    void payloadLayoutIsExact();
    void payloadRoundTrip_data();
    void payloadRoundTrip();
    void unencodableCardsAreRefused_data();
    void unencodableCardsAreRefused();
    void malformedPayloadsAreRefused_data();
    void malformedPayloadsAreRefused();
    void qrTextRoundTrip();
    void malformedQrTextIsRefused_data();
    void malformedQrTextIsRefused();
};

void TestDigitalCardToken::payloadLayoutIsExact()
{
    // version 1, no flags, 13-byte id, issued 2026-11-01T08:00Z, expiry 2027-11-01T08:00Z, key 0x0102
    const QByteArray expected = QByteArray::fromHex("0100"
                                                    "0d") +
                                QByteArrayLiteral("2000000123455") +
                                QByteArray::fromHex("6ae6f180"
                                                    "6cc82500"
                                                    "0102");
    QCOMPARE(quint32(kIssued.toSecsSinceEpoch()), 0x6ae6f180u);
    QCOMPARE(quint32(kExpiry.toSecsSinceEpoch()), 0x6cc82500u);
    QCOMPARE(validPayload().toHex(), expected.toHex());

    const QByteArray device(32, '\x07');
    const QByteArray rotating = token(QStringLiteral("2000000123455"), device).encodePayload().value();
    QCOMPARE(rotating.toHex(), QByteArray(QByteArray::fromHex("0101") + expected.mid(2) + device).toHex());

    QCOMPARE(DigitalCardToken::signedMessage(QByteArrayLiteral("p")), QByteArrayLiteral("LTC1.p"));
    QCOMPARE(DigitalCardToken::rotatingMessage(QByteArrayLiteral("p"), 0x01020304u).toHex(),
             QByteArray(QByteArrayLiteral("LTR1.p") + QByteArray::fromHex("01020304")).toHex());
}

void TestDigitalCardToken::payloadRoundTrip_data()
{
    QTest::addColumn<QString>("cardId");
    QTest::addColumn<QDateTime>("issued");
    QTest::addColumn<QDateTime>("expiry");
    QTest::addColumn<QByteArray>("deviceKey");

    QTest::newRow("card number") << QStringLiteral("2000000123455") << kIssued << kExpiry << QByteArray();
    QTest::newRow("rotating") << QStringLiteral("2000000123455") << kIssued << kExpiry << QByteArray(32, '\xfe');
    QTest::newRow("alphanumeric id") << QStringLiteral("LT-0042/x") << kIssued << kExpiry << QByteArray();
    QTest::newRow("one character") << QStringLiteral("7") << kIssued << kExpiry << QByteArray();
    QTest::newRow("64 characters") << QString(64, u'9') << kIssued << kExpiry << QByteArray(32, '\0');
    QTest::newRow("epoch and last second of uint32")
        << QStringLiteral("1") << QDateTime::fromSecsSinceEpoch(0, Qt::UTC)
        << QDateTime::fromSecsSinceEpoch(4294967295LL, Qt::UTC) << QByteArray();
}

void TestDigitalCardToken::payloadRoundTrip()
{
    QFETCH(QString, cardId);
    QFETCH(QDateTime, issued);
    QFETCH(QDateTime, expiry);
    QFETCH(QByteArray, deviceKey);

    DigitalCardToken card = token(cardId, deviceKey);
    card.issued = issued;
    card.expiry = expiry;
    const auto payload = card.encodePayload();
    QVERIFY(payload.has_value());
    const auto decoded = DigitalCardToken::decodePayload(*payload);
    QVERIFY(decoded.has_value());
    QCOMPARE(decoded->cardId, cardId);
    QCOMPARE(decoded->issued, issued);
    QCOMPARE(decoded->expiry, expiry);
    QCOMPARE(decoded->keyId, quint16(0x0102));
    QCOMPARE(decoded->devicePublicKey, deviceKey);
    QCOMPARE(decoded->requiresRotatingCode(), !deviceKey.isEmpty());
}

void TestDigitalCardToken::unencodableCardsAreRefused_data()
{
    QTest::addColumn<QString>("cardId");
    QTest::addColumn<QDateTime>("issued");
    QTest::addColumn<QByteArray>("deviceKey");

    QTest::newRow("empty id") << QString() << kIssued << QByteArray();
    QTest::newRow("65 characters") << QString(65, u'1') << kIssued << QByteArray();
    QTest::newRow("space") << QStringLiteral("2000 0001") << kIssued << QByteArray();
    QTest::newRow("control character") << QStringLiteral("2000\t0001") << kIssued << QByteArray();
    QTest::newRow("non-ASCII") << QStringLiteral("2000\u00e90001") << kIssued << QByteArray();
    QTest::newRow("before 1970") << QStringLiteral("1") << QDateTime(QDate(1969, 12, 31), QTime(23, 0), Qt::UTC)
                                 << QByteArray();
    QTest::newRow("after 2106") << QStringLiteral("1") << QDateTime(QDate(2107, 1, 1), QTime(0, 0), Qt::UTC)
                                << QByteArray();
    QTest::newRow("invalid date") << QStringLiteral("1") << QDateTime() << QByteArray();
    QTest::newRow("31-byte device key") << QStringLiteral("1") << kIssued << QByteArray(31, '\x01');
}

void TestDigitalCardToken::unencodableCardsAreRefused()
{
    QFETCH(QString, cardId);
    QFETCH(QDateTime, issued);
    QFETCH(QByteArray, deviceKey);

    DigitalCardToken card = token(cardId, deviceKey);
    card.issued = issued;
    QVERIFY(!card.encodePayload().has_value());
}

void TestDigitalCardToken::malformedPayloadsAreRefused_data()
{
    QTest::addColumn<QByteArray>("payload");

    const QByteArray good = validPayload();
    QTest::newRow("empty") << QByteArray();
    for (int length = 1; length < good.size(); length += 4)
        QTest::addRow("truncated to %d bytes", length) << good.left(length);
    QTest::newRow("one byte short") << good.chopped(1);
    QTest::newRow("trailing byte") << good + '\0';
    QByteArray version = good;
    version[0] = 2;
    QTest::newRow("version 2") << version;
    QByteArray version0 = good;
    version0[0] = 0;
    QTest::newRow("version 0") << version0;
    QByteArray flags = good;
    flags[1] = 0x02;
    QTest::newRow("unknown flag") << flags;
    QByteArray rotatingWithoutKey = good;
    rotatingWithoutKey[1] = 0x01;
    QTest::newRow("rotating flag without device key") << rotatingWithoutKey;
    QByteArray zeroLength = good;
    zeroLength[2] = 0;
    QTest::newRow("zero-length id") << zeroLength;
    QByteArray longId = good;
    longId[2] = char(0xff);
    QTest::newRow("id length beyond the end") << longId;
    QByteArray control = good;
    control[3] = '\n';
    QTest::newRow("control character in id") << control;
    QTest::newRow("65-byte id") << QByteArray::fromHex("010041") + QByteArray(65, '1') + QByteArray(10, '\0');
}

void TestDigitalCardToken::malformedPayloadsAreRefused()
{
    QFETCH(QByteArray, payload);
    QVERIFY(!DigitalCardToken::decodePayload(payload).has_value());
}

void TestDigitalCardToken::qrTextRoundTrip()
{
    const DigitalCardQr qr{validPayload(), QByteArray(64, '\x11'), std::nullopt};
    const QString text = qr.toText();
    QVERIFY(text.startsWith(QLatin1String("LTC1.")));
    QCOMPARE(text.count(u'.'), 2);
    QVERIFY(!text.contains(u'='));
    const auto parsed = DigitalCardQr::parse(text);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->payload, qr.payload);
    QCOMPARE(parsed->signature, qr.signature);
    QVERIFY(!parsed->rotatingCode);

    DigitalCardQr rotating = qr;
    rotating.rotatingCode = DigitalCardQr::RotatingCode{59859060, QByteArray(64, '\x22')};
    const QString rotatingText = rotating.toText();
    QVERIFY(rotatingText.startsWith(text + QStringLiteral(".59859060.")));
    const auto parsedRotating = DigitalCardQr::parse(rotatingText);
    QVERIFY(parsedRotating.has_value());
    QVERIFY(parsedRotating->rotatingCode.has_value());
    QCOMPARE(parsedRotating->rotatingCode->timeStep, 59859060u);
    QCOMPARE(parsedRotating->rotatingCode->deviceSignature, QByteArray(64, '\x22'));
    QVERIFY(rotatingText.size() < DigitalCardQr::kMaxTextLength);
}

void TestDigitalCardToken::malformedQrTextIsRefused_data()
{
    QTest::addColumn<QString>("text");

    const QString payload = b64(validPayload());
    const QString signature = b64(QByteArray(64, '\x11'));
    const QString good = QStringLiteral("LTC1.") + payload + u'.' + signature;
    const QString device = b64(QByteArray(64, '\x22'));
    QVERIFY(DigitalCardQr::parse(good).has_value());

    QTest::newRow("not the prefix") << QStringLiteral("2000000123455");
    QTest::newRow("lower-case prefix") << QStringLiteral("ltc1.") + payload + u'.' + signature;
    QTest::newRow("prefix only") << QStringLiteral("LTC1.");
    QTest::newRow("empty parts") << QStringLiteral("LTC1..");
    QTest::newRow("no signature") << QStringLiteral("LTC1.") + payload;
    QTest::newRow("empty signature") << QStringLiteral("LTC1.") + payload + u'.';
    QTest::newRow("four parts") << good + QStringLiteral(".59859060");
    QTest::newRow("six parts") << good + QStringLiteral(".59859060.") + device + QStringLiteral(".x");
    QTest::newRow("bad base64 character") << QStringLiteral("LTC1.") + payload + QStringLiteral("!.") + signature;
    QTest::newRow("standard base64 alphabet")
        << QStringLiteral("LTC1.") + payload + QStringLiteral(".") + signature.left(10) + u'+' + signature.mid(11);
    QTest::newRow("padding") << good + QStringLiteral("==");
    QTest::newRow("non-canonical last character") << good.chopped(1) + u'R';
    QTest::newRow("truncated signature") << good.chopped(3);
    QTest::newRow("truncated mid-token") << good.left(good.size() / 2);
    QTest::newRow("signature 63 bytes") << QStringLiteral("LTC1.") + payload + u'.' + b64(QByteArray(63, '\x11'));
    QTest::newRow("signature 65 bytes") << QStringLiteral("LTC1.") + payload + u'.' + b64(QByteArray(65, '\x11'));
    QTest::newRow("trailing newline") << good + u'\n';
    QTest::newRow("leading space") << u' ' + good;
    QTest::newRow("non-ASCII") << good + QStringLiteral("\u00e9");
    QTest::newRow("oversize payload") << QStringLiteral("LTC1.") + b64(QByteArray(161, '\x01')) + u'.' + signature;
    QTest::newRow("oversize text") << QStringLiteral("LTC1.") + QString(600, u'A') + u'.' + signature;
    QTest::newRow("10 kB burst") << QStringLiteral("LTC1.") + QString(10240, u'A');
    QTest::newRow("step with leading zero") << good + QStringLiteral(".059859060.") + device;
    QTest::newRow("step with sign") << good + QStringLiteral(".+59859060.") + device;
    QTest::newRow("step not a number") << good + QStringLiteral(".5985906x.") + device;
    QTest::newRow("step beyond uint32") << good + QStringLiteral(".4294967296.") + device;
    QTest::newRow("empty step") << good + QStringLiteral("..") + device;
    QTest::newRow("short device signature") << good + QStringLiteral(".59859060.") + b64(QByteArray(32, '\x22'));
}

void TestDigitalCardToken::malformedQrTextIsRefused()
{
    QFETCH(QString, text);
    QVERIFY(!DigitalCardQr::parse(text).has_value());
}

QTEST_GUILESS_MAIN(TestDigitalCardToken)
#include "TestDigitalCardToken.moc"
