// The OpenSSL wrapper against the RFC 8032 section 7.1 test vectors, and its refusals.
#include "cards/digital/Ed25519.h"

#include <QTest>

using namespace loyalty;

class TestEd25519 final : public QObject
{
    Q_OBJECT

private slots:
    void rfc8032Vectors_data();
    void rfc8032Vectors();
    void generatedKeysSignAndVerify();
    void wrongSizesAreRefused_data();
    void wrongSizesAreRefused();
};

void TestEd25519::rfc8032Vectors_data()
{
    QTest::addColumn<QByteArray>("secretKey");
    QTest::addColumn<QByteArray>("publicKey");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("signature");

    QTest::newRow("test 1 (empty message)")
        << QByteArray::fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
        << QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a") << QByteArray()
        << QByteArray::fromHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e"
                               "39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    QTest::newRow("test 2 (one byte)")
        << QByteArray::fromHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb")
        << QByteArray::fromHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")
        << QByteArray::fromHex("72")
        << QByteArray::fromHex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f"
                               "3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    QTest::newRow("test 3 (two bytes)")
        << QByteArray::fromHex("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7")
        << QByteArray::fromHex("fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025")
        << QByteArray::fromHex("af82")
        << QByteArray::fromHex("6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67"
                               "f760984dc6594a7c15e9716ed28dc027beceea1ec40a");
}

void TestEd25519::rfc8032Vectors()
{
    QFETCH(QByteArray, secretKey);
    QFETCH(QByteArray, publicKey);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, signature);

    const auto derived = Ed25519::publicKeyFor(secretKey);
    QVERIFY(derived.ok());
    QCOMPARE(derived->toHex(), publicKey.toHex());

    const auto signedMessage = Ed25519::sign(secretKey, message);
    QVERIFY(signedMessage.ok());
    QCOMPARE(signedMessage->toHex(), signature.toHex());  // Ed25519 is deterministic

    QVERIFY(Ed25519::verify(publicKey, message, signature));
    QByteArray flipped = signature;
    flipped[10] = char(flipped[10] ^ 0x01);
    QVERIFY(!Ed25519::verify(publicKey, message, flipped));
    QVERIFY(!Ed25519::verify(publicKey, message + 'x', signature));
    QByteArray otherKey = publicKey;
    otherKey[0] = char(otherKey[0] ^ 0x01);
    QVERIFY(!Ed25519::verify(otherKey, message, signature));
}

void TestEd25519::generatedKeysSignAndVerify()
{
    const auto pair = Ed25519::generate();
    QVERIFY(pair.ok());
    QCOMPARE(pair->secretKey.size(), Ed25519::kKeySize);
    QCOMPARE(pair->publicKey.size(), Ed25519::kKeySize);
    QCOMPARE(Ed25519::publicKeyFor(pair->secretKey)->toHex(), pair->publicKey.toHex());

    const auto other = Ed25519::generate();
    QVERIFY(other.ok());
    QVERIFY(other->secretKey != pair->secretKey);

    const QByteArray message = QByteArrayLiteral("LTC1.payload");
    const auto signature = Ed25519::sign(pair->secretKey, message);
    QVERIFY(signature.ok());
    QCOMPARE(signature->size(), Ed25519::kSignatureSize);
    QVERIFY(Ed25519::verify(pair->publicKey, message, *signature));
    QVERIFY(!Ed25519::verify(other->publicKey, message, *signature));
}

void TestEd25519::wrongSizesAreRefused_data()
{
    QTest::addColumn<QByteArray>("secretKey");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("31 bytes") << QByteArray(31, '\x01');
    QTest::newRow("33 bytes") << QByteArray(33, '\x01');
    QTest::newRow("64-byte expanded key") << QByteArray(64, '\x01');
}

void TestEd25519::wrongSizesAreRefused()
{
    QFETCH(QByteArray, secretKey);

    const auto signature = Ed25519::sign(secretKey, QByteArrayLiteral("message"));
    QVERIFY(!signature.ok());
    QCOMPARE(signature.error().code, Error::Code::InvalidInput);
    QVERIFY(!Ed25519::publicKeyFor(secretKey).ok());

    const QByteArray goodSecret(32, '\x01');
    const QByteArray goodPublic = Ed25519::publicKeyFor(goodSecret).value();
    const QByteArray goodSignature = Ed25519::sign(goodSecret, QByteArrayLiteral("message")).value();
    QVERIFY(Ed25519::verify(goodPublic, QByteArrayLiteral("message"), goodSignature));
    QVERIFY(!Ed25519::verify(secretKey, QByteArrayLiteral("message"), goodSignature));
    QVERIFY(!Ed25519::verify(goodPublic, QByteArrayLiteral("message"), goodSignature.left(63)));
    QVERIFY(!Ed25519::verify(goodPublic, QByteArrayLiteral("message"), goodSignature + '\0'));
}

QTEST_GUILESS_MAIN(TestEd25519)
#include "TestEd25519.moc"
