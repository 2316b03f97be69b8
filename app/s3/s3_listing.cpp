#include "s3/s3_listing.h"

#include "s3/s3_xml.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace s3 {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(s3::Listing)
};

const QString kRoot = QStringLiteral("ListBucketResult");
const QString kContents = QStringLiteral("Contents");

// Keys still as listed, decoded once the whole page (and its EncodingType) is known.
struct RawObject {
    QString key;
    bool hasKey = false;
    ObjectInfo info;
};

bool isTrue(const QString &text)
{
    return text.trimmed().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

} // namespace

QByteArray stripEtagQuotes(const QByteArray &etag)
{
    QByteArray stripped = etag.trimmed();
    if (stripped.startsWith("W/"))
        stripped = stripped.mid(2);
    if (stripped.size() >= 2 && stripped.startsWith('"') && stripped.endsWith('"'))
        stripped = stripped.mid(1, stripped.size() - 2);
    return stripped;
}

std::optional<QString> decodeListedKey(const QByteArray &encoded)
{
    QByteArray plus = encoded;
    plus.replace('+', ' ');
    const QByteArray bytes = QByteArray::fromPercentEncoding(plus);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString key = utf8.decode(bytes);
    if (utf8.hasError())
        return std::nullopt;
    return key;
}

std::optional<ListObjectsPage> parseListObjectsPage(const QByteArray &xml, QString *problem)
{
    QString why;
    ListObjectsPage page;
    QList<RawObject> raw;
    QString encodingType;
    const auto fail = [&why](const QString &reason) {
        why = reason;
        return false;
    };
    const bool walked = walkXml(
        xml, XmlBounds{},
        [&](const XmlElement &element) {
            const QStringList &path = element.path;
            if (path.size() == 1 && path.first() != kRoot)
                return fail(Text::tr("the answer is <%1>, not a listing (<%2>)")
                                .arg(path.first().left(64), kRoot));
            if (!element.end) {
                if (path.size() == 2 && path.at(1) == kContents)
                    raw.append(RawObject{});
                return true;
            }
            if (path.size() == 2) {
                const QString &name = path.at(1);
                if (name == QLatin1String("IsTruncated"))
                    page.truncated = isTrue(element.text);
                else if (name == QLatin1String("NextContinuationToken"))
                    page.nextContinuationToken = element.text;
                else if (name == QLatin1String("EncodingType"))
                    encodingType = element.text.trimmed();
                else if (name == kContents && !raw.last().hasKey)
                    return fail(Text::tr("an object in the listing has no key"));
                return true;
            }
            if (path.size() != 3 || path.at(1) != kContents)
                return true;
            RawObject &object = raw.last();
            const QString &name = path.at(2);
            if (name == QLatin1String("Key")) {
                object.key = element.text;
                object.hasKey = !element.text.isEmpty();
            } else if (name == QLatin1String("Size")) {
                bool number = false;
                object.info.size = element.text.trimmed().toLongLong(&number);
                if (!number || object.info.size < 0)
                    return fail(Text::tr("an object's size is not a number: \"%1\"")
                                    .arg(element.text.left(32)));
            } else if (name == QLatin1String("ETag")) {
                object.info.etag = stripEtagQuotes(element.text.toUtf8());
            } else if (name == QLatin1String("LastModified")) {
                object.info.lastModified =
                    QDateTime::fromString(element.text.trimmed(), Qt::ISODateWithMs).toUTC();
            }
            return true;
        },
        &why);
    if (!walked) {
        if (problem)
            *problem = why;
        return std::nullopt;
    }

    page.urlEncoded = encodingType.compare(QLatin1String("url"), Qt::CaseInsensitive) == 0;
    page.objects.reserve(raw.size());
    for (RawObject &object : raw) {
        if (page.urlEncoded) {
            const std::optional<QString> key = decodeListedKey(object.key.toUtf8());
            if (!key) {
                if (problem)
                    *problem = Text::tr("a listed key is not UTF-8 once decoded");
                return std::nullopt;
            }
            object.info.key = *key;
        } else {
            object.info.key = object.key;
        }
        if (object.info.key.toUtf8().size() > kMaxKeyBytes) {
            if (problem)
                *problem = Text::tr("a listed key is longer than %1 bytes").arg(kMaxKeyBytes);
            return std::nullopt;
        }
        page.objects.append(std::move(object.info));
    }
    return page;
}

} // namespace s3
