// libFuzzer target: the S3 XML readers on arbitrary answers — s3::parseListObjectsPage (a
// ListObjectsV2 page), s3::parseS3ErrorBody and s3::serviceErrorFromS3Response (an error answer,
// an HTML page from a proxy), then the texts shown for them. Input layout: 2 bytes HTTP status
// (big-endian), 1 byte operation (even: listing, odd: reading), then the body.

#include "fuzz_support.h"
#include "s3/s3_errors.h"
#include "s3/s3_listing.h"

#include <QString>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    const int status = (int(data[0]) << 8) | int(data[1]);
    const QString operation = data[2] % 2 == 0 ? QStringLiteral("list") : QStringLiteral("read");
    const QByteArray body = fuzz::bytes(data + 3, size - 3);

    QString problem;
    if (const auto page = s3::parseListObjectsPage(body, &problem)) {
        for (const s3::ObjectInfo &object : page->objects) {
            FUZZ_CHECK(!object.key.isEmpty());
            FUZZ_CHECK(object.key.toUtf8().size() <= s3::kMaxKeyBytes);
            FUZZ_CHECK(object.size >= 0);
        }
    } else {
        FUZZ_CHECK(!problem.isEmpty());
    }

    problem.clear();
    if (!s3::parseS3ErrorBody(body, &problem))
        FUZZ_CHECK(!problem.isEmpty());

    const ivs::ServiceError error =
        s3::serviceErrorFromS3Response(status, body, "request-id", operation);
    FUZZ_CHECK(error.httpStatus == status);
    FUZZ_CHECK(!error.summary.isEmpty());
    FUZZ_CHECK(!error.nextStep.isEmpty());
    FUZZ_CHECK(error.serviceMessage.size() <= 1000 + 4);
    const QString message = error.userMessage();
    FUZZ_CHECK(message.startsWith(error.summary));
    const QString line = error.oneLine();
    FUZZ_CHECK(!line.contains(QLatin1Char('\n')) && !line.contains(QLatin1Char('\r')));
    return 0;
}
