// spreadByWeight and BasketLines' scope matching against the plain versions they replaced: the
// largest-remainder spread with a full sort, and LineScope::matches per line.

#include "program/BasketLines.h"
#include "program/Spread.h"

#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>
#include <numeric>

using namespace loyalty;

namespace {

__extension__ using Wide = __int128;

// The spread as first written (sort every slot, hand out the leftover units in that order).
QList<qint64> referenceSpread(qint64 total, const QList<qint64>& weights, const QStringList& tieKeys)
{
    const qint64 sum = std::accumulate(weights.cbegin(), weights.cend(), qint64(0));
    if (sum <= 0 || total == 0)
        return QList<qint64>(weights.size(), 0);
    const qint64 sign = total < 0 ? -1 : 1;
    const qint64 magnitude = total * sign;
    QList<qint64> shares(weights.size(), 0);
    QList<qint64> remainders(weights.size(), 0);
    qint64 given = 0;
    for (qsizetype i = 0; i < weights.size(); ++i) {
        const Wide product = static_cast<Wide>(magnitude) * weights[i];
        shares[i] = static_cast<qint64>(product / sum);
        remainders[i] = static_cast<qint64>(product % sum);
        given += shares[i];
    }
    QList<qsizetype> order(weights.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        if (remainders[a] != remainders[b])
            return remainders[a] > remainders[b];
        if (weights[a] != weights[b])
            return weights[a] > weights[b];
        const QString keyA = a < tieKeys.size() ? tieKeys[a] : QString();
        const QString keyB = b < tieKeys.size() ? tieKeys[b] : QString();
        if (keyA != keyB)
            return keyA < keyB;
        return a < b;
    });
    for (qsizetype k = 0; given < magnitude && k < order.size(); ++k) {
        if (weights[order[k]] > 0) {
            ++shares[order[k]];
            ++given;
        }
    }
    for (qint64& share : shares)
        share *= sign;
    return shares;
}

Product product(int n, const QString& category)
{
    Product p;
    p.id = n;
    p.ean = QStringLiteral("40000000%1").arg(n, 5, 10, QLatin1Char('0'));
    p.name = p.ean;
    p.price = Money(100 + 50 * (n % 4), QStringLiteral("EUR"));
    p.category = category;
    return p;
}

}  // namespace

class TestSpread : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Random weights with many ties (few distinct values, repeated keys, zeros), totals of both
    // signs, and weights large enough for the 128-bit path.
    void matchesTheFullSort()
    {
        QRandomGenerator random(8);
        for (int round = 0; round < 3000; ++round) {
            const int slotCount = int(random.bounded(1, 40));
            const bool huge = round % 10 == 0;
            QList<qint64> weights;
            QStringList keys;
            for (int i = 0; i < slotCount; ++i) {
                const qint64 w = random.bounded(4) == 0 ? 0 : qint64(random.bounded(1, 6));
                weights.append(huge ? w * (qint64(1) << 55) : w);
                keys.append(QStringLiteral("k%1").arg(random.bounded(5)));
            }
            if (round % 7 == 0)
                keys = keys.mid(0, slotCount / 2);  // slotCount without a key tie as the lowest, empty key
            const qint64 total = qint64(random.bounded(-500, 500)) * (huge ? 1000003 : 1);
            const QList<qint64> expected = referenceSpread(total, weights, keys);
            QCOMPARE(spreadByWeight(total, weights, keys), expected);
            if (keys.size() == slotCount) {
                QList<qsizetype> ranks;
                for (const QString& key : keys)
                    ranks.append(key.mid(1).toInt());  // "k0" < "k1" < ... as their digit
                QCOMPARE(spreadByWeight(total, weights, ranks), expected);
            }
        }
    }

    void basketLinesSpreadTiesByEan()
    {
        static const QStringList categories{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        QRandomGenerator random(9);
        for (int round = 0; round < 300; ++round) {
            Basket basket(QStringLiteral("EUR"));
            const int count = int(random.bounded(1, 30));
            for (int i = 0; i < count; ++i)
                basket.add(product(int(random.bounded(60)), categories.at(random.bounded(3))),
                           qint64(random.bounded(1, 3)));
            const BasketLines lines(basket);
            QList<qint64> weights;
            for (qsizetype i = 0; i < lines.size(); ++i)
                weights.append(random.bounded(3) == 0 ? 0 : lines.gross(i));
            const qint64 total = qint64(random.bounded(0, 2000));
            QCOMPARE(lines.spread(total, weights), referenceSpread(total, weights, lines.keys()));
        }
    }

    // Scopes asked for again and again, and temporaries made and dropped in a loop (their storage
    // is freed and reused), give what LineScope::matches gives.
    void scopesMatchLikeLineScope()
    {
        static const QStringList categories{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        QRandomGenerator random(10);
        Basket basket(QStringLiteral("EUR"));
        for (int i = 0; i < 40; ++i)
            basket.add(product(i, categories.at(i % 3)));
        const BasketLines lines(basket);
        QList<LineScope> kept(8);
        for (int round = 0; round < 2000; ++round) {
            LineScope temporary;
            for (int k = int(random.bounded(3)); k > 0; --k)
                temporary.eans.append(product(int(random.bounded(50)), QString()).ean);
            if (random.bounded(2) == 0)
                temporary.categories.append(categories.at(random.bounded(3)));
            LineScope& stored = kept[random.bounded(8)];
            if (round % 5 == 0)
                stored = temporary;  // the stored one changes: new lists, new storage
            for (const LineScope* scope : {&temporary, &stored}) {
                const QList<bool>& in = lines.linesIn(*scope);
                for (qsizetype i = 0; i < lines.size(); ++i) {
                    QCOMPARE(in[i], scope->matches(lines.line(i).product));
                    QCOMPARE(lines.inScope(i, *scope), scope->matches(lines.line(i).product));
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestSpread)
#include "TestSpread.moc"
