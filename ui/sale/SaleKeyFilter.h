#pragma once

#include <QObject>

namespace loyalty {

// Turns the cashier's keys on the scan field into sale actions. Keys that also type text
// (+, −, Delete) act on the basket only while the field is empty, so a code can still be edited.
class SaleKeyFilter final : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

Q_SIGNALS:
    void completeRequested();
    void voidRequested();
    void quantityChangeRequested(int delta);
    void removeLineRequested();
    void selectionMoveRequested(int delta);
    void clearInputRequested();
    void enrolRequested();
    void cardsRequested();
    // Items of an earlier sale coming back (F11).
    void returnRequested();
    // The customer's requests on top of the basket.
    void couponRequested();
    void redeemPointsRequested();
    void rewardRequested();
    void walletRequested();
    void clearRequestsRequested();
    // The manager screens (F10) and the end of the cashier's shift (F1).
    void managerRequested();
    void signOutRequested();
    // Earlier receipts: reprint or save as PDF (Ctrl+P).
    void receiptsRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

}  // namespace loyalty
