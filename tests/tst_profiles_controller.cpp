#include "ivs/ivs_client.h"
#include "ivs/stage_arn.h"
#include "profiles/profile_secrets.h"
#include "support/keyring_session.h"
#include "support/scripted_endpoint.h"
#include "support/test_data.h"
#include "workspace/backend.h"
#include "workspace/profiles_controller.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using workspace::ConnectionChoice;
using workspace::ProfilesController;
using namespace testsupport;

namespace {

const QString kArn = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");
const QString kKeychainService = QStringLiteral("ivs-stage-browser");

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

std::optional<workspace::ProfileRow> rowNamed(const ProfilesController &controller,
                                              const QString &name)
{
    const QList<workspace::ProfileRow> rows = controller.profiles();
    for (const workspace::ProfileRow &row : rows) {
        if (row.name == name)
            return row;
    }
    return std::nullopt;
}

std::optional<workspace::ImportCandidate> candidateNamed(const ProfilesController &controller,
                                                         const QString &name)
{
    const QList<workspace::ImportCandidate> candidates = controller.importCandidates();
    for (const workspace::ImportCandidate &candidate : candidates) {
        if (candidate.name == name)
            return candidate;
    }
    return std::nullopt;
}

} // namespace

// The controller behind the profile widgets, on a real Backend: AWS CLI files written to a
// temporary folder, keychain profiles in a private gnome-keyring, every request to a loopback
// endpoint.
class TestProfilesController : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void listsAwsCliProfilesWithTheirSource();
    void choosingAProfileSignsWithItsKeysAndEndpoint();
    void choosingWhatIsInUseChangesNothing();
    void serviceRegionFollowsTheProfileUntilChosen();
    void importCandidatesSayWhyProfilesWithoutKeysAreLeftOut();
    void testingAProfileUsesItsOwnEndpoint();
    void draftsAreCheckedFieldByField();
    void invalidDraftIsNotSaved();

    void keychainProfileIsAddedUsedAndDeleted();
    void editingTheProfileInUseUpdatesTheConnection();
    void importCopiesKeysAndTokenIntoTheKeychain();

private:
    std::unique_ptr<workspace::Backend> makeBackend(bool endpointFromEnvironment = false);
    QString waitForSave(const workspace::ProfileDraft &draft, bool adding);
    QByteArray getStageAndReturnAuthorization(workspace::Backend &backend);

    KeyringSession m_keyring;
    QString m_keyringError;
    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_awsDir;
    std::unique_ptr<ScriptedEndpoint> m_endpoint;
    std::unique_ptr<workspace::Backend> m_backend;
    std::unique_ptr<ProfilesController> m_controller;
};

void TestProfilesController::initTestCase()
{
    QVERIFY(m_home.isValid());
    // Settings and everything else the app keeps go to a temporary home, never the user's.
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral(".local/share")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("IVS Stage Browser Tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_profiles_controller"));
    QVERIFY2(QSettings().fileName().startsWith(m_home.path()), qPrintable(QSettings().fileName()));
    if (m_keyring.start(&m_keyringError))
        m_keyring.exportToThisProcess();
}

void TestProfilesController::init()
{
    QSettings().clear();
    m_endpoint = std::make_unique<ScriptedEndpoint>();
    QVERIFY(m_endpoint->start());
    m_awsDir = std::make_unique<QTemporaryDir>();
    const QByteArray url = m_endpoint->url().toString().toUtf8();
    QVERIFY(writeFile(m_awsDir->filePath(QStringLiteral("config")),
                      "[default]\nregion = eu-west-1\n\n"
                      "[profile local]\nregion = us-west-2\nendpoint_url = " +
                          url +
                          "\n\n"
                          "[profile sso-user]\nsso_session = corp\nsso_account_id = 123456789012\n"
                          "sso_role_name = Viewer\nregion = eu-central-1\n\n"
                          "[profile proc]\ncredential_process = /bin/false\nregion = ap-south-1\n\n"
                          "[profile role]\nrole_arn = arn:aws:iam::123456789012:role/viewer\n"
                          "source_profile = default\n"));
    QVERIFY(writeFile(m_awsDir->filePath(QStringLiteral("credentials")),
                      "[default]\naws_access_key_id = AKIDDEFAULT0000001\n"
                      "aws_secret_access_key = default-secret\n\n"
                      "[local]\naws_access_key_id = AKIDLOCAL00000001\n"
                      "aws_secret_access_key = local-secret\naws_session_token = local-token\n\n"
                      "[bad name]\naws_access_key_id = AKIDBAD0000000001\n"
                      "aws_secret_access_key = bad-secret\n"));
}

void TestProfilesController::cleanup()
{
    m_controller.reset();
    m_backend.reset();
    m_endpoint.reset();
    m_awsDir.reset();
}

std::unique_ptr<workspace::Backend>
TestProfilesController::makeBackend(bool endpointFromEnvironment)
{
    workspace::BackendOptions options;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HOME"), m_home.path());
    environment.insert(QStringLiteral("AWS_CONFIG_FILE"),
                       m_awsDir->filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"),
                       m_awsDir->filePath(QStringLiteral("credentials")));
    // Keychain profiles have no endpoint settings of their own: point them at the test endpoint.
    if (endpointFromEnvironment)
        environment.insert(QStringLiteral("AWS_ENDPOINT_URL_IVS_REALTIME"),
                           m_endpoint->url().toString());
    options.environment = environment;
    QString error;
    auto backend = workspace::Backend::create(options, &error);
    if (!backend)
        qWarning("Backend::create: %s", qPrintable(error));
    return backend;
}

QString TestProfilesController::waitForSave(const workspace::ProfileDraft &draft, bool adding)
{
    QSignalSpy finished(m_controller.get(), &ProfilesController::saveFinished);
    m_controller->save(draft, adding);
    if (!finished.wait(20000))
        return QStringLiteral("no answer");
    return finished.at(0).at(1).toString();
}

QByteArray TestProfilesController::getStageAndReturnAuthorization(workspace::Backend &backend)
{
    m_endpoint->enqueue(
        net::HttpResponse::json(200, readTestData(QStringLiteral("get_stage_seed_response.json"))));
    const qsizetype before = m_endpoint->requests().size();
    bool done = false;
    QObject context;
    backend.client().getStage(*ivs::StageArn::parse(kArn), QString(), &context,
                              [&done](const ivs::GetStageResult &) { done = true; });
    if (!QTest::qWaitFor([&done] { return done; }, 10000) ||
        m_endpoint->requests().size() != before + 1)
        return {};
    const net::HttpRequest &request = m_endpoint->requests().constLast();
    return request.header("Authorization") + " token=" + request.header("X-Amz-Security-Token");
}

void TestProfilesController::listsAwsCliProfilesWithTheirSource()
{
    m_backend = makeBackend();
    QVERIFY(m_backend);
    m_controller = std::make_unique<ProfilesController>(*m_backend);

    const auto local = rowNamed(*m_controller, QStringLiteral("local"));
    QVERIFY(local);
    QCOMPARE(local->region, QStringLiteral("us-west-2"));
    QCOMPARE(local->source, QStringLiteral("AWS CLI files"));
    QVERIFY(!local->inKeychain);
    QVERIFY(!local->active);
    QCOMPARE(m_controller->profiles().constFirst().name, QStringLiteral("default"));

    // Nothing chosen yet: the automatic chain, which finds [default].
    QCOMPARE(m_controller->currentChoice().kind, ConnectionChoice::Kind::Automatic);
    QVERIFY2(m_controller->connectionDescription().contains(QLatin1String("\"default\"")),
             qPrintable(m_controller->connectionDescription()));

    const QList<ConnectionChoice> choices = m_controller->choices();
    QCOMPARE(choices.at(0).kind, ConnectionChoice::Kind::Demo);
    QCOMPARE(choices.at(1).kind, ConnectionChoice::Kind::Automatic);
    QCOMPARE(choices.size(), 2 + m_controller->profiles().size());
    QVERIFY(std::any_of(choices.cbegin(), choices.cend(), [](const ConnectionChoice &choice) {
        return choice.label == QLatin1String("local (AWS CLI)");
    }));
}

void TestProfilesController::choosingAProfileSignsWithItsKeysAndEndpoint()
{
    m_backend = makeBackend();
    QVERIFY(m_backend);
    m_controller = std::make_unique<ProfilesController>(*m_backend);
    QSignalSpy changed(m_controller.get(), &ProfilesController::connectionChanged);

    QString error;
    QVERIFY2(m_controller->setActive(QStringLiteral("local"), &error), qPrintable(error));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_controller->activeProfile(), QStringLiteral("local"));
    QVERIFY(rowNamed(*m_controller, QStringLiteral("local"))->active);
    QVERIFY(!rowNamed(*m_controller, QStringLiteral("default"))->active);
    QVERIFY2(m_controller->connectionDescription().contains(QLatin1String("\"local\"")),
             qPrintable(m_controller->connectionDescription()));
    // The profile's endpoint_url sends the request here, signed with its keys and token.
    const QByteArray authorization = getStageAndReturnAuthorization(*m_backend);
    QVERIFY2(authorization.contains("Credential=AKIDLOCAL00000001/"), authorization.constData());
    QVERIFY2(authorization.endsWith("token=local-token"), authorization.constData());
    // Remembered for the next start.
    QCOMPARE(QSettings().value(QStringLiteral("activeProfile")).toString(),
             QStringLiteral("local"));

    QVERIFY(m_controller->choose({ConnectionChoice::Kind::Demo, {}, {}}, &error));
    QCOMPARE(changed.count(), 2);
    QVERIFY(m_controller->isDemo());
    QVERIFY(m_controller->activeProfile().isEmpty());
    QVERIFY(m_controller->connectionDescription().contains(QLatin1String("127.0.0.1")));
    QCOMPARE(m_controller->suggestedArns().size(), 4);

    QVERIFY(m_controller->choose({ConnectionChoice::Kind::Automatic, {}, {}}, &error));
    QCOMPARE(changed.count(), 3);
    QVERIFY(!m_controller->isDemo());
    QCOMPARE(m_controller->currentChoice().kind, ConnectionChoice::Kind::Automatic);
    QVERIFY(m_controller->suggestedArns().isEmpty());
}

void TestProfilesController::choosingWhatIsInUseChangesNothing()
{
    m_backend = makeBackend();
    QVERIFY(m_backend);
    m_controller = std::make_unique<ProfilesController>(*m_backend);
    QSignalSpy changed(m_controller.get(), &ProfilesController::connectionChanged);
    QString error;
    QVERIFY(m_controller->choose(m_controller->currentChoice(), &error));
    QVERIFY(m_controller->setServiceRegion(m_controller->serviceRegion(), &error));
    QCOMPARE(changed.count(), 0);
}

void TestProfilesController::serviceRegionFollowsTheProfileUntilChosen()
{
    m_backend = makeBackend();
    QVERIFY(m_backend);
    m_controller = std::make_unique<ProfilesController>(*m_backend);
    QSignalSpy changed(m_controller.get(), &ProfilesController::connectionChanged);
    QCOMPARE(m_controller->serviceRegion(), QStringLiteral("eu-west-1")); // [default]'s

    QString error;
    QVERIFY(m_controller->setActive(QStringLiteral("local"), &error));
    QCOMPARE(m_controller->serviceRegion(), QStringLiteral("us-west-2"));

    QVERIFY(m_controller->setServiceRegion(QStringLiteral(" ap-south-1 "), &error));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(m_controller->serviceRegion(), QStringLiteral("ap-south-1"));

    QVERIFY(!m_controller->setServiceRegion(QStringLiteral("Mars"), &error));
    QVERIFY2(error.contains(QLatin1String("\"Mars\" is not a region")), qPrintable(error));
    QCOMPARE(m_controller->serviceRegion(), QStringLiteral("ap-south-1"));
    QCOMPARE(changed.count(), 2);

    // Empty hands the choice back to the profile.
    QVERIFY(m_controller->setServiceRegion(QString(), &error));
    QCOMPARE(changed.count(), 3);
    QCOMPARE(m_controller->serviceRegion(), QStringLiteral("us-west-2"));
    QVERIFY(ProfilesController::commonRegions().contains(QStringLiteral("ap-northeast-2")));
}

void TestProfilesController::importCandidatesSayWhyProfilesWithoutKeysAreLeftOut()
{
    m_backend = makeBackend();
    QVERIFY(m_backend);
    m_controller = std::make_unique<ProfilesController>(*m_backend);

    const auto local = candidateNamed(*m_controller, QStringLiteral("local"));
    QVERIFY(local);
    QVERIFY(local->importable);
    QCOMPARE(local->region, QStringLiteral("us-west-2"));
    QVERIFY2(local->location.contains(QLatin1String("[local]")), qPrintable(local->location));
    QVERIFY(candidateNamed(*m_controller, QStringLiteral("default"))->importable);

    const struct {
        const char *name;
        const char *reason;
    } leftOut[] = {{"sso-user", "IAM Identity Center"},
                   {"proc", "credential_process"},
                   {"role", "assumes a role"},
                   {"bad name", "Profile names use"}};
    for (const auto &[name, reason] : leftOut) {
        const auto candidate = candidateNamed(*m_controller, QString::fromLatin1(name));
        QVERIFY2(candidate, name);
        QVERIFY2(!candidate->importable, name);
        QVERIFY2(candidate->reason.contains(QLatin1String(reason)), qPrintable(candidate->reason));
    }
}

void TestProfilesController::testingAProfileUsesItsOwnEndpoint()
{
    m_backend = makeBackend();
    QVERIFY(m_backend);
    m_controller = std::make_unique<ProfilesController>(*m_backend);
    QSignalSpy tested(m_controller.get(), &ProfilesController::testFinished);
    QSignalSpy busy(m_controller.get(), &ProfilesController::busyChanged);

    m_endpoint->enqueue(net::HttpResponse::json(200, "{\"stages\": []}"));
    m_controller->test(QStringLiteral("local"));
    QVERIFY(m_controller->isBusy());
    QVERIFY(tested.wait(10000));
    QCOMPARE(tested.at(0).at(0).toString(), QStringLiteral("local"));
    QVERIFY2(tested.at(0).at(1).toBool(), qPrintable(tested.at(0).at(2).toString()));
    QVERIFY2(tested.at(0).at(2).toString().contains(QLatin1String("ListStages in us-west-2")),
             qPrintable(tested.at(0).at(2).toString()));
    QCOMPARE(m_endpoint->requests().size(), 1);
    QCOMPARE(m_endpoint->requests().constFirst().path, QByteArray("/ListStages"));
    QVERIFY(!m_controller->isBusy());
    QCOMPARE(busy.count(), 2);

    m_endpoint->enqueue(awsErrorResponse(403, "AccessDeniedException", QStringLiteral("no")));
    m_controller->test(QStringLiteral("local"));
    QVERIFY(tested.wait(10000));
    QVERIFY(!tested.at(1).at(1).toBool());
    QVERIFY2(tested.at(1).at(2).toString().contains(QLatin1String("Access denied")),
             qPrintable(tested.at(1).at(2).toString()));
    // Testing never switches the connection.
    QCOMPARE(m_controller->currentChoice().kind, ConnectionChoice::Kind::Automatic);
}

void TestProfilesController::draftsAreCheckedFieldByField()
{
    m_backend = makeBackend();
    QVERIFY(m_backend);
    m_controller = std::make_unique<ProfilesController>(*m_backend);

    const workspace::ProfileDraft bad{QStringLiteral("bad name"), QStringLiteral("Mars"),
                                      QStringLiteral("AKID KEY"), QString(),
                                      QStringLiteral("tok en-secret-part")};
    const workspace::DraftProblems problems = m_controller->check(bad, true);
    QVERIFY2(problems.name.contains(QLatin1String("\"bad name\"")), qPrintable(problems.name));
    QVERIFY2(problems.region.contains(QLatin1String("Mars")), qPrintable(problems.region));
    QVERIFY(!problems.accessKeyId.isEmpty());
    QVERIFY(!problems.secretAccessKey.isEmpty());
    QVERIFY(!problems.sessionToken.isEmpty());
    QVERIFY(!problems.sessionToken.contains(QLatin1String("secret-part")));

    // Pasted values often carry a newline; that alone is no problem.
    const workspace::ProfileDraft good{QStringLiteral(" prod "), QString(),
                                       QStringLiteral("AKIDPROD00000001\n"),
                                       QStringLiteral(" s3cr3t/Key+\n"), QString()};
    QVERIFY(m_controller->check(good, true).isEmpty());
    // An edit needs the keychain profile to exist.
    QVERIFY(!m_controller->check(good, false).name.isEmpty());
}

void TestProfilesController::invalidDraftIsNotSaved()
{
    m_backend = makeBackend();
    QVERIFY(m_backend);
    m_controller = std::make_unique<ProfilesController>(*m_backend);
    QSignalSpy changed(m_controller.get(), &ProfilesController::profilesChanged);
    const QString error = waitForSave(
        {QStringLiteral("x/y"), QString(), QStringLiteral("AKID"), QString(), {}}, true);
    QVERIFY2(error.contains(QLatin1String("\"x/y\"")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("secret access key")), qPrintable(error));
    QCOMPARE(changed.count(), 0);
    QVERIFY(!m_controller->isBusy());
}

void TestProfilesController::keychainProfileIsAddedUsedAndDeleted()
{
    QVERIFY2(m_keyringError.isEmpty(), qPrintable(m_keyringError));
    m_backend = makeBackend(true);
    QVERIFY(m_backend);
    m_controller = std::make_unique<ProfilesController>(*m_backend);
    QSignalSpy listChanged(m_controller.get(), &ProfilesController::profilesChanged);

    const QString saved = waitForSave({QStringLiteral("prod"),
                                       QStringLiteral("ap-northeast-1"),
                                       QStringLiteral("AKIDPROD00000001"),
                                       QStringLiteral("prod-secret"),
                                       {}},
                                      true);
    QVERIFY2(saved.isEmpty(), qPrintable(saved));
    QVERIFY(listChanged.count() >= 1);
    const auto row = rowNamed(*m_controller, QStringLiteral("prod"));
    QVERIFY(row);
    QCOMPARE(row->source, QStringLiteral("keychain"));
    QCOMPARE(row->region, QStringLiteral("ap-northeast-1"));
    QVERIFY(row->inKeychain);
    // The secret is in the keyring, and nowhere in the settings file.
    // QtKeychain stores binary data base64-encoded.
    const QByteArray stored = QByteArray::fromBase64(m_keyring.lookupWithSecretTool(
        kKeychainService, profiles::keychainKeyForProfile(QStringLiteral("prod"))));
    QVERIFY(stored.contains("prod-secret"));
    QSettings().sync();
    QFile settingsFile(QSettings().fileName());
    QVERIFY(settingsFile.open(QIODevice::ReadOnly));
    const QByteArray settingsText = settingsFile.readAll();
    QVERIFY(settingsText.contains("AKIDPROD00000001"));
    QVERIFY(!settingsText.contains("prod-secret"));

    // Adding it again is refused before the keychain is touched.
    QVERIFY(!m_controller
                 ->check({QStringLiteral("prod"),
                          {},
                          QStringLiteral("AKIDPROD00000001"),
                          QStringLiteral("x"),
                          {}},
                         true)
                 .name.isEmpty());

    QSignalSpy changed(m_controller.get(), &ProfilesController::connectionChanged);
    QString error;
    QVERIFY2(m_controller->setActive(QStringLiteral("prod"), &error), qPrintable(error));
    QVERIFY2(m_controller->connectionDescription().contains(QLatin1String("keychain profile")),
             qPrintable(m_controller->connectionDescription()));
    QByteArray authorization = getStageAndReturnAuthorization(*m_backend);
    QVERIFY2(authorization.contains("Credential=AKIDPROD00000001/"), authorization.constData());

    QSignalSpy removed(m_controller.get(), &ProfilesController::removeFinished);
    m_controller->remove(QStringLiteral("prod"));
    QVERIFY(removed.wait(20000));
    QVERIFY2(removed.at(0).at(1).toString().isEmpty(), qPrintable(removed.at(0).at(1).toString()));
    QVERIFY(!rowNamed(*m_controller, QStringLiteral("prod")));
    // The profile in use is gone: back to the automatic chain, which finds [default].
    QCOMPARE(changed.count(), 2);
    QCOMPARE(m_controller->currentChoice().kind, ConnectionChoice::Kind::Automatic);
    authorization = getStageAndReturnAuthorization(*m_backend);
    QVERIFY2(authorization.contains("Credential=AKIDDEFAULT0000001/"), authorization.constData());
}

void TestProfilesController::editingTheProfileInUseUpdatesTheConnection()
{
    QVERIFY2(m_keyringError.isEmpty(), qPrintable(m_keyringError));
    m_backend = makeBackend(true);
    QVERIFY(m_backend);
    m_controller = std::make_unique<ProfilesController>(*m_backend);
    QString saved = waitForSave({QStringLiteral("ops"),
                                 QStringLiteral("us-east-1"),
                                 QStringLiteral("AKIDOPS000000001"),
                                 QStringLiteral("ops-1"),
                                 {}},
                                true);
    QVERIFY2(saved.isEmpty(), qPrintable(saved));
    QString error;
    QVERIFY(m_controller->setActive(QStringLiteral("ops"), &error));
    QCOMPARE(m_controller->serviceRegion(), QStringLiteral("us-east-1"));

    const auto draft = m_controller->draftFor(QStringLiteral("ops"));
    QVERIFY(draft);
    QCOMPARE(draft->accessKeyId, QStringLiteral("AKIDOPS000000001"));
    QVERIFY(draft->secretAccessKey.isEmpty()); // never read back

    QSignalSpy changed(m_controller.get(), &ProfilesController::connectionChanged);
    workspace::ProfileDraft edited = *draft;
    edited.region = QStringLiteral("eu-central-1");
    edited.accessKeyId = QStringLiteral("AKIDOPS000000002");
    edited.secretAccessKey = QStringLiteral("ops-2");
    edited.sessionToken = QStringLiteral("ops-token");
    saved = waitForSave(edited, false);
    QVERIFY2(saved.isEmpty(), qPrintable(saved));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_controller->serviceRegion(), QStringLiteral("eu-central-1"));
    const QByteArray authorization = getStageAndReturnAuthorization(*m_backend);
    QVERIFY2(authorization.contains("Credential=AKIDOPS000000002/"), authorization.constData());
    QVERIFY2(authorization.endsWith("token=ops-token"), authorization.constData());
}

void TestProfilesController::importCopiesKeysAndTokenIntoTheKeychain()
{
    QVERIFY2(m_keyringError.isEmpty(), qPrintable(m_keyringError));
    m_backend = makeBackend(true);
    QVERIFY(m_backend);
    m_controller = std::make_unique<ProfilesController>(*m_backend);
    QSignalSpy finished(m_controller.get(), &ProfilesController::importFinished);

    m_controller->importProfiles({QStringLiteral("local"), QStringLiteral("sso-user")});
    QVERIFY(m_controller->isBusy());
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(0).at(0).toStringList(), QStringList{QStringLiteral("local")});
    const QStringList errors = finished.at(0).at(1).toStringList();
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().contains(QLatin1String("\"sso-user\" was not imported")),
             qPrintable(errors.constFirst()));
    QVERIFY(!m_controller->isBusy());

    const auto row = rowNamed(*m_controller, QStringLiteral("local"));
    QVERIFY(row);
    QVERIFY(row->inKeychain);
    QCOMPARE(row->region, QStringLiteral("us-west-2"));
    QVERIFY(candidateNamed(*m_controller, QStringLiteral("local"))->inKeychain);

    // The keychain copy is what "local" means now: its keys and token sign requests.
    QString error;
    QVERIFY(m_controller->setActive(QStringLiteral("local"), &error));
    QVERIFY2(m_controller->connectionDescription().contains(QLatin1String("keychain profile")),
             qPrintable(m_controller->connectionDescription()));
    const QByteArray authorization = getStageAndReturnAuthorization(*m_backend);
    QVERIFY2(authorization.contains("Credential=AKIDLOCAL00000001/"), authorization.constData());
    QVERIFY2(authorization.endsWith("token=local-token"), authorization.constData());
}

QTEST_GUILESS_MAIN(TestProfilesController)
#include "tst_profiles_controller.moc"
