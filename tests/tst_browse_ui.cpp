#include "model/findings_model.h"
#include "model/stage_list_model.h"
#include "model/stage_tree_model.h"
#include "support/demo_stage_fixtures.h"
#include "support/idle.h"
#include "support/scripted_endpoint.h"
#include "support/window_rig.h"
#include "ui/arn_input.h"
#include "ui/checks_panel.h"
#include "ui/main_window.h"
#include "ui/sessions_panel.h"
#include "ui/stage_list_panel.h"
#include "ui/stage_tree_view.h"
#include "workspace/backend.h"
#include "workspace/profiles_controller.h"
#include "workspace/stage_browser.h"
#include "workspace/stage_catalog.h"
#include "workspace/stage_editor.h"
#include "workspace/stage_inspector.h"

#include <QCheckBox>
#include <QComboBox>
#include <QIcon>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using model::StageTreeModel;
using namespace testsupport;

namespace {

const QString kFieldReporterArn =
    QStringLiteral("arn:aws:ivs:eu-west-1:123456789012:stage/FieldRep0rt1");
const QString kStoragePath =
    QStringLiteral("autoParticipantRecordingConfiguration.storageConfigurationArn");
const QString kReplicasPath =
    QStringLiteral("autoParticipantRecordingConfiguration.recordParticipantReplicas");

// The region a request was signed for, from its credential scope.
QString signedRegion(const net::HttpRequest &request)
{
    static const QRegularExpression scope(QStringLiteral("Credential=[^/]+/\\d{8}/([^/]+)/ivs/"));
    return scope.match(QString::fromLatin1(request.header("authorization"))).captured(1);
}

QStringList names(const QAbstractItemModel &model)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row, model::StageListModel::NameColumn).data().toString());
    return values;
}

// The first row whose `role` data in column 0 satisfies `match`.
QModelIndex findRow(const QAbstractItemModel &model, int role,
                    const std::function<bool(const QString &)> &match)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        if (match(index.data(role).toString()))
            return index;
    }
    return {};
}

void doubleClick(QTableView *view, const QModelIndex &index)
{
    const QPoint centre = view->visualRect(index).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, centre);
}

} // namespace

// The browsing parts of the window on the built-in demo endpoint (and, for a failing region, a
// scripted one): the stage list, the checks and the sessions, used as a user would.
class TestBrowseUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void demoListLoadsEveryDemoRegion();
    void filterNarrowsAsYouType();
    void activatingARowShowsThatStage();
    void failingRegionIsShownWhileTheOthersStay();
    void cancelStopsTheListing();
    void checksPanelShowsFindingsAndLeadsToTheField();
    void noProblemsIsSaidPlainly();
    void storageConfigurationIsDescribedOnItsRow();
    void sessionsPanelShowsParticipantsAndExplainedEvents();
    void pendingEditsAskBeforeAListedStageReplacesThem();

private:
    void openWindow(const workspace::BackendOptions &options);
    void openDemoWindow();
    ui::StageListPanel *list() const { return m_rig.window->stageListPanel(); }
    void showFromList(const QString &name);
    QModelIndex listRow(const QString &name) const;

    QTemporaryDir m_home;
    testsupport::WindowRig m_rig;
    QStringList m_questions;
    bool m_answer = false;
};

void TestBrowseUi::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toUtf8());
    QVERIFY(QSettings().fileName().startsWith(m_home.path()));
}

void TestBrowseUi::openWindow(const workspace::BackendOptions &options)
{
    QString error;
    m_rig.backend = workspace::Backend::create(options, &error);
    QVERIFY2(m_rig.backend, qPrintable(error));
    m_rig.assemble();
    m_questions.clear();
    m_answer = false;
    m_rig.window->setDiscardConfirmer([this](const QString &question) {
        m_questions.append(question);
        return m_answer;
    });
    m_rig.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_rig.window.get()));
}

void TestBrowseUi::openDemoWindow()
{
    workspace::BackendOptions options;
    options.forceDemo = true;
    openWindow(options);
}

void TestBrowseUi::cleanup()
{
    m_rig.reset();
}

QModelIndex TestBrowseUi::listRow(const QString &name) const
{
    const QAbstractItemModel &model = *list()->table()->model();
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, model::StageListModel::NameColumn).data().toString() == name)
            return model.index(row, model::StageListModel::NameColumn);
    }
    return {};
}

// Selects the stage's row and presses Enter, as a keyboard user would.
void TestBrowseUi::showFromList(const QString &name)
{
    QTRY_VERIFY(listRow(name).isValid());
    QTableView *table = list()->table();
    table->setFocus();
    table->setCurrentIndex(listRow(name));
    QTest::keyClick(table, Qt::Key_Return);
}

void TestBrowseUi::demoListLoadsEveryDemoRegion()
{
    openDemoWindow();
    QTableView *table = list()->table();
    // The demo's stages are listed at once, every demo region at a time.
    QTRY_COMPARE(table->model()->rowCount(), 4);
    QCOMPARE(list()->scope(), workspace::RegionScope::AllRegions);
    QCOMPARE(list()->scopeCombo()->currentText(), QStringLiteral("All demo regions (4)"));
    QCOMPARE(list()->regionsToLoad(),
             (QStringList{QStringLiteral("us-west-2"), QStringLiteral("eu-west-1"),
                          QStringLiteral("eu-central-1"), QStringLiteral("ap-northeast-1")}));
    QTRY_COMPARE(list()->statusLabel()->text(), QStringLiteral("4 stages in 4 regions."));
    QVERIFY(list()->failureList()->isHidden());
    QVERIFY(!list()->progressBar()->isVisible());
    // Sorted by name, and by any column on request.
    QCOMPARE(names(*table->model()),
             (QStringList{QStringLiteral("field-reporter"), QStringLiteral("podcast-room"),
                          QStringLiteral("studio-main"), QStringLiteral("town-hall")}));
    table->sortByColumn(model::StageListModel::RegionColumn, Qt::AscendingOrder);
    QCOMPARE(table->model()->index(0, model::StageListModel::NameColumn).data().toString(),
             QStringLiteral("town-hall"));

    // Load again: the same four, not eight.
    QSignalSpy finished(m_rig.catalog, &workspace::StageCatalog::finished);
    QCOMPARE(list()->loadButton()->text(), QStringLiteral("Refresh"));
    QTest::mouseClick(list()->loadButton(), Qt::LeftButton);
    QVERIFY(m_rig.catalog->isLoading());
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(table->model()->rowCount(), 4);
}

void TestBrowseUi::filterNarrowsAsYouType()
{
    openDemoWindow();
    QTableView *table = list()->table();
    QTRY_COMPARE(table->model()->rowCount(), 4);
    QLineEdit *filter = list()->filterEdit();
    // "h": the tags "show" and the hall; "ha": the hall alone.
    QTest::keyClicks(filter, QStringLiteral("h"));
    QCOMPARE(names(*table->model()),
             (QStringList{QStringLiteral("field-reporter"), QStringLiteral("studio-main"),
                          QStringLiteral("town-hall")}));
    QTest::keyClicks(filter, QStringLiteral("a"));
    QCOMPARE(names(*table->model()), QStringList{QStringLiteral("town-hall")});
    QVERIFY2(list()->statusLabel()->text().contains(QLatin1String("1 of 4 shown")),
             qPrintable(list()->statusLabel()->text()));
    // Tags count too.
    filter->clear();
    QCOMPARE(table->model()->rowCount(), 4);
    QTest::keyClicks(filter, QStringLiteral("evening"));
    QCOMPARE(names(*table->model()), QStringList{QStringLiteral("field-reporter")});
    QTest::keyClicks(filter, QStringLiteral(" nothing-like-it"));
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(list()->statusLabel()->text().contains(QLatin1String("None matches")));
}

void TestBrowseUi::activatingARowShowsThatStage()
{
    openDemoWindow();
    QSignalSpy shown(m_rig.browser, &workspace::StageBrowser::stageShown);
    showFromList(QStringLiteral("podcast-room"));
    QTRY_COMPARE(shown.count(), 1);
    QCOMPARE(shown.at(0).at(0).toString(), kDefaultsDemoArn);
    QCOMPARE(m_rig.model->indexForPath(QStringLiteral("name"))
                 .siblingAtColumn(StageTreeModel::ValueColumn)
                 .data()
                 .toString(),
             QStringLiteral("podcast-room"));
    QCOMPARE(m_rig.window->arnInput()->text(), kDefaultsDemoArn);
    QVERIFY(m_rig.window->windowTitle().startsWith(QLatin1String("podcast-room")));

    // Looked up by its ARN instead, a listed stage is marked in the list.
    m_rig.window->arnInput()->setText(kOlderDemoArn);
    QTest::keyClick(m_rig.window->arnInput()->lineEdit(), Qt::Key_Return);
    QTRY_COMPARE(shown.count(), 2);
    QCOMPARE(list()->table()->currentIndex().siblingAtColumn(0).data().toString(),
             QStringLiteral("town-hall"));
    QVERIFY(m_questions.isEmpty());
}

void TestBrowseUi::failingRegionIsShownWhileTheOthersStay()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setHandler([](const net::HttpRequest &request) {
        const QString region = signedRegion(request);
        if (request.path != "/ListStages")
            return awsErrorResponse(404, "ResourceNotFoundException", QStringLiteral("no"));
        if (region == QLatin1String("eu-west-1"))
            return awsErrorResponse(403, "AccessDeniedException",
                                    QStringLiteral("User is not authorized in eu-west-1"));
        const QJsonArray stages{
            QJsonObject{{QStringLiteral("arn"),
                         QStringLiteral("arn:aws:ivs:%1:123456789012:stage/s1").arg(region)},
                        {QStringLiteral("name"), QStringLiteral("stage-in-%1").arg(region)}}};
        return net::HttpResponse::json(
            200, QJsonDocument(QJsonObject{{QStringLiteral("stages"), stages}}).toJson());
    });
    workspace::BackendOptions options;
    options.endpointUrl = endpoint.url().toString();
    options.environment = QProcessEnvironment();
    options.environment.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDBROWSE"));
    options.environment.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"),
                               QStringLiteral("browse-secret"));
    options.environment.insert(QStringLiteral("AWS_REGION"), QStringLiteral("us-west-2"));
    options.environment.insert(QStringLiteral("HOME"), m_home.path());
    openWindow(options);

    // With AWS nothing is listed until asked; the connection's region comes first.
    QCOMPARE(list()->table()->model()->rowCount(), 0);
    QVERIFY(endpoint.requests().isEmpty());
    QCOMPARE(list()->scope(), workspace::RegionScope::ServiceRegion);
    QCOMPARE(list()->regionsToLoad(), QStringList{QStringLiteral("us-west-2")});

    // Three regions of the user's choosing, one of them refused.
    list()->scopeCombo()->setCurrentIndex(
        list()->scopeCombo()->findData(static_cast<int>(workspace::RegionScope::ChosenRegions)));
    QVERIFY(list()->regionsButton()->isEnabled());
    const QStringList chosen{QStringLiteral("us-east-1"), QStringLiteral("eu-west-1"),
                             QStringLiteral("ap-northeast-1")};
    for (QAction *action : list()->regionsButton()->menu()->actions()) {
        if (chosen.contains(action->text()))
            action->trigger();
    }
    QCOMPARE(list()->regionsToLoad(),
             (QStringList{QStringLiteral("us-east-1"), QStringLiteral("eu-west-1"),
                          QStringLiteral("ap-northeast-1")}));
    QSignalSpy finished(m_rig.catalog, &workspace::StageCatalog::finished);
    QTest::mouseClick(list()->loadButton(), Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 1);

    QCOMPARE(names(*list()->table()->model()),
             (QStringList{QStringLiteral("stage-in-ap-northeast-1"),
                          QStringLiteral("stage-in-us-east-1")}));
    QListWidget *failures = list()->failureList();
    QVERIFY(failures->isVisible());
    QCOMPARE(failures->count(), 1);
    const QString failure = failures->item(0)->text();
    QVERIFY2(failure.startsWith(QLatin1String("eu-west-1: ")), qPrintable(failure));
    QVERIFY2(failure.contains(QLatin1String("Access denied")), qPrintable(failure));
    QVERIFY2(failure.contains(QLatin1String("User is not authorized in eu-west-1")),
             qPrintable(failure));
    QCOMPARE(list()->statusLabel()->text(),
             QStringLiteral("2 stages in 3 regions; 1 region could not be listed."));

    // The failure stays beside the list while the rest is filtered.
    QTest::keyClicks(list()->filterEdit(), QStringLiteral("us-east"));
    QCOMPARE(list()->table()->model()->rowCount(), 1);
    QCOMPARE(failures->count(), 1);
    QVERIFY(failures->isVisible());
}

void TestBrowseUi::cancelStopsTheListing()
{
    openDemoWindow();
    QTRY_COMPARE(list()->table()->model()->rowCount(), 4);
    QSignalSpy finished(m_rig.catalog, &workspace::StageCatalog::finished);
    QTest::mouseClick(list()->loadButton(), Qt::LeftButton);
    QVERIFY(m_rig.catalog->isLoading());
    QVERIFY(list()->progressBar()->isVisible());
    QCOMPARE(list()->progressBar()->maximum(), 4);
    QTest::mouseClick(list()->cancelButton(), Qt::LeftButton);
    QVERIFY(!m_rig.catalog->isLoading());
    QCOMPARE(finished.count(), 1);
    QVERIFY(!list()->progressBar()->isVisible());
    QVERIFY2(list()->statusLabel()->text().startsWith(QLatin1String("Cancelled")),
             qPrintable(list()->statusLabel()->text()));
    // Every region's answer, had its request gone on, is in by now.
    QVERIFY(waitUntilIdle(m_rig.connection->client()));
    QCOMPARE(list()->table()->model()->rowCount(), 0);
}

void TestBrowseUi::checksPanelShowsFindingsAndLeadsToTheField()
{
    openDemoWindow();
    showFromList(QStringLiteral("studio-main"));
    ui::ChecksPanel *checks = m_rig.window->checksPanel();
    QTRY_COMPARE(checks->summaryLabel()->text(), QStringLiteral("1 error, 1 warning, 1 note."));
    QTableView *table = checks->table();
    QCOMPARE(table->model()->rowCount(), 3);
    // Errors first, each with its severity icon and what to do.
    QCOMPARE(table->model()->index(0, model::FindingsModel::SeverityColumn).data().toString(),
             QStringLiteral("Error"));
    QVERIFY(!table->model()->index(0, 0).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(table->model()
                ->index(0, model::FindingsModel::TitleColumn)
                .data()
                .toString()
                .contains(QLatin1String("guest-ben")));
    QVERIFY(
        !table->model()->index(0, model::FindingsModel::ActionColumn).data().toString().isEmpty());

    const QModelIndex replicas = findRow(*table->model(), model::FindingsModel::FieldPathRole,
                                         [](const QString &path) { return path == kReplicasPath; });
    QVERIFY(replicas.isValid());
    ui::StageTreeView *tree = m_rig.window->treeView();
    QVERIFY(tree->currentIndex().data(StageTreeModel::FieldPathRole).toString() != kReplicasPath);
    doubleClick(table, replicas.siblingAtColumn(model::FindingsModel::TitleColumn));
    QCOMPARE(tree->currentIndex()
                 .siblingAtColumn(StageTreeModel::FieldColumn)
                 .data(StageTreeModel::FieldPathRole)
                 .toString(),
             kReplicasPath);
    // The field's editor is open when it can be edited; else the tree has the focus.
    const QModelIndex value = tree->currentIndex().siblingAtColumn(StageTreeModel::ValueColumn);
    if (value.data(StageTreeModel::IsEditableRole).toBool())
        QVERIFY(tree->indexWidget(value));
    else
        QVERIFY(tree->hasFocus());
}

void TestBrowseUi::noProblemsIsSaidPlainly()
{
    openDemoWindow();
    ui::ChecksPanel *checks = m_rig.window->checksPanel();
    QCOMPARE(checks->summaryLabel()->text(), QStringLiteral("Look up a stage to check it."));
    QVERIFY(!checks->recheckButton()->isEnabled());
    showFromList(QStringLiteral("podcast-room"));
    QTRY_COMPARE(checks->summaryLabel()->text(),
                 QStringLiteral("Recording is off; no other problems found (1 note)."));
    // The note is still there to read.
    QCOMPARE(checks->table()->model()->rowCount(), 1);
    QCOMPARE(checks->table()->model()->index(0, 0).data().toString(), QStringLiteral("Note"));
    QVERIFY(checks->recheckButton()->isEnabled());

    QSignalSpy started(m_rig.inspector, &workspace::StageInspector::checksStarted);
    QTest::mouseClick(checks->recheckButton(), Qt::LeftButton);
    QCOMPARE(started.count(), 1);
    QTRY_COMPARE(checks->summaryLabel()->text(),
                 QStringLiteral("Recording is off; no other problems found (1 note)."));
}

void TestBrowseUi::storageConfigurationIsDescribedOnItsRow()
{
    openDemoWindow();
    ui::StageTreeView *tree = m_rig.window->treeView();
    showFromList(QStringLiteral("studio-main"));
    auto note = [this, tree] {
        return tree->model()
            ->index(m_rig.model->indexForPath(kStoragePath).row(), StageTreeModel::NoteColumn,
                    m_rig.model->indexForPath(kStoragePath).parent())
            .data()
            .toString();
    };
    QTRY_VERIFY2(note().contains(QLatin1String("bucket studio-recordings-us-west-2")),
                 qPrintable(note()));

    showFromList(QStringLiteral("field-reporter"));
    QTRY_VERIFY2(note().contains(QLatin1String("not in the stage's region eu-west-1")),
                 qPrintable(note()));
    QVERIFY(note().startsWith(QLatin1String("archive is in us-west-2")));
}

void TestBrowseUi::sessionsPanelShowsParticipantsAndExplainedEvents()
{
    openDemoWindow();
    showFromList(QStringLiteral("studio-main"));
    ui::SessionsPanel *panel = m_rig.window->sessionsPanel();
    QTRY_COMPARE(panel->sessionsView()->model()->rowCount(), 3);
    // The session in progress comes first, marked, and is opened.
    QTableView *sessions = panel->sessionsView();
    QCOMPARE(sessions->model()->index(0, 0).data().toString(),
             QStringLiteral("st-a1b2C3d4E5f6G7h"));
    QVERIFY(!sessions->model()->index(0, 0).data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(sessions->model()->index(0, 2).data().toString(), QStringLiteral("in progress"));
    QTRY_COMPARE(sessions->currentIndex().row(), 0);
    QTRY_COMPARE(panel->participantsView()->model()->rowCount(), 4);
    QVERIFY(panel->sessionsStatus()->text().contains(QLatin1String("one in progress")));

    QTableView *participants = panel->participantsView();
    const QModelIndex ben = findRow(*participants->model(), Qt::DisplayRole,
                                    [](const QString &user) { return user == u"guest-ben"; });
    QVERIFY(ben.isValid());
    QTest::mouseClick(participants->viewport(), Qt::LeftButton, {},
                      participants->visualRect(ben).center());
    QTableView *events = panel->eventsView();
    QTRY_COMPARE(events->model()->rowCount(), 3);
    QTRY_VERIFY2(panel->eventsStatus()->text().contains(QLatin1String("3 events of guest-ben, "
                                                                      "1 error")),
                 qPrintable(panel->eventsStatus()->text()));
    const QModelIndex error = events->model()->index(1, 0);
    QVERIFY(!error.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(error.data(Qt::ForegroundRole).isValid());
    QVERIFY(!events->model()->index(0, 0).data(Qt::ForegroundRole).isValid());
    QVERIFY(events->model()->index(1, 3).data().toString().contains(QLatin1String("B-frames")));

    // Another session: its participants, none selected, no events.
    QTest::mouseClick(sessions->viewport(), Qt::LeftButton, {},
                      sessions->visualRect(sessions->model()->index(1, 0)).center());
    QTRY_COMPARE(m_rig.inspector->selectedSessionId(), QStringLiteral("st-Old2Session0002"));
    QCOMPARE(events->model()->rowCount(), 0);

    QVERIFY(!m_rig.inspector->autoRefresh());
    panel->autoRefreshBox()->click();
    QVERIFY(m_rig.inspector->autoRefresh());
    m_rig.inspector->setAutoRefresh(false);
    QVERIFY(!panel->autoRefreshBox()->isChecked());
}

void TestBrowseUi::pendingEditsAskBeforeAListedStageReplacesThem()
{
    openDemoWindow();
    showFromList(QStringLiteral("studio-main"));
    QTRY_VERIFY(m_rig.document->stage().has_value());
    QCOMPARE(m_rig.window->arnInput()->text(), kFullyConfiguredDemoArn);
    const QModelIndex name = m_rig.model->indexForPath(QStringLiteral("name"))
                                 .siblingAtColumn(StageTreeModel::ValueColumn);
    QVERIFY(m_rig.model->setData(name, QStringLiteral("studio-renamed")));
    QVERIFY(m_rig.document->hasPendingEdits());

    QSignalSpy started(m_rig.browser, &workspace::StageBrowser::lookupStarted);
    m_answer = false;
    showFromList(QStringLiteral("podcast-room"));
    QCOMPARE(m_questions.size(), 1);
    QVERIFY2(m_questions.constFirst().startsWith(
                 QLatin1String("Look up another stage and discard 1 unapplied change to")),
             qPrintable(m_questions.constFirst()));
    QCOMPARE(started.count(), 0);
    QCOMPARE(m_rig.window->arnInput()->text(), kFullyConfiguredDemoArn);
    QVERIFY(m_rig.document->hasPendingEdits());

    m_answer = true;
    showFromList(QStringLiteral("podcast-room"));
    QCOMPARE(m_questions.size(), 2);
    QCOMPARE(started.count(), 1);
    QTRY_COMPARE(m_rig.model->indexForPath(QStringLiteral("name"))
                     .siblingAtColumn(StageTreeModel::ValueColumn)
                     .data()
                     .toString(),
                 QStringLiteral("podcast-room"));
    QCOMPARE(m_rig.window->arnInput()->text(), kDefaultsDemoArn);
}

QTEST_MAIN(TestBrowseUi)
#include "tst_browse_ui.moc"
