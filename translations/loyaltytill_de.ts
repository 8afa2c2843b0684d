<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
            <translation>Outbox-Ereignisse:</translation>
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
                <numerusform>%n Verkauf ohne sein Outbox-Ereignis: %1</numerusform>
                <numerusform>%n Verkäufe ohne ihr Outbox-Ereignis: %1</numerusform>
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
            <source>%n ledger entries booked to a member other than the sale's: %1</source>
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
                <numerusform>%n Outbox-Ereignis nach einer Lücke in der Folgenummer: %1</numerusform>
                <numerusform>%n Outbox-Ereignisse nach einer Lücke in der Folgenummer: %1</numerusform>
            </translation>
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
            <source>members, products: how many to list (default: %1).</source>
            <translation>members, products: wie viele aufgelistet werden (Standard: %1).</translation>
        </message>
        <message>
            <source>sales: how many of the most recent sales to list (default: %1).</source>
            <translation>sales: wie viele der letzten Verkäufe aufgelistet werden (Standard: %1).</translation>
        </message>
        <message>
            <source>sale: the member's loyalty card (leave out for a sale without member).</source>
            <translation>sale: die Kundenkarte des Mitglieds (weglassen für einen Verkauf ohne Mitglied).</translation>
        </message>
        <message>
            <source>card</source>
            <translation>Karte</translation>
        </message>
        <message>
            <source>sale: a product and optionally its quantity; repeat for every line.</source>
            <translation>sale: ein Artikel und optional seine Menge; für jede Position wiederholen.</translation>
        </message>
        <message>
            <source>ean[:quantity]</source>
            <translation>ean[:menge]</translation>
        </message>
        <message>
            <source>command [card]</source>
            <translation>befehl [karte]</translation>
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
            <source>  balance CARD              show a card's member and points balance</source>
            <translation>  balance KARTE             Mitglied und Punktestand einer Karte zeigen</translation>
        </message>
        <message>
            <source>  sale [--card CARD] --line EAN[:QUANTITY]...</source>
            <translation>  sale [--card KARTE] --line EAN[:MENGE]...</translation>
        </message>
        <message>
            <source>                            complete a sale exactly as the till does</source>
            <translation>                            einen Verkauf genau wie die Kasse abschließen</translation>
        </message>
        <message>
            <source>  sales [--last N]          list the most recent sales</source>
            <translation>  sales [--last N]          die letzten Verkäufe auflisten</translation>
        </message>
        <message>
            <source>  check                     check the database's integrity and invariants</source>
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
            <source>Run "loyalty-ctl --help" to see the commands and options.</source>
            <translation>„loyalty-ctl --help“ zeigt die Befehle und Optionen.</translation>
        </message>
        <message>
            <source>--db needs the path of the till database.</source>
            <translation>--db braucht den Pfad der Kassendatenbank.</translation>
        </message>
        <message>
            <source>No command given. Run "loyalty-ctl --help" to see the commands.</source>
            <translation>Kein Befehl angegeben. „loyalty-ctl --help“ zeigt die Befehle.</translation>
        </message>
        <message>
            <source>Unknown command "%1". Run "loyalty-ctl --help" to see the commands.</source>
            <translation>Unbekannter Befehl „%1“. „loyalty-ctl --help“ zeigt die Befehle.</translation>
        </message>
        <message>
            <source>balance needs the card number, e.g. "loyalty-ctl balance 2000000123455".</source>
            <translation>balance braucht die Kartennummer, z. B. „loyalty-ctl balance 2000000123455“.</translation>
        </message>
        <message>
            <source>The command %1 does not take the argument "%2".</source>
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
            <source>--members needs a whole number from 0 to %1, not "%2".</source>
            <translation>--members braucht eine ganze Zahl von 0 bis %1, nicht „%2“.</translation>
        </message>
        <message>
            <source>--%1 needs a whole number of at least 1, not "%2".</source>
            <translation>--%1 braucht eine ganze Zahl ab 1, nicht „%2“.</translation>
        </message>
        <message>
            <source>--card needs the number of the member's card.</source>
            <translation>--card braucht die Nummer der Karte des Mitglieds.</translation>
        </message>
        <message>
            <source>A sale needs at least one --line EAN[:QUANTITY].</source>
            <translation>Ein Verkauf braucht mindestens ein --line EAN[:MENGE].</translation>
        </message>
        <message>
            <source>--line needs EAN or EAN:QUANTITY with a quantity from 1 to %1, not "%2".</source>
            <translation>--line braucht EAN oder EAN:MENGE mit einer Menge von 1 bis %1, nicht „%2“.</translation>
        </message>
        <message>
            <source>  2  not found: no database at --db (only demo creates one), unknown card or product</source>
            <translation>  2  nicht gefunden: keine Datenbank unter --db (nur demo legt eine an), unbekannte Karte oder Artikel</translation>
        </message>
        <message>
            <source>demo, members, products, balance, sale, sales, check or decode.</source>
            <translation>demo, members, products, balance, sale, sales, check oder decode.</translation>
        </message>
        <message>
            <source>  4  refused: wrong check digit, not a barcode, blocked card, payment card; demo data</source>
            <translation>  4  abgelehnt: falsche Prüfziffer, kein Barcode, gesperrte Karte, Zahlungskarte; Demodaten</translation>
        </message>
        <message>
            <source>     into a database that is not empty</source>
            <translation>     in eine Datenbank, die nicht leer ist</translation>
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
            <source>                            in the current folder, a new till's defaults are used.</source>
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
    </context>
    <context>
        <name>Database</name>
        <message>
            <source>There is no till database at %1. Create one with "loyalty-ctl demo" or provision the till.</source>
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
            <source>The till database %1 could not switch to write-ahead logging (it reports "%2"); it must be on a local disk that supports it.</source>
            <translation>Die Kassendatenbank %1 konnte nicht auf Write-Ahead-Logging umschalten (gemeldet: „%2“); sie muss auf einem lokalen Datenträger liegen, der das unterstützt.</translation>
        </message>
        <message>
            <source>The till database %1 did not accept synchronous=FULL and foreign_keys=ON.</source>
            <translation>Die Kassendatenbank %1 hat synchronous=FULL und foreign_keys=ON nicht angenommen.</translation>
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
        <name>DeviceSettings</name>
        <message>
            <source>The setting %1 has an invalid value "%2".</source>
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
            <source>This digital card is not valid yet. Check the till's date and time.</source>
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
        <name>EarnRule</name>
        <message numerus="yes">
            <source>%Ln point(s) per full %1 spent</source>
            <translation>
                <numerusform>%Ln Punkt je volle %1 Umsatz</numerusform>
                <numerusform>%Ln Punkte je volle %1 Umsatz</numerusform>
            </translation>
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
            <source>Enter the customer's name.</source>
            <translation>Geben Sie den Namen des Kunden ein.</translation>
        </message>
        <message>
            <source>The customer has not agreed to the programme's terms; nobody was enrolled.</source>
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
    </context>
    <context>
        <name>GtinDecoder</name>
        <message>
            <source>The check digit does not match, so the code was misread. Scan again or type it carefully.</source>
            <translation>Die Prüfziffer stimmt nicht, der Code wurde falsch gelesen. Erneut scannen oder sorgfältig eintippen.</translation>
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
            <source>The card's magnetic stripe was not read completely. Swipe it again in one steady movement.</source>
            <translation>Der Magnetstreifen der Karte wurde nicht vollständig gelesen. Ziehen Sie sie noch einmal in einer gleichmäßigen Bewegung durch.</translation>
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
            <source>The tag's data ends too early — hold the card still on the reader.</source>
            <translation>Die Daten des Tags enden zu früh – halten Sie die Karte ruhig auf das Lesegerät.</translation>
        </message>
        <message>
            <source>The tag's data is not a valid NFC message.</source>
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
            <source>The setting %1 must be 0 or 1 (it is "%2").</source>
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
        <name>PaymentCardGuard</name>
        <message>
            <source>This is a payment card. Please use the loyalty card.</source>
            <translation>Das ist eine Zahlungskarte. Bitte die Kundenkarte verwenden.</translation>
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
            <source>A sale takes at most %1 of one product; nothing was sold.</source>
            <translation>Ein Verkauf nimmt höchstens %1 von einem Artikel; es wurde nichts verkauft.</translation>
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
            <source>The member's card is not active; the sale was not completed.</source>
            <translation>Die Karte des Mitglieds ist nicht aktiv; der Verkauf wurde nicht abgeschlossen.</translation>
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
            <source>The scan was far too long for a card or a barcode. Scan again; if it keeps happening, check the scanner's settings.</source>
            <translation>Der Scan war viel zu lang für eine Karte oder einen Barcode. Erneut scannen; wenn es wieder passiert, die Einstellungen des Scanners prüfen.</translation>
        </message>
        <message>
            <source>Nothing was scanned.</source>
            <translation>Es wurde nichts gescannt.</translation>
        </message>
        <message>
            <source>The scan was garbled by control characters. Scan again; if it keeps happening, check the scanner's prefix and suffix settings.</source>
            <translation>Der Scan war durch Steuerzeichen verstümmelt. Erneut scannen; wenn es wieder passiert, Präfix- und Suffix-Einstellungen des Scanners prüfen.</translation>
        </message>
        <message>
            <source>The scan held characters no card or barcode has. Scan again; if it keeps happening, check the scanner's keyboard layout.</source>
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
        <name>TillSettings</name>
        <message>
            <source>The till setting "%1" has the invalid value "%2".</source>
            <translation>Die Kasseneinstellung „%1“ hat den ungültigen Wert „%2“.</translation>
        </message>
        <message>
            <source>The till setting "%1" is missing.</source>
            <translation>Die Kasseneinstellung „%1“ fehlt.</translation>
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
            <source>%1 · ● offline · %2 queued</source>
            <translation>%1 · ● offline · %2 in Warteschlange</translation>
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
            <source>Points are collected with the loyalty card or the card in the app.</source>
            <translation>Punkte gibt es mit der Kundenkarte oder der Karte in der App.</translation>
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
            <source>Nothing in the basket earns points yet.</source>
            <translation>Noch bringt nichts im Warenkorb Punkte.</translation>
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
            <source>TOTAL PAID</source>
            <translation>BEZAHLT</translation>
        </message>
        <message>
            <source>Scan the next customer's card or first product.</source>
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
            <source>+%1 · %2</source>
            <translation>+%1 · %2</translation>
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
            <source>Scan the member's card first; then F7 shows their cards.</source>
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
            <source>Scan too long (over %1 characters) — ignored. Check the scanner's suffix setting.</source>
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
        <name>loyalty::TotalsBar</name>
        <message>
            <source>TOTAL</source>
            <translation>SUMME</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Summe</translation>
        </message>
        <message>
            <source>Items %1</source>
            <translation>Artikel %1</translation>
        </message>
    </context>
    <context>
        <name>loyalty::WedgeScanCapture</name>
        <message>
            <source>Scan too long (over %1 characters) — ignored. Check the scanner's settings.</source>
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
            <source>The till database.</source>
            <translation>Die Kassendatenbank.</translation>
        </message>
        <message>
            <source>Language of the screen: de or en (default: the system's).</source>
            <translation>Sprache der Oberfläche: de oder en (Standard: die des Systems).</translation>
        </message>
        <message>
            <source>Fill the whole screen.</source>
            <translation>Den ganzen Bildschirm füllen.</translation>
        </message>
        <message>
            <source>Loyalty Till cannot start</source>
            <translation>Loyalty Till kann nicht starten</translation>
        </message>
    </context>
</TS>
