#include "cards/digital/Ed25519.h"

#include <memory>
#include <openssl/evp.h>

namespace loyalty {

namespace {

struct PkeyFree
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct PkeyContextFree
{
    void operator()(EVP_PKEY_CTX* context) const { EVP_PKEY_CTX_free(context); }
};
struct MdContextFree
{
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyContext = std::unique_ptr<EVP_PKEY_CTX, PkeyContextFree>;
using MdContext = std::unique_ptr<EVP_MD_CTX, MdContextFree>;

const unsigned char* bytes(const QByteArray& data)
{
    return reinterpret_cast<const unsigned char*>(data.constData());
}

unsigned char* bytes(QByteArray& data)
{
    return reinterpret_cast<unsigned char*>(data.data());
}

Error cryptoError(const char* what)
{
    return {Error::Code::InvalidInput, Ed25519::tr("The signature library failed (%1).").arg(QLatin1String(what)),
            QStringLiteral("crypto")};
}

Result<QByteArray> rawPublicKey(EVP_PKEY* key)
{
    QByteArray publicKey(Ed25519::kKeySize, '\0');
    size_t size = static_cast<size_t>(publicKey.size());
    if (EVP_PKEY_get_raw_public_key(key, bytes(publicKey), &size) != 1 || size != size_t(Ed25519::kKeySize))
        return cryptoError("get_raw_public_key");
    return publicKey;
}

Result<Pkey> importSecretKey(const QByteArray& secretKey)
{
    if (secretKey.size() != Ed25519::kKeySize)
        return Error{Error::Code::InvalidInput, Ed25519::tr("An Ed25519 secret key has 32 bytes."),
                     QStringLiteral("bad_key")};
    Pkey key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytes(secretKey), size_t(secretKey.size())));
    if (!key)
        return cryptoError("new_raw_private_key");
    return key;
}

}  // namespace

Result<Ed25519KeyPair> Ed25519::generate()
{
    PkeyContext context(EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr));
    if (!context || EVP_PKEY_keygen_init(context.get()) != 1)
        return cryptoError("keygen_init");
    EVP_PKEY* generated = nullptr;
    if (EVP_PKEY_keygen(context.get(), &generated) != 1)
        return cryptoError("keygen");
    const Pkey key(generated);

    Ed25519KeyPair pair;
    pair.secretKey = QByteArray(kKeySize, '\0');
    size_t size = static_cast<size_t>(pair.secretKey.size());
    if (EVP_PKEY_get_raw_private_key(key.get(), bytes(pair.secretKey), &size) != 1 || size != size_t(kKeySize))
        return cryptoError("get_raw_private_key");
    auto publicKey = rawPublicKey(key.get());
    if (!publicKey)
        return publicKey.error();
    pair.publicKey = std::move(publicKey).value();
    return pair;
}

Result<QByteArray> Ed25519::publicKeyFor(const QByteArray& secretKey)
{
    auto key = importSecretKey(secretKey);
    if (!key)
        return key.error();
    return rawPublicKey(key->get());
}

Result<QByteArray> Ed25519::sign(const QByteArray& secretKey, const QByteArray& message)
{
    auto key = importSecretKey(secretKey);
    if (!key)
        return key.error();
    MdContext context(EVP_MD_CTX_new());
    // Ed25519 hashes internally (PureEdDSA): no digest is named, and signing is one-shot.
    if (!context || EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, key->get()) != 1)
        return cryptoError("DigestSignInit");
    QByteArray signature(kSignatureSize, '\0');
    size_t size = static_cast<size_t>(signature.size());
    if (EVP_DigestSign(context.get(), bytes(signature), &size, bytes(message), size_t(message.size())) != 1 ||
        size != size_t(kSignatureSize))
        return cryptoError("DigestSign");
    return signature;
}

bool Ed25519::verify(const QByteArray& publicKey, const QByteArray& message, const QByteArray& signature)
{
    if (publicKey.size() != kKeySize || signature.size() != kSignatureSize)
        return false;
    const Pkey key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytes(publicKey), size_t(publicKey.size())));
    if (!key)
        return false;
    const MdContext context(EVP_MD_CTX_new());
    if (!context || EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, key.get()) != 1)
        return false;
    // Only 1 means valid; 0 is a bad signature and a negative value an error.
    return EVP_DigestVerify(context.get(), bytes(signature), size_t(signature.size()), bytes(message),
                            size_t(message.size())) == 1;
}

}  // namespace loyalty
