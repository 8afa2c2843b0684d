#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QVector>

namespace loyalty {

// The modules of a QR code (libqrencode, error correction M, the text as UTF-8 bytes), without a quiet zone:
// painters add the four-module margin themselves.
class QrMatrix final
{
    Q_DECLARE_TR_FUNCTIONS(QrMatrix)

public:
    static Result<QrMatrix> encode(const QString& text);

    int size() const { return m_size; }
    bool dark(int x, int y) const;

private:
    QrMatrix() = default;

    int m_size = 0;
    QVector<bool> m_modules;  // row-major, m_size * m_size
};

}  // namespace loyalty
