#include "document/stage_document.h"

#include "ivs/field_path.h"
#include "ivs/stage_arn.h"
#include "ivs/stage_resources.h"
#include "ivs/stage_rules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUndoCommand>
#include <QUndoStack>

namespace document {

namespace {

// Tag values: at most 256 characters (ivs::tagValueProblem holds the rule).
constexpr int kMaxTagValueLength = 256;

EditorSpec::Kind kindOf(ivs::FieldRule::Kind kind)
{
    using Kind = ivs::FieldRule::Kind;
    switch (kind) {
    case Kind::Text:
        return EditorSpec::Kind::Text;
    case Kind::Choice:
        return EditorSpec::Kind::Choice;
    case Kind::MultiChoice:
        return EditorSpec::Kind::MultiChoice;
    case Kind::Integer:
        return EditorSpec::Kind::Integer;
    case Kind::Boolean:
        return EditorSpec::Kind::Boolean;
    case Kind::StorageConfiguration:
        return EditorSpec::Kind::StorageConfiguration;
    }
    return EditorSpec::Kind::None;
}

// An edit as the rule for the field reads it: text, one or several choices, a number, on/off.
std::optional<QJsonValue> jsonForEdit(const ivs::FieldRule &rule, const QVariant &value)
{
    using Kind = ivs::FieldRule::Kind;
    switch (rule.kind) {
    case Kind::Text:
    case Kind::StorageConfiguration:
    case Kind::Choice:
        return QJsonValue(value.toString());
    case Kind::MultiChoice: {
        const QStringList items = value.typeId() == QMetaType::QStringList
                                      ? value.toStringList()
                                      : QStringList{value.toString()};
        return QJsonValue(QJsonArray::fromStringList(items));
    }
    case Kind::Integer: {
        bool ok = false;
        const qlonglong number = value.toLongLong(&ok);
        if (!ok)
            return std::nullopt;
        return QJsonValue(number);
    }
    case Kind::Boolean:
        if (value.typeId() != QMetaType::Bool)
            return std::nullopt;
        return QJsonValue(value.toBool());
    }
    return std::nullopt;
}

// The field's name as the tree shows it: the last part of its path.
QString fieldName(const QString &path)
{
    if (const auto key = ivs::fieldpath::tagKey(path))
        return *key;
    return path.section(QLatin1Char('.'), -1);
}

// What a new stage (or none) replaced, for the signals that say so.
struct Dropped {
    bool edits = false;
    bool stale = false;
    bool findings = false;
};

// A new stage, or none: the reset first, then whatever it took away.
void announceReset(StageDocument &document, Dropped dropped)
{
    emit document.stageReset();
    if (dropped.findings)
        emit document.findingsChanged();
    if (dropped.stale)
        emit document.staleChanged(false);
    if (dropped.edits)
        emit document.pendingEditsChanged(false);
}

} // namespace

// One undoable step: the whole edited configuration before and after it.
class ConfigEditCommand final : public QUndoCommand {
public:
    ConfigEditCommand(StageDocument &document, ivs::EditableConfig before,
                      ivs::EditableConfig after, const QString &text)
        : QUndoCommand(text)
        , m_document(document)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }
    void redo() override { m_document.showEditedConfig(m_after); }
    void undo() override { m_document.showEditedConfig(m_before); }

private:
    StageDocument &m_document;
    ivs::EditableConfig m_before;
    ivs::EditableConfig m_after;
};

StageDocument::StageDocument(QObject *parent)
    : QObject(parent)
    , m_undo(std::make_unique<QUndoStack>())
{
}

StageDocument::~StageDocument() = default;

QString StageDocument::arn() const
{
    return m_stage ? m_stage->arn() : QString();
}

void StageDocument::setStage(const ivs::Stage &stage)
{
    resetToStage(stage);
    m_undo->clear();
}

void StageDocument::resetToStage(const ivs::Stage &stage)
{
    const bool hadEdits = hasPendingEdits();
    const bool wasStale = m_stale;
    const bool hadFindings = !m_findings.isEmpty();
    m_stage = stage;
    m_stale = false;
    m_annotations.clear();
    m_findings.clear();
    m_original = ivs::EditableConfig::fromStage(stage);
    m_edited = m_original;
    announceReset(*this, {hadEdits, wasStale, hadFindings});
}

void StageDocument::clear()
{
    const bool hadEdits = hasPendingEdits();
    const bool wasStale = m_stale;
    const bool hadFindings = !m_findings.isEmpty();
    m_stage.reset();
    m_stale = false;
    m_annotations.clear();
    m_findings.clear();
    m_original = {};
    m_edited = {};
    m_undo->clear();
    announceReset(*this, {hadEdits, wasStale, hadFindings});
}

void StageDocument::replaceStageKeepingEdits(const ivs::Stage &stage)
{
    const ivs::EditableConfig target = m_edited;
    resetToStage(stage);
    if (target != m_original)
        showEditedConfig(target);
}

void StageDocument::setStale(bool stale)
{
    if (m_stale == stale)
        return;
    m_stale = stale;
    emit staleChanged(stale);
}

ivs::StageChanges StageDocument::pendingChanges() const
{
    return ivs::diffConfigs(arn(), m_original, m_edited);
}

void StageDocument::showEditedConfig(const ivs::EditableConfig &config)
{
    if (!m_stage || config == m_edited)
        return;
    const bool hadEdits = hasPendingEdits();
    m_edited = config;
    emit editsChanged();
    if (hadEdits != hasPendingEdits())
        emit pendingEditsChanged(hasPendingEdits());
}

bool StageDocument::pushEdit(const ivs::EditableConfig &after, const QString &description)
{
    if (!m_stage || after == m_edited)
        return false;
    m_undo->push(new ConfigEditCommand(*this, m_edited, after, description));
    return true;
}

bool StageDocument::refuse(const QString &reason, QString *error)
{
    if (error)
        *error = reason;
    emit editRejected(reason);
    return false;
}

bool StageDocument::setEditedConfig(const ivs::EditableConfig &config, const QString &description,
                                    QString *error)
{
    if (!m_stage) {
        if (error)
            *error = tr("No stage is shown.");
        return false;
    }
    const QStringList problems = ivs::configProblems(config);
    if (!problems.isEmpty()) {
        if (error)
            *error = problems.join(QLatin1Char('\n'));
        return false;
    }
    pushEdit(config, description);
    return true;
}

bool StageDocument::loadDocument(const QByteArray &json, QString *error)
{
    if (!m_stage) {
        *error = tr("Look up a stage first: the file is applied to the stage shown.");
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("The file is not JSON (%1 at byte %2).")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return false;
    }
    if (!document.isObject()) {
        *error = tr("The file holds JSON, but not an object: it is not a stage configuration.");
        return false;
    }
    const auto config = ivs::EditableConfig::fromDocument(document.object(), m_edited, error);
    return config && setEditedConfig(*config, tr("Load configuration from file"), error);
}

QByteArray StageDocument::exportDocument() const
{
    return QJsonDocument(m_edited.toDocument(arn())).toJson(QJsonDocument::Indented);
}

void StageDocument::revertEdits()
{
    showEditedConfig(m_original);
    m_undo->clear();
}

EditorSpec StageDocument::editorSpec(const QString &path) const
{
    EditorSpec spec;
    if (!m_stage)
        return spec;
    if (const auto key = ivs::fieldpath::tagKey(path)) {
        if (!m_edited.tags.contains(*key)) {
            spec.refusal = tr("Tag \"%1\" is to be deleted.").arg(*key);
            return spec;
        }
        spec.kind = EditorSpec::Kind::Text;
        spec.maximum = kMaxTagValueLength;
        spec.hint = tr("Tag values have at most 256 characters.");
        return spec;
    }
    const std::optional<ivs::FieldRule> rule = ivs::ruleForPath(path);
    if (!rule)
        return spec;
    // While recording is off the service resets the other recording settings: nothing to edit.
    if (rule->kind != ivs::FieldRule::Kind::StorageConfiguration &&
        ivs::fieldpath::isRecordingSetting(path) && m_edited.recordingOff()) {
        spec.refusal =
            tr("%1: recording is off. Choose a storage configuration first: while recording is "
               "off the service resets this setting to its default.")
                .arg(fieldName(path));
        return spec;
    }
    spec.kind = kindOf(rule->kind);
    spec.choices = rule->choices;
    spec.choiceLabels = rule->choices;
    spec.minimum = rule->minimum;
    spec.maximum = rule->maximum;
    spec.pattern = rule->pattern;
    spec.hint = rule->patternHint;
    if (rule->kind == ivs::FieldRule::Kind::StorageConfiguration) {
        spec.choiceLabels = {tr("(none — recording off)")};
        spec.choices = {QString()};
        for (const StorageChoice &choice : m_storageChoices) {
            spec.choiceLabels.append(choice.label);
            spec.choices.append(choice.arn);
        }
        if (storageConfigurationsInRegion() == 0)
            spec.note = ivs::noStorageConfigurationIn(m_storageChoicesRegion);
    }
    return spec;
}

bool StageDocument::setValue(const QString &path, const QVariant &value, QString *error)
{
    if (!m_stage)
        return refuse(tr("No stage is shown."), error);
    const EditorSpec spec = editorSpec(path);
    if (!spec.isEditable())
        return refuse(spec.refusal.isEmpty() ? tr("%1 cannot be changed.").arg(fieldName(path))
                                             : spec.refusal,
                      error);
    ivs::EditableConfig after = m_edited;
    if (const auto key = ivs::fieldpath::tagKey(path)) {
        const QString problem = ivs::tagValueProblem(value.toString());
        if (!problem.isEmpty())
            return refuse(tr("Tag \"%1\": %2").arg(*key, problem), error);
        after.tags.insert(*key, value.toString());
        return pushEdit(after, tr("Change tag \"%1\"").arg(*key)) || after == m_edited;
    }
    const ivs::FieldRule rule = *ivs::ruleForPath(path);
    const std::optional<QJsonValue> json = jsonForEdit(rule, value);
    const QString problem =
        json ? ivs::valueProblem(rule, *json) : tr("This is not a value for this field.");
    if (!problem.isEmpty())
        return refuse(tr("%1: %2").arg(fieldName(path), problem), error);
    after.setValue(path, *json);
    // Turning recording off resets the other settings: show that as it will happen.
    after = after.normalized();
    return pushEdit(after, tr("Change %1").arg(fieldName(path))) || after == m_edited;
}

bool StageDocument::addTag(const QString &key, const QString &value, QString *error)
{
    QString problem = ivs::tagKeyProblem(key);
    if (problem.isEmpty())
        problem = ivs::tagValueProblem(value);
    if (problem.isEmpty() && m_edited.tags.contains(key))
        problem = tr("There is already a tag \"%1\".").arg(key);
    if (problem.isEmpty() && m_edited.tags.size() >= ivs::kMaxTags)
        problem = tr("A stage can have at most %1 tags.").arg(ivs::kMaxTags);
    if (problem.isEmpty() && !m_stage)
        problem = tr("No stage is shown.");
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    ivs::EditableConfig after = m_edited;
    after.tags.insert(key, value);
    return pushEdit(after, tr("Add tag \"%1\"").arg(key));
}

bool StageDocument::renameTag(const QString &key, const QString &newKey, QString *error)
{
    QString problem = ivs::tagKeyProblem(newKey);
    if (problem.isEmpty() && !m_edited.tags.contains(key))
        problem = tr("There is no tag \"%1\".").arg(key);
    if (problem.isEmpty() && key != newKey && m_edited.tags.contains(newKey))
        problem = tr("There is already a tag \"%1\".").arg(newKey);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    ivs::EditableConfig after = m_edited;
    after.tags.insert(newKey, after.tags.take(key));
    return pushEdit(after, tr("Rename tag \"%1\" to \"%2\"").arg(key, newKey)) || key == newKey;
}

bool StageDocument::removeTag(const QString &key, QString *error)
{
    if (!m_edited.tags.contains(key)) {
        if (error)
            *error = tr("There is no tag \"%1\".").arg(key);
        return false;
    }
    ivs::EditableConfig after = m_edited;
    after.tags.remove(key);
    return pushEdit(after, tr("Delete tag \"%1\"").arg(key));
}

void StageDocument::setStorageChoices(const QList<StorageChoice> &choices)
{
    m_storageChoices = choices;
    const auto stageArn = ivs::StageArn::parse(arn());
    m_storageChoicesRegion = stageArn ? stageArn->region() : QString();
    emit storageChoicesChanged();
}

void StageDocument::forgetStorageChoices()
{
    if (m_storageChoices.isEmpty() && m_storageChoicesRegion.isEmpty())
        return;
    m_storageChoices.clear();
    m_storageChoicesRegion.clear();
    emit storageChoicesChanged();
}

std::optional<int> StageDocument::storageConfigurationsInRegion() const
{
    const auto stageArn = ivs::StageArn::parse(arn());
    if (!stageArn || m_storageChoicesRegion != stageArn->region())
        return std::nullopt;
    return static_cast<int>(m_storageChoices.size());
}

void StageDocument::setAnnotation(const QString &path, const QString &text, const QString &detail,
                                  bool isProblem)
{
    if (text.isEmpty()) {
        if (!m_annotations.remove(path))
            return;
    } else {
        const Annotation annotation{text, detail, isProblem};
        const auto found = m_annotations.constFind(path);
        if (found != m_annotations.cend() && *found == annotation)
            return;
        m_annotations.insert(path, annotation);
    }
    emit annotationChanged(path);
}

const StageDocument::Annotation *StageDocument::annotation(const QString &path,
                                                           bool evenIfEdited) const
{
    const auto found = m_annotations.constFind(path);
    if (found == m_annotations.cend())
        return nullptr;
    if (!evenIfEdited && m_original.valueAt(path) != m_edited.valueAt(path))
        return nullptr;
    return &found.value();
}

QString StageDocument::annotationText(const QString &path) const
{
    return m_annotations.value(path).text;
}

void StageDocument::setFindings(const QList<ivs::Finding> &findings)
{
    m_findings = findings;
    emit findingsChanged();
}

} // namespace document
