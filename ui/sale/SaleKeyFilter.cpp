#include "sale/SaleKeyFilter.h"

#include <QKeyEvent>
#include <QLineEdit>

namespace loyalty {

bool SaleKeyFilter::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress)
        return QObject::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    const auto* field = qobject_cast<QLineEdit*>(watched);
    const bool fieldEmpty = !field || field->text().isEmpty();
    if (key->key() == Qt::Key_P && (key->modifiers() & Qt::ControlModifier)) {
        Q_EMIT receiptsRequested();
        return true;
    }
    switch (key->key()) {
    case Qt::Key_F12:
        Q_EMIT completeRequested();
        return true;
    case Qt::Key_F8:
        Q_EMIT voidRequested();
        return true;
    case Qt::Key_F9:
        Q_EMIT enrolRequested();
        return true;
    case Qt::Key_F7:
        Q_EMIT cardsRequested();
        return true;
    case Qt::Key_F11:
        Q_EMIT returnRequested();
        return true;
    case Qt::Key_F6:
        Q_EMIT couponRequested();
        return true;
    case Qt::Key_F4:
        Q_EMIT redeemPointsRequested();
        return true;
    case Qt::Key_F3:
        Q_EMIT rewardRequested();
        return true;
    case Qt::Key_F5:
        Q_EMIT clearRequestsRequested();
        return true;
    case Qt::Key_F2:
        Q_EMIT walletRequested();
        return true;
    case Qt::Key_F10:
        Q_EMIT managerRequested();
        return true;
    case Qt::Key_F1:
        Q_EMIT signOutRequested();
        return true;
    case Qt::Key_Escape:
        Q_EMIT clearInputRequested();
        return true;
    case Qt::Key_Up:
        Q_EMIT selectionMoveRequested(-1);
        return true;
    case Qt::Key_Down:
        Q_EMIT selectionMoveRequested(1);
        return true;
    case Qt::Key_Plus:
        if (!fieldEmpty)
            break;
        Q_EMIT quantityChangeRequested(1);
        return true;
    case Qt::Key_Minus:
        if (!fieldEmpty)
            break;
        Q_EMIT quantityChangeRequested(-1);
        return true;
    case Qt::Key_Delete:
        if (!fieldEmpty)
            break;
        Q_EMIT removeLineRequested();
        return true;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace loyalty
