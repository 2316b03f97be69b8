#pragma once

#include "ivs/ivs_client.h"
#include "ivs/stage_arn.h"

#include <memory>
#include <optional>
#include <QCommandLineParser>
#include <QProcessEnvironment>
#include <QStringList>

class QTextStream;

namespace workspace {
class Backend;
}

namespace cli {

// What the commands that call the service have in common: --arn (for those about one stage) and
// the options that say how to reach the service (--region, --endpoint-url, --profile, --timeout,
// --verbose, --demo), their checks, the backend they lead to, and the help layout. One place, so
// the commands cannot drift apart.
class StageCommand {
public:
    // For a command about the stages of regions rather than one stage (list-stages): it has no
    // --arn, and its --region, described by `regionDescription`, may be given several times.
    struct AcrossRegions {
        QString regionDescription;
    };

    // `usage` is the synopsis after "Usage: ivs-stage-browser ".
    StageCommand(QString name, QString usage, const QString &description,
                 const QString &arnDescription);
    StageCommand(QString name, QString usage, const QString &description, AcrossRegions scope);
    ~StageCommand();
    StageCommand(const StageCommand &) = delete;
    StageCommand &operator=(const StageCommand &) = delete;

    // The command's own options; before parse().
    void addOptions(const QList<QCommandLineOption> &options);

    // Reads `arguments` (without the command word). Returns the exit code when the command is
    // already over — help printed, or a usage error reported on `err` — and nullopt otherwise.
    std::optional<int> parse(const QStringList &arguments, QTextStream &out, QTextStream &err);
    bool isSet(const QCommandLineOption &option) const { return m_parser.isSet(option); }
    QString value(const QCommandLineOption &option) const { return m_parser.value(option); }

    enum class RegionOverride { Allowed, MustMatchArn };
    // Checks --arn, --region and --timeout and sets up credentials and endpoint; wires --verbose
    // and clock notes to `err`. Returns nullopt when ready, else the exit code of the problem it
    // reported on `err`.
    std::optional<int> connect(const QProcessEnvironment &environment, QTextStream &err,
                               RegionOverride regionOverride = RegionOverride::Allowed);
    // For a command across regions: checks each --region and --timeout and sets up credentials
    // and endpoint as connect() does.
    std::optional<int> connectAcrossRegions(const QProcessEnvironment &environment,
                                            QTextStream &err);
    const ivs::StageArn &arn() const { return *m_arn; }
    QString region() const { return m_region; }
    // Every --region, trimmed, in the order given.
    QStringList regions() const;
    // The region for calls that are not about one stage when --region is not given: AWS_REGION,
    // AWS_DEFAULT_REGION, then the profile's; empty when none is configured. After connecting.
    QString serviceRegion() const;
    bool verbose() const { return m_parser.isSet(m_verboseOption); }
    ivs::IvsClient &client() const;
    // After connecting.
    workspace::Backend &backend() const { return *m_backend; }

    // GetStage for --arn (in --region), waiting for the answer in a local event loop. An answer
    // about another stage is warned of on standard error.
    ivs::GetStageResult getStage() const;

    QString helpText();
    // "see NAME --help", for messages pointing at the help.
    QString seeHelp() const;

private:
    StageCommand(QString name, QString usage, const QString &description,
                 const QString &arnDescription, const QString &regionDescription, bool hasArn);
    void addCommonOptions();
    std::optional<int> createBackend(const QProcessEnvironment &environment, QTextStream &err);
    void reportProgressTo(QTextStream &err);

    QString m_name;
    QString m_usage;
    QCommandLineParser m_parser;
    QCommandLineOption m_arnOption;
    QCommandLineOption m_regionOption;
    QCommandLineOption m_endpointUrlOption;
    QCommandLineOption m_profileOption;
    QCommandLineOption m_timeoutOption;
    QCommandLineOption m_verboseOption;
    QCommandLineOption m_demoOption;
    QCommandLineOption m_helpOption;
    std::optional<ivs::StageArn> m_arn;
    QString m_region;
    std::unique_ptr<workspace::Backend> m_backend;
    QTextStream *m_err = nullptr; // for warnings, once connected
    bool m_hasArn = true;
    bool m_commonOptionsAdded = false;
};

// One line on standard error, prefixed with the program name; returns `code`.
int fail(QTextStream &err, int code, const QString &message);

// The paragraph on credentials and CA bundles every stage command's help carries.
QString credentialsHelpText();

} // namespace cli
