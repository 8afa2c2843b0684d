#pragma once

#include "HqRequest.h"
#include "common/Result.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace loyalty::hq {

// Turns loyalty-hq's arguments into an HqRequest. Every error it returns is a usage error (exit
// code 1): it is found before any database is opened. --db, --json and the other options may come
// before or after the command words. `serve` and `cert` parse their own options: they get every
// argument but the program name and the command word (cert without --db, which it does not use).
class HqCommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(HqCommandLine)

public:
    static inline const QString kDefaultDatabase = QStringLiteral("loyalty-hq.db");

    HqCommandLine();
    Q_DISABLE_COPY_MOVE(HqCommandLine)

    // `arguments` as QCoreApplication::arguments() gives them, the program name first.
    Result<HqRequest> parse(const QStringList& arguments);
    QString helpText() const { return m_parser.helpText(); }

    // Head office's local time as --at takes it (2026-12-24T17:30 or 2026-12-24T17:30:05).
    static std::optional<QDateTime> parseLocalTime(const QString& text);
    // A day as --valid-from and --valid-until take it (2026-12-01).
    static std::optional<QDate> parseDay(const QString& text);

private:
    static QString description();
    static Error usage(const QString& message);
    Result<HqRequest> passThrough(const QStringList& arguments, qsizetype commandIndex, HqRequest::Command command);
    Result<Done> readArguments(HqRequest& request, const QStringList& positional) const;

    QCommandLineParser m_parser;
};

}  // namespace loyalty::hq
