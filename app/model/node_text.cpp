#include "model/node_text.h"

#include "model/stage_tree_node.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace model {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(model::StageTree)
};

QString plainValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array: {
        QStringList items;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            items.append(plainValue(item));
        return items.join(QStringLiteral(", "));
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented))
            .trimmed();
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QString displayTextOf(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return QStringLiteral("—");
    if (value.isString() && value.toString().isEmpty())
        return QCoreApplication::translate("model::StageTree", "(empty)");
    return plainValue(value);
}

bool equalsDefault(const StageTreeNode &node)
{
    return node.spec && node.spec->hasDefault() && node.value == node.spec->defaultValue;
}

} // namespace

namespace {

// The value a group stands for, from its rows as they are now (pending edits included).
QJsonValue currentGroupValue(const StageTreeNode &node)
{
    if (!node.isGroup())
        return node.currentValue();
    QJsonObject object;
    for (const auto &child : node.children) {
        if (child->editState == EditState::Removed)
            continue;
        const QJsonValue value = currentGroupValue(*child);
        if (!value.isUndefined())
            object.insert(child->key, value);
    }
    return object;
}

int visibleTagCount(const StageTreeNode &tags)
{
    int count = 0;
    for (const auto &child : tags.children)
        count += child->editState == EditState::Removed ? 0 : 1;
    return count;
}

} // namespace

QString displayText(const StageTreeNode &node)
{
    if (node.spec && node.spec->type == ivs::FieldType::StringMap) {
        const int count = visibleTagCount(node);
        if (node.origin == ValueOrigin::NotReturned && node.children.empty())
            return QStringLiteral("—");
        if (count == 0)
            return Text::tr("no tags");
        return count == 1 ? Text::tr("1 tag") : Text::tr("%1 tags").arg(count);
    }
    if (node.isGroup())
        return {};
    const QJsonValue &value = node.currentValue();
    if (value.isUndefined() || value.isNull())
        return QStringLiteral("—");
    if (value.isString() && value.toString().isEmpty())
        return Text::tr("(empty)");
    if (value.isArray() && value.toArray().isEmpty())
        return Text::tr("(none)");
    return plainValue(value);
}

QString copyText(const StageTreeNode &node)
{
    if (node.isGroup())
        return QString::fromUtf8(
            QJsonDocument(currentGroupValue(node).toObject()).toJson(QJsonDocument::Indented));
    return plainValue(node.currentValue());
}

QString noteText(const StageTreeNode &node)
{
    switch (node.editState) {
    case EditState::Changed:
        return Text::tr("edited — was %1").arg(displayTextOf(node.value));
    case EditState::Added:
        return Text::tr("new tag — not applied yet");
    case EditState::Removed:
        return Text::tr("will be deleted");
    case EditState::Unchanged:
        break;
    }
    if (node.isGroup() && node.hasPendingEdit())
        return Text::tr("edited");
    const QString meaning = node.spec ? node.spec->absentMeaningText() : QString();
    switch (node.origin) {
    case ValueOrigin::Default:
        return meaning.isEmpty() ? Text::tr("default") : Text::tr("default — %1").arg(meaning);
    case ValueOrigin::NotReturned:
        return meaning.isEmpty() ? Text::tr("not returned")
                                 : Text::tr("not returned — %1").arg(meaning);
    case ValueOrigin::Service:
        break;
    }
    // An explicit value equal to the default still deserves its plain meaning ("recording is off").
    return equalsDefault(node) ? meaning : QString();
}

QString toolTipText(const StageTreeNode &node)
{
    if (!node.spec)
        return Text::tr("Tag \"%1\" = \"%2\"").arg(node.key, node.currentValue().toString());
    QString tip = node.spec->descriptionText();
    if (node.spec->hasDefault() && !node.isGroup())
        tip += QLatin1Char('\n') + Text::tr("Documented default: %1")
                                       .arg(plainValue(node.spec->defaultValue).isEmpty()
                                                ? QStringLiteral("\"\"")
                                                : plainValue(node.spec->defaultValue));
    if (node.origin == ValueOrigin::Default)
        tip += QLatin1Char('\n') + Text::tr("The service did not return this field; the documented "
                                            "default is shown.");
    else if (node.origin == ValueOrigin::NotReturned)
        tip += QLatin1Char('\n') + Text::tr("The service did not return this field.");
    if (!node.path.isEmpty())
        tip += QLatin1Char('\n') + node.path;
    return tip;
}

} // namespace model
