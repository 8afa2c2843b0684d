#pragma once

#include <QString>

namespace loyalty {

// One line for the cashier's member panel: what is worth knowing about this customer right now.
struct CustomerHint
{
    enum class Kind
    {
        ACustomer,       // among the members who make up 80 % of this till's member revenue (12 months)
        ExpiringPoints,  // points run out soon: offer a reward before they are lost
    };
    enum class Severity
    {
        Info,   // good to know (show it quietly)
        Offer,  // the cashier should say something to the customer
    };

    Kind kind = Kind::ACustomer;
    Severity severity = Severity::Info;
    QString text;            // translated, ready to show
    bool aCustomer = false;  // also an A customer (an ExpiringPoints hint may be for one too)
};

}  // namespace loyalty
