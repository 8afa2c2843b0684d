#pragma once

#include "cards/digital/DigitalCardDecoder.h"
#include "cards/formats/ScanDecoder.h"
#include "catalog/ProductRepository.h"
#include "common/Result.h"
#include "ledger/LedgerRepository.h"
#include "members/MemberRepository.h"
#include "outbox/OutboxRepository.h"
#include "program/ProgrammeEngine.h"
#include "sale/Basket.h"
#include "sale/CompletedSale.h"
#include "sale/SaleOptions.h"
#include "sale/SaleService.h"
#include "sale/ScanOutcome.h"

#include <QObject>

#include <optional>

namespace loyalty {

// The sale in progress at one till: scans become basket lines or the member, keys change lines,
// and completion hands the basket to the SaleService. Front ends only show its state.
class SaleSession final : public QObject
{
    Q_OBJECT

public:
    // Sells under the till's active programme (ActiveProgramme::load), or under `programme`.
    SaleSession(Database& database, const Clock& clock, const TillSettings& settings, QObject* parent = nullptr);
    SaleSession(Database& database, const Clock& clock, const TillSettings& settings, Programme programme,
                QObject* parent = nullptr);

    // Decodes the input (ScanDecoder: payment cards and malformed input are refused, nothing of
    // them is kept) and adds the product or attaches the card's member.
    ScanOutcome scan(const QString& input, qint64 quantity = 1, CardSource source = CardSource::Typed);
    // A read a device already decoded (an NFC tag through NfcPolicy): a card or a product.
    ScanOutcome accept(const CardRead& read, qint64 quantity = 1);
    // Plugs a further card format (e.g. the signed digital card QR) into the scan pipeline;
    // `decoder` must outlive this session.
    void addCardDecoder(const CardFormatDecoder* decoder) { m_decoder.addDecoder(decoder); }
    // After the member's cards changed (blocked, replaced): the sale stays on its card while that is
    // active, else moves to the member's newest active card, else is voided.
    enum class CardCheck
    {
        Unchanged,
        SwitchedCard,
        Voided
    };
    CardCheck recheckMemberCard();

    // What the customer asks for on top of the basket. Each re-evaluates the sale at once; a request
    // the programme cannot grant (an unknown coupon, more points than allowed) shows up in
    // effects().notices and is lowered or left out, never silently.
    void setRedeemPoints(Points points);
    void setWalletSpend(qint64 minor);
    void addCoupon(const QString& code);
    void removeCoupon(const QString& code);
    void addReward(const QString& rewardId);
    void clearRequests();
    const SaleOptions& options() const { return m_options; }

    // A member read from a bare NFC tag UID (a clonable number) spends points, wallet or credit
    // above the till's limit (cards.uid_check_above_minor) only after the cashier compared the date
    // of birth with the customer's; complete() refuses until then (reason "identity-check").
    bool identityCheckNeeded() const;
    Result<Done> confirmIdentity(const QDate& birthDate);

    bool changeQuantity(qsizetype row, qint64 delta);
    bool removeLine(qsizetype row);
    void voidSale();
    Result<CompletedSale> complete();

    const Basket& basket() const { return m_basket; }
    const std::optional<CardHolder>& member() const { return m_member; }
    std::optional<Points> memberBalance() const { return m_memberBalance; }
    const Evaluation& effects() const { return m_effects; }
    // The member's balances, stamps, tier and expiring points as the programme sees them now.
    const std::optional<MemberStanding>& standing() const { return m_standing; }
    const ProgrammeEngine& engine() const { return m_engine; }
    const std::optional<CompletedSale>& lastCompleted() const { return m_lastCompleted; }
    const TillSettings& settings() const { return m_settings; }
    // Events waiting in the outbox for head office.
    Result<qint64> queuedEvents() const { return m_outbox.pendingCount(); }

Q_SIGNALS:
    void basketChanged();
    void memberChanged();
    void saleCompleted();

private:
    ScanOutcome attachMember(const QString& cardNumber, CardRead::Kind kind);
    qint64 loyaltyValueSpent() const;
    ScanOutcome addProduct(const QString& ean, qint64 quantity);
    void recompute();
    void requestsChanged();

    TillSettings m_settings;
    DigitalCardDecoder m_digitalCards;  // declared before m_decoder, which points to it
    ScanDecoder m_decoder;
    MemberRepository m_members;
    ProductRepository m_products;
    LedgerRepository m_ledger;
    OutboxRepository m_outbox;
    ProgrammeEngine m_engine;
    SaleService m_service;
    Basket m_basket;
    std::optional<CardHolder> m_member;
    std::optional<Points> m_memberBalance;
    std::optional<MemberStanding> m_standing;
    SaleOptions m_options;
    CardRead::Kind m_memberReadKind = CardRead::Kind::LoyaltyNumber;
    bool m_identityConfirmed = false;
    Evaluation m_effects;
    std::optional<CompletedSale> m_lastCompleted;
};

}  // namespace loyalty
