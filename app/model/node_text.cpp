#include "model/node_text.h"

#include "model/stage_tree_node.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace model {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("model::StageTree", text);
}

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

bool equalsDefault(const StageTreeNode &node)
{
    return node.spec && node.spec->hasDefault() && node.value == node.spec->defaultValue;
}

} // namespace

QString displayText(const StageTreeNode &node)
{
    if (node.spec && node.spec->type == ivs::FieldType::StringMap) {
        const qsizetype count = node.value.toObject().size();
        if (node.origin == ValueOrigin::NotReturned)
            return QStringLiteral("—");
        if (count == 0)
            return tr("no tags");
        return count == 1 ? tr("1 tag") : tr("%1 tags").arg(count);
    }
    if (node.isGroup())
        return {};
    if (node.value.isUndefined() || node.value.isNull())
        return QStringLiteral("—");
    if (node.value.isString() && node.value.toString().isEmpty())
        return tr("(empty)");
    if (node.value.isArray() && node.value.toArray().isEmpty())
        return tr("(none)");
    return plainValue(node.value);
}

QString copyText(const StageTreeNode &node)
{
    if (node.isGroup())
        return QString::fromUtf8(
            QJsonDocument(node.value.toObject()).toJson(QJsonDocument::Indented));
    return plainValue(node.value);
}

QString noteText(const StageTreeNode &node)
{
    const QString meaning = node.spec ? node.spec->absentMeaningText() : QString();
    switch (node.origin) {
    case ValueOrigin::Default:
        return meaning.isEmpty() ? tr("default") : tr("default — %1").arg(meaning);
    case ValueOrigin::NotReturned:
        return meaning.isEmpty() ? tr("not returned") : tr("not returned — %1").arg(meaning);
    case ValueOrigin::Service:
        break;
    }
    // An explicit value equal to the default still deserves its plain meaning ("recording is off").
    return equalsDefault(node) ? meaning : QString();
}

QString toolTipText(const StageTreeNode &node)
{
    if (!node.spec)
        return tr("Tag \"%1\" = \"%2\"").arg(node.key, node.value.toString());
    QString tip = node.spec->descriptionText();
    if (node.spec->hasDefault() && !node.isGroup())
        tip += QLatin1Char('\n') + tr("Documented default: %1")
                                       .arg(plainValue(node.spec->defaultValue).isEmpty()
                                                ? QStringLiteral("\"\"")
                                                : plainValue(node.spec->defaultValue));
    if (node.origin == ValueOrigin::Default)
        tip += QLatin1Char('\n') + tr("The service did not return this field; the documented "
                                      "default is shown.");
    else if (node.origin == ValueOrigin::NotReturned)
        tip += QLatin1Char('\n') + tr("The service did not return this field.");
    if (!node.path.isEmpty())
        tip += QLatin1Char('\n') + node.path;
    return tip;
}

} // namespace model
