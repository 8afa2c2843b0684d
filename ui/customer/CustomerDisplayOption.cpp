#include "customer/CustomerDisplayOption.h"

namespace loyalty {

CustomerDisplayOption::CustomerDisplayOption(const QStringList& arguments)
{
    const QString bare = QStringLiteral("--") + kName;
    const QString withValue = bare + QLatin1Char('=');
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        // Everything after "--" is a positional argument, never an option.
        if (i > 0 && argument == QLatin1String("--")) {
            m_remaining << arguments.mid(i);
            break;
        }
        if (i > 0 && argument == bare) {
            m_fromCommandLine = CustomerDisplaySetup{true, {}};
        } else if (i > 0 && argument.startsWith(withValue)) {
            m_fromCommandLine = CustomerDisplaySetup{true, argument.mid(withValue.size()).trimmed()};
        } else {
            m_remaining << argument;
        }
    }
}

QCommandLineOption CustomerDisplayOption::helpEntry()
{
    return QCommandLineOption(
        kName, tr("Show the customer display, full screen on the first screen that is not the till's; "
                  "--customer-display=SCREEN puts it on that screen (its name as the system gives it, e.g. HDMI-1). "
                  "Wins over the setting."));
}

CustomerDisplaySetup CustomerDisplayOption::over(const CustomerDisplaySetup& preference) const
{
    return m_fromCommandLine.value_or(preference);
}

}  // namespace loyalty
