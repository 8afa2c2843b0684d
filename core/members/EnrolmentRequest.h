#pragma once

#include <QDate>
#include <QString>

namespace loyalty {

// What a cashier captures to enrol a customer at the till: the minimum, plus consent.
struct EnrolmentRequest
{
    QString name;
    QString email;              // optional
    QString phone;              // optional
    QDate birthDate;            // optional; a second check for UID-only cards and the birthday reward
    QString cardNumber;         // the card handed over, as scanned
    bool consentGiven = false;  // to the programme's terms and data use, in the shown text version
    QString consentTextVersion;
    QString referrerCardNumber;  // optional: the card of the member who recommended the programme
};

}  // namespace loyalty
