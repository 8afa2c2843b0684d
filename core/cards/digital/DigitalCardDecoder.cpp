#include "cards/digital/DigitalCardDecoder.h"

#include "cards/digital/DigitalCardQr.h"
#include "cards/digital/DigitalCardToken.h"
#include "cards/digital/Ed25519.h"
#include "time/Clock.h"

#include <cstdlib>

namespace loyalty {

namespace {

Error refused(const QString& reason, const QString& message)
{
    return {Error::Code::Refused, message, reason};
}

}  // namespace

DigitalCardDecoder::DigitalCardDecoder(const QSqlDatabase& db, const Clock& clock, DigitalCardPolicy policy)
    : m_trustList(db, clock)
    , m_revoked(db, clock)
    , m_clock(clock)
    , m_policy(policy)
{
}

std::optional<Result<CardRead>> DigitalCardDecoder::decode(const QString& text, CardSource source) const
{
    if (!DigitalCardQr::hasPrefix(text))
        return std::nullopt;
    return verify(text, source);
}

Result<CardRead> DigitalCardDecoder::verify(const QString& text, CardSource source) const
{
    const auto qr = DigitalCardQr::parse(text);
    const auto card = qr ? DigitalCardToken::decodePayload(qr->payload) : std::nullopt;
    // A rotating code only makes sense for a card that names the phone's key.
    if (!qr || !card || (qr->rotatingCode && !card->requiresRotatingCode()))
        return Error{Error::Code::InvalidInput,
                     tr("This digital card could not be read. Ask the customer to open the card in the app again, "
                        "or type the card number."),
                     QStringLiteral("malformed_digital_card")};

    const auto key = m_trustList.find(card->keyId);
    if (!key)
        return key.error();
    const QString unknownKey = tr("This digital card was signed with a key this till does not trust. Update the "
                                  "till or use the plastic card.");
    if (!key->has_value())
        return refused(QStringLiteral("unknown_key"), unknownKey);

    // Nothing in the payload is believed before head office's signature checks out.
    if (!Ed25519::verify((*key)->publicKey, DigitalCardToken::signedMessage(qr->payload), qr->signature))
        return refused(QStringLiteral("forged"),
                       tr("This digital card is not genuine. Do not accept it; ask for the plastic card."));
    if (!(*key)->trustsCardIssuedAt(card->issued))
        return refused(QStringLiteral("unknown_key"), unknownKey);

    const auto revoked = m_revoked.isRevoked(card->cardId);
    if (!revoked)
        return revoked.error();
    if (*revoked)
        return refused(QStringLiteral("revoked"),
                       tr("This digital card has been withdrawn. Ask the customer to contact customer service."));

    const QDateTime now = m_clock.now().toUTC();
    if (card->issued > now.addSecs(m_policy.clockSkewSeconds))
        return refused(QStringLiteral("not_yet_valid"),
                       tr("This digital card is not valid yet. Check the till's date and time."));
    if (now >= card->expiry)
        return refused(QStringLiteral("expired"), tr("This digital card has expired. Ask the customer to open the app "
                                                     "again or use the plastic card."));
    if (auto error = checkRotatingCode(*qr, *card, now))
        return *error;

    CardRead read;
    read.kind = CardRead::Kind::DigitalCard;
    read.identifier = card->cardId;
    read.source = source;
    read.format = QStringLiteral("qr");
    return read;
}

std::optional<Error> DigitalCardDecoder::checkRotatingCode(const DigitalCardQr& qr, const DigitalCardToken& card,
                                                           const QDateTime& now) const
{
    if (!card.requiresRotatingCode())
        return std::nullopt;
    const Error stale = refused(QStringLiteral("stale_code"),
                                tr("This digital card code is out of date, perhaps a screenshot. Ask the customer "
                                   "to show the card live in the app."));
    if (!qr.rotatingCode)
        return stale;
    const auto& code = *qr.rotatingCode;
    if (!Ed25519::verify(card.devicePublicKey, DigitalCardToken::rotatingMessage(qr.payload, code.timeStep),
                         code.deviceSignature))
        return refused(QStringLiteral("forged"),
                       tr("This digital card is not genuine. Do not accept it; ask for the plastic card."));
    const qint64 current = RotatingCodeSigner::timeStep(now, m_policy.stepSeconds);
    if (std::llabs(current - qint64(code.timeStep)) > m_policy.stepWindow)
        return stale;
    return std::nullopt;
}

}  // namespace loyalty
