<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AudiencePage</name>
    <message>
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>Who should get the survey?</source>
        <translation>Who should get the survey?</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>Send to</translation>
    </message>
    <message>
        <source>Segments are saved filters on contact attributes; make them on the Contacts page. The next step shows who is left out and why.</source>
        <translation>Segments are saved filters on contact attributes; make them on the Contacts page. The next step shows who is left out and why.</translation>
    </message>
    <message>
        <source>Counting contacts…</source>
        <translation>Counting contacts…</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) in this audience.</source>
        <translation>
            <numerusform>%n contact in this audience.</numerusform>
            <numerusform>%n contacts in this audience.</numerusform>
        </translation>
    </message>
    <message>
        <source>No contacts here yet. Add or import contacts on the Contacts page.</source>
        <translation>No contacts here yet. Add or import contacts on the Contacts page.</translation>
    </message>
</context>
<context>
    <name>AutoSaver</name>
    <message>
        <source>“%1” has answers, so it cannot be deleted.</source>
        <translation>“%1” has answers, so it cannot be deleted.</translation>
    </message>
    <message>
        <source>“%1” has answers, so its type cannot change.</source>
        <translation>“%1” has answers, so its type cannot change.</translation>
    </message>
    <message>
        <source>“%1” has answers, so its scale cannot change.</source>
        <translation>“%1” has answers, so its scale cannot change.</translation>
    </message>
    <message>
        <source>“%1” has answers, so its options (%2) must stay.</source>
        <translation>“%1” has answers, so its options (%2) must stay.</translation>
    </message>
    <message>
        <source>“%1” has answers, so its “Other” option must stay.</source>
        <translation>“%1” has answers, so its “Other” option must stay.</translation>
    </message>
    <message>
        <source>“%1” has answers, so its “None of these” option must stay.</source>
        <translation>“%1” has answers, so its “None of these” option must stay.</translation>
    </message>
    <message>
        <source>“%1” has answers, and the new wording asks something else: add it as a new question instead.</source>
        <translation>“%1” has answers, and the new wording asks something else: add it as a new question instead.</translation>
    </message>
    <message>
        <source>An open survey needs at least one question: add one, or close the survey first.</source>
        <translation>An open survey needs at least one question: add one, or close the survey first.</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <source>Daily</source>
        <translation>Daily</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Before restore</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <source>Before update</source>
        <translation>Before update</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Taken</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
</context>
<context>
    <name>BackupsPanel</name>
    <message>
        <source>No backups yet. Koe makes one every day while it runs; you can make one now.</source>
        <translation>No backups yet. Koe makes one every day while it runs; you can make one now.</translation>
    </message>
    <message>
        <source>Koe keeps a copy of your data every day while it runs (the last seven), before each update and before each restore.</source>
        <translation>Koe keeps a copy of your data every day while it runs (the last seven), before each update and before each restore.</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <source>Last backup: {when}</source>
        <translation>Last backup: {when}</translation>
    </message>
    <message>
        <source>The daily backup failed: {error}</source>
        <translation>The daily backup failed: {error}</translation>
    </message>
    <message>
        <source>The last backup is {days} days old. Koe backs up once a day while the app or its server (main.py serve) runs; click Back up now to make one.</source>
        <translation>The last backup is {days} days old. Koe backs up once a day while the app or its server (main.py serve) runs; click Back up now to make one.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Backed up as {name}.</source>
        <translation>Backed up as {name}.</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>Restore this backup?</translation>
    </message>
    <message>
        <source>Your surveys, responses and settings will be replaced by the backup taken {when}.

Koe first backs up the data as it is now, so you can undo this by restoring that copy.</source>
        <translation>Your surveys, responses and settings will be replaced by the backup taken {when}.

Koe first backs up the data as it is now, so you can undo this by restoring that copy.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>Restored. The data as it was before is kept as {name}.</source>
        <translation>Restored. The data as it was before is kept as {name}.</translation>
    </message>
    <message>
        <source>Could not finish: {error}</source>
        <translation>Could not finish: {error}</translation>
    </message>
</context>
<context>
    <name>BigScreen</name>
    <message>
        <source>Leave big screen (Esc)</source>
        <translation>Leave big screen (Esc)</translation>
    </message>
    <message>
        <source>Latest comments</source>
        <translation>Latest comments</translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s)</source>
        <translation>
            <numerusform>%Ln answer</numerusform>
            <numerusform>%Ln answers</numerusform>
        </translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation>No comments yet.</translation>
    </message>
</context>
<context>
    <name>Branching</name>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>None of these</source>
        <translation>None of these</translation>
    </message>
    <message>
        <source> or </source>
        <translation> or </translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>(nothing chosen)</source>
        <translation>(nothing chosen)</translation>
    </message>
    <message>
        <source>Question %1 is shown only when question %2 is %3.</source>
        <translation>Question %1 is shown only when question %2 is %3.</translation>
    </message>
    <message>
        <source>Question %1: %2 ends the survey.</source>
        <translation>Question %1: %2 ends the survey.</translation>
    </message>
</context>
<context>
    <name>BranchingSection</name>
    <message>
        <source>End the survey after these answers:</source>
        <translation>End the survey after these answers:</translation>
    </message>
    <message>
        <source>Paths through the survey</source>
        <translation>Paths through the survey</translation>
    </message>
    <message>
        <source>Show this question only if:</source>
        <translation>Show this question only if:</translation>
    </message>
    <message>
        <source>Every respondent meets every question.</source>
        <translation>Every respondent meets every question.</translation>
    </message>
    <message>
        <source>Always show it</source>
        <translation>Always show it</translation>
    </message>
    <message>
        <source>(no wording yet)</source>
        <translation>(no wording yet)</translation>
    </message>
    <message>
        <source>Question %1 is answered: %2</source>
        <translation>Question %1 is answered: %2</translation>
    </message>
    <message>
        <source>A question that is no longer before this one</source>
        <translation>A question that is no longer before this one</translation>
    </message>
    <message>
        <source>Change when the question is shown</source>
        <translation>Change when the question is shown</translation>
    </message>
    <message>
        <source>Change what ends the survey</source>
        <translation>Change what ends the survey</translation>
    </message>
</context>
<context>
    <name>BreakdownChart</name>
    <message>
        <source>Breakdown</source>
        <translation>Breakdown</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
</context>
<context>
    <name>CampaignWizard</name>
    <message>
        <source>New campaign</source>
        <translation>New campaign</translation>
    </message>
    <message>
        <source>Create campaign</source>
        <translation>Create campaign</translation>
    </message>
    <message>
        <source>The campaign was not created: {error}</source>
        <translation>The campaign was not created: {error}</translation>
    </message>
</context>
<context>
    <name>ChannelCheck</name>
    <message>
        <source>Checking the channels…</source>
        <translation>Checking the channels…</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>{channel} (if an SMS fails)</source>
        <translation>{channel} (if an SMS fails)</translation>
    </message>
    <message>
        <source>The campaign cannot be queued until every channel can send.</source>
        <translation>The campaign cannot be queued until every channel can send.</translation>
    </message>
</context>
<context>
    <name>ChannelSettingsPanel</name>
    <message>
        <source>+15551234567, MyShop or MG…</source>
        <translation>+15551234567, MyShop or MG…</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>None (not recommended)</source>
        <translation>None (not recommended)</translation>
    </message>
    <message>
        <source>Send only to contacts who gave consent for the channel</source>
        <translation>Send only to contacts who gave consent for the channel</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Send a test SMS</source>
        <translation>Send a test SMS</translation>
    </message>
    <message>
        <source>Send a test email</source>
        <translation>Send a test email</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Save message settings</source>
        <translation>Save message settings</translation>
    </message>
    <message>
        <source>SMS (Twilio)</source>
        <translation>SMS (Twilio)</translation>
    </message>
    <message>
        <source>Account SID</source>
        <translation>Account SID</translation>
    </message>
    <message>
        <source>Auth token</source>
        <translation>Auth token</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>A From number in international form, an alphanumeric sender ID (up to 11 letters and digits, where the country allows it) or a Messaging Service SID.</source>
        <translation>A From number in international form, an alphanumeric sender ID (up to 11 letters and digits, where the country allows it) or a Messaging Service SID.</translation>
    </message>
    <message>
        <source>Messages per second</source>
        <translation>Messages per second</translation>
    </message>
    <message>
        <source>Price per segment</source>
        <translation>Price per segment</translation>
    </message>
    <message>
        <source>Test to</source>
        <translation>Test to</translation>
    </message>
    <message>
        <source>Email (SMTP)</source>
        <translation>Email (SMTP)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>From address</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>Postal address</translation>
    </message>
    <message>
        <source>Every email&apos;s footer names your business and this address, as Japanese law on commercial email and the large mailbox providers require.</source>
        <translation>Every email&apos;s footer names your business and this address, as Japanese law on commercial email and the large mailbox providers require.</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>No new survey after an answer for</source>
        <translation>No new survey after an answer for</translation>
    </message>
    <message>
        <source>… or after an unanswered invitation for</source>
        <translation>… or after an unanswered invitation for</translation>
    </message>
    <message>
        <source>Send only between</source>
        <translation>Send only between</translation>
    </message>
    <message>
        <source>In each contact&apos;s own time zone, within the 08:00–21:00 that US telemarketing law allows; other messages wait for the morning.</source>
        <translation>In each contact&apos;s own time zone, within the 08:00–21:00 that US telemarketing law allows; other messages wait for the morning.</translation>
    </message>
    <message>
        <source>Workspace time zone</source>
        <translation>Workspace time zone</translation>
    </message>
    <message>
        <source>The account SID starts with AC followed by 32 letters and digits.</source>
        <translation>The account SID starts with AC followed by 32 letters and digits.</translation>
    </message>
    <message>
        <source>The sender must be a number such as +15551234567, a sender ID of up to 11 letters and digits, or a Messaging Service SID (MG…).</source>
        <translation>The sender must be a number such as +15551234567, a sender ID of up to 11 letters and digits, or a Messaging Service SID (MG…).</translation>
    </message>
    <message>
        <source>The price per segment must be a number such as 0.0079.</source>
        <translation>The price per segment must be a number such as 0.0079.</translation>
    </message>
    <message>
        <source>The From address must be an email address.</source>
        <translation>The From address must be an email address.</translation>
    </message>
    <message>
        <source>The sending hours must start before they end.</source>
        <translation>The sending hours must start before they end.</translation>
    </message>
    <message>
        <source>Choose a time zone from the list, e.g. Asia/Tokyo.</source>
        <translation>Choose a time zone from the list, e.g. Asia/Tokyo.</translation>
    </message>
    <message>
        <source>The auth token and the password are kept in this computer&apos;s keyring.</source>
        <translation>The auth token and the password are kept in this computer&apos;s keyring.</translation>
    </message>
    <message>
        <source>This computer has no usable keyring (a safe place the system keeps passwords in), so Koe cannot store the auth token and the password there. Choose a passphrase to keep them in an encrypted file in the workspace instead; Koe asks for it once each time it starts.</source>
        <translation>This computer has no usable keyring (a safe place the system keeps passwords in), so Koe cannot store the auth token and the password there. Choose a passphrase to keep them in an encrypted file in the workspace instead; Koe asks for it once each time it starts.</translation>
    </message>
    <message>
        <source>The auth token and the password are in an encrypted file in the workspace. Enter the passphrase to unlock it.</source>
        <translation>The auth token and the password are in an encrypted file in the workspace. Enter the passphrase to unlock it.</translation>
    </message>
    <message>
        <source>Type a passphrase first.</source>
        <translation>Type a passphrase first.</translation>
    </message>
    <message>
        <source>The auth token and the password are kept in an encrypted file.</source>
        <translation>The auth token and the password are kept in an encrypted file.</translation>
    </message>
    <message>
        <source>Unlocked.</source>
        <translation>Unlocked.</translation>
    </message>
    <message>
        <source>That passphrase does not open the secrets file.</source>
        <translation>That passphrase does not open the secrets file.</translation>
    </message>
    <message>
        <source>Could not open the secrets file: {error}</source>
        <translation>Could not open the secrets file: {error}</translation>
    </message>
    <message>
        <source>Stored — type to replace</source>
        <translation>Stored — type to replace</translation>
    </message>
    <message>
        <source>Type where the test message should go.</source>
        <translation>Type where the test message should go.</translation>
    </message>
    <message>
        <source>Save the settings first: the test uses them.</source>
        <translation>Save the settings first: the test uses them.</translation>
    </message>
    <message>
        <source>Unlock the encrypted secrets file first: the test needs the password.</source>
        <translation>Unlock the encrypted secrets file first: the test needs the password.</translation>
    </message>
    <message>
        <source>Sending a test message…</source>
        <translation>Sending a test message…</translation>
    </message>
    <message>
        <source>The test message was sent to {to}. Check that it arrived.</source>
        <translation>The test message was sent to {to}. Check that it arrived.</translation>
    </message>
    <message>
        <source>The test message to {to} is with the sender; it goes shortly.</source>
        <translation>The test message to {to} is with the sender; it goes shortly.</translation>
    </message>
    <message>
        <source>It is not known whether the test message to {to} went: {error}</source>
        <translation>It is not known whether the test message to {to} went: {error}</translation>
    </message>
    <message>
        <source>The test message to {to} could not be sent: {error}</source>
        <translation>The test message to {to} could not be sent: {error}</translation>
    </message>
    <message>
        <source>The test message could not be sent: {error}</source>
        <translation>The test message could not be sent: {error}</translation>
    </message>
    <message>
        <source>Unlock the encrypted secrets file (or create it) before saving a password.</source>
        <translation>Unlock the encrypted secrets file (or create it) before saving a password.</translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation>Nothing to save.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>Could not save: {error}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>ChannelsPage</name>
    <message>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>How should the survey reach people?</source>
        <translation>How should the survey reach people?</translation>
    </message>
    <message>
        <source>SMS replies are not available for Japanese numbers: their messages carry an opt-out link instead of &apos;reply STOP&apos;.</source>
        <translation>SMS replies are not available for Japanese numbers: their messages carry an opt-out link instead of &apos;reply STOP&apos;.</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Left out</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>&apos;SMS, else email&apos; sends email to those without a usable mobile number.</source>
        <translation>&apos;SMS, else email&apos; sends email to those without a usable mobile number.</translation>
    </message>
    <message>
        <source>{included} of {total} will get the survey ({sms} by SMS, {email} by email); {left} left out.</source>
        <translation>{included} of {total} will get the survey ({sms} by SMS, {email} by email); {left} left out.</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>About %1 seconds to answer</source>
        <translation>About %1 seconds to answer</translation>
    </message>
    <message>
        <source>About a minute to answer</source>
        <translation>About a minute to answer</translation>
    </message>
    <message>
        <source>About %1 minutes to answer</source>
        <translation>About %1 minutes to answer</translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation>Rules…</translation>
    </message>
    <message>
        <source>Koe reviews the survey as you write it.</source>
        <translation>Koe reviews the survey as you write it.</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Problems: %1</source>
        <translation>Problems: %1</translation>
    </message>
    <message>
        <source>Warnings: %1</source>
        <translation>Warnings: %1</translation>
    </message>
    <message>
        <source>Suggestions: %1</source>
        <translation>Suggestions: %1</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>Nothing to fix: this survey follows best practice.</source>
        <translation>Nothing to fix: this survey follows best practice.</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Survey</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>Question %1</translation>
    </message>
</context>
<context>
    <name>CommentDetail</name>
    <message>
        <source>Add tag</source>
        <translation>Add tag</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>Remove tag</translation>
    </message>
    <message>
        <source>Follow-up of this answer</source>
        <translation>Follow-up of this answer</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Contacted</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>Nobody yet</translation>
    </message>
    <message>
        <source>Select a comment to see it whole, tag it or follow it up.</source>
        <translation>Select a comment to see it whole, tag it or follow it up.</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
</context>
<context>
    <name>CommentsModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>(no comment)</source>
        <translation>(no comment)</translation>
    </message>
</context>
<context>
    <name>CommentsPage</name>
    <message>
        <source>Comments</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>Search comments (価格, 対応, price…)</source>
        <translation>Search comments (価格, 対応, price…)</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>Tag keywords…</source>
        <translation>Tag keywords…</translation>
    </message>
    <message>
        <source>Follow-up tasks</source>
        <translation>Follow-up tasks</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>All surveys</source>
        <translation>All surveys</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>All tags</translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n comment</numerusform>
            <numerusform>%n comments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Follow-up tasks (%n open)</source>
        <translation>
            <numerusform>Follow-up tasks (%n open)</numerusform>
            <numerusform>Follow-up tasks (%n open)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n detractor response(s), with or without a comment</source>
        <translation>
            <numerusform>%n detractor response, with or without a comment</numerusform>
            <numerusform>%n detractor responses, with or without a comment</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>Edit contact</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <source>ヤマダ ハナコ (hiragana is fine too)</source>
        <translation>ヤマダ ハナコ (hiragana is fine too)</translation>
    </message>
    <message>
        <source>The reading of the name: the list sorts by it (五十音順).</source>
        <translation>The reading of the name: the list sorts by it (五十音順).</translation>
    </message>
    <message>
        <source>090-1234-5678 or +81 90 1234 5678</source>
        <translation>090-1234-5678 or +81 90 1234 5678</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Furigana</source>
        <translation>Furigana</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Other numbers
and addresses</source>
        <translation>Other numbers
and addresses</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Consent to receive surveys</source>
        <translation>Consent to receive surveys</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Opted out</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Consent recorded</source>
        <translation>Consent recorded</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation>Add attribute</translation>
    </message>
    <message>
        <source>Attributes (store, plan, time zone…)</source>
        <translation>Attributes (store, plan, time zone…)</translation>
    </message>
    <message>
        <source>Phone number: %1</source>
        <translation>Phone number: %1</translation>
    </message>
    <message>
        <source>Email address: %1</source>
        <translation>Email address: %1</translation>
    </message>
    <message>
        <source>A contact needs a phone number or an email address.</source>
        <translation>A contact needs a phone number or an email address.</translation>
    </message>
</context>
<context>
    <name>ContactExport</name>
    <message>
        <source>Exporting contacts to %1…</source>
        <translation>Exporting contacts to %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>Export contacts</translation>
    </message>
</context>
<context>
    <name>ContactImport</name>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Do not import</source>
        <translation>Do not import</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Family name</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Given name</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>Middle name</translation>
    </message>
    <message>
        <source>Label of a phone or email column</source>
        <translation>Label of a phone or email column</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Name (whole)</source>
        <translation>Name (whole)</translation>
    </message>
    <message>
        <source>Furigana (whole)</source>
        <translation>Furigana (whole)</translation>
    </message>
    <message>
        <source>Furigana of the family name</source>
        <translation>Furigana of the family name</translation>
    </message>
    <message>
        <source>Furigana of the given name</source>
        <translation>Furigana of the given name</translation>
    </message>
    <message>
        <source>Mobile phone (for SMS)</source>
        <translation>Mobile phone (for SMS)</translation>
    </message>
    <message>
        <source>Other phone</source>
        <translation>Other phone</translation>
    </message>
    <message>
        <source>Consent to SMS</source>
        <translation>Consent to SMS</translation>
    </message>
    <message>
        <source>Consent to email</source>
        <translation>Consent to email</translation>
    </message>
    <message>
        <source>Consent to SMS and email</source>
        <translation>Consent to SMS and email</translation>
    </message>
    <message>
        <source>Opted out of SMS</source>
        <translation>Opted out of SMS</translation>
    </message>
    <message>
        <source>Opted out of email</source>
        <translation>Opted out of email</translation>
    </message>
    <message>
        <source>Attributes (Koe&apos;s export)</source>
        <translation>Attributes (Koe&apos;s export)</translation>
    </message>
    <message>
        <source>Attribute (for segments)</source>
        <translation>Attribute (for segments)</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>email</source>
        <translation>email</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 (no SMS)</source>
        <translation>%1 (no SMS)</translation>
    </message>
    <message>
        <source>SMS: no (opt-out)</source>
        <translation>SMS: no (opt-out)</translation>
    </message>
    <message>
        <source>SMS: yes</source>
        <translation>SMS: yes</translation>
    </message>
    <message>
        <source>Email: no (opt-out)</source>
        <translation>Email: no (opt-out)</translation>
    </message>
    <message>
        <source>Email: yes</source>
        <translation>Email: yes</translation>
    </message>
    <message>
        <source>Row not imported: %1</source>
        <comment>after the import</comment>
        <translation>Row not imported: %1</translation>
    </message>
    <message>
        <source>Row not imported: %1</source>
        <translation>Row not imported: %1</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
</context>
<context>
    <name>ContactImportDialog</name>
    <message>
        <source>Import contacts</source>
        <translation>Import contacts</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nothing is saved until the whole file is imported.</source>
        <translation>Nothing is saved until the whole file is imported.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was saved.</source>
        <translation>Import cancelled: nothing was saved.</translation>
    </message>
    <message>
        <source>The import failed and nothing was saved: %1</source>
        <translation>The import failed and nothing was saved: %1</translation>
    </message>
    <message>
        <source>Rows not imported: %1. The reasons are below.</source>
        <translation>Rows not imported: %1. The reasons are below.</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Save report…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>Report saved to %1</translation>
    </message>
    <message>
        <source>The report could not be saved: %1</source>
        <translation>The report could not be saved: %1</translation>
    </message>
    <message>
        <source>Importing… %1 of %2 rows</source>
        <translation>Importing… %1 of %2 rows</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>Choose another file…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>Nothing is imported yet.</source>
        <translation>Nothing is imported yet.</translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2</source>
        <translation>%1 cannot be imported: %2</translation>
    </message>
    <message>
        <source>Checking every row of %1…</source>
        <translation>Checking every row of %1…</translation>
    </message>
    <message>
        <source>Nothing is imported yet: you see the result before anything is saved.</source>
        <translation>Nothing is imported yet: you see the result before anything is saved.</translation>
    </message>
    <message>
        <source>Import %1 contacts</source>
        <translation>Import %1 contacts</translation>
    </message>
    <message>
        <source>Import 1 contact</source>
        <translation>Import 1 contact</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <source>Contacts added: %1. Updated: %2. Rows merged into another: %3.</source>
        <translation>Contacts added: %1. Updated: %2. Rows merged into another: %3.</translation>
    </message>
    <message>
        <source>Consent recorded: SMS %1, email %2. Opt-outs recorded: SMS %3, email %4.</source>
        <translation>Consent recorded: SMS %1, email %2. Opt-outs recorded: SMS %3, email %4.</translation>
    </message>
    <message>
        <source>%1 people who say yes in the file had opted out before: their opt-out stays.</source>
        <translation>%1 people who say yes in the file had opted out before: their opt-out stays.</translation>
    </message>
    <message>
        <source>…and %1 more: “Save report…” lists them all.</source>
        <translation>…and %1 more: “Save report…” lists them all.</translation>
    </message>
    <message>
        <source>Checking… %1 of %2 rows</source>
        <translation>Checking… %1 of %2 rows</translation>
    </message>
    <message>
        <source>Preview cancelled. Nothing was imported.</source>
        <translation>Preview cancelled. Nothing was imported.</translation>
    </message>
    <message>
        <source>The file could not be checked: %1</source>
        <translation>The file could not be checked: %1</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <source>Opted out</source>
        <translation>Opted out</translation>
    </message>
    <message>
        <source>Opted out (%1)</source>
        <translation>Opted out (%1)</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>Landline</translation>
    </message>
    <message>
        <source>A landline: it cannot receive SMS.</source>
        <translation>A landline: it cannot receive SMS.</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>No consent</translation>
    </message>
    <message>
        <source>No consent recorded for this channel.</source>
        <translation>No consent recorded for this channel.</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Consent: %1, %2</source>
        <translation>Consent: %1, %2</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>imported</translation>
    </message>
    <message>
        <source>given on a form</source>
        <translation>given on a form</translation>
    </message>
    <message>
        <source>recorded by hand</source>
        <translation>recorded by hand</translation>
    </message>
    <message>
        <source>by the unsubscribe link</source>
        <translation>by the unsubscribe link</translation>
    </message>
    <message>
        <source>by reply</source>
        <translation>by reply</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Email consent</source>
        <translation>Email consent</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attributes</translation>
    </message>
    <message>
        <source>SMS go to this number.</source>
        <translation>SMS go to this number.</translation>
    </message>
    <message>
        <source>Also %1 (no SMS)</source>
        <translation>Also %1 (no SMS)</translation>
    </message>
    <message>
        <source>Also %1</source>
        <translation>Also %1</translation>
    </message>
    <message>
        <source>Furigana</source>
        <translation>Furigana</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Could not read the contacts: %1</source>
        <translation>Could not read the contacts: %1</translation>
    </message>
    <message>
        <source>Search name, phone, email or attribute</source>
        <translation>Search name, phone, email or attribute</translation>
    </message>
    <message>
        <source>New segment…</source>
        <translation>New segment…</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>Segment:</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>Import contacts…</translation>
    </message>
    <message>
        <source>No contacts yet</source>
        <translation>No contacts yet</translation>
    </message>
    <message>
        <source>Import your customers from a CSV or Excel file: Koe reads files saved by Japanese Excel, proposes which column is the name, phone and email, and keeps the other columns (store, plan…) for segments. Or add a contact by hand.</source>
        <translation>Import your customers from a CSV or Excel file: Koe reads files saved by Japanese Excel, proposes which column is the name, phone and email, and keeps the other columns (store, plan…) for segments. Or add a contact by hand.</translation>
    </message>
    <message>
        <source>Add a contact</source>
        <translation>Add a contact</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Add contact…</source>
        <translation>Add contact…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>SMS consent</source>
        <translation>SMS consent</translation>
    </message>
    <message>
        <source>Email consent</source>
        <translation>Email consent</translation>
    </message>
    <message>
        <source>No consent recorded</source>
        <translation>No consent recorded</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Opted out</translation>
    </message>
    <message>
        <source>Landlines (no SMS)</source>
        <translation>Landlines (no SMS)</translation>
    </message>
    <message>
        <source>Matching contacts: %1</source>
        <translation>Matching contacts: %1</translation>
    </message>
    <message>
        <source>Contacts: %1</source>
        <translation>Contacts: %1</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>All contacts</translation>
    </message>
    <message>
        <source>Edit segment…</source>
        <translation>Edit segment…</translation>
    </message>
    <message>
        <source>“%1” saved.</source>
        <translation>“%1” saved.</translation>
    </message>
    <message>
        <source>Another contact already has this phone number.</source>
        <translation>Another contact already has this phone number.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>“%1” and their personal data were deleted.</source>
        <translation>“%1” and their personal data were deleted.</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Not deleted: %1</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Import contacts</translation>
    </message>
    <message>
        <source>Contact lists (*.csv *.txt *.tsv *.xlsx)</source>
        <translation>Contact lists (*.csv *.txt *.tsv *.xlsx)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>Delete contact</translation>
    </message>
    <message>
        <source>Delete “%1” and all their personal data?</source>
        <translation>Delete “%1” and all their personal data?</translation>
    </message>
    <message>
        <source>Their name, phone number, email address, attributes, consent and opt-outs are deleted, and their address is removed from messages already sent. Their answers to surveys stay, as anonymous answers. This cannot be undone.</source>
        <translation>Their name, phone number, email address, attributes, consent and opt-outs are deleted, and their address is removed from messages already sent. Their answers to surveys stay, as anonymous answers. This cannot be undone.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>contacts %1.csv</source>
        <translation>contacts %1.csv</translation>
    </message>
    <message>
        <source>%1 contacts exported to %2</source>
        <translation>%1 contacts exported to %2</translation>
    </message>
    <message>
        <source>The contacts could not be exported: %1</source>
        <translation>The contacts could not be exported: %1</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>Export cancelled: no file was written.</translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>Export contacts</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
</context>
<context>
    <name>DashboardChart</name>
    <message>
        <source>Save as PNG…</source>
        <translation>Save as PNG…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Save chart</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
</context>
<context>
    <name>Designer</name>
    <message>
        <source>Recommend score (NPS, 0–10)</source>
        <translation>Recommend score (NPS, 0–10)</translation>
    </message>
    <message>
        <source>Satisfaction (CSAT, 1–5)</source>
        <translation>Satisfaction (CSAT, 1–5)</translation>
    </message>
    <message>
        <source>Effort (CES, 1–7)</source>
        <translation>Effort (CES, 1–7)</translation>
    </message>
    <message>
        <source>Star rating (1–5)</source>
        <translation>Star rating (1–5)</translation>
    </message>
    <message>
        <source>Thumbs up or down</source>
        <translation>Thumbs up or down</translation>
    </message>
    <message>
        <source>Smiley faces</source>
        <translation>Smiley faces</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>Single choice</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>Multiple choice</translation>
    </message>
    <message>
        <source>Short text answer</source>
        <translation>Short text answer</translation>
    </message>
    <message>
        <source>Long text answer</source>
        <translation>Long text answer</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>CSAT</translation>
    </message>
    <message>
        <source>CES</source>
        <translation>CES</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>Stars</translation>
    </message>
    <message>
        <source>Thumbs</source>
        <translation>Thumbs</translation>
    </message>
    <message>
        <source>Smiley</source>
        <translation>Smiley</translation>
    </message>
    <message>
        <source>Short text</source>
        <translation>Short text</translation>
    </message>
    <message>
        <source>Long text</source>
        <translation>Long text</translation>
    </message>
    <message>
        <source>Promoters (%1)</source>
        <translation>Promoters (%1)</translation>
    </message>
    <message>
        <source>Passives (%1)</source>
        <translation>Passives (%1)</translation>
    </message>
    <message>
        <source>Detractors (%1)</source>
        <translation>Detractors (%1)</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>DesignerPage</name>
    <message>
        <source>Back to surveys</source>
        <translation>Back to surveys</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Add question</source>
        <translation>Add question</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Survey settings</source>
        <translation>Survey settings</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Add a question</source>
        <translation>Add a question</translation>
    </message>
    <message>
        <source>No questions yet</source>
        <translation>No questions yet</translation>
    </message>
    <message>
        <source>Start with the one question you most need answered. Koe reviews each question as you write it.</source>
        <translation>Start with the one question you most need answered. Koe reviews each question as you write it.</translation>
    </message>
    <message>
        <source>The survey could not be opened: %1</source>
        <translation>The survey could not be opened: %1</translation>
    </message>
    <message>
        <source>Untitled survey</source>
        <translation>Untitled survey</translation>
    </message>
    <message>
        <source>Duplicate question</source>
        <translation>Duplicate question</translation>
    </message>
    <message>
        <source>Delete question</source>
        <translation>Delete question</translation>
    </message>
    <message>
        <source>Move question</source>
        <translation>Move question</translation>
    </message>
    <message>
        <source>Not saved: %1 Your changes are kept here; undo or change them to save.</source>
        <translation>Not saved: %1 Your changes are kept here; undo or change them to save.</translation>
    </message>
    <message>
        <source>Why is there no grid question?</source>
        <translation>Why is there no grid question?</translation>
    </message>
    <message>
        <source>Open: respondents see each change once it is saved</source>
        <translation>Open: respondents see each change once it is saved</translation>
    </message>
    <message>
        <source>Add the new wording as a new question</source>
        <translation>Add the new wording as a new question</translation>
    </message>
</context>
<context>
    <name>DesignerPrompts</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Your latest changes could not be saved.</source>
        <translation>Your latest changes could not be saved.</translation>
    </message>
    <message>
        <source>Stay to change them so they can be saved, or leave and lose them.</source>
        <translation>Stay to change them so they can be saved, or leave and lose them.</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Stay</translation>
    </message>
</context>
<context>
    <name>DesignerToolbar</name>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>DetractorAlerts</name>
    <message numerus="yes">
        <source>%n detractor(s) answered.</source>
        <translation>
            <numerusform>%n detractor answered.</numerusform>
            <numerusform>%n detractors answered.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message numerus="yes">
        <source>See them on the Comments page.</source>
        <translation>
            <numerusform>See it on the Comments page.</numerusform>
            <numerusform>See them on the Comments page.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>one sentence after another</comment>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n dissatisfied answer(s) came in.</source>
        <translation>
            <numerusform>%n dissatisfied answer came in.</numerusform>
            <numerusform>%n dissatisfied answers came in.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) found it difficult.</source>
        <translation>
            <numerusform>%n answer found it difficult.</numerusform>
            <numerusform>%n answers found it difficult.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thumbs-down answer(s) came in.</source>
        <translation>
            <numerusform>%n thumbs-down answer came in.</numerusform>
            <numerusform>%n thumbs-down answers came in.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) with a low score came in.</source>
        <translation>
            <numerusform>%n answer with a low score came in.</numerusform>
            <numerusform>%n answers with a low score came in.</numerusform>
        </translation>
    </message>
    <message>
        <source>A dissatisfied answer came in.</source>
        <translation>A dissatisfied answer came in.</translation>
    </message>
    <message>
        <source>A thumbs-down answer came in.</source>
        <translation>A thumbs-down answer came in.</translation>
    </message>
    <message>
        <source>An answer with a low score came in.</source>
        <translation>An answer with a low score came in.</translation>
    </message>
    <message>
        <source>A detractor answered: %1 out of %2.</source>
        <translation>A detractor answered: %1 out of %2.</translation>
    </message>
    <message>
        <source>A dissatisfied answer came in: %1 out of %2.</source>
        <translation>A dissatisfied answer came in: %1 out of %2.</translation>
    </message>
    <message>
        <source>An answer found it difficult: %1 out of %2.</source>
        <translation>An answer found it difficult: %1 out of %2.</translation>
    </message>
    <message>
        <source>Koe: a low score came in</source>
        <translation>Koe: a low score came in</translation>
    </message>
</context>
<context>
    <name>DigestPanel</name>
    <message>
        <source>Email the owners a weekly digest</source>
        <translation>Email the owners a weekly digest</translation>
    </message>
    <message>
        <source>:00</source>
        <translation>:00</translation>
    </message>
    <message>
        <source>No owner has an email address yet: add one under Acting on answers.</source>
        <translation>No owner has an email address yet: add one under Acting on answers.</translation>
    </message>
    <message>
        <source>Send a digest now</source>
        <translation>Send a digest now</translation>
    </message>
    <message>
        <source>Preview to</source>
        <translation>Preview to</translation>
    </message>
    <message>
        <source>Weekly digest</source>
        <translation>Weekly digest</translation>
    </message>
    <message>
        <source>Each week: the score and its interval against the week before, the trend, new low scores, open follow-ups and the top tags, by email.</source>
        <translation>Each week: the score and its interval against the week before, the trend, new low scores, open follow-ups and the top tags, by email.</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>Surveys</translation>
    </message>
    <message>
        <source>Tick the surveys to report on; with none ticked, every open survey.</source>
        <translation>Tick the surveys to report on; with none ticked, every open survey.</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>No email server is set up (Messages above): no digest can go.</source>
        <translation>No email server is set up (Messages above): no digest can go.</translation>
    </message>
    <message>
        <source>No digest has gone yet.</source>
        <translation>No digest has gone yet.</translation>
    </message>
    <message>
        <source>The digest of the week to %1 went to %2 owner(s).</source>
        <translation>The digest of the week to %1 went to %2 owner(s).</translation>
    </message>
    <message>
        <source>Switched on in the week to %1: the first digest goes next time.</source>
        <translation>Switched on in the week to %1: the first digest goes next time.</translation>
    </message>
    <message>
        <source>The digest of the week to %1 did not go: no owner has an email address.</source>
        <translation>The digest of the week to %1 did not go: no owner has an email address.</translation>
    </message>
    <message>
        <source>The digest of the week to %1 did not go: no email server was set up.</source>
        <translation>The digest of the week to %1 did not go: no email server was set up.</translation>
    </message>
    <message>
        <source>A digest to %1 is in the outbox: it leaves within a minute.</source>
        <translation>A digest to %1 is in the outbox: it leaves within a minute.</translation>
    </message>
</context>
<context>
    <name>DistributionChart</name>
    <message>
        <source>Detractors (0–6)</source>
        <translation>Detractors (0–6)</translation>
    </message>
    <message>
        <source>Passives (7–8)</source>
        <translation>Passives (7–8)</translation>
    </message>
    <message>
        <source>Promoters (9–10)</source>
        <translation>Promoters (9–10)</translation>
    </message>
    <message>
        <source>Not satisfied (1–3)</source>
        <translation>Not satisfied (1–3)</translation>
    </message>
    <message>
        <source>Satisfied (4–5)</source>
        <translation>Satisfied (4–5)</translation>
    </message>
    <message>
        <source>Disagree or neutral (1–4)</source>
        <translation>Disagree or neutral (1–4)</translation>
    </message>
    <message>
        <source>Agree: easy (5–7)</source>
        <translation>Agree: easy (5–7)</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Answers</translation>
    </message>
</context>
<context>
    <name>EmailWords</name>
    <message>
        <source>An email address must have an @-sign.</source>
        <translation>An email address must have an @-sign.</translation>
    </message>
    <message>
        <source>There must be something before the @-sign.</source>
        <translation>There must be something before the @-sign.</translation>
    </message>
    <message>
        <source>There must be something after the @-sign.</source>
        <translation>There must be something after the @-sign.</translation>
    </message>
    <message>
        <source>An email address cannot have two periods in a row.</source>
        <translation>An email address cannot have two periods in a row.</translation>
    </message>
    <message>
        <source>The part after the @-sign must have a period (example.com).</source>
        <translation>The part after the @-sign must have a period (example.com).</translation>
    </message>
    <message>
        <source>The part after the @-sign does not end in a real domain.</source>
        <translation>The part after the @-sign does not end in a real domain.</translation>
    </message>
    <message>
        <source>The address has a full-width ＠: type it as a half-width @.</source>
        <translation>The address has a full-width ＠: type it as a half-width @.</translation>
    </message>
    <message>
        <source>The part before the @-sign has characters an address cannot have.</source>
        <translation>The part before the @-sign has characters an address cannot have.</translation>
    </message>
    <message>
        <source>An email address cannot start with a period.</source>
        <translation>An email address cannot start with a period.</translation>
    </message>
    <message>
        <source>An email address cannot have a period just before the @-sign.</source>
        <translation>An email address cannot have a period just before the @-sign.</translation>
    </message>
    <message>
        <source>An email address cannot end with a period.</source>
        <translation>An email address cannot end with a period.</translation>
    </message>
    <message>
        <source>The part after the @-sign has characters an address cannot have.</source>
        <translation>The part after the @-sign has characters an address cannot have.</translation>
    </message>
    <message>
        <source>This is not an email address as written ({detail}).</source>
        <translation>This is not an email address as written ({detail}).</translation>
    </message>
</context>
<context>
    <name>EmbedPanel</name>
    <message>
        <source>Websites that may show your surveys</source>
        <translation>Websites that may show your surveys</translation>
    </message>
    <message>
        <source>Save websites</source>
        <translation>Save websites</translation>
    </message>
    <message>
        <source>Embedding on your website</source>
        <translation>Embedding on your website</translation>
    </message>
    <message>
        <source>To show a survey inside a page of your own website, list the website&apos;s address here (one per line, starting with https://), then use Copy embed code on the Surveys page. Other websites cannot show your surveys.</source>
        <translation>To show a survey inside a page of your own website, list the website&apos;s address here (one per line, starting with https://), then use Copy embed code on the Surveys page. Other websites cannot show your surveys.</translation>
    </message>
    <message>
        <source>Not saved: “%1” is not a website address like https://www.example.com.</source>
        <translation>Not saved: “%1” is not a website address like https://www.example.com.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Saved: no website may show your surveys.</source>
        <translation>Saved: no website may show your surveys.</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Something unexpected went wrong: {error}</source>
        <translation>Something unexpected went wrong: {error}</translation>
    </message>
    <message>
        <source>The details were written to {path}. If this keeps happening, send that file to whoever supports your Koe.</source>
        <translation>The details were written to {path}. If this keeps happening, send that file to whoever supports your Koe.</translation>
    </message>
</context>
<context>
    <name>EscalationDialog</name>
    <message>
        <source>Escalation rules</source>
        <translation>Escalation rules</translation>
    </message>
    <message>
        <source>A rule hands an answer to a person: it puts a follow-up task with an owner on the task list. Each answer or unanswered invitation makes one task at most.</source>
        <translation>A rule hands an answer to a person: it puts a follow-up task with an owner on the task list. Each answer or unanswered invitation makes one task at most.</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>New rule</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>Remove rule</translation>
    </message>
    <message>
        <source>A detractor answers</source>
        <translation>A detractor answers</translation>
    </message>
    <message>
        <source>An answer chooses an option</source>
        <translation>An answer chooses an option</translation>
    </message>
    <message>
        <source>A key customer does not answer after the last reminder</source>
        <translation>A key customer does not answer after the last reminder</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Also for answers already in</source>
        <translation>Also for answers already in</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Surveys (none ticked: all)</source>
        <translation>Surveys (none ticked: all)</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>Option</translation>
    </message>
    <message>
        <source>Wait after the last message</source>
        <translation>Wait after the last message</translation>
    </message>
    <message>
        <source>Important segments</source>
        <translation>Important segments</translation>
    </message>
    <message>
        <source>Task goes to</source>
        <translation>Task goes to</translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation>Save rule</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>an option (its question)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Detractor</source>
        <translation>Detractor</translation>
    </message>
    <message numerus="yes">
        <source>No answer after %n day(s)</source>
        <translation>
            <numerusform>No answer after %n day</numerusform>
            <numerusform>No answer after %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>all surveys</source>
        <translation>all surveys</translation>
    </message>
    <message numerus="yes">
        <source>%n survey(s)</source>
        <translation>
            <numerusform>%n survey</numerusform>
            <numerusform>%n surveys</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2) → %3</source>
        <translation>%1 (%2) → %3</translation>
    </message>
    <message>
        <source>Choose the owner who gets this rule&apos;s tasks.</source>
        <translation>Choose the owner who gets this rule&apos;s tasks.</translation>
    </message>
    <message>
        <source>No survey has a choice question yet: add one, then choose its option.</source>
        <translation>No survey has a choice question yet: add one, then choose its option.</translation>
    </message>
    <message>
        <source>Mark at least one segment as important: its contacts are the key ones.</source>
        <translation>Mark at least one segment as important: its contacts are the key ones.</translation>
    </message>
</context>
<context>
    <name>EventsFolderRow</name>
    <message>
        <source>Choose folder…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>Stop watching</source>
        <translation>Stop watching</translation>
    </message>
    <message>
        <source>Customer events are read from {folder}</source>
        <translation>Customer events are read from {folder}</translation>
    </message>
    <message>
        <source>No events folder: choose one where your till or a spreadsheet saves CSV files of customer events.</source>
        <translation>No events folder: choose one where your till or a spreadsheet saves CSV files of customer events.</translation>
    </message>
    <message>
        <source>Not read: {detail}</source>
        <translation>Not read: {detail}</translation>
    </message>
    <message>
        <source>Read: {name}</source>
        <translation>Read: {name}</translation>
    </message>
    <message>
        <source>Events folder</source>
        <translation>Events folder</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>CSV (responses and codebook)</source>
        <translation>CSV (responses and codebook)</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>PDF report</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>UTF-8 with BOM (for Japanese Excel)</source>
        <translation>UTF-8 with BOM (for Japanese Excel)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Save chart image…</source>
        <translation>Save chart image…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Export to</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Choose a file to export to.</translation>
    </message>
    <message numerus="yes">
        <source>%n response(s) exported to %1</source>
        <translation>
            <numerusform>%n response exported to %1</numerusform>
            <numerusform>%n responses exported to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>The export failed: %1</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln response(s)</source>
        <translation>
            <numerusform>%1 of %Ln response</numerusform>
            <numerusform>%1 of %Ln responses</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Save chart image</source>
        <translation>Save chart image</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>Chart saved to %1</source>
        <translation>Chart saved to %1</translation>
    </message>
</context>
<context>
    <name>FiltersBar</name>
    <message>
        <source>All time</source>
        <translation>All time</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Link or QR code</source>
        <translation>Link or QR code</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>Segment:</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Channel:</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>Campaign:</translation>
    </message>
    <message>
        <source>All surveys of this kind</source>
        <translation>All surveys of this kind</translation>
    </message>
    <message>
        <source>Count the answers of every survey with the same kind of score together</source>
        <translation>Count the answers of every survey with the same kind of score together</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>All contacts</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>All campaigns</translation>
    </message>
</context>
<context>
    <name>FindingCard</name>
    <message>
        <source>Why?</source>
        <translation>Why?</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Turn off</translation>
    </message>
    <message>
        <source>Turn this rule off for this survey</source>
        <translation>Turn this rule off for this survey</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Go to the question</source>
        <translation>Go to the question</translation>
    </message>
    <message>
        <source>Why this rule?</source>
        <translation>Why this rule?</translation>
    </message>
</context>
<context>
    <name>FollowUpSection</name>
    <message>
        <source>Follows up on:</source>
        <translation>Follows up on:</translation>
    </message>
    <message>
        <source>Nothing: asked as it is</source>
        <translation>Nothing: asked as it is</translation>
    </message>
    <message>
        <source>(no wording yet)</source>
        <translation>(no wording yet)</translation>
    </message>
    <message>
        <source>A question that is no longer before this one</source>
        <translation>A question that is no longer before this one</translation>
    </message>
    <message>
        <source>Ask everyone</source>
        <translation>Ask everyone</translation>
    </message>
    <message>
        <source>Ask only:</source>
        <translation>Ask only:</translation>
    </message>
    <message>
        <source>Wording by score</source>
        <translation>Wording by score</translation>
    </message>
    <message>
        <source>Optional. Left empty, a group sees the question&apos;s own wording.</source>
        <translation>Optional. Left empty, a group sees the question&apos;s own wording.</translation>
    </message>
    <message>
        <source>Same as the question</source>
        <translation>Same as the question</translation>
    </message>
    <message>
        <source>Change follow-up</source>
        <translation>Change follow-up</translation>
    </message>
    <message>
        <source>Change who is asked</source>
        <translation>Change who is asked</translation>
    </message>
    <message>
        <source>Edit wording by score</source>
        <translation>Edit wording by score</translation>
    </message>
</context>
<context>
    <name>FollowUpSettingsPanel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email (optional)</source>
        <translation>Email (optional)</translation>
    </message>
    <message>
        <source>Add owner</source>
        <translation>Add owner</translation>
    </message>
    <message>
        <source>Remove owner</source>
        <translation>Remove owner</translation>
    </message>
    <message>
        <source>Email each alert to the owners</source>
        <translation>Email each alert to the owners</translation>
    </message>
    <message>
        <source>Email alerts from the public host while this computer is off</source>
        <translation>Email alerts from the public host while this computer is off</translation>
    </message>
    <message>
        <source>Send follow-up messages automatically</source>
        <translation>Send follow-up messages automatically</translation>
    </message>
    <message>
        <source>Save acting-on-answers settings</source>
        <translation>Save acting-on-answers settings</translation>
    </message>
    <message>
        <source>The people a detractor&apos;s follow-up can be given to, on the Comments page. An email address lets them receive alerts.</source>
        <translation>The people a detractor&apos;s follow-up can be given to, on the Comments page. An email address lets them receive alerts.</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>Owners</translation>
    </message>
    <message>
        <source>NPS score</source>
        <translation>NPS score</translation>
    </message>
    <message>
        <source>CSAT score</source>
        <translation>CSAT score</translation>
    </message>
    <message>
        <source>CES score</source>
        <translation>CES score</translation>
    </message>
    <message>
        <source>Email alerts</source>
        <translation>Email alerts</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>Texts</translation>
    </message>
    <message>
        <source>Acting on answers</source>
        <translation>Acting on answers</translation>
    </message>
    <message>
        <source>Detractor alerts</source>
        <translation>Detractor alerts</translation>
    </message>
    <message>
        <source>A low score shows a banner in Koe and a system notification, within a minute of the answer.</source>
        <translation>A low score shows a banner in Koe and a system notification, within a minute of the answer.</translation>
    </message>
    <message>
        <source>Automatic follow-ups</source>
        <translation>Automatic follow-ups</translation>
    </message>
    <message>
        <source>Every owner with an email</source>
        <translation>Every owner with an email</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>Only %1</translation>
    </message>
    <message>
        <source>Give the owner of %1 a name.</source>
        <translation>Give the owner of %1 a name.</translation>
    </message>
    <message>
        <source>Two owners are called %1.</source>
        <translation>Two owners are called %1.</translation>
    </message>
    <message>
        <source>“%1” is not an email address. Correct it, or leave it empty.</source>
        <translation>“%1” is not an email address. Correct it, or leave it empty.</translation>
    </message>
    <message>
        <source>Not saved: correct the owners&apos; list.</source>
        <translation>Not saved: correct the owners&apos; list.</translation>
    </message>
    <message>
        <source>Not saved: correct the follow-up texts.</source>
        <translation>Not saved: correct the follow-up texts.</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>Unsaved changes.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Alert when an NPS score (0–10) is %1 or lower.</source>
        <translation>Alert when an NPS score (0–10) is %1 or lower.</translation>
    </message>
    <message>
        <source>Alert when a CSAT score (1–5) is %1 or lower.</source>
        <translation>Alert when a CSAT score (1–5) is %1 or lower.</translation>
    </message>
    <message>
        <source>Alert when a CES score (1–7, 7 = easiest) is %1 or lower.</source>
        <translation>Alert when a CES score (1–7, 7 = easiest) is %1 or lower.</translation>
    </message>
    <message>
        <source>Emails need an email server: set up SMTP under Messages (SMS and email) above. The banner and the notification work without it.</source>
        <translation>Emails need an email server: set up SMTP under Messages (SMS and email) above. The banner and the notification work without it.</translation>
    </message>
    <message>
        <source>No owner has an email address yet: add one to the owners above.</source>
        <translation>No owner has an email address yet: add one to the owners above.</translation>
    </message>
    <message>
        <source>Sent through the outbox, once per answer.</source>
        <translation>Sent through the outbox, once per answer.</translation>
    </message>
    <message>
        <source>After each answer through a personal link (SMS or email): promoters are thanked and offered your referral link, passives thanked and invited to talk, detractors told that someone will be in touch. Opt-outs and consent are respected; each answer is followed up once.</source>
        <translation>After each answer through a personal link (SMS or email): promoters are thanked and offered your referral link, passives thanked and invited to talk, detractors told that someone will be in touch. Opt-outs and consent are respected; each answer is followed up once.</translation>
    </message>
    <message>
        <source>No referral link is set (Thank-you page below): promoters get no message until there is one.</source>
        <translation>No referral link is set (Thank-you page below): promoters get no message until there is one.</translation>
    </message>
    <message>
        <source>Needs a public host (set one up above). Without one, alert emails are sent while Koe is open.</source>
        <translation>Needs a public host (set one up above). Without one, alert emails are sent while Koe is open.</translation>
    </message>
    <message>
        <source>The public host has an email server for alerts. Each alert is emailed once, by the host or by this computer.</source>
        <translation>The public host has an email server for alerts. Each alert is emailed once, by the host or by this computer.</translation>
    </message>
    <message>
        <source>The public host has no email server yet: whoever runs it adds one with “main.py alert-email” (docs/deploy.md). Until then, alert emails are sent from this computer at the next sync.</source>
        <translation>The public host has no email server yet: whoever runs it adds one with “main.py alert-email” (docs/deploy.md). Until then, alert emails are sent from this computer at the next sync.</translation>
    </message>
    <message>
        <source>The public host cannot open its secrets file (its passphrase is missing or wrong). Until it can, alert emails are sent from this computer at the next sync.</source>
        <translation>The public host cannot open its secrets file (its passphrase is missing or wrong). Until it can, alert emails are sent from this computer at the next sync.</translation>
    </message>
    <message>
        <source>Known after the next sync with the public host. The host needs an email server of its own (docs/deploy.md); without one, alert emails are sent from this computer at the next sync.</source>
        <translation>Known after the next sync with the public host. The host needs an email server of its own (docs/deploy.md); without one, alert emails are sent from this computer at the next sync.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>Could not save: {error}</translation>
    </message>
</context>
<context>
    <name>FollowUpTextsEditor</name>
    <message>
        <source>Promoters (thanked, offered the referral link)</source>
        <translation>Promoters (thanked, offered the referral link)</translation>
    </message>
    <message>
        <source>Passives (thanked, invited to talk)</source>
        <translation>Passives (thanked, invited to talk)</translation>
    </message>
    <message>
        <source>Detractors (told someone will be in touch)</source>
        <translation>Detractors (told someone will be in touch)</translation>
    </message>
    <message>
        <source>Use Koe&apos;s text</source>
        <translation>Use Koe&apos;s text</translation>
    </message>
    <message>
        <source>Email subject</source>
        <translation>Email subject</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Reply page</source>
        <translation>Reply page</translation>
    </message>
    <message>
        <source>{name}, {company}, {referral} (your referral link) and {reply} (how the customer can answer a person) are filled in per person. {reply} says “reply to this message” where that reaches you (email, or an SMS to your own number outside Japan), else points to the reply page: your contact page, LINE account or form. Without one, passives who cannot reply get no message.</source>
        <translation>{name}, {company}, {referral} (your referral link) and {reply} (how the customer can answer a person) are filled in per person. {reply} says “reply to this message” where that reaches you (email, or an SMS to your own number outside Japan), else points to the reply page: your contact page, LINE account or form. Without one, passives who cannot reply get no message.</translation>
    </message>
    <message>
        <source>promoters</source>
        <translation>promoters</translation>
    </message>
    <message>
        <source>passives</source>
        <translation>passives</translation>
    </message>
    <message>
        <source>detractors</source>
        <translation>detractors</translation>
    </message>
    <message>
        <source>The %1 text for %2</source>
        <translation>The %1 text for %2</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 is empty.</translation>
    </message>
    <message>
        <source>%1 has %2, which is not a placeholder.</source>
        <translation>%1 has %2, which is not a placeholder.</translation>
    </message>
    <message>
        <source>%1 needs %2.</source>
        <translation>%1 needs %2.</translation>
    </message>
    <message>
        <source>The reply page must be a web address (https://…).</source>
        <translation>The reply page must be a web address (https://…).</translation>
    </message>
    <message>
        <source>SMS to a Japanese number</source>
        <translation>SMS to a Japanese number</translation>
    </message>
    <message>
        <source>SMS to a number outside Japan</source>
        <translation>SMS to a number outside Japan</translation>
    </message>
    <message>
        <source>not sent: nobody can answer it and there is no reply page.</source>
        <translation>not sent: nobody can answer it and there is no reply page.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2 characters, %n segment(s))</source>
        <translation>
            <numerusform>%1 (%2 characters, %n segment)</numerusform>
            <numerusform>%1 (%2 characters, %n segments)</numerusform>
        </translation>
    </message>
    <message>
        <source>— more than two segments: costs more, may arrive split.</source>
        <translation>— more than two segments: costs more, may arrive split.</translation>
    </message>
    <message>
        <source>Email: %1</source>
        <translation>Email: %1</translation>
    </message>
</context>
<context>
    <name>FunnelChart</name>
    <message>
        <source>Response rate by channel</source>
        <translation>Response rate by channel</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Email: delivery is not reported (a mail server cannot confirm it)</source>
        <translation>Email: delivery is not reported (a mail server cannot confirm it)</translation>
    </message>
</context>
<context>
    <name>HeadlineExtra</name>
    <message>
        <source>95% confidence interval: not enough answers</source>
        <translation>95% confidence interval: not enough answers</translation>
    </message>
    <message>
        <source>95% confidence interval: %1 to %2 (answers: %3)</source>
        <translation>95% confidence interval: %1 to %2 (answers: %3)</translation>
    </message>
    <message>
        <source>Fewer than 30 answers: this score can move a lot with a few more. Treat it as a first hint, not a result.</source>
        <translation>Fewer than 30 answers: this score can move a lot with a few more. Treat it as a first hint, not a result.</translation>
    </message>
    <message>
        <source>This period against the one before: loading…</source>
        <translation>This period against the one before: loading…</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln answer(s))</source>
        <translation>
            <numerusform>%1 (%Ln answer)</numerusform>
            <numerusform>%1 (%Ln answers)</numerusform>
        </translation>
    </message>
    <message>
        <source>This period: %1 · the one before: %2</source>
        <translation>This period: %1 · the one before: %2</translation>
    </message>
    <message>
        <source>(change %1)</source>
        <translation>(change %1)</translation>
    </message>
</context>
<context>
    <name>IssuesTable</name>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>What happens</translation>
    </message>
</context>
<context>
    <name>KeywordsDialog</name>
    <message>
        <source>Tag keywords</source>
        <translation>Tag keywords</translation>
    </message>
    <message>
        <source>A comment gets a tag when it contains one of the tag&apos;s keywords. Separate keywords with commas. Full-width and half-width forms, and capitals, count as the same.</source>
        <translation>A comment gets a tag when it contains one of the tag&apos;s keywords. Separate keywords with commas. Full-width and half-width forms, and capitals, count as the same.</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>Add tag</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>Remove tag</translation>
    </message>
</context>
<context>
    <name>KindPage</name>
    <message>
        <source>Not sure? Leave it: comments keep general topics.</source>
        <translation>Not sure? Leave it: comments keep general topics.</translation>
    </message>
    <message>
        <source>Topics: %1</source>
        <translation>Topics: %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>What kind of business is it?</source>
        <translation>What kind of business is it?</translation>
    </message>
    <message>
        <source>Koe sorts customers&apos; comments by topic, such as taste, waiting or price. This picks the topics that fit; you can change them in Comments.</source>
        <translation>Koe sorts customers&apos; comments by topic, such as taste, waiting or price. This picks the topics that fit; you can change them in Comments.</translation>
    </message>
    <message>
        <source>Café or restaurant</source>
        <translation>Café or restaurant</translation>
    </message>
    <message>
        <source>Coffee shops, restaurants, bakeries, bars</source>
        <translation>Coffee shops, restaurants, bakeries, bars</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>Stores, boutiques, florists, bookshops</source>
        <translation>Stores, boutiques, florists, bookshops</translation>
    </message>
    <message>
        <source>Salon or clinic</source>
        <translation>Salon or clinic</translation>
    </message>
    <message>
        <source>Hair and beauty salons, clinics, dentists, gyms</source>
        <translation>Hair and beauty salons, clinics, dentists, gyms</translation>
    </message>
    <message>
        <source>Online service</source>
        <translation>Online service</translation>
    </message>
    <message>
        <source>Online shops, apps, subscriptions, online classes</source>
        <translation>Online shops, apps, subscriptions, online classes</translation>
    </message>
</context>
<context>
    <name>KoeApp</name>
    <message>
        <source>This computer has no local network address.</source>
        <translation>This computer has no local network address.</translation>
    </message>
    <message>
        <source>Koe cannot open: {reason}</source>
        <translation>Koe cannot open: {reason}</translation>
    </message>
    <message>
        <source>Koe cannot open your workspace: the file is damaged. Koe has left it as it is.</source>
        <translation>Koe cannot open your workspace: the file is damaged. Koe has left it as it is.</translation>
    </message>
    <message>
        <source>The newest good backup was taken {when}. Restore it? The damaged file is kept beside it, renamed, so nothing is deleted.</source>
        <translation>The newest good backup was taken {when}. Restore it? The damaged file is kept beside it, renamed, so nothing is deleted.</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>LanPanel</name>
    <message>
        <source>Also serve surveys to this computer&apos;s local network</source>
        <translation>Also serve surveys to this computer&apos;s local network</translation>
    </message>
    <message>
        <source>For a QR code on your counter: phones on the same Wi-Fi as this computer can then open the survey page. Leave it off when only people on the internet answer (through a public host).</source>
        <translation>For a QR code on your counter: phones on the same Wi-Fi as this computer can then open the survey page. Leave it off when only people on the internet answer (through a public host).</translation>
    </message>
    <message>
        <source>Save QR code…</source>
        <translation>Save QR code…</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Survey</translation>
    </message>
    <message>
        <source>Save QR code</source>
        <translation>Save QR code</translation>
    </message>
    <message>
        <source>Not on the local network: %1</source>
        <translation>Not on the local network: %1</translation>
    </message>
    <message>
        <source>Phones on this network can open %1</source>
        <translation>Phones on this network can open %1</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>Off: only this computer can open the survey site.</source>
        <translation>Off: only this computer can open the survey site.</translation>
    </message>
    <message>
        <source>Open a survey to get its QR code.</source>
        <translation>Open a survey to get its QR code.</translation>
    </message>
</context>
<context>
    <name>LoadingCover</name>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Surveys</source>
        <translation>Surveys</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Opening your workspace…</source>
        <translation>Opening your workspace…</translation>
    </message>
    <message>
        <source>Koe</source>
        <translation>Koe</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Something went wrong.</translation>
    </message>
</context>
<context>
    <name>MappingStep</name>
    <message>
        <source>Choose another file…</source>
        <translation>Choose another file…</translation>
    </message>
    <message>
        <source>The country of phone numbers written without +</source>
        <translation>The country of phone numbers written without +</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Encoding</translation>
    </message>
    <message>
        <source>Country of local numbers</source>
        <translation>Country of local numbers</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Values</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Import as</translation>
    </message>
    <message>
        <source>Combine into the name</source>
        <translation>Combine into the name</translation>
    </message>
    <message>
        <source>Select the columns that together make the name (Ctrl+click), then combine them: their values are joined in the order of the columns.</source>
        <translation>Select the columns that together make the name (Ctrl+click), then combine them: their values are joined in the order of the columns.</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>No column of this file says whether people agreed to receive messages. Record consent for everyone in it only if they all gave it:</source>
        <translation>No column of this file says whether people agreed to receive messages. Record consent for everyone in it only if they all gave it:</translation>
    </message>
    <message>
        <source>Everyone agreed to SMS</source>
        <translation>Everyone agreed to SMS</translation>
    </message>
    <message>
        <source>Everyone agreed to email</source>
        <translation>Everyone agreed to email</translation>
    </message>
    <message>
        <source>%1 — %2 rows</source>
        <translation>%1 — %2 rows</translation>
    </message>
    <message>
        <source>Excel file: no encoding to choose</source>
        <translation>Excel file: no encoding to choose</translation>
    </message>
    <message>
        <source>Japanese Excel saves CSV files as cp932 (Shift_JIS).</source>
        <translation>Japanese Excel saves CSV files as cp932 (Shift_JIS).</translation>
    </message>
    <message>
        <source>The columns are set as you chose for the last file with the same columns. Check them again if this file comes from somewhere else.</source>
        <translation>The columns are set as you chose for the last file with the same columns. Check them again if this file comes from somewhere else.</translation>
    </message>
    <message>
        <source>(column %1, no name)</source>
        <translation>(column %1, no name)</translation>
    </message>
    <message>
        <source>Today Koe sends only to contacts who gave consent (Settings ▸ Messages): people without it will not be invited.</source>
        <translation>Today Koe sends only to contacts who gave consent (Settings ▸ Messages): people without it will not be invited.</translation>
    </message>
    <message>
        <source>Today Koe sends to everyone who has not opted out (Settings ▸ Messages): leaving these unticked records no consent and changes nothing else.</source>
        <translation>Today Koe sends to everyone who has not opted out (Settings ▸ Messages): leaving these unticked records no consent and changes nothing else.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>Row %1 becomes: %2</source>
        <translation>Row %1 becomes: %2</translation>
    </message>
</context>
<context>
    <name>MatchEditor</name>
    <message>
        <source>Score from … to …</source>
        <translation>Score from … to …</translation>
    </message>
    <message>
        <source>Score group</source>
        <translation>Score group</translation>
    </message>
    <message>
        <source>Lowest score</source>
        <translation>Lowest score</translation>
    </message>
    <message>
        <source>Highest score</source>
        <translation>Highest score</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
</context>
<context>
    <name>MessagesPage</name>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>The invitation starts from the survey&apos;s own (written in the designer). {name}, {company} and {link} are filled in per person.</source>
        <translation>The invitation starts from the survey&apos;s own (written in the designer). {name}, {company} and {link} are filled in per person.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>SMS preview</source>
        <translation>SMS preview</translation>
    </message>
    <message>
        <source>Email subject</source>
        <translation>Email subject</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Email preview</source>
        <translation>Email preview</translation>
    </message>
    <message numerus="yes">
        <source>{encoding}, {characters} characters: %n segment(s), about {cost} per message at {price} a segment.</source>
        <translation>
            <numerusform>{encoding}, {characters} characters: %n segment, about {cost} per message at {price} a segment.</numerusform>
            <numerusform>{encoding}, {characters} characters: %n segments, about {cost} per message at {price} a segment.</numerusform>
        </translation>
    </message>
    <message>
        <source>To Japanese numbers:</source>
        <translation>To Japanese numbers:</translation>
    </message>
    <message>
        <source>To other numbers:</source>
        <translation>To other numbers:</translation>
    </message>
</context>
<context>
    <name>NewSurveyDialog</name>
    <message>
        <source>New survey</source>
        <translation>New survey</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>Both (%1 first)</source>
        <translation>Both (%1 first)</translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation>Languages:</translation>
    </message>
    <message>
        <source>Title (%1):</source>
        <translation>Title (%1):</translation>
    </message>
    <message>
        <source>First question:</source>
        <translation>First question:</translation>
    </message>
    <message>
        <source>Create draft</source>
        <translation>Create draft</translation>
    </message>
    <message>
        <source>Start from a template</source>
        <translation>Start from a template</translation>
    </message>
    <message>
        <source>The survey is saved as a draft: open it when you are ready to share it.</source>
        <translation>The survey is saved as a draft: open it when you are ready to share it.</translation>
    </message>
    <message>
        <source>None yet: you write the questions in the designer.</source>
        <translation>None yet: you write the questions in the designer.</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>OpenSurveyDialog</name>
    <message>
        <source>Reopen survey</source>
        <translation>Reopen survey</translation>
    </message>
    <message>
        <source>Open survey</source>
        <translation>Open survey</translation>
    </message>
    <message>
        <source>Reopen “%1” for answers?</source>
        <translation>Reopen “%1” for answers?</translation>
    </message>
    <message>
        <source>Open “%1” for answers?</source>
        <translation>Open “%1” for answers?</translation>
    </message>
    <message>
        <source>Stop taking answers on</source>
        <translation>Stop taking answers on</translation>
    </message>
    <message>
        <source>Its link and QR code start working as soon as it is open.</source>
        <translation>Its link and QR code start working as soon as it is open.</translation>
    </message>
    <message>
        <source>Without an end date it stays open until you close it.</source>
        <translation>Without an end date it stays open until you close it.</translation>
    </message>
</context>
<context>
    <name>OptionsSection</name>
    <message>
        <source>Add option</source>
        <translation>Add option</translation>
    </message>
    <message>
        <source>“Other (please specify)”</source>
        <translation>“Other (please specify)”</translation>
    </message>
    <message>
        <source>“None of these”</source>
        <translation>“None of these”</translation>
    </message>
    <message>
        <source>Randomise the order for each respondent</source>
        <translation>Randomise the order for each respondent</translation>
    </message>
    <message>
        <source>Options are ordered (frequencies, ranges, grades)</source>
        <translation>Options are ordered (frequencies, ranges, grades)</translation>
    </message>
    <message>
        <source>Code in exports: %1</source>
        <translation>Code in exports: %1</translation>
    </message>
    <message>
        <source>This option has answers and cannot be removed; you can reword it.</source>
        <translation>This option has answers and cannot be removed; you can reword it.</translation>
    </message>
    <message>
        <source>Remove this option</source>
        <translation>Remove this option</translation>
    </message>
    <message>
        <source>Option %1</source>
        <translation>Option %1</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Edit option</source>
        <translation>Edit option</translation>
    </message>
    <message>
        <source>Remove option</source>
        <translation>Remove option</translation>
    </message>
    <message>
        <source>Move option</source>
        <translation>Move option</translation>
    </message>
    <message>
        <source>Change “Other”</source>
        <translation>Change “Other”</translation>
    </message>
    <message>
        <source>Change “None of these”</source>
        <translation>Change “None of these”</translation>
    </message>
    <message>
        <source>Change random order</source>
        <translation>Change random order</translation>
    </message>
    <message>
        <source>Change ordered options</source>
        <translation>Change ordered options</translation>
    </message>
</context>
<context>
    <name>OtherAddressesTable</name>
    <message>
        <source>Number or address</source>
        <translation>Number or address</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Add a number or address</source>
        <translation>Add a number or address</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Landline (no SMS)</source>
        <translation>Landline (no SMS)</translation>
    </message>
    <message>
        <source>Other phone (SMS may fail)</source>
        <translation>Other phone (SMS may fail)</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Other number or address %1: %2</source>
        <translation>Other number or address %1: %2</translation>
    </message>
</context>
<context>
    <name>PageTextsSection</name>
    <message>
        <source>After the thank-you page, go on to (optional)</source>
        <translation>After the thank-you page, go on to (optional)</translation>
    </message>
    <message>
        <source>Your own site, such as your menu or shop: https only. The thank-you page shows a link to it and goes there after 5 seconds, unless the customer chooses to stay or the page offers a review or referral link.</source>
        <translation>Your own site, such as your menu or shop: https only. The thank-you page shows a link to it and goes there after 5 seconds, unless the customer chooses to stay or the page offers a review or referral link.</translation>
    </message>
    <message>
        <source>On the customer&apos;s page</source>
        <translation>On the customer&apos;s page</translation>
    </message>
    <message>
        <source>Leave a field empty to use Koe&apos;s words. The logo and colour are the same for every survey: Settings ▸ Your shop&apos;s look.</source>
        <translation>Leave a field empty to use Koe&apos;s words. The logo and colour are the same for every survey: Settings ▸ Your shop&apos;s look.</translation>
    </message>
    <message>
        <source>Heading (instead of “Customer survey”)</source>
        <translation>Heading (instead of “Customer survey”)</translation>
    </message>
    <message>
        <source>Introduction under the heading</source>
        <translation>Introduction under the heading</translation>
    </message>
    <message>
        <source>Thank-you message</source>
        <translation>Thank-you message</translation>
    </message>
    <message>
        <source>Not used yet: type a whole address starting with https://, such as https://example.com/menu.</source>
        <translation>Not used yet: type a whole address starting with https://, such as https://example.com/menu.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Unlock the secrets</source>
        <translation>Unlock the secrets</translation>
    </message>
    <message>
        <source>This computer has no keyring, so Koe keeps the Twilio auth token and the email password in an encrypted file in the workspace. Enter its passphrase to send messages.</source>
        <translation>This computer has no keyring, so Koe keeps the Twilio auth token and the email password in an encrypted file in the workspace. Enter its passphrase to send messages.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation>Type the passphrase first.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Unlocking…</translation>
    </message>
    <message>
        <source>That passphrase does not open the secrets file. Try again.</source>
        <translation>That passphrase does not open the secrets file. Try again.</translation>
    </message>
    <message>
        <source>Could not open the secrets file: {error}</source>
        <translation>Could not open the secrets file: {error}</translation>
    </message>
</context>
<context>
    <name>PhonePreview</name>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Dark mode</source>
        <translation>Dark mode</translation>
    </message>
    <message>
        <source>Customer survey</source>
        <translation>Customer survey</translation>
    </message>
</context>
<context>
    <name>PosterDialog</name>
    <message>
        <source>Save poster</source>
        <translation>Save poster</translation>
    </message>
    <message>
        <source>A4 (wall or window)</source>
        <translation>A4 (wall or window)</translation>
    </message>
    <message>
        <source>A6 (counter card)</source>
        <translation>A6 (counter card)</translation>
    </message>
    <message>
        <source>e.g. counter</source>
        <translation>e.g. counter</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Source tag</source>
        <translation>Source tag</translation>
    </message>
    <message>
        <source>Optional: answers through this poster are tagged with it, so you can tell the counter from the receipts.</source>
        <translation>Optional: answers through this poster are tagged with it, so you can tell the counter from the receipts.</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>The poster could not be saved: {error}</source>
        <translation>The poster could not be saved: {error}</translation>
    </message>
    <message>
        <source>Poster saved to {path}</source>
        <translation>Poster saved to {path}</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>QR code of the preview link</source>
        <translation>QR code of the preview link</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Open in browser</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copy link</translation>
    </message>
    <message>
        <source>The survey as respondents will see it, with your latest changes. Scan the code to try it on a phone. Answers given in a preview are not saved.</source>
        <translation>The survey as respondents will see it, with your latest changes. Scan the code to try it on a phone. Answers given in a preview are not saved.</translation>
    </message>
</context>
<context>
    <name>PreviewFlow</name>
    <message>
        <source>The preview needs the survey saved first: %1</source>
        <translation>The preview needs the survey saved first: %1</translation>
    </message>
    <message>
        <source>The preview shows the last saved version: %1</source>
        <translation>The preview shows the last saved version: %1</translation>
    </message>
    <message>
        <source>No web browser could be started.</source>
        <translation>No web browser could be started.</translation>
    </message>
</context>
<context>
    <name>PreviewStep</name>
    <message>
        <source>The first rows of the file, as they will be saved (nothing is saved yet):</source>
        <translation>The first rows of the file, as they will be saved (nothing is saved yet):</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>What happens</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Furigana</source>
        <translation>Furigana</translation>
    </message>
    <message>
        <source>Phone for SMS</source>
        <translation>Phone for SMS</translation>
    </message>
    <message>
        <source>Other phones</source>
        <translation>Other phones</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Problems and merges, row by row: %1</source>
        <translation>Problems and merges, row by row: %1</translation>
    </message>
    <message>
        <source>No problems: every row can be imported as it is.</source>
        <translation>No problems: every row can be imported as it is.</translation>
    </message>
    <message>
        <source>…and %1 more: “Save report…” lists them all.</source>
        <translation>…and %1 more: “Save report…” lists them all.</translation>
    </message>
    <message>
        <source>Rows read: %1 · Contacts to import: %2 (new: %3, already saved: %4) · Rows merged into another: %5 · Rows not imported: %6</source>
        <translation>Rows read: %1 · Contacts to import: %2 (new: %3, already saved: %4) · Rows merged into another: %5 · Rows not imported: %6</translation>
    </message>
    <message>
        <source>Consent: the file has no consent column, and you chose to record no consent for anyone.</source>
        <translation>Consent: the file has no consent column, and you chose to record no consent for anyone.</translation>
    </message>
    <message>
        <source>Consent: the file has no consent column; consent to %1 will be recorded for everyone, as you confirmed.</source>
        <translation>Consent: the file has no consent column; consent to %1 will be recorded for everyone, as you confirmed.</translation>
    </message>
    <message>
        <source>Consent from the file: SMS yes %1, no %2 · email yes %3, no %4 (a “no” is recorded as an opt-out).</source>
        <translation>Consent from the file: SMS yes %1, no %2 · email yes %3, no %4 (a “no” is recorded as an opt-out).</translation>
    </message>
    <message>
        <source>The file says nothing about %1: no consent recorded for it.</source>
        <translation>The file says nothing about %1: no consent recorded for it.</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <source>Merged into row %1</source>
        <translation>Merged into row %1</translation>
    </message>
    <message>
        <source>Imported; see the notes</source>
        <translation>Imported; see the notes</translation>
    </message>
    <message>
        <source>Updates a saved contact</source>
        <translation>Updates a saved contact</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>The mail server refused the address: {detail}</source>
        <translation>The mail server refused the address: {detail}</translation>
    </message>
    <message>
        <source>The mail server asked Koe to try later: {detail}</source>
        <translation>The mail server asked Koe to try later: {detail}</translation>
    </message>
    <message>
        <source>The mail server refused the sender {address}: {detail}</source>
        <translation>The mail server refused the sender {address}: {detail}</translation>
    </message>
    <message>
        <source>The mail server refused the message: {detail}</source>
        <translation>The mail server refused the message: {detail}</translation>
    </message>
    <message>
        <source>The connection to the mail server broke while sending ({why}): it may or may not have gone.</source>
        <translation>The connection to the mail server broke while sending ({why}): it may or may not have gone.</translation>
    </message>
    <message>
        <source>The mail server {where} refused the user name or password.</source>
        <translation>The mail server {where} refused the user name or password.</translation>
    </message>
    <message>
        <source>The mail server {where} does not offer STARTTLS or login.</source>
        <translation>The mail server {where} does not offer STARTTLS or login.</translation>
    </message>
    <message>
        <source>No secure connection to {where}: {detail}.</source>
        <translation>No secure connection to {where}: {detail}.</translation>
    </message>
    <message>
        <source>Cannot reach the mail server {where}: {why}.</source>
        <translation>Cannot reach the mail server {where}: {why}.</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>no answer in time</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>connection refused</translation>
    </message>
    <message>
        <source>Koe stopped while this email was being sent: it may or may not have arrived. Koe will not send it again by itself; check with the recipient or send it again.</source>
        <translation>Koe stopped while this email was being sent: it may or may not have arrived. Koe will not send it again by itself; check with the recipient or send it again.</translation>
    </message>
    <message>
        <source>Twilio could not be asked whether this SMS went; Koe will ask again ({cause}).</source>
        <translation>Twilio could not be asked whether this SMS went; Koe will ask again ({cause}).</translation>
    </message>
    <message>
        <source>No address: the contact was deleted.</source>
        <translation>No address: the contact was deleted.</translation>
    </message>
    <message>
        <source>Opted out of this channel.</source>
        <translation>Opted out of this channel.</translation>
    </message>
    <message>
        <source>Gave up after {tries} attempts: {cause}</source>
        <translation>Gave up after {tries} attempts: {cause}</translation>
    </message>
    <message>
        <source>Unexpected error: {detail}</source>
        <translation>Unexpected error: {detail}</translation>
    </message>
    <message>
        <source>This is not a valid phone number.</source>
        <translation>This is not a valid phone number.</translation>
    </message>
    <message>
        <source>This number is a landline or otherwise cannot receive SMS.</source>
        <translation>This number is a landline or otherwise cannot receive SMS.</translation>
    </message>
    <message>
        <source>This person replied STOP to your number: Twilio will not send to them.</source>
        <translation>This person replied STOP to your number: Twilio will not send to them.</translation>
    </message>
    <message>
        <source>Your Twilio account is not allowed to send SMS to this country.</source>
        <translation>Your Twilio account is not allowed to send SMS to this country.</translation>
    </message>
    <message>
        <source>Twilio cannot send from your sender to this number&apos;s country or carrier.</source>
        <translation>Twilio cannot send from your sender to this number&apos;s country or carrier.</translation>
    </message>
    <message>
        <source>The message is too long.</source>
        <translation>The message is too long.</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>The message is empty.</translation>
    </message>
    <message>
        <source>Twilio refused the account SID or auth token. Check them in Settings.</source>
        <translation>Twilio refused the account SID or auth token. Check them in Settings.</translation>
    </message>
    <message>
        <source>Twilio did not find this account. Check the account SID in Settings.</source>
        <translation>Twilio did not find this account. Check the account SID in Settings.</translation>
    </message>
    <message>
        <source>The From number is not an SMS-capable number of your Twilio account.</source>
        <translation>The From number is not an SMS-capable number of your Twilio account.</translation>
    </message>
    <message>
        <source>The From number or sender ID is not valid.</source>
        <translation>The From number or sender ID is not valid.</translation>
    </message>
    <message>
        <source>No sender is set: choose a From number, sender ID or Messaging Service.</source>
        <translation>No sender is set: choose a From number, sender ID or Messaging Service.</translation>
    </message>
    <message>
        <source>Test credentials cannot send real messages.</source>
        <translation>Test credentials cannot send real messages.</translation>
    </message>
    <message>
        <source>The handset is unreachable (switched off or out of coverage).</source>
        <translation>The handset is unreachable (switched off or out of coverage).</translation>
    </message>
    <message>
        <source>The number is unknown or no longer in service.</source>
        <translation>The number is unknown or no longer in service.</translation>
    </message>
    <message>
        <source>A landline or an unreachable carrier.</source>
        <translation>A landline or an unreachable carrier.</translation>
    </message>
    <message>
        <source>The carrier filtered the message as spam.</source>
        <translation>The carrier filtered the message as spam.</translation>
    </message>
    <message>
        <source>Delivery failed for an unknown reason.</source>
        <translation>Delivery failed for an unknown reason.</translation>
    </message>
    <message>
        <source>Twilio&apos;s queue overflowed.</source>
        <translation>Twilio&apos;s queue overflowed.</translation>
    </message>
    <message>
        <source>The Twilio account was suspended.</source>
        <translation>The Twilio account was suspended.</translation>
    </message>
    <message>
        <source>Cannot reach Twilio (no connection).</source>
        <translation>Cannot reach Twilio (no connection).</translation>
    </message>
    <message>
        <source>The connection to Twilio broke.</source>
        <translation>The connection to Twilio broke.</translation>
    </message>
    <message>
        <source>Twilio did not answer in time.</source>
        <translation>Twilio did not answer in time.</translation>
    </message>
    <message>
        <source>Twilio may have accepted it, and could not be asked ({cause}).</source>
        <translation>Twilio may have accepted it, and could not be asked ({cause}).</translation>
    </message>
    <message>
        <source>Cannot reach Twilio.</source>
        <translation>Cannot reach Twilio.</translation>
    </message>
    <message>
        <source>Twilio could not list messages: {detail}</source>
        <translation>Twilio could not list messages: {detail}</translation>
    </message>
    <message>
        <source>Cannot reach Twilio to check what was sent.</source>
        <translation>Cannot reach Twilio to check what was sent.</translation>
    </message>
    <message>
        <source>Twilio could not list replies: {detail}</source>
        <translation>Twilio could not list replies: {detail}</translation>
    </message>
    <message>
        <source>Cannot reach Twilio to read replies.</source>
        <translation>Cannot reach Twilio to read replies.</translation>
    </message>
    <message>
        <source>Twilio error {code}.</source>
        <translation>Twilio error {code}.</translation>
    </message>
    <message>
        <source>Canceled: it was not sent within its validity period.</source>
        <translation>Canceled: it was not sent within its validity period.</translation>
    </message>
    <message>
        <source>Twilio could not send it.</source>
        <translation>Twilio could not send it.</translation>
    </message>
    <message>
        <source>Twilio asked Koe to slow down.</source>
        <translation>Twilio asked Koe to slow down.</translation>
    </message>
    <message>
        <source>Twilio had a problem ({status}).</source>
        <translation>Twilio had a problem ({status}).</translation>
    </message>
    <message>
        <source>Twilio refused the message: {detail}</source>
        <translation>Twilio refused the message: {detail}</translation>
    </message>
    <message>
        <source>Fill in the account SID, the auth token and the sender first.</source>
        <translation>Fill in the account SID, the auth token and the sender first.</translation>
    </message>
    <message>
        <source>Fill in the server and the From address first.</source>
        <translation>Fill in the server and the From address first.</translation>
    </message>
    <message>
        <source>The contact was deleted.</source>
        <translation>The contact was deleted.</translation>
    </message>
    <message>
        <source>The disk is full: free some space on it and try again.</source>
        <translation>The disk is full: free some space on it and try again.</translation>
    </message>
    <message>
        <source>The workspace file is busy (another program is writing to it); try again.</source>
        <translation>The workspace file is busy (another program is writing to it); try again.</translation>
    </message>
    <message>
        <source>Koe is not allowed to use {path}.</source>
        <translation>Koe is not allowed to use {path}.</translation>
    </message>
    <message>
        <source>{path} is not there.</source>
        <translation>{path} is not there.</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>the system keyring could not be written: {detail}</source>
        <translation>the system keyring could not be written: {detail}</translation>
    </message>
    <message>
        <source>the system keyring could not be read: {detail}</source>
        <translation>the system keyring could not be read: {detail}</translation>
    </message>
    <message>
        <source>a passphrase is needed to open the encrypted secrets file</source>
        <translation>a passphrase is needed to open the encrypted secrets file</translation>
    </message>
    <message>
        <source>the encrypted secrets file cannot be read: {detail}</source>
        <translation>the encrypted secrets file cannot be read: {detail}</translation>
    </message>
    <message>
        <source>the passphrase does not open the secrets file</source>
        <translation>the passphrase does not open the secrets file</translation>
    </message>
    <message>
        <source>this computer has no usable system keyring; a passphrase is needed to keep secrets in an encrypted file in the workspace</source>
        <translation>this computer has no usable system keyring; a passphrase is needed to keep secrets in an encrypted file in the workspace</translation>
    </message>
    <message>
        <source>The daily backup failed: {detail}</source>
        <translation>The daily backup failed: {detail}</translation>
    </message>
    <message>
        <source>The disk is full: there is no room for a backup in {folder}. Free some space on that disk; nothing was changed.</source>
        <translation>The disk is full: there is no room for a backup in {folder}. Free some space on that disk; nothing was changed.</translation>
    </message>
    <message>
        <source>Cannot make the backup folder {folder}: {detail}</source>
        <translation>Cannot make the backup folder {folder}: {detail}</translation>
    </message>
    <message>
        <source>The backup into {folder} failed: {detail}</source>
        <translation>The backup into {folder} failed: {detail}</translation>
    </message>
    <message>
        <source>The workspace file is damaged ({cause}); the copy just made was not kept, and the backups taken before are left as they are. Restore the newest of them (Settings ▸ Backups, or: main.py backups restore).</source>
        <translation>The workspace file is damaged ({cause}); the copy just made was not kept, and the backups taken before are left as they are. Restore the newest of them (Settings ▸ Backups, or: main.py backups restore).</translation>
    </message>
    <message>
        <source>the folder {folder} is not there (is the disk plugged in?)</source>
        <translation>the folder {folder} is not there (is the disk plugged in?)</translation>
    </message>
    <message>
        <source>Koe may not write in {folder}</source>
        <translation>Koe may not write in {folder}</translation>
    </message>
    <message>
        <source>The second copy was not made: {cause}.</source>
        <translation>The second copy was not made: {cause}.</translation>
    </message>
    <message>
        <source>The second copy was not made: the disk of {folder} is full.</source>
        <translation>The second copy was not made: the disk of {folder} is full.</translation>
    </message>
    <message>
        <source>The second copy was not made: {detail} ({folder}).</source>
        <translation>The second copy was not made: {detail} ({folder}).</translation>
    </message>
    <message>
        <source>{name} is not a readable Koe backup ({cause}).</source>
        <translation>{name} is not a readable Koe backup ({cause}).</translation>
    </message>
    <message>
        <source>{name} is not a readable Koe backup: it {cause}.</source>
        <translation>{name} is not a readable Koe backup: it {cause}.</translation>
    </message>
    <message>
        <source>{name} is not a Koe backup.</source>
        <translation>{name} is not a Koe backup.</translation>
    </message>
    <message>
        <source>{path} cannot be read ({detail})</source>
        <translation>{path} cannot be read ({detail})</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>is a folder, not a file</translation>
    </message>
    <message>
        <source>is empty (0 bytes)</source>
        <translation>is empty (0 bytes)</translation>
    </message>
    <message>
        <source>is not a SQLite database (damaged, or another kind of file)</source>
        <translation>is not a SQLite database (damaged, or another kind of file)</translation>
    </message>
    <message>
        <source>is cut short ({size} bytes)</source>
        <translation>is cut short ({size} bytes)</translation>
    </message>
    <message>
        <source>is damaged ({detail})</source>
        <translation>is damaged ({detail})</translation>
    </message>
    <message>
        <source>holds no Koe data (an empty database)</source>
        <translation>holds no Koe data (an empty database)</translation>
    </message>
    <message>
        <source>{path} {damage}, so Koe left it as it is; the newest good backup is {backup} (taken {taken}): restore it with `main.py backups restore --data-dir {data_dir}` while Koe is closed.</source>
        <translation>{path} {damage}, so Koe left it as it is; the newest good backup is {backup} (taken {taken}): restore it with `main.py backups restore --data-dir {data_dir}` while Koe is closed.</translation>
    </message>
    <message>
        <source>{path} {damage}, so Koe left it as it is; there is no good backup in {folder}: to put a copy you keep elsewhere in its place, run `main.py backups restore --data-dir {data_dir} FILE` while Koe is closed.</source>
        <translation>{path} {damage}, so Koe left it as it is; there is no good backup in {folder}: to put a copy you keep elsewhere in its place, run `main.py backups restore --data-dir {data_dir} FILE` while Koe is closed.</translation>
    </message>
    <message>
        <source>Cannot create the workspace folder {folder}: {detail}</source>
        <translation>Cannot create the workspace folder {folder}: {detail}</translation>
    </message>
    <message>
        <source>Another Koe is already using the workspace in {folder}. Close it first (only one app or server may write to a workspace).</source>
        <translation>Another Koe is already using the workspace in {folder}. Close it first (only one app or server may write to a workspace).</translation>
    </message>
    <message>
        <source>There is no Koe workspace in {folder}.</source>
        <translation>There is no Koe workspace in {folder}.</translation>
    </message>
    <message>
        <source>This workspace was saved by a newer version of Koe (it has changes {changes} this version does not know). Update Koe to open it; the file has not been changed.</source>
        <translation>This workspace was saved by a newer version of Koe (it has changes {changes} this version does not know). Update Koe to open it; the file has not been changed.</translation>
    </message>
    <message>
        <source>{path} holds tables Koe did not make; it has not been changed.</source>
        <translation>{path} holds tables Koe did not make; it has not been changed.</translation>
    </message>
    <message>
        <source>{cause}; it has not been changed.</source>
        <translation>{cause}; it has not been changed.</translation>
    </message>
    <message>
        <source>The disk is full: Koe cannot write to {path}. Free some space on that disk and try again; nothing was lost.</source>
        <translation>The disk is full: Koe cannot write to {path}. Free some space on that disk and try again; nothing was lost.</translation>
    </message>
    <message>
        <source>{path} cannot be used ({detail}); it has not been changed.</source>
        <translation>{path} cannot be used ({detail}); it has not been changed.</translation>
    </message>
    <message>
        <source>{cause} Koe has not updated the workspace.</source>
        <translation>{cause} Koe has not updated the workspace.</translation>
    </message>
    <message>
        <source>There is no good backup in {folder} to restore.</source>
        <translation>There is no good backup in {folder} to restore.</translation>
    </message>
    <message>
        <source>Another Koe is using the workspace in {folder}; close it, then restore.</source>
        <translation>Another Koe is using the workspace in {folder}; close it, then restore.</translation>
    </message>
    <message>
        <source>Cannot listen on {host}: it is not a known address ({detail}).</source>
        <translation>Cannot listen on {host}: it is not a known address ({detail}).</translation>
    </message>
    <message>
        <source>Port {port} on {host} is already in use by another program (perhaps another Koe). Choose another port in Settings, or close that program.</source>
        <translation>Port {port} on {host} is already in use by another program (perhaps another Koe). Choose another port in Settings, or close that program.</translation>
    </message>
    <message>
        <source>Koe is not allowed to listen on port {port}; choose a port above 1024.</source>
        <translation>Koe is not allowed to listen on port {port}; choose a port above 1024.</translation>
    </message>
    <message>
        <source>{host} is not an address of this computer.</source>
        <translation>{host} is not an address of this computer.</translation>
    </message>
    <message>
        <source>Cannot listen on {host} port {port}: {detail}.</source>
        <translation>Cannot listen on {host} port {port}: {detail}.</translation>
    </message>
    <message>
        <source>The respondent site is already running.</source>
        <translation>The respondent site is already running.</translation>
    </message>
    <message>
        <source>The respondent site stopped while starting.</source>
        <translation>The respondent site stopped while starting.</translation>
    </message>
    <message>
        <source>The respondent site did not start within {seconds} seconds.</source>
        <translation>The respondent site did not start within {seconds} seconds.</translation>
    </message>
    <message>
        <source>The respondent site could not start on {url}.</source>
        <translation>The respondent site could not start on {url}.</translation>
    </message>
    <message>
        <source>The respondent site stopped: {detail}</source>
        <translation>The respondent site stopped: {detail}</translation>
    </message>
    <message>
        <source>An attribute name cannot hold a double quote: {name}</source>
        <translation>An attribute name cannot hold a double quote: {name}</translation>
    </message>
    <message>
        <source>A segment needs a name.</source>
        <translation>A segment needs a name.</translation>
    </message>
    <message>
        <source>There is already a segment named “{name}”.</source>
        <translation>There is already a segment named “{name}”.</translation>
    </message>
    <message>
        <source>holds control characters (such as NUL or ESC, shown as �), which no one types: set aside</source>
        <comment>after the import</comment>
        <translation>holds control characters (such as NUL or ESC, shown as �), which no one types: set aside</translation>
    </message>
    <message>
        <source>holds bytes that {encoding} does not define ({bytes}): set aside; is the file in another encoding?</source>
        <comment>after the import</comment>
        <translation>holds bytes that {encoding} does not define ({bytes}): set aside; is the file in another encoding?</translation>
    </message>
    <message>
        <source>more cells than the header has columns; the extra ones are ignored</source>
        <comment>after the import</comment>
        <translation>more cells than the header has columns; the extra ones are ignored</translation>
    </message>
    <message>
        <source>neither yes nor no: no consent recorded, no opt-out either</source>
        <comment>after the import</comment>
        <translation>neither yes nor no: no consent recorded, no opt-out either</translation>
    </message>
    <message>
        <source>says yes and no for {channel}: taken as no (an opt-out)</source>
        <comment>after the import</comment>
        <translation>says yes and no for {channel}: taken as no (an opt-out)</translation>
    </message>
    <message>
        <source>not a date: set aside</source>
        <comment>after the import</comment>
        <translation>not a date: set aside</translation>
    </message>
    <message>
        <source>not Koe&apos;s list of attributes: kept as one attribute</source>
        <comment>after the import</comment>
        <translation>not Koe&apos;s list of attributes: kept as one attribute</translation>
    </message>
    <message>
        <source>a landline: kept, but it cannot receive SMS</source>
        <comment>after the import</comment>
        <translation>a landline: kept, but it cannot receive SMS</translation>
    </message>
    <message>
        <source>not a mobile number (IP phone, toll-free or pager): kept, but SMS may fail</source>
        <comment>after the import</comment>
        <translation>not a mobile number (IP phone, toll-free or pager): kept, but SMS may fail</translation>
    </message>
    <message>
        <source>row {row} merged into row {into}: {why}</source>
        <comment>after the import</comment>
        <translation>row {row} merged into row {into}: {why}</translation>
    </message>
    <message>
        <source>row {row} updates the contact already saved as {name}: {why}</source>
        <comment>after the import</comment>
        <translation>row {row} updates the contact already saved as {name}: {why}</translation>
    </message>
    <message>
        <source>email {kept} kept, {added} added as a second email</source>
        <comment>after the import</comment>
        <translation>email {kept} kept, {added} added as a second email</translation>
    </message>
    <message>
        <source>phone {kept} kept for SMS, {added} added as another number</source>
        <comment>after the import</comment>
        <translation>phone {kept} kept for SMS, {added} added as another number</translation>
    </message>
    <message>
        <source>mobile {added} now used for SMS, {kept} kept as another number</source>
        <comment>after the import</comment>
        <translation>mobile {added} now used for SMS, {kept} kept as another number</translation>
    </message>
    <message>
        <source>{what} {old} replaced by {new}</source>
        <comment>after the import</comment>
        <translation>{what} {old} replaced by {new}</translation>
    </message>
    <message>
        <source>{what} {old} removed: it was the reading of the name replaced</source>
        <comment>after the import</comment>
        <translation>{what} {old} removed: it was the reading of the name replaced</translation>
    </message>
    <message>
        <source>one row says no to {channel}: opted out</source>
        <comment>after the import</comment>
        <translation>one row says no to {channel}: opted out</translation>
    </message>
    <message>
        <source>The destination was removed in Settings.</source>
        <translation>The destination was removed in Settings.</translation>
    </message>
    <message>
        <source>Koe stopped while this chat message was being sent: it may or may not have arrived. Koe will not send it again by itself.</source>
        <translation>Koe stopped while this chat message was being sent: it may or may not have arrived. Koe will not send it again by itself.</translation>
    </message>
    <message>
        <source>{service} refused the message (HTTP {status}): {words}</source>
        <translation>{service} refused the message (HTTP {status}): {words}</translation>
    </message>
    <message>
        <source>{service} is busy or down (HTTP {status}); Koe tries again.</source>
        <translation>{service} is busy or down (HTTP {status}); Koe tries again.</translation>
    </message>
    <message>
        <source>{service} could not be reached: {detail}</source>
        <translation>{service} could not be reached: {detail}</translation>
    </message>
    <message>
        <source>{service}&apos;s certificate is not trusted, so nothing was sent: {detail}</source>
        <translation>{service}&apos;s certificate is not trusted, so nothing was sent: {detail}</translation>
    </message>
    <message>
        <source>{service} did not answer after the message was sent: it may or may not have arrived. Koe will not send it again by itself.</source>
        <translation>{service} did not answer after the message was sent: it may or may not have arrived. Koe will not send it again by itself.</translation>
    </message>
    <message>
        <source>This destination&apos;s address or token is missing (Settings → Chat and webhooks).</source>
        <translation>This destination&apos;s address or token is missing (Settings → Chat and webhooks).</translation>
    </message>
    <message>
        <source>The address must start with https://</source>
        <translation>The address must start with https://</translation>
    </message>
    <message>
        <source>The address must be a full https:// web address, as the service gave it.</source>
        <translation>The address must be a full https:// web address, as the service gave it.</translation>
    </message>
    <message>
        <source>Chatwork needs an API token and a room id.</source>
        <translation>Chatwork needs an API token and a room id.</translation>
    </message>
    <message>
        <source>A Chatwork room id is a number, such as 123456789.</source>
        <translation>A Chatwork room id is a number, such as 123456789.</translation>
    </message>
    <message>
        <source>Choose at least one thing to send.</source>
        <translation>Choose at least one thing to send.</translation>
    </message>
    <message>
        <source>Choose the column with phone numbers or the one with email addresses.</source>
        <translation>Choose the column with phone numbers or the one with email addresses.</translation>
    </message>
    <message>
        <source>not an email address: {detail}</source>
        <translation>not an email address: {detail}</translation>
    </message>
    <message>
        <source>same mobile</source>
        <translation>same mobile</translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation>same phone number</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>same email</translation>
    </message>
    <message>
        <source>row {row} merged into row {into}: {why}</source>
        <translation>row {row} merged into row {into}: {why}</translation>
    </message>
    <message>
        <source>row {row} updates the contact already saved as {name}: {why}</source>
        <translation>row {row} updates the contact already saved as {name}: {why}</translation>
    </message>
    <message>
        <source>email {kept} kept, {added} added as a second email</source>
        <translation>email {kept} kept, {added} added as a second email</translation>
    </message>
    <message>
        <source>phone {kept} kept for SMS, {added} added as another number</source>
        <translation>phone {kept} kept for SMS, {added} added as another number</translation>
    </message>
    <message>
        <source>mobile {added} now used for SMS, {kept} kept as another number</source>
        <translation>mobile {added} now used for SMS, {kept} kept as another number</translation>
    </message>
    <message>
        <source>{what} {old} replaced by {new}</source>
        <translation>{what} {old} replaced by {new}</translation>
    </message>
    <message>
        <source>{what} {old} removed: it was the reading of the name replaced</source>
        <translation>{what} {old} removed: it was the reading of the name replaced</translation>
    </message>
    <message>
        <source>one row says no to {channel}: opted out</source>
        <translation>one row says no to {channel}: opted out</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>furigana</source>
        <translation>furigana</translation>
    </message>
    <message>
        <source>birthday</source>
        <translation>birthday</translation>
    </message>
    <message>
        <source>last visit</source>
        <translation>last visit</translation>
    </message>
    <message>
        <source>language</source>
        <translation>language</translation>
    </message>
    <message>
        <source>not a phone number: it holds letters or symbols</source>
        <translation>not a phone number: it holds letters or symbols</translation>
    </message>
    <message>
        <source>too short to be a phone number</source>
        <translation>too short to be a phone number</translation>
    </message>
    <message>
        <source>not a valid phone number for its country (add +country code?)</source>
        <translation>not a valid phone number for its country (add +country code?)</translation>
    </message>
    <message>
        <source>a landline: kept, but it cannot receive SMS</source>
        <translation>a landline: kept, but it cannot receive SMS</translation>
    </message>
    <message>
        <source>not a mobile number (IP phone, toll-free or pager): kept, but SMS may fail</source>
        <translation>not a mobile number (IP phone, toll-free or pager): kept, but SMS may fail</translation>
    </message>
    <message>
        <source>The file has no consent column: no consent was recorded for anyone.</source>
        <translation>The file has no consent column: no consent was recorded for anyone.</translation>
    </message>
    <message>
        <source>The file has no consent column: consent to {channels} recorded for everyone, as you confirmed (source: import of {file}).</source>
        <translation>The file has no consent column: consent to {channels} recorded for everyone, as you confirmed (source: import of {file}).</translation>
    </message>
    <message>
        <source>The file says nothing about consent to {channels}: none recorded for it.</source>
        <translation>The file says nothing about consent to {channels}: none recorded for it.</translation>
    </message>
    <message>
        <source>cannot read {name}: {detail}</source>
        <translation>cannot read {name}: {detail}</translation>
    </message>
    <message>
        <source>unknown encoding {encoding}</source>
        <translation>unknown encoding {encoding}</translation>
    </message>
    <message>
        <source>the file is not a readable CSV: {detail}</source>
        <translation>the file is not a readable CSV: {detail}</translation>
    </message>
    <message>
        <source>the file is not {encoding} (rows that cannot be read: {rows}); choose another encoding</source>
        <translation>the file is not {encoding} (rows that cannot be read: {rows}); choose another encoding</translation>
    </message>
    <message>
        <source>cannot read {name} as an Excel file: {detail}</source>
        <translation>cannot read {name} as an Excel file: {detail}</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>the file is empty</translation>
    </message>
    <message>
        <source>holds control characters (such as NUL or ESC, shown as �), which no one types: set aside</source>
        <translation>holds control characters (such as NUL or ESC, shown as �), which no one types: set aside</translation>
    </message>
    <message>
        <source>holds bytes that {encoding} does not define ({bytes}): set aside; is the file in another encoding?</source>
        <translation>holds bytes that {encoding} does not define ({bytes}): set aside; is the file in another encoding?</translation>
    </message>
    <message>
        <source>more cells than the header has columns; the extra ones are ignored</source>
        <translation>more cells than the header has columns; the extra ones are ignored</translation>
    </message>
    <message>
        <source>no phone number and no email address</source>
        <translation>no phone number and no email address</translation>
    </message>
    <message>
        <source>no usable phone number or email address (see above)</source>
        <translation>no usable phone number or email address (see above)</translation>
    </message>
    <message>
        <source>neither yes nor no: no consent recorded, no opt-out either</source>
        <translation>neither yes nor no: no consent recorded, no opt-out either</translation>
    </message>
    <message>
        <source>says yes and no for {channel}: taken as no (an opt-out)</source>
        <translation>says yes and no for {channel}: taken as no (an opt-out)</translation>
    </message>
    <message>
        <source>not a date: set aside</source>
        <translation>not a date: set aside</translation>
    </message>
    <message>
        <source>not Koe&apos;s list of attributes: kept as one attribute</source>
        <translation>not Koe&apos;s list of attributes: kept as one attribute</translation>
    </message>
</context>
<context>
    <name>ProgrammeDialog</name>
    <message>
        <source>Edit programme</source>
        <translation>Edit programme</translation>
    </message>
    <message>
        <source>New programme</source>
        <translation>New programme</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>All contacts</translation>
    </message>
    <message>
        <source>SMS, else email</source>
        <translation>SMS, else email</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Every few days, for each contact</source>
        <translation>Every few days, for each contact</translation>
    </message>
    <message>
        <source>Days before or after a date of the contact</source>
        <translation>Days before or after a date of the contact</translation>
    </message>
    <message>
        <source>After an event</source>
        <translation>After an event</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>Negative: before the date (90 days before a renewal).</source>
        <translation>Negative: before the date (90 days before a renewal).</translation>
    </message>
    <message>
        <source>Every year on that day</source>
        <translation>Every year on that day</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> hours</translation>
    </message>
    <message>
        <source>Send every</source>
        <translation>Send every</translation>
    </message>
    <message>
        <source>Spread the first sends over</source>
        <translation>Spread the first sends over</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Days after it</source>
        <translation>Days after it</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Wait after it</source>
        <translation>Wait after it</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Survey</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Sends</source>
        <translation>Sends</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>Reminder after</source>
        <translation>Reminder after</translation>
    </message>
    <message>
        <source>Each send keeps opt-outs, consent, quiet hours and the frequency cap, as campaigns do.</source>
        <translation>Each send keeps opt-outs, consent, quiet hours and the frequency cap, as campaigns do.</translation>
    </message>
    <message>
        <source>Give the programme a name.</source>
        <translation>Give the programme a name.</translation>
    </message>
    <message>
        <source>Choose a survey (open one on the Surveys page first).</source>
        <translation>Choose a survey (open one on the Surveys page first).</translation>
    </message>
    <message>
        <source>Choose the date the programme counts from.</source>
        <translation>Choose the date the programme counts from.</translation>
    </message>
    <message>
        <source>Name the event that starts a send.</source>
        <translation>Name the event that starts a send.</translation>
    </message>
</context>
<context>
    <name>ProgrammesView</name>
    <message>
        <source>New programme…</source>
        <translation>New programme…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Next sends</source>
        <translation>Next sends</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message numerus="yes">
        <source>Every %n day(s)</source>
        <translation>
            <numerusform>Every %n day</numerusform>
            <numerusform>Every %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>the birthday</source>
        <translation>the birthday</translation>
    </message>
    <message>
        <source>the last visit</source>
        <translation>the last visit</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) before {date}</source>
        <translation>
            <numerusform>%n day before {date}</numerusform>
            <numerusform>%n days before {date}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) after {date}</source>
        <translation>
            <numerusform>%n day after {date}</numerusform>
            <numerusform>%n days after {date}</numerusform>
        </translation>
    </message>
    <message>
        <source>After “{event}”</source>
        <translation>After “{event}”</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>nothing sent yet</source>
        <translation>nothing sent yet</translation>
    </message>
    <message>
        <source>response rate {rate}%</source>
        <translation>response rate {rate}%</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message numerus="yes">
        <source>%n sent</source>
        <translation>
            <numerusform>%n sent</numerusform>
            <numerusform>%n sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answered</source>
        <translation>
            <numerusform>%n answered</numerusform>
            <numerusform>%n answered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for the frequency cap</source>
        <translation>
            <numerusform>%n waiting for the frequency cap</numerusform>
            <numerusform>%n waiting for the frequency cap</numerusform>
        </translation>
    </message>
    <message>
        <source>paused: nothing is sent until you resume</source>
        <translation>paused: nothing is sent until you resume</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Waiting for the frequency cap</source>
        <translation>Waiting for the frequency cap</translation>
    </message>
    <message>
        <source>Skipped: opted out</source>
        <translation>Skipped: opted out</translation>
    </message>
    <message>
        <source>Skipped: no consent</source>
        <translation>Skipped: no consent</translation>
    </message>
    <message>
        <source>Skipped: no usable phone or email</source>
        <translation>Skipped: no usable phone or email</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>Not sent (opted out or deleted)</source>
        <translation>Not sent (opted out or deleted)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Cancel campaign</source>
        <translation>Cancel campaign</translation>
    </message>
    <message>
        <source>Send again…</source>
        <translation>Send again…</translation>
    </message>
    <message>
        <source>Send again an email whose fate is unknown (select its row).</source>
        <translation>Send again an email whose fate is unknown (select its row).</translation>
    </message>
    <message numerus="yes">
        <source>Status: {status} · %n recipient(s)</source>
        <translation>
            <numerusform>Status: {status} · %n recipient</numerusform>
            <numerusform>Status: {status} · %n recipients</numerusform>
        </translation>
    </message>
    <message>
        <source>Send again?</source>
        <translation>Send again?</translation>
    </message>
    <message>
        <source>Koe was interrupted while this email to {address} was being sent, and the mail server cannot be asked whether it arrived.</source>
        <translation>Koe was interrupted while this email to {address} was being sent, and the mail server cannot be asked whether it arrived.</translation>
    </message>
    <message>
        <source>If it did arrive, sending it again means {who} gets the same email twice. If you can, check with them first.</source>
        <translation>If it did arrive, sending it again means {who} gets the same email twice. If you can, check with them first.</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>Cancel this campaign? Messages not yet sent will not be sent. This cannot be undone.</source>
        <translation>Cancel this campaign? Messages not yet sent will not be sent. This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>QuestionDelegate</name>
    <message>
        <source>No wording yet</source>
        <translation>No wording yet</translation>
    </message>
</context>
<context>
    <name>QuestionEditor</name>
    <message>
        <source>This question has 1 answer: its type, scale and options are fixed so collected answers keep their meaning. You can correct its wording, add options, or add a new question.</source>
        <translation>This question has 1 answer: its type, scale and options are fixed so collected answers keep their meaning. You can correct its wording, add options, or add a new question.</translation>
    </message>
    <message>
        <source>This question has %1 answers: its type, scale and options are fixed so collected answers keep their meaning. You can correct its wording, add options, or add a new question.</source>
        <translation>This question has %1 answers: its type, scale and options are fixed so collected answers keep their meaning. You can correct its wording, add options, or add a new question.</translation>
    </message>
    <message>
        <source>Answer required</source>
        <translation>Answer required</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>The question, as respondents will read it</source>
        <translation>The question, as respondents will read it</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Respondents can type up to %1 characters.</source>
        <translation>Respondents can type up to %1 characters.</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Branching</source>
        <translation>Branching</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>Question %1</translation>
    </message>
    <message>
        <source>Questions with answers keep their type.</source>
        <translation>Questions with answers keep their type.</translation>
    </message>
    <message>
        <source>Edit wording</source>
        <translation>Edit wording</translation>
    </message>
    <message>
        <source>Change “required”</source>
        <translation>Change “required”</translation>
    </message>
    <message>
        <source>Change question type</source>
        <translation>Change question type</translation>
    </message>
    <message>
        <source>Add as a new question</source>
        <translation>Add as a new question</translation>
    </message>
    <message>
        <source>%1 Answers already given were to the first wording, so this new wording cannot be saved on this question. Add a new question instead: it keeps this question as it was and asks the new wording as a new question.</source>
        <translation>%1 Answers already given were to the first wording, so this new wording cannot be saved on this question. Add a new question instead: it keeps this question as it was and asks the new wording as a new question.</translation>
    </message>
</context>
<context>
    <name>QuestionPanel</name>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
</context>
<context>
    <name>ReachNotice</name>
    <message>
        <source>This link only opens on phones connected to your shop&apos;s Wi-Fi, and only while Koe runs on this computer: fine for a QR code on the counter, not for SMS, email or printed codes that leave the shop. Set up a public host to reach customers anywhere.</source>
        <translation>This link only opens on phones connected to your shop&apos;s Wi-Fi, and only while Koe runs on this computer: fine for a QR code on the counter, not for SMS, email or printed codes that leave the shop. Set up a public host to reach customers anywhere.</translation>
    </message>
    <message>
        <source>Only this computer can open this link: customers&apos; phones cannot. Set up a public host so that customers can answer from anywhere, or turn on Settings ▸ On this network for phones on your shop&apos;s Wi-Fi.</source>
        <translation>Only this computer can open this link: customers&apos; phones cannot. Set up a public host so that customers can answer from anywhere, or turn on Settings ▸ On this network for phones on your shop&apos;s Wi-Fi.</translation>
    </message>
    <message>
        <source>The public address in Settings is not one that phones can open, so this link reaches no one. Set up a public host.</source>
        <translation>The public address in Settings is not one that phones can open, so this link reaches no one. Set up a public host.</translation>
    </message>
    <message>
        <source>SMS and email campaigns need a public host. Their survey links would only open on your shop&apos;s Wi-Fi ({address}), not where customers read their messages, so nothing can be queued yet.</source>
        <translation>SMS and email campaigns need a public host. Their survey links would only open on your shop&apos;s Wi-Fi ({address}), not where customers read their messages, so nothing can be queued yet.</translation>
    </message>
    <message>
        <source>SMS and email campaigns need a public host. Their survey links would point to this computer ({address}), which customers&apos; phones cannot open, so nothing can be queued yet.</source>
        <translation>SMS and email campaigns need a public host. Their survey links would point to this computer ({address}), which customers&apos; phones cannot open, so nothing can be queued yet.</translation>
    </message>
    <message>
        <source>SMS and email campaigns need a public host. The public address in Settings ({address}) is not one customers can open, so nothing can be queued yet.</source>
        <translation>SMS and email campaigns need a public host. The public address in Settings ({address}) is not one customers can open, so nothing can be queued yet.</translation>
    </message>
    <message>
        <source>Print it on receipts, menus or a card on the counter.</source>
        <translation>Print it on receipts, menus or a card on the counter.</translation>
    </message>
    <message>
        <source>For a card on the counter: phones on your shop&apos;s Wi-Fi can scan it while Koe runs.</source>
        <translation>For a card on the counter: phones on your shop&apos;s Wi-Fi can scan it while Koe runs.</translation>
    </message>
    <message>
        <source>Phones cannot open this code yet: print it once a public host is set up.</source>
        <translation>Phones cannot open this code yet: print it once a public host is set up.</translation>
    </message>
    <message>
        <source>Set up a public host…</source>
        <translation>Set up a public host…</translation>
    </message>
</context>
<context>
    <name>ReachPage</name>
    <message>
        <source>How will customers reach your surveys?</source>
        <translation>How will customers reach your surveys?</translation>
    </message>
    <message>
        <source>A survey link works only where customers&apos; phones can reach it. You can change this later in Settings.</source>
        <translation>A survey link works only where customers&apos; phones can reach it. You can change this later in Settings.</translation>
    </message>
    <message>
        <source>Through a public host on the internet (recommended)</source>
        <translation>Through a public host on the internet (recommended)</translation>
    </message>
    <message>
        <source>For SMS, email and printed QR codes: links work from anywhere. Next, Koe opens the public host set-up.</source>
        <translation>For SMS, email and printed QR codes: links work from anywhere. Next, Koe opens the public host set-up.</translation>
    </message>
    <message>
        <source>From this computer, on the shop&apos;s Wi-Fi</source>
        <translation>From this computer, on the shop&apos;s Wi-Fi</translation>
    </message>
    <message>
        <source>For a QR code on the counter only: it works while Koe is running, and only for phones on the same Wi-Fi as this computer.</source>
        <translation>For a QR code on the counter only: it works while Koe is running, and only for phones on the same Wi-Fi as this computer.</translation>
    </message>
    <message>
        <source>Just trying it out</source>
        <translation>Just trying it out</translation>
    </message>
    <message>
        <source>Links open only on this computer, and Koe marks them so everywhere: customers cannot answer yet.</source>
        <translation>Links open only on this computer, and Koe marks them so everywhere: customers cannot answer yet.</translation>
    </message>
</context>
<context>
    <name>Readiness</name>
    <message>
        <source>Open Settings ▸ Messages…</source>
        <translation>Open Settings ▸ Messages…</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>Unlock…</translation>
    </message>
    <message>
        <source>Start sending again</source>
        <translation>Start sending again</translation>
    </message>
    <message>
        <source>SMS is not set up: the Twilio account SID and sender are missing.</source>
        <translation>SMS is not set up: the Twilio account SID and sender are missing.</translation>
    </message>
    <message>
        <source>Email is not set up: the mail server and From address are missing.</source>
        <translation>Email is not set up: the mail server and From address are missing.</translation>
    </message>
    <message>
        <source>The Twilio auth token has not been saved.</source>
        <translation>The Twilio auth token has not been saved.</translation>
    </message>
    <message>
        <source>The email password has not been saved.</source>
        <translation>The email password has not been saved.</translation>
    </message>
    <message>
        <source>The encrypted secrets file is locked: unlock it with its passphrase.</source>
        <translation>The encrypted secrets file is locked: unlock it with its passphrase.</translation>
    </message>
    <message>
        <source>The sender is not running for {channel}.</source>
        <translation>The sender is not running for {channel}.</translation>
    </message>
    <message>
        <source>Twilio refused the account SID or auth token.</source>
        <translation>Twilio refused the account SID or auth token.</translation>
    </message>
    <message>
        <source>The mail server refused the user name or password.</source>
        <translation>The mail server refused the user name or password.</translation>
    </message>
    <message>
        <source>Twilio refused the sender (From number, sender ID or service).</source>
        <translation>Twilio refused the sender (From number, sender ID or service).</translation>
    </message>
    <message>
        <source>The mail server refused the From address.</source>
        <translation>The mail server refused the From address.</translation>
    </message>
    <message>
        <source>Twilio cannot be reached just now; messages wait until it answers.</source>
        <translation>Twilio cannot be reached just now; messages wait until it answers.</translation>
    </message>
    <message>
        <source>The mail server cannot be reached just now; messages wait until it answers.</source>
        <translation>The mail server cannot be reached just now; messages wait until it answers.</translation>
    </message>
    <message>
        <source>Not tested yet: send a test message in Settings ▸ Messages.</source>
        <translation>Not tested yet: send a test message in Settings ▸ Messages.</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Ready.</translation>
    </message>
    <message>
        <source>Tested {when}</source>
        <translation>Tested {when}</translation>
    </message>
    <message>
        <source>Not tested yet</source>
        <translation>Not tested yet</translation>
    </message>
    <message>
        <source>No secret needed</source>
        <translation>No secret needed</translation>
    </message>
    <message>
        <source>Secrets unlocked</source>
        <translation>Secrets unlocked</translation>
    </message>
    <message>
        <source>Secrets locked</source>
        <translation>Secrets locked</translation>
    </message>
    <message>
        <source>Set up</source>
        <translation>Set up</translation>
    </message>
    <message>
        <source>Not set up</source>
        <translation>Not set up</translation>
    </message>
    <message>
        <source>Sender running</source>
        <translation>Sender running</translation>
    </message>
    <message>
        <source>Sender not running</source>
        <translation>Sender not running</translation>
    </message>
    <message>
        <source>Quiet hours: waits until {when}</source>
        <translation>Quiet hours: waits until {when}</translation>
    </message>
    <message>
        <source>Waits until {when}</source>
        <translation>Waits until {when}</translation>
    </message>
    <message>
        <source>Twilio asked Koe to slow down: tries again at {when}</source>
        <translation>Twilio asked Koe to slow down: tries again at {when}</translation>
    </message>
    <message>
        <source>Tries again at {when}: {detail}</source>
        <translation>Tries again at {when}: {detail}</translation>
    </message>
    <message>
        <source>Waiting: {why}</source>
        <translation>Waiting: {why}</translation>
    </message>
</context>
<context>
    <name>ReadinessCounts</name>
    <message numerus="yes">
        <source>{channel}: %n message(s) waiting. {why}</source>
        <translation>
            <numerusform>{channel}: %n message waiting. {why}</numerusform>
            <numerusform>{channel}: %n messages waiting. {why}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecipientTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>Sent to</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>RepliesView</name>
    <message>
        <source>When a customer answers an SMS in their own words (where two-way SMS works: not to Japanese numbers), it shows here.</source>
        <translation>When a customer answers an SMS in their own words (where two-way SMS works: not to Japanese numbers), it shows here.</translation>
    </message>
    <message numerus="yes">
        <source>SMS replies (%n)</source>
        <translation>
            <numerusform>SMS replies (%n)</numerusform>
            <numerusform>SMS replies (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RespondentSettingsPanel</name>
    <message>
        <source>Promise a follow-up to unhappy customers</source>
        <translation>Promise a follow-up to unhappy customers</translation>
    </message>
    <message>
        <source>e.g. 127.0.0.1</source>
        <translation>e.g. 127.0.0.1</translation>
    </message>
    <message>
        <source>Save thank-you and protection settings</source>
        <translation>Save thank-you and protection settings</translation>
    </message>
    <message>
        <source>Customers who give a low score read that someone from your team will get in touch. Only after a personal link (SMS or email), so you know whom to call.</source>
        <translation>Customers who give a low score read that someone from your team will get in touch. Only after a personal link (SMS or email), so you know whom to call.</translation>
    </message>
    <message>
        <source>Referral link</source>
        <translation>Referral link</translation>
    </message>
    <message>
        <source>Offered to your happiest customers (promoters) to recommend you.</source>
        <translation>Offered to your happiest customers (promoters) to recommend you.</translation>
    </message>
    <message>
        <source>Public review link</source>
        <translation>Public review link</translation>
    </message>
    <message>
        <source>Offered to every customer, whatever their score: asking only happy customers for reviews breaks Google&apos;s review rules.</source>
        <translation>Offered to every customer, whatever their score: asking only happy customers for reviews breaks Google&apos;s review rules.</translation>
    </message>
    <message>
        <source>Answers a minute from one address</source>
        <translation>Answers a minute from one address</translation>
    </message>
    <message>
        <source>On public links (QR codes, shared links), more answers than this from one internet address in a minute are asked to wait. Personal links are not limited.</source>
        <translation>On public links (QR codes, shared links), more answers than this from one internet address in a minute are asked to wait. Personal links are not limited.</translation>
    </message>
    <message>
        <source>Trusted proxy addresses</source>
        <translation>Trusted proxy addresses</translation>
    </message>
    <message>
        <source>Only when the survey site runs behind a reverse proxy (nginx, Caddy): its addresses, separated by commas, so that each visitor&apos;s own address is used. Leave empty otherwise.</source>
        <translation>Only when the survey site runs behind a reverse proxy (nginx, Caddy): its addresses, separated by commas, so that each visitor&apos;s own address is used. Leave empty otherwise.</translation>
    </message>
    <message>
        <source>Thank-you page</source>
        <translation>Thank-you page</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>Protection</translation>
    </message>
    <message>
        <source>The referral link</source>
        <translation>The referral link</translation>
    </message>
    <message>
        <source>The review link</source>
        <translation>The review link</translation>
    </message>
    <message>
        <source>{name} must be a web address starting with https://.</source>
        <translation>{name} must be a web address starting with https://.</translation>
    </message>
    <message>
        <source>Not an address: {addresses}. Type addresses such as 10.0.0.2.</source>
        <translation>Not an address: {addresses}. Type addresses such as 10.0.0.2.</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>Unsaved changes.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>Could not save: {error}</translation>
    </message>
</context>
<context>
    <name>ResponseTableModel</name>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Contacted</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Campaign: %1</source>
        <translation>Campaign: %1</translation>
    </message>
    <message>
        <source>Source tag of the link: %1</source>
        <translation>Source tag of the link: %1</translation>
    </message>
    <message>
        <source>The respondent gave a score but did not finish the survey</source>
        <translation>The respondent gave a score but did not finish the survey</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>Partial</translation>
    </message>
</context>
<context>
    <name>ResponsesView</name>
    <message>
        <source>Show new responses</source>
        <translation>Show new responses</translation>
    </message>
    <message>
        <source>Show all responses</source>
        <translation>Show all responses</translation>
    </message>
    <message>
        <source>No responses match these filters</source>
        <translation>No responses match these filters</translation>
    </message>
    <message>
        <source>Choose a longer period, or all channels, segments and campaigns.</source>
        <translation>Choose a longer period, or all channels, segments and campaigns.</translation>
    </message>
    <message>
        <source>Could not read the responses: %1</source>
        <translation>Could not read the responses: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln response(s)</source>
        <translation>
            <numerusform>%Ln response</numerusform>
            <numerusform>%Ln responses</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete response…</source>
        <translation>Delete response…</translation>
    </message>
    <message>
        <source>Delete the selected response, e.g. when a customer asks for it</source>
        <translation>Delete the selected response, e.g. when a customer asks for it</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>score %1</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>Survey:</source>
        <translation>Survey:</translation>
    </message>
    <message>
        <source>Big screen</source>
        <translation>Big screen</translation>
    </message>
    <message>
        <source>A full-screen live dashboard for the office screen</source>
        <translation>A full-screen live dashboard for the office screen</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>By month</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>By week</translation>
    </message>
    <message>
        <source>Trend:</source>
        <translation>Trend:</translation>
    </message>
    <message>
        <source>Breakdown by:</source>
        <translation>Breakdown by:</translation>
    </message>
    <message>
        <source>Go to Surveys</source>
        <translation>Go to Surveys</translation>
    </message>
    <message>
        <source>No surveys yet</source>
        <translation>No surveys yet</translation>
    </message>
    <message>
        <source>Create a survey on the Surveys page; its results appear here.</source>
        <translation>Create a survey on the Surveys page; its results appear here.</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Source tag</source>
        <translation>Source tag</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Contact: %1</source>
        <translation>Contact: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>No answers yet</source>
        <translation>No answers yet</translation>
    </message>
    <message>
        <source>It is still a draft: open it on the Surveys page, then share it.</source>
        <translation>It is still a draft: open it on the Surveys page, then share it.</translation>
    </message>
    <message>
        <source>No answers yet — share its link or QR code</source>
        <translation>No answers yet — share its link or QR code</translation>
    </message>
    <message>
        <source>New answers appear here as soon as they arrive.</source>
        <translation>New answers appear here as soon as they arrive.</translation>
    </message>
    <message>
        <source>Could not read the surveys: %1</source>
        <translation>Could not read the surveys: %1</translation>
    </message>
    <message>
        <source>Could not read the results: %1</source>
        <translation>Could not read the results: %1</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>Responses</translation>
    </message>
    <message>
        <source>The response was deleted. It no longer counts anywhere.</source>
        <translation>The response was deleted. It no longer counts anywhere.</translation>
    </message>
    <message>
        <source>The response could not be deleted: %1</source>
        <translation>The response could not be deleted: %1</translation>
    </message>
    <message>
        <source>Delete response</source>
        <translation>Delete response</translation>
    </message>
    <message>
        <source>Delete this response?</source>
        <translation>Delete this response?</translation>
    </message>
    <message>
        <source>The response and all its answers are deleted for good: it disappears from every count, chart and export and from the Comments page, and from the public host at the next sync. This cannot be undone.</source>
        <translation>The response and all its answers are deleted for good: it disappears from every count, chart and export and from the Comments page, and from the public host at the next sync. This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Check the campaign. Creating it queues the messages; nothing is sent before.</source>
        <translation>Check the campaign. Creating it queues the messages; nothing is sent before.</translation>
    </message>
    <message>
        <source>Survey: {title}</source>
        <translation>Survey: {title}</translation>
    </message>
    <message>
        <source>Recipients: {n} ({sms} by SMS, {email} by email)</source>
        <translation>Recipients: {n} ({sms} by SMS, {email} by email)</translation>
    </message>
    <message>
        <source>Messages to queue: {n} (invitations and reminders)</source>
        <translation>Messages to queue: {n} (invitations and reminders)</translation>
    </message>
    <message>
        <source>First invitation: {when} (this computer&apos;s time)</source>
        <translation>First invitation: {when} (this computer&apos;s time)</translation>
    </message>
    <message>
        <source>Held for quiet hours: {n}</source>
        <translation>Held for quiet hours: {n}</translation>
    </message>
    <message>
        <source>SMS cost estimate, reminders included: {cost}</source>
        <translation>SMS cost estimate, reminders included: {cost}</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Best-practice rules</source>
        <translation>Best-practice rules</translation>
    </message>
    <message>
        <source>Koe checks each survey against these rules as you write it. Untick a rule to switch it off for this survey only.</source>
        <translation>Koe checks each survey against these rules as you write it. Untick a rule to switch it off for this survey only.</translation>
    </message>
    <message>
        <source>Reported as a problem: it breaks the data.</source>
        <translation>Reported as a problem: it breaks the data.</translation>
    </message>
    <message>
        <source>Reported as a warning: it hurts the data.</source>
        <translation>Reported as a warning: it hurts the data.</translation>
    </message>
    <message>
        <source>Reported as a suggestion.</source>
        <translation>Reported as a suggestion.</translation>
    </message>
</context>
<context>
    <name>RulesFlow</name>
    <message>
        <source>Turn on “%1”</source>
        <translation>Turn on “%1”</translation>
    </message>
    <message>
        <source>Turn off “%1”</source>
        <translation>Turn off “%1”</translation>
    </message>
    <message>
        <source>“%1” is off for this survey. Turn it back on under Rules….</source>
        <translation>“%1” is off for this survey. Turn it back on under Rules….</translation>
    </message>
</context>
<context>
    <name>SavePlaces</name>
    <message>
        <source>The folder {folder} does not exist. Choose another folder.</source>
        <translation>The folder {folder} does not exist. Choose another folder.</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder. Choose another folder.</source>
        <translation>{folder} is a file, not a folder. Choose another folder.</translation>
    </message>
    <message>
        <source>{path} is a folder. Choose a file name.</source>
        <translation>{path} is a folder. Choose a file name.</translation>
    </message>
    <message>
        <source>Koe may not write to {path}. Choose another folder or file name.</source>
        <translation>Koe may not write to {path}. Choose another folder or file name.</translation>
    </message>
    <message>
        <source>The disk is full: {path} could not be written. Free some space first.</source>
        <translation>The disk is full: {path} could not be written. Free some space first.</translation>
    </message>
    <message>
        <source>The disk of {folder} cannot be written to. Choose another folder.</source>
        <translation>The disk of {folder} cannot be written to. Choose another folder.</translation>
    </message>
    <message>
        <source>{path} could not be written: {reason}.</source>
        <translation>{path} could not be written: {reason}.</translation>
    </message>
</context>
<context>
    <name>ScaleSection</name>
    <message>
        <source>Label for %1 (lowest)</source>
        <translation>Label for %1 (lowest)</translation>
    </message>
    <message>
        <source>Label for %1 (highest)</source>
        <translation>Label for %1 (highest)</translation>
    </message>
    <message>
        <source>Faces:</source>
        <translation>Faces:</translation>
    </message>
    <message>
        <source>%1 faces</source>
        <translation>%1 faces</translation>
    </message>
    <message>
        <source>Faces need no labels: they speak for themselves.</source>
        <translation>Faces need no labels: they speak for themselves.</translation>
    </message>
    <message>
        <source>Thumbs need no labels: they speak for themselves.</source>
        <translation>Thumbs need no labels: they speak for themselves.</translation>
    </message>
    <message>
        <source>Edit scale label</source>
        <translation>Edit scale label</translation>
    </message>
    <message>
        <source>Change number of faces</source>
        <translation>Change number of faces</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>When should the invitations go?</source>
        <translation>When should the invitations go?</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Messages go only between {start} and {end} in each contact&apos;s time zone (their time zone attribute, else {zone}); the rest wait for the morning.</source>
        <translation>Messages go only between {start} and {end} in each contact&apos;s time zone (their time zone attribute, else {zone}); the rest wait for the morning.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>Remind after</source>
        <translation>Remind after</translation>
    </message>
    <message>
        <source>Reminders go only to people who have not answered, with the same link, and count towards the frequency cap.</source>
        <translation>Reminders go only to people who have not answered, with the same link, and count towards the frequency cap.</translation>
    </message>
</context>
<context>
    <name>ScoreSummary</name>
    <message>
        <source>Responses</source>
        <translation>Responses</translation>
    </message>
    <message>
        <source>No scale question to score</source>
        <translation>No scale question to score</translation>
    </message>
    <message numerus="yes">
        <source>4 or 5 (satisfied): %1 of %Ln answer(s).</source>
        <translation>
            <numerusform>4 or 5 (satisfied): %1 of %Ln answer.</numerusform>
            <numerusform>4 or 5 (satisfied): %1 of %Ln answers.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 agree it was easy (5–7).</source>
        <translation>%1 agree it was easy (5–7).</translation>
    </message>
    <message>
        <source>% promoters (9–10) minus % detractors (0–6), from −100 to +100.</source>
        <translation>% promoters (9–10) minus % detractors (0–6), from −100 to +100.</translation>
    </message>
    <message>
        <source>Share of answers that are 4 or 5 on the 1–5 scale.</source>
        <translation>Share of answers that are 4 or 5 on the 1–5 scale.</translation>
    </message>
    <message>
        <source>Mean answer on the 1–7 scale; higher means less effort.</source>
        <translation>Mean answer on the 1–7 scale; higher means less effort.</translation>
    </message>
</context>
<context>
    <name>SecondFolderRow</name>
    <message>
        <source>Also copy each backup to another disk: a USB disk, or a folder that OneDrive, Dropbox or iCloud syncs. Copies kept only on this computer&apos;s disk are lost with the disk.</source>
        <translation>Also copy each backup to another disk: a USB disk, or a folder that OneDrive, Dropbox or iCloud syncs. Copies kept only on this computer&apos;s disk are lost with the disk.</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>Stop copying</source>
        <translation>Stop copying</translation>
    </message>
    <message>
        <source>Second copy: none (backups stay on this disk only)</source>
        <translation>Second copy: none (backups stay on this disk only)</translation>
    </message>
    <message>
        <source>Second copy to {folder}</source>
        <translation>Second copy to {folder}</translation>
    </message>
    <message>
        <source>⚠ The folder cannot be found (is the disk plugged in?). Backups are still made on this computer, and copied there once the folder is back.</source>
        <translation>⚠ The folder cannot be found (is the disk plugged in?). Backups are still made on this computer, and copied there once the folder is back.</translation>
    </message>
    <message>
        <source>⚠ The last copy there failed: {error} Backups are still made on this computer.</source>
        <translation>⚠ The last copy there failed: {error} Backups are still made on this computer.</translation>
    </message>
    <message>
        <source>The newest copy there was taken {when}.</source>
        <translation>The newest copy there was taken {when}.</translation>
    </message>
    <message>
        <source>No copy there yet: the next backup goes there too.</source>
        <translation>No copy there yet: the next backup goes there too.</translation>
    </message>
    <message>
        <source>Folder for a second copy of each backup</source>
        <translation>Folder for a second copy of each backup</translation>
    </message>
</context>
<context>
    <name>SegmentDialog</name>
    <message>
        <source>Edit segment</source>
        <translation>Edit segment</translation>
    </message>
    <message>
        <source>New segment</source>
        <translation>New segment</translation>
    </message>
    <message>
        <source>For example: Shibuya, paying plans</source>
        <translation>For example: Shibuya, paying plans</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Values (separate with commas)</source>
        <translation>Values (separate with commas)</translation>
    </message>
    <message>
        <source>Add condition</source>
        <translation>Add condition</translation>
    </message>
    <message>
        <source>Save segment</source>
        <translation>Save segment</translation>
    </message>
    <message>
        <source>Delete segment</source>
        <translation>Delete segment</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Contacts who match every condition:</source>
        <translation>Contacts who match every condition:</translation>
    </message>
    <message>
        <source>is one of</source>
        <translation>is one of</translation>
    </message>
    <message>
        <source>is none of</source>
        <translation>is none of</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>contains</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>is empty</translation>
    </message>
    <message>
        <source>is not empty</source>
        <translation>is not empty</translation>
    </message>
    <message>
        <source>Language (ja, en)</source>
        <translation>Language (ja, en)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Matching contacts: %1</source>
        <translation>Matching contacts: %1</translation>
    </message>
</context>
<context>
    <name>SendLabels</name>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>SMS, else email</source>
        <translation>SMS, else email</translation>
    </message>
    <message>
        <source>Opted out of {channel}</source>
        <translation>Opted out of {channel}</translation>
    </message>
    <message>
        <source>No consent recorded for {channel}</source>
        <translation>No consent recorded for {channel}</translation>
    </message>
    <message>
        <source>Answered a survey recently ({date}): frequency cap</source>
        <translation>Answered a survey recently ({date}): frequency cap</translation>
    </message>
    <message>
        <source>Invited recently without answering ({date}): frequency cap</source>
        <translation>Invited recently without answering ({date}): frequency cap</translation>
    </message>
    <message>
        <source>No usable phone number</source>
        <translation>No usable phone number</translation>
    </message>
    <message>
        <source>Landline: cannot receive SMS</source>
        <translation>Landline: cannot receive SMS</translation>
    </message>
    <message>
        <source>No usable email address</source>
        <translation>No usable email address</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Undelivered</source>
        <translation>Undelivered</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Canceled</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <source>New campaign…</source>
        <translation>New campaign…</translation>
    </message>
    <message>
        <source>Go to Contacts</source>
        <translation>Go to Contacts</translation>
    </message>
    <message>
        <source>Or set up a programme that sends by itself…</source>
        <translation>Or set up a programme that sends by itself…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>No contacts yet</source>
        <translation>No contacts yet</translation>
    </message>
    <message>
        <source>Campaigns send a survey to your contacts by SMS or email. Add or import your contacts on the Contacts page first.</source>
        <translation>Campaigns send a survey to your contacts by SMS or email. Add or import your contacts on the Contacts page first.</translation>
    </message>
    <message>
        <source>No open survey</source>
        <translation>No open survey</translation>
    </message>
    <message>
        <source>Only an open survey can be sent. Open one on the Surveys page.</source>
        <translation>Only an open survey can be sent. Open one on the Surveys page.</translation>
    </message>
    <message>
        <source>Go to Surveys</source>
        <translation>Go to Surveys</translation>
    </message>
    <message>
        <source>No campaigns yet</source>
        <translation>No campaigns yet</translation>
    </message>
    <message>
        <source>A campaign sends an open survey to your contacts by SMS or email, respecting opt-outs, consent and quiet hours. Start one here.</source>
        <translation>A campaign sends an open survey to your contacts by SMS or email, respecting opt-outs, consent and quiet hours. Start one here.</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s)</source>
        <translation>
            <numerusform>%n recipient</numerusform>
            <numerusform>%n recipients</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending is paused for the channels that need a password: the encrypted secrets file is locked.</source>
        <translation>Sending is paused for the channels that need a password: the encrypted secrets file is locked.</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>Programmes</translation>
    </message>
</context>
<context>
    <name>ServerStatus</name>
    <message>
        <source>The survey site is not running: {error}</source>
        <translation>The survey site is not running: {error}</translation>
    </message>
    <message>
        <source>Survey site running at {url}</source>
        <translation>Survey site running at {url}</translation>
    </message>
    <message>
        <source>The survey site is starting…</source>
        <translation>The survey site is starting…</translation>
    </message>
</context>
<context>
    <name>SetUpAssistant</name>
    <message>
        <source>The answers could not be saved: %1</source>
        <translation>The answers could not be saved: %1</translation>
    </message>
    <message>
        <source>Set up Koe</source>
        <translation>Set up Koe</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SetUpLabels</name>
    <message>
        <source>Café or restaurant</source>
        <translation>Café or restaurant</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>Salon or clinic</source>
        <translation>Salon or clinic</translation>
    </message>
    <message>
        <source>Online service</source>
        <translation>Online service</translation>
    </message>
    <message>
        <source>Customers reach the surveys through a public host.</source>
        <translation>Customers reach the surveys through a public host.</translation>
    </message>
    <message>
        <source>Customers reach the surveys on the shop&apos;s Wi-Fi, while Koe runs on this computer.</source>
        <translation>Customers reach the surveys on the shop&apos;s Wi-Fi, while Koe runs on this computer.</translation>
    </message>
    <message>
        <source>Trying Koe out: links work only on this computer.</source>
        <translation>Trying Koe out: links work only on this computer.</translation>
    </message>
    <message>
        <source>Not set up yet.</source>
        <translation>Not set up yet.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>e.g. Sakura Bakery</source>
        <translation>e.g. Sakura Bakery</translation>
    </message>
    <message>
        <source>Leave empty to use this computer</source>
        <translation>Leave empty to use this computer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save settings (Ctrl+S)</source>
        <translation>Save settings (Ctrl+S)</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>Business name</translation>
    </message>
    <message>
        <source>Shown to customers on the survey page.</source>
        <translation>Shown to customers on the survey page.</translation>
    </message>
    <message>
        <source>Privacy notice</source>
        <translation>Privacy notice</translation>
    </message>
    <message>
        <source>A link to your privacy notice, shown on the survey page.</source>
        <translation>A link to your privacy notice, shown on the survey page.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>The port this computer serves surveys on (1024–65535).</source>
        <translation>The port this computer serves surveys on (1024–65535).</translation>
    </message>
    <message>
        <source>Public address</source>
        <translation>Public address</translation>
    </message>
    <message>
        <source>Public host</source>
        <translation>Public host</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Koe switches to it when you save.</source>
        <translation>Koe switches to it when you save.</translation>
    </message>
    <message>
        <source>Survey site</source>
        <translation>Survey site</translation>
    </message>
    <message>
        <source>On this network</source>
        <translation>On this network</translation>
    </message>
    <message>
        <source>Messages (SMS and email)</source>
        <translation>Messages (SMS and email)</translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation>Workspace folder</translation>
    </message>
    <message>
        <source>All of Koe&apos;s data lives in this folder on this computer.</source>
        <translation>All of Koe&apos;s data lives in this folder on this computer.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Set from the public host below: every link starts with its address. Disconnect the host to type another address.</source>
        <translation>Set from the public host below: every link starts with its address. Disconnect the host to type another address.</translation>
    </message>
    <message>
        <source>Connect a public host below and Koe sets this from it. Type an address here only when customers reach this computer some other way; leave it empty to use this computer&apos;s own address.</source>
        <translation>Connect a public host below and Koe sets this from it. Type an address here only when customers reach this computer some other way; leave it empty to use this computer&apos;s own address.</translation>
    </message>
    <message>
        <source>The privacy notice must be a web address starting with http:// or https://.</source>
        <translation>The privacy notice must be a web address starting with http:// or https://.</translation>
    </message>
    <message>
        <source>The public address must start with http:// or https:// and name a host, e.g. https://survey.example.com.</source>
        <translation>The public address must start with http:// or https:// and name a host, e.g. https://survey.example.com.</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>Unsaved changes.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>Could not save: {error}</translation>
    </message>
    <message>
        <source>Saved. Koe now speaks the language you chose.</source>
        <translation>Saved. Koe now speaks the language you chose.</translation>
    </message>
    <message>
        <source>Set-up assistant…</source>
        <translation>Set-up assistant…</translation>
    </message>
    <message>
        <source>Your business&apos;s name, language, time zone and kind, and how customers reach the surveys</source>
        <translation>Your business&apos;s name, language, time zone and kind, and how customers reach the surveys</translation>
    </message>
    <message>
        <source>Set-up</source>
        <translation>Set-up</translation>
    </message>
</context>
<context>
    <name>ShopLookSection</name>
    <message>
        <source>Choose logo…</source>
        <translation>Choose logo…</translation>
    </message>
    <message>
        <source>Remove logo</source>
        <translation>Remove logo</translation>
    </message>
    <message>
        <source>Pick…</source>
        <translation>Pick…</translation>
    </message>
    <message>
        <source>Save colour</source>
        <translation>Save colour</translation>
    </message>
    <message>
        <source>Brand colour</source>
        <translation>Brand colour</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>PNG, JPEG or SVG. Koe keeps a copy in the workspace, made small for phones; an SVG with scripts, links or anything active is refused.</source>
        <translation>PNG, JPEG or SVG. Koe keeps a copy in the workspace, made small for phones; an SVG with scripts, links or anything active is refused.</translation>
    </message>
    <message>
        <source>For buttons, the chosen answer and the heading. Leave empty for Koe&apos;s blue.</source>
        <translation>For buttons, the chosen answer and the heading. Leave empty for Koe&apos;s blue.</translation>
    </message>
    <message>
        <source>Your shop&apos;s look</source>
        <translation>Your shop&apos;s look</translation>
    </message>
    <message>
        <source>Choose your logo</source>
        <translation>Choose your logo</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Pictures (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <source>Checking the picture…</source>
        <translation>Checking the picture…</translation>
    </message>
    <message>
        <source>No logo: the page shows your business name.</source>
        <translation>No logo: the page shows your business name.</translation>
    </message>
    <message>
        <source>Logo saved. Every survey page shows it now.</source>
        <translation>Logo saved. Every survey page shows it now.</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>Could not save: {error}</translation>
    </message>
    <message>
        <source>This picture is too large for a logo. Choose a smaller one.</source>
        <translation>This picture is too large for a logo. Choose a smaller one.</translation>
    </message>
    <message>
        <source>This file is not a PNG, JPEG or SVG picture.</source>
        <translation>This file is not a PNG, JPEG or SVG picture.</translation>
    </message>
    <message>
        <source>This picture is damaged and cannot be read.</source>
        <translation>This picture is damaged and cannot be read.</translation>
    </message>
    <message>
        <source>This file could not be opened.</source>
        <translation>This file could not be opened.</translation>
    </message>
    <message>
        <source>This file is empty.</source>
        <translation>This file is empty.</translation>
    </message>
    <message>
        <source>This SVG holds scripts, links or other active parts, which a survey page must not carry. Save it as a plain drawing or as a PNG.</source>
        <translation>This SVG holds scripts, links or other active parts, which a survey page must not carry. Save it as a plain drawing or as a PNG.</translation>
    </message>
    <message>
        <source>Not used: {reason} Your logo is unchanged.</source>
        <translation>Not used: {reason} Your logo is unchanged.</translation>
    </message>
    <message>
        <source>Koe&apos;s own blue.</source>
        <translation>Koe&apos;s own blue.</translation>
    </message>
    <message>
        <source>Type a colour as #rrggbb, for example #0f5fa6.</source>
        <translation>Type a colour as #rrggbb, for example #0f5fa6.</translation>
    </message>
    <message>
        <source>{colour} is too light for white text (contrast {ratio}:1, at least 4.5:1 is needed). On light screens the page uses the darker {shade}.</source>
        <translation>{colour} is too light for white text (contrast {ratio}:1, at least 4.5:1 is needed). On light screens the page uses the darker {shade}.</translation>
    </message>
    <message>
        <source>Readable on light screens as it is.</source>
        <translation>Readable on light screens as it is.</translation>
    </message>
    <message>
        <source>On dark screens it uses the lighter {shade}.</source>
        <translation>On dark screens it uses the lighter {shade}.</translation>
    </message>
</context>
<context>
    <name>SurveyDetailPane</name>
    <message>
        <source>Public link</source>
        <translation>Public link</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR code</translation>
    </message>
    <message>
        <source>Save poster…</source>
        <translation>Save poster…</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Select a survey to see its link and QR code.</source>
        <translation>Select a survey to see its link and QR code.</translation>
    </message>
    <message>
        <source>Responses: %1</source>
        <translation>Responses: %1</translation>
    </message>
    <message>
        <source>Set a public URL starting with http:// or https:// in Settings.</source>
        <translation>Set a public URL starting with http:// or https:// in Settings.</translation>
    </message>
    <message>
        <source>This is a draft: the link works once the survey is opened.</source>
        <translation>This is a draft: the link works once the survey is opened.</translation>
    </message>
    <message>
        <source>The survey is closed: the link tells visitors it no longer takes answers.</source>
        <translation>The survey is closed: the link tells visitors it no longer takes answers.</translation>
    </message>
    <message>
        <source>%1 (optional)</source>
        <translation>%1 (optional)</translation>
    </message>
    <message>
        <source>The survey is archived: the link tells visitors it no longer takes answers. Its answers are kept; unarchive it to reopen it.</source>
        <translation>The survey is archived: the link tells visitors it no longer takes answers. Its answers are kept; unarchive it to reopen it.</translation>
    </message>
</context>
<context>
    <name>SurveyLabels</name>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>CSAT</translation>
    </message>
    <message>
        <source>CES</source>
        <translation>CES</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>CSAT (% satisfied)</source>
        <translation>CSAT (% satisfied)</translation>
    </message>
    <message>
        <source>CES (mean effort, 1–7)</source>
        <translation>CES (mean effort, 1–7)</translation>
    </message>
    <message>
        <source>Open, ended %1</source>
        <translation>Open, ended %1</translation>
    </message>
    <message>
        <source>Open until %1</source>
        <translation>Open until %1</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archived</translation>
    </message>
</context>
<context>
    <name>SurveyPage</name>
    <message>
        <source>Survey</source>
        <translation>Survey</translation>
    </message>
    <message>
        <source>Choose the survey to send. Only open surveys can be sent.</source>
        <translation>Choose the survey to send. Only open surveys can be sent.</translation>
    </message>
    <message>
        <source>No survey is open. Open one on the Surveys page, then come back here.</source>
        <translation>No survey is open. Open one on the Surveys page, then come back here.</translation>
    </message>
</context>
<context>
    <name>SurveyPrompts</name>
    <message numerus="yes">
        <source>It is closed (its link tells visitors it no longer takes answers) and no longer listed. Its %n response(s) are kept: tick “Show archived” to see it again, and unarchive it at any time.</source>
        <translation>
            <numerusform>It is closed (its link tells visitors it no longer takes answers) and no longer listed. Its %n response is kept: tick “Show archived” to see it again, and unarchive it at any time.</numerusform>
            <numerusform>It is closed (its link tells visitors it no longer takes answers) and no longer listed. Its %n responses are kept: tick “Show archived” to see it again, and unarchive it at any time.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SurveySettingsEditor</name>
    <message>
        <source>Survey settings</source>
        <translation>Survey settings</translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation>Languages:</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR code</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation>Rules…</translation>
    </message>
    <message>
        <source>Wording in a language you remove is kept, and comes back if you add the language again.</source>
        <translation>Wording in a language you remove is kept, and comes back if you add the language again.</translation>
    </message>
    <message>
        <source>Meant to be shared by:</source>
        <translation>Meant to be shared by:</translation>
    </message>
    <message>
        <source>SMS and QR surveys are answered on a phone: the checklist asks for under two minutes.</source>
        <translation>SMS and QR surveys are answered on a phone: the checklist asks for under two minutes.</translation>
    </message>
    <message>
        <source>Switched off for this survey: %1</source>
        <translation>Switched off for this survey: %1</translation>
    </message>
    <message>
        <source>Every best-practice rule is on.</source>
        <translation>Every best-practice rule is on.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Invitation message</source>
        <translation>Invitation message</translation>
    </message>
    <message>
        <source>For SMS and email: the Send page starts from it. {name} becomes the contact&apos;s name, {company} your business name and {link} their personal link (counted as %1 characters). The SMS count holds the opt-out line as it is sent.</source>
        <translation>For SMS and email: the Send page starts from it. {name} becomes the contact&apos;s name, {company} your business name and {link} their personal link (counted as %1 characters). The SMS count holds the opt-out line as it is sent.</translation>
    </message>
    <message>
        <source>SMS: nothing to send yet.</source>
        <translation>SMS: nothing to send yet.</translation>
    </message>
    <message>
        <source>1 SMS segment: %1 of %2 characters.</source>
        <translation>1 SMS segment: %1 of %2 characters.</translation>
    </message>
    <message>
        <source>%1 SMS segments: %2 characters, %3 a segment.</source>
        <translation>%1 SMS segments: %2 characters, %3 a segment.</translation>
    </message>
    <message>
        <source>Edit title</source>
        <translation>Edit title</translation>
    </message>
    <message>
        <source>Edit invitation</source>
        <translation>Edit invitation</translation>
    </message>
    <message>
        <source>Edit page heading</source>
        <translation>Edit page heading</translation>
    </message>
    <message>
        <source>Edit introduction</source>
        <translation>Edit introduction</translation>
    </message>
    <message>
        <source>Edit thank-you message</source>
        <translation>Edit thank-you message</translation>
    </message>
    <message>
        <source>Edit the page after thanks</source>
        <translation>Edit the page after thanks</translation>
    </message>
    <message>
        <source>Change languages</source>
        <translation>Change languages</translation>
    </message>
    <message>
        <source>Change channels</source>
        <translation>Change channels</translation>
    </message>
    <message>
        <source>Anonymous answers</source>
        <translation>Anonymous answers</translation>
    </message>
    <message>
        <source>On: answers that come through a personal link (SMS or email) are not linked to the contact who got it. Comments, alerts and exports show no name, answers cannot be broken down by contact details, and no follow-up message goes to the person. Reminders still stop once someone answers. It applies to answers from now on: those already given stay as they were stored.</source>
        <translation>On: answers that come through a personal link (SMS or email) are not linked to the contact who got it. Comments, alerts and exports show no name, answers cannot be broken down by contact details, and no follow-up message goes to the person. Reminders still stop once someone answers. It applies to answers from now on: those already given stay as they were stored.</translation>
    </message>
    <message>
        <source>Off: an answer through a personal link (SMS or email) is linked to the contact who got it, so you see who answered and can follow up. Answers through the public link or a QR code are anonymous either way.</source>
        <translation>Off: an answer through a personal link (SMS or email) is linked to the contact who got it, so you see who answered and can follow up. Answers through the public link or a QR code are anonymous either way.</translation>
    </message>
    <message>
        <source>Make answers anonymous</source>
        <translation>Make answers anonymous</translation>
    </message>
    <message>
        <source>Link answers to contacts</source>
        <translation>Link answers to contacts</translation>
    </message>
</context>
<context>
    <name>SurveyTableModel</name>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>Responses</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
</context>
<context>
    <name>SurveysPage</name>
    <message>
        <source>Close survey</source>
        <translation>Close survey</translation>
    </message>
    <message>
        <source>Close “%1”?</source>
        <translation>Close “%1”?</translation>
    </message>
    <message>
        <source>It stops taking answers: people who open its link are told it is closed. You can reopen it later.</source>
        <translation>It stops taking answers: people who open its link are told it is closed. You can reopen it later.</translation>
    </message>
    <message>
        <source>New survey</source>
        <translation>New survey</translation>
    </message>
    <message>
        <source>No surveys yet</source>
        <translation>No surveys yet</translation>
    </message>
    <message>
        <source>Create your first survey from a template: NPS for loyalty, CSAT for satisfaction or CES for effort. The wording is ready in Japanese and English, so it takes a minute.</source>
        <translation>Create your first survey from a template: NPS for loyalty, CSAT for satisfaction or CES for effort. The wording is ready in Japanese and English, so it takes a minute.</translation>
    </message>
    <message>
        <source>New survey…</source>
        <translation>New survey…</translation>
    </message>
    <message>
        <source>Edit survey</source>
        <translation>Edit survey</translation>
    </message>
    <message>
        <source>Open survey…</source>
        <translation>Open survey…</translation>
    </message>
    <message>
        <source>Close survey…</source>
        <translation>Close survey…</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copy link</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Open in browser</translation>
    </message>
    <message>
        <source>Save QR code…</source>
        <translation>Save QR code…</translation>
    </message>
    <message>
        <source>Copy embed code</source>
        <translation>Copy embed code</translation>
    </message>
    <message>
        <source>See results</source>
        <translation>See results</translation>
    </message>
    <message>
        <source>Could not read the surveys: %1</source>
        <translation>Could not read the surveys: %1</translation>
    </message>
    <message>
        <source>Reopen survey…</source>
        <translation>Reopen survey…</translation>
    </message>
    <message>
        <source>Draft “%1” created. Open it when you are ready to share it.</source>
        <translation>Draft “%1” created. Open it when you are ready to share it.</translation>
    </message>
    <message>
        <source>The survey could not be created: %1</source>
        <translation>The survey could not be created: %1</translation>
    </message>
    <message>
        <source>“%1” is open: its link and QR code work now.</source>
        <translation>“%1” is open: its link and QR code work now.</translation>
    </message>
    <message>
        <source>“%1” is closed and no longer takes answers.</source>
        <translation>“%1” is closed and no longer takes answers.</translation>
    </message>
    <message>
        <source>The survey changed in the meantime and cannot be opened now. The list shows its current state.</source>
        <translation>The survey changed in the meantime and cannot be opened now. The list shows its current state.</translation>
    </message>
    <message>
        <source>The survey changed in the meantime and cannot be closed now. The list shows its current state.</source>
        <translation>The survey changed in the meantime and cannot be closed now. The list shows its current state.</translation>
    </message>
    <message>
        <source>The survey&apos;s status could not be changed: %1</source>
        <translation>The survey&apos;s status could not be changed: %1</translation>
    </message>
    <message>
        <source>Link copied: %1</source>
        <translation>Link copied: %1</translation>
    </message>
    <message>
        <source>Answer the survey in a new tab</source>
        <translation>Answer the survey in a new tab</translation>
    </message>
    <message>
        <source>Embed code copied: paste it into your website&apos;s page.</source>
        <translation>Embed code copied: paste it into your website&apos;s page.</translation>
    </message>
    <message>
        <source>Embed code copied. Add your website&apos;s address under Settings ▸ Embedding on your website first, or browsers will not show the survey in it.</source>
        <translation>Embed code copied. Add your website&apos;s address under Settings ▸ Embedding on your website first, or browsers will not show the survey in it.</translation>
    </message>
    <message>
        <source>No web browser could be started.</source>
        <translation>No web browser could be started.</translation>
    </message>
    <message>
        <source>Save QR code</source>
        <translation>Save QR code</translation>
    </message>
    <message>
        <source>QR code saved to %1</source>
        <translation>QR code saved to %1</translation>
    </message>
    <message>
        <source>The QR code could not be saved: %1</source>
        <translation>The QR code could not be saved: %1</translation>
    </message>
    <message>
        <source>Archive survey</source>
        <translation>Archive survey</translation>
    </message>
    <message>
        <source>Archive “%1”?</source>
        <translation>Archive “%1”?</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <source>Delete the draft “%1”?</source>
        <translation>Delete the draft “%1”?</translation>
    </message>
    <message>
        <source>It was never opened, so no one has its link. Its questions and settings are deleted; this cannot be undone.</source>
        <translation>It was never opened, so no one has its link. Its questions and settings are deleted; this cannot be undone.</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Archive…</source>
        <translation>Archive…</translation>
    </message>
    <message>
        <source>Delete draft…</source>
        <translation>Delete draft…</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Show archived</translation>
    </message>
    <message>
        <source>Archived surveys are closed and kept with all their answers.</source>
        <translation>Archived surveys are closed and kept with all their answers.</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>Unarchive</translation>
    </message>
    <message>
        <source>“%1” has no questions yet: add a question before opening it.</source>
        <translation>“%1” has no questions yet: add a question before opening it.</translation>
    </message>
    <message>
        <source>This survey has no questions yet: add a question before opening it.</source>
        <translation>This survey has no questions yet: add a question before opening it.</translation>
    </message>
    <message>
        <source>Add a question…</source>
        <translation>Add a question…</translation>
    </message>
    <message>
        <source>“%1” created as a draft: no answers, a link of its own.</source>
        <translation>“%1” created as a draft: no answers, a link of its own.</translation>
    </message>
    <message>
        <source>The survey could not be duplicated: %1</source>
        <translation>The survey could not be duplicated: %1</translation>
    </message>
    <message>
        <source>“%1” is back in the list, closed. Reopen it to take answers again.</source>
        <translation>“%1” is back in the list, closed. Reopen it to take answers again.</translation>
    </message>
    <message>
        <source>“%1” is archived: closed, and its answers kept. Tick “Show archived” to see it.</source>
        <translation>“%1” is archived: closed, and its answers kept. Tick “Show archived” to see it.</translation>
    </message>
    <message>
        <source>The survey could not be archived: %1</source>
        <translation>The survey could not be archived: %1</translation>
    </message>
    <message>
        <source>The draft “%1” was deleted.</source>
        <translation>The draft “%1” was deleted.</translation>
    </message>
    <message>
        <source>The draft could not be deleted: %1</source>
        <translation>The draft could not be deleted: %1</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>So that customers can answer from anywhere (by SMS, email or a printed QR code), run Koe&apos;s survey site on a public host (see docs/deploy.md), then paste its address and key here. Koe checks the host, then builds every link on its address. It sends the host your surveys and the links of your invitations, never your contacts, and fetches the answers every five minutes while it runs.</source>
        <translation>So that customers can answer from anywhere (by SMS, email or a printed QR code), run Koe&apos;s survey site on a public host (see docs/deploy.md), then paste its address and key here. Koe checks the host, then builds every link on its address. It sends the host your surveys and the links of your invitations, never your contacts, and fetches the answers every five minutes while it runs.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Check the host end to end, then sync with it and build links on its address</source>
        <translation>Check the host end to end, then sync with it and build links on its address</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Disconnect</translation>
    </message>
    <message>
        <source>Stop syncing, and forget the host&apos;s key and address on this computer</source>
        <translation>Stop syncing, and forget the host&apos;s key and address on this computer</translation>
    </message>
    <message>
        <source>Host address</source>
        <translation>Host address</translation>
    </message>
    <message>
        <source>Sync key</source>
        <translation>Sync key</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <source>Checking the host…</source>
        <translation>Checking the host…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Cancelled: nothing was changed.</translation>
    </message>
    <message>
        <source>Checking the address…</source>
        <translation>Checking the address…</translation>
    </message>
    <message>
        <source>Connecting over HTTPS; checking the certificate, version and key…</source>
        <translation>Connecting over HTTPS; checking the certificate, version and key…</translation>
    </message>
    <message>
        <source>Publishing to the host…</source>
        <translation>Publishing to the host…</translation>
    </message>
    <message>
        <source>Pulling from the host…</source>
        <translation>Pulling from the host…</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Step %1 of %2: %3</translation>
    </message>
    <message>
        <source>Checked: HTTPS, the host&apos;s protocol (%1), the key, a publish and a pull. Connecting…</source>
        <translation>Checked: HTTPS, the host&apos;s protocol (%1), the key, a publish and a pull. Connecting…</translation>
    </message>
    <message>
        <source>Koe could not check the host: %1</source>
        <translation>Koe could not check the host: %1</translation>
    </message>
    <message>
        <source>Not connected. %1</source>
        <translation>Not connected. %1</translation>
    </message>
    <message>
        <source>Disconnect the public host?</source>
        <translation>Disconnect the public host?</translation>
    </message>
    <message>
        <source>Koe will forget the key of %1 on this computer and stop syncing with it. Links will start with this computer&apos;s address again, which customers cannot open. Answers already here stay here; answers still on the host wait there until you connect again.</source>
        <translation>Koe will forget the key of %1 on this computer and stop syncing with it. Links will start with this computer&apos;s address again, which customers cannot open. Answers already here stay here; answers still on the host wait there until you connect again.</translation>
    </message>
    <message>
        <source>%1  kept in this computer&apos;s keyring</source>
        <translation>%1  kept in this computer&apos;s keyring</translation>
    </message>
    <message>
        <source>Paste the key from the host&apos;s key file</source>
        <translation>Paste the key from the host&apos;s key file</translation>
    </message>
    <message>
        <source>This computer has no usable keyring, so Koe cannot keep the sync key safely. On Linux, install and unlock a keyring service such as GNOME Keyring or KWallet.</source>
        <translation>This computer has no usable keyring, so Koe cannot keep the sync key safely. On Linux, install and unlock a keyring service such as GNOME Keyring or KWallet.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Connected to %1.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Not connected.</translation>
    </message>
    <message>
        <source>The key of this host is not on this computer: paste it, then click Connect.</source>
        <translation>The key of this host is not on this computer: paste it, then click Connect.</translation>
    </message>
    <message>
        <source>Connected · sync protocol %1 (this app: %2)</source>
        <translation>Connected · sync protocol %1 (this app: %2)</translation>
    </message>
    <message>
        <source>Connected; not synced yet.</source>
        <translation>Connected; not synced yet.</translation>
    </message>
    <message>
        <source>Links start with %1, not with this host&apos;s address: click Connect to check the host and use its address.</source>
        <translation>Links start with %1, not with this host&apos;s address: click Connect to check the host and use its address.</translation>
    </message>
    <message>
        <source>Every link Koe gives out starts with %1.</source>
        <translation>Every link Koe gives out starts with %1.</translation>
    </message>
    <message>
        <source>Links start with %1, an address on the local network: only phones on that network can open them, never a customer&apos;s phone elsewhere (SMS, email).</source>
        <translation>Links start with %1, an address on the local network: only phones on that network can open them, never a customer&apos;s phone elsewhere (SMS, email).</translation>
    </message>
    <message>
        <source>Links start with %1, which is this computer: customers&apos; phones cannot open them. For real use, connect the host by its public address (https://survey.example.com).</source>
        <translation>Links start with %1, which is this computer: customers&apos; phones cannot open them. For real use, connect the host by its public address (https://survey.example.com).</translation>
    </message>
    <message>
        <source>Links start with %1, this computer&apos;s own address: customers cannot open them until a public host is connected.</source>
        <translation>Links start with %1, this computer&apos;s own address: customers cannot open them until a public host is connected.</translation>
    </message>
    <message>
        <source>The address must start with https://: over plain http the key and the answers would cross the internet unencrypted.</source>
        <translation>The address must start with https://: over plain http the key and the answers would cross the internet unencrypted.</translation>
    </message>
    <message>
        <source>The address must not have a ? or # part.</source>
        <translation>The address must not have a ? or # part.</translation>
    </message>
    <message>
        <source>That is not a web address. Write it as https://survey.example.com.</source>
        <translation>That is not a web address. Write it as https://survey.example.com.</translation>
    </message>
    <message>
        <source>Paste the key from the host&apos;s key file.</source>
        <translation>Paste the key from the host&apos;s key file.</translation>
    </message>
    <message>
        <source>The key is wrong: the host refused it. Paste the key from the host&apos;s key file (sync.key) again.</source>
        <translation>The key is wrong: the host refused it. Paste the key from the host&apos;s key file (sync.key) again.</translation>
    </message>
    <message>
        <source>%1 answers, but no Koe host with sync is there (HTTP 404). Check the address: the host&apos;s own, without a path. On the host, Koe must run with a sync key (--sync-key-file).</source>
        <translation>%1 answers, but no Koe host with sync is there (HTTP 404). Check the address: the host&apos;s own, without a path. On the host, Koe must run with a sync key (--sync-key-file).</translation>
    </message>
    <message>
        <source>%1 sends Koe on to %2: enter that address instead.</source>
        <translation>%1 sends Koe on to %2: enter that address instead.</translation>
    </message>
    <message>
        <source>%1 does not answer as a Koe host does. Check the address. (%2)</source>
        <translation>%1 does not answer as a Koe host does. Check the address. (%2)</translation>
    </message>
    <message>
        <source>The host&apos;s data went back or was replaced during the sync (restored from a backup?). Sync again: everything is then published and pulled afresh.</source>
        <translation>The host&apos;s data went back or was replaced during the sync (restored from a backup?). Sync again: everything is then published and pulled afresh.</translation>
    </message>
    <message>
        <source>The host refused something too large to publish.</source>
        <translation>The host refused something too large to publish.</translation>
    </message>
    <message>
        <source>The host refused what Koe published: %1</source>
        <translation>The host refused what Koe published: %1</translation>
    </message>
    <message>
        <source>The host refused what Koe published.</source>
        <translation>The host refused what Koe published.</translation>
    </message>
    <message>
        <source>The sync did not finish: %1</source>
        <translation>The sync did not finish: %1</translation>
    </message>
    <message>
        <source>No computer named %1 was found. Check the address for typos, and that the name&apos;s DNS record points at the host.</source>
        <translation>No computer named %1 was found. Check the address for typos, and that the name&apos;s DNS record points at the host.</translation>
    </message>
    <message>
        <source>Nothing answers at %1 (the connection was refused). Check the address and its port, and that Koe runs on the host.</source>
        <translation>Nothing answers at %1 (the connection was refused). Check the address and its port, and that Koe runs on the host.</translation>
    </message>
    <message>
        <source>The host at %1 did not answer in time. Check the address, and this computer&apos;s internet connection.</source>
        <translation>The host at %1 did not answer in time. Check the address, and this computer&apos;s internet connection.</translation>
    </message>
    <message>
        <source>%1 does not speak HTTPS there. Check the address, and its port if it has one.</source>
        <translation>%1 does not speak HTTPS there. Check the address, and its port if it has one.</translation>
    </message>
    <message>
        <source>The host at %1 cannot be reached. Check the address, and this computer&apos;s internet connection.</source>
        <translation>The host at %1 cannot be reached. Check the address, and this computer&apos;s internet connection.</translation>
    </message>
    <message>
        <source>The host&apos;s certificate is self-signed, so this computer cannot tell the host from an impostor. Give the host a certificate from a public certificate authority such as Let&apos;s Encrypt (Caddy gets one by itself: docs/deploy.md).</source>
        <translation>The host&apos;s certificate is self-signed, so this computer cannot tell the host from an impostor. Give the host a certificate from a public certificate authority such as Let&apos;s Encrypt (Caddy gets one by itself: docs/deploy.md).</translation>
    </message>
    <message>
        <source>The host&apos;s certificate comes from a certificate authority this computer does not trust (a self-signed or private one). Give the host a certificate from a public authority such as Let&apos;s Encrypt (Caddy gets one by itself: docs/deploy.md).</source>
        <translation>The host&apos;s certificate comes from a certificate authority this computer does not trust (a self-signed or private one). Give the host a certificate from a public authority such as Let&apos;s Encrypt (Caddy gets one by itself: docs/deploy.md).</translation>
    </message>
    <message>
        <source>The host&apos;s certificate has expired. Renew it on the host (Caddy and certbot renew theirs by themselves while they run).</source>
        <translation>The host&apos;s certificate has expired. Renew it on the host (Caddy and certbot renew theirs by themselves while they run).</translation>
    </message>
    <message>
        <source>The host&apos;s certificate is not valid yet. Check the date and time of this computer and of the host.</source>
        <translation>The host&apos;s certificate is not valid yet. Check the date and time of this computer and of the host.</translation>
    </message>
    <message>
        <source>The host&apos;s certificate was made for another name than %1. Use the address the certificate was made for, or get a certificate for this one.</source>
        <translation>The host&apos;s certificate was made for another name than %1. Use the address the certificate was made for, or get a certificate for this one.</translation>
    </message>
    <message>
        <source>The host&apos;s HTTPS certificate is not valid (%1).</source>
        <translation>The host&apos;s HTTPS certificate is not valid (%1).</translation>
    </message>
    <message>
        <source>The host did not say which sync protocol it speaks (this app speaks %2). Update Koe on the host.</source>
        <translation>The host did not say which sync protocol it speaks (this app speaks %2). Update Koe on the host.</translation>
    </message>
    <message>
        <source>The host runs a newer Koe (protocol %1; this app speaks %2). Update Koe on this computer.</source>
        <translation>The host runs a newer Koe (protocol %1; this app speaks %2). Update Koe on this computer.</translation>
    </message>
    <message>
        <source>The host runs an older Koe (protocol %1; this app speaks %2). Update it on the host (with Docker: git pull &amp;&amp; docker compose up -d --build in Koe&apos;s deploy folder; see docs/deploy.md), then click Connect again.</source>
        <translation>The host runs an older Koe (protocol %1; this app speaks %2). Update it on the host (with Docker: git pull &amp;&amp; docker compose up -d --build in Koe&apos;s deploy folder; see docs/deploy.md), then click Connect again.</translation>
    </message>
    <message>
        <source>Never.</source>
        <translation>Never.</translation>
    </message>
    <message>
        <source>%1 · new answers: %2, updated: %3, unsubscribes: %4</source>
        <translation>%1 · new answers: %2, updated: %3, unsubscribes: %4</translation>
    </message>
    <message>
        <source>The last attempt, %1, failed.</source>
        <translation>The last attempt, %1, failed.</translation>
    </message>
</context>
<context>
    <name>TasksDialog</name>
    <message>
        <source>Follow-up tasks</source>
        <translation>Follow-up tasks</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Survey</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation>Rules…</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Contacted</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Low score: %1</source>
        <translation>Low score: %1</translation>
    </message>
    <message>
        <source>Chose “%1”</source>
        <translation>Chose “%1”</translation>
    </message>
    <message numerus="yes">
        <source>No answer %n day(s) after the last message</source>
        <translation>
            <numerusform>No answer %n day after the last message</numerusform>
            <numerusform>No answer %n days after the last message</numerusform>
        </translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonymous</translation>
    </message>
</context>
<context>
    <name>TemplateList</name>
    <message>
        <source>Blank survey</source>
        <translation>Blank survey</translation>
    </message>
    <message>
        <source>No questions: write your own in the designer.</source>
        <translation>No questions: write your own in the designer.</translation>
    </message>
</context>
<context>
    <name>TimeZonePage</name>
    <message>
        <source>Which time zone is your business in?</source>
        <translation>Which time zone is your business in?</translation>
    </message>
    <message>
        <source>Koe sends messages only in the daytime there, and shows every time in it. This computer&apos;s time zone is chosen already.</source>
        <translation>Koe sends messages only in the daytime there, and shows every time in it. This computer&apos;s time zone is chosen already.</translation>
    </message>
    <message>
        <source>Search, e.g. Tokyo</source>
        <translation>Search, e.g. Tokyo</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Answers</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
</context>
<context>
    <name>WebhookDialog</name>
    <message>
        <source>Your own web address (signed JSON)</source>
        <translation>Your own web address (signed JSON)</translation>
    </message>
    <message>
        <source>Chat or webhook</source>
        <translation>Chat or webhook</translation>
    </message>
    <message>
        <source>e.g. #customer-voice</source>
        <translation>e.g. #customer-voice</translation>
    </message>
    <message>
        <source>e.g. 123456789</source>
        <translation>e.g. 123456789</translation>
    </message>
    <message>
        <source>Every new answer</source>
        <translation>Every new answer</translation>
    </message>
    <message>
        <source>Low scores (as the alert emails)</source>
        <translation>Low scores (as the alert emails)</translation>
    </message>
    <message>
        <source>New follow-up tasks</source>
        <translation>New follow-up tasks</translation>
    </message>
    <message>
        <source>Include the customer&apos;s comment</source>
        <translation>Include the customer&apos;s comment</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Webhook address</source>
        <translation>Webhook address</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API token</translation>
    </message>
    <message>
        <source>Room id</source>
        <translation>Room id</translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation>Signing secret</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Saved; type a new one to change it</source>
        <translation>Saved; type a new one to change it</translation>
    </message>
</context>
<context>
    <name>WebhooksPanel</name>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Send a test message</source>
        <translation>Send a test message</translation>
    </message>
    <message>
        <source>Chat and webhooks</source>
        <translation>Chat and webhooks</translation>
    </message>
    <message>
        <source>Post new answers, low scores or new follow-up tasks to Slack, Microsoft Teams, Google Chat, Chatwork or your own web address. Each message gives the score, the survey and the response number to find it in Koe; never a survey link.</source>
        <translation>Post new answers, low scores or new follow-up tasks to Slack, Microsoft Teams, Google Chat, Chatwork or your own web address. Each message gives the score, the survey and the response number to find it in Koe; never a survey link.</translation>
    </message>
    <message>
        <source>every answer</source>
        <translation>every answer</translation>
    </message>
    <message>
        <source>low scores</source>
        <translation>low scores</translation>
    </message>
    <message>
        <source>new tasks</source>
        <translation>new tasks</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source> (no comments)</source>
        <translation> (no comments)</translation>
    </message>
    <message>
        <source>%1 — %2: %3%4</source>
        <translation>%1 — %2: %3%4</translation>
    </message>
    <message>
        <source>Unlock the secrets first: addresses are kept there.</source>
        <translation>Unlock the secrets first: addresses are kept there.</translation>
    </message>
    <message>
        <source>Saved. Send a test message to check it.</source>
        <translation>Saved. Send a test message to check it.</translation>
    </message>
    <message>
        <source>Saved. Give your receiver this signing secret to check Koe&apos;s signature (docs/webhooks.md): %1</source>
        <translation>Saved. Give your receiver this signing secret to check Koe&apos;s signature (docs/webhooks.md): %1</translation>
    </message>
    <message numerus="yes">
        <source>Removed; %n message(s) not sent yet were canceled.</source>
        <translation>
            <numerusform>Removed; %n message not sent yet was canceled.</numerusform>
            <numerusform>Removed; %n messages not sent yet were canceled.</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>Removed.</translation>
    </message>
    <message>
        <source>Sending a test message to %1…</source>
        <translation>Sending a test message to %1…</translation>
    </message>
    <message>
        <source>The test message went to %1: look for it there.</source>
        <translation>The test message went to %1: look for it there.</translation>
    </message>
    <message>
        <source>The test message did not go: %1</source>
        <translation>The test message did not go: %1</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Koe</source>
        <translation>Welcome to Koe</translation>
    </message>
    <message>
        <source>A few short questions and Koe is ready for your first survey. In a hurry? Skip now, and find these questions later in Settings ▸ Set-up assistant…</source>
        <translation>A few short questions and Koe is ready for your first survey. In a hurry? Skip now, and find these questions later in Settings ▸ Set-up assistant…</translation>
    </message>
    <message>
        <source>Koe&apos;s language</source>
        <translation>Koe&apos;s language</translation>
    </message>
    <message>
        <source>Your business&apos;s name</source>
        <translation>Your business&apos;s name</translation>
    </message>
    <message>
        <source>e.g. Sakura Bakery</source>
        <translation>e.g. Sakura Bakery</translation>
    </message>
    <message>
        <source>Customers see it on every survey and in every message: “Thank you for choosing Sakura Bakery.”</source>
        <translation>Customers see it on every survey and in every message: “Thank you for choosing Sakura Bakery.”</translation>
    </message>
</context>
</TS>
