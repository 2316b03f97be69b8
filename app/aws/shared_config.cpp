#include "aws/shared_config.h"

#include "files/bounded_file.h"

#include <algorithm>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace aws {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(aws::SharedConfig)
};

// An AWS config or credentials file is a few KiB; anything past this is not one.
constexpr qint64 kMaxAwsFileBytes = 1024 * 1024;

// "~/.aws/config:12: skipped …"
QString located(const QString &label, int line, const QString &what)
{
    return QStringLiteral("%1:%2: %3").arg(label, QString::number(line), what);
}

struct IniSection {
    QString header; // text between the brackets, trimmed
    int line = 0;
    SharedConfig::Section section;
};

bool isCommentOrBlank(const QString &trimmed)
{
    return trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')) ||
           trimmed.startsWith(QLatin1Char(';'));
}

qsizetype indentation(const QString &line)
{
    qsizetype count = 0;
    while (count < line.size() &&
           (line.at(count) == QLatin1Char(' ') || line.at(count) == QLatin1Char('\t')))
        ++count;
    return count;
}

// The INI dialect shared by both files, as botocore's parser reads it. Lines indented deeper than
// the key above them continue that key: as sub-keys when the key's own value is empty
// (`s3 =` / `  max_concurrent_requests = 10`), else as further lines of its value. Warnings name
// file and line only: the skipped text may be a secret pasted in the wrong place.
QList<IniSection> parseIni(const QByteArray &text, const QString &label, QStringList *warnings)
{
    auto warn = [&](int line, const QString &what) {
        warnings->append(located(label, line, what));
    };

    QString decoded = QString::fromUtf8(text);
    if (decoded.startsWith(QChar(0xFEFF)))
        decoded.remove(0, 1);

    QList<IniSection> sections; // keys go to the last one
    enum class Position { BeforeFirstSection, InSection, InMalformedSection };
    Position position = Position::BeforeFirstSection;
    QString currentKey;
    qsizetype currentKeyIndent = 0;
    bool currentKeyIsNested = false;

    const QStringList lines = decoded.split(QLatin1Char('\n'));
    for (qsizetype index = 0; index < lines.size(); ++index) {
        const int lineNumber = int(index + 1);
        QString line = lines.at(index);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (isCommentOrBlank(trimmed))
            continue;
        const qsizetype indent = indentation(line);

        if (!currentKey.isEmpty() && indent > currentKeyIndent) {
            if (!currentKeyIsNested) {
                QString &value = sections.last().section.values[currentKey];
                value += QLatin1Char('\n') + trimmed;
                continue;
            }
            const qsizetype equals = trimmed.indexOf(QLatin1Char('='));
            const QString subKey = trimmed.left(equals).trimmed().toLower();
            if (equals < 0 || subKey.isEmpty()) {
                warn(lineNumber, Text::tr("skipped an indented line that is not \"key = value\""));
                continue;
            }
            sections.last().section.nested[currentKey].insert(subKey,
                                                              trimmed.mid(equals + 1).trimmed());
            continue;
        }
        currentKey.clear();

        if (trimmed.startsWith(QLatin1Char('['))) {
            const qsizetype close = trimmed.indexOf(QLatin1Char(']'));
            const QString after = close < 0 ? QString() : trimmed.mid(close + 1).trimmed();
            const QString header = close < 0 ? QString() : trimmed.mid(1, close - 1).trimmed();
            if (close < 0 || header.isEmpty() || !isCommentOrBlank(after)) {
                // Its keys belong nowhere: not to the section above, which they would corrupt.
                warn(lineNumber,
                     Text::tr("skipped a malformed section header and the keys below it"));
                position = Position::InMalformedSection;
                continue;
            }
            sections.append(IniSection{header, lineNumber, {}});
            position = Position::InSection;
            continue;
        }

        if (position == Position::InMalformedSection)
            continue;
        if (position == Position::BeforeFirstSection) {
            warn(lineNumber, Text::tr("skipped a line above the first [section] header"));
            continue;
        }
        const qsizetype equals = trimmed.indexOf(QLatin1Char('='));
        const QString key = trimmed.left(equals).trimmed().toLower();
        if (equals < 0 || key.isEmpty()) {
            warn(lineNumber, Text::tr("skipped a line that is not \"key = value\""));
            continue;
        }
        const QString value = trimmed.mid(equals + 1).trimmed();
        sections.last().section.values.insert(key, value);
        sections.last().section.nested.remove(key);
        currentKey = key;
        currentKeyIndent = indent;
        currentKeyIsNested = value.isEmpty();
    }
    return sections;
}

// `top`'s keys replace `base`'s, a nested block as a whole, like Python's dict.update() in
// botocore.
void overlay(SharedConfig::Section *base, const SharedConfig::Section &top)
{
    for (auto it = top.values.cbegin(); it != top.values.cend(); ++it) {
        base->values.insert(it.key(), it.value());
        base->nested.remove(it.key());
    }
    for (auto it = top.nested.cbegin(); it != top.nested.cend(); ++it)
        base->nested.insert(it.key(), it.value());
}

// A section seen twice is merged with the later values winning; the AWS CLI rejects the whole
// file instead, so the user hears about it.
void mergeInto(QMap<QString, SharedConfig::Section> *target, const QString &name,
               const IniSection &parsed, const QString &label, QStringList *warnings)
{
    auto existing = target->find(name);
    if (existing == target->end()) {
        target->insert(name, parsed.section);
        return;
    }
    warnings->append(located(
        label, parsed.line,
        Text::tr("section [%1] appears more than once; later values win").arg(parsed.header)));
    overlay(&*existing, parsed.section);
}

// "profile dev" → "dev"; empty when the header is not of that kind or names nothing usable.
// botocore splits headers shell-style, so quotes may wrap a name that contains spaces.
QString sectionName(const QString &header, const QString &kind)
{
    if (!header.startsWith(kind) || header.size() <= kind.size() ||
        !header.at(kind.size()).isSpace())
        return {};
    const QString name = header.mid(kind.size()).trimmed();
    const bool quoted = name.size() >= 2 &&
                        (name.front() == QLatin1Char('"') || name.front() == QLatin1Char('\'')) &&
                        name.back() == name.front();
    if (quoted)
        return name.mid(1, name.size() - 2);
    const bool hasSpace =
        std::any_of(name.cbegin(), name.cend(), [](QChar c) { return c.isSpace(); });
    return hasSpace ? QString() : name;
}

bool isTrue(const QString &value)
{
    return value.trimmed().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

QString expandHome(const QString &path, const QString &home)
{
    if (home.isEmpty())
        return path;
    if (path == QLatin1String("~"))
        return home;
    if (path.startsWith(QLatin1String("~/")))
        return home + path.mid(1);
    return path;
}

// "~/.aws/config" rather than "/home/someone/.aws/config": shorter in the UI, and what users type.
QString displayPath(const QString &path, const QString &home)
{
    if (!home.isEmpty() && path.startsWith(home + QLatin1Char('/')))
        return QLatin1Char('~') + path.mid(home.size());
    return path;
}

QString resolvePath(const QProcessEnvironment &environment, const QString &variable,
                    const QString &fileName)
{
    const QString home = environment.value(QStringLiteral("HOME"));
    const QString configured = environment.value(variable).trimmed();
    if (!configured.isEmpty())
        return expandHome(configured, home);
    if (home.isEmpty())
        return {};
    return home + QStringLiteral("/.aws/") + fileName;
}

bool readIfPresent(const QString &path, QByteArray *text, QString *error)
{
    if (path.isEmpty())
        return true;
    if (!QFileInfo::exists(path))
        return true;
    // Nothing a real AWS file holds comes near this; a FIFO or a device is refused unread.
    const auto bytes = files::readBounded(path, kMaxAwsFileBytes, files::Accept::RegularFiles,
                                          Text::tr("the AWS file"), error);
    if (!bytes)
        return false;
    *text = *bytes;
    return true;
}

} // namespace

void SharedConfig::parseConfigFile(const QByteArray &text, const QString &label)
{
    QMap<QString, Section> plainDefault;    // [default]
    QMap<QString, Section> prefixedDefault; // [profile default]
    int plainDefaultLine = 0;
    for (const IniSection &parsed : parseIni(text, label, &m_warnings)) {
        if (parsed.header == QLatin1String("default")) {
            plainDefaultLine = plainDefaultLine ? plainDefaultLine : parsed.line;
            mergeInto(&plainDefault, parsed.header, parsed, label, &m_warnings);
            continue;
        }
        if (const QString name = sectionName(parsed.header, QStringLiteral("services"));
            !name.isEmpty()) {
            mergeInto(&m_services, name, parsed, label, &m_warnings);
            continue;
        }
        if (!parsed.header.startsWith(QLatin1String("profile")))
            continue; // sso-session, plugins, preview, …: not ours to read
        const QString name = sectionName(parsed.header, QStringLiteral("profile"));
        if (name.isEmpty()) {
            m_warnings.append(located(
                label, parsed.line,
                Text::tr("skipped section [%1]: expected [profile NAME]").arg(parsed.header)));
            continue;
        }
        mergeInto(name == QLatin1String("default") ? &prefixedDefault : &m_configProfiles, name,
                  parsed, label, &m_warnings);
    }

    // Like the SDKs: an explicit [profile default] wins over a bare [default].
    if (!prefixedDefault.isEmpty() && !plainDefault.isEmpty()) {
        m_warnings.append(
            located(label, plainDefaultLine,
                    Text::tr("both [default] and [profile default] exist; [default] is ignored")));
    }
    if (!prefixedDefault.isEmpty())
        m_configProfiles.insert(QStringLiteral("default"), prefixedDefault.first());
    else if (!plainDefault.isEmpty())
        m_configProfiles.insert(QStringLiteral("default"), plainDefault.first());
}

void SharedConfig::parseCredentialsFile(const QByteArray &text, const QString &label)
{
    // Section names are profile names as written: the AWS CLI reads [profile x] here as a
    // profile called "profile x".
    for (const IniSection &parsed : parseIni(text, label, &m_warnings))
        mergeInto(&m_credentialsProfiles, parsed.header, parsed, label, &m_warnings);
}

SharedConfig SharedConfig::parse(const QByteArray &configText, const QByteArray &credentialsText)
{
    SharedConfig config;
    config.parseConfigFile(configText, config.m_configLabel);
    config.parseCredentialsFile(credentialsText, config.m_credentialsLabel);
    return config;
}

SharedConfig SharedConfig::load(const QProcessEnvironment &environment, QString *error)
{
    const QString home = environment.value(QStringLiteral("HOME"));
    SharedConfig config;
    config.m_configPath =
        resolvePath(environment, QStringLiteral("AWS_CONFIG_FILE"), QStringLiteral("config"));
    config.m_credentialsPath = resolvePath(
        environment, QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), QStringLiteral("credentials"));
    config.m_configLabel = displayPath(config.m_configPath, home);
    config.m_credentialsLabel = displayPath(config.m_credentialsPath, home);

    QStringList errors;
    QString readError;
    QByteArray configText;
    if (!readIfPresent(config.m_configPath, &configText, &readError))
        errors.append(readError);
    QByteArray credentialsText;
    if (!readIfPresent(config.m_credentialsPath, &credentialsText, &readError))
        errors.append(readError);

    config.parseConfigFile(configText, config.m_configLabel);
    config.parseCredentialsFile(credentialsText, config.m_credentialsLabel);
    if (error)
        *error = errors.join(QLatin1Char(' '));
    return config;
}

QStringList SharedConfig::profileNames() const
{
    QStringList names = m_configProfiles.keys();
    for (const QString &name : m_credentialsProfiles.keys()) {
        if (!m_configProfiles.contains(name))
            names.append(name);
    }
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        const bool aDefault = a == QLatin1String("default");
        const bool bDefault = b == QLatin1String("default");
        if (aDefault != bDefault)
            return aDefault;
        const int folded = a.compare(b, Qt::CaseInsensitive);
        return folded != 0 ? folded < 0 : a < b;
    });
    return names;
}

std::optional<SharedConfig::Section> SharedConfig::mergedSection(const QString &profileName) const
{
    const auto config = m_configProfiles.constFind(profileName);
    const auto credentials = m_credentialsProfiles.constFind(profileName);
    if (config == m_configProfiles.cend() && credentials == m_credentialsProfiles.cend())
        return std::nullopt;
    // The CLI's order: the credentials file's keys replace the config file's.
    Section merged = config != m_configProfiles.cend() ? *config : Section{};
    if (credentials != m_credentialsProfiles.cend())
        overlay(&merged, *credentials);
    return merged;
}

std::optional<SharedProfile> SharedConfig::profile(const QString &name) const
{
    const std::optional<Section> merged = mergedSection(name);
    if (!merged)
        return std::nullopt;
    const auto get = [&merged](const char *key) {
        return merged->values.value(QLatin1String(key));
    };

    SharedProfile profile;
    profile.name = name;
    profile.region = get("region");
    profile.accessKeyId = get("aws_access_key_id");
    profile.secretAccessKey = get("aws_secret_access_key");
    profile.sessionToken = get("aws_session_token");
    profile.credentialProcess = get("credential_process");
    profile.endpointUrl = get("endpoint_url");
    profile.servicesSection = get("services");
    profile.ignoreConfiguredEndpointUrls = isTrue(get("ignore_configured_endpoint_urls"));

    // Point the user at the section that supplies the credentials, else at the profile itself.
    const auto configSection = m_configProfiles.constFind(name);
    const auto credentialsSection = m_credentialsProfiles.constFind(name);
    const bool inConfig = configSection != m_configProfiles.cend();
    const bool inCredentials = credentialsSection != m_credentialsProfiles.cend();
    std::optional<bool> fromCredentials;
    for (const char *key : {"aws_access_key_id", "credential_process"}) {
        if (inCredentials && credentialsSection->values.contains(QLatin1String(key)))
            fromCredentials = true;
        else if (inConfig && configSection->values.contains(QLatin1String(key)))
            fromCredentials = false;
        if (fromCredentials.has_value())
            break;
    }
    if (fromCredentials.value_or(!inConfig))
        profile.sourceDescription = QStringLiteral("%1 [%2]").arg(m_credentialsLabel, name);
    else if (name == QLatin1String("default"))
        profile.sourceDescription = QStringLiteral("%1 [default]").arg(m_configLabel);
    else
        profile.sourceDescription = QStringLiteral("%1 [profile %2]").arg(m_configLabel, name);
    return profile;
}

QString SharedConfig::value(const QString &profileName, const QString &key) const
{
    const std::optional<Section> merged = mergedSection(profileName);
    return merged ? merged->values.value(key.toLower()) : QString();
}

QString SharedConfig::serviceEndpointUrl(const QString &profileName,
                                         const QString &serviceKey) const
{
    const QString servicesName = value(profileName, QStringLiteral("services"));
    if (servicesName.isEmpty())
        return {};
    const auto services = m_services.constFind(servicesName);
    if (services == m_services.cend())
        return {};
    return services->nested.value(serviceKey.toLower()).value(QStringLiteral("endpoint_url"));
}

QString defaultProfileName(const QProcessEnvironment &environment)
{
    for (const QString &variable :
         {QStringLiteral("AWS_PROFILE"), QStringLiteral("AWS_DEFAULT_PROFILE")}) {
        const QString name = environment.value(variable).trimmed();
        if (!name.isEmpty())
            return name;
    }
    return QStringLiteral("default");
}

} // namespace aws
