#pragma once

#include <QString>

#include <optional>

namespace loyalty {

// Where a physical or digital card stands in its life.
enum class CardState
{
    Active,
    Blocked,
    Replaced
};

QString toStorage(CardState state);
std::optional<CardState> cardStateFromStorage(const QString& text);

}  // namespace loyalty
