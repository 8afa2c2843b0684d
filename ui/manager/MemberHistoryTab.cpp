#include "manager/MemberHistoryTab.h"

#include "money/Money.h"
#include "money/MoneyFormatter.h"
#include "profile/MemberHistoryReader.h"
#include "sale/MessageStrip.h"
#include "store/Database.h"
#include "style/TillStyle.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace loyalty {

namespace {
QString signedNumber(const QLocale& locale, qint64 amount)
{
    return amount > 0 ? QStringLiteral("+") + locale.toString(amount) : locale.toString(amount);
}

// A ledger entry's kind in the manager's words (the stored word for kinds this screen does not know).
QString entryKindText(const QString& kind)
{
    static const QHash<QString, const char*> words{
        {QStringLiteral("opening"), QT_TRANSLATE_NOOP("loyalty::MemberHistoryTab", "Opening balance")},
        {QStringLiteral("adjustment"), QT_TRANSLATE_NOOP("loyalty::MemberHistoryTab", "Correction")},
        {QStringLiteral("expire"), QT_TRANSLATE_NOOP("loyalty::MemberHistoryTab", "Points expired")},
        {QStringLiteral("merge_in"), QT_TRANSLATE_NOOP("loyalty::MemberHistoryTab", "Moved in from a merged account")},
        {QStringLiteral("merge_out"), QT_TRANSLATE_NOOP("loyalty::MemberHistoryTab", "Moved to the merged account")},
        {QStringLiteral("reverse"), QT_TRANSLATE_NOOP("loyalty::MemberHistoryTab", "Taken back by a return")},
        {QStringLiteral("earn"), QT_TRANSLATE_NOOP("loyalty::MemberHistoryTab", "Earned")},
        {QStringLiteral("redeem"), QT_TRANSLATE_NOOP("loyalty::MemberHistoryTab", "Redeemed")},
    };
    const auto it = words.constFind(kind);
    return it == words.cend() ? kind : QCoreApplication::translate("loyalty::MemberHistoryTab", it.value());
}
}  // namespace

MemberHistoryTab::MemberHistoryTab(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_tree(new QTreeWidget(this))
    , m_message(new MessageStrip(this))
    , m_more(new QPushButton(tr("Older\nPgDn"), this))
{
    setObjectName(QStringLiteral("memberHistoryTab"));
    m_tree->setObjectName(QStringLiteral("historyTreeWidget"));
    m_tree->setAccessibleName(tr("History"));
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({tr("When"), tr("What"), tr("Amount"), tr("Points")});
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_tree->header()->setMinimumSectionSize(110);
    TillStyle::setRelativeFont(m_tree, 1.15);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(false);
    m_tree->installEventFilter(this);
    m_more->setObjectName(QStringLiteral("olderHistoryButton"));
    m_more->setAccessibleName(tr("Older"));
    m_more->setMinimumHeight(52);
    m_more->setFocusPolicy(Qt::NoFocus);
    connect(m_more, &QPushButton::clicked, this, &MemberHistoryTab::loadMore);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_more);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);
}

void MemberHistoryTab::showMember(qint64 memberId)
{
    m_memberId = memberId;
    m_next = {};
    m_hasMore = false;
    m_tree->clear();
    load();
}

void MemberHistoryTab::loadMore()
{
    if (m_hasMore)
        load();
}

int MemberHistoryTab::itemCount() const
{
    return m_tree->topLevelItemCount();
}

void MemberHistoryTab::load()
{
    MemberHistoryReader reader(m_database.connection());
    const auto page = reader.page(m_memberId, kPageSize, m_next);
    if (!page) {
        m_message->show(MessageStrip::Severity::Error, page.error().message);
        return;
    }
    for (const MemberHistoryItem& item : page->items)
        append(item);
    m_hasMore = page->hasMore;
    m_next = page->next;
    m_more->setEnabled(m_hasMore);
    const QLocale locale;
    if (m_tree->topLevelItemCount() == 0)
        m_message->show(MessageStrip::Severity::Info, tr("No history yet."));
    else if (m_hasMore)
        m_message->show(MessageStrip::Severity::Info,
                        tr("%1 shown — PgDn for older.").arg(locale.toString(m_tree->topLevelItemCount())));
    else
        m_message->show(MessageStrip::Severity::Info,
                        tr("%1 shown — the whole history.").arg(locale.toString(m_tree->topLevelItemCount())));
}

void MemberHistoryTab::append(const MemberHistoryItem& item)
{
    const QLocale locale;
    const MoneyFormatter money(locale);
    auto* row = new QTreeWidgetItem(m_tree);
    row->setText(0, locale.toString(item.at.toLocalTime(), QLocale::ShortFormat));
    const QString currency = item.currency.isEmpty() ? QStringLiteral("EUR") : item.currency;
    switch (item.kind) {
    case MemberHistoryItem::Kind::Sale:
        row->setText(1, item.cardNumber.isEmpty() ? tr("Sale %1").arg(item.saleId)
                                                  : tr("Sale %1 (card %2)").arg(item.saleId).arg(item.cardNumber));
        row->setText(2, money.format(Money(item.totalMinor, currency)));
        break;
    case MemberHistoryItem::Kind::Return:
        row->setText(1, tr("Return from sale %1").arg(item.saleId));
        row->setText(2, money.format(Money(-item.totalMinor, currency)));
        break;
    case MemberHistoryItem::Kind::Entry: {
        const HistoryEntry entry = item.entries.isEmpty() ? HistoryEntry{} : item.entries.first();
        // The explanation was written for people (a correction's carries the manager's reason);
        // entry.reason is a stable word for programs.
        QString what = entry.explanation.isEmpty() ? entryKindText(entry.kind) : entry.explanation;
        if (entry.fromHeadOffice)
            what += QStringLiteral(" ") + tr("(from head office)");
        row->setToolTip(1, what);
        row->setText(1, what);
        if (!entry.account.isEmpty() && entry.account != QLatin1String("points"))
            row->setText(2, entry.account + QStringLiteral(" ") + signedNumber(locale, entry.amount));
        break;
    }
    }
    if (item.pointsChange != 0)
        row->setText(3, signedNumber(locale, item.pointsChange));
    row->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    row->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
    // Each sale unfolds to the effects it gave, a return to what it took back.
    for (const HistoryEffect& effect : item.effects) {
        auto* child = new QTreeWidgetItem(row);
        child->setText(1, effect.explanation.isEmpty() ? effect.kind : effect.explanation);
        child->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        child->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
        if (effect.discountMinor != 0)
            child->setText(2, money.format(Money(-effect.discountMinor, currency)));
        else if (effect.amount != 0)
            child->setText(3, signedNumber(locale, effect.amount));
    }
    if (item.kind == MemberHistoryItem::Kind::Return) {
        for (const HistoryEntry& entry : item.entries) {
            auto* child = new QTreeWidgetItem(row);
            child->setText(1, entry.explanation.isEmpty() ? entryKindText(entry.kind) : entry.explanation);
            child->setText(3, signedNumber(locale, entry.amount));
            child->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
        }
    }
    row->setExpanded(item.kind != MemberHistoryItem::Kind::Entry);
}

bool MemberHistoryTab::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_tree && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_PageDown) {
        QTreeWidgetItem* current = m_tree->currentItem();
        const bool atEnd = !current || m_tree->indexOfTopLevelItem(current->parent() ? current->parent() : current) >=
                                           m_tree->topLevelItemCount() - 3;
        if (atEnd && m_hasMore)
            loadMore();
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace loyalty
