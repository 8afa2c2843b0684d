#pragma once

#include "common/Result.h"
#include "staff/PinHash.h"

#include <QCoreApplication>

namespace loyalty {

// Hashes and checks staff PINs with PBKDF2-HMAC-SHA256 (OpenSSL 3): 600,000 iterations, a 16-byte
// random salt per PIN, 32 bytes of output, compared in constant time. Deliberately slow (a few
// tenths of a second): a PIN has at most 10^8 values, so only the cost per guess protects a stolen
// database. There is no way to lower the cost for new PINs; stored PINs are checked with the cost
// their kdf string names, and needsRehash() tells when one was stored with less than today's.
//
// PIN rules: 4 to 8 ASCII digits; refused are PINs of one repeated digit (0000, 777777) and runs
// up or down (1234, 3456, 98765, 0123), the first PINs anybody tries.
class PinHasher final
{
    Q_DECLARE_TR_FUNCTIONS(PinHasher)

public:
    static constexpr int kIterations = 600'000;
    static constexpr int kSaltBytes = 16;
    static constexpr int kHashBytes = 32;
    static constexpr int kMinDigits = 4;
    static constexpr int kMaxDigits = 8;
    static_assert(kIterations >= 600'000, "the issue asks for PBKDF2-HMAC-SHA256 with at least 600,000 iterations");

    // "pbkdf2-sha256:600000", stored in staff.kdf.
    static QString currentKdf();

    // Refuses a PIN that breaks the rules above (InvalidInput, reason "pin_format" or "pin_trivial").
    static Result<Done> checkRules(const QString& pin);
    // A new salt and the PIN's hash with today's cost. Checks the rules first.
    static Result<PinHash> hash(const QString& pin);
    // Whether `pin` is the stored one, with the cost the stored kdf names. An unknown kdf string is
    // an error (Corrupt), never a silent "wrong PIN".
    static Result<bool> verify(const QString& pin, const PinHash& stored);
    static bool needsRehash(const QString& kdf);

    // The raw function, for known-answer tests against published vectors.
    static QByteArray pbkdf2Sha256(const QByteArray& password, const QByteArray& salt, int iterations,
                                   int length = kHashBytes);
};

}  // namespace loyalty
