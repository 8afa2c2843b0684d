#pragma once

#include <QObject>

namespace loyalty {

// Row heights of item views are not a style-sheet property: this application-wide filter gives every
// table view rows of at least `rowHeight` px as it is polished (0: the views' own heights).
class TouchRowSizer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TouchRowSizer)

public:
    explicit TouchRowSizer(QObject* parent = nullptr);

    // Applies to every existing view now and to every view polished later.
    void setRowHeight(int rowHeight);
    int rowHeight() const { return m_rowHeight; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void resize(QObject* object) const;

    int m_rowHeight = 0;
};

}  // namespace loyalty
