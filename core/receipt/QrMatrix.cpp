#include "receipt/QrMatrix.h"

#include <qrencode.h>

#include <memory>

namespace loyalty {

namespace {

struct QrCodeDeleter
{
    void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

Result<QrMatrix> QrMatrix::encode(const QString& text)
{
    if (text.isEmpty())
        return Error{Error::Code::InvalidInput, tr("A QR code needs some text to encode."), QStringLiteral("qr_empty")};
    const QByteArray bytes = text.toUtf8();
    // 8-bit mode on the UTF-8 bytes: any text encodes the same way and phone readers take it as UTF-8.
    std::unique_ptr<QRcode, QrCodeDeleter> code(QRcode_encodeData(
        int(bytes.size()), reinterpret_cast<const unsigned char*>(bytes.constData()), 0, QR_ECLEVEL_M));
    if (!code)
        return Error{Error::Code::InvalidInput, tr("The text is too long for a QR code (%1 bytes).").arg(bytes.size()),
                     QStringLiteral("qr_too_long")};
    QrMatrix matrix;
    matrix.m_size = code->width;
    matrix.m_modules.resize(qsizetype(code->width) * code->width);
    for (qsizetype i = 0; i < matrix.m_modules.size(); ++i)
        matrix.m_modules[i] = (code->data[i] & 1) != 0;  // bit 0: dark module; the other bits describe the role
    return matrix;
}

bool QrMatrix::dark(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_size || y >= m_size)
        return false;  // the quiet zone around the symbol
    return m_modules[qsizetype(y) * m_size + x];
}

}  // namespace loyalty
