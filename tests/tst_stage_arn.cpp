#include "ivs/stage_arn.h"

#include <QTest>

using ivs::StageArn;

class TestStageArn : public QObject {
    Q_OBJECT
private slots:
    void acceptsValidArns_data();
    void acceptsValidArns();
    void rejectsWithSpecificReason_data();
    void rejectsWithSpecificReason();
    void stripsWhitespaceAndQuotesFromPastes();
};

void TestStageArn::acceptsValidArns_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("stageId");
    QTest::newRow("us-west-2") << QStringLiteral(
                                      "arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh")
                               << QStringLiteral("us-west-2") << QStringLiteral("123456789012")
                               << QStringLiteral("abcdABCDefgh");
    QTest::newRow("dash in id") << QStringLiteral(
                                       "arn:aws:ivs:eu-central-1:000000000001:stage/a-b-9")
                                << QStringLiteral("eu-central-1") << QStringLiteral("000000000001")
                                << QStringLiteral("a-b-9");
    // Every shape of region name: two or more words, GovCloud, China, a number above 9.
    for (const char *region : {"ap-southeast-3", "us-gov-west-1", "cn-north-1", "il-central-1",
                               "ap-northeast-1", "eu-south-2", "us-east-10"}) {
        const QString name = QString::fromLatin1(region);
        QTest::newRow(region) << QStringLiteral("arn:aws:ivs:%1:123456789012:stage/abc").arg(name)
                              << name << QStringLiteral("123456789012") << QStringLiteral("abc");
    }
}

void TestStageArn::acceptsValidArns()
{
    QFETCH(QString, text);
    QString error;
    const auto arn = StageArn::parse(text, &error);
    QVERIFY2(arn.has_value(), qPrintable(error));
    QCOMPARE(arn->text(), text);
    QTEST(arn->region(), "region");
    QTEST(arn->accountId(), "account");
    QTEST(arn->stageId(), "stageId");
}

void TestStageArn::rejectsWithSpecificReason_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason"); // a fragment the message must contain

    QTest::newRow("empty") << QString() << QStringLiteral("Enter a stage ARN");
    QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("Enter a stage ARN");
    QTest::newRow("bare stage id")
        << QStringLiteral("abcdABCDefgh") << QStringLiteral("looks like a stage ID");
    QTest::newRow("url") << QStringLiteral("https://console.aws.amazon.com/ivs")
                         << QStringLiteral("Not an ARN");
    QTest::newRow("too long") << QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/") +
                                     QString(100, QLatin1Char('a'))
                              << QStringLiteral("at most 128 characters");
    QTest::newRow("incomplete") << QStringLiteral("arn:aws:ivs:us-west-2")
                                << QStringLiteral("Incomplete ARN");
    QTest::newRow("china partition")
        << QStringLiteral("arn:aws-cn:ivs:cn-north-1:123456789012:stage/abc")
        << QStringLiteral("partition \"aws-cn\"");
    QTest::newRow("s3 arn") << QStringLiteral("arn:aws:s3:us-west-2:123456789012:stage/abc")
                            << QStringLiteral("\"s3\" service");
    QTest::newRow("no region") << QStringLiteral("arn:aws:ivs::123456789012:stage/abc")
                               << QStringLiteral("no region");
    QTest::newRow("upper-case region")
        << QStringLiteral("arn:aws:ivs:US-WEST-2:123456789012:stage/abc")
        << QStringLiteral("Region \"US-WEST-2\"");
    QTest::newRow("region without dashes")
        << QStringLiteral("arn:aws:ivs:uswest2:123456789012:stage/abc")
        << QStringLiteral("Region \"uswest2\" is not valid: a region is written like");
    QTest::newRow("region without a number")
        << QStringLiteral("arn:aws:ivs:us-west:123456789012:stage/abc")
        << QStringLiteral("Region \"us-west\" is not valid");
    QTest::newRow("region with a long area")
        << QStringLiteral("arn:aws:ivs:usa-west-2:123456789012:stage/abc")
        << QStringLiteral("Region \"usa-west-2\" is not valid");
    QTest::newRow("region with a trailing dash")
        << QStringLiteral("arn:aws:ivs:us-west-2-:123456789012:stage/abc")
        << QStringLiteral("Region \"us-west-2-\" is not valid");
    QTest::newRow("upper-case region names the lower-case one")
        << QStringLiteral("arn:aws:ivs:Eu-Central-1:123456789012:stage/abc")
        << QStringLiteral("lower case (\"eu-central-1\")");
    QTest::newRow("five-digit account")
        << QStringLiteral("arn:aws:ivs:us-west-2:12345:stage/abc")
        << QStringLiteral("Account \"12345\" is not valid: an AWS account ID is a 12-digit "
                          "number; this one has 5");
    QTest::newRow("thirteen-digit account")
        << QStringLiteral("arn:aws:ivs:us-west-2:1234567890123:stage/abc")
        << QStringLiteral("this one has 13");
    QTest::newRow("no account") << QStringLiteral("arn:aws:ivs:us-west-2::stage/abc")
                                << QStringLiteral("no account");
    QTest::newRow("account with letters")
        << QStringLiteral("arn:aws:ivs:us-west-2:12345678901x:stage/abc")
        << QStringLiteral("Account \"12345678901x\"");
    QTest::newRow("channel arn") << QStringLiteral("arn:aws:ivs:us-west-2:123456789012:channel/abc")
                                 << QStringLiteral("low-latency channel");
    QTest::newRow("storage configuration arn")
        << QStringLiteral("arn:aws:ivs:us-west-2:123456789012:storage-configuration/abc")
        << QStringLiteral("storage configuration ARN");
    QTest::newRow("no stage id") << QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/")
                                 << QStringLiteral("no stage ID");
    QTest::newRow("bad stage id") << QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/ab_c")
                                  << QStringLiteral("Stage ID \"ab_c\"");
    QTest::newRow("extra colon") << QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/ab:c")
                                 << QStringLiteral("Too many");
}

void TestStageArn::rejectsWithSpecificReason()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!StageArn::parse(text, &error).has_value());
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestStageArn::stripsWhitespaceAndQuotesFromPastes()
{
    const QString arn = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");
    for (const QString &pasted :
         {QStringLiteral("  %1\n").arg(arn), QStringLiteral("\"%1\"").arg(arn),
          QStringLiteral("'%1'").arg(arn), QStringLiteral("'\"%1\"'").arg(arn),
          QStringLiteral(" \" '%1' \" ").arg(arn), QStringLiteral("`%1`").arg(arn),
          QStringLiteral("\u201C%1\u201D").arg(arn), QStringLiteral("\u2018%1\u2019").arg(arn),
          QStringLiteral("\u201E%1\u201C").arg(arn)}) {
        const auto parsed = StageArn::parse(pasted);
        QVERIFY2(parsed.has_value(), qPrintable(pasted));
        QCOMPARE(parsed->text(), arn);
    }
    // Quotes that do not pair are not taken for quoting.
    QString error;
    QVERIFY(!StageArn::parse(QStringLiteral("\"%1'").arg(arn), &error));
    QVERIFY(!StageArn::parse(QStringLiteral("\"%1").arg(arn), &error));
}

QTEST_GUILESS_MAIN(TestStageArn)
#include "tst_stage_arn.moc"
