<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ConsistencyCheck</name>
    <message>
        <source>%1 sale(s) without lines: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sale(s) whose total differs from their lines: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sale(s) without their outbox event: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sale(s) whose ledger entries differ from the points they earned: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ledger entr(ies) booked to a member other than the sale&apos;s: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 member(s) with a negative balance: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 outbox event(s) after a gap in the sequence: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>There is no till database at %1. Create one with &quot;loyalty-ctl demo&quot; or provision the till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 for the till database does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till database %1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till database %1 failed its integrity check (%2). It was moved aside to %3 and kept unchanged. Restore the latest backup or provision the till again; your administrator can inspect the moved file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till database %1 could not switch to write-ahead logging (it reports &quot;%2&quot;); it must be on a local disk that supports it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till database %1 did not accept synchronous=FULL and foreign_keys=ON.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseQuarantine</name>
    <message>
        <source>The database %1 is damaged and could not be moved aside to %2. Nothing was changed; copy it somewhere safe and call your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoDataGenerator</name>
    <message>
        <source>The number of demo members must be between 0 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 already holds members or products; demo data goes only into a new, empty database. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EarnRule</name>
    <message numerus="yes">
        <source>+%n point(s): %1 per %2 spent</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SaleService</name>
    <message>
        <source>There is nothing to complete: scan a product first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The basket is in %1 but the till sells in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member&apos;s card is not active; the sale was not completed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanClassifier</name>
    <message>
        <source>Not a card or product barcode this till knows. Scan again or type the number on the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check digit does not match, so the code was misread. Scan again or type it carefully.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchemaMigrator</name>
    <message>
        <source>This database has schema version %1, but this program only knows up to version %2. It was written by a newer Loyalty Till; install that version instead. The database was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading the database to version %1 (%2) failed; it stays at the previous version. %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>The disk is full, so nothing was saved. Free some space on this till, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till database is damaged (%1). Nothing was saved; call your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till database refused the change: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillSettings</name>
    <message>
        <source>The till setting &quot;%1&quot; has the invalid value &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till setting &quot;%1&quot; is missing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>loyalty::BasketModel</name>
    <message>
        <source>%1 (no points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EAN %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>loyalty::KeyLegend</name>
    <message>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Del</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · ● offline · %2 queued for head office</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>loyalty::MemberPanel</name>
    <message>
        <source>%1 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MEMBER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan customer card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points are collected with the loyalty card or the card in the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>THIS SALE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member: no points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the goods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in the basket earns points yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SALE COMPLETE ✔</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 earned. New balance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member on this sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No points were collected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TOTAL PAID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the next customer&apos;s card or first product.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>loyalty::MessageStrip</name>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>loyalty::SaleSession</name>
    <message>
        <source>Unknown card %1. Ask for another card or enrol the customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card %1 is blocked. Ask for another card or enrol the customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card %1 was replaced by a newer card. Ask for the new card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already on this sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale now belongs to %1 instead of the member scanned before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product %1 is not in the catalogue. Put it aside and ask the store manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product %1 is priced in %2 but the till sells in %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>loyalty::SaleWindow</name>
    <message>
        <source>Loyalty Till — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type a card number or product code, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty −</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty +</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Del</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member %1 added to the sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sale completed: %1. %2 earned %n point(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sale completed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no sale to void.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press F8 again to void this sale. Any other key keeps it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale voided. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a line first (↑ ↓).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity cannot go below 1. Press Del to remove the line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity cannot go above %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>loyalty::TotalsBar</name>
    <message>
        <source>TOTAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Loyalty Till: the sale screen where cashiers scan member cards and goods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the screen: de or en (default: the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill the whole screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyalty Till cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
