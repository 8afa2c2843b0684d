#include "sale/SaleSession.h"

#include "sale/ActiveProgramme.h"
#include "store/Database.h"

#include <algorithm>

namespace loyalty {

SaleSession::SaleSession(Database& database, const Clock& clock, const TillSettings& settings, QObject* parent)
    : SaleSession(database, clock, settings, ActiveProgramme::load(database, settings), parent)
{
}

SaleSession::SaleSession(Database& database, const Clock& clock, const TillSettings& settings, Programme programme,
                         QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_digitalCards(database.connection(), clock)
    , m_decoder(settings.cardPrefix)
    , m_members(database.connection())
    , m_products(database.connection())
    , m_ledger(database.connection())
    , m_outbox(database.connection())
    , m_engine(std::move(programme))
    , m_service(database, clock, settings, m_engine)
    , m_basket(settings.currency)
{
    // Digital cards from head office are always understood; the trust list decides which verify.
    m_decoder.addDecoder(&m_digitalCards);
    recompute();
}

ScanOutcome SaleSession::scan(const QString& input, qint64 quantity, CardSource source)
{
    const auto read = m_decoder.decode(input, source);
    if (!read) {
        if (read.error().reason == QLatin1String("empty"))
            return {};  // Enter on an empty field
        return ScanOutcome::refused(read.error());
    }
    return accept(*read, quantity);
}

ScanOutcome SaleSession::accept(const CardRead& read, qint64 quantity)
{
    switch (read.kind) {
    case CardRead::Kind::Product:
        return addProduct(read.identifier, quantity);
    case CardRead::Kind::LoyaltyNumber:
    case CardRead::Kind::DigitalCard:
    case CardRead::Kind::NfcUid:
        return attachMember(read.identifier, read.kind);
    }
    return {};
}

ScanOutcome SaleSession::attachMember(const QString& cardNumber, CardRead::Kind kind)
{
    const auto found = m_members.findByCard(cardNumber);
    if (!found)
        return ScanOutcome::refused(found.error());
    const QString masked = QStringLiteral("•••• ") + cardNumber.right(4);
    if (!found->has_value()) {
        return ScanOutcome::refused(Error::Code::NotFound,
                                    tr("Unknown card %1. Ask for another card or enrol the customer.").arg(masked));
    }
    const CardHolder& holder = **found;
    if (holder.cardState == CardState::Blocked)
        return ScanOutcome::refused(Error::Code::Refused,
                                    tr("Card %1 is blocked. Ask for another card or enrol the customer.").arg(masked));
    if (holder.cardState == CardState::Replaced)
        return ScanOutcome::refused(Error::Code::Refused,
                                    tr("Card %1 was replaced by a newer card. Ask for the new card.").arg(masked));

    const auto standing = m_service.standing(holder.member.id);
    if (!standing)
        return ScanOutcome::refused(standing.error());

    const bool replacing = m_member && m_member->member.id != holder.member.id;
    if (m_member && m_member->member.id == holder.member.id && m_member->cardNumber == holder.cardNumber)
        return {ScanOutcome::Kind::MemberAttached, tr("%1 is already on this sale.").arg(holder.member.name)};
    m_member = holder;
    m_memberReadKind = kind;
    m_identityConfirmed = false;
    m_standing = *standing;
    m_memberBalance = standing->points;
    m_lastCompleted.reset();
    recompute();
    Q_EMIT memberChanged();
    return {ScanOutcome::Kind::MemberAttached,
            replacing ? tr("The sale now belongs to %1 instead of the member scanned before.").arg(holder.member.name)
                      : QString()};
}

ScanOutcome SaleSession::addProduct(const QString& ean, qint64 quantity)
{
    const auto found = m_products.findByEan(ean);
    if (!found)
        return ScanOutcome::refused(found.error());
    if (!found->has_value()) {
        return ScanOutcome::refused(
            Error::Code::NotFound,
            tr("Product %1 is not in the catalogue. Put it aside and ask the store manager.").arg(ean));
    }
    if ((*found)->price.currency() != m_basket.currency()) {
        return ScanOutcome::refused(Error::Code::Conflict,
                                    tr("Product %1 is priced in %2 but the till sells in %3.")
                                        .arg(ean, (*found)->price.currency(), m_basket.currency()));
    }
    if (m_basket.isEmpty() && !m_member)
        m_lastCompleted.reset();
    const qsizetype row = m_basket.add(**found, quantity);
    recompute();
    Q_EMIT basketChanged();
    return {ScanOutcome::Kind::ProductAdded, {}, row};
}

SaleSession::CardCheck SaleSession::recheckMemberCard()
{
    if (!m_member)
        return CardCheck::Unchanged;
    const auto active = m_members.activeCardsOf(m_member->member.id);
    if (!active || active->contains(m_member->cardNumber))
        return CardCheck::Unchanged;
    if (!active->isEmpty() && attachMember(active->first(), m_memberReadKind).kind == ScanOutcome::Kind::MemberAttached)
        return CardCheck::SwitchedCard;
    voidSale();
    return CardCheck::Voided;
}

bool SaleSession::changeQuantity(qsizetype row, qint64 delta)
{
    if (!m_basket.changeQuantity(row, delta))
        return false;
    recompute();
    Q_EMIT basketChanged();
    return true;
}

bool SaleSession::removeLine(qsizetype row)
{
    if (!m_basket.remove(row))
        return false;
    recompute();
    Q_EMIT basketChanged();
    return true;
}

void SaleSession::setRedeemPoints(Points points)
{
    m_options.redeemPoints = std::max<Points>(0, points);
    requestsChanged();
}

void SaleSession::setWalletSpend(qint64 minor)
{
    m_options.walletSpendMinor = std::max<qint64>(0, minor);
    requestsChanged();
}

void SaleSession::addCoupon(const QString& code)
{
    const QString normalised = code.trimmed().toUpper();
    if (normalised.isEmpty() || m_options.couponCodes.contains(normalised))
        return;
    m_options.couponCodes.append(normalised);
    requestsChanged();
}

void SaleSession::removeCoupon(const QString& code)
{
    m_options.couponCodes.removeAll(code.trimmed().toUpper());
    requestsChanged();
}

void SaleSession::addReward(const QString& rewardId)
{
    m_options.rewardIds.append(rewardId);
    requestsChanged();
}

void SaleSession::clearRequests()
{
    m_options = {};
    requestsChanged();
}

void SaleSession::requestsChanged()
{
    recompute();
    Q_EMIT basketChanged();
}

void SaleSession::voidSale()
{
    m_basket.clear();
    m_member.reset();
    m_standing.reset();
    m_options = {};
    m_identityConfirmed = false;
    m_memberBalance.reset();
    m_lastCompleted.reset();
    recompute();
    Q_EMIT basketChanged();
    Q_EMIT memberChanged();
}

qint64 SaleSession::loyaltyValueSpent() const
{
    qint64 spent = 0;
    for (const Effect& effect : m_effects.effects) {
        if (effect.kind == EffectKind::PointsRedeemed || effect.kind == EffectKind::WalletSpent ||
            effect.kind == EffectKind::CreditSpent)
            spent += effect.discountMinor;
    }
    return spent;
}

bool SaleSession::identityCheckNeeded() const
{
    if (!m_member || m_memberReadKind != CardRead::Kind::NfcUid || m_identityConfirmed)
        return false;
    const bool spends = std::any_of(m_effects.effects.cbegin(), m_effects.effects.cend(), [](const Effect& e) {
        return e.kind == EffectKind::PointsRedeemed || e.kind == EffectKind::WalletSpent ||
               e.kind == EffectKind::CreditSpent;
    });
    return spends && loyaltyValueSpent() >= m_settings.uidCheckAboveMinor;
}

Result<Done> SaleSession::confirmIdentity(const QDate& birthDate)
{
    if (!m_member)
        return Error{Error::Code::InvalidInput, tr("There is no member on this sale.")};
    const QDate onRecord = m_standing ? m_standing->birthDate : QDate();
    if (!onRecord.isValid())
        return Error{Error::Code::Refused,
                     tr("No date of birth is on record for this member: points and wallet can only be used with "
                        "the printed card or the app."),
                     QStringLiteral("identity-check")};
    if (birthDate != onRecord)
        return Error{Error::Code::Refused,
                     tr("The date of birth does not match. Nothing was redeemed; ask for the printed card or the "
                        "app."),
                     QStringLiteral("identity-check")};
    m_identityConfirmed = true;
    return Done{};
}

Result<CompletedSale> SaleSession::complete()
{
    if (identityCheckNeeded())
        return Error{Error::Code::Refused,
                     tr("This card is a bare NFC tag that can be copied: confirm the customer's date of birth "
                        "before points or wallet are used."),
                     QStringLiteral("identity-check")};
    auto completed = m_service.complete(m_basket, m_member, m_options);
    if (!completed)
        return completed;  // the sale stays as it was, so the cashier can try again
    m_lastCompleted = *completed;
    m_basket.clear();
    m_member.reset();
    m_standing.reset();
    m_options = {};
    m_identityConfirmed = false;
    m_memberBalance.reset();
    recompute();
    Q_EMIT basketChanged();
    Q_EMIT memberChanged();
    Q_EMIT saleCompleted();
    return completed;
}

void SaleSession::recompute()
{
    // The standing read at attach, not read again on every scan: the preview shows what the member
    // panel shows, and complete() reads it afresh inside its write transaction anyway.
    auto evaluated = m_service.preview(m_basket, m_member, m_options, m_standing);
    if (evaluated) {
        m_effects = *evaluated;
        return;
    }
    const Money zero = Money::zero(m_basket.currency());
    m_effects = Evaluation{m_basket.total(), zero, m_basket.total(), zero, {}, {evaluated.error().message}, {}};
}

}  // namespace loyalty
