<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AttachmentList</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open the file with its application (Enter)</source>
        <translation>Die Datei mit ihrem Programm öffnen (Eingabe)</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Im Ordner zeigen</translation>
    </message>
    <message>
        <source>Open the folder that holds the file</source>
        <translation>Den Ordner öffnen, in dem die Datei liegt</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Pfad kopieren</translation>
    </message>
    <message>
        <source>Copy the file&apos;s Nextcloud path</source>
        <translation>Den Nextcloud-Pfad der Datei kopieren</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message numerus="yes">
        <source>%n attachments</source>
        <translation>
            <numerusform>%n Anhang</numerusform>
            <numerusform>%n Anhänge</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} cannot be opened here: no Nextcloud sync folder is set (File ▸ Settings).</source>
        <translation>{name} kann hier nicht geöffnet werden: Es ist kein Nextcloud-Synchronisationsordner eingestellt (Datei ▸ Einstellungen).</translation>
    </message>
    <message>
        <source>{name} is not in the sync folder ({path}).</source>
        <translation>{name} liegt nicht im Synchronisationsordner ({path}).</translation>
    </message>
</context>
<context>
    <name>AttachmentModel</name>
    <message>
        <source>{name} (not on this computer)</source>
        <translation>{name} (nicht auf diesem Computer)</translation>
    </message>
    <message>
        <source>{path}
This file is not in the sync folder.</source>
        <translation>{path}
Diese Datei liegt nicht im Synchronisationsordner.</translation>
    </message>
</context>
<context>
    <name>AttachmentsEditor</name>
    <message>
        <source>File name</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>Nextcloud path</source>
        <translation>Nextcloud-Pfad</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>No attachments</source>
        <translation>Keine Anhänge</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add an attachment (or drop files on this window)</source>
        <translation>Anhang hinzufügen (oder Dateien auf dieses Fenster ziehen)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;Sicherung erstellen…</translation>
    </message>
    <message>
        <source>Save a copy of the database file, even while the web backend writes to it</source>
        <translation>Eine Kopie der Datenbankdatei speichern, auch während das Web-Backend hineinschreibt</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>Aus Sicherung &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>Put a backup in place of the database file (the current one is kept)</source>
        <translation>Eine Sicherung an die Stelle der Datenbankdatei setzen (die jetzige bleibt erhalten)</translation>
    </message>
    <message>
        <source>A backup is under way (see the status bar). Try again when it is done.</source>
        <translation>Eine Sicherung läuft gerade (siehe Statusleiste). Versuchen Sie es wieder, wenn sie fertig ist.</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Sicherung erstellen</translation>
    </message>
    <message>
        <source>Database backups (*.sqlite3)</source>
        <translation>Datenbanksicherungen (*.sqlite3)</translation>
    </message>
    <message>
        <source>{name} exists, and a backup never overwrites a file. Choose a new name.</source>
        <translation>{name} gibt es schon, und eine Sicherung überschreibt nie eine Datei. Wählen Sie einen neuen Namen.</translation>
    </message>
    <message>
        <source>Backing up to {name}…</source>
        <translation>Sicherung nach {name}…</translation>
    </message>
    <message>
        <source>Last backup {when}</source>
        <translation>Letzte Sicherung {when}</translation>
    </message>
    <message>
        <source>Daily backup…</source>
        <translation>Tägliche Sicherung…</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Aus Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>This database is on an office PostgreSQL server: it is restored on the server, with PostgreSQL&apos;s pg_restore, by whoever runs it.</source>
        <translation>Diese Datenbank liegt auf einem PostgreSQL-Server des Büros: Sie wird auf dem Server wiederhergestellt, mit pg_restore von PostgreSQL, von der Person, die den Server betreut.</translation>
    </message>
    <message>
        <source>The database is read-only ({reason}): it cannot be replaced.</source>
        <translation>Die Datenbank ist schreibgeschützt ({reason}): Sie kann nicht ersetzt werden.</translation>
    </message>
    <message>
        <source>Database backups (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Datenbanksicherungen (*.sqlite3 *.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>{name} wird geprüft…</translation>
    </message>
    <message>
        <source>The backup {name} (saved {when}, {size}) holds {customers} customers, {comms} communications and {media} media records.

It replaces the database {live}. The current file is kept beside it as {kept}: what was written after the backup stays only there.

Stop the web backend before you restore: while it runs it keeps writing to the file being replaced. The app refuses if it finds the file open elsewhere.</source>
        <translation>Die Sicherung {name} (gespeichert {when}, {size}) enthält Kunden: {customers}, Kommunikationseinträge: {comms}, Medieneinträge: {media}.

Sie ersetzt die Datenbank {live}. Die jetzige Datei bleibt daneben als {kept} erhalten: Was nach der Sicherung geschrieben wurde, steht nur noch dort.

Halten Sie das Web-Backend an, bevor Sie wiederherstellen: Solange es läuft, schreibt es weiter in die Datei, die ersetzt wird. Die App lehnt ab, wenn die Datei anderswo geöffnet ist.</translation>
    </message>
    <message>
        <source>Restore from this backup?</source>
        <translation>Aus dieser Sicherung wiederherstellen?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Restoring {name}…</source>
        <translation>{name} wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Backed up to {path} ({size}, checked)</source>
        <translation>Gesichert nach {path} ({size}, geprüft)</translation>
    </message>
    <message>
        <source>Backed up {time}</source>
        <translation>Gesichert {time}</translation>
    </message>
    <message>
        <source>Daily backup: {path}</source>
        <translation>Tägliche Sicherung: {path}</translation>
    </message>
    <message>
        <source>The database was restored from {name}.</source>
        <translation>Die Datenbank wurde aus {name} wiederhergestellt.</translation>
    </message>
    <message>
        <source>The replaced file is kept as {kept}.</source>
        <translation>Die ersetzte Datei bleibt als {kept} erhalten.</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Backup cancelled; no file was written.</source>
        <translation>Sicherung abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Daily backup failed</source>
        <translation>Tägliche Sicherung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>BackupSettings</name>
    <message>
        <source>Back up the database file once a day, at start</source>
        <translation>Die Datenbankdatei einmal am Tag sichern, beim Start</translation>
    </message>
    <message>
        <source>When the newest daily backup is older than a day, the app makes one in the background as it starts. Office servers are backed up on the server.</source>
        <translation>Ist die neueste tägliche Sicherung älter als einen Tag, erstellt die App beim Start im Hintergrund eine neue. Büro-Server werden auf dem Server gesichert.</translation>
    </message>
    <message>
        <source>Backups:</source>
        <translation>Sicherungen:</translation>
    </message>
    <message>
        <source>Best on another disk or a network share, so a broken disk spares them.</source>
        <translation>Am besten auf einem anderen Laufwerk oder einer Netzwerkfreigabe, damit ein Plattendefekt sie verschont.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source> kept</source>
        <translation> aufbewahren</translation>
    </message>
    <message>
        <source>Older daily backups are deleted (only the app&apos;s own).</source>
        <translation>Ältere tägliche Sicherungen werden gelöscht (nur die der App).</translation>
    </message>
    <message>
        <source>Backup &amp;folder:</source>
        <translation>Sicherungs&amp;ordner:</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Sicherungsordner</translation>
    </message>
    <message>
        <source>Choose a folder for the daily backups.</source>
        <translation>Wählen Sie einen Ordner für die täglichen Sicherungen.</translation>
    </message>
    <message>
        <source>This is a file, not a folder.</source>
        <translation>Das ist eine Datei, kein Ordner.</translation>
    </message>
</context>
<context>
    <name>CommDialog</name>
    <message>
        <source>Log communication with {name}</source>
        <translation>Kommunikation mit {name} erfassen</translation>
    </message>
    <message>
        <source>Edit communication with {name}</source>
        <translation>Kommunikation mit {name} bearbeiten</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>Kommunikation</translation>
    </message>
    <message>
        <source>What it was about</source>
        <translation>Worum es ging</translation>
    </message>
    <message>
        <source>What was said or written</source>
        <translation>Was gesagt oder geschrieben wurde</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>&amp;Richtung:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Wann:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>Be&amp;treff:</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>Attach&amp;ments:</source>
        <translation>An&amp;hänge:</translation>
    </message>
    <message>
        <source>When it happened</source>
        <translation>Wann es war</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Speichern (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Write what it was about here (or a subject above), or attach a file.</source>
        <translation>Schreiben Sie hier, worum es ging (oder oben einen Betreff), oder hängen Sie eine Datei an.</translation>
    </message>
    <message>
        <source>communication</source>
        <translation>Kommunikation</translation>
    </message>
    <message>
        <source>file name</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>Nextcloud path</source>
        <translation>Nextcloud-Pfad</translation>
    </message>
    <message>
        <source>Attachment {row}, {what}: {message}</source>
        <translation>Anhang {row}, {what}: {message}</translation>
    </message>
    <message>
        <source>What you typed for this communication has not been saved.</source>
        <translation>Was Sie zu dieser Kommunikation eingegeben haben, ist nicht gespeichert.</translation>
    </message>
    <message>
        <source>Not attached:</source>
        <translation>Nicht angehängt:</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>Deleted meanwhile</source>
        <translation>Inzwischen gelöscht</translation>
    </message>
    <message>
        <source>Someone else deleted this {what} while you were editing it. Do you want to save your version as a new {what}?</source>
        <translation>Jemand anderes hat diesen Eintrag ({what}) gelöscht, während Sie ihn bearbeitet haben. Möchten Sie Ihre Fassung als neuen Eintrag ({what}) speichern?</translation>
    </message>
    <message>
        <source>Save as new</source>
        <translation>Als neu speichern</translation>
    </message>
    <message>
        <source>Discard mine</source>
        <translation>Meine verwerfen</translation>
    </message>
    <message>
        <source>Changed meanwhile</source>
        <translation>Inzwischen geändert</translation>
    </message>
    <message>
        <source>Someone else changed this {what} while you were editing it ({fields}). Which version do you want to keep?</source>
        <translation>Jemand anderes hat diesen Eintrag ({what}) geändert, während Sie ihn bearbeitet haben ({fields}). Welche Fassung möchten Sie behalten?</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Meine behalten</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Die andere behalten</translation>
    </message>
</context>
<context>
    <name>ContactDropDialog</name>
    <message>
        <source>Add customers from contacts</source>
        <translation>Kunden aus Kontakten anlegen</translation>
    </message>
    <message>
        <source>Each contact becomes a customer; those whose e-mail or phone a customer has already are not added again. Untick who should not be added.</source>
        <translation>Jeder Kontakt wird ein Kunde; Kontakte, deren E-Mail oder Telefon ein Kunde schon hat, werden nicht noch einmal angelegt. Entfernen Sie das Häkchen bei allen, die nicht angelegt werden sollen.</translation>
    </message>
    <message>
        <source>Add &amp;all</source>
        <translation>&amp;Alle anlegen</translation>
    </message>
    <message>
        <source>Add &amp;none</source>
        <translation>&amp;Keine anlegen</translation>
    </message>
    <message>
        <source>Add the ticked contacts (Ctrl+Enter)</source>
        <translation>Die angehakten Kontakte anlegen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Dropped contacts</source>
        <translation>Abgelegte Kontakte</translation>
    </message>
    <message>
        <source>Reading the contacts…</source>
        <translation>Die Kontakte werden gelesen…</translation>
    </message>
    <message>
        <source>Adding the customers…</source>
        <translation>Die Kunden werden angelegt…</translation>
    </message>
    <message numerus="yes">
        <source>Add %n customers</source>
        <translation>
            <numerusform>%n Kunden anlegen</numerusform>
            <numerusform>%n Kunden anlegen</numerusform>
        </translation>
    </message>
    <message>
        <source>Contacts to add: {count} of {total}</source>
        <translation>Anzulegende Kontakte: {count} von {total}</translation>
    </message>
    <message>
        <source>{n} already in the list</source>
        <translation>{n} schon in der Liste</translation>
    </message>
    <message>
        <source>{n} twice in this drop</source>
        <translation>{n} doppelt abgelegt</translation>
    </message>
    <message>
        <source>{n} cannot be added</source>
        <translation>{n} nicht anlegbar</translation>
    </message>
</context>
<context>
    <name>ContactReviewModel</name>
    <message>
        <source>Add</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>From file</source>
        <translation>Aus Datei</translation>
    </message>
    <message>
        <source>Not added: {reason}</source>
        <translation>Nicht angelegt: {reason}</translation>
    </message>
    <message>
        <source>Already in the list as {name}</source>
        <translation>Schon in der Liste als {name}</translation>
    </message>
    <message>
        <source>Same as row {row}: skipped</source>
        <translation>Wie Zeile {row}: ausgelassen</translation>
    </message>
    <message>
        <source>Not added (unticked)</source>
        <translation>Nicht angelegt (kein Häkchen)</translation>
    </message>
    <message>
        <source>New customer. {note}</source>
        <translation>Neuer Kunde. {note}</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Neuer Kunde</translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <source>Customer card</source>
        <translation>Kundenkarte</translation>
    </message>
    <message>
        <source>Edit customer…</source>
        <translation>Kunden bearbeiten…</translation>
    </message>
    <message>
        <source>Edit this customer (Ctrl+E)</source>
        <translation>Diesen Kunden bearbeiten (Strg+E)</translation>
    </message>
    <message>
        <source>Copy the phone number</source>
        <translation>Telefonnummer kopieren</translation>
    </message>
    <message>
        <source>Copy the e-mail address</source>
        <translation>E-Mail-Adresse kopieren</translation>
    </message>
    <message>
        <source>Open Nextcloud &amp;folder</source>
        <translation>Nextcloud-&amp;Ordner öffnen</translation>
    </message>
    <message>
        <source>&amp;Write an e-mail</source>
        <translation>E-Mail &amp;schreiben</translation>
    </message>
    <message>
        <source>C&amp;all</source>
        <translation>&amp;Anrufen</translation>
    </message>
    <message>
        <source>&amp;Copy contact details</source>
        <translation>Kontaktdaten &amp;kopieren</translation>
    </message>
    <message>
        <source>Choose a customer to see their details here.</source>
        <translation>Wählen Sie einen Kunden, um hier seine Angaben zu sehen.</translation>
    </message>
    <message>
        <source>Click to call</source>
        <translation>Klicken zum Anrufen</translation>
    </message>
    <message>
        <source>Click to write an e-mail</source>
        <translation>Klicken, um eine E-Mail zu schreiben</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Click to open the folder</source>
        <translation>Klicken, um den Ordner zu öffnen</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>Weniger</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <source>Show less of the notes</source>
        <translation>Weniger von den Notizen zeigen</translation>
    </message>
    <message>
        <source>Show all notes</source>
        <translation>Alle Notizen zeigen</translation>
    </message>
    <message>
        <source>Set the Nextcloud sync folder in Settings to open it here.</source>
        <translation>Legen Sie in den Einstellungen den Nextcloud-Sync-Ordner fest, um ihn hier zu öffnen.</translation>
    </message>
    <message>
        <source>This folder lies outside the Nextcloud sync folder.</source>
        <translation>Dieser Ordner liegt außerhalb des Nextcloud-Sync-Ordners.</translation>
    </message>
    <message>
        <source>Not synced to this computer yet.</source>
        <translation>Noch nicht auf diesen Computer synchronisiert.</translation>
    </message>
    <message>
        <source>Cannot open the folder</source>
        <translation>Der Ordner kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>No folder is set.</source>
        <translation>Es ist kein Ordner angegeben.</translation>
    </message>
    <message>
        <source>Nothing could open this</source>
        <translation>Kein Programm kann das öffnen</translation>
    </message>
    <message>
        <source>No application on this computer opens {what}.</source>
        <translation>Kein Programm auf diesem Computer öffnet {what}.</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anrufen</translation>
    </message>
    <message>
        <source>Write an e-mail</source>
        <translation>E-Mail schreiben</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>Neuer Kunde</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>Kunde bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otizen:</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Schlagwörter:</translation>
    </message>
    <message>
        <source>Next&amp;cloud folder:</source>
        <translation>Next&amp;cloud-Ordner:</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. VIP, Solar</source>
        <translation>Durch Kommas getrennt, z. B. VIP, Solar</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>What you typed for this customer has not been saved.</source>
        <translation>Was Sie zu diesem Kunden eingegeben haben, ist nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>CustomerDropTarget</name>
    <message>
        <source>Drop the files onto a customer in the list: they are recorded for them (e-mails and chats logged for them). Contacts (.vcf) can be dropped anywhere on the list.</source>
        <translation>Legen Sie die Dateien auf einem Kunden in der Liste ab: Sie werden für ihn erfasst (E-Mails und Chats als seine Kommunikation). Kontakte (.vcf) können überall auf der Liste abgelegt werden.</translation>
    </message>
</context>
<context>
    <name>CustomerModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>E-mail or phone</source>
        <translation>E-Mail oder Telefon</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Letzter Kontakt</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <source>Search name, organization, e-mail, phone</source>
        <translation>Name, Organisation, E-Mail, Telefon suchen</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>Kunden suchen</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>&amp;Neuer Kunde…</translation>
    </message>
    <message>
        <source>&amp;Edit customer…</source>
        <translation>Kunde &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete customer…</source>
        <translation>Kunde &amp;löschen…</translation>
    </message>
    <message>
        <source>&amp;Find customer</source>
        <translation>Kunden &amp;finden</translation>
    </message>
    <message>
        <source>No customer matches “{0}”.</source>
        <translation>Kein Kunde passt zu „{0}“.</translation>
    </message>
    <message>
        <source>No customers yet: press Ctrl+Shift+N to add one.</source>
        <translation>Noch keine Kunden: Mit Strg+Umschalt+N legen Sie einen an.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln communications</source>
        <translation>
            <numerusform>%Ln Eintrag</numerusform>
            <numerusform>%Ln Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln media records</source>
        <translation>
            <numerusform>%Ln Medieneintrag</numerusform>
            <numerusform>%Ln Medieneinträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete “{name}” with {entries} and {files}?</source>
        <translation>„{name}“ mit {entries} und {files} löschen?</translation>
    </message>
    <message>
        <source>Delete “{name}” with {entries}?</source>
        <translation>„{name}“ mit {entries} löschen?</translation>
    </message>
    <message>
        <source>Delete “{name}”?</source>
        <translation>„{name}“ löschen?</translation>
    </message>
    <message>
        <source>You can undo this right after (Ctrl+Z). The files themselves stay in Nextcloud.</source>
        <translation>Sie können das gleich danach rückgängig machen (Strg+Z). Die Dateien selbst bleiben in Nextcloud.</translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation>Kunde löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>DatabaseChoice</name>
    <message>
        <source>CRM databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>CRM-Datenbanken (*.sqlite3 *.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Datenbank öffnen</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Neue Datenbank</translation>
    </message>
    <message>
        <source>The database is not there</source>
        <translation>Die Datenbank ist nicht da</translation>
    </message>
    <message>
        <source>This database is not there:
{path}

{reason}. Is its drive unplugged, or was it renamed or moved? Nothing was created in its place.</source>
        <translation>Diese Datenbank ist nicht da:
{path}

{reason}. Ist ihr Laufwerk abgesteckt, oder wurde sie umbenannt oder verschoben? An ihrer Stelle wurde nichts angelegt.</translation>
    </message>
    <message>
        <source>Locate it…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Create a new database…</source>
        <translation>Neue Datenbank anlegen…</translation>
    </message>
    <message>
        <source>Open the default database</source>
        <translation>Die Standarddatenbank öffnen</translation>
    </message>
    <message>
        <source>Open another database, or find out what is wrong with this one:
crm-desktop --check --db {path}</source>
        <translation>Öffnen Sie eine andere Datenbank, oder finden Sie heraus, was mit dieser nicht stimmt:
crm-desktop --check --db {path}</translation>
    </message>
    <message>
        <source>Open another database, or try again later.</source>
        <translation>Öffnen Sie eine andere Datenbank, oder versuchen Sie es später wieder.</translation>
    </message>
    <message>
        <source>Open another database…</source>
        <translation>Andere Datenbank öffnen…</translation>
    </message>
</context>
<context>
    <name>DeleteCommCommand</name>
    <message>
        <source>Delete communication “{subject}”</source>
        <translation>Kommunikation „{subject}“ löschen</translation>
    </message>
    <message>
        <source>Deleted “{subject}”</source>
        <translation>„{subject}“ gelöscht</translation>
    </message>
</context>
<context>
    <name>DeleteCustomerCommand</name>
    <message>
        <source>Delete customer “{name}”</source>
        <translation>Kunde „{name}“ löschen</translation>
    </message>
    <message>
        <source>Deleted “{name}”</source>
        <translation>„{name}“ gelöscht</translation>
    </message>
</context>
<context>
    <name>Dossier</name>
    <message>
        <source>Date (local time)</source>
        <translation>Datum (Ortszeit)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Logged by</source>
        <translation>Erfasst von</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Communication ID</source>
        <translation>Kommunikations-ID</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Der Export wurde abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Unknown export format</source>
        <translation>Unbekanntes Exportformat</translation>
    </message>
    <message>
        <source>{name}: the name must end in .pdf or .csv.</source>
        <translation>{name}: Der Name muss auf .pdf oder .csv enden.</translation>
    </message>
    <message>
        <source>The pages cannot be drawn (is the file or printer writable?)</source>
        <translation>Die Seiten können nicht gezeichnet werden (sind Datei oder Drucker beschreibbar?)</translation>
    </message>
    <message>
        <source>oldest first</source>
        <translation>älteste zuerst</translation>
    </message>
    <message>
        <source>newest first</source>
        <translation>neueste zuerst</translation>
    </message>
    <message>
        <source>Communications ({count}, {order})</source>
        <translation>Kommunikation ({count}, {order})</translation>
    </message>
    <message>
        <source>Times in local time, {zone}.</source>
        <translation>Zeiten in Ortszeit, {zone}.</translation>
    </message>
    <message>
        <source>Only those the timeline&apos;s filters show ({filters}): {count} of {total}.</source>
        <translation>Nur die Einträge, die die Filter des Verlaufs zeigen ({filters}): {count} von {total}.</translation>
    </message>
    <message>
        <source>No communications.</source>
        <translation>Keine Kommunikation.</translation>
    </message>
    <message>
        <source>logged by {name}</source>
        <translation>erfasst von {name}</translation>
    </message>
    <message>
        <source>Attachments: {names}</source>
        <translation>Anhänge: {names}</translation>
    </message>
    <message>
        <source>Stored as another program wrote it: {problems}</source>
        <translation>So gespeichert, wie ein anderes Programm es schrieb: {problems}</translation>
    </message>
    <message>
        <source>Media ({count})</source>
        <translation>Medien ({count})</translation>
    </message>
    <message>
        <source>No media records.</source>
        <translation>Keine Medieneinträge.</translation>
    </message>
    <message>
        <source>tags: {tags}</source>
        <translation>Schlagwörter: {tags}</translation>
    </message>
    <message>
        <source>order {order}</source>
        <translation>Auftrag {order}</translation>
    </message>
    <message>
        <source>uploaded by {name}</source>
        <translation>hochgeladen von {name}</translation>
    </message>
    <message>
        <source>{name} · exported {moment} from {source} by {app}</source>
        <translation>{name} · exportiert {moment} aus {source} mit {app}</translation>
    </message>
    <message>
        <source>Page {number}</source>
        <translation>Seite {number}</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Nextcloud folder</source>
        <translation>Nextcloud-Ordner</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>Kunde seit</translation>
    </message>
    <message>
        <source>{name}: dossier</source>
        <translation>{name}: Kundenakte</translation>
    </message>
    <message>
        <source>Print {title}</source>
        <translation>{title} drucken</translation>
    </message>
    <message>
        <source>Drawing the pages of {name}…</source>
        <translation>Die Seiten von {name} werden gezeichnet…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>containing “{text}”</source>
        <translation>mit „{text}“</translation>
    </message>
</context>
<context>
    <name>DossierActions</name>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Save the customer&apos;s dossier (card, communications, media) as PDF or CSV</source>
        <translation>Die Akte des Kunden (Karte, Kommunikation, Medien) als PDF oder CSV speichern</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>Print the customer&apos;s dossier, with a preview</source>
        <translation>Die Akte des Kunden drucken, mit Vorschau</translation>
    </message>
    <message>
        <source>Exporting to {name}…</source>
        <translation>Export nach {name}…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln communications</source>
        <translation>
            <numerusform>%Ln Eintrag</numerusform>
            <numerusform>%Ln Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln pages</source>
        <translation>
            <numerusform>%Ln Seite</numerusform>
            <numerusform>%Ln Seiten</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported {name}: {count}, {pages}, to {path}</source>
        <translation>{name} exportiert: {count}, {pages}, nach {path}</translation>
    </message>
    <message>
        <source>Exported {name}: {count}, to {path}</source>
        <translation>{name} exportiert: {count}, nach {path}</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Print {name}</source>
        <translation>{name} drucken</translation>
    </message>
    <message>
        <source>The timeline shows only some communications ({filters}).</source>
        <translation>Der Verlauf zeigt nur einen Teil der Kommunikation ({filters}).</translation>
    </message>
    <message>
        <source>Print what the timeline shows</source>
        <translation>Drucken, was der Verlauf zeigt</translation>
    </message>
    <message>
        <source>Print all communications</source>
        <translation>Die gesamte Kommunikation drucken</translation>
    </message>
</context>
<context>
    <name>DropReviewModel</name>
    <message>
        <source>Record</source>
        <translation>Erfassen</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Nextcloud path</source>
        <translation>Nextcloud-Pfad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The MIME type, found from the file&apos;s content and name</source>
        <translation>Der MIME-Typ, ermittelt aus Inhalt und Name der Datei</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Nicht erfasst</translation>
    </message>
    <message>
        <source>Not recorded: {problem}</source>
        <translation>Nicht erfasst: {problem}</translation>
    </message>
    <message>
        <source>Already recorded: recorded again</source>
        <translation>Schon erfasst: wird noch einmal erfasst</translation>
    </message>
    <message>
        <source>Already recorded: skipped</source>
        <translation>Schon erfasst: ausgelassen</translation>
    </message>
    <message>
        <source>Same path as row {row}: recorded too</source>
        <translation>Gleicher Pfad wie Zeile {row}: wird auch erfasst</translation>
    </message>
    <message>
        <source>Same path as row {row}: skipped</source>
        <translation>Gleicher Pfad wie Zeile {row}: ausgelassen</translation>
    </message>
    <message>
        <source>Not recorded (unticked)</source>
        <translation>Nicht erfasst (kein Häkchen)</translation>
    </message>
    <message>
        <source>New: in the Nextcloud folder already</source>
        <translation>Neu: schon im Nextcloud-Ordner</translation>
    </message>
    <message>
        <source>New: will be copied to Nextcloud</source>
        <translation>Neu: wird nach Nextcloud kopiert</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>{name}
From: {source}</source>
        <translation>{name}
Herkunft: {source}</translation>
    </message>
    <message>
        <source>This customer already has a record of {path}.</source>
        <translation>Für diesen Kunden ist {path} schon erfasst.</translation>
    </message>
</context>
<context>
    <name>DropTable</name>
    <message>
        <source>Dropped files</source>
        <translation>Abgelegte Dateien</translation>
    </message>
</context>
<context>
    <name>EntryText</name>
    <message>
        <source>{type}, {direction}, {time}</source>
        <translation>{type}, {direction}, {time}</translation>
    </message>
    <message>
        <source>{about}, logged by {name}</source>
        <translation>{about}, erfasst von {name}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export {name}</source>
        <translation>{name} exportieren</translation>
    </message>
    <message>
        <source>&amp;PDF, to read, send or archive</source>
        <translation>&amp;PDF, zum Lesen, Versenden oder Archivieren</translation>
    </message>
    <message>
        <source>&amp;CSV, for Excel: one row per communication</source>
        <translation>&amp;CSV, für Excel: eine Zeile je Eintrag</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>&amp;Only what the timeline shows ({filters}): {shown} of {total}</source>
        <translation>&amp;Nur was der Verlauf zeigt ({filters}): {shown} von {total}</translation>
    </message>
    <message>
        <source>All {total} communications (the timeline has no filters)</source>
        <translation>Alle {total} Einträge (der Verlauf hat keine Filter)</translation>
    </message>
    <message>
        <source>Communications:</source>
        <translation>Kommunikation:</translation>
    </message>
    <message>
        <source>Newest first, as in the timeline</source>
        <translation>Neueste zuerst, wie im Verlauf</translation>
    </message>
    <message>
        <source>Oldest first, as a history reads</source>
        <translation>Älteste zuerst, wie man eine Geschichte liest</translation>
    </message>
    <message>
        <source>O&amp;rder:</source>
        <translation>&amp;Reihenfolge:</translation>
    </message>
    <message>
        <source>Semicolon (;), for Excel where numbers are written 3,5</source>
        <translation>Semikolon (;), für Excel, wo Zahlen als 3,5 geschrieben werden</translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation>Komma (,)</translation>
    </message>
    <message>
        <source>CSV &amp;separator:</source>
        <translation>CSV-&amp;Trennzeichen:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Wählen Sie eine Datei für den Export.</translation>
    </message>
    <message>
        <source>The file&apos;s name must end in .{suffix}.</source>
        <translation>Der Dateiname muss auf .{suffix} enden.</translation>
    </message>
    <message>
        <source>This is a folder; give a file name inside it.</source>
        <translation>Das ist ein Ordner; geben Sie einen Dateinamen darin an.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Den Ordner {folder} gibt es nicht.</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Die Datei ersetzen?</translation>
    </message>
    <message>
        <source>{name} exists. Replace it with the new export?</source>
        <translation>{name} gibt es schon. Durch den neuen Export ersetzen?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <source>Search everything (Ctrl+K)</source>
        <translation>Alles durchsuchen (Strg+K)</translation>
    </message>
    <message>
        <source>Search customers, communications and files</source>
        <translation>Kunden, Kommunikation und Dateien durchsuchen</translation>
    </message>
    <message>
        <source>Words in any order, each the beginning of a word: “gieb dach” finds “Giebel am Dach”. Case and accents do not matter.</source>
        <translation>Wörter in beliebiger Reihenfolge, jedes der Anfang eines Wortes: „gieb dach“ findet „Giebel am Dach“. Groß- und Kleinschreibung und Akzente spielen keine Rolle.</translation>
    </message>
    <message>
        <source>Find &amp;anything…</source>
        <translation>&amp;Alles durchsuchen…</translation>
    </message>
    <message>
        <source>Search every customer, communication and file (Ctrl+K)</source>
        <translation>Alle Kunden, Kommunikationen und Dateien durchsuchen (Strg+K)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Search is not possible right now: {reason}</source>
        <translation>Die Suche ist gerade nicht möglich: {reason}</translation>
    </message>
    <message>
        <source>Nothing found for “{text}”.</source>
        <translation>Nichts gefunden für „{text}“.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Preparing the file for quick lists…</source>
        <translation>Die Datei wird für schnelle Listen vorbereitet…</translation>
    </message>
    <message>
        <source>The app builds its indexes of this file; until then lists are slower.</source>
        <translation>Die App legt ihre Indizes für diese Datei an; bis dahin sind Listen langsamer.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>&amp;Neue Datenbank…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>Datenbank ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
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
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>&amp;Kunde</translation>
    </message>
    <message>
        <source>C&amp;ommunication</source>
        <translation>K&amp;ommunikation</translation>
    </message>
    <message>
        <source>&amp;Media</source>
        <translation>&amp;Medien</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About CRM Desktop</source>
        <translation>Ü&amp;ber CRM Desktop</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <translation>
            <numerusform>%Ln Kunde</numerusform>
            <numerusform>%Ln Kunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln communications</source>
        <translation>
            <numerusform>%Ln Eintrag</numerusform>
            <numerusform>%Ln Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln media records</source>
        <translation>
            <numerusform>%Ln Medieneintrag</numerusform>
            <numerusform>%Ln Medieneinträge</numerusform>
        </translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (schreibgeschützt)</translation>
    </message>
    <message>
        <source> (offline)</source>
        <translation> (offline)</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demodaten</translation>
    </message>
    <message>
        <source>Demo data: {where}</source>
        <translation>Demodaten: {where}</translation>
    </message>
    <message>
        <source>The database that is open: {location}</source>
        <translation>Die geöffnete Datenbank: {location}</translation>
    </message>
    <message>
        <source>This is the demo database, with made-up customers to try things out. For your own customers, open your database (File ▸ Open recent) or start CRM Desktop without --demo.</source>
        <translation>Das ist die Demodatenbank mit erfundenen Kunden zum Ausprobieren. Für Ihre eigenen Kunden öffnen Sie Ihre Datenbank (Datei ▸ Zuletzt geöffnet) oder starten CRM Desktop ohne --demo.</translation>
    </message>
    <message>
        <source>Read-only: {reason}. You can look things up but not change them. To change them, ask for write access to {folder}, or copy the file to a folder of your own and open the copy (File ▸ Open database…).</source>
        <translation>Schreibgeschützt: {reason}. Sie können nachschlagen, aber nichts ändern. Um etwas zu ändern, bitten Sie um Schreibrechte für {folder}, oder kopieren Sie die Datei in einen eigenen Ordner und öffnen Sie die Kopie (Datei ▸ Datenbank öffnen…).</translation>
    </message>
    <message>
        <source>Offline: {reason} The app keeps trying and reconnects by itself; what you type in a dialog stays there until it can be saved.</source>
        <translation>Offline: {reason} Die App versucht es weiter und verbindet sich von selbst neu; was Sie in einem Dialog eingeben, bleibt dort, bis es gespeichert werden kann.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <source>Offline — retrying in %n s</source>
        <translation>
            <numerusform>Offline – neuer Versuch in %n s</numerusform>
            <numerusform>Offline – neuer Versuch in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline — reconnecting…</source>
        <translation>Offline – verbinde neu…</translation>
    </message>
    <message>
        <source>Preparing search… %1 %</source>
        <translation>Suche wird vorbereitet… %1 %</translation>
    </message>
    <message>
        <source>The app indexes this file for searching everything; until it is done, search reads older entries more slowly and may miss some.</source>
        <translation>Die App indiziert diese Datei für die Suche in allem; bis sie fertig ist, liest die Suche ältere Einträge langsamer und findet manche vielleicht nicht.</translation>
    </message>
    <message>
        <source>An export is running</source>
        <translation>Ein Export läuft</translation>
    </message>
    <message>
        <source>Wait until the export is done, or cancel it, then try again.</source>
        <translation>Warten Sie, bis der Export fertig ist, oder brechen Sie ihn ab, und versuchen Sie es dann wieder.</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Neue Datenbank</translation>
    </message>
    <message>
        <source>{0} already exists; it is opened as it is.</source>
        <translation>{0} gibt es schon; die Datei wird so geöffnet, wie sie ist.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>About CRM Desktop</source>
        <translation>Über CRM Desktop</translation>
    </message>
    <message>
        <source>&lt;b&gt;CRM Desktop {version}&lt;/b&gt;&lt;p&gt;Customers, their communications and media, on the web backend&apos;s database.&lt;/p&gt;&lt;p&gt;Database: {path}&lt;/p&gt;</source>
        <translation>&lt;b&gt;CRM Desktop {version}&lt;/b&gt;&lt;p&gt;Kunden, ihre Kommunikation und ihre Medien, in der Datenbank des Web-Backends.&lt;/p&gt;&lt;p&gt;Datenbank: {path}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MediaDialog</name>
    <message>
        <source>Add media record</source>
        <translation>Medieneintrag hinzufügen</translation>
    </message>
    <message>
        <source>Records a file&apos;s details for this customer. The file itself stays in Nextcloud.</source>
        <translation>Erfasst die Angaben zu einer Datei für diesen Kunden. Die Datei selbst bleibt in Nextcloud.</translation>
    </message>
    <message>
        <source>&amp;Filename:</source>
        <translation>&amp;Dateiname:</translation>
    </message>
    <message>
        <source>e.g. roof-damage.jpg</source>
        <translation>z. B. dachschaden.jpg</translation>
    </message>
    <message>
        <source>Next&amp;cloud path:</source>
        <translation>Next&amp;cloud-Pfad:</translation>
    </message>
    <message>
        <source>&amp;Type (MIME):</source>
        <translation>&amp;Typ (MIME):</translation>
    </message>
    <message>
        <source>Guessed from the filename</source>
        <translation>Aus dem Dateinamen erraten</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>&amp;Richtung:</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>S&amp;chlagwörter:</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. roof, damage</source>
        <translation>Durch Kommas getrennt, z. B. Dach, Schaden</translation>
    </message>
    <message>
        <source>&amp;Order id:</source>
        <translation>A&amp;uftragsnummer:</translation>
    </message>
    <message>
        <source>&amp;Uploaded by:</source>
        <translation>&amp;Hochgeladen von:</translation>
    </message>
    <message>
        <source>Nextcloud cannot store this name: {problem}.</source>
        <translation>Nextcloud kann diesen Namen nicht speichern: {problem}.</translation>
    </message>
</context>
<context>
    <name>MediaDropDialog</name>
    <message>
        <source>Record files for {name}</source>
        <translation>Dateien für {name} erfassen</translation>
    </message>
    <message>
        <source>Untick what should not be recorded; double-click a name, type or path to change it. The app records these details only: the files live in Nextcloud.</source>
        <translation>Nehmen Sie das Häkchen weg, wo nichts erfasst werden soll; mit einem Doppelklick ändern Sie Name, Typ oder Pfad. Die App erfasst nur diese Angaben: Die Dateien liegen in Nextcloud.</translation>
    </message>
    <message>
        <source>For every file recorded</source>
        <translation>Für jede erfasste Datei</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Record &amp;all</source>
        <translation>&amp;Alle erfassen</translation>
    </message>
    <message>
        <source>Record &amp;none</source>
        <translation>&amp;Keine erfassen</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Erfassen</translation>
    </message>
    <message>
        <source>Record the ticked files (Ctrl+Enter)</source>
        <translation>Die angehakten Dateien erfassen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Copy files from outside the Nextcloud folder into it (to {folder})</source>
        <translation>Dateien von außerhalb in den Nextcloud-Ordner kopieren (nach {folder})</translation>
    </message>
    <message>
        <source>Into {path}; a name that is taken gets a number, nothing is overwritten.</source>
        <translation>Nach {path}; ein vergebener Name bekommt eine Nummer, nichts wird überschrieben.</translation>
    </message>
    <message>
        <source>Copy files into the Nextcloud folder (set it in Settings first)</source>
        <translation>Dateien in den Nextcloud-Ordner kopieren (zuerst in den Einstellungen festlegen)</translation>
    </message>
    <message>
        <source>Looking at the files…</source>
        <translation>Die Dateien werden angesehen…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Looking at the files… {done} of {total}</source>
        <translation>Die Dateien werden angesehen… {done} von {total}</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Wird erfasst…</translation>
    </message>
    <message>
        <source>Copying into the Nextcloud folder… {done} of {total} files</source>
        <translation>Kopieren in den Nextcloud-Ordner… {done} von {total} Dateien</translation>
    </message>
    <message>
        <source>{name}: {status}</source>
        <translation>{name}: {status}</translation>
    </message>
    <message>
        <source>Cancelled: nothing was recorded and no file was copied.</source>
        <translation>Abgebrochen: Nichts wurde erfasst und keine Datei kopiert.</translation>
    </message>
    <message>
        <source>Nothing was recorded and no file was copied.</source>
        <translation>Nichts wurde erfasst und keine Datei kopiert.</translation>
    </message>
    <message>
        <source>{name}: {message}</source>
        <translation>{name}: {message}</translation>
    </message>
    <message numerus="yes">
        <source>Record %n files</source>
        <translation>
            <numerusform>%n Datei erfassen</numerusform>
            <numerusform>%n Dateien erfassen</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking at what was dropped…</source>
        <translation>Was abgelegt wurde, wird angesehen…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln files</source>
        <translation>
            <numerusform>%Ln Datei</numerusform>
            <numerusform>%Ln Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>To record: {count} of {files}</source>
        <translation>Zu erfassen: {count} von {files}</translation>
    </message>
    <message>
        <source>{n} already recorded</source>
        <translation>{n} schon erfasst</translation>
    </message>
    <message>
        <source>{n} twice in this drop</source>
        <translation>{n} doppelt abgelegt</translation>
    </message>
    <message>
        <source>{n} cannot be recorded</source>
        <translation>{n} nicht erfassbar</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>MediaDropTarget</name>
    <message>
        <source>Choose a customer first</source>
        <translation>Wählen Sie zuerst einen Kunden</translation>
    </message>
    <message>
        <source>Drop to record the files for {name}</source>
        <translation>Ablegen, um die Dateien für {name} zu erfassen</translation>
    </message>
    <message>
        <source>No customer is chosen. Choose the customer in the list on the left, then drop the files on their media, or drop them straight onto the customer in the list.</source>
        <translation>Es ist kein Kunde gewählt. Wählen Sie den Kunden in der Liste links und legen Sie die Dateien dann auf seinen Medien ab, oder ziehen Sie sie direkt auf den Kunden in der Liste.</translation>
    </message>
</context>
<context>
    <name>MediaFilterBar</name>
    <message>
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Filter by order id</source>
        <translation>Nach Auftragsnummer filtern</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation>Nach Schlagwort filtern</translation>
    </message>
    <message>
        <source>Filter by direction</source>
        <translation>Nach Richtung filtern</translation>
    </message>
    <message>
        <source>All directions</source>
        <translation>Alle Richtungen</translation>
    </message>
</context>
<context>
    <name>MediaIconView</name>
    <message>
        <source>Media records as icons</source>
        <translation>Medieneinträge als Symbole</translation>
    </message>
</context>
<context>
    <name>MediaModel</name>
    <message>
        <source>Filename</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Uploaded by</source>
        <translation>Hochgeladen von</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Nextcloud: {path}</source>
        <translation>Nextcloud: {path}</translation>
    </message>
    <message>
        <source>On this computer: {path}</source>
        <translation>Auf diesem Computer: {path}</translation>
    </message>
</context>
<context>
    <name>MediaPanel</name>
    <message>
        <source>Media</source>
        <translation>Medien</translation>
    </message>
    <message>
        <source>&amp;Add media record…</source>
        <translation>Medieneintrag &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Edit &amp;tags…</source>
        <translation>&amp;Schlagwörter bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete media record</source>
        <translation>Medieneintrag &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Open file</source>
        <translation>Datei ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Copy Nextcloud path</source>
        <translation>Nextcloud-Pfad &amp;kopieren</translation>
    </message>
    <message>
        <source>View as &amp;icons</source>
        <translation>Als S&amp;ymbole anzeigen</translation>
    </message>
    <message>
        <source>View as &amp;table</source>
        <translation>Als &amp;Tabelle anzeigen</translation>
    </message>
    <message>
        <source>Media of {name}</source>
        <translation>Medien von {name}</translation>
    </message>
    <message>
        <source>Delete media record “{name}”</source>
        <translation>Medieneintrag „{name}“ löschen</translation>
    </message>
    <message>
        <source>Deleted “{name}”</source>
        <translation>„{name}“ gelöscht</translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln media records</source>
        <translation>
            <numerusform>%Ln Medieneintrag löschen</numerusform>
            <numerusform>%Ln Medieneinträge löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln media records</source>
        <translation>
            <numerusform>%Ln Medieneintrag gelöscht</numerusform>
            <numerusform>%Ln Medieneinträge gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>Die Datei lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>No application could open {path}.</source>
        <translation>Kein Programm konnte {path} öffnen.</translation>
    </message>
    <message>
        <source>Choose a customer to see their files</source>
        <translation>Wählen Sie einen Kunden, um seine Dateien zu sehen</translation>
    </message>
    <message>
        <source>Nothing matches the filters</source>
        <translation>Nichts passt zu den Filtern</translation>
    </message>
    <message>
        <source>No files yet: press Add (or drop files here)</source>
        <translation>Noch keine Dateien: Klicken Sie auf Hinzufügen (oder legen Sie Dateien hier ab)</translation>
    </message>
    <message>
        <source>Choose a customer on the left</source>
        <translation>Wählen Sie links einen Kunden</translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>{shown} von {total} angezeigt</translation>
    </message>
    <message numerus="yes">
        <source>%Ln files</source>
        <translation>
            <numerusform>%Ln Datei</numerusform>
            <numerusform>%Ln Dateien</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MediaTable</name>
    <message>
        <source>Media records</source>
        <translation>Medieneinträge</translation>
    </message>
</context>
<context>
    <name>MessageDropDialog</name>
    <message>
        <source>Log messages for {name}</source>
        <translation>Nachrichten für {name} erfassen</translation>
    </message>
    <message>
        <source>Each message becomes an entry of {name}&apos;s timeline, its attachments files in their Nextcloud folder. Untick what should not be logged; double-click a direction to change it.</source>
        <translation>Jede Nachricht wird ein Eintrag in der Kommunikation von {name}, ihre Anhänge werden Dateien in deren Nextcloud-Ordner. Entfernen Sie das Häkchen bei allem, was nicht erfasst werden soll; eine Richtung ändern Sie mit Doppelklick.</translation>
    </message>
    <message>
        <source>Log &amp;all</source>
        <translation>&amp;Alle erfassen</translation>
    </message>
    <message>
        <source>Log &amp;none</source>
        <translation>&amp;Keine erfassen</translation>
    </message>
    <message>
        <source>Log the ticked messages (Ctrl+Enter)</source>
        <translation>Die angehakten Nachrichten erfassen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Dropped messages</source>
        <translation>Abgelegte Nachrichten</translation>
    </message>
    <message>
        <source>WhatsApp: who is the customer?</source>
        <translation>WhatsApp: Wer ist der Kunde?</translation>
    </message>
    <message>
        <source>Reading the files…</source>
        <translation>Die Dateien werden gelesen…</translation>
    </message>
    <message>
        <source>No Nextcloud sync folder is set (Settings): the messages are logged without their {count} attachments.</source>
        <translation>Es ist kein Nextcloud-Synchronisationsordner eingestellt (Einstellungen): Die Nachrichten werden ohne ihre {count} Anhänge erfasst.</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… und {n} weitere</translation>
    </message>
    <message numerus="yes">
        <source>{name} (%Ln messages)</source>
        <translation>
            <numerusform>{name} (%Ln Nachricht)</numerusform>
            <numerusform>{name} (%Ln Nachrichten)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody: all messages outbound</source>
        <translation>Niemand: alle Nachrichten ausgehend</translation>
    </message>
    <message>
        <source>“{chat}” ({file}):</source>
        <translation>„{chat}“ ({file}):</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Logging…</source>
        <translation>Wird erfasst…</translation>
    </message>
    <message>
        <source>Some messages were logged already</source>
        <translation>Einige Nachrichten waren schon erfasst</translation>
    </message>
    <message>
        <source>{count} of the messages were logged by someone else while you reviewed them; they were not logged twice.</source>
        <translation>{count} der Nachrichten hat jemand anderes erfasst, während Sie sie durchgesehen haben; sie wurden nicht doppelt erfasst.</translation>
    </message>
    <message numerus="yes">
        <source>Save (%n)</source>
        <translation>
            <numerusform>Speichern (%n)</numerusform>
            <numerusform>Speichern (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Log %n messages</source>
        <translation>
            <numerusform>%n Nachricht erfassen</numerusform>
            <numerusform>%n Nachrichten erfassen</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading what was dropped…</source>
        <translation>Das Abgelegte wird gelesen…</translation>
    </message>
    <message>
        <source>Messages to log: {count} of {total}</source>
        <translation>Zu erfassende Nachrichten: {count} von {total}</translation>
    </message>
    <message>
        <source>{n} already logged</source>
        <translation>{n} schon erfasst</translation>
    </message>
    <message>
        <source>{n} twice in this drop</source>
        <translation>{n} doppelt abgelegt</translation>
    </message>
    <message>
        <source>{n} unreadable</source>
        <translation>{n} nicht lesbar</translation>
    </message>
    <message>
        <source>files to record: {n}</source>
        <translation>zu erfassende Dateien: {n}</translation>
    </message>
    <message>
        <source>files recorded already: {n}</source>
        <translation>schon erfasste Dateien: {n}</translation>
    </message>
</context>
<context>
    <name>MessageReviewModel</name>
    <message>
        <source>Log</source>
        <translation>Erfassen</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>From file</source>
        <translation>Aus Datei</translation>
    </message>
    <message>
        <source>Not logged</source>
        <translation>Nicht erfasst</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>{direction}?</source>
        <translation>{direction}?</translation>
    </message>
    <message>
        <source>{time} (file date)</source>
        <translation>{time} (Dateidatum)</translation>
    </message>
    <message>
        <source>Not recorded: {reason}</source>
        <translation>Nicht erfasst: {reason}</translation>
    </message>
    <message>
        <source>Unreadable: {reason}</source>
        <translation>Nicht lesbar: {reason}</translation>
    </message>
    <message>
        <source>Already logged: skipped</source>
        <translation>Schon erfasst: ausgelassen</translation>
    </message>
    <message>
        <source>Same as row {row}: skipped</source>
        <translation>Wie Zeile {row}: ausgelassen</translation>
    </message>
    <message>
        <source>Already recorded: recorded again</source>
        <translation>Schon erfasst: wird noch einmal erfasst</translation>
    </message>
    <message>
        <source>Already recorded: skipped</source>
        <translation>Schon erfasst: ausgelassen</translation>
    </message>
    <message>
        <source>Not recorded (unticked)</source>
        <translation>Nicht erfasst (kein Häkchen)</translation>
    </message>
    <message>
        <source>Not logged (unticked)</source>
        <translation>Nicht erfasst (kein Häkchen)</translation>
    </message>
    <message>
        <source>New file for the media</source>
        <translation>Neue Datei für die Medien</translation>
    </message>
    <message>
        <source>New. Its files are left out (no Nextcloud folder is set).</source>
        <translation>Neu. Ihre Dateien werden weggelassen (kein Nextcloud-Ordner eingestellt).</translation>
    </message>
    <message>
        <source>New. {note}</source>
        <translation>Neu. {note}</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>The message says nowhere when it was sent: the file&apos;s date is used.</source>
        <translation>Die Nachricht sagt nirgends, wann sie gesendet wurde: Das Datum der Datei wird verwendet.</translation>
    </message>
    <message>
        <source>Neither the customer&apos;s nor the office&apos;s address is among its sender and recipients: check the direction (double-click to change it).</source>
        <translation>Weder die Adresse des Kunden noch die des Büros ist unter Absender und Empfängern: Prüfen Sie die Richtung (Doppelklick zum Ändern).</translation>
    </message>
    <message>
        <source>From: {sender}</source>
        <translation>Von: {sender}</translation>
    </message>
    <message>
        <source>To: {recipients}</source>
        <translation>An: {recipients}</translation>
    </message>
    <message>
        <source>Attachment: {name} ({size})</source>
        <translation>Anhang: {name} ({size})</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>Datei: {path}</translation>
    </message>
</context>
<context>
    <name>MessageSettings</name>
    <message>
        <source>e.g. info@roofing.example, @roofing.example</source>
        <translation>z. B. info@dachdecker.example, @dachdecker.example</translation>
    </message>
    <message>
        <source>The office&apos;s own e-mail addresses, separated by commas; @domain stands for every address of the domain. A dropped e-mail sent from one of them is outbound, one sent to them inbound.</source>
        <translation>Die eigenen E-Mail-Adressen des Büros, durch Kommas getrennt; @domain steht für jede Adresse der Domain. Eine abgelegte E-Mail von einer davon ist ausgehend, eine an sie eingehend.</translation>
    </message>
    <message>
        <source>Office &amp;e-mail addresses:</source>
        <translation>&amp;E-Mail-Adressen des Büros:</translation>
    </message>
    <message>
        <source>e.g. +49</source>
        <translation>z. B. +49</translation>
    </message>
    <message>
        <source>The country calling code of phone numbers written without one (030 …), used to find dropped contacts in the customer list. Empty: the one of this computer&apos;s region.</source>
        <translation>Die Ländervorwahl für Telefonnummern, die ohne sie geschrieben sind (030 …), um abgelegte Kontakte in der Kundenliste zu finden. Leer: die der Region dieses Computers.</translation>
    </message>
    <message>
        <source>Phone &amp;country code:</source>
        <translation>&amp;Ländervorwahl:</translation>
    </message>
    <message>
        <source>A country code is 1 to 4 digits, e.g. +49.</source>
        <translation>Eine Ländervorwahl hat 1 bis 4 Ziffern, z. B. +49.</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>Reading pane</source>
        <translation>Lesebereich</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Choose an entry in the timeline to read it here.</source>
        <translation>Wählen Sie einen Eintrag im Verlauf, um ihn hier zu lesen.</translation>
    </message>
    <message>
        <source>This entry no longer exists.</source>
        <translation>Diesen Eintrag gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>This entry cannot be read now: {reason}</source>
        <translation>Dieser Eintrag kann gerade nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>The first line of the text</source>
        <translation>Die erste Zeile des Textes</translation>
    </message>
    <message>
        <source>logged by {name}</source>
        <translation>erfasst von {name}</translation>
    </message>
</context>
<context>
    <name>RememberedDialog</name>
    <message>
        <source>What you typed has not been saved.</source>
        <translation>Was Sie eingegeben haben, ist nicht gespeichert.</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
</context>
<context>
    <name>SearchJump</name>
    <message>
        <source>This entry is no longer there: someone may have deleted it.</source>
        <translation>Dieser Eintrag ist nicht mehr da: Vielleicht hat ihn jemand gelöscht.</translation>
    </message>
    <message>
        <source>This file is no longer there: someone may have deleted it.</source>
        <translation>Diese Datei ist nicht mehr da: Vielleicht hat sie jemand gelöscht.</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>↑ ↓ choose · Enter opens · Esc closes</source>
        <translation>↑ ↓ auswählen · Enter öffnet · Esc schließt</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message numerus="yes">
        <source>Customers (%Ln)</source>
        <translation>
            <numerusform>Kunden (%Ln)</numerusform>
            <numerusform>Kunden (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Communications (%Ln)</source>
        <translation>
            <numerusform>Kommunikation (%Ln)</numerusform>
            <numerusform>Kommunikation (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Files (%Ln)</source>
        <translation>
            <numerusform>Dateien (%Ln)</numerusform>
            <numerusform>Dateien (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notizen:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Schlagwörter:</translation>
    </message>
    <message>
        <source>Attachment:</source>
        <translation>Anhang:</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>Auftrag:</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Shown as “logged by” and “uploaded by”</source>
        <translation>Erscheint als „erfasst von“ und „hochgeladen von“</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
    <message>
        <source>The folder the Nextcloud client syncs</source>
        <translation>Der Ordner, den der Nextcloud-Client synchronisiert</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Nextcloud &amp;sync folder:</source>
        <translation>Nextcloud-&amp;Sync-Ordner:</translation>
    </message>
    <message>
        <source>As the system ({language})</source>
        <translation>Wie das System ({language})</translation>
    </message>
    <message>
        <source>Takes effect when CRM Desktop starts again.</source>
        <translation>Gilt ab dem nächsten Start von CRM Desktop.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>This &amp;computer (a file)</source>
        <translation>Dieser &amp;Computer (eine Datei)</translation>
    </message>
    <message>
        <source>Office &amp;server (PostgreSQL)</source>
        <translation>Büro-&amp;Server (PostgreSQL)</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>Daten:</translation>
    </message>
    <message>
        <source>The database file; recent files are in the list.</source>
        <translation>Die Datenbankdatei; zuletzt benutzte Dateien stehen in der Liste.</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>&amp;Database file:</source>
        <translation>&amp;Datenbankdatei:</translation>
    </message>
    <message>
        <source>The server&apos;s address. The password goes in ~/.pgpass (or the PGPASSWORD variable, or a PostgreSQL service file), never here.</source>
        <translation>Die Adresse des Servers. Das Passwort gehört in ~/.pgpass (oder die Variable PGPASSWORD oder eine PostgreSQL-Dienstdatei), nie hierher.</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Server-&amp;Adresse:</translation>
    </message>
    <message>
        <source>Choose a database file.</source>
        <translation>Wählen Sie eine Datenbankdatei.</translation>
    </message>
    <message>
        <source>A server&apos;s address starts with postgresql://</source>
        <translation>Die Adresse eines Servers beginnt mit postgresql://</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>This folder does not exist.</source>
        <translation>Diesen Ordner gibt es nicht.</translation>
    </message>
    <message>
        <source>This is a folder; choose a file inside it.</source>
        <translation>Das ist ein Ordner; wählen Sie eine Datei darin.</translation>
    </message>
    <message>
        <source>Nextcloud sync folder</source>
        <translation>Nextcloud-Sync-Ordner</translation>
    </message>
</context>
<context>
    <name>SharedFields</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>&amp;Richtung:</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>S&amp;chlagwörter:</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. roof, before</source>
        <translation>Durch Kommas getrennt, z. B. Dach, vorher</translation>
    </message>
    <message>
        <source>&amp;Order:</source>
        <translation>A&amp;uftrag:</translation>
    </message>
    <message>
        <source>Order number, if the files belong to one</source>
        <translation>Auftragsnummer, falls die Dateien zu einem Auftrag gehören</translation>
    </message>
    <message>
        <source>&amp;Uploaded by:</source>
        <translation>&amp;Hochgeladen von:</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <source>Edit tags</source>
        <translation>Schlagwörter bearbeiten</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. roof, damage</source>
        <translation>Durch Kommas getrennt, z. B. Dach, Schaden</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>S&amp;chlagwörter:</translation>
    </message>
</context>
<context>
    <name>TaskStatus</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>TimeWords</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Persönlich</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
</context>
<context>
    <name>TimelineDelegate</name>
    <message>
        <source>logged by {name}</source>
        <translation>erfasst von {name}</translation>
    </message>
</context>
<context>
    <name>TimelineDropTarget</name>
    <message>
        <source>Choose a customer first</source>
        <translation>Wählen Sie zuerst einen Kunden</translation>
    </message>
    <message>
        <source>Drop to log the messages for {name}</source>
        <translation>Ablegen, um die Nachrichten für {name} zu erfassen</translation>
    </message>
    <message>
        <source>Drop to record the files for {name}</source>
        <translation>Ablegen, um die Dateien für {name} zu erfassen</translation>
    </message>
    <message>
        <source>No customer is chosen. Choose the customer in the list on the left, then drop the e-mails or chats on their timeline, or drop them straight onto the customer in the list.</source>
        <translation>Es ist kein Kunde gewählt. Wählen Sie den Kunden in der Liste links und legen Sie die E-Mails oder Chats dann auf seiner Kommunikation ab, oder legen Sie sie direkt auf dem Kunden in der Liste ab.</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Communication</source>
        <translation>Kommunikation</translation>
    </message>
    <message>
        <source>Logged by {name}</source>
        <translation>Erfasst von {name}</translation>
    </message>
    <message>
        <source>{type}, {direction}, {when}: {subject}.</source>
        <translation>{type}, {direction}, {when}: {subject}.</translation>
    </message>
    <message>
        <source>Logged by {name}.</source>
        <translation>Erfasst von {name}.</translation>
    </message>
    <message numerus="yes">
        <source>%n attachments.</source>
        <translation>
            <numerusform>%n Anhang.</numerusform>
            <numerusform>%n Anhänge.</numerusform>
        </translation>
    </message>
    <message>
        <source>This entry does not fit the expected format.</source>
        <translation>Dieser Eintrag entspricht nicht dem erwarteten Format.</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>&amp;Log communication…</source>
        <translation>Kommunikation &amp;erfassen…</translation>
    </message>
    <message>
        <source>Log a call, e-mail or note for this customer</source>
        <translation>Einen Anruf, eine E-Mail oder eine Notiz für diesen Kunden erfassen</translation>
    </message>
    <message>
        <source>&amp;Edit communication…</source>
        <translation>Kommunikation &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete communication</source>
        <translation>Kommunikation &amp;löschen</translation>
    </message>
    <message>
        <source>Delete the selected entry (Ctrl+Z undoes it)</source>
        <translation>Den gewählten Eintrag löschen (Strg+Z macht es rückgängig)</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>Text &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the selected entry as text</source>
        <translation>Den gewählten Eintrag als Text kopieren</translation>
    </message>
    <message>
        <source>Log communication</source>
        <translation>Kommunikation erfassen</translation>
    </message>
    <message>
        <source>Log a communication (Ctrl+N)</source>
        <translation>Eine Kommunikation erfassen (Strg+N)</translation>
    </message>
    <message>
        <source>Show only: {what}</source>
        <translation>Nur zeigen: {what}</translation>
    </message>
    <message>
        <source>Search subject and text</source>
        <translation>Betreff und Text durchsuchen</translation>
    </message>
    <message>
        <source>Search communications</source>
        <translation>Kommunikation durchsuchen</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Communications</source>
        <translation>Kommunikation</translation>
    </message>
    <message numerus="yes">
        <source>%Ln communications</source>
        <translation>
            <numerusform>%Ln Eintrag</numerusform>
            <numerusform>%Ln Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a customer on the left</source>
        <translation>Wählen Sie links einen Kunden</translation>
    </message>
    <message>
        <source>Nothing matches the filters</source>
        <translation>Nichts passt zu den Filtern</translation>
    </message>
    <message>
        <source>Shown types: {names}</source>
        <translation>Gezeigte Arten: {names}</translation>
    </message>
    <message>
        <source>Shown directions: {names}</source>
        <translation>Gezeigte Richtungen: {names}</translation>
    </message>
    <message>
        <source>Text: “{text}”</source>
        <translation>Text: „{text}“</translation>
    </message>
    <message numerus="yes">
        <source>The filters hide %Ln communications.</source>
        <translation>
            <numerusform>Die Filter blenden %Ln Eintrag aus.</numerusform>
            <numerusform>Die Filter blenden %Ln Einträge aus.</numerusform>
        </translation>
    </message>
    <message>
        <source>No communications yet: press Ctrl+N to log one, or drop e-mails and WhatsApp chats here</source>
        <translation>Noch keine Kommunikation: Strg+N erfasst eine, oder legen Sie E-Mails und WhatsApp-Chats hier ab</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo the delete (Ctrl+Z)</source>
        <translation>Das Löschen rückgängig machen (Strg+Z)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to CRM Desktop</source>
        <translation>Willkommen bei CRM Desktop</translation>
    </message>
    <message>
        <source>Two things make the app yours. Both can be changed at any time under File ▸ Settings.</source>
        <translation>Zwei Angaben machen die App zu Ihrer. Beide können Sie jederzeit unter Datei ▸ Einstellungen ändern.</translation>
    </message>
    <message>
        <source>e.g. Anna Schmidt</source>
        <translation>z. B. Anna Schmidt</translation>
    </message>
    <message>
        <source>Written with every entry and file you record (“logged by”).</source>
        <translation>Steht bei jedem Eintrag und jeder Datei, die Sie erfassen („erfasst von“).</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
    <message>
        <source>The folder the Nextcloud client syncs</source>
        <translation>Der Ordner, den der Nextcloud-Client synchronisiert</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Nextcloud &amp;sync folder:</source>
        <translation>Nextcloud-&amp;Sync-Ordner:</translation>
    </message>
    <message>
        <source>Customers&apos; files open from there. Without it the app still records files, but cannot open them.</source>
        <translation>Von dort öffnen sich die Dateien der Kunden. Ohne ihn erfasst die App Dateien trotzdem, kann sie aber nicht öffnen.</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Loslegen</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
    <message>
        <source>Nextcloud sync folder</source>
        <translation>Nextcloud-Sync-Ordner</translation>
    </message>
    <message>
        <source>Please enter your name, or choose Later.</source>
        <translation>Bitte geben Sie Ihren Namen ein, oder wählen Sie „Später“.</translation>
    </message>
    <message>
        <source>This folder does not exist.</source>
        <translation>Diesen Ordner gibt es nicht.</translation>
    </message>
</context>
<context>
    <name>_FileDropTarget</name>
    <message>
        <source>Drop to add the contacts as customers</source>
        <translation>Ablegen, um die Kontakte als Kunden anzulegen</translation>
    </message>
    <message>
        <source>This database is read-only</source>
        <translation>Diese Datenbank ist schreibgeschützt</translation>
    </message>
    <message>
        <source>The files were not recorded</source>
        <translation>Die Dateien wurden nicht erfasst</translation>
    </message>
    <message>
        <source>This database can only be read ({reason}): nothing can be recorded in it.</source>
        <translation>Diese Datenbank kann nur gelesen werden ({reason}): Es kann nichts in ihr erfasst werden.</translation>
    </message>
</context>
<context>
    <name>_RecordDialog</name>
    <message>
        <source>media record</source>
        <translation>Medieneintrag</translation>
    </message>
</context>
<context>
    <name>_ReviewDialog</name>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Copying into the Nextcloud folder… {done} of {total} files</source>
        <translation>Kopieren in den Nextcloud-Ordner… {done} von {total} Dateien</translation>
    </message>
    <message>
        <source>Reading the files… {done} of {total}</source>
        <translation>Die Dateien werden gelesen… {done} von {total}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was saved and no file was copied.</source>
        <translation>Abgebrochen: Nichts wurde gespeichert und keine Datei kopiert.</translation>
    </message>
    <message>
        <source>Nothing was saved and no file was copied.</source>
        <translation>Nichts wurde gespeichert und keine Datei kopiert.</translation>
    </message>
    <message>
        <source>Row {row}: {message}</source>
        <translation>Zeile {row}: {message}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>Backups are made on the server</source>
        <translation>Sicherungen werden auf dem Server gemacht</translation>
    </message>
    <message>
        <source>This database is on an office PostgreSQL server. Its data is backed up on the server with PostgreSQL&apos;s own tools, for example every night with

    pg_dump --format=custom --file=crm.dump DBNAME

and restored with pg_restore. Ask whoever runs the server; the app cannot copy the server&apos;s database from here.</source>
        <translation>Diese Datenbank liegt auf einem PostgreSQL-Server des Büros. Ihre Daten werden auf dem Server mit den Werkzeugen von PostgreSQL gesichert, zum Beispiel jede Nacht mit

    pg_dump --format=custom --file=crm.dump DBNAME

und mit pg_restore wiederhergestellt. Fragen Sie die Person, die den Server betreut; die App kann die Datenbank des Servers nicht von hier aus kopieren.</translation>
    </message>
    <message>
        <source>Backup or restore not possible</source>
        <translation>Sichern oder Wiederherstellen nicht möglich</translation>
    </message>
    <message>
        <source>{path}

{reason}</source>
        <translation>{path}

{reason}</translation>
    </message>
    <message>
        <source>the database file does not exist</source>
        <translation>die Datenbankdatei gibt es nicht</translation>
    </message>
    <message>
        <source>The backup was cancelled.</source>
        <translation>Die Sicherung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>the copy did not pass SQLite&apos;s check: {details}</source>
        <translation>die Kopie hat die Prüfung von SQLite nicht bestanden: {details}</translation>
    </message>
    <message>
        <source>the web backend writes to this file too often for a copy that does not hold it up. The file does not use SQLite&apos;s WAL journal (it is on a network drive or the like), so a consistent copy needs the backend to wait about {seconds} s. Back up while the backend is stopped or quiet, or keep the file on a local drive.</source>
        <translation>das Web-Backend schreibt zu oft in diese Datei für eine Kopie, die es nicht aufhält. Die Datei benutzt nicht das WAL-Journal von SQLite (sie liegt auf einem Netzlaufwerk oder Ähnlichem), daher müsste das Backend für eine stimmige Kopie etwa {seconds} s warten. Sichern Sie, während das Backend angehalten oder ruhig ist, oder legen Sie die Datei auf ein lokales Laufwerk.</translation>
    </message>
    <message>
        <source>the copy is not a SQLite file</source>
        <translation>die Kopie ist keine SQLite-Datei</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>die Datei gibt es nicht</translation>
    </message>
    <message>
        <source>this file is not a SQLite database</source>
        <translation>diese Datei ist keine SQLite-Datenbank</translation>
    </message>
    <message>
        <source>the file is damaged: {details}</source>
        <translation>die Datei ist beschädigt: {details}</translation>
    </message>
    <message>
        <source>this is not a CRM database: it lacks the tables {tables}</source>
        <translation>das ist keine CRM-Datenbank: ihr fehlen die Tabellen {tables}</translation>
    </message>
    <message>
        <source>its tables lack columns the app needs ({details})</source>
        <translation>ihren Tabellen fehlen Spalten, die die App braucht ({details})</translation>
    </message>
    <message>
        <source>another program has the database open (the web backend?). Stop it, then restore again. Nothing was changed.</source>
        <translation>ein anderes Programm hat die Datenbank geöffnet (das Web-Backend?). Halten Sie es an und stellen Sie dann erneut wieder her. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>{name} is still beside the database; nothing was changed.</source>
        <translation>{name} liegt weiter neben der Datenbank; es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>database</name>
    <message>
        <source>this file is not a SQLite database</source>
        <translation>diese Datei ist keine SQLite-Datenbank</translation>
    </message>
    <message>
        <source>the file is damaged ({detail}). Open another database or a backup copy; crm-desktop --check --db FILE tells what is wrong</source>
        <translation>die Datei ist beschädigt ({detail}). Öffnen Sie eine andere Datenbank oder eine Sicherungskopie; crm-desktop --check --db DATEI sagt, was nicht stimmt</translation>
    </message>
    <message>
        <source>this is a folder, not a database file</source>
        <translation>das ist ein Ordner, keine Datenbankdatei</translation>
    </message>
    <message>
        <source>the file cannot be read ({reason})</source>
        <translation>die Datei kann nicht gelesen werden ({reason})</translation>
    </message>
    <message>
        <source>Changes that other programs make to this file will not show until it is opened again.</source>
        <translation>Was andere Programme an dieser Datei ändern, erscheint erst, wenn sie wieder geöffnet wird.</translation>
    </message>
    <message>
        <source>the file is read-only</source>
        <translation>die Datei ist schreibgeschützt</translation>
    </message>
    <message>
        <source>its folder is read-only</source>
        <translation>ihr Ordner ist schreibgeschützt</translation>
    </message>
    <message>
        <source>a network drive ({fs})</source>
        <translation>einem Netzlaufwerk ({fs})</translation>
    </message>
    <message>
        <source>a container&apos;s bind mount ({fs})</source>
        <translation>einem eingebundenen Ordner eines Containers ({fs})</translation>
    </message>
    <message>
        <source>This file is on {where} and already uses SQLite&apos;s WAL journal, which is not safe there: two programs writing at once can damage it. Keep the file on a local drive, or use an office database server.</source>
        <translation>Diese Datei liegt auf {where} und benutzt schon das WAL-Journal von SQLite, das dort nicht sicher ist: Zwei Programme, die gleichzeitig schreiben, können sie beschädigen. Legen Sie die Datei auf ein lokales Laufwerk, oder benutzen Sie einen Datenbankserver im Büro.</translation>
    </message>
    <message>
        <source>This file is on {where}. It is opened without SQLite&apos;s WAL journal, which is not safe there; only one program should write to it at a time.</source>
        <translation>Diese Datei liegt auf {where}. Sie wird ohne das WAL-Journal von SQLite geöffnet, das dort nicht sicher ist; nur ein Programm sollte gleichzeitig in sie schreiben.</translation>
    </message>
    <message>
        <source>it was opened read-only</source>
        <translation>sie wurde schreibgeschützt geöffnet</translation>
    </message>
    <message>
        <source>the database cannot be created here: {reason}</source>
        <translation>die Datenbank kann hier nicht angelegt werden: {reason}</translation>
    </message>
    <message>
        <source>the file cannot be written to</source>
        <translation>in die Datei kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>the file is read-only and lacks the tables {tables}</source>
        <translation>die Datei ist schreibgeschützt, und ihr fehlen die Tabellen {tables}</translation>
    </message>
</context>
<context>
    <name>dossier</name>
    <message>
        <source>No such customer</source>
        <translation>Kein solcher Kunde</translation>
    </message>
    <message>
        <source>No customer has the id or the exact name “{name}”.</source>
        <translation>Kein Kunde hat die ID oder genau den Namen „{name}“.</translation>
    </message>
    <message>
        <source>More than one customer has this name</source>
        <translation>Mehrere Kunden haben diesen Namen</translation>
    </message>
    <message>
        <source>{count} customers are named “{name}”; give one of their ids:
{ids}</source>
        <translation>{count} Kunden heißen „{name}“; geben Sie eine ihrer IDs an:
{ids}</translation>
    </message>
</context>
<context>
    <name>drops</name>
    <message>
        <source>{name} could not be copied to {target}: {reason}</source>
        <translation>{name} konnte nicht nach {target} kopiert werden: {reason}</translation>
    </message>
    <message>
        <source>the file name is empty</source>
        <translation>der Dateiname ist leer</translation>
    </message>
    <message>
        <source>it is not a file on this computer</source>
        <translation>es ist keine Datei auf diesem Computer</translation>
    </message>
    <message>
        <source>the folder has no files</source>
        <translation>der Ordner enthält keine Dateien</translation>
    </message>
    <message>
        <source>the folder cannot be read ({reason})</source>
        <translation>der Ordner kann nicht gelesen werden ({reason})</translation>
    </message>
    <message>
        <source>it is a broken link (what it pointed to is gone)</source>
        <translation>es ist eine tote Verknüpfung (ihr Ziel ist weg)</translation>
    </message>
    <message>
        <source>it does not exist (any more)</source>
        <translation>es gibt sie nicht (mehr)</translation>
    </message>
    <message>
        <source>it cannot be read ({reason})</source>
        <translation>sie kann nicht gelesen werden ({reason})</translation>
    </message>
    <message>
        <source>it is not a regular file (a pipe, a device or a socket)</source>
        <translation>es ist keine gewöhnliche Datei (eine Pipe, ein Gerät oder ein Socket)</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>no permission</source>
        <translation>keine Berechtigung</translation>
    </message>
    <message>
        <source>This is not a vCard. Drop e-mails, chats and other files onto a customer: they are logged for them.</source>
        <translation>Das ist keine vCard. Legen Sie E-Mails, Chats und andere Dateien auf einem Kunden ab: Sie werden für ihn erfasst.</translation>
    </message>
    <message>
        <source>This is not a vCard file.</source>
        <translation>Das ist keine vCard-Datei.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>{field} “{value}” went into the notes: {reason}</source>
        <translation>{field} „{value}“ steht jetzt in den Notizen: {reason}</translation>
    </message>
    <message>
        <source>A vCard holds contacts, not messages: drop it alone on the customer list to add its contacts as customers.</source>
        <translation>Eine vCard enthält Kontakte, keine Nachrichten: Legen Sie sie allein auf der Kundenliste ab, um ihre Kontakte als Kunden anzulegen.</translation>
    </message>
    <message>
        <source>No date in the message: the file&apos;s date is used.</source>
        <translation>Kein Datum in der Nachricht: Das Datum der Datei wird verwendet.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>there is no database file there</source>
        <translation>dort ist keine Datenbankdatei</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>den Ordner {folder} gibt es nicht</translation>
    </message>
    <message>
        <source>the PostgreSQL driver is not installed. Install the app with its office-server part: pip install &quot;crm-desktop[postgres]&quot; (the installers include it).</source>
        <translation>der PostgreSQL-Treiber ist nicht installiert. Installieren Sie die App mit ihrem Teil für den Büro-Server: pip install &quot;crm-desktop[postgres]&quot; (die Installationsprogramme enthalten ihn).</translation>
    </message>
    <message>
        <source>Please check the input</source>
        <translation>Bitte prüfen Sie die Eingabe</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>This {kind} no longer exists: someone may have deleted it.</source>
        <translation>Diesen Eintrag ({kind}) gibt es nicht mehr: Vielleicht hat ihn jemand gelöscht.</translation>
    </message>
    <message>
        <source>Changed meanwhile</source>
        <translation>Inzwischen geändert</translation>
    </message>
    <message>
        <source>There is no database there</source>
        <translation>Dort ist keine Datenbank</translation>
    </message>
    <message>
        <source>{path}

{reason} Nothing was created.</source>
        <translation>{path}

{reason} Es wurde nichts angelegt.</translation>
    </message>
    <message>
        <source>This database cannot be opened</source>
        <translation>Diese Datenbank lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>{path}

{reason}</source>
        <translation>{path}

{reason}</translation>
    </message>
    <message>
        <source>The PostgreSQL driver is not installed</source>
        <translation>Der PostgreSQL-Treiber ist nicht installiert</translation>
    </message>
    <message>
        <source>The office server needs the app&apos;s PostgreSQL part: pip install &quot;crm-desktop[postgres]&quot; (the installers include it).</source>
        <translation>Der Büro-Server braucht den PostgreSQL-Teil der App: pip install &quot;crm-desktop[postgres]&quot; (die Installationsprogramme enthalten ihn).</translation>
    </message>
    <message>
        <source>This cannot be used as it is</source>
        <translation>Das lässt sich so nicht verwenden</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>This is a bug in CRM Desktop. Nothing you saved before is affected. The details below are in the log file too.</source>
        <translation>Das ist ein Fehler in CRM Desktop. Nichts, was Sie vorher gespeichert haben, ist betroffen. Die Einzelheiten unten stehen auch in der Protokolldatei.</translation>
    </message>
    <message>
        <source>The database is busy</source>
        <translation>Die Datenbank ist beschäftigt</translation>
    </message>
    <message>
        <source>Another program is writing to the database. Nothing was saved; try again in a moment.</source>
        <translation>Ein anderes Programm schreibt gerade in die Datenbank. Es wurde nichts gespeichert; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The database is read-only</source>
        <translation>Die Datenbank ist schreibgeschützt</translation>
    </message>
    <message>
        <source>The database file cannot be written to (the file or its folder is read-only). Nothing was saved.</source>
        <translation>In die Datenbankdatei kann nicht geschrieben werden (die Datei oder ihr Ordner ist schreibgeschützt). Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>Der Datenträger ist voll</translation>
    </message>
    <message>
        <source>There is no space left for the database. Free some space, then try again.</source>
        <translation>Für die Datenbank ist kein Platz mehr. Schaffen Sie Platz und versuchen Sie es dann wieder.</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>Die Datenbank ist beschädigt</translation>
    </message>
    <message>
        <source>The database file is damaged. Nothing was written to it; open a backup copy.</source>
        <translation>Die Datenbankdatei ist beschädigt. Es wurde nichts hineingeschrieben; öffnen Sie eine Sicherungskopie.</translation>
    </message>
    <message>
        <source>The database cannot be reached</source>
        <translation>Die Datenbank ist nicht erreichbar</translation>
    </message>
    <message>
        <source>The database file cannot be read or written (is its drive or network share still there?). Nothing was saved.</source>
        <translation>Die Datenbankdatei kann nicht gelesen oder geschrieben werden (ist ihr Laufwerk oder ihre Netzwerkfreigabe noch da?). Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The office server cannot be reached</source>
        <translation>Der Büro-Server ist nicht erreichbar</translation>
    </message>
    <message>
        <source>The server or the network is down. Nothing was saved; the app reconnects by itself when the server is back.</source>
        <translation>Der Server oder das Netzwerk ist ausgefallen. Es wurde nichts gespeichert; die App verbindet sich von selbst neu, wenn der Server wieder da ist.</translation>
    </message>
    <message>
        <source>The office server is full</source>
        <translation>Der Büro-Server ist voll</translation>
    </message>
    <message>
        <source>The office server is full (every connection it allows is in use): its administrator can raise max_connections to twice the number of desktops plus 20 and restart it, or end connections that are no longer needed.</source>
        <translation>Der Büro-Server ist voll (jede erlaubte Verbindung ist belegt): Wer ihn betreut, kann max_connections auf die doppelte Zahl der Arbeitsplätze plus 20 erhöhen und ihn neu starten, oder Verbindungen beenden, die nicht mehr gebraucht werden.</translation>
    </message>
    <message>
        <source>The office server refused the login</source>
        <translation>Der Büro-Server hat die Anmeldung abgelehnt</translation>
    </message>
    <message>
        <source>Check the user name in the server&apos;s address, and the password in ~/.pgpass (or the PGPASSWORD variable, or a PostgreSQL service file). Nothing was saved.</source>
        <translation>Prüfen Sie den Benutzernamen in der Adresse des Servers und das Passwort in ~/.pgpass (oder der Variable PGPASSWORD oder einer PostgreSQL-Dienstdatei). Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>No secure connection to the office server</source>
        <translation>Keine sichere Verbindung zum Büro-Server</translation>
    </message>
    <message>
        <source>The server&apos;s encryption (sslmode) did not work out. Ask whoever runs the server. Nothing was saved.</source>
        <translation>Die Verschlüsselung des Servers (sslmode) hat nicht geklappt. Fragen Sie die Person, die den Server betreut. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>No permission</source>
        <translation>Keine Berechtigung</translation>
    </message>
    <message>
        <source>You have no permission to use {path}.</source>
        <translation>Sie haben keine Berechtigung, {path} zu benutzen.</translation>
    </message>
    <message>
        <source>There is no space left on the disk for {path}.</source>
        <translation>Auf dem Datenträger ist kein Platz mehr für {path}.</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>{path} is on a read-only drive.</source>
        <translation>{path} liegt auf einem schreibgeschützten Laufwerk.</translation>
    </message>
    <message>
        <source>{path} does not exist (any more).</source>
        <translation>{path} gibt es nicht (mehr).</translation>
    </message>
</context>
<context>
    <name>locations</name>
    <message>
        <source>{database} on {host}</source>
        <translation>{database} auf {host}</translation>
    </message>
    <message>
        <source>Leave the password out of the server address: put it in ~/.pgpass (or the PGPASSWORD variable, or a PostgreSQL service file).</source>
        <translation>Lassen Sie das Passwort aus der Adresse des Servers weg: Es gehört in ~/.pgpass (oder die Variable PGPASSWORD oder eine PostgreSQL-Dienstdatei).</translation>
    </message>
    <message>
        <source>The server address cannot be read: write it as postgresql://user@host/database (libpq&apos;s parameters after a ?).</source>
        <translation>Die Adresse des Servers ist nicht lesbar: Schreiben Sie sie als postgresql://benutzer@host/datenbank (Parameter von libpq nach einem ?).</translation>
    </message>
    <message>
        <source>No database was given.</source>
        <translation>Es wurde keine Datenbank angegeben.</translation>
    </message>
    <message>
        <source>The sqlite:// address names no file.</source>
        <translation>Die sqlite://-Adresse nennt keine Datei.</translation>
    </message>
    <message>
        <source>Unknown kind of database address: {scheme}://…</source>
        <translation>Unbekannte Art von Datenbankadresse: {scheme}://…</translation>
    </message>
</context>
<context>
    <name>media</name>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>This is not an e-mail: it does not start with mail headers.</source>
        <translation>Das ist keine E-Mail: Sie beginnt nicht mit Kopfzeilen einer Mail.</translation>
    </message>
    <message>
        <source>The file is {size}; e-mails larger than {limit} are not read here. Save its attachments from the mail program and drop them on the media panel instead.</source>
        <translation>Die Datei ist {size} groß; E-Mails über {limit} werden hier nicht gelesen. Speichern Sie die Anhänge aus dem Mailprogramm und legen Sie sie stattdessen bei den Medien ab.</translation>
    </message>
    <message>
        <source>The e-mail has no date that can be read; the time it arrived is used.</source>
        <translation>Die E-Mail hat kein lesbares Datum; es gilt die Zeit, zu der sie ankam.</translation>
    </message>
    <message>
        <source>The e-mail says nowhere when it was sent.</source>
        <translation>Die E-Mail sagt nirgends, wann sie gesendet wurde.</translation>
    </message>
    <message>
        <source>The attachments could not be told apart.</source>
        <translation>Die Anhänge ließen sich nicht auseinanderhalten.</translation>
    </message>
    <message>
        <source>An attachment could not be read.</source>
        <translation>Ein Anhang konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Forwarded e-mail</source>
        <translation>Weitergeleitete E-Mail</translation>
    </message>
    <message>
        <source>Attachment {number}</source>
        <translation>Anhang {number}</translation>
    </message>
    <message>
        <source>{name} ({size}) was left out: attachments larger than {limit} are not taken from e-mails. Save it from the mail program and drop it on the media panel.</source>
        <translation>{name} ({size}) wurde ausgelassen: Anhänge über {limit} werden nicht aus E-Mails übernommen. Speichern Sie ihn aus dem Mailprogramm und legen Sie ihn bei den Medien ab.</translation>
    </message>
    <message>
        <source>{name} cannot be read again.</source>
        <translation>{name} kann nicht noch einmal gelesen werden.</translation>
    </message>
    <message>
        <source>This is an Office document, not an Outlook message.</source>
        <translation>Das ist ein Office-Dokument, keine Outlook-Nachricht.</translation>
    </message>
    <message>
        <source>a contact (save it as a vCard, .vcf, and drop that)</source>
        <translation>ein Kontakt (speichern Sie ihn als vCard, .vcf, und legen Sie diese ab)</translation>
    </message>
    <message>
        <source>a calendar entry</source>
        <translation>ein Kalendereintrag</translation>
    </message>
    <message>
        <source>a task</source>
        <translation>eine Aufgabe</translation>
    </message>
    <message>
        <source>a note</source>
        <translation>eine Notiz</translation>
    </message>
    <message>
        <source>a contact group</source>
        <translation>eine Kontaktgruppe</translation>
    </message>
    <message>
        <source>This Outlook item is {what}, not an e-mail.</source>
        <translation>Dieses Outlook-Element ist {what}, keine E-Mail.</translation>
    </message>
    <message>
        <source>The Outlook file is damaged or incomplete (it may have been cut off while it was copied). Save the message from Outlook again.</source>
        <translation>Die Outlook-Datei ist beschädigt oder unvollständig (vielleicht wurde sie beim Kopieren abgeschnitten). Speichern Sie die Nachricht noch einmal aus Outlook.</translation>
    </message>
    <message>
        <source>The file is {size}; Outlook messages larger than {limit} are not read here. Save its attachments from Outlook and drop them on the media panel instead.</source>
        <translation>Die Datei ist {size} groß; Outlook-Nachrichten über {limit} werden hier nicht gelesen. Speichern Sie die Anhänge aus Outlook und legen Sie sie stattdessen bei den Medien ab.</translation>
    </message>
    <message>
        <source>The message says nowhere when it was sent (a draft?).</source>
        <translation>Die Nachricht sagt nirgends, wann sie gesendet wurde (ein Entwurf?).</translation>
    </message>
    <message>
        <source>The message&apos;s text could not be unpacked.</source>
        <translation>Der Text der Nachricht ließ sich nicht entpacken.</translation>
    </message>
    <message>
        <source>Attached e-mail</source>
        <translation>Angehängte E-Mail</translation>
    </message>
    <message>
        <source>{name} is a link or an embedded object and was left out.</source>
        <translation>{name} ist eine Verknüpfung oder ein eingebettetes Objekt und wurde ausgelassen.</translation>
    </message>
    <message>
        <source>An attachment</source>
        <translation>Ein Anhang</translation>
    </message>
    <message>
        <source>Messages attached deeper than {depth} levels were left out.</source>
        <translation>Nachrichten, die tiefer als {depth} Ebenen angehängt sind, wurden ausgelassen.</translation>
    </message>
    <message>
        <source>The file is too large to be read.</source>
        <translation>Die Datei ist zu groß zum Lesen.</translation>
    </message>
    <message>
        <source>The file could not be read; it may be damaged.</source>
        <translation>Die Datei konnte nicht gelesen werden; vielleicht ist sie beschädigt.</translation>
    </message>
    <message>
        <source>This is not an Outlook message.</source>
        <translation>Das ist keine Outlook-Nachricht.</translation>
    </message>
    <message>
        <source>This is not a vCard file: it holds no contact.</source>
        <translation>Das ist keine vCard-Datei: Sie enthält keinen Kontakt.</translation>
    </message>
    <message>
        <source>This is not a WhatsApp chat export: no line starts with a date and a time.</source>
        <translation>Das ist kein WhatsApp-Chatexport: Keine Zeile beginnt mit Datum und Uhrzeit.</translation>
    </message>
    <message>
        <source>This is not a message file. Drop e-mails (.eml), Outlook messages (.msg), WhatsApp chats (.txt or .zip) or contacts (.vcf).</source>
        <translation>Das ist keine Nachrichtendatei. Legen Sie E-Mails (.eml), Outlook-Nachrichten (.msg), WhatsApp-Chats (.txt oder .zip) oder Kontakte (.vcf) ab.</translation>
    </message>
    <message>
        <source>The file does not exist (any more).</source>
        <translation>Die Datei gibt es nicht (mehr).</translation>
    </message>
    <message>
        <source>This is not a file (a folder, a pipe or a device).</source>
        <translation>Das ist keine Datei (ein Ordner, eine Pipe oder ein Gerät).</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}.</source>
        <translation>Die Datei kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <source>The text says it is in the character set &apos;{charset}&apos;, which is unknown; it was read as UTF-8 or Windows-1252, so some letters may be wrong.</source>
        <translation>Der Text gibt den unbekannten Zeichensatz „{charset}“ an; er wurde als UTF-8 oder Windows-1252 gelesen, daher können einzelne Buchstaben falsch sein.</translation>
    </message>
    <message>
        <source>The text does not fit its character set &apos;{charset}&apos;; some letters may be wrong.</source>
        <translation>Der Text passt nicht zu seinem Zeichensatz „{charset}“; einzelne Buchstaben können falsch sein.</translation>
    </message>
    <message>
        <source>{name} changed or went away after it was read; drop it again.</source>
        <translation>{name} hat sich geändert oder ist verschwunden, nachdem die Datei gelesen wurde; legen Sie sie noch einmal ab.</translation>
    </message>
    <message>
        <source>The file is {size}; contact files larger than {limit} are not read.</source>
        <translation>Die Datei ist {size} groß; Kontaktdateien über {limit} werden nicht gelesen.</translation>
    </message>
    <message>
        <source>Contact {number} of the file could not be read.</source>
        <translation>Kontakt {number} der Datei konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>None of the contacts in the file could be read.</source>
        <translation>Keiner der Kontakte in der Datei konnte gelesen werden.</translation>
    </message>
    <message>
        <source>E-mail: {value}</source>
        <translation>E-Mail: {value}</translation>
    </message>
    <message>
        <source>Phone: {value}</source>
        <translation>Telefon: {value}</translation>
    </message>
    <message>
        <source>Address: {value}</source>
        <translation>Adresse: {value}</translation>
    </message>
    <message>
        <source>The .zip holds no WhatsApp chat (.txt).</source>
        <translation>Die .zip enthält keinen WhatsApp-Chat (.txt).</translation>
    </message>
    <message>
        <source>The .zip is damaged or incomplete; export the chat again.</source>
        <translation>Die .zip ist beschädigt oder unvollständig; exportieren Sie den Chat noch einmal.</translation>
    </message>
    <message>
        <source>The .zip holds more than {count} files.</source>
        <translation>Die .zip enthält mehr als {count} Dateien.</translation>
    </message>
    <message>
        <source>The .zip would unpack to far more than it holds ({size}); it is not opened.</source>
        <translation>Die .zip würde entpackt viel größer, als sie ist ({size}); sie wird nicht geöffnet.</translation>
    </message>
    <message>
        <source>The .zip is protected with a password.</source>
        <translation>Die .zip ist mit einem Passwort geschützt.</translation>
    </message>
    <message>
        <source>The chat is {size}; chats larger than {limit} are not read here.</source>
        <translation>Der Chat ist {size} groß; Chats über {limit} werden hier nicht gelesen.</translation>
    </message>
    <message>
        <source>The chat is empty.</source>
        <translation>Der Chat ist leer.</translation>
    </message>
    <message>
        <source>{count} files named in the chat are not in the export (export the chat with media, as a .zip, to have them).</source>
        <translation>{count} im Chat genannte Dateien sind nicht im Export (exportieren Sie den Chat mit Medien, als .zip, um sie zu haben).</translation>
    </message>
    <message>
        <source>The chat holds no messages, only notices.</source>
        <translation>Der Chat enthält keine Nachrichten, nur Hinweise.</translation>
    </message>
    <message>
        <source>{name} ({size}) is larger than {limit} and was left out.</source>
        <translation>{name} ({size}) ist größer als {limit} und wurde ausgelassen.</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <source>This contains a character that cannot be stored.</source>
        <translation>Das enthält ein Zeichen, das nicht gespeichert werden kann.</translation>
    </message>
    <message>
        <source>This must not be empty.</source>
        <translation>Das darf nicht leer sein.</translation>
    </message>
    <message>
        <source>This is not a date and time (expected ISO-8601, e.g. {example}).</source>
        <translation>Das ist kein Datum mit Uhrzeit (erwartet ist ISO-8601, z. B. {example}).</translation>
    </message>
    <message>
        <source>Each tag must be text.</source>
        <translation>Jedes Schlagwort muss Text sein.</translation>
    </message>
    <message>
        <source>This is not an e-mail address (name@example.com).</source>
        <translation>Das ist keine E-Mail-Adresse (name@example.com).</translation>
    </message>
    <message>
        <source>A phone number holds digits, spaces and + ( ) - / . only.</source>
        <translation>Eine Telefonnummer enthält nur Ziffern, Leerzeichen und + ( ) - / .</translation>
    </message>
    <message>
        <source>A file name or path cannot contain line breaks or tabs.</source>
        <translation>Ein Dateiname oder Pfad darf keine Zeilenumbrüche oder Tabulatoren enthalten.</translation>
    </message>
    <message>
        <source>A Nextcloud path cannot contain &apos;.&apos; or &apos;..&apos; folders.</source>
        <translation>Ein Nextcloud-Pfad darf keine Ordner &apos;.&apos; oder &apos;..&apos; enthalten.</translation>
    </message>
    <message>
        <source>When it happened is required.</source>
        <translation>Wann es war, muss angegeben werden.</translation>
    </message>
    <message>
        <source>A customer needs a name.</source>
        <translation>Ein Kunde braucht einen Namen.</translation>
    </message>
    <message>
        <source>This is required.</source>
        <translation>Das muss angegeben werden.</translation>
    </message>
    <message>
        <source>Choose one of: {choices}.</source>
        <translation>Wählen Sie eines von: {choices}.</translation>
    </message>
    <message>
        <source>This field is not known.</source>
        <translation>Dieses Feld ist unbekannt.</translation>
    </message>
    <message>
        <source>This has the wrong kind of value.</source>
        <translation>Das ist die falsche Art von Wert.</translation>
    </message>
</context>
<context>
    <name>nextcloud</name>
    <message>
        <source>the name is empty</source>
        <translation>der Name ist leer</translation>
    </message>
    <message>
        <source>the name contains characters Nextcloud refuses: {chars}</source>
        <translation>der Name enthält Zeichen, die Nextcloud ablehnt: {chars}</translation>
    </message>
    <message>
        <source>Nextcloud does not allow a file named {name}</source>
        <translation>Nextcloud erlaubt keine Datei namens {name}</translation>
    </message>
    <message>
        <source>the name ends with a space or a dot</source>
        <translation>der Name endet mit einem Leerzeichen oder Punkt</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>der Name ist zu lang</translation>
    </message>
    <message>
        <source>the Nextcloud path is empty</source>
        <translation>der Nextcloud-Pfad ist leer</translation>
    </message>
    <message>
        <source>the Nextcloud path cannot contain &apos;.&apos; or &apos;..&apos; folders</source>
        <translation>der Nextcloud-Pfad darf keine Ordner &apos;.&apos; oder &apos;..&apos; enthalten</translation>
    </message>
    <message>
        <source>in the Nextcloud path, {problem}</source>
        <translation>im Nextcloud-Pfad: {problem}</translation>
    </message>
</context>
<context>
    <name>postgres</name>
    <message>
        <source>the CRM tables are there</source>
        <translation>die CRM-Tabellen sind da</translation>
    </message>
    <message>
        <source>the CRM tables will be created when it is opened</source>
        <translation>die CRM-Tabellen werden beim Öffnen angelegt</translation>
    </message>
    <message>
        <source>Connected to PostgreSQL {version}; {found}.</source>
        <translation>Verbunden mit PostgreSQL {version}; {found}.</translation>
    </message>
</context>
<context>
    <name>service</name>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>message id</source>
        <translation>Nachrichten-ID</translation>
    </message>
    <message>
        <source>author</source>
        <translation>Verfasser</translation>
    </message>
    <message>
        <source>date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>creation date</source>
        <translation>Anlagedatum</translation>
    </message>
    <message>
        <source>change date</source>
        <translation>Änderungsdatum</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Nextcloud folder</source>
        <translation>Nextcloud-Ordner</translation>
    </message>
    <message>
        <source>order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>file name</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>Nextcloud path</source>
        <translation>Nextcloud-Pfad</translation>
    </message>
    <message>
        <source>file type</source>
        <translation>Dateityp</translation>
    </message>
    <message>
        <source>uploaded by</source>
        <translation>hochgeladen von</translation>
    </message>
    <message>
        <source>last contact</source>
        <translation>letzter Kontakt</translation>
    </message>
    <message>
        <source>Some characters of the {field} cannot be read (another program stored bytes that are not text); they show as �.</source>
        <translation>Einige Zeichen im Feld „{field}“ sind nicht lesbar (ein anderes Programm hat Bytes gespeichert, die kein Text sind); sie erscheinen als �.</translation>
    </message>
    <message>
        <source>Unknown {field} {value!r}</source>
        <translation>Unbekannter Wert im Feld „{field}“: {value!r}</translation>
    </message>
    <message>
        <source>The {field} {value!r} is not a date and time</source>
        <translation>Der Wert {value!r} im Feld „{field}“ ist kein Datum mit Uhrzeit</translation>
    </message>
    <message>
        <source>The {field} are not valid JSON</source>
        <translation>Das Feld „{field}“ ist kein gültiges JSON</translation>
    </message>
    <message>
        <source>The {field} are not a list</source>
        <translation>Das Feld „{field}“ ist keine Liste</translation>
    </message>
    <message>
        <source>Some {field} are not text</source>
        <translation>Im Feld „{field}“ ist nicht alles Text</translation>
    </message>
    <message>
        <source>An attachment lacks a filename or a Nextcloud path</source>
        <translation>Einem Anhang fehlt ein Dateiname oder ein Nextcloud-Pfad</translation>
    </message>
    <message>
        <source>There is no such customer.</source>
        <translation>Diesen Kunden gibt es nicht.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>WhatsApp message</source>
        <translation>WhatsApp-Nachricht</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Treffen</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>This database has no search index (it is read-only): search reads the newest entries only.</source>
        <translation>Diese Datenbank hat keinen Suchindex (sie ist schreibgeschützt): Die Suche liest nur die neuesten Einträge.</translation>
    </message>
    <message>
        <source>Preparing search: {percent} % indexed. Until then older entries may be missing from the results.</source>
        <translation>Suche wird vorbereitet: {percent} % indiziert. Bis dahin können ältere Einträge in den Ergebnissen fehlen.</translation>
    </message>
    <message>
        <source>Search is catching up with changes made by other programs.</source>
        <translation>Die Suche holt Änderungen anderer Programme nach.</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <source>crm-desktop: there is no database at {path} ({reason}); nothing was created. Check the path, or make a new database in the app with File &gt; New database.</source>
        <translation>crm-desktop: Unter {path} ist keine Datenbank ({reason}); es wurde nichts angelegt. Prüfen Sie den Pfad, oder legen Sie in der App mit Datei &gt; Neue Datenbank eine neue an.</translation>
    </message>
    <message>
        <source>crm-desktop: {path} cannot be opened: {reason}. Open another database, or see what is wrong with: crm-desktop --check --db {path}</source>
        <translation>crm-desktop: {path} lässt sich nicht öffnen: {reason}. Öffnen Sie eine andere Datenbank, oder sehen Sie nach, was nicht stimmt, mit: crm-desktop --check --db {path}</translation>
    </message>
    <message>
        <source>crm-desktop: {title}: {text}</source>
        <translation>crm-desktop: {title}: {text}</translation>
    </message>
    <message>
        <source>crm-desktop: no graphical display: start CRM Desktop from a desktop session, or use --check / --self-test</source>
        <translation>crm-desktop: keine grafische Anzeige: Starten Sie CRM Desktop aus einer Desktop-Sitzung, oder benutzen Sie --check / --self-test</translation>
    </message>
</context>
<context>
    <name>timefmt</name>
    <message>
        <source>{date} {time}</source>
        <comment>a date, then the time of day</comment>
        <translation>{date} {time}</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>today {time}</source>
        <translation>heute {time}</translation>
    </message>
    <message>
        <source>yesterday {time}</source>
        <translation>gestern {time}</translation>
    </message>
    <message>
        <source>{weekday} {time}</source>
        <comment>a day of this week and a time</comment>
        <translation>{weekday}, {time}</translation>
    </message>
</context>
<context>
    <name>timeline</name>
    <message>
        <source>{name}: {problem}</source>
        <translation>{name}: {problem}</translation>
    </message>
</context>
</TS>
