#pragma once

#include <QCoreApplication>

namespace loyalty {

// The optional consent to receive offers, separate from the programme's own (ConsentText): a
// member can be in the programme without it. Versioned like ConsentText, so every record names the
// exact wording the customer agreed to or withdrew.
class MarketingConsentText final
{
    Q_DECLARE_TR_FUNCTIONS(MarketingConsentText)

public:
    static QString purpose() { return QStringLiteral("marketing"); }
    static QString version() { return QStringLiteral("2026-12-marketing-v1"); }
    static QString text()
    {
        return tr("I would like to receive offers and news of the loyalty programme by e-mail or text message. "
                  "I can withdraw this consent at any time at the till or by replying to a message.");
    }
};

}  // namespace loyalty
