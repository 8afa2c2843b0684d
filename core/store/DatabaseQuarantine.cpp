#include "store/DatabaseQuarantine.h"

#include <QFile>
#include <QFileInfo>

namespace loyalty {

namespace {
const QStringList kCompanionSuffixes{QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")};

QString freeTargetFor(const QString& path, const QDateTime& now)
{
    const QString stamp = now.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = path + QStringLiteral(".quarantined-") + stamp;
    for (int n = 2; QFileInfo::exists(target) || QFileInfo::exists(target + QStringLiteral("-wal")); ++n)
        target = path + QStringLiteral(".quarantined-") + stamp + u'-' + QString::number(n);
    return target;
}
}  // namespace

Result<QString> DatabaseQuarantine::moveAside(const QString& path, const QDateTime& now)
{
    const QString target = freeTargetFor(path, now);
    // QFile::rename never replaces an existing file.
    if (!QFile::rename(path, target)) {
        return Error{Error::Code::Storage,
                     tr("The database %1 is damaged and could not be moved aside to %2. Nothing was changed; "
                        "copy it somewhere safe and call your administrator.")
                         .arg(path, target)};
    }
    for (const QString& suffix : kCompanionSuffixes) {
        if (QFileInfo::exists(path + suffix))
            QFile::rename(path + suffix, target + suffix);
    }
    return target;
}

}  // namespace loyalty
