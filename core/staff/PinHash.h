#pragma once

#include <QByteArray>
#include <QString>

namespace loyalty {

// A PIN as the staff table keeps it: the KDF's output, its salt and the KDF with its cost
// ("pbkdf2-sha256:600000"), so the cost can rise later without breaking the stored PINs.
struct PinHash
{
    QByteArray hash;
    QByteArray salt;
    QString kdf;
};

}  // namespace loyalty
