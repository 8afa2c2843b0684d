#include "manager/CardStateText.h"

namespace loyalty {

QString CardStateText::of(CardState state)
{
    switch (state) {
    case CardState::Active:
        return tr("active");
    case CardState::Blocked:
        return tr("blocked");
    case CardState::Replaced:
        return tr("replaced");
    }
    return {};
}

}  // namespace loyalty
