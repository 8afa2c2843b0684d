#include "admin/MemberImport.h"

#include "records/HqRecordWriter.h"
#include "store/HqDatabase.h"
#include "store/HqStoreError.h"
#include "store/HqTransaction.h"
#include "sync/protocol/SyncProtocol.h"
#include "time/Clock.h"

#include <QDate>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

namespace loyalty::hq {

namespace {
const QStringList kColumns{QStringLiteral("number"), QStringLiteral("name"),       QStringLiteral("email"),
                           QStringLiteral("phone"),  QStringLiteral("birth_date"), QStringLiteral("card_number"),
                           QStringLiteral("points")};

struct ImportRow
{
    int line = 0;
    HqMember member;
    QString card;
    Points points = 0;
};
}  // namespace

MemberImport::MemberImport(HqDatabase& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<QList<QStringList>> MemberImport::parseCsv(const QString& text, QList<int>& lines)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    int recordLine = 1;
    auto endRecord = [&] {
        record.append(field);
        // A blank line is no record.
        if (!(record.size() == 1 && record.first().isEmpty() && !fieldStarted)) {
            records.append(record);
            lines.append(recordLine);
        }
        record.clear();
        field.clear();
        fieldStarted = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u'"' && field.isEmpty()) {
            quoted = true;
            fieldStarted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
            fieldStarted = true;
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            continue;
        } else if (c == u'\n') {
            endRecord();
            recordLine = ++line;
        } else {
            field += c;
        }
    }
    if (quoted)
        return Error{Error::Code::InvalidInput, tr("Line %1: a quoted field is not closed.").arg(recordLine)};
    if (!field.isEmpty() || !record.isEmpty() || fieldStarted)
        endRecord();
    return records;
}

Result<MemberImport::Summary> MemberImport::run(const QByteArray& csv)
{
    if (!QUtf8StringView(csv).isValidUtf8())
        return Error{Error::Code::InvalidInput, tr("The file is not UTF-8 text.")};
    QString text = QString::fromUtf8(csv);
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);  // a byte order mark, as spreadsheets write
    QList<int> lines;
    const auto records = parseCsv(text, lines);
    if (!records)
        return records.error();
    if (records->isEmpty())
        return Error{Error::Code::InvalidInput, tr("The file is empty; its first line must name the columns.")};

    QHash<QString, qsizetype> column;
    const QStringList header = records->first();
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString name = header[i].trimmed().toLower();
        if (!kColumns.contains(name)) {
            return Error{Error::Code::InvalidInput, tr("Line 1: unknown column \"%1\"; the columns are %2.")
                                                        .arg(header[i].left(40), kColumns.join(QStringLiteral(", ")))};
        }
        if (column.contains(name))
            return Error{Error::Code::InvalidInput, tr("Line 1: the column \"%1\" appears twice.").arg(name)};
        column.insert(name, i);
    }
    for (const QString& required : {QStringLiteral("number"), QStringLiteral("name")}) {
        if (!column.contains(required))
            return Error{Error::Code::InvalidInput, tr("Line 1: the column \"%1\" is required.").arg(required)};
    }

    const QString now = m_clock.nowIso();
    static const QRegularExpression cardForm(QStringLiteral("^[0-9]{1,32}$"));
    QStringList problems;
    QList<ImportRow> rows;
    QSet<qint64> numbers;
    QSet<QString> cards;
    // Checked and written under one writer lock, so no till or other import slips in between.
    HqTransaction transaction(m_database);
    if (auto begun = transaction.beginWrite(); !begun)
        return begun.error();
    HqRecordWriter writer(m_database);
    for (qsizetype r = 1; r < records->size(); ++r) {
        const QStringList& fields = records->at(r);
        const int line = lines[r];
        auto value = [&](const QString& name) {
            return column.contains(name) ? fields.value(column.value(name)).trimmed() : QString();
        };
        auto problem = [&](const QString& message) { problems.append(tr("Line %1: %2").arg(line).arg(message)); };
        if (fields.size() != header.size()) {
            problem(tr("%1 fields, but the header names %2.").arg(fields.size()).arg(header.size()));
            continue;
        }
        ImportRow row;
        row.line = line;
        bool ok = false;
        const qint64 number = value(QStringLiteral("number")).toLongLong(&ok);
        if (!ok || number < 1 || number > 999'999'999'999) {
            problem(tr("the number must be a whole number from 1, not \"%1\".").arg(value(QStringLiteral("number"))));
            continue;
        }
        if (numbers.contains(number)) {
            problem(tr("the member number %1 appears twice in the file.").arg(number));
            continue;
        }
        numbers.insert(number);
        row.member.number = number;
        row.member.uuid = sync::memberUuidForNumber(number);
        row.member.name = value(QStringLiteral("name"));
        row.member.email = value(QStringLiteral("email"));
        row.member.phone = value(QStringLiteral("phone"));
        row.member.birthDate = value(QStringLiteral("birth_date"));
        row.member.enrolledAt = now;
        row.card = value(QStringLiteral("card_number"));
        if (row.member.name.isEmpty())
            problem(tr("the name is missing."));
        if (!row.member.birthDate.isEmpty()) {
            const QDate birth = QDate::fromString(row.member.birthDate, Qt::ISODate);
            if (!birth.isValid() || birth.toString(Qt::ISODate) != row.member.birthDate)
                problem(tr("the birth date must be YYYY-MM-DD, not \"%1\".").arg(row.member.birthDate.left(20)));
        }
        const QString points = value(QStringLiteral("points"));
        if (!points.isEmpty()) {
            row.points = points.toLongLong(&ok);
            if (!ok || row.points < 0 || row.points > 1'000'000'000)
                problem(tr("points must be a whole number from 0, not \"%1\".").arg(points.left(20)));
        }
        if (!row.card.isEmpty()) {
            if (!cardForm.match(row.card).hasMatch()) {
                problem(tr("the card number must be 1 to 32 digits, not \"%1\".").arg(row.card.left(40)));
            } else if (cards.contains(row.card)) {
                problem(tr("the card %1 appears twice in the file.").arg(row.card));
            } else {
                cards.insert(row.card);
                const auto taken = writer.card(row.card);
                if (!taken)
                    return taken.error();
                if (*taken)
                    problem(tr("the card %1 belongs to a member already.").arg(row.card));
            }
        }
        const auto exists = writer.memberExists(row.member.uuid);
        if (!exists)
            return exists.error();
        if (*exists)
            problem(tr("the member number %1 exists already.").arg(number));
        rows.append(row);
        if (problems.size() >= kMaxReportedProblems)
            break;
    }
    if (!problems.isEmpty()) {
        return Error{Error::Code::InvalidInput,
                     tr("Nothing was imported:") + u'\n' + problems.mid(0, kMaxReportedProblems).join(u'\n'),
                     QStringLiteral("invalid_import")};
    }

    Summary summary;
    for (const ImportRow& row : rows) {
        const auto added = writer.addMember(row.member, QString());
        if (!added)
            return added.error();
        ++summary.members;
        if (!row.card.isEmpty()) {
            HqCard card;
            card.number = row.card;
            card.memberUuid = row.member.uuid;
            card.issuedAt = now;
            if (auto put = writer.putCard(card, QString()); !put)
                return put.error();
            ++summary.cards;
        }
        if (row.points > 0) {
            HqLedgerEntry opening;
            opening.key = QStringLiteral("opening/") + row.member.uuid;
            opening.memberUuid = row.member.uuid;
            opening.kind = QStringLiteral("opening");
            opening.points = row.points;
            opening.reason = QStringLiteral("import.opening_balance");
            opening.createdAt = now;
            if (auto booked = writer.addLedgerEntry(opening, QString()); !booked)
                return booked.error();
            summary.openingPoints += row.points;
        }
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return summary;
}

}  // namespace loyalty::hq
