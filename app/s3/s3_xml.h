#pragma once

#include <functional>
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace s3 {

// How much of an XML document others wrote is read before giving up.
struct XmlBounds {
    qsizetype maxBytes = 8 * 1024 * 1024;
    int maxDepth = 16;
    int maxElements = 200000;
    qsizetype maxTextChars = 64 * 1024; // of one element
};

// One element seen by walkXml(): its start, or its end with its text. `path` holds the local
// names (namespaces ignored) from the root down to it: {"ListBucketResult", "Contents", "Key"}.
struct XmlElement {
    bool end = false;
    const QStringList &path;
    QString text; // at the end of an element without children: its text, entities resolved
};

// Walks `xml` with QXmlStreamReader, calling `visit` at each element's start and end; `visit`
// returning false stops the walk (a failure: it sets the problem itself). False, with a sentence
// in `problem`, when the document is not well-formed, declares a DTD, or goes past `bounds`.
bool walkXml(const QByteArray &xml, const XmlBounds &bounds,
             const std::function<bool(const XmlElement &)> &visit, QString *problem);

} // namespace s3
