# 卡片：`regulars card` 列印的與螢幕卡片欄顯示的。
card-greet-as = 稱呼
card-phone = 電話
card-email = 電郵
card-last-seat = 上次座位
card-usual-seat = 常坐座位
card-the-usual = 老樣子
card-allergies = 過敏
card-preferences = 偏好
card-also-known-as = 別名
card-tags = 標籤
card-birthday = 生日
card-visits = 到訪
card-notes = 備註
card-usual-support = { $items } — 近{ $of }次中{ $times }次
card-last-order = { $items } — 上次點單，{ $ago }
card-visits-since = 自{ $first }起{ $count }次
card-no-visits = 尚無
card-noted-by = （{ $staff }記，{ $ago }）
card-open-recovery = 未結補救 #{ $id }：{ $category } · 開於{ $opened }（{ $ago }）{ $by }
card-recovery-by = { " " }由{ $staff }
card-what-happened = 經過：{ $text }
card-action-taken = 處理：{ $text }
card-visit = 到訪 { $date }：{ $seat }
card-others = （另有{ $count }位客人符合{ $query }：regulars find { $query } 可列出）

# 多久以前，按本台的時鐘。
ago-today = 今天
ago-yesterday = 昨天
ago-days = { $n }天前
ago-weeks = { $n }週前
ago-months = { $n }個月前
ago-years = { $n }年前

ago-short-days = { $n }天
ago-short-weeks = { $n }週
ago-short-months = { $n }個月
ago-short-years = { $n }年

# 離開多久，以及天數。
away-months = { $n ->
       *[other] { $n }個月
    }
away-year-and = 1年{ $months ->
       *[other] { $months }個月
    }
away-years = { $n ->
       *[other] { $n }年
    }
days-count = { $n ->
       *[other] { $n }天
    }

# 日期，以 chrono 格式寫：%Y年%-m月%-d日 即 2025年6月8日。
date = %Y年%-m月%-d日
month-day = %-m月%-d日
date-time = { $date } { $time }

# 前台螢幕的卡片欄。
pane-loading = { " " }正在讀取…
pane-open-recovery = { " " }未結補救 · { $ago }{ " " }
pane-more-recoveries = + 另有{ $count }項未結補救 — 見 `regulars card`
pane-recent-visits = 最近到訪
pane-party-of = { " " }· { $count }位
pane-served-by = { " " }· 接待：
pane-greet-as = 稱呼
pane-last-seat = 上次座位
pane-no-visits-yet = 尚無到訪
pane-the-usual = 老樣子
pane-usual-support = { " " }— 近{ $of }次中{ $times }次
pane-last-order = 上次點單
pane-ago = { " " }— { $ago }
pane-usual-seat = 常坐座位
pane-allergies = 過敏
pane-allergies-alert = 過敏！
pane-none-recorded = 未記錄
pane-prefers = 偏好
pane-known-as = 別名
pane-tags = 標籤
pane-birthday = 生日
pane-birthday-today = { "  " }今天生日！
pane-birthday-in = { "  " }{ $days }天後生日
pane-contact = 聯絡方式
pane-visits = 到訪
pane-visits-since = 自{ $first }起{ $count }次
pane-none-yet = 尚無
pane-recoveries = 補救
pane-resolved = 已解決{ $count }項
pane-resolved-before = 此前已解決{ $count }項
pane-notes = 備註
pane-noted-by = { " " }— { $staff }記 · { $ago }
pane-cost = { " " }· 費用 { $amount }
pane-recovery-noted-by = { " " }· 記錄人：
pane-what-happened = 經過：
pane-action-taken = 處理：
pane-all-done = 跟進已全部完成 — 按 { $key } 結案

# 搜尋行。
search-prompt = { " " }搜尋 ›{ " " }
search-merge-prompt = { " " }併入 ›{ " " }
search-placeholder = 輸入姓名、電話號碼或拼音
search-empty-book = 客人簿是空的{ " " }
search-latest-first = { $guests ->
       *[other] { $count }位客人，最近的在前
    }{ " " }
search-no-match = 沒有符合的客人{ " " }
search-typo-away = 沒有完全符合 · { $count }位差一個字{ " " }
search-found = { $guests ->
       *[other] { $count }位客人中{ $found }位
    }{ " " }
search-opening = 正在開啟客人簿…{ " " }

# 按鍵：提示行裡的名稱（hint-），幫助裡的說明（help-）。
hint-usual = 老樣子
hint-visit = 到訪
hint-recovery = 補救
hint-tick = 勾選
hint-resolve = 結案
hint-edit = 編輯
hint-heads-up = 通知
hint-merge = 合併
hint-help = 幫助
hint-new-guest = 新客人
hint-mishap = 失誤
hint-undo = 撤銷
hint-tally = 統計
hint-outreach = 聯絡
hint-log = 記錄
hint-quit = 退出
hint-heads-up-guest = 通知的客人
hint-take = 接手
hint-language = 語言
hint-close-card = 關閉卡片
hint-open = 開啟
hint-load-demo = 載入示例客人
hint-add-guest = 新增客人
hint-close-help = 關閉幫助
hint-periods = 7、30、90、365天
hint-next-field = 下一欄
hint-previous-field = 上一欄
hint-save = 儲存
hint-cancel = 取消
hint-written = 已聯絡：下次前不再列出
hint-next-page = 生日 / 久未光臨
hint-down = 下
hint-up = 上
hint-back-to-counter = 回到前臺
help-usual = 立即記下老樣子：常坐座位和常點
help-visit = 記一次到訪（表單從老樣子開始）
help-recovery = 為螢幕上的客人記一項補救
help-tick = 勾選下一項未完成的跟進
help-resolve = 結案最新的未結補救（會先確認）
help-edit = 編輯客人資料
help-heads-up = 通知其他臺客人正在過來
help-merge = 併入此客人的另一條記錄（會先確認）
help-help = 所有按鍵
help-new-guest = 按輸入的名字新增客人
help-mishap = 記一項不針對客人的補救
help-undo = 撤銷一次寫入（若不是當前客人會先確認）
help-tally = 失誤統計
help-outreach = 該聯絡誰
help-log = 誰在何時改了什麼
help-quit = 退出（表單裡有輸入時會先確認）
help-heads-up-guest = 開啟最新通知裡的客人
help-take = 接手最新的通知：其他臺會看到是誰接手
help-language = English / 简体中文 / 繁體中文，無需重啟
help-select-prev = 選上一位客人
help-select-next = 選下一位客人
help-page-up = 列表上翻一頁
help-page-down = 列表下翻一頁
help-open-guest = 開啟卡片；之後輸入字母開始新的搜尋
help-back = 關閉卡片；在搜尋行上則清空
help-load-demo = 客人簿為空時：載入示例客人
help-delete-back = 刪除一個字（泰文：先刪最後一個符號）
help-delete-forward = 刪除游標處的字
help-delete-word = 刪除游標前的詞
help-delete-word-forward = 刪除游標後的詞
help-delete-to-end = 刪除到行尾
help-clear-query = 清空搜尋或本欄
help-cursor-left = 移動游標
help-cursor-right = 移動游標；在欄尾時採用補全
help-word-left = 左移一個詞
help-word-right = 右移一個詞
help-line-start = 到行首（搜尋行：僅 Ctrl-Home）
help-line-end = 到行尾（搜尋行：Ctrl-E、Ctrl-End）
help-heading-counter = 在前臺：輸入即搜尋；命令都在按鍵上
help-typing-keys = 字母、數字
help-typing = 按姓名、拼音、電話號碼、郵箱、#標籤查詢
help-heading-editing = 編輯（搜尋行和表單通用）：
help-heading-form = 在表單裡：
help-title = { " " }按鍵{ " " }
help-or = { " " }或{ " " }
help-closes = { $keys } 關閉幫助
help-more = 更多
help-back-up = 返回

# 表單：標題、欄名（field-）、填寫提示（form-hint-）和按鍵行。
form-visit-title = 記一次到訪 — { $name }
form-new-guest-title = 新增客人
form-edit-title = 編輯 — { $name }
form-recovery-title = 記一項補救 — { $name }
form-mishap-title = 記一項補救（無客人）
form-heads-up-title = 通知 — { $name } 正在過來
field-seat = 座位
field-order = 點單
field-party-size = 人數
field-note = 備註
field-name = 姓名
field-greeting = 稱呼
field-phone = 電話
field-email = 郵箱
field-birthday = 生日
field-tags = 標籤
field-allergies = 過敏
field-preferences = 偏好
field-notes = 備註
field-other-names = 別名
field-category = 類別
field-what-happened = 經過
field-action-taken = 處理
field-cost = 費用
field-follow-ups = 跟進
field-to-station = 發往
form-hint-list = 用逗號分隔
form-hint-party-size = 來了幾位
form-hint-name = 必填
form-hint-greeting = 怎麼稱呼：于先生、Mr. Yu
form-hint-birthday = YYYY-MM-DD 或 --MM-DD
form-hint-other-names = 英文名、護照拼寫；用逗號分隔
form-hint-category = 失誤的類別：上菜慢、房間升級
form-hint-cost = 金額：1,200.50
form-hint-follow-ups = 用 ; 分隔各項
form-hint-to-station = 留空則發給所有臺
form-hint-heads-up-note = 坐電梯下來了
form-takes-it = { "  " }→ 採用
form-theirs = 對方：
form-yours = { "  " }·  你的：
form-saving = 正在儲存…
form-saves-yours = { $key } 在雙方都改處儲存你的
form-keeps-theirs = { $key } { $key } 保留對方的
form-saves-anyway = 再按 { $key } 仍然儲存
form-check-again = 改動任一欄會重新檢查
form-cancels = { $key } 取消

# 找到的客人列表，以及匹配的欄（matched-）。
results-title = { " " }客人{ " " }
results-none = { " " }沒有匹配的客人。
results-new = 新客
matched-name = 姓名
matched-greeting = 稱呼
matched-phone = 電話
matched-email = 郵箱
matched-tag = 標籤
matched-recent = 最近
matched-another-reading = 另一讀音
matched-wade-giles = 威妥瑪拼音
matched-cantonese = 粵語拼音
matched-dialect-surname = 方言姓氏
matched-other-name = 別名

# 失誤統計：螢幕上的和 `regulars report` 列印的。
tally-title = { " " }失誤統計 · 最近{ $days }{ " " }
tally-counting = 正在統計…
tally-none = 這段時間沒有記錄失誤。
tally-worst-first = 按{ $rule }從高到低
tally-priority-rule = 優先度 = Σ 近期 × 重複 × (1 + 費用 ÷ 平均費用)
tally-key-recency = 近期：{ $days }天內為1，否則0.5
tally-key-repeat = 重複：同一客人同類2次以上為2
tally-key-average = 平均費用 { $amount }
tally-key-no-cost = 這段時間未記錄費用
tally-key-missing-cost = 未記錄的費用不計
tally-category = 類別
tally-count = 次數
tally-7-days = 7天
tally-30-days = 30天
tally-90-days = 90天
tally-cost = 費用
tally-to-resolve = 解決用時
tally-same-day = 當天解決
tally-open = 未結
tally-repeat-guests = 重複客人
tally-priority = 優先度
tally-12-weeks = 12週
tally-why = 原因
tally-hours = { $hours }小時
tally-why-recent = 近期{ $count }次
tally-why-older = 較早{ $count }次
tally-why-repeat = 來自重複客人{ $count }次
tally-why-no-cost = 未記錄費用
tally-why-cost = 費用為平均的{ $ratio }倍
tally-why-cost-zero = 費用為0
report-heading = 失誤統計 { $since } – { $until }（{ $days }），按{ $rule }從高到低
report-why = 排序依據：{ $key }

# 該聯絡誰：聯絡螢幕、`regulars outreach` 及其郵件合併 CSV（outreach-column-）。
outreach-title = { " " }聯絡 · { $birthdays }內生日 · 常客已{ $away }未來{ " " }
outreach-looking = 正在查詢…
outreach-birthdays = 生日
outreach-away = 久未光臨的常客
outreach-other-page = { "  " }{ $key }：另一頁
outreach-nobody-here = 這一頁沒有要聯絡的人。
outreach-pane-last-visit = { "  " }· 上次到訪 { $at }，座位{ " " }
outreach-pane-the-usual = { "    " }老樣子：
outreach-pane-recoveries = { "  " }· 補救：
outreach-reading = 正在讀取其餘名單… 目前{ $count }位中{ $shown }位
outreach-birthday-today = 今天生日
outreach-birthday = { $on }生日（{ $days }後）
outreach-lapsed = 已{ $away }未來
outreach-usual = { $items }（近{ $of }次中{ $times }次）
outreach-last-order = { $items }（上次點單）
outreach-open = 未結
outreach-resolved = 已解決
outreach-nobody = 沒有要聯絡的人：未來{ $birthdays }天內無人生日，沒有常客超過{ $lapsed }天未來。
outreach-contact = 聯絡方式：{ $contact }
outreach-last-visit = 上次到訪：{ $at }，座位 { $seat }
outreach-the-usual = 老樣子：{ $usual }
outreach-recoveries = 補救：{ $recoveries }
outreach-column-reason = 原因
outreach-column-name = 姓名
outreach-column-greeting = 稱呼
outreach-column-phone = 電話
outreach-column-email = 郵箱
outreach-column-birthday = 生日
outreach-column-last-visit = 上次到訪
outreach-column-last-seat = 上次座位
outreach-column-the-usual = 老樣子
outreach-column-recoveries = 補救

# 找出命令所指的客人，以及 `regulars find`。
pick-say-which = 請指明客人：給出查詢或 --id
pick-no-match = 沒有匹配 { $query } 的客人
pick-matches = { $total ->
       *[other] { $query } 匹配{ $total }位客人
    }；無法確定是哪一位，所以什麼都沒改。請用 --id 指明：
pick-typo-away = { $total ->
       *[other] { $query } 沒有完全匹配；差一個字的有{ $total }位客人
    }；無法確定是哪一位，所以什麼都沒改。請用 --id 指明：
pick-last-visit = { " " }· 上次到訪 { $when }
pick-more = { "\u000A" }  … 另有{ $count }位：regulars find { $query } --limit 50
find-never-visited = 從未到訪
find-last-visit = 上次到訪 { $when }
find-visits = { $count ->
       *[other] { $count }次到訪
    }

# 修改記錄螢幕。
log-title = { " " }誰改了什麼 · 修改記錄，最新的在前{ " " }
log-reading = 正在讀取…
log-guest = { "  " }客人 { $id }（{ $name }）
log-guest-gone = { "  " }客人 { $id }（已不在客人簿中）
log-older = 最近{ $count }次修改；更早的：regulars log --since YYYY-MM-DD

# 客人簿為空時顯示的內容。
welcome-title = { " " }歡迎{ " " }
welcome-empty = 歡迎使用 regulars。這本客人簿是空的。
welcome-try-demo = 用示例客人試試：
welcome-press = 按 { $key }
welcome-demo-what = { "  " }（1,000位逼真的客人，帶到訪、常點和幾項補救）
welcome-bring = 從命令列匯入你的客人名單：
welcome-add = 現在新增客人：輸入姓名，然後按{ " " }
welcome-then = 之後輸入姓名、電話號碼或郵箱即可找到客人。
