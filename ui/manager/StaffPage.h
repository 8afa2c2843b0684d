#pragma once

#include "staff/StaffMember.h"
#include "staff/StaffSession.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace loyalty {

class Clock;
class MessageStrip;
class StaffDirectory;

// The till's staff for a manager: who has an account, their role and state; add a cashier or a
// manager (F6), deactivate the selected account (F8). Core refuses all of it to a cashier.
class StaffPage final : public QWidget
{
    Q_OBJECT

public:
    StaffPage(StaffDirectory& staff, const Clock& clock, QWidget* parent = nullptr);

    void showFor(const StaffSession& manager);
    bool handleKey(int key);

    QTableWidget* table() const { return m_table; }
    QLineEdit* nameField() const { return m_name; }
    QComboBox* roleBox() const { return m_role; }
    QLineEdit* pinField() const { return m_pin; }
    QLineEdit* repeatField() const { return m_repeat; }
    MessageStrip* messageStrip() const { return m_message; }

private:
    void refresh();
    void add();
    void deactivate();

    StaffDirectory& m_staff;
    const Clock& m_clock;
    StaffSession m_manager;
    QList<StaffMember> m_members;
    QTableWidget* m_table;
    QLineEdit* m_name;
    QComboBox* m_role;
    QLineEdit* m_pin;
    QLineEdit* m_repeat;
    MessageStrip* m_message;
    QPushButton* m_add;
    QPushButton* m_deactivate;
};

}  // namespace loyalty
