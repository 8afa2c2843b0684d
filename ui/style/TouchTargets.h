#pragma once

#include <QObject>

class QWidget;

namespace loyalty {

// The touch layout's sizes that a style sheet cannot give without shrinking what is already larger
// (a sheet's min-height replaces a widget's own minimum): this application-wide filter makes every
// button, edit, combo box, spin box and check box at least `target` px high and wide and every table
// row at least `target` px high, as each is polished; the widgets' own larger minimums stay.
// 0 gives every widget its own sizes back.
class TouchTargets final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TouchTargets)

public:
    explicit TouchTargets(QObject* parent = nullptr);

    // Applies to every existing widget now and to every widget polished later.
    void setTarget(int target);
    int target() const { return m_target; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void resize(QObject* object) const;
    void resizeTarget(QWidget* widget) const;

    int m_target = 0;
};

}  // namespace loyalty
