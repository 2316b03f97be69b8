#include "about_dialog.h"

#include "identity/app_identity.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

constexpr int kIconSize = 64;

// What the program is built on and distributes with, as the dialog lists it.
struct Component {
    QString name;
    QString version;
    QString license;   // SPDX identifier
    QString notice;    // copyright and how the component is used, above the license text
    QStringList texts; // resource paths of the full license texts, shown in this order
};

QString resourceText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QList<Component> components()
{
    const QString qtVersion = QString::fromLatin1(qVersion());
    const QString lgpl = QStringLiteral(":/licenses/LGPL-3.0.txt");
    const QString gpl = QStringLiteral(":/licenses/GPL-3.0.txt");
    return {
        {AboutDialog::tr("IVS Stage Browser"),
         identity::version(),
         QStringLiteral("Apache-2.0"),
         AboutDialog::tr("Copyright the IVS Stage Browser developers.\nLicensed under the Apache "
                         "License, Version 2.0."),
         {QStringLiteral(":/licenses/Apache-2.0.txt")}},
        {AboutDialog::tr("Qt"),
         qtVersion,
         QStringLiteral("LGPL-3.0"),
         AboutDialog::tr("Copyright The Qt Company Ltd. and other contributors.\nThe Qt "
                         "libraries are used under the GNU Lesser General Public License, version "
                         "3, which adds permissions to the GNU General Public License, version 3; "
                         "both follow."),
         {lgpl, gpl}},
        {AboutDialog::tr("QtKeychain"),
         QStringLiteral(IVS_QTKEYCHAIN_VERSION),
         QStringLiteral("BSD-2-Clause"),
         AboutDialog::tr("Keeps the profiles' secrets in the system keychain."),
         {QStringLiteral(":/licenses/QtKeychain-BSD-2-Clause.txt")}},
    };
}

QWidget *licensePage(const Component &component)
{
    QString text = component.notice;
    for (const QString &path : component.texts) {
        // One blank line between the parts; not trimmed() whole, as a license's first line may
        // be indented to centre it.
        QString license = resourceText(path);
        while (license.startsWith(QLatin1Char('\n')))
            license.remove(0, 1);
        while (license.endsWith(QLatin1Char('\n')))
            license.chop(1);
        text += QStringLiteral("\n\n") + license;
    }
    auto *view = new QPlainTextEdit(text);
    view->setReadOnly(true);
    // Licenses are laid out for a fixed-width font.
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setAccessibleName(AboutDialog::tr("License of %1").arg(component.name));
    view->setObjectName(QStringLiteral("license:") + component.license);
    return view;
}

QString tabTitle(const Component &component)
{
    if (component.version.isEmpty()) {
        //: %1 is a program or library, %2 its license's SPDX identifier
        return AboutDialog::tr("%1 (%2)").arg(component.name, component.license);
    }
    //: %1 is a program or library, %2 its version, %3 its license's SPDX identifier
    return AboutDialog::tr("%1 %2 (%3)").arg(component.name, component.version, component.license);
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_licenses(new QTabWidget(this))
{
    setWindowTitle(tr("About IVS Stage Browser"));

    auto *icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("aboutIcon"));
    icon->setPixmap(
        QIcon(identity::iconResource()).pixmap(QSize(kIconSize, kIconSize), devicePixelRatio()));
    icon->setAlignment(Qt::AlignTop);

    auto *title = new QLabel(
        QStringLiteral("<h2>%1</h2>").arg(tr("IVS Stage Browser").toHtmlEscaped()), this);
    auto *version = new QLabel(tr("Version %1").arg(identity::version()), this);
    version->setObjectName(QStringLiteral("aboutVersion"));
    version->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *description =
        new QLabel(tr("Inspect, troubleshoot and edit Amazon IVS Real-Time stages."), this);
    description->setWordWrap(true);
    auto *license =
        new QLabel(tr("Licensed under the Apache License, Version 2.0; the libraries it uses are "
                      "listed below with their licenses."),
                   this);
    license->setWordWrap(true);

    auto *heading = new QVBoxLayout;
    heading->addWidget(title);
    heading->addWidget(version);
    heading->addWidget(description);
    heading->addWidget(license);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addLayout(heading, 1);

    m_licenses->setObjectName(QStringLiteral("licenseTabs"));
    m_licenses->setAccessibleName(tr("Licenses"));
    m_licenses->tabBar()->setAccessibleName(tr("Licenses"));
    for (const Component &component : components())
        m_licenses->addTab(licensePage(component), tabTitle(component));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &AboutDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_licenses, 1);
    layout->addWidget(buttons);
    resize(860, 560); // room for every license's tab
}

AboutDialog *showAboutDialog(QWidget *parent)
{
    auto *dialog =
        parent ? parent->findChild<AboutDialog *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
    if (!dialog) {
        dialog = new AboutDialog(parent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

} // namespace ui
