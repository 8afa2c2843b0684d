#pragma once

#include <QPointer>
#include <QSize>
#include <QTimer>
#include <QWidget>

#include <chrono>

class QLabel;
class QStackedWidget;
class QTableWidget;
class QWindow;

namespace loyalty {

class SaleSession;

// The window that faces the customer on a second screen: the basket, the total, what the
// programme saves them and the member's points in large type, then a thank-you, then a welcome.
// It only shows what the SaleSession holds and never takes the keyboard from the till window.
// It faces the public: a first name and balances only, never a card number, e-mail, phone or birthday.
class CustomerDisplay final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerDisplay)

public:
    // How long the thank-you stays after a completed sale before the welcome comes back (unless
    // the next customer's first scan comes sooner).
    static constexpr std::chrono::seconds kThankYouDuration{8};
    // The size the type sizes are made for; the type scales with the window from there.
    static constexpr QSize kDesignSize{1280, 720};

    enum class View
    {
        Idle,
        Sale,
        ThankYou
    };

    explicit CustomerDisplay(SaleSession& session, QWidget* parent = nullptr);

    View view() const;
    // Tests shorten the thank-you; the till keeps kThankYouDuration.
    void setThankYouDuration(std::chrono::milliseconds duration);
    // A small line at the foot of the window, e.g. why it is a window and not full screen; empty hides it.
    void setStatusNote(const QString& note);
    QString statusNote() const;

    // What is on screen, for tests and the accessibility tree.
    QString totalText() const;
    QString savingsText() const;
    QString greetingText() const;
    QString balanceText() const;
    QString thisSaleText() const;
    QString thankYouText() const;
    QString thankYouPointsText() const;
    QString thankYouBalanceText() const;
    QString welcomeText() const;
    // One "name · quantity · amount" per basket line, in basket order.
    QStringList lineTexts() const;
    // The basket row that changed last (the newest line, or the one whose quantity changed); -1 when empty.
    int highlightedRow() const;

protected:
    bool event(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void refresh();
    void saleCompleted();
    void showIdle();
    void showSale();
    void showBasket();
    void showMember();
    void showSavings();
    void applyLook(bool force);
    void focusWindowChanged(QWindow* window);

    SaleSession& m_session;
    QStackedWidget* m_views;
    QWidget* m_idleView;
    QWidget* m_saleView;
    QWidget* m_thankYouView;
    // idle
    QLabel* m_welcome;
    QLabel* m_tillName;
    QLabel* m_invitation;
    // sale
    QTableWidget* m_lines;
    QLabel* m_greeting;
    QLabel* m_tier;
    QLabel* m_balance;
    QLabel* m_thisSale;
    QLabel* m_joinHint;
    QLabel* m_savingsCaption;
    QLabel* m_savings;
    QLabel* m_savingsReasons;
    QLabel* m_totalCaption;
    QLabel* m_total;
    // thank you
    QLabel* m_thanks;
    QLabel* m_thanksPoints;
    QLabel* m_thanksBalance;
    QLabel* m_thanksPaid;
    QLabel* m_thanksJoin;

    QLabel* m_statusNote;
    QTimer m_thankYouTimer;
    // Basket lines as last shown (EAN and quantity), to find the row that changed.
    QList<QPair<QString, qint64>> m_shownLines;
    int m_highlightedRow = -1;
    QString m_styleSheet;
    bool m_lookPending = false;
    // The window that had the keyboard before the display (the till's): given it back if taken.
    QPointer<QWindow> m_tillFocusWindow;
};

}  // namespace loyalty
