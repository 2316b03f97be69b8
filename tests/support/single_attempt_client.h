#pragma once

#include "aws/environment_credential_provider.h"
#include "ivs/ivs_client.h"

#include <memory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QObject>
#include <QTest>
#include <QUrl>

namespace testsupport {

// An IvsClient on a local endpoint that tries each call once, and waits for a call's answer.
struct SingleAttemptClient {
    SingleAttemptClient(const QUrl &url, const aws::Credentials &credentials)
        : provider(credentials, QStringLiteral("test"))
    {
        network.setProxy(QNetworkProxy::NoProxy);
        aws::EndpointConfig config;
        config.overrideUrl = url;
        client = std::make_unique<ivs::IvsClient>(&network, &provider, config);
        ivs::RetryPolicy once;
        once.maxAttempts = 1;
        client->setRetryPolicy(once);
    }

    // `call(client, context, callback)` starts one operation; its result, once answered.
    template <typename Result, typename Call> Result run(Call call)
    {
        Result result;
        bool done = false;
        QObject context;
        call(*client, &context, [&](const Result &r) {
            result = r;
            done = true;
        });
        static_cast<void>(QTest::qWaitFor([&done] { return done; }, 15000));
        return result;
    }

    QNetworkAccessManager network;
    aws::StaticCredentialProvider provider;
    std::unique_ptr<ivs::IvsClient> client;
};

} // namespace testsupport
