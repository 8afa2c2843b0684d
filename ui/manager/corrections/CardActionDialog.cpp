#include "manager/corrections/CardActionDialog.h"

#include "corrections/Corrections.h"
#include "manager/corrections/ReasonField.h"
#include "profile/MemberProfile.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace loyalty {

CardActionDialog::CardActionDialog(Corrections& corrections, const StaffSession& by, const MemberProfile& profile,
                                   const QString& cardNumber, Action action, QWidget* parent)
    : QDialog(parent)
    , m_corrections(corrections)
    , m_by(by)
    , m_memberId(profile.memberId)
    , m_cardNumber(cardNumber)
    , m_action(action)
    , m_reason(new ReasonField(
          action == Action::Replace
              ? QStringList{tr("Card lost"), tr("Card damaged"), tr("Card stolen"), tr("Switched to the app")}
              : QStringList{tr("Card found again"), tr("Blocked by mistake"), tr("Customer proved the card is theirs")},
          this))
    , m_problem(new QLabel(this))
{
    const bool replace = action == Action::Replace;
    setObjectName(replace ? QStringLiteral("replaceCardDialog") : QStringLiteral("unblockCardDialog"));
    setWindowTitle(replace ? tr("Replace card") : tr("Unblock card"));
    setMinimumWidth(560);
    auto* intro = new QLabel(
        replace ? tr("Replace card %1 of %2 with a new card. The old card is refused at every till from then on; "
                     "points, history and tier stay with the member.")
                      .arg(cardNumber, profile.name)
                : tr("Unblock card %1 of %2: it is accepted at every till again.").arg(cardNumber, profile.name),
        this);
    intro->setObjectName(QStringLiteral("cardActionIntroLabel"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    m_problem->setObjectName(QStringLiteral("cardActionProblemLabel"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(intro);
    if (replace) {
        setProperty("expectsScan", true);
        m_newCard = new QLineEdit(this);
        m_newCard->setObjectName(QStringLiteral("newCardLineEdit"));
        m_newCard->setAccessibleName(tr("New card number"));
        m_newCard->setPlaceholderText(tr("Scan the new card or type its number"));
        m_newCard->setMinimumHeight(44);
        auto* form = new QFormLayout;
        auto* caption = new QLabel(tr("&New card"), this);
        caption->setBuddy(m_newCard);
        form->addRow(caption, m_newCard);
        layout->addLayout(form);
        connect(m_newCard, &QLineEdit::textChanged, this, &CardActionDialog::updateOk);
    }
    layout->addWidget(m_reason);
    layout->addWidget(m_problem);

    auto* buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(replace ? tr("Re&place card") : tr("&Unblock card"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("cardActionButton"));
    m_ok->setDefault(true);
    auto* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    for (QPushButton* button : {m_ok, cancel})
        button->setMinimumHeight(44);
    connect(buttons, &QDialogButtonBox::accepted, this, &CardActionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_reason, &ReasonField::reasonChanged, this, &CardActionDialog::updateOk);
    updateOk();
    if (m_newCard)
        m_newCard->setFocus();
    else
        m_reason->textField()->setFocus();
}

void CardActionDialog::acceptScan(const QString& code)
{
    if (!m_newCard)
        return;
    m_newCard->setText(code.trimmed());
    showProblem({});
    // The card is in; what is still missing gets the keyboard.
    if (m_reason->reason().isEmpty())
        m_reason->textField()->setFocus();
    else
        m_ok->setFocus();
}

QString CardActionDialog::problemText() const
{
    return m_problem->isVisibleTo(this) ? m_problem->text() : QString();
}

void CardActionDialog::updateOk()
{
    const bool cardGiven = !m_newCard || !m_newCard->text().trimmed().isEmpty();
    m_ok->setEnabled(cardGiven && !m_reason->reason().isEmpty());
}

void CardActionDialog::showProblem(const QString& text)
{
    m_problem->setText(text.isEmpty() ? QString() : QStringLiteral("✖ ") + text);
    m_problem->setVisible(!text.isEmpty());
}

void CardActionDialog::accept()
{
    if (!m_ok->isEnabled())
        return;  // Enter must not get around a missing reason or card
    const QString reason = m_reason->reason();
    const auto changed = m_action == Action::Replace
                             ? m_corrections.replaceCard(m_by, m_cardNumber, m_newCard->text().trimmed(), reason)
                             : m_corrections.unblockCard(m_by, m_cardNumber, reason);
    if (!changed) {
        showProblem(changed.error().message);
        if (m_newCard) {
            m_newCard->setFocus();
            m_newCard->selectAll();
        }
        return;
    }
    m_resultCard = changed->holder.cardNumber;
    Q_EMIT cardChanged(m_memberId);
    QDialog::accept();
}

}  // namespace loyalty
