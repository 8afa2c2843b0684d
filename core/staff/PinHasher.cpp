#include "staff/PinHasher.h"

#include <QRegularExpression>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace loyalty {

namespace {

const QString kKdfPrefix = QStringLiteral("pbkdf2-sha256:");
// A stored cost above this is damage (or an attempt to make every sign-in hang), not a setting.
constexpr int kMaxIterations = 100'000'000;

// The iterations a stored kdf string names; 0 for anything this program does not know.
int iterationsOf(const QString& kdf)
{
    if (!kdf.startsWith(kKdfPrefix))
        return 0;
    bool ok = false;
    const int iterations = kdf.mid(kKdfPrefix.size()).toInt(&ok);
    return ok && iterations >= 1 && iterations <= kMaxIterations ? iterations : 0;
}

bool isRun(const QString& pin, int step)
{
    for (qsizetype i = 1; i < pin.size(); ++i) {
        if (pin.at(i).digitValue() - pin.at(i - 1).digitValue() != step)
            return false;
    }
    return true;
}

}  // namespace

QString PinHasher::currentKdf()
{
    return kKdfPrefix + QString::number(kIterations);
}

Result<Done> PinHasher::checkRules(const QString& pin)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{%1,%2}$").arg(kMinDigits).arg(kMaxDigits));
    if (!digits.match(pin).hasMatch()) {
        return Error{Error::Code::InvalidInput,
                     tr("A PIN has %1 to %2 digits and nothing else.").arg(kMinDigits).arg(kMaxDigits),
                     QStringLiteral("pin_format")};
    }
    if (isRun(pin, 0) || isRun(pin, 1) || isRun(pin, -1)) {
        return Error{Error::Code::InvalidInput,
                     tr("This PIN is too easy to guess: no repeated digit (like 0000) and no run (like 1234)."),
                     QStringLiteral("pin_trivial")};
    }
    return Done{};
}

QByteArray PinHasher::pbkdf2Sha256(const QByteArray& password, const QByteArray& salt, int iterations, int length)
{
    QByteArray out(length, Qt::Uninitialized);
    const int ok = PKCS5_PBKDF2_HMAC(password.constData(), int(password.size()),
                                     reinterpret_cast<const unsigned char*>(salt.constData()), int(salt.size()),
                                     iterations, EVP_sha256(), length, reinterpret_cast<unsigned char*>(out.data()));
    if (ok != 1)
        return {};
    return out;
}

Result<PinHash> PinHasher::hash(const QString& pin)
{
    if (auto valid = checkRules(pin); !valid)
        return valid.error();
    PinHash stored;
    stored.salt = QByteArray(kSaltBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(stored.salt.data()), kSaltBytes) != 1)
        return Error{Error::Code::Storage, tr("The system's random number generator failed."),
                     QStringLiteral("random_failed")};
    stored.kdf = currentKdf();
    stored.hash = pbkdf2Sha256(pin.toUtf8(), stored.salt, kIterations);
    if (stored.hash.isEmpty())
        return Error{Error::Code::Storage, tr("The PIN could not be hashed."), QStringLiteral("kdf_failed")};
    return stored;
}

Result<bool> PinHasher::verify(const QString& pin, const PinHash& stored)
{
    const int iterations = iterationsOf(stored.kdf);
    if (iterations == 0 || stored.hash.size() < 16 || stored.salt.isEmpty()) {
        return Error{
            Error::Code::Corrupt,
            tr("The stored PIN uses an unknown method (\"%1\"); a manager has to set a new PIN.").arg(stored.kdf),
            QStringLiteral("unknown_kdf")};
    }
    const QByteArray derived = pbkdf2Sha256(pin.toUtf8(), stored.salt, iterations, int(stored.hash.size()));
    if (derived.isEmpty())
        return Error{Error::Code::Storage, tr("The PIN could not be hashed."), QStringLiteral("kdf_failed")};
    // Constant time, so the comparison does not tell how many leading bytes were right.
    return CRYPTO_memcmp(derived.constData(), stored.hash.constData(), size_t(derived.size())) == 0;
}

bool PinHasher::needsRehash(const QString& kdf)
{
    return iterationsOf(kdf) < kIterations || !kdf.startsWith(kKdfPrefix);
}

}  // namespace loyalty
