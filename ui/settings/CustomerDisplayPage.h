#pragma once

#include "config/CustomerDisplaySetup.h"

#include <QWidget>

class QCheckBox;
class QComboBox;

namespace loyalty {

// The settings dialog's "Customer display" page: whether the customer-facing window is shown and
// on which screen (the screens connected now, or automatic: the first that is not the till's).
class CustomerDisplayPage final : public QWidget
{
    Q_OBJECT

public:
    explicit CustomerDisplayPage(const CustomerDisplaySetup& setup, QWidget* parent = nullptr);

    CustomerDisplaySetup setup() const;

    QCheckBox* enabledBox() const { return m_enabled; }
    QComboBox* screenBox() const { return m_screen; }

private:
    QCheckBox* m_enabled;
    QComboBox* m_screen;
};

}  // namespace loyalty
