#include "cli/exit_codes.h"
#include "document/stage_document.h"
#include "ivs/stage.h"
#include "ivs/stage_rules.h"
#include "support/command_runs.h"
#include "support/demo_stage_fixtures.h"
#include "support/test_data.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace testsupport;

namespace {

const QString kEsc = QString(QChar(0x1b));

QProcessEnvironment demoEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE"})
        environment.remove(QString::fromLatin1(name));
    return environment;
}

} // namespace

// Tag keys and values hold only what AWS allows in tags — letters, digits and spaces of any
// script, and _ . : / = + - @ — and this is checked before anything is sent, in one place the
// window's document and the command line's apply share. A refused character is named by its
// code point, never printed raw.
class TestTagRules : public QObject {
    Q_OBJECT
private slots:
    void allowedTagsPass_data();
    void allowedTagsPass();
    void forbiddenCharactersAreNamed_data();
    void forbiddenCharactersAreNamed();
    void lengthsAndPrefix();
    void theDocumentRefusesAControlCharacter();
    void applyRefusesAnEscapeBeforeSending();
};

void TestTagRules::allowedTagsPass_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("words") << QStringLiteral("team name");
    QTest::newRow("symbols") << QStringLiteral("a_b.c:d/e=f+g-h@i");
    QTest::newRow("other scripts") << QStringLiteral("日本語 vidéo Ελληνικά");
    QTest::newRow("digits") << QStringLiteral("2026 ٣");
    QTest::newRow("no-break space") << QStringLiteral("a\u00a0b");
}

void TestTagRules::allowedTagsPass()
{
    QFETCH(QString, text);
    QCOMPARE(ivs::tagKeyProblem(text), QString());
    QCOMPARE(ivs::tagValueProblem(text), QString());
}

void TestTagRules::forbiddenCharactersAreNamed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("named");
    QTest::newRow("escape") << (QStringLiteral("evil") + kEsc + QStringLiteral("]0;title"))
                            << QStringLiteral("U+001B");
    QTest::newRow("bell") << QStringLiteral("a\u0007") << QStringLiteral("U+0007");
    QTest::newRow("tab") << QStringLiteral("a\tb") << QStringLiteral("U+0009");
    QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("U+000A");
    QTest::newRow("C1 CSI") << QStringLiteral("a\u009b2J") << QStringLiteral("U+009B");
    QTest::newRow("bidi override") << QStringLiteral("a\u202eb") << QStringLiteral("U+202E");
    QTest::newRow("ampersand") << QStringLiteral("a&b") << QStringLiteral("\"&\" (U+0026)");
    QTest::newRow("emoji") << QStringLiteral("live 🎙") << QStringLiteral("\"🎙\" (U+01F399)");
}

void TestTagRules::forbiddenCharactersAreNamed()
{
    QFETCH(QString, text);
    QFETCH(QString, named);
    const QString keyProblem = ivs::tagKeyProblem(text);
    QVERIFY2(keyProblem.contains(named), qPrintable(keyProblem));
    QVERIFY2(keyProblem.contains(QLatin1String("only letters, digits, spaces")),
             qPrintable(keyProblem));
    const QString valueProblem = ivs::tagValueProblem(text);
    QVERIFY2(valueProblem.contains(named), qPrintable(valueProblem));
    // The refused character itself is never in the message when it is a control.
    for (const QChar c : keyProblem)
        QVERIFY2(c.category() != QChar::Other_Control && c.category() != QChar::Other_Format,
                 qPrintable(QString::number(c.unicode(), 16)));
}

void TestTagRules::lengthsAndPrefix()
{
    QVERIFY(!ivs::tagKeyProblem(QString()).isEmpty());
    QCOMPARE(ivs::tagKeyProblem(QString(128, QLatin1Char('k'))), QString());
    QVERIFY(!ivs::tagKeyProblem(QString(129, QLatin1Char('k'))).isEmpty());
    QVERIFY(ivs::tagKeyProblem(QStringLiteral("AWS:created")).contains(QLatin1String("aws:")));
    QCOMPARE(ivs::tagValueProblem(QString()), QString());
    QCOMPARE(ivs::tagValueProblem(QString(256, QLatin1Char('v'))), QString());
    QVERIFY(!ivs::tagValueProblem(QString(257, QLatin1Char('v'))).isEmpty());
}

void TestTagRules::theDocumentRefusesAControlCharacter()
{
    const QJsonObject response =
        QJsonDocument::fromJson(readTestData(QStringLiteral("get_stage_seed_response.json")))
            .object();
    const auto stage =
        ivs::Stage::fromJson(response.value(QStringLiteral("stage")).toObject(), nullptr);
    QVERIFY(stage);
    document::StageDocument document;
    document.setStage(*stage);
    QString error;
    QVERIFY(!document.addTag(QStringLiteral("show") + kEsc, QStringLiteral("x"), &error));
    QVERIFY2(error.contains(QLatin1String("U+001B")), qPrintable(error));
    QVERIFY(!document.addTag(QStringLiteral("show"), QStringLiteral("x\u0007"), &error));
    QVERIFY2(error.contains(QLatin1String("U+0007")), qPrintable(error));
    QVERIFY2(document.addTag(QStringLiteral("show"), QStringLiteral("Morning + Live"), &error),
             qPrintable(error));
}

void TestTagRules::applyRefusesAnEscapeBeforeSending()
{
    // A file exported from the demo, then given a tag key holding ESC (as in the report).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("stage.json"));
    Run run =
        runAppBinary({QStringLiteral("export"), QStringLiteral("--demo"), QStringLiteral("--arn"),
                      kDefaultsDemoArn, QStringLiteral("--file"), path},
                     demoEnvironment());
    QCOMPARE(run.exitCode, int(cli::Success));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QJsonObject stage = document.value(QStringLiteral("stage")).toObject();
    stage.insert(QStringLiteral("tags"),
                 QJsonObject{{QStringLiteral("title") + kEsc + QStringLiteral("]0;owned\u0007"),
                              QStringLiteral("x")}});
    document.insert(QStringLiteral("stage"), stage);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(document).toJson());
    file.close();

    run = runAppBinary({QStringLiteral("apply"), QStringLiteral("--demo"), QStringLiteral("--arn"),
                        kDefaultsDemoArn, QStringLiteral("--file"), path,
                        QStringLiteral("--dry-run"), QStringLiteral("--verbose")},
                       demoEnvironment());
    QCOMPARE(run.exitCode, int(cli::UsageError));
    QVERIFY2(run.err.contains(QLatin1String("U+001B")), qPrintable(run.err));
    QVERIFY2(!run.err.contains(kEsc) && !run.out.contains(kEsc), "ESC reached the terminal");
    // Refused before the review: no change was even proposed, let alone sent.
    QVERIFY2(!run.err.contains(QLatin1String("TagResource")), qPrintable(run.err));
    QVERIFY2(!run.out.contains(QLatin1String("Dry run")), qPrintable(run.out));
}

QTEST_GUILESS_MAIN(TestTagRules)
#include "tst_tag_rules.moc"
