#include "cli/profile_command.h"

#include "aws/credentials.h"
#include "aws/shared_config.h"
#include "cli/command_line.h"
#include "cli/exit_codes.h"
#include "cli/secret_input.h"
#include "profiles/profile_storage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>

namespace cli {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cli::Profile)
};

int fail(QTextStream &err, int code, const QString &message)
{
    err << QStringLiteral("ivs-stage-browser: ") << message.simplified() << Qt::endl;
    return code;
}

QString helpText()
{
    return Text::tr(
               "Usage: ivs-stage-browser profile COMMAND\n"
               "Manages profiles whose secrets live in the OS keychain.\n\n"
               "Commands:\n"
               "  list                                    keychain and AWS CLI profiles\n"
               "  add NAME [--region R] [--access-key-id ID]\n"
               "                                          store a profile; the secret access key "
               "(and an\n"
               "                                          optional session token on a second line) "
               "are read\n"
               "                                          from standard input, without echo on a "
               "terminal\n"
               "  remove NAME                             delete a keychain profile\n"
               "  import NAME...                          copy AWS CLI profiles (with access keys) "
               "into the\n"
               "                                          keychain\n\n") +
           exitCodesHelpText();
}

QString
runRepositoryCall(const std::function<void(QObject *, profiles::ProfileRepository::Done)> &call)
{
    QEventLoop loop;
    QString error;
    call(&loop, [&](const QString &result) {
        error = result;
        loop.quit();
    });
    loop.exec();
    return error;
}

int list(profiles::ProfileStorage &storage, const aws::SharedConfig &shared, QTextStream &out)
{
    const QString active = storage.store.activeProfile();
    QStringList lines;
    const QList<profiles::StoredProfile> stored = storage.store.profiles();
    for (const profiles::StoredProfile &profile : stored)
        lines.append(
            QStringLiteral("%1 %2 %3 %4")
                .arg(profile.name == active ? QStringLiteral("*") : QStringLiteral(" "),
                     profile.name.leftJustified(20), profile.region.leftJustified(15),
                     Text::tr("keychain (%1)").arg(aws::maskAccessKeyId(profile.accessKeyId))));
    const QStringList sharedNames = shared.profileNames();
    for (const QString &name : sharedNames) {
        if (storage.store.find(name))
            continue; // the keychain profile of that name wins
        const auto profile = shared.profile(name);
        lines.append(QStringLiteral("%1 %2 %3 %4")
                         .arg(name == active ? QStringLiteral("*") : QStringLiteral(" "),
                              name.leftJustified(20), profile->region.leftJustified(15),
                              Text::tr("AWS CLI %1").arg(profile->sourceDescription)));
    }
    if (lines.isEmpty()) {
        out << Text::tr("No profiles. Add one with: ivs-stage-browser profile add NAME "
                        "--access-key-id ID --region REGION")
            << Qt::endl;
        return Success;
    }
    out << QStringLiteral("  %1 %2 %3")
               .arg(Text::tr("NAME").leftJustified(20), Text::tr("REGION").leftJustified(15),
                    Text::tr("SOURCE"))
        << Qt::endl;
    for (const QString &line : std::as_const(lines))
        out << line << Qt::endl;
    return Success;
}

int add(profiles::ProfileStorage &storage, const QStringList &arguments, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption region(QStringLiteral("region"), QString(), QStringLiteral("R"));
    const QCommandLineOption accessKeyId(QStringLiteral("access-key-id"), QString(),
                                         QStringLiteral("ID"));
    parser.addOptions({region, accessKeyId});
    if (!parser.parse(QStringList{QStringLiteral("add")} + arguments))
        return fail(err, UsageError, parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return fail(err, UsageError, Text::tr("profile add needs exactly one profile NAME."));
    const QString name = parser.positionalArguments().constFirst();
    if (const QString problem = profiles::ProfileStore::nameProblem(name); !problem.isEmpty())
        return fail(err, UsageError, problem);

    profiles::StoredProfile profile{name, parser.value(region).trimmed(),
                                    parser.value(accessKeyId).trimmed(), false};
    if (profile.accessKeyId.isEmpty() && standardInputIsTerminal())
        profile.accessKeyId = readLine(Text::tr("Access key ID: ")).value_or(QString()).trimmed();
    if (profile.accessKeyId.isEmpty())
        return fail(err, UsageError, Text::tr("--access-key-id is required."));
    profiles::ProfileSecrets secrets;
    secrets.secretAccessKey =
        readSecretLine(Text::tr("Secret access key: ")).value_or(QString()).trimmed();
    if (secrets.secretAccessKey.isEmpty())
        return fail(err, UsageError, Text::tr("No secret access key was given on standard input."));
    secrets.sessionToken =
        readSecretLine(Text::tr("Session token (Enter for none): ")).value_or(QString()).trimmed();

    const QString error = runRepositoryCall([&](QObject *context, auto done) {
        storage.repository.save(profile, secrets, context, std::move(done));
    });
    secrets = {};
    if (!error.isEmpty())
        return fail(err, AuthError, error);
    err << Text::tr("Saved profile \"%1\"; its secret is in the keychain.").arg(name) << Qt::endl;
    return Success;
}

int remove(profiles::ProfileStorage &storage, const QStringList &names, QTextStream &err)
{
    if (names.size() != 1)
        return fail(err, UsageError, Text::tr("profile remove needs exactly one profile NAME."));
    const QString name = names.constFirst();
    if (!storage.store.find(name))
        return fail(
            err, NotFound,
            Text::tr("There is no keychain profile named \"%1\".").arg(aws::shownName(name)));
    const QString error = runRepositoryCall([&](QObject *context, auto done) {
        storage.repository.remove(name, context, std::move(done));
    });
    if (!error.isEmpty())
        return fail(err, AuthError, error);
    err << Text::tr("Removed profile \"%1\".").arg(name) << Qt::endl;
    return Success;
}

int import(profiles::ProfileStorage &storage, const aws::SharedConfig &shared,
           const QStringList &names, QTextStream &err)
{
    if (names.isEmpty())
        return fail(err, UsageError,
                    Text::tr("profile import needs at least one AWS CLI profile NAME."));
    int result = Success;
    for (const QString &name : names) {
        const auto profile = shared.profile(name);
        if (!profile) {
            result = fail(
                err, NotFound,
                Text::tr("There is no AWS CLI profile named \"%1\".").arg(aws::shownName(name)));
            continue;
        }
        if (!profile->hasStaticKeys()) {
            result =
                fail(err, UsageError,
                     Text::tr("AWS CLI profile \"%1\" has no access keys to import (only keys can "
                              "be kept in the keychain; it keeps working from the AWS CLI files).")
                         .arg(name));
            continue;
        }
        const QString error = runRepositoryCall([&](QObject *context, auto done) {
            storage.repository.save({name, profile->region, profile->accessKeyId, false},
                                    {profile->secretAccessKey, profile->sessionToken}, context,
                                    std::move(done));
        });
        if (!error.isEmpty()) {
            result = fail(err, AuthError, error);
            continue;
        }
        err << Text::tr("Imported \"%1\" into the keychain.").arg(name) << Qt::endl;
    }
    return result;
}

} // namespace

int runProfileCommand(const QStringList &arguments, const QProcessEnvironment &environment,
                      QTextStream &out, QTextStream &err)
{
    const QString command = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h")) {
        out << helpText() << Qt::flush;
        return command.isEmpty() ? UsageError : Success;
    }
    profiles::ProfileStorage storage;
    QString sharedError;
    const aws::SharedConfig shared = aws::SharedConfig::load(environment, &sharedError);
    if (command == QLatin1String("list"))
        return list(storage, shared, out);
    if (command == QLatin1String("add"))
        return add(storage, rest, err);
    if (command == QLatin1String("remove"))
        return remove(storage, rest, err);
    if (command == QLatin1String("import")) {
        if (!sharedError.isEmpty())
            return fail(err, UsageError, sharedError);
        return import(storage, shared, rest, err);
    }
    return fail(err, UsageError,
                Text::tr("Unknown profile command \"%1\" (see profile --help).").arg(command));
}

} // namespace cli
