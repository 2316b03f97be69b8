#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message {
    QString context;
    QString source;
    QString type;             // "unfinished" until a translator is done with it
    QStringList translations; // one, or one per plural form
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (xml.readNextStartElement()) {
        const auto name = xml.name();
        if (name == QLatin1String("TS"))
            continue;
        if (name == QLatin1String("context")) {
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("name")) {
                    context = xml.readElementText();
                } else if (xml.name() == QLatin1String("message")) {
                    Message message;
                    message.context = context;
                    while (xml.readNextStartElement()) {
                        if (xml.name() == QLatin1String("source")) {
                            message.source = xml.readElementText();
                        } else if (xml.name() == QLatin1String("translation")) {
                            message.type = xml.attributes().value(QLatin1String("type")).toString();
                            QString text;
                            while (xml.readNext() != QXmlStreamReader::EndElement ||
                                   xml.name() != QLatin1String("translation")) {
                                if (xml.isCharacters())
                                    text += xml.text();
                                else if (xml.isStartElement()) // <numerusform>
                                    message.translations.append(xml.readElementText());
                                if (xml.atEnd())
                                    break;
                            }
                            if (message.translations.isEmpty())
                                message.translations.append(text);
                        } else {
                            xml.skipCurrentElement();
                        }
                    }
                    messages.append(message);
                } else {
                    xml.skipCurrentElement();
                }
            }
        } else {
            xml.skipCurrentElement();
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QString describe(const Message &message)
{
    return QStringLiteral("  [%1] %2").arg(message.context, message.source);
}

QStringList sortedMatches(const QRegularExpression &pattern, const QString &text)
{
    QStringList found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found.append(match.captured());
    found.sort();
    return found;
}

int acceleratorCount(const QString &text)
{
    // "&&" is a literal ampersand; "& " is no accelerator anyone means.
    static const QRegularExpression accelerator(QStringLiteral("(?<!&)&(?=[^&\\s])"));
    return static_cast<int>(sortedMatches(accelerator, text).size());
}

QString edgeSpace(const QString &text, bool leading)
{
    static const QRegularExpression leadingSpace(QStringLiteral("^\\s*"));
    static const QRegularExpression trailingSpace(QStringLiteral("\\s*$"));
    return (leading ? leadingSpace : trailingSpace).match(text).captured();
}

} // namespace

// The translation sources against the code as it is now: lupdate runs over app/ and ui/ into
// copies of the .ts files, exactly as packaging/update-translations.sh does, so a string added to
// the code without a translation fails here with its text.
class TestTranslationFiles : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyMessageIsTranslated_data();
    void everyMessageIsTranslated();
    void translationsKeepPlaceholdersAndForm_data();
    void translationsKeepPlaceholdersAndForm();

private:
    void addFileRows();

    QTemporaryDir m_updated;
    QStringList m_files;
};

void TestTranslationFiles::initTestCase()
{
    QVERIFY(m_updated.isValid());
    QProcess update;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LUPDATE"), QStringLiteral(IVS_LUPDATE));
    update.setProcessEnvironment(environment);
    update.start(QStringLiteral("sh"),
                 {QStringLiteral(IVS_SOURCE_DIR "/packaging/update-translations.sh"),
                  QStringLiteral("--into"), m_updated.path()});
    QVERIFY(update.waitForFinished(120000));
    const QString errors = QString::fromLocal8Bit(update.readAllStandardError());
    QVERIFY2(update.exitStatus() == QProcess::NormalExit && update.exitCode() == 0,
             qPrintable(errors));
    // A tr() outside a class lupdate can name files its message under another context than the
    // one the program looks it up in: the message would count as translated yet never show.
    const QStringList misplaced =
        errors.split(QLatin1Char('\n')).filter(QStringLiteral("lacks Q_OBJECT"));
    QVERIFY2(misplaced.isEmpty(), qPrintable(misplaced.join(QLatin1Char('\n'))));
    m_files = QString::fromLocal8Bit(update.readAllStandardOutput())
                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // One file for the core and one for the window, per language; German at least.
    QVERIFY2(m_files.contains(m_updated.filePath(QStringLiteral("ivs_core_de.ts"))),
             qPrintable(m_files.join(QLatin1Char(' '))));
    QVERIFY2(m_files.contains(m_updated.filePath(QStringLiteral("ivs_ui_de.ts"))),
             qPrintable(m_files.join(QLatin1Char(' '))));
}

void TestTranslationFiles::addFileRows()
{
    QTest::addColumn<QString>("path");
    for (const QString &path : std::as_const(m_files))
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void TestTranslationFiles::everyMessageIsTranslated_data()
{
    addFileRows();
}

void TestTranslationFiles::everyMessageIsTranslated()
{
    QFETCH(QString, path);
    QString error;
    const QList<Message> messages = readTs(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!messages.isEmpty());
    QStringList untranslated;
    for (const Message &message : messages) {
        const bool empty = std::any_of(message.translations.cbegin(), message.translations.cend(),
                                       [](const QString &text) { return text.isEmpty(); });
        if (message.type == QLatin1String("unfinished") || empty)
            untranslated.append(describe(message));
    }
    QVERIFY2(
        untranslated.isEmpty(),
        qPrintable(QStringLiteral("%1 of %2 messages have no finished translation in %3; run "
                                  "packaging/update-translations.sh, translate them in the "
                                  ".ts file (or with linguist) and mark them finished:\n%4")
                       .arg(untranslated.size())
                       .arg(messages.size())
                       .arg(QFileInfo(path).fileName(), untranslated.join(QLatin1Char('\n')))));
}

void TestTranslationFiles::translationsKeepPlaceholdersAndForm_data()
{
    addFileRows();
}

void TestTranslationFiles::translationsKeepPlaceholdersAndForm()
{
    QFETCH(QString, path);
    static const QRegularExpression placeholder(QStringLiteral("%(?:n|L?[1-9][0-9]?)"));
    QString error;
    const QList<Message> messages = readTs(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList problems;
    for (const Message &message : messages) {
        for (const QString &translation : message.translations) {
            if (translation.isEmpty())
                continue; // everyMessageIsTranslated reports it
            QStringList why;
            if (sortedMatches(placeholder, translation) !=
                sortedMatches(placeholder, message.source))
                why.append(QStringLiteral("placeholders differ"));
            if (acceleratorCount(translation) != acceleratorCount(message.source))
                why.append(QStringLiteral("accelerator (&) added or lost"));
            if (edgeSpace(translation, true) != edgeSpace(message.source, true) ||
                edgeSpace(translation, false) != edgeSpace(message.source, false))
                why.append(QStringLiteral("leading or trailing space or line break differs"));
            if (message.source.endsWith(QChar(0x2026)) != translation.endsWith(QChar(0x2026)))
                why.append(QStringLiteral("\u2026 at the end added or lost"));
            if (!why.isEmpty())
                problems.append(describe(message) + QStringLiteral("\n    -> ") + translation +
                                QStringLiteral("\n    (") + why.join(QStringLiteral(", ")) +
                                QLatin1Char(')'));
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestTranslationFiles)
#include "tst_translation_files.moc"
