// credential_process: the JSON parser, the shell-like command splitter, and the provider running
// real (tiny, local) shell scripts written into a temporary directory. Time is injected, so
// expiry is tested without sleeping; only the timeout test waits, for 0.3 s.
// Over 600 lines on purpose: one Qt Test class per executable, its cases sharing one fixture.

#include "aws/credential_process_provider.h"
#include "support/idle.h"

#include <cerrno>
#include <csignal>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTimeZone>

namespace {

const QString kSecret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
const QString kToken = QStringLiteral("FwoGZXIvYXdzEXAMPLETOKEN");
const QDateTime kNow(QDate(2030, 1, 1), QTime(12, 0), QTimeZone::utc());

// JSON written with single quotes for readability (and because moc in Qt 6.4 misreads raw
// strings holding an odd number of double quotes); $SECRET and $TOKEN stand for the test secrets.
QByteArray json(const char *singleQuoted)
{
    return QByteArray(singleQuoted)
        .replace('\'', '"')
        .replace("$SECRET", kSecret.toUtf8())
        .replace("$TOKEN", kToken.toUtf8());
}

QByteArray outputJson(const QString &expiration = {})
{
    QByteArray output = json("{'Version': 1, 'AccessKeyId': 'AKIDPROCESS', "
                             "'SecretAccessKey': '$SECRET', 'SessionToken': '$TOKEN'");
    if (!expiration.isEmpty())
        output += ", \"Expiration\": \"" + expiration.toUtf8() + '"';
    return output + '}';
}

QString rfc3339(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

// Shell scripts in a temporary directory, plus a counter file each script can bump.
class Scripts {
public:
    bool isValid() const { return m_dir.isValid(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // `body` runs under /bin/sh; returns the script's path quoted for a command line.
    QString write(const QString &name, const QByteArray &body)
    {
        QFile file(path(name));
        if (!file.open(QIODevice::WriteOnly) || file.write("#!/bin/sh\n" + body + '\n') < 0)
            return {};
        file.close();
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                            QFileDevice::ExeOwner);
        return QLatin1Char('\'') + path(name) + QLatin1Char('\'');
    }

    // Logs each run as one line of a file (appending, so overlapping runs are all counted), waits
    // a little so that runs would overlap, then prints `json`.
    QString writeCounting(const QString &name, const QByteArray &json)
    {
        return write(name, "echo run >> '" + path(QStringLiteral("runs")).toUtf8() +
                               "'\nsleep 0.1\nprintf '%s' '" + json + "'");
    }

    int runs() const
    {
        QFile file(path(QStringLiteral("runs")));
        return file.open(QIODevice::ReadOnly) ? int(file.readAll().count('\n')) : 0;
    }

private:
    QTemporaryDir m_dir;
};

// Fetches and keeps the event loop running until the answer arrives (or five seconds pass).
std::optional<aws::CredentialResult> fetch(aws::CredentialProvider &provider, int timeout = 5000)
{
    QObject context;
    std::optional<aws::CredentialResult> result;
    provider.fetchCredentials(&context,
                              [&result](const aws::CredentialResult &answer) { result = answer; });
    // A missing answer shows up as nullopt at the call site.
    static_cast<void>(QTest::qWaitFor([&result] { return result.has_value(); }, timeout));
    return result;
}

QString errorMessage(const std::optional<aws::CredentialResult> &result)
{
    if (!result)
        return QStringLiteral("<no answer>");
    const auto *error = std::get_if<aws::CredentialError>(&*result);
    return error ? error->message : QStringLiteral("<credentials, not an error>");
}

bool processIsGone(qint64 pid)
{
    return ::kill(pid_t(pid), 0) == -1 && errno == ESRCH;
}

} // namespace

class TestCredentialProcess : public QObject {
    Q_OBJECT

private slots:
    // Output parser
    void parsesMinimalOutput();
    void parsesTokenAndExpiration();
    void parsesRfc3339Variants_data();
    void parsesRfc3339Variants();
    void rejectsBadOutputWithoutRevealingIt_data();
    void rejectsBadOutputWithoutRevealingIt();

    // Command line splitting
    void splitsLikeAShell_data();
    void splitsLikeAShell();
    void rejectsUnbalancedCommandLines_data();
    void rejectsUnbalancedCommandLines();

    // Running the process
    void returnsCredentialsFromProcess();
    void fetchDoesNotBlockTheEventLoop();
    void passesQuotedArgumentsIntact();
    void closesStandardInput();
    void reportsUnparseableOutputWithoutEchoingIt();
    void reportsExitCodeAndFirstStderrLine();
    void truncatesLongStderrLine();
    void reportsCommandThatCannotStart_data();
    void reportsCommandThatCannotStart();
    void reportsUnbalancedCommandLine();
    void killsProcessAfterTimeout();
    void stopsProcessThatPrintsTooMuch();
    void reportsProcessKilledBySignal();
    void rejectsAlreadyExpiredCredentials();
    void namesProfileInSourceDescription();

    // Caching and sharing
    void cachesCredentialsWithoutExpirationForever();
    void sharesOneRunBetweenConcurrentFetches();
    void keepsShortLivedCredentialsForHalfTheirLife();
    void keepsCredentialsThatExpireLater();
    void doesNotCacheFailures();
    void invalidateCacheRunsProcessAgain();

    // Lifetimes
    void destroyingProviderKillsProcessAndAnswersWaiters();
    void skipsCallbackOfDestroyedContext();
};

void TestCredentialProcess::parsesMinimalOutput()
{
    QString error;
    const auto credentials = aws::parseCredentialProcessOutput(
        json("{'Version':1,'AccessKeyId':'AKIDMIN','SecretAccessKey':'min-secret'}"), &error);
    QVERIFY2(credentials, qPrintable(error));
    QCOMPARE(credentials->accessKeyId, QStringLiteral("AKIDMIN"));
    QCOMPARE(credentials->secretAccessKey, QStringLiteral("min-secret"));
    QVERIFY(!credentials->hasSessionToken());
    QVERIFY(!credentials->expiration.isValid());
}

void TestCredentialProcess::parsesTokenAndExpiration()
{
    QString error;
    const auto credentials = aws::parseCredentialProcessOutput(
        outputJson(QStringLiteral("2026-11-25T14:00:00Z")), &error);
    QVERIFY2(credentials, qPrintable(error));
    QCOMPARE(credentials->accessKeyId, QStringLiteral("AKIDPROCESS"));
    QCOMPARE(credentials->secretAccessKey, kSecret);
    QCOMPARE(credentials->sessionToken, kToken);
    QCOMPARE(credentials->expiration,
             QDateTime(QDate(2026, 11, 25), QTime(14, 0), QTimeZone::utc()));
}

void TestCredentialProcess::parsesRfc3339Variants_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime twoPm(QDate(2026, 11, 25), QTime(14, 0), QTimeZone::utc());
    QTest::newRow("UTC") << QStringLiteral("2026-11-25T14:00:00Z") << twoPm;
    QTest::newRow("positive offset") << QStringLiteral("2026-11-25T16:00:00+02:00") << twoPm;
    QTest::newRow("negative half-hour offset")
        << QStringLiteral("2026-11-25T10:30:00-03:30") << twoPm;
    QTest::newRow("milliseconds") << QStringLiteral("2026-11-25T14:00:00.250Z")
                                  << twoPm.addMSecs(250);
    QTest::newRow("microseconds with offset")
        << QStringLiteral("2026-11-25T16:00:00.123456+02:00") << twoPm.addMSecs(123);
    QTest::newRow("lowercase separators") << QStringLiteral("2026-11-25t14:00:00z") << twoPm;
}

void TestCredentialProcess::parsesRfc3339Variants()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    QString error;
    const auto credentials = aws::parseCredentialProcessOutput(outputJson(text), &error);
    QVERIFY2(credentials, qPrintable(error));
    QCOMPARE(credentials->expiration, expected);
    QCOMPARE(credentials->expiration.timeSpec(), Qt::UTC);
}

void TestCredentialProcess::rejectsBadOutputWithoutRevealingIt_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QString>("complaint");
    const QString notRfc3339 = QStringLiteral("\"Expiration\" is not an RFC 3339");
    QTest::newRow("empty") << QByteArray("\n") << QStringLiteral("nothing on standard output");
    QTest::newRow("not JSON") << json("AccessKeyId=AKID SecretAccessKey=$SECRET")
                              << QStringLiteral("not valid JSON");
    QTest::newRow("truncated JSON")
        << json("{'Version':1,'SecretAccessKey':'$SECRET") << QStringLiteral("not valid JSON");
    QTest::newRow("array") << json("['$SECRET']") << QStringLiteral("not a JSON object");
    QTest::newRow("no Version") << json("{'AccessKeyId':'AKID','SecretAccessKey':'$SECRET'}")
                                << QStringLiteral("\"Version\" is missing");
    QTest::newRow("Version 2")
        << json("{'Version':2,'AccessKeyId':'AKID','SecretAccessKey':'$SECRET'}")
        << QStringLiteral("\"Version\" must be 1");
    QTest::newRow("Version as string")
        << json("{'Version':'1','AccessKeyId':'AKID','SecretAccessKey':'$SECRET'}")
        << QStringLiteral("\"Version\" must be 1");
    QTest::newRow("no AccessKeyId") << json("{'Version':1,'SecretAccessKey':'$SECRET'}")
                                    << QStringLiteral("\"AccessKeyId\" is missing");
    QTest::newRow("numeric AccessKeyId")
        << json("{'Version':1,'AccessKeyId':42,'SecretAccessKey':'$SECRET'}")
        << QStringLiteral("\"AccessKeyId\" is missing or not a non-empty string");
    QTest::newRow("no SecretAccessKey") << json("{'Version':1,'AccessKeyId':'AKID'}")
                                        << QStringLiteral("\"SecretAccessKey\" is missing");
    QTest::newRow("blank SecretAccessKey")
        << json("{'Version':1,'AccessKeyId':'AKID','SecretAccessKey':'  '}")
        << QStringLiteral("\"SecretAccessKey\" is missing");
    QTest::newRow("numeric SessionToken")
        << json("{'Version':1,'AccessKeyId':'AKID','SecretAccessKey':'$SECRET','SessionToken':7}")
        << QStringLiteral("\"SessionToken\" is not a string");
    QTest::newRow("Expiration in words")
        << json("{'Version':1,'AccessKeyId':'AKID','SecretAccessKey':'$SECRET',"
                "'SessionToken':'$TOKEN','Expiration':'tomorrow'}")
        << notRfc3339;
    QTest::newRow("Expiration date only")
        << json("{'Version':1,'AccessKeyId':'AKID','SecretAccessKey':'$SECRET',"
                "'SessionToken':'$TOKEN','Expiration':'2026-11-25'}")
        << notRfc3339;
    QTest::newRow("Expiration without offset")
        << json("{'Version':1,'AccessKeyId':'AKID','SecretAccessKey':'$SECRET',"
                "'SessionToken':'$TOKEN','Expiration':'2026-11-25T14:00:00'}")
        << notRfc3339;
    QTest::newRow("Expiration on February 30th")
        << json("{'Version':1,'AccessKeyId':'AKID','SecretAccessKey':'$SECRET',"
                "'SessionToken':'$TOKEN','Expiration':'2026-02-30T14:00:00Z'}")
        << notRfc3339;
    QTest::newRow("Expiration as number")
        << json("{'Version':1,'AccessKeyId':'AKID','SecretAccessKey':'$SECRET',"
                "'SessionToken':'$TOKEN','Expiration':1700000000}")
        << QStringLiteral("\"Expiration\" is not a string");
}

void TestCredentialProcess::rejectsBadOutputWithoutRevealingIt()
{
    QFETCH(QByteArray, output);
    QFETCH(QString, complaint);
    QString error;
    QVERIFY(!aws::parseCredentialProcessOutput(output, &error));
    QVERIFY2(error.contains(complaint), qPrintable(error));
    QVERIFY2(!error.contains(kSecret), qPrintable(error));
    QVERIFY2(!error.contains(kToken), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1String("AKID")), qPrintable(error));
}

void TestCredentialProcess::splitsLikeAShell_data()
{
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("plain words") << QStringLiteral("  aws-vault  export\tdev ")
                                 << QStringList{QStringLiteral("aws-vault"),
                                                QStringLiteral("export"), QStringLiteral("dev")};
    QTest::newRow("single quotes keep everything")
        << QStringLiteral("tool 'a  b' '\\n \"x\"'")
        << QStringList{QStringLiteral("tool"), QStringLiteral("a  b"), QStringLiteral("\\n \"x\"")};
    QTest::newRow("double quotes with escapes")
        << QStringLiteral("tool \"say \\\"hi\\\" \\\\ \\n $HOME\"")
        << QStringList{QStringLiteral("tool"), QStringLiteral("say \"hi\" \\ \\n $HOME")};
    QTest::newRow("backslash outside quotes")
        << QStringLiteral("tool two\\ words \\'q\\'")
        << QStringList{QStringLiteral("tool"), QStringLiteral("two words"), QStringLiteral("'q'")};
    QTest::newRow("adjacent pieces form one word")
        << QStringLiteral("tool a'b c'\"d e\"f")
        << QStringList{QStringLiteral("tool"), QStringLiteral("ab cd ef")};
    QTest::newRow("empty quoted argument")
        << QStringLiteral("tool '' \"\"")
        << QStringList{QStringLiteral("tool"), QString(), QString()};
    QTest::newRow("line continuation")
        << QStringLiteral("tool \\\n--flag")
        << QStringList{QStringLiteral("tool"), QStringLiteral("--flag")};
    QTest::newRow("no expansion") << QStringLiteral("~/bin/tool $HOME *")
                                  << QStringList{QStringLiteral("~/bin/tool"),
                                                 QStringLiteral("$HOME"), QStringLiteral("*")};
}

void TestCredentialProcess::splitsLikeAShell()
{
    QFETCH(QString, commandLine);
    QFETCH(QStringList, words);
    QString error;
    const std::optional<QStringList> split = aws::splitCommandLine(commandLine, &error);
    QVERIFY2(split, qPrintable(error));
    QCOMPARE(*split, words);
}

void TestCredentialProcess::rejectsUnbalancedCommandLines_data()
{
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QString>("complaint");
    QTest::newRow("open single quote") << QStringLiteral("tool 'abc") << QStringLiteral("single");
    QTest::newRow("open double quote") << QStringLiteral("tool \"abc") << QStringLiteral("double");
    QTest::newRow("trailing backslash")
        << QStringLiteral("tool abc\\") << QStringLiteral("backslash");
    QTest::newRow("empty") << QString() << QStringLiteral("empty");
    QTest::newRow("blank") << QStringLiteral(" \t ") << QStringLiteral("empty");
}

void TestCredentialProcess::rejectsUnbalancedCommandLines()
{
    QFETCH(QString, commandLine);
    QFETCH(QString, complaint);
    QString error;
    QVERIFY(!aws::splitCommandLine(commandLine, &error));
    QVERIFY2(error.contains(complaint), qPrintable(error));
}

void TestCredentialProcess::returnsCredentialsFromProcess()
{
    Scripts scripts;
    QVERIFY(scripts.isValid());
    const QString expiration = rfc3339(kNow.addSecs(3600));
    aws::CredentialProcessProvider provider(
        scripts.write(QStringLiteral("ok.sh"), "printf '%s' '" + outputJson(expiration) + "'"),
        QStringLiteral("dev"));
    provider.setClock([] { return kNow; });

    const auto result = fetch(provider);
    QVERIFY(result);
    const auto *credentials = std::get_if<aws::Credentials>(&*result);
    QVERIFY2(credentials, qPrintable(errorMessage(result)));
    QCOMPARE(credentials->accessKeyId, QStringLiteral("AKIDPROCESS"));
    QCOMPARE(credentials->secretAccessKey, kSecret);
    QCOMPARE(credentials->sessionToken, kToken);
    QCOMPARE(credentials->expiration, kNow.addSecs(3600));
}

void TestCredentialProcess::fetchDoesNotBlockTheEventLoop()
{
    Scripts scripts;
    QVERIFY(scripts.isValid());
    aws::CredentialProcessProvider provider(
        scripts.write(QStringLiteral("slow.sh"), "sleep 0.5\nprintf '%s' '" + outputJson() + "'"),
        QStringLiteral("dev"));

    QObject context;
    bool answered = false;
    QElapsedTimer elapsed;
    elapsed.start();
    provider.fetchCredentials(&context,
                              [&answered](const aws::CredentialResult &) { answered = true; });
    QVERIFY2(elapsed.elapsed() < 300, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY(!answered);
    bool timerFired = false; // the event loop keeps turning while the process runs
    QTimer::singleShot(50, &context, [&timerFired] { timerFired = true; });
    QTRY_VERIFY(timerFired);
    QVERIFY(!answered);
    QTRY_VERIFY_WITH_TIMEOUT(answered, 5000);
}

void TestCredentialProcess::passesQuotedArgumentsIntact()
{
    Scripts scripts;
    QVERIFY(scripts.isValid());
    const QString script = scripts.write(
        QStringLiteral("echo-args.sh"),
        "printf '" + json("{'Version':1,'AccessKeyId':'%s:%s|%s|%s','SecretAccessKey':'s'}") +
            "' \"$#\" \"$1\" \"$2\" \"$3\"");
    aws::CredentialProcessProvider provider(
        script + QStringLiteral(" \"two  words\" 'single quoted' back\\ slash"),
        QStringLiteral("dev"));

    const auto result = fetch(provider);
    QVERIFY(result);
    const auto *credentials = std::get_if<aws::Credentials>(&*result);
    QVERIFY2(credentials, qPrintable(errorMessage(result)));
    QCOMPARE(credentials->accessKeyId, QStringLiteral("3:two  words|single quoted|back slash"));
}

void TestCredentialProcess::closesStandardInput()
{
    Scripts scripts;
    QVERIFY(scripts.isValid());
    aws::CredentialProcessProvider provider(
        scripts.write(QStringLiteral("reads-stdin.sh"),
                      "cat > /dev/null\nprintf '%s' '" + outputJson() + "'"),
        QStringLiteral("dev"));
    provider.setTimeout(std::chrono::seconds(5));
    const auto result = fetch(provider, 10000);
    QVERIFY(result);
    QVERIFY2(std::holds_alternative<aws::Credentials>(*result), qPrintable(errorMessage(result)));
}

void TestCredentialProcess::reportsUnparseableOutputWithoutEchoingIt()
{
    Scripts scripts;
    QVERIFY(scripts.isValid());
    aws::CredentialProcessProvider provider(
        scripts.write(QStringLiteral("truncated.sh"),
                      "printf '%s' '{\"Version\":1,\"SecretAccessKey\":\"" + kSecret.toUtf8() +
                          "'"),
        QStringLiteral("dev"));
    const QString message = errorMessage(fetch(provider));
    QVERIFY2(message.contains(QLatin1String("profile \"dev\"")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("not valid JSON")), qPrintable(message));
    QVERIFY2(!message.contains(kSecret), qPrintable(message));
}

void TestCredentialProcess::reportsExitCodeAndFirstStderrLine()
{
    Scripts scripts;
    QVERIFY(scripts.isValid());
    aws::CredentialProcessProvider provider(
        scripts.write(QStringLiteral("fails.sh"),
                      "echo >&2\n"
                      "echo 'SSO session expired: run aws sso login' >&2\n"
                      "echo 'second line' >&2\n"
                      "exit 3"),
        QStringLiteral("dev"));
    const QString message = errorMessage(fetch(provider));
    QVERIFY2(message.contains(QLatin1String("profile \"dev\"")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("exit code 3")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("SSO session expired: run aws sso login")),
             qPrintable(message));
    QVERIFY2(!message.contains(QLatin1String("second line")), qPrintable(message));
}

void TestCredentialProcess::truncatesLongStderrLine()
{
    Scripts scripts;
    QVERIFY(scripts.isValid());
    aws::CredentialProcessProvider provider(
        scripts.write(QStringLiteral("noisy.sh"),
                      "i=0\nwhile [ $i -lt 1000 ]; do printf x >&2; i=$((i + 1)); done\nexit 1"),
        QStringLiteral("dev"));
    const QString message = errorMessage(fetch(provider));
    QVERIFY2(message.contains(QString(200, QLatin1Char('x')) + QStringLiteral("…")),
             qPrintable(message));
    QVERIFY2(!message.contains(QString(201, QLatin1Char('x'))), qPrintable(message));
}

void TestCredentialProcess::reportsCommandThatCannotStart_data()
{
    QTest::addColumn<QString>("program");
    QTest::newRow("absolute path") << QStringLiteral("/nonexistent/ivs-credential-helper");
    QTest::newRow("not on PATH") << QStringLiteral("ivs-no-such-credential-helper");
    QTest::newRow("not executable") << QStringLiteral("not-executable.sh");
}

void TestCredentialProcess::reportsCommandThatCannotStart()
{
    QFETCH(QString, program);
    Scripts scripts;
    QVERIFY(scripts.isValid());
    if (program == QLatin1String("not-executable.sh")) {
        scripts.write(program, "exit 0");
        program = scripts.path(program);
        QVERIFY(QFile::setPermissions(program, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    }
    aws::CredentialProcessProvider provider(program + QStringLiteral(" --password hunter2"),
                                            QStringLiteral("dev"));
    const QString message = errorMessage(fetch(provider));
    QVERIFY2(message.contains(QLatin1String("could not be started")), qPrintable(message));
    QVERIFY2(message.contains(program), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("profile \"dev\"")), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1String("hunter2")), qPrintable(message));
}

void TestCredentialProcess::reportsUnbalancedCommandLine()
{
    aws::CredentialProcessProvider provider(QStringLiteral("tool \"--password=hunter2"),
                                            QStringLiteral("dev"));
    const QString message = errorMessage(fetch(provider));
    QVERIFY2(message.contains(QLatin1String("profile \"dev\"")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("double quote")), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1String("hunter2")), qPrintable(message));
}

void TestCredentialProcess::killsProcessAfterTimeout()
{
    Scripts scripts;
    QVERIFY(scripts.isValid());
    const QString pidFile = scripts.path(QStringLiteral("pid"));
    // exec, so that the pid written is the one still running when the timeout strikes.
    aws::CredentialProcessProvider provider(
        scripts.write(QStringLiteral("hangs.sh"),
                      "echo $$ > '" + pidFile.toUtf8() + "'\nexec sleep 30"),
        QStringLiteral("dev"));
    provider.setTimeout(std::chrono::milliseconds(300));

    QElapsedTimer elapsed;
    elapsed.start();
    const QString message = errorMessage(fetch(provider, 10000));
    QVERIFY2(elapsed.elapsed() < 5000, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY2(message.contains(QLatin1String("did not finish within 0.3 seconds")),
             qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("profile \"dev\"")), qPrintable(message));

    QFile file(pidFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const qint64 pid = file.readAll().trimmed().toLongLong();
    QVERIFY(pid > 0);
    QVERIFY2(processIsGone(pid), qPrintable(QString::number(pid)));
}

void TestCredentialProcess::stopsProcessThatPrintsTooMuch()
{
    Scripts scripts;
    QVERIFY(scripts.isValid());
    aws::CredentialProcessProvider provider(scripts.write(QStringLiteral("endless.sh"), "exec yes"),
                                            QStringLiteral("dev"));
    const QString message = errorMessage(fetch(provider, 10000));
    QVERIFY2(message.contains(QLatin1String("more than a megabyte")), qPrintable(message));
}

void TestCredentialProcess::reportsProcessKilledBySignal()
{
    Scripts scripts;
    QVERIFY(scripts.isValid());
    aws::CredentialProcessProvider provider(
        scripts.write(QStringLiteral("killed.sh"), "kill -KILL $$"), QStringLiteral("dev"));
    const QString message = errorMessage(fetch(provider));
    QVERIFY2(message.contains(QLatin1String("terminated by a signal")), qPrintable(message));
}

void TestCredentialProcess::rejectsAlreadyExpiredCredentials()
{
    Scripts scripts;
    QVERIFY(scripts.isValid());
    aws::CredentialProcessProvider provider(
        scripts.write(QStringLiteral("stale.sh"),
                      "printf '%s' '" + outputJson(rfc3339(kNow.addSecs(-60))) + "'"),
        QStringLiteral("dev"));
    provider.setClock([] { return kNow; });
    const QString message = errorMessage(fetch(provider));
    QVERIFY2(message.contains(QLatin1String("already expired")), qPrintable(message));
    QVERIFY(!message.contains(kSecret));
}

void TestCredentialProcess::namesProfileInSourceDescription()
{
    aws::CredentialProcessProvider provider(QStringLiteral("tool"), QStringLiteral("dev"));
    QCOMPARE(provider.sourceDescription(), QStringLiteral("credential_process of profile \"dev\""));
}

void TestCredentialProcess::cachesCredentialsWithoutExpirationForever()
{
    Scripts scripts;
    QVERIFY(scripts.isValid());
    QDateTime now = kNow;
    aws::CredentialProcessProvider provider(
        scripts.writeCounting(QStringLiteral("count.sh"), outputJson()), QStringLiteral("dev"));
    provider.setClock([&now] { return now; });

    QVERIFY(fetch(provider));
    QVERIFY(fetch(provider));
    now = now.addYears(5);
    const auto result = fetch(provider);
    QVERIFY(result && std::holds_alternative<aws::Credentials>(*result));
    QCOMPARE(scripts.runs(), 1);
}

void TestCredentialProcess::sharesOneRunBetweenConcurrentFetches()
{
    Scripts scripts;
    QVERIFY(scripts.isValid());
    aws::CredentialProcessProvider provider(
        scripts.writeCounting(QStringLiteral("count.sh"), outputJson()), QStringLiteral("dev"));

    QObject context;
    int answers = 0;
    const auto count = [&answers](const aws::CredentialResult &result) {
        if (std::holds_alternative<aws::Credentials>(result))
            ++answers;
    };
    provider.fetchCredentials(&context, count);
    provider.fetchCredentials(&context, count);
    provider.fetchCredentials(&context, count);
    QTRY_COMPARE_WITH_TIMEOUT(answers, 3, 5000);
    QCOMPARE(scripts.runs(), 1);
}

void TestCredentialProcess::keepsShortLivedCredentialsForHalfTheirLife()
{
    Scripts scripts;
    QVERIFY(scripts.isValid());
    QDateTime now = kNow;
    aws::CredentialProcessProvider provider(
        scripts.writeCounting(QStringLiteral("count.sh"), outputJson(rfc3339(kNow.addSecs(240)))),
        QStringLiteral("dev"));
    provider.setClock([&now] { return now; });

    // Four minutes to live, under the five-minute margin: used for half that life, not run
    // again for every request.
    QVERIFY(fetch(provider));
    const auto second = fetch(provider);
    QVERIFY2(second && std::holds_alternative<aws::Credentials>(*second),
             qPrintable(errorMessage(second)));
    now = kNow.addSecs(110);
    QVERIFY(fetch(provider));
    QCOMPARE(scripts.runs(), 1);

    now = kNow.addSecs(130);
    QVERIFY(fetch(provider));
    QCOMPARE(scripts.runs(), 2);
}

void TestCredentialProcess::keepsCredentialsThatExpireLater()
{
    Scripts scripts;
    QVERIFY(scripts.isValid());
    QDateTime now = kNow;
    aws::CredentialProcessProvider provider(
        scripts.writeCounting(QStringLiteral("count.sh"), outputJson(rfc3339(kNow.addSecs(3600)))),
        QStringLiteral("dev"));
    provider.setClock([&now] { return now; });

    QVERIFY(fetch(provider));
    now = kNow.addSecs(54 * 60);
    QVERIFY(fetch(provider));
    QCOMPARE(scripts.runs(), 1);

    now = kNow.addSecs(56 * 60); // within five minutes of expiring: refreshed early
    QVERIFY(fetch(provider));
    QCOMPARE(scripts.runs(), 2);
}

void TestCredentialProcess::doesNotCacheFailures()
{
    Scripts scripts;
    QVERIFY(scripts.isValid());
    const QByteArray marker = scripts.path(QStringLiteral("ran-once")).toUtf8();
    // Fails on the first run only, like a login that the user completes in between.
    aws::CredentialProcessProvider provider(
        scripts.write(QStringLiteral("flaky.sh"), "if [ ! -e '" + marker +
                                                      "' ]; then\n"
                                                      "  touch '" +
                                                      marker +
                                                      "'\n"
                                                      "  echo 'not logged in' >&2\n"
                                                      "  exit 1\n"
                                                      "fi\n"
                                                      "printf '%s' '" +
                                                      outputJson() + "'"),
        QStringLiteral("dev"));

    QVERIFY(errorMessage(fetch(provider)).contains(QLatin1String("not logged in")));
    const auto second = fetch(provider);
    QVERIFY2(second && std::holds_alternative<aws::Credentials>(*second),
             qPrintable(errorMessage(second)));
}

void TestCredentialProcess::invalidateCacheRunsProcessAgain()
{
    Scripts scripts;
    QVERIFY(scripts.isValid());
    aws::CredentialProcessProvider provider(
        scripts.writeCounting(QStringLiteral("count.sh"), outputJson()), QStringLiteral("dev"));
    QVERIFY(fetch(provider));
    provider.invalidateCache();
    QVERIFY(fetch(provider));
    QCOMPARE(scripts.runs(), 2);
}

void TestCredentialProcess::destroyingProviderKillsProcessAndAnswersWaiters()
{
    Scripts scripts;
    QVERIFY(scripts.isValid());
    const QString pidFile = scripts.path(QStringLiteral("pid"));
    auto provider = std::make_unique<aws::CredentialProcessProvider>(
        scripts.write(QStringLiteral("hangs.sh"),
                      "echo $$ > '" + pidFile.toUtf8() + "'\nexec sleep 30"),
        QStringLiteral("dev"));

    QObject context;
    QList<aws::CredentialResult> answers;
    for (int waiter = 0; waiter < 2; ++waiter)
        provider->fetchCredentials(
            &context, [&answers](const aws::CredentialResult &answer) { answers.append(answer); });
    QTRY_VERIFY_WITH_TIMEOUT(QFile(pidFile).size() > 0, 5000);
    QFile file(pidFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const qint64 pid = file.readAll().trimmed().toLongLong();
    QVERIFY(pid > 0);
    QVERIFY(!processIsGone(pid));

    // As when the connection is switched while the process still runs.
    provider.reset();
    QVERIFY2(processIsGone(pid), qPrintable(QString::number(pid)));
    // Each waiter hears why, or a lookup would stay busy for ever.
    QTRY_COMPARE(answers.size(), 2);
    for (const aws::CredentialResult &answer : std::as_const(answers)) {
        const QString message = errorMessage(answer);
        QVERIFY2(message.contains(QLatin1String("profile \"dev\" was stopped before it finished")),
                 qPrintable(message));
    }
}

void TestCredentialProcess::skipsCallbackOfDestroyedContext()
{
    Scripts scripts;
    QVERIFY(scripts.isValid());
    aws::CredentialProcessProvider provider(
        scripts.write(QStringLiteral("slow.sh"), "sleep 0.2\nprintf '%s' '" + outputJson() + "'"),
        QStringLiteral("dev"));

    bool goneAnswered = false;
    bool keptAnswered = false;
    QObject kept;
    {
        QObject gone;
        provider.fetchCredentials(
            &gone, [&goneAnswered](const aws::CredentialResult &) { goneAnswered = true; });
        provider.fetchCredentials(
            &kept, [&keptAnswered](const aws::CredentialResult &) { keptAnswered = true; });
    }
    QTRY_VERIFY_WITH_TIMEOUT(keptAnswered, 5000);
    // A run's answers are all posted as it ends: one for the gone context, had it been, has run.
    QVERIFY(testsupport::drainPostedEvents());
    QVERIFY(!goneAnswered);
}

QTEST_GUILESS_MAIN(TestCredentialProcess)
#include "tst_credential_process.moc"
