<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditCommand</name>
    <message numerus="yes">
        <source>The audit log is intact: %n entry(s), every one linked to the one before.</source>
        <translation>
            <numerusform>The audit log is intact: %n entry, every one linked to the one before.</numerusform>
            <numerusform>The audit log is intact: %n entries, every one linked to the one before.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log was tampered with.</source>
        <translation>The audit log was tampered with.</translation>
    </message>
    <message>
        <source>Entry:</source>
        <translation>Entry:</translation>
    </message>
    <message>
        <source>Recorded:</source>
        <translation>Recorded:</translation>
    </message>
    <message>
        <source>Staff:</source>
        <translation>Staff:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Action:</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>Member:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>Before:</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>After:</translation>
    </message>
    <message>
        <source>Previous hash:</source>
        <translation>Previous hash:</translation>
    </message>
    <message>
        <source>Hash:</source>
        <translation>Hash:</translation>
    </message>
    <message>
        <source>The audit log is empty.</source>
        <translation>The audit log is empty.</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Seq</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message numerus="yes">
        <source>Head office&apos;s copy of the audit log of till %1 is intact: %n entries.</source>
        <translation>
            <numerusform>Head office&apos;s copy of the audit log of till %1 is intact: %n entry.</numerusform>
            <numerusform>Head office&apos;s copy of the audit log of till %1 is intact: %n entries.</numerusform>
        </translation>
    </message>
    <message>
        <source>Head office&apos;s copy of the audit log of till %1 was tampered with.</source>
        <translation>Head office&apos;s copy of the audit log of till %1 was tampered with.</translation>
    </message>
    <message>
        <source>Edited (the fields no longer give the hash): %1</source>
        <translation>Edited (the fields no longer give the hash): %1</translation>
    </message>
    <message>
        <source>Not linked to the entry before: %1</source>
        <translation>Not linked to the entry before: %1</translation>
    </message>
    <message>
        <source>Two different entries with one number (the till&apos;s log was rewound): %1</source>
        <translation>Two different entries with one number (the till&apos;s log was rewound): %1</translation>
    </message>
    <message numerus="yes">
        <source>%n entries never travel to head office (staff changes, exports) and are checked only at the till with loyalty-ctl audit verify.</source>
        <translation>
            <numerusform>%n entry never travels to head office (staff changes, exports) and is checked only at the till with loyalty-ctl audit verify.</numerusform>
            <numerusform>%n entries never travel to head office (staff changes, exports) and are checked only at the till with loyalty-ctl audit verify.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>The audit log&apos;s head is missing although it has entries; run &quot;loyalty-ctl audit verify&quot;.</source>
        <translation>The audit log&apos;s head is missing although it has entries; run &quot;loyalty-ctl audit verify&quot;.</translation>
    </message>
</context>
<context>
    <name>AuditVerifier</name>
    <message>
        <source>Entry %1 is missing: it was deleted.</source>
        <translation>Entry %1 is missing: it was deleted.</translation>
    </message>
    <message>
        <source>Entries %1 to %2 are missing: they were deleted.</source>
        <translation>Entries %1 to %2 are missing: they were deleted.</translation>
    </message>
    <message>
        <source>Entry %1 (%2, %3) was changed after it was written: its content no longer matches its hash.</source>
        <translation>Entry %1 (%2, %3) was changed after it was written: its content no longer matches its hash.</translation>
    </message>
    <message>
        <source>Entry %1 (%2, %3) does not follow the entry before it: entries were deleted, inserted or moved there.</source>
        <translation>Entry %1 (%2, %3) does not follow the entry before it: entries were deleted, inserted or moved there.</translation>
    </message>
    <message numerus="yes">
        <source>The record of the log&apos;s last entry is missing although the log has %n entries.</source>
        <translation>
            <numerusform>The record of the log&apos;s last entry is missing although the log has %n entry.</numerusform>
            <numerusform>The record of the log&apos;s last entry is missing although the log has %n entries.</numerusform>
        </translation>
    </message>
    <message>
        <source>Entry %1, the newest, is missing: it was deleted.</source>
        <translation>Entry %1, the newest, is missing: it was deleted.</translation>
    </message>
    <message>
        <source>Entries %1 to %2, the newest, are missing: they were deleted.</source>
        <translation>Entries %1 to %2, the newest, are missing: they were deleted.</translation>
    </message>
    <message>
        <source>Entry %1 and after were added past the log&apos;s recorded end: they were inserted.</source>
        <translation>Entry %1 and after were added past the log&apos;s recorded end: they were inserted.</translation>
    </message>
    <message>
        <source>Entry %1, the newest, is not the one the log recorded as its end: it was replaced.</source>
        <translation>Entry %1, the newest, is not the one the log recorded as its end: it was replaced.</translation>
    </message>
</context>
<context>
    <name>BackupCommand</name>
    <message>
        <source>Backup:</source>
        <translation>Backup:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Size:</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 bytes)</translation>
    </message>
    <message>
        <source>Schema version:</source>
        <translation>Schema version:</translation>
    </message>
    <message>
        <source>Members:</source>
        <translation>Members:</translation>
    </message>
    <message>
        <source>The copy passed its integrity check.</source>
        <translation>The copy passed its integrity check.</translation>
    </message>
</context>
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
    <message>
        <source>Wallet:</source>
        <translation>Wallet:</translation>
    </message>
    <message>
        <source>Stamps, %1:</source>
        <translation>Stamps, %1:</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>%1 (kept until %2)</source>
        <translation>%1 (kept until %2)</translation>
    </message>
    <message>
        <source>Tier:</source>
        <translation>Tier:</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>Expiring:</source>
        <translation>Expiring:</translation>
    </message>
    <message>
        <source>%1 points on %2</source>
        <translation>%1 points on %2</translation>
    </message>
    <message>
        <source>Card %1 (%2): %3</source>
        <translation>Card %1 (%2): %3</translation>
    </message>
    <message>
        <source>Member: %1</source>
        <translation>Member: %1</translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation>  %1: %2</translation>
    </message>
    <message>
        <source>Points: %1</source>
        <translation>Points: %1</translation>
    </message>
</context>
<context>
    <name>BranchReport</name>
    <message>
        <source>The report period must end after it starts.</source>
        <translation>The report period must end after it starts.</translation>
    </message>
    <message>
        <source>Points as money off</source>
        <translation>Points as money off</translation>
    </message>
    <message>
        <source>%1 (full card)</source>
        <translation>%1 (full card)</translation>
    </message>
</context>
<context>
    <name>CardCommand</name>
    <message>
        <source>Digital card %1 is revoked (%2); every till refuses it from its next sync on.</source>
        <translation>Digital card %1 is revoked (%2); every till refuses it from its next sync on.</translation>
    </message>
    <message>
        <source>Digital card %1 was revoked before, at %2 (%3); nothing was changed.</source>
        <translation>Digital card %1 was revoked before, at %2 (%3); nothing was changed.</translation>
    </message>
</context>
<context>
    <name>CardKeyCommand</name>
    <message>
        <source>Digital card key %1 vouches for the digital cards issued from %2 (UTC).</source>
        <translation>Digital card key %1 vouches for the digital cards issued from %2 (UTC).</translation>
    </message>
    <message>
        <source>Digital card key %1 vouches for the digital cards issued from %2 up to, but not including, %3 (UTC).</source>
        <translation>Digital card key %1 vouches for the digital cards issued from %2 up to, but not including, %3 (UTC).</translation>
    </message>
    <message>
        <source>Every till receives it at its next sync.</source>
        <translation>Every till receives it at its next sync.</translation>
    </message>
    <message>
        <source>It was published with exactly this content before; nothing was changed.</source>
        <translation>It was published with exactly this content before; nothing was changed.</translation>
    </message>
    <message>
        <source>Digital card key %1 is retired: digital cards it signed with an issue time from %2 (UTC) on are refused; older ones stay valid.</source>
        <translation>Digital card key %1 is retired: digital cards it signed with an issue time from %2 (UTC) on are refused; older ones stay valid.</translation>
    </message>
    <message>
        <source>It was retired at exactly this day before; nothing was changed.</source>
        <translation>It was retired at exactly this day before; nothing was changed.</translation>
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
    <name>CardStateText</name>
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
    <name>CatalogueChangeApplier</name>
    <message>
        <source>is not a valid EAN</source>
        <translation>is not a valid EAN</translation>
    </message>
    <message>
        <source>is negative</source>
        <translation>is negative</translation>
    </message>
    <message>
        <source>is not a three-letter currency code</source>
        <translation>is not a three-letter currency code</translation>
    </message>
    <message>
        <source>is not between 0 and 65535</source>
        <translation>is not between 0 and 65535</translation>
    </message>
    <message>
        <source>is not a base64 Ed25519 public key</source>
        <translation>is not a base64 Ed25519 public key</translation>
    </message>
</context>
<context>
    <name>CertCommand</name>
    <message>
        <source>cert does not know the option %1.</source>
        <translation>cert does not know the option %1.</translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 needs a value.</translation>
    </message>
    <message>
        <source>Usage: loyalty-hq cert --out DIR [--host NAME]... [--json]</source>
        <translation>Usage: loyalty-hq cert --out DIR [--host NAME]... [--json]</translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation>Certificate: %1</translation>
    </message>
    <message>
        <source>Key:         %1 (keep it secret; mode 0600)</source>
        <translation>Key:         %1 (keep it secret; mode 0600)</translation>
    </message>
    <message>
        <source>Pin:         %1</source>
        <translation>Pin:         %1</translation>
    </message>
    <message>
        <source>Serve with:  loyalty-hq serve --listen HOST:PORT --cert %1 --key %2</source>
        <translation>Serve with:  loyalty-hq serve --listen HOST:PORT --cert %1 --key %2</translation>
    </message>
    <message>
        <source>Provision a till with --pin %1 (or --ca %2).</source>
        <translation>Provision a till with --pin %1 (or --ca %2).</translation>
    </message>
</context>
<context>
    <name>ChangeApplier</name>
    <message>
        <source>is missing or not an object</source>
        <translation>is missing or not an object</translation>
    </message>
    <message>
        <source>is not a kind of change this till knows</source>
        <translation>is not a kind of change this till knows</translation>
    </message>
</context>
<context>
    <name>ChangeFields</name>
    <message>
        <source>Change %1 (%2) from head office: %3 %4. Nothing of the page was applied.</source>
        <translation>Change %1 (%2) from head office: %3 %4. Nothing of the page was applied.</translation>
    </message>
    <message>
        <source>is missing or not a text</source>
        <translation>is missing or not a text</translation>
    </message>
    <message>
        <source>is missing or not a whole number</source>
        <translation>is missing or not a whole number</translation>
    </message>
    <message>
        <source>is missing or not true or false</source>
        <translation>is missing or not true or false</translation>
    </message>
    <message>
        <source>is missing or not a time</source>
        <translation>is missing or not a time</translation>
    </message>
    <message>
        <source>is not a day (yyyy-mm-dd)</source>
        <translation>is not a day (yyyy-mm-dd)</translation>
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
    <name>ConflictsCommand</name>
    <message>
        <source>Overdraft: %1 (%2) %3 at %4 after event %5 of till %6</source>
        <translation>Overdraft: %1 (%2) %3 at %4 after event %5 of till %6</translation>
    </message>
    <message>
        <source>Coupon %1 used twice: won by till %2 at %3; also used by till %4 at %5 (event %6)</source>
        <translation>Coupon %1 used twice: won by till %2 at %3; also used by till %4 at %5 (event %6)</translation>
    </message>
    <message>
        <source>No overdrafts and no coupon conflicts.</source>
        <translation>No overdrafts and no coupon conflicts.</translation>
    </message>
</context>
<context>
    <name>ConsentRecorder</name>
    <message>
        <source>The consent purpose must be a short word of lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>The consent purpose must be a short word of lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</translation>
    </message>
    <message>
        <source>The consent text needs a version of at most %1 characters.</source>
        <translation>The consent text needs a version of at most %1 characters.</translation>
    </message>
    <message>
        <source>There is no member %1 on this till.</source>
        <translation>There is no member %1 on this till.</translation>
    </message>
    <message>
        <source>Member %1 was erased on request; nobody can give consent for them any more.</source>
        <translation>Member %1 was erased on request; nobody can give consent for them any more.</translation>
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
        <source>%n ledger entries booked to a member other than the sale&apos;s: %1</source>
        <translation>
            <numerusform>%n ledger entry booked to a member other than the sale&apos;s: %1</numerusform>
            <numerusform>%n ledger entries booked to a member other than the sale&apos;s: %1</numerusform>
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
    <message numerus="yes">
        <source>%n ledger entries from head office booked to a sale of this till: %1</source>
        <translation>
            <numerusform>%n ledger entry from head office booked to a sale of this till: %1</numerusform>
            <numerusform>%n ledger entries from head office booked to a sale of this till: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s) of this till also recorded as another till&apos;s: %1</source>
        <translation>
            <numerusform>%n sale of this till also recorded as another till&apos;s: %1</numerusform>
            <numerusform>%n sales of this till also recorded as another till&apos;s: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected outbox event(s) without a reason: %1</source>
        <translation>
            <numerusform>%n rejected outbox event without a reason: %1</numerusform>
            <numerusform>%n rejected outbox events without a reason: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corrections</name>
    <message>
        <source>Give a reason for the correction; it goes into the audit log.</source>
        <translation>Give a reason for the correction; it goes into the audit log.</translation>
    </message>
    <message>
        <source>The reason is %1 characters long; keep it to %2.</source>
        <translation>The reason is %1 characters long; keep it to %2.</translation>
    </message>
    <message>
        <source>There is no member %1 on this till.</source>
        <translation>There is no member %1 on this till.</translation>
    </message>
    <message>
        <source>Member %1 was erased on request; their accounts cannot be changed.</source>
        <translation>Member %1 was erased on request; their accounts cannot be changed.</translation>
    </message>
    <message>
        <source>Member %1 was merged into member %2; correct member %2 instead.</source>
        <translation>Member %1 was merged into member %2; correct member %2 instead.</translation>
    </message>
    <message>
        <source>Enter the points to add or take away; zero changes nothing.</source>
        <translation>Enter the points to add or take away; zero changes nothing.</translation>
    </message>
    <message>
        <source>Enter the amount to add to or take from the wallet; zero changes nothing.</source>
        <translation>Enter the amount to add to or take from the wallet; zero changes nothing.</translation>
    </message>
    <message numerus="yes">
        <source>Member %1 has %Ln point(s); taking %2 would leave a negative balance.</source>
        <translation>
            <numerusform>Member %1 has %Ln point; taking %2 would leave a negative balance.</numerusform>
            <numerusform>Member %1 has %Ln points; taking %2 would leave a negative balance.</numerusform>
        </translation>
    </message>
    <message>
        <source>Member %1 has %2 in the wallet; taking %3 would leave it negative.</source>
        <translation>Member %1 has %2 in the wallet; taking %3 would leave it negative.</translation>
    </message>
    <message>
        <source>Correction by %1: %2</source>
        <translation>Correction by %1: %2</translation>
    </message>
    <message>
        <source>A member cannot be merged into themselves.</source>
        <translation>A member cannot be merged into themselves.</translation>
    </message>
    <message>
        <source>Moved to member %1 (accounts merged)</source>
        <translation>Moved to member %1 (accounts merged)</translation>
    </message>
    <message>
        <source>Moved from member %1 (accounts merged)</source>
        <translation>Moved from member %1 (accounts merged)</translation>
    </message>
    <message>
        <source>Merging would leave member %1 with a negative %2 balance; nothing was changed.</source>
        <translation>Merging would leave member %1 with a negative %2 balance; nothing was changed.</translation>
    </message>
    <message>
        <source>Member %1 was changed meanwhile; nothing was merged.</source>
        <translation>Member %1 was changed meanwhile; nothing was merged.</translation>
    </message>
    <message>
        <source>There is no card %1 on this till.</source>
        <translation>There is no card %1 on this till.</translation>
    </message>
    <message>
        <source>Card %1 is not blocked.</source>
        <translation>Card %1 is not blocked.</translation>
    </message>
    <message>
        <source>Card %1 was replaced; it cannot be used again.</source>
        <translation>Card %1 was replaced; it cannot be used again.</translation>
    </message>
</context>
<context>
    <name>CtlBasketBuilder</name>
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
        <source>A basket takes at most %1 of one product; nothing was sold or quoted.</source>
        <translation>A basket takes at most %1 of one product; nothing was sold or quoted.</translation>
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
        <source>sales: how many of the most recent sales to list (default: %1).</source>
        <translation>sales: how many of the most recent sales to list (default: %1).</translation>
    </message>
    <message>
        <source>sale: the member&apos;s loyalty card (leave out for a sale without member).</source>
        <translation>sale: the member&apos;s loyalty card (leave out for a sale without member).</translation>
    </message>
    <message>
        <source>card</source>
        <translation>card</translation>
    </message>
    <message>
        <source>ean[:quantity]</source>
        <translation>ean[:quantity]</translation>
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
        <source>  balance CARD              show a card&apos;s member and points balance</source>
        <translation>  balance CARD              show a card&apos;s member and points balance</translation>
    </message>
    <message>
        <source>  sales [--last N]          list the most recent sales</source>
        <translation>  sales [--last N]          list the most recent sales</translation>
    </message>
    <message>
        <source>  check                     check the database&apos;s integrity and invariants</source>
        <translation>  check                     check the database&apos;s integrity and invariants</translation>
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
        <source>Run &quot;loyalty-ctl --help&quot; to see the commands and options.</source>
        <translation>Run &quot;loyalty-ctl --help&quot; to see the commands and options.</translation>
    </message>
    <message>
        <source>--db needs the path of the till database.</source>
        <translation>--db needs the path of the till database.</translation>
    </message>
    <message>
        <source>No command given. Run &quot;loyalty-ctl --help&quot; to see the commands.</source>
        <translation>No command given. Run &quot;loyalty-ctl --help&quot; to see the commands.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Run &quot;loyalty-ctl --help&quot; to see the commands.</source>
        <translation>Unknown command &quot;%1&quot;. Run &quot;loyalty-ctl --help&quot; to see the commands.</translation>
    </message>
    <message>
        <source>balance needs the card number, e.g. &quot;loyalty-ctl balance 2000000123455&quot;.</source>
        <translation>balance needs the card number, e.g. &quot;loyalty-ctl balance 2000000123455&quot;.</translation>
    </message>
    <message>
        <source>The command %1 does not take the argument &quot;%2&quot;.</source>
        <translation>The command %1 does not take the argument &quot;%2&quot;.</translation>
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
        <source>--members needs a whole number from 0 to %1, not &quot;%2&quot;.</source>
        <translation>--members needs a whole number from 0 to %1, not &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>--%1 needs a whole number of at least 1, not &quot;%2&quot;.</source>
        <translation>--%1 needs a whole number of at least 1, not &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>--card needs the number of the member&apos;s card.</source>
        <translation>--card needs the number of the member&apos;s card.</translation>
    </message>
    <message>
        <source>A sale needs at least one --line EAN[:QUANTITY].</source>
        <translation>A sale needs at least one --line EAN[:QUANTITY].</translation>
    </message>
    <message>
        <source>--line needs EAN or EAN:QUANTITY with a quantity from 1 to %1, not &quot;%2&quot;.</source>
        <translation>--line needs EAN or EAN:QUANTITY with a quantity from 1 to %1, not &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>  4  refused: wrong check digit, not a barcode, blocked card, payment card; demo data</source>
        <translation>  4  refused: wrong check digit, not a barcode, blocked card, payment card; demo data</translation>
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
        <source>                            in the current folder, a new till&apos;s defaults are used.</source>
        <translation>                            in the current folder, a new till&apos;s defaults are used.</translation>
    </message>
    <message>
        <source>                            A refusal prints its class (e.g. payment_card) on</source>
        <translation>                            A refusal prints its class (e.g. payment_card) on</translation>
    </message>
    <message>
        <source>                            standard error, never the input, and exits with 4.</source>
        <translation>                            standard error, never the input, and exits with 4.</translation>
    </message>
    <message>
        <source>quote, sale, return: a product and optionally its quantity; repeat for every line.</source>
        <translation>quote, sale, return: a product and optionally its quantity; repeat for every line.</translation>
    </message>
    <message>
        <source>quote, sale, expire: the till&apos;s local time to evaluate at, e.g. 2026-12-24T17:30 (default: now).</source>
        <translation>quote, sale, expire: the till&apos;s local time to evaluate at, e.g. 2026-12-24T17:30 (default: now).</translation>
    </message>
    <message>
        <source>time</source>
        <translation>time</translation>
    </message>
    <message>
        <source>quote, sale: a coupon code; repeat for several.</source>
        <translation>quote, sale: a coupon code; repeat for several.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>quote, sale: points the member wants to redeem.</source>
        <translation>quote, sale: points the member wants to redeem.</translation>
    </message>
    <message>
        <source>points</source>
        <translation>points</translation>
    </message>
    <message>
        <source>quote, sale: a reward of the programme to redeem; repeat for several.</source>
        <translation>quote, sale: a reward of the programme to redeem; repeat for several.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>quote, sale: wallet amount to spend, in minor units (cents).</source>
        <translation>quote, sale: wallet amount to spend, in minor units (cents).</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>minor</translation>
    </message>
    <message>
        <source>return, feedback: the sale&apos;s number or UUID.</source>
        <translation>return, feedback: the sale&apos;s number or UUID.</translation>
    </message>
    <message>
        <source>sale</source>
        <translation>sale</translation>
    </message>
    <message>
        <source>command [argument]</source>
        <translation>command [argument]</translation>
    </message>
    <message>
        <source>  quote [--card CARD] --line EAN[:QUANTITY]... [--at TIME] [--coupon CODE]...</source>
        <translation>  quote [--card CARD] --line EAN[:QUANTITY]... [--at TIME] [--coupon CODE]...</translation>
    </message>
    <message>
        <source>        [--redeem POINTS] [--reward ID]... [--wallet MINOR]</source>
        <translation>        [--redeem POINTS] [--reward ID]... [--wallet MINOR]</translation>
    </message>
    <message>
        <source>                            show what the programme would give for a basket;</source>
        <translation>                            show what the programme would give for a basket;</translation>
    </message>
    <message>
        <source>                            writes nothing</source>
        <translation>                            writes nothing</translation>
    </message>
    <message>
        <source>  sale [--card CARD] --line EAN[:QUANTITY]... [the options of quote]</source>
        <translation>  sale [--card CARD] --line EAN[:QUANTITY]... [the options of quote]</translation>
    </message>
    <message>
        <source>                            complete a sale exactly as the till does; with --at</source>
        <translation>                            complete a sale exactly as the till does; with --at</translation>
    </message>
    <message>
        <source>                            it is evaluated and recorded at that time</source>
        <translation>                            it is evaluated and recorded at that time</translation>
    </message>
    <message>
        <source>  return --sale SALE --line EAN[:QUANTITY]...</source>
        <translation>  return --sale SALE --line EAN[:QUANTITY]...</translation>
    </message>
    <message>
        <source>                            take items of a sale back: refund and reversed points</source>
        <translation>                            take items of a sale back: refund and reversed points</translation>
    </message>
    <message>
        <source>  expire [--at TIME]        book the expiry of points whose day has come</source>
        <translation>  expire [--at TIME]        book the expiry of points whose day has come</translation>
    </message>
    <message>
        <source>  feedback --sale SALE      give the sale&apos;s member the points for answered feedback</source>
        <translation>  feedback --sale SALE      give the sale&apos;s member the points for answered feedback</translation>
    </message>
    <message>
        <source>                            (once per sale)</source>
        <translation>                            (once per sale)</translation>
    </message>
    <message>
        <source>  programme load FILE       validate a programme document and make it the active one</source>
        <translation>  programme load FILE       validate a programme document and make it the active one</translation>
    </message>
    <message>
        <source>  programme show            show the active programme and its rules</source>
        <translation>  programme show            show the active programme and its rules</translation>
    </message>
    <message>
        <source>  2  not found: no database at --db (only demo creates one), unknown card, product,</source>
        <translation>  2  not found: no database at --db (only demo creates one), unknown card, product,</translation>
    </message>
    <message>
        <source>     sale or programme file</source>
        <translation>     sale or programme file</translation>
    </message>
    <message>
        <source>     into a database that is not empty; an invalid or not newer programme; a return of</source>
        <translation>     into a database that is not empty; an invalid or not newer programme; a return of</translation>
    </message>
    <message>
        <source>     more than was sold; feedback booked before</source>
        <translation>     more than was sold; feedback booked before</translation>
    </message>
    <message>
        <source>programme needs an action: &quot;programme load FILE&quot; or &quot;programme show&quot;.</source>
        <translation>programme needs an action: &quot;programme load FILE&quot; or &quot;programme show&quot;.</translation>
    </message>
    <message>
        <source>programme load needs the programme file, e.g. &quot;loyalty-ctl programme load spring.json&quot;.</source>
        <translation>programme load needs the programme file, e.g. &quot;loyalty-ctl programme load spring.json&quot;.</translation>
    </message>
    <message>
        <source>A return needs at least one --line EAN[:QUANTITY].</source>
        <translation>A return needs at least one --line EAN[:QUANTITY].</translation>
    </message>
    <message>
        <source>A quote needs at least one --line EAN[:QUANTITY].</source>
        <translation>A quote needs at least one --line EAN[:QUANTITY].</translation>
    </message>
    <message>
        <source>--at needs the till&apos;s local time as YYYY-MM-DDTHH:MM[:SS], e.g. 2026-12-24T17:30, not &quot;%1&quot;.</source>
        <translation>--at needs the till&apos;s local time as YYYY-MM-DDTHH:MM[:SS], e.g. 2026-12-24T17:30, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--coupon needs the coupon&apos;s code.</source>
        <translation>--coupon needs the coupon&apos;s code.</translation>
    </message>
    <message>
        <source>--reward needs the id of one of the programme&apos;s rewards.</source>
        <translation>--reward needs the id of one of the programme&apos;s rewards.</translation>
    </message>
    <message>
        <source>--%1 needs a whole number from 1 to %2, not &quot;%3&quot;.</source>
        <translation>--%1 needs a whole number from 1 to %2, not &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>%1 needs --sale with the sale&apos;s number or UUID, as &quot;loyalty-ctl sales&quot; lists them.</source>
        <translation>%1 needs --sale with the sale&apos;s number or UUID, as &quot;loyalty-ctl sales&quot; lists them.</translation>
    </message>
    <message>
        <source>provision: head office&apos;s address, e.g. https://hq.example:8443.</source>
        <translation>provision: head office&apos;s address, e.g. https://hq.example:8443.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>provision: the one-time code from &quot;loyalty-hq terminal add&quot;.</source>
        <translation>provision: the one-time code from &quot;loyalty-hq terminal add&quot;.</translation>
    </message>
    <message>
        <source>provision: verify head office&apos;s certificate against the CA certificates in this PEM file.</source>
        <translation>provision: verify head office&apos;s certificate against the CA certificates in this PEM file.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>provision: trust only the server key with this pin (sha256/BASE64, as &quot;loyalty-hq cert&quot; prints it).</source>
        <translation>provision: trust only the server key with this pin (sha256/BASE64, as &quot;loyalty-hq cert&quot; prints it).</translation>
    </message>
    <message>
        <source>pin</source>
        <translation>pin</translation>
    </message>
    <message>
        <source>provision: allow plain http to head office on this machine (development and tests only).</source>
        <translation>provision: allow plain http to head office on this machine (development and tests only).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>provision, sync: seconds to wait for head office before giving up (default: %1).</source>
        <translation>provision, sync: seconds to wait for head office before giving up (default: %1).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>seconds</translation>
    </message>
    <message>
        <source>For tests: run the till&apos;s clock this many seconds ahead (negative: behind), for sales&apos; times and head-office requests alike.</source>
        <translation>For tests: run the till&apos;s clock this many seconds ahead (negative: behind), for sales&apos; times and head-office requests alike.</translation>
    </message>
    <message>
        <source>  provision --hq URL --code CODE [--ca FILE | --pin sha256/BASE64]</source>
        <translation>  provision --hq URL --code CODE [--ca FILE | --pin sha256/BASE64]</translation>
    </message>
    <message>
        <source>        [--allow-plain-loopback] [--name NAME] [--timeout SECONDS]</source>
        <translation>        [--allow-plain-loopback] [--name NAME] [--timeout SECONDS]</translation>
    </message>
    <message>
        <source>                            connect the till to head office and pull the full</source>
        <translation>                            connect the till to head office and pull the full</translation>
    </message>
    <message>
        <source>                            snapshot, with progress on standard error; run it</source>
        <translation>                            snapshot, with progress on standard error; run it</translation>
    </message>
    <message>
        <source>                            again after a cut to continue (the code is used once)</source>
        <translation>                            again after a cut to continue (the code is used once)</translation>
    </message>
    <message>
        <source>  sync [--timeout SECONDS]  one exchange with head office now: push the outbox,</source>
        <translation>  sync [--timeout SECONDS]  one exchange with head office now: push the outbox,</translation>
    </message>
    <message>
        <source>                            pull what changed; says what moved</source>
        <translation>                            pull what changed; says what moved</translation>
    </message>
    <message>
        <source>  outbox                    count the outbox&apos;s records by state and list those</source>
        <translation>  outbox                    count the outbox&apos;s records by state and list those</translation>
    </message>
    <message>
        <source>                            head office rejected</source>
        <translation>                            head office rejected</translation>
    </message>
    <message>
        <source>  6  head office: provision or sync did not finish because head office could not be</source>
        <translation>  6  head office: provision or sync did not finish because head office could not be</translation>
    </message>
    <message>
        <source>     reached, refused this till, or sent what the till could not apply</source>
        <translation>     reached, refused this till, or sent what the till could not apply</translation>
    </message>
    <message>
        <source>--clock-offset SECONDS is for tests: it plays a till whose clock is wrong.</source>
        <translation>--clock-offset SECONDS is for tests: it plays a till whose clock is wrong.</translation>
    </message>
    <message>
        <source>--clock-offset needs a whole number of seconds from %1 to %2, not &quot;%3&quot;.</source>
        <translation>--clock-offset needs a whole number of seconds from %1 to %2, not &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>provision needs --hq URL and --code CODE, e.g. &quot;loyalty-ctl provision --hq https://hq.example:8443 --code K7QF-3MZP-XW2D --pin sha256/...&quot;.</source>
        <translation>provision needs --hq URL and --code CODE, e.g. &quot;loyalty-ctl provision --hq https://hq.example:8443 --code K7QF-3MZP-XW2D --pin sha256/...&quot;.</translation>
    </message>
    <message>
        <source>--hq needs head office&apos;s address as https://HOST:PORT, not &quot;%1&quot;.</source>
        <translation>--hq needs head office&apos;s address as https://HOST:PORT, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--ca needs the path of a PEM file with head office&apos;s CA certificate.</source>
        <translation>--ca needs the path of a PEM file with head office&apos;s CA certificate.</translation>
    </message>
    <message>
        <source>--pin needs the pin as &quot;loyalty-hq cert&quot; prints it: sha256/BASE64.</source>
        <translation>--pin needs the pin as &quot;loyalty-hq cert&quot; prints it: sha256/BASE64.</translation>
    </message>
    <message>
        <source>Give either --ca or --pin, not both.</source>
        <translation>Give either --ca or --pin, not both.</translation>
    </message>
    <message>
        <source>--pin needs sha256/ followed by the base64 of 32 bytes, not &quot;%1&quot;.</source>
        <translation>--pin needs sha256/ followed by the base64 of 32 bytes, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--name needs the till&apos;s name.</source>
        <translation>--name needs the till&apos;s name.</translation>
    </message>
    <message>
        <source>--timeout needs a whole number of seconds from 1 to %1, not &quot;%2&quot;.</source>
        <translation>--timeout needs a whole number of seconds from 1 to %1, not &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>demo: also sell through the till for the past N days (default: 0, none; ./dev run asks for 365).</source>
        <translation>demo: also sell through the till for the past N days (default: 0, none; ./dev run asks for 365).</translation>
    </message>
    <message>
        <source>members, products, audit list: how many to list (default: %1).</source>
        <translation>members, products, audit list: how many to list (default: %1).</translation>
    </message>
    <message>
        <source>provision: the till&apos;s name at head office (default: its current name); staff add: the person&apos;s name.</source>
        <translation>provision: the till&apos;s name at head office (default: its current name); staff add: the person&apos;s name.</translation>
    </message>
    <message>
        <source>staff add: manager or cashier.</source>
        <translation>staff add: manager or cashier.</translation>
    </message>
    <message>
        <source>role</source>
        <translation>role</translation>
    </message>
    <message>
        <source>       [--history-days N]   … and a history of sales over the past N days</source>
        <translation>       [--history-days N]   … and a history of sales over the past N days</translation>
    </message>
    <message>
        <source>  audit verify              walk the hash chain of the audit log of manual actions;</source>
        <translation>  audit verify              walk the hash chain of the audit log of manual actions;</translation>
    </message>
    <message>
        <source>                            names the first entry that was edited, deleted, inserted</source>
        <translation>                            names the first entry that was edited, deleted, inserted</translation>
    </message>
    <message>
        <source>                            or moved, and exits with 7</source>
        <translation>                            or moved, and exits with 7</translation>
    </message>
    <message>
        <source>  audit list [--limit N]    list the newest entries of the audit log</source>
        <translation>  audit list [--limit N]    list the newest entries of the audit log</translation>
    </message>
    <message>
        <source>  staff add --name NAME --role manager|cashier</source>
        <translation>  staff add --name NAME --role manager|cashier</translation>
    </message>
    <message>
        <source>                            add a staff account; the PIN (4 to 8 digits) is read from</source>
        <translation>                            add a staff account; the PIN (4 to 8 digits) is read from</translation>
    </message>
    <message>
        <source>                            standard input, never from the command line (asked twice</source>
        <translation>                            standard input, never from the command line (asked twice</translation>
    </message>
    <message>
        <source>                            without echo on a terminal)</source>
        <translation>                            without echo on a terminal)</translation>
    </message>
    <message>
        <source>  staff list                list the staff accounts, their roles and locks</source>
        <translation>  staff list                list the staff accounts, their roles and locks</translation>
    </message>
    <message>
        <source>Who may run loyalty-ctl: whoever can read and write the database file, i.e. the</source>
        <translation>Who may run loyalty-ctl: whoever can read and write the database file, i.e. the</translation>
    </message>
    <message>
        <source>till&apos;s administrator (IT). It asks for no staff sign-in; staff add is recorded in</source>
        <translation>till&apos;s administrator (IT). It asks for no staff sign-in; staff add is recorded in</translation>
    </message>
    <message>
        <source>the audit log as &quot;administrator (loyalty-ctl)&quot;. Protect the file accordingly.</source>
        <translation>the audit log as &quot;administrator (loyalty-ctl)&quot;. Protect the file accordingly.</translation>
    </message>
    <message>
        <source>  7  tampered: audit verify found an edited, deleted, inserted or moved entry</source>
        <translation>  7  tampered: audit verify found an edited, deleted, inserted or moved entry</translation>
    </message>
    <message>
        <source>audit needs an action: &quot;audit verify&quot; or &quot;audit list&quot;.</source>
        <translation>audit needs an action: &quot;audit verify&quot; or &quot;audit list&quot;.</translation>
    </message>
    <message>
        <source>staff needs an action: &quot;staff add --name NAME --role manager|cashier&quot; or &quot;staff list&quot;.</source>
        <translation>staff needs an action: &quot;staff add --name NAME --role manager|cashier&quot; or &quot;staff list&quot;.</translation>
    </message>
    <message>
        <source>staff add needs --name NAME and --role manager|cashier, e.g. &quot;loyalty-ctl staff add --name Mara --role manager&quot;; the PIN comes from standard input.</source>
        <translation>staff add needs --name NAME and --role manager|cashier, e.g. &quot;loyalty-ctl staff add --name Mara --role manager&quot;; the PIN comes from standard input.</translation>
    </message>
    <message>
        <source>--role needs manager or cashier, not &quot;%1&quot;.</source>
        <translation>--role needs manager or cashier, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>  demo --history-days N     add that history (and a demo manager) to an existing demo till</source>
        <translation>  demo --history-days N     add that history (and a demo manager) to an existing demo till</translation>
    </message>
    <message>
        <source>--history-days needs a whole number from %1 to %2, not &quot;%3&quot;.</source>
        <translation>--history-days needs a whole number from %1 to %2, not &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>backup: the new file to write the copy to (never overwritten); receipt: the file to write the ESC/POS bytes to.</source>
        <translation>backup: the new file to write the copy to (never overwritten); receipt: the file to write the ESC/POS bytes to.</translation>
    </message>
    <message>
        <source>receipt: the paper width in mm, 58 or 80 (default: 80).</source>
        <translation>receipt: the paper width in mm, 58 or 80 (default: 80).</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <source>receipt: mark the receipt as a copy (a reprint).</source>
        <translation>receipt: mark the receipt as a copy (a reprint).</translation>
    </message>
    <message>
        <source>receipt: print the receipt as plain text on standard output (the default).</source>
        <translation>receipt: print the receipt as plain text on standard output (the default).</translation>
    </message>
    <message>
        <source>receipt: send the receipt to a network printer, e.g. tcp://192.168.1.50:9100.</source>
        <translation>receipt: send the receipt to a network printer, e.g. tcp://192.168.1.50:9100.</translation>
    </message>
    <message>
        <source>receipt: send the receipt to a printer&apos;s device file, e.g. /dev/usb/lp0.</source>
        <translation>receipt: send the receipt to a printer&apos;s device file, e.g. /dev/usb/lp0.</translation>
    </message>
    <message>
        <source>demo, members, products, balance, quote, sale, sales, return, expire, feedback, programme, check, decode, provision, sync, outbox, audit, staff, backup or receipt.</source>
        <translation>demo, members, products, balance, quote, sale, sales, return, expire, feedback, programme, check, decode, provision, sync, outbox, audit, staff, backup or receipt.</translation>
    </message>
    <message>
        <source>  backup --out FILE         a consistent copy of the database while the till runs;</source>
        <translation>  backup --out FILE         a consistent copy of the database while the till runs;</translation>
    </message>
    <message>
        <source>                            refuses an existing FILE, checks the copy before keeping it</source>
        <translation>                            refuses an existing FILE, checks the copy before keeping it</translation>
    </message>
    <message>
        <source>  receipt SALE [--width 58|80] [--copy]</source>
        <translation>  receipt SALE [--width 58|80] [--copy]</translation>
    </message>
    <message>
        <source>        [--text | --out FILE | --to tcp://HOST:PORT | --device PATH]</source>
        <translation>        [--text | --out FILE | --to tcp://HOST:PORT | --device PATH]</translation>
    </message>
    <message>
        <source>                            a sale&apos;s receipt as the till prints it, balances as right</source>
        <translation>                            a sale&apos;s receipt as the till prints it, balances as right</translation>
    </message>
    <message>
        <source>                            after the sale: as text (default), or as ESC/POS into a</source>
        <translation>                            after the sale: as text (default), or as ESC/POS into a</translation>
    </message>
    <message>
        <source>                            file, to a network printer or to a printer&apos;s device file</source>
        <translation>                            file, to a network printer or to a printer&apos;s device file</translation>
    </message>
    <message>
        <source>  8  printer: receipt did not reach the printer (unreachable, refused, timed out,</source>
        <translation>  8  printer: receipt did not reach the printer (unreachable, refused, timed out,</translation>
    </message>
    <message>
        <source>     no such device, no permission)</source>
        <translation>     no such device, no permission)</translation>
    </message>
    <message>
        <source>receipt needs the sale&apos;s number or UUID, e.g. &quot;loyalty-ctl receipt 42&quot;.</source>
        <translation>receipt needs the sale&apos;s number or UUID, e.g. &quot;loyalty-ctl receipt 42&quot;.</translation>
    </message>
    <message>
        <source>backup needs --out FILE: a new file for the copy, e.g. &quot;loyalty-ctl backup --out /var/backups/till-2026-12-01.db&quot;.</source>
        <translation>backup needs --out FILE: a new file for the copy, e.g. &quot;loyalty-ctl backup --out /var/backups/till-2026-12-01.db&quot;.</translation>
    </message>
    <message>
        <source>--width needs the paper width of the thermal printer, 58 or 80, not &quot;%1&quot;.</source>
        <translation>--width needs the paper width of the thermal printer, 58 or 80, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Give one of --text, --out, --to and --device: the receipt goes to one place.</source>
        <translation>Give one of --text, --out, --to and --device: the receipt goes to one place.</translation>
    </message>
    <message>
        <source>--out needs the file to write the receipt&apos;s ESC/POS bytes to.</source>
        <translation>--out needs the file to write the receipt&apos;s ESC/POS bytes to.</translation>
    </message>
    <message>
        <source>--device needs the printer&apos;s device file, e.g. /dev/usb/lp0.</source>
        <translation>--device needs the printer&apos;s device file, e.g. /dev/usb/lp0.</translation>
    </message>
    <message>
        <source>--to needs the network printer as tcp://HOST:PORT, e.g. tcp://192.168.1.50:9100, not &quot;%1&quot;.</source>
        <translation>--to needs the network printer as tcp://HOST:PORT, e.g. tcp://192.168.1.50:9100, not &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>CtlEffects</name>
    <message>
        <source>Effects:</source>
        <translation>Effects:</translation>
    </message>
    <message>
        <source>Notices:</source>
        <translation>Notices:</translation>
    </message>
</context>
<context>
    <name>CtlSaleReference</name>
    <message>
        <source>&quot;%1&quot; is neither a sale number nor a sale UUID; &quot;loyalty-ctl sales&quot; lists them.</source>
        <translation>&quot;%1&quot; is neither a sale number nor a sale UUID; &quot;loyalty-ctl sales&quot; lists them.</translation>
    </message>
    <message>
        <source>There is no sale %1 at this till.</source>
        <translation>There is no sale %1 at this till.</translation>
    </message>
</context>
<context>
    <name>CustomerDisplayOption</name>
    <message>
        <source>Show the customer display, full screen on the first screen that is not the till&apos;s; --customer-display=SCREEN puts it on that screen (its name as the system gives it, e.g. HDMI-1). Wins over the setting.</source>
        <translation>Show the customer display, full screen on the first screen that is not the till&apos;s; --customer-display=SCREEN puts it on that screen (its name as the system gives it, e.g. HDMI-1). Wins over the setting.</translation>
    </message>
</context>
<context>
    <name>CustomerValueHint</name>
    <message numerus="yes">
        <source>%Ln point(s) expire on %1 — offer the %2-point reward “%3”</source>
        <translation>
            <numerusform>%Ln point expires on %1 — offer the %2-point reward “%3”</numerusform>
            <numerusform>%Ln points expire on %1 — offer the %2-point reward “%3”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln point(s) expire on %1 — offer to pay with points (worth %2)</source>
        <translation>
            <numerusform>%Ln point expires on %1 — offer to pay with points (worth %2)</numerusform>
            <numerusform>%Ln points expire on %1 — offer to pay with points (worth %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln point(s) expire on %1</source>
        <translation>
            <numerusform>%Ln point expires on %1</numerusform>
            <numerusform>%Ln points expire on %1</numerusform>
        </translation>
    </message>
    <message>
        <source>A customer · %1</source>
        <translation>A customer · %1</translation>
    </message>
    <message>
        <source>A customer: among the members who bring %1 % of this till&apos;s revenue</source>
        <translation>A customer: among the members who bring %1 % of this till&apos;s revenue</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>There is no till database at %1. Create one with &quot;loyalty-ctl demo&quot; or provision the till.</source>
        <translation>There is no till database at %1. Create one with &quot;loyalty-ctl demo&quot; or provision the till.</translation>
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
        <source>The till database %1 could not switch to write-ahead logging (it reports &quot;%2&quot;); it must be on a local disk that supports it.</source>
        <translation>The till database %1 could not switch to write-ahead logging (it reports &quot;%2&quot;); it must be on a local disk that supports it.</translation>
    </message>
    <message>
        <source>The till database %1 did not accept synchronous=FULL and foreign_keys=ON.</source>
        <translation>The till database %1 did not accept synchronous=FULL and foreign_keys=ON.</translation>
    </message>
</context>
<context>
    <name>DatabaseBackup</name>
    <message>
        <source>The backup needs the path of a new file.</source>
        <translation>The backup needs the path of a new file.</translation>
    </message>
    <message>
        <source>The backup %1 could not be flushed to disk; it was not kept.</source>
        <translation>The backup %1 could not be flushed to disk; it was not kept.</translation>
    </message>
    <message>
        <source>%1 appeared while the backup was written; it was left untouched and the backup was not kept. Choose a new file name.</source>
        <translation>%1 appeared while the backup was written; it was left untouched and the backup was not kept. Choose a new file name.</translation>
    </message>
    <message>
        <source>%1 exists already. A backup never overwrites a file: choose a new name, e.g. one with today&apos;s date.</source>
        <translation>%1 exists already. A backup never overwrites a file: choose a new name, e.g. one with today&apos;s date.</translation>
    </message>
    <message>
        <source>%1 exists (perhaps left by a backup that was interrupted). It was left untouched: remove it or choose another name.</source>
        <translation>%1 exists (perhaps left by a backup that was interrupted). It was left untouched: remove it or choose another name.</translation>
    </message>
    <message>
        <source>The folder %1 for the backup does not exist.</source>
        <translation>The folder %1 for the backup does not exist.</translation>
    </message>
    <message>
        <source>The backup cannot be written to the folder %1: no permission to write there. Choose a folder that the user running loyalty-ctl may write to.</source>
        <translation>The backup cannot be written to the folder %1: no permission to write there. Choose a folder that the user running loyalty-ctl may write to.</translation>
    </message>
    <message>
        <source>The disk holding %1 is full, so the backup was not written. Free some space there or choose another disk; nothing on the till changed.</source>
        <translation>The disk holding %1 is full, so the backup was not written. Free some space there or choose another disk; nothing on the till changed.</translation>
    </message>
    <message>
        <source>The backup cannot be written to the folder %1 (%2). Choose a folder that the user running loyalty-ctl may write to.</source>
        <translation>The backup cannot be written to the folder %1 (%2). Choose a folder that the user running loyalty-ctl may write to.</translation>
    </message>
    <message>
        <source>Writing the backup to %1 failed (%2); the disk may be failing or was removed.</source>
        <translation>Writing the backup to %1 failed (%2); the disk may be failing or was removed.</translation>
    </message>
    <message>
        <source>The backup copy failed its check (%1), so it was not kept. Run &quot;loyalty-ctl check&quot; on the till database.</source>
        <translation>The backup copy failed its check (%1), so it was not kept. Run &quot;loyalty-ctl check&quot; on the till database.</translation>
    </message>
    <message>
        <source>schema version %1 instead of %2</source>
        <translation>schema version %1 instead of %2</translation>
    </message>
    <message>
        <source>it is not this till&apos;s database</source>
        <translation>it is not this till&apos;s database</translation>
    </message>
    <message>
        <source>The incomplete copy %1 could not be removed; delete it by hand.</source>
        <translation>The incomplete copy %1 could not be removed; delete it by hand.</translation>
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
    <message>
        <source>Programme:</source>
        <translation>Programme:</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1, version %2</translation>
    </message>
    <message>
        <source>Database: %1
Members: %2
Cards: %3
Products: %4
Programme version: %5
Seconds: %6</source>
        <translation>Database: %1
Members: %2
Cards: %3
Products: %4
Programme version: %5
Seconds: %6</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>History:</translation>
    </message>
    <message>
        <source>%1 days, %2 sales (%3 with members), %4 redemptions, %5 returns</source>
        <translation>%1 days, %2 sales (%3 with members), %4 redemptions, %5 returns</translation>
    </message>
    <message>
        <source>Corrections:</source>
        <translation>Corrections:</translation>
    </message>
    <message>
        <source>Manager:</source>
        <translation>Manager:</translation>
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
        <translation>The demo corrections need a till without staff accounts: the demo manager is its first.</translation>
    </message>
    <message>
        <source>Points for a purchase the till missed (receipt shown by the customer)</source>
        <translation>Points for a purchase the till missed (receipt shown by the customer)</translation>
    </message>
    <message>
        <source>Welcome points booked twice by mistake</source>
        <translation>Welcome points booked twice by mistake</translation>
    </message>
    <message>
        <source>Goodwill for a damaged product</source>
        <translation>Goodwill for a damaged product</translation>
    </message>
    <message>
        <source>The customer found the card they had reported lost</source>
        <translation>The customer found the card they had reported lost</translation>
    </message>
    <message>
        <source>The same person enrolled twice</source>
        <translation>The same person enrolled twice</translation>
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
    <name>DemoHistory</name>
    <message>
        <source>The demo history needs 0 to %1 days and at least one sale a day.</source>
        <translation>The demo history needs 0 to %1 days and at least one sale a day.</translation>
    </message>
    <message>
        <source>The demo history needs the demo shop&apos;s products: run demo first.</source>
        <translation>The demo history needs the demo shop&apos;s products: run demo first.</translation>
    </message>
</context>
<context>
    <name>DeviceSettings</name>
    <message>
        <source>The setting %1 has an invalid value &quot;%2&quot;.</source>
        <translation>The setting %1 has an invalid value &quot;%2&quot;.</translation>
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
        <source>This digital card is not valid yet. Check the till&apos;s date and time.</source>
        <translation>This digital card is not valid yet. Check the till&apos;s date and time.</translation>
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
        <source>Enter the customer&apos;s name.</source>
        <translation>Enter the customer&apos;s name.</translation>
    </message>
    <message>
        <source>The customer has not agreed to the programme&apos;s terms; nobody was enrolled.</source>
        <translation>The customer has not agreed to the programme&apos;s terms; nobody was enrolled.</translation>
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
    <message>
        <source>The referrer&apos;s card %1 is not known; enrol without it or scan another card.</source>
        <translation>The referrer&apos;s card %1 is not known; enrol without it or scan another card.</translation>
    </message>
</context>
<context>
    <name>Erasure</name>
    <message>
        <source>Say why the member is erased (e.g. the customer&apos;s request).</source>
        <translation>Say why the member is erased (e.g. the customer&apos;s request).</translation>
    </message>
    <message>
        <source>The reason is %1 characters long; keep it to %2.</source>
        <translation>The reason is %1 characters long; keep it to %2.</translation>
    </message>
    <message>
        <source>There is no member %1 on this till.</source>
        <translation>There is no member %1 on this till.</translation>
    </message>
    <message>
        <source>Member %1 was already erased.</source>
        <translation>Member %1 was already erased.</translation>
    </message>
</context>
<context>
    <name>ExpireCommand</name>
    <message>
        <source>Expired at:</source>
        <translation>Expired at:</translation>
    </message>
    <message>
        <source>Members with expired points:</source>
        <translation>Members with expired points:</translation>
    </message>
    <message>
        <source>Expiry for %1: %2 points of %3 members expired.</source>
        <translation>Expiry for %1: %2 points of %3 members expired.</translation>
    </message>
</context>
<context>
    <name>ExpiryRun</name>
    <message numerus="yes">
        <source>%n point(s) expired (earned %1)</source>
        <translation>
            <numerusform>%n point expired (earned %1)</numerusform>
            <numerusform>%n points expired (earned %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedbackBooking</name>
    <message>
        <source>Feedback on sale %1 was already booked at %2; it earns points once. Nothing was changed.</source>
        <translation>Feedback on sale %1 was already booked at %2; it earns points once. Nothing was changed.</translation>
    </message>
    <message>
        <source>Sale %1 was made without a member card; feedback points go to a member. Nothing was changed.</source>
        <translation>Sale %1 was made without a member card; feedback points go to a member. Nothing was changed.</translation>
    </message>
    <message>
        <source>The active programme gives no points for feedback now. Nothing was changed.</source>
        <translation>The active programme gives no points for feedback now. Nothing was changed.</translation>
    </message>
</context>
<context>
    <name>FeedbackCommand</name>
    <message>
        <source>Sale:</source>
        <translation>Sale:</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>Member:</translation>
    </message>
    <message>
        <source>Points:</source>
        <translation>Points:</translation>
    </message>
    <message>
        <source>New balance:</source>
        <translation>New balance:</translation>
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
    <name>HqCommandLine</name>
    <message>
        <source>Head office&apos;s database: a SQLite file (default: %1 in the current folder) or postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE.</source>
        <translation>Head office&apos;s database: a SQLite file (default: %1 in the current folder) or postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE.</translation>
    </message>
    <message>
        <source>path-or-url</source>
        <translation>path-or-url</translation>
    </message>
    <message>
        <source>Print the result as one JSON document.</source>
        <translation>Print the result as one JSON document.</translation>
    </message>
    <message>
        <source>terminal add: the new till&apos;s name.</source>
        <translation>terminal add: the new till&apos;s name.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
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
        <source>expire: head office&apos;s local time to expire at, e.g. 2026-12-24T17:30 (default: now).</source>
        <translation>expire: head office&apos;s local time to expire at, e.g. 2026-12-24T17:30 (default: now).</translation>
    </message>
    <message>
        <source>time</source>
        <translation>time</translation>
    </message>
    <message>
        <source>command [argument]</source>
        <translation>command [argument]</translation>
    </message>
    <message>
        <source>Loyalty Till head office: the service every till syncs with, and its administration.</source>
        <translation>Loyalty Till head office: the service every till syncs with, and its administration.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Commands:</translation>
    </message>
    <message>
        <source>  serve --listen HOST:PORT (--cert FILE --key FILE | --plain-http)</source>
        <translation>  serve --listen HOST:PORT (--cert FILE --key FILE | --plain-http)</translation>
    </message>
    <message>
        <source>                            run the HTTPS API the tills sync with (see docs/head-office.md)</source>
        <translation>                            run the HTTPS API the tills sync with (see docs/head-office.md)</translation>
    </message>
    <message>
        <source>  cert --out DIR [--host NAME]...  make a self-signed certificate and print its pin</source>
        <translation>  cert --out DIR [--host NAME]...  make a self-signed certificate and print its pin</translation>
    </message>
    <message>
        <source>  terminal add --name NAME  print a one-time code (valid 24 hours) to provision a till</source>
        <translation>  terminal add --name NAME  print a one-time code (valid 24 hours) to provision a till</translation>
    </message>
    <message>
        <source>  terminal list             list the provisioned tills</source>
        <translation>  terminal list             list the provisioned tills</translation>
    </message>
    <message>
        <source>  terminal disable TILL-ID  refuse the till from now on (its secret is revoked)</source>
        <translation>  terminal disable TILL-ID  refuse the till from now on (its secret is revoked)</translation>
    </message>
    <message>
        <source>  demo --members N          fill a new, empty head office with the till&apos;s demo data</source>
        <translation>  demo --members N          fill a new, empty head office with the till&apos;s demo data</translation>
    </message>
    <message>
        <source>  balance CARD              show a card&apos;s member and account balances</source>
        <translation>  balance CARD              show a card&apos;s member and account balances</translation>
    </message>
    <message>
        <source>  stats                     members, events, duplicates refused and rejected, per till</source>
        <translation>  stats                     members, events, duplicates refused and rejected, per till</translation>
    </message>
    <message>
        <source>  programme publish FILE    validate, sign and publish a programme to every till</source>
        <translation>  programme publish FILE    validate, sign and publish a programme to every till</translation>
    </message>
    <message>
        <source>  import members FILE.csv   import members (columns: number, name, email, phone,</source>
        <translation>  import members FILE.csv   import members (columns: number, name, email, phone,</translation>
    </message>
    <message>
        <source>                            birth_date, card_number, points); all or nothing</source>
        <translation>                            birth_date, card_number, points); all or nothing</translation>
    </message>
    <message>
        <source>  conflicts                 overdrafts and coupons used twice, found at sync</source>
        <translation>  conflicts                 overdrafts and coupons used twice, found at sync</translation>
    </message>
    <message>
        <source>  expire [--at TIME]        book the expiry of points whose day has come</source>
        <translation>  expire [--at TIME]        book the expiry of points whose day has come</translation>
    </message>
    <message>
        <source>With --json a successful command prints one JSON document on standard output.</source>
        <translation>With --json a successful command prints one JSON document on standard output.</translation>
    </message>
    <message>
        <source>Errors always go to standard error as plain text, with or without --json.</source>
        <translation>Errors always go to standard error as plain text, with or without --json.</translation>
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
        <source>  2  not found: no head-office data at --db (only serve, demo, terminal add,</source>
        <translation>  2  not found: no head-office data at --db (only serve, demo, terminal add,</translation>
    </message>
    <message>
        <source>  4  refused: an invalid or not newer programme, an import with errors, demo data</source>
        <translation>  4  refused: an invalid or not newer programme, an import with errors, demo data</translation>
    </message>
    <message>
        <source>  5  storage error: disk full, damaged database, database newer than this program,</source>
        <translation>  5  storage error: disk full, damaged database, database newer than this program,</translation>
    </message>
    <message>
        <source>     PostgreSQL unreachable</source>
        <translation>     PostgreSQL unreachable</translation>
    </message>
    <message>
        <source>--db needs head office&apos;s database: a path or a postgresql:// URL.</source>
        <translation>--db needs head office&apos;s database: a path or a postgresql:// URL.</translation>
    </message>
    <message>
        <source>Run &quot;loyalty-hq --help&quot; to see the commands and options.</source>
        <translation>Run &quot;loyalty-hq --help&quot; to see the commands and options.</translation>
    </message>
    <message>
        <source>No command given. Run &quot;loyalty-hq --help&quot; to see the commands.</source>
        <translation>No command given. Run &quot;loyalty-hq --help&quot; to see the commands.</translation>
    </message>
    <message>
        <source>%1 needs an action: %2.</source>
        <translation>%1 needs an action: %2.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Run &quot;loyalty-hq --help&quot; to see the commands.</source>
        <translation>Unknown command &quot;%1&quot;. Run &quot;loyalty-hq --help&quot; to see the commands.</translation>
    </message>
    <message>
        <source>%1 needs an argument, e.g. &quot;%2&quot;.</source>
        <translation>%1 needs an argument, e.g. &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The command %1 does not take the argument &quot;%2&quot;.</source>
        <translation>The command %1 does not take the argument &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The option --%1 does not apply to the command %2.</source>
        <translation>The option --%1 does not apply to the command %2.</translation>
    </message>
    <message>
        <source>terminal add needs --name NAME: what the till is called, e.g. &quot;Bakery Nord 2&quot;.</source>
        <translation>terminal add needs --name NAME: what the till is called, e.g. &quot;Bakery Nord 2&quot;.</translation>
    </message>
    <message>
        <source>demo needs --members N: how many demo members to create.</source>
        <translation>demo needs --members N: how many demo members to create.</translation>
    </message>
    <message>
        <source>--members needs a whole number from 0 to %1, not &quot;%2&quot;.</source>
        <translation>--members needs a whole number from 0 to %1, not &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>balance needs the card number, e.g. &quot;loyalty-hq balance 2000000123455&quot;.</source>
        <translation>balance needs the card number, e.g. &quot;loyalty-hq balance 2000000123455&quot;.</translation>
    </message>
    <message>
        <source>The command needs a file.</source>
        <translation>The command needs a file.</translation>
    </message>
    <message>
        <source>--at needs head office&apos;s local time as YYYY-MM-DDTHH:MM[:SS], e.g. 2026-12-24T17:30, not &quot;%1&quot;.</source>
        <translation>--at needs head office&apos;s local time as YYYY-MM-DDTHH:MM[:SS], e.g. 2026-12-24T17:30, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>card-key: the digital card key&apos;s id, 0 to 65535.</source>
        <translation>card-key: the digital card key&apos;s id, 0 to 65535.</translation>
    </message>
    <message>
        <source>card-key add: the raw 32-byte Ed25519 public key, base64.</source>
        <translation>card-key add: the raw 32-byte Ed25519 public key, base64.</translation>
    </message>
    <message>
        <source>base64</source>
        <translation>base64</translation>
    </message>
    <message>
        <source>card-key add: the first day (UTC) of the issue dates the key vouches for.</source>
        <translation>card-key add: the first day (UTC) of the issue dates the key vouches for.</translation>
    </message>
    <message>
        <source>day</source>
        <translation>day</translation>
    </message>
    <message>
        <source>card-key: the first day (UTC) the key no longer vouches for.</source>
        <translation>card-key: the first day (UTC) the key no longer vouches for.</translation>
    </message>
    <message>
        <source>card revoke: why the digital card is withdrawn.</source>
        <translation>card revoke: why the digital card is withdrawn.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>  card-key add --key-id N --public-key BASE64 --valid-from DAY [--valid-until DAY]</source>
        <translation>  card-key add --key-id N --public-key BASE64 --valid-from DAY [--valid-until DAY]</translation>
    </message>
    <message>
        <source>                            trust an Ed25519 key for digital cards issued from DAY (UTC)</source>
        <translation>                            trust an Ed25519 key for digital cards issued from DAY (UTC)</translation>
    </message>
    <message>
        <source>  card-key retire --key-id N --valid-until DAY</source>
        <translation>  card-key retire --key-id N --valid-until DAY</translation>
    </message>
    <message>
        <source>                            refuse the key&apos;s digital cards issued from DAY (UTC) on</source>
        <translation>                            refuse the key&apos;s digital cards issued from DAY (UTC) on</translation>
    </message>
    <message>
        <source>  card revoke CARD-ID --reason TEXT</source>
        <translation>  card revoke CARD-ID --reason TEXT</translation>
    </message>
    <message>
        <source>                            refuse a digital card at every till</source>
        <translation>                            refuse a digital card at every till</translation>
    </message>
    <message>
        <source>     programme publish, import, card-key add and card revoke create it), unknown card</source>
        <translation>     programme publish, import, card-key add and card revoke create it), unknown card</translation>
    </message>
    <message>
        <source>     or card key, missing file</source>
        <translation>     or card key, missing file</translation>
    </message>
    <message>
        <source>     into a database that is not empty, an invalid card key or card id, a key id</source>
        <translation>     into a database that is not empty, an invalid card key or card id, a key id</translation>
    </message>
    <message>
        <source>     published before with other content</source>
        <translation>     published before with other content</translation>
    </message>
    <message>
        <source>%1 needs --key-id N: the digital card key&apos;s id, 0 to 65535.</source>
        <translation>%1 needs --key-id N: the digital card key&apos;s id, 0 to 65535.</translation>
    </message>
    <message>
        <source>--key-id needs a whole number from 0 to 65535, not &quot;%1&quot;.</source>
        <translation>--key-id needs a whole number from 0 to 65535, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--valid-until needs a day as YYYY-MM-DD, e.g. 2027-06-01, not &quot;%1&quot;.</source>
        <translation>--valid-until needs a day as YYYY-MM-DD, e.g. 2027-06-01, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>card-key retire needs --valid-until DAY: the first day (UTC) the key no longer vouches for.</source>
        <translation>card-key retire needs --valid-until DAY: the first day (UTC) the key no longer vouches for.</translation>
    </message>
    <message>
        <source>card-key add needs --public-key BASE64: the raw 32-byte Ed25519 public key.</source>
        <translation>card-key add needs --public-key BASE64: the raw 32-byte Ed25519 public key.</translation>
    </message>
    <message>
        <source>card-key add needs --valid-from DAY: the first day (UTC) of the issue dates the key vouches for.</source>
        <translation>card-key add needs --valid-from DAY: the first day (UTC) of the issue dates the key vouches for.</translation>
    </message>
    <message>
        <source>--valid-from needs a day as YYYY-MM-DD, e.g. 2026-12-01, not &quot;%1&quot;.</source>
        <translation>--valid-from needs a day as YYYY-MM-DD, e.g. 2026-12-01, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>card revoke needs the digital card&apos;s id.</source>
        <translation>card revoke needs the digital card&apos;s id.</translation>
    </message>
    <message>
        <source>card revoke needs --reason TEXT: why the card is withdrawn, e.g. &quot;lost phone&quot;.</source>
        <translation>card revoke needs --reason TEXT: why the card is withdrawn, e.g. &quot;lost phone&quot;.</translation>
    </message>
    <message>
        <source>serve, cert, terminal, demo, balance, stats, programme, import, conflicts, expire, card-key, card or audit.</source>
        <translation>serve, cert, terminal, demo, balance, stats, programme, import, conflicts, expire, card-key, card or audit.</translation>
    </message>
    <message>
        <source>  audit verify TILL-ID      check head office&apos;s copy of a till&apos;s audit log</source>
        <translation>  audit verify TILL-ID      check head office&apos;s copy of a till&apos;s audit log</translation>
    </message>
    <message>
        <source>  3  conflicts found overdrafts or coupon conflicts; audit verify found tampering</source>
        <translation>  3  conflicts found overdrafts or coupon conflicts; audit verify found tampering</translation>
    </message>
    <message>
        <source>audit verify needs the till&apos;s id, e.g. &quot;loyalty-hq audit verify TILL-ID&quot; (terminal list shows them).</source>
        <translation>audit verify needs the till&apos;s id, e.g. &quot;loyalty-hq audit verify TILL-ID&quot; (terminal list shows them).</translation>
    </message>
    <message>
        <source>  snapshot                  publish a till snapshot for new tills (beside a SQLite --db)</source>
        <translation>  snapshot                  publish a till snapshot for new tills (beside a SQLite --db)</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Cannot read the member file %1: %2</source>
        <translation>Cannot read the member file %1: %2</translation>
    </message>
    <message>
        <source>Imported %1 members with %2 cards and %3 opening points.</source>
        <translation>Imported %1 members with %2 cards and %3 opening points.</translation>
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
        <source>The card&apos;s magnetic stripe was not read completely. Swipe it again in one steady movement.</source>
        <translation>The card&apos;s magnetic stripe was not read completely. Swipe it again in one steady movement.</translation>
    </message>
</context>
<context>
    <name>ManagerGuard</name>
    <message>
        <source>Only a signed-in manager may do this.</source>
        <translation>Only a signed-in manager may do this.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
</context>
<context>
    <name>MarketingConsentText</name>
    <message>
        <source>I would like to receive offers and news of the loyalty programme by e-mail or text message. I can withdraw this consent at any time at the till or by replying to a message.</source>
        <translation>I would like to receive offers and news of the loyalty programme by e-mail or text message. I can withdraw this consent at any time at the till or by replying to a message.</translation>
    </message>
</context>
<context>
    <name>MemberChangeApplier</name>
    <message>
        <source>is not active, blocked or replaced</source>
        <translation>is not active, blocked or replaced</translation>
    </message>
    <message>
        <source>is not number, nfc_uid or digital</source>
        <translation>is not number, nfc_uid or digital</translation>
    </message>
</context>
<context>
    <name>MemberIndex</name>
    <message>
        <source>Change %1 (%2) from head office names member %3, who is not known at this till. Nothing of the page was applied.</source>
        <translation>Change %1 (%2) from head office names member %3, who is not known at this till. Nothing of the page was applied.</translation>
    </message>
</context>
<context>
    <name>MemberProfileReader</name>
    <message>
        <source>Member %1 is not known at this till.</source>
        <translation>Member %1 is not known at this till.</translation>
    </message>
</context>
<context>
    <name>MemberPseudonym</name>
    <message>
        <source>The system&apos;s random number generator failed.</source>
        <translation>The system&apos;s random number generator failed.</translation>
    </message>
    <message>
        <source>The till&apos;s key for member pseudonyms is damaged.</source>
        <translation>The till&apos;s key for member pseudonyms is damaged.</translation>
    </message>
    <message>
        <source>A member pseudonym needs the member&apos;s uuid.</source>
        <translation>A member pseudonym needs the member&apos;s uuid.</translation>
    </message>
</context>
<context>
    <name>MemberStandingReader</name>
    <message>
        <source>Member %1 is not known at this till.</source>
        <translation>Member %1 is not known at this till.</translation>
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
        <source>The tag&apos;s data ends too early — hold the card still on the reader.</source>
        <translation>The tag&apos;s data ends too early — hold the card still on the reader.</translation>
    </message>
    <message>
        <source>The tag&apos;s data is not a valid NFC message.</source>
        <translation>The tag&apos;s data is not a valid NFC message.</translation>
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
        <source>The setting %1 must be 0 or 1 (it is &quot;%2&quot;).</source>
        <translation>The setting %1 must be 0 or 1 (it is &quot;%2&quot;).</translation>
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
    <name>OutboxCommand</name>
    <message>
        <source>Waiting:</source>
        <translation>Waiting:</translation>
    </message>
    <message>
        <source>Confirmed:</source>
        <translation>Confirmed:</translation>
    </message>
    <message>
        <source>Rejected:</source>
        <translation>Rejected:</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Sequence</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
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
        <translation>This is a payment card. Please use the loyalty card.</translation>
    </message>
</context>
<context>
    <name>PinHasher</name>
    <message>
        <source>A PIN has %1 to %2 digits and nothing else.</source>
        <translation>A PIN has %1 to %2 digits and nothing else.</translation>
    </message>
    <message>
        <source>This PIN is too easy to guess: no repeated digit (like 0000) and no run (like 1234).</source>
        <translation>This PIN is too easy to guess: no repeated digit (like 0000) and no run (like 1234).</translation>
    </message>
    <message>
        <source>The system&apos;s random number generator failed.</source>
        <translation>The system&apos;s random number generator failed.</translation>
    </message>
    <message>
        <source>The PIN could not be hashed.</source>
        <translation>The PIN could not be hashed.</translation>
    </message>
    <message>
        <source>The stored PIN uses an unknown method (&quot;%1&quot;); a manager has to set a new PIN.</source>
        <translation>The stored PIN uses an unknown method (&quot;%1&quot;); a manager has to set a new PIN.</translation>
    </message>
</context>
<context>
    <name>PrivacyExport</name>
    <message>
        <source>There is no member %1 on this till.</source>
        <translation>There is no member %1 on this till.</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>Data stored about member %1</source>
        <translation>Data stored about member %1</translation>
    </message>
    <message>
        <source>Exported at %1 by till %2</source>
        <translation>Exported at %1 by till %2</translation>
    </message>
    <message>
        <source>Erased on request at %1: name, contact details and birthday are no longer stored.</source>
        <translation>Erased on request at %1: name, contact details and birthday are no longer stored.</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation>E-mail: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <source>Birthday: %1</source>
        <translation>Birthday: %1</translation>
    </message>
    <message>
        <source>Member since: %1</source>
        <translation>Member since: %1</translation>
    </message>
    <message>
        <source>Cards:</source>
        <translation>Cards:</translation>
    </message>
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
        <source>  %1 (%2), issued %3</source>
        <translation>  %1 (%2), issued %3</translation>
    </message>
    <message>
        <source>Consents:</source>
        <translation>Consents:</translation>
    </message>
    <message>
        <source>  %1: %2 (text %3) at %4</source>
        <extracomment>%1 the purpose (&quot;programme&quot;, &quot;marketing&quot;), %2 given or withdrawn, %3 the text version, %4 the time</extracomment>
        <translation>  %1: %2 (text %3) at %4</translation>
    </message>
    <message>
        <source>given</source>
        <translation>given</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <source>Balances:</source>
        <translation>Balances:</translation>
    </message>
    <message>
        <source>  Points: %1</source>
        <translation>  Points: %1</translation>
    </message>
    <message>
        <source>  Wallet: %1</source>
        <translation>  Wallet: %1</translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation>  %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n purchase(s) at this till</source>
        <translation>
            <numerusform>%n purchase at this till</numerusform>
            <numerusform>%n purchases at this till</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 in total</source>
        <translation>, %1 in total</translation>
    </message>
    <message numerus="yes">
        <source>%n return(s)</source>
        <translation>
            <numerusform>%n return</numerusform>
            <numerusform>%n returns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n purchase(s) at other tills</source>
        <translation>
            <numerusform>%n purchase at other tills</numerusform>
            <numerusform>%n purchases at other tills</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ledger entry(s)</source>
        <translation>
            <numerusform>%n ledger entry</numerusform>
            <numerusform>%n ledger entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n coupon(s) used</source>
        <translation>
            <numerusform>%n coupon used</numerusform>
            <numerusform>%n coupons used</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feedback answer(s)</source>
        <translation>
            <numerusform>%n feedback answer</numerusform>
            <numerusform>%n feedback answers</numerusform>
        </translation>
    </message>
    <message>
        <source>Segments: %1</source>
        <translation>Segments: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Referred by another member: %1</source>
        <translation>Referred by another member: %1</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) referred</source>
        <translation>
            <numerusform>%n member referred</numerusform>
            <numerusform>%n members referred</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) of staff recorded in the audit log</source>
        <translation>
            <numerusform>%n action of staff recorded in the audit log</numerusform>
            <numerusform>%n actions of staff recorded in the audit log</numerusform>
        </translation>
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
    <name>ProgrammeChangeApplier</name>
    <message>
        <source>Programme version %1 was not activated: this till has no head office key to check its signature with.</source>
        <translation>Programme version %1 was not activated: this till has no head office key to check its signature with.</translation>
    </message>
    <message>
        <source>Programme version %1 was not activated: its signature is not head office&apos;s.</source>
        <translation>Programme version %1 was not activated: its signature is not head office&apos;s.</translation>
    </message>
    <message>
        <source>Programme version %1 was not activated: %2</source>
        <translation>Programme version %1 was not activated: %2</translation>
    </message>
    <message>
        <source>Programme version %1 was not activated: the document says it is version %2.</source>
        <translation>Programme version %1 was not activated: the document says it is version %2.</translation>
    </message>
</context>
<context>
    <name>ProgrammeCommand</name>
    <message>
        <source>There is no programme file %1.</source>
        <translation>There is no programme file %1.</translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes; it is not a programme document. The active programme stays.</source>
        <translation>%1 is larger than %2 bytes; it is not a programme document. The active programme stays.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1 was not loaded: %2. The active programme stays.</source>
        <translation>%1 was not loaded: %2. The active programme stays.</translation>
    </message>
    <message>
        <source>Activated %1.</source>
        <translation>Activated %1.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Programme:</source>
        <translation>Programme:</translation>
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
        <translation>Currency:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <source>basic rate of the till&apos;s settings (none activated)</source>
        <translation>basic rate of the till&apos;s settings (none activated)</translation>
    </message>
    <message>
        <source>activated programme</source>
        <translation>activated programme</translation>
    </message>
    <message>
        <source>Rules:</source>
        <translation>Rules:</translation>
    </message>
    <message>
        <source>Cannot read the programme file %1: %2</source>
        <translation>Cannot read the programme file %1: %2</translation>
    </message>
    <message>
        <source>The programme file %1 is larger than 4 MiB.</source>
        <translation>The programme file %1 is larger than 4 MiB.</translation>
    </message>
    <message>
        <source>Published programme %1 (%2), version %3, signed; every till receives it at its next sync.</source>
        <translation>Published programme %1 (%2), version %3, signed; every till receives it at its next sync.</translation>
    </message>
</context>
<context>
    <name>ProgrammeEngine</name>
    <message>
        <source>−%1 (member price %2 for %3)</source>
        <translation>−%1 (member price %2 for %3)</translation>
    </message>
    <message>
        <source>−%1 (membership discount %2)</source>
        <translation>−%1 (membership discount %2)</translation>
    </message>
    <message>
        <source>−%1 (%2 member discount %3)</source>
        <translation>−%1 (%2 member discount %3)</translation>
    </message>
    <message>
        <source>−%1 (%2: %3 off)</source>
        <translation>−%1 (%2: %3 off)</translation>
    </message>
    <message>
        <source>promotion</source>
        <translation>promotion</translation>
    </message>
    <message>
        <source>Coupon %1 is not valid at this time.</source>
        <translation>Coupon %1 is not valid at this time.</translation>
    </message>
    <message>
        <source>Coupon %1 is for members: scan the customer&apos;s card first.</source>
        <translation>Coupon %1 is for members: scan the customer&apos;s card first.</translation>
    </message>
    <message>
        <source>Coupon %1 belongs to another member.</source>
        <translation>Coupon %1 belongs to another member.</translation>
    </message>
    <message>
        <source>Coupon %1 has already been used.</source>
        <translation>Coupon %1 has already been used.</translation>
    </message>
    <message>
        <source>Coupon %1 needs a purchase of at least %2.</source>
        <translation>Coupon %1 needs a purchase of at least %2.</translation>
    </message>
    <message>
        <source>Coupon %1 gives points: scan the customer&apos;s card first.</source>
        <translation>Coupon %1 gives points: scan the customer&apos;s card first.</translation>
    </message>
    <message>
        <source>Coupon %1 is not known.</source>
        <translation>Coupon %1 is not known.</translation>
    </message>
    <message>
        <source>Coupon %1 does not combine with %2; the better one for the customer was used.</source>
        <translation>Coupon %1 does not combine with %2; the better one for the customer was used.</translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (coupon %1)</source>
        <translation>
            <numerusform>+%Ln point (coupon %1)</numerusform>
            <numerusform>+%Ln points (coupon %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Coupon %1 gives nothing on this basket.</source>
        <translation>Coupon %1 gives nothing on this basket.</translation>
    </message>
    <message>
        <source>−%1 (coupon %2)</source>
        <translation>−%1 (coupon %2)</translation>
    </message>
    <message numerus="yes">
        <source>+%Ln stamp(s) on the %1 (%2 of %3)</source>
        <translation>
            <numerusform>+%Ln stamp on the %1 (%2 of %3)</numerusform>
            <numerusform>+%Ln stamps on the %1 (%2 of %3)</numerusform>
        </translation>
    </message>
    <message>
        <source>The %1 is full: the reward is given when a qualifying item is in the basket.</source>
        <translation>The %1 is full: the reward is given when a qualifying item is in the basket.</translation>
    </message>
    <message>
        <source>−%1 (%2 full: %3 free)</source>
        <translation>−%1 (%2 full: %3 free)</translation>
    </message>
    <message>
        <source>The %1 is full: the reward is given on a basket that can be discounted.</source>
        <translation>The %1 is full: the reward is given on a basket that can be discounted.</translation>
    </message>
    <message>
        <source>−%1 (%2 full)</source>
        <translation>−%1 (%2 full)</translation>
    </message>
    <message>
        <source>%1 full: free add-on %2</source>
        <translation>%1 full: free add-on %2</translation>
    </message>
    <message>
        <source>Rewards are for members: scan the customer&apos;s card first.</source>
        <translation>Rewards are for members: scan the customer&apos;s card first.</translation>
    </message>
    <message>
        <source>The reward %1 is not in the catalogue.</source>
        <translation>The reward %1 is not in the catalogue.</translation>
    </message>
    <message numerus="yes">
        <source>%1 needs %Ln point(s); the member has %2.</source>
        <translation>
            <numerusform>%1 needs %Ln point; the member has %2.</numerusform>
            <numerusform>%1 needs %Ln points; the member has %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 free (%Ln point(s) redeemed)</source>
        <translation>
            <numerusform>%1 free (%Ln point redeemed)</numerusform>
            <numerusform>%1 free (%Ln points redeemed)</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan the product for the reward %1 first.</source>
        <translation>Scan the product for the reward %1 first.</translation>
    </message>
    <message numerus="yes">
        <source>−%1 (%2 for %Ln point(s))</source>
        <translation>
            <numerusform>−%1 (%2 for %Ln point)</numerusform>
            <numerusform>−%1 (%2 for %Ln points)</numerusform>
        </translation>
    </message>
    <message>
        <source>Points can only be redeemed with the customer&apos;s card.</source>
        <translation>Points can only be redeemed with the customer&apos;s card.</translation>
    </message>
    <message numerus="yes">
        <source>At least %Ln point(s) must be redeemed at a time.</source>
        <translation>
            <numerusform>At least %Ln point must be redeemed at a time.</numerusform>
            <numerusform>At least %Ln points must be redeemed at a time.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No points can be redeemed on this basket (the member has %Ln point(s)).</source>
        <translation>
            <numerusform>No points can be redeemed on this basket (the member has %Ln point).</numerusform>
            <numerusform>No points can be redeemed on this basket (the member has %Ln points).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %Ln point(s) can be redeemed on this basket.</source>
        <translation>
            <numerusform>Only %Ln point can be redeemed on this basket.</numerusform>
            <numerusform>Only %Ln points can be redeemed on this basket.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>−%1 (%Ln point(s) redeemed)</source>
        <translation>
            <numerusform>−%1 (%Ln point redeemed)</numerusform>
            <numerusform>−%1 (%Ln points redeemed)</numerusform>
        </translation>
    </message>
    <message>
        <source>−%1 (%2 credit)</source>
        <translation>−%1 (%2 credit)</translation>
    </message>
    <message>
        <source>subscription</source>
        <translation>subscription</translation>
    </message>
    <message>
        <source>The wallet can only be used with the customer&apos;s card.</source>
        <translation>The wallet can only be used with the customer&apos;s card.</translation>
    </message>
    <message>
        <source>The wallet holds only %1.</source>
        <translation>The wallet holds only %1.</translation>
    </message>
    <message>
        <source>−%1 paid from the wallet</source>
        <translation>−%1 paid from the wallet</translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (%1 per full %2 spent)</source>
        <translation>
            <numerusform>+%Ln point (%1 per full %2 spent)</numerusform>
            <numerusform>+%Ln points (%1 per full %2 spent)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (%1 per item of %2)</source>
        <translation>
            <numerusform>+%Ln point (%1 per item of %2)</numerusform>
            <numerusform>+%Ln points (%1 per item of %2)</numerusform>
        </translation>
    </message>
    <message>
        <source>the product</source>
        <translation>the product</translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (%1 on %2)</source>
        <translation>
            <numerusform>+%Ln point (%1 on %2)</numerusform>
            <numerusform>+%Ln points (%1 on %2)</numerusform>
        </translation>
    </message>
    <message>
        <source>selected products</source>
        <translation>selected products</translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (%1: %2 points)</source>
        <translation>
            <numerusform>+%Ln point (%1: %2 points)</numerusform>
            <numerusform>+%Ln points (%1: %2 points)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (%1)</source>
        <translation>
            <numerusform>+%Ln point (%1)</numerusform>
            <numerusform>+%Ln points (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>bonus</source>
        <translation>bonus</translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (happy birthday!)</source>
        <translation>
            <numerusform>+%Ln point (happy birthday!)</numerusform>
            <numerusform>+%Ln points (happy birthday!)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (first purchase after a referral)</source>
        <translation>
            <numerusform>+%Ln point (first purchase after a referral)</numerusform>
            <numerusform>+%Ln points (first purchase after a referral)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) for the member who referred this customer</source>
        <translation>
            <numerusform>+%Ln point for the member who referred this customer</numerusform>
            <numerusform>+%Ln points for the member who referred this customer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (%1: visit %2 this month)</source>
        <translation>
            <numerusform>+%Ln point (%1: visit %2 this month)</numerusform>
            <numerusform>+%Ln points (%1: visit %2 this month)</numerusform>
        </translation>
    </message>
    <message>
        <source>challenge</source>
        <translation>challenge</translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (surprise: sale no. %1 of the day)</source>
        <translation>
            <numerusform>+%Ln point (surprise: sale no. %1 of the day)</numerusform>
            <numerusform>+%Ln points (surprise: sale no. %1 of the day)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (surprise reward)</source>
        <translation>
            <numerusform>+%Ln point (surprise reward)</numerusform>
            <numerusform>+%Ln points (surprise reward)</numerusform>
        </translation>
    </message>
    <message>
        <source>+%1 cashback to the wallet (%2 of %3)</source>
        <translation>+%1 cashback to the wallet (%2 of %3)</translation>
    </message>
    <message>
        <source>eligible spend</source>
        <translation>eligible spend</translation>
    </message>
    <message>
        <source>+%1 %2 credit for the next orders</source>
        <translation>+%1 %2 credit for the next orders</translation>
    </message>
    <message numerus="yes">
        <source>Membership for %Ln day(s), %1 off from the next purchase</source>
        <translation>
            <numerusform>Membership for %Ln day, %1 off from the next purchase</numerusform>
            <numerusform>Membership for %Ln days, %1 off from the next purchase</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (welcome bonus)</source>
        <translation>
            <numerusform>+%Ln point (welcome bonus)</numerusform>
            <numerusform>+%Ln points (welcome bonus)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln point(s) (thank you for your feedback)</source>
        <translation>
            <numerusform>+%Ln point (thank you for your feedback)</numerusform>
            <numerusform>+%Ln points (thank you for your feedback)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 needs %Ln point(s); until head office confirms the earlier redemptions, at most %2 can be redeemed.</source>
        <translation>
            <numerusform>%1 needs %Ln point; until head office confirms the earlier redemptions, at most %2 can be redeemed.</numerusform>
            <numerusform>%1 needs %Ln points; until head office confirms the earlier redemptions, at most %2 can be redeemed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No more points can be redeemed now: at most %Ln point(s) a day until head office confirms the earlier redemptions.</source>
        <translation>
            <numerusform>No more points can be redeemed now: at most %Ln point a day until head office confirms the earlier redemptions.</numerusform>
            <numerusform>No more points can be redeemed now: at most %Ln points a day until head office confirms the earlier redemptions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %Ln point(s) can be redeemed until head office confirms the earlier redemptions.</source>
        <translation>
            <numerusform>At most %Ln point can be redeemed until head office confirms the earlier redemptions.</numerusform>
            <numerusform>At most %Ln points can be redeemed until head office confirms the earlier redemptions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgrammeParser</name>
    <message>
        <source>not a JSON document (%1 at byte %2)</source>
        <translation>not a JSON document (%1 at byte %2)</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>must be an object</translation>
    </message>
    <message>
        <source>format %1 is not supported; this till reads format %2</source>
        <translation>format %1 is not supported; this till reads format %2</translation>
    </message>
    <message>
        <source>must be three upper-case letters (ISO 4217), e.g. &quot;EUR&quot;</source>
        <translation>must be three upper-case letters (ISO 4217), e.g. &quot;EUR&quot;</translation>
    </message>
    <message>
        <source>the first tier is the entry tier and must have threshold 0</source>
        <translation>the first tier is the entry tier and must have threshold 0</translation>
    </message>
    <message>
        <source>must be greater than the previous tier&apos;s</source>
        <translation>must be greater than the previous tier&apos;s</translation>
    </message>
    <message>
        <source>required, one of %1</source>
        <translation>required, one of %1</translation>
    </message>
    <message>
        <source>unknown rule type; one of %1</source>
        <translation>unknown rule type; one of %1</translation>
    </message>
    <message>
        <source>not used by a %1 rule</source>
        <translation>not used by a %1 rule</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>unknown key</translation>
    </message>
    <message>
        <source>a member_price rule must list the products it prices in &quot;eans&quot;</source>
        <translation>a member_price rule must list the products it prices in &quot;eans&quot;</translation>
    </message>
    <message>
        <source>points or referee_points must be greater than 0</source>
        <translation>points or referee_points must be greater than 0</translation>
    </message>
    <message>
        <source>a surprise rule needs every_nth or probability_permille greater than 0</source>
        <translation>a surprise rule needs every_nth or probability_permille greater than 0</translation>
    </message>
    <message>
        <source>give either every_nth or probability_permille, not both</source>
        <translation>give either every_nth or probability_permille, not both</translation>
    </message>
    <message>
        <source>a subscription_credit rule must name its subscription products</source>
        <translation>a subscription_credit rule must name its subscription products</translation>
    </message>
    <message>
        <source>required</source>
        <translation>required</translation>
    </message>
    <message>
        <source>the code %1 is listed more than once</source>
        <translation>the code %1 is listed more than once</translation>
    </message>
    <message>
        <source>must list at least one code</source>
        <translation>must list at least one code</translation>
    </message>
    <message>
        <source>must be letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 64)</source>
        <translation>must be letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 64)</translation>
    </message>
    <message>
        <source>must be a member&apos;s UUID</source>
        <translation>must be a member&apos;s UUID</translation>
    </message>
    <message>
        <source>only a coupon of kind &quot;member&quot; has a member_uuid</source>
        <translation>only a coupon of kind &quot;member&quot; has a member_uuid</translation>
    </message>
    <message>
        <source>a coupon needs one of basis_points, amount_minor or bonus_points</source>
        <translation>a coupon needs one of basis_points, amount_minor or bonus_points</translation>
    </message>
    <message>
        <source>a coupon gives one of basis_points, amount_minor or bonus_points</source>
        <translation>a coupon gives one of basis_points, amount_minor or bonus_points</translation>
    </message>
    <message>
        <source>only used with mode &quot;after_months&quot;</source>
        <translation>only used with mode &quot;after_months&quot;</translation>
    </message>
    <message>
        <source>only used with allow_negative true</source>
        <translation>only used with allow_negative true</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>must be a list</translation>
    </message>
    <message>
        <source>must be a whole number &gt;= %1</source>
        <translation>must be a whole number &gt;= %1</translation>
    </message>
    <message>
        <source>must be at most %1</source>
        <translation>must be at most %1</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>must be true or false</translation>
    </message>
    <message>
        <source>must be a text</source>
        <translation>must be a text</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <source>must be an identifier: letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 64)</source>
        <translation>must be an identifier: letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 64)</translation>
    </message>
    <message>
        <source>must be an EAN: 8, 12, 13 or 14 digits with the right check digit</source>
        <translation>must be an EAN: 8, 12, 13 or 14 digits with the right check digit</translation>
    </message>
    <message>
        <source>must be a text that is not empty</source>
        <translation>must be a text that is not empty</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 is listed twice</translation>
    </message>
    <message>
        <source>must not be before &quot;from&quot;</source>
        <translation>must not be before &quot;from&quot;</translation>
    </message>
    <message>
        <source>must be a weekday from 1 (Monday) to 7 (Sunday)</source>
        <translation>must be a weekday from 1 (Monday) to 7 (Sunday)</translation>
    </message>
    <message>
        <source>must be after start_time</source>
        <translation>must be after start_time</translation>
    </message>
    <message>
        <source>must be a date YYYY-MM-DD</source>
        <translation>must be a date YYYY-MM-DD</translation>
    </message>
    <message>
        <source>must be a time HH:MM from 00:00 to 23:59</source>
        <translation>must be a time HH:MM from 00:00 to 23:59</translation>
    </message>
    <message>
        <source>no tier has the id %1</source>
        <translation>no tier has the id %1</translation>
    </message>
    <message>
        <source>must be true when tiers or segments are given</source>
        <translation>must be true when tiers or segments are given</translation>
    </message>
    <message>
        <source>the id %1 is used twice</source>
        <translation>the id %1 is used twice</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>must be one of %1</translation>
    </message>
</context>
<context>
    <name>ProgrammeStore</name>
    <message>
        <source>version %1 is not newer than the active version %2</source>
        <translation>version %1 is not newer than the active version %2</translation>
    </message>
    <message>
        <source>The active programme (version %1) can no longer be read: %2</source>
        <translation>The active programme (version %1) can no longer be read: %2</translation>
    </message>
    <message>
        <source>The built-in demo programme is missing from this build.</source>
        <translation>The built-in demo programme is missing from this build.</translation>
    </message>
</context>
<context>
    <name>ProvisionCommand</name>
    <message>
        <source>provisioning: %1 changes applied, %2 remaining</source>
        <translation>provisioning: %1 changes applied, %2 remaining</translation>
    </message>
    <message>
        <source>The snapshot stopped after %1 changes (%2); run the same command again to continue.</source>
        <translation>The snapshot stopped after %1 changes (%2); run the same command again to continue.</translation>
    </message>
    <message>
        <source>Till:</source>
        <translation>Till:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Head office:</source>
        <translation>Head office:</translation>
    </message>
    <message>
        <source>Changes applied:</source>
        <translation>Changes applied:</translation>
    </message>
    <message>
        <source>Members:</source>
        <translation>Members:</translation>
    </message>
    <message>
        <source>Provisioning continued; the till is connected to head office.</source>
        <translation>Provisioning continued; the till is connected to head office.</translation>
    </message>
    <message>
        <source>The till is connected to head office.</source>
        <translation>The till is connected to head office.</translation>
    </message>
    <message>
        <source>Snapshot file:</source>
        <translation>Snapshot file:</translation>
    </message>
    <message>
        <source>used</source>
        <translation>used</translation>
    </message>
</context>
<context>
    <name>Provisioner</name>
    <message>
        <source>Head office could not be reached: %1</source>
        <translation>Head office could not be reached: %1</translation>
    </message>
    <message>
        <source>This till is not provisioned yet: it needs the code from &quot;loyalty-hq terminal add&quot;.</source>
        <translation>This till is not provisioned yet: it needs the code from &quot;loyalty-hq terminal add&quot;.</translation>
    </message>
    <message>
        <source>The pin &quot;%1&quot; is not sha256/ followed by the base64 of 32 bytes.</source>
        <translation>The pin &quot;%1&quot; is not sha256/ followed by the base64 of 32 bytes.</translation>
    </message>
    <message>
        <source>There is no CA file at %1.</source>
        <translation>There is no CA file at %1.</translation>
    </message>
    <message>
        <source>Head office refused the code: it is unknown, used or expired. Ask for a new one (&quot;loyalty-hq terminal add&quot;).</source>
        <translation>Head office refused the code: it is unknown, used or expired. Ask for a new one (&quot;loyalty-hq terminal add&quot;).</translation>
    </message>
    <message>
        <source>Head office refused to provision this till: %1</source>
        <translation>Head office refused to provision this till: %1</translation>
    </message>
    <message>
        <source>Head office&apos;s answer to the provisioning lacks the till id or secret.</source>
        <translation>Head office&apos;s answer to the provisioning lacks the till id or secret.</translation>
    </message>
</context>
<context>
    <name>QrMatrix</name>
    <message>
        <source>A QR code needs some text to encode.</source>
        <translation>A QR code needs some text to encode.</translation>
    </message>
    <message>
        <source>The text is too long for a QR code (%1 bytes).</source>
        <translation>The text is too long for a QR code (%1 bytes).</translation>
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
    <message>
        <source>Pays</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Quote at:</source>
        <translation>Quote at:</translation>
    </message>
    <message>
        <source>Programme:</source>
        <translation>Programme:</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1, version %2</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>Member:</translation>
    </message>
    <message>
        <source>%1 (card %2)</source>
        <translation>%1 (card %2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>Total:</translation>
    </message>
    <message>
        <source>Discount:</source>
        <translation>Discount:</translation>
    </message>
    <message>
        <source>Payable:</source>
        <translation>Payable:</translation>
    </message>
    <message>
        <source>Points earned:</source>
        <translation>Points earned:</translation>
    </message>
    <message>
        <source>Points redeemed:</source>
        <translation>Points redeemed:</translation>
    </message>
    <message>
        <source>Balance after:</source>
        <translation>Balance after:</translation>
    </message>
    <message>
        <source>%1 points (now %2)</source>
        <translation>%1 points (now %2)</translation>
    </message>
    <message>
        <source>Wallet after:</source>
        <translation>Wallet after:</translation>
    </message>
    <message>
        <source>Nothing was written: this is a quote.</source>
        <translation>Nothing was written: this is a quote.</translation>
    </message>
</context>
<context>
    <name>ReadConnection</name>
    <message>
        <source>The till database %1 does not exist.</source>
        <translation>The till database %1 does not exist.</translation>
    </message>
    <message>
        <source>The till database could not be opened for reading: %1</source>
        <translation>The till database could not be opened for reading: %1</translation>
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
        <translation>Receipt %1 written to %2 (%3 bytes of ESC/POS).
</translation>
    </message>
    <message>
        <source>Receipt %1 sent to the printer at %2:%3.
</source>
        <translation>Receipt %1 sent to the printer at %2:%3.
</translation>
    </message>
    <message>
        <source>Receipt %1 sent to the printer %2.
</source>
        <translation>Receipt %1 sent to the printer %2.
</translation>
    </message>
    <message>
        <source>The receipt cannot be written to %1: %2</source>
        <translation>The receipt cannot be written to %1: %2</translation>
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
        <translation>Points</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Reward</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>Points redeemed</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Saving</translation>
    </message>
    <message>
        <source>Coupon %1</source>
        <translation>Coupon %1</translation>
    </message>
    <message>
        <source>Cashback</source>
        <translation>Cashback</translation>
    </message>
    <message>
        <source>Paid from wallet</source>
        <translation>Paid from wallet</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Credit</translation>
    </message>
    <message>
        <source>Stamps</source>
        <translation>Stamps</translation>
    </message>
    <message>
        <source>Stamp card</source>
        <translation>Stamp card</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Membership</translation>
    </message>
    <message numerus="yes">
        <source>+%Ln stamp(s)</source>
        <extracomment>stamps a sale put on a stamp card, in the receipt&apos;s amount column</extracomment>
        <translation>
            <numerusform>+%Ln stamp</numerusform>
            <numerusform>+%Ln stamps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>−%Ln stamp(s)</source>
        <extracomment>stamps a completed card&apos;s reward took off, in the receipt&apos;s amount column</extracomment>
        <translation>
            <numerusform>−%Ln stamp</numerusform>
            <numerusform>−%Ln stamps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln day(s)</source>
        <extracomment>days of paid membership a sale added, in the receipt&apos;s amount column</extracomment>
        <translation>
            <numerusform>+%Ln day</numerusform>
            <numerusform>+%Ln days</numerusform>
        </translation>
    </message>
    <message>
        <source>Thank you for your visit!</source>
        <translation>Thank you for your visit!</translation>
    </message>
    <message>
        <source>*** COPY — not a new sale ***</source>
        <translation>*** COPY — not a new sale ***</translation>
    </message>
    <message>
        <source>PRINTER TEST</source>
        <translation>PRINTER TEST</translation>
    </message>
    <message>
        <source>Paper %1 mm: %2 characters a line</source>
        <extracomment>%1 is the paper width in mm (58 or 80), %2 the characters per line (32 or 48)</extracomment>
        <translation>Paper %1 mm: %2 characters a line</translation>
    </message>
    <message>
        <source>Bold text</source>
        <translation>Bold text</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Large</translation>
    </message>
    <message>
        <source>Amount column</source>
        <translation>Amount column</translation>
    </message>
    <message>
        <source>The ruler fills one line, the letters print as shown and the code scans: the printer is set up.</source>
        <translation>The ruler fills one line, the letters print as shown and the code scans: the printer is set up.</translation>
    </message>
    <message>
        <source>COPY</source>
        <translation>COPY</translation>
    </message>
    <message>
        <source>Receipt %1 · %2</source>
        <extracomment>%1 is the sale (receipt) number the customer brings back for a return, %2 the till&apos;s name</extracomment>
        <translation>Receipt %1 · %2</translation>
    </message>
    <message>
        <source>Reprint of the receipt of this sale</source>
        <translation>Reprint of the receipt of this sale</translation>
    </message>
    <message>
        <source>  %1 × %2</source>
        <extracomment>a line&apos;s quantity and unit price under its name, e.g. &quot; 3 × 1,29 €&quot;</extracomment>
        <translation>  %1 × %2</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Your savings</source>
        <translation>Your savings</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message>
        <source>YOUR LOYALTY ACCOUNT</source>
        <translation>YOUR LOYALTY ACCOUNT</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>Card %1</translation>
    </message>
    <message>
        <source>This sale earned nothing on your account.</source>
        <translation>This sale earned nothing on your account.</translation>
    </message>
    <message>
        <source>This sale:</source>
        <translation>This sale:</translation>
    </message>
    <message>
        <source>Balance after this sale:</source>
        <translation>Balance after this sale:</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>a stamp card&apos;s stamps after the sale: &quot;7 of 10&quot;</extracomment>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>  Full: your reward is due on your next visit</source>
        <translation>  Full: your reward is due on your next visit</translation>
    </message>
    <message numerus="yes">
        <source>%Ln point(s) expire on %1 — use them before then</source>
        <translation>
            <numerusform>%Ln point expires on %1 — use it before then</numerusform>
            <numerusform>%Ln points expire on %1 — use them before then</numerusform>
        </translation>
    </message>
    <message>
        <source>Tier %1 · highest tier reached</source>
        <extracomment>%1 is the tier held, %2 the way to the next one (&quot;230 points to Gold&quot;)</extracomment>
        <translation>Tier %1 · highest tier reached</translation>
    </message>
    <message>
        <source>Tier %1 · %2</source>
        <translation>Tier %1 · %2</translation>
    </message>
    <message>
        <source>Not a member yet? Ask at the till for a loyalty card and collect points on every purchase.</source>
        <translation>Not a member yet? Ask at the till for a loyalty card and collect points on every purchase.</translation>
    </message>
    <message>
        <source>Your digital card: scan it into your phone&apos;s wallet</source>
        <translation>Your digital card: scan it into your phone&apos;s wallet</translation>
    </message>
    <message>
        <source>How did we do? Scan the code and tell us</source>
        <translation>How did we do? Scan the code and tell us</translation>
    </message>
</context>
<context>
    <name>ReceiptReader</name>
    <message>
        <source>There is no sale number %1 at this till.</source>
        <translation>There is no sale number %1 at this till.</translation>
    </message>
    <message>
        <source>Sale %1 has an effect of an unknown kind (%2); its receipt cannot be printed.</source>
        <translation>Sale %1 has an effect of an unknown kind (%2); its receipt cannot be printed.</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message>
        <source>Revenue per week</source>
        <translation>Revenue per week</translation>
    </message>
    <message>
        <source>Revenue per day</source>
        <translation>Revenue per day</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>Others</translation>
    </message>
    <message>
        <source>Points in the period</source>
        <translation>Points in the period</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Redeemed</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Member revenue by ABC class (%)</source>
        <translation>Member revenue by ABC class (%)</translation>
    </message>
    <message>
        <source>Share of member revenue</source>
        <translation>Share of member revenue</translation>
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
        <translation>Rewards redeemed</translation>
    </message>
    <message>
        <source>Times redeemed</source>
        <translation>Times redeemed</translation>
    </message>
</context>
<context>
    <name>ReportCsv</name>
    <message>
        <source>Figure</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Period from</translation>
    </message>
    <message>
        <source>Period to (exclusive)</source>
        <translation>Period to (exclusive)</translation>
    </message>
    <message>
        <source>Comparison from</source>
        <translation>Comparison from</translation>
    </message>
    <message>
        <source>Comparison to (exclusive)</source>
        <translation>Comparison to (exclusive)</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Sales with members</source>
        <translation>Sales with members</translation>
    </message>
    <message>
        <source>Sales without members</source>
        <translation>Sales without members</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <source>Revenue with members</source>
        <translation>Revenue with members</translation>
    </message>
    <message>
        <source>Revenue without members</source>
        <translation>Revenue without members</translation>
    </message>
    <message>
        <source>Member share of revenue (per mille)</source>
        <translation>Member share of revenue (per mille)</translation>
    </message>
    <message>
        <source>Average basket, members</source>
        <translation>Average basket, members</translation>
    </message>
    <message>
        <source>Average basket, others</source>
        <translation>Average basket, others</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Returns</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Points issued</source>
        <translation>Points issued</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>Points redeemed</translation>
    </message>
    <message>
        <source>Points expired</source>
        <translation>Points expired</translation>
    </message>
    <message>
        <source>Points outstanding</source>
        <translation>Points outstanding</translation>
    </message>
    <message>
        <source>Points liability</source>
        <translation>Points liability</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>Active members</translation>
    </message>
    <message>
        <source>Purchase frequency (sales per member, per mille)</source>
        <translation>Purchase frequency (sales per member, per mille)</translation>
    </message>
    <message>
        <source>Active members in the comparison period</source>
        <translation>Active members in the comparison period</translation>
    </message>
    <message>
        <source>Retained members</source>
        <translation>Retained members</translation>
    </message>
    <message>
        <source>Retention (per mille)</source>
        <translation>Retention (per mille)</translation>
    </message>
    <message>
        <source>ABC class</source>
        <translation>ABC class</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Share of member revenue (per mille)</source>
        <translation>Share of member revenue (per mille)</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Reward</translation>
    </message>
    <message>
        <source>Times redeemed</source>
        <translation>Times redeemed</translation>
    </message>
    <message>
        <source>Points or stamps</source>
        <translation>Points or stamps</translation>
    </message>
    <message>
        <source>Week from</source>
        <translation>Week from</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
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
        <translation>Sale %1 has no line with the product %2.</translation>
    </message>
    <message>
        <source>Return:</source>
        <translation>Return:</translation>
    </message>
    <message>
        <source>UUID:</source>
        <translation>UUID:</translation>
    </message>
    <message>
        <source>Sale:</source>
        <translation>Sale:</translation>
    </message>
    <message>
        <source>Refund:</source>
        <translation>Refund:</translation>
    </message>
    <message>
        <source>New balance:</source>
        <translation>New balance:</translation>
    </message>
    <message>
        <source>Reversed:</source>
        <translation>Reversed:</translation>
    </message>
</context>
<context>
    <name>ReturnService</name>
    <message>
        <source>The number of items to return must be at least 1.</source>
        <translation>The number of items to return must be at least 1.</translation>
    </message>
    <message>
        <source>Choose at least one item to return.</source>
        <translation>Choose at least one item to return.</translation>
    </message>
    <message>
        <source>There is no sale %1 at this till.</source>
        <translation>There is no sale %1 at this till.</translation>
    </message>
    <message>
        <source>Sale %1 has no line %2.</source>
        <translation>Sale %1 has no line %2.</translation>
    </message>
    <message>
        <source>Only %1 of &quot;%2&quot; can still be returned: %3 bought, %4 already returned.</source>
        <translation>Only %1 of &quot;%2&quot; can still be returned: %3 bought, %4 already returned.</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>the whole sale</source>
        <translation>the whole sale</translation>
    </message>
    <message>
        <source>%1 wallet (return of %2)</source>
        <translation>%1 wallet (return of %2)</translation>
    </message>
    <message>
        <source>%1 credit (return of %2)</source>
        <translation>%1 credit (return of %2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 stamp(s) (return of %2)</source>
        <translation>
            <numerusform>%1 stamp (return of %2)</numerusform>
            <numerusform>%1 stamps (return of %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 day(s) of membership (return of %2)</source>
        <translation>
            <numerusform>%1 day of membership (return of %2)</numerusform>
            <numerusform>%1 days of membership (return of %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 point(s) (return of %2)</source>
        <translation>
            <numerusform>%1 point (return of %2)</numerusform>
            <numerusform>%1 points (return of %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This return takes back %1 point(s), but the member has only %2 left and the programme does not allow a negative balance. Nothing was returned.</source>
        <translation>
            <numerusform>This return takes back %1 point, but the member has only %2 left and the programme does not allow a negative balance. Nothing was returned.</numerusform>
            <numerusform>This return takes back %1 points, but the member has only %2 left and the programme does not allow a negative balance. Nothing was returned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This return takes back %1 point(s); the member has %2 and the balance may not go below %3. Nothing was returned.</source>
        <translation>
            <numerusform>This return takes back %1 point; the member has %2 and the balance may not go below %3. Nothing was returned.</numerusform>
            <numerusform>This return takes back %1 points; the member has %2 and the balance may not go below %3. Nothing was returned.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReturnableSale</name>
    <message>
        <source>No sale with receipt number &quot;%1&quot; at this till. Check the number on the receipt or scan its code.</source>
        <translation>No sale with receipt number &quot;%1&quot; at this till. Check the number on the receipt or scan its code.</translation>
    </message>
    <message>
        <source>Type or scan the receipt number of the sale.</source>
        <translation>Type or scan the receipt number of the sale.</translation>
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
        <source>Discount:</source>
        <translation>Discount:</translation>
    </message>
    <message>
        <source>Payable:</source>
        <translation>Payable:</translation>
    </message>
    <message>
        <source>Points redeemed:</source>
        <translation>Points redeemed:</translation>
    </message>
    <message>
        <source>New wallet:</source>
        <translation>New wallet:</translation>
    </message>
</context>
<context>
    <name>SaleEffectWriter</name>
    <message>
        <source>Coupon %1 has already been used; the sale was not completed.</source>
        <translation>Coupon %1 has already been used; the sale was not completed.</translation>
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
        <source>The member&apos;s card is not active; the sale was not completed.</source>
        <translation>The member&apos;s card is not active; the sale was not completed.</translation>
    </message>
    <message>
        <source>The member&apos;s points changed meanwhile; the sale was not completed. Try again.</source>
        <translation>The member&apos;s points changed meanwhile; the sale was not completed. Try again.</translation>
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
        <source>The scan was far too long for a card or a barcode. Scan again; if it keeps happening, check the scanner&apos;s settings.</source>
        <translation>The scan was far too long for a card or a barcode. Scan again; if it keeps happening, check the scanner&apos;s settings.</translation>
    </message>
    <message>
        <source>Nothing was scanned.</source>
        <translation>Nothing was scanned.</translation>
    </message>
    <message>
        <source>The scan was garbled by control characters. Scan again; if it keeps happening, check the scanner&apos;s prefix and suffix settings.</source>
        <translation>The scan was garbled by control characters. Scan again; if it keeps happening, check the scanner&apos;s prefix and suffix settings.</translation>
    </message>
    <message>
        <source>The scan held characters no card or barcode has. Scan again; if it keeps happening, check the scanner&apos;s keyboard layout.</source>
        <translation>The scan held characters no card or barcode has. Scan again; if it keeps happening, check the scanner&apos;s keyboard layout.</translation>
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
    <name>ServeCommand</name>
    <message>
        <source>Points expiry failed: %1</source>
        <translation>Points expiry failed: %1</translation>
    </message>
    <message>
        <source>Points expiry for %1: %2 members, %3 entries, %4 points.</source>
        <translation>Points expiry for %1: %2 members, %3 entries, %4 points.</translation>
    </message>
</context>
<context>
    <name>SnapshotAdoption</name>
    <message>
        <source>The till already holds %1; it continues with the change feed.</source>
        <translation>The till already holds %1; it continues with the change feed.</translation>
    </message>
    <message>
        <source>The till has pulled changes already; it continues with the change feed.</source>
        <translation>The till has pulled changes already; it continues with the change feed.</translation>
    </message>
    <message>
        <source>The snapshot&apos;s table %1 is not defined as this till&apos;s.</source>
        <translation>The snapshot&apos;s table %1 is not defined as this till&apos;s.</translation>
    </message>
</context>
<context>
    <name>SnapshotCommand</name>
    <message>
        <source>Already published, nothing new in the feed: %1</source>
        <translation>Already published, nothing new in the feed: %1</translation>
    </message>
    <message>
        <source>Published: %1</source>
        <translation>Published: %1</translation>
    </message>
    <message>
        <source>Members: %1</source>
        <translation>Members: %1</translation>
    </message>
    <message>
        <source>Cursor: %1</source>
        <translation>Cursor: %1</translation>
    </message>
    <message>
        <source>Size: %1 bytes</source>
        <translation>Size: %1 bytes</translation>
    </message>
    <message>
        <source>Changes behind the feed: %1</source>
        <translation>Changes behind the feed: %1</translation>
    </message>
    <message>
        <source>Seconds: %1</source>
        <translation>Seconds: %1</translation>
    </message>
</context>
<context>
    <name>SnapshotDownload</name>
    <message>
        <source>The snapshot could not be written to %1: %2</source>
        <translation>The snapshot could not be written to %1: %2</translation>
    </message>
    <message>
        <source>SHA-256 is not available.</source>
        <translation>SHA-256 is not available.</translation>
    </message>
    <message>
        <source>Head office has no snapshot: %1</source>
        <translation>Head office has no snapshot: %1</translation>
    </message>
    <message>
        <source>The snapshot could not be downloaded: %1</source>
        <translation>The snapshot could not be downloaded: %1</translation>
    </message>
    <message>
        <source>Head office&apos;s snapshot lacks its cursor, schema, SHA-256 or length.</source>
        <translation>Head office&apos;s snapshot lacks its cursor, schema, SHA-256 or length.</translation>
    </message>
    <message>
        <source>The snapshot was cut: %1 of %2 bytes arrived.</source>
        <translation>The snapshot was cut: %1 of %2 bytes arrived.</translation>
    </message>
    <message>
        <source>The snapshot&apos;s SHA-256 is not the one head office announced.</source>
        <translation>The snapshot&apos;s SHA-256 is not the one head office announced.</translation>
    </message>
    <message>
        <source>The snapshot has schema version %1, this till %2.</source>
        <translation>The snapshot has schema version %1, this till %2.</translation>
    </message>
    <message>
        <source>The snapshot is not a database: %1</source>
        <translation>The snapshot is not a database: %1</translation>
    </message>
    <message>
        <source>The snapshot failed SQLite&apos;s quick check: %1</source>
        <translation>The snapshot failed SQLite&apos;s quick check: %1</translation>
    </message>
    <message>
        <source>The snapshot&apos;s schema version could not be read.</source>
        <translation>The snapshot&apos;s schema version could not be read.</translation>
    </message>
</context>
<context>
    <name>StaffCommand</name>
    <message>
        <source>manager</source>
        <translation>manager</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>cashier</translation>
    </message>
    <message>
        <source>PIN for %1 (%2 to %3 digits): </source>
        <translation>PIN for %1 (%2 to %3 digits): </translation>
    </message>
    <message>
        <source>The same PIN again: </source>
        <translation>The same PIN again: </translation>
    </message>
    <message>
        <source>The two PINs differ; nothing was added.</source>
        <translation>The two PINs differ; nothing was added.</translation>
    </message>
    <message>
        <source>staff add reads the PIN from standard input (one line), e.g. &quot;loyalty-ctl staff add --name Mara --role manager &lt; pin.txt&quot;.</source>
        <translation>staff add reads the PIN from standard input (one line), e.g. &quot;loyalty-ctl staff add --name Mara --role manager &lt; pin.txt&quot;.</translation>
    </message>
    <message>
        <source>Added %1 as %2 (account %3).</source>
        <translation>Added %1 as %2 (account %3).</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Wrong PINs</source>
        <translation>Wrong PINs</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>deactivated</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>locked until %1</translation>
    </message>
    <message>
        <source>No staff accounts yet; the till asks for the first manager when it starts, or run &quot;loyalty-ctl staff add&quot;.</source>
        <translation>No staff accounts yet; the till asks for the first manager when it starts, or run &quot;loyalty-ctl staff add&quot;.</translation>
    </message>
</context>
<context>
    <name>StaffDirectory</name>
    <message>
        <source>A name has 1 to %1 characters.</source>
        <translation>A name has 1 to %1 characters.</translation>
    </message>
    <message>
        <source>A name cannot hold control characters.</source>
        <translation>A name cannot hold control characters.</translation>
    </message>
    <message>
        <source>There is already an account named &quot;%1&quot;.</source>
        <translation>There is already an account named &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>This till has staff accounts already; a manager adds new ones.</source>
        <translation>This till has staff accounts already; a manager adds new ones.</translation>
    </message>
    <message>
        <source>The name or the PIN is wrong.</source>
        <translation>The name or the PIN is wrong.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: %1 is locked until %2.</source>
        <translation>Too many wrong PINs: %1 is locked until %2.</translation>
    </message>
    <message>
        <source>There is no staff account %1.</source>
        <translation>There is no staff account %1.</translation>
    </message>
    <message>
        <source>%1 is the last active manager; add another manager first.</source>
        <translation>%1 is the last active manager; add another manager first.</translation>
    </message>
</context>
<context>
    <name>StatsCommand</name>
    <message>
        <source>Members: %1</source>
        <translation>Members: %1</translation>
    </message>
    <message>
        <source>Events: %1</source>
        <translation>Events: %1</translation>
    </message>
    <message>
        <source>Duplicates refused: %1</source>
        <translation>Duplicates refused: %1</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Rejected: %1</translation>
    </message>
    <message>
        <source>Overdrafts: %1</source>
        <translation>Overdrafts: %1</translation>
    </message>
    <message>
        <source>Coupon conflicts: %1</source>
        <translation>Coupon conflicts: %1</translation>
    </message>
    <message>
        <source>Till %1 (%2): %3 events, %4 duplicates, %5 rejected, sequence %6, last seen %7</source>
        <translation>Till %1 (%2): %3 events, %4 duplicates, %5 rejected, sequence %6, last seen %7</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
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
    <name>SyncClient</name>
    <message>
        <source>The CA file %1 could not be read or holds no PEM certificate.</source>
        <translation>The CA file %1 could not be read or holds no PEM certificate.</translation>
    </message>
    <message>
        <source>The sync was stopped.</source>
        <translation>The sync was stopped.</translation>
    </message>
    <message>
        <source>This till has no credentials for head office; provision it first.</source>
        <translation>This till has no credentials for head office; provision it first.</translation>
    </message>
    <message>
        <source>Head office&apos;s certificate does not match the pinned key %1.</source>
        <translation>Head office&apos;s certificate does not match the pinned key %1.</translation>
    </message>
    <message>
        <source>Head office&apos;s answer was not readable JSON (%1).</source>
        <translation>Head office&apos;s answer was not readable JSON (%1).</translation>
    </message>
    <message>
        <source>The download could not be written to disk.</source>
        <translation>The download could not be written to disk.</translation>
    </message>
</context>
<context>
    <name>SyncCommand</name>
    <message>
        <source>This till has no credentials for head office; provision it with &quot;loyalty-ctl provision&quot;.</source>
        <translation>This till has no credentials for head office; provision it with &quot;loyalty-ctl provision&quot;.</translation>
    </message>
    <message>
        <source>sync: %1 changes applied, %2 remaining</source>
        <translation>sync: %1 changes applied, %2 remaining</translation>
    </message>
    <message>
        <source>Pushed:</source>
        <translation>Pushed:</translation>
    </message>
    <message>
        <source>%1 (%2 accepted, %3 duplicates, %4 rejected)</source>
        <translation>%1 (%2 accepted, %3 duplicates, %4 rejected)</translation>
    </message>
    <message>
        <source>Pulled:</source>
        <translation>Pulled:</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1 changes</translation>
    </message>
    <message>
        <source>Waiting:</source>
        <translation>Waiting:</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 records</translation>
    </message>
    <message>
        <source>Stopped:</source>
        <translation>Stopped:</translation>
    </message>
    <message>
        <source>head office refuses this till: %1</source>
        <translation>head office refuses this till: %1</translation>
    </message>
    <message>
        <source>Synced with head office.</source>
        <translation>Synced with head office.</translation>
    </message>
    <message>
        <source>The sync did not finish.</source>
        <translation>The sync did not finish.</translation>
    </message>
</context>
<context>
    <name>SyncEndpoint</name>
    <message>
        <source>This till is not connected to a head office yet; provision it with &quot;loyalty-ctl provision&quot;.</source>
        <translation>This till is not connected to a head office yet; provision it with &quot;loyalty-ctl provision&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a head-office address; it looks like https://hq.example:8443.</source>
        <translation>&quot;%1&quot; is not a head-office address; it looks like https://hq.example:8443.</translation>
    </message>
    <message>
        <source>Head office is reached over https, not &quot;%1&quot;.</source>
        <translation>Head office is reached over https, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Plain http to head office is refused; use https (plain http is for development on this machine only, with --allow-plain-loopback).</source>
        <translation>Plain http to head office is refused; use https (plain http is for development on this machine only, with --allow-plain-loopback).</translation>
    </message>
    <message>
        <source>Plain http is allowed only to this machine (a loopback address), not to %1; use https.</source>
        <translation>Plain http is allowed only to this machine (a loopback address), not to %1; use https.</translation>
    </message>
    <message>
        <source>No head-office credentials.</source>
        <translation>No head-office credentials.</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>Head office answered without a result for the events sent.</source>
        <translation>Head office answered without a result for the events sent.</translation>
    </message>
    <message>
        <source>The event is larger than head office accepts (%1 bytes).</source>
        <translation>The event is larger than head office accepts (%1 bytes).</translation>
    </message>
    <message>
        <source>Head office sent no result for this event.</source>
        <translation>Head office sent no result for this event.</translation>
    </message>
    <message>
        <source>Head office answered the unknown status &quot;%1&quot;.</source>
        <translation>Head office answered the unknown status &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Head office&apos;s page of changes has no cursor or no changes.</source>
        <translation>Head office&apos;s page of changes has no cursor or no changes.</translation>
    </message>
    <message>
        <source>Head office promised more changes but its cursor did not move.</source>
        <translation>Head office promised more changes but its cursor did not move.</translation>
    </message>
</context>
<context>
    <name>SyncReply</name>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
</context>
<context>
    <name>TerminalCommand</name>
    <message>
        <source>Provisioning code for &quot;%1&quot;: %2
Valid once, until %3 (UTC). On the till:
  loyalty-ctl provision --hq https://HEAD-OFFICE:PORT --code %2 [--ca FILE | --pin PIN]</source>
        <translation>Provisioning code for &quot;%1&quot;: %2
Valid once, until %3 (UTC). On the till:
  loyalty-ctl provision --hq https://HEAD-OFFICE:PORT --code %2 [--ca FILE | --pin PIN]</translation>
    </message>
    <message>
        <source>%1  %2  %3  provisioned %4, last seen %5</source>
        <translation>%1  %2  %3  provisioned %4, last seen %5</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>No till is provisioned yet; &quot;loyalty-hq terminal add --name N&quot; makes a code.</source>
        <translation>No till is provisioned yet; &quot;loyalty-hq terminal add --name N&quot; makes a code.</translation>
    </message>
    <message>
        <source>Till %1 is disabled; head office refuses its requests from now on.</source>
        <translation>Till %1 is disabled; head office refuses its requests from now on.</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
</context>
<context>
    <name>TestReceipt</name>
    <message>
        <source>TEST RECEIPT</source>
        <translation>TEST RECEIPT</translation>
    </message>
    <message>
        <source>Paper width</source>
        <translation>Paper width</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>Sample amount</source>
        <translation>Sample amount</translation>
    </message>
    <message>
        <source>Bold text</source>
        <translation>Bold text</translation>
    </message>
    <message>
        <source>If the line above shows umlauts and the euro sign, the printer&apos;s character set is right.</source>
        <translation>If the line above shows umlauts and the euro sign, the printer&apos;s character set is right.</translation>
    </message>
    <message>
        <source>The paper is cut below this line.</source>
        <translation>The paper is cut below this line.</translation>
    </message>
</context>
<context>
    <name>TierProgressText</name>
    <message numerus="yes">
        <source>%1 point(s) to %2</source>
        <extracomment>%1 is the number of points still needed, %2 the name of the next tier, e.g. &quot;230 points to Gold&quot;</extracomment>
        <translation>
            <numerusform>%1 point to %2</numerusform>
            <numerusform>%1 points to %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <extracomment>%1 is an amount of money, %2 the name of the next tier, e.g. &quot;12,30 € to Gold&quot;</extracomment>
        <translation>%1 to %2</translation>
    </message>
</context>
<context>
    <name>TillIdentityEditor</name>
    <message>
        <source>The till needs a name, for example &quot;Till 1&quot;.</source>
        <translation>The till needs a name, for example &quot;Till 1&quot;.</translation>
    </message>
    <message>
        <source>The till&apos;s name may have at most %1 characters.</source>
        <translation>The till&apos;s name may have at most %1 characters.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a currency this till knows (for example EUR, CHF, GBP).</source>
        <translation>&quot;%1&quot; is not a currency this till knows (for example EUR, CHF, GBP).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a head-office address; it looks like https://hq.example:8443.</source>
        <translation>&quot;%1&quot; is not a head-office address; it looks like https://hq.example:8443.</translation>
    </message>
    <message>
        <source>The currency cannot change any more: this till has sales in %1 already. A till with another currency needs a new till database.</source>
        <translation>The currency cannot change any more: this till has sales in %1 already. A till with another currency needs a new till database.</translation>
    </message>
</context>
<context>
    <name>TillSettings</name>
    <message>
        <source>The till setting &quot;%1&quot; has the invalid value &quot;%2&quot;.</source>
        <translation>The till setting &quot;%1&quot; has the invalid value &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The till setting &quot;%1&quot; is missing.</source>
        <translation>The till setting &quot;%1&quot; is missing.</translation>
    </message>
</context>
<context>
    <name>loyalty::AdjustBalanceDialog</name>
    <message>
        <source>+ &amp;Add</source>
        <translation>+ &amp;Add</translation>
    </message>
    <message>
        <source> &amp;Take off</source>
        <translation> &amp;Take off</translation>
    </message>
    <message>
        <source>Add to the balance</source>
        <translation>Add to the balance</translation>
    </message>
    <message>
        <source>Take off the balance</source>
        <translation>Take off the balance</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Balance now</source>
        <translation>Balance now</translation>
    </message>
    <message>
        <source>After the adjustment</source>
        <translation>After the adjustment</translation>
    </message>
    <message>
        <source>&amp;Book adjustment</source>
        <translation>&amp;Book adjustment</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>✖ &quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>✖ &quot;%1&quot; is not an amount. Type it like %2.</translation>
    </message>
    <message>
        <source>%1 ⚠ below zero</source>
        <translation>%1 ⚠ below zero</translation>
    </message>
</context>
<context>
    <name>loyalty::AdjustPointsDialog</name>
    <message>
        <source>Adjust points</source>
        <translation>Adjust points</translation>
    </message>
    <message>
        <source>Points of %1. Added points expire like points earned today.</source>
        <translation>Points of %1. Added points expire like points earned today.</translation>
    </message>
    <message>
        <source>&amp;Points</source>
        <translation>&amp;Points</translation>
    </message>
    <message>
        <source>Points missing from a purchase</source>
        <translation>Points missing from a purchase</translation>
    </message>
    <message>
        <source>Goodwill after a complaint</source>
        <translation>Goodwill after a complaint</translation>
    </message>
    <message>
        <source>Cashier&apos;s mistake corrected</source>
        <translation>Cashier&apos;s mistake corrected</translation>
    </message>
    <message>
        <source>Points booked twice</source>
        <translation>Points booked twice</translation>
    </message>
    <message numerus="yes">
        <source>%Ln point(s)</source>
        <translation>
            <numerusform>%Ln point</numerusform>
            <numerusform>%Ln points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>loyalty::AdjustWalletDialog</name>
    <message>
        <source>Adjust wallet</source>
        <translation>Adjust wallet</translation>
    </message>
    <message>
        <source>Cashback wallet of %1.</source>
        <translation>Cashback wallet of %1.</translation>
    </message>
    <message>
        <source>&amp;Amount (%1)</source>
        <translation>&amp;Amount (%1)</translation>
    </message>
    <message>
        <source>Cashback missing from a purchase</source>
        <translation>Cashback missing from a purchase</translation>
    </message>
    <message>
        <source>Goodwill after a complaint</source>
        <translation>Goodwill after a complaint</translation>
    </message>
    <message>
        <source>Cashier&apos;s mistake corrected</source>
        <translation>Cashier&apos;s mistake corrected</translation>
    </message>
    <message>
        <source>Refund paid into the wallet</source>
        <translation>Refund paid into the wallet</translation>
    </message>
</context>
<context>
    <name>loyalty::AppearancePage</name>
    <message>
        <source>&amp;Touch layout (larger buttons and rows, at least 44 px)</source>
        <translation>&amp;Touch layout (larger buttons and rows, at least 44 px)</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>Font size in percent</source>
        <translation>Font size in percent</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Touch layout</source>
        <translation>Touch layout</translation>
    </message>
    <message>
        <source>Changes show at once; Cancel puts the previous look back.</source>
        <translation>Changes show at once; Cancel puts the previous look back.</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>T&amp;heme</translation>
    </message>
    <message>
        <source>&amp;Font size</source>
        <translation>&amp;Font size</translation>
    </message>
</context>
<context>
    <name>loyalty::AuditLogPage</name>
    <message>
        <source>Older
PgDn</source>
        <translation>Older
PgDn</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Member (pseudonym)</source>
        <translation>Member (pseudonym)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>Before → after</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Older</translation>
    </message>
    <message>
        <source>Chain verified: %1 entries, none edited, inserted or deleted.</source>
        <translation>Chain verified: %1 entries, none edited, inserted or deleted.</translation>
    </message>
    <message>
        <source>The audit chain is broken: %1 Tell head office.</source>
        <translation>The audit chain is broken: %1 Tell head office.</translation>
    </message>
    <message>
        <source>Points adjusted</source>
        <translation>Points adjusted</translation>
    </message>
    <message>
        <source>Wallet adjusted</source>
        <translation>Wallet adjusted</translation>
    </message>
    <message>
        <source>Accounts merged</source>
        <translation>Accounts merged</translation>
    </message>
    <message>
        <source>Card unblocked</source>
        <translation>Card unblocked</translation>
    </message>
    <message>
        <source>Card replaced</source>
        <translation>Card replaced</translation>
    </message>
    <message>
        <source>Member erased</source>
        <translation>Member erased</translation>
    </message>
    <message>
        <source>Member data exported</source>
        <translation>Member data exported</translation>
    </message>
    <message>
        <source>Consent recorded</source>
        <translation>Consent recorded</translation>
    </message>
    <message>
        <source>Staff account added</source>
        <translation>Staff account added</translation>
    </message>
    <message>
        <source>Staff account locked</source>
        <translation>Staff account locked</translation>
    </message>
    <message>
        <source>Staff account deactivated</source>
        <translation>Staff account deactivated</translation>
    </message>
    <message>
        <source>PIN changed</source>
        <translation>PIN changed</translation>
    </message>
    <message>
        <source>Till name, currency or head office changed</source>
        <translation>Till name, currency or head office changed</translation>
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
    <name>loyalty::CardActionDialog</name>
    <message>
        <source>Card lost</source>
        <translation>Card lost</translation>
    </message>
    <message>
        <source>Card damaged</source>
        <translation>Card damaged</translation>
    </message>
    <message>
        <source>Card stolen</source>
        <translation>Card stolen</translation>
    </message>
    <message>
        <source>Switched to the app</source>
        <translation>Switched to the app</translation>
    </message>
    <message>
        <source>Card found again</source>
        <translation>Card found again</translation>
    </message>
    <message>
        <source>Blocked by mistake</source>
        <translation>Blocked by mistake</translation>
    </message>
    <message>
        <source>Customer proved the card is theirs</source>
        <translation>Customer proved the card is theirs</translation>
    </message>
    <message>
        <source>Replace card</source>
        <translation>Replace card</translation>
    </message>
    <message>
        <source>Unblock card</source>
        <translation>Unblock card</translation>
    </message>
    <message>
        <source>Replace card %1 of %2 with a new card. The old card is refused at every till from then on; points, history and tier stay with the member.</source>
        <translation>Replace card %1 of %2 with a new card. The old card is refused at every till from then on; points, history and tier stay with the member.</translation>
    </message>
    <message>
        <source>Unblock card %1 of %2: it is accepted at every till again.</source>
        <translation>Unblock card %1 of %2: it is accepted at every till again.</translation>
    </message>
    <message>
        <source>New card number</source>
        <translation>New card number</translation>
    </message>
    <message>
        <source>Scan the new card or type its number</source>
        <translation>Scan the new card or type its number</translation>
    </message>
    <message>
        <source>&amp;New card</source>
        <translation>&amp;New card</translation>
    </message>
    <message>
        <source>&amp;Unblock card</source>
        <translation>&amp;Unblock card</translation>
    </message>
    <message>
        <source>Re&amp;place card</source>
        <translation>Re&amp;place card</translation>
    </message>
</context>
<context>
    <name>loyalty::CouponDialog</name>
    <message>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>scan or type the code</source>
        <translation>scan or type the code</translation>
    </message>
    <message>
        <source>Coupon code</source>
        <translation>Coupon code</translation>
    </message>
    <message>
        <source>Scan the coupon or type its code, then Enter.</source>
        <translation>Scan the coupon or type its code, then Enter.</translation>
    </message>
    <message>
        <source>No coupon on this sale yet.</source>
        <translation>No coupon on this sale yet.</translation>
    </message>
    <message>
        <source>On this sale: %1</source>
        <translation>On this sale: %1</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <source>✖ Enter the coupon&apos;s code, or Esc to go back to the sale.</source>
        <translation>✖ Enter the coupon&apos;s code, or Esc to go back to the sale.</translation>
    </message>
</context>
<context>
    <name>loyalty::CustomerDisplay</name>
    <message numerus="yes">
        <source>%Ln point(s)</source>
        <translation>
            <numerusform>%Ln point</numerusform>
            <numerusform>%Ln points</numerusform>
        </translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>Join the programme</source>
        <translation>Join the programme</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>Greeting</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Points balance</source>
        <translation>Points balance</translation>
    </message>
    <message>
        <source>Points of this sale</source>
        <translation>Points of this sale</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>Savings</translation>
    </message>
    <message>
        <source>Why you save</source>
        <translation>Why you save</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Amount to pay</source>
        <translation>Amount to pay</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Thank you</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>Points earned</translation>
    </message>
    <message>
        <source>New points balance</source>
        <translation>New points balance</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>Amount paid</translation>
    </message>
    <message>
        <source>Display status</source>
        <translation>Display status</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Customer display</translation>
    </message>
    <message>
        <source>Your items</source>
        <translation>Your items</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation>Welcome!</translation>
    </message>
    <message>
        <source>Not a member yet? Ask at the till and collect points with every purchase.</source>
        <translation>Not a member yet? Ask at the till and collect points with every purchase.</translation>
    </message>
    <message>
        <source>Not a member of %1 yet? Ask at the till and collect points with every purchase.</source>
        <translation>Not a member of %1 yet? Ask at the till and collect points with every purchase.</translation>
    </message>
    <message>
        <source>%1 ×</source>
        <extracomment>A basket line&apos;s quantity on the customer display: &quot;2 ×&quot;</extracomment>
        <translation>%1 ×</translation>
    </message>
    <message>
        <source>Are you a member? Show your card at the till to collect points for this purchase.</source>
        <translation>Are you a member? Show your card at the till to collect points for this purchase.</translation>
    </message>
    <message>
        <source>Hello!</source>
        <translation>Hello!</translation>
    </message>
    <message>
        <source>Hello, %1!</source>
        <translation>Hello, %1!</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>−%1 redeemed</source>
        <translation>−%1 redeemed</translation>
    </message>
    <message>
        <source>★ %1</source>
        <extracomment>The tier the member holds, with a star so it is not told by colour</extracomment>
        <translation>★ %1</translation>
    </message>
    <message>
        <source>This sale: %1</source>
        <extracomment>Separates the parts of the points line: &quot;+24 points · 230 points to Gold&quot;</extracomment>
        <translation>This sale: %1</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>YOU SAVE</source>
        <translation>YOU SAVE</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Thank you!</translation>
    </message>
    <message>
        <source>Thank you, %1!</source>
        <translation>Thank you, %1!</translation>
    </message>
    <message>
        <source>+%1 earned, −%2 redeemed</source>
        <translation>+%1 earned, −%2 redeemed</translation>
    </message>
    <message>
        <source>+%1 earned</source>
        <translation>+%1 earned</translation>
    </message>
    <message>
        <source>New balance: %1</source>
        <translation>New balance: %1</translation>
    </message>
    <message>
        <source>Thank you for your purchase!</source>
        <translation>Thank you for your purchase!</translation>
    </message>
    <message>
        <source>Next time, collect points: ask at the till to join.</source>
        <translation>Next time, collect points: ask at the till to join.</translation>
    </message>
    <message>
        <source>Paid %1 — you saved %2</source>
        <translation>Paid %1 — you saved %2</translation>
    </message>
    <message>
        <source>Paid %1</source>
        <translation>Paid %1</translation>
    </message>
</context>
<context>
    <name>loyalty::CustomerDisplayPage</name>
    <message>
        <source>&amp;Show the customer display</source>
        <translation>&amp;Show the customer display</translation>
    </message>
    <message>
        <source>Show the customer display</source>
        <translation>Show the customer display</translation>
    </message>
    <message>
        <source>Screen of the customer display</source>
        <translation>Screen of the customer display</translation>
    </message>
    <message>
        <source>Automatic: a screen that is not the till&apos;s</source>
        <translation>Automatic: a screen that is not the till&apos;s</translation>
    </message>
    <message>
        <source>%1 (%2 × %3)</source>
        <translation>%1 (%2 × %3)</translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation>%1 (not connected)</translation>
    </message>
    <message>
        <source>The customer display follows the sale live on the chosen screen.</source>
        <translation>The customer display follows the sale live on the chosen screen.</translation>
    </message>
    <message>
        <source>Sc&amp;reen</source>
        <translation>Sc&amp;reen</translation>
    </message>
</context>
<context>
    <name>loyalty::CustomerDisplayPlacement</name>
    <message>
        <source>screen %1</source>
        <translation>screen %1</translation>
    </message>
    <message>
        <source>The customer display is switched off.</source>
        <translation>The customer display is switched off.</translation>
    </message>
    <message>
        <source>The customer display waits for a screen.</source>
        <translation>The customer display waits for a screen.</translation>
    </message>
    <message>
        <source>The customer display is full screen on %1.</source>
        <translation>The customer display is full screen on %1.</translation>
    </message>
    <message>
        <source>%1 is the till&apos;s screen: the customer display is a window on it.</source>
        <translation>%1 is the till&apos;s screen: the customer display is a window on it.</translation>
    </message>
    <message>
        <source>Screen %1 is not connected (screens: %2). </source>
        <extracomment>%1 the screen asked for, %2 the screens there are</extracomment>
        <translation>Screen %1 is not connected (screens: %2). </translation>
    </message>
    <message>
        <source>Only one screen: the customer display is shown as a window. Connect a second screen and it moves there.</source>
        <translation>Only one screen: the customer display is shown as a window. Connect a second screen and it moves there.</translation>
    </message>
</context>
<context>
    <name>loyalty::EffectsModel</name>
    <message>
        <source>⚠ Notice</source>
        <translation>⚠ Notice</translation>
    </message>
    <message>
        <source>★ Points</source>
        <translation>★ Points</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Reward</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Redeemed</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Saving</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>Cashback</source>
        <translation>Cashback</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Credit</translation>
    </message>
    <message>
        <source>Stamps</source>
        <translation>Stamps</translation>
    </message>
    <message>
        <source>Stamp card</source>
        <translation>Stamp card</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Membership</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>What this sale gives, and why</source>
        <translation>What this sale gives, and why</translation>
    </message>
</context>
<context>
    <name>loyalty::EffectsPanel</name>
    <message>
        <source>This sale&apos;s loyalty effects</source>
        <translation>This sale&apos;s loyalty effects</translation>
    </message>
    <message>
        <source>THIS SALE — F6 coupon · F4 redeem points · F3 reward · F2 wallet · F5 removes them</source>
        <translation>THIS SALE — F6 coupon · F4 redeem points · F3 reward · F2 wallet · F5 removes them</translation>
    </message>
    <message>
        <source>Effects</source>
        <translation>Effects</translation>
    </message>
    <message>
        <source>Points, savings and coupons of this sale appear here as you scan.</source>
        <translation>Points, savings and coupons of this sale appear here as you scan.</translation>
    </message>
    <message>
        <source>No loyalty effects yet. Scan the customer&apos;s card to collect points.</source>
        <translation>No loyalty effects yet. Scan the customer&apos;s card to collect points.</translation>
    </message>
    <message>
        <source>Nothing in the basket earns points or savings yet.</source>
        <translation>Nothing in the basket earns points or savings yet.</translation>
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
    <message>
        <source>optional: card of the member who recommended us</source>
        <translation>optional: card of the member who recommended us</translation>
    </message>
    <message>
        <source>Recommended by (card)</source>
        <translation>Recommended by (card)</translation>
    </message>
    <message>
        <source>&amp;Recommended by (card)</source>
        <translation>&amp;Recommended by (card)</translation>
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
        <translation>Create manager
Enter</translation>
    </message>
    <message>
        <source>Welcome to Loyalty Till</source>
        <translation>Welcome to Loyalty Till</translation>
    </message>
    <message>
        <source>This till has no staff yet. Create the first manager: they sign in to open shifts, add cashiers and open the manager screens (F10).</source>
        <translation>This till has no staff yet. Create the first manager: they sign in to open shifts, add cashiers and open the manager screens (F10).</translation>
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
        <translation>PIN again</translation>
    </message>
    <message>
        <source>Create manager</source>
        <translation>Create manager</translation>
    </message>
    <message>
        <source>Type the manager&apos;s name.</source>
        <translation>Type the manager&apos;s name.</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the PIN twice the same.</source>
        <translation>The two PINs differ. Type the PIN twice the same.</translation>
    </message>
    <message>
        <source>Type the manager&apos;s name; a scan is not a name.</source>
        <translation>Type the manager&apos;s name; a scan is not a name.</translation>
    </message>
</context>
<context>
    <name>loyalty::IdentityCheckDialog</name>
    <message>
        <source>Confirm the customer</source>
        <translation>Confirm the customer</translation>
    </message>
    <message>
        <source>This card is a contactless tag that can be copied. Before points or wallet are used, ask %1 for the date of birth and type it in.</source>
        <translation>This card is a contactless tag that can be copied. Before points or wallet are used, ask %1 for the date of birth and type it in.</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>&amp;Date of birth</source>
        <translation>&amp;Date of birth</translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation>&amp;Confirm</translation>
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
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>Redeem points</source>
        <translation>Redeem points</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Reward</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <source>Remove coupons and redemptions</source>
        <translation>Remove coupons and redemptions</translation>
    </message>
    <message>
        <source>%1 queued</source>
        <translation>%1 queued</translation>
    </message>
    <message>
        <source>○ not connected to head office · %1</source>
        <translation>○ not connected to head office · %1</translation>
    </message>
    <message>
        <source>↻ provisioning: %1 of %2 changes</source>
        <translation>↻ provisioning: %1 of %2 changes</translation>
    </message>
    <message>
        <source>◌ connecting to head office</source>
        <translation>◌ connecting to head office</translation>
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
        <translation>⛔ head office refuses this till</translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation>synced %1</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>never synced</translation>
    </message>
    <message>
        <source>⚠ %1 rejected — manager</source>
        <translation>⚠ %1 rejected — manager</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Receipts</translation>
    </message>
</context>
<context>
    <name>loyalty::LanguagePage</name>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>The new language applies at the next start of the till. A --lang on the command line wins over this setting.</source>
        <translation>The new language applies at the next start of the till. A --lang on the command line wins over this setting.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
</context>
<context>
    <name>loyalty::ManagerScreen</name>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Back to the sale</source>
        <translation>Back to the sale</translation>
    </message>
    <message>
        <source>Manager screens — %1</source>
        <extracomment>the manager screens&apos; title, %1 the manager&apos;s name</extracomment>
        <translation>Manager screens — %1</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Key %1</source>
        <extracomment>the accessible description of a manager screen button, %1 its key (&quot;F2&quot;)</extracomment>
        <translation>Key %1</translation>
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
    <name>loyalty::MemberHistoryTab</name>
    <message>
        <source>Older
PgDn</source>
        <translation>Older
PgDn</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Older</translation>
    </message>
    <message>
        <source>No history yet.</source>
        <translation>No history yet.</translation>
    </message>
    <message>
        <source>%1 shown — PgDn for older.</source>
        <translation>%1 shown — PgDn for older.</translation>
    </message>
    <message>
        <source>%1 shown — the whole history.</source>
        <translation>%1 shown — the whole history.</translation>
    </message>
    <message>
        <source>Sale %1</source>
        <translation>Sale %1</translation>
    </message>
    <message>
        <source>Sale %1 (card %2)</source>
        <translation>Sale %1 (card %2)</translation>
    </message>
    <message>
        <source>Return from sale %1</source>
        <translation>Return from sale %1</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>Opening balance</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>Points expired</source>
        <translation>Points expired</translation>
    </message>
    <message>
        <source>Moved in from a merged account</source>
        <translation>Moved in from a merged account</translation>
    </message>
    <message>
        <source>Moved to the merged account</source>
        <translation>Moved to the merged account</translation>
    </message>
    <message>
        <source>Taken back by a return</source>
        <translation>Taken back by a return</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>Earned</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Redeemed</translation>
    </message>
    <message>
        <source>(from head office)</source>
        <translation>(from head office)</translation>
    </message>
</context>
<context>
    <name>loyalty::MemberHitModel</name>
    <message>
        <source>(erased member)</source>
        <translation>(erased member)</translation>
    </message>
    <message>
        <source>%1 (merged)</source>
        <translation>%1 (merged)</translation>
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
        <translation>Card</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>loyalty::MemberOverviewTab</name>
    <message>
        <source>Points lots</source>
        <translation>Points lots</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>Earned</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Points left</source>
        <translation>Points left</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>Balances</translation>
    </message>
    <message>
        <source>Points and when they expire</source>
        <translation>Points and when they expire</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 points</translation>
    </message>
    <message>
        <source>%1 expire on %2</source>
        <translation>%1 expire on %2</translation>
    </message>
    <message>
        <source>%1 points taken beyond the lots (owed)</source>
        <translation>%1 points taken beyond the lots (owed)</translation>
    </message>
    <message>
        <source>Wallet %1</source>
        <translation>Wallet %1</translation>
    </message>
    <message>
        <source>No tiers in the programme.</source>
        <translation>No tiers in the programme.</translation>
    </message>
    <message>
        <source>Tier: %1 (highest)</source>
        <translation>Tier: %1 (highest)</translation>
    </message>
    <message>
        <source>Tier: %1 — %2</source>
        <translation>Tier: %1 — %2</translation>
    </message>
    <message>
        <source>%p % to %1</source>
        <extracomment>progress towards the next tier, %1 its name</extracomment>
        <translation>%p % to %1</translation>
    </message>
    <message>
        <source>Customer value: not among the A customers of this till (12 months).</source>
        <translation>Customer value: not among the A customers of this till (12 months).</translation>
    </message>
    <message>
        <source>%1: %2 of %3 stamps</source>
        <translation>%1: %2 of %3 stamps</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v of %m</translation>
    </message>
    <message>
        <source>%1: %2 stamps</source>
        <translation>%1: %2 stamps</translation>
    </message>
    <message>
        <source>%1: %2 left</source>
        <translation>%1: %2 left</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Points expiring</source>
        <translation>Points expiring</translation>
    </message>
    <message>
        <source>No points to expire</source>
        <translation>No points to expire</translation>
    </message>
    <message>
        <source>Points by month of expiry</source>
        <translation>Points by month of expiry</translation>
    </message>
</context>
<context>
    <name>loyalty::MemberPage</name>
    <message>
        <source>Adjust points</source>
        <translation>Adjust points</translation>
    </message>
    <message>
        <source>Adjust wallet</source>
        <translation>Adjust wallet</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Cards</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Replaced by</source>
        <translation>Replaced by</translation>
    </message>
    <message>
        <source>Unblock card</source>
        <translation>Unblock card</translation>
    </message>
    <message>
        <source>Replace card</source>
        <translation>Replace card</translation>
    </message>
    <message>
        <source>Erased member</source>
        <translation>Erased member</translation>
    </message>
    <message>
        <source>member since %1</source>
        <translation>member since %1</translation>
    </message>
    <message>
        <source>erased on %1</source>
        <translation>erased on %1</translation>
    </message>
    <message>
        <source>merged into another account</source>
        <translation>merged into another account</translation>
    </message>
    <message>
        <source>Points adjusted. The balance is now %1.</source>
        <translation>Points adjusted. The balance is now %1.</translation>
    </message>
    <message>
        <source>Wallet adjusted. %1.</source>
        <translation>Wallet adjusted. %1.</translation>
    </message>
    <message>
        <source>Accounts merged: %1 now holds the balances and cards of both.</source>
        <translation>Accounts merged: %1 now holds the balances and cards of both.</translation>
    </message>
    <message>
        <source>Pick a card on the Cards tab first.</source>
        <translation>Pick a card on the Cards tab first.</translation>
    </message>
    <message>
        <source>Card %1 is active again.</source>
        <translation>Card %1 is active again.</translation>
    </message>
    <message>
        <source>Card %1 replaced by %2.</source>
        <translation>Card %1 replaced by %2.</translation>
    </message>
    <message>
        <source>Pick a blocked card on the Cards tab to unblock it.</source>
        <translation>Pick a blocked card on the Cards tab to unblock it.</translation>
    </message>
    <message>
        <source>Pick a card that is not replaced yet on the Cards tab.</source>
        <translation>Pick a card that is not replaced yet on the Cards tab.</translation>
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
        <source>Scan the next customer&apos;s card or first product.</source>
        <translation>Scan the next customer&apos;s card or first product.</translation>
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
        <source>Points are collected with the loyalty card or the card in the app. F9 enrols a new member.</source>
        <translation>Points are collected with the loyalty card or the card in the app. F9 enrols a new member.</translation>
    </message>
    <message numerus="yes">
        <source>−%Ln point(s) redeemed</source>
        <translation>
            <numerusform>−%Ln point redeemed</numerusform>
            <numerusform>−%Ln points redeemed</numerusform>
        </translation>
    </message>
    <message>
        <source>Worth %1</source>
        <extracomment>What the points balance is worth when redeemed</extracomment>
        <translation>Worth %1</translation>
    </message>
    <message>
        <source>Wallet %1</source>
        <translation>Wallet %1</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %Ln point(s) expire: use by %1</source>
        <translation>
            <numerusform>⚠ %Ln point expire: use by %1</numerusform>
            <numerusform>⚠ %Ln points expire: use by %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Paid membership until %1</source>
        <translation>Paid membership until %1</translation>
    </message>
    <message>
        <source>★ %1</source>
        <translation>★ %1</translation>
    </message>
    <message>
        <source>Highest tier reached</source>
        <translation>Highest tier reached</translation>
    </message>
    <message>
        <source>Tier %1 · %2</source>
        <extracomment>%1 is the tier held, %2 the way to the next one (&quot;230 points to Gold&quot;)</extracomment>
        <translation>Tier %1 · %2</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <extracomment>A stamp card: &quot;Coffee card: 7 of 10&quot;</extracomment>
        <translation>%1: %2 of %3</translation>
    </message>
    <message>
        <source> — full, reward due</source>
        <translation> — full, reward due</translation>
    </message>
    <message>
        <source>+%1 earned, −%2 redeemed. New balance:</source>
        <translation>+%1 earned, −%2 redeemed. New balance:</translation>
    </message>
    <message>
        <source>PAID</source>
        <translation>PAID</translation>
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
        <translation>Offer to the customer</translation>
    </message>
    <message>
        <source>About the customer</source>
        <translation>About the customer</translation>
    </message>
</context>
<context>
    <name>loyalty::MembersPage</name>
    <message>
        <source>More
PgDn</source>
        <translation>More
PgDn</translation>
    </message>
    <message>
        <source>Open member
Enter</source>
        <translation>Open member
Enter</translation>
    </message>
    <message>
        <source>Member search</source>
        <translation>Member search</translation>
    </message>
    <message>
        <source>Card number, name, phone or e-mail</source>
        <translation>Card number, name, phone or e-mail</translation>
    </message>
    <message>
        <source>Members found</source>
        <translation>Members found</translation>
    </message>
    <message>
        <source>More</source>
        <translation>More</translation>
    </message>
    <message>
        <source>Open member</source>
        <translation>Open member</translation>
    </message>
    <message>
        <source>Type a card number, a name, a phone number or an e-mail address.</source>
        <translation>Type a card number, a name, a phone number or an e-mail address.</translation>
    </message>
    <message>
        <source>No member found for “%1”. Check the spelling or search by card number.</source>
        <translation>No member found for “%1”. Check the spelling or search by card number.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s) listed</source>
        <translation>
            <numerusform>%Ln member listed</numerusform>
            <numerusform>%Ln members listed</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — PgDn for more. Enter opens the selected member.</source>
        <translation>%1 — PgDn for more. Enter opens the selected member.</translation>
    </message>
    <message>
        <source>%1. Enter opens the selected member.</source>
        <translation>%1. Enter opens the selected member.</translation>
    </message>
    <message>
        <source>Search for a member first, then Enter.</source>
        <translation>Search for a member first, then Enter.</translation>
    </message>
</context>
<context>
    <name>loyalty::MergeMembersDialog</name>
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
        <source>&amp;Keep this member</source>
        <translation>&amp;Keep this member</translation>
    </message>
    <message>
        <source>Keep the &amp;other member</source>
        <translation>Keep the &amp;other member</translation>
    </message>
    <message>
        <source>Same person enrolled twice</source>
        <translation>Same person enrolled twice</translation>
    </message>
    <message>
        <source>Old card&apos;s account found</source>
        <translation>Old card&apos;s account found</translation>
    </message>
    <message>
        <source>Customer asked to join the accounts</source>
        <translation>Customer asked to join the accounts</translation>
    </message>
    <message>
        <source>&amp;Merge now</source>
        <translation>&amp;Merge now</translation>
    </message>
    <message>
        <source>Merge two accounts of %1</source>
        <translation>Merge two accounts of %1</translation>
    </message>
    <message>
        <source>Only for two accounts of the same person. Find the other account by card number, name, phone or e-mail:</source>
        <translation>Only for two accounts of the same person. Find the other account by card number, name, phone or e-mail:</translation>
    </message>
    <message>
        <source>Search the other account</source>
        <translation>Search the other account</translation>
    </message>
    <message>
        <source>Card number, name, phone or e-mail</source>
        <translation>Card number, name, phone or e-mail</translation>
    </message>
    <message>
        <source>Accounts found</source>
        <translation>Accounts found</translation>
    </message>
    <message>
        <source>This member</source>
        <translation>This member</translation>
    </message>
    <message>
        <source>Other member</source>
        <translation>Other member</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Search and choose the other account.</source>
        <translation>Search and choose the other account.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln point(s)</source>
        <translation>
            <numerusform>%Ln point</numerusform>
            <numerusform>%Ln points</numerusform>
        </translation>
    </message>
    <message>
        <source>No other account found.</source>
        <translation>No other account found.</translation>
    </message>
    <message>
        <source>More accounts match: type more to narrow the search.</source>
        <translation>More accounts match: type more to narrow the search.</translation>
    </message>
    <message>
        <source>Enrolled %1</source>
        <translation>Enrolled %1</translation>
    </message>
    <message>
        <source>Wallet %1</source>
        <translation>Wallet %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln stamp(s)</source>
        <translation>
            <numerusform>%1: %Ln stamp</numerusform>
            <numerusform>%1: %Ln stamps</numerusform>
        </translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>Tier %1</translation>
    </message>
    <message>
        <source>No cards</source>
        <translation>No cards</translation>
    </message>
    <message>
        <source>Card %1 (%2)</source>
        <translation>Card %1 (%2)</translation>
    </message>
    <message>
        <source>%1 is kept. From %2 it receives %3, %4 in the wallet and every other balance, each points lot with its expiry.</source>
        <translation>%1 is kept. From %2 it receives %3, %4 in the wallet and every other balance, each points lot with its expiry.</translation>
    </message>
    <message>
        <source>%1 has no cards to move.</source>
        <translation>%1 has no cards to move.</translation>
    </message>
    <message>
        <source>Cards moved to %1: %2.</source>
        <translation>Cards moved to %1: %2.</translation>
    </message>
    <message>
        <source>The account of %1 is closed and points to %2; its history and consents stay with it. This cannot be undone at the till.</source>
        <translation>The account of %1 is closed and points to %2; its history and consents stay with it. This cannot be undone at the till.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Re&amp;view merge…</source>
        <translation>Re&amp;view merge…</translation>
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
    <name>loyalty::PrinterPage</name>
    <message>
        <source>Print a receipt after every &amp;sale</source>
        <translation>Print a receipt after every &amp;sale</translation>
    </message>
    <message>
        <source>&amp;Print test receipt</source>
        <translation>&amp;Print test receipt</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <source>No receipt printer</source>
        <translation>No receipt printer</translation>
    </message>
    <message>
        <source>Network thermal printer (raw TCP)</source>
        <translation>Network thermal printer (raw TCP)</translation>
    </message>
    <message>
        <source>USB thermal printer (device file)</source>
        <translation>USB thermal printer (device file)</translation>
    </message>
    <message>
        <source>File (ESC/POS bytes appended)</source>
        <translation>File (ESC/POS bytes appended)</translation>
    </message>
    <message>
        <source>Office printer (system)</source>
        <translation>Office printer (system)</translation>
    </message>
    <message>
        <source>Printer host</source>
        <translation>Printer host</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.50</source>
        <translation>e.g. 192.168.1.50</translation>
    </message>
    <message>
        <source>Printer port</source>
        <translation>Printer port</translation>
    </message>
    <message>
        <source>Printer device file</source>
        <translation>Printer device file</translation>
    </message>
    <message>
        <source>e.g. /dev/usb/lp0</source>
        <translation>e.g. /dev/usb/lp0</translation>
    </message>
    <message>
        <source>Receipt file</source>
        <translation>Receipt file</translation>
    </message>
    <message>
        <source>e.g. /var/spool/loyalty-till/receipts.bin</source>
        <translation>e.g. /var/spool/loyalty-till/receipts.bin</translation>
    </message>
    <message>
        <source>Paper width</source>
        <translation>Paper width</translation>
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
        <translation>Office printer</translation>
    </message>
    <message>
        <source>The system&apos;s default printer</source>
        <translation>The system&apos;s default printer</translation>
    </message>
    <message>
        <source>%1 (not installed)</source>
        <translation>%1 (not installed)</translation>
    </message>
    <message>
        <source>Print a receipt after every sale</source>
        <translation>Print a receipt after every sale</translation>
    </message>
    <message>
        <source>Print test receipt</source>
        <translation>Print test receipt</translation>
    </message>
    <message>
        <source>Test receipt status</source>
        <translation>Test receipt status</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>P&amp;ort</translation>
    </message>
    <message>
        <source>Printer &amp;kind</source>
        <translation>Printer &amp;kind</translation>
    </message>
    <message>
        <source>Ho&amp;st</source>
        <translation>Ho&amp;st</translation>
    </message>
    <message>
        <source>&amp;Device file</source>
        <translation>&amp;Device file</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Office p&amp;rinter</source>
        <translation>Office p&amp;rinter</translation>
    </message>
    <message>
        <source>Paper &amp;width</source>
        <translation>Paper &amp;width</translation>
    </message>
    <message>
        <source>Test receipt sent to %1. Check the paper: text, umlauts, QR code, cut.</source>
        <translation>Test receipt sent to %1. Check the paper: text, umlauts, QR code, cut.</translation>
    </message>
    <message>
        <source>Not printed: %1</source>
        <translation>Not printed: %1</translation>
    </message>
    <message>
        <source>Enter the printer&apos;s network address, e.g. 192.168.1.50.</source>
        <translation>Enter the printer&apos;s network address, e.g. 192.168.1.50.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name or IP address.</source>
        <translation>&quot;%1&quot; is not a host name or IP address.</translation>
    </message>
    <message>
        <source>Enter the printer&apos;s device file as a full path, e.g. /dev/usb/lp0.</source>
        <translation>Enter the printer&apos;s device file as a full path, e.g. /dev/usb/lp0.</translation>
    </message>
    <message>
        <source>Enter the file as a full path, e.g. /var/spool/loyalty-till/receipts.bin.</source>
        <translation>Enter the file as a full path, e.g. /var/spool/loyalty-till/receipts.bin.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>The folder %1 does not exist.</translation>
    </message>
    <message>
        <source>%1 is a folder; enter a file in it.</source>
        <translation>%1 is a folder; enter a file in it.</translation>
    </message>
    <message>
        <source>Not printed: correct the printer&apos;s settings first.</source>
        <translation>Not printed: correct the printer&apos;s settings first.</translation>
    </message>
    <message>
        <source>Choose a printer first.</source>
        <translation>Choose a printer first.</translation>
    </message>
    <message>
        <source>Sending the test receipt to %1…</source>
        <translation>Sending the test receipt to %1…</translation>
    </message>
    <message>
        <source>Not printed: this computer has no default printer.</source>
        <translation>Not printed: this computer has no default printer.</translation>
    </message>
    <message>
        <source>Not printed: the printer %1 is not installed on this computer.</source>
        <translation>Not printed: the printer %1 is not installed on this computer.</translation>
    </message>
    <message>
        <source>Loyalty Till test receipt</source>
        <translation>Loyalty Till test receipt</translation>
    </message>
    <message>
        <source>Not printed: the printer %1 did not accept the page.</source>
        <translation>Not printed: the printer %1 did not accept the page.</translation>
    </message>
    <message>
        <source>Test receipt sent to the printer %1.</source>
        <translation>Test receipt sent to the printer %1.</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>%1, port %2</source>
        <translation>%1, port %2</translation>
    </message>
</context>
<context>
    <name>loyalty::PrivacyPanel</name>
    <message>
        <source>Loyalty programme</source>
        <translation>Loyalty programme</translation>
    </message>
    <message>
        <source>✔ given</source>
        <translation>✔ given</translation>
    </message>
    <message>
        <source>✖ withdrawn</source>
        <translation>✖ withdrawn</translation>
    </message>
    <message>
        <source>&amp;Export data…</source>
        <translation>&amp;Export data…</translation>
    </message>
    <message>
        <source>Customer asked for erasure</source>
        <translation>Customer asked for erasure</translation>
    </message>
    <message>
        <source>Customer left the programme</source>
        <translation>Customer left the programme</translation>
    </message>
    <message>
        <source>I have checked that the request comes from this customer</source>
        <translation>I have checked that the request comes from this customer</translation>
    </message>
    <message>
        <source>Erase &amp;now</source>
        <translation>Erase &amp;now</translation>
    </message>
    <message>
        <source>&amp;Keep the member</source>
        <translation>&amp;Keep the member</translation>
    </message>
    <message>
        <source>Consent records</source>
        <translation>Consent records</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Text version</source>
        <translation>Text version</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>Requests of the customer</source>
        <translation>Requests of the customer</translation>
    </message>
    <message>
        <source>A copy of everything stored about the member: a JSON file and a readable summary.</source>
        <translation>A copy of everything stored about the member: a JSON file and a readable summary.</translation>
    </message>
    <message>
        <source>✖ This member was erased on %1. Name, contact details and birthday are gone; the ledger keeps the amounts without a name, and the consent records stay.</source>
        <translation>✖ This member was erased on %1. Name, contact details and birthday are gone; the ledger keeps the amounts without a name, and the consent records stay.</translation>
    </message>
    <message>
        <source>ℹ This account was merged into another one; consents and requests are handled there.</source>
        <translation>ℹ This account was merged into another one; consents and requests are handled there.</translation>
    </message>
    <message>
        <source>Record given</source>
        <translation>Record given</translation>
    </message>
    <message>
        <source>Record withdrawn</source>
        <translation>Record withdrawn</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A purpose and where its consent stands: &quot;Loyalty programme: ✔ given&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>nothing recorded</source>
        <translation>nothing recorded</translation>
    </message>
    <message>
        <source>Record consent given: %1</source>
        <translation>Record consent given: %1</translation>
    </message>
    <message>
        <source>Record consent withdrawn: %1</source>
        <translation>Record consent withdrawn: %1</translation>
    </message>
    <message>
        <source>Consent to %1 recorded as given.</source>
        <translation>Consent to %1 recorded as given.</translation>
    </message>
    <message>
        <source>Consent to %1 recorded as withdrawn.</source>
        <translation>Consent to %1 recorded as withdrawn.</translation>
    </message>
    <message>
        <source>member-%1-%2</source>
        <extracomment>File name of a member&apos;s data export; %1 the member number, %2 the date</extracomment>
        <translation>member-%1-%2</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Save the member&apos;s data (JSON)</source>
        <translation>Save the member&apos;s data (JSON)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was saved.</source>
        <translation>Export cancelled: nothing was saved.</translation>
    </message>
    <message>
        <source>Save the readable summary</source>
        <translation>Save the readable summary</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <source>Saved %1; the summary was not saved.</source>
        <translation>Saved %1; the summary was not saved.</translation>
    </message>
    <message>
        <source>Saved %1 and %2. Hand them to the customer only.</source>
        <translation>Saved %1 and %2. Hand them to the customer only.</translation>
    </message>
    <message>
        <source>Erase %1 for good?</source>
        <translation>Erase %1 for good?</translation>
    </message>
    <message>
        <source>Removed: the name, e-mail address, phone number and birthday, here and at head office.</source>
        <translation>Removed: the name, e-mail address, phone number and birthday, here and at head office.</translation>
    </message>
    <message>
        <source>The member has no active card.</source>
        <translation>The member has no active card.</translation>
    </message>
    <message>
        <source>Blocked: the cards %1; they are refused at every till from then on.</source>
        <translation>Blocked: the cards %1; they are refused at every till from then on.</translation>
    </message>
    <message>
        <source>Kept: purchases, points and wallet amounts without a name (for accounting), the consent records and the audit log.</source>
        <translation>Kept: purchases, points and wallet amounts without a name (for accounting), the consent records and the audit log.</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>This cannot be undone.</translation>
    </message>
    <message numerus="yes">
        <source>The member was erased; %Ln card(s) blocked.</source>
        <translation>
            <numerusform>The member was erased; %Ln card blocked.</numerusform>
            <numerusform>The member was erased; %Ln cards blocked.</numerusform>
        </translation>
    </message>
    <message>
        <source>Offers and news (marketing)</source>
        <translation>Offers and news (marketing)</translation>
    </message>
    <message>
        <source>Erase &amp;member…</source>
        <translation>Erase &amp;member…</translation>
    </message>
</context>
<context>
    <name>loyalty::ReasonField</name>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Why? This is recorded in the audit log.</source>
        <translation>Why? This is recorded in the audit log.</translation>
    </message>
    <message>
        <source>&amp;Reason (required)</source>
        <translation>&amp;Reason (required)</translation>
    </message>
</context>
<context>
    <name>loyalty::ReceiptHistoryDialog</name>
    <message>
        <source>&amp;Reprint copy  Enter</source>
        <translation>&amp;Reprint copy  Enter</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>Print pre&amp;view…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>Save receipt as PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Receipts of this till</source>
        <translation>Receipts of this till</translation>
    </message>
    <message>
        <source>&amp;Find: receipt number or the card&apos;s last digits</source>
        <translation>&amp;Find: receipt number or the card&apos;s last digits</translation>
    </message>
    <message>
        <source>Find a receipt</source>
        <translation>Find a receipt</translation>
    </message>
    <message>
        <source>Type a receipt number or the last digits of the customer&apos;s card.</source>
        <translation>Type a receipt number or the last digits of the customer&apos;s card.</translation>
    </message>
    <message>
        <source>receipt number or last card digits</source>
        <translation>receipt number or last card digits</translation>
    </message>
    <message>
        <source>Recent sales, newest first</source>
        <translation>Recent sales, newest first</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Receipt preview</source>
        <translation>Receipt preview</translation>
    </message>
    <message>
        <source>Printing status</source>
        <translation>Printing status</translation>
    </message>
    <message>
        <source>↑ ↓: choose a receipt · Enter: reprint a copy · Alt+V: print preview · Alt+S: save as PDF · Esc: back</source>
        <translation>↑ ↓: choose a receipt · Enter: reprint a copy · Alt+V: print preview · Alt+S: save as PDF · Esc: back</translation>
    </message>
    <message>
        <source>Reprint a copy of the receipt</source>
        <translation>Reprint a copy of the receipt</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>Save the receipt as PDF</source>
        <translation>Save the receipt as PDF</translation>
    </message>
    <message>
        <source>Back to the sale</source>
        <translation>Back to the sale</translation>
    </message>
    <message>
        <source>The sales could not be read: %1</source>
        <translation>The sales could not be read: %1</translation>
    </message>
    <message>
        <source>no member</source>
        <translation>no member</translation>
    </message>
    <message>
        <source>This till has no completed sales yet.</source>
        <translation>This till has no completed sales yet.</translation>
    </message>
    <message>
        <source>No receipt matches.</source>
        <translation>No receipt matches.</translation>
    </message>
    <message>
        <source>No receipt chosen.</source>
        <translation>No receipt chosen.</translation>
    </message>
    <message>
        <source>Copy of receipt %1</source>
        <translation>Copy of receipt %1</translation>
    </message>
    <message>
        <source>Choose a receipt first.</source>
        <translation>Choose a receipt first.</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Receipt %1</translation>
    </message>
    <message>
        <source>Print preview of receipt %1</source>
        <translation>Print preview of receipt %1</translation>
    </message>
    <message>
        <source>receipt-%1.pdf</source>
        <translation>receipt-%1.pdf</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1.</source>
        <translation>The PDF could not be written to %1.</translation>
    </message>
    <message>
        <source>Receipt %1 saved as %2.</source>
        <translation>Receipt %1 saved as %2.</translation>
    </message>
</context>
<context>
    <name>loyalty::ReceiptPrintService</name>
    <message>
        <source>No receipt printer is set up on this till: a manager chooses one in the settings.</source>
        <translation>No receipt printer is set up on this till: a manager chooses one in the settings.</translation>
    </message>
    <message>
        <source>Receipt %1 not printed: %2</source>
        <translation>Receipt %1 not printed: %2</translation>
    </message>
    <message>
        <source>Copy of receipt %1 printed.</source>
        <translation>Copy of receipt %1 printed.</translation>
    </message>
    <message>
        <source>Receipt %1 printed.</source>
        <translation>Receipt %1 printed.</translation>
    </message>
    <message>
        <source>Receipt %1 not printed: this computer has no default printer.</source>
        <translation>Receipt %1 not printed: this computer has no default printer.</translation>
    </message>
    <message>
        <source>Receipt %1 not printed: the printer &quot;%2&quot; is not installed on this computer.</source>
        <translation>Receipt %1 not printed: the printer &quot;%2&quot; is not installed on this computer.</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Receipt %1</translation>
    </message>
    <message>
        <source>Receipt %1 not printed: the printer &quot;%2&quot; did not accept it.</source>
        <translation>Receipt %1 not printed: the printer &quot;%2&quot; did not accept it.</translation>
    </message>
</context>
<context>
    <name>loyalty::ReceiptSender</name>
    <message>
        <source>The receipt printer %1 is not there. Check that it is plugged in and switched on.</source>
        <translation>The receipt printer %1 is not there. Check that it is plugged in and switched on.</translation>
    </message>
    <message>
        <source>No permission to print on %1. The till&apos;s user must be in the printer&apos;s group (usually lp).</source>
        <translation>No permission to print on %1. The till&apos;s user must be in the printer&apos;s group (usually lp).</translation>
    </message>
    <message>
        <source>The receipt printer %1 does not take the receipt: %2.</source>
        <translation>The receipt printer %1 does not take the receipt: %2.</translation>
    </message>
    <message>
        <source>No receipt printer is set up at this till.</source>
        <translation>No receipt printer is set up at this till.</translation>
    </message>
    <message>
        <source>The office printer takes receipts through the print dialog, not as ESC/POS.</source>
        <translation>The office printer takes receipts through the print dialog, not as ESC/POS.</translation>
    </message>
    <message>
        <source>The receipt printer at %1 did not take the receipt within %2 s. Check its paper and that it is online.</source>
        <translation>The receipt printer at %1 did not take the receipt within %2 s. Check its paper and that it is online.</translation>
    </message>
    <message>
        <source>The receipt printer at %1 did not answer within %2 s. Check that it is switched on and on the network.</source>
        <translation>The receipt printer at %1 did not answer within %2 s. Check that it is switched on and on the network.</translation>
    </message>
    <message>
        <source>The receipt printer at %1 closed the connection before the receipt was complete.</source>
        <translation>The receipt printer at %1 closed the connection before the receipt was complete.</translation>
    </message>
    <message>
        <source>The receipt printer at %1 refused the connection. Check the address and the port (usually 9100).</source>
        <translation>The receipt printer at %1 refused the connection. Check the address and the port (usually 9100).</translation>
    </message>
    <message>
        <source>The receipt printer %1 is unknown on the network. Check its address.</source>
        <translation>The receipt printer %1 is unknown on the network. Check its address.</translation>
    </message>
    <message>
        <source>The receipt printer at %1 cannot be reached: %2</source>
        <translation>The receipt printer at %1 cannot be reached: %2</translation>
    </message>
    <message>
        <source>No printer device is set up. Choose the printer&apos;s device file, e.g. /dev/usb/lp0.</source>
        <translation>No printer device is set up. Choose the printer&apos;s device file, e.g. /dev/usb/lp0.</translation>
    </message>
    <message>
        <source>The receipt printer %1 did not take the receipt within %2 s. Check its paper and that it is switched on.</source>
        <translation>The receipt printer %1 did not take the receipt within %2 s. Check its paper and that it is switched on.</translation>
    </message>
    <message>
        <source>No receipt file is set up.</source>
        <translation>No receipt file is set up.</translation>
    </message>
    <message>
        <source>The receipt file %1 cannot be opened: %2. Check that the folder exists and may be written to.</source>
        <translation>The receipt file %1 cannot be opened: %2. Check that the folder exists and may be written to.</translation>
    </message>
    <message>
        <source>The receipt could not be written to %1: %2</source>
        <translation>The receipt could not be written to %1: %2</translation>
    </message>
</context>
<context>
    <name>loyalty::RedeemPointsDialog</name>
    <message>
        <source>Redeem points</source>
        <translation>Redeem points</translation>
    </message>
    <message numerus="yes">
        <source>The member has %Ln point(s).</source>
        <translation>
            <numerusform>The member has %Ln point.</numerusform>
            <numerusform>The member has %Ln points.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln point(s) = %1</source>
        <translation>
            <numerusform>%Ln point = %1</numerusform>
            <numerusform>%Ln points = %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; at least %Ln point(s) at a time</source>
        <translation>
            <numerusform>; at least %Ln point at a time</numerusform>
            <numerusform>; at least %Ln points at a time</numerusform>
        </translation>
    </message>
    <message>
        <source>; at most %1 % of the basket</source>
        <translation>; at most %1 % of the basket</translation>
    </message>
    <message numerus="yes">
        <source>At most %Ln point(s) on this basket (= %1).</source>
        <translation>
            <numerusform>At most %Ln point on this basket (= %1).</numerusform>
            <numerusform>At most %Ln points on this basket (= %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>✖ No points can be redeemed on this basket.</source>
        <translation>✖ No points can be redeemed on this basket.</translation>
    </message>
    <message>
        <source>Points to redeem</source>
        <translation>Points to redeem</translation>
    </message>
    <message>
        <source>&amp;Points</source>
        <translation>&amp;Points</translation>
    </message>
    <message>
        <source>&amp;Redeem</source>
        <translation>&amp;Redeem</translation>
    </message>
    <message>
        <source>0 takes the redemption off this sale.</source>
        <translation>0 takes the redemption off this sale.</translation>
    </message>
    <message>
        <source>= %1 off</source>
        <translation>= %1 off</translation>
    </message>
    <message numerus="yes">
        <source> (only steps of %Ln point(s) count)</source>
        <translation>
            <numerusform> (only steps of %Ln point count)</numerusform>
            <numerusform> (only steps of %Ln points count)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>loyalty::ReportsPage</name>
    <message>
        <source>Export branch report</source>
        <translation>Export branch report</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Sales and revenue</source>
        <translation>Sales and revenue</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>… with members</source>
        <translation>… with members</translation>
    </message>
    <message>
        <source>… without members</source>
        <translation>… without members</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <source>Member share of revenue</source>
        <translation>Member share of revenue</translation>
    </message>
    <message>
        <source>Average basket, members</source>
        <translation>Average basket, members</translation>
    </message>
    <message>
        <source>Average basket, others</source>
        <translation>Average basket, others</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Returns</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Redeemed</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Outstanding now</source>
        <translation>Outstanding now</translation>
    </message>
    <message>
        <source>Liability now</source>
        <translation>Liability now</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>Active members</translation>
    </message>
    <message>
        <source>Purchases per active member</source>
        <translation>Purchases per active member</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>A members</source>
        <translation>A members</translation>
    </message>
    <message>
        <source>B members</source>
        <translation>B members</translation>
    </message>
    <message>
        <source>C members</source>
        <translation>C members</translation>
    </message>
    <message>
        <source>Rewards redeemed</source>
        <translation>Rewards redeemed</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Custom days</source>
        <translation>Custom days</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;To (inclusive):</source>
        <translation>&amp;To (inclusive):</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Export CSV…</translation>
    </message>
    <message>
        <source>Computing the report…</source>
        <translation>Computing the report…</translation>
    </message>
    <message>
        <source>%1 of %2 members (%3) came back</source>
        <translation>%1 of %2 members (%3) came back</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s), %1 (%2)</source>
        <translation>
            <numerusform>%n member, %1 (%2)</numerusform>
            <numerusform>%n members, %1 (%2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n time(s)</source>
        <translation>
            <numerusform>%1: %n time</numerusform>
            <numerusform>%1: %n times</numerusform>
        </translation>
    </message>
    <message>
        <source>No rewards were redeemed in this period.</source>
        <translation>No rewards were redeemed in this period.</translation>
    </message>
    <message>
        <source>Revenue with members %1, without members %2</source>
        <translation>Revenue with members %1, without members %2</translation>
    </message>
    <message>
        <source>Issued %1, redeemed %2, expired %3</source>
        <translation>Issued %1, redeemed %2, expired %3</translation>
    </message>
    <message>
        <source>A %1, B %2, C %3 of member revenue</source>
        <translation>A %1, B %2, C %3 of member revenue</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>The report could not be computed: %1</source>
        <translation>The report could not be computed: %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
</context>
<context>
    <name>loyalty::ReturnDialog</name>
    <message>
        <source>&amp;Find sale</source>
        <translation>&amp;Find sale</translation>
    </message>
    <message>
        <source>&amp;Return items</source>
        <translation>&amp;Return items</translation>
    </message>
    <message>
        <source>Return items of a sale</source>
        <translation>Return items of a sale</translation>
    </message>
    <message>
        <source>&amp;Receipt: scan its code or type the sale number, then Enter.</source>
        <translation>&amp;Receipt: scan its code or type the sale number, then Enter.</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <source>sale number or receipt code</source>
        <translation>sale number or receipt code</translation>
    </message>
    <message>
        <source>No sale chosen yet.</source>
        <translation>No sale chosen yet.</translation>
    </message>
    <message>
        <source>Items of the sale</source>
        <translation>Items of the sale</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Bought</translation>
    </message>
    <message>
        <source>Returned before</source>
        <translation>Returned before</translation>
    </message>
    <message>
        <source>Return now</source>
        <translation>Return now</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab: next / previous item · ↑ ↓ or type: how many · Enter: return · Esc: back to the sale</source>
        <translation>Tab / Shift+Tab: next / previous item · ↑ ↓ or type: how many · Enter: return · Esc: back to the sale</translation>
    </message>
    <message>
        <source>Everything on sale %1 has already been returned. Nothing is left to take back.</source>
        <translation>Everything on sale %1 has already been returned. Nothing is left to take back.</translation>
    </message>
    <message>
        <source>Set how many of each item come back, then Enter. Items already returned cannot come back again.</source>
        <translation>Set how many of each item come back, then Enter. Items already returned cannot come back again.</translation>
    </message>
    <message>
        <source>Sale %1 · %2 · total %3</source>
        <extracomment>%1 sale number, %2 date and time, %3 total</extracomment>
        <translation>Sale %1 · %2 · total %3</translation>
    </message>
    <message>
        <source>Member %1, card %2</source>
        <extracomment>%1 the member&apos;s name, %2 the masked card number</extracomment>
        <translation>Member %1, card %2</translation>
    </message>
    <message>
        <source>No member card on this sale: the refund only.</source>
        <translation>No member card on this sale: the refund only.</translation>
    </message>
    <message>
        <source>Return how many of %1</source>
        <extracomment>%1 the product&apos;s name</extracomment>
        <translation>Return how many of %1</translation>
    </message>
    <message>
        <source>all back</source>
        <translation>all back</translation>
    </message>
    <message>
        <source>Refund: —</source>
        <translation>Refund: —</translation>
    </message>
    <message numerus="yes">
        <source>Refund: %1 for %n item(s)</source>
        <extracomment>%1 the amount, %n the number of items</extracomment>
        <translation>
            <numerusform>Refund: %1 for %n item</numerusform>
            <numerusform>Refund: %1 for %n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose how many items come back (↑ or type a number), then Enter; Esc goes back to the sale.</source>
        <translation>Choose how many items come back (↑ or type a number), then Enter; Esc goes back to the sale.</translation>
    </message>
</context>
<context>
    <name>loyalty::RewardPickerDialog</name>
    <message>
        <source>Rewards</source>
        <translation>Rewards</translation>
    </message>
    <message numerus="yes">
        <source>The member has %Ln point(s). Choose a reward (↑ ↓), then Enter.</source>
        <translation>
            <numerusform>The member has %Ln point. Choose a reward (↑ ↓), then Enter.</numerusform>
            <numerusform>The member has %Ln points. Choose a reward (↑ ↓), then Enter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reward catalogue</source>
        <translation>Reward catalogue</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %Ln point(s)</source>
        <extracomment>A reward and the points it needs: &quot;A Kaffee Crema — 300 points&quot;</extracomment>
        <translation>
            <numerusform>%1 — %Ln point</numerusform>
            <numerusform>%1 — %Ln points</numerusform>
        </translation>
    </message>
    <message>
        <source>This programme has no rewards.</source>
        <translation>This programme has no rewards.</translation>
    </message>
    <message>
        <source>&amp;Take reward</source>
        <translation>&amp;Take reward</translation>
    </message>
    <message numerus="yes">
        <source>needs %Ln point(s); the member has %1</source>
        <translation>
            <numerusform>needs %Ln point; the member has %1</numerusform>
            <numerusform>needs %Ln points; the member has %1</numerusform>
        </translation>
    </message>
    <message>
        <source>scan the product first (EAN %1)</source>
        <translation>scan the product first (EAN %1)</translation>
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
    <message>
        <source>There is no member on this sale.</source>
        <translation>There is no member on this sale.</translation>
    </message>
    <message>
        <source>No date of birth is on record for this member: points and wallet can only be used with the printed card or the app.</source>
        <translation>No date of birth is on record for this member: points and wallet can only be used with the printed card or the app.</translation>
    </message>
    <message>
        <source>The date of birth does not match. Nothing was redeemed; ask for the printed card or the app.</source>
        <translation>The date of birth does not match. Nothing was redeemed; ask for the printed card or the app.</translation>
    </message>
    <message>
        <source>This card is a bare NFC tag that can be copied: confirm the customer&apos;s date of birth before points or wallet are used.</source>
        <translation>This card is a bare NFC tag that can be copied: confirm the customer&apos;s date of birth before points or wallet are used.</translation>
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
        <source>Scan the member&apos;s card first; then F7 shows their cards.</source>
        <translation>Scan the member&apos;s card first; then F7 shows their cards.</translation>
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
    <message>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Reward</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <source>Undo loyalty</source>
        <translation>Undo loyalty</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Returns are not set up on this till.</source>
        <translation>Returns are not set up on this till.</translation>
    </message>
    <message>
        <source>Finish or void the current sale first (F12 or F8), then F11 for a return.</source>
        <translation>Finish or void the current sale first (F12 or F8), then F11 for a return.</translation>
    </message>
    <message>
        <source>Give back %1 (return from sale %2).</source>
        <extracomment>%1 the money to hand back, %2 the sale&apos;s number</extracomment>
        <translation>Give back %1 (return from sale %2).</translation>
    </message>
    <message>
        <source>Taken back: %1.</source>
        <translation>Taken back: %1.</translation>
    </message>
    <message>
        <source>Points balance now %1.</source>
        <translation>Points balance now %1.</translation>
    </message>
    <message>
        <source>Scan the customer&apos;s card first, then %1.</source>
        <extracomment>%1 is what the cashier wanted to do, e.g. &quot;redeem points&quot;</extracomment>
        <translation>Scan the customer&apos;s card first, then %1.</translation>
    </message>
    <message>
        <source>The programme gives nothing for this on this basket.</source>
        <translation>The programme gives nothing for this on this basket.</translation>
    </message>
    <message>
        <source>Coupon %1: %2</source>
        <extracomment>%1 is the coupon code, %2 what it gives (&quot;−2,35 € (coupon 10 % welcome discount)&quot;)</extracomment>
        <translation>Coupon %1: %2</translation>
    </message>
    <message>
        <source>redeem points</source>
        <translation>redeem points</translation>
    </message>
    <message>
        <source>No points are redeemed on this sale.</source>
        <translation>No points are redeemed on this sale.</translation>
    </message>
    <message>
        <source>choose a reward</source>
        <translation>choose a reward</translation>
    </message>
    <message>
        <source>pay from the wallet</source>
        <translation>pay from the wallet</translation>
    </message>
    <message>
        <source>Nothing is paid from the wallet on this sale.</source>
        <translation>Nothing is paid from the wallet on this sale.</translation>
    </message>
    <message>
        <source>No coupon, points, reward or wallet on this sale.</source>
        <translation>No coupon, points, reward or wallet on this sale.</translation>
    </message>
    <message>
        <source>Coupons, redeemed points, rewards and wallet payment were taken off this sale.</source>
        <translation>Coupons, redeemed points, rewards and wallet payment were taken off this sale.</translation>
    </message>
    <message>
        <source>Not completed: confirm the date of birth, or take the points and wallet off the sale (F5).</source>
        <translation>Not completed: confirm the date of birth, or take the points and wallet off the sale (F5).</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Manager screens are not set up on this till.</source>
        <translation>Manager screens are not set up on this till.</translation>
    </message>
    <message>
        <source>This till has no sign-in.</source>
        <translation>This till has no sign-in.</translation>
    </message>
    <message>
        <source>Finish or void the sale first (F12 or F8), then sign out (F1).</source>
        <translation>Finish or void the sale first (F12 or F8), then sign out (F1).</translation>
    </message>
    <message>
        <source>Key %1</source>
        <extracomment>the accessible description of a sale screen button, %1 its key (&quot;F12&quot;)</extracomment>
        <translation>Key %1</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Receipts</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>⚠ Confirm</source>
        <translation>⚠ Confirm</translation>
    </message>
    <message>
        <source>Armed: press F8 again to void the sale</source>
        <translation>Armed: press F8 again to void the sale</translation>
    </message>
</context>
<context>
    <name>loyalty::ScannerPage</name>
    <message>
        <source>&amp;Keyboard scanner (USB scanner typing as a keyboard)</source>
        <translation>&amp;Keyboard scanner (USB scanner typing as a keyboard)</translation>
    </message>
    <message>
        <source>Keyboard scanner</source>
        <translation>Keyboard scanner</translation>
    </message>
    <message>
        <source>Longest gap between two keys of a scan, in milliseconds</source>
        <translation>Longest gap between two keys of a scan, in milliseconds</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Longest gap after the first key of a scan, in milliseconds</source>
        <translation>Longest gap after the first key of a scan, in milliseconds</translation>
    </message>
    <message>
        <source>Serial scanner port</source>
        <translation>Serial scanner port</translation>
    </message>
    <message>
        <source>No serial scanner</source>
        <translation>No serial scanner</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Serial scanner speed in baud</source>
        <translation>Serial scanner speed in baud</translation>
    </message>
    <message>
        <source>Scanner test</source>
        <translation>Scanner test</translation>
    </message>
    <message>
        <source>Scan a card or product here (or type a code and press Enter)</source>
        <translation>Scan a card or product here (or type a code and press Enter)</translation>
    </message>
    <message>
        <source>Scanner test result</source>
        <translation>Scanner test result</translation>
    </message>
    <message>
        <source>Nothing scanned yet.</source>
        <translation>Nothing scanned yet.</translation>
    </message>
    <message>
        <source>Empty values here follow the till database&apos;s device settings. A new serial port and the timing apply when you press OK.</source>
        <translation>Empty values here follow the till database&apos;s device settings. A new serial port and the timing apply when you press OK.</translation>
    </message>
    <message>
        <source>Longest &amp;gap between keys</source>
        <translation>Longest &amp;gap between keys</translation>
    </message>
    <message>
        <source>Longest gap after the &amp;first key</source>
        <translation>Longest gap after the &amp;first key</translation>
    </message>
    <message>
        <source>Serial &amp;port</source>
        <translation>Serial &amp;port</translation>
    </message>
    <message>
        <source>&amp;Speed</source>
        <translation>&amp;Speed</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Test</translation>
    </message>
    <message>
        <source>⚠ Refused: %1</source>
        <translation>⚠ Refused: %1</translation>
    </message>
    <message>
        <source>✓ Loyalty card %1 (%2)</source>
        <translation>✓ Loyalty card %1 (%2)</translation>
    </message>
    <message>
        <source>✓ Digital card %1</source>
        <translation>✓ Digital card %1</translation>
    </message>
    <message>
        <source>✓ NFC tag</source>
        <translation>✓ NFC tag</translation>
    </message>
    <message>
        <source>✓ Product %1 (%2)</source>
        <translation>✓ Product %1 (%2)</translation>
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
        <source>Scan too long (over %1 characters) — ignored. Check the scanner&apos;s suffix setting.</source>
        <translation>Scan too long (over %1 characters) — ignored. Check the scanner&apos;s suffix setting.</translation>
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
    <name>loyalty::SettingsDialog</name>
    <message>
        <source>Till settings</source>
        <translation>Till settings</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Settings pages</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Till</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Customer display</translation>
    </message>
    <message>
        <source>⚠ The till&apos;s identity could not be read: %1</source>
        <translation>⚠ The till&apos;s identity could not be read: %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ctrl+Tab: next page · Enter: OK · Esc: Cancel</source>
        <translation>Ctrl+Tab: next page · Enter: OK · Esc: Cancel</translation>
    </message>
    <message>
        <source>⚠ Some settings are not valid; the message next to the field says why.</source>
        <translation>⚠ Some settings are not valid; the message next to the field says why.</translation>
    </message>
    <message>
        <source>⚠ Not saved: %1</source>
        <translation>⚠ Not saved: %1</translation>
    </message>
    <message>
        <source>⚠ The settings could not be written to %1; check that the file is writable.</source>
        <translation>⚠ The settings could not be written to %1; check that the file is writable.</translation>
    </message>
</context>
<context>
    <name>loyalty::StaffPage</name>
    <message>
        <source>Add account
F6</source>
        <translation>Add account
F6</translation>
    </message>
    <message>
        <source>Deactivate selected
F8</source>
        <translation>Deactivate selected
F8</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>Deactivate selected</source>
        <translation>Deactivate selected</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN again</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>New account</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>deactivated</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>locked until %1</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the PIN twice the same.</source>
        <translation>The two PINs differ. Type the PIN twice the same.</translation>
    </message>
    <message>
        <source>Manager %1 added. They sign in with their PIN.</source>
        <translation>Manager %1 added. They sign in with their PIN.</translation>
    </message>
    <message>
        <source>Cashier %1 added. They sign in with their PIN.</source>
        <translation>Cashier %1 added. They sign in with their PIN.</translation>
    </message>
    <message>
        <source>Select an account in the list first.</source>
        <translation>Select an account in the list first.</translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation>%1 can no longer sign in.</translation>
    </message>
</context>
<context>
    <name>loyalty::StaffPinPage</name>
    <message>
        <source>Sign in
Enter</source>
        <translation>Sign in
Enter</translation>
    </message>
    <message>
        <source>Back
Esc</source>
        <translation>Back
Esc</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN, then Enter</source>
        <translation>PIN, then Enter</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Pick your name first (↑ ↓).</source>
        <translation>Pick your name first (↑ ↓).</translation>
    </message>
    <message>
        <source>Type your PIN, then Enter.</source>
        <translation>Type your PIN, then Enter.</translation>
    </message>
</context>
<context>
    <name>loyalty::TillIdentityPage</name>
    <message>
        <source>Till name</source>
        <translation>Till name</translation>
    </message>
    <message>
        <source>e.g. Till 1</source>
        <translation>e.g. Till 1</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>ISO code, e.g. EUR</source>
        <translation>ISO code, e.g. EUR</translation>
    </message>
    <message>
        <source>Locked: this till has sales in %1. Another currency needs a new till database.</source>
        <translation>Locked: this till has sales in %1. Another currency needs a new till database.</translation>
    </message>
    <message>
        <source>Can change only until the first sale.</source>
        <translation>Can change only until the first sale.</translation>
    </message>
    <message>
        <source>Head-office address</source>
        <translation>Head-office address</translation>
    </message>
    <message>
        <source>https://hq.example:8443</source>
        <translation>https://hq.example:8443</translation>
    </message>
    <message>
        <source>The address this till syncs with; the pinned certificate and the till&apos;s credentials stay.</source>
        <translation>The address this till syncs with; the pinned certificate and the till&apos;s credentials stay.</translation>
    </message>
    <message>
        <source>Till &amp;name</source>
        <translation>Till &amp;name</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>C&amp;urrency</translation>
    </message>
    <message>
        <source>&amp;Head-office address</source>
        <translation>&amp;Head-office address</translation>
    </message>
    <message>
        <source>The till&apos;s name and currency are shown everywhere from the next start.</source>
        <translation>The till&apos;s name and currency are shown everywhere from the next start.</translation>
    </message>
</context>
<context>
    <name>loyalty::TillShell</name>
    <message>
        <source>Loyalty Till — %1</source>
        <translation>Loyalty Till — %1</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Open manager screens</source>
        <translation>Open manager screens</translation>
    </message>
    <message>
        <source>Pick your name (↑ ↓) and type your PIN, then Enter.</source>
        <translation>Pick your name (↑ ↓) and type your PIN, then Enter.</translation>
    </message>
    <message>
        <source>Signed in: %1.</source>
        <translation>Signed in: %1.</translation>
    </message>
    <message>
        <source>Manager: %1</source>
        <extracomment>the status line: who is signed in</extracomment>
        <translation>Manager: %1</translation>
    </message>
    <message>
        <source>Cashier: %1</source>
        <translation>Cashier: %1</translation>
    </message>
    <message>
        <source>Finish or void the sale first (F12 or F8), then sign out (F1).</source>
        <translation>Finish or void the sale first (F12 or F8), then sign out (F1).</translation>
    </message>
    <message>
        <source>%1 signed out. The shift is closed.</source>
        <translation>%1 signed out. The shift is closed.</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>The till locked itself after a pause. %1 unlocks with their PIN (or a manager with theirs); the sale stays as it was.</source>
        <translation>The till locked itself after a pause. %1 unlocks with their PIN (or a manager with theirs); the sale stays as it was.</translation>
    </message>
    <message>
        <source>Only %1 or a manager can unlock this till.</source>
        <translation>Only %1 or a manager can unlock this till.</translation>
    </message>
    <message>
        <source>Manager screens</source>
        <translation>Manager screens</translation>
    </message>
    <message>
        <source>Type your PIN, then Enter. Esc goes back to the sale.</source>
        <translation>Type your PIN, then Enter. Esc goes back to the sale.</translation>
    </message>
    <message>
        <source>A manager picks their name (↑ ↓) and types their PIN (manager override). Esc goes back to the sale.</source>
        <translation>A manager picks their name (↑ ↓) and types their PIN (manager override). Esc goes back to the sale.</translation>
    </message>
    <message>
        <source>Sign in first (name and PIN), then scan.</source>
        <translation>Sign in first (name and PIN), then scan.</translation>
    </message>
    <message>
        <source>A scan is not a PIN. Type the PIN, then Enter.</source>
        <translation>A scan is not a PIN. Type the PIN, then Enter.</translation>
    </message>
    <message>
        <source>%1 unlocked the till; the sale goes on for %2.</source>
        <translation>%1 unlocked the till; the sale goes on for %2.</translation>
    </message>
    <message>
        <source>The shift of %1 has ended. Sign in to go on with the sale.</source>
        <translation>The shift of %1 has ended. Sign in to go on with the sale.</translation>
    </message>
    <message>
        <source>%1 left the manager screens; the sale goes on for %2.</source>
        <translation>%1 left the manager screens; the sale goes on for %2.</translation>
    </message>
</context>
<context>
    <name>loyalty::TotalsBar</name>
    <message>
        <source>Items %1</source>
        <translation>Items %1</translation>
    </message>
    <message>
        <source>TO PAY</source>
        <translation>TO PAY</translation>
    </message>
    <message>
        <source>Amount to pay</source>
        <translation>Amount to pay</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>Savings</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Total %1</translation>
    </message>
    <message>
        <source>Savings −%1</source>
        <extracomment>Money taken off the basket by the loyalty programme, shown with a minus sign</extracomment>
        <translation>Savings −%1</translation>
    </message>
</context>
<context>
    <name>loyalty::WalletSpendDialog</name>
    <message>
        <source>Pay from the wallet</source>
        <translation>Pay from the wallet</translation>
    </message>
    <message>
        <source>The wallet holds %1.</source>
        <translation>The wallet holds %1.</translation>
    </message>
    <message>
        <source>At most %1 on this basket.</source>
        <translation>At most %1 on this basket.</translation>
    </message>
    <message>
        <source>✖ Nothing can be paid from the wallet on this basket.</source>
        <translation>✖ Nothing can be paid from the wallet on this basket.</translation>
    </message>
    <message>
        <source>Amount from the wallet</source>
        <translation>Amount from the wallet</translation>
    </message>
    <message>
        <source>&amp;Use wallet</source>
        <translation>&amp;Use wallet</translation>
    </message>
    <message>
        <source>&amp;Amount (%1)</source>
        <translation>&amp;Amount (%1)</translation>
    </message>
    <message>
        <source>✖ &quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>✖ &quot;%1&quot; is not an amount. Type it like %2.</translation>
    </message>
    <message>
        <source>✖ At most %1 can be paid from the wallet on this basket.</source>
        <translation>✖ At most %1 can be paid from the wallet on this basket.</translation>
    </message>
</context>
<context>
    <name>loyalty::WedgeScanCapture</name>
    <message>
        <source>Scan too long (over %1 characters) — ignored. Check the scanner&apos;s settings.</source>
        <translation>Scan too long (over %1 characters) — ignored. Check the scanner&apos;s settings.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Loyalty Till: the sale screen where cashiers scan member cards and goods.</source>
        <translation>Loyalty Till: the sale screen where cashiers scan member cards and goods.</translation>
    </message>
    <message>
        <source>Fill the whole screen.</source>
        <translation>Fill the whole screen.</translation>
    </message>
    <message>
        <source>Loyalty Till cannot start</source>
        <translation>Loyalty Till cannot start</translation>
    </message>
    <message>
        <source>Expired points could not be booked: %1</source>
        <translation>Expired points could not be booked: %1</translation>
    </message>
    <message>
        <source>The till database (default: database/path in the till&apos;s settings, else loyalty-till.db).</source>
        <translation>The till database (default: database/path in the till&apos;s settings, else loyalty-till.db).</translation>
    </message>
    <message>
        <source>Language of the screen: de or en (default: the language in the till&apos;s settings, else the system&apos;s).</source>
        <translation>Language of the screen: de or en (default: the language in the till&apos;s settings, else the system&apos;s).</translation>
    </message>
    <message>
        <source>Signal %1: closing.</source>
        <translation>Signal %1: closing.</translation>
    </message>
    <message>
        <source>Loyalty Till stopped selling</source>
        <translation>Loyalty Till stopped selling</translation>
    </message>
</context>
</TS>
