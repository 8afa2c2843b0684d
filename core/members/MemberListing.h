#pragma once

#include <QStringList>

namespace loyalty {

// One row of a member list: enough to recognise the member and their cards.
struct MemberListing
{
    qint64 id = 0;
    QString name;
    QStringList cardNumbers;
};

}  // namespace loyalty
