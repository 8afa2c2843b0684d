// Not a test: a measurement run by hand on a large demo database (issue 8's benchmark measures it
// properly). Prints how long the first page of typical searches takes, cold and warm:
//   loyalty-ctl --db /tmp/1m.db demo --members 1000000
//   MeasureMemberSearch /tmp/1m.db
#include "profile/MemberSearch.h"
#include "store/Database.h"
#include "time/SystemClock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTextStream>

#include <cstdio>

using namespace loyalty;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: MeasureMemberSearch DATABASE [QUERY...]\n");
        return 2;
    }
    SystemClock clock;
    auto opened = Database::open(QString::fromLocal8Bit(argv[1]), clock, Database::OpenMode::MustExist);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    const QSqlDatabase db = opened.value()->connection();
    QStringList queries;
    for (int i = 2; i < argc; ++i)
        queries << QString::fromLocal8Bit(argv[i]);
    if (queries.isEmpty()) {
        QSqlQuery sample(db);
        // A member from the middle of the file, so nothing is found in the first rows by chance.
        if (!sample.exec(QStringLiteral("SELECT m.name, m.email, m.phone, c.number FROM members m"
                                        " JOIN cards c ON c.member_id = m.id"
                                        " WHERE m.id = (SELECT max(id) / 2 FROM members) LIMIT 1")) ||
            !sample.next()) {
            std::fprintf(stderr, "no members\n");
            return 1;
        }
        const QString name = sample.value(0).toString();
        const QString last = name.section(u' ', -1);
        queries << name.left(1) << name.left(2) << name.left(4) << last.left(4) + u' ' + name.left(2)
                << sample.value(2).toString().left(6) << sample.value(2).toString().left(9) << QStringLiteral("0151")
                << QStringLiteral("0") + sample.value(2).toString().mid(4, 7)
                << sample.value(1).toString().section(u'@', 0, 0) + QStringLiteral("@ex") << sample.value(3).toString()
                << QStringLiteral("zzzzq");
    }
    MemberSearch search(db);
    QTextStream out(stdout);
    out << "query\tkind\thits\tmore\tcold ms\twarm ms (best of 5)\n";
    for (const QString& query : std::as_const(queries)) {
        QElapsedTimer timer;
        timer.start();
        const auto first = search.search(query, MemberSearch::kDefaultLimit);
        const double cold = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        if (!first) {
            out << query << "\terror: " << first.error().message << '\n';
            continue;
        }
        double best = 1e12;
        for (int i = 0; i < 5; ++i) {
            timer.restart();
            const auto again = search.search(query, MemberSearch::kDefaultLimit);
            best = std::min(best, static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
        out << '"' << query << "\"\t" << static_cast<int>(first->kind) << '\t' << first->hits.size() << '\t'
            << (first->hasMore ? "yes" : "no") << '\t' << QString::number(cold, 'f', 2) << '\t'
            << QString::number(best, 'f', 2) << '\n';
    }
    return 0;
}
