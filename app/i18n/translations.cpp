#include "i18n/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace i18n {

namespace {

// Where ivs_add_translations() in CMakeLists.txt puts the compiled .ts files.
const QString kBuiltInFolder = QStringLiteral(":/i18n");

// The translator for domain in the first of locale's UI languages that folder has, installed;
// null when there is none.
const QTranslator *install(QCoreApplication &app, const QLocale &locale, const QString &domain,
                           const QString &folder)
{
    auto *translator = new QTranslator(&app);
    if (!translator->load(locale, domain, QStringLiteral("_"), folder) ||
        !QCoreApplication::installTranslator(translator)) {
        delete translator;
        return nullptr;
    }
    return translator;
}

} // namespace

QStringList installTranslations(QCoreApplication &app)
{
    return installTranslations(app, QLocale());
}

QStringList installTranslations(QCoreApplication &app, const QLocale &locale)
{
    QStringList loaded;
    QString language;
    for (const QString &domain : {QStringLiteral("ivs_core"), QStringLiteral("ivs_ui")}) {
        if (const QTranslator *translator = install(app, locale, domain, kBuiltInFolder)) {
            loaded.append(translator->filePath());
            language = translator->language();
        }
    }
    // Qt's own strings (standard buttons, --help) only in the language the app itself speaks:
    // a French Qt around English windows would read worse than English throughout.
    if (!language.isEmpty()) {
        if (const QTranslator *translator =
                install(app, QLocale(language), QStringLiteral("qtbase"),
                        QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            loaded.append(translator->filePath());
    }
    return loaded;
}

bool wantsOutputForPrograms(const QStringList &arguments)
{
    const QString json = QStringLiteral("json");
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        const QString value = argument == QLatin1String("--output") ? arguments.value(i + 1)
                              : argument.startsWith(QLatin1String("--output=")) ? argument.mid(9)
                                                                                : QString();
        if (value == json || value == QLatin1String("jsonl"))
            return true;
    }
    return false;
}

} // namespace i18n
