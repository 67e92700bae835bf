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
