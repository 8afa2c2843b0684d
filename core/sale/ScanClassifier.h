#pragma once

#include "common/Error.h"

#include <QCoreApplication>

namespace loyalty {

// Tells what a scanned or typed code is before anything is looked up: a loyalty card (an EAN-13 in
// the till's GS1 in-store card range), a product GTIN, or something to refuse. It never repeats
// unrecognised input back, since that input may be a payment card number.
class ScanClassifier final
{
    Q_DECLARE_TR_FUNCTIONS(ScanClassifier)

public:
    enum class Kind
    {
        Empty,
        LoyaltyCard,
        Product,
        Refused
    };

    struct Classification
    {
        Kind kind = Kind::Empty;
        QString code;  // trimmed digits; empty when refused
        Error error;   // set when refused
    };

    explicit ScanClassifier(const QString& cardPrefix);

    Classification classify(const QString& input) const;

private:
    QString m_cardPrefix;
};

}  // namespace loyalty
