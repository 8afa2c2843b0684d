// PIN hashing: PBKDF2-HMAC-SHA256 against published vectors and an independently computed hash at
// the production cost, fresh salts, the PIN rules, and a stored method this program does not know.
#include "staff/PinHasher.h"

#include <QTest>

using namespace loyalty;

class TestPinHasher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pbkdf2MatchesPublishedVectors_data();
    void pbkdf2MatchesPublishedVectors();
    void productionCostIsAtLeast600000Iterations();
    void verifiesAHashComputedElsewhereAtTheProductionCost();
    void everyHashHasItsOwnSalt();
    void pinRules_data();
    void pinRules();
    void unknownMethodIsAnErrorNotAWrongPin();
};

void TestPinHasher::pbkdf2MatchesPublishedVectors_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("salt");
    QTest::addColumn<int>("iterations");
    QTest::addColumn<QByteArray>("expectedHex");
    // RFC 7914, section 11 (PBKDF2-HMAC-SHA256 test vectors).
    QTest::newRow("rfc7914 passwd/salt/1") << QByteArray("passwd") << QByteArray("salt") << 1
                                           << QByteArray("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20d"
                                                         "acbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd50911"
                                                         "2041d3a19783");
    QTest::newRow("rfc7914 Password/NaCl/80000")
        << QByteArray("Password") << QByteArray("NaCl") << 80000
        << QByteArray("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b317"
                      "6a272bdebba1d078478f62b397f33c8d");
}

void TestPinHasher::pbkdf2MatchesPublishedVectors()
{
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, salt);
    QFETCH(int, iterations);
    QFETCH(QByteArray, expectedHex);
    QCOMPARE(PinHasher::pbkdf2Sha256(password, salt, iterations, 64).toHex(), expectedHex);
}

void TestPinHasher::productionCostIsAtLeast600000Iterations()
{
    QVERIFY(PinHasher::kIterations >= 600'000);
    QCOMPARE(PinHasher::currentKdf(), QStringLiteral("pbkdf2-sha256:600000"));
    QVERIFY(PinHasher::needsRehash(QStringLiteral("pbkdf2-sha256:100000")));
    QVERIFY(!PinHasher::needsRehash(PinHasher::currentKdf()));
}

void TestPinHasher::verifiesAHashComputedElsewhereAtTheProductionCost()
{
    // Python: hashlib.pbkdf2_hmac('sha256', b'2580', bytes(range(16)), 600000).hex()
    QByteArray salt;
    for (char byte = 0; byte < 16; ++byte)
        salt.append(byte);
    const PinHash stored{QByteArray::fromHex("e0e958c42460162a98cea32b6494b3b995202fa65b59f7c85272d5aee1219c2d"), salt,
                         QStringLiteral("pbkdf2-sha256:600000")};
    const auto right = PinHasher::verify(QStringLiteral("2580"), stored);
    QVERIFY(right.ok());
    QVERIFY(*right);
    const auto wrong = PinHasher::verify(QStringLiteral("2581"), stored);
    QVERIFY(wrong.ok());
    QVERIFY(!*wrong);
}

void TestPinHasher::everyHashHasItsOwnSalt()
{
    const auto first = PinHasher::hash(QStringLiteral("2580"));
    const auto second = PinHasher::hash(QStringLiteral("2580"));
    QVERIFY(first.ok());
    QVERIFY(second.ok());
    QCOMPARE(first->salt.size(), PinHasher::kSaltBytes);
    QCOMPARE(first->hash.size(), PinHasher::kHashBytes);
    QCOMPARE(first->kdf, PinHasher::currentKdf());
    QVERIFY(first->salt != second->salt);
    QVERIFY(first->hash != second->hash);
    // The same PIN with the first salt gives the first hash: the output is the salt's and the PIN's.
    QCOMPARE(PinHasher::pbkdf2Sha256("2580", first->salt, PinHasher::kIterations), first->hash);
}

void TestPinHasher::pinRules_data()
{
    QTest::addColumn<QString>("pin");
    QTest::addColumn<QString>("reason");  // empty: accepted
    QTest::newRow("four digits") << QStringLiteral("2580") << QString();
    QTest::newRow("eight digits") << QStringLiteral("13572468") << QString();
    QTest::newRow("leading zeros") << QStringLiteral("00017") << QString();
    QTest::newRow("three digits") << QStringLiteral("258") << QStringLiteral("pin_format");
    QTest::newRow("nine digits") << QStringLiteral("135724680") << QStringLiteral("pin_format");
    QTest::newRow("letter") << QStringLiteral("25a0") << QStringLiteral("pin_format");
    QTest::newRow("space") << QStringLiteral("2580 ") << QStringLiteral("pin_format");
    QTest::newRow("empty") << QString() << QStringLiteral("pin_format");
    QTest::newRow("arabic-indic digits") << QStringLiteral("\u0662\u0665\u0668\u0660") << QStringLiteral("pin_format");
    QTest::newRow("repeated") << QStringLiteral("0000") << QStringLiteral("pin_trivial");
    QTest::newRow("repeated long") << QStringLiteral("77777777") << QStringLiteral("pin_trivial");
    QTest::newRow("run up") << QStringLiteral("1234") << QStringLiteral("pin_trivial");
    QTest::newRow("run up from zero") << QStringLiteral("012345") << QStringLiteral("pin_trivial");
    QTest::newRow("run down") << QStringLiteral("9876") << QStringLiteral("pin_trivial");
}

void TestPinHasher::pinRules()
{
    QFETCH(QString, pin);
    QFETCH(QString, reason);
    const auto checked = PinHasher::checkRules(pin);
    QCOMPARE(checked.ok(), reason.isEmpty());
    if (!checked.ok()) {
        QCOMPARE(checked.error().reason, reason);
        QCOMPARE(checked.error().code, Error::Code::InvalidInput);
        QVERIFY(!checked.error().message.isEmpty());
        // hash() applies the same rules before any work.
        QCOMPARE(PinHasher::hash(pin).error().reason, reason);
    }
}

void TestPinHasher::unknownMethodIsAnErrorNotAWrongPin()
{
    const PinHash stored{QByteArray(32, 'h'), QByteArray(16, 's'), QStringLiteral("scrypt:16384:8:1")};
    const auto checked = PinHasher::verify(QStringLiteral("2580"), stored);
    QVERIFY(!checked.ok());
    QCOMPARE(checked.error().code, Error::Code::Corrupt);
    QCOMPARE(checked.error().reason, QStringLiteral("unknown_kdf"));
    const PinHash absurd{QByteArray(32, 'h'), QByteArray(16, 's'), QStringLiteral("pbkdf2-sha256:0")};
    QVERIFY(!PinHasher::verify(QStringLiteral("2580"), absurd).ok());
}

QTEST_GUILESS_MAIN(TestPinHasher)
#include "TestPinHasher.moc"
