# 卡片：`regulars card` 打印的与屏幕卡片栏显示的。
card-greet-as = 称呼
card-phone = 电话
card-email = 邮箱
card-last-seat = 上次座位
card-usual-seat = 常坐座位
card-the-usual = 老样子
card-allergies = 过敏
card-preferences = 偏好
card-also-known-as = 别名
card-tags = 标签
card-birthday = 生日
card-visits = 到访
card-notes = 备注
card-usual-support = { $items } — 近{ $of }次中{ $times }次
card-last-order = { $items } — 上次点单，{ $ago }
card-visits-since = 自{ $first }起{ $count }次
card-no-visits = 尚无
card-noted-by = （{ $staff }记，{ $ago }）
card-open-recovery = 未结补救 #{ $id }：{ $category } · 开于{ $opened }（{ $ago }）{ $by }
card-recovery-by = { " " }由{ $staff }
card-what-happened = 经过：{ $text }
card-action-taken = 处理：{ $text }
card-visit = 到访 { $date }：{ $seat }
card-others = （另有{ $count }位客人匹配{ $query }：regulars find { $query } 可列出）

# 多久以前，按本台的时钟。
ago-today = 今天
ago-yesterday = 昨天
ago-days = { $n }天前
ago-weeks = { $n }周前
ago-months = { $n }个月前
ago-years = { $n }年前

# 前台屏幕的卡片栏。
pane-loading = { " " }正在读取…
pane-open-recovery = { " " }未结补救 · { $ago }{ " " }
pane-more-recoveries = + 另有{ $count }项未结补救 — 见 `regulars card`
pane-recent-visits = 最近到访
pane-party-of = { " " }· { $count }位
pane-served-by = { " " }· 接待：
pane-greet-as = 称呼
pane-last-seat = 上次座位
pane-no-visits-yet = 尚无到访
pane-the-usual = 老样子
pane-usual-support = { " " }— 近{ $of }次中{ $times }次
pane-last-order = 上次点单
pane-ago = { " " }— { $ago }
pane-usual-seat = 常坐座位
pane-allergies = 过敏
pane-allergies-alert = 过敏！
pane-none-recorded = 未记录
pane-prefers = 偏好
pane-known-as = 别名
pane-tags = 标签
pane-birthday = 生日
pane-birthday-today = { "  " }今天生日！
pane-birthday-in = { "  " }{ $days }天后生日
pane-contact = 联系方式
pane-visits = 到访
pane-visits-since = 自{ $first }起{ $count }次
pane-none-yet = 尚无
pane-recoveries = 补救
pane-resolved = 已解决{ $count }项
pane-resolved-before = 此前已解决{ $count }项
pane-notes = 备注
pane-noted-by = { " " }— { $staff }记 · { $ago }
pane-cost = { " " }· 费用 { $amount }
pane-recovery-noted-by = { " " }· 记录人：
pane-what-happened = 经过：
pane-action-taken = 处理：
pane-all-done = 跟进已全部完成 — 按 { $key } 结案

# 搜索行。
search-prompt = { " " }查找 ›{ " " }
search-merge-prompt = { " " }并入 ›{ " " }
search-placeholder = 输入姓名、电话号码或拼音
search-empty-book = 客人簿是空的{ " " }
search-latest-first = { $guests ->
       *[other] { $count }位客人，最近的在前
    }{ " " }
search-no-match = 没有匹配的客人{ " " }
search-typo-away = 没有完全匹配 · { $count }位差一个字{ " " }
search-found = { $guests ->
       *[other] { $count }位客人中{ $found }位
    }{ " " }
search-opening = 正在打开客人簿…{ " " }
