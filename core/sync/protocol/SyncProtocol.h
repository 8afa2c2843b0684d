#pragma once

#include <QString>

namespace loyalty::sync {

// The constants of sync protocol version 1 (docs/sync-protocol.md), shared by the till and head office.
inline constexpr int kProtocolVersion = 1;

inline constexpr qint64 kMaxBodyBytes = 8 * 1024 * 1024;
inline constexpr int kMaxEventsPerBatch = 1000;
inline constexpr int kDefaultChangesLimit = 1000;
inline constexpr int kMaxChangesLimit = 5000;
// A signed request's timestamp may be this far from head office's clock...
inline constexpr qint64 kClockSkewSeconds = 300;
// ...and its nonce is remembered this long, so a replay inside the skew window is caught.
inline constexpr qint64 kNonceMemorySeconds = 600;

inline const QString kProvisionPath = QStringLiteral("/v1/provision");
inline const QString kEventsPath = QStringLiteral("/v1/events");
inline const QString kChangesPath = QStringLiteral("/v1/changes");
inline const QString kStatusPath = QStringLiteral("/v1/status");
// A ready till database of the shared tables for a new till (TillSnapshotStore, SnapshotRoute).
inline const QString kSnapshotPath = QStringLiteral("/v1/snapshot");

inline const QByteArray kTillHeader = QByteArrayLiteral("X-Loyalty-Till");
inline const QByteArray kTimestampHeader = QByteArrayLiteral("X-Loyalty-Timestamp");
inline const QByteArray kNonceHeader = QByteArrayLiteral("X-Loyalty-Nonce");
inline const QByteArray kSignatureHeader = QByteArrayLiteral("X-Loyalty-Signature");

// Per-event results of a push.
inline const QString kAccepted = QStringLiteral("accepted");
inline const QString kDuplicate = QStringLiteral("duplicate");
inline const QString kRejected = QStringLiteral("rejected");

// Kinds of change in the pull feed.
inline const QString kMemberChange = QStringLiteral("member");
inline const QString kCardChange = QStringLiteral("card");
inline const QString kLedgerChange = QStringLiteral("ledger");
inline const QString kSaleChange = QStringLiteral("sale");
inline const QString kCouponChange = QStringLiteral("coupon");
inline const QString kProductChange = QStringLiteral("product");
inline const QString kProgrammeChange = QStringLiteral("programme");
inline const QString kRevokedCardChange = QStringLiteral("revoked_card");
inline const QString kCardKeyChange = QStringLiteral("card_key");

// The uuid of a member who came without one (demo data, members stored before schema 6): derived
// from the member number so the till's demo and head office's demo name the same person alike.
inline QString memberUuidForNumber(qint64 number)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(number, 12, 10, QLatin1Char('0'));
}

}  // namespace loyalty::sync
