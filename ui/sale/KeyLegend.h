#pragma once

#include <QFrame>

class QLabel;

namespace loyalty {

// The bottom line: the keys that work now, and the till's state (name, head office, queue).
class KeyLegend final : public QFrame
{
    Q_OBJECT

public:
    explicit KeyLegend(QWidget* parent = nullptr);

    void showStatus(const QString& tillName, qint64 queuedEvents);
    QString statusText() const;

private:
    QLabel* m_keys;
    QLabel* m_status;
};

}  // namespace loyalty
