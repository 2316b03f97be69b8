#include "aws/hmac_sha256.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QTest>

// The signer's HMAC with prepared pads must agree with Qt's own HMAC for every key and message
// length around the block boundaries, and with the published test vectors.
class TestHmacSha256 : public QObject {
    Q_OBJECT
private slots:
    void matchesRfc4231Vector();
    void matchesQtForKeyAndMessageLengthsAroundTheBlock();
    void oneKeySignsManyMessagesIndependently();
    void hexesSha256();
};

namespace {

QByteArray pattern(qsizetype length, int seed)
{
    QByteArray bytes(length, Qt::Uninitialized);
    for (qsizetype i = 0; i < length; ++i)
        bytes[i] = static_cast<char>((i * 131 + seed * 17 + 7) & 0xFF);
    return bytes;
}

} // namespace

void TestHmacSha256::matchesRfc4231Vector()
{
    // RFC 4231, test case 2: a key shorter than the block.
    const aws::HmacSha256 key(QByteArrayView("Jefe"));
    QCOMPARE(key.mac("what do ya want for nothing?").toHex(),
             QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    // RFC 4231, test case 6: a 131-byte key, longer than the block, is hashed first.
    const aws::HmacSha256 longKey(QByteArray(131, '\xaa'));
    QCOMPARE(longKey.mac("Test Using Larger Than Block-Size Key - Hash Key First").toHex(),
             QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"));
}

void TestHmacSha256::matchesQtForKeyAndMessageLengthsAroundTheBlock()
{
    for (const qsizetype keyLength : {0, 1, 31, 32, 63, 64, 65, 128, 200}) {
        const QByteArray keyBytes = pattern(keyLength, 1);
        const aws::HmacSha256 key(keyBytes);
        QVERIFY(!key.isNull());
        for (qsizetype messageLength = 0; messageLength <= 200; ++messageLength) {
            const QByteArray message = pattern(messageLength, 2);
            const QByteArray expected =
                QMessageAuthenticationCode::hash(message, keyBytes, QCryptographicHash::Sha256);
            if (key.mac(message) != expected)
                QFAIL(qPrintable(QStringLiteral("key of %1 bytes, message of %2 bytes")
                                     .arg(keyLength)
                                     .arg(messageLength)));
        }
    }
}

void TestHmacSha256::oneKeySignsManyMessagesIndependently()
{
    const aws::HmacSha256 key(QByteArrayView("a key"));
    const QByteArray first = key.mac("first");
    const QByteArray second = key.mac("second");
    QVERIFY(first != second);
    QCOMPARE(key.mac("first"), first);
    QCOMPARE(first.size(), 32);
    QVERIFY(aws::HmacSha256().isNull());
}

void TestHmacSha256::hexesSha256()
{
    QByteArray out("prefix:");
    aws::appendSha256Hex(out, "abc");
    QCOMPARE(out,
             QByteArray("prefix:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QByteArray empty;
    aws::appendSha256Hex(empty, {});
    QCOMPARE(empty, QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QByteArray hex;
    aws::appendHex(hex, QByteArrayView("\x00\x0f\xf0\xff", 4));
    QCOMPARE(hex, QByteArray("000ff0ff"));
}

QTEST_GUILESS_MAIN(TestHmacSha256)
#include "tst_hmac_sha256.moc"
