#include "manager/corrections/AdjustBalanceDialog.h"

#include "manager/corrections/ReasonField.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace loyalty {

namespace {
const QChar kMinus(0x2212);  // "−", what the sign button shows
}

AdjustBalanceDialog::AdjustBalanceDialog(qint64 memberId, const QString& title, const QString& intro,
                                         const QString& amountCaption, const QStringList& quickReasons, QWidget* parent)
    : QDialog(parent)
    , m_memberId(memberId)
    , m_intro(new QLabel(intro, this))
    , m_add(new QPushButton(tr("+ &Add"), this))
    , m_takeOff(new QPushButton(kMinus + tr(" &Take off"), this))
    , m_amount(new QLineEdit(this))
    , m_before(new QLabel(this))
    , m_after(new QLabel(this))
    , m_reason(new ReasonField(quickReasons, this))
    , m_problem(new QLabel(this))
    , m_ok(nullptr)
{
    setWindowTitle(title);
    setMinimumWidth(560);
    m_intro->setObjectName(QStringLiteral("adjustIntroLabel"));
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);

    m_add->setObjectName(QStringLiteral("addSignButton"));
    m_takeOff->setObjectName(QStringLiteral("takeOffSignButton"));
    auto* signs = new QButtonGroup(this);
    for (QPushButton* button : {m_add, m_takeOff}) {
        button->setCheckable(true);
        button->setAutoDefault(false);
        button->setMinimumHeight(44);
        button->setMinimumWidth(120);
        signs->addButton(button);
    }
    signs->setExclusive(true);
    m_add->setChecked(true);
    m_add->setAccessibleName(tr("Add to the balance"));
    m_takeOff->setAccessibleName(tr("Take off the balance"));

    m_amount->setObjectName(QStringLiteral("amountLineEdit"));
    m_amount->setAccessibleName(tr("Amount"));
    m_amount->setMinimumHeight(44);
    m_before->setObjectName(QStringLiteral("balanceBeforeLabel"));
    m_after->setObjectName(QStringLiteral("balanceAfterLabel"));
    m_after->setTextFormat(Qt::PlainText);
    m_problem->setObjectName(QStringLiteral("adjustProblemLabel"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->hide();

    auto* amountRow = new QHBoxLayout;
    amountRow->addWidget(m_add);
    amountRow->addWidget(m_takeOff);
    amountRow->addWidget(m_amount, 1);
    auto* amountLabel = new QLabel(amountCaption, this);
    amountLabel->setBuddy(m_amount);

    auto* form = new QFormLayout;
    form->setHorizontalSpacing(16);
    form->addRow(amountLabel, amountRow);
    form->addRow(tr("Balance now"), m_before);
    form->addRow(tr("After the adjustment"), m_after);

    auto* buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(tr("&Book adjustment"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("bookAdjustmentButton"));
    m_ok->setDefault(true);
    auto* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    for (QPushButton* button : {m_ok, cancel})
        button->setMinimumHeight(44);
    connect(buttons, &QDialogButtonBox::accepted, this, &AdjustBalanceDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_reason);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    setTabOrder(m_amount, m_add);
    setTabOrder(m_add, m_takeOff);
    setTabOrder(m_takeOff, m_reason->textField());

    connect(m_amount, &QLineEdit::textEdited, this, &AdjustBalanceDialog::takeTypedSign);
    connect(m_amount, &QLineEdit::textChanged, this, &AdjustBalanceDialog::updatePreview);
    connect(signs, &QButtonGroup::buttonToggled, this, &AdjustBalanceDialog::updatePreview);
    connect(m_reason, &ReasonField::reasonChanged, this, &AdjustBalanceDialog::updatePreview);
    m_amount->setFocus();
}

void AdjustBalanceDialog::finishSetup(const Result<qint64>& balance)
{
    m_balanceKnown = balance.ok();
    m_balance = balance.ok() ? *balance : 0;
    m_before->setText(m_balanceKnown ? formatBalance(m_balance) : tr("unknown"));
    if (!balance)
        showProblem(balance.error().message);
    m_amount->setPlaceholderText(amountExample());
    updatePreview();
}

QAbstractButton* AdjustBalanceDialog::addButton() const
{
    return m_add;
}

QAbstractButton* AdjustBalanceDialog::takeOffButton() const
{
    return m_takeOff;
}

QString AdjustBalanceDialog::balanceText() const
{
    return m_before->text();
}

QString AdjustBalanceDialog::afterText() const
{
    return m_after->text();
}

QString AdjustBalanceDialog::problemText() const
{
    return m_problem->isVisibleTo(this) ? m_problem->text() : QString();
}

// A sign typed in front of the amount ("-50", "+50") chooses the direction, so the keyboard alone
// is enough; the field then holds the amount without its sign.
void AdjustBalanceDialog::takeTypedSign(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return;
    const QChar first = trimmed.front();
    const bool minus = first == u'-' || first == kMinus;
    if (!minus && first != u'+')
        return;
    (minus ? m_takeOff : m_add)->setChecked(true);
    m_amount->setText(trimmed.mid(1).trimmed());
}

std::optional<qint64> AdjustBalanceDialog::signedAmount() const
{
    const auto magnitude = parseMagnitude(m_amount->text());
    if (!magnitude || *magnitude <= 0)
        return std::nullopt;
    return m_takeOff->isChecked() ? -*magnitude : *magnitude;
}

void AdjustBalanceDialog::updatePreview()
{
    const auto amount = signedAmount();
    if (!amount || !m_balanceKnown) {
        m_after->setText(
            m_amount->text().trimmed().isEmpty() || !m_balanceKnown
                ? QStringLiteral("—")
                : tr("✖ \"%1\" is not an amount. Type it like %2.").arg(m_amount->text(), amountExample()));
    } else {
        const qint64 after = m_balance + *amount;
        m_after->setText(after < 0 ? tr("%1 ⚠ below zero").arg(formatBalance(after)) : formatBalance(after));
    }
    m_ok->setEnabled(amount.has_value() && m_balanceKnown && !m_reason->reason().isEmpty());
}

void AdjustBalanceDialog::showProblem(const QString& text)
{
    m_problem->setText(text.isEmpty() ? QString() : QStringLiteral("✖ ") + text);
    m_problem->setVisible(!text.isEmpty());
}

void AdjustBalanceDialog::accept()
{
    const auto amount = signedAmount();
    const QString reason = m_reason->reason();
    if (!amount || !m_balanceKnown || reason.isEmpty())
        return;  // OK is disabled then; Enter must not get around it
    const auto booked = book(*amount, reason);
    if (!booked) {
        showProblem(booked.error().message);
        m_amount->setFocus();
        m_amount->selectAll();
        return;
    }
    m_balance = *booked;
    Q_EMIT adjusted(m_memberId);
    QDialog::accept();
}

}  // namespace loyalty
