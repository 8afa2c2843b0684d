#include "manager/corrections/MergeMembersDialog.h"

#include "corrections/Corrections.h"
#include "manager/corrections/ReasonField.h"
#include "money/MoneyFormatter.h"
#include "profile/MemberProfileReader.h"
#include "profile/MemberSearch.h"
#include "time/Clock.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace loyalty {

namespace {
constexpr int kSearchPauseMs = 250;  // a pause in typing, so a search does not run on every key

QString cardStateWord(CardState state)
{
    switch (state) {
    case CardState::Active:
        return MergeMembersDialog::tr("active");
    case CardState::Blocked:
        return MergeMembersDialog::tr("blocked");
    case CardState::Replaced:
        return MergeMembersDialog::tr("replaced");
    }
    return {};
}

QLabel* detailsLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setMinimumWidth(260);
    return label;
}

QPushButton* bigButton(const QString& text, const QString& objectName, QWidget* parent)
{
    auto* button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setMinimumHeight(44);
    return button;
}
}  // namespace

MergeMembersDialog::MergeMembersDialog(Corrections& corrections, MemberSearch& search, MemberProfileReader& profiles,
                                       const Programme& programme, const Clock& clock, const StaffSession& by,
                                       const MemberProfile& current, QWidget* parent)
    : QDialog(parent)
    , m_corrections(corrections)
    , m_memberSearch(search)
    , m_profiles(profiles)
    , m_programme(programme)
    , m_clock(clock)
    , m_by(by)
    , m_current(current)
    , m_steps(new QStackedWidget(this))
    , m_search(new QLineEdit(this))
    , m_searchDelay(new QTimer(this))
    , m_results(new QListWidget(this))
    , m_searchStatus(detailsLabel(QStringLiteral("mergeSearchStatusLabel"), this))
    , m_currentDetails(detailsLabel(QStringLiteral("currentMemberDetailsLabel"), this))
    , m_otherDetails(detailsLabel(QStringLiteral("otherMemberDetailsLabel"), this))
    , m_keepCurrent(new QRadioButton(tr("&Keep this member"), this))
    , m_keepOther(new QRadioButton(tr("Keep the &other member"), this))
    , m_reason(new ReasonField(
          {tr("Same person enrolled twice"), tr("Old card's account found"), tr("Customer asked to join the accounts")},
          this))
    , m_review(bigButton(tr("Re&view merge…"), QStringLiteral("reviewMergeButton"), this))
    , m_confirmation(detailsLabel(QStringLiteral("mergeConfirmationLabel"), this))
    , m_problem(detailsLabel(QStringLiteral("mergeProblemLabel"), this))
    , m_merge(bigButton(tr("&Merge now"), QStringLiteral("mergeNowButton"), this))
{
    setObjectName(QStringLiteral("mergeMembersDialog"));
    setProperty("expectsScan", true);
    setWindowTitle(tr("Merge two accounts of %1").arg(current.name));
    setMinimumWidth(720);

    // Step 1: find the other account, compare, choose, give the reason.
    auto* choose = new QWidget(m_steps);
    auto* intro = new QLabel(tr("Only for two accounts of the same person. Find the other account by card number, "
                                "name, phone or e-mail:"),
                             choose);
    intro->setWordWrap(true);
    m_search->setObjectName(QStringLiteral("mergeSearchLineEdit"));
    m_search->setAccessibleName(tr("Search the other account"));
    m_search->setPlaceholderText(tr("Card number, name, phone or e-mail"));
    m_search->setMinimumHeight(44);
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchPauseMs);
    m_results->setObjectName(QStringLiteral("mergeResultsList"));
    m_results->setAccessibleName(tr("Accounts found"));
    m_results->setMaximumHeight(160);

    auto* currentBox = new QGroupBox(tr("This member"), choose);
    (new QVBoxLayout(currentBox))->addWidget(m_currentDetails);
    auto* otherBox = new QGroupBox(tr("Other member"), choose);
    (new QVBoxLayout(otherBox))->addWidget(m_otherDetails);
    auto* sideBySide = new QHBoxLayout;
    sideBySide->addWidget(currentBox, 1);
    sideBySide->addWidget(otherBox, 1);

    m_keepCurrent->setObjectName(QStringLiteral("keepCurrentRadioButton"));
    m_keepOther->setObjectName(QStringLiteral("keepOtherRadioButton"));
    auto* keep = new QButtonGroup(this);
    auto* keepRow = new QHBoxLayout;
    for (QRadioButton* button : {m_keepCurrent, m_keepOther}) {
        button->setMinimumHeight(44);
        keep->addButton(button);
        keepRow->addWidget(button);  // not stretched: a radio button takes clicks on its indicator and text only
    }
    keepRow->addStretch(1);
    m_keepCurrent->setChecked(true);

    auto* chooseLayout = new QVBoxLayout(choose);
    chooseLayout->setContentsMargins(0, 0, 0, 0);
    chooseLayout->addWidget(intro);
    chooseLayout->addWidget(m_search);
    chooseLayout->addWidget(m_results);
    chooseLayout->addWidget(m_searchStatus);
    chooseLayout->addLayout(sideBySide);
    chooseLayout->addLayout(keepRow);
    chooseLayout->addWidget(m_reason);

    // Step 2: say exactly what happens, then the explicit second confirmation.
    auto* confirm = new QWidget(m_steps);
    auto* back = bigButton(tr("&Back"), QStringLiteral("mergeBackButton"), confirm);
    auto* confirmButtons = new QHBoxLayout;
    confirmButtons->addWidget(back);
    confirmButtons->addStretch(1);
    confirmButtons->addWidget(m_merge);
    auto* confirmLayout = new QVBoxLayout(confirm);
    confirmLayout->setContentsMargins(0, 0, 0, 0);
    confirmLayout->addWidget(m_confirmation);
    confirmLayout->addWidget(m_problem);
    confirmLayout->addStretch(1);
    confirmLayout->addLayout(confirmButtons);
    m_problem->hide();

    m_steps->addWidget(choose);
    m_steps->addWidget(confirm);

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_review, QDialogButtonBox::ActionRole);
    auto* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setMinimumHeight(44);
    m_review->setDefault(true);
    m_merge->setAutoDefault(false);  // Enter never merges: the second step is a deliberate press
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(m_steps);
    layout->addWidget(buttons);

    connect(m_search, &QLineEdit::textEdited, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &MergeMembersDialog::searchNow);
    connect(m_searchDelay, &QTimer::timeout, this, &MergeMembersDialog::searchNow);
    connect(m_results, &QListWidget::currentRowChanged, this, &MergeMembersDialog::chooseOther);
    connect(keep, &QButtonGroup::buttonToggled, this, &MergeMembersDialog::updateButtons);
    connect(m_reason, &ReasonField::reasonChanged, this, &MergeMembersDialog::updateButtons);
    connect(m_review, &QPushButton::clicked, this, &MergeMembersDialog::review);
    connect(back, &QPushButton::clicked, this, &MergeMembersDialog::back);
    connect(m_merge, &QPushButton::clicked, this, &MergeMembersDialog::accept);

    m_currentDetails->setText(describe(m_current));
    m_otherDetails->setText(tr("Search and choose the other account."));
    updateButtons();
    m_search->setFocus();
}

MergeMembersDialog::~MergeMembersDialog() = default;

void MergeMembersDialog::acceptScan(const QString& code)
{
    if (isConfirming())
        return;  // the choice is made; a stray scan must not change it behind the confirmation
    m_search->setText(code.trimmed());
    searchNow();
    if (m_results->count() == 1) {
        m_results->setCurrentRow(0);
        m_reason->textField()->setFocus();
    }
}

void MergeMembersDialog::searchNow()
{
    m_searchDelay->stop();
    m_results->blockSignals(true);  // the list is rebuilt: the choice is made again
    m_results->clear();
    m_results->blockSignals(false);
    const QString query = m_search->text();
    if (query.trimmed().isEmpty()) {
        m_searchStatus->clear();
        return;
    }
    const auto page = m_memberSearch.search(query);
    if (!page) {
        m_searchStatus->setText(QStringLiteral("✖ ") + page.error().message);
        return;
    }
    const MoneyFormatter money;
    for (const MemberHit& hit : page->hits) {
        if (hit.memberId == m_current.memberId)
            continue;  // a member cannot be merged with themselves
        QStringList parts{hit.name};
        if (!hit.cardNumber.isEmpty())
            parts << hit.cardNumber;
        parts << tr("%Ln point(s)", nullptr, int(hit.points));
        for (const QString& contact : {hit.maskedEmail, hit.maskedPhone}) {
            if (!contact.isEmpty())
                parts << contact;
        }
        auto* item = new QListWidgetItem(parts.join(QStringLiteral(" · ")), m_results);
        item->setData(Qt::UserRole, hit.memberId);
    }
    if (m_results->count() == 0)
        m_searchStatus->setText(tr("No other account found."));
    else if (page->hasMore)
        m_searchStatus->setText(tr("More accounts match: type more to narrow the search."));
    else
        m_searchStatus->clear();
}

// Down in the search field goes to the accounts found, so the keyboard alone picks one.
bool MergeMembersDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Down && m_results->count() > 0) {
        m_results->setFocus();
        if (!m_results->currentItem())
            m_results->setCurrentRow(0);
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

bool MergeMembersDialog::isConfirming() const
{
    return m_steps->currentIndex() == 1;
}

QString MergeMembersDialog::confirmationText() const
{
    return m_confirmation->text();
}

QString MergeMembersDialog::problemText() const
{
    return m_problem->isVisibleTo(this) ? m_problem->text() : QString();
}

std::optional<qint64> MergeMembersDialog::otherMemberId() const
{
    return m_other ? std::optional<qint64>(m_other->memberId) : std::nullopt;
}

void MergeMembersDialog::chooseOther()
{
    const QListWidgetItem* item = m_results->currentItem();
    m_other.reset();
    if (!item) {
        m_otherDetails->setText(tr("Search and choose the other account."));
        updateButtons();
        return;
    }
    const qint64 memberId = item->data(Qt::UserRole).toLongLong();
    auto profile = m_profiles.read(memberId, m_clock.now(), m_programme);
    if (!profile) {
        m_otherDetails->setText(QStringLiteral("✖ ") + profile.error().message);
        updateButtons();
        return;
    }
    m_other = std::move(profile).value();
    m_otherDetails->setText(describe(*m_other));
    updateButtons();
}

QString MergeMembersDialog::describe(const MemberProfile& profile) const
{
    const MoneyFormatter money;
    QStringList lines{profile.name};
    for (const QString& contact : {profile.email, profile.phone}) {
        if (!contact.isEmpty())
            lines << contact;
    }
    QString dateFormat = QLocale().dateFormat(QLocale::ShortFormat);
    if (!dateFormat.contains(QLatin1String("yyyy")))
        dateFormat.replace(QLatin1String("yy"), QLatin1String("yyyy"));  // "31.12.2026", never "31.12.26"
    lines << tr("Enrolled %1").arg(QLocale().toString(profile.enrolledAt.toLocalTime().date(), dateFormat));
    lines << tr("%Ln point(s)", nullptr, int(profile.points));
    lines << tr("Wallet %1").arg(money.format(Money(profile.walletMinor, profile.currency)));
    for (const MemberAccountBalance& stamps : profile.stampCards) {
        if (stamps.balance != 0)
            lines << tr("%1: %Ln stamp(s)", nullptr, int(stamps.balance)).arg(stamps.name);
    }
    if (!profile.tierName.isEmpty())
        lines << tr("Tier %1").arg(profile.tierName);
    if (profile.cards.isEmpty())
        lines << tr("No cards");
    for (const MemberCard& card : profile.cards)
        lines << tr("Card %1 (%2)").arg(card.number, cardStateWord(card.state));
    return lines.join(QLatin1Char('\n'));
}

const MemberProfile& MergeMembersDialog::kept() const
{
    return m_keepOther->isChecked() && m_other ? *m_other : m_current;
}

const MemberProfile& MergeMembersDialog::closed() const
{
    return m_keepOther->isChecked() || !m_other ? m_current : *m_other;
}

void MergeMembersDialog::updateButtons()
{
    m_review->setEnabled(m_other.has_value() && !m_reason->reason().isEmpty());
    m_review->setVisible(!isConfirming());
}

void MergeMembersDialog::review()
{
    if (!m_review->isEnabled())
        return;
    const MemberProfile& keep = kept();
    const MemberProfile& close = closed();
    const MoneyFormatter money;
    QStringList cards;
    for (const MemberCard& card : close.cards)
        cards << card.number;
    QString text =
        tr("%1 is kept. From %2 it receives %3, %4 in the wallet and every other balance, each points lot with "
           "its expiry.")
            .arg(keep.name, close.name, tr("%Ln point(s)", nullptr, int(close.points)),
                 money.format(Money(close.walletMinor, close.currency)));
    text += QLatin1Char('\n') + (cards.isEmpty()
                                     ? tr("%1 has no cards to move.").arg(close.name)
                                     : tr("Cards moved to %1: %2.").arg(keep.name, cards.join(QStringLiteral(", "))));
    text += QLatin1Char('\n') + tr("The account of %1 is closed and points to %2; its history and consents stay "
                                   "with it. This cannot be undone at the till.")
                                    .arg(close.name, keep.name);
    text += QLatin1Char('\n') + tr("Reason: %1").arg(m_reason->reason());
    m_confirmation->setText(text);
    showProblem({});
    m_steps->setCurrentIndex(1);
    updateButtons();
    m_merge->setFocus();
}

void MergeMembersDialog::back()
{
    m_steps->setCurrentIndex(0);
    showProblem({});
    updateButtons();
    m_review->setFocus();
}

void MergeMembersDialog::showProblem(const QString& text)
{
    m_problem->setText(text.isEmpty() ? QString() : QStringLiteral("✖ ") + text);
    m_problem->setVisible(!text.isEmpty());
}

void MergeMembersDialog::accept()
{
    // Only the second step's explicit "Merge now" merges; Enter on the first step reviews.
    if (!isConfirming()) {
        review();
        return;
    }
    if (!m_other)
        return;
    const qint64 keepId = kept().memberId;
    const qint64 closeId = closed().memberId;
    const auto done = m_corrections.merge(m_by, closeId, keepId, m_reason->reason());
    if (!done) {
        showProblem(done.error().message);
        return;
    }
    Q_EMIT merged(keepId, closeId);
    QDialog::accept();
}

}  // namespace loyalty
