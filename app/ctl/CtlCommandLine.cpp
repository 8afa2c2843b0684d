#include "CtlCommandLine.h"

#include "demo/DemoDataGenerator.h"
#include "demo/DemoHistory.h"
#include "program/format/ProgrammeParser.h"
#include "sale/Basket.h"
#include "staff/StaffRole.h"
#include "sync/client/CertificatePin.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace loyalty {

namespace {

const QString kDb = QStringLiteral("db");
const QString kJson = QStringLiteral("json");
const QString kMembers = QStringLiteral("members");
const QString kHistoryDays = QStringLiteral("history-days");
const QString kLimit = QStringLiteral("limit");
const QString kLast = QStringLiteral("last");
const QString kCard = QStringLiteral("card");
const QString kLine = QStringLiteral("line");
const QString kAt = QStringLiteral("at");
const QString kCoupon = QStringLiteral("coupon");
const QString kRedeem = QStringLiteral("redeem");
const QString kReward = QStringLiteral("reward");
const QString kWallet = QStringLiteral("wallet");
const QString kSale = QStringLiteral("sale");
const QString kProgramme = QStringLiteral("programme");
const QString kHq = QStringLiteral("hq");
const QString kCode = QStringLiteral("code");
const QString kCa = QStringLiteral("ca");
const QString kPin = QStringLiteral("pin");
const QString kAllowPlainLoopback = QStringLiteral("allow-plain-loopback");
const QString kName = QStringLiteral("name");
const QString kRole = QStringLiteral("role");
const QString kAudit = QStringLiteral("audit");
const QString kStaff = QStringLiteral("staff");
const QString kTimeout = QStringLiteral("timeout");
const QString kClockOffset = QStringLiteral("clock-offset");
const QString kOut = QStringLiteral("out");
const QString kWidth = QStringLiteral("width");
const QString kCopy = QStringLiteral("copy");
const QString kText = QStringLiteral("text");
const QString kTo = QStringLiteral("to");
const QString kDevice = QStringLiteral("device");
// Head office answers a sync round within this; more is a typo rather than a wish.
constexpr int kMaxTimeoutSeconds = 3600;
// --clock-offset plays a till whose clock is wrong by up to a few days.
constexpr qint64 kMaxClockOffsetSeconds = 30LL * 24 * 3600;

// Options that belong to one command or another; using one with a command it does not belong to
// is a usage error rather than silently ignored.
const QStringList& commandOptions()
{
    static const QStringList options{kMembers,
                                     kHistoryDays,
                                     kLimit,
                                     kLast,
                                     kCard,
                                     kLine,
                                     kAt,
                                     kCoupon,
                                     kRedeem,
                                     kReward,
                                     kWallet,
                                     kSale,
                                     kHq,
                                     kCode,
                                     kCa,
                                     kPin,
                                     kAllowPlainLoopback,
                                     kName,
                                     kTimeout,
                                     kRole,
                                     kOut,
                                     kWidth,
                                     kCopy,
                                     kText,
                                     kTo,
                                     kDevice};
    return options;
}

struct CommandSpec
{
    QString name;  // one word, or two for a command with an action ("programme load")
    CtlRequest::Command command;
    QStringList options;
    int arguments = 0;  // positional arguments after the name: balance CARD, programme load FILE
};

const QList<CommandSpec>& commandSpecs()
{
    using Command = CtlRequest::Command;
    static const QStringList basketOptions{kCard, kLine, kAt, kCoupon, kRedeem, kReward, kWallet};
    static const QList<CommandSpec> specs{
        {QStringLiteral("demo"), Command::Demo, {kMembers, kHistoryDays}},
        {QStringLiteral("members"), Command::Members, {kLimit}},
        {QStringLiteral("products"), Command::Products, {kLimit}},
        {QStringLiteral("balance"), Command::Balance, {}, 1},
        {QStringLiteral("quote"), Command::Quote, basketOptions},
        {QStringLiteral("sale"), Command::Sale, basketOptions},
        {QStringLiteral("sales"), Command::Sales, {kLast}},
        {QStringLiteral("return"), Command::Return, {kSale, kLine}},
        {QStringLiteral("expire"), Command::Expire, {kAt}},
        {QStringLiteral("feedback"), Command::Feedback, {kSale}},
        {QStringLiteral("programme load"), Command::ProgrammeLoad, {}, 1},
        {QStringLiteral("programme show"), Command::ProgrammeShow, {}},
        {QStringLiteral("check"), Command::Check, {}},
        {QStringLiteral("decode"), Command::Decode, {}},
        {QStringLiteral("provision"),
         Command::Provision,
         {kHq, kCode, kCa, kPin, kAllowPlainLoopback, kName, kTimeout}},
        {QStringLiteral("sync"), Command::Sync, {kTimeout}},
        {QStringLiteral("outbox"), Command::Outbox, {}},
        {QStringLiteral("audit verify"), Command::AuditVerify, {}},
        {QStringLiteral("audit list"), Command::AuditList, {kLimit}},
        {QStringLiteral("staff add"), Command::StaffAdd, {kName, kRole}},
        {QStringLiteral("staff list"), Command::StaffList, {}},
        {QStringLiteral("backup"), Command::Backup, {kOut}},
        {QStringLiteral("receipt"), Command::Receipt, {kOut, kWidth, kCopy, kText, kTo, kDevice}, 1},
    };
    return specs;
}

const CommandSpec* findSpec(const QStringList& positional)
{
    const auto& specs = commandSpecs();
    const auto found = std::find_if(specs.cbegin(), specs.cend(), [&positional](const CommandSpec& spec) {
        const QStringList words = spec.name.split(u' ');
        return positional.mid(0, words.size()) == words;
    });
    return found == specs.cend() ? nullptr : &*found;
}

qsizetype wordsOf(const CommandSpec& spec)
{
    return spec.name.count(u' ') + 1;
}

const CommandSpec& specOf(CtlRequest::Command command)
{
    const auto& specs = commandSpecs();
    return *std::find_if(specs.cbegin(), specs.cend(),
                         [command](const CommandSpec& spec) { return spec.command == command; });
}

}  // namespace

CtlCommandLine::CtlCommandLine()
{
    m_parser.setApplicationDescription(description());
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOptions({
        {kDb, tr("The till database (default: %1 in the current folder).").arg(kDefaultDatabase), tr("path"),
         kDefaultDatabase},
        {kJson, tr("Print the result as one JSON document.")},
        {kMembers, tr("demo: how many members to create."), tr("N")},
        {kHistoryDays,
         tr("demo: also sell through the till for the past N days (default: 0, none; ./dev run asks for 365)."),
         tr("N")},
        {kLimit, tr("members, products, audit list: how many to list (default: %1).").arg(kDefaultListLimit), tr("N")},
        {kLast, tr("sales: how many of the most recent sales to list (default: %1).").arg(kDefaultSalesLimit), tr("N")},
        {kCard, tr("sale: the member's loyalty card (leave out for a sale without member)."), tr("card")},
        {kLine, tr("quote, sale, return: a product and optionally its quantity; repeat for every line."),
         tr("ean[:quantity]")},
        {kAt, tr("quote, sale, expire: the till's local time to evaluate at, e.g. 2026-12-24T17:30 (default: now)."),
         tr("time")},
        {kCoupon, tr("quote, sale: a coupon code; repeat for several."), tr("code")},
        {kRedeem, tr("quote, sale: points the member wants to redeem."), tr("points")},
        {kReward, tr("quote, sale: a reward of the programme to redeem; repeat for several."), tr("id")},
        {kWallet, tr("quote, sale: wallet amount to spend, in minor units (cents)."), tr("minor")},
        {kSale, tr("return, feedback: the sale's number or UUID."), tr("sale")},
        {kHq, tr("provision: head office's address, e.g. https://hq.example:8443."), tr("url")},
        {kCode, tr("provision: the one-time code from \"loyalty-hq terminal add\"."), tr("code")},
        {kCa, tr("provision: verify head office's certificate against the CA certificates in this PEM file."),
         tr("file")},
        {kPin,
         tr("provision: trust only the server key with this pin (sha256/BASE64, as \"loyalty-hq cert\" "
            "prints it)."),
         tr("pin")},
        {kAllowPlainLoopback,
         tr("provision: allow plain http to head office on this machine (development and tests only).")},
        {kName,
         tr("provision: the till's name at head office (default: its current name); staff add: the person's name."),
         tr("name")},
        {kRole, tr("staff add: manager or cashier."), tr("role")},
        {kOut,
         tr("backup: the new file to write the copy to (never overwritten); receipt: the file to write the "
            "ESC/POS bytes to."),
         tr("file")},
        {kWidth, tr("receipt: the paper width in mm, 58 or 80 (default: 80)."), tr("mm")},
        {kCopy, tr("receipt: mark the receipt as a copy (a reprint).")},
        {kText, tr("receipt: print the receipt as plain text on standard output (the default).")},
        {kTo, tr("receipt: send the receipt to a network printer, e.g. tcp://192.168.1.50:9100."), tr("url")},
        {kDevice, tr("receipt: send the receipt to a printer's device file, e.g. /dev/usb/lp0."), tr("path")},
        {kTimeout,
         tr("provision, sync: seconds to wait for head office before giving up (default: %1).")
             .arg(kDefaultTimeoutSeconds),
         tr("seconds")},
        {kClockOffset,
         tr("For tests: run the till's clock this many seconds ahead (negative: behind), for sales' times and "
            "head-office requests alike."),
         tr("seconds")},
    });
    m_parser.addPositionalArgument(
        QStringLiteral("command"),
        tr("demo, members, products, balance, quote, sale, sales, return, expire, feedback, programme, check, "
           "decode, provision, sync, outbox, audit, staff, backup or receipt."),
        tr("command [argument]"));
}

QString CtlCommandLine::description()
{
    const QStringList lines{
        tr("Administers a Loyalty Till database from the command line."),
        QString(),
        tr("Commands:"),
        tr("  demo --members N          fill a new, empty database with reproducible demo data"),
        tr("       [--history-days N]   … and a history of sales over the past N days"),
        tr("  demo --history-days N     add that history (and a demo manager) to an existing demo till"),
        tr("  members [--limit N]       list members and their cards"),
        tr("  products [--limit N]      list the product catalogue"),
        tr("  balance CARD              show a card's member and points balance"),
        tr("  quote [--card CARD] --line EAN[:QUANTITY]... [--at TIME] [--coupon CODE]..."),
        tr("        [--redeem POINTS] [--reward ID]... [--wallet MINOR]"),
        tr("                            show what the programme would give for a basket;"),
        tr("                            writes nothing"),
        tr("  sale [--card CARD] --line EAN[:QUANTITY]... [the options of quote]"),
        tr("                            complete a sale exactly as the till does; with --at"),
        tr("                            it is evaluated and recorded at that time"),
        tr("  sales [--last N]          list the most recent sales"),
        tr("  return --sale SALE --line EAN[:QUANTITY]..."),
        tr("                            take items of a sale back: refund and reversed points"),
        tr("  expire [--at TIME]        book the expiry of points whose day has come"),
        tr("  feedback --sale SALE      give the sale's member the points for answered feedback"),
        tr("                            (once per sale)"),
        tr("  programme load FILE       validate a programme document and make it the active one"),
        tr("  programme show            show the active programme and its rules"),
        tr("  check                     check the database's integrity and invariants"),
        tr("  decode                    decode one scan from standard input (at most 64 KiB)"),
        tr("                            exactly as the till does. The card prefix comes from"),
        tr("                            --db; without --db and without %1").arg(kDefaultDatabase),
        tr("                            in the current folder, a new till's defaults are used."),
        tr("                            A refusal prints its class (e.g. payment_card) on"),
        tr("                            standard error, never the input, and exits with 4."),
        tr("  provision --hq URL --code CODE [--ca FILE | --pin sha256/BASE64]"),
        tr("        [--allow-plain-loopback] [--name NAME] [--timeout SECONDS]"),
        tr("                            connect the till to head office and pull the full"),
        tr("                            snapshot, with progress on standard error; run it"),
        tr("                            again after a cut to continue (the code is used once)"),
        tr("  sync [--timeout SECONDS]  one exchange with head office now: push the outbox,"),
        tr("                            pull what changed; says what moved"),
        tr("  outbox                    count the outbox's records by state and list those"),
        tr("                            head office rejected"),
        tr("  audit verify              walk the hash chain of the audit log of manual actions;"),
        tr("                            names the first entry that was edited, deleted, inserted"),
        tr("                            or moved, and exits with 7"),
        tr("  audit list [--limit N]    list the newest entries of the audit log"),
        tr("  staff add --name NAME --role manager|cashier"),
        tr("                            add a staff account; the PIN (4 to 8 digits) is read from"),
        tr("                            standard input, never from the command line (asked twice"),
        tr("                            without echo on a terminal)"),
        tr("  staff list                list the staff accounts, their roles and locks"),
        tr("  backup --out FILE         a consistent copy of the database while the till runs;"),
        tr("                            refuses an existing FILE, checks the copy before keeping it"),
        tr("  receipt SALE [--width 58|80] [--copy]"),
        tr("        [--text | --out FILE | --to tcp://HOST:PORT | --device PATH]"),
        tr("                            a sale's receipt as the till prints it, balances as right"),
        tr("                            after the sale: as text (default), or as ESC/POS into a"),
        tr("                            file, to a network printer or to a printer's device file"),
        QString(),
        tr("Who may run loyalty-ctl: whoever can read and write the database file, i.e. the"),
        tr("till's administrator (IT). It asks for no staff sign-in; staff add is recorded in"),
        tr("the audit log as \"administrator (loyalty-ctl)\". Protect the file accordingly."),
        QString(),
        tr("With --json a successful command prints one JSON document on standard output;"),
        tr("amounts are whole minor units (cents) with their currency. Errors always go to"),
        tr("standard error as one line of plain text, with or without --json."),
        QString(),
        tr("Exit codes:"),
        tr("  0  success"),
        tr("  1  usage error: unknown command or option, missing or malformed argument"),
        tr("  2  not found: no database at --db (only demo creates one), unknown card, product,"),
        tr("     sale or programme file"),
        tr("  3  check found problems"),
        tr("  4  refused: wrong check digit, not a barcode, blocked card, payment card; demo data"),
        tr("     into a database that is not empty; an invalid or not newer programme; a return of"),
        tr("     more than was sold; feedback booked before"),
        tr("  5  storage error: disk full, damaged database, database newer than this program"),
        tr("  6  head office: provision or sync did not finish because head office could not be"),
        tr("     reached, refused this till, or sent what the till could not apply"),
        tr("  7  tampered: audit verify found an edited, deleted, inserted or moved entry"),
        tr("  8  printer: receipt did not reach the printer (unreachable, refused, timed out,"),
        tr("     no such device, no permission)"),
        QString(),
        tr("--clock-offset SECONDS is for tests: it plays a till whose clock is wrong."),
    };
    return lines.join(u'\n');
}

Error CtlCommandLine::usage(const QString& message)
{
    return {Error::Code::InvalidInput, message};
}

Result<CtlRequest> CtlCommandLine::parse(const QStringList& arguments)
{
    if (!m_parser.parse(arguments))
        return usage(m_parser.errorText() + u' ' + tr("Run \"loyalty-ctl --help\" to see the commands and options."));

    CtlRequest request;
    if (m_parser.isSet(QStringLiteral("help")) || m_parser.isSet(QStringLiteral("help-all"))) {
        request.command = CtlRequest::Command::Help;
        return request;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        request.command = CtlRequest::Command::Version;
        return request;
    }

    const auto chosen = command();
    if (!chosen)
        return chosen.error();
    request.command = *chosen;
    request.databasePath = m_parser.value(kDb);
    request.databaseGiven = m_parser.isSet(kDb);
    request.json = m_parser.isSet(kJson);
    if (request.databasePath.isEmpty())
        return usage(tr("--db needs the path of the till database."));
    if (m_parser.isSet(kClockOffset)) {
        bool ok = false;
        const QString value = m_parser.value(kClockOffset).trimmed();
        request.clockOffsetSeconds = value.toLongLong(&ok);
        if (!ok || request.clockOffsetSeconds < -kMaxClockOffsetSeconds ||
            request.clockOffsetSeconds > kMaxClockOffsetSeconds) {
            return usage(tr("--clock-offset needs a whole number of seconds from %1 to %2, not \"%3\".")
                             .arg(-kMaxClockOffsetSeconds)
                             .arg(kMaxClockOffsetSeconds)
                             .arg(value));
        }
    }
    for (const QString& option : commandOptions()) {
        if (auto applies = checkOptionsApply(request.command, option); !applies)
            return applies.error();
    }
    if (auto read = readCommandArguments(request); !read)
        return read.error();
    return request;
}

Result<CtlRequest::Command> CtlCommandLine::command() const
{
    const QStringList positional = m_parser.positionalArguments();
    if (positional.isEmpty())
        return usage(tr("No command given. Run \"loyalty-ctl --help\" to see the commands."));
    const CommandSpec* spec = findSpec(positional);
    if (!spec && positional.first() == kProgramme) {
        return usage(tr("programme needs an action: \"programme load FILE\" or \"programme show\"."));
    }
    if (!spec && positional.first() == kAudit)
        return usage(tr("audit needs an action: \"audit verify\" or \"audit list\"."));
    if (!spec && positional.first() == kStaff)
        return usage(tr("staff needs an action: \"staff add --name NAME --role manager|cashier\" or \"staff list\"."));
    if (!spec) {
        return usage(
            tr("Unknown command \"%1\". Run \"loyalty-ctl --help\" to see the commands.").arg(positional.first()));
    }
    const qsizetype expected = wordsOf(*spec) + spec->arguments;
    if (positional.size() < expected) {
        if (spec->command == CtlRequest::Command::Balance)
            return usage(tr("balance needs the card number, e.g. \"loyalty-ctl balance 2000000123455\"."));
        if (spec->command == CtlRequest::Command::Receipt)
            return usage(tr("receipt needs the sale's number or UUID, e.g. \"loyalty-ctl receipt 42\"."));
        return usage(tr("programme load needs the programme file, e.g. \"loyalty-ctl programme load spring.json\"."));
    }
    if (positional.size() > expected) {
        return usage(
            tr("The command %1 does not take the argument \"%2\".").arg(spec->name, positional.value(expected)));
    }
    return spec->command;
}

Result<Done> CtlCommandLine::checkOptionsApply(CtlRequest::Command command, const QString& name) const
{
    const CommandSpec& spec = specOf(command);
    if (m_parser.isSet(name) && !spec.options.contains(name))
        return usage(tr("The option --%1 does not apply to the command %2.").arg(name, spec.name));
    return Done{};
}

Result<Done> CtlCommandLine::readCommandArguments(CtlRequest& request) const
{
    switch (request.command) {
    case CtlRequest::Command::Demo: {
        // Without --members, --history-days adds the history to an existing demo till (./dev run
        // does so after provisioning, so head office learns the history from the till's events).
        if (!m_parser.isSet(kMembers) && !m_parser.isSet(kHistoryDays))
            return usage(tr("demo needs --members N: how many demo members to create."));
        bool ok = false;
        if (!m_parser.isSet(kMembers))
            request.memberCount = CtlRequest::kKeepDemoMembers;
        const QString value = m_parser.isSet(kMembers) ? m_parser.value(kMembers) : QStringLiteral("0");
        if (m_parser.isSet(kMembers))
            request.memberCount = value.toLongLong(&ok);
        else
            ok = true;
        if (!ok || (m_parser.isSet(kMembers) && request.memberCount < 0) ||
            request.memberCount > DemoDataGenerator::kMaxMembers) {
            return usage(tr("--members needs a whole number from 0 to %1, not \"%2\".")
                             .arg(DemoDataGenerator::kMaxMembers)
                             .arg(value));
        }
        if (m_parser.isSet(kHistoryDays)) {
            const QString days = m_parser.value(kHistoryDays);
            request.historyDays = days.toInt(&ok);
            const int least = m_parser.isSet(kMembers) ? 0 : 1;
            if (!ok || request.historyDays < least || request.historyDays > DemoHistory::kMaxDays)
                return usage(tr("--history-days needs a whole number from %1 to %2, not \"%3\".")
                                 .arg(least)
                                 .arg(DemoHistory::kMaxDays)
                                 .arg(days));
        }
        return Done{};
    }
    case CtlRequest::Command::Members:
    case CtlRequest::Command::Products: {
        const auto limit = readLimit(kLimit, kDefaultListLimit);
        if (!limit)
            return limit.error();
        request.limit = *limit;
        return Done{};
    }
    case CtlRequest::Command::Sales: {
        const auto limit = readLimit(kLast, kDefaultSalesLimit);
        if (!limit)
            return limit.error();
        request.limit = *limit;
        return Done{};
    }
    case CtlRequest::Command::Balance:
        request.card = m_parser.positionalArguments().value(1).trimmed();
        if (request.card.isEmpty())
            return usage(tr("balance needs the card number, e.g. \"loyalty-ctl balance 2000000123455\"."));
        return Done{};
    case CtlRequest::Command::Quote:
    case CtlRequest::Command::Sale:
        if (auto read = readSale(request); !read)
            return read;
        if (auto read = readAt(request); !read)
            return read;
        return readRequests(request);
    case CtlRequest::Command::Return:
        if (auto read = readSaleReference(request); !read)
            return read;
        return readLines(request, tr("A return needs at least one --line EAN[:QUANTITY]."));
    case CtlRequest::Command::Expire:
        return readAt(request);
    case CtlRequest::Command::Feedback:
        return readSaleReference(request);
    case CtlRequest::Command::ProgrammeLoad:
        request.programmeFile = m_parser.positionalArguments().value(2);
        if (request.programmeFile.trimmed().isEmpty())
            return usage(
                tr("programme load needs the programme file, e.g. \"loyalty-ctl programme load spring.json\"."));
        return Done{};
    case CtlRequest::Command::Provision:
        if (auto read = readProvision(request); !read)
            return read;
        return readTimeout(request);
    case CtlRequest::Command::Sync:
        return readTimeout(request);
    case CtlRequest::Command::AuditList: {
        const auto limit = readLimit(kLimit, kDefaultListLimit);
        if (!limit)
            return limit.error();
        request.limit = *limit;
        return Done{};
    }
    case CtlRequest::Command::StaffAdd:
        return readStaff(request);
    case CtlRequest::Command::Backup:
        request.backupPath = m_parser.value(kOut).trimmed();
        if (request.backupPath.isEmpty())
            return usage(tr("backup needs --out FILE: a new file for the copy, e.g. \"loyalty-ctl backup --out "
                            "/var/backups/till-2026-12-01.db\"."));
        return Done{};
    case CtlRequest::Command::Receipt:
        return readReceipt(request);
    case CtlRequest::Command::AuditVerify:
    case CtlRequest::Command::StaffList:
    case CtlRequest::Command::ProgrammeShow:
    case CtlRequest::Command::Check:
    case CtlRequest::Command::Decode:
    case CtlRequest::Command::Outbox:
    case CtlRequest::Command::Help:
    case CtlRequest::Command::Version:
        return Done{};
    }
    return Done{};
}

Result<Done> CtlCommandLine::readProvision(CtlRequest& request) const
{
    request.hqUrl = m_parser.value(kHq).trimmed();
    request.provisionCode = m_parser.value(kCode).trimmed();
    if (request.hqUrl.isEmpty() || request.provisionCode.isEmpty()) {
        return usage(tr("provision needs --hq URL and --code CODE, e.g. \"loyalty-ctl provision --hq "
                        "https://hq.example:8443 --code K7QF-3MZP-XW2D --pin sha256/...\"."));
    }
    const QUrl url(request.hqUrl, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        return usage(tr("--hq needs head office's address as https://HOST:PORT, not \"%1\".").arg(request.hqUrl));
    }
    request.caFile = m_parser.value(kCa).trimmed();
    request.pin = m_parser.value(kPin).trimmed();
    if (m_parser.isSet(kCa) && request.caFile.isEmpty())
        return usage(tr("--ca needs the path of a PEM file with head office's CA certificate."));
    if (m_parser.isSet(kPin) && request.pin.isEmpty())
        return usage(tr("--pin needs the pin as \"loyalty-hq cert\" prints it: sha256/BASE64."));
    if (!request.caFile.isEmpty() && !request.pin.isEmpty())
        return usage(tr("Give either --ca or --pin, not both."));
    if (!request.pin.isEmpty() && !sync::CertificatePin::isWellFormed(request.pin)) {
        return usage(tr("--pin needs sha256/ followed by the base64 of 32 bytes, not \"%1\".").arg(request.pin));
    }
    request.allowPlainLoopback = m_parser.isSet(kAllowPlainLoopback);
    if (m_parser.isSet(kName)) {
        request.tillName = m_parser.value(kName).trimmed();
        if (request.tillName.isEmpty())
            return usage(tr("--name needs the till's name."));
    }
    return Done{};
}

Result<Done> CtlCommandLine::readReceipt(CtlRequest& request) const
{
    request.sale = m_parser.positionalArguments().value(1).trimmed();
    if (m_parser.isSet(kWidth)) {
        const QString width = m_parser.value(kWidth).trimmed();
        if (width != u"58" && width != u"80")
            return usage(tr("--width needs the paper width of the thermal printer, 58 or 80, not \"%1\".").arg(width));
        request.paperWidthMm = width.toInt();
    }
    request.receiptCopy = m_parser.isSet(kCopy);
    const int targets = int(m_parser.isSet(kText)) + int(m_parser.isSet(kOut)) + int(m_parser.isSet(kTo)) +
                        int(m_parser.isSet(kDevice));
    if (targets > 1)
        return usage(tr("Give one of --text, --out, --to and --device: the receipt goes to one place."));
    if (m_parser.isSet(kOut)) {
        request.receiptTarget = CtlRequest::ReceiptTarget::File;
        request.receiptFile = m_parser.value(kOut).trimmed();
        if (request.receiptFile.isEmpty())
            return usage(tr("--out needs the file to write the receipt's ESC/POS bytes to."));
    } else if (m_parser.isSet(kDevice)) {
        request.receiptTarget = CtlRequest::ReceiptTarget::Device;
        request.printerDevice = m_parser.value(kDevice).trimmed();
        if (request.printerDevice.isEmpty())
            return usage(tr("--device needs the printer's device file, e.g. /dev/usb/lp0."));
    } else if (m_parser.isSet(kTo)) {
        request.receiptTarget = CtlRequest::ReceiptTarget::Network;
        const QString to = m_parser.value(kTo).trimmed();
        const QUrl url(to, QUrl::StrictMode);
        if (!url.isValid() || url.scheme().toLower() != u"tcp" || url.host().isEmpty() || url.port() < 1 ||
            !url.path().isEmpty()) {
            return usage(tr("--to needs the network printer as tcp://HOST:PORT, e.g. tcp://192.168.1.50:9100, not "
                            "\"%1\".")
                             .arg(to));
        }
        request.printerHost = url.host();
        request.printerPort = quint16(url.port());
    }
    return Done{};
}

Result<Done> CtlCommandLine::readStaff(CtlRequest& request) const
{
    request.staffName = m_parser.value(kName).trimmed();
    request.staffRole = m_parser.value(kRole).trimmed().toLower();
    if (request.staffName.isEmpty() || request.staffRole.isEmpty()) {
        return usage(tr("staff add needs --name NAME and --role manager|cashier, e.g. \"loyalty-ctl staff add --name "
                        "Mara --role manager\"; the PIN comes from standard input."));
    }
    if (!staffRoleFromKey(request.staffRole))
        return usage(tr("--role needs manager or cashier, not \"%1\".").arg(request.staffRole));
    return Done{};
}

Result<Done> CtlCommandLine::readTimeout(CtlRequest& request) const
{
    if (!m_parser.isSet(kTimeout))
        return Done{};
    bool ok = false;
    const QString value = m_parser.value(kTimeout).trimmed();
    request.timeoutSeconds = value.toInt(&ok);
    if (!ok || request.timeoutSeconds < 1 || request.timeoutSeconds > kMaxTimeoutSeconds) {
        return usage(tr("--timeout needs a whole number of seconds from 1 to %1, not \"%2\".")
                         .arg(kMaxTimeoutSeconds)
                         .arg(value));
    }
    return Done{};
}

Result<int> CtlCommandLine::readLimit(const QString& option, int fallback) const
{
    if (!m_parser.isSet(option))
        return fallback;
    bool ok = false;
    const QString value = m_parser.value(option);
    const int limit = value.toInt(&ok);
    if (!ok || limit < 1)
        return usage(tr("--%1 needs a whole number of at least 1, not \"%2\".").arg(option, value));
    return limit;
}

Result<Done> CtlCommandLine::readSale(CtlRequest& request) const
{
    if (m_parser.isSet(kCard)) {
        request.card = m_parser.value(kCard).trimmed();
        if (request.card.isEmpty())
            return usage(tr("--card needs the number of the member's card."));
    }
    return readLines(request, request.command == CtlRequest::Command::Quote
                                  ? tr("A quote needs at least one --line EAN[:QUANTITY].")
                                  : tr("A sale needs at least one --line EAN[:QUANTITY]."));
}

Result<Done> CtlCommandLine::readLines(CtlRequest& request, const QString& missing) const
{
    const QStringList lines = m_parser.values(kLine);
    if (lines.isEmpty())
        return usage(missing);
    for (const QString& line : lines) {
        const QStringList parts = line.split(u':');
        bool ok = parts.size() <= 2 && !parts.first().trimmed().isEmpty();
        CtlRequest::SaleLine saleLine{parts.first().trimmed(), 1};
        if (ok && parts.size() == 2)
            saleLine.quantity = parts.last().trimmed().toLongLong(&ok);
        if (!ok || saleLine.quantity < 1 || saleLine.quantity > Basket::kMaxQuantity) {
            return usage(tr("--line needs EAN or EAN:QUANTITY with a quantity from 1 to %1, not \"%2\".")
                             .arg(Basket::kMaxQuantity)
                             .arg(line));
        }
        request.lines.append(saleLine);
    }
    return Done{};
}

Result<Done> CtlCommandLine::readAt(CtlRequest& request) const
{
    if (!m_parser.isSet(kAt))
        return Done{};
    const QString value = m_parser.value(kAt).trimmed();
    const auto at = parseLocalTime(value);
    if (!at) {
        return usage(tr("--at needs the till's local time as YYYY-MM-DDTHH:MM[:SS], e.g. 2026-12-24T17:30, not "
                        "\"%1\".")
                         .arg(value));
    }
    request.at = *at;
    return Done{};
}

std::optional<QDateTime> CtlCommandLine::parseLocalTime(const QString& text)
{
    static const QRegularExpression form(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?$"));
    if (!form.match(text).hasMatch())
        return std::nullopt;
    const QString format =
        text.size() == 16 ? QStringLiteral("yyyy-MM-ddTHH:mm") : QStringLiteral("yyyy-MM-ddTHH:mm:ss");
    const QDateTime at = QDateTime::fromString(text, format);
    // Out-of-range fields are invalid; a time the clocks skip (spring forward) does not read back.
    if (!at.isValid() || at.toString(format) != text)
        return std::nullopt;
    return at;
}

Result<Done> CtlCommandLine::readRequests(CtlRequest& request) const
{
    for (const QString& typed : m_parser.values(kCoupon)) {
        const QString code = typed.trimmed().toUpper();
        if (code.isEmpty())
            return usage(tr("--coupon needs the coupon's code."));
        if (!request.couponCodes.contains(code))
            request.couponCodes.append(code);
    }
    for (const QString& typed : m_parser.values(kReward)) {
        const QString reward = typed.trimmed();
        if (reward.isEmpty())
            return usage(tr("--reward needs the id of one of the programme's rewards."));
        request.rewardIds.append(reward);
    }
    const auto redeem = readAmount(kRedeem);
    if (!redeem)
        return redeem.error();
    request.redeemPoints = *redeem;
    const auto wallet = readAmount(kWallet);
    if (!wallet)
        return wallet.error();
    request.walletSpendMinor = *wallet;
    return Done{};
}

Result<qint64> CtlCommandLine::readAmount(const QString& option) const
{
    if (!m_parser.isSet(option))
        return qint64(0);
    bool ok = false;
    const QString value = m_parser.value(option).trimmed();
    const qint64 amount = value.toLongLong(&ok);
    if (!ok || amount < 1 || amount > ProgrammeParser::kMaxAmount) {
        return usage(tr("--%1 needs a whole number from 1 to %2, not \"%3\".")
                         .arg(option, QString::number(ProgrammeParser::kMaxAmount), value));
    }
    return amount;
}

Result<Done> CtlCommandLine::readSaleReference(CtlRequest& request) const
{
    request.sale = m_parser.value(kSale).trimmed();
    if (request.sale.isEmpty())
        return usage(tr("%1 needs --sale with the sale's number or UUID, as \"loyalty-ctl sales\" lists them.")
                         .arg(specOf(request.command).name));
    return Done{};
}

}  // namespace loyalty
