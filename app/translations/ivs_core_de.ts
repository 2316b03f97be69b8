<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>Inspect Amazon IVS Real-Time stages.</source>
        <translation>Amazon IVS Real-Time-Stages untersuchen.</translation>
    </message>
    <message>
        <source>Use the built-in demo endpoint and sample stages (the default when no AWS credentials are set).</source>
        <translation>Den eingebauten Demo-Endpunkt mit Beispiel-Stages verwenden (Standardwert, wenn keine AWS-Zugangsdaten eingerichtet sind).</translation>
    </message>
    <message>
        <source>Send requests to URL.</source>
        <translation>Anfragen an URL senden.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Look up this stage at start.</source>
        <translation>Diese Stage beim Start abrufen.</translation>
    </message>
    <message>
        <source>ARN</source>
        <translation>ARN</translation>
    </message>
    <message>
        <source>Use this profile (keychain, else AWS CLI).</source>
        <translation>Dieses Profil verwenden (aus dem Schlüsselbund, sonst aus der AWS CLI).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Region for calls that are not about one stage.</source>
        <translation>Region für Aufrufe, die nicht eine bestimmte Stage betreffen.</translation>
    </message>
    <message>
        <source>REGION</source>
        <translation>REGION</translation>
    </message>
    <message>
        <source>IVS Stage Browser</source>
        <translation>IVS Stage Browser</translation>
    </message>
</context>
<context>
    <name>aws::CredentialProcessProvider</name>
    <message>
        <source>credential_process of profile &quot;%1&quot;</source>
        <translation>credential_process des Profils „%1“</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; cannot be run: %2. Fix the credential_process line of the profile in the AWS config file.</source>
        <translation>Der credential_process des Profils „%1“ kann nicht ausgeführt werden: %2. Korrigieren Sie die credential_process-Zeile des Profils in der AWS-Konfigurationsdatei.</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; could not be started: &quot;%2&quot; was not found or is not executable (%3). Check the credential_process line of the profile in the AWS config file.</source>
        <translation>Der credential_process des Profils „%1“ konnte nicht gestartet werden: „%2“ wurde nicht gefunden oder ist nicht ausführbar (%3). Prüfen Sie die credential_process-Zeile des Profils in der AWS-Konfigurationsdatei.</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; did not finish within %2 seconds and was stopped. Run the command in a terminal to see whether it waits for input such as a login.</source>
        <translation>Der credential_process des Profils „%1“ war nach %2 Sekunden nicht fertig und wurde beendet. Führen Sie den Befehl in einem Terminal aus, um zu sehen, ob er auf eine Eingabe wartet, etwa eine Anmeldung.</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; printed more than a megabyte, which is not credential JSON; it was stopped.</source>
        <translation>Der credential_process des Profils „%1“ hat mehr als ein Megabyte ausgegeben; das ist kein JSON mit Zugangsdaten. Er wurde beendet.</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; was terminated by a signal. Run the command in a terminal for details.</source>
        <translation>Der credential_process des Profils „%1“ wurde durch ein Signal beendet. Führen Sie den Befehl für Einzelheiten in einem Terminal aus.</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; failed with exit code %2 and printed no error message.</source>
        <translation>Der credential_process des Profils „%1“ ist mit dem Exit-Code %2 fehlgeschlagen und hat keine Fehlermeldung ausgegeben.</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; failed with exit code %2: &quot;%3&quot;.</source>
        <translation>Der credential_process des Profils „%1“ ist mit dem Exit-Code %2 fehlgeschlagen: „%3“.</translation>
    </message>
    <message>
        <source>Run the command in a terminal for details.</source>
        <translation>Führen Sie den Befehl für Einzelheiten in einem Terminal aus.</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; printed unusable output: %2.</source>
        <translation>Der credential_process des Profils „%1“ hat eine unbrauchbare Ausgabe geliefert: %2.</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; returned credentials that have already expired.</source>
        <translation>Der credential_process des Profils „%1“ hat Zugangsdaten geliefert, die bereits abgelaufen sind.</translation>
    </message>
    <message>
        <source>nothing on standard output</source>
        <translation>nichts auf der Standardausgabe</translation>
    </message>
    <message>
        <source>not valid JSON (%1 at offset %2)</source>
        <translation>kein gültiges JSON (%1 an Position %2)</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>&quot;Version&quot; is missing; it must be 1</source>
        <translation>&quot;Version&quot; fehlt; der Wert muss 1 sein</translation>
    </message>
    <message>
        <source>&quot;Version&quot; must be 1, the only version AWS defines</source>
        <translation>&quot;Version&quot; muss 1 sein, die einzige Version, die AWS festlegt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing or not a non-empty string</source>
        <translation>&quot;%1&quot; fehlt oder ist keine nicht leere Zeichenkette</translation>
    </message>
    <message>
        <source>&quot;SessionToken&quot; is not a string</source>
        <translation>&quot;SessionToken&quot; ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>&quot;Expiration&quot; is not an RFC 3339 date and time such as 2026-11-25T14:00:00Z</source>
        <translation>&quot;Expiration&quot; ist kein Datum mit Uhrzeit nach RFC 3339 wie 2026-11-25T14:00:00Z</translation>
    </message>
    <message>
        <source>&quot;Expiration&quot; is not a string</source>
        <translation>&quot;Expiration&quot; ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>it ends with a lone backslash</source>
        <translation>die Befehlszeile endet mit einem einzelnen Backslash</translation>
    </message>
    <message>
        <source>a single quote is not closed</source>
        <translation>ein einfaches Anführungszeichen wird nicht geschlossen</translation>
    </message>
    <message>
        <source>a double quote is not closed</source>
        <translation>ein doppeltes Anführungszeichen wird nicht geschlossen</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>die Befehlszeile ist leer</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; was stopped before it finished, because the connection was switched or closed.</source>
        <translation>Der credential_process des Profils „%1“ wurde abgebrochen, bevor er fertig war, weil die Verbindung gewechselt oder geschlossen wurde.</translation>
    </message>
</context>
<context>
    <name>aws::Credentials</name>
    <message>
        <source> (with session token)</source>
        <translation> (mit Sitzungstoken)</translation>
    </message>
    <message>
        <source>%1… (%2 characters)</source>
        <translation>%1… (%2 Zeichen)</translation>
    </message>
</context>
<context>
    <name>aws::EndpointConfig</name>
    <message>
        <source>The endpoint URL &quot;%1&quot; is not a valid URL: %2</source>
        <translation>Die Endpunkt-URL „%1“ ist keine gültige URL: %2</translation>
    </message>
    <message>
        <source>The endpoint URL &quot;%1&quot; has no host name.</source>
        <translation>Die Endpunkt-URL „%1“ enthält keinen Hostnamen.</translation>
    </message>
    <message>
        <source>Refusing to send signed requests over plain http to %1: use https, or a loopback address (127.0.0.1, ::1, localhost) for a local test endpoint.</source>
        <translation>Signierte Anfragen werden nicht über unverschlüsseltes http an %1 gesendet: Verwenden Sie https oder für einen lokalen Test-Endpunkt eine Loopback-Adresse (127.0.0.1, ::1, localhost).</translation>
    </message>
    <message>
        <source>The endpoint URL &quot;%1&quot; must start with https:// (or http:// for a loopback address).</source>
        <translation>Die Endpunkt-URL „%1“ muss mit https:// beginnen (oder mit http:// bei einer Loopback-Adresse).</translation>
    </message>
    <message>
        <source>the services section of profile &quot;%1&quot;</source>
        <translation>services-Abschnitt des Profils „%1“</translation>
    </message>
    <message>
        <source>endpoint_url of profile &quot;%1&quot;</source>
        <translation>endpoint_url des Profils „%1“</translation>
    </message>
    <message>
        <source>(from %1)</source>
        <translation>(Quelle: %1)</translation>
    </message>
    <message>
        <source>AWS_CA_BUNDLE points to &quot;%1&quot;, which cannot be read.</source>
        <translation>AWS_CA_BUNDLE verweist auf „%1“; diese Datei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>AWS_CA_BUNDLE file &quot;%1&quot; holds no PEM certificate.</source>
        <translation>Die AWS_CA_BUNDLE-Datei „%1“ enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>the AWS_CA_BUNDLE file</source>
        <translation>die AWS_CA_BUNDLE-Datei</translation>
    </message>
</context>
<context>
    <name>aws::EnvironmentCredentialProvider</name>
    <message>
        <source>No AWS credentials found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials), or use the demo endpoint with --demo.</source>
        <translation>Keine AWS-Zugangsdaten gefunden. Setzen Sie AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY (und für temporäre Zugangsdaten AWS_SESSION_TOKEN), oder verwenden Sie mit --demo den Demo-Endpunkt.</translation>
    </message>
    <message>
        <source>AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is empty: set both.</source>
        <translation>AWS_SECRET_ACCESS_KEY ist gesetzt, aber AWS_ACCESS_KEY_ID ist leer: Setzen Sie beide.</translation>
    </message>
    <message>
        <source>AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is empty: set both.</source>
        <translation>AWS_ACCESS_KEY_ID ist gesetzt, aber AWS_SECRET_ACCESS_KEY ist leer: Setzen Sie beide.</translation>
    </message>
    <message>
        <source>environment variables</source>
        <translation>Umgebungsvariablen</translation>
    </message>
</context>
<context>
    <name>aws::SharedConfig</name>
    <message>
        <source>skipped section [%1]: expected [profile NAME]</source>
        <translation>Abschnitt [%1] übersprungen: erwartet wird [profile NAME]</translation>
    </message>
    <message>
        <source>both [default] and [profile default] exist; [default] is ignored</source>
        <translation>sowohl [default] als auch [profile default] sind vorhanden; [default] wird ignoriert</translation>
    </message>
    <message>
        <source>skipped an indented line that is not &quot;key = value&quot;</source>
        <translation>eine eingerückte Zeile übersprungen, die nicht die Form &quot;key = value&quot; hat</translation>
    </message>
    <message>
        <source>skipped a malformed section header and the keys below it</source>
        <translation>eine fehlerhafte Abschnittsüberschrift und die Schlüssel darunter übersprungen</translation>
    </message>
    <message>
        <source>skipped a line above the first [section] header</source>
        <translation>eine Zeile vor der ersten [Abschnitt]-Überschrift übersprungen</translation>
    </message>
    <message>
        <source>skipped a line that is not &quot;key = value&quot;</source>
        <translation>eine Zeile übersprungen, die nicht die Form &quot;key = value&quot; hat</translation>
    </message>
    <message>
        <source>section [%1] appears more than once; later values win</source>
        <translation>Abschnitt [%1] kommt mehrfach vor; spätere Werte haben Vorrang</translation>
    </message>
    <message>
        <source>the AWS file</source>
        <translation>die AWS-Datei</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Unbekannter Befehl „%1“.</translation>
    </message>
    <message>
        <source>Commands:
  get-stage --arn ARN               show a stage as GetStage returns it
  list-stages [--region R]... [--all-regions]
                                    list the stages of one or more regions
  diagnose --arn ARN                check a stage for problems and say what to do (exit code 1: problems found)
  export --arn ARN [--file FILE]    write the stage&apos;s editable configuration as JSON
  apply --arn ARN --file FILE [--dry-run] [--yes]
                                    review the changes a file makes to the stage, then send them
  create-token --arn ARN [--output json|obs]
                                    create a participant token and WHIP server for an encoder
  watch --arn ARN [--output text|jsonl] [--until-session-ends]
                                    follow the session in progress and print each new event once
  disconnect --arn ARN --participant-id ID [--reason TEXT] [--yes]
                                    disconnect a participant and revoke its token
  recordings --arn ARN [--session-id ID] [--output table|json]
                                    what a session&apos;s recordings left in S3 (exit code 1: problems found)
  download-recording --arn ARN --session-id ID --participant-id ID --dir DIR
                                    download a participant&apos;s recording, verified
  profile list|add|remove|import    manage profiles kept in the OS keychain
Each has its own help: ivs-stage-browser get-stage --help, list-stages --help, diagnose --help, export --help, apply --help, create-token --help, watch --help, disconnect --help, recordings --help, download-recording --help, profile --help.
</source>
        <translation>Befehle:
  get-stage --arn ARN               eine Stage so anzeigen, wie GetStage sie liefert
  list-stages [--region R]... [--all-regions]
                                    die Stages einer oder mehrerer Regionen auflisten
  diagnose --arn ARN                eine Stage auf Probleme prüfen und sagen, was zu tun ist (Exit-Code 1: Probleme gefunden)
  export --arn ARN [--file FILE]    die bearbeitbare Konfiguration der Stage als JSON schreiben
  apply --arn ARN --file FILE [--dry-run] [--yes]
                                    die Änderungen prüfen, die eine Datei an der Stage vornimmt, und sie dann senden
  create-token --arn ARN [--output json|obs]
                                    ein Teilnehmer-Token und einen WHIP-Server für einen Encoder erstellen
  watch --arn ARN [--output text|jsonl] [--until-session-ends]
                                    die laufende Sitzung verfolgen und jedes neue Ereignis einmal ausgeben
  disconnect --arn ARN --participant-id ID [--reason TEXT] [--yes]
                                    einen Teilnehmer trennen und sein Token widerrufen
  recordings --arn ARN [--session-id ID] [--output table|json]
                                    was die Aufnahmen einer Sitzung in S3 hinterlassen haben (Exit-Code 1: Probleme gefunden)
  download-recording --arn ARN --session-id ID --participant-id ID --dir DIR
                                    die Aufnahme eines Teilnehmers herunterladen, geprüft
  profile list|add|remove|import    im Schlüsselbund des Betriebssystems gespeicherte Profile verwalten
Jeder Befehl hat eine eigene Hilfe: ivs-stage-browser get-stage --help, list-stages --help, diagnose --help, export --help, apply --help, create-token --help, watch --help, disconnect --help, recordings --help, download-recording --help, profile --help.
</translation>
    </message>
    <message>
        <source>Exit codes:
  0  success
  1  diagnose and recordings only: the checks found a problem (a warning or an error); from any other command, an internal error
  2  usage: bad option, invalid ARN, unusable endpoint URL or CA bundle, a file that cannot be read or written, a configuration file that breaks the rules
  3  credentials or authorisation: none configured, signature rejected, expired token, access denied
  4  not found: no such stage for this account and region
  5  other service error, or an answer that could not be read
  6  network or TLS: connection, DNS, certificate, timeout
</source>
        <translation>Exit-Codes:
  0  Erfolg
  1  nur diagnose und recordings: Die Prüfungen haben ein Problem gefunden (eine Warnung oder einen Fehler); bei jedem anderen Befehl ein interner Fehler
  2  Aufruf: ungültige Option, ungültige ARN, unbrauchbare Endpunkt-URL oder CA-Bundle, eine Datei, die nicht gelesen oder geschrieben werden kann, eine Konfigurationsdatei, die gegen die Regeln verstößt
  3  Anmeldedaten oder Autorisierung: keine konfiguriert, Signatur abgelehnt, Token abgelaufen, Zugriff verweigert
  4  nicht gefunden: keine solche Stage für dieses Konto und diese Region
  5  anderer Dienstfehler oder eine Antwort, die nicht gelesen werden konnte
  6  Netzwerk oder TLS: Verbindung, DNS, Zertifikat, Zeitüberschreitung
</translation>
    </message>
</context>
<context>
    <name>cli::Apply</name>
    <message>
        <source>Makes a stage match a configuration file written by export (or File → Export): reads the stage, checks the file against the service&apos;s rules, prints each change (old → new) and the exact requests, then sends UpdateStage, TagResource and UntagResource — only those needed — and reports what was applied and what was not. What the file leaves out stays as it is.</source>
        <translation>Bringt eine Stage in Übereinstimmung mit einer Konfigurationsdatei, die export (oder Datei → Exportieren) geschrieben hat: liest die Stage, prüft die Datei gegen die Regeln des Dienstes, gibt jede Änderung (alt → neu) und die genauen Anfragen aus, sendet dann UpdateStage, TagResource und UntagResource – nur die nötigen – und meldet, was übernommen wurde und was nicht. Was die Datei nicht enthält, bleibt, wie es ist.</translation>
    </message>
    <message>
        <source>ARN of the stage to change.</source>
        <translation>ARN der zu ändernden Stage.</translation>
    </message>
    <message>
        <source>The configuration to apply.</source>
        <translation>Die anzuwendende Konfiguration.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Print the review and send nothing (only GetStage is called).</source>
        <translation>Die Übersicht ausgeben und nichts senden (nur GetStage wird aufgerufen).</translation>
    </message>
    <message>
        <source>Do not ask for confirmation on a terminal (without a terminal nothing is asked).</source>
        <translation>Im Terminal nicht um Bestätigung bitten (ohne Terminal wird nie gefragt).</translation>
    </message>
    <message>
        <source>%1 is %2, the file says %3</source>
        <translation>%1 ist %2, in der Datei steht %3</translation>
    </message>
    <message>
        <source>--file is required: the configuration to apply (%1).</source>
        <translation>--file ist erforderlich: die anzuwendende Konfiguration (%1).</translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation>Keine Antwort.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>ivs-stage-browser: note: %1 was exported from %2; applying it to %3.</source>
        <translation>ivs-stage-browser: Hinweis: %1 wurde aus %2 exportiert; die Datei wird auf %3 angewendet.</translation>
    </message>
    <message>
        <source>No changes: %1 already matches %2. Nothing was sent.</source>
        <translation>Keine Änderungen: %1 entspricht bereits %2. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Dry run: nothing was sent.</source>
        <translation>Probelauf: Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Apply these changes to %1? [y/N] </source>
        <translation>Diese Änderungen auf %1 anwenden? (y = ja) [y/N] </translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>ivs-stage-browser: note: the service did not keep everything in %1: %2.</source>
        <translation>ivs-stage-browser: Hinweis: Der Dienst hat nicht alles aus %1 übernommen: %2.</translation>
    </message>
    <message>
        <source>the configuration file</source>
        <translation>die Konfigurationsdatei</translation>
    </message>
    <message>
        <source>%1 %2 (stays %3)</source>
        <translation>%1 %2 (bleibt %3)</translation>
    </message>
    <message>
        <source>Recording is off in %1 (its storageConfigurationArn is empty), so the service ignores the other recording settings it gives and keeps their defaults: %2. To record with them, set storageConfigurationArn to a storage configuration in %3.</source>
        <translation>In %1 ist die Aufzeichnung aus (storageConfigurationArn ist leer), daher ignoriert der Dienst die übrigen Aufzeichnungseinstellungen daraus und behält ihre Standardwerte: %2. Um damit aufzuzeichnen, setzen Sie storageConfigurationArn auf eine Speicherkonfiguration in %3.</translation>
    </message>
    <message>
        <source>Applied: %1.</source>
        <translation>Übernommen: %1.</translation>
    </message>
    <message>
        <source>Nothing was applied. %1</source>
        <translation>Es wurde nichts übernommen. %1</translation>
    </message>
    <message>
        <source>Applied: %1. %2</source>
        <translation>Übernommen: %1. %2</translation>
    </message>
    <message>
        <source>Not sent: %1.</source>
        <translation>Nicht gesendet: %1.</translation>
    </message>
    <message>
        <source>The stage could not be read again afterwards (%1).</source>
        <translation>Die Stage konnte danach nicht erneut gelesen werden (%1).</translation>
    </message>
    <message>
        <source>No changes to send: %1 Nothing was sent.</source>
        <translation>Keine Änderungen zu senden: %1 Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>ivs-stage-browser: note: %1</source>
        <translation>ivs-stage-browser: Hinweis: %1</translation>
    </message>
</context>
<context>
    <name>cli::CreateToken</name>
    <message>
        <source>ARN of the stage the token is for.</source>
        <translation>ARN der Stage, für die das Token gilt.</translation>
    </message>
    <message>
        <source>The token&apos;s user id, at most 128 characters (default: none). Every participant of the stage can see it: no personal or secret information.</source>
        <translation>Die Benutzer-ID des Tokens, höchstens 128 Zeichen (Standardwert: keine). Jeder Teilnehmer der Stage kann sie sehen: keine persönlichen oder geheimen Angaben.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>How long the token stays valid: 1 to 20160 minutes (14 days); default 720 (12 hours).</source>
        <translation>Wie lange das Token gültig bleibt: 1 bis 20160 Minuten (14 Tage); Standardwert 720 (12 Stunden).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>PUBLISH or SUBSCRIBE; give it twice for both. Default: PUBLISH, what an encoder needs.</source>
        <translation>PUBLISH oder SUBSCRIBE; für beides zweimal angeben. Standardwert: PUBLISH, das braucht ein Encoder.</translation>
    </message>
    <message>
        <source>CAPABILITY</source>
        <translation>CAPABILITY</translation>
    </message>
    <message>
        <source>An attribute encoded in the token, KEY=VALUE; may be given several times, at most 1 KB in all. Every participant of the stage can see them.</source>
        <translation>Ein im Token kodiertes Attribut, KEY=VALUE; kann mehrfach angegeben werden, insgesamt höchstens 1 KB. Jeder Teilnehmer der Stage kann die Attribute sehen.</translation>
    </message>
    <message>
        <source>KEY=VALUE</source>
        <translation>KEY=VALUE</translation>
    </message>
    <message>
        <source>json (default): participantId, token, userId, capabilities, expirationTime and server (the stage&apos;s WHIP endpoint); obs: OBS&apos;s service.json for the custom WHIP service.</source>
        <translation>json (Standardwert): participantId, token, userId, capabilities, expirationTime und server (der WHIP-Endpunkt der Stage); obs: die service.json von OBS für den benutzerdefinierten WHIP-Dienst.</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>--duration-minutes must be a whole number of minutes from 1 to 20160, not &quot;%1&quot;.</source>
        <translation>--duration-minutes muss eine ganze Zahl von Minuten zwischen 1 und 20160 sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>--output must be &quot;json&quot; or &quot;obs&quot;, not &quot;%1&quot;.</source>
        <translation>--output muss „json“ oder „obs“ sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation>Keine Antwort.</translation>
    </message>
    <message>
        <source>The stage %1 has no WHIP endpoint, so OBS would have no server; no token was created.</source>
        <translation>Die Stage %1 hat keinen WHIP-Endpunkt, daher hätte OBS keinen Server; es wurde kein Token erstellt.</translation>
    </message>
    <message>
        <source>Creates a participant token for a stage (CreateParticipantToken) and prints it with the stage&apos;s WHIP server, ready for an encoder. The token is a secret: it is printed on standard output only, never with --verbose or in an error. With --output obs the output is OBS&apos;s service.json (custom WHIP service): save it as ~/.config/obs-studio/basic/profiles/PROFILE/service.json while OBS is closed. With --send-to-obs the running OBS (28 or later, its WebSocket server on) is set to stream to the stage with the new token in the same step.</source>
        <translation>Erstellt ein Teilnehmer-Token für eine Stage (CreateParticipantToken) und gibt es mit dem WHIP-Server der Stage aus, bereit für einen Encoder. Das Token ist geheim: Es erscheint nur auf der Standardausgabe, nie mit --verbose oder in einer Fehlermeldung. Mit --output obs ist die Ausgabe OBS’ service.json (eigener WHIP-Dienst): Speichern Sie sie bei geschlossenem OBS als ~/.config/obs-studio/basic/profiles/PROFIL/service.json. Mit --send-to-obs wird das laufende OBS (ab 28, mit eingeschaltetem WebSocket-Server) im selben Schritt auf die Stage mit dem neuen Token eingestellt.</translation>
    </message>
    <message>
        <source>Set OBS&apos;s stream service (custom WHIP: server and bearer token) through its WebSocket server, then read it back to confirm. OBS is checked first: no token is created for an OBS that is not running, refuses the password or is streaming. Prints what OBS was set to, not the token, unless --output is given.</source>
        <translation>Stellt den Streamdienst von OBS (eigener WHIP-Dienst: Server und Bearer-Token) über dessen WebSocket-Server ein und liest ihn zur Bestätigung zurück. OBS wird zuerst geprüft: Für ein OBS, das nicht läuft, das Passwort ablehnt oder gerade streamt, wird kein Token erstellt. Gibt aus, worauf OBS eingestellt wurde, nicht das Token – außer mit --output.</translation>
    </message>
    <message>
        <source>Where OBS&apos;s WebSocket server listens (default ws://127.0.0.1:4455). ws:// only on this computer; wss:// anywhere.</source>
        <translation>Wo der WebSocket-Server von OBS lauscht (Standard ws://127.0.0.1:4455). ws:// nur auf diesem Computer; wss:// überall.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Read OBS&apos;s WebSocket password from standard input (one line; not echoed on a terminal). Without it, the password saved in the keychain for --obs-url is used, if any.</source>
        <translation>Das WebSocket-Passwort von OBS von der Standardeingabe lesen (eine Zeile; im Terminal ohne Echo). Ohne diese Option wird das im Schlüsselbund für --obs-url gespeicherte Passwort verwendet, falls vorhanden.</translation>
    </message>
    <message>
        <source>Save the password read with --obs-password-stdin in the keychain for --obs-url, once OBS accepted it.</source>
        <translation>Das mit --obs-password-stdin gelesene Passwort im Schlüsselbund für --obs-url speichern, sobald OBS es angenommen hat.</translation>
    </message>
    <message>
        <source>Change OBS&apos;s stream settings even while it is streaming (they take effect at its next Start Streaming).</source>
        <translation>Die Streameinstellungen von OBS auch während eines laufenden Streams ändern (sie gelten ab dem nächsten „Stream starten“).</translation>
    </message>
    <message>
        <source>--%1 goes with --send-to-obs.</source>
        <translation>--%1 gehört zu --send-to-obs.</translation>
    </message>
    <message>
        <source>--obs-save-password saves the password read with --obs-password-stdin; give both.</source>
        <translation>--obs-save-password speichert das mit --obs-password-stdin gelesene Passwort; geben Sie beide an.</translation>
    </message>
    <message>
        <source>The token created for it (participant %1) was not printed; it expires unused.</source>
        <translation>Das dafür erstellte Token (Teilnehmer %1) wurde nicht ausgegeben; es läuft ungenutzt ab.</translation>
    </message>
    <message>
        <source>OBS WebSocket password: </source>
        <translation>OBS-WebSocket-Passwort: </translation>
    </message>
    <message>
        <source>--obs-password-stdin: standard input ended before a password line.</source>
        <translation>--obs-password-stdin: Die Standardeingabe endete vor einer Passwortzeile.</translation>
    </message>
</context>
<context>
    <name>cli::Diagnose</name>
    <message>
        <source>Checks a stage for problems: reads it (GetStage), its storage configuration, its active session and that session&apos;s participants, then says what is wrong and what to do about it. Exit code 1 means the checks found a problem (a warning or an error); 0 means nothing is wrong (notes alone do not count); 2 to 6 mean the stage could not be read, as for get-stage.</source>
        <translation>Prüft eine Stage auf Probleme: liest sie (GetStage), ihre Speicherkonfiguration, ihre aktive Sitzung und deren Teilnehmer und sagt dann, was nicht stimmt und was dagegen zu tun ist. Exit-Code 1 bedeutet, dass die Prüfungen ein Problem gefunden haben (eine Warnung oder einen Fehler); 0 bedeutet, dass alles in Ordnung ist (Hinweise allein zählen nicht); 2 bis 6 bedeuten, dass die Stage nicht gelesen werden konnte, wie bei get-stage.</translation>
    </message>
    <message>
        <source>ARN of the stage to check.</source>
        <translation>ARN der zu prüfenden Stage.</translation>
    </message>
    <message>
        <source>text (default): one block per finding, errors first; json: {arn, findings: [{id, severity, title, action, fieldPath}]}.</source>
        <translation>text (Standardwert): ein Block je Befund, Fehler zuerst; json: {arn, findings: [{id, severity, title, action, fieldPath}]}.</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>HINWEIS</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>WARNUNG</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>field: %1</source>
        <translation>Feld: %1</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
    <message>
        <source>--output must be &quot;text&quot; or &quot;json&quot;, not &quot;%1&quot;.</source>
        <translation>--output muss „text“ oder „json“ sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation>Keine Antwort.</translation>
    </message>
    <message>
        <source>Recording is off; no other problems found.</source>
        <translation>Die Aufzeichnung ist aus; sonst keine Probleme gefunden.</translation>
    </message>
</context>
<context>
    <name>cli::Disconnect</name>
    <message>
        <source>Disconnects a participant from the stage&apos;s session in progress (DisconnectParticipant) and revokes its token: it cannot join again with the same token. Asks first on a terminal; without a terminal it needs --yes.</source>
        <translation>Trennt einen Teilnehmer von der laufenden Sitzung der Stage (DisconnectParticipant) und widerruft sein Token: Mit demselben Token kann er nicht erneut beitreten. Fragt an einem Terminal zuerst nach; ohne Terminal ist --yes nötig.</translation>
    </message>
    <message>
        <source>ARN of the stage the participant is on.</source>
        <translation>ARN der Stage, auf der sich der Teilnehmer befindet.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Why, in at most 128 characters on one line; kept with the disconnection.</source>
        <translation>Der Grund, in höchstens 128 Zeichen auf einer Zeile; wird mit der Trennung gespeichert.</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>Do not ask for confirmation (needed without a terminal).</source>
        <translation>Nicht nach einer Bestätigung fragen (ohne Terminal nötig).</translation>
    </message>
    <message>
        <source>--participant-id is required (%1).</source>
        <translation>--participant-id ist erforderlich (%1).</translation>
    </message>
    <message>
        <source>--participant-id: %1</source>
        <translation>--participant-id: %1</translation>
    </message>
    <message>
        <source>--reason: %1</source>
        <translation>--reason: %1</translation>
    </message>
    <message>
        <source>disconnect asks before it acts, and there is no terminal to ask on: add --yes to disconnect without asking.</source>
        <translation>disconnect fragt nach, bevor es handelt, und es gibt kein Terminal, an dem es fragen könnte: Geben Sie --yes an, um ohne Nachfrage zu trennen.</translation>
    </message>
    <message>
        <source>Disconnect participant %1 from %2? Its token is revoked. [y/N] </source>
        <translation>Teilnehmer %1 von %2 trennen? Sein Token wird widerrufen. [y/N] </translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Disconnected participant %1 from %2.</source>
        <translation>Teilnehmer %1 wurde von %2 getrennt.</translation>
    </message>
    <message>
        <source>The participant to disconnect, as watch shows it.</source>
        <translation>Der zu trennende Teilnehmer, wie watch ihn anzeigt.</translation>
    </message>
</context>
<context>
    <name>cli::Export</name>
    <message>
        <source>Writes a stage&apos;s editable configuration — name, automatic participant recording with every default filled in, tags — as a JSON document that apply reads back (the window&apos;s File → Export writes the same format).</source>
        <translation>Schreibt die bearbeitbare Konfiguration einer Stage – Name, automatische Teilnehmeraufzeichnung mit allen Standardwerten ausgefüllt, Tags – als JSON-Dokument, das apply wieder einliest (Datei → Exportieren im Fenster schreibt dasselbe Format).</translation>
    </message>
    <message>
        <source>ARN of the stage to export.</source>
        <translation>ARN der zu exportierenden Stage.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>--file needs the name of the file to write.</source>
        <translation>--file braucht den Namen der zu schreibenden Datei.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation>Keine Antwort.</translation>
    </message>
    <message>
        <source>Exported the configuration of %1 to %2.</source>
        <translation>Die Konfiguration von %1 wurde nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Write to FILE (replaced in one step: never left half-written) instead of standard output. A symbolic link, a pipe or a device is not replaced.</source>
        <translation>In FILE statt auf die Standardausgabe schreiben (in einem Schritt ersetzt: nie halb geschrieben). Ein symbolischer Link, eine Pipe oder ein Gerät wird nicht ersetzt.</translation>
    </message>
</context>
<context>
    <name>cli::GetStage</name>
    <message>
        <source>Shows a stage as GetStage returns it.</source>
        <translation>Zeigt eine Stage so an, wie GetStage sie liefert.</translation>
    </message>
    <message>
        <source>ARN of the stage to show.</source>
        <translation>ARN der anzuzeigenden Stage.</translation>
    </message>
    <message>
        <source>tree (default): the fields with documented defaults marked; json: the service&apos;s stage object as received.</source>
        <translation>tree (Standardwert): die Felder, dokumentierte Standardwerte gekennzeichnet; json: das stage-Objekt des Dienstes, wie empfangen.</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>--output must be &quot;tree&quot; or &quot;json&quot;, not &quot;%1&quot;.</source>
        <translation>--output muss „tree“ oder „json“ sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation>Keine Antwort.</translation>
    </message>
</context>
<context>
    <name>cli::ListStages</name>
    <message>
        <source>Lists the stages of one or more regions (ListStages, every page), asking the regions at once. A region that fails is reported on standard error, one line each; the other regions are still listed, and the exit code is the failure&apos;s (the first failing region&apos;s, in the order the regions were given).</source>
        <translation>Listet die Stages einer oder mehrerer Regionen auf (ListStages, alle Seiten) und fragt die Regionen gleichzeitig ab. Eine Region, bei der ein Fehler auftritt, wird auf der Standardfehlerausgabe gemeldet, je eine Zeile; die anderen Regionen werden trotzdem aufgelistet, und der Exit-Code ist der des Fehlers (der ersten fehlgeschlagenen Region, in der Reihenfolge, in der die Regionen angegeben wurden).</translation>
    </message>
    <message>
        <source>List the stages of REGION; repeat for several regions. Default: AWS_REGION, AWS_DEFAULT_REGION, then the profile&apos;s region.</source>
        <translation>Die Stages von REGION auflisten; für mehrere Regionen wiederholen. Standardwert: AWS_REGION, AWS_DEFAULT_REGION, dann die Region des Profils.</translation>
    </message>
    <message>
        <source>List every region where Amazon IVS Real-Time is offered: %1.</source>
        <translation>Alle Regionen auflisten, in denen Amazon IVS Real-Time angeboten wird: %1.</translation>
    </message>
    <message>
        <source>table (default): aligned columns, sorted by region, then name; json: an array of {arn, name, region, activeSessionId (null when no session is in progress), tags} in the same order.</source>
        <translation>table (Standardwert): ausgerichtete Spalten, sortiert nach Region, dann nach Name; json: ein Array aus {arn, name, region, activeSessionId (null, wenn keine Sitzung läuft), tags} in derselben Reihenfolge.</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>REGION</source>
        <translation>REGION</translation>
    </message>
    <message>
        <source>STAGE ID</source>
        <translation>STAGE-ID</translation>
    </message>
    <message>
        <source>ACTIVE SESSION</source>
        <translation>AKTIVE SITZUNG</translation>
    </message>
    <message>
        <source>TAGS</source>
        <translation>TAGS</translation>
    </message>
    <message>
        <source>The stage read before the failure is listed.</source>
        <translation>Die vor dem Fehler gelesene Stage wird aufgelistet.</translation>
    </message>
    <message>
        <source>The %1 stages read before the failure are listed.</source>
        <translation>Die %1 vor dem Fehler gelesenen Stages werden aufgelistet.</translation>
    </message>
    <message>
        <source>--output must be &quot;table&quot; or &quot;json&quot;, not &quot;%1&quot;.</source>
        <translation>--output muss „table“ oder „json“ sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>Give --region or --all-regions, not both (%1).</source>
        <translation>Geben Sie --region oder --all-regions an, nicht beides (%1).</translation>
    </message>
    <message>
        <source>No region is configured: give --region REGION (repeat it for several), or --all-regions, or set AWS_REGION or the profile&apos;s region.</source>
        <translation>Keine Region eingerichtet: Geben Sie --region REGION an (für mehrere wiederholen) oder --all-regions, oder setzen Sie AWS_REGION oder die Region des Profils.</translation>
    </message>
    <message>
        <source>No stages in %1.</source>
        <translation>Keine Stages in %1.</translation>
    </message>
</context>
<context>
    <name>cli::Profile</name>
    <message>
        <source>Usage: ivs-stage-browser profile COMMAND
Manages profiles whose secrets live in the OS keychain.

Commands:
  list                                    keychain and AWS CLI profiles
  add NAME [--region R] [--access-key-id ID]
                                          store a profile; the secret access key (and an
                                          optional session token on a second line) are read
                                          from standard input, without echo on a terminal
  remove NAME                             delete a keychain profile
  import NAME...                          copy AWS CLI profiles (with access keys) into the
                                          keychain

</source>
        <translation>Aufruf: ivs-stage-browser profile COMMAND
Verwaltet Profile, deren Geheimnisse im Schlüsselbund des Betriebssystems liegen.

Befehle:
  list                                    Schlüsselbund- und AWS-CLI-Profile
  add NAME [--region R] [--access-key-id ID]
                                          ein Profil speichern; der geheime Zugriffsschlüssel
                                          (und ein optionales Sitzungstoken in einer zweiten
                                          Zeile) wird von der Standardeingabe gelesen, im
                                          Terminal ohne Echo
  remove NAME                             ein Schlüsselbund-Profil löschen
  import NAME...                          AWS-CLI-Profile (mit Zugriffsschlüsseln) in den
                                          Schlüsselbund kopieren

</translation>
    </message>
    <message>
        <source>keychain (%1)</source>
        <translation>Schlüsselbund (%1)</translation>
    </message>
    <message>
        <source>AWS CLI %1</source>
        <translation>AWS CLI %1</translation>
    </message>
    <message>
        <source>No profiles. Add one with: ivs-stage-browser profile add NAME --access-key-id ID --region REGION</source>
        <translation>Keine Profile. Fügen Sie eines hinzu mit: ivs-stage-browser profile add NAME --access-key-id ID --region REGION</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>REGION</source>
        <translation>REGION</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>QUELLE</translation>
    </message>
    <message>
        <source>profile add needs exactly one profile NAME.</source>
        <translation>profile add braucht genau einen Profil-NAME.</translation>
    </message>
    <message>
        <source>Access key ID: </source>
        <translation>Zugriffsschlüssel-ID: </translation>
    </message>
    <message>
        <source>--access-key-id is required.</source>
        <translation>--access-key-id ist erforderlich.</translation>
    </message>
    <message>
        <source>Secret access key: </source>
        <translation>Geheimer Zugriffsschlüssel: </translation>
    </message>
    <message>
        <source>No secret access key was given on standard input.</source>
        <translation>Auf der Standardeingabe wurde kein geheimer Zugriffsschlüssel angegeben.</translation>
    </message>
    <message>
        <source>Session token (Enter for none): </source>
        <translation>Sitzungstoken (Eingabetaste für keines): </translation>
    </message>
    <message>
        <source>Saved profile &quot;%1&quot;; its secret is in the keychain.</source>
        <translation>Profil „%1“ gespeichert; sein Geheimnis liegt im Schlüsselbund.</translation>
    </message>
    <message>
        <source>profile remove needs exactly one profile NAME.</source>
        <translation>profile remove braucht genau einen Profil-NAME.</translation>
    </message>
    <message>
        <source>There is no keychain profile named &quot;%1&quot;.</source>
        <translation>Es gibt kein Schlüsselbund-Profil namens „%1“.</translation>
    </message>
    <message>
        <source>Removed profile &quot;%1&quot;.</source>
        <translation>Profil „%1“ entfernt.</translation>
    </message>
    <message>
        <source>profile import needs at least one AWS CLI profile NAME.</source>
        <translation>profile import braucht mindestens einen AWS-CLI-Profil-NAME.</translation>
    </message>
    <message>
        <source>There is no AWS CLI profile named &quot;%1&quot;.</source>
        <translation>Es gibt kein AWS-CLI-Profil namens „%1“.</translation>
    </message>
    <message>
        <source>AWS CLI profile &quot;%1&quot; has no access keys to import (only keys can be kept in the keychain; it keeps working from the AWS CLI files).</source>
        <translation>Das AWS-CLI-Profil „%1“ hat keine Zugriffsschlüssel, die importiert werden könnten (im Schlüsselbund lassen sich nur Schlüssel ablegen; das Profil funktioniert weiterhin aus den AWS-CLI-Dateien).</translation>
    </message>
    <message>
        <source>Imported &quot;%1&quot; into the keychain.</source>
        <translation>„%1“ in den Schlüsselbund importiert.</translation>
    </message>
    <message>
        <source>Unknown profile command &quot;%1&quot; (see profile --help).</source>
        <translation>Unbekannter profile-Befehl „%1“ (siehe profile --help).</translation>
    </message>
</context>
<context>
    <name>cli::Recordings</name>
    <message>
        <source>Shows what a session&apos;s individual participant recordings left in S3: for each participant, the recording&apos;s outcome from its events files (recorded, failed and why, still recording, nothing in S3), start, duration, renditions, size and object count, then what is wrong. Reads the stage, the session, each participant (GetParticipant), then the bucket (s3:ListBucket, s3:GetObject). Exit code 1 means a check found a problem; 2 to 6 as for get-stage.</source>
        <translation>Zeigt, was die einzelnen Teilnehmeraufnahmen einer Sitzung in S3 hinterlassen haben: für jeden Teilnehmer das Ergebnis der Aufnahme laut ihren Ereignisdateien (aufgenommen, fehlgeschlagen und warum, Aufnahme läuft noch, nichts in S3), Beginn, Dauer, Renditions, Größe und Anzahl der Objekte, danach, was nicht stimmt. Liest die Stage, die Sitzung, jeden Teilnehmer (GetParticipant) und dann den Bucket (s3:ListBucket, s3:GetObject). Exit-Code 1 bedeutet, dass eine Prüfung ein Problem gefunden hat; 2 bis 6 wie bei get-stage.</translation>
    </message>
    <message>
        <source>ARN of the stage whose recordings to show.</source>
        <translation>ARN der Stage, deren Aufnahmen angezeigt werden sollen.</translation>
    </message>
    <message>
        <source>The session (default: the latest).</source>
        <translation>Die Sitzung (Standard: die neueste).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Only this participant (default: all).</source>
        <translation>Nur dieser Teilnehmer (Standard: alle).</translation>
    </message>
    <message>
        <source>table (default) or json.</source>
        <translation>table (Standard) oder json.</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>Downloads a participant&apos;s recording (its whole prefix, or only the HLS media with --hls-only) into DIR, keeping the paths below the prefix. Files are fetched four at a time, resumed when a previous download stopped, verified against the size and MD5 S3 lists, and only then put in place; nothing is written outside DIR. Exit code 5 when a file failed verification.</source>
        <translation>Lädt die Aufnahme eines Teilnehmers (das gesamte Präfix oder mit --hls-only nur die HLS-Medien) nach DIR herunter und behält dabei die Pfade unterhalb des Präfixes bei. Dateien werden jeweils vier gleichzeitig abgerufen, nach einem abgebrochenen Download fortgesetzt, anhand der von S3 gelieferten Größe und MD5 geprüft und erst dann abgelegt; außerhalb von DIR wird nichts geschrieben. Exit-Code 5, wenn die Prüfung einer Datei fehlgeschlagen ist.</translation>
    </message>
    <message>
        <source>ARN of the stage.</source>
        <translation>ARN der Stage.</translation>
    </message>
    <message>
        <source>The session.</source>
        <translation>Die Sitzung.</translation>
    </message>
    <message>
        <source>The participant.</source>
        <translation>Der Teilnehmer.</translation>
    </message>
    <message>
        <source>The folder to download into (it must exist).</source>
        <translation>Der Ordner, in den heruntergeladen wird (er muss existieren).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>ORDNER</translation>
    </message>
    <message>
        <source>Only the HLS playlists and media, not the events files and thumbnails.</source>
        <translation>Nur die HLS-Playlists und Mediendateien, nicht die Ereignisdateien und Vorschaubilder.</translation>
    </message>
    <message>
        <source>Session %1, started %2%3</source>
        <translation>Sitzung %1, gestartet %2%3</translation>
    </message>
    <message>
        <source>, ended %1</source>
        <translation>, beendet %1</translation>
    </message>
    <message>
        <source>, still active</source>
        <translation>, noch aktiv</translation>
    </message>
    <message>
        <source>PARTICIPANT</source>
        <translation>TEILNEHMER</translation>
    </message>
    <message>
        <source>OUTCOME</source>
        <translation>ERGEBNIS</translation>
    </message>
    <message>
        <source>STARTED</source>
        <translation>BEGONNEN</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>DAUER</translation>
    </message>
    <message>
        <source>RENDITIONS</source>
        <translation>RENDITIONEN</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>GRÖSSE</translation>
    </message>
    <message>
        <source>OBJECTS</source>
        <translation>OBJEKTE</translation>
    </message>
    <message>
        <source>THUMBNAILS</source>
        <translation>VORSCHAUBILDER</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
    <message>
        <source>--output must be &quot;table&quot; or &quot;json&quot;, not &quot;%1&quot;.</source>
        <translation>--output muss &quot;table&quot; oder &quot;json&quot; sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--%1 is required; %2.</source>
        <translation>--%1 ist erforderlich; %2.</translation>
    </message>
    <message>
        <source>--dir %1 is not a folder: create it first.</source>
        <translation>--dir %1 ist kein Ordner: Legen Sie ihn zuerst an.</translation>
    </message>
    <message>
        <source>Nothing to download for %1: %2</source>
        <translation>Für %1 gibt es nichts herunterzuladen: %2</translation>
    </message>
    <message>
        <source>%1 of %2 files, %3 of %4</source>
        <translation>%1 von %2 Dateien, %3 von %4</translation>
    </message>
    <message>
        <source>%1 of %2 files (%3) in %4; %5 already there.</source>
        <translation>%1 von %2 Dateien (%3) in %4; %5 bereits vorhanden.</translation>
    </message>
</context>
<context>
    <name>cli::StageCommand</name>
    <message>
        <source>Region to call (default: the region in the ARN).</source>
        <translation>Aufzurufende Region (Standardwert: die Region im ARN).</translation>
    </message>
    <message>
        <source>ARN</source>
        <translation>ARN</translation>
    </message>
    <message>
        <source>REGION</source>
        <translation>REGION</translation>
    </message>
    <message>
        <source>Send requests to URL instead of https://ivsrealtime.REGION.amazonaws.com (https, or http to a loopback address). Default: AWS_ENDPOINT_URL_IVS_REALTIME, then AWS_ENDPOINT_URL.</source>
        <translation>Anfragen an URL statt an https://ivsrealtime.REGION.amazonaws.com senden (https, oder http an eine Loopback-Adresse). Standardwert: AWS_ENDPOINT_URL_IVS_REALTIME, dann AWS_ENDPOINT_URL.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Use this profile: a keychain profile, else one from the AWS CLI&apos;s config and credentials files.</source>
        <translation>Dieses Profil verwenden: ein Schlüsselbund-Profil, sonst eines aus den Dateien config und credentials der AWS CLI.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Give up on a request after SECONDS (default 30). Throttled and failed requests are retried up to AWS_MAX_ATTEMPTS times in all (default 3).</source>
        <translation>Eine Anfrage nach SECONDS Sekunden aufgeben (Standardwert 30). Gedrosselte und fehlgeschlagene Anfragen werden insgesamt bis zu AWS_MAX_ATTEMPTS-mal versucht (Standardwert 3).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>Report each request, retry and clock correction on standard error (never a secret).</source>
        <translation>Jede Anfrage, Wiederholung und Uhrkorrektur auf der Standardfehlerausgabe melden (nie ein Geheimnis).</translation>
    </message>
    <message>
        <source>Use the built-in demo endpoint and its sample stages.</source>
        <translation>Den eingebauten Demo-Endpunkt mit seinen Beispiel-Stages verwenden.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>see %1 --help</source>
        <translation>siehe %1 --help</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot; (%2).</source>
        <translation>Unerwartetes Argument „%1“ (%2).</translation>
    </message>
    <message>
        <source>--arn is required (%1).</source>
        <translation>--arn ist erforderlich (%1).</translation>
    </message>
    <message>
        <source>--region needs a value such as us-west-2.</source>
        <translation>--region braucht einen Wert wie us-west-2.</translation>
    </message>
    <message>
        <source>%1 works in the stage&apos;s own region: --region %2 does not match the ARN&apos;s region %3. Leave --region out.</source>
        <translation>%1 arbeitet in der Region der Stage: --region %2 passt nicht zur Region %3 des ARN. Lassen Sie --region weg.</translation>
    </message>
    <message>
        <source>ivs-stage-browser: note: calling region %1, but the ARN is in %2.</source>
        <translation>ivs-stage-browser: Hinweis: Region %1 wird aufgerufen, aber der ARN liegt in %2.</translation>
    </message>
    <message>
        <source>--timeout must be a whole number of seconds from 1 to 3600.</source>
        <translation>--timeout muss eine ganze Zahl von Sekunden zwischen 1 und 3600 sein.</translation>
    </message>
    <message>
        <source>note: </source>
        <translation>Hinweis: </translation>
    </message>
    <message>
        <source>credentials from %1</source>
        <translation>Zugangsdaten: %1</translation>
    </message>
    <message>
        <source>Usage: ivs-stage-browser %1</source>
        <translation>Aufruf: ivs-stage-browser %1</translation>
    </message>
    <message>
        <source>Credentials: the --profile (a keychain profile, else an AWS CLI profile), else AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, else the AWS_PROFILE (or &quot;default&quot;) profile. AWS_CA_BUNDLE names extra PEM certificate authorities to trust.</source>
        <translation>Zugangsdaten: das Profil aus --profile (ein Schlüsselbund-Profil, sonst ein AWS-CLI-Profil), sonst AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, sonst das Profil aus AWS_PROFILE (oder „default“). AWS_CA_BUNDLE nennt zusätzliche PEM-Zertifizierungsstellen, denen vertraut werden soll.</translation>
    </message>
    <message>
        <source>no credentials: %1</source>
        <translation>keine Zugangsdaten: %1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>warning: </source>
        <translation>Warnung: </translation>
    </message>
</context>
<context>
    <name>cli::Watch</name>
    <message>
        <source>Watches the stage&apos;s session in progress and prints each new participant event once (JOINED, PUBLISH_STARTED, PUBLISH_ERROR with its error code in plain words, LEFT, …) and each change of a participant&apos;s state, as they are seen. Follows the next session when one ends. Polls ListStageSessions, ListParticipants and, for new or changed participants, ListParticipantEvents, at most 2 requests a second; backs off when throttled or failing. Ctrl+C ends it (exit code 0).</source>
        <translation>Beobachtet die laufende Sitzung der Stage und gibt jedes neue Teilnehmerereignis einmal aus (JOINED, PUBLISH_STARTED, PUBLISH_ERROR mit seinem Fehlercode in verständlichen Worten, LEFT, …) sowie jede Änderung des Zustands eines Teilnehmers, sobald sie sichtbar werden. Folgt der nächsten Sitzung, wenn eine endet. Fragt ListStageSessions, ListParticipants und, für neue oder geänderte Teilnehmer, ListParticipantEvents ab, höchstens 2 Anfragen pro Sekunde; wartet länger, wenn der Dienst drosselt oder Fehler auftreten. Strg+C beendet den Befehl (Exit-Code 0).</translation>
    </message>
    <message>
        <source>ARN of the stage to watch.</source>
        <translation>ARN der zu beobachtenden Stage.</translation>
    </message>
    <message>
        <source>Seconds between polls, 1 to 3600 (default 5).</source>
        <translation>Sekunden zwischen zwei Abfragen, 1 bis 3600 (Standardwert 5).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>text (default): one aligned line per event or change; jsonl: one JSON object per line, with &quot;type&quot; event, participant or session.</source>
        <translation>text (Standardwert): eine ausgerichtete Zeile pro Ereignis oder Änderung; jsonl: ein JSON-Objekt pro Zeile, mit „type“ event, participant oder session.</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>Stop when the session watched ends (waiting for one first if none is in progress).</source>
        <translation>Beenden, wenn die beobachtete Sitzung endet (zuerst auf eine warten, falls keine läuft).</translation>
    </message>
    <message>
        <source>Stop after SECONDS (at most 604800, a week).</source>
        <translation>Nach SECONDS Sekunden beenden (höchstens 604800, eine Woche).</translation>
    </message>
    <message>
        <source>publishing</source>
        <translation>veröffentlicht</translation>
    </message>
    <message>
        <source>not publishing</source>
        <translation>veröffentlicht nicht</translation>
    </message>
    <message>
        <source>recording %1</source>
        <translation>Aufzeichnung %1</translation>
    </message>
    <message>
        <source>%1 (was %2)</source>
        <translation>%1 (vorher %2)</translation>
    </message>
    <message>
        <source>--output must be &quot;text&quot; or &quot;jsonl&quot;, not &quot;%1&quot;.</source>
        <translation>--output muss „text“ oder „jsonl“ sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>--interval must be a whole number of seconds from 1 to 3600.</source>
        <translation>--interval muss eine ganze Zahl von Sekunden zwischen 1 und 3600 sein.</translation>
    </message>
    <message>
        <source>--max-duration must be a whole number of seconds from 1 to %1.</source>
        <translation>--max-duration muss eine ganze Zahl von Sekunden zwischen 1 und %1 sein.</translation>
    </message>
    <message>
        <source>no session is in progress on the stage; waiting for one.</source>
        <translation>auf der Stage läuft keine Sitzung; warte auf eine.</translation>
    </message>
    <message>
        <source>no successful poll for more than %1 s; what is shown may be old.</source>
        <translation>seit mehr als %1 s keine erfolgreiche Abfrage; das Angezeigte ist möglicherweise veraltet.</translation>
    </message>
    <message>
        <source>%1 Trying again in %2 s.</source>
        <translation>%1 Neuer Versuch in %2 s.</translation>
    </message>
</context>
<context>
    <name>credentials::CredentialChain</name>
    <message>
        <source>AWS CLI profile &quot;%1&quot; (%2)</source>
        <translation>AWS-CLI-Profil „%1“ (%2)</translation>
    </message>
    <message>
        <source> (it uses IAM Identity Center sign-in, which this app cannot do yet)</source>
        <translation> (es meldet sich über IAM Identity Center an, was diese App noch nicht kann)</translation>
    </message>
    <message>
        <source> (it assumes a role, which this app cannot do yet)</source>
        <translation> (es übernimmt eine Rolle, was diese App noch nicht kann)</translation>
    </message>
    <message>
        <source>AWS CLI profile &quot;%1&quot; has no access keys or credential_process%2. Use a profile with keys, add a keychain profile, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.</source>
        <translation>Das AWS-CLI-Profil „%1“ hat weder Zugriffsschlüssel noch credential_process%2. Verwenden Sie ein Profil mit Schlüsseln, fügen Sie ein Schlüsselbund-Profil hinzu, oder setzen Sie AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY.</translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;: it is neither a keychain profile nor in the AWS CLI&apos;s config or credentials file.</source>
        <translation>Es gibt kein Profil namens „%1“: Es ist weder ein Schlüsselbund-Profil noch in der config- oder credentials-Datei der AWS CLI enthalten.</translation>
    </message>
    <message>
        <source>No AWS credentials found. Add a profile (Profiles…, or &quot;ivs-stage-browser profile add&quot;), configure the AWS CLI, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.</source>
        <translation>Keine AWS-Zugangsdaten gefunden. Fügen Sie ein Profil hinzu (Profile… oder „ivs-stage-browser profile add“), richten Sie die AWS CLI ein, oder setzen Sie AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY.</translation>
    </message>
    <message>
        <source>no credentials</source>
        <translation>keine Zugangsdaten</translation>
    </message>
</context>
<context>
    <name>document::StageDocument</name>
    <message>
        <source>No stage is shown.</source>
        <translation>Es wird keine Stage angezeigt.</translation>
    </message>
    <message>
        <source>Look up a stage first: the file is applied to the stage shown.</source>
        <translation>Rufen Sie zuerst eine Stage ab: Die Datei wird auf die angezeigte Stage angewendet.</translation>
    </message>
    <message>
        <source>The file is not JSON (%1 at byte %2).</source>
        <translation>Die Datei ist kein JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>The file holds JSON, but not an object: it is not a stage configuration.</source>
        <translation>Die Datei enthält JSON, aber kein Objekt: Sie ist keine Stage-Konfiguration.</translation>
    </message>
    <message>
        <source>Load configuration from file</source>
        <translation>Konfiguration aus Datei laden</translation>
    </message>
    <message>
        <source>Tag &quot;%1&quot; is to be deleted.</source>
        <translation>Das Tag „%1“ wird gelöscht.</translation>
    </message>
    <message>
        <source>Tag values have at most 256 characters.</source>
        <translation>Tag-Werte haben höchstens 256 Zeichen.</translation>
    </message>
    <message>
        <source>%1: recording is off. Choose a storage configuration first: while recording is off the service resets this setting to its default.</source>
        <translation>%1: Die Aufzeichnung ist aus. Wählen Sie zuerst eine Speicherkonfiguration: Solange die Aufzeichnung aus ist, setzt der Dienst diese Einstellung auf ihren Standardwert zurück.</translation>
    </message>
    <message>
        <source>(none — recording off)</source>
        <translation>(keine – Aufzeichnung aus)</translation>
    </message>
    <message>
        <source>%1 cannot be changed.</source>
        <translation>%1 kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>Tag &quot;%1&quot;: %2</source>
        <translation>Tag „%1“: %2</translation>
    </message>
    <message>
        <source>Change tag &quot;%1&quot;</source>
        <translation>Tag „%1“ ändern</translation>
    </message>
    <message>
        <source>This is not a value for this field.</source>
        <translation>Das ist kein Wert für dieses Feld.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
    <message>
        <source>There is already a tag &quot;%1&quot;.</source>
        <translation>Es gibt bereits ein Tag „%1“.</translation>
    </message>
    <message>
        <source>A stage can have at most %1 tags.</source>
        <translation>Eine Stage kann höchstens %1 Tags haben.</translation>
    </message>
    <message>
        <source>Add tag &quot;%1&quot;</source>
        <translation>Tag „%1“ hinzufügen</translation>
    </message>
    <message>
        <source>There is no tag &quot;%1&quot;.</source>
        <translation>Es gibt kein Tag „%1“.</translation>
    </message>
    <message>
        <source>Rename tag &quot;%1&quot; to &quot;%2&quot;</source>
        <translation>Tag „%1“ in „%2“ umbenennen</translation>
    </message>
    <message>
        <source>Delete tag &quot;%1&quot;</source>
        <translation>Tag „%1“ löschen</translation>
    </message>
</context>
<context>
    <name>files::AtomicFile</name>
    <message>
        <source>it is a symbolic link to %1, and links are not followed. To write %1, give that name instead.</source>
        <translation>es ist ein symbolischer Link auf %1, und Links wird nicht gefolgt. Um %1 zu schreiben, geben Sie stattdessen diesen Namen an.</translation>
    </message>
    <message>
        <source>it is a symbolic link to %1, which does not exist; links are not followed.</source>
        <translation>es ist ein symbolischer Link auf %1, das nicht existiert; Links wird nicht gefolgt.</translation>
    </message>
    <message>
        <source>it is a directory, not a file.</source>
        <translation>es ist ein Verzeichnis, keine Datei.</translation>
    </message>
    <message>
        <source>a pipe (FIFO)</source>
        <translation>eine Pipe (FIFO)</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ein Socket</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>ein Gerät</translation>
    </message>
    <message>
        <source>it is %1, not a regular file, so it is not replaced.</source>
        <translation>es ist %1, keine gewöhnliche Datei, und wird daher nicht ersetzt.</translation>
    </message>
    <message>
        <source>the directory %1 does not exist.</source>
        <translation>das Verzeichnis %1 existiert nicht.</translation>
    </message>
    <message>
        <source>no new file can be made in the directory %1 (%2).</source>
        <translation>im Verzeichnis %1 kann keine neue Datei angelegt werden (%2).</translation>
    </message>
    <message>
        <source>it is not a regular file, so it is not replaced.</source>
        <translation>es ist keine gewöhnliche Datei und wird daher nicht ersetzt.</translation>
    </message>
</context>
<context>
    <name>files::BoundedFile</name>
    <message>
        <source>%1 &quot;%2&quot; holds more than %3: it is not what it should be, so it was not read.</source>
        <translation>%1 „%2“ ist größer als %3 und damit nicht, was sie sein sollte; sie wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; does not exist.</source>
        <translation>%1 „%2“ existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot read %1 &quot;%2&quot;: %3.</source>
        <translation>Nicht lesbar: %1 „%2“ (%3).</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is a directory, not a file.</source>
        <translation>%1 „%2“ ist ein Verzeichnis, keine Datei.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a regular file (a pipe, a device or a socket), so it was not read.</source>
        <translation>%1 „%2“ ist keine gewöhnliche Datei (sondern eine Pipe, ein Gerät oder ein Socket) und wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
</context>
<context>
    <name>files::PartFile</name>
    <message>
        <source>it is a symbolic link, and links are not followed.</source>
        <translation>es ist ein symbolischer Link, und Links wird nicht gefolgt.</translation>
    </message>
    <message>
        <source>it is not a regular file, so it is not used.</source>
        <translation>es ist keine gewöhnliche Datei und wird daher nicht verwendet.</translation>
    </message>
</context>
<context>
    <name>ivs::Browse</name>
    <message>
        <source>1 stage in the answer had no ARN and was left out.</source>
        <translation>1 Stage in der Antwort hatte keinen ARN und wurde ausgelassen.</translation>
    </message>
    <message>
        <source>%1 stages in the answer had no ARN and were left out.</source>
        <translation>%1 Stages in der Antwort hatten keinen ARN und wurden ausgelassen.</translation>
    </message>
    <message>
        <source>Storage configuration not found</source>
        <translation>Speicherkonfiguration nicht gefunden</translation>
    </message>
    <message>
        <source>Check the ARN, or create a storage configuration in the stage&apos;s region.</source>
        <translation>Prüfen Sie den ARN, oder erstellen Sie eine Speicherkonfiguration in der Region der Stage.</translation>
    </message>
    <message>
        <source>The answer has no storage configuration.</source>
        <translation>Die Antwort enthält keine Speicherkonfiguration.</translation>
    </message>
    <message>
        <source>The answer has no participant.</source>
        <translation>Die Antwort enthält keinen Teilnehmer.</translation>
    </message>
</context>
<context>
    <name>ivs::ClockSkew</name>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n seconds behind the service&apos;s time; requests are now signed with the corrected time. Set the clock right (turn on automatic time).</source>
        <translation>
            <numerusform>Die Uhr dieses Computers geht %n Sekunde gegenüber der Zeit des Dienstes nach; Anfragen werden jetzt mit der korrigierten Zeit signiert. Stellen Sie die Uhr richtig (schalten Sie die automatische Zeiteinstellung ein).</numerusform>
            <numerusform>Die Uhr dieses Computers geht %n Sekunden gegenüber der Zeit des Dienstes nach; Anfragen werden jetzt mit der korrigierten Zeit signiert. Stellen Sie die Uhr richtig (schalten Sie die automatische Zeiteinstellung ein).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n seconds ahead of the service&apos;s time; requests are now signed with the corrected time. Set the clock right (turn on automatic time).</source>
        <translation>
            <numerusform>Die Uhr dieses Computers geht %n Sekunde gegenüber der Zeit des Dienstes vor; Anfragen werden jetzt mit der korrigierten Zeit signiert. Stellen Sie die Uhr richtig (schalten Sie die automatische Zeiteinstellung ein).</numerusform>
            <numerusform>Die Uhr dieses Computers geht %n Sekunden gegenüber der Zeit des Dienstes vor; Anfragen werden jetzt mit der korrigierten Zeit signiert. Stellen Sie die Uhr richtig (schalten Sie die automatische Zeiteinstellung ein).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ivs::Diagnostics</name>
    <message>
        <source>Participants are not recorded: the stage has no storage configuration.</source>
        <translation>Teilnehmer werden nicht aufgezeichnet: Die Stage hat keine Speicherkonfiguration.</translation>
    </message>
    <message>
        <source>To record each participant, choose a storage configuration in the stage&apos;s region (%1).</source>
        <translation>Um jeden Teilnehmer aufzuzeichnen, wählen Sie eine Speicherkonfiguration in der Region der Stage (%1).</translation>
    </message>
    <message>
        <source>The storage configuration %1 does not exist, so participants cannot be recorded: %2.</source>
        <translation>Die Speicherkonfiguration %1 existiert nicht, daher können Teilnehmer nicht aufgezeichnet werden: %2.</translation>
    </message>
    <message>
        <source>Create a storage configuration in %1 (CreateStorageConfiguration) and choose it, or correct the ARN.</source>
        <translation>Erstellen Sie eine Speicherkonfiguration in %1 (CreateStorageConfiguration) und wählen Sie sie aus, oder korrigieren Sie den ARN.</translation>
    </message>
    <message>
        <source>The storage configuration %1 cannot be read with these credentials, so it cannot be checked: %2.</source>
        <translation>Die Speicherkonfiguration %1 kann mit diesen Zugangsdaten nicht gelesen und daher nicht geprüft werden: %2.</translation>
    </message>
    <message>
        <source>Ask your administrator to allow ivs:GetStorageConfiguration on it for these credentials.</source>
        <translation>Bitten Sie Ihre Administration, diesen Zugangsdaten ivs:GetStorageConfiguration für diese Speicherkonfiguration zu erlauben.</translation>
    </message>
    <message>
        <source>The storage configuration %1 could not be read, so it cannot be checked: %2.</source>
        <translation>Die Speicherkonfiguration %1 konnte nicht gelesen und daher nicht geprüft werden: %2.</translation>
    </message>
    <message>
        <source>Check the ARN and try again.</source>
        <translation>Prüfen Sie den ARN, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The storage configuration is in %1 but the stage is in %2, so recording cannot start.</source>
        <translation>Die Speicherkonfiguration liegt in %1, die Stage aber in %2, daher kann die Aufzeichnung nicht beginnen.</translation>
    </message>
    <message>
        <source>Choose a storage configuration in %1, with its S3 bucket in %1 too.</source>
        <translation>Wählen Sie eine Speicherkonfiguration in %1, deren S3-Bucket ebenfalls in %1 liegt.</translation>
    </message>
    <message>
        <source>interval %1 seconds</source>
        <translation>Intervall %1 Sekunden</translation>
    </message>
    <message>
        <source>storage %1</source>
        <translation>Speicherung %1</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>No thumbnails will be recorded: thumbnail recording is DISABLED.</source>
        <translation>Es werden keine Vorschaubilder aufgezeichnet: Die Vorschaubild-Aufzeichnung ist DISABLED.</translation>
    </message>
    <message>
        <source>Set the thumbnail recordingMode to INTERVAL if you want thumbnails of each participant&apos;s video.</source>
        <translation>Setzen Sie recordingMode für Vorschaubilder auf INTERVAL, wenn Sie Vorschaubilder vom Video jedes Teilnehmers möchten.</translation>
    </message>
    <message>
        <source>Thumbnail recording is DISABLED, so the thumbnail settings that differ from their defaults (%1) are ignored and no thumbnails will be recorded.</source>
        <translation>Die Vorschaubild-Aufzeichnung ist DISABLED, daher werden die Vorschaubild-Einstellungen, die von ihren Standardwerten abweichen (%1), ignoriert, und es werden keine Vorschaubilder aufgezeichnet.</translation>
    </message>
    <message>
        <source>Set the thumbnail recordingMode to INTERVAL to record thumbnails, or return the thumbnail settings to their defaults (60 seconds, SEQUENTIAL).</source>
        <translation>Setzen Sie recordingMode für Vorschaubilder auf INTERVAL, um Vorschaubilder aufzuzeichnen, oder setzen Sie die Vorschaubild-Einstellungen auf ihre Standardwerte zurück (60 Sekunden, SEQUENTIAL).</translation>
    </message>
    <message>
        <source>Session %1 is in progress: while a participant is being recorded, the recording settings cannot be changed (UpdateStage answers 409 ConflictException).</source>
        <translation>Sitzung %1 läuft: Solange ein Teilnehmer aufgezeichnet wird, können die Aufzeichnungseinstellungen nicht geändert werden (UpdateStage antwortet mit 409 ConflictException).</translation>
    </message>
    <message>
        <source>Change the recording settings after the session has ended; tags can be changed at any time.</source>
        <translation>Ändern Sie die Aufzeichnungseinstellungen, nachdem die Sitzung beendet ist; Tags können jederzeit geändert werden.</translation>
    </message>
    <message>
        <source>The stage&apos;s sessions or participants could not be read (%1), so the checks about replicas and failed recordings were skipped.</source>
        <translation>Die Sitzungen oder Teilnehmer der Stage konnten nicht gelesen werden (%1), daher wurden die Prüfungen zu Replikaten und fehlgeschlagenen Aufzeichnungen übersprungen.</translation>
    </message>
    <message>
        <source>Ask for ivs:ListStageSessions and ivs:ListParticipants on this stage, then check again.</source>
        <translation>Beantragen Sie ivs:ListStageSessions und ivs:ListParticipants für diese Stage, und prüfen Sie dann erneut.</translation>
    </message>
    <message>
        <source>Check again in a moment.</source>
        <translation>Prüfen Sie gleich noch einmal.</translation>
    </message>
    <message>
        <source>clients that rely on the events endpoint have nothing to connect to</source>
        <translation>Clients, die den events-Endpunkt benötigen, finden nichts, womit sie sich verbinden können</translation>
    </message>
    <message>
        <source>there is no WHIP publishing (OBS&apos;s WHIP service, for example)</source>
        <translation>es gibt kein Veröffentlichen über WHIP (zum Beispiel über den WHIP-Dienst von OBS)</translation>
    </message>
    <message>
        <source>encoders cannot publish over RTMP or RTMPS</source>
        <translation>Encoder können weder über RTMP noch über RTMPS senden</translation>
    </message>
    <message>
        <source>encoders cannot publish over RTMPS</source>
        <translation>Encoder können nicht über RTMPS senden</translation>
    </message>
    <message>
        <source>encoders cannot publish over plain RTMP</source>
        <translation>Encoder können nicht über unverschlüsseltes RTMP senden</translation>
    </message>
    <message>
        <source>The stage has no %1 endpoint: %2.</source>
        <translation>Die Stage hat keinen %1-Endpunkt: %2.</translation>
    </message>
    <message>
        <source>The stage has no %1 endpoints: %2.</source>
        <translation>Der Stage fehlen die Endpunkte %1: %2.</translation>
    </message>
    <message>
        <source>Stages created before these ways of publishing existed may lack their endpoints: read the stage again later, or create a new stage for them.</source>
        <translation>Bei Stages, die erstellt wurden, bevor es diese Arten des Veröffentlichens gab, fehlen unter Umständen die zugehörigen Endpunkte: Lesen Sie die Stage später erneut, oder erstellen Sie dafür eine neue Stage.</translation>
    </message>
    <message>
        <source>Replica participants are not recorded (recordParticipantReplicas is false), so the media of %1 in the active session is not recorded here.</source>
        <translation>Replikat-Teilnehmer werden nicht aufgezeichnet (recordParticipantReplicas ist false), daher werden die Medien von %1 in der aktiven Sitzung hier nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>Set recordParticipantReplicas to true to record replicas on this stage, or rely on the recording of their source stage.</source>
        <translation>Setzen Sie recordParticipantReplicas auf true, um Replikate auf dieser Stage aufzuzeichnen, oder verlassen Sie sich auf die Aufzeichnung ihrer Quell-Stage.</translation>
    </message>
    <message>
        <source>Recording failed for %1 in the active session.</source>
        <translation>Die Aufzeichnung von %1 in der aktiven Sitzung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Check that the storage configuration&apos;s S3 bucket still exists, is in the stage&apos;s region, is owned by this account with bucket-owner-enforced (or preferred) object ownership, and uses SSE-S3 default encryption.</source>
        <translation>Prüfen Sie, ob der S3-Bucket der Speicherkonfiguration noch existiert, in der Region der Stage liegt, diesem Konto gehört und als Objekteigentümerschaft „Bucket owner enforced“ (oder „Bucket owner preferred“) hat und ob er SSE-S3 als Standardverschlüsselung verwendet.</translation>
    </message>
    <message>
        <source>Recording failed for %1 in the active session because its publishing failed (%2): nothing was published, so nothing could be recorded.</source>
        <translation>Die Aufzeichnung von %1 in der aktiven Sitzung ist fehlgeschlagen, weil das Veröffentlichen fehlschlug (%2): Es wurde nichts veröffentlicht, also konnte nichts aufgezeichnet werden.</translation>
    </message>
    <message>
        <source>Look at the participant&apos;s events for the reason, fix the publishing, then publish again.</source>
        <translation>Sehen Sie in den Ereignissen des Teilnehmers nach dem Grund, beheben Sie das Problem beim Veröffentlichen und veröffentlichen Sie dann erneut.</translation>
    </message>
</context>
<context>
    <name>ivs::EncoderSettings</name>
    <message>
        <source>WHIP and RTMP(S)</source>
        <translation>WHIP und RTMP(S)</translation>
    </message>
    <message>
        <source>Video codec</source>
        <translation>Video-Codec</translation>
    </message>
    <message>
        <source>H.264, Baseline or Constrained Baseline profile</source>
        <translation>H.264, Profil Baseline oder Constrained Baseline</translation>
    </message>
    <message>
        <source>B-frames</source>
        <translation>B-Frames</translation>
    </message>
    <message>
        <source>none (B_FRAME_PRESENT otherwise)</source>
        <translation>keine (sonst B_FRAME_PRESENT)</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Auflösung</translation>
    </message>
    <message>
        <source>at most 720p (1280×720 or 720×1280)</source>
        <translation>höchstens 720p (1280×720 oder 720×1280)</translation>
    </message>
    <message>
        <source>Video bitrate</source>
        <translation>Video-Bitrate</translation>
    </message>
    <message>
        <source>at most 8.5 Mbps</source>
        <translation>höchstens 8,5&#xa0;Mbit/⁠s</translation>
    </message>
    <message>
        <source>Keyframe interval</source>
        <translation>Keyframe-Intervall</translation>
    </message>
    <message>
        <source>1 to 2 seconds</source>
        <translation>1 bis 2 Sekunden</translation>
    </message>
    <message>
        <source>Audio codec</source>
        <translation>Audio-Codec</translation>
    </message>
    <message>
        <source>Opus</source>
        <translation>Opus</translation>
    </message>
    <message>
        <source>WHIP</source>
        <translation>WHIP</translation>
    </message>
    <message>
        <source>AAC-LC</source>
        <translation>AAC-LC</translation>
    </message>
    <message>
        <source>RTMP(S)</source>
        <translation>RTMP(S)</translation>
    </message>
</context>
<context>
    <name>ivs::HttpExchange</name>
    <message>
        <source>Unexpected response (HTTP %1): the answer is larger than %2 MiB</source>
        <translation>Unerwartete Antwort (HTTP %1): Die Antwort ist größer als %2 MiB</translation>
    </message>
    <message>
        <source>An Amazon IVS answer is small; check the endpoint URL and any proxy in between.</source>
        <translation>Eine Antwort von Amazon IVS ist klein; prüfen Sie die Endpunkt-URL und einen eventuell dazwischenliegenden Proxy.</translation>
    </message>
</context>
<context>
    <name>ivs::IvsClient</name>
    <message>
        <source>No usable AWS credentials</source>
        <translation>Keine brauchbaren AWS-Zugangsdaten</translation>
    </message>
    <message>
        <source>No credential source is configured.</source>
        <translation>Es ist keine Quelle für Zugangsdaten eingerichtet.</translation>
    </message>
    <message>
        <source>No region is chosen</source>
        <translation>Keine Region gewählt</translation>
    </message>
    <message>
        <source>Choose a region, or set AWS_REGION or the profile&apos;s region.</source>
        <translation>Wählen Sie eine Region, oder setzen Sie AWS_REGION oder die Region des Profils.</translation>
    </message>
    <message>
        <source>Unusable endpoint</source>
        <translation>Unbrauchbarer Endpunkt</translation>
    </message>
    <message>
        <source>%1 %2%3 (region %4, credentials %5, attempt %6)</source>
        <translation>%1 %2%3 (Region %4, Zugangsdaten %5, Versuch %6)</translation>
    </message>
    <message>
        <source>The answer describes %1, not %2, the stage asked for: check the endpoint URL and any proxy in between.</source>
        <translation>Die Antwort beschreibt %1, nicht %2, die angefragte Stage: Prüfen Sie die Endpunkt-URL und einen etwaigen Proxy dazwischen.</translation>
    </message>
</context>
<context>
    <name>ivs::Paging</name>
    <message>
        <source>The connection was closed</source>
        <translation>Die Verbindung wurde geschlossen</translation>
    </message>
    <message>
        <source>The %1 answer has no &quot;%2&quot; list.</source>
        <translation>Die Antwort auf %1 enthält keine &quot;%2&quot;-Liste.</translation>
    </message>
    <message>
        <source>%1 sent a repeated page token after %2 pages, so paging stopped; the list is incomplete.</source>
        <translation>%1 hat nach %2 Seiten ein Seiten-Token wiederholt, daher wurde nicht weiter geblättert; die Liste ist unvollständig.</translation>
    </message>
    <message>
        <source>%1 still had more pages after %2, so paging stopped; the list is incomplete.</source>
        <translation>%1 hatte nach %2 Seiten noch weitere, daher wurde nicht weiter geblättert; die Liste ist unvollständig.</translation>
    </message>
    <message>
        <source>%1 answers came to more than %3 in all after %2 pages, so paging stopped; the list is incomplete.</source>
        <translation>Die Antworten von %1 umfassten nach %2 Seiten insgesamt mehr als %3, daher wurde nicht weiter geblättert; die Liste ist unvollständig.</translation>
    </message>
</context>
<context>
    <name>ivs::ParticipantActions</name>
    <message>
        <source>The participant id is empty.</source>
        <translation>Die Teilnehmer-ID ist leer.</translation>
    </message>
    <message>
        <source>The participant id is longer than %1 characters.</source>
        <translation>Die Teilnehmer-ID ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>The participant id contains a space; participant ids have none.</source>
        <translation>Die Teilnehmer-ID enthält ein Leerzeichen; Teilnehmer-IDs enthalten keine.</translation>
    </message>
    <message>
        <source>The participant id contains a control character.</source>
        <translation>Die Teilnehmer-ID enthält ein Steuerzeichen.</translation>
    </message>
    <message>
        <source>The reason is %1 characters long; DisconnectParticipant accepts at most %2.</source>
        <translation>Der Grund ist %1 Zeichen lang; DisconnectParticipant akzeptiert höchstens %2.</translation>
    </message>
    <message>
        <source>The reason contains a control character (a line break, say); write it on one line.</source>
        <translation>Der Grund enthält ein Steuerzeichen (etwa einen Zeilenumbruch); schreiben Sie ihn auf eine Zeile.</translation>
    </message>
</context>
<context>
    <name>ivs::ParticipantEvents</name>
    <message>
        <source>The participant&apos;s token does not allow what it tried to do: publishing needs a token with the PUBLISH capability, subscribing one with SUBSCRIBE.</source>
        <translation>Das Token des Teilnehmers erlaubt nicht, was er versucht hat: Zum Veröffentlichen braucht es ein Token mit der Fähigkeit PUBLISH, zum Abonnieren eines mit SUBSCRIBE.</translation>
    </message>
    <message>
        <source>Create a new participant token (CreateParticipantToken) with the capabilities the participant needs, and join with it.</source>
        <translation>Erstellen Sie ein neues Teilnehmer-Token (CreateParticipantToken) mit den Fähigkeiten, die der Teilnehmer braucht, und treten Sie damit bei.</translation>
    </message>
    <message>
        <source>Too many participants want to publish to or subscribe to the stage at once: a service quota is reached.</source>
        <translation>Zu viele Teilnehmer wollen gleichzeitig auf der Stage veröffentlichen oder sie abonnieren: Ein Service-Kontingent ist erreicht.</translation>
    </message>
    <message>
        <source>Wait for a participant to leave or stop a publisher; see the IVS Real-Time service quotas for the limits (some can be raised in Service Quotas).</source>
        <translation>Warten Sie, bis ein Teilnehmer die Stage verlässt, oder beenden Sie einen Publisher; die Grenzen finden Sie in den Service-Kontingenten von IVS Real-Time (einige lassen sich in Service Quotas erhöhen).</translation>
    </message>
    <message>
        <source>The participant tried to subscribe to a publisher that is not on the stage (any more).</source>
        <translation>Der Teilnehmer hat versucht, einen Publisher zu abonnieren, der nicht (mehr) auf der Stage ist.</translation>
    </message>
    <message>
        <source>Usually harmless when that publisher has just left; if it keeps happening, subscribe only to participants that are publishing.</source>
        <translation>Meist harmlos, wenn dieser Publisher die Stage gerade verlassen hat; wenn es immer wieder vorkommt, abonnieren Sie nur Teilnehmer, die gerade veröffentlichen.</translation>
    </message>
    <message>
        <source>The stream went over the maximum bitrate: video may use at most 8.5 Mbps.</source>
        <translation>Der Stream hat die maximale Bitrate überschritten: Video darf höchstens 8,5&#xa0;Mbit/⁠s nutzen.</translation>
    </message>
    <message>
        <source>Set the encoder&apos;s video bitrate to 8.5 Mbps or less (and audio to 160 kbps or less).</source>
        <translation>Stellen Sie die Video-Bitrate des Encoders auf höchstens 8,5&#xa0;Mbit/⁠s ein (und Audio auf höchstens 160&#xa0;kbit/⁠s).</translation>
    </message>
    <message>
        <source>The video is larger than the maximum resolution of 720p.</source>
        <translation>Das Video ist größer als die maximale Auflösung von 720p.</translation>
    </message>
    <message>
        <source>Set the encoder&apos;s output (scaled) resolution to 720p or lower.</source>
        <translation>Stellen Sie die (skalierte) Ausgabeauflösung des Encoders auf 720p oder weniger ein.</translation>
    </message>
    <message>
        <source>The participant published or subscribed for longer than allowed: 24 hours at most.</source>
        <translation>Der Teilnehmer hat länger als erlaubt veröffentlicht oder abonniert: höchstens 24 Stunden.</translation>
    </message>
    <message>
        <source>Join again to continue; plan longer events as several stretches of less than 24 hours each.</source>
        <translation>Treten Sie erneut bei, um fortzufahren; planen Sie längere Veranstaltungen als mehrere Abschnitte von jeweils weniger als 24 Stunden.</translation>
    </message>
    <message>
        <source>The audio codec is not accepted: IVS takes Opus over WHIP and AAC (AAC-LC) over RTMP or RTMPS.</source>
        <translation>Der Audio-Codec wird nicht akzeptiert: IVS nimmt Opus über WHIP und AAC (AAC-LC) über RTMP oder RTMPS an.</translation>
    </message>
    <message>
        <source>Set the encoder&apos;s audio to Opus for WHIP or AAC for RTMP(S), mono or stereo, 44.1 or 48 kHz, at most 160 kbps.</source>
        <translation>Stellen Sie das Audio des Encoders auf Opus für WHIP oder AAC für RTMP(S) ein, Mono oder Stereo, 44,1 oder 48 kHz, höchstens 160&#xa0;kbit/⁠s.</translation>
    </message>
    <message>
        <source>The video codec is not accepted: IVS takes H.264 with the Baseline (or Constrained Baseline) profile.</source>
        <translation>Der Video-Codec wird nicht akzeptiert: IVS nimmt H.264 mit dem Profil Baseline (oder Constrained Baseline) an.</translation>
    </message>
    <message>
        <source>Set the encoder to H.264, profile Baseline, with a keyframe every 1 or 2 seconds and no B-frames.</source>
        <translation>Stellen Sie den Encoder auf H.264 ein, Profil Baseline, mit einem Keyframe alle 1 oder 2 Sekunden und ohne B-Frames.</translation>
    </message>
    <message>
        <source>The participant&apos;s ingest configuration is for RTMPS, but it streamed over plain RTMP.</source>
        <translation>Die Ingest-Konfiguration des Teilnehmers ist für RTMPS, gestreamt wurde aber über unverschlüsseltes RTMP.</translation>
    </message>
    <message>
        <source>Use the stage&apos;s rtmps endpoint in the encoder; plain RTMP needs an ingest configuration created for RTMP with insecureIngest set.</source>
        <translation>Verwenden Sie im Encoder den rtmps-Endpunkt der Stage; unverschlüsseltes RTMP braucht eine für RTMP erstellte Ingest-Konfiguration mit gesetztem insecureIngest.</translation>
    </message>
    <message>
        <source>The stream key is not valid: mistyped, from a deleted ingest configuration, or from one not associated with a stage.</source>
        <translation>Der Streamschlüssel ist ungültig: falsch eingegeben, aus einer gelöschten Ingest-Konfiguration oder aus einer, die keiner Stage zugeordnet ist.</translation>
    </message>
    <message>
        <source>Copy the stream key again from the ingest configuration associated with this stage (GetIngestConfiguration).</source>
        <translation>Kopieren Sie den Streamschlüssel erneut aus der Ingest-Konfiguration, die dieser Stage zugeordnet ist (GetIngestConfiguration).</translation>
    </message>
    <message>
        <source>The stream key is already in use by another active stage session.</source>
        <translation>Der Streamschlüssel wird bereits von einer anderen aktiven Stage-Sitzung verwendet.</translation>
    </message>
    <message>
        <source>Stop the other stream first, or give each encoder its own ingest configuration and stream key.</source>
        <translation>Beenden Sie zuerst den anderen Stream, oder geben Sie jedem Encoder eine eigene Ingest-Konfiguration und einen eigenen Streamschlüssel.</translation>
    </message>
    <message>
        <source>The video contains B-frames, which IVS Real-Time does not accept: the stream is disconnected.</source>
        <translation>Das Video enthält B-Frames, die IVS Real-Time nicht akzeptiert: Der Stream wird getrennt.</translation>
    </message>
    <message>
        <source>Turn off B-frames in the encoder (B-frames = 0; with x264 in OBS, add bframes=0 to the x264 options). OBS&apos;s WHIP output does this already.</source>
        <translation>Schalten Sie B-Frames im Encoder aus (B-Frames = 0; bei x264 in OBS fügen Sie bframes=0 zu den x264-Optionen hinzu). Die WHIP-Ausgabe von OBS tut das bereits.</translation>
    </message>
    <message>
        <source>The input stream is not valid (the service gives no more detail).</source>
        <translation>Der eingehende Stream ist ungültig (der Dienst nennt keine weiteren Einzelheiten).</translation>
    </message>
    <message>
        <source>Check the encoder against the ingest requirements: H.264 Baseline without B-frames, at most 720p and 8.5 Mbps, Opus (WHIP) or AAC (RTMP) audio.</source>
        <translation>Prüfen Sie den Encoder anhand der Ingest-Anforderungen: H.264 Baseline ohne B-Frames, höchstens 720p und 8,5&#xa0;Mbit/⁠s, Audio in Opus (WHIP) oder AAC (RTMP).</translation>
    </message>
    <message>
        <source>Amazon IVS failed internally while handling the participant.</source>
        <translation>Bei Amazon IVS ist bei der Verarbeitung des Teilnehmers ein interner Fehler aufgetreten.</translation>
    </message>
    <message>
        <source>This is usually temporary: try again. If it persists, check the AWS Health Dashboard for the region or contact AWS Support.</source>
        <translation>Das ist meist vorübergehend: Versuchen Sie es erneut. Wenn es anhält, sehen Sie im AWS Health Dashboard für die Region nach, oder wenden Sie sich an den AWS Support.</translation>
    </message>
    <message>
        <source>The service reported error %1, which this version of IVS Stage Browser does not know.</source>
        <translation>Der Dienst hat den Fehler %1 gemeldet, den diese Version von IVS Stage Browser nicht kennt.</translation>
    </message>
    <message>
        <source>Look up %1 under ListParticipantEvents in the Amazon IVS Real-Time API reference.</source>
        <translation>Schlagen Sie %1 unter ListParticipantEvents in der API-Referenz von Amazon IVS Real-Time nach.</translation>
    </message>
    <message>
        <source>The participant joined the stage.</source>
        <translation>Der Teilnehmer ist der Stage beigetreten.</translation>
    </message>
    <message>
        <source>The participant left the stage.</source>
        <translation>Der Teilnehmer hat die Stage verlassen.</translation>
    </message>
    <message>
        <source>The participant could not join the stage.</source>
        <translation>Der Teilnehmer konnte der Stage nicht beitreten.</translation>
    </message>
    <message>
        <source>The participant started publishing.</source>
        <translation>Der Teilnehmer hat mit dem Veröffentlichen begonnen.</translation>
    </message>
    <message>
        <source>The participant stopped publishing.</source>
        <translation>Der Teilnehmer hat das Veröffentlichen beendet.</translation>
    </message>
    <message>
        <source>The participant&apos;s publishing failed.</source>
        <translation>Das Veröffentlichen des Teilnehmers ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The participant started receiving participant %1.</source>
        <translation>Der Teilnehmer hat begonnen, Teilnehmer %1 zu empfangen.</translation>
    </message>
    <message>
        <source>The participant started receiving another participant.</source>
        <translation>Der Teilnehmer hat begonnen, einen anderen Teilnehmer zu empfangen.</translation>
    </message>
    <message>
        <source>The participant stopped receiving participant %1.</source>
        <translation>Der Teilnehmer empfängt Teilnehmer %1 nicht mehr.</translation>
    </message>
    <message>
        <source>The participant stopped receiving another participant.</source>
        <translation>Der Teilnehmer empfängt einen anderen Teilnehmer nicht mehr.</translation>
    </message>
    <message>
        <source>The participant could not receive participant %1.</source>
        <translation>Der Teilnehmer konnte Teilnehmer %1 nicht empfangen.</translation>
    </message>
    <message>
        <source>The participant could not receive another participant.</source>
        <translation>Der Teilnehmer konnte einen anderen Teilnehmer nicht empfangen.</translation>
    </message>
    <message>
        <source>The participant started being replicated to another stage.</source>
        <translation>Die Replikation des Teilnehmers auf eine andere Stage hat begonnen.</translation>
    </message>
    <message>
        <source>The participant stopped being replicated to another stage.</source>
        <translation>Die Replikation des Teilnehmers auf eine andere Stage wurde beendet.</translation>
    </message>
    <message>
        <source>The participant&apos;s token was exchanged for a new one (new capabilities or attributes) without leaving the stage.</source>
        <translation>Das Token des Teilnehmers wurde gegen ein neues ausgetauscht (neue Fähigkeiten oder Attribute), ohne dass er die Stage verlassen hat.</translation>
    </message>
    <message>
        <source>Event %1, which this version of IVS Stage Browser does not know.</source>
        <translation>Ereignis %1, das diese Version von IVS Stage Browser nicht kennt.</translation>
    </message>
    <message>
        <source>The service gave no error code: look at the participant&apos;s client or encoder logs for the reason.</source>
        <translation>Der Dienst hat keinen Fehlercode genannt: Den Grund finden Sie in den Protokollen des Clients oder Encoders des Teilnehmers.</translation>
    </message>
</context>
<context>
    <name>ivs::Publishing</name>
    <message>
        <source>The token lifetime must be from 1 minute to 14 days (20160 minutes); %1 minutes was asked for.</source>
        <translation>Die Gültigkeitsdauer des Tokens muss zwischen 1 Minute und 14 Tagen (20160 Minuten) liegen; angefragt wurden %1 Minuten.</translation>
    </message>
    <message>
        <source>The user id has at most 128 characters; this one has %1.</source>
        <translation>Die Benutzer-ID hat höchstens 128 Zeichen; diese hat %1.</translation>
    </message>
    <message>
        <source>A token needs at least one capability: PUBLISH or SUBSCRIBE.</source>
        <translation>Ein Token braucht mindestens eine Fähigkeit: PUBLISH oder SUBSCRIBE.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a capability: use PUBLISH or SUBSCRIBE.</source>
        <translation>„%1“ ist keine Fähigkeit: Verwenden Sie PUBLISH oder SUBSCRIBE.</translation>
    </message>
    <message>
        <source>The answer has no participant token.</source>
        <translation>Die Antwort enthält kein Teilnehmer-Token.</translation>
    </message>
    <message>
        <source>The answer has no ingest configuration.</source>
        <translation>Die Antwort enthält keine Ingest-Konfiguration.</translation>
    </message>
</context>
<context>
    <name>ivs::RetryPolicy</name>
    <message>
        <source>%1: retrying in %2 s (attempt %3 of %4).</source>
        <translation>%1: neuer Versuch in %2 s (Versuch %3 von %4).</translation>
    </message>
</context>
<context>
    <name>ivs::ServiceError</name>
    <message>
        <source>(Gave up after %1 attempts.)</source>
        <translation>(Nach %1 Versuchen aufgegeben.)</translation>
    </message>
    <message>
        <source>Request ID: %1.</source>
        <translation>Anfrage-ID: %1.</translation>
    </message>
    <message>
        <source>Stage not found</source>
        <translation>Stage nicht gefunden</translation>
    </message>
    <message>
        <source>Check the ARN, that the credentials belong to the stage&apos;s account, and that the stage has not been deleted.</source>
        <translation>Prüfen Sie den ARN, ob die Zugangsdaten zum Konto der Stage gehören und ob die Stage nicht gelöscht wurde.</translation>
    </message>
    <message>
        <source>The service rejected the request</source>
        <translation>Der Dienst hat die Anfrage abgelehnt</translation>
    </message>
    <message>
        <source>Check the ARN and the values you entered.</source>
        <translation>Prüfen Sie den ARN und die eingegebenen Werte.</translation>
    </message>
    <message>
        <source>Access denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>Ask your administrator to allow this action (for example ivs:GetStage) on the stage for these credentials.</source>
        <translation>Bitten Sie Ihre Administration, diese Aktion (zum Beispiel ivs:GetStage) auf der Stage für diese Zugangsdaten zu erlauben.</translation>
    </message>
    <message>
        <source>The AWS account is pending verification</source>
        <translation>Das AWS-Konto wartet auf Verifizierung</translation>
    </message>
    <message>
        <source>Wait until AWS has verified the account, or contact AWS Support.</source>
        <translation>Warten Sie, bis AWS das Konto verifiziert hat, oder wenden Sie sich an den AWS Support.</translation>
    </message>
    <message>
        <source>The request signature was rejected</source>
        <translation>Die Signatur der Anfrage wurde abgelehnt</translation>
    </message>
    <message>
        <source>Check the secret access key, and that this computer&apos;s clock is correct (a difference of more than 5 minutes is refused).</source>
        <translation>Prüfen Sie den geheimen Zugriffsschlüssel und ob die Uhr dieses Computers richtig geht (eine Abweichung von mehr als 5 Minuten wird abgelehnt).</translation>
    </message>
    <message>
        <source>The access key is not recognised</source>
        <translation>Der Zugriffsschlüssel wird nicht erkannt</translation>
    </message>
    <message>
        <source>Check the access key ID and session token; the key may have been deleted or deactivated.</source>
        <translation>Prüfen Sie die Zugriffsschlüssel-ID und das Sitzungstoken; der Schlüssel wurde möglicherweise gelöscht oder deaktiviert.</translation>
    </message>
    <message>
        <source>The session token has expired</source>
        <translation>Das Sitzungstoken ist abgelaufen</translation>
    </message>
    <message>
        <source>Refresh your temporary credentials (for example with aws sso login) and try again.</source>
        <translation>Erneuern Sie Ihre temporären Zugangsdaten (zum Beispiel mit aws sso login), und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The request was not signed</source>
        <translation>Die Anfrage war nicht signiert</translation>
    </message>
    <message>
        <source>Configure AWS credentials and try again.</source>
        <translation>Richten Sie AWS-Zugangsdaten ein, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The stage is busy</source>
        <translation>Die Stage ist gerade belegt</translation>
    </message>
    <message>
        <source>The change conflicts with the stage&apos;s current state (for example an active recording). Try again when it has ended.</source>
        <translation>Die Änderung steht im Konflikt mit dem aktuellen Zustand der Stage (zum Beispiel einer laufenden Aufzeichnung). Versuchen Sie es erneut, wenn das vorbei ist.</translation>
    </message>
    <message>
        <source>A service quota is exceeded</source>
        <translation>Ein Service-Kontingent ist überschritten</translation>
    </message>
    <message>
        <source>Delete unused resources or request a quota increase in Service Quotas.</source>
        <translation>Löschen Sie nicht verwendete Ressourcen, oder beantragen Sie in Service Quotas eine Erhöhung des Kontingents.</translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation>Zu viele Anfragen</translation>
    </message>
    <message>
        <source>Wait a few seconds and try again.</source>
        <translation>Warten Sie einige Sekunden, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The service failed to answer</source>
        <translation>Der Dienst konnte nicht antworten</translation>
    </message>
    <message>
        <source>This is usually temporary: try again in a moment. If it persists, check the AWS Health Dashboard for the region.</source>
        <translation>Das ist meist vorübergehend: Versuchen Sie es gleich noch einmal. Wenn es anhält, sehen Sie im AWS Health Dashboard für die Region nach.</translation>
    </message>
    <message>
        <source>Check the credentials and their IAM permissions.</source>
        <translation>Prüfen Sie die Zugangsdaten und deren IAM-Berechtigungen.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Check the endpoint URL: it does not look like an Amazon IVS Real-Time endpoint.</source>
        <translation>Prüfen Sie die Endpunkt-URL: Sie sieht nicht nach einem Endpunkt von Amazon IVS Real-Time aus.</translation>
    </message>
    <message>
        <source>The service returned an error</source>
        <translation>Der Dienst hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <source>Check the request and try again.</source>
        <translation>Prüfen Sie die Anfrage, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Unexpected response</source>
        <translation>Unerwartete Antwort</translation>
    </message>
    <message>
        <source>Unexpected response (%1)</source>
        <translation>Unerwartete Antwort (%1)</translation>
    </message>
    <message>
        <source>This does not look like an Amazon IVS answer. Check the endpoint URL, and any proxy between you and AWS.</source>
        <translation>Das sieht nicht nach einer Antwort von Amazon IVS aus. Prüfen Sie die Endpunkt-URL und einen eventuellen Proxy zwischen Ihnen und AWS.</translation>
    </message>
</context>
<context>
    <name>ivs::Stage</name>
    <message>
        <source>The service&apos;s answer is malformed: stage.arn is missing.</source>
        <translation>Die Antwort des Dienstes ist fehlerhaft: stage.arn fehlt.</translation>
    </message>
    <message>
        <source>The service&apos;s answer is not valid JSON (%1 at byte %2).</source>
        <translation>Die Antwort des Dienstes ist kein gültiges JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>The service&apos;s answer is malformed: expected a JSON object.</source>
        <translation>Die Antwort des Dienstes ist fehlerhaft: Erwartet wurde ein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The service&apos;s answer is malformed: it has no &quot;stage&quot; object.</source>
        <translation>Die Antwort des Dienstes ist fehlerhaft: Sie enthält kein &quot;stage&quot;-Objekt.</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>The service&apos;s answer is malformed: %1 should be %2, but it is %3.</source>
        <translation>Die Antwort des Dienstes ist fehlerhaft: %1 sollte %2 sein, ist aber %3.</translation>
    </message>
</context>
<context>
    <name>ivs::StageArn</name>
    <message>
        <source>This is an IVS low-latency channel ARN, not a Real-Time stage ARN.</source>
        <translation>Das ist der ARN eines IVS-Low-Latency-Kanals, kein ARN einer Real-Time-Stage.</translation>
    </message>
    <message>
        <source>This is a storage configuration ARN, not a stage ARN.</source>
        <translation>Das ist der ARN einer Speicherkonfiguration, kein Stage-ARN.</translation>
    </message>
    <message>
        <source>This is an encoder configuration ARN, not a stage ARN.</source>
        <translation>Das ist der ARN einer Encoder-Konfiguration, kein Stage-ARN.</translation>
    </message>
    <message>
        <source>This is an ingest configuration ARN, not a stage ARN.</source>
        <translation>Das ist der ARN einer Ingest-Konfiguration, kein Stage-ARN.</translation>
    </message>
    <message>
        <source>The resource part must be &quot;stage/&lt;id&gt;&quot;, but it is of type &quot;%1&quot;.</source>
        <translation>Der Ressourcenteil muss „stage/&lt;id&gt;“ lauten, hat aber den Typ „%1“.</translation>
    </message>
    <message>
        <source>Enter a stage ARN, for example %1.</source>
        <translation>Geben Sie einen Stage-ARN ein, zum Beispiel %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; looks like a stage ID. Paste the full stage ARN, for example %2.</source>
        <translation>„%1“ sieht nach einer Stage-ID aus. Fügen Sie den vollständigen Stage-ARN ein, zum Beispiel %2.</translation>
    </message>
    <message>
        <source>Not an ARN: a stage ARN starts with &quot;arn:aws:ivs:&quot;, for example %1.</source>
        <translation>Kein ARN: Ein Stage-ARN beginnt mit „arn:aws:ivs:“, zum Beispiel %1.</translation>
    </message>
    <message>
        <source>A stage ARN is at most %1 characters; this one has %2.</source>
        <translation>Ein Stage-ARN hat höchstens %1 Zeichen; dieser hat %2.</translation>
    </message>
    <message>
        <source>Incomplete ARN: expected arn:aws:ivs:&lt;region&gt;:&lt;account&gt;:stage/&lt;id&gt;.</source>
        <translation>Unvollständiger ARN: Erwartet wird arn:aws:ivs:&lt;region&gt;:&lt;account&gt;:stage/&lt;id&gt;.</translation>
    </message>
    <message>
        <source>Unsupported partition &quot;%1&quot;: Amazon IVS stages are in the &quot;aws&quot; partition.</source>
        <translation>Nicht unterstützte Partition „%1“: Stages von Amazon IVS liegen in der Partition „aws“.</translation>
    </message>
    <message>
        <source>This ARN belongs to the &quot;%1&quot; service, not Amazon IVS (&quot;ivs&quot;).</source>
        <translation>Dieser ARN gehört zum Dienst „%1“, nicht zu Amazon IVS („ivs“).</translation>
    </message>
    <message>
        <source>The ARN has no region: expected arn:aws:ivs:&lt;region&gt;:&lt;account&gt;:stage/&lt;id&gt;.</source>
        <translation>Der ARN enthält keine Region: Erwartet wird arn:aws:ivs:&lt;region&gt;:&lt;account&gt;:stage/&lt;id&gt;.</translation>
    </message>
    <message>
        <source>Too many &quot;:&quot; separators: expected arn:aws:ivs:&lt;region&gt;:&lt;account&gt;:stage/&lt;id&gt;.</source>
        <translation>Zu viele „:“-Trennzeichen: Erwartet wird arn:aws:ivs:&lt;region&gt;:&lt;account&gt;:stage/&lt;id&gt;.</translation>
    </message>
    <message>
        <source>The ARN has no stage ID after &quot;stage/&quot;.</source>
        <translation>Der ARN enthält nach „stage/“ keine Stage-ID.</translation>
    </message>
    <message>
        <source>Stage ID &quot;%1&quot; is not valid: only letters, digits and &quot;-&quot; are allowed.</source>
        <translation>Die Stage-ID „%1“ ist ungültig: Nur Buchstaben, Ziffern und „-“ sind erlaubt.</translation>
    </message>
    <message>
        <source>Enter a region, for example us-west-2.</source>
        <translation>Geben Sie eine Region ein, zum Beispiel us-west-2.</translation>
    </message>
    <message>
        <source>Region &quot;%1&quot; is not valid: region names are lower case (&quot;%2&quot;).</source>
        <translation>Die Region „%1“ ist ungültig: Regionsnamen werden kleingeschrieben („%2“).</translation>
    </message>
    <message>
        <source>Region &quot;%1&quot; is not valid: a region is written like &quot;us-west-2&quot;, &quot;eu-central-1&quot; or &quot;us-gov-west-1&quot; (area, direction, number).</source>
        <translation>Die Region „%1“ ist ungültig: Eine Region wird wie „us-west-2“, „eu-central-1“ oder „us-gov-west-1“ geschrieben (Gebiet, Richtung, Nummer).</translation>
    </message>
    <message>
        <source>The ARN has no account: expected a 12-digit account ID after the region, for example %1.</source>
        <translation>Der ARN enthält kein Konto: Nach der Region wird eine 12-stellige Konto-ID erwartet, zum Beispiel %1.</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot; is not valid: an AWS account ID is a 12-digit number; this one has %2 characters.</source>
        <translation>Das Konto „%1“ ist ungültig: Eine AWS-Konto-ID ist eine 12-stellige Zahl; diese hat %2 Zeichen.</translation>
    </message>
</context>
<context>
    <name>ivs::StageArnInText</name>
    <message>
        <source>This console link does not contain a stage ARN. Open the stage in the Amazon IVS console and copy its ARN (%1), or a link that includes it.</source>
        <translation>Dieser Konsolenlink enthält keinen Stage-ARN. Öffnen Sie die Stage in der Amazon-IVS-Konsole und kopieren Sie ihren ARN (%1) oder einen Link, der ihn enthält.</translation>
    </message>
    <message>
        <source>No stage ARN found: expected a stage ARN such as %1, or an Amazon IVS console link that contains one.</source>
        <translation>Kein Stage-ARN gefunden: Erwartet wird ein Stage-ARN wie %1 oder ein Link der Amazon-IVS-Konsole, der einen enthält.</translation>
    </message>
</context>
<context>
    <name>ivs::StageChanges</name>
    <message>
        <source>(none)</source>
        <translation>(kein Wert)</translation>
    </message>
    <message>
        <source>No changes.</source>
        <translation>Keine Änderungen.</translation>
    </message>
    <message>
        <source>Changes to %1:</source>
        <translation>Änderungen an %1:</translation>
    </message>
    <message>
        <source>Recording will be turned OFF: sending an empty storageConfigurationArn resets every other recording setting to its default.</source>
        <translation>Die Aufzeichnung wird AUSGESCHALTET: Ein leerer storageConfigurationArn setzt jede andere Aufzeichnungseinstellung auf ihren Standardwert zurück.</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>Anfragen:</translation>
    </message>
    <message>
        <source>This is not a stage configuration exported by IVS Stage Browser (its &quot;format&quot; is not &quot;%1&quot;).</source>
        <translation>Das ist keine von IVS Stage Browser exportierte Stage-Konfiguration (ihr &quot;format&quot; ist nicht &quot;%1&quot;).</translation>
    </message>
    <message>
        <source>Unsupported stage configuration version %1 (this app reads version %2).</source>
        <translation>Nicht unterstützte Version %1 der Stage-Konfiguration (diese App liest Version %2).</translation>
    </message>
    <message>
        <source>The file has no &quot;stage&quot; object.</source>
        <translation>Die Datei enthält kein &quot;stage&quot;-Objekt.</translation>
    </message>
    <message>
        <source>stage.name must be text.</source>
        <translation>stage.name muss Text sein.</translation>
    </message>
    <message>
        <source>stage.%1 must be an object.</source>
        <translation>stage.%1 muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>stage.tags must be an object of text values.</source>
        <translation>stage.tags muss ein Objekt mit Textwerten sein.</translation>
    </message>
    <message>
        <source>Tag &quot;%1&quot; must have a text value.</source>
        <translation>Das Tag „%1“ muss einen Textwert haben.</translation>
    </message>
    <message>
        <source>At most %1 tags; there are %2.</source>
        <translation>Höchstens %1 Tags; es sind %2.</translation>
    </message>
</context>
<context>
    <name>ivs::StageResources</name>
    <message>
        <source>No storage configuration in %1: create one in the AWS console (IVS › Real-time › Storage configurations) or with `aws ivs-realtime create-storage-configuration --region %1`.</source>
        <translation>Keine Speicherkonfiguration in %1: Legen Sie eine in der AWS-Konsole an (IVS › Real-time › Storage configurations) oder mit `aws ivs-realtime create-storage-configuration --region %1`.</translation>
    </message>
</context>
<context>
    <name>ivs::StageRules</name>
    <message>
        <source>letters, digits, &quot;-&quot; and &quot;_&quot;</source>
        <translation>Buchstaben, Ziffern, „-“ und „_“</translation>
    </message>
    <message>
        <source>empty (recording off) or a storage configuration ARN</source>
        <translation>leer (Aufzeichnung aus) oder der ARN einer Speicherkonfiguration</translation>
    </message>
    <message>
        <source>Expected text.</source>
        <translation>Text erwartet.</translation>
    </message>
    <message>
        <source>At most %1 characters; this has %2.</source>
        <translation>Höchstens %1 Zeichen; dieser Wert hat %2.</translation>
    </message>
    <message>
        <source>Use %1.</source>
        <translation>Erlaubt: %1.</translation>
    </message>
    <message>
        <source>Choose one of %1.</source>
        <translation>Wählen Sie eines von: %1.</translation>
    </message>
    <message>
        <source>Expected a list.</source>
        <translation>Liste erwartet.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2.</source>
        <translation>„%1“ ist keines von: %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is listed twice.</source>
        <translation>„%1“ ist doppelt aufgeführt.</translation>
    </message>
    <message>
        <source>Choose exactly %1.</source>
        <translation>Wählen Sie genau %1.</translation>
    </message>
    <message>
        <source>Choose from %1 to %2.</source>
        <translation>Wählen Sie %1 bis %2.</translation>
    </message>
    <message>
        <source>Expected a whole number.</source>
        <translation>Ganze Zahl erwartet.</translation>
    </message>
    <message>
        <source>Must be from %1 to %2.</source>
        <translation>Muss zwischen %1 und %2 liegen.</translation>
    </message>
    <message>
        <source>Expected on or off.</source>
        <translation>Ein oder Aus erwartet.</translation>
    </message>
    <message>
        <source>A tag key cannot be empty.</source>
        <translation>Ein Tag-Schlüssel darf nicht leer sein.</translation>
    </message>
    <message>
        <source>A tag key has at most 128 characters; this has %1.</source>
        <translation>Ein Tag-Schlüssel hat höchstens 128 Zeichen; dieser hat %1.</translation>
    </message>
    <message>
        <source>Tag keys starting with &quot;aws:&quot; are reserved for AWS.</source>
        <translation>Tag-Schlüssel, die mit „aws:“ beginnen, sind für AWS reserviert.</translation>
    </message>
    <message>
        <source>A tag value has at most 256 characters; this has %1.</source>
        <translation>Ein Tag-Wert hat höchstens 256 Zeichen; dieser hat %1.</translation>
    </message>
    <message>
        <source>A tag key may hold only letters, digits, spaces and _ . : / = + - @; this one holds %1.</source>
        <translation>Ein Tag-Schlüssel darf nur Buchstaben, Ziffern, Leerzeichen und _ . : / = + - @ enthalten; dieser enthält %1.</translation>
    </message>
    <message>
        <source>A tag value may hold only letters, digits, spaces and _ . : / = + - @; this one holds %1.</source>
        <translation>Ein Tag-Wert darf nur Buchstaben, Ziffern, Leerzeichen und _ . : / = + - @ enthalten; dieser enthält %1.</translation>
    </message>
</context>
<context>
    <name>ivs::StageSchema</name>
    <message>
        <source>the service did not return this endpoint</source>
        <translation>der Dienst hat diesen Endpunkt nicht geliefert</translation>
    </message>
    <message>
        <source>The stage that is returned.</source>
        <translation>Die zurückgegebene Stage.</translation>
    </message>
    <message>
        <source>Stage ARN.</source>
        <translation>ARN der Stage.</translation>
    </message>
    <message>
        <source>Stage name.</source>
        <translation>Name der Stage.</translation>
    </message>
    <message>
        <source>the stage has no name</source>
        <translation>die Stage hat keinen Namen</translation>
    </message>
    <message>
        <source>ID of the active session within the stage.</source>
        <translation>ID der aktiven Sitzung in der Stage.</translation>
    </message>
    <message>
        <source>no session is active</source>
        <translation>keine Sitzung ist aktiv</translation>
    </message>
    <message>
        <source>Tags attached to the resource. Array of maps, each of the form string:string (key:value). See Best practices and strategies in Tagging AWS Resources and Tag Editor for details, including restrictions that apply to tags and &quot;Tag naming limits and requirements&quot;; Amazon IVS has no constraints on tags beyond what is documented there.</source>
        <translation>Der Ressource zugeordnete Tags. Array von Maps, jeweils in der Form string:string (Schlüssel:Wert). Einzelheiten, auch zu den Einschränkungen für Tags und zu „Tag naming limits and requirements“, finden Sie unter „Best practices and strategies“ in „Tagging AWS Resources and Tag Editor“; Amazon IVS schränkt Tags nicht über das dort Dokumentierte hinaus ein.</translation>
    </message>
    <message>
        <source>no tags</source>
        <translation>keine Tags</translation>
    </message>
    <message>
        <source>Configuration object for individual participant recording, attached to the stage.</source>
        <translation>Konfigurationsobjekt für die Einzelaufzeichnung von Teilnehmern, der Stage zugeordnet.</translation>
    </message>
    <message>
        <source>ARN of the StorageConfiguration resource to use for individual participant recording. Default: &quot;&quot; (empty string, no storage configuration is specified). Individual participant recording cannot be started unless a storage configuration is specified, when a Stage is created or updated. To disable individual participant recording, set this to &quot;&quot;; other fields in this object will get reset to their defaults when sending &quot;&quot;.</source>
        <translation>ARN der StorageConfiguration-Ressource, die für die Einzelaufzeichnung von Teilnehmern verwendet wird. Standardwert: &quot;&quot; (leere Zeichenkette, keine Speicherkonfiguration angegeben). Die Einzelaufzeichnung von Teilnehmern kann nur gestartet werden, wenn beim Erstellen oder Aktualisieren einer Stage eine Speicherkonfiguration angegeben wird. Um die Einzelaufzeichnung von Teilnehmern auszuschalten, setzen Sie diesen Wert auf &quot;&quot;; die anderen Felder dieses Objekts werden beim Senden von &quot;&quot; auf ihre Standardwerte zurückgesetzt.</translation>
    </message>
    <message>
        <source>no storage configuration: recording is off</source>
        <translation>keine Speicherkonfiguration: Aufzeichnung ist aus</translation>
    </message>
    <message>
        <source>Types of media to be recorded. Default: AUDIO_VIDEO.</source>
        <translation>Arten der aufzuzeichnenden Medien. Standardwert: AUDIO_VIDEO.</translation>
    </message>
    <message>
        <source>A complex type that allows you to enable/disable the recording of thumbnails for individual participant recording and modify the interval at which thumbnails are generated for the live session.</source>
        <translation>Ein komplexer Typ, mit dem Sie die Aufzeichnung von Vorschaubildern bei der Einzelaufzeichnung von Teilnehmern ein- oder ausschalten und das Intervall ändern können, in dem Vorschaubilder für die Live-Sitzung erzeugt werden.</translation>
    </message>
    <message>
        <source>The targeted thumbnail-generation interval in seconds. This is configurable only if recordingMode is INTERVAL. Default: 60.</source>
        <translation>Das angestrebte Intervall für das Erzeugen von Vorschaubildern in Sekunden. Nur einstellbar, wenn recordingMode INTERVAL ist. Standardwert: 60.</translation>
    </message>
    <message>
        <source>Indicates the format in which thumbnails are recorded. SEQUENTIAL records all generated thumbnails in a serial manner, to the media/thumbnails/high directory. LATEST saves the latest thumbnail in media/latest_thumbnail/high/thumb.jpg and overwrites it at the interval specified by targetIntervalSeconds. You can enable both SEQUENTIAL and LATEST. Default: SEQUENTIAL.</source>
        <translation>Gibt an, in welcher Form Vorschaubilder aufgezeichnet werden. SEQUENTIAL zeichnet alle erzeugten Vorschaubilder nacheinander im Verzeichnis media/thumbnails/high auf. LATEST speichert das neueste Vorschaubild in media/latest_thumbnail/high/thumb.jpg und überschreibt es in dem durch targetIntervalSeconds angegebenen Intervall. Sie können SEQUENTIAL und LATEST auch gemeinsam aktivieren. Standardwert: SEQUENTIAL.</translation>
    </message>
    <message>
        <source>Thumbnail recording mode. Default: DISABLED.</source>
        <translation>Aufzeichnungsmodus für Vorschaubilder. Standardwert: DISABLED.</translation>
    </message>
    <message>
        <source>no thumbnails</source>
        <translation>keine Vorschaubilder</translation>
    </message>
    <message>
        <source>If a stage publisher disconnects and then reconnects within the specified interval, the multiple recordings will be considered a single recording and merged together. The default value is 0, which disables merging.</source>
        <translation>Wenn ein Publisher der Stage die Verbindung trennt und sich innerhalb des angegebenen Intervalls wieder verbindet, gelten die einzelnen Aufzeichnungen als eine Aufzeichnung und werden zusammengeführt. Der Standardwert ist 0; damit ist das Zusammenführen ausgeschaltet.</translation>
    </message>
    <message>
        <source>recordings are not merged</source>
        <translation>Aufzeichnungen werden nicht zusammengeführt</translation>
    </message>
    <message>
        <source>HLS configuration object for individual participant recording.</source>
        <translation>HLS-Konfigurationsobjekt für die Einzelaufzeichnung von Teilnehmern.</translation>
    </message>
    <message>
        <source>Defines the target duration for recorded segments generated when recording a stage participant. Segments may have durations longer than the specified value when needed to ensure each segment begins with a keyframe. Default: 6.</source>
        <translation>Legt die angestrebte Dauer der Segmente fest, die beim Aufzeichnen eines Stage-Teilnehmers erzeugt werden. Segmente können länger als der angegebene Wert sein, wenn das nötig ist, damit jedes Segment mit einem Keyframe beginnt. Standardwert: 6.</translation>
    </message>
    <message>
        <source>Optional field to disable replica participant recording. If this is set to false when a participant is a replica, replica participants are not recorded. Default: true.</source>
        <translation>Optionales Feld, um die Aufzeichnung von Replikat-Teilnehmern auszuschalten. Ist es auf false gesetzt, während ein Teilnehmer ein Replikat ist, werden Replikat-Teilnehmer nicht aufgezeichnet. Standardwert: true.</translation>
    </message>
    <message>
        <source>Summary information about various endpoints for a stage.</source>
        <translation>Übersicht über die verschiedenen Endpunkte einer Stage.</translation>
    </message>
    <message>
        <source>Events endpoint.</source>
        <translation>Endpunkt für Ereignisse.</translation>
    </message>
    <message>
        <source>The endpoint to be used for IVS real-time streaming using the WHIP protocol.</source>
        <translation>Der Endpunkt für Echtzeit-Streaming mit IVS über das Protokoll WHIP.</translation>
    </message>
    <message>
        <source>The endpoint to be used for IVS real-time streaming using the RTMP protocol.</source>
        <translation>Der Endpunkt für Echtzeit-Streaming mit IVS über das Protokoll RTMP.</translation>
    </message>
    <message>
        <source>The endpoint to be used for IVS real-time streaming using the RTMPS protocol.</source>
        <translation>Der Endpunkt für Echtzeit-Streaming mit IVS über das Protokoll RTMPS.</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a list of strings</source>
        <translation>eine Liste von Zeichenketten</translation>
    </message>
    <message>
        <source>an object of string values</source>
        <translation>ein Objekt mit Zeichenkettenwerten</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
</context>
<context>
    <name>ivs::StageSummary</name>
    <message>
        <source>The ListStages answer is not a JSON object.</source>
        <translation>Die Antwort auf ListStages ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The ListStages answer has no &quot;stages&quot; list.</source>
        <translation>Die Antwort auf ListStages enthält keine &quot;stages&quot;-Liste.</translation>
    </message>
    <message>
        <source>A ListStages entry has no ARN.</source>
        <translation>Ein Eintrag in der Antwort auf ListStages hat keinen ARN.</translation>
    </message>
</context>
<context>
    <name>ivs::TokenAttributes</name>
    <message>
        <source>&quot;%1&quot; is not an attribute: write key=value.</source>
        <translation>„%1“ ist kein Attribut: Schreiben Sie key=value.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no key before &quot;=&quot;: write key=value.</source>
        <translation>„%1“ hat keinen Schlüssel vor „=“: Schreiben Sie key=value.</translation>
    </message>
    <message>
        <source>The attribute &quot;%1&quot; is given twice.</source>
        <translation>Das Attribut „%1“ ist doppelt angegeben.</translation>
    </message>
    <message>
        <source>Token attributes may hold at most %1 bytes in all; these have %2.</source>
        <translation>Token-Attribute dürfen insgesamt höchstens %1 Byte umfassen; diese haben %2.</translation>
    </message>
</context>
<context>
    <name>ivs::TransportError</name>
    <message>
        <source>The TLS connection to %1 could not be verified</source>
        <translation>Die TLS-Verbindung zu %1 konnte nicht verifiziert werden</translation>
    </message>
    <message>
        <source>If you connect through a private certificate authority or a TLS-inspecting proxy, set AWS_CA_BUNDLE to its PEM certificate file. Certificate errors are never ignored.</source>
        <translation>Wenn Sie sich über eine private Zertifizierungsstelle oder einen TLS-prüfenden Proxy verbinden, setzen Sie AWS_CA_BUNDLE auf dessen PEM-Zertifikatsdatei. Zertifikatsfehler werden nie ignoriert.</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 seconds</source>
        <translation>Keine Antwort von %1 innerhalb von %2 Sekunden</translation>
    </message>
    <message>
        <source>Check your network connection and try again; the service or a proxy may be slow.</source>
        <translation>Prüfen Sie Ihre Netzwerkverbindung, und versuchen Sie es erneut; der Dienst oder ein Proxy ist möglicherweise langsam.</translation>
    </message>
    <message>
        <source>Could not connect to %1: the connection was refused</source>
        <translation>Keine Verbindung zu %1 möglich: Die Verbindung wurde abgelehnt</translation>
    </message>
    <message>
        <source>Check that the local endpoint is running and the endpoint URL&apos;s port is right.</source>
        <translation>Prüfen Sie, ob der lokale Endpunkt läuft und der Port der Endpunkt-URL stimmt.</translation>
    </message>
    <message>
        <source>Check the endpoint URL and your firewall.</source>
        <translation>Prüfen Sie die Endpunkt-URL und Ihre Firewall.</translation>
    </message>
    <message>
        <source>Could not find the host %1</source>
        <translation>Der Host %1 wurde nicht gefunden</translation>
    </message>
    <message>
        <source>Check your network connection and DNS, that the region in the ARN exists, and any endpoint URL override.</source>
        <translation>Prüfen Sie Ihre Netzwerkverbindung und das DNS, ob es die Region im ARN gibt und ob eine abweichende Endpunkt-URL eingestellt ist.</translation>
    </message>
    <message>
        <source>%1 closed the connection before answering</source>
        <translation>%1 hat die Verbindung vor der Antwort geschlossen</translation>
    </message>
    <message>
        <source>Try again; if it persists, check any proxy or firewall.</source>
        <translation>Versuchen Sie es erneut; wenn es anhält, prüfen Sie Proxy und Firewall.</translation>
    </message>
    <message>
        <source>The proxy failed</source>
        <translation>Der Proxy ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Check the proxy settings (https_proxy, no_proxy).</source>
        <translation>Prüfen Sie die Proxy-Einstellungen (https_proxy, no_proxy).</translation>
    </message>
    <message>
        <source>The request to %1 failed</source>
        <translation>Die Anfrage an %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Check your network connection and try again.</source>
        <translation>Prüfen Sie Ihre Netzwerkverbindung, und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>keychain::KeychainStore</name>
    <message>
        <source>The keychain has no such entry. If the keyring is locked it can look empty: unlock it and try again, or enter the secret again.</source>
        <translation>Der Schlüsselbund enthält keinen solchen Eintrag. Ein gesperrter Schlüsselbund kann leer wirken: Entsperren Sie ihn und versuchen Sie es erneut, oder geben Sie das Geheimnis neu ein.</translation>
    </message>
    <message>
        <source>no supported keychain backend</source>
        <translation>kein unterstütztes Schlüsselbund-Backend</translation>
    </message>
    <message>
        <source>The keychain could not delete the entry (%1).</source>
        <translation>Der Schlüsselbund konnte den Eintrag nicht löschen (%1).</translation>
    </message>
    <message>
        <source>no Secret Service on the session bus</source>
        <translation>kein Secret Service auf dem Sitzungsbus</translation>
    </message>
    <message>
        <source>no D-Bus session bus</source>
        <translation>kein D-Bus-Sitzungsbus</translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation>Fehler im Schlüsselbund: %1</translation>
    </message>
    <message>
        <source>The keychain did not answer within %1 seconds. It may be waiting for an unlock prompt: unlock the keyring and try again.</source>
        <translation>Der Schlüsselbund hat nicht innerhalb von %1 Sekunden geantwortet. Möglicherweise wartet er auf eine Entsperr-Abfrage: Entsperren Sie den Schlüsselbund, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No keychain service is available (%1).</source>
        <translation>Es ist kein Schlüsselbunddienst verfügbar (%1).</translation>
    </message>
    <message>
        <source>The keychain refused access: it is locked or access was denied. Unlock it (for example in &quot;%1&quot;) and try again.</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert: Er ist gesperrt, oder der Zugriff wurde abgelehnt. Entsperren Sie ihn (zum Beispiel in „%1“), und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The Secret Service has no default keyring to store into. Create one (for example in &quot;%1&quot;) and try again.</source>
        <translation>Der Secret Service hat keinen Standard-Schlüsselbund zum Speichern. Legen Sie einen an (zum Beispiel in „%1“), und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The keyring is locked. Unlock it (for example in &quot;%1&quot;) and try again.</source>
        <translation>Der Schlüsselbund ist gesperrt. Entsperren Sie ihn (zum Beispiel in „%1“), und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>model::EventsModel</name>
    <message>
        <source>What to do: %1</source>
        <translation>Was zu tun ist: %1</translation>
    </message>
    <message>
        <source>Remote participant: %1</source>
        <translation>Entfernter Teilnehmer: %1</translation>
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
        <source>Error code</source>
        <translation>Fehlercode</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>Bedeutung</translation>
    </message>
</context>
<context>
    <name>model::FindingsModel</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>Was zu tun ist: %1</translation>
    </message>
    <message>
        <source>Double-click to show %1 in the stage tree.</source>
        <translation>Doppelklicken, um %1 im Stage-Baum anzuzeigen.</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Double-click to show participant %1 and its events in Sessions.</source>
        <translation>Doppelklicken, um den Teilnehmer %1 und seine Ereignisse unter „Sitzungen“ anzuzeigen.</translation>
    </message>
</context>
<context>
    <name>model::ParticipantsModel</name>
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
        <source>The service could not record this participant. Check the storage configuration&apos;s S3 bucket: it must exist in the stage&apos;s region and accept the service&apos;s writes.</source>
        <translation>Der Dienst konnte diesen Teilnehmer nicht aufzeichnen. Prüfen Sie den S3-Bucket der Speicherkonfiguration: Er muss in der Region der Stage existieren und Schreibzugriffe des Dienstes annehmen.</translation>
    </message>
    <message>
        <source>Select the participant to read its protocol and recording location.</source>
        <translation>Wählen Sie den Teilnehmer aus, um sein Protokoll und seinen Aufzeichnungsort abzurufen.</translation>
    </message>
    <message>
        <source>Participant %1</source>
        <translation>Teilnehmer %1</translation>
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
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>Replikation</translation>
    </message>
    <message>
        <source>Recording location</source>
        <translation>Aufzeichnungsort</translation>
    </message>
    <message>
        <source>Participant ID</source>
        <translation>Teilnehmer-ID</translation>
    </message>
</context>
<context>
    <name>model::RecordingsModel</name>
    <message>
        <source>Participant</source>
        <translation>Teilnehmer</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Renditions</source>
        <translation>Renditions</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation>Vorschaubilder</translation>
    </message>
</context>
<context>
    <name>model::SessionsModel</name>
    <message>
        <source>in progress</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>Session %1, in progress since %2</source>
        <translation>Sitzung %1, läuft seit %2</translation>
    </message>
    <message>
        <source>Session %1, %2 to %3</source>
        <translation>Sitzung %1, %2 bis %3</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ende</translation>
    </message>
</context>
<context>
    <name>model::StageListModel</name>
    <message>
        <source>(unnamed)</source>
        <translation>(ohne Namen)</translation>
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
        <source>Stage ID</source>
        <translation>Stage-ID</translation>
    </message>
    <message>
        <source>Active session</source>
        <translation>Aktive Sitzung</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
</context>
<context>
    <name>model::StageTree</name>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>no tags</source>
        <translation>keine Tags</translation>
    </message>
    <message>
        <source>1 tag</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>%1 tags</source>
        <translation>%1 Tags</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>edited — was %1</source>
        <translation>bearbeitet – vorher %1</translation>
    </message>
    <message>
        <source>new tag — not applied yet</source>
        <translation>neues Tag – noch nicht übernommen</translation>
    </message>
    <message>
        <source>will be deleted</source>
        <translation>wird gelöscht</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standardwert</translation>
    </message>
    <message>
        <source>default — %1</source>
        <translation>Standardwert – %1</translation>
    </message>
    <message>
        <source>not returned</source>
        <translation>nicht geliefert</translation>
    </message>
    <message>
        <source>not returned — %1</source>
        <translation>nicht geliefert – %1</translation>
    </message>
    <message>
        <source>Tag &quot;%1&quot; = &quot;%2&quot;</source>
        <translation>Tag „%1“ = „%2“</translation>
    </message>
    <message>
        <source>Documented default: %1</source>
        <translation>Dokumentierter Standardwert: %1</translation>
    </message>
    <message>
        <source>The service did not return this field; the documented default is shown.</source>
        <translation>Der Dienst hat dieses Feld nicht geliefert; angezeigt wird der dokumentierte Standardwert.</translation>
    </message>
    <message>
        <source>The service did not return this field.</source>
        <translation>Der Dienst hat dieses Feld nicht geliefert.</translation>
    </message>
</context>
<context>
    <name>model::StageTreeModel</name>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value (stale: the last lookup failed)</source>
        <translation>Wert (veraltet: der letzte Abruf ist fehlgeschlagen)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>net::LoopbackHttpServer</name>
    <message>
        <source>%1 is not a loopback address.</source>
        <translation>%1 ist keine Loopback-Adresse.</translation>
    </message>
    <message>
        <source>Could not listen on %1 port %2.</source>
        <translation>Auf %1, Port %2, kann nicht gelauscht werden.</translation>
    </message>
</context>
<context>
    <name>obs::ObsClient</name>
    <message>
        <source>OBS is not running at %1, or its WebSocket server is off: start OBS and tick Tools → WebSocket Server Settings → Enable WebSocket server (the port shown there must match).</source>
        <translation>OBS läuft nicht unter %1, oder sein WebSocket-Server ist aus: Starten Sie OBS und aktivieren Sie Werkzeuge → WebSocket-Server-Einstellungen → WebSocket-Server aktivieren (der dort gezeigte Port muss passen).</translation>
    </message>
    <message>
        <source>OBS at %1 did not answer within %2 s.</source>
        <translation>OBS unter %1 hat nicht innerhalb von %2 s geantwortet.</translation>
    </message>
    <message>
        <source>No OBS address was given: OBS listens at %1 unless told otherwise.</source>
        <translation>Keine OBS-Adresse angegeben: OBS lauscht, wenn nicht anders eingestellt, unter %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address OBS listens at: it looks like %2.</source>
        <translation>„%1“ ist keine Adresse, unter der OBS lauscht: Sie sieht aus wie %2.</translation>
    </message>
    <message>
        <source>The OBS address may not hold a user name or password; the password is given on its own.</source>
        <translation>Die OBS-Adresse darf keinen Benutzernamen und kein Passwort enthalten; das Passwort wird gesondert angegeben.</translation>
    </message>
    <message>
        <source>The OBS address must start with ws:// (or wss://), not &quot;%1&quot;.</source>
        <translation>Die OBS-Adresse muss mit ws:// (oder wss://) beginnen, nicht mit „%1“.</translation>
    </message>
    <message>
        <source>ws:// is accepted only for OBS on this computer (127.0.0.1, ::1, localhost): the token would cross the network in the clear. Reach OBS on %1 through wss:// (a TLS proxy in front of it).</source>
        <translation>ws:// wird nur für OBS auf diesem Computer angenommen (127.0.0.1, ::1, localhost): Das Token ginge sonst unverschlüsselt durchs Netz. Erreichen Sie OBS auf %1 über wss:// (einen TLS-Proxy davor).</translation>
    </message>
    <message>
        <source>OBS at %1 sent a binary message; obs-websocket 5 speaks JSON text.</source>
        <translation>OBS unter %1 hat eine Binärnachricht gesendet; obs-websocket 5 spricht JSON-Text.</translation>
    </message>
    <message>
        <source>Cannot reach OBS at %1: %2</source>
        <translation>OBS unter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>Not connected to OBS at %1.</source>
        <translation>Nicht mit OBS unter %1 verbunden.</translation>
    </message>
    <message>
        <source>OBS at %1 did not answer %2 within %3 s.</source>
        <translation>OBS unter %1 hat %2 nicht innerhalb von %3 s beantwortet.</translation>
    </message>
    <message>
        <source>What answers at %1 is not obs-websocket 5 (a message is not its JSON).</source>
        <translation>Was unter %1 antwortet, ist nicht obs-websocket 5 (eine Nachricht ist nicht dessen JSON).</translation>
    </message>
    <message>
        <source>OBS at %1 speaks an obs-websocket protocol this app does not know (RPC version %2): use OBS Studio 28 or later.</source>
        <translation>OBS unter %1 spricht ein obs-websocket-Protokoll, das diese App nicht kennt (RPC-Version %2): Verwenden Sie OBS Studio 28 oder neuer.</translation>
    </message>
    <message>
        <source>OBS at %1 asks for a password and none was given (OBS → Tools → WebSocket Server Settings → Show Connect Info shows it).</source>
        <translation>OBS unter %1 verlangt ein Passwort, und es wurde keines angegeben (OBS → Werkzeuge → WebSocket-Server-Einstellungen → Verbindungsinformationen anzeigen zeigt es).</translation>
    </message>
    <message>
        <source>OBS refused %1 with code %2.</source>
        <translation>OBS hat %1 mit Code %2 abgelehnt.</translation>
    </message>
    <message>
        <source>OBS refused %1 with code %2: %3</source>
        <translation>OBS hat %1 mit Code %2 abgelehnt: %3</translation>
    </message>
    <message>
        <source>OBS at %1 closed the connection (code %2%3).</source>
        <translation>OBS unter %1 hat die Verbindung geschlossen (Code %2%3).</translation>
    </message>
    <message>
        <source>OBS at %1 refused the password (close code 4009): check it in OBS → Tools → WebSocket Server Settings → Show Connect Info.</source>
        <translation>OBS unter %1 hat das Passwort abgelehnt (Close-Code 4009): Prüfen Sie es unter OBS → Werkzeuge → WebSocket-Server-Einstellungen → Verbindungsinformationen anzeigen.</translation>
    </message>
    <message>
        <source>OBS at %1 does not support obs-websocket RPC version %2 (close code 4010).</source>
        <translation>OBS unter %1 unterstützt die obs-websocket-RPC-Version %2 nicht (Close-Code 4010).</translation>
    </message>
    <message>
        <source>OBS at %1 closed the connection before it was ready (code %2). Is it OBS Studio 28 or later, with its WebSocket server on?</source>
        <translation>OBS unter %1 hat die Verbindung geschlossen, bevor sie bereit war (Code %2). Ist es OBS Studio 28 oder neuer, mit eingeschaltetem WebSocket-Server?</translation>
    </message>
</context>
<context>
    <name>platform::KeychainHints</name>
    <message>
        <source>On macOS, secrets are kept in the login keychain: check in Keychain Access that it exists.</source>
        <translation>Unter macOS werden Geheimnisse im Anmeldeschlüsselbund aufbewahrt: Prüfen Sie in der Schlüsselbundverwaltung, ob er vorhanden ist.</translation>
    </message>
    <message>
        <source>Keychain Access</source>
        <translation>Schlüsselbundverwaltung</translation>
    </message>
    <message>
        <source>On Windows, secrets are kept in the Windows Credential Manager of the signed-in user.</source>
        <translation>Unter Windows werden Geheimnisse in der Windows-Anmeldeinformationsverwaltung des angemeldeten Benutzers aufbewahrt.</translation>
    </message>
    <message>
        <source>Credential Manager</source>
        <translation>Anmeldeinformationsverwaltung</translation>
    </message>
    <message>
        <source>On Linux, start a Secret Service such as gnome-keyring or KeePassXC&apos;s Secret Service integration, in a desktop session with a D-Bus session bus.</source>
        <translation>Starten Sie unter Linux einen Secret Service wie gnome-keyring oder die Secret-Service-Integration von KeePassXC, in einer Desktop-Sitzung mit D-Bus-Sitzungsbus.</translation>
    </message>
    <message>
        <source>Passwords and Keys</source>
        <translation>Passwörter und Verschlüsselung</translation>
    </message>
</context>
<context>
    <name>profiles::ProfileRepository</name>
    <message>
        <source>The access key ID is empty.</source>
        <translation>Die Zugriffsschlüssel-ID ist leer.</translation>
    </message>
    <message>
        <source>The secret access key is empty.</source>
        <translation>Der geheime Zugriffsschlüssel ist leer.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; was not saved. %2</source>
        <translation>Das Profil „%1“ wurde nicht gespeichert. %2</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; was not removed. %2</source>
        <translation>Das Profil „%1“ wurde nicht entfernt. %2</translation>
    </message>
    <message>
        <source>There is no keychain profile named &quot;%1&quot;.</source>
        <translation>Es gibt kein Schlüsselbund-Profil namens „%1“.</translation>
    </message>
    <message>
        <source>The secret of profile &quot;%1&quot; is not in the keychain. The keyring may be locked (unlock it and try again), or the entry was removed outside this app (edit the profile to enter the secret again).</source>
        <translation>Das Geheimnis des Profils „%1“ ist nicht im Schlüsselbund. Der Schlüsselbund ist möglicherweise gesperrt (entsperren Sie ihn, und versuchen Sie es erneut), oder der Eintrag wurde außerhalb dieser App entfernt (bearbeiten Sie das Profil, um das Geheimnis neu einzugeben).</translation>
    </message>
    <message>
        <source>Could not read profile &quot;%1&quot; from the keychain. %2</source>
        <translation>Das Profil „%1“ konnte nicht aus dem Schlüsselbund gelesen werden. %2</translation>
    </message>
    <message>
        <source>The keychain entry of profile &quot;%1&quot; is damaged: edit the profile to enter the secret again.</source>
        <translation>Der Schlüsselbund-Eintrag des Profils „%1“ ist beschädigt: Bearbeiten Sie das Profil, um das Geheimnis neu einzugeben.</translation>
    </message>
    <message>
        <source>keychain profile &quot;%1&quot;</source>
        <translation>Schlüsselbund-Profil „%1“</translation>
    </message>
</context>
<context>
    <name>profiles::ProfileStore</name>
    <message>
        <source>Profile names use 1 to 64 letters, digits, &quot;.&quot;, &quot;_&quot; or &quot;-&quot;; &quot;%1&quot; does not.</source>
        <translation>Profilnamen bestehen aus 1 bis 64 Buchstaben, Ziffern, „.“, „_“ oder „-“; „%1“ nicht.</translation>
    </message>
</context>
<context>
    <name>recordings::HlsPlaylist</name>
    <message>
        <source>the playlist is larger than %1 MiB</source>
        <translation>die Playlist ist größer als %1 MiB</translation>
    </message>
    <message>
        <source>it does not start with #EXTM3U</source>
        <translation>sie beginnt nicht mit #EXTM3U</translation>
    </message>
</context>
<context>
    <name>recordings::ParticipantRecording</name>
    <message>
        <source>The service named no bucket for this participant.</source>
        <translation>Der Dienst hat für diesen Teilnehmer keinen Bucket angegeben.</translation>
    </message>
    <message>
        <source>Recording is off for this participant.</source>
        <translation>Die Aufnahme ist für diesen Teilnehmer deaktiviert.</translation>
    </message>
    <message>
        <source>The service says %1, but nothing is under the prefix.</source>
        <translation>Der Dienst meldet %1, aber unter dem Präfix liegt nichts.</translation>
    </message>
    <message>
        <source>Nothing is under the prefix.</source>
        <translation>Unter dem Präfix liegt nichts.</translation>
    </message>
    <message>
        <source>No events file (events/recording-*.json) was written.</source>
        <translation>Es wurde keine Ereignisdatei (events/recording-*.json) geschrieben.</translation>
    </message>
    <message>
        <source>The events file could not be read: %1.</source>
        <translation>Die Ereignisdatei konnte nicht gelesen werden: %1.</translation>
    </message>
    <message>
        <source>recording-failed.json gives no reason.</source>
        <translation>recording-failed.json nennt keinen Grund.</translation>
    </message>
    <message>
        <source>The events file has an unknown status &quot;%1&quot;.</source>
        <translation>Die Ereignisdatei hat einen unbekannten Status „%1“.</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Nicht aufgezeichnet</translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation>Konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Nothing in S3</source>
        <translation>Nichts in S3</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Aufgezeichnet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Unvollständig</translation>
    </message>
    <message>
        <source>%1 h %2 min %3 s</source>
        <translation>%1 h %2 min %3 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
</context>
<context>
    <name>recordings::RecordingChecks</name>
    <message>
        <source>%1 was recorded (%2), but nothing is in S3 under %3.</source>
        <translation>%1 wurde aufgenommen (%2), aber in S3 liegt unter %3 nichts.</translation>
    </message>
    <message>
        <source>Check that the bucket still exists, that its policy lets IVS write to it, and that nothing (a lifecycle rule, another tool) deletes recordings.</source>
        <translation>Prüfen Sie, ob der Bucket noch existiert, ob seine Richtlinie IVS das Schreiben erlaubt und ob nichts (eine Lifecycle-Regel, ein anderes Tool) Aufnahmen löscht.</translation>
    </message>
    <message>
        <source>recording-failed.json for %1 says: %2</source>
        <translation>recording-failed.json für %1 meldet: %2</translation>
    </message>
    <message>
        <source>Fix what it names; the participant&apos;s events in the Sessions panel tell a publishing problem from a storage one.</source>
        <translation>Beheben Sie, was dort genannt wird; anhand der Ereignisse des Teilnehmers im Bereich „Sitzungen“ lässt sich ein Problem beim Senden von einem Speicherproblem unterscheiden.</translation>
    </message>
    <message>
        <source>No permission to read the recordings bucket %1.</source>
        <translation>Keine Berechtigung, den Aufnahme-Bucket %1 zu lesen.</translation>
    </message>
    <message>
        <source>Allow s3:ListBucket on arn:aws:s3:::%1 and s3:GetObject on arn:aws:s3:::%1/* for the credentials in use.</source>
        <translation>Erlauben Sie den verwendeten Anmeldedaten s3:ListBucket auf arn:aws:s3:::%1 und s3:GetObject auf arn:aws:s3:::%1/*.</translation>
    </message>
    <message>
        <source>The recording of %1 is incomplete: %2</source>
        <translation>Die Aufnahme von %1 ist unvollständig: %2</translation>
    </message>
    <message>
        <source>A recording still being written has its events file first; if the session has ended, the media may be unusable.</source>
        <translation>Bei einer Aufnahme, die noch geschrieben wird, liegt zuerst die Ereignisdatei vor; ist die Sitzung beendet, sind die Medien möglicherweise unbrauchbar.</translation>
    </message>
    <message>
        <source>Thumbnails are on (every %1 s), but the %2 recording of %3 has none.</source>
        <translation>Vorschaubilder sind aktiviert (alle %1 s), aber die Aufnahme %2 von %3 hat keine.</translation>
    </message>
    <message>
        <source>Check the stage&apos;s thumbnail storage setting (SEQUENTIAL or LATEST) and that the media type records video.</source>
        <translation>Prüfen Sie die Speichereinstellung der Stage für Vorschaubilder (SEQUENTIAL oder LATEST) und ob der Medientyp Video aufzeichnet.</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s) under %1 have keys that cannot be saved as files.</source>
        <translation>
            <numerusform>%n Objekt unter %1 hat einen Schlüssel, der nicht als Datei gespeichert werden kann.</numerusform>
            <numerusform>%n Objekte unter %1 haben Schlüssel, die nicht als Dateien gespeichert werden können.</numerusform>
        </translation>
    </message>
    <message>
        <source>They are listed but never downloaded; IVS does not write such keys, so something else put them there.</source>
        <translation>Sie werden aufgelistet, aber nie heruntergeladen; IVS schreibt keine solchen Schlüssel, sie stammen also von etwas anderem.</translation>
    </message>
    <message>
        <source>The recordings bucket %1 is in %2, the stage in %3.</source>
        <translation>Der Aufnahme-Bucket %1 liegt in %2, die Stage in %3.</translation>
    </message>
    <message>
        <source>Individual participant recording writes only to a bucket in the stage&apos;s region: create a storage configuration with a bucket in %1.</source>
        <translation>Die individuelle Teilnehmeraufzeichnung schreibt nur in einen Bucket in der Region der Stage: Erstellen Sie eine Speicherkonfiguration mit einem Bucket in %1.</translation>
    </message>
</context>
<context>
    <name>recordings::RecordingFiles</name>
    <message>
        <source>the key is longer than %1 bytes</source>
        <translation>der Schlüssel ist länger als %1 Bytes</translation>
    </message>
    <message>
        <source>the key is not under the recording&apos;s prefix</source>
        <translation>der Schlüssel liegt nicht unter dem Präfix der Aufnahme</translation>
    </message>
    <message>
        <source>the key names the prefix itself</source>
        <translation>der Schlüssel bezeichnet das Präfix selbst</translation>
    </message>
    <message>
        <source>the key would be an absolute path</source>
        <translation>der Schlüssel wäre ein absoluter Pfad</translation>
    </message>
    <message>
        <source>the key holds a control character or a backslash</source>
        <translation>der Schlüssel enthält ein Steuerzeichen oder einen Backslash</translation>
    </message>
    <message>
        <source>the key holds an empty, &quot;.&quot; or &quot;..&quot; component</source>
        <translation>der Schlüssel enthält eine leere, &quot;.&quot;- oder &quot;..&quot;-Komponente</translation>
    </message>
</context>
<context>
    <name>recordings::RecordingMetadata</name>
    <message>
        <source>the file is larger than %1 KiB</source>
        <translation>die Datei ist größer als %1 KiB</translation>
    </message>
    <message>
        <source>it is not JSON (%1 at byte %2)</source>
        <translation>es ist kein JSON (%1 bei Byte %2)</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>es ist kein JSON-Objekt</translation>
    </message>
</context>
<context>
    <name>s3::Listing</name>
    <message>
        <source>the answer is &lt;%1&gt;, not a listing (&lt;%2&gt;)</source>
        <translation>die Antwort ist &lt;%1&gt;, keine Auflistung (&lt;%2&gt;)</translation>
    </message>
    <message>
        <source>an object in the listing has no key</source>
        <translation>ein Objekt der Auflistung hat keinen Schlüssel</translation>
    </message>
    <message>
        <source>an object&apos;s size is not a number: &quot;%1&quot;</source>
        <translation>die Größe eines Objekts ist keine Zahl: „%1“</translation>
    </message>
    <message>
        <source>a listed key is not UTF-8 once decoded</source>
        <translation>ein aufgelisteter Schlüssel ist nach dem Dekodieren kein UTF-8</translation>
    </message>
    <message>
        <source>a listed key is longer than %1 bytes</source>
        <translation>ein aufgelisteter Schlüssel ist länger als %1 Bytes</translation>
    </message>
</context>
<context>
    <name>s3::S3Client</name>
    <message>
        <source>The connection was closed</source>
        <translation>Die Verbindung wurde geschlossen</translation>
    </message>
    <message>
        <source>The listing of bucket %1 said more objects follow but gave no continuation token after %2 pages; the list is incomplete.</source>
        <translation>Die Auflistung des Buckets %1 kündigte nach %2 Seiten weitere Objekte an, nannte aber kein Fortsetzungs-Token; die Liste ist unvollständig.</translation>
    </message>
    <message>
        <source>The listing of bucket %1 sent a repeated continuation token after %2 pages, so paging stopped; the list is incomplete.</source>
        <translation>Die Auflistung des Buckets %1 hat nach %2 Seiten ein Fortsetzungs-Token wiederholt, daher wurde nicht weiter geblättert; die Liste ist unvollständig.</translation>
    </message>
    <message>
        <source>The listing of bucket %1 still had more pages after %2, so paging stopped; the list is incomplete.</source>
        <translation>Die Auflistung des Buckets %1 hatte nach %2 Seiten noch weitere, daher wurde nicht weiter geblättert; die Liste ist unvollständig.</translation>
    </message>
    <message>
        <source>The object is too large to read</source>
        <translation>Das Objekt ist zu groß zum Lesen</translation>
    </message>
    <message>
        <source>It is %1 bytes; at most %2 are read into memory.</source>
        <translation>Es ist %1 Bytes groß; höchstens %2 werden in den Speicher gelesen.</translation>
    </message>
    <message>
        <source>It is more than %1; no more is read into memory.</source>
        <translation>Es ist größer als %1; mehr wird nicht in den Speicher gelesen.</translation>
    </message>
    <message>
        <source>Download it to a file instead.</source>
        <translation>Laden Sie es stattdessen in eine Datei herunter.</translation>
    </message>
    <message>
        <source>The request cannot be sent</source>
        <translation>Die Anfrage kann nicht gesendet werden</translation>
    </message>
    <message>
        <source>No object key is given.</source>
        <translation>Es ist kein Objektschlüssel angegeben.</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Check the folder, its free space and its permissions.</source>
        <translation>Prüfen Sie den Ordner, seinen freien Speicherplatz und seine Berechtigungen.</translation>
    </message>
    <message>
        <source>No file to download to is given.</source>
        <translation>Es ist keine Datei für den Download angegeben.</translation>
    </message>
    <message>
        <source>The download cannot start</source>
        <translation>Der Download kann nicht beginnen</translation>
    </message>
    <message>
        <source>Unusable endpoint</source>
        <translation>Unbrauchbarer Endpunkt</translation>
    </message>
    <message>
        <source>the .part file is longer than the object</source>
        <translation>die .part-Datei ist länger als das Objekt</translation>
    </message>
    <message>
        <source>the answer is not the part that was asked for</source>
        <translation>die Antwort ist nicht der angefragte Teil</translation>
    </message>
    <message>
        <source>the object has changed since the .part file was written (ETag %1, expected %2)</source>
        <translation>das Objekt hat sich geändert, seit die .part-Datei geschrieben wurde (ETag %1, erwartet %2)</translation>
    </message>
    <message>
        <source>The download cannot go on</source>
        <translation>Der Download kann nicht fortgesetzt werden</translation>
    </message>
    <message>
        <source>Try again later.</source>
        <translation>Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The download was stopped</source>
        <translation>Der Download wurde abgebrochen</translation>
    </message>
    <message>
        <source>expected %1 bytes, got %2</source>
        <translation>erwartet %1 Bytes, erhalten %2</translation>
    </message>
    <message>
        <source>expected %1 bytes (as the answer said), got %2</source>
        <translation>erwartet %1 Bytes (laut Antwort), erhalten %2</translation>
    </message>
    <message>
        <source>expected MD5 %1 (the ETag), got %2</source>
        <translation>erwartet MD5 %1 (das ETag), erhalten %2</translation>
    </message>
    <message>
        <source>The download does not match the object</source>
        <translation>Der Download stimmt nicht mit dem Objekt überein</translation>
    </message>
    <message>
        <source>The partial file was deleted; download the object again.</source>
        <translation>Die unvollständige Datei wurde gelöscht; laden Sie das Objekt erneut herunter.</translation>
    </message>
    <message>
        <source>No usable AWS credentials</source>
        <translation>Keine brauchbaren AWS-Zugangsdaten</translation>
    </message>
    <message>
        <source>No credential source is configured.</source>
        <translation>Es ist keine Quelle für Zugangsdaten eingerichtet.</translation>
    </message>
    <message>
        <source>%1 %2%3 (region %4, credentials %5, attempt %6)</source>
        <translation>%1 %2%3 (Region %4, Zugangsdaten %5, Versuch %6)</translation>
    </message>
    <message>
        <source>An S3 answer of this kind is small; check the endpoint URL and any proxy in between.</source>
        <translation>Eine S3-Antwort dieser Art ist klein; prüfen Sie die Endpunkt-URL und einen eventuell dazwischenliegenden Proxy.</translation>
    </message>
</context>
<context>
    <name>s3::S3Endpoint</name>
    <message>
        <source>No bucket name is given.</source>
        <translation>Es ist kein Bucket-Name angegeben.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a bucket name: use letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos; only, up to %2 characters.</source>
        <translation>„%1“ ist kein Bucket-Name: Verwenden Sie nur Buchstaben, Ziffern, „.“, „-“ und „_“, höchstens %2 Zeichen.</translation>
    </message>
    <message>
        <source>No region is chosen.</source>
        <translation>Es ist keine Region gewählt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a region name like us-west-2.</source>
        <translation>„%1“ ist kein Regionsname wie us-west-2.</translation>
    </message>
</context>
<context>
    <name>s3::ServiceError</name>
    <message>
        <source>Access denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>Ask your administrator to allow the IAM action s3:ListBucket on the bucket for these credentials.</source>
        <translation>Bitten Sie Ihre Administration, diesen Zugangsdaten die IAM-Aktion s3:ListBucket auf dem Bucket zu erlauben.</translation>
    </message>
    <message>
        <source>Ask your administrator to allow the IAM action s3:GetObject on the object (for example arn:aws:s3:::BUCKET/*) for these credentials; an object encrypted with a KMS key also needs kms:Decrypt.</source>
        <translation>Bitten Sie Ihre Administration, diesen Zugangsdaten die IAM-Aktion s3:GetObject auf dem Objekt zu erlauben (zum Beispiel arn:aws:s3:::BUCKET/*); ein mit einem KMS-Schlüssel verschlüsseltes Objekt braucht zusätzlich kms:Decrypt.</translation>
    </message>
    <message>
        <source>The bucket is in another region</source>
        <translation>Der Bucket liegt in einer anderen Region</translation>
    </message>
    <message>
        <source>Find the bucket&apos;s region (in the S3 console) and use that region.</source>
        <translation>Ermitteln Sie die Region des Buckets (in der S3-Konsole), und verwenden Sie diese Region.</translation>
    </message>
    <message>
        <source>The bucket is in region %1</source>
        <translation>Der Bucket liegt in der Region %1</translation>
    </message>
    <message>
        <source>Use region %1 for this bucket.</source>
        <translation>Verwenden Sie für diesen Bucket die Region %1.</translation>
    </message>
    <message>
        <source>Bucket not found</source>
        <translation>Bucket nicht gefunden</translation>
    </message>
    <message>
        <source>Check the bucket name, and that the bucket has not been deleted.</source>
        <translation>Prüfen Sie den Bucket-Namen und ob der Bucket nicht gelöscht wurde.</translation>
    </message>
    <message>
        <source>Object not found</source>
        <translation>Objekt nicht gefunden</translation>
    </message>
    <message>
        <source>Check the key; the object may have been deleted or renamed since it was listed.</source>
        <translation>Prüfen Sie den Schlüssel; das Objekt wurde seit der Auflistung möglicherweise gelöscht oder umbenannt.</translation>
    </message>
    <message>
        <source>The request signature was rejected</source>
        <translation>Die Signatur der Anfrage wurde abgelehnt</translation>
    </message>
    <message>
        <source>Check the secret access key, and that this computer&apos;s clock is correct (a difference of more than 15 minutes is refused).</source>
        <translation>Prüfen Sie den geheimen Zugriffsschlüssel und ob die Uhr dieses Computers richtig geht (eine Abweichung von mehr als 15 Minuten wird abgelehnt).</translation>
    </message>
    <message>
        <source>The access key is not recognised</source>
        <translation>Der Zugriffsschlüssel wird nicht erkannt</translation>
    </message>
    <message>
        <source>Check the access key ID; the key may have been deleted or deactivated.</source>
        <translation>Prüfen Sie die Zugriffsschlüssel-ID; der Schlüssel wurde möglicherweise gelöscht oder deaktiviert.</translation>
    </message>
    <message>
        <source>The session token has expired</source>
        <translation>Das Sitzungstoken ist abgelaufen</translation>
    </message>
    <message>
        <source>Refresh your temporary credentials (for example with aws sso login) and try again.</source>
        <translation>Erneuern Sie Ihre temporären Zugangsdaten (zum Beispiel mit aws sso login), und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The session token is not valid</source>
        <translation>Das Sitzungstoken ist ungültig</translation>
    </message>
    <message>
        <source>Check the session token, or get new temporary credentials.</source>
        <translation>Prüfen Sie das Sitzungstoken, oder besorgen Sie neue temporäre Zugangsdaten.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is off</source>
        <translation>Die Uhr dieses Computers geht falsch</translation>
    </message>
    <message>
        <source>Set the clock right (turn on automatic time) and try again.</source>
        <translation>Stellen Sie die Uhr richtig (schalten Sie die automatische Uhrzeit ein), und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>S3 asks to slow down</source>
        <translation>S3 bittet, langsamer zu fragen</translation>
    </message>
    <message>
        <source>Too many requests for this bucket: wait a moment and try again.</source>
        <translation>Zu viele Anfragen für diesen Bucket: Warten Sie einen Moment, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>S3 closed a request that was too slow</source>
        <translation>S3 hat eine zu langsame Anfrage beendet</translation>
    </message>
    <message>
        <source>Try again; if it persists, check your network connection.</source>
        <translation>Versuchen Sie es erneut; wenn es anhält, prüfen Sie Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>S3 failed to answer</source>
        <translation>S3 konnte nicht antworten</translation>
    </message>
    <message>
        <source>This is usually temporary: try again in a moment.</source>
        <translation>Das ist meist vorübergehend: Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The bucket name is not valid</source>
        <translation>Der Bucket-Name ist ungültig</translation>
    </message>
    <message>
        <source>Check the bucket name.</source>
        <translation>Prüfen Sie den Bucket-Namen.</translation>
    </message>
    <message>
        <source>The requested range is not in the object</source>
        <translation>Der angefragte Bereich liegt nicht im Objekt</translation>
    </message>
    <message>
        <source>The object is smaller than expected: list it again.</source>
        <translation>Das Objekt ist kleiner als erwartet: Listen Sie es erneut auf.</translation>
    </message>
    <message>
        <source>The object is archived</source>
        <translation>Das Objekt ist archiviert</translation>
    </message>
    <message>
        <source>Restore it from its archive storage class first, then try again.</source>
        <translation>Stellen Sie es zuerst aus seiner Archiv-Speicherklasse wieder her, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>S3 returned an error</source>
        <translation>S3 hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <source>Check the bucket, the key and the region, and try again.</source>
        <translation>Prüfen Sie Bucket, Schlüssel und Region, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>This does not look like an Amazon S3 answer. Check the endpoint URL, and any proxy between you and AWS.</source>
        <translation>Das sieht nicht nach einer Antwort von Amazon S3 aus. Prüfen Sie die Endpunkt-URL und einen eventuellen Proxy zwischen Ihnen und AWS.</translation>
    </message>
    <message>
        <source>the answer is &lt;%1&gt;, not an S3 error (&lt;Error&gt;)</source>
        <translation>die Antwort ist &lt;%1&gt;, kein S3-Fehler (&lt;Error&gt;)</translation>
    </message>
</context>
<context>
    <name>s3::Xml</name>
    <message>
        <source>the XML document is larger than %1 bytes</source>
        <translation>das XML-Dokument ist größer als %1 Bytes</translation>
    </message>
    <message>
        <source>the XML document declares a DTD or entities</source>
        <translation>das XML-Dokument deklariert eine DTD oder Entitäten</translation>
    </message>
    <message>
        <source>the XML document nests deeper than %1 levels</source>
        <translation>das XML-Dokument ist tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>the XML document has more than %1 elements</source>
        <translation>das XML-Dokument hat mehr als %1 Elemente</translation>
    </message>
    <message>
        <source>the XML document has more than one root element</source>
        <translation>das XML-Dokument hat mehr als ein Wurzelelement</translation>
    </message>
    <message>
        <source>an XML element holds more than %1 characters</source>
        <translation>ein XML-Element enthält mehr als %1 Zeichen</translation>
    </message>
    <message>
        <source>not well-formed XML (%1, line %2)</source>
        <translation>kein wohlgeformtes XML (%1, Zeile %2)</translation>
    </message>
    <message>
        <source>no XML element</source>
        <translation>kein XML-Element</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <source>Print how many milliseconds passed from start until the window was first drawn, then quit.</source>
        <translation>Ausgeben, wie viele Millisekunden vom Start bis zum ersten Zeichnen des Fensters vergangen sind, dann beenden.</translation>
    </message>
</context>
<context>
    <name>workspace::Backend</name>
    <message>
        <source>No AWS credentials are configured, so the built-in demo endpoint is used. Add a profile (Profiles…), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, to inspect your own stages.</source>
        <translation>Es sind keine AWS-Zugangsdaten eingerichtet, daher wird der eingebaute Demo-Endpunkt verwendet. Fügen Sie ein Profil hinzu (Profile…), oder setzen Sie AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY, um Ihre eigenen Stages zu untersuchen.</translation>
    </message>
    <message>
        <source>demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>demo credentials</source>
        <translation>Demo-Zugangsdaten</translation>
    </message>
    <message>
        <source>Demo endpoint %1 with sample stages</source>
        <translation>Demo-Endpunkt %1 mit Beispiel-Stages</translation>
    </message>
    <message>
        <source>AWS</source>
        <translation>AWS</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1 (Quelle: %2)</translation>
    </message>
    <message>
        <source>%1 · credentials: %2</source>
        <translation>%1 · Zugangsdaten: %2</translation>
    </message>
    <message>
        <source>The credentials from %1 work: ListStages in %2 succeeded.</source>
        <translation>Die Zugangsdaten (%1) funktionieren: ListStages in %2 war erfolgreich.</translation>
    </message>
</context>
<context>
    <name>workspace::LiveMonitor</name>
    <message>
        <source>The participant&apos;s recording failed: Amazon IVS could not record it to the stage&apos;s storage configuration.</source>
        <translation>Die Aufzeichnung des Teilnehmers ist fehlgeschlagen: Amazon IVS konnte ihn nicht in die Speicherkonfiguration der Stage aufzeichnen.</translation>
    </message>
    <message>
        <source>Disconnecting from this app failed: %1</source>
        <translation>Trennen aus dieser App fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Disconnected from this app; its token is revoked.</source>
        <translation>Aus dieser App getrennt; sein Token ist widerrufen.</translation>
    </message>
    <message>
        <source>Disconnected from this app (reason: &quot;%1&quot;); its token is revoked.</source>
        <translation>Aus dieser App getrennt (Grund: „%1“); sein Token ist widerrufen.</translation>
    </message>
</context>
<context>
    <name>workspace::ObsHandoff</name>
    <message>
        <source>Looking for the OBS password in the keychain…</source>
        <translation>Suche das OBS-Passwort im Schlüsselbund…</translation>
    </message>
    <message>
        <source>Connecting to OBS at %1…</source>
        <translation>Verbinde mit OBS unter %1…</translation>
    </message>
    <message>
        <source>The keychain could not be read: %1</source>
        <translation>Der Schlüsselbund konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The OBS password was not saved: %1</source>
        <translation>Das OBS-Passwort wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Asking OBS whether it is streaming…</source>
        <translation>Frage OBS, ob es streamt…</translation>
    </message>
    <message>
        <source>OBS at %1 is streaming: its stream settings were left as they are, and no token was created. Stop the stream first, or say to go ahead anyway (the new settings take effect at the next Start Streaming).</source>
        <translation>OBS unter %1 streamt: Seine Streameinstellungen blieben unverändert, und es wurde kein Token erstellt. Beenden Sie zuerst den Stream, oder bestätigen Sie, dass es trotzdem weitergehen soll (die neuen Einstellungen gelten ab dem nächsten „Stream starten“).</translation>
    </message>
    <message>
        <source>There is no server to give OBS: the stage lacks the endpoint.</source>
        <translation>Es gibt keinen Server für OBS: Der Stage fehlt der Endpunkt.</translation>
    </message>
    <message>
        <source>Setting OBS&apos;s stream service…</source>
        <translation>Stelle den Streamdienst von OBS ein…</translation>
    </message>
    <message>
        <source>Reading OBS&apos;s stream service back…</source>
        <translation>Lese den Streamdienst von OBS zurück…</translation>
    </message>
    <message>
        <source>the service type is &quot;%1&quot;, not &quot;%2&quot;</source>
        <translation>der Diensttyp ist „%1“, nicht „%2“</translation>
    </message>
    <message>
        <source>the server is &quot;%1&quot;</source>
        <translation>der Server ist „%1“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not what was sent</source>
        <translation>„%1“ ist nicht, was gesendet wurde</translation>
    </message>
    <message>
        <source>OBS at %1 accepted the stream settings but reads back others: %2. Another program may have changed them; check OBS → Settings → Stream.</source>
        <translation>OBS unter %1 hat die Streameinstellungen angenommen, liest aber andere zurück: %2. Vielleicht hat ein anderes Programm sie geändert; prüfen Sie OBS → Einstellungen → Stream.</translation>
    </message>
    <message>
        <source>OBS at %1 now streams to %2 over WHIP, with the new token. Start Streaming in OBS to go live.</source>
        <translation>OBS unter %1 streamt jetzt per WHIP an %2, mit dem neuen Token. „Stream starten“ in OBS geht live.</translation>
    </message>
    <message>
        <source>OBS at %1 now streams to %2 over RTMP(S), with the stream key. Start Streaming in OBS to go live.</source>
        <translation>OBS unter %1 streamt jetzt per RTMP(S) an %2, mit dem Streamschlüssel. „Stream starten“ in OBS geht live.</translation>
    </message>
</context>
<context>
    <name>workspace::ProfileImport</name>
    <message>
        <source>It runs credential_process for fresh keys at each use, so there are none to copy; it keeps working as an AWS CLI profile.</source>
        <translation>Es führt bei jeder Verwendung credential_process aus, um neue Schlüssel zu holen, daher gibt es keine zu kopieren; es funktioniert weiterhin als AWS-CLI-Profil.</translation>
    </message>
    <message>
        <source>It signs in through IAM Identity Center (SSO), which leaves no keys to copy.</source>
        <translation>Es meldet sich über IAM Identity Center (SSO) an; dabei entstehen keine Schlüssel, die kopiert werden könnten.</translation>
    </message>
    <message>
        <source>It assumes a role, which has no keys of its own to copy.</source>
        <translation>Es übernimmt eine Rolle, die keine eigenen Schlüssel hat, die kopiert werden könnten.</translation>
    </message>
    <message>
        <source>It has an access key ID but no secret access key.</source>
        <translation>Es hat eine Zugriffsschlüssel-ID, aber keinen geheimen Zugriffsschlüssel.</translation>
    </message>
    <message>
        <source>It has no access keys.</source>
        <translation>Es hat keine Zugriffsschlüssel.</translation>
    </message>
</context>
<context>
    <name>workspace::ProfileValidation</name>
    <message>
        <source>&quot;%1&quot; is not a region name; regions look like us-east-1 or eu-central-1.</source>
        <translation>„%1“ ist kein Regionsname; Regionen sehen aus wie us-east-1 oder eu-central-1.</translation>
    </message>
    <message>
        <source>Enter a name for the profile.</source>
        <translation>Geben Sie einen Namen für das Profil ein.</translation>
    </message>
    <message>
        <source>Enter the access key ID.</source>
        <translation>Geben Sie die Zugriffsschlüssel-ID ein.</translation>
    </message>
    <message>
        <source>An access key ID has only letters and digits, like AKIAIOSFODNN7EXAMPLE.</source>
        <translation>Eine Zugriffsschlüssel-ID besteht nur aus Buchstaben und Ziffern, etwa AKIAIOSFODNN7EXAMPLE.</translation>
    </message>
    <message>
        <source>Enter the secret access key.</source>
        <translation>Geben Sie den geheimen Zugriffsschlüssel ein.</translation>
    </message>
    <message>
        <source>The secret access key contains a space; check that it was pasted whole.</source>
        <translation>Der geheime Zugriffsschlüssel enthält ein Leerzeichen; prüfen Sie, ob er vollständig eingefügt wurde.</translation>
    </message>
    <message>
        <source>The session token contains a space; check that it was pasted whole.</source>
        <translation>Das Sitzungstoken enthält ein Leerzeichen; prüfen Sie, ob es vollständig eingefügt wurde.</translation>
    </message>
</context>
<context>
    <name>workspace::ProfilesController</name>
    <message>
        <source>Demo endpoint</source>
        <translation>Demo-Endpunkt</translation>
    </message>
    <message>
        <source>Automatic (environment / AWS_PROFILE)</source>
        <translation>Automatisch (Umgebung / AWS_PROFILE)</translation>
    </message>
    <message>
        <source>%1 (keychain)</source>
        <translation>%1 (Schlüsselbund)</translation>
    </message>
    <message>
        <source>%1 (AWS CLI)</source>
        <translation>%1 (AWS CLI)</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (nicht gefunden)</translation>
    </message>
    <message>
        <source>keychain</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <source>AWS CLI files</source>
        <translation>AWS-CLI-Dateien</translation>
    </message>
    <message>
        <source>There is already a keychain profile named &quot;%1&quot;; pick another name, or edit that profile.</source>
        <translation>Es gibt bereits ein Schlüsselbund-Profil namens „%1“; wählen Sie einen anderen Namen, oder bearbeiten Sie dieses Profil.</translation>
    </message>
    <message>
        <source>There is no keychain profile named &quot;%1&quot; any more.</source>
        <translation>Es gibt kein Schlüsselbund-Profil namens „%1“ mehr.</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not imported: the AWS CLI&apos;s files have no such profile.</source>
        <translation>„%1“ wurde nicht importiert: Die Dateien der AWS CLI enthalten kein solches Profil.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not imported. %2</source>
        <translation>„%1“ wurde nicht importiert. %2</translation>
    </message>
</context>
<context>
    <name>workspace::PublishController</name>
    <message>
        <source>The service gave no answer.</source>
        <translation>Der Dienst hat keine Antwort gegeben.</translation>
    </message>
    <message>
        <source>No stage is shown: look a stage up first.</source>
        <translation>Es wird keine Stage angezeigt: Rufen Sie zuerst eine Stage ab.</translation>
    </message>
    <message>
        <source>The stage has no WHIP endpoint (GetStage returned none), so there is no server for an encoder; the token still works with the IVS SDKs.</source>
        <translation>Die Stage hat keinen WHIP-Endpunkt (GetStage hat keinen geliefert), daher gibt es keinen Server für einen Encoder; mit den IVS-SDKs funktioniert das Token trotzdem.</translation>
    </message>
    <message>
        <source>The ingest configuration %1 belongs to the stage %2, not to %3.</source>
        <translation>Die Ingest-Konfiguration %1 gehört zur Stage %2, nicht zu %3.</translation>
    </message>
    <message>
        <source>There is no token to save: create one first.</source>
        <translation>Es gibt kein Token zum Speichern: Erstellen Sie zuerst eines.</translation>
    </message>
    <message>
        <source>The stage has no WHIP endpoint, so OBS would have no server to send to.</source>
        <translation>Die Stage hat keinen WHIP-Endpunkt, daher hätte OBS keinen Server, an den es senden kann.</translation>
    </message>
    <message>
        <source>There is no stream key to save: choose an ingest configuration first.</source>
        <translation>Es gibt keinen Streamschlüssel zum Speichern: Wählen Sie zuerst eine Ingest-Konfiguration.</translation>
    </message>
    <message>
        <source>The stage has no endpoint for this configuration&apos;s protocol, so OBS would have no server to send to.</source>
        <translation>Die Stage hat keinen Endpunkt für das Protokoll dieser Konfiguration, daher hätte OBS keinen Server, an den es senden kann.</translation>
    </message>
    <message>
        <source>No file was chosen.</source>
        <translation>Es wurde keine Datei gewählt.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>RTMP without insecure ingest is rejected: use RTMPS (an ingest configuration whose protocol is RTMPS), or create this one again with insecure ingest allowed.</source>
        <translation>RTMP ohne unsicheren Ingest wird abgelehnt: Verwenden Sie RTMPS (eine Ingest-Konfiguration mit dem Protokoll RTMPS), oder erstellen Sie diese erneut und erlauben Sie dabei unsicheren Ingest.</translation>
    </message>
    <message>
        <source>The stage has no RTMP endpoint (GetStage returned none), so there is no server to send to.</source>
        <translation>Die Stage hat keinen RTMP-Endpunkt (GetStage hat keinen geliefert), daher gibt es keinen Server, an den gesendet werden kann.</translation>
    </message>
    <message>
        <source>The stage has no RTMPS endpoint (GetStage returned none), so there is no server to send to.</source>
        <translation>Die Stage hat keinen RTMPS-Endpunkt (GetStage hat keinen geliefert), daher gibt es keinen Server, an den gesendet werden kann.</translation>
    </message>
    <message>
        <source>The ingest protocol &quot;%1&quot; is unknown to this app: no server can be given.</source>
        <translation>Das Ingest-Protokoll „%1“ ist dieser App unbekannt: Es kann kein Server angegeben werden.</translation>
    </message>
    <message>
        <source>unknown (the service did not say)</source>
        <translation>unbekannt (der Dienst hat es nicht angegeben)</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>in %1 min</source>
        <translation>in %1 min</translation>
    </message>
    <message>
        <source>in %1 h %2 min</source>
        <translation>in %1 h %2 min</translation>
    </message>
    <message>
        <source>in %1 h</source>
        <translation>in %1 h</translation>
    </message>
    <message>
        <source>in %1 days %2 h</source>
        <translation>in %1 Tagen %2 h</translation>
    </message>
    <message>
        <source>in %1 days</source>
        <translation>in %1 Tagen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The stage has no WHIP endpoint, so OBS would have no server to send to; no token was created.</source>
        <translation>Die Stage hat keinen WHIP-Endpunkt, OBS hätte also keinen Server; es wurde kein Token erstellt.</translation>
    </message>
    <message>
        <source>Creating a token…</source>
        <translation>Erstelle ein Token…</translation>
    </message>
    <message>
        <source>There is no stream key to send: choose an ingest configuration first.</source>
        <translation>Es gibt keinen Streamschlüssel zum Senden: Wählen Sie zuerst eine Ingest-Konfiguration.</translation>
    </message>
</context>
<context>
    <name>workspace::RecordingDownload</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>the folder %1 leads outside the chosen folder (a symbolic link)</source>
        <translation>der Ordner %1 führt aus dem gewählten Ordner hinaus (ein symbolischer Link)</translation>
    </message>
    <message>
        <source>%1 is there already and is not a file</source>
        <translation>%1 ist bereits vorhanden und keine Datei</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be written to.</source>
        <translation>In den Ordner %1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>workspace::RecordingsInspector</name>
    <message>
        <source>Reading the stage…</source>
        <translation>Stage wird gelesen…</translation>
    </message>
    <message>
        <source>Reading the sessions…</source>
        <translation>Sitzungen werden gelesen…</translation>
    </message>
    <message>
        <source>The stage has had no session yet</source>
        <translation>Die Stage hatte noch keine Sitzung</translation>
    </message>
    <message>
        <source>Session %1 not found</source>
        <translation>Sitzung %1 nicht gefunden</translation>
    </message>
    <message>
        <source>Recordings exist once someone has published to the stage.</source>
        <translation>Aufnahmen gibt es, sobald jemand auf der Stage veröffentlicht hat.</translation>
    </message>
    <message>
        <source>Reading the participants of %1…</source>
        <translation>Teilnehmer von %1 werden gelesen…</translation>
    </message>
    <message>
        <source>Participant %1 not found in session %2</source>
        <translation>Teilnehmer %1 in Sitzung %2 nicht gefunden</translation>
    </message>
    <message>
        <source>Check the participant ID in the Sessions panel.</source>
        <translation>Prüfen Sie die Teilnehmer-ID im Bereich „Sitzungen“.</translation>
    </message>
    <message numerus="yes">
        <source>Finding where %n participant(s) were recorded…</source>
        <translation>
            <numerusform>Es wird ermittelt, wo %n Teilnehmer aufgezeichnet wurde…</numerusform>
            <numerusform>Es wird ermittelt, wo %n Teilnehmer aufgezeichnet wurden…</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking up the recordings bucket…</source>
        <translation>Bucket für Aufnahmen wird ermittelt…</translation>
    </message>
    <message>
        <source>Reading the recording of %1 (%2 of %3)…</source>
        <translation>Aufnahme von %1 wird gelesen (%2 von %3)…</translation>
    </message>
    <message>
        <source>Check the session ID: the Sessions panel lists the stage&apos;s sessions.</source>
        <translation>Prüfen Sie die Sitzungs-ID: Der Bereich „Sitzungen“ listet die Sitzungen der Stage auf.</translation>
    </message>
</context>
<context>
    <name>workspace::StageEditor</name>
    <message>
        <source>%1 (bucket %2)</source>
        <translation>%1 (Bucket %2)</translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation>Es wurde nichts gesendet: %1</translation>
    </message>
    <message>
        <source>The recording settings cannot change while a participant is being recorded. Apply again when the recording has ended. (%1)</source>
        <translation>Die Aufzeichnungseinstellungen können nicht geändert werden, während ein Teilnehmer aufgezeichnet wird. Wenden Sie die Änderungen erneut an, wenn die Aufzeichnung beendet ist. (%1)</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Sending %1 for %2…</source>
        <translation>%1 für %2 wird gesendet…</translation>
    </message>
    <message>
        <source>Applied: %1.</source>
        <translation>Übernommen: %1.</translation>
    </message>
    <message>
        <source>Nothing was applied. %1</source>
        <translation>Es wurde nichts übernommen. %1</translation>
    </message>
    <message>
        <source>Applied: %1. %2</source>
        <translation>Übernommen: %1. %2</translation>
    </message>
    <message>
        <source>Not sent: %1.</source>
        <translation>Nicht gesendet: %1.</translation>
    </message>
    <message>
        <source>Your other changes are still pending.</source>
        <translation>Ihre anderen Änderungen stehen noch aus.</translation>
    </message>
    <message>
        <source>The stage could not be read again (%1); the tree may be out of date.</source>
        <translation>Die Stage konnte nicht erneut gelesen werden (%1); der Baum ist möglicherweise nicht aktuell.</translation>
    </message>
    <message>
        <source>The storage configurations in %1 could not be listed, so the recording picker offers none; a storage configuration ARN can still be typed. %2</source>
        <translation>Die Speicherkonfigurationen in %1 konnten nicht aufgelistet werden, daher bietet die Auswahl für die Aufzeichnung keine an; der ARN einer Speicherkonfiguration kann weiterhin eingegeben werden. %2</translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation>Keine Antwort.</translation>
    </message>
</context>
<context>
    <name>workspace::StageInspector</name>
    <message>
        <source>1 note</source>
        <translation>1 Hinweis</translation>
    </message>
    <message>
        <source>%1 notes</source>
        <translation>%1 Hinweise</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
    <message>
        <source>No problems found (%1).</source>
        <translation>Keine Probleme gefunden (%1).</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 Fehler</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 Fehler</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 Warnung</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 Warnungen</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>%1 is in %2, not in the stage&apos;s region %3: bucket %4</source>
        <translation>%1 liegt in %2, nicht in der Region %3 der Stage: Bucket %4</translation>
    </message>
    <message>
        <source>%1: bucket %2 (%3)</source>
        <translation>%1: Bucket %2 (%3)</translation>
    </message>
    <message>
        <source>Storage configuration: %1
S3 bucket: %2
Region: %3</source>
        <translation>Speicherkonfiguration: %1
S3-Bucket: %2
Region: %3</translation>
    </message>
    <message>
        <source>storage configuration not found</source>
        <translation>Speicherkonfiguration nicht gefunden</translation>
    </message>
    <message>
        <source>cannot read the storage configuration: access denied</source>
        <translation>Speicherkonfiguration kann nicht gelesen werden: Zugriff verweigert</translation>
    </message>
    <message>
        <source>cannot read the storage configuration: %1</source>
        <translation>Speicherkonfiguration kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Recording is off; no other problems found (%1).</source>
        <translation>Die Aufzeichnung ist aus; sonst keine Probleme gefunden (%1).</translation>
    </message>
</context>
<context>
    <name>workspace::ThumbnailLoader</name>
    <message>
        <source>not a picture (%1)</source>
        <translation>kein Bild (%1)</translation>
    </message>
    <message>
        <source>the picture is %1×%2, larger than %3 pixels a side</source>
        <translation>das Bild ist %1×%2 und damit größer als %3 Pixel pro Seite</translation>
    </message>
    <message>
        <source>the picture could not be decoded (%1)</source>
        <translation>das Bild konnte nicht dekodiert werden (%1)</translation>
    </message>
</context>
</TS>
