#include "SearchFigure.h"

#include "BenchData.h"
#include "TillOnDisk.h"
#include "profile/MemberSearch.h"

#include <QElapsedTimer>
#include <QSqlQuery>

#include <random>

namespace loyalty::bench {

QString SearchFigure::name() const
{
    return QStringLiteral("member_search");
}

QList<FigureResult> SearchFigure::run(BenchData& data)
{
    const QString title = QStringLiteral("member search by name prefix, first page");
    const auto path = data.tillDatabase();
    if (!path)
        return {FigureResult::failed(name(), title, path.error().message)};
    auto till = TillOnDisk::open(*path);
    if (!till)
        return {FigureResult::failed(name(), title, till.error().message)};
    const QSqlDatabase db = (*till)->database().connection();

    // Prefixes of 1 to 4 letters of real members' names (first or last word), as a manager types them.
    std::mt19937_64 random(8002);
    QStringList prefixes;
    QSqlQuery nameOf(db);
    nameOf.prepare(QStringLiteral("SELECT name FROM members WHERE id = ?"));
    while (prefixes.size() < data.options().iterations()) {
        nameOf.bindValue(0, 1 + qint64(random() % quint64(data.options().members())));
        if (!nameOf.exec() || !nameOf.next())
            return {FigureResult::failed(name(), title, QStringLiteral("no member names"))};
        const QStringList words = MemberSearch::words(nameOf.value(0).toString());
        if (words.isEmpty())
            continue;
        const QString& word = words.at(qsizetype(random() % quint64(words.size())));
        prefixes << word.left(1 + qsizetype(prefixes.size() % 4));
    }
    MemberSearch search(db);
    SampleSet samples;
    qint64 hits = 0;
    for (const QString& prefix : prefixes) {
        QElapsedTimer timer;
        timer.start();
        const auto page = search.search(prefix, MemberSearch::kDefaultLimit);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!page)
            return {FigureResult::failed(name(), title, page.error().message)};
        hits += page->hits.size();
        samples.add(ms);
    }
    FigureResult result = FigureResult::of(name(), title, QStringLiteral("ms"), samples);
    result.target = QStringLiteral("p99 <= 30 ms");
    result.met = result.p99 <= 30.0;
    result.how = QStringLiteral("MemberSearch::search(prefix, %1) (FTS5 prefix query, keyset page, details of the "
                                "page's members) on the %2-member database; prefixes of 1-4 letters of random "
                                "members' names (seed 8002), %3 hits on average")
                     .arg(MemberSearch::kDefaultLimit)
                     .arg(data.options().members())
                     .arg(double(hits) / double(prefixes.size()), 0, 'f', 1);
    // The naive search: a LIKE over the name column, which cannot use an index for "%word".
    QSqlQuery like(db);
    like.prepare(QStringLiteral("SELECT id FROM members WHERE name LIKE ? ORDER BY id LIMIT 20"));
    SampleSet naive;
    for (int i = 0; i < std::min<int>(20, int(prefixes.size())); ++i) {
        QElapsedTimer timer;
        timer.start();
        like.bindValue(0, QStringLiteral("% %1%").arg(prefixes.at(i)));
        if (!like.exec())
            break;
        while (like.next()) {
        }
        naive.add(double(timer.nsecsElapsed()) / 1e6);
    }
    result.comparison = QStringLiteral("naive: SELECT ... WHERE name LIKE '% word%' (a scan of the members table) "
                                       "for the last name: median %1 ms, max %2 ms over %3 prefixes")
                            .arg(naive.median(), 0, 'f', 1)
                            .arg(naive.max(), 0, 'f', 1)
                            .arg(naive.size());
    return {result};
}

}  // namespace loyalty::bench
