#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace loyalty {

// What the command line asked for, checked for form (numbers are numbers, a sale has lines) but
// not yet against the database.
struct CtlRequest
{
    enum class Command
    {
        Help,
        Version,
        Demo,
        Members,
        Products,
        Balance,
        Quote,
        Sale,
        Sales,
        Return,
        Expire,
        Feedback,
        ProgrammeLoad,
        ProgrammeShow,
        Check,
        Decode,
        Provision,
        Sync,
        Outbox,
        AuditVerify,
        AuditList,
        StaffAdd,
        StaffList,
        Backup,
        Receipt
    };

    // receipt: where the receipt goes.
    enum class ReceiptTarget
    {
        Text,     // plain text on standard output (the default, --text)
        File,     // --out FILE: the ESC/POS bytes
        Network,  // --to tcp://HOST:PORT
        Device    // --device PATH
    };

    // One --line EAN[:QTY] of a sale, a quote or a return.
    struct SaleLine
    {
        QString ean;
        qint64 quantity = 1;
    };

    Command command = Command::Help;
    QString databasePath;
    bool databaseGiven = false;  // --db was on the command line, not the default
    bool json = false;
    // demo without --members: keep the demo data there is and add only the history.
    static constexpr qint64 kKeepDemoMembers = -1;
    qint64 memberCount = 0;  // demo --members
    int historyDays = 0;     // demo --history-days
    int limit = 0;           // members/products --limit, sales --last
    QString card;            // balance CARD, sale/quote --card (empty: a sale without member)
    QList<SaleLine> lines;   // sale/quote/return --line
    // quote/sale/expire --at: the till's local time to evaluate (and, for sale, record) at; empty: now.
    std::optional<QDateTime> at;
    QStringList couponCodes;      // quote/sale --coupon, upper-case, each once
    qint64 redeemPoints = 0;      // quote/sale --redeem
    QStringList rewardIds;        // quote/sale --reward
    qint64 walletSpendMinor = 0;  // quote/sale --wallet
    QString sale;                 // return/feedback --sale: a sale's number or its UUID
    QString programmeFile;        // programme load FILE
    // provision --hq URL --code CODE [--ca FILE | --pin PIN] [--allow-plain-loopback] [--name NAME]
    QString hqUrl;
    QString provisionCode;
    QString caFile;
    QString pin;
    bool allowPlainLoopback = false;
    QString tillName;
    // staff add --name NAME --role manager|cashier (the PIN comes from standard input)
    QString staffName;
    QString staffRole;
    QString backupPath;  // backup --out FILE
    // receipt SALE [--width 58|80] [--copy] [--text | --out FILE | --to tcp://HOST:PORT | --device PATH]
    int paperWidthMm = 80;
    bool receiptCopy = false;
    ReceiptTarget receiptTarget = ReceiptTarget::Text;
    QString receiptFile;
    QString printerHost;
    quint16 printerPort = 9100;
    QString printerDevice;
    int timeoutSeconds = 0;  // provision, sync --timeout; 0: the client's default (30 s)
    // --clock-offset: for tests, the till's clock runs this many seconds ahead (negative: behind).
    qint64 clockOffsetSeconds = 0;
};

}  // namespace loyalty
