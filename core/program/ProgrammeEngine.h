#pragma once

#include "program/Evaluation.h"
#include "program/EvaluationRequest.h"
#include "program/model/Programme.h"

#include <QCoreApplication>

namespace loyalty {

// Evaluates a programme: a basket, a member and a moment in, effects with their reasons out.
// Pure and deterministic — no database, no clock: the same request gives the same evaluation,
// whatever the order of the basket lines. Integer arithmetic throughout; each rounding is named
// where it happens and documented in docs/programme.md.
class ProgrammeEngine final
{
    Q_DECLARE_TR_FUNCTIONS(ProgrammeEngine)

public:
    explicit ProgrammeEngine(Programme programme);

    const Programme& programme() const { return m_programme; }

    Evaluation evaluate(const EvaluationRequest& request) const;

    // Effects outside a sale: the welcome bonus on enrolment, points for answered feedback, and the
    // referrer's share of a referral (given when the referee's first sale completes).
    QList<Effect> enrolmentEffects(const QDateTime& at) const;
    QList<Effect> feedbackEffects(const QDateTime& at) const;

    // The tier after `tierId` (the first tier when empty); null for the highest. TierStanding decides
    // which tier a member holds.
    const TierDefinition* nextTier(const QString& tierId) const;

private:
    Programme m_programme;
};

}  // namespace loyalty
