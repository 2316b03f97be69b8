#include "cli/terminal_output.h"
#include "net/http_message.h"
#include "support/command_runs.h"
#include "support/scripted_endpoint.h"

#include <cstdio>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>
#include <QTest>

using namespace testsupport;

namespace {

const QString kArn = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");
// An OSC sequence that retitles the terminal, ended by BEL; a CSI (ESC [) that clears the
// screen; the one-byte C1 CSI, U+009B.
const QString kHostileName = QStringLiteral("show\x1b]0;owned\x07");
const QString kHostileTag = QStringLiteral("v\x1b[2Jx\u009b31m");

// What `stream` received when `write` wrote to it through a TerminalOutput.
QByteArray throughTerminalOutput(const std::function<void(QIODevice &)> &write)
{
    std::FILE *file = std::tmpfile();
    {
        cli::TerminalOutput output(file);
        write(output);
    }
    std::rewind(file);
    QByteArray bytes;
    char buffer[4096];
    size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0)
        bytes.append(buffer, static_cast<qsizetype>(got));
    std::fclose(file);
    return bytes;
}

bool hasRawControl(const QByteArray &bytes)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(bytes.at(i));
        if ((byte < 0x20 && byte != '\n' && byte != '\t') || byte == 0x7f)
            return true;
        if (byte == 0xc2 && i + 1 < bytes.size() &&
            static_cast<unsigned char>(bytes.at(i + 1)) >= 0x80 &&
            static_cast<unsigned char>(bytes.at(i + 1)) <= 0x9f)
            return true;
    }
    return false;
}

QByteArray hostileStageResponse()
{
    QJsonObject stage{{QStringLiteral("arn"), kArn},
                      {QStringLiteral("name"), kHostileName},
                      {QStringLiteral("tags"), QJsonObject{{QStringLiteral("note"), kHostileTag}}}};
    return QJsonDocument(QJsonObject{{QStringLiteral("stage"), stage}}).toJson();
}

QProcessEnvironment keys()
{
    return environmentWith(QStringLiteral("AKIDTERMINALTEST"), QStringLiteral("terminal-secret"));
}

} // namespace

// Text from the network on a terminal: control characters are shown, never obeyed, and a
// service's message is cut to a sane length.
class TestTerminalOutput : public QObject {
    Q_OBJECT
private slots:
    void controlsBecomeVisibleEscapes();
    void aC1ControlSplitAcrossWritesIsCaught();
    void ordinaryTextPassesUnchanged();
    void treeOutputShowsHostileNamesAndTagsDefused();
    void jsonOutputStaysExactJson();
    void hugeHostileErrorMessageIsCutAndDefused();
};

void TestTerminalOutput::controlsBecomeVisibleEscapes()
{
    const QByteArray shown = throughTerminalOutput([](QIODevice &device) {
        device.write(QString(kHostileName + QLatin1Char('\n') + kHostileTag).toUtf8());
    });
    QVERIFY2(!hasRawControl(shown), shown.constData());
    QCOMPARE(shown, QByteArray("show\\x1b]0;owned\\x07\nv\\x1b[2Jx\\u009b31m"));
    QCOMPARE(cli::visibleControls(kHostileName + QStringLiteral("\r\x7f")),
             QStringLiteral("show\\x1b]0;owned\\x07\\x0d\\x7f"));
}

void TestTerminalOutput::aC1ControlSplitAcrossWritesIsCaught()
{
    const QByteArray shown = throughTerminalOutput([](QIODevice &device) {
        device.write("a\xc2", 2);
        device.write("\x9b"
                     "b\xc2",
                     3);
        device.write("\xa9", 1); // © is C2 A9: not a control, passes
    });
    QCOMPARE(shown, QByteArray("a\\u009bb\xc2\xa9"));
}

void TestTerminalOutput::ordinaryTextPassesUnchanged()
{
    const QByteArray text = QStringLiteral("Bühne\tstudio → «main» 日本\n").toUtf8();
    QCOMPARE(throughTerminalOutput([&](QIODevice &device) { device.write(text); }), text);
}

void TestTerminalOutput::treeOutputShowsHostileNamesAndTagsDefused()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(net::HttpResponse::json(200, hostileStageResponse()));
    const Run run = runAppBinary({QStringLiteral("get-stage"), QStringLiteral("--arn"), kArn,
                                  QStringLiteral("--endpoint-url"), endpoint.url().toString()},
                                 keys());
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(!hasRawControl(run.out.toUtf8()), qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("show\\x1b]0;owned\\x07")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("v\\x1b[2Jx\\u009b31m")), qPrintable(run.out));
}

void TestTerminalOutput::jsonOutputStaysExactJson()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(net::HttpResponse::json(200, hostileStageResponse()));
    const Run run = runAppBinary({QStringLiteral("get-stage"), QStringLiteral("--arn"), kArn,
                                  QStringLiteral("--endpoint-url"), endpoint.url().toString(),
                                  QStringLiteral("--output"), QStringLiteral("json")},
                                 keys());
    QCOMPARE(run.exitCode, 0);
    QVERIFY(!hasRawControl(run.out.toUtf8()));
    const QJsonObject stage = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(stage.value(QStringLiteral("name")).toString(), kHostileName);
}

void TestTerminalOutput::hugeHostileErrorMessageIsCutAndDefused()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    // 3 MiB of message (about 6 MiB as JSON, within the 8 MiB cap), control characters throughout.
    QString message;
    message.reserve(3 * 1024 * 1024);
    while (message.size() < 3 * 1024 * 1024)
        message += QStringLiteral("\x1b[31mred\x07 ");
    endpoint.setFallback(awsErrorResponse(400, "ValidationException", message));
    QProcessEnvironment environment = keys();
    const Run run = runAppBinary({QStringLiteral("get-stage"), QStringLiteral("--arn"), kArn,
                                  QStringLiteral("--endpoint-url"), endpoint.url().toString()},
                                 environment);
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.size() < 4096, qPrintable(QString::number(run.err.size())));
    QVERIFY2(!hasRawControl(run.err.toUtf8()), qPrintable(run.err.left(300)));
    QVERIFY2(run.err.contains(QLatin1String("ValidationException")), qPrintable(run.err.left(300)));
    QVERIFY2(run.err.contains(QStringLiteral("[…]")), qPrintable(run.err.left(300)));
}

QTEST_GUILESS_MAIN(TestTerminalOutput)
#include "tst_terminal_output.moc"
