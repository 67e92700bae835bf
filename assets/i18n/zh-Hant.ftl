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
