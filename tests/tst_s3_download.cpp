// S3Client::downloadObject against a small S3 on 127.0.0.1: streamed to a .part file, resumed
// with a Range, checked (size, MD5 ETag) before it takes the target's name, and never written
// through a link.

#include "s3/s3_client.h"
#include "s3/s3_download.h"
#include "support/fake_s3.h"
#include "support/s3_rig.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>

namespace {

using testsupport::FakeS3;
using testsupport::S3Rig;

const QString kKey = QStringLiteral("show/segment 01.ts");

// Not a repeating pattern, so that a misplaced piece shows.
QByteArray objectBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    quint32 state = 2463534242u;
    for (qsizetype i = 0; i < size; ++i) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        bytes[i] = static_cast<char>(state);
    }
    return bytes;
}

QByteArray md5Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

struct Download {
    std::optional<s3::DownloadResult> result;
    QList<s3::DownloadProgress> progress;
    qint64 elapsedMs = 0;
};

Download download(S3Rig &rig, const QString &target, qint64 expectedSize,
                  const QByteArray &expectedEtag, const QString &key = kKey)
{
    Download outcome;
    QObject context;
    QElapsedTimer timer;
    timer.start();
    rig.client.downloadObject(
        QStringLiteral("us-west-2"), QStringLiteral("recordings"), key, target, expectedSize,
        expectedEtag, &context,
        [&outcome](const s3::DownloadProgress &progress) { outcome.progress.append(progress); },
        [&outcome](const s3::DownloadResult &result) { outcome.result = result; });
    static_cast<void>(QTest::qWaitFor([&outcome] { return outcome.result.has_value(); }, 30000));
    outcome.elapsedMs = timer.elapsed();
    return outcome;
}

QString message(const std::optional<ivs::ServiceError> &error)
{
    return error ? error->oneLine() : QStringLiteral("(no error)");
}

} // namespace

class TestS3Download : public QObject {
    Q_OBJECT

private slots:
    void init();
    void downloadsAndVerifiesMd5();
    void resumesFromPartWithRange();
    void restartsWhenServerIgnoresRange();
    void restartsOnceWhenPartIsLongerThanObject();
    void restartsWhenObjectChangedSincePart();
    void refusesSizeMismatch();
    void refusesMd5Mismatch();
    void checksOnlySizeForMultipartEtag();
    void keepsPartOnErrorForNextResume();
    void refusesPartThatIsSymlink();
    void refusesTargetThatIsSymlink();
    void refusesPlainHttpToRemoteHostWithoutConnecting();
    void neverCallsBackWhenContextDies();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_target;
    QString m_part;
};

void TestS3Download::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_target = m_dir->filePath(QStringLiteral("segment.ts"));
    m_part = s3::partPathFor(m_target);
}

void TestS3Download::downloadsAndVerifiesMd5()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    const QByteArray bytes = objectBytes(3 * 1024 * 1024 + 17);
    fake->putObject(kKey, bytes);
    S3Rig rig(fake->url());

    const Download done = download(rig, m_target, bytes.size(), md5Hex(bytes));
    QVERIFY(done.result);
    QVERIFY2(!done.result->error, qPrintable(message(done.result->error)));
    QVERIFY(!done.result->verificationFailed);
    QVERIFY(!done.result->resumed);
    QCOMPARE(done.result->bytesWritten, bytes.size());
    QCOMPARE(readFile(m_target), bytes);
    QVERIFY(!QFileInfo::exists(m_part));
    QCOMPARE(fake->requests().size(), 1);
    QVERIFY(fake->requests().first().header("Range").isNull());
    QVERIFY(fake->signatureFailures().isEmpty());
    // The bytes as stored, never inflated on the way; the header is not signed, so a proxy that
    // rewrites it cannot break the signature.
    QCOMPARE(fake->requests().first().header("Accept-Encoding"), QByteArray("identity"));
    QVERIFY(!fake->requests().first().header("Authorization").contains("accept-encoding"));

    // Progress: ends at the whole size, never goes back, and is throttled (at most one report
    // per interval while bytes arrive, plus the last).
    QVERIFY(!done.progress.isEmpty());
    QCOMPARE(done.progress.last().bytesReceived, bytes.size());
    QCOMPARE(done.progress.last().bytesTotal, bytes.size());
    for (qsizetype i = 1; i < done.progress.size(); ++i)
        QVERIFY(done.progress.at(i).bytesReceived >= done.progress.at(i - 1).bytesReceived);
    QVERIFY2(
        done.progress.size() <= 2 + done.elapsedMs / s3::kProgressIntervalMs,
        qPrintable(
            QStringLiteral("%1 reports in %2 ms").arg(done.progress.size()).arg(done.elapsedMs)));
}

void TestS3Download::resumesFromPartWithRange()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    const QByteArray bytes = objectBytes(200000);
    fake->putObject(kKey, bytes);
    QVERIFY(writeFile(m_part, bytes.left(70000)));
    S3Rig rig(fake->url());

    const Download done = download(rig, m_target, bytes.size(), md5Hex(bytes));
    QVERIFY(done.result);
    QVERIFY2(!done.result->error, qPrintable(message(done.result->error)));
    QVERIFY(done.result->resumed);
    QCOMPARE(fake->requests().size(), 1);
    QCOMPARE(fake->requests().first().header("Range"), QByteArray("bytes=70000-"));
    QCOMPARE(readFile(m_target), bytes);
    QVERIFY(!QFileInfo::exists(m_part));
}

void TestS3Download::restartsWhenServerIgnoresRange()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    const QByteArray bytes = objectBytes(100000);
    fake->putObject(kKey, bytes);
    fake->ignoreRange = true;
    QVERIFY(writeFile(m_part, QByteArray(5000, 'X'))); // would corrupt the start if kept
    S3Rig rig(fake->url());

    const Download done = download(rig, m_target, bytes.size(), md5Hex(bytes));
    QVERIFY(done.result);
    QVERIFY2(!done.result->error, qPrintable(message(done.result->error)));
    QVERIFY(!done.result->resumed);
    QCOMPARE(fake->requests().size(), 1);
    QCOMPARE(fake->requests().first().header("Range"), QByteArray("bytes=5000-"));
    QCOMPARE(readFile(m_target), bytes);
}

void TestS3Download::restartsOnceWhenPartIsLongerThanObject()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    const QByteArray bytes = objectBytes(1000);
    fake->putObject(kKey, bytes);
    QVERIFY(writeFile(m_part, QByteArray(4000, 'X')));
    S3Rig rig(fake->url());

    // Size not known up front: the server's 416 says the .part is too long.
    const Download done = download(rig, m_target, -1, {});
    QVERIFY(done.result);
    QVERIFY2(!done.result->error, qPrintable(message(done.result->error)));
    QCOMPARE(fake->requests().size(), 2);
    QCOMPARE(fake->requests().at(0).header("Range"), QByteArray("bytes=4000-"));
    QVERIFY(fake->requests().at(1).header("Range").isNull());
    QCOMPARE(readFile(m_target), bytes);
}

void TestS3Download::restartsWhenObjectChangedSincePart()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    const QByteArray before = objectBytes(50000);
    QByteArray after = before;
    after[100] = 'Z';
    after[40000] = 'Z';
    fake->putObject(kKey, after);
    QVERIFY(writeFile(m_part, before.left(30000)));
    S3Rig rig(fake->url());

    // The listing said `before`; the bucket now holds `after`, whose ETag the 206 carries.
    const Download done = download(rig, m_target, after.size(), md5Hex(before));
    QVERIFY(done.result);
    QCOMPARE(fake->requests().size(), 2);
    QCOMPARE(fake->requests().at(0).header("Range"), QByteArray("bytes=30000-"));
    QVERIFY(fake->requests().at(1).header("Range").isNull());
    // Asked again from the start, it is the new object: not the one expected.
    QVERIFY(done.result->error);
    QVERIFY(done.result->verificationFailed);
    QVERIFY(!QFileInfo::exists(m_target));
    QVERIFY(!QFileInfo::exists(m_part));
}

void TestS3Download::refusesSizeMismatch()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    const QByteArray bytes = objectBytes(12345);
    fake->putObject(kKey, bytes);
    S3Rig rig(fake->url());

    const Download done = download(rig, m_target, 12346, md5Hex(bytes));
    QVERIFY(done.result);
    QVERIFY(done.result->error);
    QVERIFY(done.result->verificationFailed);
    QVERIFY2(
        message(done.result->error).contains(QStringLiteral("expected 12346 bytes, got 12345")),
        qPrintable(message(done.result->error)));
    QVERIFY(!QFileInfo::exists(m_target));
    QVERIFY(!QFileInfo::exists(m_part));
}

void TestS3Download::refusesMd5Mismatch()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    const QByteArray bytes = objectBytes(12345);
    const QByteArray wrong = md5Hex("something else");
    fake->putObject(kKey, bytes, wrong);
    S3Rig rig(fake->url());

    const Download done = download(rig, m_target, bytes.size(), '"' + wrong + '"');
    QVERIFY(done.result);
    QVERIFY(done.result->error);
    QVERIFY(done.result->verificationFailed);
    const QString text = message(done.result->error);
    QVERIFY2(text.contains(QString::fromLatin1(wrong)) &&
                 text.contains(QString::fromLatin1(md5Hex(bytes))),
             qPrintable(text));
    QVERIFY(!QFileInfo::exists(m_target));
    QVERIFY(!QFileInfo::exists(m_part));
}

void TestS3Download::checksOnlySizeForMultipartEtag()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    const QByteArray bytes = objectBytes(30000);
    const QByteArray multipart = "9b2cf535f27731c974343645a3985328-3";
    fake->putObject(kKey, bytes, multipart);
    S3Rig rig(fake->url());

    const Download done = download(rig, m_target, bytes.size(), multipart);
    QVERIFY(done.result);
    QVERIFY2(!done.result->error, qPrintable(message(done.result->error)));
    QCOMPARE(readFile(m_target), bytes);

    // The size still counts.
    QVERIFY(QFile::remove(m_target));
    const Download shorter = download(rig, m_target, bytes.size() - 1, multipart);
    QVERIFY(shorter.result);
    QVERIFY(shorter.result->verificationFailed);
}

void TestS3Download::keepsPartOnErrorForNextResume()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    const QByteArray bytes = objectBytes(20000);
    fake->putObject(kKey, bytes);
    QVERIFY(writeFile(m_part, bytes.left(8000)));
    fake->intercept = [](const net::HttpRequest &) {
        return testsupport::s3ErrorResponse(403, "AccessDenied", QStringLiteral("Access Denied"));
    };
    S3Rig rig(fake->url());

    const Download refused = download(rig, m_target, bytes.size(), md5Hex(bytes));
    QVERIFY(refused.result);
    QVERIFY(refused.result->error);
    QVERIFY(!refused.result->verificationFailed);
    QVERIFY(refused.result->error->nextStep.contains(QStringLiteral("s3:GetObject")));
    QCOMPARE(readFile(m_part), bytes.left(8000));
    QVERIFY(!QFileInfo::exists(m_target));
}

void TestS3Download::refusesPartThatIsSymlink()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    fake->putObject(kKey, objectBytes(1000));
    const QString victim = m_dir->filePath(QStringLiteral("victim.txt"));
    QVERIFY(writeFile(victim, "keep me"));
    QVERIFY(QFile::link(victim, m_part));
    S3Rig rig(fake->url());

    const Download done = download(rig, m_target, 1000, {});
    QVERIFY(done.result);
    QVERIFY(done.result->error);
    QVERIFY2(message(done.result->error).contains(QStringLiteral("symbolic link")),
             qPrintable(message(done.result->error)));
    QCOMPARE(readFile(victim), QByteArray("keep me"));
    QVERIFY(QFileInfo(m_part).isSymLink());
    QVERIFY(!QFileInfo::exists(m_target));
    QCOMPARE(rig.network.requestsCreated, 0);
    QCOMPARE(fake->requests().size(), 0);

    // A dangling link is refused too, and nothing is created where it points.
    const QString nowhere = m_dir->filePath(QStringLiteral("nowhere.txt"));
    QVERIFY(QFile::remove(m_part));
    QVERIFY(QFile::link(nowhere, m_part));
    const Download dangling = download(rig, m_target, 1000, {});
    QVERIFY(dangling.result && dangling.result->error);
    QVERIFY(!QFileInfo::exists(nowhere));
}

void TestS3Download::refusesTargetThatIsSymlink()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    fake->putObject(kKey, objectBytes(1000));
    const QString victim = m_dir->filePath(QStringLiteral("victim.txt"));
    QVERIFY(writeFile(victim, "keep me"));
    QVERIFY(QFile::link(victim, m_target));
    S3Rig rig(fake->url());

    const Download done = download(rig, m_target, 1000, {});
    QVERIFY(done.result);
    QVERIFY(done.result->error);
    QCOMPARE(readFile(victim), QByteArray("keep me"));
    QVERIFY(QFileInfo(m_target).isSymLink());
    QCOMPARE(fake->requests().size(), 0);
}

void TestS3Download::refusesPlainHttpToRemoteHostWithoutConnecting()
{
    S3Rig rig(QUrl(QStringLiteral("http://s3.example.com")));

    const Download done = download(rig, m_target, 10, {});
    QVERIFY(done.result);
    QVERIFY(done.result->error);
    QCOMPARE(done.result->error->category, ivs::ErrorCategory::Configuration);
    QCOMPARE(rig.network.requestsCreated, 0);
    QVERIFY(!QFileInfo::exists(m_target));
}

void TestS3Download::neverCallsBackWhenContextDies()
{
    QPointer<QObject> context = new QObject;
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    fake->putObject(kKey, objectBytes(1000));
    fake->intercept = [&context](const net::HttpRequest &) -> std::optional<net::HttpResponse> {
        delete context.data();
        return std::nullopt;
    };
    S3Rig rig(fake->url());

    int calls = 0;
    rig.client.downloadObject(
        QStringLiteral("us-west-2"), QStringLiteral("recordings"), kKey, m_target, 1000, {},
        context, [&calls](const s3::DownloadProgress &) { ++calls; },
        [&calls](const s3::DownloadResult &) { ++calls; });
    QTRY_COMPARE(fake->requests().size(), 1);
    QVERIFY(context.isNull());
    // Whatever was under way has ended without a call: the reply was aborted.
    QVERIFY(QTest::qWaitFor(
        [&rig] { return rig.network.findChildren<QNetworkReply *>().isEmpty(); }, 10000));
    QCOMPARE(calls, 0);
    QVERIFY(!QFileInfo::exists(m_target));
}

QTEST_GUILESS_MAIN(TestS3Download)
#include "tst_s3_download.moc"
