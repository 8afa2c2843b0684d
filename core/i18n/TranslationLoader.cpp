#include "i18n/TranslationLoader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace loyalty {

QStringList TranslationLoader::supportedLanguages()
{
    return {QStringLiteral("de"), QStringLiteral("en")};
}

QLocale TranslationLoader::install(QObject* owner, const QString& language)
{
    QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // A language we do not ship falls back to English texts but keeps the system's number formats.
    QLocale::setDefault(locale);

    auto* qtTranslator = new QTranslator(owner);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);

    auto* ownTranslator = new QTranslator(owner);
    if (ownTranslator->load(locale, QStringLiteral("loyaltytill"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ownTranslator);
    return locale;
}

}  // namespace loyalty
