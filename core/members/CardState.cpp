#include "members/CardState.h"

namespace loyalty {

QString toStorage(CardState state)
{
    switch (state) {
    case CardState::Active:
        return QStringLiteral("active");
    case CardState::Blocked:
        return QStringLiteral("blocked");
    case CardState::Replaced:
        return QStringLiteral("replaced");
    }
    return QStringLiteral("active");
}

std::optional<CardState> cardStateFromStorage(const QString& text)
{
    if (text == QLatin1String("active"))
        return CardState::Active;
    if (text == QLatin1String("blocked"))
        return CardState::Blocked;
    if (text == QLatin1String("replaced"))
        return CardState::Replaced;
    return std::nullopt;
}

}  // namespace loyalty
