#pragma once

class QApplication;

namespace loyalty {

// Applies the till's style sheet and window icon to the whole application.
class TillStyle final
{
public:
    static void apply(QApplication& application);
};

}  // namespace loyalty
