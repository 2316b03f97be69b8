<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ui::AboutDialog</name>
    <message>
        <source>IVS Stage Browser</source>
        <translation>IVS Stage Browser</translation>
    </message>
    <message>
        <source>Copyright the IVS Stage Browser developers.
Licensed under the Apache License, Version 2.0.</source>
        <translation>Copyright die Entwickler von IVS Stage Browser.
Lizenziert unter der Apache License, Version 2.0.</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>QtKeychain</source>
        <translation>QtKeychain</translation>
    </message>
    <message>
        <source>Keeps the profiles&apos; secrets in the system keychain.</source>
        <translation>Bewahrt die Geheimnisse der Profile im Schlüsselbund des Systems auf.</translation>
    </message>
    <message>
        <source>License of %1</source>
        <translation>Lizenz von %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1 is a program or library, %2 its license&apos;s SPDX identifier</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <extracomment>%1 is a program or library, %2 its version, %3 its license&apos;s SPDX identifier</extracomment>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>About IVS Stage Browser</source>
        <translation>Über IVS Stage Browser</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Inspect, troubleshoot and edit Amazon IVS Real-Time stages.</source>
        <translation>Amazon-IVS-Real-Time-Stages untersuchen, Probleme eingrenzen und bearbeiten.</translation>
    </message>
    <message>
        <source>Licensed under the Apache License, Version 2.0; the libraries it uses are listed below with their licenses.</source>
        <translation>Lizenziert unter der Apache License, Version 2.0; die verwendeten Bibliotheken sind unten mit ihren Lizenzen aufgeführt.</translation>
    </message>
    <message>
        <source>Licenses</source>
        <translation>Lizenzen</translation>
    </message>
    <message>
        <source>Copyright The Qt Company Ltd. and other contributors.
The Qt libraries are used under the GNU Lesser General Public License, version 3, which adds permissions to the GNU General Public License, version 3; both follow.</source>
        <translation>Copyright The Qt Company Ltd. und weitere Mitwirkende.
Die Qt-Bibliotheken werden unter der GNU Lesser General Public License, Version 3, verwendet, die die GNU General Public License, Version 3, um Berechtigungen ergänzt; beide folgen.</translation>
    </message>
</context>
<context>
    <name>ui::ArnInput</name>
    <message>
        <source>&amp;Get</source>
        <translation>Abr&amp;ufen</translation>
    </message>
    <message>
        <source>Stage &amp;ARN:</source>
        <translation>Stage-AR&amp;N:</translation>
    </message>
    <message>
        <source>Paste a stage ARN: arn:aws:ivs:REGION:ACCOUNT:stage/ID</source>
        <translation>Stage-ARN einfügen: arn:aws:ivs:REGION:KONTO:stage/ID</translation>
    </message>
    <message>
        <source>The ARN of an Amazon IVS Real-Time stage. Press Enter to look it up.</source>
        <translation>Der ARN einer Amazon-IVS-Real-Time-Stage. Drücken Sie Enter, um sie abzurufen.</translation>
    </message>
    <message>
        <source>Known stage ARNs</source>
        <translation>Bekannte Stage-ARNs</translation>
    </message>
    <message>
        <source>Look up the stage (Enter)</source>
        <translation>Stage abrufen (Enter)</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Demo stages</source>
        <translation>Demo-Stages</translation>
    </message>
    <message>
        <source>Clear Recent</source>
        <translation>Zuletzt verwendete löschen</translation>
    </message>
    <message>
        <source>Forget the recently shown stage ARNs</source>
        <translation>Die zuletzt angezeigten Stage-ARNs vergessen</translation>
    </message>
</context>
<context>
    <name>ui::BusyIndicator</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop this request (Esc)</source>
        <translation>Diese Anfrage abbrechen (Esc)</translation>
    </message>
</context>
<context>
    <name>ui::ChecksPanel</name>
    <message>
        <source>Check Again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Read the storage configuration, sessions and participants again and repeat the checks</source>
        <translation>Speicherkonfiguration, Sitzungen und Teilnehmer erneut lesen und die Prüfungen wiederholen</translation>
    </message>
    <message>
        <source>Double-click a finding to show its field in the stage tree</source>
        <translation>Doppelklicken Sie auf einen Befund, um sein Feld im Stage-Baum zu zeigen</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
    <message>
        <source>Look up a stage to check it.</source>
        <translation>Rufen Sie eine Stage ab, um sie zu prüfen.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Checked at %1</source>
        <translation>Geprüft um %1</translation>
    </message>
</context>
<context>
    <name>ui::ConnectionBar</name>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>Where the credentials come from. Changing it looks the shown stage up again.</source>
        <translation>Woher die Zugangsdaten stammen. Ein Wechsel ruft die angezeigte Stage erneut ab.</translation>
    </message>
    <message>
        <source>R&amp;egion:</source>
        <translation>R&amp;egion:</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>The region for calls that are not about one stage. A stage is always looked up in the region its ARN names.</source>
        <translation>Die Region für Aufrufe, die nicht eine einzelne Stage betreffen. Eine Stage wird immer in der Region abgerufen, die ihr ARN nennt.</translation>
    </message>
</context>
<context>
    <name>ui::DesktopNotifier</name>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>This desktop has neither a notification service nor a system tray that shows messages.</source>
        <translation>Dieser Desktop hat weder einen Benachrichtigungsdienst noch eine Systemleiste, die Meldungen zeigt.</translation>
    </message>
</context>
<context>
    <name>ui::DisconnectDialog</name>
    <message>
        <source>Disconnect Participant</source>
        <translation>Teilnehmer trennen</translation>
    </message>
    <message>
        <source>the participant %1</source>
        <translation>den Teilnehmer %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (participant %2)</source>
        <translation>„%1“ (Teilnehmer %2)</translation>
    </message>
    <message>
        <source>Disconnect %1 from the session? Its token is revoked: it cannot join again with the same token.</source>
        <translation>%1 von der Sitzung trennen? Sein Token wird widerrufen: Mit demselben Token kann er nicht wieder beitreten.</translation>
    </message>
    <message>
        <source>Optional, up to %1 characters</source>
        <translation>Optional, bis zu %1 Zeichen</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
</context>
<context>
    <name>ui::EditingFlow</name>
    <message>
        <source>Unapplied Changes</source>
        <translation>Nicht angewendete Änderungen</translation>
    </message>
    <message>
        <source>Cancel keeps everything as it is. Edit › Review Changes… shows what would be lost.</source>
        <translation>„Abbrechen“ lässt alles, wie es ist. Bearbeiten › Änderungen prüfen… zeigt, was verloren ginge.</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Wieder&amp;herstellen</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Re&amp;view Changes…</source>
        <translation>Änderungen &amp;prüfen…</translation>
    </message>
    <message>
        <source>Show each change and the exact requests Apply will send</source>
        <translation>Jede Änderung und die genauen Anfragen zeigen, die „Anwenden“ senden wird</translation>
    </message>
    <message>
        <source>&amp;Apply…</source>
        <translation>&amp;Anwenden…</translation>
    </message>
    <message>
        <source>Review the changes, then send them to the service (%1)</source>
        <translation>Die Änderungen prüfen und dann an den Dienst senden (%1)</translation>
    </message>
    <message>
        <source>Rever&amp;t…</source>
        <translation>&amp;Zurücksetzen…</translation>
    </message>
    <message>
        <source>Drop every change that has not been applied</source>
        <translation>Alle nicht angewendeten Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Add Ta&amp;g…</source>
        <translation>&amp;Tag hinzufügen…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>%1 and discard 1 unapplied change to %2?</source>
        <translation>%1 und 1 nicht angewendete Änderung an %2 verwerfen?</translation>
    </message>
    <message>
        <source>%1 and discard %2 unapplied changes to %3?</source>
        <translation>%1 und %2 nicht angewendete Änderungen an %3 verwerfen?</translation>
    </message>
    <message>
        <source>1 change not applied</source>
        <translation>1 Änderung nicht angewendet</translation>
    </message>
    <message>
        <source>%1 changes not applied</source>
        <translation>%1 Änderungen nicht angewendet</translation>
    </message>
    <message>
        <source>Applying changes to %1…</source>
        <translation>Änderungen an %1 werden angewendet…</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>Angewendet.</translation>
    </message>
    <message>
        <source>Apply failed; your edits are still pending.</source>
        <translation>Anwenden fehlgeschlagen; Ihre Änderungen stehen weiterhin aus.</translation>
    </message>
    <message>
        <source>%1: this value is not accepted.</source>
        <translation>%1: Dieser Wert wird nicht akzeptiert.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is still in the editor; Escape leaves the field as it was.</source>
        <translation>„%1“ steht noch im Editor; Escape lässt das Feld, wie es war.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not kept.</source>
        <translation>„%1“ wurde nicht übernommen.</translation>
    </message>
    <message>
        <source>Tag &quot;%1&quot; added; it is sent when you apply.</source>
        <translation>Tag „%1“ hinzugefügt; es wird beim Anwenden gesendet.</translation>
    </message>
    <message>
        <source>Tag &quot;%1&quot; will be deleted when you apply; Undo brings it back.</source>
        <translation>Tag „%1“ wird beim Anwenden gelöscht; „Rückgängig“ holt es zurück.</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Reverted: the tree shows the stage as the service has it.</source>
        <translation>Zurückgesetzt: Der Baum zeigt die Stage so, wie der Dienst sie hat.</translation>
    </message>
</context>
<context>
    <name>ui::EncoderChecklist</name>
    <message>
        <source>Encoder checklist</source>
        <translation>Encoder-Checkliste</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>%1 &lt;i&gt;(%2)&lt;/i&gt;</source>
        <translation>%1 &lt;i&gt;(%2)&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>ui::ImportProfilesDialog</name>
    <message>
        <source>Import from AWS CLI Profiles</source>
        <translation>Aus AWS-CLI-Profilen importieren</translation>
    </message>
    <message>
        <source>The checked profiles&apos; access keys are copied into the system keychain, with their region. The AWS CLI&apos;s files are not changed.</source>
        <translation>Die Zugriffsschlüssel der angehakten Profile werden samt Region in den Schlüsselbund des Systems kopiert. Die Dateien der AWS CLI bleiben unverändert.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>%1 — no region · %2</source>
        <translation>%1 — keine Region · %2</translation>
    </message>
    <message>
        <source>%1 — %2 · %3</source>
        <translation>%1 — %2 · %3</translation>
    </message>
    <message>
        <source>Replaces the keychain profile of the same name.</source>
        <translation>Ersetzt das gleichnamige Profil im Schlüsselbund.</translation>
    </message>
    <message>
        <source>No AWS CLI profiles were found in %1.</source>
        <translation>In %1 wurden keine AWS-CLI-Profile gefunden.</translation>
    </message>
    <message>
        <source>Copying 1 profile into the keychain…</source>
        <translation>1 Profil wird in den Schlüsselbund kopiert…</translation>
    </message>
    <message>
        <source>Copying %1 profiles into the keychain…</source>
        <translation>%1 Profile werden in den Schlüsselbund kopiert…</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>Importiert: %1.</translation>
    </message>
    <message>
        <source>AWS CLI profiles to import</source>
        <translation>Zu importierende AWS-CLI-Profile</translation>
    </message>
</context>
<context>
    <name>ui::LivePanel</name>
    <message>
        <source>&amp;Watch Live</source>
        <translation>&amp;Live verfolgen</translation>
    </message>
    <message>
        <source>Follow the stage&apos;s session in progress: who is connected, who publishes, and every event as it happens</source>
        <translation>Der laufenden Sitzung der Stage folgen: wer verbunden ist, wer sendet, und jedes Ereignis, sobald es geschieht</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Sendet</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <source>Participant ID</source>
        <translation>Teilnehmer-ID</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>Was es bedeutet</translation>
    </message>
    <message>
        <source>Looking for the session in progress…</source>
        <translation>Die laufende Sitzung wird gesucht…</translation>
    </message>
    <message>
        <source>Session %1, in progress since %2.</source>
        <translation>Sitzung %1, läuft seit %2.</translation>
    </message>
    <message>
        <source>Session %1 ended at %2; waiting for the next session on the stage.</source>
        <translation>Sitzung %1 endete um %2; es wird auf die nächste Sitzung der Stage gewartet.</translation>
    </message>
    <message>
        <source>No session in progress; waiting for one to start.</source>
        <translation>Keine laufende Sitzung; es wird gewartet, bis eine beginnt.</translation>
    </message>
    <message>
        <source>(no user ID)</source>
        <translation>(keine Benutzer-ID)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Connected %1 · Publishing %2 · Recording %3 · Failed %4</source>
        <translation>Verbunden %1 · Sendend %2 · Aufzeichnend %3 · Fehlgeschlagen %4</translation>
    </message>
    <message>
        <source>Participant %1</source>
        <translation>Teilnehmer %1</translation>
    </message>
    <message>
        <source>Look up a stage to watch it live.</source>
        <translation>Rufen Sie eine Stage ab, um sie live zu verfolgen.</translation>
    </message>
    <message>
        <source>Not watching. Watch Live follows the session in progress; it polls every %1 s and pauses while the window is minimised.</source>
        <translation>Nicht verfolgt. „Live verfolgen“ folgt der laufenden Sitzung; es fragt alle %1 s ab und pausiert, solange das Fenster minimiert ist.</translation>
    </message>
    <message>
        <source>Paused while the window is minimised.</source>
        <translation>Pausiert, solange das Fenster minimiert ist.</translation>
    </message>
    <message>
        <source>Stale: the last successful poll is older than two intervals.</source>
        <translation>Veraltet: Die letzte erfolgreiche Abfrage liegt mehr als zwei Intervalle zurück.</translation>
    </message>
    <message>
        <source>The last poll failed: %1</source>
        <translation>Die letzte Abfrage ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Participants of the session in progress</source>
        <translation>Teilnehmer der laufenden Sitzung</translation>
    </message>
    <message>
        <source>Events of all participants, newest first</source>
        <translation>Ereignisse aller Teilnehmer, die neuesten zuerst</translation>
    </message>
    <message>
        <source>&amp;Notify of failures</source>
        <translation>Bei Fehlern benachrichti&amp;gen</translation>
    </message>
    <message>
        <source>While watching, show a desktop notification for each new failure on this stage (a publish error, a failed recording, a participant dropped by the service); remembered for the stage</source>
        <translation>Während der Beobachtung für jeden neuen Fehler auf dieser Stage eine Desktop-Benachrichtigung zeigen (ein Veröffentlichungsfehler, eine fehlgeschlagene Aufzeichnung, ein vom Dienst getrennter Teilnehmer); wird für die Stage gemerkt</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>%1 failures on %2</source>
        <translation>%1 Fehler auf %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2. %3</source>
        <translation>%1: %2. %3</translation>
    </message>
    <message>
        <source>&amp;Disconnect %1…</source>
        <translation>%1 &amp;trennen…</translation>
    </message>
    <message>
        <source>&amp;Copy Participant ID</source>
        <translation>Teilnehmer-ID &amp;kopieren</translation>
    </message>
    <message>
        <source>Notifications: %1</source>
        <translation>Benachrichtigungen: %1</translation>
    </message>
</context>
<context>
    <name>ui::LookupFlow</name>
    <message>
        <source>Looking up %1…</source>
        <translation>%1 wird abgerufen…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>&amp;Get Stage</source>
        <translation>&amp;Stage abrufen</translation>
    </message>
    <message>
        <source>Look up the stage whose ARN is in the field (Enter there)</source>
        <translation>Die Stage abrufen, deren ARN im Feld steht (dort Enter)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Read the shown stage again (%1)</source>
        <translation>Die angezeigte Stage erneut lesen (%1)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Paste Stage ARN</source>
        <translation>Stage-ARN &amp;einfügen</translation>
    </message>
    <message>
        <source>Look up the stage ARN on the clipboard, or the one in a copied console link (%1)</source>
        <translation>Die Stage abrufen, deren ARN in der Zwischenablage steht, auch aus einem kopierten Konsolenlink (%1)</translation>
    </message>
    <message>
        <source>Go to Stage &amp;ARN</source>
        <translation>Zum Stage-&amp;ARN</translation>
    </message>
    <message>
        <source>Put the cursor in the ARN field, its text selected (%1)</source>
        <translation>Den Cursor ins ARN-Feld setzen, mit markiertem Text (%1)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The list of recent stage ARNs is cleared.</source>
        <translation>Die Liste der zuletzt verwendeten Stage-ARNs wurde geleert.</translation>
    </message>
    <message>
        <source>Look the stage up again</source>
        <translation>Stage erneut abrufen</translation>
    </message>
    <message>
        <source>Look up another stage</source>
        <translation>Eine andere Stage abrufen</translation>
    </message>
    <message>
        <source>Nothing was looked up; your edits are kept.</source>
        <translation>Es wurde nichts abgerufen; Ihre Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Changes are being applied; look up another stage after.</source>
        <translation>Änderungen werden gerade angewendet; rufen Sie danach eine andere Stage ab.</translation>
    </message>
    <message>
        <source>Nothing was looked up; the ARN field and the tree are as they were.</source>
        <translation>Es wurde nichts abgerufen; ARN-Feld und Baum sind unverändert.</translation>
    </message>
    <message>
        <source>No stage ARN in the pasted or dropped text.</source>
        <translation>Kein Stage-ARN im eingefügten oder abgelegten Text.</translation>
    </message>
    <message>
        <source>Reload the stage</source>
        <translation>Stage neu laden</translation>
    </message>
    <message>
        <source>Showing %1, retrieved at %2.</source>
        <translation>Angezeigt wird %1, abgerufen um %2.</translation>
    </message>
    <message>
        <source>Could not get %1.
%2</source>
        <translation>%1 konnte nicht abgerufen werden.
%2</translation>
    </message>
    <message>
        <source>The tree still shows %1 as retrieved at %2, marked stale.</source>
        <translation>Der Baum zeigt weiterhin %1 mit dem Stand von %2, als veraltet markiert.</translation>
    </message>
    <message>
        <source>Your edits to it are still pending.</source>
        <translation>Ihre Änderungen daran stehen weiterhin aus.</translation>
    </message>
    <message>
        <source>Lookup failed.</source>
        <translation>Abruf fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Nothing was sent: the ARN is not valid.</source>
        <translation>Es wurde nichts gesendet: Der ARN ist ungültig.</translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message>
        <source>Profiles…</source>
        <translation>Profile…</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Add, edit, test or import profiles (%1)</source>
        <translation>Profile hinzufügen, bearbeiten, testen oder importieren (%1)</translation>
    </message>
    <message>
        <source>Pick a demo stage from the ARN list, or paste an ARN.</source>
        <translation>Wählen Sie eine Demo-Stage aus der ARN-Liste, oder fügen Sie einen ARN ein.</translation>
    </message>
    <message>
        <source>Paste a stage ARN and press Enter.</source>
        <translation>Fügen Sie einen Stage-ARN ein und drücken Sie Enter.</translation>
    </message>
    <message>
        <source>Switch the connection</source>
        <translation>Verbindung wechseln</translation>
    </message>
    <message>
        <source>&amp;Publish to This Stage…</source>
        <translation>In dieser Stage &amp;veröffentlichen…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Now using %1.</source>
        <translation>Jetzt in Verwendung: %1.</translation>
    </message>
    <message>
        <source>Read the stage again with the new connection</source>
        <translation>Stage mit der neuen Verbindung erneut lesen</translation>
    </message>
    <message>
        <source>IVS Stage Browser</source>
        <translation>IVS Stage Browser</translation>
    </message>
    <message>
        <source> (demo)</source>
        <translation> (Demo)</translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation>Fenster schließen</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Stages</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>The tree has no row %1.</source>
        <translation>Der Baum hat keine Zeile %1.</translation>
    </message>
    <message>
        <source>Go to Stage &amp;Tree</source>
        <translation>Zum Stage-&amp;Baum</translation>
    </message>
    <message>
        <source>Go to &amp;Stages</source>
        <translation>Zu den &amp;Stages</translation>
    </message>
    <message>
        <source>Go to &amp;Checks</source>
        <translation>Zu den &amp;Prüfungen</translation>
    </message>
    <message>
        <source>Go to S&amp;essions</source>
        <translation>Zu den S&amp;itzungen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About IVS Stage Browser</source>
        <translation>&amp;Über IVS Stage Browser</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Your edits are kept; the stage was not read again with the new connection. Refresh (F5) when you are ready.</source>
        <translation>Ihre Änderungen bleiben erhalten; die Stage wurde mit der neuen Verbindung nicht erneut gelesen. Aktualisieren Sie (F5), sobald Sie so weit sind.</translation>
    </message>
    <message>
        <source>&amp;Filter Tree…</source>
        <translation>Baum &amp;filtern…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Show only the rows of the tree that contain some text (%1; Escape shows all again)</source>
        <translation>Nur die Zeilen des Baums zeigen, die einen bestimmten Text enthalten (%1; Escape zeigt wieder alle)</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Go to &amp;Live</source>
        <translation>Zu &amp;Live</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>A token or stream key for an encoder, and Send to OBS (%1)</source>
        <translation>Ein Token oder Streamschlüssel für einen Encoder, und „An OBS senden“ (%1)</translation>
    </message>
</context>
<context>
    <name>ui::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Meldung ausblenden</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>ui::ObsSendBox</name>
    <message>
        <source>OBS Stud&amp;io (its WebSocket server: Tools → WebSocket Server Settings)</source>
        <translation>OBS Stud&amp;io (sein WebSocket-Server: Werkzeuge → WebSocket-Server-Einstellungen)</translation>
    </message>
    <message>
        <source>Re&amp;member in the keychain</source>
        <translation>Im Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>Ticked: Send to OBS is the default button, and sets OBS&apos;s stream settings in one step. Unticked: Create Token is.</source>
        <translation>Angekreuzt: „An OBS senden“ ist die Standardschaltfläche und stellt den Stream von OBS in einem Schritt ein. Nicht angekreuzt: „Token erstellen“.</translation>
    </message>
    <message>
        <source>ws:// only for OBS on this computer; wss:// anywhere.</source>
        <translation>ws:// nur für OBS auf diesem Computer; wss:// überall.</translation>
    </message>
    <message>
        <source>empty: the one in the keychain, or none</source>
        <translation>leer: das aus dem Schlüsselbund, oder keines</translation>
    </message>
    <message>
        <source>OBS → Tools → WebSocket Server Settings → Show Connect Info. OBS is sent only a hash of it.</source>
        <translation>OBS → Werkzeuge → WebSocket-Server-Einstellungen → Verbindungsinformationen anzeigen. OBS erhält nur einen Hash davon.</translation>
    </message>
    <message>
        <source>Send to OBS status</source>
        <translation>Status von „An OBS senden“</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>Adresse (&amp;URL):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Kennwort:</translation>
    </message>
    <message>
        <source>OBS Is Streaming</source>
        <translation>OBS streamt</translation>
    </message>
    <message>
        <source>OBS is streaming now. Change its stream settings anyway? A new token is created, and OBS uses it from its next Start Streaming on.</source>
        <translation>OBS streamt gerade. Seine Streameinstellungen trotzdem ändern? Ein neues Token wird erstellt, und OBS verwendet es ab dem nächsten „Stream starten“.</translation>
    </message>
</context>
<context>
    <name>ui::ObsServiceFile</name>
    <message>
        <source>OBS keeps a profile&apos;s stream settings in service.json in the profile&apos;s folder, e.g. ~/.config/obs-studio/basic/profiles/&lt;Profile&gt;/service.json. Save there while OBS is closed; it reads the file when it starts. The file holds the %1.</source>
        <translation>OBS speichert die Stream-Einstellungen eines Profils in service.json im Ordner des Profils, z. B. ~/.config/obs-studio/basic/profiles/&lt;Profil&gt;/service.json. Speichern Sie dort, während OBS geschlossen ist; OBS liest die Datei beim Start. Die Datei enthält %1.</translation>
    </message>
    <message>
        <source>Save OBS Service Settings</source>
        <translation>OBS-Diensteinstellungen speichern</translation>
    </message>
    <message>
        <source>OBS service settings (service.json);;JSON files (*.json)</source>
        <translation>OBS-Diensteinstellungen (service.json);;JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Saved %1 (readable by you only). It holds the %2: delete it when the encoder no longer needs it.</source>
        <translation>%1 gespeichert (nur für Sie lesbar). Die Datei enthält %2: Löschen Sie sie, wenn der Encoder sie nicht mehr braucht.</translation>
    </message>
    <message>
        <source>token</source>
        <translation>das Token</translation>
    </message>
    <message>
        <source>stream key</source>
        <translation>den Streamschlüssel</translation>
    </message>
</context>
<context>
    <name>ui::ProfileFormDialog</name>
    <message>
        <source>Add Profile</source>
        <translation>Profil hinzufügen</translation>
    </message>
    <message>
        <source>Edit Profile &quot;%1&quot;</source>
        <translation>Profil „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>e.g. production</source>
        <translation>z. B. production</translation>
    </message>
    <message>
        <source>e.g. us-east-1 (optional)</source>
        <translation>z. B. us-east-1 (optional)</translation>
    </message>
    <message>
        <source>AKIA…</source>
        <translation>AKIA…</translation>
    </message>
    <message>
        <source>only for temporary credentials</source>
        <translation>nur für temporäre Zugangsdaten</translation>
    </message>
    <message>
        <source>The secret access key and session token are stored in the system keychain; the name, region and access key ID in this app&apos;s settings.</source>
        <translation>Der geheime Zugriffsschlüssel und das Sitzungstoken werden im Schlüsselbund des Systems gespeichert; Name, Region und Zugriffsschlüssel-ID in den Einstellungen dieser App.</translation>
    </message>
    <message>
        <source>The stored secret is never read back or shown: enter the secret access key again to save changes. A session token left empty is removed.</source>
        <translation>Das gespeicherte Geheimnis wird nie zurückgelesen oder angezeigt: Geben Sie den geheimen Zugriffsschlüssel erneut ein, um Änderungen zu speichern. Ein leer gelassenes Sitzungstoken wird entfernt.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>&amp;Access key ID:</source>
        <translation>&amp;Zugriffsschlüssel-ID:</translation>
    </message>
    <message>
        <source>&amp;Secret access key:</source>
        <translation>&amp;Geheimer Zugriffsschlüssel:</translation>
    </message>
    <message>
        <source>Session &amp;token:</source>
        <translation>Sitzungs&amp;token:</translation>
    </message>
</context>
<context>
    <name>ui::ProfilesDialog</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Set A&amp;ctive</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>&amp;Import from AWS CLI…</source>
        <translation>Aus AWS CLI i&amp;mportieren…</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Saved profile &quot;%1&quot;.</source>
        <translation>Profil „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Deleted profile &quot;%1&quot;.</source>
        <translation>Profil „%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>Importiert: %1.</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In Verwendung</translation>
    </message>
    <message>
        <source>From the AWS CLI&apos;s files: change it there, or import it to keep its keys in the keychain.</source>
        <translation>Aus den Dateien der AWS CLI: Ändern Sie es dort, oder importieren Sie es, um seine Schlüssel im Schlüsselbund zu verwahren.</translation>
    </message>
    <message>
        <source>In use: the demo endpoint.</source>
        <translation>In Verwendung: der Demo-Endpunkt.</translation>
    </message>
    <message>
        <source>In use: automatic (environment variables, then AWS_PROFILE or &quot;default&quot;).</source>
        <translation>In Verwendung: automatisch (Umgebungsvariablen, dann AWS_PROFILE oder „default“).</translation>
    </message>
    <message>
        <source>In use: profile &quot;%1&quot;.</source>
        <translation>In Verwendung: Profil „%1“.</translation>
    </message>
    <message>
        <source>No profiles yet. Add one, or import keys from the AWS CLI&apos;s files.</source>
        <translation>Noch keine Profile. Fügen Sie eines hinzu, oder importieren Sie Schlüssel aus den Dateien der AWS CLI.</translation>
    </message>
    <message>
        <source>Only keychain profiles can be edited here; change AWS CLI profiles in their files.</source>
        <translation>Hier lassen sich nur Profile aus dem Schlüsselbund bearbeiten; AWS-CLI-Profile ändern Sie in deren Dateien.</translation>
    </message>
    <message>
        <source>Delete Profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <source>Delete the keychain profile &quot;%1&quot;? Its keys are removed from the keychain; they cannot be shown again.</source>
        <translation>Das Schlüsselbund-Profil „%1“ löschen? Seine Schlüssel werden aus dem Schlüsselbund entfernt und können nicht mehr angezeigt werden.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleting &quot;%1&quot;…</source>
        <translation>„%1“ wird gelöscht…</translation>
    </message>
    <message>
        <source>Now using profile &quot;%1&quot;.</source>
        <translation>Jetzt in Verwendung: Profil „%1“.</translation>
    </message>
    <message>
        <source>Testing &quot;%1&quot;…</source>
        <translation>„%1“ wird getestet…</translation>
    </message>
</context>
<context>
    <name>ui::PublishDialog</name>
    <message>
        <source>&amp;WHIP</source>
        <translation>&amp;WHIP</translation>
    </message>
    <message>
        <source>&amp;RTMP(S)</source>
        <translation>&amp;RTMP(S)</translation>
    </message>
    <message>
        <source>Publish to This Stage</source>
        <translation>In dieser Stage veröffentlichen</translation>
    </message>
    <message>
        <source>No stage is shown: look a stage up first.</source>
        <translation>Es wird keine Stage angezeigt: Rufen Sie zuerst eine Stage ab.</translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation>Stage: %1</translation>
    </message>
</context>
<context>
    <name>ui::PublishParts</name>
    <message>
        <source>Copied ✓</source>
        <translation>Kopiert ✓</translation>
    </message>
</context>
<context>
    <name>ui::RecordingsWindow</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Copy &amp;Location</source>
        <translation>&amp;Ort kopieren</translation>
    </message>
    <message>
        <source>&amp;HLS only</source>
        <translation>Nur &amp;HLS</translation>
    </message>
    <message>
        <source>&amp;Download…</source>
        <translation>&amp;Herunterladen…</translation>
    </message>
    <message>
        <source>Cancel Download</source>
        <translation>Download abbrechen</translation>
    </message>
    <message>
        <source>Recordings — %1</source>
        <translation>Aufnahmen — %1</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>Aufnahmen</translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation>Vorschaubilder</translation>
    </message>
    <message>
        <source>Recording checks</source>
        <translation>Aufnahmeprüfungen</translation>
    </message>
    <message>
        <source>Only the HLS playlists and media, not the events files and thumbnails</source>
        <translation>Nur die HLS-Playlists und Mediendateien, nicht die Ereignisdateien und Vorschaubilder</translation>
    </message>
    <message>
        <source>Download the selected participant&apos;s recording into a folder, verified against what S3 lists</source>
        <translation>Aufnahme des ausgewählten Teilnehmers in einen Ordner herunterladen, abgeglichen mit der S3-Auflistung</translation>
    </message>
    <message>
        <source>Could not be shown: %1</source>
        <translation>Konnte nicht angezeigt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Session %1 (%2): %n participant(s), %3 with files in S3.</source>
        <translation>
            <numerusform>Sitzung %1 (%2): %n Teilnehmer, %3 mit Dateien in S3.</numerusform>
            <numerusform>Sitzung %1 (%2): %n Teilnehmer, %3 mit Dateien in S3.</numerusform>
        </translation>
    </message>
    <message>
        <source>ended</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>No problems found with what landed in S3.</source>
        <translation>Keine Probleme mit den in S3 abgelegten Daten gefunden.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2×%3, %4 segments, %5, %6</source>
        <translation>%1: %2×%3, %4 Segmente, %5, %6</translation>
    </message>
    <message>
        <source>Download the Recording Into</source>
        <translation>Aufnahme herunterladen nach</translation>
    </message>
    <message>
        <source>%1 of %2 files, %3 of %4</source>
        <translation>%1 von %2 Dateien, %3 von %4</translation>
    </message>
    <message numerus="yes">
        <source>Download cancelled after %n file(s); what was fetched is kept, and a new download resumes from it.</source>
        <translation>
            <numerusform>Download nach %n Datei abgebrochen; bereits Geladenes bleibt erhalten, und ein neuer Download setzt dort fort.</numerusform>
            <numerusform>Download nach %n Dateien abgebrochen; bereits Geladenes bleibt erhalten, und ein neuer Download setzt dort fort.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Downloaded %n file(s), each verified (%1 already there).</source>
        <translation>
            <numerusform>%n Datei heruntergeladen und geprüft (%1 bereits vorhanden).</numerusform>
            <numerusform>%n Dateien heruntergeladen, jede geprüft (%1 bereits vorhanden).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) failed: %1</source>
        <translation>
            <numerusform>%n Datei fehlgeschlagen: %1</numerusform>
            <numerusform>%n Dateien fehlgeschlagen: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::ReviewDialog</name>
    <message>
        <source>Review Changes</source>
        <translation>Änderungen prüfen</translation>
    </message>
    <message>
        <source>Nothing has been sent yet. Apply sends these requests in this order, then reads the stage again so the tree shows what the service holds.</source>
        <translation>Es wurde noch nichts gesendet. „Anwenden“ sendet diese Anfragen in dieser Reihenfolge und liest danach die Stage erneut, damit der Baum zeigt, was der Dienst gespeichert hat.</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>An&amp;wenden</translation>
    </message>
    <message>
        <source>Requests to send</source>
        <translation>Zu sendende Anfragen</translation>
    </message>
</context>
<context>
    <name>ui::RtmpPublishTab</name>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Sa&amp;ve as OBS Service Settings…</source>
        <translation>Als OBS-Diensteinstellungen s&amp;peichern…</translation>
    </message>
    <message>
        <source>Ingest configurations</source>
        <translation>Ingest-Konfigurationen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>Stream key warning</source>
        <translation>Streamschlüssel-Warnung</translation>
    </message>
    <message>
        <source>Stream key status</source>
        <translation>Streamschlüssel-Status</translation>
    </message>
    <message>
        <source>The stage&apos;s ingest configurations. Choose one to fetch its stream key.</source>
        <translation>Die Ingest-Konfigurationen der Stage. Wählen Sie eine aus, um ihren Streamschlüssel abzurufen.</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Stream key:</source>
        <translation>Streamschlüssel:</translation>
    </message>
    <message>
        <source>For the encoder (OBS: Settings → Stream → Custom RTMP)</source>
        <translation>Für den Encoder (OBS: Einstellungen → Stream → Benutzerdefiniert)</translation>
    </message>
    <message>
        <source>Loading the ingest configurations…</source>
        <translation>Ingest-Konfigurationen werden geladen…</translation>
    </message>
    <message>
        <source>This stage has no ingest configurations: create one (in the AWS console or with CreateIngestConfiguration) to publish over RTMP(S).</source>
        <translation>Diese Stage hat keine Ingest-Konfigurationen: Legen Sie eine an (in der AWS-Konsole oder mit CreateIngestConfiguration), um über RTMP(S) zu veröffentlichen.</translation>
    </message>
    <message>
        <source>Fetching the stream key of %1…</source>
        <translation>Streamschlüssel von %1 wird abgerufen…</translation>
    </message>
    <message>
        <source>Stream key of %1. Whoever holds it can publish to this stage.</source>
        <translation>Streamschlüssel von %1. Wer ihn besitzt, kann in dieser Stage veröffentlichen.</translation>
    </message>
    <message>
        <source>Copy S&amp;erver</source>
        <translation>Ser&amp;ver kopieren</translation>
    </message>
    <message>
        <source>Copy Stream &amp;Key</source>
        <translation>Stream&amp;schlüssel kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Both</source>
        <translation>Bei&amp;des kopieren</translation>
    </message>
    <message>
        <source>Send to &amp;OBS</source>
        <translation>An &amp;OBS senden</translation>
    </message>
    <message>
        <source>Set OBS&apos;s stream service (Custom RTMP) to this server and stream key, through OBS&apos;s WebSocket server</source>
        <translation>Den Streamdienst von OBS (eigener RTMP-Server) über dessen WebSocket-Server auf diesen Server und Streamschlüssel einstellen</translation>
    </message>
    <message>
        <source>Connecting to OBS…</source>
        <translation>Verbinde mit OBS…</translation>
    </message>
</context>
<context>
    <name>ui::SecretField</name>
    <message>
        <source>Reveal</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
</context>
<context>
    <name>ui::SessionsPanel</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh the session in progress every %1 s</source>
        <translation>Laufende Sitzung alle %1 s aktualisieren</translation>
    </message>
    <message>
        <source>Read the participants of the session in progress, and the selected participant&apos;s events, again every %1 seconds; the checks follow</source>
        <translation>Die Teilnehmer der laufenden Sitzung und die Ereignisse des gewählten Teilnehmers alle %1 Sekunden erneut lesen; die Prüfungen folgen</translation>
    </message>
    <message>
        <source>Read the participants of the session in progress again</source>
        <translation>Die Teilnehmer der laufenden Sitzung erneut lesen</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Teilnehmer</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Listing sessions…</source>
        <translation>Sitzungen werden aufgelistet…</translation>
    </message>
    <message>
        <source>Listing participants…</source>
        <translation>Teilnehmer werden aufgelistet…</translation>
    </message>
    <message>
        <source>Reading events…</source>
        <translation>Ereignisse werden gelesen…</translation>
    </message>
    <message>
        <source>The details of %1 could not be read: %2</source>
        <translation>Die Details von %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Look up a stage to see its sessions.</source>
        <translation>Rufen Sie eine Stage ab, um ihre Sitzungen zu sehen.</translation>
    </message>
    <message>
        <source>The sessions could not be listed: %1</source>
        <translation>Die Sitzungen konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>1 session</source>
        <translation>1 Sitzung</translation>
    </message>
    <message>
        <source>%1 sessions</source>
        <translation>%1 Sitzungen</translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation>Noch keine Sitzungen.</translation>
    </message>
    <message>
        <source>%1, none in progress.</source>
        <translation>%1, keine davon läuft.</translation>
    </message>
    <message>
        <source>%1, one in progress.</source>
        <translation>%1, davon läuft eine.</translation>
    </message>
    <message>
        <source>The participants could not be listed: %1</source>
        <translation>Die Teilnehmer konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Nobody joined this session.</source>
        <translation>Dieser Sitzung ist niemand beigetreten.</translation>
    </message>
    <message>
        <source>1 participant; select one to see its events.</source>
        <translation>1 Teilnehmer; wählen Sie ihn aus, um seine Ereignisse zu sehen.</translation>
    </message>
    <message>
        <source>%1 participants; select one to see its events.</source>
        <translation>%1 Teilnehmer; wählen Sie einen aus, um seine Ereignisse zu sehen.</translation>
    </message>
    <message>
        <source>The events of %1 could not be read: %2</source>
        <translation>Die Ereignisse von %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>1 event of %1</source>
        <translation>1 Ereignis von %1</translation>
    </message>
    <message>
        <source>%1 events of %2</source>
        <translation>%1 Ereignisse von %2</translation>
    </message>
    <message>
        <source>, 1 error.</source>
        <translation>, 1 Fehler.</translation>
    </message>
    <message>
        <source>, %1 errors.</source>
        <translation>, %1 Fehler.</translation>
    </message>
    <message>
        <source>Recor&amp;dings…</source>
        <translation>Au&amp;fnahmen…</translation>
    </message>
    <message>
        <source>What the selected session&apos;s recordings left in S3: outcome, duration, size and thumbnails of each participant&apos;s recording</source>
        <translation>Was die Aufnahmen der ausgewählten Sitzung in S3 hinterlassen haben: Ergebnis, Dauer, Größe und Vorschaubilder der Aufnahme jedes Teilnehmers</translation>
    </message>
</context>
<context>
    <name>ui::ShownStage</name>
    <message>
        <source>the stage</source>
        <translation>der Stage</translation>
    </message>
</context>
<context>
    <name>ui::StageFieldDelegate</name>
    <message>
        <source>%1: %2, at most %3 characters.</source>
        <translation>%1: %2, höchstens %3 Zeichen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: one of %2.</source>
        <translation>%1: einer der Werte %2.</translation>
    </message>
    <message>
        <source>%1: tick %2 to %3 of %4.</source>
        <translation>%1: %2 bis %3 von %4 ankreuzen.</translation>
    </message>
    <message>
        <source>%1: a whole number from %2 to %3.</source>
        <translation>%1: eine ganze Zahl von %2 bis %3.</translation>
    </message>
    <message>
        <source>%1: true or false.</source>
        <translation>%1: true oder false.</translation>
    </message>
    <message>
        <source>%1: pick a storage configuration or type its ARN; &quot;%2&quot; turns recording off.</source>
        <translation>%1: Wählen Sie eine Speicherkonfiguration oder geben Sie ihren ARN ein; „%2“ schaltet die Aufzeichnung aus.</translation>
    </message>
    <message>
        <source>Not accepted — %1</source>
        <translation>Nicht akzeptiert — %1</translation>
    </message>
    <message>
        <source>arn:aws:ivs:REGION:ACCOUNT:storage-configuration/ID</source>
        <translation>arn:aws:ivs:REGION:KONTO:storage-configuration/ID</translation>
    </message>
    <message>
        <source>Value of %1</source>
        <extracomment>%1 is the field being edited, e.g. &quot;recordingMode&quot;</extracomment>
        <translation>Wert von %1</translation>
    </message>
</context>
<context>
    <name>ui::StageFilesFlow</name>
    <message>
        <source>&amp;Export Stage…</source>
        <translation>Stage &amp;exportieren…</translation>
    </message>
    <message>
        <source>Apply from &amp;File…</source>
        <translation>Aus &amp;Datei anwenden…</translation>
    </message>
    <message>
        <source>Stage configuration (*.json);;All files (*)</source>
        <translation>Stage-Konfiguration (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export Stage</source>
        <translation>Stage exportieren</translation>
    </message>
    <message>
        <source>Could not export to %1: %2
Nothing was written.</source>
        <translation>Export nach %1 nicht möglich: %2
Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Exported %1 to %2, including the changes not yet applied.</source>
        <translation>Konfiguration von %1 nach %2 exportiert, einschließlich der noch nicht angewendeten Änderungen.</translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation>Konfiguration von %1 nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Apply from File</source>
        <translation>Aus Datei anwenden</translation>
    </message>
    <message>
        <source>%1 was not applied; nothing changed.
%2</source>
        <translation>%1 wurde nicht angewendet; nichts wurde geändert.
%2</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>die Datei</translation>
    </message>
    <message>
        <source>%1 matches %2 as it is: there is nothing to apply.</source>
        <translation>%1 stimmt bereits mit %2 überein: Es gibt nichts anzuwenden.</translation>
    </message>
    <message>
        <source>Loaded %1: 1 change pending.</source>
        <translation>%1 geladen: 1 Änderung steht aus.</translation>
    </message>
    <message>
        <source>Loaded %1: %2 changes pending.</source>
        <translation>%1 geladen: %2 Änderungen stehen aus.</translation>
    </message>
    <message>
        <source>Nothing has been sent yet.</source>
        <translation>Es wurde noch nichts gesendet.</translation>
    </message>
</context>
<context>
    <name>ui::StageListPanel</name>
    <message>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Which regions to list stages in</source>
        <translation>In welchen Regionen Stages aufgelistet werden</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Regionen</translation>
    </message>
    <message>
        <source>Choose the regions to list</source>
        <translation>Die aufzulistenden Regionen wählen</translation>
    </message>
    <message>
        <source>Filter by name, ID, ARN or tag</source>
        <translation>Nach Name, ID, ARN oder Tag filtern</translation>
    </message>
    <message>
        <source>%v of %m regions</source>
        <translation>%v von %m Regionen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop listing; the stages already listed stay</source>
        <translation>Auflisten abbrechen; bereits aufgelistete Stages bleiben</translation>
    </message>
    <message>
        <source>Double-click a stage, or press Enter, to show it</source>
        <translation>Doppelklicken Sie auf eine Stage oder drücken Sie Enter, um sie anzuzeigen</translation>
    </message>
    <message>
        <source>Choose at least one region</source>
        <translation>Wählen Sie mindestens eine Region</translation>
    </message>
    <message>
        <source>List the stages in %1</source>
        <translation>Die Stages in %1 auflisten</translation>
    </message>
    <message>
        <source>The connection&apos;s region (none set)</source>
        <translation>Region der Verbindung (keine festgelegt)</translation>
    </message>
    <message>
        <source>The connection&apos;s region, %1</source>
        <translation>Region der Verbindung, %1</translation>
    </message>
    <message>
        <source>All demo regions (%1)</source>
        <translation>Alle Demo-Regionen (%1)</translation>
    </message>
    <message>
        <source>All Real-Time regions (%1)</source>
        <translation>Alle Real-Time-Regionen (%1)</translation>
    </message>
    <message>
        <source>Chosen regions</source>
        <translation>Gewählte Regionen</translation>
    </message>
    <message>
        <source>No region is set for this connection: choose one in the toolbar, or list other regions.</source>
        <translation>Für diese Verbindung ist keine Region festgelegt: Wählen Sie eine in der Werkzeugleiste, oder listen Sie andere Regionen auf.</translation>
    </message>
    <message>
        <source>Choose at least one region.</source>
        <translation>Wählen Sie mindestens eine Region.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>1 stage</source>
        <translation>1 Stage</translation>
    </message>
    <message>
        <source>%1 stages</source>
        <translation>%1 Stages</translation>
    </message>
    <message>
        <source>1 region</source>
        <translation>1 Region</translation>
    </message>
    <message>
        <source>%1 regions</source>
        <translation>%1 Regionen</translation>
    </message>
    <message>
        <source>Cancelled: %1 listed so far.</source>
        <translation>Abgebrochen: bisher %1 aufgelistet.</translation>
    </message>
    <message>
        <source>%1 in %2.</source>
        <translation>%1 in %2.</translation>
    </message>
    <message>
        <source>%1 in %2; %3 could not be listed.</source>
        <translation>%1 in %2; nicht auflistbar: %3.</translation>
    </message>
    <message>
        <source>Listing stages in %1…</source>
        <translation>Stages in %1 werden aufgelistet…</translation>
    </message>
    <message>
        <source>Press Load to list the stages of the regions chosen above.</source>
        <translation>Klicken Sie auf „Laden“, um die Stages der oben gewählten Regionen aufzulisten.</translation>
    </message>
    <message>
        <source>None matches the filter.</source>
        <translation>Keine Stage passt zum Filter.</translation>
    </message>
    <message>
        <source>%1 of %2 shown.</source>
        <translation>%1 von %2 angezeigt.</translation>
    </message>
    <message>
        <source>Regions to list</source>
        <translation>Aufzulistende Regionen</translation>
    </message>
    <message>
        <source>Filter stages</source>
        <translation>Stages filtern</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Stages</translation>
    </message>
</context>
<context>
    <name>ui::StageTreeView</name>
    <message>
        <source>&amp;Delete Tag</source>
        <translation>Tag &amp;löschen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the %1 endpoint</source>
        <translation>Endpunkt %1 kopieren</translation>
    </message>
    <message>
        <source>Copied %1 as JSON</source>
        <translation>%1 als JSON kopiert</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>Copied the path of %1</source>
        <translation>Pfad von %1 kopiert</translation>
    </message>
    <message>
        <source>&amp;Copy Value</source>
        <translation>&amp;Wert kopieren</translation>
    </message>
    <message>
        <source>Copy Field &amp;Path</source>
        <translation>Feld&amp;pfad kopieren</translation>
    </message>
    <message>
        <source>&amp;Edit Value</source>
        <translation>Wert &amp;bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Add Tag…</source>
        <translation>Tag &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Rename Tag…</source>
        <translation>Tag &amp;umbenennen…</translation>
    </message>
    <message>
        <source>Copy Row as &amp;JSON</source>
        <translation>Zeile als &amp;JSON kopieren</translation>
    </message>
    <message>
        <source>Stage fields</source>
        <translation>Stage-Felder</translation>
    </message>
    <message>
        <source>Copy the selected value, or a group as JSON</source>
        <translation>Den gewählten Wert kopieren, eine Gruppe als JSON</translation>
    </message>
    <message>
        <source>Copy the selected row and everything under it as JSON, named by its field</source>
        <translation>Die gewählte Zeile mit allem darunter als JSON kopieren, benannt nach ihrem Feld</translation>
    </message>
    <message>
        <source>Copied %1 and all under it as JSON</source>
        <translation>%1 mit allem darunter als JSON kopiert</translation>
    </message>
    <message>
        <source>&amp;Copy as JSON</source>
        <translation>Als JSON &amp;kopieren</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>Veröffentlichen…</translation>
    </message>
    <message>
        <source>A token for this endpoint, and Send to OBS</source>
        <translation>Ein Token für diesen Endpunkt, und „An OBS senden“</translation>
    </message>
    <message>
        <source>Publish to this stage over WHIP</source>
        <translation>Per WHIP an diese Stage senden</translation>
    </message>
</context>
<context>
    <name>ui::TagDialog</name>
    <message>
        <source>Add Tag</source>
        <translation>Tag hinzufügen</translation>
    </message>
    <message>
        <source>Rename Tag &quot;%1&quot;</source>
        <translation>Tag „%1“ umbenennen</translation>
    </message>
    <message>
        <source>The tag is added to the pending changes; nothing is sent until you apply them.</source>
        <translation>Das Tag kommt zu den ausstehenden Änderungen; gesendet wird erst, wenn Sie sie anwenden.</translation>
    </message>
    <message>
        <source>Renaming deletes the tag and adds it under the new key when you apply.</source>
        <translation>Beim Anwenden löscht das Umbenennen das Tag und fügt es unter dem neuen Schlüssel hinzu.</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Wert:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
</context>
<context>
    <name>ui::TreeFilterBar</name>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Show only rows containing this text (Escape clears)</source>
        <translation>Nur Zeilen mit diesem Text zeigen (Escape leert das Feld)</translation>
    </message>
    <message>
        <source>Show all rows (Escape)</source>
        <translation>Alle Zeilen zeigen (Escape)</translation>
    </message>
    <message>
        <source>Close the filter</source>
        <translation>Filter schließen</translation>
    </message>
    <message>
        <source>No rows match</source>
        <translation>Keine Zeile passt</translation>
    </message>
    <message>
        <source>1 row matches</source>
        <translation>1 Zeile passt</translation>
    </message>
    <message>
        <source>%1 rows match</source>
        <translation>%1 Zeilen passen</translation>
    </message>
</context>
<context>
    <name>ui::WhipPublishTab</name>
    <message>
        <source>&amp;Create Token</source>
        <translation>Token &amp;erstellen</translation>
    </message>
    <message>
        <source>&amp;Save as OBS Service Settings…</source>
        <translation>Als OBS-Diensteinstellungen &amp;speichern…</translation>
    </message>
    <message>
        <source>Token status</source>
        <translation>Token-Status</translation>
    </message>
    <message>
        <source>Every participant of the stage sees it: no personal or secret information. At most 128 characters.</source>
        <translation>Jeder Teilnehmer der Stage sieht sie: keine persönlichen oder geheimen Angaben. Höchstens 128 Zeichen.</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>From 1 minute to 14 days (20160 minutes, 336 hours).</source>
        <translation>Von 1 Minute bis 14 Tage (20160 Minuten, 336 Stunden).</translation>
    </message>
    <message>
        <source>e.g. role=host, displayName=Studio A (optional)</source>
        <translation>z. B. role=host, displayName=Studio A (optional)</translation>
    </message>
    <message>
        <source>Encoded in the token, at most 1 KB in all. Every participant of the stage can read them: no personal or secret information.</source>
        <translation>Im Token codiert, insgesamt höchstens 1 KB. Jeder Teilnehmer der Stage kann sie lesen: keine persönlichen oder geheimen Angaben.</translation>
    </message>
    <message>
        <source>&amp;Lifetime:</source>
        <translation>&amp;Gültig für:</translation>
    </message>
    <message>
        <source>&amp;User id:</source>
        <translation>&amp;Benutzer-ID:</translation>
    </message>
    <message>
        <source>&amp;Attributes:</source>
        <translation>&amp;Attribute:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Bearer token:</source>
        <translation>Bearer-Token:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Läuft ab:</translation>
    </message>
    <message>
        <source>For the encoder (OBS: Settings → Stream → WHIP)</source>
        <translation>Für den Encoder (OBS: Einstellungen → Stream → WHIP)</translation>
    </message>
    <message>
        <source>Creating a token…</source>
        <translation>Token wird erstellt…</translation>
    </message>
    <message>
        <source>Token created. Whoever holds it can publish to this stage until it expires.</source>
        <translation>Token erstellt. Wer es besitzt, kann bis zu seinem Ablauf in dieser Stage veröffentlichen.</translation>
    </message>
    <message>
        <source>Send to &amp;OBS</source>
        <translation>An &amp;OBS senden</translation>
    </message>
    <message>
        <source>Copy S&amp;erver</source>
        <translation>Ser&amp;ver kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Token</source>
        <translation>&amp;Token kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Both</source>
        <translation>Bei&amp;des kopieren</translation>
    </message>
    <message>
        <source>Create a token and set OBS&apos;s stream service (WHIP) to it in one step, through OBS&apos;s WebSocket server</source>
        <translation>Ein Token erstellen und den Streamdienst von OBS (WHIP) in einem Schritt darauf einstellen, über dessen WebSocket-Server</translation>
    </message>
    <message>
        <source>Connecting to OBS…</source>
        <translation>Verbinde mit OBS…</translation>
    </message>
</context>
</TS>
