#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace aws {

// HMAC-SHA256 (RFC 2104) under one key that signs many messages: the key's inner and outer pad
// blocks are prepared once instead of on every call. The pads are as secret as the key; they live
// only in this object's memory.
class HmacSha256 {
public:
    HmacSha256() = default;
    explicit HmacSha256(QByteArrayView key);

    bool isNull() const { return m_innerPad.isEmpty(); }
    QByteArray mac(QByteArrayView message) const; // 32 raw bytes

private:
    QByteArray m_innerPad; // key ^ 0x36..., one SHA-256 block
    QByteArray m_outerPad; // key ^ 0x5c...
};

// SHA-256 of `data` as 64 lowercase hex digits, appended to `out` without intermediate arrays.
void appendSha256Hex(QByteArray &out, QByteArrayView data);
// Lowercase hex of `bytes`, appended to `out`.
void appendHex(QByteArray &out, QByteArrayView bytes);

} // namespace aws
