#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>

namespace loyalty {

// The phone's half of a rotating digital card: it appends the current time step and its device
// signature to the QR head office issued, so a screenshot goes stale within a minute or so.
class RotatingCodeSigner final
{
    Q_DECLARE_TR_FUNCTIONS(RotatingCodeSigner)

public:
    static constexpr int kDefaultStepSeconds = 30;

    static quint32 timeStep(const QDateTime& at, int stepSeconds = kDefaultStepSeconds);

    // "LTC1.<payload>.<signature>.<timeStep>.<device signature over "LTR1." + payload + timeStep>"
    static Result<QString> sign(const QString& issuedQr, const QByteArray& deviceSecretKey, quint32 timeStep);
};

}  // namespace loyalty
