#include "HqCommandLine.h"

#include "admin/HqDemo.h"

#include <QRegularExpression>

#include <algorithm>

namespace loyalty::hq {

namespace {

const QString kDb = QStringLiteral("db");
const QString kJson = QStringLiteral("json");
const QString kName = QStringLiteral("name");
const QString kMembers = QStringLiteral("members");
const QString kAt = QStringLiteral("at");
const QString kKeyId = QStringLiteral("key-id");
const QString kPublicKey = QStringLiteral("public-key");
const QString kValidFrom = QStringLiteral("valid-from");
const QString kValidUntil = QStringLiteral("valid-until");
const QString kReason = QStringLiteral("reason");
// Options that take a value: the word after them is no command.
const QStringList kValueOptions{
    QStringLiteral("--db"),         QStringLiteral("--name"),        QStringLiteral("--members"),
    QStringLiteral("--at"),         QStringLiteral("--key-id"),      QStringLiteral("--public-key"),
    QStringLiteral("--valid-from"), QStringLiteral("--valid-until"), QStringLiteral("--reason")};
// The options only some commands take: any other command refuses them.
const QStringList kCommandOptions{kName, kMembers, kAt, kKeyId, kPublicKey, kValidFrom, kValidUntil, kReason};

struct CommandSpec
{
    QString name;  // one word, or two for a command with an action ("terminal add")
    HqRequest::Command command;
    QStringList options;
    int arguments = 0;  // positional arguments after the name
    QString example;    // shown when an argument is missing
};

const QList<CommandSpec>& commandSpecs()
{
    using Command = HqRequest::Command;
    static const QList<CommandSpec> specs{
        {QStringLiteral("terminal add"), Command::TerminalAdd, {kName}, 0, {}},
        {QStringLiteral("terminal list"), Command::TerminalList, {}, 0, {}},
        {QStringLiteral("terminal disable"),
         Command::TerminalDisable,
         {},
         1,
         QStringLiteral("loyalty-hq terminal disable TILL-ID")},
        {QStringLiteral("demo"), Command::Demo, {kMembers}, 0, {}},
        {QStringLiteral("balance"), Command::Balance, {}, 1, QStringLiteral("loyalty-hq balance 2000000123455")},
        {QStringLiteral("stats"), Command::Stats, {}, 0, {}},
        {QStringLiteral("snapshot"), Command::Snapshot, {}, 0, {}},
        {QStringLiteral("programme publish"),
         Command::ProgrammePublish,
         {},
         1,
         QStringLiteral("loyalty-hq programme publish spring.json")},
        {QStringLiteral("import members"),
         Command::ImportMembers,
         {},
         1,
         QStringLiteral("loyalty-hq import members members.csv")},
        {QStringLiteral("conflicts"), Command::Conflicts, {}, 0, {}},
        {QStringLiteral("expire"), Command::Expire, {kAt}, 0, {}},
        {QStringLiteral("card-key add"), Command::CardKeyAdd, {kKeyId, kPublicKey, kValidFrom, kValidUntil}, 0, {}},
        {QStringLiteral("card-key retire"), Command::CardKeyRetire, {kKeyId, kValidUntil}, 0, {}},
        {QStringLiteral("card revoke"),
         Command::CardRevoke,
         {kReason},
         1,
         QStringLiteral("loyalty-hq card revoke CARD-ID --reason \"lost phone\"")},
        {QStringLiteral("audit verify"),
         Command::AuditVerify,
         {},
         1,
         QStringLiteral("loyalty-hq audit verify TILL-ID")},
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

// The index of the first argument that is neither an option nor an option's value; -1 if none.
qsizetype commandWordIndex(const QStringList& arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments[i];
        if (argument == QLatin1String("--"))
            return i + 1 < arguments.size() ? i + 1 : -1;
        if (argument.startsWith(u'-')) {
            if (kValueOptions.contains(argument))
                ++i;
            continue;
        }
        return i;
    }
    return -1;
}

}  // namespace

HqCommandLine::HqCommandLine()
{
    m_parser.setApplicationDescription(description());
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOptions({
        {kDb,
         tr("Head office's database: a SQLite file (default: %1 in the current folder) or "
            "postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE.")
             .arg(kDefaultDatabase),
         tr("path-or-url"), kDefaultDatabase},
        {kJson, tr("Print the result as one JSON document.")},
        {kName, tr("terminal add: the new till's name."), tr("name")},
        {kMembers, tr("demo: how many members to create."), tr("N")},
        {kAt, tr("expire: head office's local time to expire at, e.g. 2026-12-24T17:30 (default: now)."), tr("time")},
        {kKeyId, tr("card-key: the digital card key's id, 0 to 65535."), tr("N")},
        {kPublicKey, tr("card-key add: the raw 32-byte Ed25519 public key, base64."), tr("base64")},
        {kValidFrom, tr("card-key add: the first day (UTC) of the issue dates the key vouches for."), tr("day")},
        {kValidUntil, tr("card-key: the first day (UTC) the key no longer vouches for."), tr("day")},
        {kReason, tr("card revoke: why the digital card is withdrawn."), tr("text")},
    });
    m_parser.addPositionalArgument(QStringLiteral("command"),
                                   tr("serve, cert, terminal, demo, balance, stats, programme, import, conflicts, "
                                      "expire, card-key, card or audit."),
                                   tr("command [argument]"));
}

QString HqCommandLine::description()
{
    const QStringList lines{
        tr("Loyalty Till head office: the service every till syncs with, and its administration."),
        QString(),
        tr("Commands:"),
        tr("  serve --listen HOST:PORT (--cert FILE --key FILE | --plain-http)"),
        tr("                            run the HTTPS API the tills sync with (see docs/head-office.md)"),
        tr("  cert --out DIR [--host NAME]...  make a self-signed certificate and print its pin"),
        tr("  terminal add --name NAME  print a one-time code (valid 24 hours) to provision a till"),
        tr("  terminal list             list the provisioned tills"),
        tr("  terminal disable TILL-ID  refuse the till from now on (its secret is revoked)"),
        tr("  demo --members N          fill a new, empty head office with the till's demo data"),
        tr("  balance CARD              show a card's member and account balances"),
        tr("  stats                     members, events, duplicates refused and rejected, per till"),
        tr("  programme publish FILE    validate, sign and publish a programme to every till"),
        tr("  import members FILE.csv   import members (columns: number, name, email, phone,"),
        tr("                            birth_date, card_number, points); all or nothing"),
        tr("  conflicts                 overdrafts and coupons used twice, found at sync"),
        tr("  expire [--at TIME]        book the expiry of points whose day has come"),
        tr("  card-key add --key-id N --public-key BASE64 --valid-from DAY [--valid-until DAY]"),
        tr("                            trust an Ed25519 key for digital cards issued from DAY (UTC)"),
        tr("  card-key retire --key-id N --valid-until DAY"),
        tr("                            refuse the key's digital cards issued from DAY (UTC) on"),
        tr("  card revoke CARD-ID --reason TEXT"),
        tr("                            refuse a digital card at every till"),
        tr("  audit verify TILL-ID      check head office's copy of a till's audit log"),
        tr("  snapshot                  publish a till snapshot for new tills (beside a SQLite --db)"),
        QString(),
        tr("With --json a successful command prints one JSON document on standard output."),
        tr("Errors always go to standard error as plain text, with or without --json."),
        QString(),
        tr("Exit codes:"),
        tr("  0  success"),
        tr("  1  usage error: unknown command or option, missing or malformed argument"),
        tr("  2  not found: no head-office data at --db (only serve, demo, terminal add,"),
        tr("     programme publish, import, card-key add and card revoke create it), unknown card"),
        tr("     or card key, missing file"),
        tr("  3  conflicts found overdrafts or coupon conflicts; audit verify found tampering"),
        tr("  4  refused: an invalid or not newer programme, an import with errors, demo data"),
        tr("     into a database that is not empty, an invalid card key or card id, a key id"),
        tr("     published before with other content"),
        tr("  5  storage error: disk full, damaged database, database newer than this program,"),
        tr("     PostgreSQL unreachable"),
    };
    return lines.join(u'\n');
}

Error HqCommandLine::usage(const QString& message)
{
    return {Error::Code::InvalidInput, message};
}

Result<HqRequest> HqCommandLine::passThrough(const QStringList& arguments, qsizetype commandIndex,
                                             HqRequest::Command command)
{
    HqRequest request;
    request.command = command;
    request.database = kDefaultDatabase;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (i == commandIndex)
            continue;
        const QString& argument = arguments[i];
        if (argument == QLatin1String("--db") || argument.startsWith(QLatin1String("--db="))) {
            const bool separate = argument == QLatin1String("--db");
            if (separate && i + 1 >= arguments.size())
                return usage(tr("--db needs head office's database: a path or a postgresql:// URL."));
            request.database = separate ? arguments[++i] : argument.mid(5);
            if (command == HqRequest::Command::Serve) {
                request.passThrough << QStringLiteral("--db") << request.database;
            }
            continue;
        }
        if (argument == QLatin1String("--json"))
            request.json = true;
        request.passThrough.append(argument);
    }
    if (request.database.trimmed().isEmpty())
        return usage(tr("--db needs head office's database: a path or a postgresql:// URL."));
    return request;
}

Result<HqRequest> HqCommandLine::parse(const QStringList& arguments)
{
    const qsizetype commandIndex = commandWordIndex(arguments);
    if (commandIndex > 0 && arguments[commandIndex] == QLatin1String("serve"))
        return passThrough(arguments, commandIndex, HqRequest::Command::Serve);
    if (commandIndex > 0 && arguments[commandIndex] == QLatin1String("cert"))
        return passThrough(arguments, commandIndex, HqRequest::Command::Cert);

    if (!m_parser.parse(arguments))
        return usage(m_parser.errorText() + u' ' + tr("Run \"loyalty-hq --help\" to see the commands and options."));
    HqRequest request;
    if (m_parser.isSet(QStringLiteral("help")) || m_parser.isSet(QStringLiteral("help-all"))) {
        request.command = HqRequest::Command::Help;
        return request;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        request.command = HqRequest::Command::Version;
        return request;
    }
    const QStringList positional = m_parser.positionalArguments();
    if (positional.isEmpty())
        return usage(tr("No command given. Run \"loyalty-hq --help\" to see the commands."));
    const CommandSpec* spec = findSpec(positional);
    if (!spec) {
        for (const QString& group : {QStringLiteral("terminal"), QStringLiteral("programme"), QStringLiteral("import"),
                                     QStringLiteral("card-key"), QStringLiteral("card")}) {
            if (positional.first() == group) {
                QStringList actions;
                for (const CommandSpec& candidate : commandSpecs()) {
                    if (candidate.name.startsWith(group + u' '))
                        actions.append(QStringLiteral("\"%1\"").arg(candidate.name));
                }
                return usage(tr("%1 needs an action: %2.").arg(group, actions.join(QStringLiteral(", "))));
            }
        }
        return usage(
            tr("Unknown command \"%1\". Run \"loyalty-hq --help\" to see the commands.").arg(positional.first()));
    }
    const qsizetype words = spec->name.count(u' ') + 1;
    const qsizetype expected = words + spec->arguments;
    if (positional.size() < expected)
        return usage(tr("%1 needs an argument, e.g. \"%2\".").arg(spec->name, spec->example));
    if (positional.size() > expected)
        return usage(
            tr("The command %1 does not take the argument \"%2\".").arg(spec->name, positional.value(expected)));
    for (const QString& option : kCommandOptions) {
        if (m_parser.isSet(option) && !spec->options.contains(option))
            return usage(tr("The option --%1 does not apply to the command %2.").arg(option, spec->name));
    }
    request.command = spec->command;
    request.database = m_parser.value(kDb).trimmed();
    request.json = m_parser.isSet(kJson);
    if (request.database.isEmpty())
        return usage(tr("--db needs head office's database: a path or a postgresql:// URL."));
    if (auto read = readArguments(request, positional.mid(words)); !read)
        return read.error();
    return request;
}

Result<Done> HqCommandLine::readArguments(HqRequest& request, const QStringList& positional) const
{
    switch (request.command) {
    case HqRequest::Command::TerminalAdd:
        request.name = m_parser.value(kName).trimmed();
        if (request.name.isEmpty())
            return usage(tr("terminal add needs --name NAME: what the till is called, e.g. \"Bakery Nord 2\"."));
        return Done{};
    case HqRequest::Command::Demo: {
        if (!m_parser.isSet(kMembers))
            return usage(tr("demo needs --members N: how many demo members to create."));
        bool ok = false;
        const QString value = m_parser.value(kMembers);
        request.memberCount = value.toLongLong(&ok);
        if (!ok || request.memberCount < 0 || request.memberCount > HqDemo::kMaxMembers) {
            return usage(
                tr("--members needs a whole number from 0 to %1, not \"%2\".").arg(HqDemo::kMaxMembers).arg(value));
        }
        return Done{};
    }
    case HqRequest::Command::Balance:
        request.card = positional.value(0).trimmed();
        if (request.card.isEmpty())
            return usage(tr("balance needs the card number, e.g. \"loyalty-hq balance 2000000123455\"."));
        return Done{};
    case HqRequest::Command::TerminalDisable:
        request.tillId = positional.value(0).trimmed();
        return Done{};
    case HqRequest::Command::AuditVerify:
        request.tillId = positional.value(0).trimmed();
        if (request.tillId.isEmpty())
            return usage(tr("audit verify needs the till's id, e.g. \"loyalty-hq audit verify TILL-ID\" (terminal "
                            "list shows them)."));
        return Done{};
    case HqRequest::Command::ProgrammePublish:
    case HqRequest::Command::ImportMembers:
        request.file = positional.value(0);
        if (request.file.trimmed().isEmpty())
            return usage(tr("The command needs a file."));
        return Done{};
    case HqRequest::Command::Expire:
        if (m_parser.isSet(kAt)) {
            const QString value = m_parser.value(kAt).trimmed();
            request.at = parseLocalTime(value);
            if (!request.at) {
                return usage(tr("--at needs head office's local time as YYYY-MM-DDTHH:MM[:SS], e.g. "
                                "2026-12-24T17:30, not \"%1\".")
                                 .arg(value));
            }
        }
        return Done{};
    case HqRequest::Command::CardKeyAdd:
    case HqRequest::Command::CardKeyRetire: {
        if (!m_parser.isSet(kKeyId))
            return usage(tr("%1 needs --key-id N: the digital card key's id, 0 to 65535.")
                             .arg(request.command == HqRequest::Command::CardKeyAdd
                                      ? QStringLiteral("card-key add")
                                      : QStringLiteral("card-key retire")));
        bool ok = false;
        const QString value = m_parser.value(kKeyId).trimmed();
        request.keyId = value.toInt(&ok);
        if (!ok || request.keyId < 0 || request.keyId > 65535)
            return usage(tr("--key-id needs a whole number from 0 to 65535, not \"%1\".").arg(value));
        if (m_parser.isSet(kValidUntil)) {
            request.validUntil = parseDay(m_parser.value(kValidUntil).trimmed());
            if (!request.validUntil)
                return usage(tr("--valid-until needs a day as YYYY-MM-DD, e.g. 2027-06-01, not \"%1\".")
                                 .arg(m_parser.value(kValidUntil)));
        }
        if (request.command == HqRequest::Command::CardKeyRetire) {
            if (!request.validUntil)
                return usage(tr("card-key retire needs --valid-until DAY: the first day (UTC) the key no longer "
                                "vouches for."));
            return Done{};
        }
        request.publicKey = m_parser.value(kPublicKey).trimmed();
        if (request.publicKey.isEmpty())
            return usage(tr("card-key add needs --public-key BASE64: the raw 32-byte Ed25519 public key."));
        if (!m_parser.isSet(kValidFrom))
            return usage(tr("card-key add needs --valid-from DAY: the first day (UTC) of the issue dates the key "
                            "vouches for."));
        const auto from = parseDay(m_parser.value(kValidFrom).trimmed());
        if (!from)
            return usage(tr("--valid-from needs a day as YYYY-MM-DD, e.g. 2026-12-01, not \"%1\".")
                             .arg(m_parser.value(kValidFrom)));
        request.validFrom = *from;
        return Done{};
    }
    case HqRequest::Command::CardRevoke:
        request.card = positional.value(0).trimmed();
        if (request.card.isEmpty())
            return usage(tr("card revoke needs the digital card's id."));
        request.reason = m_parser.value(kReason).trimmed();
        if (request.reason.isEmpty())
            return usage(tr("card revoke needs --reason TEXT: why the card is withdrawn, e.g. \"lost phone\"."));
        return Done{};
    case HqRequest::Command::TerminalList:
    case HqRequest::Command::Stats:
    case HqRequest::Command::Snapshot:
    case HqRequest::Command::Conflicts:
    case HqRequest::Command::Serve:
    case HqRequest::Command::Cert:
    case HqRequest::Command::Help:
    case HqRequest::Command::Version:
        return Done{};
    }
    return Done{};
}

std::optional<QDate> HqCommandLine::parseDay(const QString& text)
{
    static const QRegularExpression form(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!form.match(text).hasMatch())
        return std::nullopt;
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (!day.isValid())
        return std::nullopt;
    return day;
}

std::optional<QDateTime> HqCommandLine::parseLocalTime(const QString& text)
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

}  // namespace loyalty::hq
