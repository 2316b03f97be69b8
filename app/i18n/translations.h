#pragma once

#include <QStringList>

class QCoreApplication;
class QLocale;

namespace i18n {

// Installs the app's built-in translations (:/i18n/ivs_core_<lang>.qm, ivs_ui_<lang>.qm) for the
// first language QLocale() prefers that the app has (QLocale::system() follows LANGUAGE, LC_ALL,
// LC_MESSAGES and LANG), and Qt's own in that language from Qt's translations folder when
// installed there. The translators belong to app. Returns the files loaded: none for English.
QStringList installTranslations(QCoreApplication &app);

// The same for an explicit locale (tests, and a user setting if one is ever added).
QStringList installTranslations(QCoreApplication &app, const QLocale &locale);

} // namespace i18n
