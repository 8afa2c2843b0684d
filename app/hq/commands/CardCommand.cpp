#include "commands/CardCommand.h"

#include "HeadOffice.h"
#include "admin/CardRevoker.h"

#include <QJsonObject>

namespace loyalty::hq {

Result<HqReport> CardCommand::revoke(HeadOffice& office, const QString& cardId, const QString& reason)
{
    const auto revoked = CardRevoker(office.database(), office.clock()).revoke(cardId, reason);
    if (!revoked)
        return revoked.error();
    HqReport report;
    report.json = {{QStringLiteral("card_id"), revoked->cardId},
                   {QStringLiteral("revoked_at"), revoked->revokedAt},
                   {QStringLiteral("reason"), revoked->reason},
                   {QStringLiteral("changed"), revoked->changed}};
    report.text = revoked->changed ? tr("Digital card %1 is revoked (%2); every till refuses it from its next sync on.")
                                         .arg(revoked->cardId, revoked->reason)
                                   : tr("Digital card %1 was revoked before, at %2 (%3); nothing was changed.")
                                         .arg(revoked->cardId, revoked->revokedAt, revoked->reason);
    return report;
}

}  // namespace loyalty::hq
