#pragma once

#include <QLocale>
#include <QObject>

namespace loyalty {

// Installs the programme's own translations and Qt's for one language, so every tr() and every
// standard dialog speaks it. English is the source language; German ships complete.
class TranslationLoader final
{
public:
    // `language` is "de", "en" or empty for the system locale. Returns the locale now in force.
    static QLocale install(QObject* owner, const QString& language);
    static QStringList supportedLanguages();
};

}  // namespace loyalty
