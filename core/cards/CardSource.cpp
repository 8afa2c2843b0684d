#include "cards/CardSource.h"

namespace loyalty {

QString toStorage(CardSource source)
{
    switch (source) {
    case CardSource::KeyboardWedge:
        return QStringLiteral("wedge");
    case CardSource::Typed:
        return QStringLiteral("typed");
    case CardSource::Serial:
        return QStringLiteral("serial");
    case CardSource::Nfc:
        return QStringLiteral("nfc");
    case CardSource::CommandLine:
        return QStringLiteral("cli");
    }
    return QStringLiteral("typed");
}

}  // namespace loyalty
