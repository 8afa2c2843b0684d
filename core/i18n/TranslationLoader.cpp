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
    // A language we do not ship keeps the system's number formats.
    QLocale::setDefault(locale);

    auto* qtTranslator = new QTranslator(owner);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);

    // Languages we do not ship get the English texts, whose translation carries the plural forms.
    auto* ownTranslator = new QTranslator(owner);
    if (ownTranslator->load(locale, QStringLiteral("loyaltytill"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        ownTranslator->load(QStringLiteral(":/i18n/loyaltytill_en.qm")))
        QCoreApplication::installTranslator(ownTranslator);
    return locale;
}

}  // namespace loyalty
