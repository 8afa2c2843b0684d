#pragma once

#include "cards/digital/Ed25519.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty::hq {

class HqDatabase;

// Head office's Ed25519 key that signs programme documents (tills verify with the public key they
// get at provisioning). Generated the first time a database is opened and kept in `settings`.
class HqSigningKey final
{
    Q_DECLARE_TR_FUNCTIONS(HqSigningKey)

public:
    static inline const QString kSettingKey = QStringLiteral("programme_signing_key");

    // The stored key, generated and stored first if there is none (in its own write transaction).
    static Result<Ed25519KeyPair> ensure(HqDatabase& database);
    // The stored key; the caller's transaction may be open.
    static Result<Ed25519KeyPair> load(HqDatabase& database);
};

}  // namespace loyalty::hq
