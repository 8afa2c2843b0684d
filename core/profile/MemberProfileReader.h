#pragma once

#include "account/MemberStandingReader.h"
#include "account/PointsHistory.h"
#include "account/TierStanding.h"
#include "common/Result.h"
#include "profile/MemberProfile.h"
#include "program/model/Programme.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace loyalty {

// Reads the member page: the member row, balances of every account (MemberStandingReader), the
// open points lots and their expiry (PointsHistory + PointsLots), tier and progress
// (TierStanding, TierProgressText), cards with their states and consent records. Only
// per-member index lookups; works on any connection (the UI reads on a worker thread).
class MemberProfileReader final
{
    Q_DECLARE_TR_FUNCTIONS(MemberProfileReader)

public:
    explicit MemberProfileReader(const QSqlDatabase& db);
    Q_DISABLE_COPY_MOVE(MemberProfileReader)

    // The member as of `at` under `programme` (ActiveProgramme::load). NotFound for an unknown id.
    Result<MemberProfile> read(qint64 memberId, const QDateTime& at, const Programme& programme);

    Result<QList<MemberCard>> cards(qint64 memberId);
    Result<QList<ConsentRecord>> consents(qint64 memberId);

private:
    Result<Done> readMember(qint64 memberId, MemberProfile& profile);

    QSqlQuery m_member;
    QSqlQuery m_cards;
    QSqlQuery m_consents;
    MemberStandingReader m_standing;
    PointsHistory m_pointsHistory;
    TierStanding m_tiers;
};

}  // namespace loyalty
