// libFuzzer target: ivs::StageArn::parse on arbitrary UTF-8 text, as typed or pasted into the ARN
// field or passed to --arn, and ivs::findStageArnInText on the same text, as pasted or dropped
// anywhere in the window.

#include "fuzz_support.h"
#include "ivs/stage_arn.h"
#include "ivs/stage_arn_in_text.h"

#include <QString>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));

    // Whatever it finds in text is a valid stage ARN; when it finds none, it says why.
    QString problem;
    const std::optional<ivs::StageArn> found = ivs::findStageArnInText(text, &problem);
    if (found) {
        FUZZ_CHECK(ivs::StageArn::parse(found->text()).has_value());
    } else {
        FUZZ_CHECK(!problem.isEmpty());
    }

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
    // Pasted anywhere in the window, an ARN the field accepts is found as the same ARN.
    FUZZ_CHECK(found.has_value() && *found == *arn);
    FUZZ_CHECK(*again == *arn);
    FUZZ_CHECK(againError.isEmpty());
    return 0;
}
