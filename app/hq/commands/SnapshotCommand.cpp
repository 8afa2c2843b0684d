#include "commands/SnapshotCommand.h"

#include "HeadOffice.h"
#include "feed/TillSnapshotBuilder.h"

#include <QElapsedTimer>
#include <QLocale>

namespace loyalty::hq {

Result<HqReport> SnapshotCommand::run(HeadOffice& office)
{
    QElapsedTimer timer;
    timer.start();
    const auto published = TillSnapshotBuilder(office).publish();
    if (!published)
        return published.error();
    const qint64 elapsedMs = timer.elapsed();
    HqReport report;
    report.json = {{QStringLiteral("path"), published->path},
                   {QStringLiteral("members"), published->members},
                   {QStringLiteral("changes"), published->changes},
                   {QStringLiteral("cursor"), published->cursor},
                   {QStringLiteral("schema"), published->schema},
                   {QStringLiteral("sha256"), published->sha256},
                   {QStringLiteral("size"), published->size},
                   {QStringLiteral("already_published"), published->alreadyPublished},
                   {QStringLiteral("behind"), published->behind},
                   {QStringLiteral("removed"), published->removed},
                   {QStringLiteral("elapsed_ms"), elapsedMs}};
    const QLocale locale;
    QStringList lines{
        published->alreadyPublished ? tr("Already published, nothing new in the feed: %1").arg(published->path)
                                    : tr("Published: %1").arg(published->path),
        tr("Members: %1").arg(locale.toString(published->members)),
        tr("Cursor: %1").arg(published->cursor),
        tr("Size: %1 bytes").arg(locale.toString(published->size)),
        tr("Changes behind the feed: %1").arg(locale.toString(published->behind)),
        tr("Seconds: %1").arg(locale.toString(double(elapsedMs) / 1000.0, 'f', 1)),
    };
    report.text = lines.join(u'\n');
    return report;
}

}  // namespace loyalty::hq
