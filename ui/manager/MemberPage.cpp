#include "manager/MemberPage.h"

#include "hints/CustomerValueHint.h"
#include "manager/CardStateText.h"
#include "manager/MemberHistoryTab.h"
#include "manager/MemberOverviewTab.h"
#include "manager/corrections/AdjustPointsDialog.h"
#include "manager/corrections/AdjustWalletDialog.h"
#include "manager/corrections/CardActionDialog.h"
#include "manager/corrections/MergeMembersDialog.h"
#include "manager/privacy/PrivacyPanel.h"
#include "profile/MemberProfileReader.h"
#include "profile/MemberSearch.h"
#include "sale/ActiveProgramme.h"
#include "sale/MessageStrip.h"
#include "store/Database.h"
#include "style/TillStyle.h"
#include "time/Clock.h"

#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace loyalty {

namespace {
QPushButton* actionButton(const QString& objectName, const QString& text, const QString& key, QWidget* parent)
{
    auto* button = new QPushButton(text + QStringLiteral("\n") + key, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(text);
    button->setFocusPolicy(Qt::NoFocus);
    button->setMinimumHeight(52);
    button->setMinimumWidth(170);
    return button;
}
}  // namespace

MemberPage::MemberPage(Database& database, const Clock& clock, const TillSettings& settings, Corrections& corrections,
                       QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_clock(clock)
    , m_settings(settings)
    , m_corrections(corrections)
    , m_name(new QLabel(this))
    , m_details(new QLabel(this))
    , m_message(new MessageStrip(this))
    , m_tabs(new QTabWidget(this))
    , m_overview(new MemberOverviewTab(this))
    , m_history(new MemberHistoryTab(database, this))
    , m_adjustPoints(
          actionButton(QStringLiteral("adjustPointsButton"), tr("Adjust points"), QStringLiteral("F6"), this))
    , m_adjustWallet(
          actionButton(QStringLiteral("adjustWalletButton"), tr("Adjust wallet"), QStringLiteral("F7"), this))
    , m_merge(actionButton(QStringLiteral("mergeMembersButton"), tr("Merge"), QStringLiteral("F8"), this))
{
    setObjectName(QStringLiteral("memberPage"));
    m_name->setObjectName(QStringLiteral("memberNameLabel"));
    TillStyle::setRelativeFont(m_name, 1.8, true);
    m_details->setObjectName(QStringLiteral("memberDetailsLabel"));
    m_details->setWordWrap(true);
    m_tabs->setObjectName(QStringLiteral("memberTabWidget"));
    m_tabs->addTab(m_overview, tr("Overview"));
    m_tabs->addTab(m_history, tr("History"));
    m_tabs->addTab(buildCardsTab(), tr("Cards"));
    m_privacy = new PrivacyPanel(database, clock, settings, this);
    m_tabs->addTab(m_privacy, tr("Privacy"));
    connect(m_privacy, &PrivacyPanel::memberChanged, this, &MemberPage::reload);
    m_tabs->setStyleSheet(QStringLiteral("QTabBar::tab { min-height: 44px; min-width: 140px; }"));
    // The keyboard rests on the tabs: ← → switch them, the page's keys reach the manager screen.
    setFocusProxy(m_tabs);

    connect(m_adjustPoints, &QPushButton::clicked, this, &MemberPage::adjustPoints);
    connect(m_adjustWallet, &QPushButton::clicked, this, &MemberPage::adjustWallet);
    connect(m_merge, &QPushButton::clicked, this, &MemberPage::merge);

    auto* header = new QHBoxLayout;
    auto* who = new QVBoxLayout;
    who->addWidget(m_name);
    who->addWidget(m_details);
    header->addLayout(who, 1);
    header->addWidget(m_adjustPoints);
    header->addWidget(m_adjustWallet);
    header->addWidget(m_merge);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);
}

QWidget* MemberPage::buildCardsTab()
{
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("memberCardsTab"));
    m_cards = new QTableWidget(0, 4, tab);
    m_cards->setObjectName(QStringLiteral("memberCardsTableWidget"));
    m_cards->setAccessibleName(tr("Cards"));
    m_cards->setHorizontalHeaderLabels({tr("Card"), tr("State"), tr("Issued"), tr("Replaced by")});
    m_cards->verticalHeader()->setVisible(false);
    m_cards->verticalHeader()->setDefaultSectionSize(44);
    m_cards->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_cards->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_cards->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_cards->setSelectionMode(QAbstractItemView::SingleSelection);
    m_unblock = actionButton(QStringLiteral("unblockCardButton"), tr("Unblock card"), QStringLiteral("F9"), tab);
    m_replace = actionButton(QStringLiteral("replaceCardButton"), tr("Replace card"), QStringLiteral("F11"), tab);
    connect(m_cards, &QTableWidget::currentCellChanged, this, [this] { updateCardButtons(); });
    connect(m_unblock, &QPushButton::clicked, this, &MemberPage::unblockCard);
    connect(m_replace, &QPushButton::clicked, this, &MemberPage::replaceCard);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_unblock);
    buttons->addWidget(m_replace);
    auto* layout = new QVBoxLayout(tab);
    layout->addWidget(m_cards, 1);
    layout->addLayout(buttons);
    return tab;
}

bool MemberPage::showMember(qint64 memberId, const StaffSession& manager)
{
    m_manager = manager;
    const Programme programme = ActiveProgramme::load(m_database, m_settings);
    MemberProfileReader reader(m_database.connection());
    auto profile = reader.read(memberId, m_clock.now(), programme);
    if (!profile) {
        m_message->show(MessageStrip::Severity::Error, profile.error().message);
        return false;
    }
    m_profile = std::move(profile).value();
    const QLocale locale;
    m_name->setText(m_profile->isErased() ? tr("Erased member") : m_profile->name);
    QStringList details;
    if (!m_profile->email.isEmpty())
        details << m_profile->email;
    if (!m_profile->phone.isEmpty())
        details << m_profile->phone;
    if (m_profile->enrolledAt.isValid())
        details << tr("member since %1")
                       .arg(locale.toString(m_profile->enrolledAt.toLocalTime().date(), QLocale::ShortFormat));
    if (m_profile->isErased())
        details
            << tr("erased on %1").arg(locale.toString(m_profile->erasedAt.toLocalTime().date(), QLocale::ShortFormat));
    if (m_profile->isMerged())
        details << tr("merged into another account");
    m_details->setText(details.join(QStringLiteral(" · ")));
    const bool open = !m_profile->isErased() && !m_profile->isMerged();
    m_adjustPoints->setEnabled(open);
    m_adjustWallet->setEnabled(open);
    m_merge->setEnabled(open);

    CustomerValueHint hints(m_database, m_clock);
    const auto hint = hints.forMember(memberId, programme);
    m_overview->show(*m_profile, hint ? *hint : std::nullopt);
    m_history->showMember(memberId);
    showCards();
    m_privacy->showMember(*m_profile, m_manager);
    m_message->clear();
    return true;
}

void MemberPage::reload()
{
    if (m_profile) {
        const int tab = m_tabs->currentIndex();
        showMember(m_profile->memberId, m_manager);
        m_tabs->setCurrentIndex(tab);
    }
}

void MemberPage::showCards()
{
    const QLocale locale;
    m_cards->setRowCount(int(m_profile->cards.size()));
    for (int row = 0; row < m_profile->cards.size(); ++row) {
        const MemberCard& card = m_profile->cards.at(row);
        m_cards->setItem(row, 0, new QTableWidgetItem(card.number));
        m_cards->setItem(row, 1, new QTableWidgetItem(CardStateText::of(card.state)));
        m_cards->setItem(row, 2,
                         new QTableWidgetItem(locale.toString(card.issuedAt.toLocalTime(), QLocale::ShortFormat)));
        m_cards->setItem(row, 3, new QTableWidgetItem(card.replacedBy));
    }
    if (!m_profile->cards.isEmpty())
        m_cards->selectRow(0);
    updateCardButtons();
}

// Only what core would allow for the selected card: unblock a blocked one, replace one not yet replaced.
void MemberPage::updateCardButtons()
{
    const int row = m_cards->currentRow();
    const bool open = m_profile && !m_profile->isErased() && !m_profile->isMerged();
    const MemberCard* card =
        m_profile && row >= 0 && row < m_profile->cards.size() ? &m_profile->cards.at(row) : nullptr;
    m_unblock->setEnabled(open && card && card->state == CardState::Blocked);
    m_replace->setEnabled(open && card && card->state != CardState::Replaced);
}

QString MemberPage::selectedCard() const
{
    const int row = m_cards->currentRow();
    return m_profile && row >= 0 && row < m_profile->cards.size() ? m_profile->cards.at(row).number : QString();
}

void MemberPage::regainFocus()
{
    // After a dialog closed the offscreen platform (and some window managers) leave no window
    // active: take the keyboard back, or the next key is lost.
    if (!window()->isActiveWindow())
        window()->activateWindow();
    m_tabs->setFocus();
}

void MemberPage::adjustPoints()
{
    if (!m_profile || !m_adjustPoints->isEnabled())
        return;
    AdjustPointsDialog dialog(m_corrections, m_manager, *m_profile, this);
    const bool accepted = dialog.exec() == QDialog::Accepted;
    regainFocus();
    if (accepted) {
        reload();
        m_message->show(MessageStrip::Severity::Success,
                        tr("Points adjusted. The balance is now %1.").arg(QLocale().toString(m_profile->points)));
    }
}

void MemberPage::adjustWallet()
{
    if (!m_profile || !m_adjustWallet->isEnabled())
        return;
    AdjustWalletDialog dialog(m_corrections, m_manager, *m_profile, this);
    const bool accepted = dialog.exec() == QDialog::Accepted;
    regainFocus();
    if (accepted) {
        reload();
        m_message->show(MessageStrip::Severity::Success, tr("Wallet adjusted. %1.").arg(m_overview->walletText()));
    }
}

void MemberPage::merge()
{
    if (!m_profile || !m_merge->isEnabled())
        return;
    // The dialog searches and reads on the GUI thread, one page and one member at a time.
    MemberSearch search(m_database.connection());
    MemberProfileReader profiles(m_database.connection());
    const Programme programme = ActiveProgramme::load(m_database, m_settings);
    MergeMembersDialog dialog(m_corrections, search, profiles, programme, m_clock, m_manager, *m_profile, this);
    qint64 kept = 0;
    connect(&dialog, &MergeMembersDialog::merged, this, [&kept](qint64 keptMemberId, qint64) { kept = keptMemberId; });
    dialog.exec();
    regainFocus();
    if (kept == 0)
        return;
    if (showMember(kept, m_manager))
        m_message->show(MessageStrip::Severity::Success,
                        tr("Accounts merged: %1 now holds the balances and cards of both.").arg(m_profile->name));
}

void MemberPage::unblockCard()
{
    if (!m_unblock->isEnabled()) {
        m_message->show(MessageStrip::Severity::Warning, tr("Pick a blocked card on the Cards tab to unblock it."));
        return;
    }
    const QString card = selectedCard();
    if (!m_profile || card.isEmpty()) {
        m_message->show(MessageStrip::Severity::Warning, tr("Pick a card on the Cards tab first."));
        return;
    }
    CardActionDialog dialog(m_corrections, m_manager, *m_profile, card, CardActionDialog::Action::Unblock, this);
    const bool accepted = dialog.exec() == QDialog::Accepted;
    regainFocus();
    if (accepted) {
        reload();
        m_message->show(MessageStrip::Severity::Success, tr("Card %1 is active again.").arg(card));
    }
}

void MemberPage::replaceCard()
{
    if (!m_replace->isEnabled()) {
        m_message->show(MessageStrip::Severity::Warning, tr("Pick a card that is not replaced yet on the Cards tab."));
        return;
    }
    const QString card = selectedCard();
    if (!m_profile || card.isEmpty()) {
        m_message->show(MessageStrip::Severity::Warning, tr("Pick a card on the Cards tab first."));
        return;
    }
    CardActionDialog dialog(m_corrections, m_manager, *m_profile, card, CardActionDialog::Action::Replace, this);
    const bool accepted = dialog.exec() == QDialog::Accepted;
    regainFocus();
    if (accepted) {
        const QString replacement = dialog.resultCardNumber();
        reload();
        m_message->show(MessageStrip::Severity::Success, tr("Card %1 replaced by %2.").arg(card, replacement));
    }
}

bool MemberPage::handleKey(int key)
{
    switch (key) {
    case Qt::Key_F6:
        adjustPoints();
        return true;
    case Qt::Key_F7:
        adjustWallet();
        return true;
    case Qt::Key_F8:
        merge();
        return true;
    case Qt::Key_F9:
        m_tabs->setCurrentIndex(2);
        unblockCard();
        return true;
    case Qt::Key_F11:
        m_tabs->setCurrentIndex(2);
        replaceCard();
        return true;
    default:
        return false;
    }
}

}  // namespace loyalty
