#include "manager/corrections/AdjustPointsDialog.h"

#include "corrections/Corrections.h"
#include "profile/MemberProfile.h"

#include <QLocale>

namespace loyalty {

AdjustPointsDialog::AdjustPointsDialog(Corrections& corrections, const StaffSession& by, const MemberProfile& profile,
                                       QWidget* parent)
    : AdjustBalanceDialog(profile.memberId, tr("Adjust points"),
                          tr("Points of %1. Added points expire like points earned today.").arg(profile.name),
                          tr("&Points"),
                          {tr("Points missing from a purchase"), tr("Goodwill after a complaint"),
                           tr("Cashier's mistake corrected"), tr("Points booked twice")},
                          parent)
    , m_corrections(corrections)
    , m_by(by)
{
    setObjectName(QStringLiteral("adjustPointsDialog"));
    finishSetup(Result<qint64>(profile.points));
}

std::optional<qint64> AdjustPointsDialog::parseMagnitude(const QString& text) const
{
    // Whole points only, with or without the locale's group separators ("1.500" in German).
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 value = QLocale().toLongLong(trimmed, &ok);
    if (!ok) {
        const qint64 plain = trimmed.toLongLong(&ok);
        if (!ok)
            return std::nullopt;
        return plain >= 0 ? std::optional<qint64>(plain) : std::nullopt;
    }
    return value >= 0 ? std::optional<qint64>(value) : std::nullopt;
}

QString AdjustPointsDialog::formatBalance(qint64 amount) const
{
    // tr() fills in %Ln only for n >= 0: a balance below zero gets its minus sign in front.
    const QString text = tr("%Ln point(s)", nullptr, int(amount < 0 ? -amount : amount));
    return amount < 0 ? QChar(0x2212) + text : text;
}

QString AdjustPointsDialog::amountExample() const
{
    return QLocale().toString(500);
}

Result<qint64> AdjustPointsDialog::book(qint64 signedAmount, const QString& reason)
{
    const auto adjusted = m_corrections.adjustPoints(m_by, memberId(), signedAmount, reason);
    if (!adjusted)
        return adjusted.error();
    m_expiresOn = adjusted->expiresOn;
    return adjusted->after;
}

}  // namespace loyalty
