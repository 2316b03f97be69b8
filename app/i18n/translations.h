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

// Whether a command line asks for output meant for programs (--output json or jsonl). Such a run
// stays English whatever the locale, its messages on standard error included: what a script
// reads or matches must not depend on who runs it. Text output and help follow the locale.
bool wantsOutputForPrograms(const QStringList &arguments);

} // namespace i18n
