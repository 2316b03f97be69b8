// libFuzzer target: ivs::serviceErrorFromResponse on arbitrary non-2xx answers, then the texts
// the window and the command line show. Input layout: 2 bytes HTTP status (big-endian), then
// x-amzn-ErrorType, Content-Type and x-amzn-RequestId, each ended by a NUL byte, then the body
// (the rest, NULs included).

#include "fuzz_support.h"
#include "ivs/service_error.h"

#include <QString>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const int status = (int(data[0]) << 8) | int(data[1]);
    const QList<QByteArray> parts = fuzz::fields(fuzz::bytes(data + 2, size - 2), 4);
    const QByteArray &errorType = parts.at(0);
    const QByteArray &contentType = parts.at(1);
    const QByteArray &requestId = parts.at(2);
    const QByteArray &body = parts.at(3);

    const ivs::ServiceError error =
        ivs::serviceErrorFromResponse(status, errorType, body, requestId, contentType);
    FUZZ_CHECK(error.httpStatus == status);
    FUZZ_CHECK(!error.summary.isEmpty());

    const QString message = error.userMessage();
    FUZZ_CHECK(message.startsWith(error.summary));
    // Shortening a hint must never split a character; only JSON \u escapes may carry a lone
    // surrogate in from the service's own text.
    if (!body.contains("\\u"))
        FUZZ_CHECK(message.isValidUtf16());
    const QString line = error.oneLine();
    FUZZ_CHECK(!line.contains(QLatin1Char('\n')) && !line.contains(QLatin1Char('\r')));
    return 0;
}
