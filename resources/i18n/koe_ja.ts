<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AudiencePage</name>
    <message>
        <source>Audience</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Who should get the survey?</source>
        <translation>誰にアンケートを送りますか？</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全員</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Segments are saved filters on contact attributes; make them on the Contacts page. The next step shows who is left out and why.</source>
        <translation>セグメントは連絡先の属性で絞り込んだ保存済みの条件です。連絡先ページで作成できます。次の手順で、送信対象から外れる人とその理由を確認できます。</translation>
    </message>
    <message>
        <source>Counting contacts…</source>
        <translation>連絡先を数えています…</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) in this audience.</source>
        <translation>
            <numerusform>この送信先の連絡先は%n件です。</numerusform>
        </translation>
    </message>
    <message>
        <source>No contacts here yet. Add or import contacts on the Contacts page.</source>
        <translation>ここにはまだ連絡先がありません。連絡先ページで追加またはインポートしてください。</translation>
    </message>
</context>
<context>
    <name>AutoSaver</name>
    <message>
        <source>“%1” has answers, so it cannot be deleted.</source>
        <translation>「%1」には回答があるため、削除できません。</translation>
    </message>
    <message>
        <source>“%1” has answers, so its type cannot change.</source>
        <translation>「%1」には回答があるため、種類を変更できません。</translation>
    </message>
    <message>
        <source>“%1” has answers, so its scale cannot change.</source>
        <translation>「%1」には回答があるため、尺度を変更できません。</translation>
    </message>
    <message>
        <source>“%1” has answers, so its options (%2) must stay.</source>
        <translation>「%1」には回答があるため、選択肢（%2）は残す必要があります。</translation>
    </message>
    <message>
        <source>“%1” has answers, so its “Other” option must stay.</source>
        <translation>「%1」には回答があるため、「その他」の選択肢は残す必要があります。</translation>
    </message>
    <message>
        <source>“%1” has answers, so its “None of these” option must stay.</source>
        <translation>「%1」には回答があるため、「どれも当てはまらない」の選択肢は残す必要があります。</translation>
    </message>
    <message>
        <source>“%1” has answers, and the new wording asks something else: add it as a new question instead.</source>
        <translation>「%1」には回答があり、新しい文言では別のことを尋ねることになります。新しい質問として追加してください。</translation>
    </message>
    <message>
        <source>An open survey needs at least one question: add one, or close the survey first.</source>
        <translation>公開中のアンケートには質問が1つ以上必要です。質問を追加するか、先にアンケートを終了してください。</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <source>Daily</source>
        <translation>毎日</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手動</translation>
    </message>
    <message>
        <source>Before restore</source>
        <translation>復元前</translation>
    </message>
    <message>
        <source>Before update</source>
        <translation>更新前</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
</context>
<context>
    <name>BackupsPanel</name>
    <message>
        <source>No backups yet. Koe makes one every day while it runs; you can make one now.</source>
        <translation>まだバックアップはありません。Koe は起動している間、毎日自動で作成します。今すぐ作成することもできます。</translation>
    </message>
    <message>
        <source>Koe keeps a copy of your data every day while it runs (the last seven), before each update and before each restore.</source>
        <translation>Koe は起動している間、データのコピーを毎日（直近 7 日分）保存します。更新や復元の前にも保存します。</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>今すぐバックアップ</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>復元…</translation>
    </message>
    <message>
        <source>Last backup: {when}</source>
        <translation>前回のバックアップ：{when}</translation>
    </message>
    <message>
        <source>The daily backup failed: {error}</source>
        <translation>毎日のバックアップに失敗しました：{error}</translation>
    </message>
    <message>
        <source>The last backup is {days} days old. Koe backs up once a day while the app or its server (main.py serve) runs; click Back up now to make one.</source>
        <translation>前回のバックアップから {days} 日たっています。Koe はアプリまたはサーバー（main.py serve）が動いている間、1 日 1 回バックアップします。「今すぐバックアップ」を押して作成してください。</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>バックアップしています…</translation>
    </message>
    <message>
        <source>Backed up as {name}.</source>
        <translation>{name} としてバックアップしました。</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>このバックアップを復元しますか？</translation>
    </message>
    <message>
        <source>Your surveys, responses and settings will be replaced by the backup taken {when}.

Koe first backs up the data as it is now, so you can undo this by restoring that copy.</source>
        <translation>アンケート、回答、設定が {when} のバックアップの内容に置き換わります。

復元の前に今のデータをバックアップするので、そのコピーを復元すれば元に戻せます。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>復元しています…</translation>
    </message>
    <message>
        <source>Restored. The data as it was before is kept as {name}.</source>
        <translation>復元しました。復元前のデータは {name} として残してあります。</translation>
    </message>
    <message>
        <source>Could not finish: {error}</source>
        <translation>完了できませんでした：{error}</translation>
    </message>
</context>
<context>
    <name>BigScreen</name>
    <message>
        <source>Leave big screen (Esc)</source>
        <translation>大画面表示を終了（Esc）</translation>
    </message>
    <message>
        <source>Latest comments</source>
        <translation>最新のコメント</translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s)</source>
        <translation>
            <numerusform>回答 %Ln 件</numerusform>
        </translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation>まだコメントはありません。</translation>
    </message>
</context>
<context>
    <name>Branching</name>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>None of these</source>
        <translation>該当なし</translation>
    </message>
    <message>
        <source> or </source>
        <translation>または</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>「%1」</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1〜%2</translation>
    </message>
    <message>
        <source>(nothing chosen)</source>
        <translation>（未選択）</translation>
    </message>
    <message>
        <source>Question %1 is shown only when question %2 is %3.</source>
        <translation>質問%1は、質問%2の回答が%3のときだけ表示されます。</translation>
    </message>
    <message>
        <source>Question %1: %2 ends the survey.</source>
        <translation>質問%1：%2でアンケートを終了します。</translation>
    </message>
</context>
<context>
    <name>BranchingSection</name>
    <message>
        <source>End the survey after these answers:</source>
        <translation>次の回答でアンケートを終了する：</translation>
    </message>
    <message>
        <source>Paths through the survey</source>
        <translation>アンケートの分岐</translation>
    </message>
    <message>
        <source>Show this question only if:</source>
        <translation>この質問を表示する条件：</translation>
    </message>
    <message>
        <source>Every respondent meets every question.</source>
        <translation>すべての回答者にすべての質問が表示されます。</translation>
    </message>
    <message>
        <source>Always show it</source>
        <translation>常に表示する</translation>
    </message>
    <message>
        <source>(no wording yet)</source>
        <translation>（文言はまだありません）</translation>
    </message>
    <message>
        <source>Question %1 is answered: %2</source>
        <translation>質問%1の回答：%2</translation>
    </message>
    <message>
        <source>A question that is no longer before this one</source>
        <translation>この質問より前にはもうない質問</translation>
    </message>
    <message>
        <source>Change when the question is shown</source>
        <translation>質問の表示条件の変更</translation>
    </message>
    <message>
        <source>Change what ends the survey</source>
        <translation>アンケートを終了する回答の変更</translation>
    </message>
</context>
<context>
    <name>BreakdownChart</name>
    <message>
        <source>Breakdown</source>
        <translation>内訳</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>スコア</translation>
    </message>
</context>
<context>
    <name>CampaignWizard</name>
    <message>
        <source>New campaign</source>
        <translation>新しいキャンペーン</translation>
    </message>
    <message>
        <source>Create campaign</source>
        <translation>キャンペーンを作成</translation>
    </message>
    <message>
        <source>The campaign was not created: {error}</source>
        <translation>キャンペーンを作成できませんでした：{error}</translation>
    </message>
</context>
<context>
    <name>ChannelCheck</name>
    <message>
        <source>Checking the channels…</source>
        <translation>送信方法を確認しています…</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>送信方法</translation>
    </message>
    <message>
        <source>{channel} (if an SMS fails)</source>
        <translation>{channel}（SMSが届かなかった場合）</translation>
    </message>
    <message>
        <source>The campaign cannot be queued until every channel can send.</source>
        <translation>すべての送信方法が送信できる状態になるまで、キャンペーンを作成できません。</translation>
    </message>
</context>
<context>
    <name>ChannelSettingsPanel</name>
    <message>
        <source>+15551234567, MyShop or MG…</source>
        <translation>+15551234567、MyShop、または MG…</translation>
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
        <translation>なし（非推奨）</translation>
    </message>
    <message>
        <source>Send only to contacts who gave consent for the channel</source>
        <translation>その連絡手段への同意がある連絡先にだけ送信する</translation>
    </message>
    <message>
        <source> days</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Send a test SMS</source>
        <translation>テストSMSを送信</translation>
    </message>
    <message>
        <source>Send a test email</source>
        <translation>テストメールを送信</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <source>Save message settings</source>
        <translation>メッセージ設定を保存</translation>
    </message>
    <message>
        <source>SMS (Twilio)</source>
        <translation>SMS（Twilio）</translation>
    </message>
    <message>
        <source>Account SID</source>
        <translation>アカウントSID</translation>
    </message>
    <message>
        <source>Auth token</source>
        <translation>認証トークン</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>送信元</translation>
    </message>
    <message>
        <source>A From number in international form, an alphanumeric sender ID (up to 11 letters and digits, where the country allows it) or a Messaging Service SID.</source>
        <translation>国際形式の送信元番号、英数字の送信者ID（11文字以内。国が認めている場合）、またはMessaging Service SIDを入力してください。</translation>
    </message>
    <message>
        <source>Messages per second</source>
        <translation>1秒あたりの送信数</translation>
    </message>
    <message>
        <source>Price per segment</source>
        <translation>1通あたりの料金</translation>
    </message>
    <message>
        <source>Test to</source>
        <translation>テスト送信先</translation>
    </message>
    <message>
        <source>Email (SMTP)</source>
        <translation>メール（SMTP）</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>暗号化</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>送信元アドレス</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Every email&apos;s footer names your business and this address, as Japanese law on commercial email and the large mailbox providers require.</source>
        <translation>特定電子メール法と大手メールサービスの要件に従い、すべてのメールのフッターに事業者名とこの住所を記載します。</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>送信ルール</translation>
    </message>
    <message>
        <source>No new survey after an answer for</source>
        <translation>回答後、次のアンケートまで空ける期間</translation>
    </message>
    <message>
        <source>… or after an unanswered invitation for</source>
        <translation>未回答の案内後、次のアンケートまで空ける期間</translation>
    </message>
    <message>
        <source>Send only between</source>
        <translation>送信する時間帯</translation>
    </message>
    <message>
        <source>In each contact&apos;s own time zone, within the 08:00–21:00 that US telemarketing law allows; other messages wait for the morning.</source>
        <translation>各連絡先のタイムゾーンで判断し、米国の電話勧誘規制が認める8:00〜21:00の範囲内に限ります。時間外のメッセージは翌朝まで待機します。</translation>
    </message>
    <message>
        <source>Workspace time zone</source>
        <translation>ワークスペースのタイムゾーン</translation>
    </message>
    <message>
        <source>The account SID starts with AC followed by 32 letters and digits.</source>
        <translation>アカウントSIDは「AC」に続く32文字の英数字です。</translation>
    </message>
    <message>
        <source>The sender must be a number such as +15551234567, a sender ID of up to 11 letters and digits, or a Messaging Service SID (MG…).</source>
        <translation>送信元は +15551234567 のような番号、11文字以内の英数字の送信者ID、またはMessaging Service SID（MG…）にしてください。</translation>
    </message>
    <message>
        <source>The price per segment must be a number such as 0.0079.</source>
        <translation>1通あたりの料金は 0.0079 のような数値で入力してください。</translation>
    </message>
    <message>
        <source>The From address must be an email address.</source>
        <translation>送信元アドレスはメールアドレスで入力してください。</translation>
    </message>
    <message>
        <source>The sending hours must start before they end.</source>
        <translation>送信時間帯の開始は終了より前にしてください。</translation>
    </message>
    <message>
        <source>Choose a time zone from the list, e.g. Asia/Tokyo.</source>
        <translation>一覧からタイムゾーンを選んでください（例：Asia/Tokyo）。</translation>
    </message>
    <message>
        <source>The auth token and the password are kept in this computer&apos;s keyring.</source>
        <translation>認証トークンとパスワードは、このコンピューターのキーリングに保管されます。</translation>
    </message>
    <message>
        <source>This computer has no usable keyring (a safe place the system keeps passwords in), so Koe cannot store the auth token and the password there. Choose a passphrase to keep them in an encrypted file in the workspace instead; Koe asks for it once each time it starts.</source>
        <translation>このコンピューターには利用できるキーリング（システムがパスワードを安全に保管する場所）がないため、認証トークンとパスワードをそこに保存できません。代わりにパスフレーズを決めて、ワークスペース内の暗号化ファイルに保管してください。Koeの起動ごとに一度入力を求めます。</translation>
    </message>
    <message>
        <source>The auth token and the password are in an encrypted file in the workspace. Enter the passphrase to unlock it.</source>
        <translation>認証トークンとパスワードはワークスペース内の暗号化ファイルにあります。パスフレーズを入力してロックを解除してください。</translation>
    </message>
    <message>
        <source>Type a passphrase first.</source>
        <translation>先にパスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>The auth token and the password are kept in an encrypted file.</source>
        <translation>認証トークンとパスワードは暗号化ファイルに保管されます。</translation>
    </message>
    <message>
        <source>Unlocked.</source>
        <translation>ロックを解除しました。</translation>
    </message>
    <message>
        <source>That passphrase does not open the secrets file.</source>
        <translation>このパスフレーズでは暗号化ファイルを開けません。</translation>
    </message>
    <message>
        <source>Could not open the secrets file: {error}</source>
        <translation>暗号化ファイルを開けませんでした：{error}</translation>
    </message>
    <message>
        <source>Stored — type to replace</source>
        <translation>保存済み — 入力すると置き換えます</translation>
    </message>
    <message>
        <source>Type where the test message should go.</source>
        <translation>テストメッセージの送信先を入力してください。</translation>
    </message>
    <message>
        <source>Save the settings first: the test uses them.</source>
        <translation>先に設定を保存してください。テストには保存済みの設定を使います。</translation>
    </message>
    <message>
        <source>Unlock the encrypted secrets file first: the test needs the password.</source>
        <translation>先に暗号化ファイルのロックを解除してください。テストにはパスワードが必要です。</translation>
    </message>
    <message>
        <source>Sending a test message…</source>
        <translation>テストメッセージを送信しています…</translation>
    </message>
    <message>
        <source>The test message was sent to {to}. Check that it arrived.</source>
        <translation>{to} にテストメッセージを送信しました。届いたか確認してください。</translation>
    </message>
    <message>
        <source>The test message to {to} is with the sender; it goes shortly.</source>
        <translation>{to} へのテストメッセージは送信処理に渡しました。まもなく送信されます。</translation>
    </message>
    <message>
        <source>It is not known whether the test message to {to} went: {error}</source>
        <translation>{to} へのテストメッセージが送信されたかどうか分かりません：{error}</translation>
    </message>
    <message>
        <source>The test message to {to} could not be sent: {error}</source>
        <translation>{to} へのテストメッセージを送信できませんでした：{error}</translation>
    </message>
    <message>
        <source>The test message could not be sent: {error}</source>
        <translation>テストメッセージを送信できませんでした：{error}</translation>
    </message>
    <message>
        <source>Unlock the encrypted secrets file (or create it) before saving a password.</source>
        <translation>パスワードを保存する前に、暗号化ファイルのロックを解除（または作成）してください。</translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation>保存する変更はありません。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>保存できませんでした：{error}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
</context>
<context>
    <name>ChannelsPage</name>
    <message>
        <source>Channels</source>
        <translation>送信方法</translation>
    </message>
    <message>
        <source>How should the survey reach people?</source>
        <translation>アンケートをどの方法で届けますか？</translation>
    </message>
    <message>
        <source>SMS replies are not available for Japanese numbers: their messages carry an opt-out link instead of &apos;reply STOP&apos;.</source>
        <translation>日本の電話番号ではSMSへの返信を受け付けられません。「STOPと返信」の代わりに配信停止リンクを付けて送ります。</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>対象外</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>&apos;SMS, else email&apos; sends email to those without a usable mobile number.</source>
        <translation>「SMS、なければメール」では、使える携帯電話番号がない人にメールで送ります。</translation>
    </message>
    <message>
        <source>{included} of {total} will get the survey ({sms} by SMS, {email} by email); {left} left out.</source>
        <translation>{total}人中{included}人に送ります（SMS {sms}人、メール {email}人）。対象外は{left}人です。</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>About %1 seconds to answer</source>
        <translation>回答時間は約 %1 秒</translation>
    </message>
    <message>
        <source>About a minute to answer</source>
        <translation>回答時間は約 1 分</translation>
    </message>
    <message>
        <source>About %1 minutes to answer</source>
        <translation>回答時間は約 %1 分</translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation>ルール…</translation>
    </message>
    <message>
        <source>Koe reviews the survey as you write it.</source>
        <translation>入力に合わせて、Koe がアンケートを確認します。</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>チェックリスト</translation>
    </message>
    <message>
        <source>Problems: %1</source>
        <translation>問題：%1</translation>
    </message>
    <message>
        <source>Warnings: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Suggestions: %1</source>
        <translation>提案：%1</translation>
    </message>
    <message>
        <source> · </source>
        <translation>・</translation>
    </message>
    <message>
        <source>Nothing to fix: this survey follows best practice.</source>
        <translation>直すところはありません。このアンケートはベストプラクティスに沿っています。</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>アンケート</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>質問 %1</translation>
    </message>
</context>
<context>
    <name>CommentDetail</name>
    <message>
        <source>Add tag</source>
        <translation>タグを追加</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>タグを外す</translation>
    </message>
    <message>
        <source>Follow-up of this answer</source>
        <translation>この回答へのフォローアップ</translation>
    </message>
    <message>
        <source>New</source>
        <translation>未対応</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>連絡済み</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解決済み</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>Select a comment to see it whole, tag it or follow it up.</source>
        <translation>コメントを選ぶと、全文の表示、タグ付け、フォローアップができます。</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>タグ：%1</translation>
    </message>
</context>
<context>
    <name>CommentsModel</name>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <source>(no comment)</source>
        <translation>（コメントなし）</translation>
    </message>
</context>
<context>
    <name>CommentsPage</name>
    <message>
        <source>Comments</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>Search comments (価格, 対応, price…)</source>
        <translation>コメントを検索（価格、対応 など）</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>すべての区分</translation>
    </message>
    <message>
        <source>Tag keywords…</source>
        <translation>タグのキーワード…</translation>
    </message>
    <message>
        <source>Follow-up tasks</source>
        <translation>フォローアップタスク</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>All surveys</source>
        <translation>すべてのアンケート</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>すべてのタグ</translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>コメント %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Follow-up tasks (%n open)</source>
        <translation>
            <numerusform>フォローアップタスク（未完了%n件）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n detractor response(s), with or without a comment</source>
        <translation>
            <numerusform>批判者の回答 %n 件（コメントの有無を問わず）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>連絡先を編集</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>連絡先を追加</translation>
    </message>
    <message>
        <source>ヤマダ ハナコ (hiragana is fine too)</source>
        <translation>ヤマダ ハナコ（ひらがなでも入力できます）</translation>
    </message>
    <message>
        <source>The reading of the name: the list sorts by it (五十音順).</source>
        <translation>名前の読み方です。一覧はこの読みで並びます（五十音順）。</translation>
    </message>
    <message>
        <source>090-1234-5678 or +81 90 1234 5678</source>
        <translation>090-1234-5678 または +81 90 1234 5678</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Furigana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Other numbers
and addresses</source>
        <translation>その他の番号・
メールアドレス</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Consent to receive surveys</source>
        <translation>アンケート受信の同意</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>配信停止</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>Consent recorded</source>
        <translation>同意の記録</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation>属性を追加</translation>
    </message>
    <message>
        <source>Attributes (store, plan, time zone…)</source>
        <translation>属性（店舗、プラン、タイムゾーンなど）</translation>
    </message>
    <message>
        <source>Phone number: %1</source>
        <translation>電話番号：%1</translation>
    </message>
    <message>
        <source>Email address: %1</source>
        <translation>メールアドレス：%1</translation>
    </message>
    <message>
        <source>A contact needs a phone number or an email address.</source>
        <translation>連絡先には電話番号かメールアドレスが必要です。</translation>
    </message>
</context>
<context>
    <name>ContactExport</name>
    <message>
        <source>Exporting contacts to %1…</source>
        <translation>連絡先を %1 に書き出しています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>連絡先の書き出し</translation>
    </message>
</context>
<context>
    <name>ContactImport</name>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Do not import</source>
        <translation>読み込まない</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>ミドルネーム</translation>
    </message>
    <message>
        <source>Label of a phone or email column</source>
        <translation>電話番号・メール列のラベル</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>誕生日</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最終来店日</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>Name (whole)</source>
        <translation>氏名（姓名まとめて）</translation>
    </message>
    <message>
        <source>Furigana (whole)</source>
        <translation>フリガナ（姓名まとめて）</translation>
    </message>
    <message>
        <source>Furigana of the family name</source>
        <translation>フリガナ（セイ）</translation>
    </message>
    <message>
        <source>Furigana of the given name</source>
        <translation>フリガナ（メイ）</translation>
    </message>
    <message>
        <source>Mobile phone (for SMS)</source>
        <translation>携帯電話（SMS送信先）</translation>
    </message>
    <message>
        <source>Other phone</source>
        <translation>その他の電話番号</translation>
    </message>
    <message>
        <source>Consent to SMS</source>
        <translation>SMS配信の同意</translation>
    </message>
    <message>
        <source>Consent to email</source>
        <translation>メール配信の同意</translation>
    </message>
    <message>
        <source>Consent to SMS and email</source>
        <translation>SMS・メール配信の同意</translation>
    </message>
    <message>
        <source>Opted out of SMS</source>
        <translation>SMS配信停止</translation>
    </message>
    <message>
        <source>Opted out of email</source>
        <translation>メール配信停止</translation>
    </message>
    <message>
        <source>Attributes (Koe&apos;s export)</source>
        <translation>属性（Koe の書き出し形式）</translation>
    </message>
    <message>
        <source>Attribute (for segments)</source>
        <translation>属性（セグメント用）</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 (no SMS)</source>
        <translation>%1（SMS不可）</translation>
    </message>
    <message>
        <source>SMS: no (opt-out)</source>
        <translation>SMS：拒否（配信停止）</translation>
    </message>
    <message>
        <source>SMS: yes</source>
        <translation>SMS：同意</translation>
    </message>
    <message>
        <source>Email: no (opt-out)</source>
        <translation>メール：拒否（配信停止）</translation>
    </message>
    <message>
        <source>Email: yes</source>
        <translation>メール：同意</translation>
    </message>
    <message>
        <source>Row not imported: %1</source>
        <comment>after the import</comment>
        <translation>この行は取り込みませんでした: %1</translation>
    </message>
    <message>
        <source>Row not imported: %1</source>
        <translation>この行は取り込みません: %1</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1。%2</translation>
    </message>
</context>
<context>
    <name>ContactImportDialog</name>
    <message>
        <source>Import contacts</source>
        <translation>連絡先の読み込み</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>読み込む</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Nothing is saved until the whole file is imported.</source>
        <translation>ファイル全体を読み込むまで何も保存されません。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>中止しています…</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was saved.</source>
        <translation>読み込みを中止しました。何も保存されていません。</translation>
    </message>
    <message>
        <source>The import failed and nothing was saved: %1</source>
        <translation>読み込みに失敗したため、何も保存されていません：%1</translation>
    </message>
    <message>
        <source>Rows not imported: %1. The reasons are below.</source>
        <translation>読み込まなかった行：%1 行。理由は下の表のとおりです。</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>レポートを保存…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>レポートを %1 に保存しました</translation>
    </message>
    <message>
        <source>The report could not be saved: %1</source>
        <translation>レポートを保存できませんでした：%1</translation>
    </message>
    <message>
        <source>Importing… %1 of %2 rows</source>
        <translation>読み込み中… %2 行中 %1 行</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>別のファイルを選ぶ…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 を読み取っています…</translation>
    </message>
    <message>
        <source>Nothing is imported yet.</source>
        <translation>まだ何も取り込んでいません。</translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2</source>
        <translation>%1 は読み込めません：%2</translation>
    </message>
    <message>
        <source>Checking every row of %1…</source>
        <translation>%1 の全行を確認しています…</translation>
    </message>
    <message>
        <source>Nothing is imported yet: you see the result before anything is saved.</source>
        <translation>まだ何も取り込んでいません。保存する前に結果を確認できます。</translation>
    </message>
    <message>
        <source>Import %1 contacts</source>
        <translation>%1 件を読み込む</translation>
    </message>
    <message>
        <source>Import 1 contact</source>
        <translation>1 件を読み込む</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 を読み込んでいます…</translation>
    </message>
    <message>
        <source>Contacts added: %1. Updated: %2. Rows merged into another: %3.</source>
        <translation>追加した連絡先：%1 件。更新：%2 件。ほかの行に統合した行：%3 行。</translation>
    </message>
    <message>
        <source>Consent recorded: SMS %1, email %2. Opt-outs recorded: SMS %3, email %4.</source>
        <translation>記録した同意：SMS %1 件、メール %2 件。記録した配信停止：SMS %3 件、メール %4 件。</translation>
    </message>
    <message>
        <source>%1 people who say yes in the file had opted out before: their opt-out stays.</source>
        <translation>ファイルでは同意となっている %1 人は以前に配信停止しているため、配信停止のままにしました。</translation>
    </message>
    <message>
        <source>…and %1 more: “Save report…” lists them all.</source>
        <translation>…ほか %1 件。「レポートを保存…」ですべて確認できます。</translation>
    </message>
    <message>
        <source>Checking… %1 of %2 rows</source>
        <translation>確認中… %2 行中 %1 行</translation>
    </message>
    <message>
        <source>Preview cancelled. Nothing was imported.</source>
        <translation>プレビューを中止しました。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>The file could not be checked: %1</source>
        <translation>ファイルを確認できませんでした：%1</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <source>Opted out</source>
        <translation>配信停止</translation>
    </message>
    <message>
        <source>Opted out (%1)</source>
        <translation>配信停止（%1）</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>固定電話</translation>
    </message>
    <message>
        <source>A landline: it cannot receive SMS.</source>
        <translation>固定電話のため、SMSは受信できません。</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>同意なし</translation>
    </message>
    <message>
        <source>No consent recorded for this channel.</source>
        <translation>この経路の同意は記録されていません。</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意あり</translation>
    </message>
    <message>
        <source>Consent: %1, %2</source>
        <translation>同意：%1、%2</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>読み込み</translation>
    </message>
    <message>
        <source>given on a form</source>
        <translation>フォームで取得</translation>
    </message>
    <message>
        <source>recorded by hand</source>
        <translation>手入力</translation>
    </message>
    <message>
        <source>by the unsubscribe link</source>
        <translation>配信停止リンクから</translation>
    </message>
    <message>
        <source>by reply</source>
        <translation>返信で</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Email consent</source>
        <translation>メール同意</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>SMS go to this number.</source>
        <translation>SMSはこの番号に送ります。</translation>
    </message>
    <message>
        <source>Also %1 (no SMS)</source>
        <translation>ほかに %1（SMS不可）</translation>
    </message>
    <message>
        <source>Also %1</source>
        <translation>ほかに %1</translation>
    </message>
    <message>
        <source>Furigana</source>
        <translation>フリガナ</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Could not read the contacts: %1</source>
        <translation>連絡先を読み込めませんでした：%1</translation>
    </message>
    <message>
        <source>Search name, phone, email or attribute</source>
        <translation>氏名・電話番号・メール・属性で検索</translation>
    </message>
    <message>
        <source>New segment…</source>
        <translation>新しいセグメント…</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>セグメント：</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>連絡先を読み込む…</translation>
    </message>
    <message>
        <source>No contacts yet</source>
        <translation>連絡先はまだありません</translation>
    </message>
    <message>
        <source>Import your customers from a CSV or Excel file: Koe reads files saved by Japanese Excel, proposes which column is the name, phone and email, and keeps the other columns (store, plan…) for segments. Or add a contact by hand.</source>
        <translation>お客様の一覧をCSVまたはExcelファイルから読み込みましょう。日本語版Excelで保存したファイルもそのまま読めます。氏名・電話番号・メールの列は自動で見つけ、ほかの列（店舗、プランなど）はセグメント用に残します。1件ずつ手で追加することもできます。</translation>
    </message>
    <message>
        <source>Add a contact</source>
        <translation>連絡先を追加</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>読み込み…</translation>
    </message>
    <message>
        <source>Add contact…</source>
        <translation>連絡先を追加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全員</translation>
    </message>
    <message>
        <source>SMS consent</source>
        <translation>SMS同意あり</translation>
    </message>
    <message>
        <source>Email consent</source>
        <translation>メール同意あり</translation>
    </message>
    <message>
        <source>No consent recorded</source>
        <translation>同意の記録なし</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>配信停止</translation>
    </message>
    <message>
        <source>Landlines (no SMS)</source>
        <translation>固定電話（SMS不可）</translation>
    </message>
    <message>
        <source>Matching contacts: %1</source>
        <translation>該当する連絡先：%1 件</translation>
    </message>
    <message>
        <source>Contacts: %1</source>
        <translation>連絡先：%1 件</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>すべての連絡先</translation>
    </message>
    <message>
        <source>Edit segment…</source>
        <translation>セグメントを編集…</translation>
    </message>
    <message>
        <source>“%1” saved.</source>
        <translation>「%1」を保存しました。</translation>
    </message>
    <message>
        <source>Another contact already has this phone number.</source>
        <translation>この電話番号はほかの連絡先に登録されています。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>保存できませんでした：%1</translation>
    </message>
    <message>
        <source>“%1” and their personal data were deleted.</source>
        <translation>「%1」とその個人情報を削除しました。</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>削除できませんでした：%1</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>連絡先の読み込み</translation>
    </message>
    <message>
        <source>Contact lists (*.csv *.txt *.tsv *.xlsx)</source>
        <translation>連絡先リスト (*.csv *.txt *.tsv *.xlsx)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>レポートを保存</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>連絡先を削除</translation>
    </message>
    <message>
        <source>Delete “%1” and all their personal data?</source>
        <translation>「%1」とその個人情報をすべて削除しますか？</translation>
    </message>
    <message>
        <source>Their name, phone number, email address, attributes, consent and opt-outs are deleted, and their address is removed from messages already sent. Their answers to surveys stay, as anonymous answers. This cannot be undone.</source>
        <translation>氏名、電話番号、メールアドレス、属性、同意、配信停止の記録を削除し、送信済みメッセージからも宛先を消去します。アンケートの回答は匿名の回答として残ります。この操作は元に戻せません。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <source>contacts %1.csv</source>
        <translation>連絡先 %1.csv</translation>
    </message>
    <message>
        <source>%1 contacts exported to %2</source>
        <translation>%1 件の連絡先を %2 に書き出しました</translation>
    </message>
    <message>
        <source>The contacts could not be exported: %1</source>
        <translation>連絡先を書き出せませんでした：%1</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>書き出しを中止しました。ファイルは作成されていません。</translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>連絡先の書き出し</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>Excel用CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>DashboardChart</name>
    <message>
        <source>Save as PNG…</source>
        <translation>PNG として保存…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>グラフを保存</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
</context>
<context>
    <name>Designer</name>
    <message>
        <source>Recommend score (NPS, 0–10)</source>
        <translation>推奨度（NPS、0〜10）</translation>
    </message>
    <message>
        <source>Satisfaction (CSAT, 1–5)</source>
        <translation>満足度（CSAT、1〜5）</translation>
    </message>
    <message>
        <source>Effort (CES, 1–7)</source>
        <translation>手間（CES、1〜7）</translation>
    </message>
    <message>
        <source>Star rating (1–5)</source>
        <translation>星の評価（1〜5）</translation>
    </message>
    <message>
        <source>Thumbs up or down</source>
        <translation>高評価・低評価</translation>
    </message>
    <message>
        <source>Smiley faces</source>
        <translation>顔マーク</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>単一選択</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>複数選択</translation>
    </message>
    <message>
        <source>Short text answer</source>
        <translation>短い記述回答</translation>
    </message>
    <message>
        <source>Long text answer</source>
        <translation>長い記述回答</translation>
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
        <translation>星</translation>
    </message>
    <message>
        <source>Thumbs</source>
        <translation>高評価・低評価</translation>
    </message>
    <message>
        <source>Smiley</source>
        <translation>顔マーク</translation>
    </message>
    <message>
        <source>Short text</source>
        <translation>短い記述</translation>
    </message>
    <message>
        <source>Long text</source>
        <translation>長い記述</translation>
    </message>
    <message>
        <source>Promoters (%1)</source>
        <translation>推奨者（%1）</translation>
    </message>
    <message>
        <source>Passives (%1)</source>
        <translation>中立者（%1）</translation>
    </message>
    <message>
        <source>Detractors (%1)</source>
        <translation>批判者（%1）</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1〜%2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1・%2</translation>
    </message>
</context>
<context>
    <name>DesignerPage</name>
    <message>
        <source>Back to surveys</source>
        <translation>アンケート一覧へ戻る</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Add question</source>
        <translation>質問を追加</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上へ移動</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下へ移動</translation>
    </message>
    <message>
        <source>Survey settings</source>
        <translation>アンケートの設定</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <source>Add a question</source>
        <translation>質問を追加</translation>
    </message>
    <message>
        <source>No questions yet</source>
        <translation>まだ質問がありません</translation>
    </message>
    <message>
        <source>Start with the one question you most need answered. Koe reviews each question as you write it.</source>
        <translation>いちばん答えを知りたい質問から始めましょう。Koeが入力中の質問を一つずつ確認します。</translation>
    </message>
    <message>
        <source>The survey could not be opened: %1</source>
        <translation>アンケートを開けませんでした：%1</translation>
    </message>
    <message>
        <source>Untitled survey</source>
        <translation>無題のアンケート</translation>
    </message>
    <message>
        <source>Duplicate question</source>
        <translation>質問を複製</translation>
    </message>
    <message>
        <source>Delete question</source>
        <translation>質問を削除</translation>
    </message>
    <message>
        <source>Move question</source>
        <translation>質問を移動</translation>
    </message>
    <message>
        <source>Not saved: %1 Your changes are kept here; undo or change them to save.</source>
        <translation>保存されていません：%1 変更内容はこの画面に残っています。元に戻すか修正すると保存されます。</translation>
    </message>
    <message>
        <source>Why is there no grid question?</source>
        <translation>グリッド形式の質問がないのはなぜ？</translation>
    </message>
    <message>
        <source>Open: respondents see each change once it is saved</source>
        <translation>公開中：変更は保存されるとすぐ回答者に表示されます</translation>
    </message>
    <message>
        <source>Add the new wording as a new question</source>
        <translation>新しい文言を新しい質問として追加</translation>
    </message>
</context>
<context>
    <name>DesignerPrompts</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>Your latest changes could not be saved.</source>
        <translation>最新の変更を保存できませんでした。</translation>
    </message>
    <message>
        <source>Stay to change them so they can be saved, or leave and lose them.</source>
        <translation>このまま残って保存できるように直すか、変更を破棄して移動してください。</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>変更を破棄</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>残る</translation>
    </message>
</context>
<context>
    <name>DesignerToolbar</name>
    <message>
        <source>Saved</source>
        <translation>保存済み</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>DetractorAlerts</name>
    <message numerus="yes">
        <source>%n detractor(s) answered.</source>
        <translation>
            <numerusform>批判者の回答が %n 件ありました。</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>「%1」</translation>
    </message>
    <message numerus="yes">
        <source>See them on the Comments page.</source>
        <translation>
            <numerusform>コメントのページでご確認ください。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>one sentence after another</comment>
        <translation>%1%2</translation>
    </message>
    <message numerus="yes">
        <source>%n dissatisfied answer(s) came in.</source>
        <translation>
            <numerusform>不満の回答が %n 件ありました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) found it difficult.</source>
        <translation>
            <numerusform>「難しい」という回答が %n 件ありました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thumbs-down answer(s) came in.</source>
        <translation>
            <numerusform>「良くない」の回答が %n 件ありました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) with a low score came in.</source>
        <translation>
            <numerusform>低い評価の回答が %n 件ありました。</numerusform>
        </translation>
    </message>
    <message>
        <source>A dissatisfied answer came in.</source>
        <translation>不満の回答がありました。</translation>
    </message>
    <message>
        <source>A thumbs-down answer came in.</source>
        <translation>「良くない」の回答がありました。</translation>
    </message>
    <message>
        <source>An answer with a low score came in.</source>
        <translation>低い評価の回答がありました。</translation>
    </message>
    <message>
        <source>A detractor answered: %1 out of %2.</source>
        <translation>批判者の回答がありました（%2 点中 %1 点）。</translation>
    </message>
    <message>
        <source>A dissatisfied answer came in: %1 out of %2.</source>
        <translation>不満の回答がありました（%2 点中 %1 点）。</translation>
    </message>
    <message>
        <source>An answer found it difficult: %1 out of %2.</source>
        <translation>「難しい」という回答がありました（%2 点中 %1 点）。</translation>
    </message>
    <message>
        <source>Koe: a low score came in</source>
        <translation>Koe：低い評価の回答がありました</translation>
    </message>
</context>
<context>
    <name>DigestPanel</name>
    <message>
        <source>Email the owners a weekly digest</source>
        <translation>担当者に週次レポートをメールで送る</translation>
    </message>
    <message>
        <source>:00</source>
        <translation>時</translation>
    </message>
    <message>
        <source>No owner has an email address yet: add one under Acting on answers.</source>
        <translation>メールアドレスのある担当者がまだいません。「回答への対応」で追加してください。</translation>
    </message>
    <message>
        <source>Send a digest now</source>
        <translation>今すぐレポートを送信</translation>
    </message>
    <message>
        <source>Preview to</source>
        <translation>プレビューの送信先</translation>
    </message>
    <message>
        <source>Weekly digest</source>
        <translation>週次レポート</translation>
    </message>
    <message>
        <source>Each week: the score and its interval against the week before, the trend, new low scores, open follow-ups and the top tags, by email.</source>
        <translation>毎週、スコアとその区間（前週との比較）、推移、新しい低い評価、対応中のフォローアップ、多かったタグをメールでお届けします。</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>送信日時</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>アンケート</translation>
    </message>
    <message>
        <source>Tick the surveys to report on; with none ticked, every open survey.</source>
        <translation>レポートするアンケートにチェックを付けてください。チェックがない場合は、公開中のすべてのアンケートが対象です。</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>月曜日</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>火曜日</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>水曜日</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>木曜日</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>金曜日</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>土曜日</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>日曜日</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>No email server is set up (Messages above): no digest can go.</source>
        <translation>メールサーバーが設定されていないため（上の「メッセージ」）、レポートを送信できません。</translation>
    </message>
    <message>
        <source>No digest has gone yet.</source>
        <translation>まだレポートは送信されていません。</translation>
    </message>
    <message>
        <source>The digest of the week to %1 went to %2 owner(s).</source>
        <translation>%1までの1週間のレポートを担当者%2名に送信しました。</translation>
    </message>
    <message>
        <source>Switched on in the week to %1: the first digest goes next time.</source>
        <translation>%1までの週に有効にしました。最初のレポートは次回の送信日時に届きます。</translation>
    </message>
    <message>
        <source>The digest of the week to %1 did not go: no owner has an email address.</source>
        <translation>%1までの1週間のレポートは送信されませんでした。メールアドレスのある担当者がいません。</translation>
    </message>
    <message>
        <source>The digest of the week to %1 did not go: no email server was set up.</source>
        <translation>%1までの1週間のレポートは送信されませんでした。メールサーバーが設定されていませんでした。</translation>
    </message>
    <message>
        <source>A digest to %1 is in the outbox: it leaves within a minute.</source>
        <translation>%1宛てのレポートを送信トレイに入れました。1分以内に送信されます。</translation>
    </message>
</context>
<context>
    <name>DistributionChart</name>
    <message>
        <source>Detractors (0–6)</source>
        <translation>批判者（0〜6）</translation>
    </message>
    <message>
        <source>Passives (7–8)</source>
        <translation>中立者（7〜8）</translation>
    </message>
    <message>
        <source>Promoters (9–10)</source>
        <translation>推奨者（9〜10）</translation>
    </message>
    <message>
        <source>Not satisfied (1–3)</source>
        <translation>満足していない（1〜3）</translation>
    </message>
    <message>
        <source>Satisfied (4–5)</source>
        <translation>満足（4〜5）</translation>
    </message>
    <message>
        <source>Disagree or neutral (1–4)</source>
        <translation>そう思わない・どちらでもない（1〜4）</translation>
    </message>
    <message>
        <source>Agree: easy (5–7)</source>
        <translation>そう思う＝簡単（5〜7）</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回答数</translation>
    </message>
</context>
<context>
    <name>EmailWords</name>
    <message>
        <source>An email address must have an @-sign.</source>
        <translation>メールアドレスには @ が必要です。</translation>
    </message>
    <message>
        <source>There must be something before the @-sign.</source>
        <translation>@ の前に文字が必要です。</translation>
    </message>
    <message>
        <source>There must be something after the @-sign.</source>
        <translation>@ の後に文字が必要です。</translation>
    </message>
    <message>
        <source>An email address cannot have two periods in a row.</source>
        <translation>メールアドレスにピリオド（.）を 2 つ続けることはできません。</translation>
    </message>
    <message>
        <source>The part after the @-sign must have a period (example.com).</source>
        <translation>@ の後ろには、example.com のようにピリオド（.）が必要です。</translation>
    </message>
    <message>
        <source>The part after the @-sign does not end in a real domain.</source>
        <translation>@ の後ろが、実在するドメインで終わっていません。</translation>
    </message>
    <message>
        <source>The address has a full-width ＠: type it as a half-width @.</source>
        <translation>全角の「＠」が使われています。半角の「@」で入力してください。</translation>
    </message>
    <message>
        <source>The part before the @-sign has characters an address cannot have.</source>
        <translation>@ の前に、メールアドレスに使えない文字が含まれています。</translation>
    </message>
    <message>
        <source>An email address cannot start with a period.</source>
        <translation>メールアドレスをピリオド（.）で始めることはできません。</translation>
    </message>
    <message>
        <source>An email address cannot have a period just before the @-sign.</source>
        <translation>@ の直前にピリオド（.）を置くことはできません。</translation>
    </message>
    <message>
        <source>An email address cannot end with a period.</source>
        <translation>メールアドレスをピリオド（.）で終えることはできません。</translation>
    </message>
    <message>
        <source>The part after the @-sign has characters an address cannot have.</source>
        <translation>@ の後ろに、メールアドレスに使えない文字が含まれています。</translation>
    </message>
    <message>
        <source>This is not an email address as written ({detail}).</source>
        <translation>メールアドレスの形式が正しくありません（{detail}）。</translation>
    </message>
</context>
<context>
    <name>EmbedPanel</name>
    <message>
        <source>Websites that may show your surveys</source>
        <translation>アンケートを表示できるウェブサイト</translation>
    </message>
    <message>
        <source>Save websites</source>
        <translation>ウェブサイトを保存</translation>
    </message>
    <message>
        <source>Embedding on your website</source>
        <translation>自社サイトへの埋め込み</translation>
    </message>
    <message>
        <source>To show a survey inside a page of your own website, list the website&apos;s address here (one per line, starting with https://), then use Copy embed code on the Surveys page. Other websites cannot show your surveys.</source>
        <translation>自社サイトのページ内にアンケートを表示するには、そのサイトのアドレスをここに入力し（1行に1件、https:// から）、「アンケート」ページの「埋め込みコードをコピー」を使ってください。ほかのサイトではアンケートを表示できません。</translation>
    </message>
    <message>
        <source>Not saved: “%1” is not a website address like https://www.example.com.</source>
        <translation>保存していません：「%1」は https://www.example.com のようなウェブサイトのアドレスではありません。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
    <message>
        <source>Saved: no website may show your surveys.</source>
        <translation>保存しました：アンケートを表示できるウェブサイトはありません。</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Something unexpected went wrong: {error}</source>
        <translation>予期しないエラーが発生しました：{error}</translation>
    </message>
    <message>
        <source>The details were written to {path}. If this keeps happening, send that file to whoever supports your Koe.</source>
        <translation>詳細は {path} に記録しました。繰り返し起こる場合は、このファイルを Koe のサポート担当者に送ってください。</translation>
    </message>
</context>
<context>
    <name>EscalationDialog</name>
    <message>
        <source>Escalation rules</source>
        <translation>エスカレーションのルール</translation>
    </message>
    <message>
        <source>A rule hands an answer to a person: it puts a follow-up task with an owner on the task list. Each answer or unanswered invitation makes one task at most.</source>
        <translation>ルールは、回答を担当者に引き継ぎます。担当者付きのフォローアップタスクをタスク一覧に追加します。タスクは、1件の回答または未回答の依頼につき1件までです。</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>新しいルール</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>ルールを削除</translation>
    </message>
    <message>
        <source>A detractor answers</source>
        <translation>批判者が回答したとき</translation>
    </message>
    <message>
        <source>An answer chooses an option</source>
        <translation>回答で特定の選択肢が選ばれたとき</translation>
    </message>
    <message>
        <source>A key customer does not answer after the last reminder</source>
        <translation>重要なお客様が最後のリマインダー後も回答しないとき</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>Also for answers already in</source>
        <translation>既に届いている回答にも適用する</translation>
    </message>
    <message>
        <source>When</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Surveys (none ticked: all)</source>
        <translation>アンケート（未選択ならすべて）</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>選択肢</translation>
    </message>
    <message>
        <source>Wait after the last message</source>
        <translation>最後の送信からの待機日数</translation>
    </message>
    <message>
        <source>Important segments</source>
        <translation>重要なセグメント</translation>
    </message>
    <message>
        <source>Task goes to</source>
        <translation>タスクの担当者</translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation>ルールを保存</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>an option (its question)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Detractor</source>
        <translation>批判者</translation>
    </message>
    <message numerus="yes">
        <source>No answer after %n day(s)</source>
        <translation>
            <numerusform>%n日後も未回答</numerusform>
        </translation>
    </message>
    <message>
        <source>all surveys</source>
        <translation>すべてのアンケート</translation>
    </message>
    <message numerus="yes">
        <source>%n survey(s)</source>
        <translation>
            <numerusform>%n件のアンケート</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2) → %3</source>
        <translation>%1（%2）→ %3</translation>
    </message>
    <message>
        <source>Choose the owner who gets this rule&apos;s tasks.</source>
        <translation>このルールのタスクを受け持つ担当者を選んでください。</translation>
    </message>
    <message>
        <source>No survey has a choice question yet: add one, then choose its option.</source>
        <translation>選択式の質問があるアンケートがまだありません。質問を追加してから、選択肢を選んでください。</translation>
    </message>
    <message>
        <source>Mark at least one segment as important: its contacts are the key ones.</source>
        <translation>少なくとも1つのセグメントを重要に指定してください。そのセグメントの連絡先が重要なお客様になります。</translation>
    </message>
</context>
<context>
    <name>EventsFolderRow</name>
    <message>
        <source>Choose folder…</source>
        <translation>フォルダーを選ぶ…</translation>
    </message>
    <message>
        <source>Stop watching</source>
        <translation>読み込みをやめる</translation>
    </message>
    <message>
        <source>Customer events are read from {folder}</source>
        <translation>お客様のイベントを {folder} から読み込みます</translation>
    </message>
    <message>
        <source>No events folder: choose one where your till or a spreadsheet saves CSV files of customer events.</source>
        <translation>イベントフォルダーがありません。レジや表計算ソフトがお客様のイベントの CSV ファイルを保存するフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>Not read: {detail}</source>
        <translation>読み込めませんでした：{detail}</translation>
    </message>
    <message>
        <source>Read: {name}</source>
        <translation>読み込み済み：{name}</translation>
    </message>
    <message>
        <source>Events folder</source>
        <translation>イベントフォルダー</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>CSV (responses and codebook)</source>
        <translation>CSV（回答とコードブック）</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel ブック</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>PDF レポート</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>形式:</translation>
    </message>
    <message>
        <source>UTF-8 with BOM (for Japanese Excel)</source>
        <translation>BOM 付き UTF-8（日本語版 Excel 用）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <source>Save chart image…</source>
        <translation>グラフを画像で保存…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>フォルダを開く</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>書き出し先</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>書き出し先のファイルを選んでください。</translation>
    </message>
    <message numerus="yes">
        <source>%n response(s) exported to %1</source>
        <translation>
            <numerusform>%n件の回答を %1 に書き出しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>書き出しに失敗しました: %1</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>言語:</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln response(s)</source>
        <translation>
            <numerusform>回答 %Ln 件中 %1 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>書き出しをキャンセルしました。ファイルは書き出していません。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>書き出し中…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <source>Save chart image</source>
        <translation>グラフを画像で保存</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>Chart saved to %1</source>
        <translation>グラフを %1 に保存しました。</translation>
    </message>
</context>
<context>
    <name>FiltersBar</name>
    <message>
        <source>All time</source>
        <translation>全期間</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>過去 7 日間</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>過去 30 日間</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>過去 90 日間</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>過去 12 か月</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>すべてのチャネル</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Link or QR code</source>
        <translation>リンク・QR コード</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期間：</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>セグメント：</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>チャネル：</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>キャンペーン：</translation>
    </message>
    <message>
        <source>All surveys of this kind</source>
        <translation>同種を合算</translation>
    </message>
    <message>
        <source>Count the answers of every survey with the same kind of score together</source>
        <translation>同じ種類のスコアを持つすべてのアンケートの回答をまとめて集計します</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>すべての連絡先</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>すべてのキャンペーン</translation>
    </message>
</context>
<context>
    <name>FindingCard</name>
    <message>
        <source>Why?</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>オフにする</translation>
    </message>
    <message>
        <source>Turn this rule off for this survey</source>
        <translation>このアンケートではこのルールをオフにする</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隠す</translation>
    </message>
    <message>
        <source>Go to the question</source>
        <translation>質問へ移動</translation>
    </message>
    <message>
        <source>Why this rule?</source>
        <translation>このルールの理由</translation>
    </message>
</context>
<context>
    <name>FollowUpSection</name>
    <message>
        <source>Follows up on:</source>
        <translation>もとの質問：</translation>
    </message>
    <message>
        <source>Nothing: asked as it is</source>
        <translation>なし（そのまま質問する）</translation>
    </message>
    <message>
        <source>(no wording yet)</source>
        <translation>（文言はまだありません）</translation>
    </message>
    <message>
        <source>A question that is no longer before this one</source>
        <translation>この質問より前にはもうない質問</translation>
    </message>
    <message>
        <source>Ask everyone</source>
        <translation>全員に聞く</translation>
    </message>
    <message>
        <source>Ask only:</source>
        <translation>次の人だけに聞く：</translation>
    </message>
    <message>
        <source>Wording by score</source>
        <translation>スコア別の文言</translation>
    </message>
    <message>
        <source>Optional. Left empty, a group sees the question&apos;s own wording.</source>
        <translation>任意です。空欄のグループには、質問そのものの文言が表示されます。</translation>
    </message>
    <message>
        <source>Same as the question</source>
        <translation>質問と同じ</translation>
    </message>
    <message>
        <source>Change follow-up</source>
        <translation>フォローアップの変更</translation>
    </message>
    <message>
        <source>Change who is asked</source>
        <translation>質問する相手の変更</translation>
    </message>
    <message>
        <source>Edit wording by score</source>
        <translation>スコア別の文言の編集</translation>
    </message>
</context>
<context>
    <name>FollowUpSettingsPanel</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Email (optional)</source>
        <translation>メール（任意）</translation>
    </message>
    <message>
        <source>Add owner</source>
        <translation>担当者を追加</translation>
    </message>
    <message>
        <source>Remove owner</source>
        <translation>担当者を削除</translation>
    </message>
    <message>
        <source>Email each alert to the owners</source>
        <translation>アラートを担当者にメールで送る</translation>
    </message>
    <message>
        <source>Email alerts from the public host while this computer is off</source>
        <translation>このコンピューターがオフの間は、公開ホストからアラートをメールで送る</translation>
    </message>
    <message>
        <source>Send follow-up messages automatically</source>
        <translation>フォローアップメッセージを自動で送る</translation>
    </message>
    <message>
        <source>Save acting-on-answers settings</source>
        <translation>回答への対応の設定を保存</translation>
    </message>
    <message>
        <source>The people a detractor&apos;s follow-up can be given to, on the Comments page. An email address lets them receive alerts.</source>
        <translation>コメントページで批判者へのフォローアップを任せられる人です。メールアドレスがあればアラートを受け取れます。</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>NPS score</source>
        <translation>NPSスコア</translation>
    </message>
    <message>
        <source>CSAT score</source>
        <translation>CSATスコア</translation>
    </message>
    <message>
        <source>CES score</source>
        <translation>CESスコア</translation>
    </message>
    <message>
        <source>Email alerts</source>
        <translation>メールでのアラート</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>フォローアップ</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>文面</translation>
    </message>
    <message>
        <source>Acting on answers</source>
        <translation>回答への対応</translation>
    </message>
    <message>
        <source>Detractor alerts</source>
        <translation>批判者のアラート</translation>
    </message>
    <message>
        <source>A low score shows a banner in Koe and a system notification, within a minute of the answer.</source>
        <translation>低いスコアの回答があると、1分以内にKoeにバナーが、デスクトップに通知が表示されます。</translation>
    </message>
    <message>
        <source>Automatic follow-ups</source>
        <translation>自動フォローアップ</translation>
    </message>
    <message>
        <source>Every owner with an email</source>
        <translation>メールアドレスのある担当者全員</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>%1 のみ</translation>
    </message>
    <message>
        <source>Give the owner of %1 a name.</source>
        <translation>%1 の担当者に名前を入力してください。</translation>
    </message>
    <message>
        <source>Two owners are called %1.</source>
        <translation>%1 という名前の担当者が2人います。</translation>
    </message>
    <message>
        <source>“%1” is not an email address. Correct it, or leave it empty.</source>
        <translation>「%1」はメールアドレスではありません。修正するか、空欄にしてください。</translation>
    </message>
    <message>
        <source>Not saved: correct the owners&apos; list.</source>
        <translation>保存していません：担当者の一覧を修正してください。</translation>
    </message>
    <message>
        <source>Not saved: correct the follow-up texts.</source>
        <translation>保存されていません。フォローアップの文面を修正してください。</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>未保存の変更があります。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
    <message>
        <source>Alert when an NPS score (0–10) is %1 or lower.</source>
        <translation>NPSスコア（0〜10）が%1以下ならアラートを出します。</translation>
    </message>
    <message>
        <source>Alert when a CSAT score (1–5) is %1 or lower.</source>
        <translation>CSATスコア（1〜5）が%1以下ならアラートを出します。</translation>
    </message>
    <message>
        <source>Alert when a CES score (1–7, 7 = easiest) is %1 or lower.</source>
        <translation>CESスコア（1〜7、7が最も簡単）が%1以下ならアラートを出します。</translation>
    </message>
    <message>
        <source>Emails need an email server: set up SMTP under Messages (SMS and email) above. The banner and the notification work without it.</source>
        <translation>メールを送るにはメールサーバーが必要です。上の「メッセージ（SMSとメール）」でSMTPを設定してください。バナーと通知は設定なしで使えます。</translation>
    </message>
    <message>
        <source>No owner has an email address yet: add one to the owners above.</source>
        <translation>メールアドレスのある担当者がまだいません。上の担当者に追加してください。</translation>
    </message>
    <message>
        <source>Sent through the outbox, once per answer.</source>
        <translation>送信トレイから、回答ごとに1回送ります。</translation>
    </message>
    <message>
        <source>After each answer through a personal link (SMS or email): promoters are thanked and offered your referral link, passives thanked and invited to talk, detractors told that someone will be in touch. Opt-outs and consent are respected; each answer is followed up once.</source>
        <translation>個別リンク（SMSまたはメール）からの回答のあとに送ります。推奨者にはお礼と紹介用リンクを、中立者にはお礼とお話のお願いを、批判者には担当者から連絡することを伝えます。配信停止と同意を守り、1つの回答につき1回だけ送ります。</translation>
    </message>
    <message>
        <source>No referral link is set (Thank-you page below): promoters get no message until there is one.</source>
        <translation>紹介用リンクが設定されていません（下の「お礼ページ」）。設定するまで推奨者にはメッセージを送りません。</translation>
    </message>
    <message>
        <source>Needs a public host (set one up above). Without one, alert emails are sent while Koe is open.</source>
        <translation>公開ホストが必要です（上で設定してください）。公開ホストがない場合、アラートのメールはKoeを開いている間に送られます。</translation>
    </message>
    <message>
        <source>The public host has an email server for alerts. Each alert is emailed once, by the host or by this computer.</source>
        <translation>公開ホストにアラート用のメールサーバーが設定されています。アラートは、ホストかこのコンピューターのどちらかから1回だけメールで送られます。</translation>
    </message>
    <message>
        <source>The public host has no email server yet: whoever runs it adds one with “main.py alert-email” (docs/deploy.md). Until then, alert emails are sent from this computer at the next sync.</source>
        <translation>公開ホストにはまだメールサーバーが設定されていません。ホストを管理している方が「main.py alert-email」で設定します（docs/deploy.md を参照）。それまでは、次回の同期のときにこのコンピューターからアラートのメールを送ります。</translation>
    </message>
    <message>
        <source>The public host cannot open its secrets file (its passphrase is missing or wrong). Until it can, alert emails are sent from this computer at the next sync.</source>
        <translation>公開ホストが秘密情報のファイルを開けません（パスフレーズが未設定か、正しくありません）。開けるようになるまでは、次回の同期のときにこのコンピューターからアラートのメールを送ります。</translation>
    </message>
    <message>
        <source>Known after the next sync with the public host. The host needs an email server of its own (docs/deploy.md); without one, alert emails are sent from this computer at the next sync.</source>
        <translation>公開ホストと次に同期したときに確認できます。ホストには専用のメールサーバーが必要です（docs/deploy.md を参照）。ない場合は、次回の同期のときにこのコンピューターからアラートのメールを送ります。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>保存できませんでした：{error}</translation>
    </message>
</context>
<context>
    <name>FollowUpTextsEditor</name>
    <message>
        <source>Promoters (thanked, offered the referral link)</source>
        <translation>推奨者（お礼と紹介プログラムのご案内）</translation>
    </message>
    <message>
        <source>Passives (thanked, invited to talk)</source>
        <translation>中立者（お礼とお話のお願い）</translation>
    </message>
    <message>
        <source>Detractors (told someone will be in touch)</source>
        <translation>批判者（担当者からご連絡する旨のお知らせ）</translation>
    </message>
    <message>
        <source>Use Koe&apos;s text</source>
        <translation>Koeの文面に戻す</translation>
    </message>
    <message>
        <source>Email subject</source>
        <translation>メールの件名</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>Reply page</source>
        <translation>お問い合わせページ</translation>
    </message>
    <message>
        <source>{name}, {company}, {referral} (your referral link) and {reply} (how the customer can answer a person) are filled in per person. {reply} says “reply to this message” where that reaches you (email, or an SMS to your own number outside Japan), else points to the reply page: your contact page, LINE account or form. Without one, passives who cannot reply get no message.</source>
        <translation>{name}、{company}、{referral}（紹介プログラムのリンク）、{reply}（お客様が担当者に連絡する方法）は、お一人ずつ置き換えられます。{reply}は、返信が届く場合（メール、または日本以外の番号へ自社の番号から送るSMS）は「このメッセージにご返信ください」となり、それ以外はお問い合わせページ（問い合わせページ、LINE公式アカウント、フォームなど）を案内します。お問い合わせページがないと、返信できない中立者にはメッセージを送りません。</translation>
    </message>
    <message>
        <source>promoters</source>
        <translation>推奨者</translation>
    </message>
    <message>
        <source>passives</source>
        <translation>中立者</translation>
    </message>
    <message>
        <source>detractors</source>
        <translation>批判者</translation>
    </message>
    <message>
        <source>The %1 text for %2</source>
        <translation>%2向けの%1の文面</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1が空です。</translation>
    </message>
    <message>
        <source>%1 has %2, which is not a placeholder.</source>
        <translation>%1に%2がありますが、これは置き換え項目ではありません。</translation>
    </message>
    <message>
        <source>%1 needs %2.</source>
        <translation>%1には%2が必要です。</translation>
    </message>
    <message>
        <source>The reply page must be a web address (https://…).</source>
        <translation>お問い合わせページはウェブアドレス（https://…）で入力してください。</translation>
    </message>
    <message>
        <source>SMS to a Japanese number</source>
        <translation>日本の番号へのSMS</translation>
    </message>
    <message>
        <source>SMS to a number outside Japan</source>
        <translation>日本以外の番号へのSMS</translation>
    </message>
    <message>
        <source>not sent: nobody can answer it and there is no reply page.</source>
        <translation>送信されません（返信できず、お問い合わせページもないため）。</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2 characters, %n segment(s))</source>
        <translation>
            <numerusform>%1（%2文字、%n通）</numerusform>
        </translation>
    </message>
    <message>
        <source>— more than two segments: costs more, may arrive split.</source>
        <translation>― 2通を超えています。料金が増え、分割されて届くことがあります。</translation>
    </message>
    <message>
        <source>Email: %1</source>
        <translation>メール：%1</translation>
    </message>
</context>
<context>
    <name>FunnelChart</name>
    <message>
        <source>Response rate by channel</source>
        <translation>チャネル別の回答率</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>配信</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>開封</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Email: delivery is not reported (a mail server cannot confirm it)</source>
        <translation>メール：配信状況は表示できません（メールサーバーからは確認できないため）</translation>
    </message>
</context>
<context>
    <name>HeadlineExtra</name>
    <message>
        <source>95% confidence interval: not enough answers</source>
        <translation>95% 信頼区間：回答が足りません</translation>
    </message>
    <message>
        <source>95% confidence interval: %1 to %2 (answers: %3)</source>
        <translation>95% 信頼区間：%1 〜 %2（回答数 %3）</translation>
    </message>
    <message>
        <source>Fewer than 30 answers: this score can move a lot with a few more. Treat it as a first hint, not a result.</source>
        <translation>回答が 30 件未満です。あと数件でスコアが大きく変わることがあります。結論ではなく、最初の目安としてご覧ください。</translation>
    </message>
    <message>
        <source>This period against the one before: loading…</source>
        <translation>この期間と前の期間の比較：読み込み中…</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln answer(s))</source>
        <translation>
            <numerusform>%1（回答 %Ln 件）</numerusform>
        </translation>
    </message>
    <message>
        <source>This period: %1 · the one before: %2</source>
        <translation>今期：%1・前期：%2</translation>
    </message>
    <message>
        <source>(change %1)</source>
        <translation>（変化 %1）</translation>
    </message>
</context>
<context>
    <name>IssuesTable</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>扱い</translation>
    </message>
</context>
<context>
    <name>KeywordsDialog</name>
    <message>
        <source>Tag keywords</source>
        <translation>タグのキーワード</translation>
    </message>
    <message>
        <source>A comment gets a tag when it contains one of the tag&apos;s keywords. Separate keywords with commas. Full-width and half-width forms, and capitals, count as the same.</source>
        <translation>コメントにタグのキーワードのどれかが含まれていると、そのタグが付きます。キーワードはカンマで区切ってください。全角・半角、大文字・小文字は区別しません。</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>キーワード</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>タグを追加</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>タグを削除</translation>
    </message>
</context>
<context>
    <name>KindPage</name>
    <message>
        <source>Not sure? Leave it: comments keep general topics.</source>
        <translation>迷ったら選ばなくてもかまいません。コメントは一般的な話題で分類されます。</translation>
    </message>
    <message>
        <source>Topics: %1</source>
        <translation>分類する話題：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>What kind of business is it?</source>
        <translation>どのような業種ですか？</translation>
    </message>
    <message>
        <source>Koe sorts customers&apos; comments by topic, such as taste, waiting or price. This picks the topics that fit; you can change them in Comments.</source>
        <translation>Koe はお客様のコメントを「味」「待ち時間」「価格」などの話題ごとに分類します。業種に合った話題をご用意します（「コメント」画面でいつでも変更できます）。</translation>
    </message>
    <message>
        <source>Café or restaurant</source>
        <translation>カフェ・飲食店</translation>
    </message>
    <message>
        <source>Coffee shops, restaurants, bakeries, bars</source>
        <translation>喫茶店、レストラン、パン屋、居酒屋など</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>小売店</translation>
    </message>
    <message>
        <source>Stores, boutiques, florists, bookshops</source>
        <translation>雑貨店、衣料品店、花屋、書店など</translation>
    </message>
    <message>
        <source>Salon or clinic</source>
        <translation>サロン・クリニック</translation>
    </message>
    <message>
        <source>Hair and beauty salons, clinics, dentists, gyms</source>
        <translation>美容院、エステ、整体院、歯科医院、ジムなど</translation>
    </message>
    <message>
        <source>Online service</source>
        <translation>オンラインサービス</translation>
    </message>
    <message>
        <source>Online shops, apps, subscriptions, online classes</source>
        <translation>ネットショップ、アプリ、サブスクリプション、オンライン教室など</translation>
    </message>
</context>
<context>
    <name>KoeApp</name>
    <message>
        <source>This computer has no local network address.</source>
        <translation>このコンピューターにはローカルネットワークのアドレスがありません。</translation>
    </message>
    <message>
        <source>Koe cannot open: {reason}</source>
        <translation>Koe を開けません：{reason}</translation>
    </message>
    <message>
        <source>Koe cannot open your workspace: the file is damaged. Koe has left it as it is.</source>
        <translation>ワークスペースのファイルが壊れているため、Koe で開けません。ファイルには手を加えず、そのまま残してあります。</translation>
    </message>
    <message>
        <source>The newest good backup was taken {when}. Restore it? The damaged file is kept beside it, renamed, so nothing is deleted.</source>
        <translation>正常な最新のバックアップは {when} に作成されたものです。復元しますか？壊れたファイルは名前を変えて同じフォルダーに残すため、何も削除されません。</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>バックアップを復元</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
</context>
<context>
    <name>LanPanel</name>
    <message>
        <source>Also serve surveys to this computer&apos;s local network</source>
        <translation>このコンピューターのローカルネットワークにも回答サイトを公開する</translation>
    </message>
    <message>
        <source>For a QR code on your counter: phones on the same Wi-Fi as this computer can then open the survey page. Leave it off when only people on the internet answer (through a public host).</source>
        <translation>店頭に置くQRコード用です。オンにすると、このコンピューターと同じWi-Fiにつながったスマートフォンからアンケートのページを開けます。インターネット経由(公開ホスト)でだけ回答を受け付ける場合はオフのままにしてください。</translation>
    </message>
    <message>
        <source>Save QR code…</source>
        <translation>QRコードを保存…</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>アンケート</translation>
    </message>
    <message>
        <source>Save QR code</source>
        <translation>QRコードを保存</translation>
    </message>
    <message>
        <source>Not on the local network: %1</source>
        <translation>ローカルネットワークには公開されていません: %1</translation>
    </message>
    <message>
        <source>Phones on this network can open %1</source>
        <translation>このネットワーク上のスマートフォンから %1 を開けます</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>開始しています…</translation>
    </message>
    <message>
        <source>Off: only this computer can open the survey site.</source>
        <translation>オフ: 回答サイトを開けるのはこのコンピューターだけです。</translation>
    </message>
    <message>
        <source>Open a survey to get its QR code.</source>
        <translation>アンケートを公開すると、ここにQRコードが表示されます。</translation>
    </message>
</context>
<context>
    <name>LoadingCover</name>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Surveys</source>
        <translation>アンケート</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Opening your workspace…</source>
        <translation>ワークスペースを開いています…</translation>
    </message>
    <message>
        <source>Koe</source>
        <translation>Koe</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>問題が発生しました。</translation>
    </message>
</context>
<context>
    <name>MappingStep</name>
    <message>
        <source>Choose another file…</source>
        <translation>別のファイルを選ぶ…</translation>
    </message>
    <message>
        <source>The country of phone numbers written without +</source>
        <translation>+ で始まらない電話番号の国</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>文字コード</translation>
    </message>
    <message>
        <source>Country of local numbers</source>
        <translation>国内番号の国</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>ファイルの列</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>値の例</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>読み込み先</translation>
    </message>
    <message>
        <source>Combine into the name</source>
        <translation>氏名にまとめる</translation>
    </message>
    <message>
        <source>Select the columns that together make the name (Ctrl+click), then combine them: their values are joined in the order of the columns.</source>
        <translation>氏名になる列を選んでから（Ctrl+クリック）まとめてください。列の順に値をつなげます。</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>配信の同意</translation>
    </message>
    <message>
        <source>No column of this file says whether people agreed to receive messages. Record consent for everyone in it only if they all gave it:</source>
        <translation>このファイルには、配信に同意したかどうかを示す列がありません。全員から同意を得ている場合に限り、全員分の同意を記録してください：</translation>
    </message>
    <message>
        <source>Everyone agreed to SMS</source>
        <translation>全員がSMS配信に同意済み</translation>
    </message>
    <message>
        <source>Everyone agreed to email</source>
        <translation>全員がメール配信に同意済み</translation>
    </message>
    <message>
        <source>%1 — %2 rows</source>
        <translation>%1 — %2 行</translation>
    </message>
    <message>
        <source>Excel file: no encoding to choose</source>
        <translation>Excelファイルのため、文字コードの指定は不要です</translation>
    </message>
    <message>
        <source>Japanese Excel saves CSV files as cp932 (Shift_JIS).</source>
        <translation>日本語版Excelは CSV を cp932（Shift_JIS）で保存します。</translation>
    </message>
    <message>
        <source>The columns are set as you chose for the last file with the same columns. Check them again if this file comes from somewhere else.</source>
        <translation>同じ列をもつ前回のファイルで選んだ設定を使っています。別のシステムから書き出したファイルなら、もう一度確認してください。</translation>
    </message>
    <message>
        <source>(column %1, no name)</source>
        <translation>（%1 列目、列名なし）</translation>
    </message>
    <message>
        <source>Today Koe sends only to contacts who gave consent (Settings ▸ Messages): people without it will not be invited.</source>
        <translation>現在の設定では、同意のある連絡先にだけ送信します（設定 ▸ メッセージ）。同意のない人には案内が届きません。</translation>
    </message>
    <message>
        <source>Today Koe sends to everyone who has not opted out (Settings ▸ Messages): leaving these unticked records no consent and changes nothing else.</source>
        <translation>現在の設定では、配信停止していない全員に送信します（設定 ▸ メッセージ）。チェックしない場合は同意を記録しないだけで、ほかは何も変わりません。</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（氏名なし）</translation>
    </message>
    <message>
        <source>Row %1 becomes: %2</source>
        <translation>%1 行目の取り込み結果：%2</translation>
    </message>
</context>
<context>
    <name>MatchEditor</name>
    <message>
        <source>Score from … to …</source>
        <translation>スコアの範囲</translation>
    </message>
    <message>
        <source>Score group</source>
        <translation>スコアのグループ</translation>
    </message>
    <message>
        <source>Lowest score</source>
        <translation>最低スコア</translation>
    </message>
    <message>
        <source>Highest score</source>
        <translation>最高スコア</translation>
    </message>
    <message>
        <source>to</source>
        <translation>〜</translation>
    </message>
</context>
<context>
    <name>MessagesPage</name>
    <message>
        <source>Messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>The invitation starts from the survey&apos;s own (written in the designer). {name}, {company} and {link} are filled in per person.</source>
        <translation>案内文は、アンケートの編集画面で書いた案内文から始まります。{name}、{company}、{link}はお一人ずつ置き換えられます。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>SMS preview</source>
        <translation>SMSのプレビュー</translation>
    </message>
    <message>
        <source>Email subject</source>
        <translation>メールの件名</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Email preview</source>
        <translation>メールのプレビュー</translation>
    </message>
    <message numerus="yes">
        <source>{encoding}, {characters} characters: %n segment(s), about {cost} per message at {price} a segment.</source>
        <translation>
            <numerusform>{encoding}・{characters}文字：%n通分。1通{price}として、1件あたり約{cost}です。</numerusform>
        </translation>
    </message>
    <message>
        <source>To Japanese numbers:</source>
        <translation>日本の番号へ：</translation>
    </message>
    <message>
        <source>To other numbers:</source>
        <translation>その他の番号へ：</translation>
    </message>
</context>
<context>
    <name>NewSurveyDialog</name>
    <message>
        <source>New survey</source>
        <translation>新しいアンケート</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <source>Both (%1 first)</source>
        <translation>両方（%1を優先）</translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation>言語：</translation>
    </message>
    <message>
        <source>Title (%1):</source>
        <translation>タイトル（%1）：</translation>
    </message>
    <message>
        <source>First question:</source>
        <translation>最初の質問：</translation>
    </message>
    <message>
        <source>Create draft</source>
        <translation>下書きを作成</translation>
    </message>
    <message>
        <source>Start from a template</source>
        <translation>テンプレートから始める</translation>
    </message>
    <message>
        <source>The survey is saved as a draft: open it when you are ready to share it.</source>
        <translation>アンケートは下書きとして保存されます。共有の準備ができたら公開してください。</translation>
    </message>
    <message>
        <source>None yet: you write the questions in the designer.</source>
        <translation>まだありません。質問はデザイナーで作成します。</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>OpenSurveyDialog</name>
    <message>
        <source>Reopen survey</source>
        <translation>アンケートを再公開</translation>
    </message>
    <message>
        <source>Open survey</source>
        <translation>アンケートを公開</translation>
    </message>
    <message>
        <source>Reopen “%1” for answers?</source>
        <translation>「%1」を再公開して回答を受け付けますか？</translation>
    </message>
    <message>
        <source>Open “%1” for answers?</source>
        <translation>「%1」を公開して回答を受け付けますか？</translation>
    </message>
    <message>
        <source>Stop taking answers on</source>
        <translation>回答の受付終了日時</translation>
    </message>
    <message>
        <source>Its link and QR code start working as soon as it is open.</source>
        <translation>公開するとすぐに、リンクとQRコードが使えるようになります。</translation>
    </message>
    <message>
        <source>Without an end date it stays open until you close it.</source>
        <translation>終了日時を指定しない場合は、終了するまで公開されたままです。</translation>
    </message>
</context>
<context>
    <name>OptionsSection</name>
    <message>
        <source>Add option</source>
        <translation>選択肢を追加</translation>
    </message>
    <message>
        <source>“Other (please specify)”</source>
        <translation>「その他（具体的に）」</translation>
    </message>
    <message>
        <source>“None of these”</source>
        <translation>「どれも当てはまらない」</translation>
    </message>
    <message>
        <source>Randomise the order for each respondent</source>
        <translation>回答者ごとに順番をランダムにする</translation>
    </message>
    <message>
        <source>Options are ordered (frequencies, ranges, grades)</source>
        <translation>選択肢に順序がある（頻度、範囲、等級）</translation>
    </message>
    <message>
        <source>Code in exports: %1</source>
        <translation>エクスポート時のコード：%1</translation>
    </message>
    <message>
        <source>This option has answers and cannot be removed; you can reword it.</source>
        <translation>この選択肢には回答があるため削除できません。文言は変更できます。</translation>
    </message>
    <message>
        <source>Remove this option</source>
        <translation>この選択肢を削除</translation>
    </message>
    <message>
        <source>Option %1</source>
        <translation>選択肢 %1</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上へ移動</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下へ移動</translation>
    </message>
    <message>
        <source>Edit option</source>
        <translation>選択肢の編集</translation>
    </message>
    <message>
        <source>Remove option</source>
        <translation>選択肢の削除</translation>
    </message>
    <message>
        <source>Move option</source>
        <translation>選択肢の移動</translation>
    </message>
    <message>
        <source>Change “Other”</source>
        <translation>「その他」の変更</translation>
    </message>
    <message>
        <source>Change “None of these”</source>
        <translation>「どれも当てはまらない」の変更</translation>
    </message>
    <message>
        <source>Change random order</source>
        <translation>ランダムな順番の変更</translation>
    </message>
    <message>
        <source>Change ordered options</source>
        <translation>順序のある選択肢の変更</translation>
    </message>
</context>
<context>
    <name>OtherAddressesTable</name>
    <message>
        <source>Number or address</source>
        <translation>番号またはメールアドレス</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Add a number or address</source>
        <translation>番号・アドレスを追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>携帯電話</translation>
    </message>
    <message>
        <source>Landline (no SMS)</source>
        <translation>固定電話（SMS不可）</translation>
    </message>
    <message>
        <source>Other phone (SMS may fail)</source>
        <translation>その他の電話（SMSが届かない場合あり）</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Other number or address %1: %2</source>
        <translation>その他の番号・アドレス「%1」：%2</translation>
    </message>
</context>
<context>
    <name>PageTextsSection</name>
    <message>
        <source>After the thank-you page, go on to (optional)</source>
        <translation>お礼ページのあとに移動するページ（任意）</translation>
    </message>
    <message>
        <source>Your own site, such as your menu or shop: https only. The thank-you page shows a link to it and goes there after 5 seconds, unless the customer chooses to stay or the page offers a review or referral link.</source>
        <translation>メニューやオンラインショップなど、お店のサイトのアドレスです（https のみ）。お礼ページにリンクを表示し、5秒後にそのページへ移動します。お客様がとどまることを選んだ場合や、お礼ページに口コミ・紹介のご案内がある場合は移動しません。</translation>
    </message>
    <message>
        <source>On the customer&apos;s page</source>
        <translation>お客様に表示されるページ</translation>
    </message>
    <message>
        <source>Leave a field empty to use Koe&apos;s words. The logo and colour are the same for every survey: Settings ▸ Your shop&apos;s look.</source>
        <translation>空欄のままにすると Koe の標準の文言を使います。ロゴと色はすべてのアンケートで共通です（設定 ▸ お店の見た目）。</translation>
    </message>
    <message>
        <source>Heading (instead of “Customer survey”)</source>
        <translation>見出し（「お客様アンケート」の代わり）</translation>
    </message>
    <message>
        <source>Introduction under the heading</source>
        <translation>見出しの下の説明文</translation>
    </message>
    <message>
        <source>Thank-you message</source>
        <translation>お礼のメッセージ</translation>
    </message>
    <message>
        <source>Not used yet: type a whole address starting with https://, such as https://example.com/menu.</source>
        <translation>まだ使われません。https://example.com/menu のように、https:// で始まるアドレスを最後まで入力してください。</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Unlock the secrets</source>
        <translation>秘密情報のロック解除</translation>
    </message>
    <message>
        <source>This computer has no keyring, so Koe keeps the Twilio auth token and the email password in an encrypted file in the workspace. Enter its passphrase to send messages.</source>
        <translation>このコンピューターにはキーリングがないため、KoeはTwilioの認証トークンとメールのパスワードをワークスペース内の暗号化ファイルに保管しています。メッセージを送信するには、パスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>後で</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation>先にパスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>ロックを解除しています…</translation>
    </message>
    <message>
        <source>That passphrase does not open the secrets file. Try again.</source>
        <translation>このパスフレーズでは秘密情報のファイルを開けません。もう一度お試しください。</translation>
    </message>
    <message>
        <source>Could not open the secrets file: {error}</source>
        <translation>秘密情報のファイルを開けませんでした：{error}</translation>
    </message>
</context>
<context>
    <name>PhonePreview</name>
    <message>
        <source>Logo</source>
        <translation>ロゴ</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Dark mode</source>
        <translation>ダークモード</translation>
    </message>
    <message>
        <source>Customer survey</source>
        <translation>お客様アンケート</translation>
    </message>
</context>
<context>
    <name>PosterDialog</name>
    <message>
        <source>Save poster</source>
        <translation>ポスターを保存</translation>
    </message>
    <message>
        <source>A4 (wall or window)</source>
        <translation>A4（壁や窓に）</translation>
    </message>
    <message>
        <source>A6 (counter card)</source>
        <translation>A6（カウンター用カード）</translation>
    </message>
    <message>
        <source>e.g. counter</source>
        <translation>例：counter</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Source tag</source>
        <translation>流入元タグ</translation>
    </message>
    <message>
        <source>Optional: answers through this poster are tagged with it, so you can tell the counter from the receipts.</source>
        <translation>任意：このポスター経由の回答にタグが付き、カウンターとレシートなど流入元を区別できます。</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <source>The poster could not be saved: {error}</source>
        <translation>ポスターを保存できませんでした：{error}</translation>
    </message>
    <message>
        <source>Poster saved to {path}</source>
        <translation>ポスターを保存しました：{path}</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>QR code of the preview link</source>
        <translation>プレビューリンクのQRコード</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>ブラウザで開く</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>リンクをコピー</translation>
    </message>
    <message>
        <source>The survey as respondents will see it, with your latest changes. Scan the code to try it on a phone. Answers given in a preview are not saved.</source>
        <translation>最新の変更を反映した、回答者に見えるとおりのアンケートです。コードを読み取るとスマートフォンで試せます。プレビューでの回答は保存されません。</translation>
    </message>
</context>
<context>
    <name>PreviewFlow</name>
    <message>
        <source>The preview needs the survey saved first: %1</source>
        <translation>プレビューするには、先にアンケートを保存する必要があります：%1</translation>
    </message>
    <message>
        <source>The preview shows the last saved version: %1</source>
        <translation>プレビューには最後に保存した内容が表示されます：%1</translation>
    </message>
    <message>
        <source>No web browser could be started.</source>
        <translation>Webブラウザーを起動できませんでした。</translation>
    </message>
</context>
<context>
    <name>PreviewStep</name>
    <message>
        <source>The first rows of the file, as they will be saved (nothing is saved yet):</source>
        <translation>ファイルの先頭の行を、保存される形で表示しています（まだ保存していません）：</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>扱い</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Furigana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <source>Phone for SMS</source>
        <translation>SMS送信先</translation>
    </message>
    <message>
        <source>Other phones</source>
        <translation>その他の電話番号</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Problems and merges, row by row: %1</source>
        <translation>問題点と統合（行ごと）：%1 件</translation>
    </message>
    <message>
        <source>No problems: every row can be imported as it is.</source>
        <translation>問題はありません。すべての行をそのまま読み込めます。</translation>
    </message>
    <message>
        <source>…and %1 more: “Save report…” lists them all.</source>
        <translation>…ほか %1 件。「レポートを保存…」ですべて確認できます。</translation>
    </message>
    <message>
        <source>Rows read: %1 · Contacts to import: %2 (new: %3, already saved: %4) · Rows merged into another: %5 · Rows not imported: %6</source>
        <translation>読み取った行：%1 · 読み込む連絡先：%2 件（新規 %3 件、登録済み %4 件） · ほかの行に統合：%5 行 · 読み込まない行：%6 行</translation>
    </message>
    <message>
        <source>Consent: the file has no consent column, and you chose to record no consent for anyone.</source>
        <translation>同意：ファイルに同意の列がなく、だれの同意も記録しない設定です。</translation>
    </message>
    <message>
        <source>Consent: the file has no consent column; consent to %1 will be recorded for everyone, as you confirmed.</source>
        <translation>同意：ファイルに同意の列はありませんが、確認いただいたとおり、全員の%1配信の同意を記録します。</translation>
    </message>
    <message>
        <source>Consent from the file: SMS yes %1, no %2 · email yes %3, no %4 (a “no” is recorded as an opt-out).</source>
        <translation>ファイルの同意：SMS 同意 %1 件・拒否 %2 件 · メール 同意 %3 件・拒否 %4 件（拒否は配信停止として記録します）。</translation>
    </message>
    <message>
        <source>The file says nothing about %1: no consent recorded for it.</source>
        <translation>%1については記載がないため、同意は記録しません。</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>取り込みません</translation>
    </message>
    <message>
        <source>Merged into row %1</source>
        <translation>%1 行目に統合</translation>
    </message>
    <message>
        <source>Imported; see the notes</source>
        <translation>取り込み（注意あり）</translation>
    </message>
    <message>
        <source>Updates a saved contact</source>
        <translation>登録済みの連絡先を更新</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>The mail server refused the address: {detail}</source>
        <translation>メールサーバーが宛先を受け付けませんでした：{detail}</translation>
    </message>
    <message>
        <source>The mail server asked Koe to try later: {detail}</source>
        <translation>メールサーバーから、時間をおいて再送するよう求められました：{detail}</translation>
    </message>
    <message>
        <source>The mail server refused the sender {address}: {detail}</source>
        <translation>メールサーバーが送信元 {address} を受け付けませんでした：{detail}</translation>
    </message>
    <message>
        <source>The mail server refused the message: {detail}</source>
        <translation>メールサーバーがメッセージを受け付けませんでした：{detail}</translation>
    </message>
    <message>
        <source>The connection to the mail server broke while sending ({why}): it may or may not have gone.</source>
        <translation>送信中にメールサーバーとの接続が切れました（{why}）。メールが届いたかどうかはわかりません。</translation>
    </message>
    <message>
        <source>The mail server {where} refused the user name or password.</source>
        <translation>メールサーバー {where} がユーザー名またはパスワードを受け付けませんでした。</translation>
    </message>
    <message>
        <source>The mail server {where} does not offer STARTTLS or login.</source>
        <translation>メールサーバー {where} は STARTTLS またはログインに対応していません。</translation>
    </message>
    <message>
        <source>No secure connection to {where}: {detail}.</source>
        <translation>{where} と安全な接続ができません：{detail}。</translation>
    </message>
    <message>
        <source>Cannot reach the mail server {where}: {why}.</source>
        <translation>メールサーバー {where} に接続できません：{why}。</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>時間内に応答がありません</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>接続を拒否されました</translation>
    </message>
    <message>
        <source>Koe stopped while this email was being sent: it may or may not have arrived. Koe will not send it again by itself; check with the recipient or send it again.</source>
        <translation>このメールの送信中に Koe が停止したため、届いたかどうかはわかりません。Koe が自動で再送することはありません。受信者に確認するか、もう一度送信してください。</translation>
    </message>
    <message>
        <source>Twilio could not be asked whether this SMS went; Koe will ask again ({cause}).</source>
        <translation>この SMS が送信されたかどうかを Twilio に確認できませんでした。Koe があとでもう一度確認します（{cause}）。</translation>
    </message>
    <message>
        <source>No address: the contact was deleted.</source>
        <translation>宛先がありません：連絡先が削除されています。</translation>
    </message>
    <message>
        <source>Opted out of this channel.</source>
        <translation>この送信方法の受信を停止しています。</translation>
    </message>
    <message>
        <source>Gave up after {tries} attempts: {cause}</source>
        <translation>{tries} 回試みましたが送信できませんでした：{cause}</translation>
    </message>
    <message>
        <source>Unexpected error: {detail}</source>
        <translation>予期しないエラーが発生しました：{detail}</translation>
    </message>
    <message>
        <source>This is not a valid phone number.</source>
        <translation>有効な電話番号ではありません。</translation>
    </message>
    <message>
        <source>This number is a landline or otherwise cannot receive SMS.</source>
        <translation>この番号は固定電話などで、SMS を受信できません。</translation>
    </message>
    <message>
        <source>This person replied STOP to your number: Twilio will not send to them.</source>
        <translation>この方はあなたの番号に STOP と返信しているため、Twilio はこの方に送信しません。</translation>
    </message>
    <message>
        <source>Your Twilio account is not allowed to send SMS to this country.</source>
        <translation>お使いの Twilio アカウントは、この国への SMS 送信が許可されていません。</translation>
    </message>
    <message>
        <source>Twilio cannot send from your sender to this number&apos;s country or carrier.</source>
        <translation>Twilio は、設定された送信元からこの番号の国または通信会社へ送信できません。</translation>
    </message>
    <message>
        <source>The message is too long.</source>
        <translation>メッセージが長すぎます。</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>メッセージが空です。</translation>
    </message>
    <message>
        <source>Twilio refused the account SID or auth token. Check them in Settings.</source>
        <translation>Twilio がアカウント SID または認証トークンを受け付けませんでした。設定で確認してください。</translation>
    </message>
    <message>
        <source>Twilio did not find this account. Check the account SID in Settings.</source>
        <translation>Twilio にこのアカウントが見つかりません。設定でアカウント SID を確認してください。</translation>
    </message>
    <message>
        <source>The From number is not an SMS-capable number of your Twilio account.</source>
        <translation>送信元の番号は、お使いの Twilio アカウントの SMS 対応番号ではありません。</translation>
    </message>
    <message>
        <source>The From number or sender ID is not valid.</source>
        <translation>送信元の番号または送信者 ID が正しくありません。</translation>
    </message>
    <message>
        <source>No sender is set: choose a From number, sender ID or Messaging Service.</source>
        <translation>送信元が設定されていません。送信元の番号、送信者 ID、または Messaging Service を選んでください。</translation>
    </message>
    <message>
        <source>Test credentials cannot send real messages.</source>
        <translation>テスト用の認証情報では実際のメッセージは送信できません。</translation>
    </message>
    <message>
        <source>The handset is unreachable (switched off or out of coverage).</source>
        <translation>端末に届きません（電源が切れているか圏外です）。</translation>
    </message>
    <message>
        <source>The number is unknown or no longer in service.</source>
        <translation>この番号は存在しないか、現在使われていません。</translation>
    </message>
    <message>
        <source>A landline or an unreachable carrier.</source>
        <translation>固定電話か、届かない通信会社の番号です。</translation>
    </message>
    <message>
        <source>The carrier filtered the message as spam.</source>
        <translation>通信会社がメッセージを迷惑メッセージとして遮断しました。</translation>
    </message>
    <message>
        <source>Delivery failed for an unknown reason.</source>
        <translation>不明な理由で配信できませんでした。</translation>
    </message>
    <message>
        <source>Twilio&apos;s queue overflowed.</source>
        <translation>Twilio の送信待ちがいっぱいになりました。</translation>
    </message>
    <message>
        <source>The Twilio account was suspended.</source>
        <translation>Twilio アカウントが停止されています。</translation>
    </message>
    <message>
        <source>Cannot reach Twilio (no connection).</source>
        <translation>Twilio に接続できません（ネットワークにつながっていません）。</translation>
    </message>
    <message>
        <source>The connection to Twilio broke.</source>
        <translation>Twilio との接続が切れました。</translation>
    </message>
    <message>
        <source>Twilio did not answer in time.</source>
        <translation>Twilio から時間内に応答がありませんでした。</translation>
    </message>
    <message>
        <source>Twilio may have accepted it, and could not be asked ({cause}).</source>
        <translation>Twilio が受け付けた可能性がありますが、確認できませんでした（{cause}）。</translation>
    </message>
    <message>
        <source>Cannot reach Twilio.</source>
        <translation>Twilio に接続できません。</translation>
    </message>
    <message>
        <source>Twilio could not list messages: {detail}</source>
        <translation>Twilio から送信済みメッセージの一覧を取得できませんでした：{detail}</translation>
    </message>
    <message>
        <source>Cannot reach Twilio to check what was sent.</source>
        <translation>送信済みのメッセージを確認するための Twilio への接続ができません。</translation>
    </message>
    <message>
        <source>Twilio could not list replies: {detail}</source>
        <translation>Twilio から返信の一覧を取得できませんでした：{detail}</translation>
    </message>
    <message>
        <source>Cannot reach Twilio to read replies.</source>
        <translation>返信を読み込むための Twilio への接続ができません。</translation>
    </message>
    <message>
        <source>Twilio error {code}.</source>
        <translation>Twilio のエラー {code}。</translation>
    </message>
    <message>
        <source>Canceled: it was not sent within its validity period.</source>
        <translation>取り消されました：有効期間内に送信されませんでした。</translation>
    </message>
    <message>
        <source>Twilio could not send it.</source>
        <translation>Twilio が送信できませんでした。</translation>
    </message>
    <message>
        <source>Twilio asked Koe to slow down.</source>
        <translation>Twilio から送信の間隔をあけるよう求められました。</translation>
    </message>
    <message>
        <source>Twilio had a problem ({status}).</source>
        <translation>Twilio 側で問題が発生しました（{status}）。</translation>
    </message>
    <message>
        <source>Twilio refused the message: {detail}</source>
        <translation>Twilio がメッセージを受け付けませんでした：{detail}</translation>
    </message>
    <message>
        <source>Fill in the account SID, the auth token and the sender first.</source>
        <translation>先にアカウント SID、認証トークン、送信元を入力してください。</translation>
    </message>
    <message>
        <source>Fill in the server and the From address first.</source>
        <translation>先にサーバーと送信元アドレスを入力してください。</translation>
    </message>
    <message>
        <source>The contact was deleted.</source>
        <translation>連絡先が削除されています。</translation>
    </message>
    <message>
        <source>The disk is full: free some space on it and try again.</source>
        <translation>ディスクがいっぱいです。空き容量を増やしてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The workspace file is busy (another program is writing to it); try again.</source>
        <translation>ワークスペースのファイルは使用中です（別のプログラムが書き込んでいます）。もう一度お試しください。</translation>
    </message>
    <message>
        <source>Koe is not allowed to use {path}.</source>
        <translation>Koe には {path} を使用する権限がありません。</translation>
    </message>
    <message>
        <source>{path} is not there.</source>
        <translation>{path} が見つかりません。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>／</translation>
    </message>
    <message>
        <source>the system keyring could not be written: {detail}</source>
        <translation>システムのキーリングに書き込めませんでした：{detail}</translation>
    </message>
    <message>
        <source>the system keyring could not be read: {detail}</source>
        <translation>システムのキーリングを読み込めませんでした：{detail}</translation>
    </message>
    <message>
        <source>a passphrase is needed to open the encrypted secrets file</source>
        <translation>暗号化された秘密情報のファイルを開くにはパスフレーズが必要です</translation>
    </message>
    <message>
        <source>the encrypted secrets file cannot be read: {detail}</source>
        <translation>暗号化された秘密情報のファイルを読み込めません：{detail}</translation>
    </message>
    <message>
        <source>the passphrase does not open the secrets file</source>
        <translation>このパスフレーズでは秘密情報のファイルを開けません</translation>
    </message>
    <message>
        <source>this computer has no usable system keyring; a passphrase is needed to keep secrets in an encrypted file in the workspace</source>
        <translation>このコンピューターには使えるシステムのキーリングがありません。秘密情報をワークスペース内の暗号化ファイルに保管するには、パスフレーズが必要です</translation>
    </message>
    <message>
        <source>The daily backup failed: {detail}</source>
        <translation>毎日のバックアップに失敗しました：{detail}</translation>
    </message>
    <message>
        <source>The disk is full: there is no room for a backup in {folder}. Free some space on that disk; nothing was changed.</source>
        <translation>ディスクがいっぱいのため、{folder} にバックアップを保存できません。そのディスクの空き容量を増やしてください。何も変更されていません。</translation>
    </message>
    <message>
        <source>Cannot make the backup folder {folder}: {detail}</source>
        <translation>バックアップ用のフォルダー {folder} を作成できません：{detail}</translation>
    </message>
    <message>
        <source>The backup into {folder} failed: {detail}</source>
        <translation>{folder} へのバックアップに失敗しました：{detail}</translation>
    </message>
    <message>
        <source>The workspace file is damaged ({cause}); the copy just made was not kept, and the backups taken before are left as they are. Restore the newest of them (Settings ▸ Backups, or: main.py backups restore).</source>
        <translation>ワークスペースのファイルが壊れています（{cause}）。いま作成したコピーは残さず、それ以前のバックアップはそのまま残しています。そのうち最新のものを復元してください（設定 ▸ バックアップ、または main.py backups restore）。</translation>
    </message>
    <message>
        <source>the folder {folder} is not there (is the disk plugged in?)</source>
        <translation>フォルダー {folder} が見つかりません（ディスクは接続されていますか？）</translation>
    </message>
    <message>
        <source>Koe may not write in {folder}</source>
        <translation>Koe には {folder} に書き込む権限がありません</translation>
    </message>
    <message>
        <source>The second copy was not made: {cause}.</source>
        <translation>2 つ目のコピーは作成されませんでした：{cause}。</translation>
    </message>
    <message>
        <source>The second copy was not made: the disk of {folder} is full.</source>
        <translation>2 つ目のコピーは作成されませんでした：{folder} のディスクがいっぱいです。</translation>
    </message>
    <message>
        <source>The second copy was not made: {detail} ({folder}).</source>
        <translation>2 つ目のコピーは作成されませんでした：{detail}（{folder}）。</translation>
    </message>
    <message>
        <source>{name} is not a readable Koe backup ({cause}).</source>
        <translation>{name} は読み込める Koe のバックアップではありません（{cause}）。</translation>
    </message>
    <message>
        <source>{name} is not a readable Koe backup: it {cause}.</source>
        <translation>{name} は読み込める Koe のバックアップではありません：ファイルは{cause}。</translation>
    </message>
    <message>
        <source>{name} is not a Koe backup.</source>
        <translation>{name} は Koe のバックアップではありません。</translation>
    </message>
    <message>
        <source>{path} cannot be read ({detail})</source>
        <translation>{path} を読み込めません（{detail}）</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>ファイルではなくフォルダーです</translation>
    </message>
    <message>
        <source>is empty (0 bytes)</source>
        <translation>空です（0 バイト）</translation>
    </message>
    <message>
        <source>is not a SQLite database (damaged, or another kind of file)</source>
        <translation>SQLite のデータベースではありません（壊れているか、別の種類のファイルです）</translation>
    </message>
    <message>
        <source>is cut short ({size} bytes)</source>
        <translation>途中で切れています（{size} バイト）</translation>
    </message>
    <message>
        <source>is damaged ({detail})</source>
        <translation>壊れています（{detail}）</translation>
    </message>
    <message>
        <source>holds no Koe data (an empty database)</source>
        <translation>Koe のデータを含んでいません（空のデータベースです）</translation>
    </message>
    <message>
        <source>{path} {damage}, so Koe left it as it is; the newest good backup is {backup} (taken {taken}): restore it with `main.py backups restore --data-dir {data_dir}` while Koe is closed.</source>
        <translation>{path} は{damage}。そのため Koe はこのファイルに手を加えていません。正常な最新のバックアップは {backup}（{taken} に作成）です。Koe を閉じた状態で `main.py backups restore --data-dir {data_dir}` を実行して復元してください。</translation>
    </message>
    <message>
        <source>{path} {damage}, so Koe left it as it is; there is no good backup in {folder}: to put a copy you keep elsewhere in its place, run `main.py backups restore --data-dir {data_dir} FILE` while Koe is closed.</source>
        <translation>{path} は{damage}。そのため Koe はこのファイルに手を加えていません。{folder} に正常なバックアップはありません。別の場所に保管しているコピーで置き換えるには、Koe を閉じた状態で `main.py backups restore --data-dir {data_dir} FILE` を実行してください。</translation>
    </message>
    <message>
        <source>Cannot create the workspace folder {folder}: {detail}</source>
        <translation>ワークスペースのフォルダー {folder} を作成できません：{detail}</translation>
    </message>
    <message>
        <source>Another Koe is already using the workspace in {folder}. Close it first (only one app or server may write to a workspace).</source>
        <translation>{folder} のワークスペースは、別の Koe がすでに使用しています。先にそちらを閉じてください（ワークスペースに書き込めるのは、1 つのアプリまたはサーバーだけです）。</translation>
    </message>
    <message>
        <source>There is no Koe workspace in {folder}.</source>
        <translation>{folder} に Koe のワークスペースがありません。</translation>
    </message>
    <message>
        <source>This workspace was saved by a newer version of Koe (it has changes {changes} this version does not know). Update Koe to open it; the file has not been changed.</source>
        <translation>このワークスペースは新しいバージョンの Koe で保存されています（このバージョンが知らない変更 {changes} を含みます）。開くには Koe を更新してください。ファイルは変更されていません。</translation>
    </message>
    <message>
        <source>{path} holds tables Koe did not make; it has not been changed.</source>
        <translation>{path} には Koe が作成していない表が含まれています。ファイルは変更されていません。</translation>
    </message>
    <message>
        <source>{cause}; it has not been changed.</source>
        <translation>{cause}。ファイルは変更されていません。</translation>
    </message>
    <message>
        <source>The disk is full: Koe cannot write to {path}. Free some space on that disk and try again; nothing was lost.</source>
        <translation>ディスクがいっぱいのため、Koe は {path} に書き込めません。そのディスクの空き容量を増やして、もう一度お試しください。データは失われていません。</translation>
    </message>
    <message>
        <source>{path} cannot be used ({detail}); it has not been changed.</source>
        <translation>{path} を使用できません（{detail}）。ファイルは変更されていません。</translation>
    </message>
    <message>
        <source>{cause} Koe has not updated the workspace.</source>
        <translation>{cause} Koe はワークスペースを更新していません。</translation>
    </message>
    <message>
        <source>There is no good backup in {folder} to restore.</source>
        <translation>{folder} に復元できる正常なバックアップがありません。</translation>
    </message>
    <message>
        <source>Another Koe is using the workspace in {folder}; close it, then restore.</source>
        <translation>{folder} のワークスペースは別の Koe が使用しています。そちらを閉じてから復元してください。</translation>
    </message>
    <message>
        <source>Cannot listen on {host}: it is not a known address ({detail}).</source>
        <translation>{host} で待ち受けできません：認識できないアドレスです（{detail}）。</translation>
    </message>
    <message>
        <source>Port {port} on {host} is already in use by another program (perhaps another Koe). Choose another port in Settings, or close that program.</source>
        <translation>{host} のポート {port} は、すでに別のプログラム（別の Koe かもしれません）が使用しています。設定で別のポートを選ぶか、そのプログラムを終了してください。</translation>
    </message>
    <message>
        <source>Koe is not allowed to listen on port {port}; choose a port above 1024.</source>
        <translation>Koe にはポート {port} で待ち受ける権限がありません。1024 より大きいポートを選んでください。</translation>
    </message>
    <message>
        <source>{host} is not an address of this computer.</source>
        <translation>{host} はこのコンピューターのアドレスではありません。</translation>
    </message>
    <message>
        <source>Cannot listen on {host} port {port}: {detail}.</source>
        <translation>{host} のポート {port} で待ち受けできません：{detail}。</translation>
    </message>
    <message>
        <source>The respondent site is already running.</source>
        <translation>回答サイトはすでに動いています。</translation>
    </message>
    <message>
        <source>The respondent site stopped while starting.</source>
        <translation>回答サイトが起動中に停止しました。</translation>
    </message>
    <message>
        <source>The respondent site did not start within {seconds} seconds.</source>
        <translation>回答サイトが {seconds} 秒以内に起動しませんでした。</translation>
    </message>
    <message>
        <source>The respondent site could not start on {url}.</source>
        <translation>回答サイトを {url} で起動できませんでした。</translation>
    </message>
    <message>
        <source>The respondent site stopped: {detail}</source>
        <translation>回答サイトが停止しました：{detail}</translation>
    </message>
    <message>
        <source>An attribute name cannot hold a double quote: {name}</source>
        <translation>属性名にダブルクォート（&quot;）は使えません：{name}</translation>
    </message>
    <message>
        <source>A segment needs a name.</source>
        <translation>セグメントには名前が必要です。</translation>
    </message>
    <message>
        <source>There is already a segment named “{name}”.</source>
        <translation>「{name}」という名前のセグメントはすでにあります。</translation>
    </message>
    <message>
        <source>holds control characters (such as NUL or ESC, shown as �), which no one types: set aside</source>
        <comment>after the import</comment>
        <translation>制御文字（NUL や ESC など。� で表示）が含まれていたため、この値は取り込みませんでした</translation>
    </message>
    <message>
        <source>holds bytes that {encoding} does not define ({bytes}): set aside; is the file in another encoding?</source>
        <comment>after the import</comment>
        <translation>{encoding} にない文字コード（{bytes}）が含まれていたため、この値は取り込みませんでした。ファイルの文字コードが違っていませんか？</translation>
    </message>
    <message>
        <source>more cells than the header has columns; the extra ones are ignored</source>
        <comment>after the import</comment>
        <translation>見出しより列が多い行でした。余分な列は取り込みませんでした</translation>
    </message>
    <message>
        <source>neither yes nor no: no consent recorded, no opt-out either</source>
        <comment>after the import</comment>
        <translation>「する／しない」のどちらとも読めなかったため、同意も配信停止も記録しませんでした</translation>
    </message>
    <message>
        <source>says yes and no for {channel}: taken as no (an opt-out)</source>
        <comment>after the import</comment>
        <translation>{channel} について「する」と「しない」の両方があったため、「しない」（配信停止）としました</translation>
    </message>
    <message>
        <source>not a date: set aside</source>
        <comment>after the import</comment>
        <translation>日付として読めなかったため、取り込みませんでした</translation>
    </message>
    <message>
        <source>not Koe&apos;s list of attributes: kept as one attribute</source>
        <comment>after the import</comment>
        <translation>Koe の属性一覧の形式ではなかったため、1つの属性としてそのまま残しました</translation>
    </message>
    <message>
        <source>a landline: kept, but it cannot receive SMS</source>
        <comment>after the import</comment>
        <translation>固定電話です。登録しましたが、SMSは受信できません</translation>
    </message>
    <message>
        <source>not a mobile number (IP phone, toll-free or pager): kept, but SMS may fail</source>
        <comment>after the import</comment>
        <translation>携帯電話番号ではありません（IP電話・フリーダイヤルなど）。登録しましたが、SMSが届かない可能性があります</translation>
    </message>
    <message>
        <source>row {row} merged into row {into}: {why}</source>
        <comment>after the import</comment>
        <translation>{row} 行目を {into} 行目にまとめました（{why}）</translation>
    </message>
    <message>
        <source>row {row} updates the contact already saved as {name}: {why}</source>
        <comment>after the import</comment>
        <translation>{row} 行目で登録済みの連絡先「{name}」を更新しました（{why}）</translation>
    </message>
    <message>
        <source>email {kept} kept, {added} added as a second email</source>
        <comment>after the import</comment>
        <translation>メールアドレス {kept} はそのまま、{added} を2つ目のメールアドレスとして追加しました</translation>
    </message>
    <message>
        <source>phone {kept} kept for SMS, {added} added as another number</source>
        <comment>after the import</comment>
        <translation>SMS の送信先は {kept} のまま、{added} を別の番号として追加しました</translation>
    </message>
    <message>
        <source>mobile {added} now used for SMS, {kept} kept as another number</source>
        <comment>after the import</comment>
        <translation>SMS の送信先を携帯電話 {added} に変更し、{kept} は別の番号として残しました</translation>
    </message>
    <message>
        <source>{what} {old} replaced by {new}</source>
        <comment>after the import</comment>
        <translation>{what}を「{old}」から「{new}」に変更しました</translation>
    </message>
    <message>
        <source>{what} {old} removed: it was the reading of the name replaced</source>
        <comment>after the import</comment>
        <translation>{what}「{old}」は変更前の名前の読みだったため、削除しました</translation>
    </message>
    <message>
        <source>one row says no to {channel}: opted out</source>
        <comment>after the import</comment>
        <translation>{channel} の配信を希望しない行があったため、配信停止にしました</translation>
    </message>
    <message>
        <source>The destination was removed in Settings.</source>
        <translation>この送信先は設定で削除されました。</translation>
    </message>
    <message>
        <source>Koe stopped while this chat message was being sent: it may or may not have arrived. Koe will not send it again by itself.</source>
        <translation>このチャットメッセージの送信中にKoeが停止しました。届いているかどうかは分かりません。Koeが自動で再送することはありません。</translation>
    </message>
    <message>
        <source>{service} refused the message (HTTP {status}): {words}</source>
        <translation>{service}がメッセージを受け付けませんでした（HTTP {status}）：{words}</translation>
    </message>
    <message>
        <source>{service} is busy or down (HTTP {status}); Koe tries again.</source>
        <translation>{service}が混み合っているか停止しています（HTTP {status}）。Koeがあとで再送します。</translation>
    </message>
    <message>
        <source>{service} could not be reached: {detail}</source>
        <translation>{service}に接続できませんでした：{detail}</translation>
    </message>
    <message>
        <source>{service}&apos;s certificate is not trusted, so nothing was sent: {detail}</source>
        <translation>{service}の証明書が信頼できないため、送信しませんでした：{detail}</translation>
    </message>
    <message>
        <source>{service} did not answer after the message was sent: it may or may not have arrived. Koe will not send it again by itself.</source>
        <translation>送信後に{service}から応答がありませんでした。届いているかどうかは分かりません。Koeが自動で再送することはありません。</translation>
    </message>
    <message>
        <source>This destination&apos;s address or token is missing (Settings → Chat and webhooks).</source>
        <translation>この送信先のアドレスまたはトークンがありません（設定 → チャットとWebhook）。</translation>
    </message>
    <message>
        <source>The address must start with https://</source>
        <translation>アドレスは https:// で始まる必要があります。</translation>
    </message>
    <message>
        <source>The address must be a full https:// web address, as the service gave it.</source>
        <translation>アドレスは、サービスから発行されたとおりの https:// で始まる完全なURLを入力してください。</translation>
    </message>
    <message>
        <source>Chatwork needs an API token and a room id.</source>
        <translation>ChatworkにはAPIトークンとルームIDが必要です。</translation>
    </message>
    <message>
        <source>A Chatwork room id is a number, such as 123456789.</source>
        <translation>ChatworkのルームIDは 123456789 のような数字です。</translation>
    </message>
    <message>
        <source>Choose at least one thing to send.</source>
        <translation>送信する内容を1つ以上選んでください。</translation>
    </message>
    <message>
        <source>Choose the column with phone numbers or the one with email addresses.</source>
        <translation>電話番号の列かメールアドレスの列を選んでください。</translation>
    </message>
    <message>
        <source>not an email address: {detail}</source>
        <translation>メールアドレスとして使えません：{detail}</translation>
    </message>
    <message>
        <source>same mobile</source>
        <translation>携帯電話番号が同じ</translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation>電話番号が同じ</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>メールアドレスが同じ</translation>
    </message>
    <message>
        <source>row {row} merged into row {into}: {why}</source>
        <translation>{row} 行目を {into} 行目にまとめます（{why}）</translation>
    </message>
    <message>
        <source>row {row} updates the contact already saved as {name}: {why}</source>
        <translation>{row} 行目で登録済みの連絡先「{name}」を更新します（{why}）</translation>
    </message>
    <message>
        <source>email {kept} kept, {added} added as a second email</source>
        <translation>メールアドレス {kept} はそのまま、{added} を2つ目のメールアドレスとして追加します</translation>
    </message>
    <message>
        <source>phone {kept} kept for SMS, {added} added as another number</source>
        <translation>SMS の送信先は {kept} のまま、{added} を別の番号として追加します</translation>
    </message>
    <message>
        <source>mobile {added} now used for SMS, {kept} kept as another number</source>
        <translation>SMS の送信先を携帯電話 {added} に変更し、{kept} は別の番号として残します</translation>
    </message>
    <message>
        <source>{what} {old} replaced by {new}</source>
        <translation>{what}を「{old}」から「{new}」に変更します</translation>
    </message>
    <message>
        <source>{what} {old} removed: it was the reading of the name replaced</source>
        <translation>{what}「{old}」は変更前の名前の読みのため、削除します</translation>
    </message>
    <message>
        <source>one row says no to {channel}: opted out</source>
        <translation>{channel} の配信を希望しない行があるため、配信停止にします</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>furigana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <source>birthday</source>
        <translation>誕生日</translation>
    </message>
    <message>
        <source>last visit</source>
        <translation>最終来店日</translation>
    </message>
    <message>
        <source>language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>not a phone number: it holds letters or symbols</source>
        <translation>電話番号ではありません（文字や記号が含まれています）</translation>
    </message>
    <message>
        <source>too short to be a phone number</source>
        <translation>電話番号としては短すぎます</translation>
    </message>
    <message>
        <source>not a valid phone number for its country (add +country code?)</source>
        <translation>この国の電話番号として正しくありません（+国番号を付けてください）</translation>
    </message>
    <message>
        <source>a landline: kept, but it cannot receive SMS</source>
        <translation>固定電話です。登録しますが、SMSは受信できません</translation>
    </message>
    <message>
        <source>not a mobile number (IP phone, toll-free or pager): kept, but SMS may fail</source>
        <translation>携帯電話番号ではありません（IP電話・フリーダイヤルなど）。登録しますが、SMSが届かない可能性があります</translation>
    </message>
    <message>
        <source>The file has no consent column: no consent was recorded for anyone.</source>
        <translation>このファイルには配信同意の列がないため、どなたの同意も記録していません。</translation>
    </message>
    <message>
        <source>The file has no consent column: consent to {channels} recorded for everyone, as you confirmed (source: import of {file}).</source>
        <translation>このファイルには配信同意の列がないため、ご確認いただいたとおり全員の {channels} への同意を記録しました（記録元：{file} の読み込み）。</translation>
    </message>
    <message>
        <source>The file says nothing about consent to {channels}: none recorded for it.</source>
        <translation>このファイルには {channels} の配信同意の情報がないため、記録していません。</translation>
    </message>
    <message>
        <source>cannot read {name}: {detail}</source>
        <translation>{name} を読み込めません：{detail}</translation>
    </message>
    <message>
        <source>unknown encoding {encoding}</source>
        <translation>{encoding} は不明な文字コードです</translation>
    </message>
    <message>
        <source>the file is not a readable CSV: {detail}</source>
        <translation>読み込める CSV ファイルではありません：{detail}</translation>
    </message>
    <message>
        <source>the file is not {encoding} (rows that cannot be read: {rows}); choose another encoding</source>
        <translation>このファイルは {encoding} ではありません（{rows} 行を読み取れません）。別の文字コードを選んでください</translation>
    </message>
    <message>
        <source>cannot read {name} as an Excel file: {detail}</source>
        <translation>{name} を Excel ファイルとして読み込めません：{detail}</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>ファイルが空です</translation>
    </message>
    <message>
        <source>holds control characters (such as NUL or ESC, shown as �), which no one types: set aside</source>
        <translation>制御文字（NUL や ESC など。� で表示）が含まれているため、この値は取り込みません</translation>
    </message>
    <message>
        <source>holds bytes that {encoding} does not define ({bytes}): set aside; is the file in another encoding?</source>
        <translation>{encoding} にない文字コード（{bytes}）が含まれているため、この値は取り込みません。ファイルの文字コードが違っていませんか？</translation>
    </message>
    <message>
        <source>more cells than the header has columns; the extra ones are ignored</source>
        <translation>見出しより列が多い行です。余分な列は取り込みません</translation>
    </message>
    <message>
        <source>no phone number and no email address</source>
        <translation>電話番号もメールアドレスもありません</translation>
    </message>
    <message>
        <source>no usable phone number or email address (see above)</source>
        <translation>使える電話番号もメールアドレスもありません（上記参照）</translation>
    </message>
    <message>
        <source>neither yes nor no: no consent recorded, no opt-out either</source>
        <translation>「する／しない」のどちらとも読めないため、同意も配信停止も記録しません</translation>
    </message>
    <message>
        <source>says yes and no for {channel}: taken as no (an opt-out)</source>
        <translation>{channel} について「する」と「しない」の両方があるため、「しない」（配信停止）とします</translation>
    </message>
    <message>
        <source>not a date: set aside</source>
        <translation>日付として読めないため、取り込みません</translation>
    </message>
    <message>
        <source>not Koe&apos;s list of attributes: kept as one attribute</source>
        <translation>Koe の属性一覧の形式ではないため、1つの属性としてそのまま残します</translation>
    </message>
</context>
<context>
    <name>ProgrammeDialog</name>
    <message>
        <source>Edit programme</source>
        <translation>プログラムの編集</translation>
    </message>
    <message>
        <source>New programme</source>
        <translation>新しいプログラム</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>すべての連絡先</translation>
    </message>
    <message>
        <source>SMS, else email</source>
        <translation>SMS、なければメール</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Every few days, for each contact</source>
        <translation>連絡先ごとに一定の日数おき</translation>
    </message>
    <message>
        <source>Days before or after a date of the contact</source>
        <translation>連絡先の日付の前後</translation>
    </message>
    <message>
        <source>After an event</source>
        <translation>イベントの後</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>誕生日</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最終来店日</translation>
    </message>
    <message>
        <source>Negative: before the date (90 days before a renewal).</source>
        <translation>マイナスの値は日付より前です（更新日の90日前など）。</translation>
    </message>
    <message>
        <source>Every year on that day</source>
        <translation>毎年その日に</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> 時間</translation>
    </message>
    <message>
        <source>Send every</source>
        <translation>送信の間隔</translation>
    </message>
    <message>
        <source>Spread the first sends over</source>
        <translation>初回の送信を分散する期間</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Days after it</source>
        <translation>その日から（日後）</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>Wait after it</source>
        <translation>イベント後の待ち時間</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>アンケート</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>チャネル</translation>
    </message>
    <message>
        <source>Sends</source>
        <translation>送信のきっかけ</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>リマインダー</translation>
    </message>
    <message>
        <source>Reminder after</source>
        <translation>リマインダーまでの日数</translation>
    </message>
    <message>
        <source>Each send keeps opt-outs, consent, quiet hours and the frequency cap, as campaigns do.</source>
        <translation>キャンペーンと同じく、どの送信も配信停止・同意・送信しない時間帯・送信頻度の上限を守ります。</translation>
    </message>
    <message>
        <source>Give the programme a name.</source>
        <translation>プログラムの名前を入力してください。</translation>
    </message>
    <message>
        <source>Choose a survey (open one on the Surveys page first).</source>
        <translation>アンケートを選んでください（先にアンケートページで公開してください）。</translation>
    </message>
    <message>
        <source>Choose the date the programme counts from.</source>
        <translation>基準にする日付を選んでください。</translation>
    </message>
    <message>
        <source>Name the event that starts a send.</source>
        <translation>送信のきっかけになるイベント名を入力してください。</translation>
    </message>
</context>
<context>
    <name>ProgrammesView</name>
    <message>
        <source>New programme…</source>
        <translation>新しいプログラム…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>送信予定</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Next sends</source>
        <translation>次の送信</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message numerus="yes">
        <source>Every %n day(s)</source>
        <translation>
            <numerusform>%n日ごと</numerusform>
        </translation>
    </message>
    <message>
        <source>the birthday</source>
        <translation>誕生日</translation>
    </message>
    <message>
        <source>the last visit</source>
        <translation>最終来店日</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) before {date}</source>
        <translation>
            <numerusform>{date}の%n日前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) after {date}</source>
        <translation>
            <numerusform>{date}の%n日後</numerusform>
        </translation>
    </message>
    <message>
        <source>After “{event}”</source>
        <translation>「{event}」の後</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>nothing sent yet</source>
        <translation>まだ送信なし</translation>
    </message>
    <message>
        <source>response rate {rate}%</source>
        <translation>回答率 {rate}%</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message numerus="yes">
        <source>%n sent</source>
        <translation>
            <numerusform>送信 %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answered</source>
        <translation>
            <numerusform>回答 %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for the frequency cap</source>
        <translation>
            <numerusform>送信頻度の上限で待機中 %n件</numerusform>
        </translation>
    </message>
    <message>
        <source>paused: nothing is sent until you resume</source>
        <translation>一時停止中：再開するまで何も送信されません</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>あり</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>Waiting for the frequency cap</source>
        <translation>送信頻度の上限で待機中</translation>
    </message>
    <message>
        <source>Skipped: opted out</source>
        <translation>送信せず：配信停止</translation>
    </message>
    <message>
        <source>Skipped: no consent</source>
        <translation>送信せず：同意なし</translation>
    </message>
    <message>
        <source>Skipped: no usable phone or email</source>
        <translation>送信せず：使える電話番号・メールアドレスなし</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>Not sent (opted out or deleted)</source>
        <translation>送信せず（配信停止・削除済み）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Cancel campaign</source>
        <translation>キャンペーンを中止</translation>
    </message>
    <message>
        <source>Send again…</source>
        <translation>再送信…</translation>
    </message>
    <message>
        <source>Send again an email whose fate is unknown (select its row).</source>
        <translation>送信結果が不明なメールを再送信します（該当する行を選択してください）。</translation>
    </message>
    <message numerus="yes">
        <source>Status: {status} · %n recipient(s)</source>
        <translation>
            <numerusform>状態：{status}・送信先 %n人</numerusform>
        </translation>
    </message>
    <message>
        <source>Send again?</source>
        <translation>再送信しますか？</translation>
    </message>
    <message>
        <source>Koe was interrupted while this email to {address} was being sent, and the mail server cannot be asked whether it arrived.</source>
        <translation>{address} へのメールの送信中に Koe が中断されました。メールサーバーには、届いたかどうかを確認できません。</translation>
    </message>
    <message>
        <source>If it did arrive, sending it again means {who} gets the same email twice. If you can, check with them first.</source>
        <translation>すでに届いていた場合、再送信すると {who} 様に同じメールが2通届きます。可能であれば、先にご本人にご確認ください。</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>再送信</translation>
    </message>
    <message>
        <source>Cancel this campaign? Messages not yet sent will not be sent. This cannot be undone.</source>
        <translation>このキャンペーンを中止しますか？まだ送信していないメッセージは送信されません。この操作は取り消せません。</translation>
    </message>
</context>
<context>
    <name>QuestionDelegate</name>
    <message>
        <source>No wording yet</source>
        <translation>文言はまだありません</translation>
    </message>
</context>
<context>
    <name>QuestionEditor</name>
    <message>
        <source>This question has 1 answer: its type, scale and options are fixed so collected answers keep their meaning. You can correct its wording, add options, or add a new question.</source>
        <translation>この質問には回答が 1 件あります。集めた回答の意味が変わらないよう、種類・尺度・選択肢は固定されています。文言の修正、選択肢の追加、新しい質問の追加はできます。</translation>
    </message>
    <message>
        <source>This question has %1 answers: its type, scale and options are fixed so collected answers keep their meaning. You can correct its wording, add options, or add a new question.</source>
        <translation>この質問には回答が %1 件あります。集めた回答の意味が変わらないよう、種類・尺度・選択肢は固定されています。文言の修正、選択肢の追加、新しい質問の追加はできます。</translation>
    </message>
    <message>
        <source>Answer required</source>
        <translation>回答必須</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>種類：</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>質問</translation>
    </message>
    <message>
        <source>The question, as respondents will read it</source>
        <translation>回答者に表示される質問文</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>尺度</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>選択肢</translation>
    </message>
    <message>
        <source>Respondents can type up to %1 characters.</source>
        <translation>回答者は %1 文字まで入力できます。</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>フォローアップ</translation>
    </message>
    <message>
        <source>Branching</source>
        <translation>分岐</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>質問 %1</translation>
    </message>
    <message>
        <source>Questions with answers keep their type.</source>
        <translation>回答のある質問は種類を変更できません。</translation>
    </message>
    <message>
        <source>Edit wording</source>
        <translation>文言の編集</translation>
    </message>
    <message>
        <source>Change “required”</source>
        <translation>「回答必須」の変更</translation>
    </message>
    <message>
        <source>Change question type</source>
        <translation>質問の種類の変更</translation>
    </message>
    <message>
        <source>Add as a new question</source>
        <translation>新しい質問として追加</translation>
    </message>
    <message>
        <source>%1 Answers already given were to the first wording, so this new wording cannot be saved on this question. Add a new question instead: it keeps this question as it was and asks the new wording as a new question.</source>
        <translation>%1 これまでの回答は最初の文言に対するものなので、この質問の文言としては保存できません。代わりに新しい質問を追加してください。この質問は元のまま残り、新しい文言は新しい質問として尋ねます。</translation>
    </message>
</context>
<context>
    <name>QuestionPanel</name>
    <message>
        <source>Questions</source>
        <translation>質問</translation>
    </message>
</context>
<context>
    <name>ReachNotice</name>
    <message>
        <source>This link only opens on phones connected to your shop&apos;s Wi-Fi, and only while Koe runs on this computer: fine for a QR code on the counter, not for SMS, email or printed codes that leave the shop. Set up a public host to reach customers anywhere.</source>
        <translation>このリンクを開けるのは、お店のWi-Fiにつながったスマートフォンだけで、このコンピューターでKoeが動いている間だけです。店頭のQRコードには使えますが、SMSやメール、店外に持ち出される印刷物には向きません。どこにいるお客様にも届けるには、公開ホストを設定してください。</translation>
    </message>
    <message>
        <source>Only this computer can open this link: customers&apos; phones cannot. Set up a public host so that customers can answer from anywhere, or turn on Settings ▸ On this network for phones on your shop&apos;s Wi-Fi.</source>
        <translation>このリンクはこのコンピューターでしか開けません。お客様のスマートフォンからは開けません。どこからでも回答してもらうには公開ホストを設定してください。お店のWi-Fiにつながったスマートフォンだけでよければ、「設定 ▸ このネットワーク内」をオンにしてください。</translation>
    </message>
    <message>
        <source>The public address in Settings is not one that phones can open, so this link reaches no one. Set up a public host.</source>
        <translation>設定の公開アドレスはスマートフォンから開けるアドレスではないため、このリンクは誰にも届きません。公開ホストを設定してください。</translation>
    </message>
    <message>
        <source>SMS and email campaigns need a public host. Their survey links would only open on your shop&apos;s Wi-Fi ({address}), not where customers read their messages, so nothing can be queued yet.</source>
        <translation>SMSやメールのキャンペーンには公開ホストが必要です。今のままではアンケートのリンクがお店のWi-Fi内（{address}）でしか開けず、お客様がメッセージを読む場所からは開けないため、まだ送信待ちにできません。</translation>
    </message>
    <message>
        <source>SMS and email campaigns need a public host. Their survey links would point to this computer ({address}), which customers&apos; phones cannot open, so nothing can be queued yet.</source>
        <translation>SMSやメールのキャンペーンには公開ホストが必要です。今のままではアンケートのリンクがこのコンピューター（{address}）を指し、お客様のスマートフォンからは開けないため、まだ送信待ちにできません。</translation>
    </message>
    <message>
        <source>SMS and email campaigns need a public host. The public address in Settings ({address}) is not one customers can open, so nothing can be queued yet.</source>
        <translation>SMSやメールのキャンペーンには公開ホストが必要です。設定の公開アドレス（{address}）はお客様が開けるアドレスではないため、まだ送信待ちにできません。</translation>
    </message>
    <message>
        <source>Print it on receipts, menus or a card on the counter.</source>
        <translation>レシートやメニュー、レジ横のカードに印刷できます。</translation>
    </message>
    <message>
        <source>For a card on the counter: phones on your shop&apos;s Wi-Fi can scan it while Koe runs.</source>
        <translation>店頭のカード向けです。Koeが動いている間、お店のWi-Fiにつながったスマートフォンで読み取れます。</translation>
    </message>
    <message>
        <source>Phones cannot open this code yet: print it once a public host is set up.</source>
        <translation>このコードはまだスマートフォンから開けません。印刷は公開ホストを設定してからにしてください。</translation>
    </message>
    <message>
        <source>Set up a public host…</source>
        <translation>公開ホストを設定…</translation>
    </message>
</context>
<context>
    <name>ReachPage</name>
    <message>
        <source>How will customers reach your surveys?</source>
        <translation>お客様はどこからアンケートに答えますか？</translation>
    </message>
    <message>
        <source>A survey link works only where customers&apos; phones can reach it. You can change this later in Settings.</source>
        <translation>アンケートのリンクは、お客様のスマートフォンから届く場所にないと開けません。あとから「設定」で変更できます。</translation>
    </message>
    <message>
        <source>Through a public host on the internet (recommended)</source>
        <translation>インターネット上の公開ホストから（おすすめ）</translation>
    </message>
    <message>
        <source>For SMS, email and printed QR codes: links work from anywhere. Next, Koe opens the public host set-up.</source>
        <translation>SMS・メール・印刷したQRコードに必要です。リンクはどこからでも開けます。このあと、公開ホストの設定を開きます。</translation>
    </message>
    <message>
        <source>From this computer, on the shop&apos;s Wi-Fi</source>
        <translation>このコンピューターから、お店のWi-Fi内で</translation>
    </message>
    <message>
        <source>For a QR code on the counter only: it works while Koe is running, and only for phones on the same Wi-Fi as this computer.</source>
        <translation>店頭に置くQRコード専用です。Koe を起動している間だけ、このコンピューターと同じWi-Fiにつないだスマートフォンから開けます。</translation>
    </message>
    <message>
        <source>Just trying it out</source>
        <translation>まずは試してみる</translation>
    </message>
    <message>
        <source>Links open only on this computer, and Koe marks them so everywhere: customers cannot answer yet.</source>
        <translation>リンクはこのコンピューターでしか開けず、Koe の画面にもそう表示されます。お客様はまだ回答できません。</translation>
    </message>
</context>
<context>
    <name>Readiness</name>
    <message>
        <source>Open Settings ▸ Messages…</source>
        <translation>設定 ▸ メッセージを開く…</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>ロック解除…</translation>
    </message>
    <message>
        <source>Start sending again</source>
        <translation>送信を再開</translation>
    </message>
    <message>
        <source>SMS is not set up: the Twilio account SID and sender are missing.</source>
        <translation>SMSが設定されていません。TwilioのアカウントSIDと送信元が未入力です。</translation>
    </message>
    <message>
        <source>Email is not set up: the mail server and From address are missing.</source>
        <translation>メールが設定されていません。メールサーバーと差出人アドレスが未入力です。</translation>
    </message>
    <message>
        <source>The Twilio auth token has not been saved.</source>
        <translation>Twilioの認証トークンが保存されていません。</translation>
    </message>
    <message>
        <source>The email password has not been saved.</source>
        <translation>メールのパスワードが保存されていません。</translation>
    </message>
    <message>
        <source>The encrypted secrets file is locked: unlock it with its passphrase.</source>
        <translation>暗号化された秘密情報のファイルがロックされています。パスフレーズでロックを解除してください。</translation>
    </message>
    <message>
        <source>The sender is not running for {channel}.</source>
        <translation>{channel}の送信処理が動いていません。</translation>
    </message>
    <message>
        <source>Twilio refused the account SID or auth token.</source>
        <translation>TwilioがアカウントSIDまたは認証トークンを受け付けませんでした。</translation>
    </message>
    <message>
        <source>The mail server refused the user name or password.</source>
        <translation>メールサーバーがユーザー名またはパスワードを受け付けませんでした。</translation>
    </message>
    <message>
        <source>Twilio refused the sender (From number, sender ID or service).</source>
        <translation>Twilioが送信元（送信元番号、送信者ID、またはサービス）を受け付けませんでした。</translation>
    </message>
    <message>
        <source>The mail server refused the From address.</source>
        <translation>メールサーバーが差出人アドレスを受け付けませんでした。</translation>
    </message>
    <message>
        <source>Twilio cannot be reached just now; messages wait until it answers.</source>
        <translation>現在Twilioに接続できません。接続できるまでメッセージは送信待ちになります。</translation>
    </message>
    <message>
        <source>The mail server cannot be reached just now; messages wait until it answers.</source>
        <translation>現在メールサーバーに接続できません。接続できるまでメッセージは送信待ちになります。</translation>
    </message>
    <message>
        <source>Not tested yet: send a test message in Settings ▸ Messages.</source>
        <translation>まだテストしていません。設定 ▸ メッセージでテストメッセージを送ってください。</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>送信できます。</translation>
    </message>
    <message>
        <source>Tested {when}</source>
        <translation>テスト済み（{when}）</translation>
    </message>
    <message>
        <source>Not tested yet</source>
        <translation>未テスト</translation>
    </message>
    <message>
        <source>No secret needed</source>
        <translation>秘密情報は不要</translation>
    </message>
    <message>
        <source>Secrets unlocked</source>
        <translation>秘密情報はロック解除済み</translation>
    </message>
    <message>
        <source>Secrets locked</source>
        <translation>秘密情報がロック中</translation>
    </message>
    <message>
        <source>Set up</source>
        <translation>設定済み</translation>
    </message>
    <message>
        <source>Not set up</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Sender running</source>
        <translation>送信処理は稼働中</translation>
    </message>
    <message>
        <source>Sender not running</source>
        <translation>送信処理が停止中</translation>
    </message>
    <message>
        <source>Quiet hours: waits until {when}</source>
        <translation>送信時間外のため {when} まで待機中</translation>
    </message>
    <message>
        <source>Waits until {when}</source>
        <translation>{when} まで待機中</translation>
    </message>
    <message>
        <source>Twilio asked Koe to slow down: tries again at {when}</source>
        <translation>Twilioから送信ペースを落とすよう求められました。{when} に再試行します</translation>
    </message>
    <message>
        <source>Tries again at {when}: {detail}</source>
        <translation>{when} に再試行します：{detail}</translation>
    </message>
    <message>
        <source>Waiting: {why}</source>
        <translation>送信待ち：{why}</translation>
    </message>
</context>
<context>
    <name>ReadinessCounts</name>
    <message numerus="yes">
        <source>{channel}: %n message(s) waiting. {why}</source>
        <translation>
            <numerusform>{channel}：%n件のメッセージが送信待ちです。{why}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecipientTableModel</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>送信方法</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
</context>
<context>
    <name>RepliesView</name>
    <message>
        <source>When a customer answers an SMS in their own words (where two-way SMS works: not to Japanese numbers), it shows here.</source>
        <translation>お客様がSMSに返信されたメッセージ（双方向SMSが使える場合のみ。日本の番号は対象外）は、ここに表示されます。</translation>
    </message>
    <message numerus="yes">
        <source>SMS replies (%n)</source>
        <translation>
            <numerusform>SMSの返信（%n件）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RespondentSettingsPanel</name>
    <message>
        <source>Promise a follow-up to unhappy customers</source>
        <translation>ご不満のお客様に、担当者からの連絡を約束する</translation>
    </message>
    <message>
        <source>e.g. 127.0.0.1</source>
        <translation>例：127.0.0.1</translation>
    </message>
    <message>
        <source>Save thank-you and protection settings</source>
        <translation>お礼ページと不正対策の設定を保存</translation>
    </message>
    <message>
        <source>Customers who give a low score read that someone from your team will get in touch. Only after a personal link (SMS or email), so you know whom to call.</source>
        <translation>低い点数をつけたお客様に、担当者から連絡することをお伝えします。連絡先がわかる個別リンク（SMS・メール）からの回答に限ります。</translation>
    </message>
    <message>
        <source>Referral link</source>
        <translation>紹介プログラムのリンク</translation>
    </message>
    <message>
        <source>Offered to your happiest customers (promoters) to recommend you.</source>
        <translation>特に満足度の高いお客様（推奨者）に、知人への紹介をお願いするリンクです。</translation>
    </message>
    <message>
        <source>Public review link</source>
        <translation>口コミ投稿のリンク</translation>
    </message>
    <message>
        <source>Offered to every customer, whatever their score: asking only happy customers for reviews breaks Google&apos;s review rules.</source>
        <translation>点数にかかわらず、すべてのお客様に表示します。満足したお客様だけに口コミを依頼すると、Google の口コミのポリシーに違反します。</translation>
    </message>
    <message>
        <source>Answers a minute from one address</source>
        <translation>1つのアドレスから1分間に受け付ける回答数</translation>
    </message>
    <message>
        <source>On public links (QR codes, shared links), more answers than this from one internet address in a minute are asked to wait. Personal links are not limited.</source>
        <translation>公開リンク（QRコードや共有リンク）で、同じインターネットアドレスから1分間にこれより多く回答が届いた場合は、少し待つようお願いします。個別リンクは制限しません。</translation>
    </message>
    <message>
        <source>Trusted proxy addresses</source>
        <translation>信頼するプロキシのアドレス</translation>
    </message>
    <message>
        <source>Only when the survey site runs behind a reverse proxy (nginx, Caddy): its addresses, separated by commas, so that each visitor&apos;s own address is used. Leave empty otherwise.</source>
        <translation>アンケートサイトをリバースプロキシ（nginx、Caddy など）の後ろで動かす場合だけ、そのアドレスをカンマ区切りで入力します。これで訪問者それぞれのアドレスが使われます。それ以外の場合は空欄のままにしてください。</translation>
    </message>
    <message>
        <source>Thank-you page</source>
        <translation>お礼ページ</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>不正対策</translation>
    </message>
    <message>
        <source>The referral link</source>
        <translation>紹介プログラムのリンク</translation>
    </message>
    <message>
        <source>The review link</source>
        <translation>口コミ投稿のリンク</translation>
    </message>
    <message>
        <source>{name} must be a web address starting with https://.</source>
        <translation>{name}には https:// で始まるウェブアドレスを入力してください。</translation>
    </message>
    <message>
        <source>Not an address: {addresses}. Type addresses such as 10.0.0.2.</source>
        <translation>アドレスではありません：{addresses}。10.0.0.2 のような形式で入力してください。</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>未保存の変更があります。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>保存できませんでした：{error}</translation>
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
        <translation>メール</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>リンク</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>連絡済み</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解決済み</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>フォローアップ</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>経路</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Campaign: %1</source>
        <translation>キャンペーン：%1</translation>
    </message>
    <message>
        <source>Source tag of the link: %1</source>
        <translation>リンクの流入元タグ：%1</translation>
    </message>
    <message>
        <source>The respondent gave a score but did not finish the survey</source>
        <translation>スコアは回答されましたが、アンケートは最後まで回答されていません</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>途中</translation>
    </message>
</context>
<context>
    <name>ResponsesView</name>
    <message>
        <source>Show new responses</source>
        <translation>新しい回答を表示</translation>
    </message>
    <message>
        <source>Show all responses</source>
        <translation>すべての回答を表示</translation>
    </message>
    <message>
        <source>No responses match these filters</source>
        <translation>この条件に合う回答はありません</translation>
    </message>
    <message>
        <source>Choose a longer period, or all channels, segments and campaigns.</source>
        <translation>期間を長くするか、すべての経路・セグメント・キャンペーンを選んでください。</translation>
    </message>
    <message>
        <source>Could not read the responses: %1</source>
        <translation>回答を読み込めませんでした：%1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln response(s)</source>
        <translation>
            <numerusform>%Ln件の回答</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete response…</source>
        <translation>回答を削除…</translation>
    </message>
    <message>
        <source>Delete the selected response, e.g. when a customer asks for it</source>
        <translation>選択した回答を削除します（お客様から削除を求められたときなど）</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>スコア %1</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>Survey:</source>
        <translation>アンケート：</translation>
    </message>
    <message>
        <source>Big screen</source>
        <translation>大画面表示</translation>
    </message>
    <message>
        <source>A full-screen live dashboard for the office screen</source>
        <translation>オフィスの画面に映す、全画面のライブダッシュボード</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>月別</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>週別</translation>
    </message>
    <message>
        <source>Trend:</source>
        <translation>推移：</translation>
    </message>
    <message>
        <source>Breakdown by:</source>
        <translation>内訳の軸：</translation>
    </message>
    <message>
        <source>Go to Surveys</source>
        <translation>アンケートへ</translation>
    </message>
    <message>
        <source>No surveys yet</source>
        <translation>まだアンケートがありません</translation>
    </message>
    <message>
        <source>Create a survey on the Surveys page; its results appear here.</source>
        <translation>「アンケート」ページでアンケートを作成すると、ここに結果が表示されます。</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>チャネル</translation>
    </message>
    <message>
        <source>Source tag</source>
        <translation>流入元タグ</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>キャンペーン</translation>
    </message>
    <message>
        <source>Contact: %1</source>
        <translation>連絡先：%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>リンク</translation>
    </message>
    <message>
        <source>No answers yet</source>
        <translation>まだ回答がありません</translation>
    </message>
    <message>
        <source>It is still a draft: open it on the Surveys page, then share it.</source>
        <translation>まだ下書きです。「アンケート」ページで公開してから共有してください。</translation>
    </message>
    <message>
        <source>No answers yet — share its link or QR code</source>
        <translation>まだ回答がありません — リンクかQRコードを共有しましょう</translation>
    </message>
    <message>
        <source>New answers appear here as soon as they arrive.</source>
        <translation>新しい回答は届きしだい、ここに表示されます。</translation>
    </message>
    <message>
        <source>Could not read the surveys: %1</source>
        <translation>アンケートを読み込めませんでした：%1</translation>
    </message>
    <message>
        <source>Could not read the results: %1</source>
        <translation>結果を読み込めませんでした：%1</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>回答一覧</translation>
    </message>
    <message>
        <source>The response was deleted. It no longer counts anywhere.</source>
        <translation>回答を削除しました。今後どの集計にも含まれません。</translation>
    </message>
    <message>
        <source>The response could not be deleted: %1</source>
        <translation>回答を削除できませんでした: %1</translation>
    </message>
    <message>
        <source>Delete response</source>
        <translation>回答を削除</translation>
    </message>
    <message>
        <source>Delete this response?</source>
        <translation>この回答を削除しますか？</translation>
    </message>
    <message>
        <source>The response and all its answers are deleted for good: it disappears from every count, chart and export and from the Comments page, and from the public host at the next sync. This cannot be undone.</source>
        <translation>この回答とそのすべての設問への回答が完全に削除されます。すべての集計・グラフ・エクスポートとコメント画面から消え、次回の同期で公開サーバーからも削除されます。元に戻すことはできません。</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>Check the campaign. Creating it queues the messages; nothing is sent before.</source>
        <translation>内容を確認してください。作成するとメッセージが送信待ちに入ります。それまでは何も送信されません。</translation>
    </message>
    <message>
        <source>Survey: {title}</source>
        <translation>アンケート：{title}</translation>
    </message>
    <message>
        <source>Recipients: {n} ({sms} by SMS, {email} by email)</source>
        <translation>送信先：{n}人（SMS {sms}人、メール {email}人）</translation>
    </message>
    <message>
        <source>Messages to queue: {n} (invitations and reminders)</source>
        <translation>送信待ちに入るメッセージ：{n}件（案内とリマインダー）</translation>
    </message>
    <message>
        <source>First invitation: {when} (this computer&apos;s time)</source>
        <translation>最初の案内：{when}（このコンピューターの時刻）</translation>
    </message>
    <message>
        <source>Held for quiet hours: {n}</source>
        <translation>送信時間外のため待機：{n}件</translation>
    </message>
    <message>
        <source>SMS cost estimate, reminders included: {cost}</source>
        <translation>SMS料金の見積もり（リマインダーを含む）：{cost}</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Best-practice rules</source>
        <translation>ベストプラクティスのルール</translation>
    </message>
    <message>
        <source>Koe checks each survey against these rules as you write it. Untick a rule to switch it off for this survey only.</source>
        <translation>入力に合わせて、Koe がアンケートをこれらのルールで確認します。チェックを外すと、このアンケートに限りそのルールをオフにできます。</translation>
    </message>
    <message>
        <source>Reported as a problem: it breaks the data.</source>
        <translation>問題として表示：データが使えなくなります。</translation>
    </message>
    <message>
        <source>Reported as a warning: it hurts the data.</source>
        <translation>警告として表示：データの質が下がります。</translation>
    </message>
    <message>
        <source>Reported as a suggestion.</source>
        <translation>提案として表示。</translation>
    </message>
</context>
<context>
    <name>RulesFlow</name>
    <message>
        <source>Turn on “%1”</source>
        <translation>「%1」をオンにする</translation>
    </message>
    <message>
        <source>Turn off “%1”</source>
        <translation>「%1」をオフにする</translation>
    </message>
    <message>
        <source>“%1” is off for this survey. Turn it back on under Rules….</source>
        <translation>このアンケートでは「%1」をオフにしました。「ルール…」から再びオンにできます。</translation>
    </message>
</context>
<context>
    <name>SavePlaces</name>
    <message>
        <source>The folder {folder} does not exist. Choose another folder.</source>
        <translation>フォルダー {folder} が見つかりません。別のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder. Choose another folder.</source>
        <translation>{folder} はファイルで、フォルダーではありません。別のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>{path} is a folder. Choose a file name.</source>
        <translation>{path} はフォルダーです。ファイル名を指定してください。</translation>
    </message>
    <message>
        <source>Koe may not write to {path}. Choose another folder or file name.</source>
        <translation>{path} に書き込む権限がありません。別のフォルダーかファイル名を選んでください。</translation>
    </message>
    <message>
        <source>The disk is full: {path} could not be written. Free some space first.</source>
        <translation>ディスクがいっぱいのため、{path} を書き込めませんでした。空き容量を確保してからやり直してください。</translation>
    </message>
    <message>
        <source>The disk of {folder} cannot be written to. Choose another folder.</source>
        <translation>{folder} のディスクには書き込めません。別のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>{path} could not be written: {reason}.</source>
        <translation>{path} を書き込めませんでした（{reason}）。</translation>
    </message>
</context>
<context>
    <name>ScaleSection</name>
    <message>
        <source>Label for %1 (lowest)</source>
        <translation>%1 のラベル（最低）</translation>
    </message>
    <message>
        <source>Label for %1 (highest)</source>
        <translation>%1 のラベル（最高）</translation>
    </message>
    <message>
        <source>Faces:</source>
        <translation>顔の数：</translation>
    </message>
    <message>
        <source>%1 faces</source>
        <translation>%1段階</translation>
    </message>
    <message>
        <source>Faces need no labels: they speak for themselves.</source>
        <translation>顔マークはそれ自体が意味を表すので、ラベルは不要です。</translation>
    </message>
    <message>
        <source>Thumbs need no labels: they speak for themselves.</source>
        <translation>高評価・低評価はそれ自体が意味を表すので、ラベルは不要です。</translation>
    </message>
    <message>
        <source>Edit scale label</source>
        <translation>尺度ラベルの編集</translation>
    </message>
    <message>
        <source>Change number of faces</source>
        <translation>顔の数の変更</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>Schedule</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>When should the invitations go?</source>
        <translation>いつ案内を送りますか？</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>今すぐ</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>日時を指定</translation>
    </message>
    <message>
        <source> days</source>
        <translation>日後</translation>
    </message>
    <message>
        <source>Messages go only between {start} and {end} in each contact&apos;s time zone (their time zone attribute, else {zone}); the rest wait for the morning.</source>
        <translation>メッセージは各連絡先のタイムゾーン（属性にタイムゾーンがなければ{zone}）で{start}〜{end}の間だけ送信し、それ以外は翌朝まで待機します。</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>リマインダー</translation>
    </message>
    <message>
        <source>Remind after</source>
        <translation>リマインダーの送信</translation>
    </message>
    <message>
        <source>Reminders go only to people who have not answered, with the same link, and count towards the frequency cap.</source>
        <translation>リマインダーは未回答の人にだけ同じリンクで送り、送信頻度の上限に数えます。</translation>
    </message>
</context>
<context>
    <name>ScoreSummary</name>
    <message>
        <source>Responses</source>
        <translation>回答数</translation>
    </message>
    <message>
        <source>No scale question to score</source>
        <translation>スコアを計算できる評価の質問がありません</translation>
    </message>
    <message numerus="yes">
        <source>4 or 5 (satisfied): %1 of %Ln answer(s).</source>
        <translation>
            <numerusform>4 または 5（満足）：%Ln 件中 %1 件です。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 agree it was easy (5–7).</source>
        <translation>%1が「簡単だった」と回答（5〜7）。</translation>
    </message>
    <message>
        <source>% promoters (9–10) minus % detractors (0–6), from −100 to +100.</source>
        <translation>推奨者（9〜10）の割合から批判者（0〜6）の割合を引いた値（−100〜+100）。</translation>
    </message>
    <message>
        <source>Share of answers that are 4 or 5 on the 1–5 scale.</source>
        <translation>1〜5の評価で4または5と答えた割合。</translation>
    </message>
    <message>
        <source>Mean answer on the 1–7 scale; higher means less effort.</source>
        <translation>1〜7の回答の平均。高いほど手間が少ないことを表します。</translation>
    </message>
</context>
<context>
    <name>SecondFolderRow</name>
    <message>
        <source>Also copy each backup to another disk: a USB disk, or a folder that OneDrive, Dropbox or iCloud syncs. Copies kept only on this computer&apos;s disk are lost with the disk.</source>
        <translation>バックアップを別のディスクにもコピーできます。USB ディスクや、OneDrive・Dropbox・iCloud で同期しているフォルダーを選んでください。このパソコンのディスクにしかないコピーは、ディスクが壊れると一緒に失われます。</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>フォルダーを選択…</translation>
    </message>
    <message>
        <source>Stop copying</source>
        <translation>コピーをやめる</translation>
    </message>
    <message>
        <source>Second copy: none (backups stay on this disk only)</source>
        <translation>2 つ目のコピー：なし（バックアップはこのディスクにのみ保存されます）</translation>
    </message>
    <message>
        <source>Second copy to {folder}</source>
        <translation>2 つ目のコピーの保存先：{folder}</translation>
    </message>
    <message>
        <source>⚠ The folder cannot be found (is the disk plugged in?). Backups are still made on this computer, and copied there once the folder is back.</source>
        <translation>⚠ フォルダーが見つかりません（ディスクは接続されていますか？）。バックアップはこのパソコンには引き続き作成され、フォルダーが使えるようになればそちらにもコピーされます。</translation>
    </message>
    <message>
        <source>⚠ The last copy there failed: {error} Backups are still made on this computer.</source>
        <translation>⚠ 前回のコピーに失敗しました：{error} バックアップはこのパソコンには引き続き作成されます。</translation>
    </message>
    <message>
        <source>The newest copy there was taken {when}.</source>
        <translation>コピー先の最新のコピーは {when} に作成されました。</translation>
    </message>
    <message>
        <source>No copy there yet: the next backup goes there too.</source>
        <translation>まだコピーはありません。次のバックアップからコピーされます。</translation>
    </message>
    <message>
        <source>Folder for a second copy of each backup</source>
        <translation>バックアップの 2 つ目のコピーを保存するフォルダー</translation>
    </message>
</context>
<context>
    <name>SegmentDialog</name>
    <message>
        <source>Edit segment</source>
        <translation>セグメントを編集</translation>
    </message>
    <message>
        <source>New segment</source>
        <translation>新しいセグメント</translation>
    </message>
    <message>
        <source>For example: Shibuya, paying plans</source>
        <translation>例：渋谷店・有料プラン</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Values (separate with commas)</source>
        <translation>値（カンマ区切り）</translation>
    </message>
    <message>
        <source>Add condition</source>
        <translation>条件を追加</translation>
    </message>
    <message>
        <source>Save segment</source>
        <translation>セグメントを保存</translation>
    </message>
    <message>
        <source>Delete segment</source>
        <translation>セグメントを削除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Contacts who match every condition:</source>
        <translation>すべての条件に当てはまる連絡先：</translation>
    </message>
    <message>
        <source>is one of</source>
        <translation>次のいずれか</translation>
    </message>
    <message>
        <source>is none of</source>
        <translation>次のいずれでもない</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>を含む</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>が空</translation>
    </message>
    <message>
        <source>is not empty</source>
        <translation>が空でない</translation>
    </message>
    <message>
        <source>Language (ja, en)</source>
        <translation>言語（ja、en）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Matching contacts: %1</source>
        <translation>該当する連絡先：%1 件</translation>
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
        <translation>メール</translation>
    </message>
    <message>
        <source>SMS, else email</source>
        <translation>SMS、なければメール</translation>
    </message>
    <message>
        <source>Opted out of {channel}</source>
        <translation>{channel}の配信停止済み</translation>
    </message>
    <message>
        <source>No consent recorded for {channel}</source>
        <translation>{channel}の同意が記録されていません</translation>
    </message>
    <message>
        <source>Answered a survey recently ({date}): frequency cap</source>
        <translation>最近アンケートに回答済み（{date}）：送信頻度の上限</translation>
    </message>
    <message>
        <source>Invited recently without answering ({date}): frequency cap</source>
        <translation>最近案内済みで未回答（{date}）：送信頻度の上限</translation>
    </message>
    <message>
        <source>No usable phone number</source>
        <translation>使える電話番号がありません</translation>
    </message>
    <message>
        <source>Landline: cannot receive SMS</source>
        <translation>固定電話：SMSを受信できません</translation>
    </message>
    <message>
        <source>No usable email address</source>
        <translation>使えるメールアドレスがありません</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>送信待ち</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>送信中</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>配信済み</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Undelivered</source>
        <translation>未配信</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>回答済み</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <source>New campaign…</source>
        <translation>新しいキャンペーン…</translation>
    </message>
    <message>
        <source>Go to Contacts</source>
        <translation>連絡先へ</translation>
    </message>
    <message>
        <source>Or set up a programme that sends by itself…</source>
        <translation>または、自動で送るプログラムを設定…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>No contacts yet</source>
        <translation>連絡先がまだありません</translation>
    </message>
    <message>
        <source>Campaigns send a survey to your contacts by SMS or email. Add or import your contacts on the Contacts page first.</source>
        <translation>キャンペーンでは、連絡先にSMSやメールでアンケートを送ります。まず連絡先ページで連絡先を追加またはインポートしてください。</translation>
    </message>
    <message>
        <source>No open survey</source>
        <translation>公開中のアンケートがありません</translation>
    </message>
    <message>
        <source>Only an open survey can be sent. Open one on the Surveys page.</source>
        <translation>送信できるのは公開中のアンケートだけです。アンケートページで公開してください。</translation>
    </message>
    <message>
        <source>Go to Surveys</source>
        <translation>アンケートへ</translation>
    </message>
    <message>
        <source>No campaigns yet</source>
        <translation>キャンペーンはまだありません</translation>
    </message>
    <message>
        <source>A campaign sends an open survey to your contacts by SMS or email, respecting opt-outs, consent and quiet hours. Start one here.</source>
        <translation>キャンペーンは、公開中のアンケートを SMS またはメールで連絡先に送ります。配信停止・同意・送信しない時間帯は守られます。ここから始めましょう。</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s)</source>
        <translation>
            <numerusform>送信先 %n人</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending is paused for the channels that need a password: the encrypted secrets file is locked.</source>
        <translation>暗号化された秘密情報のファイルがロックされているため、パスワードが必要な送信方法は送信を一時停止しています。</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>キャンペーン</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>プログラム</translation>
    </message>
</context>
<context>
    <name>ServerStatus</name>
    <message>
        <source>The survey site is not running: {error}</source>
        <translation>回答サイトは停止しています：{error}</translation>
    </message>
    <message>
        <source>Survey site running at {url}</source>
        <translation>回答サイトを {url} で公開中</translation>
    </message>
    <message>
        <source>The survey site is starting…</source>
        <translation>回答サイトを起動しています…</translation>
    </message>
</context>
<context>
    <name>SetUpAssistant</name>
    <message>
        <source>The answers could not be saved: %1</source>
        <translation>入力内容を保存できませんでした：%1</translation>
    </message>
    <message>
        <source>Set up Koe</source>
        <translation>Koe の初期設定</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>SetUpLabels</name>
    <message>
        <source>Café or restaurant</source>
        <translation>カフェ・飲食店</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>小売店</translation>
    </message>
    <message>
        <source>Salon or clinic</source>
        <translation>サロン・クリニック</translation>
    </message>
    <message>
        <source>Online service</source>
        <translation>オンラインサービス</translation>
    </message>
    <message>
        <source>Customers reach the surveys through a public host.</source>
        <translation>お客様は公開ホストからアンケートに回答します。</translation>
    </message>
    <message>
        <source>Customers reach the surveys on the shop&apos;s Wi-Fi, while Koe runs on this computer.</source>
        <translation>お客様は、このコンピューターで Koe を起動している間、お店のWi-Fi内でアンケートに回答します。</translation>
    </message>
    <message>
        <source>Trying Koe out: links work only on this computer.</source>
        <translation>お試し中：リンクはこのコンピューターでしか開けません。</translation>
    </message>
    <message>
        <source>Not set up yet.</source>
        <translation>まだ設定していません。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>e.g. Sakura Bakery</source>
        <translation>例：さくらベーカリー</translation>
    </message>
    <message>
        <source>Leave empty to use this computer</source>
        <translation>空欄ならこのコンピューターのアドレス</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save settings (Ctrl+S)</source>
        <translation>設定を保存 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>事業者名</translation>
    </message>
    <message>
        <source>Shown to customers on the survey page.</source>
        <translation>アンケートのページでお客様に表示されます。</translation>
    </message>
    <message>
        <source>Privacy notice</source>
        <translation>プライバシーポリシー</translation>
    </message>
    <message>
        <source>A link to your privacy notice, shown on the survey page.</source>
        <translation>プライバシーポリシーへのリンクです。アンケートのページに表示されます。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>The port this computer serves surveys on (1024–65535).</source>
        <translation>このコンピューターがアンケートを公開するポート番号です（1024〜65535）。</translation>
    </message>
    <message>
        <source>Public address</source>
        <translation>公開アドレス</translation>
    </message>
    <message>
        <source>Public host</source>
        <translation>公開ホスト</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Koe switches to it when you save.</source>
        <translation>保存すると、その言語に切り替わります。</translation>
    </message>
    <message>
        <source>Survey site</source>
        <translation>回答サイト</translation>
    </message>
    <message>
        <source>On this network</source>
        <translation>このネットワーク内</translation>
    </message>
    <message>
        <source>Messages (SMS and email)</source>
        <translation>メッセージ（SMSとメール）</translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation>ワークスペースのフォルダー</translation>
    </message>
    <message>
        <source>All of Koe&apos;s data lives in this folder on this computer.</source>
        <translation>Koe のデータはすべて、このコンピューターのこのフォルダーに保存されます。</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <source>Set from the public host below: every link starts with its address. Disconnect the host to type another address.</source>
        <translation>下の公開ホストから設定されています。すべてのリンクはこのアドレスで始まります。別のアドレスを入力するには、ホストとの接続を解除してください。</translation>
    </message>
    <message>
        <source>Connect a public host below and Koe sets this from it. Type an address here only when customers reach this computer some other way; leave it empty to use this computer&apos;s own address.</source>
        <translation>下で公開ホストに接続すると、Koeがここを設定します。お客様が別の方法でこのコンピューターにアクセスする場合にだけ、ここにアドレスを入力してください。空欄のままにすると、このコンピューター自身のアドレスを使います。</translation>
    </message>
    <message>
        <source>The privacy notice must be a web address starting with http:// or https://.</source>
        <translation>プライバシーポリシーには http:// か https:// で始まるアドレスを入力してください。</translation>
    </message>
    <message>
        <source>The public address must start with http:// or https:// and name a host, e.g. https://survey.example.com.</source>
        <translation>公開アドレスは http:// か https:// で始め、ホスト名を含めてください（例：https://survey.example.com）。</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>未保存の変更があります。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>保存できませんでした：{error}</translation>
    </message>
    <message>
        <source>Saved. Koe now speaks the language you chose.</source>
        <translation>保存しました。表示言語を切り替えました。</translation>
    </message>
    <message>
        <source>Set-up assistant…</source>
        <translation>初期設定アシスタント…</translation>
    </message>
    <message>
        <source>Your business&apos;s name, language, time zone and kind, and how customers reach the surveys</source>
        <translation>事業者名、言語、タイムゾーン、業種と、お客様がアンケートに答える方法</translation>
    </message>
    <message>
        <source>Set-up</source>
        <translation>初期設定</translation>
    </message>
</context>
<context>
    <name>ShopLookSection</name>
    <message>
        <source>Choose logo…</source>
        <translation>ロゴを選ぶ…</translation>
    </message>
    <message>
        <source>Remove logo</source>
        <translation>ロゴを削除</translation>
    </message>
    <message>
        <source>Pick…</source>
        <translation>選ぶ…</translation>
    </message>
    <message>
        <source>Save colour</source>
        <translation>色を保存</translation>
    </message>
    <message>
        <source>Brand colour</source>
        <translation>ブランドカラー</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>ロゴ</translation>
    </message>
    <message>
        <source>PNG, JPEG or SVG. Koe keeps a copy in the workspace, made small for phones; an SVG with scripts, links or anything active is refused.</source>
        <translation>PNG・JPEG・SVG に対応しています。Koe はスマートフォン向けに小さくしたコピーをワークスペースに保存します。スクリプトやリンクなど動作する要素を含む SVG は使えません。</translation>
    </message>
    <message>
        <source>For buttons, the chosen answer and the heading. Leave empty for Koe&apos;s blue.</source>
        <translation>ボタン、選ばれた回答、見出しに使います。空欄にすると Koe の青を使います。</translation>
    </message>
    <message>
        <source>Your shop&apos;s look</source>
        <translation>お店の見た目</translation>
    </message>
    <message>
        <source>Choose your logo</source>
        <translation>ロゴを選ぶ</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.svg)</source>
        <translation>画像 (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <source>Checking the picture…</source>
        <translation>画像を確認しています…</translation>
    </message>
    <message>
        <source>No logo: the page shows your business name.</source>
        <translation>ロゴはありません。ページには事業者名を表示します。</translation>
    </message>
    <message>
        <source>Logo saved. Every survey page shows it now.</source>
        <translation>ロゴを保存しました。すべてのアンケートページに表示されます。</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>保存できませんでした：{error}</translation>
    </message>
    <message>
        <source>This picture is too large for a logo. Choose a smaller one.</source>
        <translation>ロゴとしては大きすぎる画像です。もっと小さい画像を選んでください。</translation>
    </message>
    <message>
        <source>This file is not a PNG, JPEG or SVG picture.</source>
        <translation>このファイルは PNG・JPEG・SVG の画像ではありません。</translation>
    </message>
    <message>
        <source>This picture is damaged and cannot be read.</source>
        <translation>この画像は壊れているため読み込めません。</translation>
    </message>
    <message>
        <source>This file could not be opened.</source>
        <translation>このファイルを開けませんでした。</translation>
    </message>
    <message>
        <source>This file is empty.</source>
        <translation>このファイルは空です。</translation>
    </message>
    <message>
        <source>This SVG holds scripts, links or other active parts, which a survey page must not carry. Save it as a plain drawing or as a PNG.</source>
        <translation>この SVG にはスクリプトやリンクなど動作する要素が含まれているため、アンケートページには使えません。図形だけの SVG か PNG で保存し直してください。</translation>
    </message>
    <message>
        <source>Not used: {reason} Your logo is unchanged.</source>
        <translation>使用しませんでした：{reason} ロゴは変更されていません。</translation>
    </message>
    <message>
        <source>Koe&apos;s own blue.</source>
        <translation>Koe の標準の青を使います。</translation>
    </message>
    <message>
        <source>Type a colour as #rrggbb, for example #0f5fa6.</source>
        <translation>色は #0f5fa6 のように #rrggbb の形で入力してください。</translation>
    </message>
    <message>
        <source>{colour} is too light for white text (contrast {ratio}:1, at least 4.5:1 is needed). On light screens the page uses the darker {shade}.</source>
        <translation>{colour} は白い文字を載せるには明るすぎます（コントラスト {ratio}:1、必要なのは 4.5:1 以上）。明るい画面では、より濃い {shade} を使います。</translation>
    </message>
    <message>
        <source>Readable on light screens as it is.</source>
        <translation>明るい画面ではこのままの色で読みやすく表示されます。</translation>
    </message>
    <message>
        <source>On dark screens it uses the lighter {shade}.</source>
        <translation>暗い画面では、より明るい {shade} を使います。</translation>
    </message>
</context>
<context>
    <name>SurveyDetailPane</name>
    <message>
        <source>Public link</source>
        <translation>公開リンク</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QRコード</translation>
    </message>
    <message>
        <source>Save poster…</source>
        <translation>ポスターを保存…</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>質問</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <source>Select a survey to see its link and QR code.</source>
        <translation>アンケートを選ぶと、リンクとQRコードが表示されます。</translation>
    </message>
    <message>
        <source>Responses: %1</source>
        <translation>回答数：%1</translation>
    </message>
    <message>
        <source>Set a public URL starting with http:// or https:// in Settings.</source>
        <translation>「設定」で、http:// または https:// で始まる公開URLを指定してください。</translation>
    </message>
    <message>
        <source>This is a draft: the link works once the survey is opened.</source>
        <translation>下書きです。リンクはアンケートを公開すると使えるようになります。</translation>
    </message>
    <message>
        <source>The survey is closed: the link tells visitors it no longer takes answers.</source>
        <translation>終了したアンケートです。リンクを開いた人には、回答の受付が終了したことが表示されます。</translation>
    </message>
    <message>
        <source>%1 (optional)</source>
        <translation>%1（任意）</translation>
    </message>
    <message>
        <source>The survey is archived: the link tells visitors it no longer takes answers. Its answers are kept; unarchive it to reopen it.</source>
        <translation>このアンケートはアーカイブ済みです。リンクを開いた人には回答の受付が終了したことが表示されます。回答は保存されています。再開するにはアーカイブを解除してください。</translation>
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
        <translation>カスタム</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>下書き</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>公開中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>CSAT (% satisfied)</source>
        <translation>CSAT（満足の割合）</translation>
    </message>
    <message>
        <source>CES (mean effort, 1–7)</source>
        <translation>CES（容易さの平均、1〜7）</translation>
    </message>
    <message>
        <source>Open, ended %1</source>
        <translation>公開中（%1に受付終了）</translation>
    </message>
    <message>
        <source>Open until %1</source>
        <translation>公開中（%1まで）</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>アーカイブ済み</translation>
    </message>
</context>
<context>
    <name>SurveyPage</name>
    <message>
        <source>Survey</source>
        <translation>アンケート</translation>
    </message>
    <message>
        <source>Choose the survey to send. Only open surveys can be sent.</source>
        <translation>送信するアンケートを選んでください。送信できるのは公開中のアンケートだけです。</translation>
    </message>
    <message>
        <source>No survey is open. Open one on the Surveys page, then come back here.</source>
        <translation>公開中のアンケートがありません。アンケートページで公開してから、ここに戻ってください。</translation>
    </message>
</context>
<context>
    <name>SurveyPrompts</name>
    <message numerus="yes">
        <source>It is closed (its link tells visitors it no longer takes answers) and no longer listed. Its %n response(s) are kept: tick “Show archived” to see it again, and unarchive it at any time.</source>
        <translation>
            <numerusform>アンケートは終了し（リンクを開いた人には回答の受付が終了したことが表示されます）、一覧に表示されなくなります。%n 件の回答は保存されます。「アーカイブを表示」にチェックを入れると再び表示でき、いつでもアーカイブを解除できます。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SurveySettingsEditor</name>
    <message>
        <source>Survey settings</source>
        <translation>アンケートの設定</translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation>言語：</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>リンク</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QRコード</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation>ルール…</translation>
    </message>
    <message>
        <source>Wording in a language you remove is kept, and comes back if you add the language again.</source>
        <translation>外した言語の文言は保存されており、その言語を再び追加すると元に戻ります。</translation>
    </message>
    <message>
        <source>Meant to be shared by:</source>
        <translation>共有の方法：</translation>
    </message>
    <message>
        <source>SMS and QR surveys are answered on a phone: the checklist asks for under two minutes.</source>
        <translation>SMS や QRコードのアンケートはスマートフォンで回答されるため、チェックリストは 2 分未満を目安にします。</translation>
    </message>
    <message>
        <source>Switched off for this survey: %1</source>
        <translation>このアンケートでオフにしたルール：%1</translation>
    </message>
    <message>
        <source>Every best-practice rule is on.</source>
        <translation>ベストプラクティスのルールはすべてオンです。</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Invitation message</source>
        <translation>案内メッセージ</translation>
    </message>
    <message>
        <source>For SMS and email: the Send page starts from it. {name} becomes the contact&apos;s name, {company} your business name and {link} their personal link (counted as %1 characters). The SMS count holds the opt-out line as it is sent.</source>
        <translation>SMSとメール用です。送信画面はこの文面から始まります。{name}は連絡先のお名前、{company}は事業者名、{link}はその方専用のリンク（%1文字として計算）に置き換えられます。SMSの文字数には、送信時と同じ配信停止の案内も含まれます。</translation>
    </message>
    <message>
        <source>SMS: nothing to send yet.</source>
        <translation>SMS：まだ送る内容がありません。</translation>
    </message>
    <message>
        <source>1 SMS segment: %1 of %2 characters.</source>
        <translation>SMS 1 通分：%2 文字中 %1 文字。</translation>
    </message>
    <message>
        <source>%1 SMS segments: %2 characters, %3 a segment.</source>
        <translation>SMS %1 通分：%2 文字（1 通 %3 文字）。</translation>
    </message>
    <message>
        <source>Edit title</source>
        <translation>タイトルの編集</translation>
    </message>
    <message>
        <source>Edit invitation</source>
        <translation>案内メッセージの編集</translation>
    </message>
    <message>
        <source>Edit page heading</source>
        <translation>見出しの編集</translation>
    </message>
    <message>
        <source>Edit introduction</source>
        <translation>説明文の編集</translation>
    </message>
    <message>
        <source>Edit thank-you message</source>
        <translation>お礼のメッセージの編集</translation>
    </message>
    <message>
        <source>Edit the page after thanks</source>
        <translation>お礼のあとのページの編集</translation>
    </message>
    <message>
        <source>Change languages</source>
        <translation>言語の変更</translation>
    </message>
    <message>
        <source>Change channels</source>
        <translation>共有方法の変更</translation>
    </message>
    <message>
        <source>Anonymous answers</source>
        <translation>匿名で回答を受け付ける</translation>
    </message>
    <message>
        <source>On: answers that come through a personal link (SMS or email) are not linked to the contact who got it. Comments, alerts and exports show no name, answers cannot be broken down by contact details, and no follow-up message goes to the person. Reminders still stop once someone answers. It applies to answers from now on: those already given stay as they were stored.</source>
        <translation>オン: 個別リンク（SMS・メール）からの回答を、リンクを受け取った連絡先と結び付けません。コメント・通知・エクスポートに名前は表示されず、連絡先の属性別に集計することもできず、回答者へのフォローアップメッセージも送られません。回答があればリマインダーは止まります。これから受け付ける回答に適用され、すでにある回答は保存されたときのままです。</translation>
    </message>
    <message>
        <source>Off: an answer through a personal link (SMS or email) is linked to the contact who got it, so you see who answered and can follow up. Answers through the public link or a QR code are anonymous either way.</source>
        <translation>オフ: 個別リンク（SMS・メール）からの回答は、リンクを受け取った連絡先と結び付けられるため、誰が回答したかがわかり、フォローアップできます。公開リンクやQRコードからの回答は、どちらの場合も匿名です。</translation>
    </message>
    <message>
        <source>Make answers anonymous</source>
        <translation>回答を匿名にする</translation>
    </message>
    <message>
        <source>Link answers to contacts</source>
        <translation>回答を連絡先と結び付ける</translation>
    </message>
</context>
<context>
    <name>SurveyTableModel</name>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>回答数</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日</translation>
    </message>
</context>
<context>
    <name>SurveysPage</name>
    <message>
        <source>Close survey</source>
        <translation>アンケートを終了</translation>
    </message>
    <message>
        <source>Close “%1”?</source>
        <translation>「%1」を終了しますか？</translation>
    </message>
    <message>
        <source>It stops taking answers: people who open its link are told it is closed. You can reopen it later.</source>
        <translation>回答の受付を停止します。リンクを開いた人には終了したことが表示されます。後で再公開することもできます。</translation>
    </message>
    <message>
        <source>New survey</source>
        <translation>新しいアンケート</translation>
    </message>
    <message>
        <source>No surveys yet</source>
        <translation>まだアンケートがありません</translation>
    </message>
    <message>
        <source>Create your first survey from a template: NPS for loyalty, CSAT for satisfaction or CES for effort. The wording is ready in Japanese and English, so it takes a minute.</source>
        <translation>テンプレートから最初のアンケートを作りましょう。ロイヤルティはNPS、満足度はCSAT、手間の少なさはCESで測れます。日本語と英語の質問文が用意されているので、1分で作れます。</translation>
    </message>
    <message>
        <source>New survey…</source>
        <translation>新しいアンケート…</translation>
    </message>
    <message>
        <source>Edit survey</source>
        <translation>アンケートを編集</translation>
    </message>
    <message>
        <source>Open survey…</source>
        <translation>公開する…</translation>
    </message>
    <message>
        <source>Close survey…</source>
        <translation>終了する…</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>リンクをコピー</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>ブラウザで開く</translation>
    </message>
    <message>
        <source>Save QR code…</source>
        <translation>QRコードを保存…</translation>
    </message>
    <message>
        <source>Copy embed code</source>
        <translation>埋め込みコードをコピー</translation>
    </message>
    <message>
        <source>See results</source>
        <translation>結果を見る</translation>
    </message>
    <message>
        <source>Could not read the surveys: %1</source>
        <translation>アンケートを読み込めませんでした：%1</translation>
    </message>
    <message>
        <source>Reopen survey…</source>
        <translation>再公開する…</translation>
    </message>
    <message>
        <source>Draft “%1” created. Open it when you are ready to share it.</source>
        <translation>下書き「%1」を作成しました。共有の準備ができたら公開してください。</translation>
    </message>
    <message>
        <source>The survey could not be created: %1</source>
        <translation>アンケートを作成できませんでした：%1</translation>
    </message>
    <message>
        <source>“%1” is open: its link and QR code work now.</source>
        <translation>「%1」を公開しました。リンクとQRコードが使えます。</translation>
    </message>
    <message>
        <source>“%1” is closed and no longer takes answers.</source>
        <translation>「%1」を終了しました。回答の受付を停止しています。</translation>
    </message>
    <message>
        <source>The survey changed in the meantime and cannot be opened now. The list shows its current state.</source>
        <translation>アンケートの状態が変わったため、公開できませんでした。一覧に現在の状態が表示されています。</translation>
    </message>
    <message>
        <source>The survey changed in the meantime and cannot be closed now. The list shows its current state.</source>
        <translation>アンケートの状態が変わったため、終了できませんでした。一覧に現在の状態が表示されています。</translation>
    </message>
    <message>
        <source>The survey&apos;s status could not be changed: %1</source>
        <translation>アンケートの状態を変更できませんでした：%1</translation>
    </message>
    <message>
        <source>Link copied: %1</source>
        <translation>リンクをコピーしました：%1</translation>
    </message>
    <message>
        <source>Answer the survey in a new tab</source>
        <translation>新しいタブでアンケートに回答する</translation>
    </message>
    <message>
        <source>Embed code copied: paste it into your website&apos;s page.</source>
        <translation>埋め込みコードをコピーしました。自社サイトのページに貼り付けてください。</translation>
    </message>
    <message>
        <source>Embed code copied. Add your website&apos;s address under Settings ▸ Embedding on your website first, or browsers will not show the survey in it.</source>
        <translation>埋め込みコードをコピーしました。先に「設定」▸「自社サイトへの埋め込み」にサイトのアドレスを追加してください。追加しないと、ブラウザーはサイト内にアンケートを表示しません。</translation>
    </message>
    <message>
        <source>No web browser could be started.</source>
        <translation>ブラウザを起動できませんでした。</translation>
    </message>
    <message>
        <source>Save QR code</source>
        <translation>QRコードを保存</translation>
    </message>
    <message>
        <source>QR code saved to %1</source>
        <translation>QRコードを保存しました：%1</translation>
    </message>
    <message>
        <source>The QR code could not be saved: %1</source>
        <translation>QRコードを保存できませんでした：%1</translation>
    </message>
    <message>
        <source>Archive survey</source>
        <translation>アンケートをアーカイブ</translation>
    </message>
    <message>
        <source>Archive “%1”?</source>
        <translation>「%1」をアーカイブしますか？</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>下書きを削除</translation>
    </message>
    <message>
        <source>Delete the draft “%1”?</source>
        <translation>下書き「%1」を削除しますか？</translation>
    </message>
    <message>
        <source>It was never opened, so no one has its link. Its questions and settings are deleted; this cannot be undone.</source>
        <translation>一度も公開していないため、リンクを知っている人はいません。質問と設定は削除され、元に戻すことはできません。</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Archive…</source>
        <translation>アーカイブ…</translation>
    </message>
    <message>
        <source>Delete draft…</source>
        <translation>下書きを削除…</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>アーカイブを表示</translation>
    </message>
    <message>
        <source>Archived surveys are closed and kept with all their answers.</source>
        <translation>アーカイブしたアンケートは終了しており、すべての回答とともに保存されています。</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>アーカイブを解除</translation>
    </message>
    <message>
        <source>“%1” has no questions yet: add a question before opening it.</source>
        <translation>「%1」にはまだ質問がありません。公開する前に質問を追加してください。</translation>
    </message>
    <message>
        <source>This survey has no questions yet: add a question before opening it.</source>
        <translation>このアンケートにはまだ質問がありません。公開する前に質問を追加してください。</translation>
    </message>
    <message>
        <source>Add a question…</source>
        <translation>質問を追加…</translation>
    </message>
    <message>
        <source>“%1” created as a draft: no answers, a link of its own.</source>
        <translation>「%1」を下書きとして作成しました。回答はなく、専用のリンクがあります。</translation>
    </message>
    <message>
        <source>The survey could not be duplicated: %1</source>
        <translation>アンケートを複製できませんでした: %1</translation>
    </message>
    <message>
        <source>“%1” is back in the list, closed. Reopen it to take answers again.</source>
        <translation>「%1」を一覧に戻しました（終了した状態です）。再び回答を受け付けるには再開してください。</translation>
    </message>
    <message>
        <source>“%1” is archived: closed, and its answers kept. Tick “Show archived” to see it.</source>
        <translation>「%1」をアーカイブしました。アンケートは終了し、回答は保存されています。表示するには「アーカイブを表示」にチェックを入れてください。</translation>
    </message>
    <message>
        <source>The survey could not be archived: %1</source>
        <translation>アンケートをアーカイブできませんでした: %1</translation>
    </message>
    <message>
        <source>The draft “%1” was deleted.</source>
        <translation>下書き「%1」を削除しました。</translation>
    </message>
    <message>
        <source>The draft could not be deleted: %1</source>
        <translation>下書きを削除できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Sync now</source>
        <translation>今すぐ同期</translation>
    </message>
    <message>
        <source>So that customers can answer from anywhere (by SMS, email or a printed QR code), run Koe&apos;s survey site on a public host (see docs/deploy.md), then paste its address and key here. Koe checks the host, then builds every link on its address. It sends the host your surveys and the links of your invitations, never your contacts, and fetches the answers every five minutes while it runs.</source>
        <translation>お客様がどこからでも（SMS、メール、印刷したQRコードから）回答できるように、Koeの回答サイトを公開ホストで動かし（docs/deploy.md を参照）、そのアドレスとキーをここに貼り付けてください。Koeはホストを確認してから、すべてのリンクをそのアドレスで作ります。ホストに送るのはアンケートと案内のリンクだけで、連絡先は送りません。Koeの起動中は5分ごとに回答を取り込みます。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>Check the host end to end, then sync with it and build links on its address</source>
        <translation>ホストを最初から最後まで確認してから同期し、そのアドレスでリンクを作ります</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>接続を解除</translation>
    </message>
    <message>
        <source>Stop syncing, and forget the host&apos;s key and address on this computer</source>
        <translation>同期をやめ、このコンピューターからホストのキーとアドレスを消去します</translation>
    </message>
    <message>
        <source>Host address</source>
        <translation>ホストのアドレス</translation>
    </message>
    <message>
        <source>Sync key</source>
        <translation>同期キー</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>リンク</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>前回の同期</translation>
    </message>
    <message>
        <source>Checking the host…</source>
        <translation>ホストを確認しています…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>キャンセルしました。何も変更していません。</translation>
    </message>
    <message>
        <source>Checking the address…</source>
        <translation>アドレスを確認しています…</translation>
    </message>
    <message>
        <source>Connecting over HTTPS; checking the certificate, version and key…</source>
        <translation>HTTPSで接続し、証明書・バージョン・キーを確認しています…</translation>
    </message>
    <message>
        <source>Publishing to the host…</source>
        <translation>ホストに公開しています…</translation>
    </message>
    <message>
        <source>Pulling from the host…</source>
        <translation>ホストから取り込んでいます…</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>手順 %1/%2：%3</translation>
    </message>
    <message>
        <source>Checked: HTTPS, the host&apos;s protocol (%1), the key, a publish and a pull. Connecting…</source>
        <translation>確認できました：HTTPS、ホストのプロトコル（%1）、キー、公開、取り込み。接続しています…</translation>
    </message>
    <message>
        <source>Koe could not check the host: %1</source>
        <translation>Koeはホストを確認できませんでした：%1</translation>
    </message>
    <message>
        <source>Not connected. %1</source>
        <translation>接続していません。%1</translation>
    </message>
    <message>
        <source>Disconnect the public host?</source>
        <translation>公開ホストとの接続を解除しますか？</translation>
    </message>
    <message>
        <source>Koe will forget the key of %1 on this computer and stop syncing with it. Links will start with this computer&apos;s address again, which customers cannot open. Answers already here stay here; answers still on the host wait there until you connect again.</source>
        <translation>このコンピューターから %1 のキーを消去し、同期をやめます。リンクは再びこのコンピューターのアドレスで始まり、お客様は開けなくなります。すでに取り込んだ回答はそのまま残ります。ホストにまだある回答は、再び接続するまでホストに残ります。</translation>
    </message>
    <message>
        <source>%1  kept in this computer&apos;s keyring</source>
        <translation>%1  このコンピューターのキーリングに保存済み</translation>
    </message>
    <message>
        <source>Paste the key from the host&apos;s key file</source>
        <translation>ホストのキーファイルにあるキーを貼り付けてください</translation>
    </message>
    <message>
        <source>This computer has no usable keyring, so Koe cannot keep the sync key safely. On Linux, install and unlock a keyring service such as GNOME Keyring or KWallet.</source>
        <translation>このコンピューターには使えるキーリングがないため、同期キーを安全に保管できません。Linuxでは、GNOME Keyring や KWallet などのキーリングをインストールし、ロックを解除してください。</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>%1 に接続しました。</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>同期しています…</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>接続していません。</translation>
    </message>
    <message>
        <source>The key of this host is not on this computer: paste it, then click Connect.</source>
        <translation>このホストのキーがこのコンピューターにありません。キーを貼り付けて「接続」をクリックしてください。</translation>
    </message>
    <message>
        <source>Connected · sync protocol %1 (this app: %2)</source>
        <translation>接続中 · 同期プロトコル %1（このアプリ：%2）</translation>
    </message>
    <message>
        <source>Connected; not synced yet.</source>
        <translation>接続中。まだ同期していません。</translation>
    </message>
    <message>
        <source>Links start with %1, not with this host&apos;s address: click Connect to check the host and use its address.</source>
        <translation>リンクはこのホストのアドレスではなく %1 で始まっています。「接続」をクリックすると、ホストを確認してそのアドレスを使います。</translation>
    </message>
    <message>
        <source>Every link Koe gives out starts with %1.</source>
        <translation>Koeが出すすべてのリンクは %1 で始まります。</translation>
    </message>
    <message>
        <source>Links start with %1, an address on the local network: only phones on that network can open them, never a customer&apos;s phone elsewhere (SMS, email).</source>
        <translation>リンクはローカルネットワークのアドレス %1 で始まります。開けるのはそのネットワークにつながったスマートフォンだけで、ほかの場所にいるお客様（SMS、メール）は開けません。</translation>
    </message>
    <message>
        <source>Links start with %1, which is this computer: customers&apos; phones cannot open them. For real use, connect the host by its public address (https://survey.example.com).</source>
        <translation>リンクはこのコンピューター自身を指す %1 で始まります。お客様のスマートフォンでは開けません。実際に使うときは、ホストの公開アドレス（https://survey.example.com など）で接続してください。</translation>
    </message>
    <message>
        <source>Links start with %1, this computer&apos;s own address: customers cannot open them until a public host is connected.</source>
        <translation>リンクはこのコンピューター自身のアドレス %1 で始まります。公開ホストに接続するまで、お客様は開けません。</translation>
    </message>
    <message>
        <source>The address must start with https://: over plain http the key and the answers would cross the internet unencrypted.</source>
        <translation>アドレスは https:// で始めてください。http ではキーと回答が暗号化されずにインターネットを通ってしまいます。</translation>
    </message>
    <message>
        <source>The address must not have a ? or # part.</source>
        <translation>アドレスに ? や # 以降の部分を含めないでください。</translation>
    </message>
    <message>
        <source>That is not a web address. Write it as https://survey.example.com.</source>
        <translation>Webアドレスではありません。https://survey.example.com のように入力してください。</translation>
    </message>
    <message>
        <source>Paste the key from the host&apos;s key file.</source>
        <translation>ホストのキーファイルにあるキーを貼り付けてください。</translation>
    </message>
    <message>
        <source>The key is wrong: the host refused it. Paste the key from the host&apos;s key file (sync.key) again.</source>
        <translation>キーが違います。ホストに拒否されました。ホストのキーファイル（sync.key）にあるキーをもう一度貼り付けてください。</translation>
    </message>
    <message>
        <source>%1 answers, but no Koe host with sync is there (HTTP 404). Check the address: the host&apos;s own, without a path. On the host, Koe must run with a sync key (--sync-key-file).</source>
        <translation>%1 は応答しましたが、同期できるKoeのホストではありません（HTTP 404）。アドレスを確認してください（パスを付けない、ホスト自身のアドレスです）。ホストでは、Koeを同期キー付き（--sync-key-file）で動かす必要があります。</translation>
    </message>
    <message>
        <source>%1 sends Koe on to %2: enter that address instead.</source>
        <translation>%1 は %2 へ転送しています。そちらのアドレスを入力してください。</translation>
    </message>
    <message>
        <source>%1 does not answer as a Koe host does. Check the address. (%2)</source>
        <translation>%1 はKoeのホストとして応答しません。アドレスを確認してください。（%2）</translation>
    </message>
    <message>
        <source>The host&apos;s data went back or was replaced during the sync (restored from a backup?). Sync again: everything is then published and pulled afresh.</source>
        <translation>同期中にホストのデータが巻き戻されたか、置き換えられました（バックアップから復元されましたか？）。もう一度同期してください。すべてを改めて公開し、取り込み直します。</translation>
    </message>
    <message>
        <source>The host refused something too large to publish.</source>
        <translation>公開しようとした内容が大きすぎるため、ホストが受け付けませんでした。</translation>
    </message>
    <message>
        <source>The host refused what Koe published: %1</source>
        <translation>Koe が公開した内容をホストが受け付けませんでした：%1</translation>
    </message>
    <message>
        <source>The host refused what Koe published.</source>
        <translation>Koe が公開した内容をホストが受け付けませんでした。</translation>
    </message>
    <message>
        <source>The sync did not finish: %1</source>
        <translation>同期を完了できませんでした: %1</translation>
    </message>
    <message>
        <source>No computer named %1 was found. Check the address for typos, and that the name&apos;s DNS record points at the host.</source>
        <translation>%1 という名前のコンピューターが見つかりません。アドレスに誤りがないか、その名前のDNSレコードがホストを指しているかを確認してください。</translation>
    </message>
    <message>
        <source>Nothing answers at %1 (the connection was refused). Check the address and its port, and that Koe runs on the host.</source>
        <translation>%1 から応答がありません（接続を拒否されました）。アドレスとポート、ホストでKoeが動いているかを確認してください。</translation>
    </message>
    <message>
        <source>The host at %1 did not answer in time. Check the address, and this computer&apos;s internet connection.</source>
        <translation>%1 のホストから時間内に応答がありませんでした。アドレスと、このコンピューターのインターネット接続を確認してください。</translation>
    </message>
    <message>
        <source>%1 does not speak HTTPS there. Check the address, and its port if it has one.</source>
        <translation>%1 はHTTPSで応答しません。アドレスと、指定している場合はポートを確認してください。</translation>
    </message>
    <message>
        <source>The host at %1 cannot be reached. Check the address, and this computer&apos;s internet connection.</source>
        <translation>%1 のホストに接続できません。アドレスと、このコンピューターのインターネット接続を確認してください。</translation>
    </message>
    <message>
        <source>The host&apos;s certificate is self-signed, so this computer cannot tell the host from an impostor. Give the host a certificate from a public certificate authority such as Let&apos;s Encrypt (Caddy gets one by itself: docs/deploy.md).</source>
        <translation>ホストの証明書は自己署名のため、このコンピューターでは本物のホストかなりすましかを見分けられません。Let&apos;s Encrypt などの公的な認証局の証明書をホストに設定してください（Caddyなら自動で取得します。docs/deploy.md を参照）。</translation>
    </message>
    <message>
        <source>The host&apos;s certificate comes from a certificate authority this computer does not trust (a self-signed or private one). Give the host a certificate from a public authority such as Let&apos;s Encrypt (Caddy gets one by itself: docs/deploy.md).</source>
        <translation>ホストの証明書は、このコンピューターが信頼していない認証局（自己署名や私設のもの）が発行したものです。Let&apos;s Encrypt などの公的な認証局の証明書をホストに設定してください（Caddyなら自動で取得します。docs/deploy.md を参照）。</translation>
    </message>
    <message>
        <source>The host&apos;s certificate has expired. Renew it on the host (Caddy and certbot renew theirs by themselves while they run).</source>
        <translation>ホストの証明書の有効期限が切れています。ホストで更新してください（Caddyやcertbotは動いていれば自動で更新します）。</translation>
    </message>
    <message>
        <source>The host&apos;s certificate is not valid yet. Check the date and time of this computer and of the host.</source>
        <translation>ホストの証明書はまだ有効になっていません。このコンピューターとホストの日付と時刻を確認してください。</translation>
    </message>
    <message>
        <source>The host&apos;s certificate was made for another name than %1. Use the address the certificate was made for, or get a certificate for this one.</source>
        <translation>ホストの証明書は %1 ではなく別の名前用に作られています。証明書の名前どおりのアドレスを使うか、このアドレス用の証明書を取得してください。</translation>
    </message>
    <message>
        <source>The host&apos;s HTTPS certificate is not valid (%1).</source>
        <translation>ホストのHTTPS証明書が有効ではありません（%1）。</translation>
    </message>
    <message>
        <source>The host did not say which sync protocol it speaks (this app speaks %2). Update Koe on the host.</source>
        <translation>ホストが同期プロトコルのバージョンを示しませんでした（このアプリは %2）。ホストのKoeを更新してください。</translation>
    </message>
    <message>
        <source>The host runs a newer Koe (protocol %1; this app speaks %2). Update Koe on this computer.</source>
        <translation>ホストのKoeのほうが新しいバージョンです（プロトコル %1、このアプリは %2）。このコンピューターのKoeを更新してください。</translation>
    </message>
    <message>
        <source>The host runs an older Koe (protocol %1; this app speaks %2). Update it on the host (with Docker: git pull &amp;&amp; docker compose up -d --build in Koe&apos;s deploy folder; see docs/deploy.md), then click Connect again.</source>
        <translation>ホストのKoeのほうが古いバージョンです（プロトコル %1、このアプリは %2）。ホストで更新してから（Dockerの場合はKoeの deploy フォルダーで git pull &amp;&amp; docker compose up -d --build。docs/deploy.md を参照）、もう一度「接続」をクリックしてください。</translation>
    </message>
    <message>
        <source>Never.</source>
        <translation>まだありません。</translation>
    </message>
    <message>
        <source>%1 · new answers: %2, updated: %3, unsubscribes: %4</source>
        <translation>%1 · 新しい回答: %2、更新: %3、配信停止: %4</translation>
    </message>
    <message>
        <source>The last attempt, %1, failed.</source>
        <translation>最後の試行(%1)は失敗しました。</translation>
    </message>
</context>
<context>
    <name>TasksDialog</name>
    <message>
        <source>Follow-up tasks</source>
        <translation>フォローアップタスク</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>アンケート</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>お客様</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation>ルール…</translation>
    </message>
    <message>
        <source>New</source>
        <translation>未対応</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>連絡済み</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解決済み</translation>
    </message>
    <message>
        <source>Low score: %1</source>
        <translation>低い評価：%1</translation>
    </message>
    <message>
        <source>Chose “%1”</source>
        <translation>「%1」を選択</translation>
    </message>
    <message numerus="yes">
        <source>No answer %n day(s) after the last message</source>
        <translation>
            <numerusform>最後の送信から%n日間未回答</numerusform>
        </translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
</context>
<context>
    <name>TemplateList</name>
    <message>
        <source>Blank survey</source>
        <translation>白紙のアンケート</translation>
    </message>
    <message>
        <source>No questions: write your own in the designer.</source>
        <translation>質問なし：デザイナーで一から作成します。</translation>
    </message>
</context>
<context>
    <name>TimeZonePage</name>
    <message>
        <source>Which time zone is your business in?</source>
        <translation>どのタイムゾーンで営業していますか？</translation>
    </message>
    <message>
        <source>Koe sends messages only in the daytime there, and shows every time in it. This computer&apos;s time zone is chosen already.</source>
        <translation>メッセージはこのタイムゾーンの日中にだけ送られ、日時もすべてこのタイムゾーンで表示されます。このコンピューターのタイムゾーンを選んであります。</translation>
    </message>
    <message>
        <source>Search, e.g. Tokyo</source>
        <translation>検索（例：Tokyo、日本）</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Trend</source>
        <translation>推移</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回答数</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>スコア</translation>
    </message>
</context>
<context>
    <name>WebhookDialog</name>
    <message>
        <source>Your own web address (signed JSON)</source>
        <translation>独自のURL（署名付きJSON）</translation>
    </message>
    <message>
        <source>Chat or webhook</source>
        <translation>チャット・Webhook</translation>
    </message>
    <message>
        <source>e.g. #customer-voice</source>
        <translation>例：#お客様の声</translation>
    </message>
    <message>
        <source>e.g. 123456789</source>
        <translation>例：123456789</translation>
    </message>
    <message>
        <source>Every new answer</source>
        <translation>すべての新しい回答</translation>
    </message>
    <message>
        <source>Low scores (as the alert emails)</source>
        <translation>低い評価（アラートメールと同じ基準）</translation>
    </message>
    <message>
        <source>New follow-up tasks</source>
        <translation>新しいフォローアップ</translation>
    </message>
    <message>
        <source>Include the customer&apos;s comment</source>
        <translation>お客様のコメントを含める</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>サービス</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Webhook address</source>
        <translation>WebhookのURL</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>APIトークン</translation>
    </message>
    <message>
        <source>Room id</source>
        <translation>ルームID</translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation>署名シークレット</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信する内容</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Saved; type a new one to change it</source>
        <translation>保存済み（変更する場合のみ入力）</translation>
    </message>
</context>
<context>
    <name>WebhooksPanel</name>
    <message>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Send a test message</source>
        <translation>テストメッセージを送信</translation>
    </message>
    <message>
        <source>Chat and webhooks</source>
        <translation>チャットとWebhook</translation>
    </message>
    <message>
        <source>Post new answers, low scores or new follow-up tasks to Slack, Microsoft Teams, Google Chat, Chatwork or your own web address. Each message gives the score, the survey and the response number to find it in Koe; never a survey link.</source>
        <translation>新しい回答、低い評価、新しいフォローアップを、Slack、Microsoft Teams、Google Chat、Chatwork、または独自のURLに通知します。メッセージにはスコア、アンケート名、Koeで確認するための回答番号が入ります。アンケートのリンクは含みません。</translation>
    </message>
    <message>
        <source>every answer</source>
        <translation>すべての回答</translation>
    </message>
    <message>
        <source>low scores</source>
        <translation>低い評価</translation>
    </message>
    <message>
        <source>new tasks</source>
        <translation>新しいフォローアップ</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source> (no comments)</source>
        <translation>（コメントなし）</translation>
    </message>
    <message>
        <source>%1 — %2: %3%4</source>
        <translation>%1 — %2：%3%4</translation>
    </message>
    <message>
        <source>Unlock the secrets first: addresses are kept there.</source>
        <translation>先にシークレットのロックを解除してください。URLはそこに保管されます。</translation>
    </message>
    <message>
        <source>Saved. Send a test message to check it.</source>
        <translation>保存しました。テストメッセージを送信して確認してください。</translation>
    </message>
    <message>
        <source>Saved. Give your receiver this signing secret to check Koe&apos;s signature (docs/webhooks.md): %1</source>
        <translation>保存しました。受信側でKoeの署名を確認するため、この署名シークレットを設定してください（docs/webhooks.md）：%1</translation>
    </message>
    <message numerus="yes">
        <source>Removed; %n message(s) not sent yet were canceled.</source>
        <translation>
            <numerusform>削除しました。未送信のメッセージ%n件を取り消しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>削除しました。</translation>
    </message>
    <message>
        <source>Sending a test message to %1…</source>
        <translation>%1 にテストメッセージを送信しています…</translation>
    </message>
    <message>
        <source>The test message went to %1: look for it there.</source>
        <translation>%1 にテストメッセージを送信しました。届いているかご確認ください。</translation>
    </message>
    <message>
        <source>The test message did not go: %1</source>
        <translation>テストメッセージを送信できませんでした：%1</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Koe</source>
        <translation>Koe へようこそ</translation>
    </message>
    <message>
        <source>A few short questions and Koe is ready for your first survey. In a hurry? Skip now, and find these questions later in Settings ▸ Set-up assistant…</source>
        <translation>いくつかの簡単な質問に答えるだけで、最初のアンケートの準備が整います。お急ぎの場合は「スキップ」を押してください。「設定 ▸ 初期設定アシスタント…」からいつでも再開できます。</translation>
    </message>
    <message>
        <source>Koe&apos;s language</source>
        <translation>Koe の表示言語</translation>
    </message>
    <message>
        <source>Your business&apos;s name</source>
        <translation>お店・会社の名前</translation>
    </message>
    <message>
        <source>e.g. Sakura Bakery</source>
        <translation>例：さくらベーカリー</translation>
    </message>
    <message>
        <source>Customers see it on every survey and in every message: “Thank you for choosing Sakura Bakery.”</source>
        <translation>お客様に届くすべてのアンケートとメッセージに表示されます。例：「さくらベーカリーをご利用いただきありがとうございます」</translation>
    </message>
</context>
</TS>
