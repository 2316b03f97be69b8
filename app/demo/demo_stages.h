#pragma once

#include <QJsonObject>
#include <QList>

namespace demo {

// Sample stages served by the built-in demo endpoint. Together they show a fully configured
// recording, a stage that relies on documented defaults, and an older stage whose answer lacks
// whole sections.
QList<QJsonObject> sampleStages();

// Storage configurations (ListStorageConfigurations entries) for the recording settings: at least
// one in the region of every sample stage.
QList<QJsonObject> sampleStorageConfigurations();

// Ingest configurations (GetIngestConfiguration objects, stream keys included) for RTMP(S).
QList<QJsonObject> sampleIngestConfigurations();

} // namespace demo
