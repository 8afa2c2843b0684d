#pragma once

#include <QString>

namespace loyalty::sync {

// The till's sync settings in the settings table; all absent until the till is provisioned.
inline const QString kHqUrlKey = QStringLiteral("sync.hq_url");               // https://hq.example:8443
inline const QString kTillSecretKey = QStringLiteral("sync.till_secret");     // base64, 32 bytes
inline const QString kHqPublicKeyKey = QStringLiteral("sync.hq_public_key");  // base64 raw Ed25519
inline const QString kCaFileKey = QStringLiteral("sync.ca_file");             // PEM file to verify TLS with
inline const QString kPinKey = QStringLiteral("sync.pin");                    // sha256/BASE64 of the server's SPKI
inline const QString kAllowPlainLoopbackKey = QStringLiteral("sync.allow_plain_loopback");  // "1"
inline const QString kCursorKey = QStringLiteral("sync.cursor");                            // the pull feed's cursor
inline const QString kProvisionedKey = QStringLiteral("sync.provisioned");   // "1" once the snapshot is complete
inline const QString kLastSuccessKey = QStringLiteral("sync.last_success");  // ISO time of the last full round
inline const QString kClockOffsetKey = QStringLiteral("sync.clock_offset");  // seconds head office is ahead

}  // namespace loyalty::sync
