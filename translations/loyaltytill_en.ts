<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
        <name>EarnRule</name>
        <message numerus="yes">
            <source>+%Ln point(s): %1 per %2 spent</source>
            <translation>
                <numerusform>+%Ln point: %1 per %2 spent</numerusform>
                <numerusform>+%Ln points: %1 per %2 spent</numerusform>
            </translation>
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
        <name>ScanClassifier</name>
        <message>
            <source>Not a card or product barcode this till knows. Scan again or type the number on the card.</source>
            <translation>Not a card or product barcode this till knows. Scan again or type the number on the card.</translation>
        </message>
        <message>
            <source>The check digit does not match, so the code was misread. Scan again or type it carefully.</source>
            <translation>The check digit does not match, so the code was misread. Scan again or type it carefully.</translation>
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
        <name>loyalty::KeyLegend</name>
        <message>
            <source>Complete</source>
            <translation>Complete</translation>
        </message>
        <message>
            <source>Void sale</source>
            <translation>Void sale</translation>
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
            <source>Remove line</source>
            <translation>Remove line</translation>
        </message>
        <message>
            <source>Select line</source>
            <translation>Select line</translation>
        </message>
        <message>
            <source>Clear input</source>
            <translation>Clear input</translation>
        </message>
        <message>
            <source>%1 · ● offline · %2 queued for head office</source>
            <translation>%1 · ● offline · %2 queued for head office</translation>
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
    </context>
    <context>
        <name>loyalty::MessageStrip</name>
        <message>
            <source>Message</source>
            <translation>Message</translation>
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
            <source>Remove line</source>
            <translation>Remove line</translation>
        </message>
        <message>
            <source>Del</source>
            <translation>Del</translation>
        </message>
        <message>
            <source>Void sale</source>
            <translation>Void sale</translation>
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
