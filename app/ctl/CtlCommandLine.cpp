#include "CtlCommandLine.h"

#include "demo/DemoDataGenerator.h"
#include "sale/Basket.h"

#include <algorithm>

namespace loyalty {

namespace {

const QString kDb = QStringLiteral("db");
const QString kJson = QStringLiteral("json");
const QString kMembers = QStringLiteral("members");
const QString kLimit = QStringLiteral("limit");
const QString kLast = QStringLiteral("last");
const QString kCard = QStringLiteral("card");
const QString kLine = QStringLiteral("line");

// Options that belong to one command or another; using one with a command it does not belong to
// is a usage error rather than silently ignored.
const QStringList& commandOptions()
{
    static const QStringList options{kMembers, kLimit, kLast, kCard, kLine};
    return options;
}

struct CommandSpec
{
    QString name;
    CtlRequest::Command command;
    QStringList options;
};

const QList<CommandSpec>& commandSpecs()
{
    using Command = CtlRequest::Command;
    static const QList<CommandSpec> specs{
        {QStringLiteral("demo"), Command::Demo, {kMembers}},
        {QStringLiteral("members"), Command::Members, {kLimit}},
        {QStringLiteral("products"), Command::Products, {kLimit}},
        {QStringLiteral("balance"), Command::Balance, {}},
        {QStringLiteral("sale"), Command::Sale, {kCard, kLine}},
        {QStringLiteral("sales"), Command::Sales, {kLast}},
        {QStringLiteral("check"), Command::Check, {}},
        {QStringLiteral("decode"), Command::Decode, {}},
    };
    return specs;
}

const CommandSpec* findSpec(const QString& name)
{
    const auto& specs = commandSpecs();
    const auto found =
        std::find_if(specs.cbegin(), specs.cend(), [&name](const CommandSpec& spec) { return spec.name == name; });
    return found == specs.cend() ? nullptr : &*found;
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
        {kLimit, tr("members, products: how many to list (default: %1).").arg(kDefaultListLimit), tr("N")},
        {kLast, tr("sales: how many of the most recent sales to list (default: %1).").arg(kDefaultSalesLimit), tr("N")},
        {kCard, tr("sale: the member's loyalty card (leave out for a sale without member)."), tr("card")},
        {kLine, tr("sale: a product and optionally its quantity; repeat for every line."), tr("ean[:quantity]")},
    });
    m_parser.addPositionalArgument(QStringLiteral("command"),
                                   tr("demo, members, products, balance, sale, sales, check or decode."),
                                   tr("command [card]"));
}

QString CtlCommandLine::description()
{
    const QStringList lines{
        tr("Administers a Loyalty Till database from the command line."),
        QString(),
        tr("Commands:"),
        tr("  demo --members N          fill a new, empty database with reproducible demo data"),
        tr("  members [--limit N]       list members and their cards"),
        tr("  products [--limit N]      list the product catalogue"),
        tr("  balance CARD              show a card's member and points balance"),
        tr("  sale [--card CARD] --line EAN[:QUANTITY]..."),
        tr("                            complete a sale exactly as the till does"),
        tr("  sales [--last N]          list the most recent sales"),
        tr("  check                     check the database's integrity and invariants"),
        tr("  decode                    decode one scan from standard input (at most 64 KiB)"),
        tr("                            exactly as the till does. The card prefix comes from"),
        tr("                            --db; without --db and without %1").arg(kDefaultDatabase),
        tr("                            in the current folder, a new till's defaults are used."),
        tr("                            A refusal prints its class (e.g. payment_card) on"),
        tr("                            standard error, never the input, and exits with 4."),
        QString(),
        tr("With --json a successful command prints one JSON document on standard output;"),
        tr("amounts are whole minor units (cents) with their currency. Errors always go to"),
        tr("standard error as one line of plain text, with or without --json."),
        QString(),
        tr("Exit codes:"),
        tr("  0  success"),
        tr("  1  usage error: unknown command or option, missing or malformed argument"),
        tr("  2  not found: no database at --db (only demo creates one), unknown card or product"),
        tr("  3  check found problems"),
        tr("  4  refused: wrong check digit, not a barcode, blocked card, payment card; demo data"),
        tr("     into a database that is not empty"),
        tr("  5  storage error: disk full, damaged database, database newer than this program"),
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
    const CommandSpec* spec = findSpec(positional.first());
    if (!spec) {
        return usage(
            tr("Unknown command \"%1\". Run \"loyalty-ctl --help\" to see the commands.").arg(positional.first()));
    }
    const qsizetype expected = spec->command == CtlRequest::Command::Balance ? 2 : 1;
    if (spec->command == CtlRequest::Command::Balance && positional.size() < expected)
        return usage(tr("balance needs the card number, e.g. \"loyalty-ctl balance 2000000123455\"."));
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
        if (!m_parser.isSet(kMembers))
            return usage(tr("demo needs --members N: how many demo members to create."));
        bool ok = false;
        const QString value = m_parser.value(kMembers);
        request.memberCount = value.toLongLong(&ok);
        if (!ok || request.memberCount < 0 || request.memberCount > DemoDataGenerator::kMaxMembers) {
            return usage(tr("--members needs a whole number from 0 to %1, not \"%2\".")
                             .arg(DemoDataGenerator::kMaxMembers)
                             .arg(value));
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
    case CtlRequest::Command::Sale:
        return readSale(request);
    case CtlRequest::Command::Check:
    case CtlRequest::Command::Decode:
    case CtlRequest::Command::Help:
    case CtlRequest::Command::Version:
        return Done{};
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
    const QStringList lines = m_parser.values(kLine);
    if (lines.isEmpty())
        return usage(tr("A sale needs at least one --line EAN[:QUANTITY]."));
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

}  // namespace loyalty
