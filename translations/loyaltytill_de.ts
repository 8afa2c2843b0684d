<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AuditCommand</name>
    <message numerus="yes">
        <source>The audit log is intact: %n entry(s), every one linked to the one before.</source>
        <translation>
            <numerusform>Das Prüfprotokoll ist unversehrt: %n Eintrag, mit dem vorigen verkettet.</numerusform>
            <numerusform>Das Prüfprotokoll ist unversehrt: %n Einträge, jeder mit dem vorigen verkettet.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log was tampered with.</source>
        <translation>Das Prüfprotokoll wurde manipuliert.</translation>
    </message>
    <message>
        <source>Entry:</source>
        <translation>Eintrag:</translation>
    </message>
    <message>
        <source>Recorded:</source>
        <translation>Erfasst:</translation>
    </message>
    <message>
        <source>Staff:</source>
        <translation>Mitarbeiter(in):</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Aktion:</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>Mitglied:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Begründung:</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>Vorher:</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>Nachher:</translation>
    </message>
    <message>
        <source>Previous hash:</source>
        <translation>Vorheriger Hash:</translation>
    </message>
    <message>
        <source>Hash:</source>
        <translation>Hash:</translation>
    </message>
    <message>
        <source>The audit log is empty.</source>
        <translation>Das Prüfprotokoll ist leer.</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Mitarbeiter(in)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message numerus="yes">
        <source>Head office&apos;s copy of the audit log of till %1 is intact: %n entries.</source>
        <translation>
            <numerusform>Die Kopie der Zentrale vom Prüfprotokoll der Kasse %1 ist unversehrt: %n Eintrag.</numerusform>
            <numerusform>Die Kopie der Zentrale vom Prüfprotokoll der Kasse %1 ist unversehrt: %n Einträge.</numerusform>
        </translation>
    </message>
    <message>
        <source>Head office&apos;s copy of the audit log of till %1 was tampered with.</source>
        <translation>Die Kopie der Zentrale vom Prüfprotokoll der Kasse %1 wurde manipuliert.</translation>
    </message>
    <message>
        <source>Edited (the fields no longer give the hash): %1</source>
        <translation>Geändert (die Felder ergeben den Hash nicht mehr): %1</translation>
    </message>
    <message>
        <source>Not linked to the entry before: %1</source>
        <translation>Nicht mit dem vorigen Eintrag verkettet: %1</translation>
    </message>
    <message>
        <source>Two different entries with one number (the till&apos;s log was rewound): %1</source>
        <translation>Zwei verschiedene Einträge mit derselben Nummer (das Protokoll der Kasse wurde zurückgesetzt): %1</translation>
    </message>
    <message numerus="yes">
        <source>%n entries never travel to head office (staff changes, exports) and are checked only at the till with loyalty-ctl audit verify.</source>
        <translation>
            <numerusform>%n Eintrag wird nie an die Zentrale übertragen (Personaländerungen, Exporte) und nur an der Kasse mit loyalty-ctl audit verify geprüft.</numerusform>
            <numerusform>%n Einträge werden nie an die Zentrale übertragen (Personaländerungen, Exporte) und nur an der Kasse mit loyalty-ctl audit verify geprüft.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>The audit log&apos;s head is missing although it has entries; run &quot;loyalty-ctl audit verify&quot;.</source>
        <translation>Der Kopf des Prüfprotokolls fehlt, obwohl es Einträge hat; führen Sie „loyalty-ctl audit verify“ aus.</translation>
    </message>
</context>
<context>
    <name>AuditVerifier</name>
    <message>
        <source>Entry %1 is missing: it was deleted.</source>
        <translation>Eintrag %1 fehlt: Er wurde gelöscht.</translation>
    </message>
    <message>
        <source>Entries %1 to %2 are missing: they were deleted.</source>
        <translation>Die Einträge %1 bis %2 fehlen: Sie wurden gelöscht.</translation>
    </message>
    <message>
        <source>Entry %1 (%2, %3) was changed after it was written: its content no longer matches its hash.</source>
        <translation>Eintrag %1 (%2, %3) wurde nach dem Schreiben geändert: Sein Inhalt passt nicht mehr zu seinem Hash.</translation>
    </message>
    <message>
        <source>Entry %1 (%2, %3) does not follow the entry before it: entries were deleted, inserted or moved there.</source>
        <translation>Eintrag %1 (%2, %3) schließt nicht an den vorigen Eintrag an: Dort wurden Einträge gelöscht, eingefügt oder verschoben.</translation>
    </message>
    <message numerus="yes">
        <source>The record of the log&apos;s last entry is missing although the log has %n entries.</source>
        <translation>
            <numerusform>Der Vermerk zum letzten Eintrag des Protokolls fehlt, obwohl das Protokoll %n Eintrag hat.</numerusform>
            <numerusform>Der Vermerk zum letzten Eintrag des Protokolls fehlt, obwohl das Protokoll %n Einträge hat.</numerusform>
        </translation>
    </message>
    <message>
        <source>Entry %1, the newest, is missing: it was deleted.</source>
        <translation>Eintrag %1, der neueste, fehlt: Er wurde gelöscht.</translation>
    </message>
    <message>
        <source>Entries %1 to %2, the newest, are missing: they were deleted.</source>
        <translation>Die Einträge %1 bis %2, die neuesten, fehlen: Sie wurden gelöscht.</translation>
    </message>
    <message>
        <source>Entry %1 and after were added past the log&apos;s recorded end: they were inserted.</source>
        <translation>Eintrag %1 und die folgenden stehen hinter dem vermerkten Ende des Protokolls: Sie wurden eingefügt.</translation>
    </message>
    <message>
        <source>Entry %1, the newest, is not the one the log recorded as its end: it was replaced.</source>
        <translation>Eintrag %1, der neueste, ist nicht der, den das Protokoll als sein Ende vermerkt hat: Er wurde ersetzt.</translation>
    </message>
</context>
<context>
    <name>BackupCommand</name>
    <message>
        <source>Backup:</source>
        <translation>Sicherung:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Bytes)</translation>
    </message>
    <message>
        <source>Schema version:</source>
        <translation>Schemaversion:</translation>
    </message>
    <message>
        <source>Members:</source>
        <translation>Mitglieder:</translation>
    </message>
    <message>
        <source>The copy passed its integrity check.</source>
        <translation>Die Kopie hat die Integritätsprüfung bestanden.</translation>
    </message>
</context>
<context>
    <name>BalanceCommand</name>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>ersetzt</translation>
    </message>
    <message>
        <source>%1 is not a loyalty card of this till; its cards are 13 digits starting with %2.</source>
        <translation>%1 ist keine Kundenkarte dieser Kasse; ihre Karten haben 13 Ziffern und beginnen mit %2.</translation>
    </message>
    <message>
        <source>No member has the card %1.</source>
        <translation>Kein Mitglied hat die Karte %1.</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>Mitglied:</translation>
    </message>
    <message>
        <source>%1 (member %2)</source>
        <translation>%1 (Mitglied %2)</translation>
    </message>
    <message>
        <source>Card:</source>
        <translation>Karte:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Balance:</source>
        <translation>Punktestand:</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 Punkte</translation>
    </message>
    <message>
        <source>Wallet:</source>
        <translation>Guthaben:</translation>
    </message>
    <message>
        <source>Stamps, %1:</source>
        <translation>Stempel, %1:</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 (kept until %2)</source>
        <translation>%1 (gilt noch bis %2)</translation>
    </message>
    <message>
        <source>Tier:</source>
        <translation>Stufe:</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>Expiring:</source>
        <translation>Verfall:</translation>
    </message>
    <message>
        <source>%1 points on %2</source>
        <translation>%1 Punkte am %2</translation>
    </message>
    <message>
        <source>Card %1 (%2): %3</source>
        <translation>Karte %1 (%2): %3</translation>
    </message>
    <message>
        <source>Member: %1</source>
        <translation>Mitglied: %1</translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation>  %1: %2</translation>
    </message>
    <message>
        <source>Points: %1</source>
        <translation>Punkte: %1</translation>
    </message>
</context>
<context>
    <name>BranchReport</name>
    <message>
        <source>The report period must end after it starts.</source>
        <translation>Der Berichtszeitraum muss nach seinem Beginn enden.</translation>
    </message>
    <message>
        <source>Points as money off</source>
        <translation>Punkte als Rabatt</translation>
    </message>
    <message>
        <source>%1 (full card)</source>
        <translation>%1 (volle Karte)</translation>
    </message>
</context>
<context>
    <name>CardCommand</name>
    <message>
        <source>Digital card %1 is revoked (%2); every till refuses it from its next sync on.</source>
        <translation>Die digitale Kundenkarte %1 ist gesperrt (%2); jede Kasse weist sie ab ihrem nächsten Abgleich ab.</translation>
    </message>
    <message>
        <source>Digital card %1 was revoked before, at %2 (%3); nothing was changed.</source>
        <translation>Die digitale Kundenkarte %1 wurde schon am %2 gesperrt (%3); nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>CardKeyCommand</name>
    <message>
        <source>Digital card key %1 vouches for the digital cards issued from %2 (UTC).</source>
        <translation>Der Schlüssel %1 für digitale Kundenkarten bürgt für die digitalen Kundenkarten, die ab %2 (UTC) ausgestellt wurden.</translation>
    </message>
    <message>
        <source>Digital card key %1 vouches for the digital cards issued from %2 up to, but not including, %3 (UTC).</source>
        <translation>Der Schlüssel %1 für digitale Kundenkarten bürgt für die digitalen Kundenkarten, die ab %2 und vor %3 (UTC) ausgestellt wurden.</translation>
    </message>
    <message>
        <source>Every till receives it at its next sync.</source>
        <translation>Jede Kasse erhält ihn bei ihrem nächsten Abgleich.</translation>
    </message>
    <message>
        <source>It was published with exactly this content before; nothing was changed.</source>
        <translation>Er wurde schon mit genau diesem Inhalt veröffentlicht; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Digital card key %1 is retired: digital cards it signed with an issue time from %2 (UTC) on are refused; older ones stay valid.</source>
        <translation>Der Schlüssel %1 für digitale Kundenkarten ist ausgemustert: von ihm signierte digitale Kundenkarten, die ab %2 (UTC) ausgestellt wurden, werden abgewiesen; ältere bleiben gültig.</translation>
    </message>
    <message>
        <source>It was retired at exactly this day before; nothing was changed.</source>
        <translation>Er wurde schon zu genau diesem Tag ausgemustert; nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>CardLifecycle</name>
    <message>
        <source>There is no card •••• %1 on this till.</source>
        <translation>Auf dieser Kasse gibt es keine Karte •••• %1.</translation>
    </message>
    <message>
        <source>There is no member %1.</source>
        <translation>Es gibt kein Mitglied %1.</translation>
    </message>
    <message>
        <source>Card •••• %1 is not active, so it cannot be blocked.</source>
        <translation>Karte •••• %1 ist nicht aktiv und kann daher nicht gesperrt werden.</translation>
    </message>
    <message>
        <source>Card •••• %1 was already replaced.</source>
        <translation>Karte •••• %1 wurde bereits ersetzt.</translation>
    </message>
</context>
<context>
    <name>CardNumberRules</name>
    <message>
        <source>That is not a loyalty card of this shop. Scan the barcode on the new card.</source>
        <translation>Das ist keine Kundenkarte dieses Geschäfts. Scannen Sie den Barcode auf der neuen Karte.</translation>
    </message>
    <message>
        <source>The check digit does not match, so the code was misread. Scan again or type it carefully.</source>
        <translation>Die Prüfziffer stimmt nicht, der Code wurde falsch gelesen. Erneut scannen oder sorgfältig eintippen.</translation>
    </message>
    <message>
        <source>Card •••• %1 already belongs to a member. Take a new card from the stack.</source>
        <translation>Karte •••• %1 gehört bereits einem Mitglied. Nehmen Sie eine neue Karte vom Stapel.</translation>
    </message>
</context>
<context>
    <name>CardStateText</name>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>ersetzt</translation>
    </message>
</context>
<context>
    <name>CardTrustList</name>
    <message>
        <source>There is no digital card key %1 in the trust list.</source>
        <translation>In der Vertrauensliste gibt es keinen Schlüssel %1 für digitale Karten.</translation>
    </message>
    <message>
        <source>A digital card key needs a 32-byte public key and a start date.</source>
        <translation>Ein Schlüssel für digitale Karten braucht einen öffentlichen Schlüssel mit 32 Bytes und ein Anfangsdatum.</translation>
    </message>
    <message>
        <source>Digital card key %1 is already in the trust list.</source>
        <translation>Der Schlüssel %1 für digitale Karten steht bereits in der Vertrauensliste.</translation>
    </message>
    <message>
        <source>Retiring a digital card key needs a date.</source>
        <translation>Zum Stilllegen eines Schlüssels für digitale Karten ist ein Datum nötig.</translation>
    </message>
</context>
<context>
    <name>CatalogueChangeApplier</name>
    <message>
        <source>is not a valid EAN</source>
        <translation>ist keine gültige EAN</translation>
    </message>
    <message>
        <source>is negative</source>
        <translation>ist negativ</translation>
    </message>
    <message>
        <source>is not a three-letter currency code</source>
        <translation>ist kein dreistelliger Währungscode</translation>
    </message>
    <message>
        <source>is not between 0 and 65535</source>
        <translation>liegt nicht zwischen 0 und 65535</translation>
    </message>
    <message>
        <source>is not a base64 Ed25519 public key</source>
        <translation>ist kein öffentlicher Ed25519-Schlüssel in Base64</translation>
    </message>
</context>
<context>
    <name>CertCommand</name>
    <message>
        <source>cert does not know the option %1.</source>
        <translation>cert kennt die Option %1 nicht.</translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 braucht einen Wert.</translation>
    </message>
    <message>
        <source>Usage: loyalty-hq cert --out DIR [--host NAME]... [--json]</source>
        <translation>Aufruf: loyalty-hq cert --out ORDNER [--host NAME]... [--json]</translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation>Zertifikat:  %1</translation>
    </message>
    <message>
        <source>Key:         %1 (keep it secret; mode 0600)</source>
        <translation>Schlüssel:   %1 (geheim halten; Modus 0600)</translation>
    </message>
    <message>
        <source>Pin:         %1</source>
        <translation>Pin:         %1</translation>
    </message>
    <message>
        <source>Serve with:  loyalty-hq serve --listen HOST:PORT --cert %1 --key %2</source>
        <translation>Starten mit: loyalty-hq serve --listen HOST:PORT --cert %1 --key %2</translation>
    </message>
    <message>
        <source>Provision a till with --pin %1 (or --ca %2).</source>
        <translation>Kassen mit --pin %1 (oder --ca %2) einrichten.</translation>
    </message>
</context>
<context>
    <name>ChangeApplier</name>
    <message>
        <source>is missing or not an object</source>
        <translation>fehlt oder ist kein Objekt</translation>
    </message>
    <message>
        <source>is not a kind of change this till knows</source>
        <translation>ist keine Art von Änderung, die diese Kasse kennt</translation>
    </message>
</context>
<context>
    <name>ChangeFields</name>
    <message>
        <source>Change %1 (%2) from head office: %3 %4. Nothing of the page was applied.</source>
        <translation>Änderung %1 (%2) der Zentrale: %3 %4. Von dieser Seite wurde nichts übernommen.</translation>
    </message>
    <message>
        <source>is missing or not a text</source>
        <translation>fehlt oder ist kein Text</translation>
    </message>
    <message>
        <source>is missing or not a whole number</source>
        <translation>fehlt oder ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>is missing or not true or false</source>
        <translation>fehlt oder ist weder true noch false</translation>
    </message>
    <message>
        <source>is missing or not a time</source>
        <translation>fehlt oder ist keine Zeitangabe</translation>
    </message>
    <message>
        <source>is not a day (yyyy-mm-dd)</source>
        <translation>ist kein Datum (yyyy-mm-dd)</translation>
    </message>
</context>
<context>
    <name>CheckCommand</name>
    <message>
        <source>Sales:</source>
        <translation>Verkäufe:</translation>
    </message>
    <message>
        <source>Ledger entries:</source>
        <translation>Punktebuchungen:</translation>
    </message>
    <message>
        <source>Outbox events:</source>
        <translation>Ereignisse im Ausgang:</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found:</source>
        <translation>
            <numerusform>%n Problem gefunden:</numerusform>
            <numerusform>%n Probleme gefunden:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictsCommand</name>
    <message>
        <source>Overdraft: %1 (%2) %3 at %4 after event %5 of till %6</source>
        <translation>Überziehung: %1 (%2) %3 auf %4 nach Ereignis %5 von Kasse %6</translation>
    </message>
    <message>
        <source>Coupon %1 used twice: won by till %2 at %3; also used by till %4 at %5 (event %6)</source>
        <translation>Gutschein %1 doppelt eingelöst: gewertet für Kasse %2 am %3; zusätzlich eingelöst an Kasse %4 am %5 (Ereignis %6)</translation>
    </message>
    <message>
        <source>No overdrafts and no coupon conflicts.</source>
        <translation>Keine Überziehungen und keine Gutscheinkonflikte.</translation>
    </message>
</context>
<context>
    <name>ConsentRecorder</name>
    <message>
        <source>The consent purpose must be a short word of lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Der Zweck der Einwilligung muss ein kurzes Wort aus Kleinbuchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos; sein.</translation>
    </message>
    <message>
        <source>The consent text needs a version of at most %1 characters.</source>
        <translation>Der Einwilligungstext braucht eine Version mit höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>There is no member %1 on this till.</source>
        <translation>An dieser Kasse gibt es kein Mitglied %1.</translation>
    </message>
    <message>
        <source>Member %1 was erased on request; nobody can give consent for them any more.</source>
        <translation>Mitglied %1 wurde auf Wunsch gelöscht; für dieses Mitglied kann niemand mehr eine Einwilligung erteilen.</translation>
    </message>
</context>
<context>
    <name>ConsentText</name>
    <message>
        <source>I want to join the loyalty programme. The shop stores my name, the contact details I give and my purchases with the card to credit points and rewards, and keeps them until I leave the programme. I can ask for a copy of my data, have it corrected or erased, and withdraw this consent at any time at the till.</source>
        <translation>Ich möchte am Kundenprogramm teilnehmen. Das Geschäft speichert meinen Namen, die von mir angegebenen Kontaktdaten und meine Einkäufe mit der Karte, um Punkte und Prämien gutzuschreiben, und bewahrt sie auf, bis ich das Programm verlasse. Ich kann jederzeit an der Kasse eine Kopie meiner Daten verlangen, sie berichtigen oder löschen lassen und diese Einwilligung widerrufen.</translation>
    </message>
</context>
<context>
    <name>ConsistencyCheck</name>
    <message numerus="yes">
        <source>%n sale(s) without lines: %1</source>
        <translation>
            <numerusform>%n Verkauf ohne Positionen: %1</numerusform>
            <numerusform>%n Verkäufe ohne Positionen: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s) whose total differs from their lines: %1</source>
        <translation>
            <numerusform>%n Verkauf, dessen Summe nicht zu den Positionen passt: %1</numerusform>
            <numerusform>%n Verkäufe, deren Summe nicht zu den Positionen passt: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s) without their outbox event: %1</source>
        <translation>
            <numerusform>%n Verkauf ohne sein Ereignis im Ausgang: %1</numerusform>
            <numerusform>%n Verkäufe ohne ihr Ereignis im Ausgang: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s) whose ledger entries differ from the points they earned: %1</source>
        <translation>
            <numerusform>%n Verkauf, dessen Punktebuchungen nicht zu den gutgeschriebenen Punkten passen: %1</numerusform>
            <numerusform>%n Verkäufe, deren Punktebuchungen nicht zu den gutgeschriebenen Punkten passen: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ledger entries booked to a member other than the sale&apos;s: %1</source>
        <translation>
            <numerusform>%n Punktebuchung auf ein anderes Mitglied als das des Verkaufs: %1</numerusform>
            <numerusform>%n Punktebuchungen auf ein anderes Mitglied als das des Verkaufs: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) with a negative balance: %1</source>
        <translation>
            <numerusform>%n Mitglied mit negativem Punktestand: %1</numerusform>
            <numerusform>%n Mitglieder mit negativem Punktestand: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outbox event(s) after a gap in the sequence: %1</source>
        <translation>
            <numerusform>%n Ereignis im Ausgang nach einer Lücke in der Folgenummer: %1</numerusform>
            <numerusform>%n Ereignisse im Ausgang nach einer Lücke in der Folgenummer: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ledger entries from head office booked to a sale of this till: %1</source>
        <translation>
            <numerusform>%n Punktebuchung der Zentrale auf einen Verkauf dieser Kasse: %1</numerusform>
            <numerusform>%n Punktebuchungen der Zentrale auf einen Verkauf dieser Kasse: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s) of this till also recorded as another till&apos;s: %1</source>
        <translation>
            <numerusform>%n Verkauf dieser Kasse, der auch als Verkauf einer anderen Kasse erfasst ist: %1</numerusform>
            <numerusform>%n Verkäufe dieser Kasse, die auch als Verkäufe einer anderen Kasse erfasst sind: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected outbox event(s) without a reason: %1</source>
        <translation>
            <numerusform>%n abgewiesenes Ereignis im Ausgang ohne Grund: %1</numerusform>
            <numerusform>%n abgewiesene Ereignisse im Ausgang ohne Grund: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corrections</name>
    <message>
        <source>Give a reason for the correction; it goes into the audit log.</source>
        <translation>Geben Sie eine Begründung für die Korrektur an; sie wird im Prüfprotokoll vermerkt.</translation>
    </message>
    <message>
        <source>The reason is %1 characters long; keep it to %2.</source>
        <translation>Die Begründung ist %1 Zeichen lang; höchstens %2 sind erlaubt.</translation>
    </message>
    <message>
        <source>There is no member %1 on this till.</source>
        <translation>An dieser Kasse gibt es kein Mitglied %1.</translation>
    </message>
    <message>
        <source>Member %1 was erased on request; their accounts cannot be changed.</source>
        <translation>Mitglied %1 wurde auf Wunsch gelöscht; seine Konten können nicht mehr geändert werden.</translation>
    </message>
    <message>
        <source>Member %1 was merged into member %2; correct member %2 instead.</source>
        <translation>Mitglied %1 wurde mit Mitglied %2 zusammengeführt; korrigieren Sie stattdessen Mitglied %2.</translation>
    </message>
    <message>
        <source>Enter the points to add or take away; zero changes nothing.</source>
        <translation>Geben Sie die Punkte ein, die gutgeschrieben oder abgezogen werden; null ändert nichts.</translation>
    </message>
    <message>
        <source>Enter the amount to add to or take from the wallet; zero changes nothing.</source>
        <translation>Geben Sie den Betrag ein, der dem Guthaben gutgeschrieben oder abgezogen wird; null ändert nichts.</translation>
    </message>
    <message numerus="yes">
        <source>Member %1 has %Ln point(s); taking %2 would leave a negative balance.</source>
        <translation>
            <numerusform>Mitglied %1 hat %Ln Punkt; %2 abzuziehen ergäbe einen negativen Punktestand.</numerusform>
            <numerusform>Mitglied %1 hat %Ln Punkte; %2 abzuziehen ergäbe einen negativen Punktestand.</numerusform>
        </translation>
    </message>
    <message>
        <source>Member %1 has %2 in the wallet; taking %3 would leave it negative.</source>
        <translation>Mitglied %1 hat %2 Guthaben; %3 abzuziehen ergäbe ein negatives Guthaben.</translation>
    </message>
    <message>
        <source>Correction by %1: %2</source>
        <translation>Korrektur durch %1: %2</translation>
    </message>
    <message>
        <source>A member cannot be merged into themselves.</source>
        <translation>Ein Mitglied kann nicht mit sich selbst zusammengeführt werden.</translation>
    </message>
    <message>
        <source>Moved to member %1 (accounts merged)</source>
        <translation>Übertragen auf Mitglied %1 (Konten zusammengeführt)</translation>
    </message>
    <message>
        <source>Moved from member %1 (accounts merged)</source>
        <translation>Übertragen von Mitglied %1 (Konten zusammengeführt)</translation>
    </message>
    <message>
        <source>Merging would leave member %1 with a negative %2 balance; nothing was changed.</source>
        <translation>Das Zusammenführen ergäbe bei Mitglied %1 einen negativen Stand bei %2; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Member %1 was changed meanwhile; nothing was merged.</source>
        <translation>Mitglied %1 wurde inzwischen geändert; es wurde nichts zusammengeführt.</translation>
    </message>
    <message>
        <source>There is no card %1 on this till.</source>
        <translation>An dieser Kasse gibt es keine Karte %1.</translation>
    </message>
    <message>
        <source>Card %1 is not blocked.</source>
        <translation>Karte %1 ist nicht gesperrt.</translation>
    </message>
    <message>
        <source>Card %1 was replaced; it cannot be used again.</source>
        <translation>Karte %1 wurde ersetzt; sie kann nicht wieder verwendet werden.</translation>
    </message>
</context>
<context>
    <name>CtlBasketBuilder</name>
    <message>
        <source>%1 is not a loyalty card; give products with --line.</source>
        <translation>%1 ist keine Kundenkarte; Artikel mit --line angeben.</translation>
    </message>
    <message>
        <source>%1 is a loyalty card; give it with --card.</source>
        <translation>%1 ist eine Kundenkarte; mit --card angeben.</translation>
    </message>
    <message>
        <source>A --line is empty.</source>
        <translation>Ein --line ist leer.</translation>
    </message>
    <message>
        <source>A basket takes at most %1 of one product; nothing was sold or quoted.</source>
        <translation>Ein Warenkorb nimmt höchstens %1 von einem Artikel; es wurde nichts verkauft oder berechnet.</translation>
    </message>
</context>
<context>
    <name>CtlCommandLine</name>
    <message>
        <source>The till database (default: %1 in the current folder).</source>
        <translation>Die Kassendatenbank (Standard: %1 im aktuellen Ordner).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Print the result as one JSON document.</source>
        <translation>Das Ergebnis als ein JSON-Dokument ausgeben.</translation>
    </message>
    <message>
        <source>demo: how many members to create.</source>
        <translation>demo: wie viele Mitglieder angelegt werden.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>sales: how many of the most recent sales to list (default: %1).</source>
        <translation>sales: wie viele der letzten Verkäufe aufgelistet werden (Standard: %1).</translation>
    </message>
    <message>
        <source>sale: the member&apos;s loyalty card (leave out for a sale without member).</source>
        <translation>sale: die Kundenkarte des Mitglieds (weglassen für einen Verkauf ohne Mitglied).</translation>
    </message>
    <message>
        <source>card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>ean[:quantity]</source>
        <translation>ean[:menge]</translation>
    </message>
    <message>
        <source>Administers a Loyalty Till database from the command line.</source>
        <translation>Verwaltet eine Loyalty-Till-Datenbank über die Kommandozeile.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>  demo --members N          fill a new, empty database with reproducible demo data</source>
        <translation>  demo --members N          eine neue, leere Datenbank mit reproduzierbaren Demodaten füllen</translation>
    </message>
    <message>
        <source>  members [--limit N]       list members and their cards</source>
        <translation>  members [--limit N]       Mitglieder und ihre Karten auflisten</translation>
    </message>
    <message>
        <source>  products [--limit N]      list the product catalogue</source>
        <translation>  products [--limit N]      das Sortiment auflisten</translation>
    </message>
    <message>
        <source>  balance CARD              show a card&apos;s member and points balance</source>
        <translation>  balance KARTE             Mitglied und Punktestand einer Karte zeigen</translation>
    </message>
    <message>
        <source>  sales [--last N]          list the most recent sales</source>
        <translation>  sales [--last N]          die letzten Verkäufe auflisten</translation>
    </message>
    <message>
        <source>  check                     check the database&apos;s integrity and invariants</source>
        <translation>  check                     Integrität und Invarianten der Datenbank prüfen</translation>
    </message>
    <message>
        <source>With --json a successful command prints one JSON document on standard output;</source>
        <translation>Mit --json gibt ein erfolgreicher Befehl ein JSON-Dokument auf der Standardausgabe aus;</translation>
    </message>
    <message>
        <source>amounts are whole minor units (cents) with their currency. Errors always go to</source>
        <translation>Beträge sind ganze Untereinheiten (Cent) mit ihrer Währung. Fehler gehen immer als</translation>
    </message>
    <message>
        <source>standard error as one line of plain text, with or without --json.</source>
        <translation>eine Zeile Klartext auf die Standardfehlerausgabe, mit oder ohne --json.</translation>
    </message>
    <message>
        <source>Exit codes:</source>
        <translation>Exit-Codes:</translation>
    </message>
    <message>
        <source>  0  success</source>
        <translation>  0  Erfolg</translation>
    </message>
    <message>
        <source>  1  usage error: unknown command or option, missing or malformed argument</source>
        <translation>  1  Bedienfehler: unbekannter Befehl oder Option, fehlendes oder fehlerhaftes Argument</translation>
    </message>
    <message>
        <source>  3  check found problems</source>
        <translation>  3  check hat Probleme gefunden</translation>
    </message>
    <message>
        <source>  5  storage error: disk full, damaged database, database newer than this program</source>
        <translation>  5  Speicherfehler: Datenträger voll, Datenbank beschädigt, Datenbank neuer als dieses Programm</translation>
    </message>
    <message>
        <source>Run &quot;loyalty-ctl --help&quot; to see the commands and options.</source>
        <translation>„loyalty-ctl --help“ zeigt die Befehle und Optionen.</translation>
    </message>
    <message>
        <source>--db needs the path of the till database.</source>
        <translation>--db braucht den Pfad der Kassendatenbank.</translation>
    </message>
    <message>
        <source>No command given. Run &quot;loyalty-ctl --help&quot; to see the commands.</source>
        <translation>Kein Befehl angegeben. „loyalty-ctl --help“ zeigt die Befehle.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Run &quot;loyalty-ctl --help&quot; to see the commands.</source>
        <translation>Unbekannter Befehl „%1“. „loyalty-ctl --help“ zeigt die Befehle.</translation>
    </message>
    <message>
        <source>balance needs the card number, e.g. &quot;loyalty-ctl balance 2000000123455&quot;.</source>
        <translation>balance braucht die Kartennummer, z. B. „loyalty-ctl balance 2000000123455“.</translation>
    </message>
    <message>
        <source>The command %1 does not take the argument &quot;%2&quot;.</source>
        <translation>Der Befehl %1 nimmt das Argument „%2“ nicht an.</translation>
    </message>
    <message>
        <source>The option --%1 does not apply to the command %2.</source>
        <translation>Die Option --%1 gilt nicht für den Befehl %2.</translation>
    </message>
    <message>
        <source>demo needs --members N: how many demo members to create.</source>
        <translation>demo braucht --members N: wie viele Demo-Mitglieder angelegt werden.</translation>
    </message>
    <message>
        <source>--members needs a whole number from 0 to %1, not &quot;%2&quot;.</source>
        <translation>--members braucht eine ganze Zahl von 0 bis %1, nicht „%2“.</translation>
    </message>
    <message>
        <source>--%1 needs a whole number of at least 1, not &quot;%2&quot;.</source>
        <translation>--%1 braucht eine ganze Zahl ab 1, nicht „%2“.</translation>
    </message>
    <message>
        <source>--card needs the number of the member&apos;s card.</source>
        <translation>--card braucht die Nummer der Karte des Mitglieds.</translation>
    </message>
    <message>
        <source>A sale needs at least one --line EAN[:QUANTITY].</source>
        <translation>Ein Verkauf braucht mindestens ein --line EAN[:MENGE].</translation>
    </message>
    <message>
        <source>--line needs EAN or EAN:QUANTITY with a quantity from 1 to %1, not &quot;%2&quot;.</source>
        <translation>--line braucht EAN oder EAN:MENGE mit einer Menge von 1 bis %1, nicht „%2“.</translation>
    </message>
    <message>
        <source>  4  refused: wrong check digit, not a barcode, blocked card, payment card; demo data</source>
        <translation>  4  abgelehnt: falsche Prüfziffer, kein Barcode, gesperrte Karte, Zahlungskarte; Demodaten</translation>
    </message>
    <message>
        <source>  decode                    decode one scan from standard input (at most 64 KiB)</source>
        <translation>  decode                    einen Scan von der Standardeingabe dekodieren (höchstens 64 KiB)</translation>
    </message>
    <message>
        <source>                            exactly as the till does. The card prefix comes from</source>
        <translation>                            genau wie die Kasse. Das Kartenpräfix kommt aus</translation>
    </message>
    <message>
        <source>                            --db; without --db and without %1</source>
        <translation>                            --db; ohne --db und ohne %1</translation>
    </message>
    <message>
        <source>                            in the current folder, a new till&apos;s defaults are used.</source>
        <translation>                            im aktuellen Ordner gelten die Voreinstellungen einer neuen Kasse.</translation>
    </message>
    <message>
        <source>                            A refusal prints its class (e.g. payment_card) on</source>
        <translation>                            Eine Ablehnung gibt ihre Klasse (z. B. payment_card) auf der</translation>
    </message>
    <message>
        <source>                            standard error, never the input, and exits with 4.</source>
        <translation>                            Standardfehlerausgabe aus, nie die Eingabe, und endet mit 4.</translation>
    </message>
    <message>
        <source>quote, sale, return: a product and optionally its quantity; repeat for every line.</source>
        <translation>quote, sale, return: ein Artikel und optional seine Menge; für jede Position wiederholen.</translation>
    </message>
    <message>
        <source>quote, sale, expire: the till&apos;s local time to evaluate at, e.g. 2026-12-24T17:30 (default: now).</source>
        <translation>quote, sale, expire: die Ortszeit der Kasse, zu der ausgewertet wird, z. B. 2026-12-24T17:30 (Standard: jetzt).</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>quote, sale: a coupon code; repeat for several.</source>
        <translation>quote, sale: ein Gutscheincode; für mehrere wiederholen.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>quote, sale: points the member wants to redeem.</source>
        <translation>quote, sale: Punkte, die das Mitglied einlösen möchte.</translation>
    </message>
    <message>
        <source>points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>quote, sale: a reward of the programme to redeem; repeat for several.</source>
        <translation>quote, sale: eine Prämie des Programms zum Einlösen; für mehrere wiederholen.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>quote, sale: wallet amount to spend, in minor units (cents).</source>
        <translation>quote, sale: Betrag aus dem Guthaben, in Untereinheiten (Cent).</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>Cent</translation>
    </message>
    <message>
        <source>return, feedback: the sale&apos;s number or UUID.</source>
        <translation>return, feedback: Nummer oder UUID des Verkaufs.</translation>
    </message>
    <message>
        <source>sale</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>command [argument]</source>
        <translation>befehl [argument]</translation>
    </message>
    <message>
        <source>  quote [--card CARD] --line EAN[:QUANTITY]... [--at TIME] [--coupon CODE]...</source>
        <translation>  quote [--card KARTE] --line EAN[:MENGE]... [--at ZEIT] [--coupon CODE]...</translation>
    </message>
    <message>
        <source>        [--redeem POINTS] [--reward ID]... [--wallet MINOR]</source>
        <translation>        [--redeem PUNKTE] [--reward ID]... [--wallet CENT]</translation>
    </message>
    <message>
        <source>                            show what the programme would give for a basket;</source>
        <translation>                            zeigen, was das Programm für einen Warenkorb gäbe;</translation>
    </message>
    <message>
        <source>                            writes nothing</source>
        <translation>                            schreibt nichts</translation>
    </message>
    <message>
        <source>  sale [--card CARD] --line EAN[:QUANTITY]... [the options of quote]</source>
        <translation>  sale [--card KARTE] --line EAN[:MENGE]... [die Optionen von quote]</translation>
    </message>
    <message>
        <source>                            complete a sale exactly as the till does; with --at</source>
        <translation>                            einen Verkauf genau wie die Kasse abschließen; mit --at</translation>
    </message>
    <message>
        <source>                            it is evaluated and recorded at that time</source>
        <translation>                            wird er zu dieser Zeit ausgewertet und gebucht</translation>
    </message>
    <message>
        <source>  return --sale SALE --line EAN[:QUANTITY]...</source>
        <translation>  return --sale VERKAUF --line EAN[:MENGE]...</translation>
    </message>
    <message>
        <source>                            take items of a sale back: refund and reversed points</source>
        <translation>                            Artikel eines Verkaufs zurücknehmen: Erstattung und zurückgebuchte Punkte</translation>
    </message>
    <message>
        <source>  expire [--at TIME]        book the expiry of points whose day has come</source>
        <translation>  expire [--at ZEIT]        den Verfall fällig gewordener Punkte buchen</translation>
    </message>
    <message>
        <source>  feedback --sale SALE      give the sale&apos;s member the points for answered feedback</source>
        <translation>  feedback --sale VERKAUF   dem Mitglied des Verkaufs die Punkte für beantwortetes Feedback geben</translation>
    </message>
    <message>
        <source>                            (once per sale)</source>
        <translation>                            (einmal pro Verkauf)</translation>
    </message>
    <message>
        <source>  programme load FILE       validate a programme document and make it the active one</source>
        <translation>  programme load DATEI      ein Programmdokument prüfen und zum aktiven machen</translation>
    </message>
    <message>
        <source>  programme show            show the active programme and its rules</source>
        <translation>  programme show            das aktive Programm und seine Regeln zeigen</translation>
    </message>
    <message>
        <source>  2  not found: no database at --db (only demo creates one), unknown card, product,</source>
        <translation>  2  nicht gefunden: keine Datenbank unter --db (nur demo legt eine an), unbekannte Karte, Artikel,</translation>
    </message>
    <message>
        <source>     sale or programme file</source>
        <translation>     Verkauf oder Programmdatei</translation>
    </message>
    <message>
        <source>     into a database that is not empty; an invalid or not newer programme; a return of</source>
        <translation>     in eine Datenbank, die nicht leer ist; ein ungültiges oder nicht neueres Programm; eine Rückgabe von</translation>
    </message>
    <message>
        <source>     more than was sold; feedback booked before</source>
        <translation>     mehr als verkauft; bereits gebuchtes Feedback</translation>
    </message>
    <message>
        <source>programme needs an action: &quot;programme load FILE&quot; or &quot;programme show&quot;.</source>
        <translation>programme braucht eine Aktion: „programme load DATEI“ oder „programme show“.</translation>
    </message>
    <message>
        <source>programme load needs the programme file, e.g. &quot;loyalty-ctl programme load spring.json&quot;.</source>
        <translation>programme load braucht die Programmdatei, z. B. „loyalty-ctl programme load spring.json“.</translation>
    </message>
    <message>
        <source>A return needs at least one --line EAN[:QUANTITY].</source>
        <translation>Eine Rückgabe braucht mindestens ein --line EAN[:MENGE].</translation>
    </message>
    <message>
        <source>A quote needs at least one --line EAN[:QUANTITY].</source>
        <translation>Eine Probeberechnung braucht mindestens ein --line EAN[:MENGE].</translation>
    </message>
    <message>
        <source>--at needs the till&apos;s local time as YYYY-MM-DDTHH:MM[:SS], e.g. 2026-12-24T17:30, not &quot;%1&quot;.</source>
        <translation>--at braucht die Ortszeit der Kasse als YYYY-MM-DDTHH:MM[:SS], z. B. 2026-12-24T17:30, nicht „%1“.</translation>
    </message>
    <message>
        <source>--coupon needs the coupon&apos;s code.</source>
        <translation>--coupon braucht den Code des Gutscheins.</translation>
    </message>
    <message>
        <source>--reward needs the id of one of the programme&apos;s rewards.</source>
        <translation>--reward braucht die ID einer Prämie des Programms.</translation>
    </message>
    <message>
        <source>--%1 needs a whole number from 1 to %2, not &quot;%3&quot;.</source>
        <translation>--%1 braucht eine ganze Zahl von 1 bis %2, nicht „%3“.</translation>
    </message>
    <message>
        <source>%1 needs --sale with the sale&apos;s number or UUID, as &quot;loyalty-ctl sales&quot; lists them.</source>
        <translation>%1 braucht --sale mit der Nummer oder UUID des Verkaufs, wie „loyalty-ctl sales“ sie auflistet.</translation>
    </message>
    <message>
        <source>provision: head office&apos;s address, e.g. https://hq.example:8443.</source>
        <translation>provision: die Adresse der Zentrale, z. B. https://hq.example:8443.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>provision: the one-time code from &quot;loyalty-hq terminal add&quot;.</source>
        <translation>provision: der Einmalcode aus „loyalty-hq terminal add“.</translation>
    </message>
    <message>
        <source>provision: verify head office&apos;s certificate against the CA certificates in this PEM file.</source>
        <translation>provision: das Zertifikat der Zentrale gegen die CA-Zertifikate in dieser PEM-Datei prüfen.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>provision: trust only the server key with this pin (sha256/BASE64, as &quot;loyalty-hq cert&quot; prints it).</source>
        <translation>provision: nur dem Serverschlüssel mit diesem Pin vertrauen (sha256/BASE64, wie „loyalty-hq cert“ ihn ausgibt).</translation>
    </message>
    <message>
        <source>pin</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>provision: allow plain http to head office on this machine (development and tests only).</source>
        <translation>provision: unverschlüsseltes http zur Zentrale auf diesem Rechner erlauben (nur für Entwicklung und Tests).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>provision, sync: seconds to wait for head office before giving up (default: %1).</source>
        <translation>provision, sync: wie viele Sekunden auf die Zentrale gewartet wird, bevor abgebrochen wird (Standard: %1).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>For tests: run the till&apos;s clock this many seconds ahead (negative: behind), for sales&apos; times and head-office requests alike.</source>
        <translation>Für Tests: die Uhr der Kasse so viele Sekunden vorstellen (negativ: zurückstellen), für Verkaufszeiten und Anfragen an die Zentrale gleichermaßen.</translation>
    </message>
    <message>
        <source>  provision --hq URL --code CODE [--ca FILE | --pin sha256/BASE64]</source>
        <translation>  provision --hq URL --code CODE [--ca DATEI | --pin sha256/BASE64]</translation>
    </message>
    <message>
        <source>        [--allow-plain-loopback] [--name NAME] [--timeout SECONDS]</source>
        <translation>        [--allow-plain-loopback] [--name NAME] [--timeout SEKUNDEN]</translation>
    </message>
    <message>
        <source>                            connect the till to head office and pull the full</source>
        <translation>                            die Kasse mit der Zentrale verbinden und den gesamten</translation>
    </message>
    <message>
        <source>                            snapshot, with progress on standard error; run it</source>
        <translation>                            Datenbestand laden (Fortschritt auf der Standardfehlerausgabe);</translation>
    </message>
    <message>
        <source>                            again after a cut to continue (the code is used once)</source>
        <translation>                            nach Abbruch zum Fortsetzen erneut ausführen (der Code gilt nur einmal)</translation>
    </message>
    <message>
        <source>  sync [--timeout SECONDS]  one exchange with head office now: push the outbox,</source>
        <translation>  sync [--timeout SEKUNDEN] jetzt ein Abgleich mit der Zentrale: den Ausgang senden,</translation>
    </message>
    <message>
        <source>                            pull what changed; says what moved</source>
        <translation>                            Änderungen holen; meldet, was übertragen wurde</translation>
    </message>
    <message>
        <source>  outbox                    count the outbox&apos;s records by state and list those</source>
        <translation>  outbox                    Datensätze im Ausgang nach Status zählen und die von der</translation>
    </message>
    <message>
        <source>                            head office rejected</source>
        <translation>                            Zentrale abgewiesenen auflisten</translation>
    </message>
    <message>
        <source>  6  head office: provision or sync did not finish because head office could not be</source>
        <translation>  6  Zentrale: provision oder sync nicht abgeschlossen, weil die Zentrale nicht erreichbar</translation>
    </message>
    <message>
        <source>     reached, refused this till, or sent what the till could not apply</source>
        <translation>     war, diese Kasse abgelehnt hat oder Daten sandte, die die Kasse nicht übernehmen konnte</translation>
    </message>
    <message>
        <source>--clock-offset SECONDS is for tests: it plays a till whose clock is wrong.</source>
        <translation>--clock-offset SEKUNDEN ist für Tests: Es simuliert eine Kasse, deren Uhr falsch geht.</translation>
    </message>
    <message>
        <source>--clock-offset needs a whole number of seconds from %1 to %2, not &quot;%3&quot;.</source>
        <translation>--clock-offset braucht eine ganze Zahl Sekunden von %1 bis %2, nicht „%3“.</translation>
    </message>
    <message>
        <source>provision needs --hq URL and --code CODE, e.g. &quot;loyalty-ctl provision --hq https://hq.example:8443 --code K7QF-3MZP-XW2D --pin sha256/...&quot;.</source>
        <translation>provision braucht --hq URL und --code CODE, z. B. „loyalty-ctl provision --hq https://hq.example:8443 --code K7QF-3MZP-XW2D --pin sha256/...“.</translation>
    </message>
    <message>
        <source>--hq needs head office&apos;s address as https://HOST:PORT, not &quot;%1&quot;.</source>
        <translation>--hq braucht die Adresse der Zentrale als https://HOST:PORT, nicht „%1“.</translation>
    </message>
    <message>
        <source>--ca needs the path of a PEM file with head office&apos;s CA certificate.</source>
        <translation>--ca braucht den Pfad einer PEM-Datei mit dem CA-Zertifikat der Zentrale.</translation>
    </message>
    <message>
        <source>--pin needs the pin as &quot;loyalty-hq cert&quot; prints it: sha256/BASE64.</source>
        <translation>--pin braucht den Pin, wie „loyalty-hq cert“ ihn ausgibt: sha256/BASE64.</translation>
    </message>
    <message>
        <source>Give either --ca or --pin, not both.</source>
        <translation>Entweder --ca oder --pin angeben, nicht beide.</translation>
    </message>
    <message>
        <source>--pin needs sha256/ followed by the base64 of 32 bytes, not &quot;%1&quot;.</source>
        <translation>--pin braucht sha256/ gefolgt von 32 Bytes in Base64, nicht „%1“.</translation>
    </message>
    <message>
        <source>--name needs the till&apos;s name.</source>
        <translation>--name braucht den Namen der Kasse.</translation>
    </message>
    <message>
        <source>--timeout needs a whole number of seconds from 1 to %1, not &quot;%2&quot;.</source>
        <translation>--timeout braucht eine ganze Zahl Sekunden von 1 bis %1, nicht „%2“.</translation>
    </message>
    <message>
        <source>demo: also sell through the till for the past N days (default: 0, none; ./dev run asks for 365).</source>
        <translation>demo: außerdem Verkäufe über die Kasse für die letzten N Tage (Standard: 0, keine; ./dev run verlangt 365).</translation>
    </message>
    <message>
        <source>members, products, audit list: how many to list (default: %1).</source>
        <translation>members, products, audit list: wie viele aufgelistet werden (Standard: %1).</translation>
    </message>
    <message>
        <source>provision: the till&apos;s name at head office (default: its current name); staff add: the person&apos;s name.</source>
        <translation>provision: der Name der Kasse in der Zentrale (Standard: ihr aktueller Name); staff add: der Name der Person.</translation>
    </message>
    <message>
        <source>staff add: manager or cashier.</source>
        <translation>staff add: manager (Filialleitung) oder cashier (Kassierer(in)).</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rolle</translation>
    </message>
    <message>
        <source>       [--history-days N]   … and a history of sales over the past N days</source>
        <translation>       [--history-days N]   … und Verkäufe über die letzten N Tage</translation>
    </message>
    <message>
        <source>  audit verify              walk the hash chain of the audit log of manual actions;</source>
        <translation>  audit verify              die Hash-Kette des Prüfprotokolls manueller Eingriffe prüfen;</translation>
    </message>
    <message>
        <source>                            names the first entry that was edited, deleted, inserted</source>
        <translation>                            nennt den ersten Eintrag, der geändert, gelöscht, eingefügt</translation>
    </message>
    <message>
        <source>                            or moved, and exits with 7</source>
        <translation>                            oder verschoben wurde, und endet mit 7</translation>
    </message>
    <message>
        <source>  audit list [--limit N]    list the newest entries of the audit log</source>
        <translation>  audit list [--limit N]    die neuesten Einträge des Prüfprotokolls auflisten</translation>
    </message>
    <message>
        <source>  staff add --name NAME --role manager|cashier</source>
        <translation>  staff add --name NAME --role manager|cashier</translation>
    </message>
    <message>
        <source>                            add a staff account; the PIN (4 to 8 digits) is read from</source>
        <translation>                            ein Personalkonto anlegen; die PIN (4 bis 8 Ziffern) wird von</translation>
    </message>
    <message>
        <source>                            standard input, never from the command line (asked twice</source>
        <translation>                            der Standardeingabe gelesen, nie aus der Kommandozeile (am</translation>
    </message>
    <message>
        <source>                            without echo on a terminal)</source>
        <translation>                            Terminal zweimal ohne Anzeige abgefragt)</translation>
    </message>
    <message>
        <source>  staff list                list the staff accounts, their roles and locks</source>
        <translation>  staff list                die Personalkonten mit Rollen und Sperren auflisten</translation>
    </message>
    <message>
        <source>Who may run loyalty-ctl: whoever can read and write the database file, i.e. the</source>
        <translation>Wer loyalty-ctl ausführen darf: wer die Datenbankdatei lesen und schreiben kann, also die</translation>
    </message>
    <message>
        <source>till&apos;s administrator (IT). It asks for no staff sign-in; staff add is recorded in</source>
        <translation>Administration der Kasse (IT). Es verlangt keine Anmeldung des Personals; staff add wird im</translation>
    </message>
    <message>
        <source>the audit log as &quot;administrator (loyalty-ctl)&quot;. Protect the file accordingly.</source>
        <translation>Prüfprotokoll als „administrator (loyalty-ctl)“ vermerkt. Schützen Sie die Datei entsprechend.</translation>
    </message>
    <message>
        <source>  7  tampered: audit verify found an edited, deleted, inserted or moved entry</source>
        <translation>  7  manipuliert: audit verify hat einen geänderten, gelöschten, eingefügten oder verschobenen Eintrag gefunden</translation>
    </message>
    <message>
        <source>audit needs an action: &quot;audit verify&quot; or &quot;audit list&quot;.</source>
        <translation>audit braucht eine Aktion: „audit verify“ oder „audit list“.</translation>
    </message>
    <message>
        <source>staff needs an action: &quot;staff add --name NAME --role manager|cashier&quot; or &quot;staff list&quot;.</source>
        <translation>staff braucht eine Aktion: „staff add --name NAME --role manager|cashier“ oder „staff list“.</translation>
    </message>
    <message>
        <source>staff add needs --name NAME and --role manager|cashier, e.g. &quot;loyalty-ctl staff add --name Mara --role manager&quot;; the PIN comes from standard input.</source>
        <translation>staff add braucht --name NAME und --role manager|cashier, z. B. „loyalty-ctl staff add --name Mara --role manager“; die PIN kommt von der Standardeingabe.</translation>
    </message>
    <message>
        <source>--role needs manager or cashier, not &quot;%1&quot;.</source>
        <translation>--role braucht manager oder cashier, nicht „%1“.</translation>
    </message>
    <message>
        <source>  demo --history-days N     add that history (and a demo manager) to an existing demo till</source>
        <translation>  demo --history-days N     diesen Verlauf (und eine Demo-Filialleitung) einer bestehenden Demokasse hinzufügen</translation>
    </message>
    <message>
        <source>--history-days needs a whole number from %1 to %2, not &quot;%3&quot;.</source>
        <translation>--history-days braucht eine ganze Zahl von %1 bis %2, nicht „%3“.</translation>
    </message>
    <message>
        <source>backup: the new file to write the copy to (never overwritten); receipt: the file to write the ESC/POS bytes to.</source>
        <translation>backup: die neue Datei für die Kopie (wird nie überschrieben); receipt: die Datei für die ESC/POS-Bytes.</translation>
    </message>
    <message>
        <source>receipt: the paper width in mm, 58 or 80 (default: 80).</source>
        <translation>receipt: die Papierbreite in mm, 58 oder 80 (Standard: 80).</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <source>receipt: mark the receipt as a copy (a reprint).</source>
        <translation>receipt: den Bon als Kopie kennzeichnen (Nachdruck).</translation>
    </message>
    <message>
        <source>receipt: print the receipt as plain text on standard output (the default).</source>
        <translation>receipt: den Bon als Klartext auf der Standardausgabe ausgeben (Standard).</translation>
    </message>
    <message>
        <source>receipt: send the receipt to a network printer, e.g. tcp://192.168.1.50:9100.</source>
        <translation>receipt: den Bon an einen Netzwerkdrucker senden, z. B. tcp://192.168.1.50:9100.</translation>
    </message>
    <message>
        <source>receipt: send the receipt to a printer&apos;s device file, e.g. /dev/usb/lp0.</source>
        <translation>receipt: den Bon an die Gerätedatei eines Druckers senden, z. B. /dev/usb/lp0.</translation>
    </message>
    <message>
        <source>demo, members, products, balance, quote, sale, sales, return, expire, feedback, programme, check, decode, provision, sync, outbox, audit, staff, backup or receipt.</source>
        <translation>demo, members, products, balance, quote, sale, sales, return, expire, feedback, programme, check, decode, provision, sync, outbox, audit, staff, backup oder receipt.</translation>
    </message>
    <message>
        <source>  backup --out FILE         a consistent copy of the database while the till runs;</source>
        <translation>  backup --out DATEI        eine konsistente Kopie der Datenbank, während die Kasse läuft;</translation>
    </message>
    <message>
        <source>                            refuses an existing FILE, checks the copy before keeping it</source>
        <translation>                            überschreibt keine vorhandene DATEI, prüft die Kopie, bevor sie bleibt</translation>
    </message>
    <message>
        <source>  receipt SALE [--width 58|80] [--copy]</source>
        <translation>  receipt VERKAUF [--width 58|80] [--copy]</translation>
    </message>
    <message>
        <source>        [--text | --out FILE | --to tcp://HOST:PORT | --device PATH]</source>
        <translation>        [--text | --out DATEI | --to tcp://HOST:PORT | --device PFAD]</translation>
    </message>
    <message>
        <source>                            a sale&apos;s receipt as the till prints it, balances as right</source>
        <translation>                            den Bon eines Verkaufs, wie die Kasse ihn druckt, Kontostände</translation>
    </message>
    <message>
        <source>                            after the sale: as text (default), or as ESC/POS into a</source>
        <translation>                            wie direkt nach dem Verkauf: als Text (Standard) oder als ESC/POS</translation>
    </message>
    <message>
        <source>                            file, to a network printer or to a printer&apos;s device file</source>
        <translation>                            in eine Datei, an einen Netzwerkdrucker oder an eine Gerätedatei</translation>
    </message>
    <message>
        <source>  8  printer: receipt did not reach the printer (unreachable, refused, timed out,</source>
        <translation>  8  Drucker: der Bon hat den Drucker nicht erreicht (nicht erreichbar, abgelehnt, Zeitüberschreitung,</translation>
    </message>
    <message>
        <source>     no such device, no permission)</source>
        <translation>     kein solches Gerät, keine Berechtigung)</translation>
    </message>
    <message>
        <source>receipt needs the sale&apos;s number or UUID, e.g. &quot;loyalty-ctl receipt 42&quot;.</source>
        <translation>receipt braucht die Nummer oder UUID des Verkaufs, z. B. „loyalty-ctl receipt 42“.</translation>
    </message>
    <message>
        <source>backup needs --out FILE: a new file for the copy, e.g. &quot;loyalty-ctl backup --out /var/backups/till-2026-12-01.db&quot;.</source>
        <translation>backup braucht --out DATEI: eine neue Datei für die Kopie, z. B. „loyalty-ctl backup --out /var/backups/till-2026-12-01.db“.</translation>
    </message>
    <message>
        <source>--width needs the paper width of the thermal printer, 58 or 80, not &quot;%1&quot;.</source>
        <translation>--width braucht die Papierbreite des Thermodruckers, 58 oder 80, nicht „%1“.</translation>
    </message>
    <message>
        <source>Give one of --text, --out, --to and --device: the receipt goes to one place.</source>
        <translation>Nur eine der Optionen --text, --out, --to und --device angeben: Der Bon geht an genau ein Ziel.</translation>
    </message>
    <message>
        <source>--out needs the file to write the receipt&apos;s ESC/POS bytes to.</source>
        <translation>--out braucht die Datei, in die die ESC/POS-Bytes des Bons geschrieben werden.</translation>
    </message>
    <message>
        <source>--device needs the printer&apos;s device file, e.g. /dev/usb/lp0.</source>
        <translation>--device braucht die Gerätedatei des Druckers, z. B. /dev/usb/lp0.</translation>
    </message>
    <message>
        <source>--to needs the network printer as tcp://HOST:PORT, e.g. tcp://192.168.1.50:9100, not &quot;%1&quot;.</source>
        <translation>--to braucht den Netzwerkdrucker als tcp://HOST:PORT, z. B. tcp://192.168.1.50:9100, nicht „%1“.</translation>
    </message>
</context>
<context>
    <name>CtlEffects</name>
    <message>
        <source>Effects:</source>
        <translation>Auswirkungen:</translation>
    </message>
    <message>
        <source>Notices:</source>
        <translation>Hinweise:</translation>
    </message>
</context>
<context>
    <name>CtlSaleReference</name>
    <message>
        <source>&quot;%1&quot; is neither a sale number nor a sale UUID; &quot;loyalty-ctl sales&quot; lists them.</source>
        <translation>„%1“ ist weder eine Verkaufsnummer noch eine Verkaufs-UUID; „loyalty-ctl sales“ listet sie auf.</translation>
    </message>
    <message>
        <source>There is no sale %1 at this till.</source>
        <translation>An dieser Kasse gibt es keinen Verkauf %1.</translation>
    </message>
</context>
<context>
    <name>CustomerDisplayOption</name>
    <message>
        <source>Show the customer display, full screen on the first screen that is not the till&apos;s; --customer-display=SCREEN puts it on that screen (its name as the system gives it, e.g. HDMI-1). Wins over the setting.</source>
        <translation>Das Kundendisplay zeigen, bildschirmfüllend auf dem ersten Bildschirm, der nicht der Kassenbildschirm ist; --customer-display=BILDSCHIRM zeigt es auf diesem Bildschirm (sein Name, wie das System ihn angibt, z. B. HDMI-1). Hat Vorrang vor der Einstellung.</translation>
    </message>
</context>
<context>
    <name>CustomerValueHint</name>
    <message numerus="yes">
        <source>%Ln point(s) expire on %1 — offer the %2-point reward “%3”</source>
        <translation>
            <numerusform>%Ln Punkt verfällt am %1 – %2-Punkte-Prämie „%3“ anbieten</numerusform>
            <numerusform>%Ln Punkte verfallen am %1 – %2-Punkte-Prämie „%3“ anbieten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln point(s) expire on %1 — offer to pay with points (worth %2)</source>
        <translation>
            <numerusform>%Ln Punkt verfällt am %1 – Zahlung mit Punkten anbieten (Wert %2)</numerusform>
            <numerusform>%Ln Punkte verfallen am %1 – Zahlung mit Punkten anbieten (Wert %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln point(s) expire on %1</source>
        <translation>
            <numerusform>%Ln Punkt verfällt am %1</numerusform>
            <numerusform>%Ln Punkte verfallen am %1</numerusform>
        </translation>
    </message>
    <message>
        <source>A customer · %1</source>
        <translation>A-Kunde · %1</translation>
    </message>
    <message>
        <source>A customer: among the members who bring %1 % of this till&apos;s revenue</source>
        <translation>A-Kunde: unter den Mitgliedern mit %1 % des Umsatzes</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>There is no till database at %1. Create one with &quot;loyalty-ctl demo&quot; or provision the till.</source>
        <translation>Unter %1 gibt es keine Kassendatenbank. Legen Sie eine mit „loyalty-ctl demo“ an oder richten Sie die Kasse ein.</translation>
    </message>
    <message>
        <source>The folder %1 for the till database does not exist.</source>
        <translation>Der Ordner %1 für die Kassendatenbank existiert nicht.</translation>
    </message>
    <message>
        <source>The till database %1 could not be opened: %2</source>
        <translation>Die Kassendatenbank %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The till database %1 failed its integrity check (%2). It was moved aside to %3 and kept unchanged. Restore the latest backup or provision the till again; your administrator can inspect the moved file.</source>
        <translation>Die Kassendatenbank %1 hat die Integritätsprüfung nicht bestanden (%2). Sie wurde unverändert nach %3 verschoben. Spielen Sie die letzte Sicherung ein oder richten Sie die Kasse neu ein; Ihre Administration kann die verschobene Datei untersuchen.</translation>
    </message>
    <message>
        <source>The till database %1 could not switch to write-ahead logging (it reports &quot;%2&quot;); it must be on a local disk that supports it.</source>
        <translation>Die Kassendatenbank %1 konnte nicht auf Write-Ahead-Logging umschalten (gemeldet: „%2“); sie muss auf einem lokalen Datenträger liegen, der das unterstützt.</translation>
    </message>
    <message>
        <source>The till database %1 did not accept synchronous=FULL and foreign_keys=ON.</source>
        <translation>Die Kassendatenbank %1 hat synchronous=FULL und foreign_keys=ON nicht angenommen.</translation>
    </message>
</context>
<context>
    <name>DatabaseBackup</name>
    <message>
        <source>The backup needs the path of a new file.</source>
        <translation>Die Sicherung braucht den Pfad einer neuen Datei.</translation>
    </message>
    <message>
        <source>The backup %1 could not be flushed to disk; it was not kept.</source>
        <translation>Die Sicherung %1 konnte nicht vollständig auf den Datenträger geschrieben werden; sie wurde nicht behalten.</translation>
    </message>
    <message>
        <source>%1 appeared while the backup was written; it was left untouched and the backup was not kept. Choose a new file name.</source>
        <translation>%1 ist entstanden, während die Sicherung geschrieben wurde; die Datei blieb unberührt, die Sicherung wurde nicht behalten. Wählen Sie einen neuen Dateinamen.</translation>
    </message>
    <message>
        <source>%1 exists already. A backup never overwrites a file: choose a new name, e.g. one with today&apos;s date.</source>
        <translation>%1 existiert bereits. Eine Sicherung überschreibt nie eine Datei: Wählen Sie einen neuen Namen, z. B. mit dem heutigen Datum.</translation>
    </message>
    <message>
        <source>%1 exists (perhaps left by a backup that was interrupted). It was left untouched: remove it or choose another name.</source>
        <translation>%1 existiert (vielleicht von einer abgebrochenen Sicherung). Die Datei blieb unberührt: Entfernen Sie sie oder wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>The folder %1 for the backup does not exist.</source>
        <translation>Der Ordner %1 für die Sicherung existiert nicht.</translation>
    </message>
    <message>
        <source>The backup cannot be written to the folder %1: no permission to write there. Choose a folder that the user running loyalty-ctl may write to.</source>
        <translation>Die Sicherung kann nicht in den Ordner %1 geschrieben werden: keine Schreibberechtigung. Wählen Sie einen Ordner, in den der Benutzer schreiben darf, unter dem loyalty-ctl läuft.</translation>
    </message>
    <message>
        <source>The disk holding %1 is full, so the backup was not written. Free some space there or choose another disk; nothing on the till changed.</source>
        <translation>Der Datenträger mit %1 ist voll, daher wurde die Sicherung nicht geschrieben. Schaffen Sie dort Platz oder wählen Sie einen anderen Datenträger; an der Kasse hat sich nichts geändert.</translation>
    </message>
    <message>
        <source>The backup cannot be written to the folder %1 (%2). Choose a folder that the user running loyalty-ctl may write to.</source>
        <translation>Die Sicherung kann nicht in den Ordner %1 geschrieben werden (%2). Wählen Sie einen Ordner, in den der Benutzer schreiben darf, unter dem loyalty-ctl läuft.</translation>
    </message>
    <message>
        <source>Writing the backup to %1 failed (%2); the disk may be failing or was removed.</source>
        <translation>Das Schreiben der Sicherung nach %1 ist fehlgeschlagen (%2); der Datenträger ist vielleicht defekt oder wurde entfernt.</translation>
    </message>
    <message>
        <source>The backup copy failed its check (%1), so it was not kept. Run &quot;loyalty-ctl check&quot; on the till database.</source>
        <translation>Die Sicherungskopie hat die Prüfung nicht bestanden (%1) und wurde daher nicht behalten. Führen Sie „loyalty-ctl check“ für die Kassendatenbank aus.</translation>
    </message>
    <message>
        <source>schema version %1 instead of %2</source>
        <translation>Schemaversion %1 statt %2</translation>
    </message>
    <message>
        <source>it is not this till&apos;s database</source>
        <translation>es ist nicht die Datenbank dieser Kasse</translation>
    </message>
    <message>
        <source>The incomplete copy %1 could not be removed; delete it by hand.</source>
        <translation>Die unvollständige Kopie %1 konnte nicht entfernt werden; löschen Sie sie von Hand.</translation>
    </message>
</context>
<context>
    <name>DatabaseQuarantine</name>
    <message>
        <source>The database %1 is damaged and could not be moved aside to %2. Nothing was changed; copy it somewhere safe and call your administrator.</source>
        <translation>Die Datenbank %1 ist beschädigt und konnte nicht nach %2 verschoben werden. Es wurde nichts verändert; kopieren Sie sie an einen sicheren Ort und wenden Sie sich an Ihre Administration.</translation>
    </message>
</context>
<context>
    <name>DecodeCommand</name>
    <message>
        <source>Cannot read standard input.</source>
        <translation>Die Standardeingabe kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The input is longer than %1 bytes.</source>
        <translation>Die Eingabe ist länger als %1 Bytes.</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Identifier:</source>
        <translation>Kennung:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
</context>
<context>
    <name>DemoCommand</name>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>Members:</source>
        <translation>Mitglieder:</translation>
    </message>
    <message>
        <source>Cards:</source>
        <translation>Karten:</translation>
    </message>
    <message>
        <source>Products:</source>
        <translation>Artikel:</translation>
    </message>
    <message>
        <source>Seconds:</source>
        <translation>Sekunden:</translation>
    </message>
    <message>
        <source>Programme:</source>
        <translation>Programm:</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1, Version %2</translation>
    </message>
    <message>
        <source>Database: %1
Members: %2
Cards: %3
Products: %4
Programme version: %5
Seconds: %6</source>
        <translation>Datenbank: %1
Mitglieder: %2
Karten: %3
Artikel: %4
Programmversion: %5
Sekunden: %6</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>Verlauf:</translation>
    </message>
    <message>
        <source>%1 days, %2 sales (%3 with members), %4 redemptions, %5 returns</source>
        <translation>%1 Tage, %2 Verkäufe (%3 mit Mitglied), %4 Einlösungen, %5 Rückgaben</translation>
    </message>
    <message>
        <source>Corrections:</source>
        <translation>Korrekturen:</translation>
    </message>
    <message>
        <source>Manager:</source>
        <translation>Filialleitung:</translation>
    </message>
    <message>
        <source>%1, PIN %2</source>
        <translation>%1, PIN %2</translation>
    </message>
</context>
<context>
    <name>DemoCorrections</name>
    <message>
        <source>The demo corrections need a till without staff accounts: the demo manager is its first.</source>
        <translation>Die Demo-Korrekturen brauchen eine Kasse ohne Personalkonten: Die Demo-Filialleitung ist ihr erstes Konto.</translation>
    </message>
    <message>
        <source>Points for a purchase the till missed (receipt shown by the customer)</source>
        <translation>Punkte für einen Einkauf, den die Kasse nicht erfasst hat (Kassenbon vom Kunden vorgelegt)</translation>
    </message>
    <message>
        <source>Welcome points booked twice by mistake</source>
        <translation>Willkommenspunkte versehentlich doppelt gebucht</translation>
    </message>
    <message>
        <source>Goodwill for a damaged product</source>
        <translation>Kulanz für einen beschädigten Artikel</translation>
    </message>
    <message>
        <source>The customer found the card they had reported lost</source>
        <translation>Der Kunde hat die als verloren gemeldete Karte wiedergefunden</translation>
    </message>
    <message>
        <source>The same person enrolled twice</source>
        <translation>Dieselbe Person hat sich zweimal angemeldet</translation>
    </message>
</context>
<context>
    <name>DemoDataGenerator</name>
    <message>
        <source>The number of demo members must be between 0 and %1.</source>
        <translation>Die Zahl der Demo-Mitglieder muss zwischen 0 und %1 liegen.</translation>
    </message>
    <message>
        <source>The database %1 already holds members or products; demo data goes only into a new, empty database. Nothing was changed.</source>
        <translation>Die Datenbank %1 enthält bereits Mitglieder oder Artikel; Demodaten kommen nur in eine neue, leere Datenbank. Es wurde nichts verändert.</translation>
    </message>
</context>
<context>
    <name>DemoHistory</name>
    <message>
        <source>The demo history needs 0 to %1 days and at least one sale a day.</source>
        <translation>Der Demo-Verlauf braucht 0 bis %1 Tage und mindestens einen Verkauf pro Tag.</translation>
    </message>
    <message>
        <source>The demo history needs the demo shop&apos;s products: run demo first.</source>
        <translation>Der Demo-Verlauf braucht die Artikel des Demo-Geschäfts: Führen Sie zuerst demo aus.</translation>
    </message>
</context>
<context>
    <name>DeviceSettings</name>
    <message>
        <source>The setting %1 has an invalid value &quot;%2&quot;.</source>
        <translation>Die Einstellung %1 hat einen ungültigen Wert „%2“.</translation>
    </message>
</context>
<context>
    <name>DigitalCardDecoder</name>
    <message>
        <source>This digital card could not be read. Ask the customer to open the card in the app again, or type the card number.</source>
        <translation>Diese digitale Karte konnte nicht gelesen werden. Bitten Sie den Kunden, die Karte in der App neu zu öffnen, oder tippen Sie die Kartennummer ein.</translation>
    </message>
    <message>
        <source>This digital card was signed with a key this till does not trust. Update the till or use the plastic card.</source>
        <translation>Diese digitale Karte wurde mit einem Schlüssel signiert, dem diese Kasse nicht vertraut. Aktualisieren Sie die Kasse oder nutzen Sie die Plastikkarte.</translation>
    </message>
    <message>
        <source>This digital card is not genuine. Do not accept it; ask for the plastic card.</source>
        <translation>Diese digitale Karte ist nicht echt. Nicht annehmen; nach der Plastikkarte fragen.</translation>
    </message>
    <message>
        <source>This digital card has been withdrawn. Ask the customer to contact customer service.</source>
        <translation>Diese digitale Karte wurde zurückgezogen. Bitten Sie den Kunden, sich an den Kundenservice zu wenden.</translation>
    </message>
    <message>
        <source>This digital card is not valid yet. Check the till&apos;s date and time.</source>
        <translation>Diese digitale Karte ist noch nicht gültig. Prüfen Sie Datum und Uhrzeit der Kasse.</translation>
    </message>
    <message>
        <source>This digital card has expired. Ask the customer to open the app again or use the plastic card.</source>
        <translation>Diese digitale Karte ist abgelaufen. Bitten Sie den Kunden, die App neu zu öffnen, oder nutzen Sie die Plastikkarte.</translation>
    </message>
    <message>
        <source>This digital card code is out of date, perhaps a screenshot. Ask the customer to show the card live in the app.</source>
        <translation>Dieser Code der digitalen Karte ist veraltet, vielleicht ein Bildschirmfoto. Bitten Sie den Kunden, die Karte live in der App zu zeigen.</translation>
    </message>
</context>
<context>
    <name>DigitalCardIssuer</name>
    <message>
        <source>A digital card must expire after it is issued.</source>
        <translation>Eine digitale Karte muss nach ihrer Ausgabe ablaufen.</translation>
    </message>
    <message>
        <source>This card cannot be issued as a digital card (card id, dates or device key).</source>
        <translation>Diese Karte kann nicht als digitale Karte ausgegeben werden (Kartennummer, Daten oder Geräteschlüssel).</translation>
    </message>
</context>
<context>
    <name>Ed25519</name>
    <message>
        <source>The signature library failed (%1).</source>
        <translation>Die Signaturbibliothek ist fehlgeschlagen (%1).</translation>
    </message>
    <message>
        <source>An Ed25519 secret key has 32 bytes.</source>
        <translation>Ein geheimer Ed25519-Schlüssel hat 32 Bytes.</translation>
    </message>
</context>
<context>
    <name>Enrolment</name>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>Geben Sie den Namen des Kunden ein.</translation>
    </message>
    <message>
        <source>The customer has not agreed to the programme&apos;s terms; nobody was enrolled.</source>
        <translation>Der Kunde hat den Programmbedingungen nicht zugestimmt; es wurde niemand angemeldet.</translation>
    </message>
    <message>
        <source>The consent text has no version.</source>
        <translation>Der Einwilligungstext hat keine Version.</translation>
    </message>
    <message>
        <source>The e-mail address is not valid.</source>
        <translation>Die E-Mail-Adresse ist ungültig.</translation>
    </message>
    <message>
        <source>The phone number is not valid.</source>
        <translation>Die Telefonnummer ist ungültig.</translation>
    </message>
    <message>
        <source>The date of birth is not valid.</source>
        <translation>Das Geburtsdatum ist ungültig.</translation>
    </message>
    <message>
        <source>The referrer&apos;s card %1 is not known; enrol without it or scan another card.</source>
        <translation>Die Karte %1 des werbenden Mitglieds ist unbekannt; ohne sie anmelden oder eine andere Karte scannen.</translation>
    </message>
</context>
<context>
    <name>Erasure</name>
    <message>
        <source>Say why the member is erased (e.g. the customer&apos;s request).</source>
        <translation>Geben Sie an, warum das Mitglied gelöscht wird (z. B. auf Wunsch des Kunden).</translation>
    </message>
    <message>
        <source>The reason is %1 characters long; keep it to %2.</source>
        <translation>Die Begründung ist %1 Zeichen lang; höchstens %2 sind erlaubt.</translation>
    </message>
    <message>
        <source>There is no member %1 on this till.</source>
        <translation>An dieser Kasse gibt es kein Mitglied %1.</translation>
    </message>
    <message>
        <source>Member %1 was already erased.</source>
        <translation>Mitglied %1 wurde bereits gelöscht.</translation>
    </message>
</context>
<context>
    <name>ExpireCommand</name>
    <message>
        <source>Expired at:</source>
        <translation>Verfallen am:</translation>
    </message>
    <message>
        <source>Members with expired points:</source>
        <translation>Mitglieder mit verfallenen Punkten:</translation>
    </message>
    <message>
        <source>Expiry for %1: %2 points of %3 members expired.</source>
        <translation>Verfall für %1: %2 Punkte von %3 Mitgliedern verfallen.</translation>
    </message>
</context>
<context>
    <name>ExpiryRun</name>
    <message numerus="yes">
        <source>%n point(s) expired (earned %1)</source>
        <translation>
            <numerusform>%n Punkt verfallen (gesammelt am %1)</numerusform>
            <numerusform>%n Punkte verfallen (gesammelt am %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedbackBooking</name>
    <message>
        <source>Feedback on sale %1 was already booked at %2; it earns points once. Nothing was changed.</source>
        <translation>Das Feedback zu Verkauf %1 wurde bereits am %2 gebucht; es bringt nur einmal Punkte. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>Sale %1 was made without a member card; feedback points go to a member. Nothing was changed.</source>
        <translation>Verkauf %1 erfolgte ohne Kundenkarte; Feedbackpunkte gehen an ein Mitglied. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>The active programme gives no points for feedback now. Nothing was changed.</source>
        <translation>Das aktive Programm gibt derzeit keine Punkte für Feedback. Es wurde nichts verändert.</translation>
    </message>
</context>
<context>
    <name>FeedbackCommand</name>
    <message>
        <source>Sale:</source>
        <translation>Verkauf:</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>Mitglied:</translation>
    </message>
    <message>
        <source>Points:</source>
        <translation>Punkte:</translation>
    </message>
    <message>
        <source>New balance:</source>
        <translation>Neuer Punktestand:</translation>
    </message>
</context>
<context>
    <name>GtinDecoder</name>
    <message>
        <source>The check digit does not match, so the code was misread. Scan again or type it carefully.</source>
        <translation>Die Prüfziffer stimmt nicht, der Code wurde falsch gelesen. Erneut scannen oder sorgfältig eintippen.</translation>
    </message>
</context>
<context>
    <name>HqCommandLine</name>
    <message>
        <source>Head office&apos;s database: a SQLite file (default: %1 in the current folder) or postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE.</source>
        <translation>Die Datenbank der Zentrale: eine SQLite-Datei (Standard: %1 im aktuellen Ordner) oder postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE.</translation>
    </message>
    <message>
        <source>path-or-url</source>
        <translation>Pfad-oder-URL</translation>
    </message>
    <message>
        <source>Print the result as one JSON document.</source>
        <translation>Das Ergebnis als ein JSON-Dokument ausgeben.</translation>
    </message>
    <message>
        <source>terminal add: the new till&apos;s name.</source>
        <translation>terminal add: der Name der neuen Kasse.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>demo: how many members to create.</source>
        <translation>demo: wie viele Mitglieder angelegt werden.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>expire: head office&apos;s local time to expire at, e.g. 2026-12-24T17:30 (default: now).</source>
        <translation>expire: die Ortszeit der Zentrale, zu der der Verfall gebucht wird, z. B. 2026-12-24T17:30 (Standard: jetzt).</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>command [argument]</source>
        <translation>befehl [argument]</translation>
    </message>
    <message>
        <source>Loyalty Till head office: the service every till syncs with, and its administration.</source>
        <translation>Zentrale von Loyalty Till: der Dienst, mit dem sich jede Kasse abgleicht, und seine Verwaltung.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>  serve --listen HOST:PORT (--cert FILE --key FILE | --plain-http)</source>
        <translation>  serve --listen HOST:PORT (--cert DATEI --key DATEI | --plain-http)</translation>
    </message>
    <message>
        <source>                            run the HTTPS API the tills sync with (see docs/head-office.md)</source>
        <translation>                            HTTPS-API für den Abgleich der Kassen betreiben (siehe docs/head-office.md)</translation>
    </message>
    <message>
        <source>  cert --out DIR [--host NAME]...  make a self-signed certificate and print its pin</source>
        <translation>  cert --out ORDNER [--host NAME]...  selbstsigniertes Zertifikat erzeugen und seinen Pin ausgeben</translation>
    </message>
    <message>
        <source>  terminal add --name NAME  print a one-time code (valid 24 hours) to provision a till</source>
        <translation>  terminal add --name NAME  Einmalcode (24 Stunden gültig) zum Einrichten einer Kasse ausgeben</translation>
    </message>
    <message>
        <source>  terminal list             list the provisioned tills</source>
        <translation>  terminal list             die eingerichteten Kassen auflisten</translation>
    </message>
    <message>
        <source>  terminal disable TILL-ID  refuse the till from now on (its secret is revoked)</source>
        <translation>  terminal disable KASSEN-ID  die Kasse ab jetzt ablehnen (ihr Geheimnis wird widerrufen)</translation>
    </message>
    <message>
        <source>  demo --members N          fill a new, empty head office with the till&apos;s demo data</source>
        <translation>  demo --members N          eine neue, leere Zentrale mit den Demodaten der Kasse füllen</translation>
    </message>
    <message>
        <source>  balance CARD              show a card&apos;s member and account balances</source>
        <translation>  balance KARTE             Mitglied und Kontostände einer Karte zeigen</translation>
    </message>
    <message>
        <source>  stats                     members, events, duplicates refused and rejected, per till</source>
        <translation>  stats                     Mitglieder, Ereignisse, abgelehnte Duplikate und Abweisungen je Kasse</translation>
    </message>
    <message>
        <source>  programme publish FILE    validate, sign and publish a programme to every till</source>
        <translation>  programme publish DATEI   ein Programm prüfen, signieren und an alle Kassen veröffentlichen</translation>
    </message>
    <message>
        <source>  import members FILE.csv   import members (columns: number, name, email, phone,</source>
        <translation>  import members DATEI.csv  Mitglieder importieren (Spalten: number, name, email, phone,</translation>
    </message>
    <message>
        <source>                            birth_date, card_number, points); all or nothing</source>
        <translation>                            birth_date, card_number, points); alles oder nichts</translation>
    </message>
    <message>
        <source>  conflicts                 overdrafts and coupons used twice, found at sync</source>
        <translation>  conflicts                 beim Abgleich gefundene Überziehungen und doppelt eingelöste Gutscheine</translation>
    </message>
    <message>
        <source>  expire [--at TIME]        book the expiry of points whose day has come</source>
        <translation>  expire [--at ZEIT]        den Verfall fällig gewordener Punkte buchen</translation>
    </message>
    <message>
        <source>With --json a successful command prints one JSON document on standard output.</source>
        <translation>Mit --json gibt ein erfolgreicher Befehl ein JSON-Dokument auf der Standardausgabe aus.</translation>
    </message>
    <message>
        <source>Errors always go to standard error as plain text, with or without --json.</source>
        <translation>Fehler gehen immer als Klartext auf die Standardfehlerausgabe, mit oder ohne --json.</translation>
    </message>
    <message>
        <source>Exit codes:</source>
        <translation>Exit-Codes:</translation>
    </message>
    <message>
        <source>  0  success</source>
        <translation>  0  Erfolg</translation>
    </message>
    <message>
        <source>  1  usage error: unknown command or option, missing or malformed argument</source>
        <translation>  1  Bedienfehler: unbekannter Befehl oder Option, fehlendes oder fehlerhaftes Argument</translation>
    </message>
    <message>
        <source>  2  not found: no head-office data at --db (only serve, demo, terminal add,</source>
        <translation>  2  nicht gefunden: keine Daten der Zentrale unter --db (nur serve, demo, terminal add,</translation>
    </message>
    <message>
        <source>  4  refused: an invalid or not newer programme, an import with errors, demo data</source>
        <translation>  4  abgelehnt: ein ungültiges oder nicht neueres Programm, ein Import mit Fehlern, Demodaten</translation>
    </message>
    <message>
        <source>  5  storage error: disk full, damaged database, database newer than this program,</source>
        <translation>  5  Speicherfehler: Datenträger voll, Datenbank beschädigt, Datenbank neuer als dieses Programm,</translation>
    </message>
    <message>
        <source>     PostgreSQL unreachable</source>
        <translation>     PostgreSQL nicht erreichbar</translation>
    </message>
    <message>
        <source>--db needs head office&apos;s database: a path or a postgresql:// URL.</source>
        <translation>--db braucht die Datenbank der Zentrale: einen Pfad oder eine postgresql://-URL.</translation>
    </message>
    <message>
        <source>Run &quot;loyalty-hq --help&quot; to see the commands and options.</source>
        <translation>„loyalty-hq --help“ zeigt die Befehle und Optionen.</translation>
    </message>
    <message>
        <source>No command given. Run &quot;loyalty-hq --help&quot; to see the commands.</source>
        <translation>Kein Befehl angegeben. „loyalty-hq --help“ zeigt die Befehle.</translation>
    </message>
    <message>
        <source>%1 needs an action: %2.</source>
        <translation>%1 braucht eine Aktion: %2.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Run &quot;loyalty-hq --help&quot; to see the commands.</source>
        <translation>Unbekannter Befehl „%1“. „loyalty-hq --help“ zeigt die Befehle.</translation>
    </message>
    <message>
        <source>%1 needs an argument, e.g. &quot;%2&quot;.</source>
        <translation>%1 braucht ein Argument, z. B. „%2“.</translation>
    </message>
    <message>
        <source>The command %1 does not take the argument &quot;%2&quot;.</source>
        <translation>Der Befehl %1 nimmt das Argument „%2“ nicht an.</translation>
    </message>
    <message>
        <source>The option --%1 does not apply to the command %2.</source>
        <translation>Die Option --%1 gilt nicht für den Befehl %2.</translation>
    </message>
    <message>
        <source>terminal add needs --name NAME: what the till is called, e.g. &quot;Bakery Nord 2&quot;.</source>
        <translation>terminal add braucht --name NAME: wie die Kasse heißt, z. B. „Bäckerei Nord 2“.</translation>
    </message>
    <message>
        <source>demo needs --members N: how many demo members to create.</source>
        <translation>demo braucht --members N: wie viele Demo-Mitglieder angelegt werden.</translation>
    </message>
    <message>
        <source>--members needs a whole number from 0 to %1, not &quot;%2&quot;.</source>
        <translation>--members braucht eine ganze Zahl von 0 bis %1, nicht „%2“.</translation>
    </message>
    <message>
        <source>balance needs the card number, e.g. &quot;loyalty-hq balance 2000000123455&quot;.</source>
        <translation>balance braucht die Kartennummer, z. B. „loyalty-hq balance 2000000123455“.</translation>
    </message>
    <message>
        <source>The command needs a file.</source>
        <translation>Der Befehl braucht eine Datei.</translation>
    </message>
    <message>
        <source>--at needs head office&apos;s local time as YYYY-MM-DDTHH:MM[:SS], e.g. 2026-12-24T17:30, not &quot;%1&quot;.</source>
        <translation>--at braucht die Ortszeit der Zentrale als YYYY-MM-DDTHH:MM[:SS], z. B. 2026-12-24T17:30, nicht „%1“.</translation>
    </message>
    <message>
        <source>card-key: the digital card key&apos;s id, 0 to 65535.</source>
        <translation>card-key: die ID des Schlüssels für digitale Kundenkarten, 0 bis 65535.</translation>
    </message>
    <message>
        <source>card-key add: the raw 32-byte Ed25519 public key, base64.</source>
        <translation>card-key add: der rohe öffentliche Ed25519-Schlüssel (32 Byte), Base64.</translation>
    </message>
    <message>
        <source>base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <source>card-key add: the first day (UTC) of the issue dates the key vouches for.</source>
        <translation>card-key add: der erste Ausstellungstag (UTC), für den der Schlüssel bürgt.</translation>
    </message>
    <message>
        <source>day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>card-key: the first day (UTC) the key no longer vouches for.</source>
        <translation>card-key: der erste Tag (UTC), für den der Schlüssel nicht mehr bürgt.</translation>
    </message>
    <message>
        <source>card revoke: why the digital card is withdrawn.</source>
        <translation>card revoke: warum die digitale Kundenkarte gesperrt wird.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>  card-key add --key-id N --public-key BASE64 --valid-from DAY [--valid-until DAY]</source>
        <translation>  card-key add --key-id N --public-key BASE64 --valid-from TAG [--valid-until TAG]</translation>
    </message>
    <message>
        <source>                            trust an Ed25519 key for digital cards issued from DAY (UTC)</source>
        <translation>                            einem Ed25519-Schlüssel für ab TAG (UTC) ausgestellte digitale Kundenkarten vertrauen</translation>
    </message>
    <message>
        <source>  card-key retire --key-id N --valid-until DAY</source>
        <translation>  card-key retire --key-id N --valid-until TAG</translation>
    </message>
    <message>
        <source>                            refuse the key&apos;s digital cards issued from DAY (UTC) on</source>
        <translation>                            die ab TAG (UTC) ausgestellten digitalen Kundenkarten des Schlüssels abweisen</translation>
    </message>
    <message>
        <source>  card revoke CARD-ID --reason TEXT</source>
        <translation>  card revoke KARTEN-ID --reason TEXT</translation>
    </message>
    <message>
        <source>                            refuse a digital card at every till</source>
        <translation>                            eine digitale Kundenkarte an jeder Kasse sperren</translation>
    </message>
    <message>
        <source>     programme publish, import, card-key add and card revoke create it), unknown card</source>
        <translation>     programme publish, import, card-key add und card revoke legen sie an), unbekannte Karte</translation>
    </message>
    <message>
        <source>     or card key, missing file</source>
        <translation>     oder unbekannter Schlüssel, fehlende Datei</translation>
    </message>
    <message>
        <source>     into a database that is not empty, an invalid card key or card id, a key id</source>
        <translation>     in eine Datenbank, die nicht leer ist, ein ungültiger Schlüssel oder eine ungültige Karten-ID, eine Schlüssel-ID,</translation>
    </message>
    <message>
        <source>     published before with other content</source>
        <translation>     die schon mit anderem Inhalt veröffentlicht ist</translation>
    </message>
    <message>
        <source>%1 needs --key-id N: the digital card key&apos;s id, 0 to 65535.</source>
        <translation>%1 braucht --key-id N: die ID des Schlüssels für digitale Kundenkarten, 0 bis 65535.</translation>
    </message>
    <message>
        <source>--key-id needs a whole number from 0 to 65535, not &quot;%1&quot;.</source>
        <translation>--key-id braucht eine ganze Zahl von 0 bis 65535, nicht „%1“.</translation>
    </message>
    <message>
        <source>--valid-until needs a day as YYYY-MM-DD, e.g. 2027-06-01, not &quot;%1&quot;.</source>
        <translation>--valid-until braucht einen Tag als YYYY-MM-DD, z. B. 2027-06-01, nicht „%1“.</translation>
    </message>
    <message>
        <source>card-key retire needs --valid-until DAY: the first day (UTC) the key no longer vouches for.</source>
        <translation>card-key retire braucht --valid-until TAG: den ersten Tag (UTC), für den der Schlüssel nicht mehr bürgt.</translation>
    </message>
    <message>
        <source>card-key add needs --public-key BASE64: the raw 32-byte Ed25519 public key.</source>
        <translation>card-key add braucht --public-key BASE64: den rohen öffentlichen Ed25519-Schlüssel (32 Byte).</translation>
    </message>
    <message>
        <source>card-key add needs --valid-from DAY: the first day (UTC) of the issue dates the key vouches for.</source>
        <translation>card-key add braucht --valid-from TAG: den ersten Ausstellungstag (UTC), für den der Schlüssel bürgt.</translation>
    </message>
    <message>
        <source>--valid-from needs a day as YYYY-MM-DD, e.g. 2026-12-01, not &quot;%1&quot;.</source>
        <translation>--valid-from braucht einen Tag als YYYY-MM-DD, z. B. 2026-12-01, nicht „%1“.</translation>
    </message>
    <message>
        <source>card revoke needs the digital card&apos;s id.</source>
        <translation>card revoke braucht die ID der digitalen Kundenkarte.</translation>
    </message>
    <message>
        <source>card revoke needs --reason TEXT: why the card is withdrawn, e.g. &quot;lost phone&quot;.</source>
        <translation>card revoke braucht --reason TEXT: warum die Karte gesperrt wird, z. B. „Handy verloren“.</translation>
    </message>
    <message>
        <source>serve, cert, terminal, demo, balance, stats, programme, import, conflicts, expire, card-key, card or audit.</source>
        <translation>serve, cert, terminal, demo, balance, stats, programme, import, conflicts, expire, card-key, card oder audit.</translation>
    </message>
    <message>
        <source>  audit verify TILL-ID      check head office&apos;s copy of a till&apos;s audit log</source>
        <translation>  audit verify KASSEN-ID    die Kopie der Zentrale vom Prüfprotokoll einer Kasse prüfen</translation>
    </message>
    <message>
        <source>  3  conflicts found overdrafts or coupon conflicts; audit verify found tampering</source>
        <translation>  3  conflicts hat Überziehungen oder Gutscheinkonflikte gefunden; audit verify hat eine Manipulation gefunden</translation>
    </message>
    <message>
        <source>audit verify needs the till&apos;s id, e.g. &quot;loyalty-hq audit verify TILL-ID&quot; (terminal list shows them).</source>
        <translation>audit verify braucht die ID der Kasse, z. B. „loyalty-hq audit verify KASSEN-ID“ (terminal list zeigt sie).</translation>
    </message>
    <message>
        <source>  snapshot                  publish a till snapshot for new tills (beside a SQLite --db)</source>
        <translation>  snapshot                  einen Kassen-Snapshot für neue Kassen veröffentlichen (neben einer SQLite-Datenbank --db)</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Cannot read the member file %1: %2</source>
        <translation>Die Mitgliederdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Imported %1 members with %2 cards and %3 opening points.</source>
        <translation>%1 Mitglieder mit %2 Karten und %3 Punkten Anfangsbestand importiert.</translation>
    </message>
</context>
<context>
    <name>KeyboardLayout</name>
    <message>
        <source>The scanner types with a US keyboard layout but this till uses German (QWERTZ): set the scanner to German keyboard or ask your administrator.</source>
        <translation>Der Scanner tippt mit US-Tastaturbelegung, diese Kasse nutzt aber Deutsch (QWERTZ): Stellen Sie den Scanner auf deutsche Tastatur um oder fragen Sie Ihre Administration.</translation>
    </message>
    <message>
        <source>The scanner types with a US keyboard layout but this till uses French (AZERTY): set the scanner to French keyboard or ask your administrator.</source>
        <translation>Der Scanner tippt mit US-Tastaturbelegung, diese Kasse nutzt aber Französisch (AZERTY): Stellen Sie den Scanner auf französische Tastatur um oder fragen Sie Ihre Administration.</translation>
    </message>
</context>
<context>
    <name>MagneticStripeDecoder</name>
    <message>
        <source>The card&apos;s magnetic stripe was not read completely. Swipe it again in one steady movement.</source>
        <translation>Der Magnetstreifen der Karte wurde nicht vollständig gelesen. Ziehen Sie sie noch einmal in einer gleichmäßigen Bewegung durch.</translation>
    </message>
</context>
<context>
    <name>ManagerGuard</name>
    <message>
        <source>Only a signed-in manager may do this.</source>
        <translation>Das darf nur eine angemeldete Filialleitung.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
</context>
<context>
    <name>MarketingConsentText</name>
    <message>
        <source>I would like to receive offers and news of the loyalty programme by e-mail or text message. I can withdraw this consent at any time at the till or by replying to a message.</source>
        <translation>Ich möchte Angebote und Neuigkeiten des Kundenprogramms per E-Mail oder SMS erhalten. Ich kann diese Einwilligung jederzeit an der Kasse oder durch Antwort auf eine Nachricht widerrufen.</translation>
    </message>
</context>
<context>
    <name>MemberChangeApplier</name>
    <message>
        <source>is not active, blocked or replaced</source>
        <translation>ist weder active noch blocked noch replaced</translation>
    </message>
    <message>
        <source>is not number, nfc_uid or digital</source>
        <translation>ist weder number noch nfc_uid noch digital</translation>
    </message>
</context>
<context>
    <name>MemberIndex</name>
    <message>
        <source>Change %1 (%2) from head office names member %3, who is not known at this till. Nothing of the page was applied.</source>
        <translation>Änderung %1 (%2) der Zentrale nennt Mitglied %3, das an dieser Kasse nicht bekannt ist. Von dieser Seite wurde nichts übernommen.</translation>
    </message>
</context>
<context>
    <name>MemberProfileReader</name>
    <message>
        <source>Member %1 is not known at this till.</source>
        <translation>Mitglied %1 ist an dieser Kasse nicht bekannt.</translation>
    </message>
</context>
<context>
    <name>MemberPseudonym</name>
    <message>
        <source>The system&apos;s random number generator failed.</source>
        <translation>Der Zufallszahlengenerator des Systems ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The till&apos;s key for member pseudonyms is damaged.</source>
        <translation>Der Schlüssel der Kasse für Mitgliederpseudonyme ist beschädigt.</translation>
    </message>
    <message>
        <source>A member pseudonym needs the member&apos;s uuid.</source>
        <translation>Ein Mitgliederpseudonym braucht die UUID des Mitglieds.</translation>
    </message>
</context>
<context>
    <name>MemberStandingReader</name>
    <message>
        <source>Member %1 is not known at this till.</source>
        <translation>Mitglied %1 ist an dieser Kasse nicht bekannt.</translation>
    </message>
</context>
<context>
    <name>MembersCommand</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Karten</translation>
    </message>
    <message>
        <source>There are no members.</source>
        <translation>Es gibt keine Mitglieder.</translation>
    </message>
</context>
<context>
    <name>NdefMessage</name>
    <message>
        <source>The tag&apos;s data ends too early — hold the card still on the reader.</source>
        <translation>Die Daten des Tags enden zu früh – halten Sie die Karte ruhig auf das Lesegerät.</translation>
    </message>
    <message>
        <source>The tag&apos;s data is not a valid NFC message.</source>
        <translation>Die Daten des Tags sind keine gültige NFC-Nachricht.</translation>
    </message>
    <message>
        <source>The tag uses chunked NFC records, which the till does not read.</source>
        <translation>Der Tag nutzt geteilte NFC-Einträge, die die Kasse nicht liest.</translation>
    </message>
    <message>
        <source>The tag carries no NFC message.</source>
        <translation>Der Tag enthält keine NFC-Nachricht.</translation>
    </message>
</context>
<context>
    <name>NfcPolicy</name>
    <message>
        <source>The setting %1 must be 0 or 1 (it is &quot;%2&quot;).</source>
        <translation>Die Einstellung %1 muss 0 oder 1 sein (sie ist „%2“).</translation>
    </message>
    <message>
        <source>This tag could not be read as a card — hold it still on the reader.</source>
        <translation>Dieser Tag konnte nicht als Karte gelesen werden – halten Sie ihn ruhig auf das Lesegerät.</translation>
    </message>
    <message>
        <source>This tag carries no loyalty number and tags are not accepted by their ID here — scan the printed card or ask the customer for their card number.</source>
        <translation>Dieser Tag trägt keine Kundennummer, und Tags werden hier nicht über ihre Kennung angenommen – scannen Sie die gedruckte Karte oder fragen Sie nach der Kartennummer.</translation>
    </message>
</context>
<context>
    <name>OutboxCommand</name>
    <message>
        <source>Waiting:</source>
        <translation>Wartend:</translation>
    </message>
    <message>
        <source>Confirmed:</source>
        <translation>Bestätigt:</translation>
    </message>
    <message>
        <source>Rejected:</source>
        <translation>Abgewiesen:</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Folgenummer</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>PaymentCardGuard</name>
    <message>
        <source>This is a payment card. Please use the loyalty card.</source>
        <translation>Das ist eine Zahlungskarte. Bitte die Kundenkarte verwenden.</translation>
    </message>
</context>
<context>
    <name>PinHasher</name>
    <message>
        <source>A PIN has %1 to %2 digits and nothing else.</source>
        <translation>Eine PIN besteht aus %1 bis %2 Ziffern und sonst nichts.</translation>
    </message>
    <message>
        <source>This PIN is too easy to guess: no repeated digit (like 0000) and no run (like 1234).</source>
        <translation>Diese PIN ist zu leicht zu erraten. Nicht erlaubt sind lauter gleiche Ziffern (wie 0000) und Zahlenfolgen (wie 1234).</translation>
    </message>
    <message>
        <source>The system&apos;s random number generator failed.</source>
        <translation>Der Zufallszahlengenerator des Systems ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The PIN could not be hashed.</source>
        <translation>Die PIN konnte nicht gehasht werden.</translation>
    </message>
    <message>
        <source>The stored PIN uses an unknown method (&quot;%1&quot;); a manager has to set a new PIN.</source>
        <translation>Die gespeicherte PIN verwendet ein unbekanntes Verfahren („%1“); die Filialleitung muss eine neue PIN vergeben.</translation>
    </message>
</context>
<context>
    <name>PrivacyExport</name>
    <message>
        <source>There is no member %1 on this till.</source>
        <translation>An dieser Kasse gibt es kein Mitglied %1.</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(nicht angegeben)</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>Data stored about member %1</source>
        <translation>Gespeicherte Daten zu Mitglied %1</translation>
    </message>
    <message>
        <source>Exported at %1 by till %2</source>
        <translation>Exportiert am %1 von Kasse %2</translation>
    </message>
    <message>
        <source>Erased on request at %1: name, contact details and birthday are no longer stored.</source>
        <translation>Auf Wunsch gelöscht am %1: Name, Kontaktdaten und Geburtstag sind nicht mehr gespeichert.</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation>E-Mail: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Telefon: %1</translation>
    </message>
    <message>
        <source>Birthday: %1</source>
        <translation>Geburtstag: %1</translation>
    </message>
    <message>
        <source>Member since: %1</source>
        <translation>Mitglied seit: %1</translation>
    </message>
    <message>
        <source>Cards:</source>
        <translation>Karten:</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>ersetzt</translation>
    </message>
    <message>
        <source>  %1 (%2), issued %3</source>
        <translation>  %1 (%2), ausgegeben am %3</translation>
    </message>
    <message>
        <source>Consents:</source>
        <translation>Einwilligungen:</translation>
    </message>
    <message>
        <source>  %1: %2 (text %3) at %4</source>
        <extracomment>%1 the purpose (&quot;programme&quot;, &quot;marketing&quot;), %2 given or withdrawn, %3 the text version, %4 the time</extracomment>
        <translation>  %1: %2 (Text %3) am %4</translation>
    </message>
    <message>
        <source>given</source>
        <translation>erteilt</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>Balances:</source>
        <translation>Kontostände:</translation>
    </message>
    <message>
        <source>  Points: %1</source>
        <translation>  Punkte: %1</translation>
    </message>
    <message>
        <source>  Wallet: %1</source>
        <translation>  Guthaben: %1</translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation>  %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n purchase(s) at this till</source>
        <translation>
            <numerusform>%n Einkauf an dieser Kasse</numerusform>
            <numerusform>%n Einkäufe an dieser Kasse</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 in total</source>
        <translation>, insgesamt %1</translation>
    </message>
    <message numerus="yes">
        <source>%n return(s)</source>
        <translation>
            <numerusform>%n Rückgabe</numerusform>
            <numerusform>%n Rückgaben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n purchase(s) at other tills</source>
        <translation>
            <numerusform>%n Einkauf an anderen Kassen</numerusform>
            <numerusform>%n Einkäufe an anderen Kassen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ledger entry(s)</source>
        <translation>
            <numerusform>%n Buchung</numerusform>
            <numerusform>%n Buchungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n coupon(s) used</source>
        <translation>
            <numerusform>%n Gutschein eingelöst</numerusform>
            <numerusform>%n Gutscheine eingelöst</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feedback answer(s)</source>
        <translation>
            <numerusform>%n Feedback-Antwort</numerusform>
            <numerusform>%n Feedback-Antworten</numerusform>
        </translation>
    </message>
    <message>
        <source>Segments: %1</source>
        <translation>Segmente: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Referred by another member: %1</source>
        <translation>Von einem anderen Mitglied geworben: %1</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) referred</source>
        <translation>
            <numerusform>%n Mitglied geworben</numerusform>
            <numerusform>%n Mitglieder geworben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) of staff recorded in the audit log</source>
        <translation>
            <numerusform>%n Eingriff des Personals im Prüfprotokoll vermerkt</numerusform>
            <numerusform>%n Eingriffe des Personals im Prüfprotokoll vermerkt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProductsCommand</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>EAN</source>
        <translation>EAN</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Discountable</source>
        <translation>Rabattfähig</translation>
    </message>
    <message>
        <source>There are no products.</source>
        <translation>Es gibt keine Artikel.</translation>
    </message>
</context>
<context>
    <name>ProgrammeChangeApplier</name>
    <message>
        <source>Programme version %1 was not activated: this till has no head office key to check its signature with.</source>
        <translation>Programmversion %1 wurde nicht aktiviert: Diese Kasse hat keinen Schlüssel der Zentrale, um ihre Signatur zu prüfen.</translation>
    </message>
    <message>
        <source>Programme version %1 was not activated: its signature is not head office&apos;s.</source>
        <translation>Programmversion %1 wurde nicht aktiviert: Ihre Signatur stammt nicht von der Zentrale.</translation>
    </message>
    <message>
        <source>Programme version %1 was not activated: %2</source>
        <translation>Programmversion %1 wurde nicht aktiviert: %2</translation>
    </message>
    <message>
        <source>Programme version %1 was not activated: the document says it is version %2.</source>
        <translation>Programmversion %1 wurde nicht aktiviert: Laut Dokument ist es Version %2.</translation>
    </message>
</context>
<context>
    <name>ProgrammeCommand</name>
    <message>
        <source>There is no programme file %1.</source>
        <translation>Es gibt keine Programmdatei %1.</translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes; it is not a programme document. The active programme stays.</source>
        <translation>%1 ist größer als %2 Bytes; das ist kein Programmdokument. Das aktive Programm bleibt.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 was not loaded: %2. The active programme stays.</source>
        <translation>%1 wurde nicht geladen: %2. Das aktive Programm bleibt.</translation>
    </message>
    <message>
        <source>Activated %1.</source>
        <translation>%1 aktiviert.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Programme:</source>
        <translation>Programm:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Währung:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>basic rate of the till&apos;s settings (none activated)</source>
        <translation>Grundsatz aus den Kasseneinstellungen (keines aktiviert)</translation>
    </message>
    <message>
        <source>activated programme</source>
        <translation>aktiviertes Programm</translation>
    </message>
    <message>
        <source>Rules:</source>
        <translation>Regeln:</translation>
    </message>
    <message>
        <source>Cannot read the programme file %1: %2</source>
        <translation>Die Programmdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The programme file %1 is larger than 4 MiB.</source>
        <translation>Die Programmdatei %1 ist größer als 4 MiB.</translation>
    </message>
    <message>
        <source>Published programme %1 (%2), version %3, signed; every till receives it at its next sync.</source>
        <translation>Programm %1 (%2), Version %3, signiert und veröffentlicht; jede Kasse erhält es beim nächsten Abgleich.</translation>
    </message>
</context>
<context>
    <name>ProgrammeEngine</name>
    <message>
        <source>−%1 (member price %2 for %3)</source>
        <translation>−%1 (Mitgliederpreis %2 für %3)</translation>
    </message>
    <message>
        <source>−%1 (membership discount %2)</source>
        <translation>−%1 (Mitgliedschaftsrabatt %2)</translation>
    </message>
    <message>
        <source>−%1 (%2 member discount %3)</source>
        <translation>−%1 (%2-Mitgliederrabatt %3)</translation>
    </message>
    <message>
        <source>−%1 (%2: %3 off)</source>
        <translation>−%1 (%2: %3 Rabatt)</translation>
    </message>
    <message>
        <source>promotion</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Coupon %1 is not valid at this time.</source>
        <translation>Gutschein %1 ist zu dieser Zeit nicht gültig.</translation>
    </message>
    <message>
        <source>Coupon %1 is for members: scan the customer&apos;s card first.</source>
        <translation>Gutschein %1 gilt nur für Mitglieder: zuerst die Kundenkarte scannen.</translation>
    </message>
    <message>
        <source>Coupon %1 belongs to another member.</source>
        <translation>Gutschein %1 gehört einem anderen Mitglied.</translation>
    </message>
    <message>
        <source>Coupon %1 has already been used.</source>
        <translation>Gutschein %1 wurde bereits eingelöst.</translation>
    </message>
    <message>
        <source>Coupon %1 needs a purchase of at least %2.</source>
        <translation>Gutschein %1 gilt erst ab einem Einkauf von %2.</translation>
    </message>
    <message>
        <source>Coupon %1 gives points: scan the customer&apos;s card first.</source>
        <translation>Gutschein %1 bringt Punkte: zuerst die Kundenkarte scannen.</translation>
    </message>
    <message>
        <source>Coupon %1 is not known.</source>
        <translation>Gutschein %1 ist unbekannt.</translation>
    </message>
    <message>
        <source>Coupon %1 does not combine with %2; the better one for the customer was used.</source>
        <translation>Gutschein %1 ist nicht mit %2 kombinierbar; der für den Kunden günstigere wurde verwendet.</translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (coupon %1)</source>
        <translation>
            <numerusform>+%Ln Punkt (Gutschein %1)</numerusform>
            <numerusform>+%Ln Punkte (Gutschein %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Coupon %1 gives nothing on this basket.</source>
        <translation>Gutschein %1 bringt bei diesem Warenkorb nichts.</translation>
    </message>
    <message>
        <source>−%1 (coupon %2)</source>
        <translation>−%1 (Gutschein %2)</translation>
    </message>
    <message numerus="yes">
        <source>+%Ln stamp(s) on the %1 (%2 of %3)</source>
        <translation>
            <numerusform>+%Ln Stempel auf %1 (%2 von %3)</numerusform>
            <numerusform>+%Ln Stempel auf %1 (%2 von %3)</numerusform>
        </translation>
    </message>
    <message>
        <source>The %1 is full: the reward is given when a qualifying item is in the basket.</source>
        <translation>%1 ist voll: Die Prämie gibt es, sobald ein passender Artikel im Warenkorb ist.</translation>
    </message>
    <message>
        <source>−%1 (%2 full: %3 free)</source>
        <translation>−%1 (%2 voll: %3 gratis)</translation>
    </message>
    <message>
        <source>The %1 is full: the reward is given on a basket that can be discounted.</source>
        <translation>%1 ist voll: Die Prämie gibt es auf einen rabattfähigen Warenkorb.</translation>
    </message>
    <message>
        <source>−%1 (%2 full)</source>
        <translation>−%1 (%2 voll)</translation>
    </message>
    <message>
        <source>%1 full: free add-on %2</source>
        <translation>%1 voll: Gratis-Zugabe %2</translation>
    </message>
    <message>
        <source>Rewards are for members: scan the customer&apos;s card first.</source>
        <translation>Prämien gibt es nur für Mitglieder: zuerst die Kundenkarte scannen.</translation>
    </message>
    <message>
        <source>The reward %1 is not in the catalogue.</source>
        <translation>Die Prämie %1 ist nicht im Prämienkatalog.</translation>
    </message>
    <message numerus="yes">
        <source>%1 needs %Ln point(s); the member has %2.</source>
        <translation>
            <numerusform>%1 braucht %Ln Punkt; das Mitglied hat %2.</numerusform>
            <numerusform>%1 braucht %Ln Punkte; das Mitglied hat %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 free (%Ln point(s) redeemed)</source>
        <translation>
            <numerusform>%1 gratis (%Ln Punkt eingelöst)</numerusform>
            <numerusform>%1 gratis (%Ln Punkte eingelöst)</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan the product for the reward %1 first.</source>
        <translation>Zuerst den Artikel für die Prämie %1 scannen.</translation>
    </message>
    <message numerus="yes">
        <source>−%1 (%2 for %Ln point(s))</source>
        <translation>
            <numerusform>−%1 (%2 für %Ln Punkt)</numerusform>
            <numerusform>−%1 (%2 für %Ln Punkte)</numerusform>
        </translation>
    </message>
    <message>
        <source>Points can only be redeemed with the customer&apos;s card.</source>
        <translation>Punkte können nur mit der Kundenkarte eingelöst werden.</translation>
    </message>
    <message numerus="yes">
        <source>At least %Ln point(s) must be redeemed at a time.</source>
        <translation>
            <numerusform>Es muss mindestens %Ln Punkt auf einmal eingelöst werden.</numerusform>
            <numerusform>Es müssen mindestens %Ln Punkte auf einmal eingelöst werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No points can be redeemed on this basket (the member has %Ln point(s)).</source>
        <translation>
            <numerusform>Bei diesem Warenkorb können keine Punkte eingelöst werden (das Mitglied hat %Ln Punkt).</numerusform>
            <numerusform>Bei diesem Warenkorb können keine Punkte eingelöst werden (das Mitglied hat %Ln Punkte).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %Ln point(s) can be redeemed on this basket.</source>
        <translation>
            <numerusform>Bei diesem Warenkorb kann nur %Ln Punkt eingelöst werden.</numerusform>
            <numerusform>Bei diesem Warenkorb können nur %Ln Punkte eingelöst werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>−%1 (%Ln point(s) redeemed)</source>
        <translation>
            <numerusform>−%1 (%Ln Punkt eingelöst)</numerusform>
            <numerusform>−%1 (%Ln Punkte eingelöst)</numerusform>
        </translation>
    </message>
    <message>
        <source>−%1 (%2 credit)</source>
        <translation>−%1 (Gutschrift %2)</translation>
    </message>
    <message>
        <source>subscription</source>
        <translation>Abo</translation>
    </message>
    <message>
        <source>The wallet can only be used with the customer&apos;s card.</source>
        <translation>Das Guthaben kann nur mit der Kundenkarte genutzt werden.</translation>
    </message>
    <message>
        <source>The wallet holds only %1.</source>
        <translation>Das Guthaben beträgt nur %1.</translation>
    </message>
    <message>
        <source>−%1 paid from the wallet</source>
        <translation>−%1 aus dem Guthaben bezahlt</translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (%1 per full %2 spent)</source>
        <translation>
            <numerusform>+%Ln Punkt (%1 je volle %2 Umsatz)</numerusform>
            <numerusform>+%Ln Punkte (%1 je volle %2 Umsatz)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (%1 per item of %2)</source>
        <translation>
            <numerusform>+%Ln Punkt (%1 je Stück %2)</numerusform>
            <numerusform>+%Ln Punkte (%1 je Stück %2)</numerusform>
        </translation>
    </message>
    <message>
        <source>the product</source>
        <translation>des Artikels</translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (%1 on %2)</source>
        <translation>
            <numerusform>+%Ln Punkt (%1 auf %2)</numerusform>
            <numerusform>+%Ln Punkte (%1 auf %2)</numerusform>
        </translation>
    </message>
    <message>
        <source>selected products</source>
        <translation>ausgewählte Artikel</translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (%1: %2 points)</source>
        <translation>
            <numerusform>+%Ln Punkt (%1: %2 Punkte)</numerusform>
            <numerusform>+%Ln Punkte (%1: %2 Punkte)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (%1)</source>
        <translation>
            <numerusform>+%Ln Punkt (%1)</numerusform>
            <numerusform>+%Ln Punkte (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>bonus</source>
        <translation>Bonus</translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (happy birthday!)</source>
        <translation>
            <numerusform>+%Ln Punkt (alles Gute zum Geburtstag!)</numerusform>
            <numerusform>+%Ln Punkte (alles Gute zum Geburtstag!)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (first purchase after a referral)</source>
        <translation>
            <numerusform>+%Ln Punkt (erster Einkauf nach einer Empfehlung)</numerusform>
            <numerusform>+%Ln Punkte (erster Einkauf nach einer Empfehlung)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) for the member who referred this customer</source>
        <translation>
            <numerusform>+%Ln Punkt für das Mitglied, das diesen Kunden geworben hat</numerusform>
            <numerusform>+%Ln Punkte für das Mitglied, das diesen Kunden geworben hat</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (%1: visit %2 this month)</source>
        <translation>
            <numerusform>+%Ln Punkt (%1: %2. Besuch in diesem Monat)</numerusform>
            <numerusform>+%Ln Punkte (%1: %2. Besuch in diesem Monat)</numerusform>
        </translation>
    </message>
    <message>
        <source>challenge</source>
        <translation>Challenge</translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (surprise: sale no. %1 of the day)</source>
        <translation>
            <numerusform>+%Ln Punkt (Überraschung: Einkauf Nr. %1 des Tages)</numerusform>
            <numerusform>+%Ln Punkte (Überraschung: Einkauf Nr. %1 des Tages)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (surprise reward)</source>
        <translation>
            <numerusform>+%Ln Punkt (Überraschungsprämie)</numerusform>
            <numerusform>+%Ln Punkte (Überraschungsprämie)</numerusform>
        </translation>
    </message>
    <message>
        <source>+%1 cashback to the wallet (%2 of %3)</source>
        <translation>+%1 Cashback aufs Guthaben (%2 von %3)</translation>
    </message>
    <message>
        <source>eligible spend</source>
        <translation>berechtigtem Umsatz</translation>
    </message>
    <message>
        <source>+%1 %2 credit for the next orders</source>
        <translation>+%1 Gutschrift %2 für die nächsten Einkäufe</translation>
    </message>
    <message numerus="yes">
        <source>Membership for %Ln day(s), %1 off from the next purchase</source>
        <translation>
            <numerusform>Mitgliedschaft für %Ln Tag, %1 Rabatt ab dem nächsten Einkauf</numerusform>
            <numerusform>Mitgliedschaft für %Ln Tage, %1 Rabatt ab dem nächsten Einkauf</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (welcome bonus)</source>
        <translation>
            <numerusform>+%Ln Punkt (Willkommensbonus)</numerusform>
            <numerusform>+%Ln Punkte (Willkommensbonus)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (thank you for your feedback)</source>
        <translation>
            <numerusform>+%Ln Punkt (danke für Ihr Feedback)</numerusform>
            <numerusform>+%Ln Punkte (danke für Ihr Feedback)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 needs %Ln point(s); until head office confirms the earlier redemptions, at most %2 can be redeemed.</source>
        <translation>
            <numerusform>%1 braucht %Ln Punkt; bis die Zentrale die früheren Einlösungen bestätigt, können höchstens %2 eingelöst werden.</numerusform>
            <numerusform>%1 braucht %Ln Punkte; bis die Zentrale die früheren Einlösungen bestätigt, können höchstens %2 eingelöst werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No more points can be redeemed now: at most %Ln point(s) a day until head office confirms the earlier redemptions.</source>
        <translation>
            <numerusform>Jetzt können keine Punkte mehr eingelöst werden: höchstens %Ln Punkt pro Tag, bis die Zentrale die früheren Einlösungen bestätigt.</numerusform>
            <numerusform>Jetzt können keine Punkte mehr eingelöst werden: höchstens %Ln Punkte pro Tag, bis die Zentrale die früheren Einlösungen bestätigt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %Ln point(s) can be redeemed until head office confirms the earlier redemptions.</source>
        <translation>
            <numerusform>Bis die Zentrale die früheren Einlösungen bestätigt, kann höchstens %Ln Punkt eingelöst werden.</numerusform>
            <numerusform>Bis die Zentrale die früheren Einlösungen bestätigt, können höchstens %Ln Punkte eingelöst werden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgrammeParser</name>
    <message>
        <source>not a JSON document (%1 at byte %2)</source>
        <translation>kein JSON-Dokument (%1 bei Byte %2)</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>format %1 is not supported; this till reads format %2</source>
        <translation>Format %1 wird nicht unterstützt; diese Kasse liest Format %2</translation>
    </message>
    <message>
        <source>must be three upper-case letters (ISO 4217), e.g. &quot;EUR&quot;</source>
        <translation>muss aus drei Großbuchstaben bestehen (ISO 4217), z. B. „EUR“</translation>
    </message>
    <message>
        <source>the first tier is the entry tier and must have threshold 0</source>
        <translation>die erste Stufe ist die Einstiegsstufe und muss die Schwelle 0 haben</translation>
    </message>
    <message>
        <source>must be greater than the previous tier&apos;s</source>
        <translation>muss größer sein als die der vorigen Stufe</translation>
    </message>
    <message>
        <source>required, one of %1</source>
        <translation>erforderlich, eines von %1</translation>
    </message>
    <message>
        <source>unknown rule type; one of %1</source>
        <translation>unbekannter Regeltyp; erlaubt ist einer von %1</translation>
    </message>
    <message>
        <source>not used by a %1 rule</source>
        <translation>wird von einer Regel vom Typ %1 nicht verwendet</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>unbekannter Schlüssel</translation>
    </message>
    <message>
        <source>a member_price rule must list the products it prices in &quot;eans&quot;</source>
        <translation>eine member_price-Regel muss die Artikel, die sie bepreist, in „eans“ aufführen</translation>
    </message>
    <message>
        <source>points or referee_points must be greater than 0</source>
        <translation>points oder referee_points muss größer als 0 sein</translation>
    </message>
    <message>
        <source>a surprise rule needs every_nth or probability_permille greater than 0</source>
        <translation>eine surprise-Regel braucht every_nth oder probability_permille größer als 0</translation>
    </message>
    <message>
        <source>give either every_nth or probability_permille, not both</source>
        <translation>entweder every_nth oder probability_permille angeben, nicht beide</translation>
    </message>
    <message>
        <source>a subscription_credit rule must name its subscription products</source>
        <translation>eine subscription_credit-Regel muss ihre Abo-Artikel nennen</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>the code %1 is listed more than once</source>
        <translation>der Code %1 ist mehrfach aufgeführt</translation>
    </message>
    <message>
        <source>must list at least one code</source>
        <translation>muss mindestens einen Code aufführen</translation>
    </message>
    <message>
        <source>must be letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 64)</source>
        <translation>muss aus Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos; bestehen (höchstens 64)</translation>
    </message>
    <message>
        <source>must be a member&apos;s UUID</source>
        <translation>muss die UUID eines Mitglieds sein</translation>
    </message>
    <message>
        <source>only a coupon of kind &quot;member&quot; has a member_uuid</source>
        <translation>nur ein Gutschein der Art „member“ hat eine member_uuid</translation>
    </message>
    <message>
        <source>a coupon needs one of basis_points, amount_minor or bonus_points</source>
        <translation>ein Gutschein braucht eines von basis_points, amount_minor oder bonus_points</translation>
    </message>
    <message>
        <source>a coupon gives one of basis_points, amount_minor or bonus_points</source>
        <translation>ein Gutschein gibt nur eines von basis_points, amount_minor oder bonus_points</translation>
    </message>
    <message>
        <source>only used with mode &quot;after_months&quot;</source>
        <translation>nur mit mode „after_months“ verwendet</translation>
    </message>
    <message>
        <source>only used with allow_negative true</source>
        <translation>nur mit allow_negative true verwendet</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>muss eine Liste sein</translation>
    </message>
    <message>
        <source>must be a whole number &gt;= %1</source>
        <translation>muss eine ganze Zahl &gt;= %1 sein</translation>
    </message>
    <message>
        <source>must be at most %1</source>
        <translation>darf höchstens %1 sein</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>must be a text</source>
        <translation>muss ein Text sein</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>must be an identifier: letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 64)</source>
        <translation>muss eine Kennung sein: Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos; (höchstens 64)</translation>
    </message>
    <message>
        <source>must be an EAN: 8, 12, 13 or 14 digits with the right check digit</source>
        <translation>muss eine EAN sein: 8, 12, 13 oder 14 Ziffern mit richtiger Prüfziffer</translation>
    </message>
    <message>
        <source>must be a text that is not empty</source>
        <translation>muss ein nicht leerer Text sein</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 ist doppelt aufgeführt</translation>
    </message>
    <message>
        <source>must not be before &quot;from&quot;</source>
        <translation>darf nicht vor „from“ liegen</translation>
    </message>
    <message>
        <source>must be a weekday from 1 (Monday) to 7 (Sunday)</source>
        <translation>muss ein Wochentag von 1 (Montag) bis 7 (Sonntag) sein</translation>
    </message>
    <message>
        <source>must be after start_time</source>
        <translation>muss nach start_time liegen</translation>
    </message>
    <message>
        <source>must be a date YYYY-MM-DD</source>
        <translation>muss ein Datum YYYY-MM-DD sein</translation>
    </message>
    <message>
        <source>must be a time HH:MM from 00:00 to 23:59</source>
        <translation>muss eine Uhrzeit HH:MM von 00:00 bis 23:59 sein</translation>
    </message>
    <message>
        <source>no tier has the id %1</source>
        <translation>keine Stufe hat die ID %1</translation>
    </message>
    <message>
        <source>must be true when tiers or segments are given</source>
        <translation>muss true sein, wenn tiers oder segments angegeben sind</translation>
    </message>
    <message>
        <source>the id %1 is used twice</source>
        <translation>die ID %1 ist doppelt vergeben</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>muss eines von %1 sein</translation>
    </message>
</context>
<context>
    <name>ProgrammeStore</name>
    <message>
        <source>version %1 is not newer than the active version %2</source>
        <translation>Version %1 ist nicht neuer als die aktive Version %2</translation>
    </message>
    <message>
        <source>The active programme (version %1) can no longer be read: %2</source>
        <translation>Das aktive Programm (Version %1) kann nicht mehr gelesen werden: %2</translation>
    </message>
    <message>
        <source>The built-in demo programme is missing from this build.</source>
        <translation>Das eingebaute Demoprogramm fehlt in diesem Build.</translation>
    </message>
</context>
<context>
    <name>ProvisionCommand</name>
    <message>
        <source>provisioning: %1 changes applied, %2 remaining</source>
        <translation>Einrichtung: %1 Änderungen übernommen, %2 ausstehend</translation>
    </message>
    <message>
        <source>The snapshot stopped after %1 changes (%2); run the same command again to continue.</source>
        <translation>Die Übertragung des Datenbestands brach nach %1 Änderungen ab (%2); führen Sie denselben Befehl erneut aus, um fortzufahren.</translation>
    </message>
    <message>
        <source>Till:</source>
        <translation>Kasse:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Head office:</source>
        <translation>Zentrale:</translation>
    </message>
    <message>
        <source>Changes applied:</source>
        <translation>Übernommene Änderungen:</translation>
    </message>
    <message>
        <source>Members:</source>
        <translation>Mitglieder:</translation>
    </message>
    <message>
        <source>Provisioning continued; the till is connected to head office.</source>
        <translation>Einrichtung fortgesetzt; die Kasse ist mit der Zentrale verbunden.</translation>
    </message>
    <message>
        <source>The till is connected to head office.</source>
        <translation>Die Kasse ist mit der Zentrale verbunden.</translation>
    </message>
    <message>
        <source>Snapshot file:</source>
        <translation>Snapshot-Datei:</translation>
    </message>
    <message>
        <source>used</source>
        <translation>verwendet</translation>
    </message>
</context>
<context>
    <name>Provisioner</name>
    <message>
        <source>Head office could not be reached: %1</source>
        <translation>Die Zentrale war nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>This till is not provisioned yet: it needs the code from &quot;loyalty-hq terminal add&quot;.</source>
        <translation>Diese Kasse ist noch nicht eingerichtet: Sie braucht den Code aus „loyalty-hq terminal add“.</translation>
    </message>
    <message>
        <source>The pin &quot;%1&quot; is not sha256/ followed by the base64 of 32 bytes.</source>
        <translation>Der Pin „%1“ hat nicht die Form sha256/ gefolgt von 32 Bytes in Base64.</translation>
    </message>
    <message>
        <source>There is no CA file at %1.</source>
        <translation>Unter %1 gibt es keine CA-Datei.</translation>
    </message>
    <message>
        <source>Head office refused the code: it is unknown, used or expired. Ask for a new one (&quot;loyalty-hq terminal add&quot;).</source>
        <translation>Die Zentrale hat den Code abgelehnt: Er ist unbekannt, bereits verwendet oder abgelaufen. Fordern Sie einen neuen an („loyalty-hq terminal add“).</translation>
    </message>
    <message>
        <source>Head office refused to provision this till: %1</source>
        <translation>Die Zentrale hat die Einrichtung dieser Kasse abgelehnt: %1</translation>
    </message>
    <message>
        <source>Head office&apos;s answer to the provisioning lacks the till id or secret.</source>
        <translation>Der Antwort der Zentrale auf die Einrichtung fehlen Kassen-ID oder Geheimnis.</translation>
    </message>
</context>
<context>
    <name>QrMatrix</name>
    <message>
        <source>A QR code needs some text to encode.</source>
        <translation>Ein QR-Code braucht einen Text zum Kodieren.</translation>
    </message>
    <message>
        <source>The text is too long for a QR code (%1 bytes).</source>
        <translation>Der Text ist zu lang für einen QR-Code (%1 Bytes).</translation>
    </message>
</context>
<context>
    <name>QuoteCommand</name>
    <message>
        <source>EAN</source>
        <translation>EAN</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Pays</source>
        <translation>Zahlt</translation>
    </message>
    <message>
        <source>Quote at:</source>
        <translation>Berechnet für:</translation>
    </message>
    <message>
        <source>Programme:</source>
        <translation>Programm:</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1, Version %2</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>Mitglied:</translation>
    </message>
    <message>
        <source>%1 (card %2)</source>
        <translation>%1 (Karte %2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>Summe:</translation>
    </message>
    <message>
        <source>Discount:</source>
        <translation>Rabatt:</translation>
    </message>
    <message>
        <source>Payable:</source>
        <translation>Zu zahlen:</translation>
    </message>
    <message>
        <source>Points earned:</source>
        <translation>Gesammelte Punkte:</translation>
    </message>
    <message>
        <source>Points redeemed:</source>
        <translation>Eingelöste Punkte:</translation>
    </message>
    <message>
        <source>Balance after:</source>
        <translation>Punktestand danach:</translation>
    </message>
    <message>
        <source>%1 points (now %2)</source>
        <translation>%1 Punkte (jetzt %2)</translation>
    </message>
    <message>
        <source>Wallet after:</source>
        <translation>Guthaben danach:</translation>
    </message>
    <message>
        <source>Nothing was written: this is a quote.</source>
        <translation>Es wurde nichts gespeichert: Dies ist nur eine Probeberechnung.</translation>
    </message>
</context>
<context>
    <name>ReadConnection</name>
    <message>
        <source>The till database %1 does not exist.</source>
        <translation>Die Kassendatenbank %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The till database could not be opened for reading: %1</source>
        <translation>Die Kassendatenbank konnte nicht zum Lesen geöffnet werden: %1</translation>
    </message>
</context>
<context>
    <name>ReasonText</name>
    <message>
        <source>%1 %</source>
        <extracomment>a percentage in a reason, e.g. &quot;10 %&quot;</extracomment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1×</source>
        <extracomment>a points multiplier, e.g. &quot;2×&quot;</extracomment>
        <translation>%1×</translation>
    </message>
</context>
<context>
    <name>ReceiptCommand</name>
    <message>
        <source>Receipt %1 written to %2 (%3 bytes of ESC/POS).
</source>
        <translation>Bon %1 nach %2 geschrieben (%3 Bytes ESC/POS).
</translation>
    </message>
    <message>
        <source>Receipt %1 sent to the printer at %2:%3.
</source>
        <translation>Bon %1 an den Drucker unter %2:%3 gesendet.
</translation>
    </message>
    <message>
        <source>Receipt %1 sent to the printer %2.
</source>
        <translation>Bon %1 an den Drucker %2 gesendet.
</translation>
    </message>
    <message>
        <source>The receipt cannot be written to %1: %2</source>
        <translation>Der Bon kann nicht nach %1 geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ReceiptComposer</name>
    <message>
        <source>%1 P</source>
        <extracomment>a points balance in the receipt&apos;s amount column, e.g. &quot;1.234 P&quot;</extracomment>
        <translation>%1 P</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Prämie</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>Eingelöste Punkte</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Ersparnis</translation>
    </message>
    <message>
        <source>Coupon %1</source>
        <translation>Gutschein %1</translation>
    </message>
    <message>
        <source>Cashback</source>
        <translation>Cashback</translation>
    </message>
    <message>
        <source>Paid from wallet</source>
        <translation>Mit Guthaben bezahlt</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Gutschrift</translation>
    </message>
    <message>
        <source>Stamps</source>
        <translation>Stempel</translation>
    </message>
    <message>
        <source>Stamp card</source>
        <translation>Stempelkarte</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Mitgliedschaft</translation>
    </message>
    <message numerus="yes">
        <source>+%Ln stamp(s)</source>
        <extracomment>stamps a sale put on a stamp card, in the receipt&apos;s amount column</extracomment>
        <translation>
            <numerusform>+%Ln Stempel</numerusform>
            <numerusform>+%Ln Stempel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>−%Ln stamp(s)</source>
        <extracomment>stamps a completed card&apos;s reward took off, in the receipt&apos;s amount column</extracomment>
        <translation>
            <numerusform>−%Ln Stempel</numerusform>
            <numerusform>−%Ln Stempel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln day(s)</source>
        <extracomment>days of paid membership a sale added, in the receipt&apos;s amount column</extracomment>
        <translation>
            <numerusform>+%Ln Tag</numerusform>
            <numerusform>+%Ln Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Thank you for your visit!</source>
        <translation>Vielen Dank für Ihren Besuch!</translation>
    </message>
    <message>
        <source>*** COPY — not a new sale ***</source>
        <translation>*** KOPIE – kein neuer Verkauf ***</translation>
    </message>
    <message>
        <source>PRINTER TEST</source>
        <translation>DRUCKERTEST</translation>
    </message>
    <message>
        <source>Paper %1 mm: %2 characters a line</source>
        <extracomment>%1 is the paper width in mm (58 or 80), %2 the characters per line (32 or 48)</extracomment>
        <translation>Papier %1 mm: %2 Zeichen pro Zeile</translation>
    </message>
    <message>
        <source>Bold text</source>
        <translation>Fettschrift</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Groß</translation>
    </message>
    <message>
        <source>Amount column</source>
        <translation>Betragsspalte</translation>
    </message>
    <message>
        <source>The ruler fills one line, the letters print as shown and the code scans: the printer is set up.</source>
        <translation>Das Lineal füllt eine Zeile, die Buchstaben erscheinen wie gezeigt und der Code lässt sich scannen: Der Drucker ist eingerichtet.</translation>
    </message>
    <message>
        <source>COPY</source>
        <translation>KOPIE</translation>
    </message>
    <message>
        <source>Receipt %1 · %2</source>
        <extracomment>%1 is the sale (receipt) number the customer brings back for a return, %2 the till&apos;s name</extracomment>
        <translation>Bon %1 · %2</translation>
    </message>
    <message>
        <source>Reprint of the receipt of this sale</source>
        <translation>Nachdruck des Bons zu diesem Verkauf</translation>
    </message>
    <message>
        <source>  %1 × %2</source>
        <extracomment>a line&apos;s quantity and unit price under its name, e.g. &quot; 3 × 1,29 €&quot;</extracomment>
        <translation>  %1 × %2</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <source>Your savings</source>
        <translation>Ihre Ersparnis</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>SUMME</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln Artikel</numerusform>
            <numerusform>%Ln Artikel</numerusform>
        </translation>
    </message>
    <message>
        <source>YOUR LOYALTY ACCOUNT</source>
        <translation>IHR KUNDENKONTO</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>Karte %1</translation>
    </message>
    <message>
        <source>This sale earned nothing on your account.</source>
        <translation>Dieser Einkauf hat Ihrem Konto nichts gutgeschrieben.</translation>
    </message>
    <message>
        <source>This sale:</source>
        <translation>Dieser Einkauf:</translation>
    </message>
    <message>
        <source>Balance after this sale:</source>
        <translation>Kontostand nach diesem Einkauf:</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>a stamp card&apos;s stamps after the sale: &quot;7 of 10&quot;</extracomment>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>  Full: your reward is due on your next visit</source>
        <translation>  Voll: Ihre Prämie gibt es beim nächsten Besuch</translation>
    </message>
    <message numerus="yes">
        <source>%Ln point(s) expire on %1 — use them before then</source>
        <translation>
            <numerusform>%Ln Punkt verfällt am %1 – bitte vorher einlösen</numerusform>
            <numerusform>%Ln Punkte verfallen am %1 – bitte vorher einlösen</numerusform>
        </translation>
    </message>
    <message>
        <source>Tier %1 · highest tier reached</source>
        <extracomment>%1 is the tier held, %2 the way to the next one (&quot;230 points to Gold&quot;)</extracomment>
        <translation>Stufe %1 · höchste Stufe erreicht</translation>
    </message>
    <message>
        <source>Tier %1 · %2</source>
        <translation>Stufe %1 · %2</translation>
    </message>
    <message>
        <source>Not a member yet? Ask at the till for a loyalty card and collect points on every purchase.</source>
        <translation>Noch kein Mitglied? Fragen Sie an der Kasse nach einer Kundenkarte und sammeln Sie bei jedem Einkauf Punkte.</translation>
    </message>
    <message>
        <source>Your digital card: scan it into your phone&apos;s wallet</source>
        <translation>Ihre digitale Karte: mit dem Smartphone scannen und in der Wallet speichern</translation>
    </message>
    <message>
        <source>How did we do? Scan the code and tell us</source>
        <translation>Wie zufrieden waren Sie? Scannen Sie den Code und sagen Sie es uns</translation>
    </message>
</context>
<context>
    <name>ReceiptReader</name>
    <message>
        <source>There is no sale number %1 at this till.</source>
        <translation>An dieser Kasse gibt es keinen Verkauf mit der Nummer %1.</translation>
    </message>
    <message>
        <source>Sale %1 has an effect of an unknown kind (%2); its receipt cannot be printed.</source>
        <translation>Verkauf %1 hat einen Kundenvorteil unbekannter Art (%2); sein Bon kann nicht gedruckt werden.</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message>
        <source>Revenue per week</source>
        <translation>Umsatz pro Woche</translation>
    </message>
    <message>
        <source>Revenue per day</source>
        <translation>Umsatz pro Tag</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>Points in the period</source>
        <translation>Punkte im Zeitraum</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Vergeben</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Eingelöst</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Verfallen</translation>
    </message>
    <message>
        <source>Member revenue by ABC class (%)</source>
        <translation>Mitgliederumsatz nach ABC-Klasse (%)</translation>
    </message>
    <message>
        <source>Share of member revenue</source>
        <translation>Anteil am Mitgliederumsatz</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>Rewards redeemed</source>
        <translation>Eingelöste Prämien</translation>
    </message>
    <message>
        <source>Times redeemed</source>
        <translation>Einlösungen</translation>
    </message>
</context>
<context>
    <name>ReportCsv</name>
    <message>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Zeitraum von</translation>
    </message>
    <message>
        <source>Period to (exclusive)</source>
        <translation>Zeitraum bis (ausschließlich)</translation>
    </message>
    <message>
        <source>Comparison from</source>
        <translation>Vergleich von</translation>
    </message>
    <message>
        <source>Comparison to (exclusive)</source>
        <translation>Vergleich bis (ausschließlich)</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <source>Sales with members</source>
        <translation>Verkäufe mit Mitglied</translation>
    </message>
    <message>
        <source>Sales without members</source>
        <translation>Verkäufe ohne Mitglied</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Revenue with members</source>
        <translation>Umsatz mit Mitglied</translation>
    </message>
    <message>
        <source>Revenue without members</source>
        <translation>Umsatz ohne Mitglied</translation>
    </message>
    <message>
        <source>Member share of revenue (per mille)</source>
        <translation>Umsatzanteil der Mitglieder (Promille)</translation>
    </message>
    <message>
        <source>Average basket, members</source>
        <translation>Durchschnittlicher Warenkorb, Mitglieder</translation>
    </message>
    <message>
        <source>Average basket, others</source>
        <translation>Durchschnittlicher Warenkorb, andere</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Rückgaben</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Points issued</source>
        <translation>Vergebene Punkte</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>Eingelöste Punkte</translation>
    </message>
    <message>
        <source>Points expired</source>
        <translation>Verfallene Punkte</translation>
    </message>
    <message>
        <source>Points outstanding</source>
        <translation>Offene Punkte</translation>
    </message>
    <message>
        <source>Points liability</source>
        <translation>Verbindlichkeit aus Punkten</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>Aktive Mitglieder</translation>
    </message>
    <message>
        <source>Purchase frequency (sales per member, per mille)</source>
        <translation>Kaufhäufigkeit (Verkäufe pro Mitglied, Promille)</translation>
    </message>
    <message>
        <source>Active members in the comparison period</source>
        <translation>Aktive Mitglieder im Vergleichszeitraum</translation>
    </message>
    <message>
        <source>Retained members</source>
        <translation>Wiedergekommene Mitglieder</translation>
    </message>
    <message>
        <source>Retention (per mille)</source>
        <translation>Wiederkehrquote (Promille)</translation>
    </message>
    <message>
        <source>ABC class</source>
        <translation>ABC-Klasse</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Share of member revenue (per mille)</source>
        <translation>Anteil am Mitgliederumsatz (Promille)</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Prämie</translation>
    </message>
    <message>
        <source>Times redeemed</source>
        <translation>Einlösungen</translation>
    </message>
    <message>
        <source>Points or stamps</source>
        <translation>Punkte oder Stempel</translation>
    </message>
    <message>
        <source>Week from</source>
        <translation>Woche ab</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message>
        <source>%1%2%3 %</source>
        <comment>per mille as a percentage: whole part, decimal point, tenth</comment>
        <translation>%1%2%3 %</translation>
    </message>
</context>
<context>
    <name>ReturnCommand</name>
    <message>
        <source>Sale %1 has no line with the product %2.</source>
        <translation>Verkauf %1 hat keine Position mit dem Artikel %2.</translation>
    </message>
    <message>
        <source>Return:</source>
        <translation>Rückgabe:</translation>
    </message>
    <message>
        <source>UUID:</source>
        <translation>UUID:</translation>
    </message>
    <message>
        <source>Sale:</source>
        <translation>Verkauf:</translation>
    </message>
    <message>
        <source>Refund:</source>
        <translation>Erstattung:</translation>
    </message>
    <message>
        <source>New balance:</source>
        <translation>Neuer Punktestand:</translation>
    </message>
    <message>
        <source>Reversed:</source>
        <translation>Zurückgebucht:</translation>
    </message>
</context>
<context>
    <name>ReturnService</name>
    <message>
        <source>The number of items to return must be at least 1.</source>
        <translation>Die Zahl der zurückgegebenen Artikel muss mindestens 1 sein.</translation>
    </message>
    <message>
        <source>Choose at least one item to return.</source>
        <translation>Wählen Sie mindestens einen Artikel für die Rückgabe.</translation>
    </message>
    <message>
        <source>There is no sale %1 at this till.</source>
        <translation>An dieser Kasse gibt es keinen Verkauf %1.</translation>
    </message>
    <message>
        <source>Sale %1 has no line %2.</source>
        <translation>Verkauf %1 hat keine Position %2.</translation>
    </message>
    <message>
        <source>Only %1 of &quot;%2&quot; can still be returned: %3 bought, %4 already returned.</source>
        <translation>Von „%2“ können nur noch %1 zurückgegeben werden: %3 gekauft, %4 bereits zurückgegeben.</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>the whole sale</source>
        <translation>gesamter Einkauf</translation>
    </message>
    <message>
        <source>%1 wallet (return of %2)</source>
        <translation>%1 Guthaben (Rückgabe: %2)</translation>
    </message>
    <message>
        <source>%1 credit (return of %2)</source>
        <translation>%1 Gutschrift (Rückgabe: %2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 stamp(s) (return of %2)</source>
        <translation>
            <numerusform>%1 Stempel (Rückgabe: %2)</numerusform>
            <numerusform>%1 Stempel (Rückgabe: %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 day(s) of membership (return of %2)</source>
        <translation>
            <numerusform>%1 Tag Mitgliedschaft (Rückgabe: %2)</numerusform>
            <numerusform>%1 Tage Mitgliedschaft (Rückgabe: %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 point(s) (return of %2)</source>
        <translation>
            <numerusform>%1 Punkt (Rückgabe: %2)</numerusform>
            <numerusform>%1 Punkte (Rückgabe: %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This return takes back %1 point(s), but the member has only %2 left and the programme does not allow a negative balance. Nothing was returned.</source>
        <translation>
            <numerusform>Diese Rückgabe bucht %1 Punkt zurück, das Mitglied hat aber nur noch %2 und das Programm erlaubt keinen negativen Punktestand. Es wurde nichts zurückgenommen.</numerusform>
            <numerusform>Diese Rückgabe bucht %1 Punkte zurück, das Mitglied hat aber nur noch %2 und das Programm erlaubt keinen negativen Punktestand. Es wurde nichts zurückgenommen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This return takes back %1 point(s); the member has %2 and the balance may not go below %3. Nothing was returned.</source>
        <translation>
            <numerusform>Diese Rückgabe bucht %1 Punkt zurück; das Mitglied hat %2 und der Punktestand darf nicht unter %3 sinken. Es wurde nichts zurückgenommen.</numerusform>
            <numerusform>Diese Rückgabe bucht %1 Punkte zurück; das Mitglied hat %2 und der Punktestand darf nicht unter %3 sinken. Es wurde nichts zurückgenommen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReturnableSale</name>
    <message>
        <source>No sale with receipt number &quot;%1&quot; at this till. Check the number on the receipt or scan its code.</source>
        <translation>Kein Verkauf mit der Bonnummer „%1“ an dieser Kasse. Prüfen Sie die Nummer auf dem Bon oder scannen Sie seinen Code.</translation>
    </message>
    <message>
        <source>Type or scan the receipt number of the sale.</source>
        <translation>Bonnummer des Verkaufs eintippen oder scannen.</translation>
    </message>
</context>
<context>
    <name>RevokedCardList</name>
    <message>
        <source>Revoking a digital card needs its card id.</source>
        <translation>Zum Zurückziehen einer digitalen Karte ist ihre Kartennummer nötig.</translation>
    </message>
</context>
<context>
    <name>RotatingCodeSigner</name>
    <message>
        <source>This is not a digital card as head office issues it.</source>
        <translation>Das ist keine digitale Karte, wie die Zentrale sie ausgibt.</translation>
    </message>
</context>
<context>
    <name>SaleCommand</name>
    <message>
        <source>Sale:</source>
        <translation>Verkauf:</translation>
    </message>
    <message>
        <source>UUID:</source>
        <translation>UUID:</translation>
    </message>
    <message>
        <source>Completed at:</source>
        <translation>Abgeschlossen am:</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>Mitglied:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>Artikel:</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>Summe:</translation>
    </message>
    <message>
        <source>Points earned:</source>
        <translation>Gesammelte Punkte:</translation>
    </message>
    <message>
        <source>New balance:</source>
        <translation>Neuer Punktestand:</translation>
    </message>
    <message>
        <source>Discount:</source>
        <translation>Rabatt:</translation>
    </message>
    <message>
        <source>Payable:</source>
        <translation>Zu zahlen:</translation>
    </message>
    <message>
        <source>Points redeemed:</source>
        <translation>Eingelöste Punkte:</translation>
    </message>
    <message>
        <source>New wallet:</source>
        <translation>Neues Guthaben:</translation>
    </message>
</context>
<context>
    <name>SaleEffectWriter</name>
    <message>
        <source>Coupon %1 has already been used; the sale was not completed.</source>
        <translation>Gutschein %1 wurde bereits eingelöst; der Verkauf wurde nicht abgeschlossen.</translation>
    </message>
</context>
<context>
    <name>SaleService</name>
    <message>
        <source>There is nothing to complete: scan a product first.</source>
        <translation>Es gibt nichts abzuschließen: Scannen Sie zuerst einen Artikel.</translation>
    </message>
    <message>
        <source>The basket is in %1 but the till sells in %2.</source>
        <translation>Der Warenkorb ist in %1, die Kasse verkauft aber in %2.</translation>
    </message>
    <message>
        <source>The member&apos;s card is not active; the sale was not completed.</source>
        <translation>Die Karte des Mitglieds ist nicht aktiv; der Verkauf wurde nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>The member&apos;s points changed meanwhile; the sale was not completed. Try again.</source>
        <translation>Die Punkte des Mitglieds haben sich inzwischen geändert; der Verkauf wurde nicht abgeschlossen. Bitte erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>SalesCommand</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Completed at</source>
        <translation>Abgeschlossen am</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>No sales yet.</source>
        <translation>Noch keine Verkäufe.</translation>
    </message>
</context>
<context>
    <name>ScanDecoder</name>
    <message>
        <source>Not a card or product barcode this till knows. Scan again or type the number on the card.</source>
        <translation>Kein Karten- oder Artikelcode, den diese Kasse kennt. Erneut scannen oder die Nummer auf der Karte eintippen.</translation>
    </message>
</context>
<context>
    <name>ScanSanitiser</name>
    <message>
        <source>The scan was far too long for a card or a barcode. Scan again; if it keeps happening, check the scanner&apos;s settings.</source>
        <translation>Der Scan war viel zu lang für eine Karte oder einen Barcode. Erneut scannen; wenn es wieder passiert, die Einstellungen des Scanners prüfen.</translation>
    </message>
    <message>
        <source>Nothing was scanned.</source>
        <translation>Es wurde nichts gescannt.</translation>
    </message>
    <message>
        <source>The scan was garbled by control characters. Scan again; if it keeps happening, check the scanner&apos;s prefix and suffix settings.</source>
        <translation>Der Scan war durch Steuerzeichen verstümmelt. Erneut scannen; wenn es wieder passiert, Präfix- und Suffix-Einstellungen des Scanners prüfen.</translation>
    </message>
    <message>
        <source>The scan held characters no card or barcode has. Scan again; if it keeps happening, check the scanner&apos;s keyboard layout.</source>
        <translation>Der Scan enthielt Zeichen, die keine Karte und kein Barcode hat. Erneut scannen; wenn es wieder passiert, die Tastaturbelegung des Scanners prüfen.</translation>
    </message>
</context>
<context>
    <name>SchemaMigrator</name>
    <message>
        <source>This database has schema version %1, but this program only knows up to version %2. It was written by a newer Loyalty Till; install that version instead. The database was not changed.</source>
        <translation>Diese Datenbank hat die Schemaversion %1, dieses Programm kennt aber nur bis Version %2. Sie stammt von einem neueren Loyalty Till; installieren Sie diese Version. Die Datenbank wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Upgrading the database to version %1 (%2) failed; it stays at the previous version. %3</source>
        <translation>Die Aktualisierung der Datenbank auf Version %1 (%2) ist fehlgeschlagen; sie bleibt auf der vorigen Version. %3</translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message>
        <source>Points expiry failed: %1</source>
        <translation>Punkteverfall fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Points expiry for %1: %2 members, %3 entries, %4 points.</source>
        <translation>Punkteverfall für %1: %2 Mitglieder, %3 Buchungen, %4 Punkte.</translation>
    </message>
</context>
<context>
    <name>SnapshotAdoption</name>
    <message>
        <source>The till already holds %1; it continues with the change feed.</source>
        <translation>Die Kasse enthält bereits %1; sie macht mit dem Änderungs-Feed weiter.</translation>
    </message>
    <message>
        <source>The till has pulled changes already; it continues with the change feed.</source>
        <translation>Die Kasse hat bereits Änderungen abgerufen; sie macht mit dem Änderungs-Feed weiter.</translation>
    </message>
    <message>
        <source>The snapshot&apos;s table %1 is not defined as this till&apos;s.</source>
        <translation>Die Tabelle %1 des Snapshots ist anders definiert als die dieser Kasse.</translation>
    </message>
</context>
<context>
    <name>SnapshotCommand</name>
    <message>
        <source>Already published, nothing new in the feed: %1</source>
        <translation>Bereits veröffentlicht, nichts Neues im Feed: %1</translation>
    </message>
    <message>
        <source>Published: %1</source>
        <translation>Veröffentlicht: %1</translation>
    </message>
    <message>
        <source>Members: %1</source>
        <translation>Mitglieder: %1</translation>
    </message>
    <message>
        <source>Cursor: %1</source>
        <translation>Cursor: %1</translation>
    </message>
    <message>
        <source>Size: %1 bytes</source>
        <translation>Größe: %1 Byte</translation>
    </message>
    <message>
        <source>Changes behind the feed: %1</source>
        <translation>Änderungen hinter dem Feed: %1</translation>
    </message>
    <message>
        <source>Seconds: %1</source>
        <translation>Sekunden: %1</translation>
    </message>
</context>
<context>
    <name>SnapshotDownload</name>
    <message>
        <source>The snapshot could not be written to %1: %2</source>
        <translation>Der Snapshot konnte nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>SHA-256 is not available.</source>
        <translation>SHA-256 ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Head office has no snapshot: %1</source>
        <translation>Die Zentrale hat keinen Snapshot: %1</translation>
    </message>
    <message>
        <source>The snapshot could not be downloaded: %1</source>
        <translation>Der Snapshot konnte nicht heruntergeladen werden: %1</translation>
    </message>
    <message>
        <source>Head office&apos;s snapshot lacks its cursor, schema, SHA-256 or length.</source>
        <translation>Dem Snapshot der Zentrale fehlen Cursor, Schema, SHA-256 oder Länge.</translation>
    </message>
    <message>
        <source>The snapshot was cut: %1 of %2 bytes arrived.</source>
        <translation>Der Snapshot wurde abgeschnitten: %1 von %2 Byte sind angekommen.</translation>
    </message>
    <message>
        <source>The snapshot&apos;s SHA-256 is not the one head office announced.</source>
        <translation>Die SHA-256 des Snapshots ist nicht die von der Zentrale angekündigte.</translation>
    </message>
    <message>
        <source>The snapshot has schema version %1, this till %2.</source>
        <translation>Der Snapshot hat die Schemaversion %1, diese Kasse %2.</translation>
    </message>
    <message>
        <source>The snapshot is not a database: %1</source>
        <translation>Der Snapshot ist keine Datenbank: %1</translation>
    </message>
    <message>
        <source>The snapshot failed SQLite&apos;s quick check: %1</source>
        <translation>Der Snapshot hat SQLites Schnellprüfung nicht bestanden: %1</translation>
    </message>
    <message>
        <source>The snapshot&apos;s schema version could not be read.</source>
        <translation>Die Schemaversion des Snapshots konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>StaffCommand</name>
    <message>
        <source>manager</source>
        <translation>Filialleitung</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>Kassierer(in)</translation>
    </message>
    <message>
        <source>PIN for %1 (%2 to %3 digits): </source>
        <translation>PIN für %1 (%2 bis %3 Ziffern): </translation>
    </message>
    <message>
        <source>The same PIN again: </source>
        <translation>Dieselbe PIN noch einmal: </translation>
    </message>
    <message>
        <source>The two PINs differ; nothing was added.</source>
        <translation>Die beiden PINs sind verschieden; es wurde nichts angelegt.</translation>
    </message>
    <message>
        <source>staff add reads the PIN from standard input (one line), e.g. &quot;loyalty-ctl staff add --name Mara --role manager &lt; pin.txt&quot;.</source>
        <translation>staff add liest die PIN von der Standardeingabe (eine Zeile), z. B. „loyalty-ctl staff add --name Mara --role manager &lt; pin.txt“.</translation>
    </message>
    <message>
        <source>Added %1 as %2 (account %3).</source>
        <translation>%1 als %2 angelegt (Konto %3).</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Wrong PINs</source>
        <translation>Falsche PINs</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>gesperrt bis %1</translation>
    </message>
    <message>
        <source>No staff accounts yet; the till asks for the first manager when it starts, or run &quot;loyalty-ctl staff add&quot;.</source>
        <translation>Noch keine Personalkonten; die Kasse fragt beim Start nach der ersten Filialleitung, oder führen Sie „loyalty-ctl staff add“ aus.</translation>
    </message>
</context>
<context>
    <name>StaffDirectory</name>
    <message>
        <source>A name has 1 to %1 characters.</source>
        <translation>Ein Name hat 1 bis %1 Zeichen.</translation>
    </message>
    <message>
        <source>A name cannot hold control characters.</source>
        <translation>Ein Name darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>There is already an account named &quot;%1&quot;.</source>
        <translation>Es gibt bereits ein Konto mit dem Namen „%1“.</translation>
    </message>
    <message>
        <source>This till has staff accounts already; a manager adds new ones.</source>
        <translation>Diese Kasse hat bereits Personalkonten; neue legt die Filialleitung an.</translation>
    </message>
    <message>
        <source>The name or the PIN is wrong.</source>
        <translation>Name oder PIN ist falsch.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: %1 is locked until %2.</source>
        <translation>Zu viele falsche PINs: %1 ist gesperrt bis %2.</translation>
    </message>
    <message>
        <source>There is no staff account %1.</source>
        <translation>Es gibt kein Personalkonto %1.</translation>
    </message>
    <message>
        <source>%1 is the last active manager; add another manager first.</source>
        <translation>%1 ist die letzte aktive Filialleitung; legen Sie zuerst eine weitere Filialleitung an.</translation>
    </message>
</context>
<context>
    <name>StatsCommand</name>
    <message>
        <source>Members: %1</source>
        <translation>Mitglieder: %1</translation>
    </message>
    <message>
        <source>Events: %1</source>
        <translation>Ereignisse: %1</translation>
    </message>
    <message>
        <source>Duplicates refused: %1</source>
        <translation>Abgelehnte Duplikate: %1</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Abgewiesen: %1</translation>
    </message>
    <message>
        <source>Overdrafts: %1</source>
        <translation>Überziehungen: %1</translation>
    </message>
    <message>
        <source>Coupon conflicts: %1</source>
        <translation>Gutscheinkonflikte: %1</translation>
    </message>
    <message>
        <source>Till %1 (%2): %3 events, %4 duplicates, %5 rejected, sequence %6, last seen %7</source>
        <translation>Kasse %1 (%2): %3 Ereignisse, %4 Duplikate, %5 abgewiesen, Folgenummer %6, zuletzt gemeldet %7</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>The disk is full, so nothing was saved. Free some space on this till, then try again.</source>
        <translation>Der Datenträger ist voll, daher wurde nichts gespeichert. Schaffen Sie Platz auf dieser Kasse und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The till database is damaged (%1). Nothing was saved; call your administrator.</source>
        <translation>Die Kassendatenbank ist beschädigt (%1). Es wurde nichts gespeichert; wenden Sie sich an Ihre Administration.</translation>
    </message>
    <message>
        <source>The till database refused the change: %1</source>
        <translation>Die Kassendatenbank hat die Änderung abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>SyncClient</name>
    <message>
        <source>The CA file %1 could not be read or holds no PEM certificate.</source>
        <translation>Die CA-Datei %1 konnte nicht gelesen werden oder enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>The sync was stopped.</source>
        <translation>Der Abgleich wurde abgebrochen.</translation>
    </message>
    <message>
        <source>This till has no credentials for head office; provision it first.</source>
        <translation>Diese Kasse hat keine Zugangsdaten für die Zentrale; richten Sie sie zuerst ein.</translation>
    </message>
    <message>
        <source>Head office&apos;s certificate does not match the pinned key %1.</source>
        <translation>Das Zertifikat der Zentrale passt nicht zum per Pin festgelegten Schlüssel %1.</translation>
    </message>
    <message>
        <source>Head office&apos;s answer was not readable JSON (%1).</source>
        <translation>Die Antwort der Zentrale war kein lesbares JSON (%1).</translation>
    </message>
    <message>
        <source>The download could not be written to disk.</source>
        <translation>Der Download konnte nicht auf die Festplatte geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>SyncCommand</name>
    <message>
        <source>This till has no credentials for head office; provision it with &quot;loyalty-ctl provision&quot;.</source>
        <translation>Diese Kasse hat keine Zugangsdaten für die Zentrale; richten Sie sie mit „loyalty-ctl provision“ ein.</translation>
    </message>
    <message>
        <source>sync: %1 changes applied, %2 remaining</source>
        <translation>Abgleich: %1 Änderungen übernommen, %2 ausstehend</translation>
    </message>
    <message>
        <source>Pushed:</source>
        <translation>Gesendet:</translation>
    </message>
    <message>
        <source>%1 (%2 accepted, %3 duplicates, %4 rejected)</source>
        <translation>%1 (%2 angenommen, %3 Duplikate, %4 abgewiesen)</translation>
    </message>
    <message>
        <source>Pulled:</source>
        <translation>Empfangen:</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1 Änderungen</translation>
    </message>
    <message>
        <source>Waiting:</source>
        <translation>Wartend:</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 Datensätze</translation>
    </message>
    <message>
        <source>Stopped:</source>
        <translation>Abgebrochen:</translation>
    </message>
    <message>
        <source>head office refuses this till: %1</source>
        <translation>die Zentrale lehnt diese Kasse ab: %1</translation>
    </message>
    <message>
        <source>Synced with head office.</source>
        <translation>Mit der Zentrale abgeglichen.</translation>
    </message>
    <message>
        <source>The sync did not finish.</source>
        <translation>Der Abgleich wurde nicht abgeschlossen.</translation>
    </message>
</context>
<context>
    <name>SyncEndpoint</name>
    <message>
        <source>This till is not connected to a head office yet; provision it with &quot;loyalty-ctl provision&quot;.</source>
        <translation>Diese Kasse ist noch mit keiner Zentrale verbunden; richten Sie sie mit „loyalty-ctl provision“ ein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a head-office address; it looks like https://hq.example:8443.</source>
        <translation>„%1“ ist keine gültige Adresse der Zentrale; sie hat die Form https://hq.example:8443.</translation>
    </message>
    <message>
        <source>Head office is reached over https, not &quot;%1&quot;.</source>
        <translation>Die Zentrale wird über https erreicht, nicht über „%1“.</translation>
    </message>
    <message>
        <source>Plain http to head office is refused; use https (plain http is for development on this machine only, with --allow-plain-loopback).</source>
        <translation>Unverschlüsseltes http zur Zentrale wird abgelehnt; verwenden Sie https (unverschlüsseltes http ist nur für die Entwicklung auf diesem Rechner gedacht, mit --allow-plain-loopback).</translation>
    </message>
    <message>
        <source>Plain http is allowed only to this machine (a loopback address), not to %1; use https.</source>
        <translation>Unverschlüsseltes http ist nur zu diesem Rechner (einer Loopback-Adresse) erlaubt, nicht zu %1; verwenden Sie https.</translation>
    </message>
    <message>
        <source>No head-office credentials.</source>
        <translation>Keine Zugangsdaten für die Zentrale.</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>Head office answered without a result for the events sent.</source>
        <translation>Die Zentrale hat ohne Ergebnis für die gesendeten Ereignisse geantwortet.</translation>
    </message>
    <message>
        <source>The event is larger than head office accepts (%1 bytes).</source>
        <translation>Das Ereignis ist größer, als die Zentrale annimmt (%1 Bytes).</translation>
    </message>
    <message>
        <source>Head office sent no result for this event.</source>
        <translation>Die Zentrale hat für dieses Ereignis kein Ergebnis gesendet.</translation>
    </message>
    <message>
        <source>Head office answered the unknown status &quot;%1&quot;.</source>
        <translation>Die Zentrale hat mit dem unbekannten Status „%1“ geantwortet.</translation>
    </message>
    <message>
        <source>Head office&apos;s page of changes has no cursor or no changes.</source>
        <translation>Die Änderungsseite der Zentrale hat keinen Cursor oder keine Änderungen.</translation>
    </message>
    <message>
        <source>Head office promised more changes but its cursor did not move.</source>
        <translation>Die Zentrale hat weitere Änderungen angekündigt, aber ihr Cursor hat sich nicht bewegt.</translation>
    </message>
</context>
<context>
    <name>SyncReply</name>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>TerminalCommand</name>
    <message>
        <source>Provisioning code for &quot;%1&quot;: %2
Valid once, until %3 (UTC). On the till:
  loyalty-ctl provision --hq https://HEAD-OFFICE:PORT --code %2 [--ca FILE | --pin PIN]</source>
        <translation>Einrichtungscode für „%1“: %2
Einmal gültig, bis %3 (UTC). An der Kasse:
  loyalty-ctl provision --hq https://ZENTRALE:PORT --code %2 [--ca DATEI | --pin PIN]</translation>
    </message>
    <message>
        <source>%1  %2  %3  provisioned %4, last seen %5</source>
        <translation>%1  %2  %3  eingerichtet %4, zuletzt gemeldet %5</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>No till is provisioned yet; &quot;loyalty-hq terminal add --name N&quot; makes a code.</source>
        <translation>Noch ist keine Kasse eingerichtet; „loyalty-hq terminal add --name N“ erzeugt einen Code.</translation>
    </message>
    <message>
        <source>Till %1 is disabled; head office refuses its requests from now on.</source>
        <translation>Kasse %1 ist deaktiviert; die Zentrale lehnt ihre Anfragen ab jetzt ab.</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
</context>
<context>
    <name>TestReceipt</name>
    <message>
        <source>TEST RECEIPT</source>
        <translation>TESTBON</translation>
    </message>
    <message>
        <source>Paper width</source>
        <translation>Papierbreite</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>Sample amount</source>
        <translation>Beispielbetrag</translation>
    </message>
    <message>
        <source>Bold text</source>
        <translation>Fettschrift</translation>
    </message>
    <message>
        <source>If the line above shows umlauts and the euro sign, the printer&apos;s character set is right.</source>
        <translation>Zeigt die Zeile darüber Umlaute und das Eurozeichen, stimmt der Zeichensatz des Druckers.</translation>
    </message>
    <message>
        <source>The paper is cut below this line.</source>
        <translation>Unter dieser Zeile wird das Papier abgeschnitten.</translation>
    </message>
</context>
<context>
    <name>TierProgressText</name>
    <message numerus="yes">
        <source>%1 point(s) to %2</source>
        <extracomment>%1 is the number of points still needed, %2 the name of the next tier, e.g. &quot;230 points to Gold&quot;</extracomment>
        <translation>
            <numerusform>%1 Punkt bis %2</numerusform>
            <numerusform>%1 Punkte bis %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <extracomment>%1 is an amount of money, %2 the name of the next tier, e.g. &quot;12,30 € to Gold&quot;</extracomment>
        <translation>%1 bis %2</translation>
    </message>
</context>
<context>
    <name>TillIdentityEditor</name>
    <message>
        <source>The till needs a name, for example &quot;Till 1&quot;.</source>
        <translation>Die Kasse braucht einen Namen, zum Beispiel „Kasse 1“.</translation>
    </message>
    <message>
        <source>The till&apos;s name may have at most %1 characters.</source>
        <translation>Der Name der Kasse darf höchstens %1 Zeichen haben.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a currency this till knows (for example EUR, CHF, GBP).</source>
        <translation>„%1“ ist keine Währung, die diese Kasse kennt (zum Beispiel EUR, CHF, GBP).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a head-office address; it looks like https://hq.example:8443.</source>
        <translation>„%1“ ist keine gültige Adresse der Zentrale; sie hat die Form https://hq.example:8443.</translation>
    </message>
    <message>
        <source>The currency cannot change any more: this till has sales in %1 already. A till with another currency needs a new till database.</source>
        <translation>Die Währung lässt sich nicht mehr ändern: Diese Kasse hat bereits Verkäufe in %1. Eine Kasse mit einer anderen Währung braucht eine neue Kassendatenbank.</translation>
    </message>
</context>
<context>
    <name>TillSettings</name>
    <message>
        <source>The till setting &quot;%1&quot; has the invalid value &quot;%2&quot;.</source>
        <translation>Die Kasseneinstellung „%1“ hat den ungültigen Wert „%2“.</translation>
    </message>
    <message>
        <source>The till setting &quot;%1&quot; is missing.</source>
        <translation>Die Kasseneinstellung „%1“ fehlt.</translation>
    </message>
</context>
<context>
    <name>loyalty::AdjustBalanceDialog</name>
    <message>
        <source>+ &amp;Add</source>
        <translation>+ &amp;Gutschreiben</translation>
    </message>
    <message>
        <source> &amp;Take off</source>
        <translation> &amp;Abziehen</translation>
    </message>
    <message>
        <source>Add to the balance</source>
        <translation>Dem Stand gutschreiben</translation>
    </message>
    <message>
        <source>Take off the balance</source>
        <translation>Vom Stand abziehen</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Balance now</source>
        <translation>Stand jetzt</translation>
    </message>
    <message>
        <source>After the adjustment</source>
        <translation>Nach der Korrektur</translation>
    </message>
    <message>
        <source>&amp;Book adjustment</source>
        <translation>&amp;Korrektur buchen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>✖ &quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>✖ „%1“ ist kein Betrag. Bitte so eingeben: %2.</translation>
    </message>
    <message>
        <source>%1 ⚠ below zero</source>
        <translation>%1 ⚠ unter null</translation>
    </message>
</context>
<context>
    <name>loyalty::AdjustPointsDialog</name>
    <message>
        <source>Adjust points</source>
        <translation>Punkte korrigieren</translation>
    </message>
    <message>
        <source>Points of %1. Added points expire like points earned today.</source>
        <translation>Punkte von %1. Gutgeschriebene Punkte verfallen wie heute gesammelte Punkte.</translation>
    </message>
    <message>
        <source>&amp;Points</source>
        <translation>&amp;Punkte</translation>
    </message>
    <message>
        <source>Points missing from a purchase</source>
        <translation>Punkte für einen Einkauf fehlen</translation>
    </message>
    <message>
        <source>Goodwill after a complaint</source>
        <translation>Kulanz nach einer Reklamation</translation>
    </message>
    <message>
        <source>Cashier&apos;s mistake corrected</source>
        <translation>Fehler an der Kasse berichtigt</translation>
    </message>
    <message>
        <source>Points booked twice</source>
        <translation>Punkte doppelt gebucht</translation>
    </message>
    <message numerus="yes">
        <source>%Ln point(s)</source>
        <translation>
            <numerusform>%Ln Punkt</numerusform>
            <numerusform>%Ln Punkte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>loyalty::AdjustWalletDialog</name>
    <message>
        <source>Adjust wallet</source>
        <translation>Guthaben korrigieren</translation>
    </message>
    <message>
        <source>Cashback wallet of %1.</source>
        <translation>Cashback-Guthaben von %1.</translation>
    </message>
    <message>
        <source>&amp;Amount (%1)</source>
        <translation>Be&amp;trag (%1)</translation>
    </message>
    <message>
        <source>Cashback missing from a purchase</source>
        <translation>Cashback für einen Einkauf fehlt</translation>
    </message>
    <message>
        <source>Goodwill after a complaint</source>
        <translation>Kulanz nach einer Reklamation</translation>
    </message>
    <message>
        <source>Cashier&apos;s mistake corrected</source>
        <translation>Fehler an der Kasse berichtigt</translation>
    </message>
    <message>
        <source>Refund paid into the wallet</source>
        <translation>Erstattung auf das Guthaben</translation>
    </message>
</context>
<context>
    <name>loyalty::AppearancePage</name>
    <message>
        <source>&amp;Touch layout (larger buttons and rows, at least 44 px)</source>
        <translation>&amp;Touch-Layout (größere Schaltflächen und Zeilen, mindestens 44 px)</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <source>Font size in percent</source>
        <translation>Schriftgröße in Prozent</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Touch layout</source>
        <translation>Touch-Layout</translation>
    </message>
    <message>
        <source>Changes show at once; Cancel puts the previous look back.</source>
        <translation>Änderungen sind sofort sichtbar; Abbrechen stellt das vorherige Aussehen wieder her.</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>&amp;Font size</source>
        <translation>Schrift&amp;größe</translation>
    </message>
</context>
<context>
    <name>loyalty::AuditLogPage</name>
    <message>
        <source>Older
PgDn</source>
        <translation>Ältere
Bild↓</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Member (pseudonym)</source>
        <translation>Mitglied (Pseudonym)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>Vorher → nachher</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Ältere</translation>
    </message>
    <message>
        <source>Chain verified: %1 entries, none edited, inserted or deleted.</source>
        <translation>Kette geprüft: %1 Einträge, keiner geändert, eingefügt oder gelöscht.</translation>
    </message>
    <message>
        <source>The audit chain is broken: %1 Tell head office.</source>
        <translation>Die Kette des Prüfprotokolls ist unterbrochen: %1 Informieren Sie die Zentrale.</translation>
    </message>
    <message>
        <source>Points adjusted</source>
        <translation>Punkte korrigiert</translation>
    </message>
    <message>
        <source>Wallet adjusted</source>
        <translation>Guthaben korrigiert</translation>
    </message>
    <message>
        <source>Accounts merged</source>
        <translation>Konten zusammengeführt</translation>
    </message>
    <message>
        <source>Card unblocked</source>
        <translation>Karte entsperrt</translation>
    </message>
    <message>
        <source>Card replaced</source>
        <translation>Karte ersetzt</translation>
    </message>
    <message>
        <source>Member erased</source>
        <translation>Mitglied gelöscht</translation>
    </message>
    <message>
        <source>Member data exported</source>
        <translation>Mitgliederdaten exportiert</translation>
    </message>
    <message>
        <source>Consent recorded</source>
        <translation>Einwilligung erfasst</translation>
    </message>
    <message>
        <source>Staff account added</source>
        <translation>Personalkonto angelegt</translation>
    </message>
    <message>
        <source>Staff account locked</source>
        <translation>Personalkonto gesperrt</translation>
    </message>
    <message>
        <source>Staff account deactivated</source>
        <translation>Personalkonto deaktiviert</translation>
    </message>
    <message>
        <source>PIN changed</source>
        <translation>PIN geändert</translation>
    </message>
    <message>
        <source>Till name, currency or head office changed</source>
        <translation>Kassenname, Währung oder Zentrale geändert</translation>
    </message>
</context>
<context>
    <name>loyalty::BasketModel</name>
    <message>
        <source>%1 (no points)</source>
        <translation>%1 (keine Punkte)</translation>
    </message>
    <message>
        <source>EAN %1 · %2</source>
        <translation>EAN %1 · %2</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
</context>
<context>
    <name>loyalty::CardActionDialog</name>
    <message>
        <source>Card lost</source>
        <translation>Karte verloren</translation>
    </message>
    <message>
        <source>Card damaged</source>
        <translation>Karte beschädigt</translation>
    </message>
    <message>
        <source>Card stolen</source>
        <translation>Karte gestohlen</translation>
    </message>
    <message>
        <source>Switched to the app</source>
        <translation>Zur App gewechselt</translation>
    </message>
    <message>
        <source>Card found again</source>
        <translation>Karte wiedergefunden</translation>
    </message>
    <message>
        <source>Blocked by mistake</source>
        <translation>Versehentlich gesperrt</translation>
    </message>
    <message>
        <source>Customer proved the card is theirs</source>
        <translation>Kunde hat nachgewiesen, dass die Karte ihm gehört</translation>
    </message>
    <message>
        <source>Replace card</source>
        <translation>Karte ersetzen</translation>
    </message>
    <message>
        <source>Unblock card</source>
        <translation>Karte entsperren</translation>
    </message>
    <message>
        <source>Replace card %1 of %2 with a new card. The old card is refused at every till from then on; points, history and tier stay with the member.</source>
        <translation>Karte %1 von %2 durch eine neue Karte ersetzen. Die alte Karte wird danach an jeder Kasse abgelehnt; Punkte, Verlauf und Stufe bleiben beim Mitglied.</translation>
    </message>
    <message>
        <source>Unblock card %1 of %2: it is accepted at every till again.</source>
        <translation>Karte %1 von %2 entsperren: Sie wird wieder an jeder Kasse angenommen.</translation>
    </message>
    <message>
        <source>New card number</source>
        <translation>Neue Kartennummer</translation>
    </message>
    <message>
        <source>Scan the new card or type its number</source>
        <translation>Neue Karte scannen oder Nummer eintippen</translation>
    </message>
    <message>
        <source>&amp;New card</source>
        <translation>&amp;Neue Karte</translation>
    </message>
    <message>
        <source>&amp;Unblock card</source>
        <translation>Karte ent&amp;sperren</translation>
    </message>
    <message>
        <source>Re&amp;place card</source>
        <translation>Karte &amp;ersetzen</translation>
    </message>
</context>
<context>
    <name>loyalty::CouponDialog</name>
    <message>
        <source>Coupon</source>
        <translation>Gutschein</translation>
    </message>
    <message>
        <source>scan or type the code</source>
        <translation>Code scannen oder eintippen</translation>
    </message>
    <message>
        <source>Coupon code</source>
        <translation>Gutscheincode</translation>
    </message>
    <message>
        <source>Scan the coupon or type its code, then Enter.</source>
        <translation>Gutschein scannen oder Code eintippen, dann Enter.</translation>
    </message>
    <message>
        <source>No coupon on this sale yet.</source>
        <translation>Noch kein Gutschein bei diesem Verkauf.</translation>
    </message>
    <message>
        <source>On this sale: %1</source>
        <translation>Bei diesem Verkauf: %1</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Einlösen</translation>
    </message>
    <message>
        <source>✖ Enter the coupon&apos;s code, or Esc to go back to the sale.</source>
        <translation>✖ Gutscheincode eingeben oder mit Esc zurück zum Verkauf.</translation>
    </message>
</context>
<context>
    <name>loyalty::CustomerDisplay</name>
    <message numerus="yes">
        <source>%Ln point(s)</source>
        <translation>
            <numerusform>%Ln Punkt</numerusform>
            <numerusform>%Ln Punkte</numerusform>
        </translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Geschäft</translation>
    </message>
    <message>
        <source>Join the programme</source>
        <translation>Mitglied werden</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>Begrüßung</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Points balance</source>
        <translation>Punktestand</translation>
    </message>
    <message>
        <source>Points of this sale</source>
        <translation>Punkte dieses Einkaufs</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>Ersparnis</translation>
    </message>
    <message>
        <source>Why you save</source>
        <translation>Warum Sie sparen</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Amount to pay</source>
        <translation>Zu zahlender Betrag</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Danke</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>Gesammelte Punkte</translation>
    </message>
    <message>
        <source>New points balance</source>
        <translation>Neuer Punktestand</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>Bezahlter Betrag</translation>
    </message>
    <message>
        <source>Display status</source>
        <translation>Status des Displays</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Kundendisplay</translation>
    </message>
    <message>
        <source>Your items</source>
        <translation>Ihre Artikel</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>SUMME</translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation>Willkommen!</translation>
    </message>
    <message>
        <source>Not a member yet? Ask at the till and collect points with every purchase.</source>
        <translation>Noch kein Mitglied? Fragen Sie an der Kasse und sammeln Sie bei jedem Einkauf Punkte.</translation>
    </message>
    <message>
        <source>Not a member of %1 yet? Ask at the till and collect points with every purchase.</source>
        <translation>Noch kein Mitglied bei %1? Fragen Sie an der Kasse und sammeln Sie bei jedem Einkauf Punkte.</translation>
    </message>
    <message>
        <source>%1 ×</source>
        <extracomment>A basket line&apos;s quantity on the customer display: &quot;2 ×&quot;</extracomment>
        <translation>%1 ×</translation>
    </message>
    <message>
        <source>Are you a member? Show your card at the till to collect points for this purchase.</source>
        <translation>Sind Sie Mitglied? Zeigen Sie Ihre Karte an der Kasse, um für diesen Einkauf Punkte zu sammeln.</translation>
    </message>
    <message>
        <source>Hello!</source>
        <translation>Hallo!</translation>
    </message>
    <message>
        <source>Hello, %1!</source>
        <translation>Hallo, %1!</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>−%1 redeemed</source>
        <translation>−%1 eingelöst</translation>
    </message>
    <message>
        <source>★ %1</source>
        <extracomment>The tier the member holds, with a star so it is not told by colour</extracomment>
        <translation>★ %1</translation>
    </message>
    <message>
        <source>This sale: %1</source>
        <extracomment>Separates the parts of the points line: &quot;+24 points · 230 points to Gold&quot;</extracomment>
        <translation>Dieser Einkauf: %1</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>YOU SAVE</source>
        <translation>SIE SPAREN</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Vielen Dank!</translation>
    </message>
    <message>
        <source>Thank you, %1!</source>
        <translation>Vielen Dank, %1!</translation>
    </message>
    <message>
        <source>+%1 earned, −%2 redeemed</source>
        <translation>+%1 gesammelt, −%2 eingelöst</translation>
    </message>
    <message>
        <source>+%1 earned</source>
        <translation>+%1 gesammelt</translation>
    </message>
    <message>
        <source>New balance: %1</source>
        <translation>Neuer Stand: %1</translation>
    </message>
    <message>
        <source>Thank you for your purchase!</source>
        <translation>Vielen Dank für Ihren Einkauf!</translation>
    </message>
    <message>
        <source>Next time, collect points: ask at the till to join.</source>
        <translation>Sammeln Sie beim nächsten Mal Punkte: Fragen Sie an der Kasse nach der Mitgliedschaft.</translation>
    </message>
    <message>
        <source>Paid %1 — you saved %2</source>
        <translation>Bezahlt: %1 – Sie haben %2 gespart</translation>
    </message>
    <message>
        <source>Paid %1</source>
        <translation>Bezahlt: %1</translation>
    </message>
</context>
<context>
    <name>loyalty::CustomerDisplayPage</name>
    <message>
        <source>&amp;Show the customer display</source>
        <translation>Kundendisplay &amp;anzeigen</translation>
    </message>
    <message>
        <source>Show the customer display</source>
        <translation>Kundendisplay anzeigen</translation>
    </message>
    <message>
        <source>Screen of the customer display</source>
        <translation>Bildschirm des Kundendisplays</translation>
    </message>
    <message>
        <source>Automatic: a screen that is not the till&apos;s</source>
        <translation>Automatisch: ein Bildschirm, der nicht der Kassenbildschirm ist</translation>
    </message>
    <message>
        <source>%1 (%2 × %3)</source>
        <translation>%1 (%2 × %3)</translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation>%1 (nicht angeschlossen)</translation>
    </message>
    <message>
        <source>The customer display follows the sale live on the chosen screen.</source>
        <translation>Das Kundendisplay zeigt den Verkauf live auf dem gewählten Bildschirm.</translation>
    </message>
    <message>
        <source>Sc&amp;reen</source>
        <translation>&amp;Bildschirm</translation>
    </message>
</context>
<context>
    <name>loyalty::CustomerDisplayPlacement</name>
    <message>
        <source>screen %1</source>
        <translation>Bildschirm %1</translation>
    </message>
    <message>
        <source>The customer display is switched off.</source>
        <translation>Das Kundendisplay ist ausgeschaltet.</translation>
    </message>
    <message>
        <source>The customer display waits for a screen.</source>
        <translation>Das Kundendisplay wartet auf einen Bildschirm.</translation>
    </message>
    <message>
        <source>The customer display is full screen on %1.</source>
        <translation>Das Kundendisplay läuft bildschirmfüllend auf %1.</translation>
    </message>
    <message>
        <source>%1 is the till&apos;s screen: the customer display is a window on it.</source>
        <translation>%1 ist der Kassenbildschirm: Das Kundendisplay erscheint dort als Fenster.</translation>
    </message>
    <message>
        <source>Screen %1 is not connected (screens: %2). </source>
        <extracomment>%1 the screen asked for, %2 the screens there are</extracomment>
        <translation>Bildschirm %1 ist nicht angeschlossen (Bildschirme: %2). </translation>
    </message>
    <message>
        <source>Only one screen: the customer display is shown as a window. Connect a second screen and it moves there.</source>
        <translation>Nur ein Bildschirm: Das Kundendisplay erscheint als Fenster; ein zweiter Bildschirm übernimmt es.</translation>
    </message>
</context>
<context>
    <name>loyalty::EffectsModel</name>
    <message>
        <source>⚠ Notice</source>
        <translation>⚠ Hinweis</translation>
    </message>
    <message>
        <source>★ Points</source>
        <translation>★ Punkte</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Prämie</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Eingelöst</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Ersparnis</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Gutschein</translation>
    </message>
    <message>
        <source>Cashback</source>
        <translation>Cashback</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Gutschrift</translation>
    </message>
    <message>
        <source>Stamps</source>
        <translation>Stempel</translation>
    </message>
    <message>
        <source>Stamp card</source>
        <translation>Stempelkarte</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Mitgliedschaft</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>What this sale gives, and why</source>
        <translation>Was dieser Einkauf bringt, und warum</translation>
    </message>
</context>
<context>
    <name>loyalty::EffectsPanel</name>
    <message>
        <source>This sale&apos;s loyalty effects</source>
        <translation>Kundenvorteile dieses Einkaufs</translation>
    </message>
    <message>
        <source>THIS SALE — F6 coupon · F4 redeem points · F3 reward · F2 wallet · F5 removes them</source>
        <translation>DIESER EINKAUF – F6 Gutschein · F4 Punkte einlösen · F3 Prämie · F2 Guthaben · F5 entfernt sie</translation>
    </message>
    <message>
        <source>Effects</source>
        <translation>Auswirkungen</translation>
    </message>
    <message>
        <source>Points, savings and coupons of this sale appear here as you scan.</source>
        <translation>Punkte, Ersparnisse und Gutscheine dieses Einkaufs erscheinen hier beim Scannen.</translation>
    </message>
    <message>
        <source>No loyalty effects yet. Scan the customer&apos;s card to collect points.</source>
        <translation>Noch keine Kundenvorteile. Kundenkarte scannen, um Punkte zu sammeln.</translation>
    </message>
    <message>
        <source>Nothing in the basket earns points or savings yet.</source>
        <translation>Noch bringt nichts im Warenkorb Punkte oder Ersparnisse.</translation>
    </message>
</context>
<context>
    <name>loyalty::EnrolDialog</name>
    <message>
        <source>The customer agrees (text below)</source>
        <translation>Der Kunde willigt ein (Text unten)</translation>
    </message>
    <message>
        <source>Enrol a new member</source>
        <translation>Neues Mitglied anmelden</translation>
    </message>
    <message>
        <source>optional, e.g. %1</source>
        <translation>freiwillig, z. B. %1</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>freiwillig</translation>
    </message>
    <message>
        <source>scan the new card</source>
        <translation>neue Karte scannen</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>&amp;Date of birth</source>
        <translation>&amp;Geburtsdatum</translation>
    </message>
    <message>
        <source>&amp;Card</source>
        <translation>&amp;Karte</translation>
    </message>
    <message>
        <source>Consent text version %1</source>
        <translation>Version des Einwilligungstexts: %1</translation>
    </message>
    <message>
        <source>&amp;Enrol</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>The date of birth is not a date. Write it like %1.</source>
        <translation>Das Geburtsdatum ist kein Datum. Schreiben Sie es wie %1.</translation>
    </message>
    <message>
        <source>optional: card of the member who recommended us</source>
        <translation>freiwillig: Karte des Mitglieds, das uns empfohlen hat</translation>
    </message>
    <message>
        <source>Recommended by (card)</source>
        <translation>Empfohlen von (Karte)</translation>
    </message>
    <message>
        <source>&amp;Recommended by (card)</source>
        <translation>Empfohlen &amp;von (Karte)</translation>
    </message>
</context>
<context>
    <name>loyalty::FieldError</name>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
</context>
<context>
    <name>loyalty::FirstRunPage</name>
    <message>
        <source>Create manager
Enter</source>
        <translation>Filialleitung anlegen
Enter</translation>
    </message>
    <message>
        <source>Welcome to Loyalty Till</source>
        <translation>Willkommen bei Loyalty Till</translation>
    </message>
    <message>
        <source>This till has no staff yet. Create the first manager: they sign in to open shifts, add cashiers and open the manager screens (F10).</source>
        <translation>Für diese Kasse ist noch kein Personal angelegt. Legen Sie die erste Filialleitung an: Sie meldet sich an, um Schichten zu öffnen, Kassierer(innen) anzulegen und die Leitungsfunktionen (F10) zu öffnen.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN wiederholen</translation>
    </message>
    <message>
        <source>Create manager</source>
        <translation>Filialleitung anlegen</translation>
    </message>
    <message>
        <source>Type the manager&apos;s name.</source>
        <translation>Geben Sie den Namen der Filialleitung ein.</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the PIN twice the same.</source>
        <translation>Die beiden PINs sind verschieden. Geben Sie zweimal dieselbe PIN ein.</translation>
    </message>
    <message>
        <source>Type the manager&apos;s name; a scan is not a name.</source>
        <translation>Geben Sie den Namen der Filialleitung ein; ein Scan ist kein Name.</translation>
    </message>
</context>
<context>
    <name>loyalty::IdentityCheckDialog</name>
    <message>
        <source>Confirm the customer</source>
        <translation>Kunden bestätigen</translation>
    </message>
    <message>
        <source>This card is a contactless tag that can be copied. Before points or wallet are used, ask %1 for the date of birth and type it in.</source>
        <translation>Diese Karte ist ein kontaktloser Anhänger, der kopiert werden kann. Bevor Punkte oder Guthaben eingesetzt werden, %1 nach dem Geburtsdatum fragen und es eintippen.</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>&amp;Date of birth</source>
        <translation>&amp;Geburtsdatum</translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation>&amp;Bestätigen</translation>
    </message>
</context>
<context>
    <name>loyalty::KeyLegend</name>
    <message>
        <source>Complete</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Entf</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Karten</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Storno</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Rückgabe</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Gutschein</translation>
    </message>
    <message>
        <source>Redeem points</source>
        <translation>Punkte einlösen</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Prämie</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Remove coupons and redemptions</source>
        <translation>Vorteile entfernen</translation>
    </message>
    <message>
        <source>%1 queued</source>
        <translation>%1 im Ausgang</translation>
    </message>
    <message>
        <source>○ not connected to head office · %1</source>
        <translation>○ nicht mit der Zentrale verbunden · %1</translation>
    </message>
    <message>
        <source>↻ provisioning: %1 of %2 changes</source>
        <translation>↻ Einrichtung: %1 von %2 Änderungen</translation>
    </message>
    <message>
        <source>◌ connecting to head office</source>
        <translation>◌ Verbindungsaufbau zur Zentrale</translation>
    </message>
    <message>
        <source>● online</source>
        <translation>● online</translation>
    </message>
    <message>
        <source>○ offline</source>
        <translation>○ offline</translation>
    </message>
    <message>
        <source>⛔ head office refuses this till</source>
        <translation>⛔ Zentrale lehnt diese Kasse ab</translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation>abgeglichen %1</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>nie abgeglichen</translation>
    </message>
    <message>
        <source>⚠ %1 rejected — manager</source>
        <translation>⚠ %1 abgewiesen – Filialleitung</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Schichtende</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Strg+P</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Bons</translation>
    </message>
</context>
<context>
    <name>loyalty::LanguagePage</name>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>The new language applies at the next start of the till. A --lang on the command line wins over this setting.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start der Kasse. Ein --lang auf der Kommandozeile hat Vorrang vor dieser Einstellung.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
</context>
<context>
    <name>loyalty::ManagerScreen</name>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Back to the sale</source>
        <translation>Zurück zum Verkauf</translation>
    </message>
    <message>
        <source>Manager screens — %1</source>
        <extracomment>the manager screens&apos; title, %1 the manager&apos;s name</extracomment>
        <translation>Leitungsfunktionen – %1</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Key %1</source>
        <extracomment>the accessible description of a manager screen button, %1 its key (&quot;F2&quot;)</extracomment>
        <translation>Taste %1</translation>
    </message>
</context>
<context>
    <name>loyalty::MemberCardsDialog</name>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>ersetzt</translation>
    </message>
    <message>
        <source>&amp;Add card</source>
        <translation>Karte &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Replace card</source>
        <translation>Karte &amp;ersetzen</translation>
    </message>
    <message>
        <source>&amp;Block card</source>
        <translation>Karte &amp;sperren</translation>
    </message>
    <message>
        <source>Cards of %1</source>
        <translation>Karten von %1</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Karten</translation>
    </message>
    <message>
        <source>Points, history and tier belong to the member and stay with every card.</source>
        <translation>Punkte, Verlauf und Stufe gehören dem Mitglied und bleiben bei jeder Karte erhalten.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Scan the new card to add it.</source>
        <translation>Scannen Sie die neue Karte, um sie hinzuzufügen.</translation>
    </message>
    <message>
        <source>Select the card to replace first.</source>
        <translation>Wählen Sie zuerst die Karte, die ersetzt werden soll.</translation>
    </message>
    <message>
        <source>Scan the new card that replaces •••• %1.</source>
        <translation>Scannen Sie die neue Karte, die •••• %1 ersetzt.</translation>
    </message>
    <message>
        <source>Select the card to block first.</source>
        <translation>Wählen Sie zuerst die Karte, die gesperrt werden soll.</translation>
    </message>
    <message>
        <source>Block card</source>
        <translation>Karte sperren</translation>
    </message>
    <message>
        <source>Block card •••• %1? It will be refused at every till.</source>
        <translation>Karte •••• %1 sperren? Sie wird dann an jeder Kasse abgelehnt.</translation>
    </message>
    <message>
        <source>Card •••• %1 is blocked.</source>
        <translation>Karte •••• %1 ist gesperrt.</translation>
    </message>
    <message>
        <source>Choose Add card or Replace card before scanning.</source>
        <translation>Wählen Sie vor dem Scannen „Karte hinzufügen“ oder „Karte ersetzen“.</translation>
    </message>
    <message>
        <source>Card •••• %1 added.</source>
        <translation>Karte •••• %1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Card •••• %1 replaces •••• %2.</source>
        <translation>Karte •••• %1 ersetzt •••• %2.</translation>
    </message>
</context>
<context>
    <name>loyalty::MemberHistoryTab</name>
    <message>
        <source>Older
PgDn</source>
        <translation>Ältere
Bild↓</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Ältere</translation>
    </message>
    <message>
        <source>No history yet.</source>
        <translation>Noch kein Verlauf.</translation>
    </message>
    <message>
        <source>%1 shown — PgDn for older.</source>
        <translation>%1 angezeigt – Bild↓ für ältere.</translation>
    </message>
    <message>
        <source>%1 shown — the whole history.</source>
        <translation>%1 angezeigt – der gesamte Verlauf.</translation>
    </message>
    <message>
        <source>Sale %1</source>
        <translation>Verkauf %1</translation>
    </message>
    <message>
        <source>Sale %1 (card %2)</source>
        <translation>Verkauf %1 (Karte %2)</translation>
    </message>
    <message>
        <source>Return from sale %1</source>
        <translation>Rückgabe aus Verkauf %1</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>Anfangsbestand</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <source>Points expired</source>
        <translation>Punkte verfallen</translation>
    </message>
    <message>
        <source>Moved in from a merged account</source>
        <translation>Übernommen aus einem zusammengeführten Konto</translation>
    </message>
    <message>
        <source>Moved to the merged account</source>
        <translation>Übertragen auf das zusammengeführte Konto</translation>
    </message>
    <message>
        <source>Taken back by a return</source>
        <translation>Durch eine Rückgabe zurückgebucht</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>Gesammelt</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Eingelöst</translation>
    </message>
    <message>
        <source>(from head office)</source>
        <translation>(von der Zentrale)</translation>
    </message>
</context>
<context>
    <name>loyalty::MemberHitModel</name>
    <message>
        <source>(erased member)</source>
        <translation>(gelöschtes Mitglied)</translation>
    </message>
    <message>
        <source>%1 (merged)</source>
        <translation>%1 (zusammengeführt)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1 the card number, %2 its state (&quot;blocked&quot;)</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
</context>
<context>
    <name>loyalty::MemberOverviewTab</name>
    <message>
        <source>Points lots</source>
        <translation>Punkteposten</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>Gesammelt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Verfällt</translation>
    </message>
    <message>
        <source>Points left</source>
        <translation>Restpunkte</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>Kontostände</translation>
    </message>
    <message>
        <source>Points and when they expire</source>
        <translation>Punkte und ihr Verfall</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 Punkte</translation>
    </message>
    <message>
        <source>%1 expire on %2</source>
        <translation>%1 verfallen am %2</translation>
    </message>
    <message>
        <source>%1 points taken beyond the lots (owed)</source>
        <translation>%1 Punkte über die Posten hinaus abgezogen (Fehlbetrag)</translation>
    </message>
    <message>
        <source>Wallet %1</source>
        <translation>Guthaben %1</translation>
    </message>
    <message>
        <source>No tiers in the programme.</source>
        <translation>Das Programm hat keine Stufen.</translation>
    </message>
    <message>
        <source>Tier: %1 (highest)</source>
        <translation>Stufe: %1 (höchste)</translation>
    </message>
    <message>
        <source>Tier: %1 — %2</source>
        <translation>Stufe: %1 – %2</translation>
    </message>
    <message>
        <source>%p % to %1</source>
        <extracomment>progress towards the next tier, %1 its name</extracomment>
        <translation>%p % bis %1</translation>
    </message>
    <message>
        <source>Customer value: not among the A customers of this till (12 months).</source>
        <translation>Kundenwert: nicht unter den A-Kunden dieser Kasse (12 Monate).</translation>
    </message>
    <message>
        <source>%1: %2 of %3 stamps</source>
        <translation>%1: %2 von %3 Stempeln</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v von %m</translation>
    </message>
    <message>
        <source>%1: %2 stamps</source>
        <translation>%1: %2 Stempel</translation>
    </message>
    <message>
        <source>%1: %2 left</source>
        <translation>%1: noch %2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Points expiring</source>
        <translation>Verfallende Punkte</translation>
    </message>
    <message>
        <source>No points to expire</source>
        <translation>Keine verfallenden Punkte</translation>
    </message>
    <message>
        <source>Points by month of expiry</source>
        <translation>Punkte nach Verfallsmonat</translation>
    </message>
</context>
<context>
    <name>loyalty::MemberPage</name>
    <message>
        <source>Adjust points</source>
        <translation>Punkte korrigieren</translation>
    </message>
    <message>
        <source>Adjust wallet</source>
        <translation>Guthaben korrigieren</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Karten</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Ausgegeben</translation>
    </message>
    <message>
        <source>Replaced by</source>
        <translation>Ersetzt durch</translation>
    </message>
    <message>
        <source>Unblock card</source>
        <translation>Karte entsperren</translation>
    </message>
    <message>
        <source>Replace card</source>
        <translation>Karte ersetzen</translation>
    </message>
    <message>
        <source>Erased member</source>
        <translation>Gelöschtes Mitglied</translation>
    </message>
    <message>
        <source>member since %1</source>
        <translation>Mitglied seit %1</translation>
    </message>
    <message>
        <source>erased on %1</source>
        <translation>gelöscht am %1</translation>
    </message>
    <message>
        <source>merged into another account</source>
        <translation>mit einem anderen Konto zusammengeführt</translation>
    </message>
    <message>
        <source>Points adjusted. The balance is now %1.</source>
        <translation>Punkte korrigiert. Der Punktestand beträgt jetzt %1.</translation>
    </message>
    <message>
        <source>Wallet adjusted. %1.</source>
        <translation>Guthaben korrigiert. %1.</translation>
    </message>
    <message>
        <source>Accounts merged: %1 now holds the balances and cards of both.</source>
        <translation>Konten zusammengeführt: %1 hat jetzt die Kontostände und Karten beider Konten.</translation>
    </message>
    <message>
        <source>Pick a card on the Cards tab first.</source>
        <translation>Wählen Sie zuerst eine Karte auf dem Reiter „Karten“.</translation>
    </message>
    <message>
        <source>Card %1 is active again.</source>
        <translation>Karte %1 ist wieder aktiv.</translation>
    </message>
    <message>
        <source>Card %1 replaced by %2.</source>
        <translation>Karte %1 durch %2 ersetzt.</translation>
    </message>
    <message>
        <source>Pick a blocked card on the Cards tab to unblock it.</source>
        <translation>Wählen Sie auf dem Reiter „Karten“ eine gesperrte Karte, um sie zu entsperren.</translation>
    </message>
    <message>
        <source>Pick a card that is not replaced yet on the Cards tab.</source>
        <translation>Wählen Sie auf dem Reiter „Karten“ eine Karte, die noch nicht ersetzt wurde.</translation>
    </message>
</context>
<context>
    <name>loyalty::MemberPanel</name>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>MEMBER</source>
        <translation>MITGLIED</translation>
    </message>
    <message>
        <source>Scan customer card</source>
        <translation>Kundenkarte scannen</translation>
    </message>
    <message>
        <source>THIS SALE</source>
        <translation>DIESER EINKAUF</translation>
    </message>
    <message>
        <source>No member: no points</source>
        <translation>Kein Mitglied: keine Punkte</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>Karte %1</translation>
    </message>
    <message>
        <source>Scan the goods.</source>
        <translation>Scannen Sie die Waren.</translation>
    </message>
    <message>
        <source>SALE COMPLETE ✔</source>
        <translation>VERKAUF ABGESCHLOSSEN ✔</translation>
    </message>
    <message>
        <source>+%1 earned. New balance:</source>
        <translation>+%1 gesammelt. Neuer Stand:</translation>
    </message>
    <message>
        <source>No member on this sale</source>
        <translation>Kein Mitglied bei diesem Verkauf</translation>
    </message>
    <message>
        <source>No points were collected.</source>
        <translation>Es wurden keine Punkte gesammelt.</translation>
    </message>
    <message>
        <source>Scan the next customer&apos;s card or first product.</source>
        <translation>Karte oder ersten Artikel des nächsten Kunden scannen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln point(s)</source>
        <translation>
            <numerusform>%Ln Punkt</numerusform>
            <numerusform>%Ln Punkte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s)</source>
        <translation>
            <numerusform>+%Ln Punkt</numerusform>
            <numerusform>+%Ln Punkte</numerusform>
        </translation>
    </message>
    <message>
        <source>Points are collected with the loyalty card or the card in the app. F9 enrols a new member.</source>
        <translation>Punkte gibt es mit der Kundenkarte oder der Karte in der App. F9 meldet ein neues Mitglied an.</translation>
    </message>
    <message numerus="yes">
        <source>−%Ln point(s) redeemed</source>
        <translation>
            <numerusform>−%Ln Punkt eingelöst</numerusform>
            <numerusform>−%Ln Punkte eingelöst</numerusform>
        </translation>
    </message>
    <message>
        <source>Worth %1</source>
        <extracomment>What the points balance is worth when redeemed</extracomment>
        <translation>Wert %1</translation>
    </message>
    <message>
        <source>Wallet %1</source>
        <translation>Guthaben %1</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %Ln point(s) expire: use by %1</source>
        <translation>
            <numerusform>⚠ %Ln Punkt verfällt: einlösen bis %1</numerusform>
            <numerusform>⚠ %Ln Punkte verfallen: einlösen bis %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Paid membership until %1</source>
        <translation>Bezahlte Mitgliedschaft bis %1</translation>
    </message>
    <message>
        <source>★ %1</source>
        <translation>★ %1</translation>
    </message>
    <message>
        <source>Highest tier reached</source>
        <translation>Höchste Stufe erreicht</translation>
    </message>
    <message>
        <source>Tier %1 · %2</source>
        <extracomment>%1 is the tier held, %2 the way to the next one (&quot;230 points to Gold&quot;)</extracomment>
        <translation>Stufe %1 · %2</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <extracomment>A stamp card: &quot;Coffee card: 7 of 10&quot;</extracomment>
        <translation>%1: %2 von %3</translation>
    </message>
    <message>
        <source> — full, reward due</source>
        <translation> – voll, Prämie fällig</translation>
    </message>
    <message>
        <source>+%1 earned, −%2 redeemed. New balance:</source>
        <translation>+%1 gesammelt, −%2 eingelöst. Neuer Stand:</translation>
    </message>
    <message>
        <source>PAID</source>
        <translation>BEZAHLT</translation>
    </message>
    <message>
        <source>➜</source>
        <extracomment>The symbol says what kind of hint it is, so the line never depends on its colour</extracomment>
        <translation>➜</translation>
    </message>
    <message>
        <source>ℹ</source>
        <translation>ℹ</translation>
    </message>
    <message>
        <source>Offer to the customer</source>
        <translation>Angebot für den Kunden</translation>
    </message>
    <message>
        <source>About the customer</source>
        <translation>Hinweis zum Kunden</translation>
    </message>
</context>
<context>
    <name>loyalty::MembersPage</name>
    <message>
        <source>More
PgDn</source>
        <translation>Mehr
Bild↓</translation>
    </message>
    <message>
        <source>Open member
Enter</source>
        <translation>Mitglied öffnen
Enter</translation>
    </message>
    <message>
        <source>Member search</source>
        <translation>Mitgliedersuche</translation>
    </message>
    <message>
        <source>Card number, name, phone or e-mail</source>
        <translation>Kartennummer, Name, Telefon oder E-Mail</translation>
    </message>
    <message>
        <source>Members found</source>
        <translation>Gefundene Mitglieder</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <source>Open member</source>
        <translation>Mitglied öffnen</translation>
    </message>
    <message>
        <source>Type a card number, a name, a phone number or an e-mail address.</source>
        <translation>Geben Sie eine Kartennummer, einen Namen, eine Telefonnummer oder eine E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>No member found for “%1”. Check the spelling or search by card number.</source>
        <translation>Kein Mitglied zu „%1“ gefunden. Prüfen Sie die Schreibweise oder suchen Sie nach der Kartennummer.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s) listed</source>
        <translation>
            <numerusform>%Ln Mitglied angezeigt</numerusform>
            <numerusform>%Ln Mitglieder angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — PgDn for more. Enter opens the selected member.</source>
        <translation>%1 – Bild↓ für mehr. Enter öffnet das gewählte Mitglied.</translation>
    </message>
    <message>
        <source>%1. Enter opens the selected member.</source>
        <translation>%1. Enter öffnet das gewählte Mitglied.</translation>
    </message>
    <message>
        <source>Search for a member first, then Enter.</source>
        <translation>Suchen Sie zuerst ein Mitglied, dann Enter.</translation>
    </message>
</context>
<context>
    <name>loyalty::MergeMembersDialog</name>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>ersetzt</translation>
    </message>
    <message>
        <source>&amp;Keep this member</source>
        <translation>&amp;Dieses Mitglied behalten</translation>
    </message>
    <message>
        <source>Keep the &amp;other member</source>
        <translation>&amp;Anderes Mitglied behalten</translation>
    </message>
    <message>
        <source>Same person enrolled twice</source>
        <translation>Dieselbe Person zweimal angemeldet</translation>
    </message>
    <message>
        <source>Old card&apos;s account found</source>
        <translation>Konto der alten Karte gefunden</translation>
    </message>
    <message>
        <source>Customer asked to join the accounts</source>
        <translation>Kunde hat um Zusammenführung der Konten gebeten</translation>
    </message>
    <message>
        <source>&amp;Merge now</source>
        <translation>&amp;Jetzt zusammenführen</translation>
    </message>
    <message>
        <source>Merge two accounts of %1</source>
        <translation>Zwei Konten von %1 zusammenführen</translation>
    </message>
    <message>
        <source>Only for two accounts of the same person. Find the other account by card number, name, phone or e-mail:</source>
        <translation>Nur für zwei Konten derselben Person. Suchen Sie das andere Konto über Kartennummer, Name, Telefon oder E-Mail:</translation>
    </message>
    <message>
        <source>Search the other account</source>
        <translation>Das andere Konto suchen</translation>
    </message>
    <message>
        <source>Card number, name, phone or e-mail</source>
        <translation>Kartennummer, Name, Telefon oder E-Mail</translation>
    </message>
    <message>
        <source>Accounts found</source>
        <translation>Gefundene Konten</translation>
    </message>
    <message>
        <source>This member</source>
        <translation>Dieses Mitglied</translation>
    </message>
    <message>
        <source>Other member</source>
        <translation>Anderes Mitglied</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Search and choose the other account.</source>
        <translation>Suchen und wählen Sie das andere Konto.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln point(s)</source>
        <translation>
            <numerusform>%Ln Punkt</numerusform>
            <numerusform>%Ln Punkte</numerusform>
        </translation>
    </message>
    <message>
        <source>No other account found.</source>
        <translation>Kein anderes Konto gefunden.</translation>
    </message>
    <message>
        <source>More accounts match: type more to narrow the search.</source>
        <translation>Weitere Konten passen: Geben Sie mehr ein, um die Suche einzugrenzen.</translation>
    </message>
    <message>
        <source>Enrolled %1</source>
        <translation>Angemeldet am %1</translation>
    </message>
    <message>
        <source>Wallet %1</source>
        <translation>Guthaben %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln stamp(s)</source>
        <translation>
            <numerusform>%1: %Ln Stempel</numerusform>
            <numerusform>%1: %Ln Stempel</numerusform>
        </translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>No cards</source>
        <translation>Keine Karten</translation>
    </message>
    <message>
        <source>Card %1 (%2)</source>
        <translation>Karte %1 (%2)</translation>
    </message>
    <message>
        <source>%1 is kept. From %2 it receives %3, %4 in the wallet and every other balance, each points lot with its expiry.</source>
        <translation>%1 bleibt bestehen und erhält von %2: %3, %4 Guthaben und alle weiteren Kontostände, jeden Punkteposten mit seinem Verfallsdatum.</translation>
    </message>
    <message>
        <source>%1 has no cards to move.</source>
        <translation>%1 hat keine Karten zum Übertragen.</translation>
    </message>
    <message>
        <source>Cards moved to %1: %2.</source>
        <translation>Auf %1 übertragene Karten: %2.</translation>
    </message>
    <message>
        <source>The account of %1 is closed and points to %2; its history and consents stay with it. This cannot be undone at the till.</source>
        <translation>Das Konto von %1 wird geschlossen und verweist auf %2; sein Verlauf und seine Einwilligungen bleiben dort erhalten. Das lässt sich an der Kasse nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Begründung: %1</translation>
    </message>
    <message>
        <source>Re&amp;view merge…</source>
        <translation>Zusammenführung &amp;prüfen…</translation>
    </message>
</context>
<context>
    <name>loyalty::MessageStrip</name>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>loyalty::PcscReaderMonitor</name>
    <message>
        <source>PC/SC service not running — NFC off</source>
        <translation>PC/SC-Dienst läuft nicht – NFC aus</translation>
    </message>
    <message>
        <source>NFC off: PC/SC error %1</source>
        <translation>NFC aus: PC/SC-Fehler %1</translation>
    </message>
    <message>
        <source>No NFC reader connected</source>
        <translation>Kein NFC-Lesegerät angeschlossen</translation>
    </message>
    <message>
        <source>NFC reader %1 ready</source>
        <translation>NFC-Lesegerät %1 bereit</translation>
    </message>
    <message>
        <source>The card could not be read — hold it still on the reader.</source>
        <translation>Die Karte konnte nicht gelesen werden – halten Sie sie ruhig auf das Lesegerät.</translation>
    </message>
</context>
<context>
    <name>loyalty::PrinterPage</name>
    <message>
        <source>Print a receipt after every &amp;sale</source>
        <translation>Nach jedem &amp;Verkauf einen Bon drucken</translation>
    </message>
    <message>
        <source>&amp;Print test receipt</source>
        <translation>&amp;Testbon drucken</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Bondrucker</translation>
    </message>
    <message>
        <source>No receipt printer</source>
        <translation>Kein Bondrucker</translation>
    </message>
    <message>
        <source>Network thermal printer (raw TCP)</source>
        <translation>Thermodrucker im Netzwerk (raw TCP)</translation>
    </message>
    <message>
        <source>USB thermal printer (device file)</source>
        <translation>USB-Thermodrucker (Gerätedatei)</translation>
    </message>
    <message>
        <source>File (ESC/POS bytes appended)</source>
        <translation>Datei (ESC/POS-Bytes werden angehängt)</translation>
    </message>
    <message>
        <source>Office printer (system)</source>
        <translation>Bürodrucker (System)</translation>
    </message>
    <message>
        <source>Printer host</source>
        <translation>Adresse des Druckers</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.50</source>
        <translation>z. B. 192.168.1.50</translation>
    </message>
    <message>
        <source>Printer port</source>
        <translation>Port des Druckers</translation>
    </message>
    <message>
        <source>Printer device file</source>
        <translation>Gerätedatei des Druckers</translation>
    </message>
    <message>
        <source>e.g. /dev/usb/lp0</source>
        <translation>z. B. /dev/usb/lp0</translation>
    </message>
    <message>
        <source>Receipt file</source>
        <translation>Bondatei</translation>
    </message>
    <message>
        <source>e.g. /var/spool/loyalty-till/receipts.bin</source>
        <translation>z. B. /var/spool/loyalty-till/receipts.bin</translation>
    </message>
    <message>
        <source>Paper width</source>
        <translation>Papierbreite</translation>
    </message>
    <message>
        <source>80 mm</source>
        <translation>80 mm</translation>
    </message>
    <message>
        <source>58 mm</source>
        <translation>58 mm</translation>
    </message>
    <message>
        <source>Office printer</source>
        <translation>Bürodrucker</translation>
    </message>
    <message>
        <source>The system&apos;s default printer</source>
        <translation>Standarddrucker des Systems</translation>
    </message>
    <message>
        <source>%1 (not installed)</source>
        <translation>%1 (nicht installiert)</translation>
    </message>
    <message>
        <source>Print a receipt after every sale</source>
        <translation>Nach jedem Verkauf einen Bon drucken</translation>
    </message>
    <message>
        <source>Print test receipt</source>
        <translation>Testbon drucken</translation>
    </message>
    <message>
        <source>Test receipt status</source>
        <translation>Status des Testbons</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>&amp;Port</translation>
    </message>
    <message>
        <source>Printer &amp;kind</source>
        <translation>Drucker&amp;art</translation>
    </message>
    <message>
        <source>Ho&amp;st</source>
        <translation>&amp;Host</translation>
    </message>
    <message>
        <source>&amp;Device file</source>
        <translation>&amp;Gerätedatei</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Office p&amp;rinter</source>
        <translation>Bü&amp;rodrucker</translation>
    </message>
    <message>
        <source>Paper &amp;width</source>
        <translation>Papier&amp;breite</translation>
    </message>
    <message>
        <source>Test receipt sent to %1. Check the paper: text, umlauts, QR code, cut.</source>
        <translation>Testbon an %1 gesendet. Prüfen Sie den Ausdruck: Text, Umlaute, QR-Code, Schnitt.</translation>
    </message>
    <message>
        <source>Not printed: %1</source>
        <translation>Nicht gedruckt: %1</translation>
    </message>
    <message>
        <source>Enter the printer&apos;s network address, e.g. 192.168.1.50.</source>
        <translation>Geben Sie die Netzwerkadresse des Druckers ein, z. B. 192.168.1.50.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name or IP address.</source>
        <translation>„%1“ ist kein Hostname und keine IP-Adresse.</translation>
    </message>
    <message>
        <source>Enter the printer&apos;s device file as a full path, e.g. /dev/usb/lp0.</source>
        <translation>Geben Sie die Gerätedatei des Druckers als vollständigen Pfad ein, z. B. /dev/usb/lp0.</translation>
    </message>
    <message>
        <source>Enter the file as a full path, e.g. /var/spool/loyalty-till/receipts.bin.</source>
        <translation>Geben Sie die Datei als vollständigen Pfad ein, z. B. /var/spool/loyalty-till/receipts.bin.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is a folder; enter a file in it.</source>
        <translation>%1 ist ein Ordner; geben Sie eine Datei darin an.</translation>
    </message>
    <message>
        <source>Not printed: correct the printer&apos;s settings first.</source>
        <translation>Nicht gedruckt: Korrigieren Sie zuerst die Druckereinstellungen.</translation>
    </message>
    <message>
        <source>Choose a printer first.</source>
        <translation>Wählen Sie zuerst einen Drucker.</translation>
    </message>
    <message>
        <source>Sending the test receipt to %1…</source>
        <translation>Testbon wird an %1 gesendet…</translation>
    </message>
    <message>
        <source>Not printed: this computer has no default printer.</source>
        <translation>Nicht gedruckt: Dieser Computer hat keinen Standarddrucker.</translation>
    </message>
    <message>
        <source>Not printed: the printer %1 is not installed on this computer.</source>
        <translation>Nicht gedruckt: Der Drucker %1 ist auf diesem Computer nicht installiert.</translation>
    </message>
    <message>
        <source>Loyalty Till test receipt</source>
        <translation>Testbon von Loyalty Till</translation>
    </message>
    <message>
        <source>Not printed: the printer %1 did not accept the page.</source>
        <translation>Nicht gedruckt: Der Drucker %1 hat die Seite nicht angenommen.</translation>
    </message>
    <message>
        <source>Test receipt sent to the printer %1.</source>
        <translation>Testbon an den Drucker %1 gesendet.</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>%1, port %2</source>
        <translation>%1, Port %2</translation>
    </message>
</context>
<context>
    <name>loyalty::PrivacyPanel</name>
    <message>
        <source>Loyalty programme</source>
        <translation>Kundenprogramm</translation>
    </message>
    <message>
        <source>✔ given</source>
        <translation>✔ erteilt</translation>
    </message>
    <message>
        <source>✖ withdrawn</source>
        <translation>✖ widerrufen</translation>
    </message>
    <message>
        <source>&amp;Export data…</source>
        <translation>Daten &amp;exportieren…</translation>
    </message>
    <message>
        <source>Customer asked for erasure</source>
        <translation>Kunde hat um Löschung gebeten</translation>
    </message>
    <message>
        <source>Customer left the programme</source>
        <translation>Kunde hat das Programm verlassen</translation>
    </message>
    <message>
        <source>I have checked that the request comes from this customer</source>
        <translation>Ich habe geprüft, dass die Anfrage von diesem Kunden stammt</translation>
    </message>
    <message>
        <source>Erase &amp;now</source>
        <translation>&amp;Jetzt löschen</translation>
    </message>
    <message>
        <source>&amp;Keep the member</source>
        <translation>Mitglied be&amp;halten</translation>
    </message>
    <message>
        <source>Consent records</source>
        <translation>Einwilligungsnachweise</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <source>Text version</source>
        <translation>Textversion</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Einwilligungen</translation>
    </message>
    <message>
        <source>Requests of the customer</source>
        <translation>Anfragen des Kunden</translation>
    </message>
    <message>
        <source>A copy of everything stored about the member: a JSON file and a readable summary.</source>
        <translation>Eine Kopie aller zum Mitglied gespeicherten Daten: eine JSON-Datei und eine lesbare Zusammenfassung.</translation>
    </message>
    <message>
        <source>✖ This member was erased on %1. Name, contact details and birthday are gone; the ledger keeps the amounts without a name, and the consent records stay.</source>
        <translation>✖ Dieses Mitglied wurde am %1 gelöscht. Name, Kontaktdaten und Geburtstag sind entfernt; die Buchungen behalten die Beträge ohne Namen, und die Einwilligungsnachweise bleiben erhalten.</translation>
    </message>
    <message>
        <source>ℹ This account was merged into another one; consents and requests are handled there.</source>
        <translation>ℹ Dieses Konto wurde mit einem anderen zusammengeführt; Einwilligungen und Anfragen werden dort bearbeitet.</translation>
    </message>
    <message>
        <source>Record given</source>
        <translation>Erteilung erfassen</translation>
    </message>
    <message>
        <source>Record withdrawn</source>
        <translation>Widerruf erfassen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A purpose and where its consent stands: &quot;Loyalty programme: ✔ given&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>nothing recorded</source>
        <translation>nichts erfasst</translation>
    </message>
    <message>
        <source>Record consent given: %1</source>
        <translation>Erteilte Einwilligung erfassen: %1</translation>
    </message>
    <message>
        <source>Record consent withdrawn: %1</source>
        <translation>Widerrufene Einwilligung erfassen: %1</translation>
    </message>
    <message>
        <source>Consent to %1 recorded as given.</source>
        <translation>Einwilligung in %1 als erteilt erfasst.</translation>
    </message>
    <message>
        <source>Consent to %1 recorded as withdrawn.</source>
        <translation>Einwilligung in %1 als widerrufen erfasst.</translation>
    </message>
    <message>
        <source>member-%1-%2</source>
        <extracomment>File name of a member&apos;s data export; %1 the member number, %2 the date</extracomment>
        <translation>mitglied-%1-%2</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Save the member&apos;s data (JSON)</source>
        <translation>Daten des Mitglieds speichern (JSON)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was saved.</source>
        <translation>Export abgebrochen: Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Save the readable summary</source>
        <translation>Lesbare Zusammenfassung speichern</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <source>Saved %1; the summary was not saved.</source>
        <translation>%1 gespeichert; die Zusammenfassung wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Saved %1 and %2. Hand them to the customer only.</source>
        <translation>%1 und %2 gespeichert. Händigen Sie sie nur dem Kunden selbst aus.</translation>
    </message>
    <message>
        <source>Erase %1 for good?</source>
        <translation>%1 endgültig löschen?</translation>
    </message>
    <message>
        <source>Removed: the name, e-mail address, phone number and birthday, here and at head office.</source>
        <translation>Entfernt werden: Name, E-Mail-Adresse, Telefonnummer und Geburtstag, hier und in der Zentrale.</translation>
    </message>
    <message>
        <source>The member has no active card.</source>
        <translation>Das Mitglied hat keine aktive Karte.</translation>
    </message>
    <message>
        <source>Blocked: the cards %1; they are refused at every till from then on.</source>
        <translation>Gesperrt werden: die Karten %1; sie werden danach an jeder Kasse abgelehnt.</translation>
    </message>
    <message>
        <source>Kept: purchases, points and wallet amounts without a name (for accounting), the consent records and the audit log.</source>
        <translation>Erhalten bleiben: Einkäufe, Punkte und Guthabenbeträge ohne Namen (für die Buchhaltung), die Einwilligungsnachweise und das Prüfprotokoll.</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message numerus="yes">
        <source>The member was erased; %Ln card(s) blocked.</source>
        <translation>
            <numerusform>Das Mitglied wurde gelöscht; %Ln Karte gesperrt.</numerusform>
            <numerusform>Das Mitglied wurde gelöscht; %Ln Karten gesperrt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Offers and news (marketing)</source>
        <translation>Angebote und Neuigkeiten (Werbung)</translation>
    </message>
    <message>
        <source>Erase &amp;member…</source>
        <translation>Mitglied &amp;löschen…</translation>
    </message>
</context>
<context>
    <name>loyalty::ReasonField</name>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Why? This is recorded in the audit log.</source>
        <translation>Warum? Das wird im Prüfprotokoll vermerkt.</translation>
    </message>
    <message>
        <source>&amp;Reason (required)</source>
        <translation>&amp;Begründung (Pflichtfeld)</translation>
    </message>
</context>
<context>
    <name>loyalty::ReceiptHistoryDialog</name>
    <message>
        <source>&amp;Reprint copy  Enter</source>
        <translation>&amp;Kopie drucken  Enter</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>Druck&amp;vorschau…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Als PDF &amp;speichern…</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>Bon als PDF speichern</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Receipts of this till</source>
        <translation>Bons dieser Kasse</translation>
    </message>
    <message>
        <source>&amp;Find: receipt number or the card&apos;s last digits</source>
        <translation>Bon &amp;finden: Bonnummer oder letzte Ziffern der Karte</translation>
    </message>
    <message>
        <source>Find a receipt</source>
        <translation>Bon finden</translation>
    </message>
    <message>
        <source>Type a receipt number or the last digits of the customer&apos;s card.</source>
        <translation>Geben Sie eine Bonnummer oder die letzten Ziffern der Kundenkarte ein.</translation>
    </message>
    <message>
        <source>receipt number or last card digits</source>
        <translation>Bonnummer oder letzte Kartenziffern</translation>
    </message>
    <message>
        <source>Recent sales, newest first</source>
        <translation>Letzte Verkäufe, neueste zuerst</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Bon</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Receipt preview</source>
        <translation>Bonvorschau</translation>
    </message>
    <message>
        <source>Printing status</source>
        <translation>Druckstatus</translation>
    </message>
    <message>
        <source>↑ ↓: choose a receipt · Enter: reprint a copy · Alt+V: print preview · Alt+S: save as PDF · Esc: back</source>
        <translation>↑ ↓: Bon wählen · Enter: Kopie drucken · Alt+V: Vorschau · Alt+S: PDF speichern · Esc: zurück</translation>
    </message>
    <message>
        <source>Reprint a copy of the receipt</source>
        <translation>Kopie des Bons drucken</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Druckvorschau</translation>
    </message>
    <message>
        <source>Save the receipt as PDF</source>
        <translation>Bon als PDF speichern</translation>
    </message>
    <message>
        <source>Back to the sale</source>
        <translation>Zurück zum Verkauf</translation>
    </message>
    <message>
        <source>The sales could not be read: %1</source>
        <translation>Die Verkäufe konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>no member</source>
        <translation>kein Mitglied</translation>
    </message>
    <message>
        <source>This till has no completed sales yet.</source>
        <translation>Diese Kasse hat noch keine abgeschlossenen Verkäufe.</translation>
    </message>
    <message>
        <source>No receipt matches.</source>
        <translation>Kein Bon passt.</translation>
    </message>
    <message>
        <source>No receipt chosen.</source>
        <translation>Kein Bon gewählt.</translation>
    </message>
    <message>
        <source>Copy of receipt %1</source>
        <translation>Kopie von Bon %1</translation>
    </message>
    <message>
        <source>Choose a receipt first.</source>
        <translation>Wählen Sie zuerst einen Bon.</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Bon %1</translation>
    </message>
    <message>
        <source>Print preview of receipt %1</source>
        <translation>Druckvorschau von Bon %1</translation>
    </message>
    <message>
        <source>receipt-%1.pdf</source>
        <translation>bon-%1.pdf</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1.</source>
        <translation>Das PDF konnte nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>Receipt %1 saved as %2.</source>
        <translation>Bon %1 als %2 gespeichert.</translation>
    </message>
</context>
<context>
    <name>loyalty::ReceiptPrintService</name>
    <message>
        <source>No receipt printer is set up on this till: a manager chooses one in the settings.</source>
        <translation>An dieser Kasse ist kein Bondrucker eingerichtet: Die Filialleitung wählt einen in den Einstellungen.</translation>
    </message>
    <message>
        <source>Receipt %1 not printed: %2</source>
        <translation>Bon %1 nicht gedruckt: %2</translation>
    </message>
    <message>
        <source>Copy of receipt %1 printed.</source>
        <translation>Kopie von Bon %1 gedruckt.</translation>
    </message>
    <message>
        <source>Receipt %1 printed.</source>
        <translation>Bon %1 gedruckt.</translation>
    </message>
    <message>
        <source>Receipt %1 not printed: this computer has no default printer.</source>
        <translation>Bon %1 nicht gedruckt: Dieser Computer hat keinen Standarddrucker.</translation>
    </message>
    <message>
        <source>Receipt %1 not printed: the printer &quot;%2&quot; is not installed on this computer.</source>
        <translation>Bon %1 nicht gedruckt: Der Drucker „%2“ ist auf diesem Computer nicht installiert.</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Bon %1</translation>
    </message>
    <message>
        <source>Receipt %1 not printed: the printer &quot;%2&quot; did not accept it.</source>
        <translation>Bon %1 nicht gedruckt: Der Drucker „%2“ hat ihn nicht angenommen.</translation>
    </message>
</context>
<context>
    <name>loyalty::ReceiptSender</name>
    <message>
        <source>The receipt printer %1 is not there. Check that it is plugged in and switched on.</source>
        <translation>Der Bondrucker %1 ist nicht vorhanden. Prüfen Sie, ob er angeschlossen und eingeschaltet ist.</translation>
    </message>
    <message>
        <source>No permission to print on %1. The till&apos;s user must be in the printer&apos;s group (usually lp).</source>
        <translation>Keine Berechtigung, auf %1 zu drucken. Der Benutzer der Kasse muss in der Gruppe des Druckers sein (meist lp).</translation>
    </message>
    <message>
        <source>The receipt printer %1 does not take the receipt: %2.</source>
        <translation>Der Bondrucker %1 nimmt den Bon nicht an: %2.</translation>
    </message>
    <message>
        <source>No receipt printer is set up at this till.</source>
        <translation>An dieser Kasse ist kein Bondrucker eingerichtet.</translation>
    </message>
    <message>
        <source>The office printer takes receipts through the print dialog, not as ESC/POS.</source>
        <translation>Der Bürodrucker erhält Bons über den Druckdialog, nicht als ESC/POS.</translation>
    </message>
    <message>
        <source>The receipt printer at %1 did not take the receipt within %2 s. Check its paper and that it is online.</source>
        <translation>Der Bondrucker unter %1 hat den Bon nicht innerhalb von %2 s angenommen. Prüfen Sie das Papier und ob er online ist.</translation>
    </message>
    <message>
        <source>The receipt printer at %1 did not answer within %2 s. Check that it is switched on and on the network.</source>
        <translation>Der Bondrucker unter %1 hat nicht innerhalb von %2 s geantwortet. Prüfen Sie, ob er eingeschaltet und im Netzwerk ist.</translation>
    </message>
    <message>
        <source>The receipt printer at %1 closed the connection before the receipt was complete.</source>
        <translation>Der Bondrucker unter %1 hat die Verbindung getrennt, bevor der Bon vollständig war.</translation>
    </message>
    <message>
        <source>The receipt printer at %1 refused the connection. Check the address and the port (usually 9100).</source>
        <translation>Der Bondrucker unter %1 hat die Verbindung abgelehnt. Prüfen Sie Adresse und Port (meist 9100).</translation>
    </message>
    <message>
        <source>The receipt printer %1 is unknown on the network. Check its address.</source>
        <translation>Der Bondrucker %1 ist im Netzwerk unbekannt. Prüfen Sie seine Adresse.</translation>
    </message>
    <message>
        <source>The receipt printer at %1 cannot be reached: %2</source>
        <translation>Der Bondrucker unter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>No printer device is set up. Choose the printer&apos;s device file, e.g. /dev/usb/lp0.</source>
        <translation>Kein Druckergerät eingerichtet. Wählen Sie die Gerätedatei des Druckers, z. B. /dev/usb/lp0.</translation>
    </message>
    <message>
        <source>The receipt printer %1 did not take the receipt within %2 s. Check its paper and that it is switched on.</source>
        <translation>Der Bondrucker %1 hat den Bon nicht innerhalb von %2 s angenommen. Prüfen Sie das Papier und ob er eingeschaltet ist.</translation>
    </message>
    <message>
        <source>No receipt file is set up.</source>
        <translation>Keine Bondatei eingerichtet.</translation>
    </message>
    <message>
        <source>The receipt file %1 cannot be opened: %2. Check that the folder exists and may be written to.</source>
        <translation>Die Bondatei %1 lässt sich nicht öffnen: %2. Prüfen Sie, ob der Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <source>The receipt could not be written to %1: %2</source>
        <translation>Der Bon konnte nicht nach %1 geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>loyalty::RedeemPointsDialog</name>
    <message>
        <source>Redeem points</source>
        <translation>Punkte einlösen</translation>
    </message>
    <message numerus="yes">
        <source>The member has %Ln point(s).</source>
        <translation>
            <numerusform>Das Mitglied hat %Ln Punkt.</numerusform>
            <numerusform>Das Mitglied hat %Ln Punkte.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln point(s) = %1</source>
        <translation>
            <numerusform>%Ln Punkt = %1</numerusform>
            <numerusform>%Ln Punkte = %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; at least %Ln point(s) at a time</source>
        <translation>
            <numerusform>; mindestens %Ln Punkt auf einmal</numerusform>
            <numerusform>; mindestens %Ln Punkte auf einmal</numerusform>
        </translation>
    </message>
    <message>
        <source>; at most %1 % of the basket</source>
        <translation>; höchstens %1 % des Warenkorbs</translation>
    </message>
    <message numerus="yes">
        <source>At most %Ln point(s) on this basket (= %1).</source>
        <translation>
            <numerusform>Höchstens %Ln Punkt bei diesem Warenkorb (= %1).</numerusform>
            <numerusform>Höchstens %Ln Punkte bei diesem Warenkorb (= %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>✖ No points can be redeemed on this basket.</source>
        <translation>✖ Bei diesem Warenkorb können keine Punkte eingelöst werden.</translation>
    </message>
    <message>
        <source>Points to redeem</source>
        <translation>Einzulösende Punkte</translation>
    </message>
    <message>
        <source>&amp;Points</source>
        <translation>&amp;Punkte</translation>
    </message>
    <message>
        <source>&amp;Redeem</source>
        <translation>&amp;Einlösen</translation>
    </message>
    <message>
        <source>0 takes the redemption off this sale.</source>
        <translation>0 nimmt die Einlösung von diesem Verkauf zurück.</translation>
    </message>
    <message>
        <source>= %1 off</source>
        <translation>= %1 Rabatt</translation>
    </message>
    <message numerus="yes">
        <source> (only steps of %Ln point(s) count)</source>
        <translation>
            <numerusform> (es zählen nur Schritte von %Ln Punkt)</numerusform>
            <numerusform> (es zählen nur Schritte von %Ln Punkten)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>loyalty::ReportsPage</name>
    <message>
        <source>Export branch report</source>
        <translation>Filialbericht exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Sales and revenue</source>
        <translation>Verkäufe und Umsatz</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <source>… with members</source>
        <translation>… mit Mitglied</translation>
    </message>
    <message>
        <source>… without members</source>
        <translation>… ohne Mitglied</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Member share of revenue</source>
        <translation>Umsatzanteil der Mitglieder</translation>
    </message>
    <message>
        <source>Average basket, members</source>
        <translation>Ø Warenkorb, Mitglieder</translation>
    </message>
    <message>
        <source>Average basket, others</source>
        <translation>Ø Warenkorb, andere</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Rückgaben</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Vergeben</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Eingelöst</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Verfallen</translation>
    </message>
    <message>
        <source>Outstanding now</source>
        <translation>Offen (aktuell)</translation>
    </message>
    <message>
        <source>Liability now</source>
        <translation>Verbindlichkeit (aktuell)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>Aktive Mitglieder</translation>
    </message>
    <message>
        <source>Purchases per active member</source>
        <translation>Einkäufe pro aktivem Mitglied</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Wiederkehrquote</translation>
    </message>
    <message>
        <source>A members</source>
        <translation>A-Mitglieder</translation>
    </message>
    <message>
        <source>B members</source>
        <translation>B-Mitglieder</translation>
    </message>
    <message>
        <source>C members</source>
        <translation>C-Mitglieder</translation>
    </message>
    <message>
        <source>Rewards redeemed</source>
        <translation>Eingelöste Prämien</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <source>Custom days</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To (inclusive):</source>
        <translation>&amp;Bis (einschließlich):</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Computing the report…</source>
        <translation>Bericht wird berechnet…</translation>
    </message>
    <message>
        <source>%1 of %2 members (%3) came back</source>
        <translation>%1 von %2 Mitgliedern (%3) kamen wieder</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s), %1 (%2)</source>
        <translation>
            <numerusform>%n Mitglied, %1 (%2)</numerusform>
            <numerusform>%n Mitglieder, %1 (%2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n time(s)</source>
        <translation>
            <numerusform>%1: %n-mal</numerusform>
            <numerusform>%1: %n-mal</numerusform>
        </translation>
    </message>
    <message>
        <source>No rewards were redeemed in this period.</source>
        <translation>In diesem Zeitraum wurden keine Prämien eingelöst.</translation>
    </message>
    <message>
        <source>Revenue with members %1, without members %2</source>
        <translation>Umsatz mit Mitglied %1, ohne Mitglied %2</translation>
    </message>
    <message>
        <source>Issued %1, redeemed %2, expired %3</source>
        <translation>Vergeben %1, eingelöst %2, verfallen %3</translation>
    </message>
    <message>
        <source>A %1, B %2, C %3 of member revenue</source>
        <translation>A %1, B %2, C %3 des Mitgliederumsatzes</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>The report could not be computed: %1</source>
        <translation>Der Bericht konnte nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
</context>
<context>
    <name>loyalty::ReturnDialog</name>
    <message>
        <source>&amp;Find sale</source>
        <translation>Verkauf &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Return items</source>
        <translation>Artikel &amp;zurücknehmen</translation>
    </message>
    <message>
        <source>Return items of a sale</source>
        <translation>Artikel eines Verkaufs zurücknehmen</translation>
    </message>
    <message>
        <source>&amp;Receipt: scan its code or type the sale number, then Enter.</source>
        <translation>&amp;Bon: Code scannen oder Verkaufsnummer eintippen, dann Enter.</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Bonnummer</translation>
    </message>
    <message>
        <source>sale number or receipt code</source>
        <translation>Verkaufsnummer oder Bon-Code</translation>
    </message>
    <message>
        <source>No sale chosen yet.</source>
        <translation>Noch kein Verkauf gewählt.</translation>
    </message>
    <message>
        <source>Items of the sale</source>
        <translation>Artikel des Verkaufs</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Gekauft</translation>
    </message>
    <message>
        <source>Returned before</source>
        <translation>Bereits zurück</translation>
    </message>
    <message>
        <source>Return now</source>
        <translation>Jetzt zurück</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Erstattung</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab: next / previous item · ↑ ↓ or type: how many · Enter: return · Esc: back to the sale</source>
        <translation>Tab / Umschalt+Tab: nächster / vorheriger Artikel · ↑ ↓ oder tippen: wie viele · Enter: zurücknehmen · Esc: zurück zum Verkauf</translation>
    </message>
    <message>
        <source>Everything on sale %1 has already been returned. Nothing is left to take back.</source>
        <translation>Alles aus Verkauf %1 wurde bereits zurückgegeben. Es ist nichts mehr zurückzunehmen.</translation>
    </message>
    <message>
        <source>Set how many of each item come back, then Enter. Items already returned cannot come back again.</source>
        <translation>Für jeden Artikel die Rückgabemenge einstellen, dann Enter. Bereits zurückgegebene Artikel können nicht noch einmal zurückgegeben werden.</translation>
    </message>
    <message>
        <source>Sale %1 · %2 · total %3</source>
        <extracomment>%1 sale number, %2 date and time, %3 total</extracomment>
        <translation>Verkauf %1 · %2 · Summe %3</translation>
    </message>
    <message>
        <source>Member %1, card %2</source>
        <extracomment>%1 the member&apos;s name, %2 the masked card number</extracomment>
        <translation>Mitglied %1, Karte %2</translation>
    </message>
    <message>
        <source>No member card on this sale: the refund only.</source>
        <translation>Keine Kundenkarte bei diesem Verkauf: nur die Erstattung.</translation>
    </message>
    <message>
        <source>Return how many of %1</source>
        <extracomment>%1 the product&apos;s name</extracomment>
        <translation>Rückgabemenge für %1</translation>
    </message>
    <message>
        <source>all back</source>
        <translation>alles zurück</translation>
    </message>
    <message>
        <source>Refund: —</source>
        <translation>Erstattung: —</translation>
    </message>
    <message numerus="yes">
        <source>Refund: %1 for %n item(s)</source>
        <extracomment>%1 the amount, %n the number of items</extracomment>
        <translation>
            <numerusform>Erstattung: %1 für %n Artikel</numerusform>
            <numerusform>Erstattung: %1 für %n Artikel</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose how many items come back (↑ or type a number), then Enter; Esc goes back to the sale.</source>
        <translation>Wählen Sie, wie viele Artikel zurückkommen (↑ oder Zahl eintippen), dann Enter; Esc führt zurück zum Verkauf.</translation>
    </message>
</context>
<context>
    <name>loyalty::RewardPickerDialog</name>
    <message>
        <source>Rewards</source>
        <translation>Prämien</translation>
    </message>
    <message numerus="yes">
        <source>The member has %Ln point(s). Choose a reward (↑ ↓), then Enter.</source>
        <translation>
            <numerusform>Das Mitglied hat %Ln Punkt. Prämie wählen (↑ ↓), dann Enter.</numerusform>
            <numerusform>Das Mitglied hat %Ln Punkte. Prämie wählen (↑ ↓), dann Enter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reward catalogue</source>
        <translation>Prämienkatalog</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %Ln point(s)</source>
        <extracomment>A reward and the points it needs: &quot;A Kaffee Crema — 300 points&quot;</extracomment>
        <translation>
            <numerusform>%1 – %Ln Punkt</numerusform>
            <numerusform>%1 – %Ln Punkte</numerusform>
        </translation>
    </message>
    <message>
        <source>This programme has no rewards.</source>
        <translation>Dieses Programm hat keine Prämien.</translation>
    </message>
    <message>
        <source>&amp;Take reward</source>
        <translation>Prämie &amp;einlösen</translation>
    </message>
    <message numerus="yes">
        <source>needs %Ln point(s); the member has %1</source>
        <translation>
            <numerusform>braucht %Ln Punkt; das Mitglied hat %1</numerusform>
            <numerusform>braucht %Ln Punkte; das Mitglied hat %1</numerusform>
        </translation>
    </message>
    <message>
        <source>scan the product first (EAN %1)</source>
        <translation>zuerst den Artikel scannen (EAN %1)</translation>
    </message>
</context>
<context>
    <name>loyalty::SaleSession</name>
    <message>
        <source>Unknown card %1. Ask for another card or enrol the customer.</source>
        <translation>Unbekannte Karte %1. Nach einer anderen Karte fragen oder den Kunden anmelden.</translation>
    </message>
    <message>
        <source>Card %1 is blocked. Ask for another card or enrol the customer.</source>
        <translation>Karte %1 ist gesperrt. Nach einer anderen Karte fragen oder den Kunden anmelden.</translation>
    </message>
    <message>
        <source>Card %1 was replaced by a newer card. Ask for the new card.</source>
        <translation>Karte %1 wurde durch eine neuere Karte ersetzt. Nach der neuen Karte fragen.</translation>
    </message>
    <message>
        <source>%1 is already on this sale.</source>
        <translation>%1 ist bereits bei diesem Verkauf erfasst.</translation>
    </message>
    <message>
        <source>The sale now belongs to %1 instead of the member scanned before.</source>
        <translation>Der Verkauf gehört jetzt zu %1 statt zum zuvor gescannten Mitglied.</translation>
    </message>
    <message>
        <source>Product %1 is not in the catalogue. Put it aside and ask the store manager.</source>
        <translation>Artikel %1 ist nicht im Sortiment. Legen Sie ihn beiseite und fragen Sie die Filialleitung.</translation>
    </message>
    <message>
        <source>Product %1 is priced in %2 but the till sells in %3.</source>
        <translation>Artikel %1 hat einen Preis in %2, die Kasse verkauft aber in %3.</translation>
    </message>
    <message>
        <source>There is no member on this sale.</source>
        <translation>Bei diesem Verkauf ist kein Mitglied erfasst.</translation>
    </message>
    <message>
        <source>No date of birth is on record for this member: points and wallet can only be used with the printed card or the app.</source>
        <translation>Für dieses Mitglied ist kein Geburtsdatum gespeichert: Punkte und Guthaben nur mit der gedruckten Karte oder der App einsetzen.</translation>
    </message>
    <message>
        <source>The date of birth does not match. Nothing was redeemed; ask for the printed card or the app.</source>
        <translation>Das Geburtsdatum stimmt nicht. Es wurde nichts eingelöst; nach der gedruckten Karte oder der App fragen.</translation>
    </message>
    <message>
        <source>This card is a bare NFC tag that can be copied: confirm the customer&apos;s date of birth before points or wallet are used.</source>
        <translation>Diese Karte ist ein einfacher NFC-Anhänger, der kopiert werden kann: Vor dem Einsatz von Punkten oder Guthaben das Geburtsdatum des Kunden bestätigen.</translation>
    </message>
</context>
<context>
    <name>loyalty::SaleWindow</name>
    <message>
        <source>Loyalty Till — %1</source>
        <translation>Loyalty Till – %1</translation>
    </message>
    <message>
        <source>Scan or type a card number or product code, then Enter</source>
        <translation>Kartennummer oder Artikelcode scannen oder eintippen, dann Enter</translation>
    </message>
    <message>
        <source>Scan field</source>
        <translation>Scanfeld</translation>
    </message>
    <message>
        <source>Basket</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <source>Qty −</source>
        <translation>Menge −</translation>
    </message>
    <message>
        <source>Qty +</source>
        <translation>Menge +</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Entf</translation>
    </message>
    <message>
        <source>Complete sale</source>
        <translation>Verkauf abschließen</translation>
    </message>
    <message>
        <source>Member %1 added to the sale.</source>
        <translation>Mitglied %1 wurde dem Verkauf zugeordnet.</translation>
    </message>
    <message>
        <source>Sale completed: %1.</source>
        <translation>Verkauf abgeschlossen: %1.</translation>
    </message>
    <message>
        <source>There is no sale to void.</source>
        <translation>Es gibt keinen Verkauf zum Stornieren.</translation>
    </message>
    <message>
        <source>Press F8 again to void this sale. Any other key keeps it.</source>
        <translation>Noch einmal F8 drücken, um diesen Verkauf zu stornieren. Jede andere Taste behält ihn.</translation>
    </message>
    <message>
        <source>Sale voided. Nothing was saved.</source>
        <translation>Verkauf storniert. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Select a line first (↑ ↓).</source>
        <translation>Zuerst eine Position wählen (↑ ↓).</translation>
    </message>
    <message>
        <source>The quantity cannot go below 1. Press Del to remove the line.</source>
        <translation>Die Menge kann nicht unter 1 sinken. Mit Entf die Position löschen.</translation>
    </message>
    <message>
        <source>The quantity cannot go above %1.</source>
        <translation>Die Menge kann nicht über %1 steigen.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
    <message numerus="yes">
        <source>Sale completed: %1. %2 earned %Ln point(s).</source>
        <translation>
            <numerusform>Verkauf abgeschlossen: %1. %2 hat %Ln Punkt gesammelt.</numerusform>
            <numerusform>Verkauf abgeschlossen: %1. %2 hat %Ln Punkte gesammelt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Storno</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Karten</translation>
    </message>
    <message>
        <source>Welcome, %1! Enrolled with card %2.</source>
        <translation>Willkommen, %1! Angemeldet mit Karte %2.</translation>
    </message>
    <message>
        <source>Scan the member&apos;s card first; then F7 shows their cards.</source>
        <translation>Scannen Sie zuerst die Karte des Mitglieds; dann zeigt F7 seine Karten.</translation>
    </message>
    <message>
        <source>The sale continues with card %1.</source>
        <translation>Der Verkauf geht mit Karte %1 weiter.</translation>
    </message>
    <message>
        <source>The member has no active card left; the sale was cleared. Scan the goods again.</source>
        <translation>Das Mitglied hat keine aktive Karte mehr; der Verkauf wurde geleert. Scannen Sie die Waren erneut.</translation>
    </message>
    <message>
        <source>A scan arrived while a dialog was open; it was ignored. Close the dialog and scan again.</source>
        <translation>Ein Scan kam, während ein Dialog offen war; er wurde ignoriert. Schließen Sie den Dialog und scannen Sie erneut.</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Gutschein</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Prämie</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Undo loyalty</source>
        <translation>Rücksetzen</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Rückgabe</translation>
    </message>
    <message>
        <source>Returns are not set up on this till.</source>
        <translation>Rückgaben sind an dieser Kasse nicht eingerichtet.</translation>
    </message>
    <message>
        <source>Finish or void the current sale first (F12 or F8), then F11 for a return.</source>
        <translation>Zuerst den laufenden Verkauf abschließen oder stornieren (F12 oder F8), dann F11 für eine Rückgabe.</translation>
    </message>
    <message>
        <source>Give back %1 (return from sale %2).</source>
        <extracomment>%1 the money to hand back, %2 the sale&apos;s number</extracomment>
        <translation>%1 auszahlen (Rückgabe aus Verkauf %2).</translation>
    </message>
    <message>
        <source>Taken back: %1.</source>
        <translation>Zurückgebucht: %1.</translation>
    </message>
    <message>
        <source>Points balance now %1.</source>
        <translation>Punktestand jetzt %1.</translation>
    </message>
    <message>
        <source>Scan the customer&apos;s card first, then %1.</source>
        <extracomment>%1 is what the cashier wanted to do, e.g. &quot;redeem points&quot;</extracomment>
        <translation>Zuerst die Kundenkarte scannen, dann %1.</translation>
    </message>
    <message>
        <source>The programme gives nothing for this on this basket.</source>
        <translation>Das Programm gibt dafür bei diesem Warenkorb nichts.</translation>
    </message>
    <message>
        <source>Coupon %1: %2</source>
        <extracomment>%1 is the coupon code, %2 what it gives (&quot;−2,35 € (coupon 10 % welcome discount)&quot;)</extracomment>
        <translation>Gutschein %1: %2</translation>
    </message>
    <message>
        <source>redeem points</source>
        <translation>Punkte einlösen</translation>
    </message>
    <message>
        <source>No points are redeemed on this sale.</source>
        <translation>Bei diesem Verkauf werden keine Punkte eingelöst.</translation>
    </message>
    <message>
        <source>choose a reward</source>
        <translation>eine Prämie wählen</translation>
    </message>
    <message>
        <source>pay from the wallet</source>
        <translation>mit Guthaben bezahlen</translation>
    </message>
    <message>
        <source>Nothing is paid from the wallet on this sale.</source>
        <translation>Bei diesem Verkauf wird nichts mit Guthaben bezahlt.</translation>
    </message>
    <message>
        <source>No coupon, points, reward or wallet on this sale.</source>
        <translation>Kein Gutschein, keine Punkte, keine Prämie und kein Guthaben bei diesem Verkauf.</translation>
    </message>
    <message>
        <source>Coupons, redeemed points, rewards and wallet payment were taken off this sale.</source>
        <translation>Gutscheine, eingelöste Punkte, Prämien und Guthabenzahlung wurden von diesem Verkauf entfernt.</translation>
    </message>
    <message>
        <source>Not completed: confirm the date of birth, or take the points and wallet off the sale (F5).</source>
        <translation>Nicht abgeschlossen: Geburtsdatum bestätigen oder Punkte und Guthaben vom Verkauf nehmen (F5).</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Schichtende</translation>
    </message>
    <message>
        <source>Manager screens are not set up on this till.</source>
        <translation>Leitungsfunktionen sind an dieser Kasse nicht eingerichtet.</translation>
    </message>
    <message>
        <source>This till has no sign-in.</source>
        <translation>Diese Kasse hat keine Anmeldung.</translation>
    </message>
    <message>
        <source>Finish or void the sale first (F12 or F8), then sign out (F1).</source>
        <translation>Zuerst den Verkauf abschließen oder stornieren (F12 oder F8), dann mit F1 die Schicht beenden.</translation>
    </message>
    <message>
        <source>Key %1</source>
        <extracomment>the accessible description of a sale screen button, %1 its key (&quot;F12&quot;)</extracomment>
        <translation>Taste %1</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Bons</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Strg+P</translation>
    </message>
    <message>
        <source>⚠ Confirm</source>
        <translation>⚠ Bestätigen</translation>
    </message>
    <message>
        <source>Armed: press F8 again to void the sale</source>
        <translation>Bereit: noch einmal F8 drücken, um den Verkauf zu stornieren</translation>
    </message>
</context>
<context>
    <name>loyalty::ScannerPage</name>
    <message>
        <source>&amp;Keyboard scanner (USB scanner typing as a keyboard)</source>
        <translation>&amp;Tastaturscanner (USB-Scanner, der wie eine Tastatur tippt)</translation>
    </message>
    <message>
        <source>Keyboard scanner</source>
        <translation>Tastaturscanner</translation>
    </message>
    <message>
        <source>Longest gap between two keys of a scan, in milliseconds</source>
        <translation>Längste Pause zwischen zwei Tasten eines Scans, in Millisekunden</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Longest gap after the first key of a scan, in milliseconds</source>
        <translation>Längste Pause nach der ersten Taste eines Scans, in Millisekunden</translation>
    </message>
    <message>
        <source>Serial scanner port</source>
        <translation>Anschluss des seriellen Scanners</translation>
    </message>
    <message>
        <source>No serial scanner</source>
        <translation>Kein serieller Scanner</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Serial scanner speed in baud</source>
        <translation>Geschwindigkeit des seriellen Scanners in Baud</translation>
    </message>
    <message>
        <source>Scanner test</source>
        <translation>Scannertest</translation>
    </message>
    <message>
        <source>Scan a card or product here (or type a code and press Enter)</source>
        <translation>Scannen oder tippen, dann Enter</translation>
    </message>
    <message>
        <source>Scanner test result</source>
        <translation>Ergebnis des Scannertests</translation>
    </message>
    <message>
        <source>Nothing scanned yet.</source>
        <translation>Noch nichts gescannt.</translation>
    </message>
    <message>
        <source>Empty values here follow the till database&apos;s device settings. A new serial port and the timing apply when you press OK.</source>
        <translation>Leere Werte übernehmen die Geräteeinstellungen der Kassendatenbank. Ein neuer serieller Anschluss und die Zeiten gelten, sobald Sie OK drücken.</translation>
    </message>
    <message>
        <source>Longest &amp;gap between keys</source>
        <translation>Längste &amp;Pause zwischen Tasten</translation>
    </message>
    <message>
        <source>Longest gap after the &amp;first key</source>
        <translation>Längste Pause nach der &amp;ersten Taste</translation>
    </message>
    <message>
        <source>Serial &amp;port</source>
        <translation>Serieller &amp;Anschluss</translation>
    </message>
    <message>
        <source>&amp;Speed</source>
        <translation>&amp;Geschwindigkeit</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>Te&amp;st</translation>
    </message>
    <message>
        <source>⚠ Refused: %1</source>
        <translation>⚠ Abgelehnt: %1</translation>
    </message>
    <message>
        <source>✓ Loyalty card %1 (%2)</source>
        <translation>✓ Kundenkarte %1 (%2)</translation>
    </message>
    <message>
        <source>✓ Digital card %1</source>
        <translation>✓ Digitale Karte %1</translation>
    </message>
    <message>
        <source>✓ NFC tag</source>
        <translation>✓ NFC-Tag</translation>
    </message>
    <message>
        <source>✓ Product %1 (%2)</source>
        <translation>✓ Artikel %1 (%2)</translation>
    </message>
</context>
<context>
    <name>loyalty::SerialScannerSource</name>
    <message>
        <source>No serial scanner configured</source>
        <translation>Kein serieller Scanner eingerichtet</translation>
    </message>
    <message>
        <source>Serial scanner on %1 ready</source>
        <translation>Serieller Scanner an %1 bereit</translation>
    </message>
    <message>
        <source>Serial scanner %1: no permission (add the till user to the dialout group)</source>
        <translation>Serieller Scanner %1: keine Berechtigung (den Kassenbenutzer zur Gruppe dialout hinzufügen)</translation>
    </message>
    <message>
        <source>Serial scanner %1 not found</source>
        <translation>Serieller Scanner %1 nicht gefunden</translation>
    </message>
    <message>
        <source>Serial scanner %1 cannot be opened</source>
        <translation>Serieller Scanner %1 lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>Serial scanner %1 disconnected</source>
        <translation>Serieller Scanner %1 getrennt</translation>
    </message>
    <message>
        <source>Scan too long (over %1 characters) — ignored. Check the scanner&apos;s suffix setting.</source>
        <translation>Scan zu lang (über %1 Zeichen) – ignoriert. Prüfen Sie die Suffix-Einstellung des Scanners.</translation>
    </message>
    <message>
        <source>The scanner sent characters that are not plain ASCII — check its keyboard/code page setting.</source>
        <translation>Der Scanner hat Zeichen gesendet, die kein reines ASCII sind – prüfen Sie seine Tastatur-/Codepage-Einstellung.</translation>
    </message>
    <message>
        <source>The scanner sent control characters — check its prefix and suffix settings.</source>
        <translation>Der Scanner hat Steuerzeichen gesendet – prüfen Sie seine Präfix- und Suffix-Einstellungen.</translation>
    </message>
</context>
<context>
    <name>loyalty::SettingsDialog</name>
    <message>
        <source>Till settings</source>
        <translation>Kasseneinstellungen</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Bondrucker</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Kundendisplay</translation>
    </message>
    <message>
        <source>⚠ The till&apos;s identity could not be read: %1</source>
        <translation>⚠ Die Stammdaten der Kasse konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Ctrl+Tab: next page · Enter: OK · Esc: Cancel</source>
        <translation>Strg+Tab: nächste Seite · Enter: OK · Esc: Abbrechen</translation>
    </message>
    <message>
        <source>⚠ Some settings are not valid; the message next to the field says why.</source>
        <translation>⚠ Einige Einstellungen sind ungültig; die Meldung neben dem Feld sagt, warum.</translation>
    </message>
    <message>
        <source>⚠ Not saved: %1</source>
        <translation>⚠ Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>⚠ The settings could not be written to %1; check that the file is writable.</source>
        <translation>⚠ Die Einstellungen konnten nicht nach %1 geschrieben werden; prüfen Sie, ob die Datei beschreibbar ist.</translation>
    </message>
</context>
<context>
    <name>loyalty::StaffPage</name>
    <message>
        <source>Add account
F6</source>
        <translation>Konto anlegen
F6</translation>
    </message>
    <message>
        <source>Deactivate selected
F8</source>
        <translation>Auswahl deaktivieren
F8</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kassierer(in)</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Filialleitung</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Konto anlegen</translation>
    </message>
    <message>
        <source>Deactivate selected</source>
        <translation>Auswahl deaktivieren</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN wiederholen</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Neues Konto</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>gesperrt bis %1</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the PIN twice the same.</source>
        <translation>Die beiden PINs sind verschieden. Geben Sie zweimal dieselbe PIN ein.</translation>
    </message>
    <message>
        <source>Manager %1 added. They sign in with their PIN.</source>
        <translation>%1 als Filialleitung angelegt. Die Anmeldung erfolgt mit der eigenen PIN.</translation>
    </message>
    <message>
        <source>Cashier %1 added. They sign in with their PIN.</source>
        <translation>%1 als Kassierer(in) angelegt. Die Anmeldung erfolgt mit der eigenen PIN.</translation>
    </message>
    <message>
        <source>Select an account in the list first.</source>
        <translation>Wählen Sie zuerst ein Konto in der Liste.</translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation>%1 kann sich nicht mehr anmelden.</translation>
    </message>
</context>
<context>
    <name>loyalty::StaffPinPage</name>
    <message>
        <source>Sign in
Enter</source>
        <translation>Anmelden
Enter</translation>
    </message>
    <message>
        <source>Back
Esc</source>
        <translation>Zurück
Esc</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN, then Enter</source>
        <translation>PIN, dann Enter</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Pick your name first (↑ ↓).</source>
        <translation>Wählen Sie zuerst Ihren Namen (↑ ↓).</translation>
    </message>
    <message>
        <source>Type your PIN, then Enter.</source>
        <translation>Geben Sie Ihre PIN ein, dann Enter.</translation>
    </message>
</context>
<context>
    <name>loyalty::TillIdentityPage</name>
    <message>
        <source>Till name</source>
        <translation>Name der Kasse</translation>
    </message>
    <message>
        <source>e.g. Till 1</source>
        <translation>z. B. Kasse 1</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>ISO code, e.g. EUR</source>
        <translation>ISO-Code, z. B. EUR</translation>
    </message>
    <message>
        <source>Locked: this till has sales in %1. Another currency needs a new till database.</source>
        <translation>Gesperrt: Diese Kasse hat Verkäufe in %1. Eine andere Währung braucht eine neue Kassendatenbank.</translation>
    </message>
    <message>
        <source>Can change only until the first sale.</source>
        <translation>Nur bis zum ersten Verkauf änderbar.</translation>
    </message>
    <message>
        <source>Head-office address</source>
        <translation>Adresse der Zentrale</translation>
    </message>
    <message>
        <source>https://hq.example:8443</source>
        <translation>https://hq.example:8443</translation>
    </message>
    <message>
        <source>The address this till syncs with; the pinned certificate and the till&apos;s credentials stay.</source>
        <translation>Die Adresse, mit der die Kasse abgleicht; Zertifikats-Pin und Zugangsdaten der Kasse bleiben erhalten.</translation>
    </message>
    <message>
        <source>Till &amp;name</source>
        <translation>&amp;Name der Kasse</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>&amp;Währung</translation>
    </message>
    <message>
        <source>&amp;Head-office address</source>
        <translation>&amp;Adresse der Zentrale</translation>
    </message>
    <message>
        <source>The till&apos;s name and currency are shown everywhere from the next start.</source>
        <translation>Name und Währung der Kasse erscheinen ab dem nächsten Start überall.</translation>
    </message>
</context>
<context>
    <name>loyalty::TillShell</name>
    <message>
        <source>Loyalty Till — %1</source>
        <translation>Loyalty Till – %1</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Open manager screens</source>
        <translation>Leitungsfunktionen öffnen</translation>
    </message>
    <message>
        <source>Pick your name (↑ ↓) and type your PIN, then Enter.</source>
        <translation>Wählen Sie Ihren Namen (↑ ↓), geben Sie Ihre PIN ein, dann Enter.</translation>
    </message>
    <message>
        <source>Signed in: %1.</source>
        <translation>Angemeldet: %1.</translation>
    </message>
    <message>
        <source>Manager: %1</source>
        <extracomment>the status line: who is signed in</extracomment>
        <translation>Filialleitung: %1</translation>
    </message>
    <message>
        <source>Cashier: %1</source>
        <translation>Kassierer(in): %1</translation>
    </message>
    <message>
        <source>Finish or void the sale first (F12 or F8), then sign out (F1).</source>
        <translation>Zuerst den Verkauf abschließen oder stornieren (F12 oder F8), dann mit F1 die Schicht beenden.</translation>
    </message>
    <message>
        <source>%1 signed out. The shift is closed.</source>
        <translation>%1 abgemeldet. Die Schicht ist beendet.</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>The till locked itself after a pause. %1 unlocks with their PIN (or a manager with theirs); the sale stays as it was.</source>
        <translation>Die Kasse hat sich nach einer Pause gesperrt. %1 entsperrt mit der eigenen PIN (oder die Filialleitung mit ihrer); der Verkauf bleibt unverändert.</translation>
    </message>
    <message>
        <source>Only %1 or a manager can unlock this till.</source>
        <translation>Nur %1 oder die Filialleitung kann diese Kasse entsperren.</translation>
    </message>
    <message>
        <source>Manager screens</source>
        <translation>Leitungsfunktionen</translation>
    </message>
    <message>
        <source>Type your PIN, then Enter. Esc goes back to the sale.</source>
        <translation>Geben Sie Ihre PIN ein, dann Enter. Esc führt zurück zum Verkauf.</translation>
    </message>
    <message>
        <source>A manager picks their name (↑ ↓) and types their PIN (manager override). Esc goes back to the sale.</source>
        <translation>Die Filialleitung wählt ihren Namen (↑ ↓) und gibt ihre PIN ein (Freigabe durch die Leitung). Esc führt zurück zum Verkauf.</translation>
    </message>
    <message>
        <source>Sign in first (name and PIN), then scan.</source>
        <translation>Zuerst anmelden (Name und PIN), dann scannen.</translation>
    </message>
    <message>
        <source>A scan is not a PIN. Type the PIN, then Enter.</source>
        <translation>Ein Scan ist keine PIN. Geben Sie die PIN ein, dann Enter.</translation>
    </message>
    <message>
        <source>%1 unlocked the till; the sale goes on for %2.</source>
        <translation>%1 hat die Kasse entsperrt; der Verkauf geht für %2 weiter.</translation>
    </message>
    <message>
        <source>The shift of %1 has ended. Sign in to go on with the sale.</source>
        <translation>Die Schicht von %1 ist beendet. Melden Sie sich an, um den Verkauf fortzusetzen.</translation>
    </message>
    <message>
        <source>%1 left the manager screens; the sale goes on for %2.</source>
        <translation>%1 hat die Leitungsfunktionen verlassen; der Verkauf geht für %2 weiter.</translation>
    </message>
</context>
<context>
    <name>loyalty::TotalsBar</name>
    <message>
        <source>Items %1</source>
        <translation>Artikel %1</translation>
    </message>
    <message>
        <source>TO PAY</source>
        <translation>ZU ZAHLEN</translation>
    </message>
    <message>
        <source>Amount to pay</source>
        <translation>Zu zahlender Betrag</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>Ersparnis</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Summe %1</translation>
    </message>
    <message>
        <source>Savings −%1</source>
        <extracomment>Money taken off the basket by the loyalty programme, shown with a minus sign</extracomment>
        <translation>Ersparnis −%1</translation>
    </message>
</context>
<context>
    <name>loyalty::WalletSpendDialog</name>
    <message>
        <source>Pay from the wallet</source>
        <translation>Mit Guthaben bezahlen</translation>
    </message>
    <message>
        <source>The wallet holds %1.</source>
        <translation>Das Guthaben beträgt %1.</translation>
    </message>
    <message>
        <source>At most %1 on this basket.</source>
        <translation>Höchstens %1 bei diesem Warenkorb.</translation>
    </message>
    <message>
        <source>✖ Nothing can be paid from the wallet on this basket.</source>
        <translation>✖ Bei diesem Warenkorb kann nichts mit Guthaben bezahlt werden.</translation>
    </message>
    <message>
        <source>Amount from the wallet</source>
        <translation>Betrag aus dem Guthaben</translation>
    </message>
    <message>
        <source>&amp;Use wallet</source>
        <translation>&amp;Guthaben nutzen</translation>
    </message>
    <message>
        <source>&amp;Amount (%1)</source>
        <translation>&amp;Betrag (%1)</translation>
    </message>
    <message>
        <source>✖ &quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>✖ „%1“ ist kein Betrag. Bitte so eingeben: %2.</translation>
    </message>
    <message>
        <source>✖ At most %1 can be paid from the wallet on this basket.</source>
        <translation>✖ Bei diesem Warenkorb können höchstens %1 mit Guthaben bezahlt werden.</translation>
    </message>
</context>
<context>
    <name>loyalty::WedgeScanCapture</name>
    <message>
        <source>Scan too long (over %1 characters) — ignored. Check the scanner&apos;s settings.</source>
        <translation>Scan zu lang (über %1 Zeichen) – ignoriert. Prüfen Sie die Einstellungen des Scanners.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Loyalty Till: the sale screen where cashiers scan member cards and goods.</source>
        <translation>Loyalty Till: die Verkaufsmaske, an der Kassiererinnen und Kassierer Kundenkarten und Waren scannen.</translation>
    </message>
    <message>
        <source>Fill the whole screen.</source>
        <translation>Den ganzen Bildschirm füllen.</translation>
    </message>
    <message>
        <source>Loyalty Till cannot start</source>
        <translation>Loyalty Till kann nicht starten</translation>
    </message>
    <message>
        <source>Expired points could not be booked: %1</source>
        <translation>Verfallene Punkte konnten nicht gebucht werden: %1</translation>
    </message>
    <message>
        <source>The till database (default: database/path in the till&apos;s settings, else loyalty-till.db).</source>
        <translation>Die Kassendatenbank (Standard: database/path in den Einstellungen der Kasse, sonst loyalty-till.db).</translation>
    </message>
    <message>
        <source>Language of the screen: de or en (default: the language in the till&apos;s settings, else the system&apos;s).</source>
        <translation>Sprache der Oberfläche: de oder en (Standard: die Sprache in den Einstellungen der Kasse, sonst die des Systems).</translation>
    </message>
    <message>
        <source>Signal %1: closing.</source>
        <translation>Signal %1: wird beendet.</translation>
    </message>
    <message>
        <source>Loyalty Till stopped selling</source>
        <translation>Loyalty Till hat den Verkauf angehalten</translation>
    </message>
</context>
</TS>
