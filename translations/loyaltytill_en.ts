<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>BalanceCommand</name>
        <message>
            <source>active</source>
            <translation>active</translation>
        </message>
        <message>
            <source>blocked</source>
            <translation>blocked</translation>
        </message>
        <message>
            <source>replaced</source>
            <translation>replaced</translation>
        </message>
        <message>
            <source>%1 is not a loyalty card of this till; its cards are 13 digits starting with %2.</source>
            <translation>%1 is not a loyalty card of this till; its cards are 13 digits starting with %2.</translation>
        </message>
        <message>
            <source>No member has the card %1.</source>
            <translation>No member has the card %1.</translation>
        </message>
        <message>
            <source>Member:</source>
            <translation>Member:</translation>
        </message>
        <message>
            <source>%1 (member %2)</source>
            <translation>%1 (member %2)</translation>
        </message>
        <message>
            <source>Card:</source>
            <translation>Card:</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Balance:</source>
            <translation>Balance:</translation>
        </message>
        <message>
            <source>%1 points</source>
            <translation>%1 points</translation>
        </message>
    </context>
    <context>
        <name>CardLifecycle</name>
        <message>
            <source>There is no card •••• %1 on this till.</source>
            <translation>There is no card •••• %1 on this till.</translation>
        </message>
        <message>
            <source>There is no member %1.</source>
            <translation>There is no member %1.</translation>
        </message>
        <message>
            <source>Card •••• %1 is not active, so it cannot be blocked.</source>
            <translation>Card •••• %1 is not active, so it cannot be blocked.</translation>
        </message>
        <message>
            <source>Card •••• %1 was already replaced.</source>
            <translation>Card •••• %1 was already replaced.</translation>
        </message>
    </context>
    <context>
        <name>CardNumberRules</name>
        <message>
            <source>That is not a loyalty card of this shop. Scan the barcode on the new card.</source>
            <translation>That is not a loyalty card of this shop. Scan the barcode on the new card.</translation>
        </message>
        <message>
            <source>The check digit does not match, so the code was misread. Scan again or type it carefully.</source>
            <translation>The check digit does not match, so the code was misread. Scan again or type it carefully.</translation>
        </message>
        <message>
            <source>Card •••• %1 already belongs to a member. Take a new card from the stack.</source>
            <translation>Card •••• %1 already belongs to a member. Take a new card from the stack.</translation>
        </message>
    </context>
    <context>
        <name>CardTrustList</name>
        <message>
            <source>There is no digital card key %1 in the trust list.</source>
            <translation>There is no digital card key %1 in the trust list.</translation>
        </message>
        <message>
            <source>A digital card key needs a 32-byte public key and a start date.</source>
            <translation>A digital card key needs a 32-byte public key and a start date.</translation>
        </message>
        <message>
            <source>Digital card key %1 is already in the trust list.</source>
            <translation>Digital card key %1 is already in the trust list.</translation>
        </message>
        <message>
            <source>Retiring a digital card key needs a date.</source>
            <translation>Retiring a digital card key needs a date.</translation>
        </message>
    </context>
    <context>
        <name>CheckCommand</name>
        <message>
            <source>Sales:</source>
            <translation>Sales:</translation>
        </message>
        <message>
            <source>Ledger entries:</source>
            <translation>Ledger entries:</translation>
        </message>
        <message>
            <source>Outbox events:</source>
            <translation>Outbox events:</translation>
        </message>
        <message>
            <source>No problems found.</source>
            <translation>No problems found.</translation>
        </message>
        <message numerus="yes">
            <source>%n problem(s) found:</source>
            <translation>
                <numerusform>%n problem found:</numerusform>
                <numerusform>%n problems found:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ConsentText</name>
        <message>
            <source>I want to join the loyalty programme. The shop stores my name, the contact details I give and my purchases with the card to credit points and rewards, and keeps them until I leave the programme. I can ask for a copy of my data, have it corrected or erased, and withdraw this consent at any time at the till.</source>
            <translation>I want to join the loyalty programme. The shop stores my name, the contact details I give and my purchases with the card to credit points and rewards, and keeps them until I leave the programme. I can ask for a copy of my data, have it corrected or erased, and withdraw this consent at any time at the till.</translation>
        </message>
    </context>
    <context>
        <name>ConsistencyCheck</name>
        <message numerus="yes">
            <source>%n sale(s) without lines: %1</source>
            <translation>
                <numerusform>%n sale without lines: %1</numerusform>
                <numerusform>%n sales without lines: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sale(s) whose total differs from their lines: %1</source>
            <translation>
                <numerusform>%n sale whose total differs from their lines: %1</numerusform>
                <numerusform>%n sales whose total differs from their lines: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sale(s) without their outbox event: %1</source>
            <translation>
                <numerusform>%n sale without their outbox event: %1</numerusform>
                <numerusform>%n sales without their outbox event: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sale(s) whose ledger entries differ from the points they earned: %1</source>
            <translation>
                <numerusform>%n sale whose ledger entries differ from the points they earned: %1</numerusform>
                <numerusform>%n sales whose ledger entries differ from the points they earned: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n ledger entries booked to a member other than the sale's: %1</source>
            <translation>
                <numerusform>%n ledger entries booked to a member other than the sale's: %1</numerusform>
                <numerusform>%n ledger entries booked to a member other than the sale's: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n member(s) with a negative balance: %1</source>
            <translation>
                <numerusform>%n member with a negative balance: %1</numerusform>
                <numerusform>%n members with a negative balance: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n outbox event(s) after a gap in the sequence: %1</source>
            <translation>
                <numerusform>%n outbox event after a gap in the sequence: %1</numerusform>
                <numerusform>%n outbox events after a gap in the sequence: %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CtlCommandLine</name>
        <message>
            <source>The till database (default: %1 in the current folder).</source>
            <translation>The till database (default: %1 in the current folder).</translation>
        </message>
        <message>
            <source>path</source>
            <translation>path</translation>
        </message>
        <message>
            <source>Print the result as one JSON document.</source>
            <translation>Print the result as one JSON document.</translation>
        </message>
        <message>
            <source>demo: how many members to create.</source>
            <translation>demo: how many members to create.</translation>
        </message>
        <message>
            <source>N</source>
            <translation>N</translation>
        </message>
        <message>
            <source>members, products: how many to list (default: %1).</source>
            <translation>members, products: how many to list (default: %1).</translation>
        </message>
        <message>
            <source>sales: how many of the most recent sales to list (default: %1).</source>
            <translation>sales: how many of the most recent sales to list (default: %1).</translation>
        </message>
        <message>
            <source>sale: the member's loyalty card (leave out for a sale without member).</source>
            <translation>sale: the member's loyalty card (leave out for a sale without member).</translation>
        </message>
        <message>
            <source>card</source>
            <translation>card</translation>
        </message>
        <message>
            <source>sale: a product and optionally its quantity; repeat for every line.</source>
            <translation>sale: a product and optionally its quantity; repeat for every line.</translation>
        </message>
        <message>
            <source>ean[:quantity]</source>
            <translation>ean[:quantity]</translation>
        </message>
        <message>
            <source>command [card]</source>
            <translation>command [card]</translation>
        </message>
        <message>
            <source>Administers a Loyalty Till database from the command line.</source>
            <translation>Administers a Loyalty Till database from the command line.</translation>
        </message>
        <message>
            <source>Commands:</source>
            <translation>Commands:</translation>
        </message>
        <message>
            <source>  demo --members N          fill a new, empty database with reproducible demo data</source>
            <translation>  demo --members N          fill a new, empty database with reproducible demo data</translation>
        </message>
        <message>
            <source>  members [--limit N]       list members and their cards</source>
            <translation>  members [--limit N]       list members and their cards</translation>
        </message>
        <message>
            <source>  products [--limit N]      list the product catalogue</source>
            <translation>  products [--limit N]      list the product catalogue</translation>
        </message>
        <message>
            <source>  balance CARD              show a card's member and points balance</source>
            <translation>  balance CARD              show a card's member and points balance</translation>
        </message>
        <message>
            <source>  sale [--card CARD] --line EAN[:QUANTITY]...</source>
            <translation>  sale [--card CARD] --line EAN[:QUANTITY]...</translation>
        </message>
        <message>
            <source>                            complete a sale exactly as the till does</source>
            <translation>                            complete a sale exactly as the till does</translation>
        </message>
        <message>
            <source>  sales [--last N]          list the most recent sales</source>
            <translation>  sales [--last N]          list the most recent sales</translation>
        </message>
        <message>
            <source>  check                     check the database's integrity and invariants</source>
            <translation>  check                     check the database's integrity and invariants</translation>
        </message>
        <message>
            <source>With --json a successful command prints one JSON document on standard output;</source>
            <translation>With --json a successful command prints one JSON document on standard output;</translation>
        </message>
        <message>
            <source>amounts are whole minor units (cents) with their currency. Errors always go to</source>
            <translation>amounts are whole minor units (cents) with their currency. Errors always go to</translation>
        </message>
        <message>
            <source>standard error as one line of plain text, with or without --json.</source>
            <translation>standard error as one line of plain text, with or without --json.</translation>
        </message>
        <message>
            <source>Exit codes:</source>
            <translation>Exit codes:</translation>
        </message>
        <message>
            <source>  0  success</source>
            <translation>  0  success</translation>
        </message>
        <message>
            <source>  1  usage error: unknown command or option, missing or malformed argument</source>
            <translation>  1  usage error: unknown command or option, missing or malformed argument</translation>
        </message>
        <message>
            <source>  3  check found problems</source>
            <translation>  3  check found problems</translation>
        </message>
        <message>
            <source>  5  storage error: disk full, damaged database, database newer than this program</source>
            <translation>  5  storage error: disk full, damaged database, database newer than this program</translation>
        </message>
        <message>
            <source>Run "loyalty-ctl --help" to see the commands and options.</source>
            <translation>Run "loyalty-ctl --help" to see the commands and options.</translation>
        </message>
        <message>
            <source>--db needs the path of the till database.</source>
            <translation>--db needs the path of the till database.</translation>
        </message>
        <message>
            <source>No command given. Run "loyalty-ctl --help" to see the commands.</source>
            <translation>No command given. Run "loyalty-ctl --help" to see the commands.</translation>
        </message>
        <message>
            <source>Unknown command "%1". Run "loyalty-ctl --help" to see the commands.</source>
            <translation>Unknown command "%1". Run "loyalty-ctl --help" to see the commands.</translation>
        </message>
        <message>
            <source>balance needs the card number, e.g. "loyalty-ctl balance 2000000123455".</source>
            <translation>balance needs the card number, e.g. "loyalty-ctl balance 2000000123455".</translation>
        </message>
        <message>
            <source>The command %1 does not take the argument "%2".</source>
            <translation>The command %1 does not take the argument "%2".</translation>
        </message>
        <message>
            <source>The option --%1 does not apply to the command %2.</source>
            <translation>The option --%1 does not apply to the command %2.</translation>
        </message>
        <message>
            <source>demo needs --members N: how many demo members to create.</source>
            <translation>demo needs --members N: how many demo members to create.</translation>
        </message>
        <message>
            <source>--members needs a whole number from 0 to %1, not "%2".</source>
            <translation>--members needs a whole number from 0 to %1, not "%2".</translation>
        </message>
        <message>
            <source>--%1 needs a whole number of at least 1, not "%2".</source>
            <translation>--%1 needs a whole number of at least 1, not "%2".</translation>
        </message>
        <message>
            <source>--card needs the number of the member's card.</source>
            <translation>--card needs the number of the member's card.</translation>
        </message>
        <message>
            <source>A sale needs at least one --line EAN[:QUANTITY].</source>
            <translation>A sale needs at least one --line EAN[:QUANTITY].</translation>
        </message>
        <message>
            <source>--line needs EAN or EAN:QUANTITY with a quantity from 1 to %1, not "%2".</source>
            <translation>--line needs EAN or EAN:QUANTITY with a quantity from 1 to %1, not "%2".</translation>
        </message>
        <message>
            <source>  2  not found: no database at --db (only demo creates one), unknown card or product</source>
            <translation>  2  not found: no database at --db (only demo creates one), unknown card or product</translation>
        </message>
        <message>
            <source>demo, members, products, balance, sale, sales, check or decode.</source>
            <translation>demo, members, products, balance, sale, sales, check or decode.</translation>
        </message>
        <message>
            <source>  4  refused: wrong check digit, not a barcode, blocked card, payment card; demo data</source>
            <translation>  4  refused: wrong check digit, not a barcode, blocked card, payment card; demo data</translation>
        </message>
        <message>
            <source>     into a database that is not empty</source>
            <translation>     into a database that is not empty</translation>
        </message>
        <message>
            <source>  decode                    decode one scan from standard input (at most 64 KiB)</source>
            <translation>  decode                    decode one scan from standard input (at most 64 KiB)</translation>
        </message>
        <message>
            <source>                            exactly as the till does. The card prefix comes from</source>
            <translation>                            exactly as the till does. The card prefix comes from</translation>
        </message>
        <message>
            <source>                            --db; without --db and without %1</source>
            <translation>                            --db; without --db and without %1</translation>
        </message>
        <message>
            <source>                            in the current folder, a new till's defaults are used.</source>
            <translation>                            in the current folder, a new till's defaults are used.</translation>
        </message>
        <message>
            <source>                            A refusal prints its class (e.g. payment_card) on</source>
            <translation>                            A refusal prints its class (e.g. payment_card) on</translation>
        </message>
        <message>
            <source>                            standard error, never the input, and exits with 4.</source>
            <translation>                            standard error, never the input, and exits with 4.</translation>
        </message>
    </context>
    <context>
        <name>Database</name>
        <message>
            <source>There is no till database at %1. Create one with "loyalty-ctl demo" or provision the till.</source>
            <translation>There is no till database at %1. Create one with "loyalty-ctl demo" or provision the till.</translation>
        </message>
        <message>
            <source>The folder %1 for the till database does not exist.</source>
            <translation>The folder %1 for the till database does not exist.</translation>
        </message>
        <message>
            <source>The till database %1 could not be opened: %2</source>
            <translation>The till database %1 could not be opened: %2</translation>
        </message>
        <message>
            <source>The till database %1 failed its integrity check (%2). It was moved aside to %3 and kept unchanged. Restore the latest backup or provision the till again; your administrator can inspect the moved file.</source>
            <translation>The till database %1 failed its integrity check (%2). It was moved aside to %3 and kept unchanged. Restore the latest backup or provision the till again; your administrator can inspect the moved file.</translation>
        </message>
        <message>
            <source>The till database %1 could not switch to write-ahead logging (it reports "%2"); it must be on a local disk that supports it.</source>
            <translation>The till database %1 could not switch to write-ahead logging (it reports "%2"); it must be on a local disk that supports it.</translation>
        </message>
        <message>
            <source>The till database %1 did not accept synchronous=FULL and foreign_keys=ON.</source>
            <translation>The till database %1 did not accept synchronous=FULL and foreign_keys=ON.</translation>
        </message>
    </context>
    <context>
        <name>DatabaseQuarantine</name>
        <message>
            <source>The database %1 is damaged and could not be moved aside to %2. Nothing was changed; copy it somewhere safe and call your administrator.</source>
            <translation>The database %1 is damaged and could not be moved aside to %2. Nothing was changed; copy it somewhere safe and call your administrator.</translation>
        </message>
    </context>
    <context>
        <name>DecodeCommand</name>
        <message>
            <source>Cannot read standard input.</source>
            <translation>Cannot read standard input.</translation>
        </message>
        <message>
            <source>The input is longer than %1 bytes.</source>
            <translation>The input is longer than %1 bytes.</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>Kind:</translation>
        </message>
        <message>
            <source>Identifier:</source>
            <translation>Identifier:</translation>
        </message>
        <message>
            <source>Format:</source>
            <translation>Format:</translation>
        </message>
        <message>
            <source>Source:</source>
            <translation>Source:</translation>
        </message>
    </context>
    <context>
        <name>DemoCommand</name>
        <message>
            <source>Database:</source>
            <translation>Database:</translation>
        </message>
        <message>
            <source>Members:</source>
            <translation>Members:</translation>
        </message>
        <message>
            <source>Cards:</source>
            <translation>Cards:</translation>
        </message>
        <message>
            <source>Products:</source>
            <translation>Products:</translation>
        </message>
        <message>
            <source>Seconds:</source>
            <translation>Seconds:</translation>
        </message>
    </context>
    <context>
        <name>DemoDataGenerator</name>
        <message>
            <source>The number of demo members must be between 0 and %1.</source>
            <translation>The number of demo members must be between 0 and %1.</translation>
        </message>
        <message>
            <source>The database %1 already holds members or products; demo data goes only into a new, empty database. Nothing was changed.</source>
            <translation>The database %1 already holds members or products; demo data goes only into a new, empty database. Nothing was changed.</translation>
        </message>
    </context>
    <context>
        <name>DeviceSettings</name>
        <message>
            <source>The setting %1 has an invalid value "%2".</source>
            <translation>The setting %1 has an invalid value "%2".</translation>
        </message>
    </context>
    <context>
        <name>DigitalCardDecoder</name>
        <message>
            <source>This digital card could not be read. Ask the customer to open the card in the app again, or type the card number.</source>
            <translation>This digital card could not be read. Ask the customer to open the card in the app again, or type the card number.</translation>
        </message>
        <message>
            <source>This digital card was signed with a key this till does not trust. Update the till or use the plastic card.</source>
            <translation>This digital card was signed with a key this till does not trust. Update the till or use the plastic card.</translation>
        </message>
        <message>
            <source>This digital card is not genuine. Do not accept it; ask for the plastic card.</source>
            <translation>This digital card is not genuine. Do not accept it; ask for the plastic card.</translation>
        </message>
        <message>
            <source>This digital card has been withdrawn. Ask the customer to contact customer service.</source>
            <translation>This digital card has been withdrawn. Ask the customer to contact customer service.</translation>
        </message>
        <message>
            <source>This digital card is not valid yet. Check the till's date and time.</source>
            <translation>This digital card is not valid yet. Check the till's date and time.</translation>
        </message>
        <message>
            <source>This digital card has expired. Ask the customer to open the app again or use the plastic card.</source>
            <translation>This digital card has expired. Ask the customer to open the app again or use the plastic card.</translation>
        </message>
        <message>
            <source>This digital card code is out of date, perhaps a screenshot. Ask the customer to show the card live in the app.</source>
            <translation>This digital card code is out of date, perhaps a screenshot. Ask the customer to show the card live in the app.</translation>
        </message>
    </context>
    <context>
        <name>DigitalCardIssuer</name>
        <message>
            <source>A digital card must expire after it is issued.</source>
            <translation>A digital card must expire after it is issued.</translation>
        </message>
        <message>
            <source>This card cannot be issued as a digital card (card id, dates or device key).</source>
            <translation>This card cannot be issued as a digital card (card id, dates or device key).</translation>
        </message>
    </context>
    <context>
        <name>EarnRule</name>
        <message numerus="yes">
            <source>%Ln point(s) per full %1 spent</source>
            <translation>
                <numerusform>%Ln point per full %1 spent</numerusform>
                <numerusform>%Ln points per full %1 spent</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Ed25519</name>
        <message>
            <source>The signature library failed (%1).</source>
            <translation>The signature library failed (%1).</translation>
        </message>
        <message>
            <source>An Ed25519 secret key has 32 bytes.</source>
            <translation>An Ed25519 secret key has 32 bytes.</translation>
        </message>
    </context>
    <context>
        <name>Enrolment</name>
        <message>
            <source>Enter the customer's name.</source>
            <translation>Enter the customer's name.</translation>
        </message>
        <message>
            <source>The customer has not agreed to the programme's terms; nobody was enrolled.</source>
            <translation>The customer has not agreed to the programme's terms; nobody was enrolled.</translation>
        </message>
        <message>
            <source>The consent text has no version.</source>
            <translation>The consent text has no version.</translation>
        </message>
        <message>
            <source>The e-mail address is not valid.</source>
            <translation>The e-mail address is not valid.</translation>
        </message>
        <message>
            <source>The phone number is not valid.</source>
            <translation>The phone number is not valid.</translation>
        </message>
        <message>
            <source>The date of birth is not valid.</source>
            <translation>The date of birth is not valid.</translation>
        </message>
    </context>
    <context>
        <name>GtinDecoder</name>
        <message>
            <source>The check digit does not match, so the code was misread. Scan again or type it carefully.</source>
            <translation>The check digit does not match, so the code was misread. Scan again or type it carefully.</translation>
        </message>
    </context>
    <context>
        <name>KeyboardLayout</name>
        <message>
            <source>The scanner types with a US keyboard layout but this till uses German (QWERTZ): set the scanner to German keyboard or ask your administrator.</source>
            <translation>The scanner types with a US keyboard layout but this till uses German (QWERTZ): set the scanner to German keyboard or ask your administrator.</translation>
        </message>
        <message>
            <source>The scanner types with a US keyboard layout but this till uses French (AZERTY): set the scanner to French keyboard or ask your administrator.</source>
            <translation>The scanner types with a US keyboard layout but this till uses French (AZERTY): set the scanner to French keyboard or ask your administrator.</translation>
        </message>
    </context>
    <context>
        <name>MagneticStripeDecoder</name>
        <message>
            <source>The card's magnetic stripe was not read completely. Swipe it again in one steady movement.</source>
            <translation>The card's magnetic stripe was not read completely. Swipe it again in one steady movement.</translation>
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
            <translation>Cards</translation>
        </message>
        <message>
            <source>There are no members.</source>
            <translation>There are no members.</translation>
        </message>
    </context>
    <context>
        <name>NdefMessage</name>
        <message>
            <source>The tag's data ends too early — hold the card still on the reader.</source>
            <translation>The tag's data ends too early — hold the card still on the reader.</translation>
        </message>
        <message>
            <source>The tag's data is not a valid NFC message.</source>
            <translation>The tag's data is not a valid NFC message.</translation>
        </message>
        <message>
            <source>The tag uses chunked NFC records, which the till does not read.</source>
            <translation>The tag uses chunked NFC records, which the till does not read.</translation>
        </message>
        <message>
            <source>The tag carries no NFC message.</source>
            <translation>The tag carries no NFC message.</translation>
        </message>
    </context>
    <context>
        <name>NfcPolicy</name>
        <message>
            <source>The setting %1 must be 0 or 1 (it is "%2").</source>
            <translation>The setting %1 must be 0 or 1 (it is "%2").</translation>
        </message>
        <message>
            <source>This tag could not be read as a card — hold it still on the reader.</source>
            <translation>This tag could not be read as a card — hold it still on the reader.</translation>
        </message>
        <message>
            <source>This tag carries no loyalty number and tags are not accepted by their ID here — scan the printed card or ask the customer for their card number.</source>
            <translation>This tag carries no loyalty number and tags are not accepted by their ID here — scan the printed card or ask the customer for their card number.</translation>
        </message>
    </context>
    <context>
        <name>PaymentCardGuard</name>
        <message>
            <source>This is a payment card. Please use the loyalty card.</source>
            <translation>This is a payment card. Please use the loyalty card.</translation>
        </message>
    </context>
    <context>
        <name>ProductsCommand</name>
        <message>
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
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
            <translation>Price</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>Discountable</source>
            <translation>Discountable</translation>
        </message>
        <message>
            <source>There are no products.</source>
            <translation>There are no products.</translation>
        </message>
    </context>
    <context>
        <name>RevokedCardList</name>
        <message>
            <source>Revoking a digital card needs its card id.</source>
            <translation>Revoking a digital card needs its card id.</translation>
        </message>
    </context>
    <context>
        <name>RotatingCodeSigner</name>
        <message>
            <source>This is not a digital card as head office issues it.</source>
            <translation>This is not a digital card as head office issues it.</translation>
        </message>
    </context>
    <context>
        <name>SaleCommand</name>
        <message>
            <source>Sale:</source>
            <translation>Sale:</translation>
        </message>
        <message>
            <source>UUID:</source>
            <translation>UUID:</translation>
        </message>
        <message>
            <source>Completed at:</source>
            <translation>Completed at:</translation>
        </message>
        <message>
            <source>Member:</source>
            <translation>Member:</translation>
        </message>
        <message>
            <source>none</source>
            <translation>none</translation>
        </message>
        <message>
            <source>Items:</source>
            <translation>Items:</translation>
        </message>
        <message>
            <source>Total:</source>
            <translation>Total:</translation>
        </message>
        <message>
            <source>Points earned:</source>
            <translation>Points earned:</translation>
        </message>
        <message>
            <source>New balance:</source>
            <translation>New balance:</translation>
        </message>
        <message>
            <source>%1 is not a loyalty card; give products with --line.</source>
            <translation>%1 is not a loyalty card; give products with --line.</translation>
        </message>
        <message>
            <source>%1 is a loyalty card; give it with --card.</source>
            <translation>%1 is a loyalty card; give it with --card.</translation>
        </message>
        <message>
            <source>A --line is empty.</source>
            <translation>A --line is empty.</translation>
        </message>
        <message>
            <source>A sale takes at most %1 of one product; nothing was sold.</source>
            <translation>A sale takes at most %1 of one product; nothing was sold.</translation>
        </message>
    </context>
    <context>
        <name>SaleService</name>
        <message>
            <source>There is nothing to complete: scan a product first.</source>
            <translation>There is nothing to complete: scan a product first.</translation>
        </message>
        <message>
            <source>The basket is in %1 but the till sells in %2.</source>
            <translation>The basket is in %1 but the till sells in %2.</translation>
        </message>
        <message>
            <source>The member's card is not active; the sale was not completed.</source>
            <translation>The member's card is not active; the sale was not completed.</translation>
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
            <translation>Completed at</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>UUID</source>
            <translation>UUID</translation>
        </message>
        <message>
            <source>none</source>
            <translation>none</translation>
        </message>
        <message>
            <source>No sales yet.</source>
            <translation>No sales yet.</translation>
        </message>
    </context>
    <context>
        <name>ScanDecoder</name>
        <message>
            <source>Not a card or product barcode this till knows. Scan again or type the number on the card.</source>
            <translation>Not a card or product barcode this till knows. Scan again or type the number on the card.</translation>
        </message>
    </context>
    <context>
        <name>ScanSanitiser</name>
        <message>
            <source>The scan was far too long for a card or a barcode. Scan again; if it keeps happening, check the scanner's settings.</source>
            <translation>The scan was far too long for a card or a barcode. Scan again; if it keeps happening, check the scanner's settings.</translation>
        </message>
        <message>
            <source>Nothing was scanned.</source>
            <translation>Nothing was scanned.</translation>
        </message>
        <message>
            <source>The scan was garbled by control characters. Scan again; if it keeps happening, check the scanner's prefix and suffix settings.</source>
            <translation>The scan was garbled by control characters. Scan again; if it keeps happening, check the scanner's prefix and suffix settings.</translation>
        </message>
        <message>
            <source>The scan held characters no card or barcode has. Scan again; if it keeps happening, check the scanner's keyboard layout.</source>
            <translation>The scan held characters no card or barcode has. Scan again; if it keeps happening, check the scanner's keyboard layout.</translation>
        </message>
    </context>
    <context>
        <name>SchemaMigrator</name>
        <message>
            <source>This database has schema version %1, but this program only knows up to version %2. It was written by a newer Loyalty Till; install that version instead. The database was not changed.</source>
            <translation>This database has schema version %1, but this program only knows up to version %2. It was written by a newer Loyalty Till; install that version instead. The database was not changed.</translation>
        </message>
        <message>
            <source>Upgrading the database to version %1 (%2) failed; it stays at the previous version. %3</source>
            <translation>Upgrading the database to version %1 (%2) failed; it stays at the previous version. %3</translation>
        </message>
    </context>
    <context>
        <name>StoreError</name>
        <message>
            <source>The disk is full, so nothing was saved. Free some space on this till, then try again.</source>
            <translation>The disk is full, so nothing was saved. Free some space on this till, then try again.</translation>
        </message>
        <message>
            <source>The till database is damaged (%1). Nothing was saved; call your administrator.</source>
            <translation>The till database is damaged (%1). Nothing was saved; call your administrator.</translation>
        </message>
        <message>
            <source>The till database refused the change: %1</source>
            <translation>The till database refused the change: %1</translation>
        </message>
    </context>
    <context>
        <name>TillSettings</name>
        <message>
            <source>The till setting "%1" has the invalid value "%2".</source>
            <translation>The till setting "%1" has the invalid value "%2".</translation>
        </message>
        <message>
            <source>The till setting "%1" is missing.</source>
            <translation>The till setting "%1" is missing.</translation>
        </message>
    </context>
    <context>
        <name>loyalty::BasketModel</name>
        <message>
            <source>%1 (no points)</source>
            <translation>%1 (no points)</translation>
        </message>
        <message>
            <source>EAN %1 · %2</source>
            <translation>EAN %1 · %2</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Product</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>Qty</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>Price</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
    </context>
    <context>
        <name>loyalty::EnrolDialog</name>
        <message>
            <source>The customer agrees (text below)</source>
            <translation>The customer agrees (text below)</translation>
        </message>
        <message>
            <source>Enrol a new member</source>
            <translation>Enrol a new member</translation>
        </message>
        <message>
            <source>optional, e.g. %1</source>
            <translation>optional, e.g. %1</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>optional</translation>
        </message>
        <message>
            <source>scan the new card</source>
            <translation>scan the new card</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <source>&amp;Phone</source>
            <translation>&amp;Phone</translation>
        </message>
        <message>
            <source>&amp;E-mail</source>
            <translation>&amp;E-mail</translation>
        </message>
        <message>
            <source>&amp;Date of birth</source>
            <translation>&amp;Date of birth</translation>
        </message>
        <message>
            <source>&amp;Card</source>
            <translation>&amp;Card</translation>
        </message>
        <message>
            <source>Consent text version %1</source>
            <translation>Consent text version %1</translation>
        </message>
        <message>
            <source>&amp;Enrol</source>
            <translation>&amp;Enrol</translation>
        </message>
        <message>
            <source>The date of birth is not a date. Write it like %1.</source>
            <translation>The date of birth is not a date. Write it like %1.</translation>
        </message>
    </context>
    <context>
        <name>loyalty::KeyLegend</name>
        <message>
            <source>Complete</source>
            <translation>Complete</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>Del</source>
            <translation>Del</translation>
        </message>
        <message>
            <source>%1 · ● offline · %2 queued</source>
            <translation>%1 · ● offline · %2 queued</translation>
        </message>
        <message>
            <source>Enrol</source>
            <translation>Enrol</translation>
        </message>
        <message>
            <source>Cards</source>
            <translation>Cards</translation>
        </message>
        <message>
            <source>Void</source>
            <translation>Void</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Select</source>
            <translation>Select</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Clear</translation>
        </message>
    </context>
    <context>
        <name>loyalty::MemberCardsDialog</name>
        <message>
            <source>active</source>
            <translation>active</translation>
        </message>
        <message>
            <source>blocked</source>
            <translation>blocked</translation>
        </message>
        <message>
            <source>replaced</source>
            <translation>replaced</translation>
        </message>
        <message>
            <source>&amp;Add card</source>
            <translation>&amp;Add card</translation>
        </message>
        <message>
            <source>&amp;Replace card</source>
            <translation>&amp;Replace card</translation>
        </message>
        <message>
            <source>&amp;Block card</source>
            <translation>&amp;Block card</translation>
        </message>
        <message>
            <source>Cards of %1</source>
            <translation>Cards of %1</translation>
        </message>
        <message>
            <source>Cards</source>
            <translation>Cards</translation>
        </message>
        <message>
            <source>Points, history and tier belong to the member and stay with every card.</source>
            <translation>Points, history and tier belong to the member and stay with every card.</translation>
        </message>
        <message>
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <source>Scan the new card to add it.</source>
            <translation>Scan the new card to add it.</translation>
        </message>
        <message>
            <source>Select the card to replace first.</source>
            <translation>Select the card to replace first.</translation>
        </message>
        <message>
            <source>Scan the new card that replaces •••• %1.</source>
            <translation>Scan the new card that replaces •••• %1.</translation>
        </message>
        <message>
            <source>Select the card to block first.</source>
            <translation>Select the card to block first.</translation>
        </message>
        <message>
            <source>Block card</source>
            <translation>Block card</translation>
        </message>
        <message>
            <source>Block card •••• %1? It will be refused at every till.</source>
            <translation>Block card •••• %1? It will be refused at every till.</translation>
        </message>
        <message>
            <source>Card •••• %1 is blocked.</source>
            <translation>Card •••• %1 is blocked.</translation>
        </message>
        <message>
            <source>Choose Add card or Replace card before scanning.</source>
            <translation>Choose Add card or Replace card before scanning.</translation>
        </message>
        <message>
            <source>Card •••• %1 added.</source>
            <translation>Card •••• %1 added.</translation>
        </message>
        <message>
            <source>Card •••• %1 replaces •••• %2.</source>
            <translation>Card •••• %1 replaces •••• %2.</translation>
        </message>
    </context>
    <context>
        <name>loyalty::MemberPanel</name>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>MEMBER</source>
            <translation>MEMBER</translation>
        </message>
        <message>
            <source>Scan customer card</source>
            <translation>Scan customer card</translation>
        </message>
        <message>
            <source>Points are collected with the loyalty card or the card in the app.</source>
            <translation>Points are collected with the loyalty card or the card in the app.</translation>
        </message>
        <message>
            <source>THIS SALE</source>
            <translation>THIS SALE</translation>
        </message>
        <message>
            <source>No member: no points</source>
            <translation>No member: no points</translation>
        </message>
        <message>
            <source>Card %1</source>
            <translation>Card %1</translation>
        </message>
        <message>
            <source>Scan the goods.</source>
            <translation>Scan the goods.</translation>
        </message>
        <message>
            <source>Nothing in the basket earns points yet.</source>
            <translation>Nothing in the basket earns points yet.</translation>
        </message>
        <message>
            <source>SALE COMPLETE ✔</source>
            <translation>SALE COMPLETE ✔</translation>
        </message>
        <message>
            <source>+%1 earned. New balance:</source>
            <translation>+%1 earned. New balance:</translation>
        </message>
        <message>
            <source>No member on this sale</source>
            <translation>No member on this sale</translation>
        </message>
        <message>
            <source>No points were collected.</source>
            <translation>No points were collected.</translation>
        </message>
        <message>
            <source>TOTAL PAID</source>
            <translation>TOTAL PAID</translation>
        </message>
        <message>
            <source>Scan the next customer's card or first product.</source>
            <translation>Scan the next customer's card or first product.</translation>
        </message>
        <message numerus="yes">
            <source>%Ln point(s)</source>
            <translation>
                <numerusform>%Ln point</numerusform>
                <numerusform>%Ln points</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>+%Ln point(s)</source>
            <translation>
                <numerusform>+%Ln point</numerusform>
                <numerusform>+%Ln points</numerusform>
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
            <translation>Message</translation>
        </message>
    </context>
    <context>
        <name>loyalty::PcscReaderMonitor</name>
        <message>
            <source>PC/SC service not running — NFC off</source>
            <translation>PC/SC service not running — NFC off</translation>
        </message>
        <message>
            <source>NFC off: PC/SC error %1</source>
            <translation>NFC off: PC/SC error %1</translation>
        </message>
        <message>
            <source>No NFC reader connected</source>
            <translation>No NFC reader connected</translation>
        </message>
        <message>
            <source>NFC reader %1 ready</source>
            <translation>NFC reader %1 ready</translation>
        </message>
        <message>
            <source>The card could not be read — hold it still on the reader.</source>
            <translation>The card could not be read — hold it still on the reader.</translation>
        </message>
    </context>
    <context>
        <name>loyalty::SaleSession</name>
        <message>
            <source>Unknown card %1. Ask for another card or enrol the customer.</source>
            <translation>Unknown card %1. Ask for another card or enrol the customer.</translation>
        </message>
        <message>
            <source>Card %1 is blocked. Ask for another card or enrol the customer.</source>
            <translation>Card %1 is blocked. Ask for another card or enrol the customer.</translation>
        </message>
        <message>
            <source>Card %1 was replaced by a newer card. Ask for the new card.</source>
            <translation>Card %1 was replaced by a newer card. Ask for the new card.</translation>
        </message>
        <message>
            <source>%1 is already on this sale.</source>
            <translation>%1 is already on this sale.</translation>
        </message>
        <message>
            <source>The sale now belongs to %1 instead of the member scanned before.</source>
            <translation>The sale now belongs to %1 instead of the member scanned before.</translation>
        </message>
        <message>
            <source>Product %1 is not in the catalogue. Put it aside and ask the store manager.</source>
            <translation>Product %1 is not in the catalogue. Put it aside and ask the store manager.</translation>
        </message>
        <message>
            <source>Product %1 is priced in %2 but the till sells in %3.</source>
            <translation>Product %1 is priced in %2 but the till sells in %3.</translation>
        </message>
    </context>
    <context>
        <name>loyalty::SaleWindow</name>
        <message>
            <source>Loyalty Till — %1</source>
            <translation>Loyalty Till — %1</translation>
        </message>
        <message>
            <source>Scan or type a card number or product code, then Enter</source>
            <translation>Scan or type a card number or product code, then Enter</translation>
        </message>
        <message>
            <source>Scan field</source>
            <translation>Scan field</translation>
        </message>
        <message>
            <source>Basket</source>
            <translation>Basket</translation>
        </message>
        <message>
            <source>Qty −</source>
            <translation>Qty −</translation>
        </message>
        <message>
            <source>Qty +</source>
            <translation>Qty +</translation>
        </message>
        <message>
            <source>Del</source>
            <translation>Del</translation>
        </message>
        <message>
            <source>Complete sale</source>
            <translation>Complete sale</translation>
        </message>
        <message>
            <source>Member %1 added to the sale.</source>
            <translation>Member %1 added to the sale.</translation>
        </message>
        <message>
            <source>Sale completed: %1.</source>
            <translation>Sale completed: %1.</translation>
        </message>
        <message>
            <source>There is no sale to void.</source>
            <translation>There is no sale to void.</translation>
        </message>
        <message>
            <source>Press F8 again to void this sale. Any other key keeps it.</source>
            <translation>Press F8 again to void this sale. Any other key keeps it.</translation>
        </message>
        <message>
            <source>Sale voided. Nothing was saved.</source>
            <translation>Sale voided. Nothing was saved.</translation>
        </message>
        <message>
            <source>Select a line first (↑ ↓).</source>
            <translation>Select a line first (↑ ↓).</translation>
        </message>
        <message>
            <source>The quantity cannot go below 1. Press Del to remove the line.</source>
            <translation>The quantity cannot go below 1. Press Del to remove the line.</translation>
        </message>
        <message>
            <source>The quantity cannot go above %1.</source>
            <translation>The quantity cannot go above %1.</translation>
        </message>
        <message>
            <source>Removed %1.</source>
            <translation>Removed %1.</translation>
        </message>
        <message numerus="yes">
            <source>Sale completed: %1. %2 earned %Ln point(s).</source>
            <translation>
                <numerusform>Sale completed: %1. %2 earned %Ln point.</numerusform>
                <numerusform>Sale completed: %1. %2 earned %Ln points.</numerusform>
            </translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Void</source>
            <translation>Void</translation>
        </message>
        <message>
            <source>Enrol</source>
            <translation>Enrol</translation>
        </message>
        <message>
            <source>Cards</source>
            <translation>Cards</translation>
        </message>
        <message>
            <source>Welcome, %1! Enrolled with card %2.</source>
            <translation>Welcome, %1! Enrolled with card %2.</translation>
        </message>
        <message>
            <source>Scan the member's card first; then F7 shows their cards.</source>
            <translation>Scan the member's card first; then F7 shows their cards.</translation>
        </message>
        <message>
            <source>The sale continues with card %1.</source>
            <translation>The sale continues with card %1.</translation>
        </message>
        <message>
            <source>The member has no active card left; the sale was cleared. Scan the goods again.</source>
            <translation>The member has no active card left; the sale was cleared. Scan the goods again.</translation>
        </message>
        <message>
            <source>A scan arrived while a dialog was open; it was ignored. Close the dialog and scan again.</source>
            <translation>A scan arrived while a dialog was open; it was ignored. Close the dialog and scan again.</translation>
        </message>
    </context>
    <context>
        <name>loyalty::SerialScannerSource</name>
        <message>
            <source>No serial scanner configured</source>
            <translation>No serial scanner configured</translation>
        </message>
        <message>
            <source>Serial scanner on %1 ready</source>
            <translation>Serial scanner on %1 ready</translation>
        </message>
        <message>
            <source>Serial scanner %1: no permission (add the till user to the dialout group)</source>
            <translation>Serial scanner %1: no permission (add the till user to the dialout group)</translation>
        </message>
        <message>
            <source>Serial scanner %1 not found</source>
            <translation>Serial scanner %1 not found</translation>
        </message>
        <message>
            <source>Serial scanner %1 cannot be opened</source>
            <translation>Serial scanner %1 cannot be opened</translation>
        </message>
        <message>
            <source>Serial scanner %1 disconnected</source>
            <translation>Serial scanner %1 disconnected</translation>
        </message>
        <message>
            <source>Scan too long (over %1 characters) — ignored. Check the scanner's suffix setting.</source>
            <translation>Scan too long (over %1 characters) — ignored. Check the scanner's suffix setting.</translation>
        </message>
        <message>
            <source>The scanner sent characters that are not plain ASCII — check its keyboard/code page setting.</source>
            <translation>The scanner sent characters that are not plain ASCII — check its keyboard/code page setting.</translation>
        </message>
        <message>
            <source>The scanner sent control characters — check its prefix and suffix settings.</source>
            <translation>The scanner sent control characters — check its prefix and suffix settings.</translation>
        </message>
    </context>
    <context>
        <name>loyalty::TotalsBar</name>
        <message>
            <source>TOTAL</source>
            <translation>TOTAL</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Items %1</source>
            <translation>Items %1</translation>
        </message>
    </context>
    <context>
        <name>loyalty::WedgeScanCapture</name>
        <message>
            <source>Scan too long (over %1 characters) — ignored. Check the scanner's settings.</source>
            <translation>Scan too long (over %1 characters) — ignored. Check the scanner's settings.</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Loyalty Till: the sale screen where cashiers scan member cards and goods.</source>
            <translation>Loyalty Till: the sale screen where cashiers scan member cards and goods.</translation>
        </message>
        <message>
            <source>The till database.</source>
            <translation>The till database.</translation>
        </message>
        <message>
            <source>Language of the screen: de or en (default: the system's).</source>
            <translation>Language of the screen: de or en (default: the system's).</translation>
        </message>
        <message>
            <source>Fill the whole screen.</source>
            <translation>Fill the whole screen.</translation>
        </message>
        <message>
            <source>Loyalty Till cannot start</source>
            <translation>Loyalty Till cannot start</translation>
        </message>
    </context>
</TS>
