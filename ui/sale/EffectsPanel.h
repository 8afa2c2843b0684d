#pragma once

#include <QFrame>

class QLabel;
class QTableView;

namespace loyalty {

class EffectsModel;
class SaleSession;

// "This sale": the effects list under the basket, updated with every change to the basket or to
// the customer's requests, and the keys that add or remove those requests.
class EffectsPanel final : public QFrame
{
    Q_OBJECT

public:
    explicit EffectsPanel(const SaleSession& session, QWidget* parent = nullptr);

    void refresh();

    EffectsModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    // The reasons as shown, effects first, then notices.
    QStringList reasons() const;
    QStringList notices() const;

private:
    const SaleSession& m_session;
    EffectsModel* m_model;
    QLabel* m_heading;
    QLabel* m_empty;
    QTableView* m_view;
};

}  // namespace loyalty
