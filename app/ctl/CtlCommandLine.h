#pragma once

#include "CtlRequest.h"
#include "common/Result.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>

#include <optional>

namespace loyalty {

// Turns loyalty-ctl's arguments into a CtlRequest. Every error it returns is a usage error
// (exit code 1): it is found before any database is opened.
class CtlCommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(CtlCommandLine)

public:
    static inline const QString kDefaultDatabase = QStringLiteral("loyalty-till.db");
    static constexpr int kDefaultListLimit = 20;
    static constexpr int kDefaultSalesLimit = 10;
    static constexpr int kDefaultTimeoutSeconds = 30;

    CtlCommandLine();
    Q_DISABLE_COPY_MOVE(CtlCommandLine)

    // `arguments` as QCoreApplication::arguments() gives them, the program name first.
    Result<CtlRequest> parse(const QStringList& arguments);
    QString helpText() const { return m_parser.helpText(); }

    // The till's local time as --at takes it (2026-12-24T17:30 or 2026-12-24T17:30:05); nothing for
    // any other form, a day or time that does not exist, or a local time the clocks skip.
    static std::optional<QDateTime> parseLocalTime(const QString& text);

private:
    static QString description();
    Result<CtlRequest::Command> command() const;
    Result<Done> checkOptionsApply(CtlRequest::Command command, const QString& name) const;
    Result<Done> readCommandArguments(CtlRequest& request) const;
    Result<int> readLimit(const QString& option, int fallback) const;
    Result<Done> readSale(CtlRequest& request) const;
    Result<Done> readLines(CtlRequest& request, const QString& missing) const;
    Result<Done> readAt(CtlRequest& request) const;
    Result<Done> readRequests(CtlRequest& request) const;
    Result<qint64> readAmount(const QString& option) const;
    Result<Done> readSaleReference(CtlRequest& request) const;
    Result<Done> readProvision(CtlRequest& request) const;
    Result<Done> readTimeout(CtlRequest& request) const;
    Result<Done> readStaff(CtlRequest& request) const;
    Result<Done> readReceipt(CtlRequest& request) const;
    static Error usage(const QString& message);

    QCommandLineParser m_parser;
};

}  // namespace loyalty
