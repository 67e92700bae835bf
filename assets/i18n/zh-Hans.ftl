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
