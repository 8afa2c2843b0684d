#pragma once

#include "money/Points.h"
#include "program/model/RewardDefinition.h"

#include <QDialog>

class QListWidget;

namespace loyalty {

// The reward catalogue with the points each needs. Rewards the member cannot take now (too few
// points, the product not in the basket) are listed greyed out with the reason in words.
class RewardPickerDialog final : public QDialog
{
    Q_OBJECT

public:
    RewardPickerDialog(const QList<RewardDefinition>& rewards, Points available, const QStringList& basketEans,
                       QWidget* parent = nullptr);

    // The chosen reward's id; empty when none was chosen.
    QString rewardId() const;
    QListWidget* list() const { return m_list; }
    // Why a reward cannot be taken now; empty when it can.
    static QString refusal(const RewardDefinition& reward, Points available, const QStringList& basketEans);

private:
    void choose();

    QListWidget* m_list;
    QString m_chosen;
};

}  // namespace loyalty
