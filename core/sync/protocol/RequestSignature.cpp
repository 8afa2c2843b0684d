#include "sync/protocol/RequestSignature.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace loyalty::sync {

QByteArray RequestSignature::canonical(const QByteArray& bodyDigest) const
{
    QByteArray text;
    text.reserve(method.size() + target.size() + 64 + 20 + nonce.size() + tillId.size() + 5);
    text += method;
    text += '\n';
    text += target;
    text += '\n';
    text += bodyDigest.isEmpty() ? QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex() : bodyDigest;
    text += '\n';
    text += QByteArray::number(timestamp);
    text += '\n';
    text += nonce;
    text += '\n';
    text += tillId;
    return text;
}

QByteArray RequestSignature::sign(const QByteArray& secret, const QByteArray& bodyDigest) const
{
    const QByteArray message = canonical(bodyDigest);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), secret.constData(), int(secret.size()),
              reinterpret_cast<const unsigned char*>(message.constData()), size_t(message.size()), digest, &length))
        return {};
    return QByteArray(reinterpret_cast<const char*>(digest), int(length)).toBase64();
}

bool RequestSignature::matches(const QByteArray& secret, const QByteArray& signature,
                               const QByteArray& bodyDigest) const
{
    const QByteArray expected = sign(secret, bodyDigest);
    if (expected.isEmpty() || expected.size() != signature.size())
        return false;
    return CRYPTO_memcmp(expected.constData(), signature.constData(), size_t(expected.size())) == 0;
}

QByteArray RequestSignature::newNonce()
{
    QByteArray raw(16, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(raw.data()), 4);
    return raw.toHex();
}

bool RequestSignature::isWellFormedNonce(const QByteArray& nonce)
{
    if (nonce.size() != 32)
        return false;
    for (const char c : nonce) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

}  // namespace loyalty::sync
