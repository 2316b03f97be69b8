#include "aws/hmac_sha256.h"

#include <algorithm>
#include <array>
#include <QCryptographicHash>

namespace aws {

namespace {

constexpr qsizetype kBlockSize = 64; // SHA-256's block, and so the HMAC pad length

// One hasher per thread, reset between uses: QCryptographicHash::hash() allocates a fresh one,
// and its result, on every call.
QCryptographicHash &sha256()
{
    thread_local QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.reset();
    return hash;
}

QByteArray paddedKey(QByteArrayView key, char pad)
{
    QByteArray block(kBlockSize, pad);
    for (qsizetype i = 0; i < key.size(); ++i)
        block[i] = static_cast<char>(key[i] ^ pad);
    return block;
}

} // namespace

HmacSha256::HmacSha256(QByteArrayView key)
{
    // Keys longer than a block are replaced by their hash, as RFC 2104 says.
    QByteArray shortKey;
    if (key.size() > kBlockSize) {
        shortKey = QCryptographicHash::hash(key, QCryptographicHash::Sha256);
        key = shortKey;
    }
    m_innerPad = paddedKey(key, 0x36);
    m_outerPad = paddedKey(key, 0x5c);
}

QByteArray HmacSha256::mac(QByteArrayView message) const
{
    QCryptographicHash &hash = sha256();
    hash.addData(m_innerPad);
    hash.addData(message);
    std::array<char, 32> inner;
    const QByteArrayView innerView = hash.resultView();
    std::copy(innerView.begin(), innerView.end(), inner.begin());
    hash.reset();
    hash.addData(m_outerPad);
    hash.addData(QByteArrayView(inner.data(), qsizetype(inner.size())));
    return hash.resultView().toByteArray();
}

void appendHex(QByteArray &out, QByteArrayView bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    const qsizetype start = out.size();
    out.resize(start + 2 * bytes.size());
    char *hex = out.data() + start;
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        *hex++ = digits[byte >> 4];
        *hex++ = digits[byte & 0x0F];
    }
}

void appendSha256Hex(QByteArray &out, QByteArrayView data)
{
    QCryptographicHash &hash = sha256();
    hash.addData(data);
    appendHex(out, hash.resultView());
}

} // namespace aws
