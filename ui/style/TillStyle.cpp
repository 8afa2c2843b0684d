#include "style/TillStyle.h"

#include <QApplication>
#include <QFile>
#include <QIcon>

// Resources of a static library must be registered by hand, from the global namespace.
static void initTillResources()
{
    Q_INIT_RESOURCE(till);
}

namespace loyalty {

void TillStyle::apply(QApplication& application)
{
    initTillResources();
    application.setStyle(QStringLiteral("Fusion"));
    QFile styleSheet(QStringLiteral(":/styles/till.qss"));
    if (styleSheet.open(QIODevice::ReadOnly | QIODevice::Text))
        application.setStyleSheet(QString::fromUtf8(styleSheet.readAll()));
    application.setWindowIcon(QIcon(QStringLiteral(":/icons/loyalty-till.svg")));
}

}  // namespace loyalty
