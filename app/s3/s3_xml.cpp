#include "s3/s3_xml.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

namespace s3 {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(s3::Xml)
};

} // namespace

bool walkXml(const QByteArray &xml, const XmlBounds &bounds,
             const std::function<bool(const XmlElement &)> &visit, QString *problem)
{
    const auto fail = [problem](const QString &why) {
        if (problem)
            *problem = why;
        return false;
    };
    if (xml.size() > bounds.maxBytes)
        return fail(Text::tr("the XML document is larger than %1 bytes").arg(bounds.maxBytes));
    QXmlStreamReader reader(xml);
    QStringList path;
    QString text;
    bool hasChildren = false;
    int elements = 0;
    bool sawRoot = false;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::DTD:
        case QXmlStreamReader::EntityReference:
            return fail(Text::tr("the XML document declares a DTD or entities"));
        case QXmlStreamReader::StartElement:
            if (path.size() >= bounds.maxDepth)
                return fail(
                    Text::tr("the XML document nests deeper than %1 levels").arg(bounds.maxDepth));
            if (++elements > bounds.maxElements)
                return fail(
                    Text::tr("the XML document has more than %1 elements").arg(bounds.maxElements));
            if (path.isEmpty() && sawRoot)
                return fail(Text::tr("the XML document has more than one root element"));
            sawRoot = true;
            path.append(reader.name().toString());
            text.clear();
            hasChildren = false;
            if (!visit(XmlElement{false, path, {}}))
                return false;
            break;
        case QXmlStreamReader::Characters:
            if (!path.isEmpty() && !hasChildren) {
                if (text.size() + reader.text().size() > bounds.maxTextChars)
                    return fail(Text::tr("an XML element holds more than %1 characters")
                                    .arg(bounds.maxTextChars));
                text += reader.text();
            }
            break;
        case QXmlStreamReader::EndElement: {
            const bool leaf = !hasChildren;
            if (!visit(XmlElement{true, path, leaf ? text : QString()}))
                return false;
            path.removeLast();
            text.clear();
            hasChildren = true; // the parent has at least this child
            break;
        }
        default:
            break;
        }
    }
    if (reader.hasError())
        return fail(Text::tr("not well-formed XML (%1, line %2)")
                        .arg(reader.errorString())
                        .arg(reader.lineNumber()));
    if (!sawRoot)
        return fail(Text::tr("no XML element"));
    return true;
}

} // namespace s3
