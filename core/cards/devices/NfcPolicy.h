#pragma once

#include "cards/CardRead.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class SettingsRepository;

// Turns an NFC tag read into a card read. A tag whose NDEF Text record carries a loyalty number is
// read by that number; a bare UID (4 or 7 bytes, neither unique nor hard to clone) is accepted only
// where the till is configured for it (setting cards.allow_nfc_uid = 1).
//
// Not here: redemptions with a UID-only card above a configured amount need a second check (the
// member's date of birth): SaleSession::identityCheckNeeded() / confirmIdentity().
class NfcPolicy final
{
    Q_DECLARE_TR_FUNCTIONS(NfcPolicy)

public:
    explicit NfcPolicy(bool allowUidOnly = false);
    static Result<NfcPolicy> load(const SettingsRepository& settings);

    bool allowsUidOnly() const { return m_allowUidOnly; }

    // uidHex as PcscReaderMonitor::tagRead gives it; ndefText empty where the tag has none.
    // Errors (reason): "nfc_uid_not_allowed", "nfc_uid_invalid".
    Result<CardRead> toCardRead(const QString& uidHex, const QString& ndefText) const;

    static inline const QString kAllowNfcUid = QStringLiteral("cards.allow_nfc_uid");

private:
    bool m_allowUidOnly;
};

}  // namespace loyalty
