<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
        <source>No backups yet. Koe makes one every day you open it; you can make one now.</source>
        <translation>No backups yet. Koe makes one every day you open it; you can make one now.</translation>
    </message>
    <message>
        <source>Koe keeps a copy of your data every day (the last seven), before each update and before each restore.</source>
        <translation>Koe keeps a copy of your data every day (the last seven), before each update and before each restore.</translation>
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
    <name>ContactsPage</name>
    <message>
        <source>Contacts are coming soon</source>
        <translation>Contacts are coming soon</translation>
    </message>
    <message>
        <source>Here you will import your customers from a CSV or Excel file, keep track of their consent, and respect opt-outs.</source>
        <translation>Here you will import your customers from a CSV or Excel file, keep track of their consent, and respect opt-outs.</translation>
    </message>
    <message>
        <source>For now, share a survey&apos;s link or QR code from the Surveys page: anyone who has it can answer.</source>
        <translation>For now, share a survey&apos;s link or QR code from the Surveys page: anyone who has it can answer.</translation>
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
    <name>KoeApp</name>
    <message>
        <source>Koe cannot open: {reason}</source>
        <translation>Koe cannot open: {reason}</translation>
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
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
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
    <name>NewSurveyDialog</name>
    <message>
        <source>NPS — Net Promoter Score (0–10)</source>
        <translation>NPS — Net Promoter Score (0–10)</translation>
    </message>
    <message>
        <source>CSAT — Customer satisfaction (1–5)</source>
        <translation>CSAT — Customer satisfaction (1–5)</translation>
    </message>
    <message>
        <source>CES — Customer effort (1–7)</source>
        <translation>CES — Customer effort (1–7)</translation>
    </message>
    <message>
        <source>New survey</source>
        <translation>New survey</translation>
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
    <name>PlaceholderPage</name>
    <message>
        <source>Go to Surveys</source>
        <translation>Go to Surveys</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>Survey:</source>
        <translation>Survey:</translation>
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
    <message>
        <source>%1 of %2 answers are 4 or 5 (satisfied).</source>
        <translation>%1 of %2 answers are 4 or 5 (satisfied).</translation>
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
    <name>SendPage</name>
    <message>
        <source>Sending is coming soon</source>
        <translation>Sending is coming soon</translation>
    </message>
    <message>
        <source>Here you will send surveys to your contacts as SMS and email campaigns, with reminders and quiet hours.</source>
        <translation>Here you will send surveys to your contacts as SMS and email campaigns, with reminders and quiet hours.</translation>
    </message>
    <message>
        <source>For now, share a survey&apos;s link or QR code from the Surveys page: put the link in your own messages or print the QR code.</source>
        <translation>For now, share a survey&apos;s link or QR code from the Surveys page: put the link in your own messages or print the QR code.</translation>
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
        <source>A new language applies the next time Koe starts.</source>
        <translation>A new language applies the next time Koe starts.</translation>
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
        <source>Leave empty to use this computer&apos;s address; set it when the survey site runs on a public host (python main.py serve --public-url …).</source>
        <translation>Leave empty to use this computer&apos;s address; set it when the survey site runs on a public host (python main.py serve --public-url …).</translation>
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
        <source>Survey site</source>
        <translation>Survey site</translation>
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
        <source>Restart Koe to see the new language.</source>
        <translation>Restart Koe to see the new language.</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>Could not save: {error}</translation>
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
        <source>Print it on receipts, menus or a card on the counter.</source>
        <translation>Print it on receipts, menus or a card on the counter.</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
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
</context>
</TS>
