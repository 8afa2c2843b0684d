#pragma once

#include <QDateTime>
#include <QString>

namespace loyalty {

// A person enrolled in the programme.
struct Member
{
    qint64 id = 0;
    QString name;
    QString email;
    QString phone;
    QDateTime enrolledAt;
};

}  // namespace loyalty
