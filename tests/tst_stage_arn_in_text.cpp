#include "ivs/stage_arn_in_text.h"

#include <QTest>

using ivs::findStageArnInText;

namespace {
const QString kArn = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");
const QString kEncodedArn =
    QStringLiteral("arn%3Aaws%3Aivs%3Aus-west-2%3A123456789012%3Astage%2FabcdABCDefgh");
} // namespace

// What a producer pastes or drops: the stage ARN is found in it, or the reason says what was
// expected.
class TestStageArnInText : public QObject {
    Q_OBJECT
private slots:
    void findsTheStageArn_data();
    void findsTheStageArn();
    void refusesWithAReason_data();
    void refusesWithAReason();
    void firstStageArnWinsOverOtherResources();
    void hugeTextIsNotSearchedToTheEnd();
};

void TestStageArnInText::findsTheStageArn_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("bare") << kArn;
    QTest::newRow("spaces and newlines")
        << QStringLiteral("  \n\t") + kArn + QStringLiteral("\r\n");
    QTest::newRow("double quotes") << QLatin1Char('"') + kArn + QLatin1Char('"');
    QTest::newRow("single quotes, newline") << QStringLiteral("'") + kArn + QStringLiteral("'\n");
    QTest::newRow("json member") << QStringLiteral("{\n  \"arn\": \"") + kArn +
                                        QStringLiteral("\",\n  \"name\": \"studio-main\"\n}");
    QTest::newRow("log line") << QStringLiteral("2026-01-05 stage=") + kArn +
                                     QStringLiteral(" state=ACTIVE");
    QTest::newRow("console link, encoded in fragment")
        << QStringLiteral("https://us-west-2.console.aws.amazon.com/ivs/"
                          "home?region=us-west-2#/stages/") +
               kEncodedArn;
    QTest::newRow("console link, plain in fragment")
        << QStringLiteral("https://us-west-2.console.aws.amazon.com/ivs/"
                          "home?region=us-west-2#/stages/") +
               kArn;
    QTest::newRow("console link, encoded in query, more after")
        << QStringLiteral("https://console.aws.amazon.com/ivs/home?stage=") + kEncodedArn +
               QStringLiteral("&region=us-west-2");
    QTest::newRow("console link, plain in path, fragment after")
        << QStringLiteral("https://us-west-2.console.aws.amazon.com/ivs/stages/") + kArn +
               QStringLiteral("#details");
    QTest::newRow("console link, encoded twice")
        << QStringLiteral("https://example.com/redirect?to=https%3A%2F%2Fconsole.aws.amazon.com%2F"
                          "ivs%2Fhome%23%2Fstages%2F") +
               QString(kEncodedArn).replace(QLatin1String("%"), QLatin1String("%25"));
    QTest::newRow("lower-case escapes")
        << QStringLiteral("https://console.aws.amazon.com/ivs/#/"
                          "stages/") +
               kEncodedArn.toLower().replace(QLatin1String("abcdabcdefgh"),
                                             QLatin1String("abcdABCDefgh"));
}

void TestStageArnInText::findsTheStageArn()
{
    QFETCH(QString, text);
    QString problem;
    const auto arn = findStageArnInText(text, &problem);
    QVERIFY2(arn.has_value(), qPrintable(problem));
    QCOMPARE(arn->text(), kArn);
    QCOMPARE(arn->region(), QStringLiteral("us-west-2"));
    QCOMPARE(arn->stageId(), QStringLiteral("abcdABCDefgh"));
}

void TestStageArnInText::refusesWithAReason_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason"); // a fragment the problem must contain

    QTest::newRow("empty") << QString() << QStringLiteral("No stage ARN found");
    QTest::newRow("prose") << QStringLiteral("see you at the stand-up")
                           << QStringLiteral("No stage ARN found");
    QTest::newRow("prose names the example")
        << QStringLiteral("hello") << QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/");
    QTest::newRow("binary-ish garbage")
        << QString::fromUtf8("\x01\x02 %zz %3A%3A arn: ::: stage/ \xe2\x82\xac")
        << QStringLiteral("No stage ARN found");
    QTest::newRow("channel arn") << QStringLiteral("arn:aws:ivs:us-west-2:123456789012:channel/abc")
                                 << QStringLiteral("low-latency channel");
    QTest::newRow("channel arn in a console link")
        << QStringLiteral("https://us-west-2.console.aws.amazon.com/ivs/home#/channels/"
                          "arn%3Aaws%3Aivs%3Aus-west-2%3A123456789012%3Achannel%2FxYz")
        << QStringLiteral("low-latency channel");
    QTest::newRow("console link without an arn")
        << QStringLiteral("https://us-west-2.console.aws.amazon.com/ivs/home?region=us-west-2#/"
                          "stages/abcdABCDefgh")
        << QStringLiteral("console link does not contain a stage ARN");
    QTest::newRow("one bad arn keeps its precise reason")
        << QStringLiteral(" arn:aws:ivs:US-WEST-2:123456789012:stage/abc ")
        << QStringLiteral("Region \"US-WEST-2\"");
    QTest::newRow("storage configuration in json")
        << QStringLiteral("{\"arn\": "
                          "\"arn:aws:ivs:us-west-2:123456789012:storage-configuration/abc\"}")
        << QStringLiteral("storage configuration ARN");
    QTest::newRow("other service")
        << QStringLiteral("arn:aws:s3:::my-bucket") << QStringLiteral("\"s3\" service");
}

void TestStageArnInText::refusesWithAReason()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    QString problem;
    QVERIFY(!findStageArnInText(text, &problem).has_value());
    QVERIFY2(problem.contains(reason), qPrintable(problem));
    QVERIFY(!findStageArnInText(text).has_value()); // the problem is optional
}

void TestStageArnInText::firstStageArnWinsOverOtherResources()
{
    const QString channel = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:channel/abc");
    const QString other = QStringLiteral("arn:aws:ivs:eu-west-1:123456789012:stage/second");
    const auto arn = findStageArnInText(channel + QStringLiteral(" then ") + kArn +
                                        QStringLiteral(", and ") + other);
    QVERIFY(arn.has_value());
    QCOMPARE(arn->text(), kArn);
}

void TestStageArnInText::hugeTextIsNotSearchedToTheEnd()
{
    const QString filler(1024 * 1024, QLatin1Char('x'));
    QVERIFY(findStageArnInText(kArn + QLatin1Char(' ') + filler).has_value());
    QString problem;
    QVERIFY(!findStageArnInText(filler + QLatin1Char(' ') + kArn, &problem).has_value());
    QVERIFY2(problem.contains(QLatin1String("No stage ARN found")), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestStageArnInText)
#include "tst_stage_arn_in_text.moc"
