// Offline verification of digital card QR codes against a real till database: the trust list
// with key rotation, revocation, validity dates, rotating codes and every way a code is refused.
#include "cards/digital/CardTrustList.h"
#include "cards/digital/DigitalCardDecoder.h"
#include "cards/digital/DigitalCardIssuer.h"
#include "cards/digital/DigitalCardQr.h"
#include "cards/digital/Ed25519.h"
#include "cards/digital/RevokedCardList.h"
#include "cards/digital/RotatingCodeSigner.h"
#include "core/CoreTestSupport.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QTemporaryDir>
#include <QTest>

using namespace loyalty;
using loyalty::test::errorText;

namespace {

const QDateTime kNow(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC);
const QDateTime kKeyOneFrom(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
const QDateTime kKeyOneRetired(QDate(2026, 10, 1), QTime(0, 0), Qt::UTC);
const QDateTime kKeyTwoFrom(QDate(2026, 9, 1), QTime(0, 0), Qt::UTC);
const QString kCardId = QStringLiteral("2000000123455");
const QString kRevokedCardId = QStringLiteral("2000000000053");

// Fixed keys make the table below reproducible; real keys come from Ed25519::generate().
QByteArray secret(char seed)
{
    return QByteArray(Ed25519::kKeySize, seed);
}
const QByteArray kKeyOneSecret = secret('\x01');  // head office key 1, retired on 2026-10-01
const QByteArray kKeyTwoSecret = secret('\x02');  // head office key 2, current
const QByteArray kRogueSecret = secret('\x03');   // nobody trusts it
const QByteArray kDeviceSecret = secret('\x04');  // the member's phone
const QByteArray kOtherDevice = secret('\x05');   // somebody else's phone

QByteArray publicKey(const QByteArray& secretKey)
{
    return Ed25519::publicKeyFor(secretKey).value();
}

DigitalCardToken card(const QString& cardId = kCardId, const QDateTime& issued = kNow.addDays(-1),
                      const QDateTime& expiry = kNow.addDays(365), bool rotating = false)
{
    DigitalCardToken token;
    token.cardId = cardId;
    token.issued = issued;
    token.expiry = expiry;
    if (rotating)
        token.devicePublicKey = publicKey(kDeviceSecret);
    return token;
}

QString issue(const DigitalCardToken& token, quint16 keyId = 2, const QByteArray& secretKey = kKeyTwoSecret)
{
    return DigitalCardIssuer(keyId, secretKey).issue(token).value();
}

QString rotate(const QString& issued, int stepOffset, const QByteArray& device = kDeviceSecret)
{
    const quint32 step = RotatingCodeSigner::timeStep(kNow) + quint32(stepOffset);
    return RotatingCodeSigner::sign(issued, device, step).value();
}

// A payload signed properly by key 2, however odd its content: tests the checks after the signature.
QString signRaw(const QByteArray& payload)
{
    const QByteArray signature = Ed25519::sign(kKeyTwoSecret, DigitalCardToken::signedMessage(payload)).value();
    return DigitalCardQr{payload, signature, std::nullopt}.toText();
}

QString withPayloadByteFlipped(const QString& text, int index)
{
    DigitalCardQr qr = DigitalCardQr::parse(text).value();
    qr.payload[index] = char(qr.payload[index] ^ 0x01);
    return qr.toText();
}

QString withSignatureByteFlipped(const QString& text, int index)
{
    DigitalCardQr qr = DigitalCardQr::parse(text).value();
    qr.signature[index] = char(qr.signature[index] ^ 0x80);
    return qr.toText();
}

}  // namespace

class TestDigitalCardDecoder final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void otherFormatsAreLeftAlone_data();
    void otherFormatsAreLeftAlone();
    void decodes_data();
    void decodes();
    void roundTripGivesTheCardId();
    void screenshotGoesStale();
    void removedKeyMakesItsCardsUnknown();
    void trustListRotation();
    void revokingTwiceKeepsTheFirstRecord();
    void refusalsNeverEchoTheCode();

private:
    Result<CardRead> decodeText(const QString& text) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<DigitalCardDecoder> m_decoder;
};

void TestDigitalCardDecoder::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(kNow);
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
    m_database = std::move(opened).value();

    CardTrustList trust(m_database->connection(), *m_clock);
    QVERIFY(trust.add(1, publicKey(kKeyOneSecret), kKeyOneFrom).ok());
    QVERIFY(trust.retire(1, kKeyOneRetired).ok());
    QVERIFY(trust.add(2, publicKey(kKeyTwoSecret), kKeyTwoFrom).ok());
    RevokedCardList revoked(m_database->connection(), *m_clock);
    QVERIFY(revoked.revoke(kRevokedCardId, QStringLiteral("lost phone")).ok());

    m_decoder = std::make_unique<DigitalCardDecoder>(m_database->connection(), *m_clock);
}

void TestDigitalCardDecoder::cleanup()
{
    m_decoder.reset();
    m_database.reset();
    m_clock.reset();
    m_dir.reset();
}

Result<CardRead> TestDigitalCardDecoder::decodeText(const QString& text) const
{
    const auto decoded = m_decoder->decode(text, CardSource::KeyboardWedge);
    if (!decoded)
        return Error{Error::Code::NotFound, QStringLiteral("not claimed"), QStringLiteral("not_claimed")};
    return *decoded;
}

void TestDigitalCardDecoder::otherFormatsAreLeftAlone_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("loyalty card number") << kCardId;
    QTest::newRow("track 2") << QStringLiteral(";2000000123455=2712?");
    QTest::newRow("lower-case prefix") << issue(card()).toLower();
    QTest::newRow("prefix without dot") << QStringLiteral("LTC1");
    QTest::newRow("other version") << QStringLiteral("LTC2.AQ.AQ");
    QTest::newRow("leading space") << u' ' + issue(card());
}

void TestDigitalCardDecoder::otherFormatsAreLeftAlone()
{
    QFETCH(QString, text);
    QVERIFY(!m_decoder->decode(text, CardSource::KeyboardWedge).has_value());
}

void TestDigitalCardDecoder::decodes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");  // empty: accepted

    const QString ok;
    const QString valid = issue(card());
    QTest::newRow("valid") << valid << ok;
    QTest::newRow("issued within clock skew") << issue(card(kCardId, kNow.addSecs(120))) << ok;
    QTest::newRow("expires in a second") << issue(card(kCardId, kNow.addDays(-1), kNow.addSecs(1))) << ok;
    QTest::newRow("alphanumeric card id") << issue(card(QStringLiteral("LT-0042"))) << ok;

    // Key rotation: key 1 trusts cards issued 2026-01-01 up to its retirement on 2026-10-01.
    QTest::newRow("retired key, issued before retirement")
        << issue(card(kCardId, kKeyOneRetired.addSecs(-1)), 1, kKeyOneSecret) << ok;
    QTest::newRow("retired key, issued at retirement")
        << issue(card(kCardId, kKeyOneRetired), 1, kKeyOneSecret) << QStringLiteral("unknown_key");
    QTest::newRow("retired key, issued after retirement")
        << issue(card(kCardId, kNow.addDays(-1)), 1, kKeyOneSecret) << QStringLiteral("unknown_key");
    QTest::newRow("key 2, issued before its start")
        << issue(card(kCardId, kKeyTwoFrom.addSecs(-1))) << QStringLiteral("unknown_key");
    QTest::newRow("unknown key id") << issue(card(), 7, kKeyTwoSecret) << QStringLiteral("unknown_key");
    QTest::newRow("unknown key id, max") << issue(card(), 65535, kRogueSecret) << QStringLiteral("unknown_key");

    // Forgeries.
    QTest::newRow("flipped card id byte") << withPayloadByteFlipped(valid, 4) << QStringLiteral("forged");
    QTest::newRow("flipped expiry byte") << withPayloadByteFlipped(valid, 3 + 13 + 4 + 3) << QStringLiteral("forged");
    QTest::newRow("flipped first signature byte") << withSignatureByteFlipped(valid, 0) << QStringLiteral("forged");
    QTest::newRow("flipped last signature byte") << withSignatureByteFlipped(valid, 63) << QStringLiteral("forged");
    QTest::newRow("untrusted key under a known key id") << issue(card(), 2, kRogueSecret) << QStringLiteral("forged");
    QTest::newRow("key 1 signature claiming key 2")
        << issue(card(kCardId, kKeyOneRetired.addDays(-1)), 2, kKeyOneSecret) << QStringLiteral("forged");

    // Dates and revocation.
    QTest::newRow("expired") << issue(card(kCardId, kNow.addDays(-60), kNow.addDays(-5))) << QStringLiteral("expired");
    QTest::newRow("expires this second") << issue(card(kCardId, kNow.addDays(-1), kNow)) << QStringLiteral("expired");
    QTest::newRow("not yet valid") << issue(card(kCardId, kNow.addSecs(3600))) << QStringLiteral("not_yet_valid");
    QTest::newRow("just beyond clock skew")
        << issue(card(kCardId, kNow.addSecs(301))) << QStringLiteral("not_yet_valid");
    QTest::newRow("revoked") << issue(card(kRevokedCardId)) << QStringLiteral("revoked");
    QTest::newRow("revoked and expired") << issue(card(kRevokedCardId, kNow.addDays(-60), kNow.addDays(-5)))
                                         << QStringLiteral("revoked");

    // Rotating codes: 30-second steps, the current one and one either side accepted.
    const QString rotating = issue(card(kCardId, kNow.addDays(-1), kNow.addDays(365), true));
    QTest::newRow("rotating, current step") << rotate(rotating, 0) << ok;
    QTest::newRow("rotating, previous step") << rotate(rotating, -1) << ok;
    QTest::newRow("rotating, next step") << rotate(rotating, 1) << ok;
    QTest::newRow("rotating, two steps old") << rotate(rotating, -2) << QStringLiteral("stale_code");
    QTest::newRow("rotating, two steps ahead") << rotate(rotating, 2) << QStringLiteral("stale_code");
    QTest::newRow("rotating, an hour old") << rotate(rotating, -120) << QStringLiteral("stale_code");
    QTest::newRow("rotating, step 0") << RotatingCodeSigner::sign(rotating, kDeviceSecret, 0).value()
                                      << QStringLiteral("stale_code");
    QTest::newRow("rotating, code missing") << rotating << QStringLiteral("stale_code");
    QTest::newRow("rotating, other phone's signature") << rotate(rotating, 0, kOtherDevice) << QStringLiteral("forged");
    QTest::newRow("rotating, head office key as device")
        << rotate(rotating, 0, kKeyTwoSecret) << QStringLiteral("forged");
    {
        // A valid code for one step relabelled as the current one.
        const QString old = rotate(rotating, -10);
        DigitalCardQr qr = DigitalCardQr::parse(old).value();
        qr.rotatingCode->timeStep = RotatingCodeSigner::timeStep(kNow);
        QTest::newRow("rotating, step relabelled") << qr.toText() << QStringLiteral("forged");
    }
    QTest::newRow("rotating code on a plain card") << rotate(valid, 0) << QStringLiteral("malformed_digital_card");
    QTest::newRow("rotating and expired")
        << rotate(issue(card(kCardId, kNow.addDays(-60), kNow.addDays(-5), true)), 0) << QStringLiteral("expired");

    // Malformed.
    const QString malformed = QStringLiteral("malformed_digital_card");
    QTest::newRow("prefix only") << QStringLiteral("LTC1.") << malformed;
    QTest::newRow("bad base64") << QStringLiteral("LTC1.%%%.$$$") << malformed;
    QTest::newRow("padded base64") << valid + QStringLiteral("=") << malformed;
    QTest::newRow("truncated") << valid.chopped(10) << malformed;
    QTest::newRow("truncated to the payload") << valid.left(valid.lastIndexOf(u'.')) << malformed;
    QTest::newRow("trailing carriage return") << valid + u'\r' << malformed;
    QTest::newRow("oversize") << valid + QStringLiteral(".1.") + QString(600, u'A') << malformed;
    QTest::newRow("10 kB") << QStringLiteral("LTC1.") + QString(10240, u'9') << malformed;
    QTest::newRow("control characters") << QStringLiteral("LTC1.\x01\x02.\x1b[2J") << malformed;
    QByteArray keyed = card().encodePayload().value();
    keyed[keyed.size() - 1] = 2;  // key id 2, so signRaw's signature is a valid one
    QByteArray wrongVersion = keyed;
    wrongVersion[0] = 2;
    QTest::newRow("wrong version, validly signed") << signRaw(wrongVersion) << malformed;
    QByteArray unknownFlag = keyed;
    unknownFlag[1] = char(0x80);
    QTest::newRow("unknown flag, validly signed") << signRaw(unknownFlag) << malformed;
    QTest::newRow("trailing byte, validly signed") << signRaw(keyed + '\0') << malformed;
    QTest::newRow("truncated payload, validly signed") << signRaw(keyed.chopped(1)) << malformed;
    QTest::newRow("empty payload, validly signed") << signRaw(QByteArray()) << malformed;
}

void TestDigitalCardDecoder::decodes()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);

    const auto read = decodeText(text);
    if (reason.isEmpty()) {
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().reason + u' ' + read.error().message));
        QCOMPARE(read->kind, CardRead::Kind::DigitalCard);
        QCOMPARE(read->format, QStringLiteral("qr"));
        QCOMPARE(read->source, CardSource::KeyboardWedge);
        QVERIFY(!read->identifier.isEmpty());
        return;
    }
    QVERIFY2(!read.ok(), "a digital card that should be refused was accepted");
    QCOMPARE(read.error().reason, reason);
    const auto expectedCode =
        reason == QLatin1String("malformed_digital_card") ? Error::Code::InvalidInput : Error::Code::Refused;
    QCOMPARE(read.error().code, expectedCode);
    QVERIFY(!read.error().message.isEmpty());
}

void TestDigitalCardDecoder::roundTripGivesTheCardId()
{
    for (const QString& cardId : {kCardId, QStringLiteral("2000000000015"), QStringLiteral("LT-0042")}) {
        const QString qr = issue(card(cardId));
        const auto read = m_decoder->decode(qr, CardSource::Serial);
        QVERIFY(read.has_value());
        QVERIFY2(read->ok(), qPrintable(errorText(*read)));
        QCOMPARE((*read)->identifier, cardId);
        QCOMPARE((*read)->kind, CardRead::Kind::DigitalCard);
        QCOMPARE((*read)->source, CardSource::Serial);
        QCOMPARE((*read)->format, QStringLiteral("qr"));
    }
    const auto generated = Ed25519::generate().value();
    CardTrustList trust(m_database->connection(), *m_clock);
    QVERIFY(trust.add(300, generated.publicKey, kNow.addDays(-30)).ok());
    const QString qr = issue(card(), 300, generated.secretKey);
    QCOMPARE(decodeText(qr)->identifier, kCardId);
}

void TestDigitalCardDecoder::screenshotGoesStale()
{
    const QString issued = issue(card(kCardId, kNow.addDays(-1), kNow.addDays(365), true));
    const QString shown = rotate(issued, 0);  // kNow is on a step boundary
    QVERIFY(decodeText(shown).ok());
    m_clock->advanceSeconds(59);
    QVERIFY(decodeText(shown).ok());
    m_clock->advanceSeconds(1);
    QCOMPARE(decodeText(shown).error().reason, QStringLiteral("stale_code"));

    // The phone shows a fresh code and it works again; a wider window is a policy choice.
    const QString fresh =
        RotatingCodeSigner::sign(issued, kDeviceSecret, RotatingCodeSigner::timeStep(m_clock->now())).value();
    QVERIFY(decodeText(fresh).ok());
    DigitalCardPolicy lenient;
    lenient.stepWindow = 4;
    const DigitalCardDecoder lenientDecoder(m_database->connection(), *m_clock, lenient);
    QVERIFY(lenientDecoder.decode(shown, CardSource::KeyboardWedge)->ok());
}

void TestDigitalCardDecoder::removedKeyMakesItsCardsUnknown()
{
    const QString qr = issue(card(kCardId, kKeyOneRetired.addDays(-10)), 1, kKeyOneSecret);
    QVERIFY(decodeText(qr).ok());
    CardTrustList trust(m_database->connection(), *m_clock);
    QVERIFY(trust.remove(1).ok());
    QCOMPARE(decodeText(qr).error().reason, QStringLiteral("unknown_key"));
    QCOMPARE(trust.remove(1).error().code, Error::Code::NotFound);
}

void TestDigitalCardDecoder::trustListRotation()
{
    CardTrustList trust(m_database->connection(), *m_clock);
    const auto keys = trust.all();
    QVERIFY(keys.ok());
    QCOMPARE(keys->size(), 2);
    QCOMPARE(keys->at(0).keyId, quint16(1));
    QCOMPARE(keys->at(0).publicKey, publicKey(kKeyOneSecret));
    QCOMPARE(keys->at(0).validFrom, kKeyOneFrom);
    QCOMPARE(keys->at(0).validUntil.value_or(QDateTime()), kKeyOneRetired);
    QCOMPARE(keys->at(0).addedAt, kNow);
    QVERIFY(!keys->at(1).validUntil.has_value());

    QCOMPARE(trust.add(2, publicKey(kRogueSecret), kNow).error().code, Error::Code::Conflict);
    QCOMPARE(trust.add(3, QByteArray(31, '\x01'), kNow).error().code, Error::Code::InvalidInput);
    QCOMPARE(trust.retire(9, kNow).error().code, Error::Code::NotFound);
    QVERIFY(!trust.find(9)->has_value());

    // The key stored is the key that verifies: the rogue key under id 2 did not replace it.
    QVERIFY(decodeText(issue(card())).ok());

    // Retiring key 2 today: yesterday's cards stay good, a card issued after now would not be.
    QVERIFY(trust.retire(2, kNow).ok());
    QVERIFY(decodeText(issue(card(kCardId, kNow.addSecs(-1)))).ok());
    QCOMPARE(decodeText(issue(card(kCardId, kNow.addSecs(60)))).error().reason, QStringLiteral("unknown_key"));
}

void TestDigitalCardDecoder::revokingTwiceKeepsTheFirstRecord()
{
    const test::RawConnection raw(m_database->path());
    const QString rows = QStringLiteral("SELECT card_id, revoked_at, reason FROM revoked_digital_cards");
    const QStringList before = raw.rows(rows);
    QCOMPARE(before, QStringList{kRevokedCardId + QStringLiteral("|2026-11-22T09:30:00.000Z|lost phone")});
    m_clock->advanceSeconds(3600);
    RevokedCardList revoked(m_database->connection(), *m_clock);
    QVERIFY(revoked.revoke(kRevokedCardId, QStringLiteral("again")).ok());
    QCOMPARE(raw.rows(rows), before);
    QVERIFY(*revoked.isRevoked(kRevokedCardId));
    QVERIFY(!*revoked.isRevoked(kCardId));
    QCOMPARE(revoked.revoke(QString(), QStringLiteral("x")).error().code, Error::Code::InvalidInput);
}

void TestDigitalCardDecoder::refusalsNeverEchoTheCode()
{
    const QString valid = issue(card());
    const QStringList refusedCodes{withSignatureByteFlipped(valid, 5),
                                   issue(card(kRevokedCardId)),
                                   issue(card(), 9),
                                   issue(card(kCardId, kNow.addDays(-60), kNow.addDays(-5))),
                                   valid.chopped(4),
                                   issue(card(kCardId, kNow.addDays(-1), kNow.addDays(365), true))};
    for (const QString& text : refusedCodes) {
        const auto read = decodeText(text);
        QVERIFY(!read.ok());
        const QString& message = read.error().message;
        for (const QString& part : text.split(u'.', Qt::SkipEmptyParts)) {
            if (part.size() > 4)
                QVERIFY2(!message.contains(part), qPrintable(message));
        }
        QVERIFY2(!message.contains(kCardId) && !message.contains(kRevokedCardId), qPrintable(message));
    }
}

QTEST_GUILESS_MAIN(TestDigitalCardDecoder)
#include "TestDigitalCardDecoder.moc"
