#pragma once

#include "common/Result.h"
#include "sync/apply/ChangeFields.h"
#include "sync/apply/ChangeOutcome.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace loyalty::sync {

class MemberIndex;

// Members and cards from head office. A member is keyed by uuid (an unknown uuid gets a new local
// id; the till's integer ids never leave it), a card by its number, pointing at its member's uuid.
// Upserts change a row only when a field differs, so a page applied twice changes nothing.
// A member change with erased_at blanks the member (the search index follows by its triggers) and
// an erased member is never filled again; merged_into_uuid sets members.merged_into.
class MemberChangeApplier final
{
    Q_DECLARE_TR_FUNCTIONS(MemberChangeApplier)

public:
    MemberChangeApplier(const QSqlDatabase& db, MemberIndex& members);
    Q_DISABLE_COPY_MOVE(MemberChangeApplier)

    Result<ChangeOutcome> member(const ChangeFields& change);
    Result<ChangeOutcome> card(const ChangeFields& change);

private:
    MemberIndex& m_members;
    QSqlQuery m_upsertMember;
    QSqlQuery m_upsertCard;
};

}  // namespace loyalty::sync
