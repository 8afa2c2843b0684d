#include "http/ServeOptions.h"

namespace loyalty::hq {

namespace {

Error invalid(const QString& message)
{
    return Error{Error::Code::InvalidInput, message, QStringLiteral("usage")};
}

}  // namespace

Result<ServeOptions> ServeOptions::parse(const QStringList& arguments)
{
    ServeOptions options;
    QString listen;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        const auto value = [&]() -> std::optional<QString> {
            if (i + 1 >= arguments.size())
                return std::nullopt;
            return arguments.at(++i);
        };
        if (argument == QLatin1StringView("--plain-http")) {
            options.plainHttp = true;
            continue;
        }
        QString* target = nullptr;
        QString ignored;
        if (argument == QLatin1StringView("--listen"))
            target = &listen;
        else if (argument == QLatin1StringView("--cert"))
            target = &options.certificatePath;
        else if (argument == QLatin1StringView("--key"))
            target = &options.keyPath;
        else if (argument == QLatin1StringView("--db"))
            target = &ignored;
        else
            return invalid(tr("serve does not know the option %1.").arg(argument));
        const auto given = value();
        if (!given || given->isEmpty())
            return invalid(tr("%1 needs a value.").arg(argument));
        *target = *given;
    }

    if (listen.isEmpty())
        return invalid(tr("serve needs --listen HOST:PORT."));
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = colon > 0 ? listen.mid(colon + 1).toUInt(&portOk) : 0;
    if (colon <= 0 || !portOk || port > 65535)
        return invalid(tr("--listen wants HOST:PORT (PORT 0 picks a free one), not %1.").arg(listen));
    options.port = quint16(port);
    options.host = listen.left(colon);
    QString addressText = options.host;
    if (addressText.startsWith(QLatin1Char('[')) && addressText.endsWith(QLatin1Char(']')))
        addressText = addressText.mid(1, addressText.size() - 2);
    if (addressText.compare(QLatin1StringView("localhost"), Qt::CaseInsensitive) == 0)
        options.address = QHostAddress(QHostAddress::LocalHost);
    else if (!options.address.setAddress(addressText))
        return invalid(tr("--listen wants an IP address or localhost as HOST, not %1.").arg(options.host));
    if (options.address.protocol() == QAbstractSocket::IPv6Protocol && !options.host.startsWith(QLatin1Char('[')))
        options.host = QLatin1Char('[') + options.host + QLatin1Char(']');

    if (options.plainHttp) {
        if (!options.address.isLoopback())
            return Error{Error::Code::Refused,
                         tr("--plain-http is only allowed on a loopback address (127.0.0.1, ::1, localhost); "
                            "%1 is not one. Use --cert and --key (see loyalty-hq cert).")
                             .arg(options.host),
                         QStringLiteral("plain_not_loopback")};
        if (!options.certificatePath.isEmpty() || !options.keyPath.isEmpty())
            return invalid(tr("--plain-http and --cert/--key exclude each other."));
    } else if (options.certificatePath.isEmpty() || options.keyPath.isEmpty()) {
        return invalid(tr("serve needs --cert FILE.pem and --key FILE.pem (make them with loyalty-hq cert), "
                          "or --plain-http on a loopback address for development."));
    }
    return options;
}

QString ServeOptions::url(quint16 boundPort) const
{
    return (plainHttp ? QStringLiteral("http://") : QStringLiteral("https://")) + host + QLatin1Char(':') +
           QString::number(boundPort);
}

}  // namespace loyalty::hq
