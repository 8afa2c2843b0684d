#include "loyalty/RewardPickerDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace loyalty {

namespace {
constexpr int kRewardIdRole = Qt::UserRole + 1;
}

RewardPickerDialog::RewardPickerDialog(const QList<RewardDefinition>& rewards, Points available,
                                       const QStringList& basketEans, QWidget* parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("rewardPickerDialog"));
    setWindowTitle(tr("Rewards"));
    setMinimumWidth(620);
    auto* prompt = new QLabel(
        tr("The member has %Ln point(s). Choose a reward (↑ ↓), then Enter.", nullptr, int(available)), this);
    prompt->setObjectName(QStringLiteral("rewardPromptLabel"));
    prompt->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("rewardListWidget"));
    m_list->setAccessibleName(tr("Reward catalogue"));
    m_list->setWordWrap(true);
    m_list->setSpacing(2);

    const QLocale locale;
    for (const RewardDefinition& reward : rewards) {
        const QString reason = refusal(reward, available, basketEans);
        //: A reward and the points it needs: "A Kaffee Crema — 300 points"
        QString text = tr("%1 — %Ln point(s)", nullptr, int(reward.points)).arg(reward.name);
        if (!reason.isEmpty())
            text += QStringLiteral("\n✖ ") + reason;
        auto* item = new QListWidgetItem(text, m_list);
        item->setData(kRewardIdRole, reward.id);
        if (!reason.isEmpty())
            item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
        else if (!m_list->currentItem())
            m_list->setCurrentItem(item);
    }
    if (rewards.isEmpty())
        prompt->setText(tr("This programme has no rewards."));

    auto* buttons = new QDialogButtonBox(this);
    auto* take = buttons->addButton(tr("&Take reward"), QDialogButtonBox::AcceptRole);
    take->setObjectName(QStringLiteral("takeRewardButton"));
    take->setDefault(true);
    take->setEnabled(m_list->currentItem() != nullptr);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &RewardPickerDialog::choose);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemActivated, this, &RewardPickerDialog::choose);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(prompt);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    m_list->setFocus();
}

QString RewardPickerDialog::refusal(const RewardDefinition& reward, Points available, const QStringList& basketEans)
{
    if (available < reward.points)
        return tr("needs %Ln point(s); the member has %1", nullptr, int(reward.points))
            .arg(QLocale().toString(available));
    if (reward.kind == RewardDefinition::Kind::FreeProduct && !basketEans.contains(reward.ean))
        return tr("scan the product first (EAN %1)").arg(reward.ean);
    return {};
}

QString RewardPickerDialog::rewardId() const
{
    return m_chosen;
}

void RewardPickerDialog::choose()
{
    const QListWidgetItem* item = m_list->currentItem();
    if (!item || !(item->flags() & Qt::ItemIsEnabled))
        return;
    m_chosen = item->data(kRewardIdRole).toString();
    accept();
}

}  // namespace loyalty
