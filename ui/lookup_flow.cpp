// The window's lookup feature: the ARN field, looking up a stage ARN typed, pasted or dropped
// anywhere, refreshing, the recent ARNs kept across starts, and what a lookup tells the user.

#include "lookup_flow.h"

#include "arn_input.h"
#include "busy_indicator.h"
#include "document/stage_document.h"
#include "editing_flow.h"
#include "icons.h"
#include "ivs/stage_arn_in_text.h"
#include "shown_stage.h"
#include "window_feedback.h"
#include "workspace/recent_arns.h"
#include "workspace/stage_browser.h"
#include "workspace/workspace.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QMainWindow>
#include <QMimeData>
#include <QTime>
#include <QUrl>

namespace ui {

namespace {

QString shortcutText(const QAction *action)
{
    return action->shortcut().toString(QKeySequence::NativeText);
}

} // namespace

LookupFlow::LookupFlow(workspace::Workspace &workspace, ArnInput &arnInput, EditingFlow &editing,
                       WindowFeedback &feedback, ThemedActionIcons &icons, QSettings &settings,
                       QMainWindow &window)
    : QObject(&window)
    , m_browser(workspace.browser())
    , m_document(workspace.document())
    , m_arnInput(arnInput)
    , m_editing(editing)
    , m_feedback(feedback)
    , m_window(window)
    , m_recentArns(std::make_unique<workspace::RecentArns>(settings))
{
    createActions(icons);
    m_arnInput.setRecentArns(m_recentArns->arns());
    connect(&m_arnInput, &ArnInput::clearRecentRequested, this, &LookupFlow::clearRecentArns);
    connect(&m_arnInput, &ArnInput::submitted, this, &LookupFlow::lookUpTyped);

    connect(&m_feedback.busy(), &BusyIndicator::cancelRequested, &m_browser,
            &workspace::StageBrowser::cancel);
    connect(&m_browser, &workspace::StageBrowser::lookupStarted, this,
            [this](const QString &arn) { m_feedback.status(tr("Looking up %1…").arg(arn)); });
    connect(&m_browser, &workspace::StageBrowser::stageShown, this, &LookupFlow::onStageShown);
    connect(&m_browser, &workspace::StageBrowser::lookupFailed, this, &LookupFlow::onLookupFailed);
    connect(&m_browser, &workspace::StageBrowser::inputRejected, this,
            &LookupFlow::onInputRejected);
    connect(&m_browser, &workspace::StageBrowser::lookupCancelled, this,
            [this] { m_feedback.passing(tr("Cancelled.")); });
    // Shown, but not trusted silently: the answer is about another stage than the one asked.
    connect(&m_browser, &workspace::StageBrowser::answerMismatch, this,
            [this](const QString &, const QString &warning) { m_feedback.error(warning); });
    connect(&m_browser, &workspace::StageBrowser::notice, this,
            [this](const QString &text) { m_feedback.status(text); });
    connect(&m_browser, &workspace::StageBrowser::busyChanged, this,
            [this](bool busy) { m_feedback.setBusy(busy); });
    connect(&m_editing, &EditingFlow::stateChanged, this, &LookupFlow::updateState);
    updateState();
}

LookupFlow::~LookupFlow()
{
    disconnect(&m_browser, nullptr, this, nullptr);
}

void LookupFlow::createActions(ThemedActionIcons &icons)
{
    const QPalette palette = m_window.palette();
    m_getAction = new QAction(tr("&Get Stage"), this);
    m_getAction->setObjectName(QStringLiteral("getAction"));
    icons.set(m_getAction, QStringLiteral("edit-find"), QStringLiteral(":/ui/icons/look-up.svg"),
              palette);
    m_getAction->setToolTip(tr("Look up the stage whose ARN is in the field (Enter there)"));
    connect(m_getAction, &QAction::triggered, this, [this] { lookUpTyped(m_arnInput.text()); });

    m_reloadAction = new QAction(tr("&Refresh"), this);
    m_reloadAction->setObjectName(QStringLiteral("reloadAction"));
    // F5 everywhere, and the platform's own refresh key where it has another (Ctrl+R).
    QList<QKeySequence> refreshKeys{QKeySequence(Qt::Key_F5)};
    const auto platformKeys = QKeySequence::keyBindings(QKeySequence::Refresh);
    for (const QKeySequence &key : platformKeys) {
        if (!refreshKeys.contains(key))
            refreshKeys.append(key);
    }
    m_reloadAction->setShortcuts(refreshKeys);
    m_reloadAction->setToolTip(
        tr("Read the shown stage again (%1)")
            .arg(refreshKeys.constFirst().toString(QKeySequence::NativeText)));
    icons.set(m_reloadAction, QStringLiteral("view-refresh"),
              QStringLiteral(":/ui/icons/refresh.svg"), palette);
    m_reloadAction->setIconText(tr("Refresh"));
    connect(m_reloadAction, &QAction::triggered, this, &LookupFlow::reload);

    m_pasteArnAction = new QAction(tr("&Paste Stage ARN"), this);
    m_pasteArnAction->setObjectName(QStringLiteral("pasteArnAction"));
    // A text field with the focus takes Ctrl+V for itself first; anywhere else it lands here.
    m_pasteArnAction->setShortcut(QKeySequence::Paste);
    m_pasteArnAction->setToolTip(
        tr("Look up the stage ARN on the clipboard, or the one in a copied console link (%1)")
            .arg(shortcutText(m_pasteArnAction)));
    connect(m_pasteArnAction, &QAction::triggered, this, &LookupFlow::pasteStageArn);
    m_window.addAction(m_pasteArnAction);

    m_focusArnAction = new QAction(tr("Go to Stage &ARN"), this);
    m_focusArnAction->setObjectName(QStringLiteral("focusArnAction"));
    m_focusArnAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_focusArnAction->setToolTip(tr("Put the cursor in the ARN field, its text selected (%1)")
                                     .arg(shortcutText(m_focusArnAction)));
    connect(m_focusArnAction, &QAction::triggered, &m_arnInput, &ArnInput::focusAndSelectInput);
    m_window.addAction(m_focusArnAction);

    auto *cancel = new QAction(tr("Cancel"), this);
    cancel->setShortcut(Qt::Key_Escape);
    connect(cancel, &QAction::triggered, &m_browser, &workspace::StageBrowser::cancel);
    m_window.addAction(cancel);
}

void LookupFlow::updateState()
{
    // While applying, a lookup would pull the stage from under the apply.
    const bool applying = m_editing.isApplying();
    m_arnInput.setEnabled(!applying);
    m_getAction->setEnabled(!applying);
    m_pasteArnAction->setEnabled(!applying);
    m_reloadAction->setEnabled(m_document.stage().has_value() && !applying);
}

void LookupFlow::clearRecentArns()
{
    m_recentArns->clear();
    m_arnInput.setRecentArns({});
    m_feedback.passing(tr("The list of recent stage ARNs is cleared."));
}

bool LookupFlow::lookUp(const QString &text)
{
    const bool same = !m_browser.shownArn().isEmpty() && text.trimmed() == m_browser.shownArn();
    if (!m_editing.confirmDiscardEdits(same ? tr("Look the stage up again")
                                            : tr("Look up another stage"))) {
        m_feedback.passing(tr("Nothing was looked up; your edits are kept."));
        return false;
    }
    m_browser.lookUp(text);
    return true;
}

void LookupFlow::lookUpTyped(const QString &text)
{
    if (!ivs::StageArn::parse(text)) {
        if (const auto arn = ivs::findStageArnInText(text)) {
            if (lookUp(arn->text()))
                m_arnInput.setText(arn->text());
            return;
        }
    }
    // A valid ARN, or nothing that holds one: the lookup itself says what is wrong with it.
    lookUp(text);
}

bool LookupFlow::lookUpArnIn(const QString &text)
{
    if (m_editing.isApplying()) {
        // As the disabled ARN field: another stage must not replace the one being applied.
        m_feedback.passing(tr("Changes are being applied; look up another stage after."));
        return false;
    }
    QString problem;
    const auto arn = ivs::findStageArnInText(text, &problem);
    if (!arn) {
        // Neither the field nor the tree changes: what the user had stays.
        m_feedback.error(problem + QLatin1Char('\n') +
                         tr("Nothing was looked up; the ARN field and the tree are as they were."));
        m_feedback.passing(tr("No stage ARN in the pasted or dropped text."));
        return false;
    }
    if (!lookUp(arn->text()))
        return false;
    m_arnInput.setText(arn->text());
    return true;
}

bool LookupFlow::pasteStageArn()
{
    return lookUpArnIn(offeredText(QApplication::clipboard()->mimeData()));
}

void LookupFlow::showListedStage(const QString &arn)
{
    // The same question as typing an ARN: another stage replaces the one being edited.
    if (lookUp(arn))
        m_arnInput.setText(arn);
}

void LookupFlow::reload()
{
    if (m_browser.shownArn().isEmpty() || !m_editing.confirmDiscardEdits(tr("Reload the stage")))
        return;
    m_browser.refresh();
}

QString LookupFlow::offeredText(const QMimeData *mime)
{
    if (!mime)
        return {};
    if (mime->hasText() && !mime->text().trimmed().isEmpty())
        return mime->text();
    QStringList links;
    const auto urls = mime->urls();
    for (const QUrl &url : urls)
        links.append(url.toString(QUrl::FullyEncoded));
    return links.join(QLatin1Char('\n'));
}

void LookupFlow::onStageShown(const QString &arn)
{
    m_feedback.hideBanner();
    m_arnInput.setRecentArns(m_recentArns->remember(arn));
    m_feedback.status(tr("Showing %1, retrieved at %2.")
                          .arg(ShownStage::name(m_document), QTime::currentTime().toString()));
    updateState();
}

void LookupFlow::onLookupFailed(const QString &arn, const QString &message)
{
    QString text = tr("Could not get %1.\n%2").arg(arn, message);
    const QString shown = ShownStage::name(m_document);
    if (!shown.isEmpty())
        text += QLatin1Char('\n') + tr("The tree still shows %1 as retrieved at %2, marked stale.")
                                        .arg(shown, m_browser.shownRetrievedAt().time().toString());
    if (m_document.hasPendingEdits())
        text += QLatin1Char('\n') + tr("Your edits to it are still pending.");
    m_feedback.error(text);
    m_feedback.status(tr("Lookup failed."));
}

void LookupFlow::onInputRejected(const QString &message)
{
    m_feedback.error(message);
    m_feedback.status(tr("Nothing was sent: the ARN is not valid."));
    m_arnInput.focusInput();
}

} // namespace ui
