#pragma once

#include "members/CardHolder.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace loyalty {

class CardLifecycle;

// The cards of the member on the sale: add a card (a family's second card), replace a lost or worn
// card with a newly scanned one, or block a card. Balances and history stay with the member.
class MemberCardsDialog final : public QDialog
{
    Q_OBJECT

public:
    MemberCardsDialog(CardLifecycle& cards, const Member& member, QWidget* parent = nullptr);

    // A scan while the dialog is open: the new card for "Add" or "Replace".
    void acceptScan(const QString& code);

    QListWidget* cardList() const { return m_list; }
    QString statusText() const;
    void startAdding();
    void startReplacing();
    bool blockSelected(bool confirmed);

private:
    enum class Pending
    {
        Nothing,
        Add,
        Replace
    };

    void reload();
    QString selectedNumber() const;
    void say(const QString& text, bool error);

    CardLifecycle& m_cards;
    Member m_member;
    Pending m_pending = Pending::Nothing;
    QListWidget* m_list;
    QLabel* m_status;
    QPushButton* m_add;
    QPushButton* m_replace;
    QPushButton* m_block;
};

}  // namespace loyalty
