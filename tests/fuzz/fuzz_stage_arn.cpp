// libFuzzer target: ivs::StageArn::parse on arbitrary UTF-8 text, as typed or pasted into the ARN
// field or passed to --arn.

#include "fuzz_support.h"
#include "ivs/stage_arn.h"

#include <QString>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    QString error;
    const std::optional<ivs::StageArn> arn = ivs::StageArn::parse(text, &error);
    if (!arn) {
        FUZZ_CHECK(!error.isEmpty()); // a refusal always says why
        return 0;
    }

    FUZZ_CHECK(!arn->region().isEmpty());
    FUZZ_CHECK(!arn->accountId().isEmpty());
    FUZZ_CHECK(!arn->stageId().isEmpty());
    FUZZ_CHECK(arn->text().size() <= 128);
    FUZZ_CHECK(arn->text() == QStringLiteral("arn:aws:ivs:%1:%2:stage/%3")
                                  .arg(arn->region(), arn->accountId(), arn->stageId()));
    // The canonical text is itself a valid ARN, and the same one.
    QString againError;
    const std::optional<ivs::StageArn> again = ivs::StageArn::parse(arn->text(), &againError);
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(*again == *arn);
    FUZZ_CHECK(againError.isEmpty());
    return 0;
}
