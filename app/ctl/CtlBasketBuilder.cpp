#include "CtlBasketBuilder.h"

#include "sale/SaleSession.h"

namespace loyalty {

Result<Done> CtlBasketBuilder::fill(SaleSession& session, const CtlRequest& request)
{
    if (!request.card.isEmpty()) {
        if (auto attached = attachCard(session, request.card); !attached)
            return attached;
    }
    if (auto added = addLines(session, request.lines); !added)
        return added;
    for (const QString& code : request.couponCodes)
        session.addCoupon(code);
    for (const QString& reward : request.rewardIds)
        session.addReward(reward);
    if (request.redeemPoints > 0)
        session.setRedeemPoints(request.redeemPoints);
    if (request.walletSpendMinor > 0)
        session.setWalletSpend(request.walletSpendMinor);
    return Done{};
}

Result<Done> CtlBasketBuilder::attachCard(SaleSession& session, const QString& card)
{
    const ScanOutcome outcome = session.scan(card, 1, CardSource::CommandLine);
    if (outcome.kind == ScanOutcome::Kind::Refused)
        return Error{outcome.error, outcome.message};
    if (outcome.kind != ScanOutcome::Kind::MemberAttached) {
        // Only a product GTIN gets here, never unrecognised input, so repeating it is safe.
        return Error{Error::Code::InvalidInput, tr("%1 is not a loyalty card; give products with --line.").arg(card)};
    }
    return Done{};
}

Result<Done> CtlBasketBuilder::addLines(SaleSession& session, const QList<CtlRequest::SaleLine>& lines)
{
    qint64 requested = 0;
    for (const CtlRequest::SaleLine& line : lines) {
        const ScanOutcome outcome = session.scan(line.ean, line.quantity, CardSource::CommandLine);
        if (outcome.kind == ScanOutcome::Kind::Refused)
            return Error{outcome.error, outcome.message};
        if (outcome.kind == ScanOutcome::Kind::MemberAttached)
            return Error{Error::Code::InvalidInput, tr("%1 is a loyalty card; give it with --card.").arg(line.ean)};
        if (outcome.kind != ScanOutcome::Kind::ProductAdded)
            return Error{Error::Code::InvalidInput, tr("A --line is empty.")};
        requested += line.quantity;
    }
    // The basket caps each product's quantity; a sale must never quietly sell fewer than asked for.
    if (session.basket().itemCount() != requested) {
        return Error{
            Error::Code::InvalidInput,
            tr("A basket takes at most %1 of one product; nothing was sold or quoted.").arg(Basket::kMaxQuantity)};
    }
    return Done{};
}

}  // namespace loyalty
