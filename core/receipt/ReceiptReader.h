#pragma once

#include "cards/digital/DigitalCardIssuer.h"
#include "common/Result.h"
#include "receipt/ReceiptData.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace loyalty {

struct Programme;

// Reads one completed sale for its receipt, entirely from the till database: the till, the sale and
// its lines, each effect with its stored reason, and the member's balances as they were right after
// the sale (the ledger up to and including the sale's own entries), so a reprint next week shows the
// same numbers as the first print. It never writes.
//
// The QR code: the member's digital card when the reader was given head office's card key (a till
// normally has only the public keys, so it cannot sign one) and the member has a digital card; else
// the feedback survey URL of the settings key receipt.qr_url with {sale} (the sale's uuid),
// {member} (the member's uuid, empty without one) and {till} (the till id) replaced; none when the
// key is unset or empty.
class ReceiptReader final
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptReader)

public:
    static inline const QString kQrUrlKey = QStringLiteral("receipt.qr_url");
    static inline const QString kHeaderKey = QStringLiteral("receipt.header");  // lines separated by '\n'
    static constexpr int kExpiringDays = 30;
    static constexpr int kDigitalCardValidDays = 365;

    explicit ReceiptReader(const QSqlDatabase& db, std::optional<DigitalCardIssuer> cardIssuer = std::nullopt);

    Result<ReceiptData> read(qint64 saleId) const;

    // "•••• •••• 3455": only the last four characters of a card number.
    static QString maskCardNumber(const QString& cardNumber);

private:
    Result<Done> readTill(ReceiptData& data) const;
    Result<Done> readLines(ReceiptData& data) const;
    Result<Done> readEffects(ReceiptData& data) const;
    Result<Done> readMember(qint64 memberId, const QString& cardNumber, int programmeVersion, ReceiptData& data) const;
    Result<qint64> lastLedgerEntryOf(qint64 saleId, qint64 memberId, const QString& completedAt) const;
    Result<Programme> programmeOf(int version) const;
    Result<Done> readQr(const std::optional<qint64>& memberId, ReceiptData& data) const;
    Result<std::optional<QString>> setting(const QString& key) const;

    QSqlDatabase m_db;
    std::optional<DigitalCardIssuer> m_cardIssuer;
};

}  // namespace loyalty
