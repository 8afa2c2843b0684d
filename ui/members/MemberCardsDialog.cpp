#include "members/MemberCardsDialog.h"

#include "members/CardLifecycle.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace loyalty {

namespace {
QString stateText(CardState state)
{
    switch (state) {
    case CardState::Active:
        return MemberCardsDialog::tr("active");
    case CardState::Blocked:
        return MemberCardsDialog::tr("blocked");
    case CardState::Replaced:
        return MemberCardsDialog::tr("replaced");
    }
    return {};
}
}  // namespace

MemberCardsDialog::MemberCardsDialog(CardLifecycle& cards, const Member& member, QWidget* parent)
    : QDialog(parent)
    , m_cards(cards)
    , m_member(member)
    , m_list(new QListWidget(this))
    , m_status(new QLabel(this))
    , m_add(new QPushButton(tr("&Add card"), this))
    , m_replace(new QPushButton(tr("&Replace card"), this))
    , m_block(new QPushButton(tr("&Block card"), this))
{
    setObjectName(QStringLiteral("memberCardsDialog"));
    setWindowTitle(tr("Cards of %1").arg(member.name));
    setMinimumWidth(560);
    m_list->setObjectName(QStringLiteral("cardListWidget"));
    m_list->setAccessibleName(tr("Cards"));
    m_status->setObjectName(QStringLiteral("cardStatusLabel"));
    m_status->setWordWrap(true);
    m_add->setObjectName(QStringLiteral("addCardButton"));
    m_replace->setObjectName(QStringLiteral("replaceCardButton"));
    m_block->setObjectName(QStringLiteral("blockCardButton"));
    for (QPushButton* button : {m_add, m_replace, m_block})
        button->setMinimumHeight(44);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_add);
    actions->addWidget(m_replace);
    actions->addWidget(m_block);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &MemberCardsDialog::startAdding);
    connect(m_replace, &QPushButton::clicked, this, &MemberCardsDialog::startReplacing);
    connect(m_block, &QPushButton::clicked, this, [this] { blockSelected(false); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Points, history and tier belong to the member and stay with every card."), this));
    layout->addWidget(m_list);
    layout->addLayout(actions);
    layout->addWidget(m_status);
    layout->addWidget(close);
    reload();
}

void MemberCardsDialog::reload()
{
    const QString keep = selectedNumber();
    m_list->clear();
    const auto cards = m_cards.cardsOf(m_member.id);
    if (!cards) {
        say(cards.error().message, true);
        return;
    }
    for (const CardHolder& card : *cards) {
        auto* item = new QListWidgetItem(tr("%1 — %2").arg(card.cardNumber, stateText(card.cardState)), m_list);
        item->setData(Qt::UserRole, card.cardNumber);
        if (card.cardNumber == keep || (keep.isEmpty() && m_list->count() == 1))
            m_list->setCurrentItem(item);
    }
}

QString MemberCardsDialog::selectedNumber() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void MemberCardsDialog::say(const QString& text, bool error)
{
    m_status->setText((error ? QStringLiteral("✖ ") : QStringLiteral("✔ ")) + text);
}

QString MemberCardsDialog::statusText() const
{
    return m_status->text();
}

void MemberCardsDialog::startAdding()
{
    m_pending = Pending::Add;
    say(tr("Scan the new card to add it."), false);
}

void MemberCardsDialog::startReplacing()
{
    if (selectedNumber().isEmpty()) {
        say(tr("Select the card to replace first."), true);
        return;
    }
    m_pending = Pending::Replace;
    say(tr("Scan the new card that replaces •••• %1.").arg(selectedNumber().right(4)), false);
}

bool MemberCardsDialog::blockSelected(bool confirmed)
{
    const QString number = selectedNumber();
    if (number.isEmpty()) {
        say(tr("Select the card to block first."), true);
        return false;
    }
    if (!confirmed &&
        QMessageBox::question(this, tr("Block card"),
                              tr("Block card •••• %1? It will be refused at every till.").arg(number.right(4))) !=
            QMessageBox::Yes)
        return false;
    const auto blocked = m_cards.block(number, QStringLiteral("lost"));
    if (!blocked) {
        say(blocked.error().message, true);
        return false;
    }
    reload();
    say(tr("Card •••• %1 is blocked.").arg(number.right(4)), false);
    return true;
}

void MemberCardsDialog::acceptScan(const QString& code)
{
    const QString number = code.trimmed();
    switch (m_pending) {
    case Pending::Nothing:
        say(tr("Choose Add card or Replace card before scanning."), true);
        return;
    case Pending::Add: {
        const auto added = m_cards.addCard(m_member.id, number);
        if (!added) {
            say(added.error().message, true);
            return;
        }
        m_pending = Pending::Nothing;
        reload();
        say(tr("Card •••• %1 added.").arg(number.right(4)), false);
        return;
    }
    case Pending::Replace: {
        const QString old = selectedNumber();
        const auto replaced = m_cards.replace(old, number);
        if (!replaced) {
            say(replaced.error().message, true);
            return;
        }
        m_pending = Pending::Nothing;
        reload();
        say(tr("Card •••• %1 replaces •••• %2.").arg(number.right(4), old.right(4)), false);
        return;
    }
    }
}

}  // namespace loyalty
