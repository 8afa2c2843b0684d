#pragma once

#include "config/CustomerDisplaySetup.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace loyalty {

// The till's --customer-display[=SCREEN] option, which wins over the preference. QCommandLineParser
// has no options with an optional value, so this one is taken out of the arguments before the parser
// sees them; the parser only lists it in --help.
class CustomerDisplayOption final
{
    Q_DECLARE_TR_FUNCTIONS(CustomerDisplayOption)

public:
    static inline const QString kName = QStringLiteral("customer-display");

    explicit CustomerDisplayOption(const QStringList& arguments);

    // For QCommandLineParser::addOption, so --help describes it.
    static QCommandLineOption helpEntry();
    // The arguments without the option, for QCommandLineParser::process.
    const QStringList& remainingArguments() const { return m_remaining; }
    // The setup to use: the command line's when the option was given, else the preference.
    CustomerDisplaySetup over(const CustomerDisplaySetup& preference) const;
    bool given() const { return m_fromCommandLine.has_value(); }

private:
    QStringList m_remaining;
    std::optional<CustomerDisplaySetup> m_fromCommandLine;
};

}  // namespace loyalty
