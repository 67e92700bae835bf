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

ago-short-days = { $n }天
ago-short-weeks = { $n }周
ago-short-months = { $n }个月
ago-short-years = { $n }年

# 离开多久，以及天数。
away-months = { $n ->
       *[other] { $n }个月
    }
away-year-and = 1年{ $months ->
       *[other] { $months }个月
    }
away-years = { $n ->
       *[other] { $n }年
    }
days-count = { $n ->
       *[other] { $n }天
    }

# 日期，以 chrono 格式写：%Y年%-m月%-d日 即 2025年6月8日。
date = %Y年%-m月%-d日
month-day = %-m月%-d日
date-time = { $date } { $time }

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

# 按键：提示行里的名称（hint-），帮助里的说明（help-）。
hint-usual = 老样子
hint-visit = 到访
hint-recovery = 补救
hint-tick = 勾选
hint-resolve = 结案
hint-edit = 编辑
hint-heads-up = 通知
hint-merge = 合并
hint-help = 帮助
hint-new-guest = 新客人
hint-mishap = 失误
hint-undo = 撤销
hint-tally = 统计
hint-outreach = 联络
hint-log = 记录
hint-quit = 退出
hint-heads-up-guest = 通知的客人
hint-take = 接手
hint-language = 语言
hint-close-card = 关闭卡片
hint-open = 打开
hint-load-demo = 载入示例客人
hint-add-guest = 添加客人
hint-close-help = 关闭帮助
hint-periods = 7、30、90、365天
hint-next-field = 下一栏
hint-previous-field = 上一栏
hint-save = 保存
hint-cancel = 取消
hint-written = 已联络：下次前不再列出
hint-next-page = 生日 / 久未光临
hint-down = 下
hint-up = 上
hint-back-to-counter = 回到前台
help-usual = 立即记下老样子：常坐座位和常点
help-visit = 记一次到访（表单从老样子开始）
help-recovery = 为屏幕上的客人记一项补救
help-tick = 勾选下一项未完成的跟进
help-resolve = 结案最新的未结补救（会先确认）
help-edit = 编辑客人资料
help-heads-up = 通知其他台客人正在过来
help-merge = 并入此客人的另一条记录（会先确认）
help-help = 所有按键
help-new-guest = 按输入的名字添加客人
help-mishap = 记一项不针对客人的补救
help-undo = 撤销一次写入（若不是当前客人会先确认）
help-tally = 失误统计
help-outreach = 该联络谁
help-log = 谁在何时改了什么
help-quit = 退出（表单里有输入时会先确认）
help-heads-up-guest = 打开最新通知里的客人
help-take = 接手最新的通知：其他台会看到是谁接手
help-language = English / 简体中文 / 繁體中文，无需重启
help-select-prev = 选上一位客人
help-select-next = 选下一位客人
help-page-up = 列表上翻一页
help-page-down = 列表下翻一页
help-open-guest = 打开卡片；之后输入字母开始新的搜索
help-back = 关闭卡片；在搜索行上则清空
help-load-demo = 客人簿为空时：载入示例客人
help-delete-back = 删除一个字（泰文：先删最后一个符号）
help-delete-forward = 删除光标处的字
help-delete-word = 删除光标前的词
help-delete-word-forward = 删除光标后的词
help-delete-to-end = 删除到行尾
help-clear-query = 清空搜索或本栏
help-cursor-left = 移动光标
help-cursor-right = 移动光标；在栏尾时采用补全
help-word-left = 左移一个词
help-word-right = 右移一个词
help-line-start = 到行首（搜索行：仅 Ctrl-Home）
help-line-end = 到行尾（搜索行：Ctrl-E、Ctrl-End）
help-heading-counter = 在前台：输入即搜索；命令都在按键上
help-typing-keys = 字母、数字
help-typing = 按姓名、拼音、电话号码、邮箱、#标签查找
help-heading-editing = 编辑（搜索行和表单通用）：
help-heading-form = 在表单里：
help-title = { " " }按键{ " " }
help-or = { " " }或{ " " }
help-closes = { $keys } 关闭帮助
help-more = 更多
help-back-up = 返回

# 表单：标题、栏名（field-）、填写提示（form-hint-）和按键行。
form-visit-title = 记一次到访 — { $name }
form-new-guest-title = 添加客人
form-edit-title = 编辑 — { $name }
form-recovery-title = 记一项补救 — { $name }
form-mishap-title = 记一项补救（无客人）
form-heads-up-title = 通知 — { $name } 正在过来
field-seat = 座位
field-order = 点单
field-party-size = 人数
field-note = 备注
field-name = 姓名
field-greeting = 称呼
field-phone = 电话
field-email = 邮箱
field-birthday = 生日
field-tags = 标签
field-allergies = 过敏
field-preferences = 偏好
field-notes = 备注
field-other-names = 别名
field-category = 类别
field-what-happened = 经过
field-action-taken = 处理
field-cost = 费用
field-follow-ups = 跟进
field-to-station = 发往
form-hint-list = 用逗号分隔
form-hint-party-size = 来了几位
form-hint-name = 必填
form-hint-greeting = 怎么称呼：于先生、Mr. Yu
form-hint-birthday = YYYY-MM-DD 或 --MM-DD
form-hint-other-names = 英文名、护照拼写；用逗号分隔
form-hint-category = 失误的类别：上菜慢、房间升级
form-hint-cost = 金额：1,200.50
form-hint-follow-ups = 用 ; 分隔各项
form-hint-to-station = 留空则发给所有台
form-hint-heads-up-note = 坐电梯下来了
form-takes-it = { "  " }→ 采用
form-theirs = 对方：
form-yours = { "  " }·  你的：
form-saving = 正在保存…
form-saves-yours = { $key } 在双方都改处保存你的
form-keeps-theirs = { $key } { $key } 保留对方的
form-saves-anyway = 再按 { $key } 仍然保存
form-check-again = 改动任一栏会重新检查
form-cancels = { $key } 取消

# 找到的客人列表，以及匹配的栏（matched-）。
results-title = { " " }客人{ " " }
results-none = { " " }没有匹配的客人。
results-new = 新客
matched-name = 姓名
matched-greeting = 称呼
matched-phone = 电话
matched-email = 邮箱
matched-tag = 标签
matched-recent = 最近
matched-another-reading = 另一读音
matched-wade-giles = 威妥玛拼音
matched-cantonese = 粤语拼音
matched-dialect-surname = 方言姓氏
matched-other-name = 别名

# 失误统计：屏幕上的和 `regulars report` 打印的。
tally-title = { " " }失误统计 · 最近{ $days }{ " " }
tally-counting = 正在统计…
tally-none = 这段时间没有记录失误。
tally-worst-first = 按{ $rule }从高到低
tally-priority-rule = 优先度 = Σ 近期 × 重复 × (1 + 费用 ÷ 平均费用)
tally-key-recency = 近期：{ $days }天内为1，否则0.5
tally-key-repeat = 重复：同一客人同类2次以上为2
tally-key-average = 平均费用 { $amount }
tally-key-no-cost = 这段时间未记录费用
tally-key-missing-cost = 未记录的费用不计
tally-category = 类别
tally-count = 次数
tally-7-days = 7天
tally-30-days = 30天
tally-90-days = 90天
tally-cost = 费用
tally-to-resolve = 解决用时
tally-same-day = 当天解决
tally-open = 未结
tally-repeat-guests = 重复客人
tally-priority = 优先度
tally-12-weeks = 12周
tally-why = 原因
tally-hours = { $hours }小时
tally-why-recent = 近期{ $count }次
tally-why-older = 较早{ $count }次
tally-why-repeat = 来自重复客人{ $count }次
tally-why-no-cost = 未记录费用
tally-why-cost = 费用为平均的{ $ratio }倍
tally-why-cost-zero = 费用为0
report-heading = 失误统计 { $since } – { $until }（{ $days }），按{ $rule }从高到低
report-why = 排序依据：{ $key }

# 该联络谁：联络屏幕、`regulars outreach` 及其邮件合并 CSV（outreach-column-）。
outreach-title = { " " }联络 · { $birthdays }内生日 · 常客已{ $away }未来{ " " }
outreach-looking = 正在查找…
outreach-birthdays = 生日
outreach-away = 久未光临的常客
outreach-other-page = { "  " }{ $key }：另一页
outreach-nobody-here = 这一页没有要联络的人。
outreach-pane-last-visit = { "  " }· 上次到访 { $at }，座位{ " " }
outreach-pane-the-usual = { "    " }老样子：
outreach-pane-recoveries = { "  " }· 补救：
outreach-reading = 正在读取其余名单… 目前{ $count }位中{ $shown }位
outreach-birthday-today = 今天生日
outreach-birthday = { $on }生日（{ $days }后）
outreach-lapsed = 已{ $away }未来
outreach-usual = { $items }（近{ $of }次中{ $times }次）
outreach-last-order = { $items }（上次点单）
outreach-open = 未结
outreach-resolved = 已解决
outreach-nobody = 没有要联络的人：未来{ $birthdays }天内无人生日，没有常客超过{ $lapsed }天未来。
outreach-contact = 联系方式：{ $contact }
outreach-last-visit = 上次到访：{ $at }，座位 { $seat }
outreach-the-usual = 老样子：{ $usual }
outreach-recoveries = 补救：{ $recoveries }
outreach-column-reason = 原因
outreach-column-name = 姓名
outreach-column-greeting = 称呼
outreach-column-phone = 电话
outreach-column-email = 邮箱
outreach-column-birthday = 生日
outreach-column-last-visit = 上次到访
outreach-column-last-seat = 上次座位
outreach-column-the-usual = 老样子
outreach-column-recoveries = 补救

# 找出命令所指的客人，以及 `regulars find`。
pick-say-which = 请指明客人：给出查询或 --id
pick-no-match = 没有匹配 { $query } 的客人
pick-matches = { $total ->
       *[other] { $query } 匹配{ $total }位客人
    }；无法确定是哪一位，所以什么都没改。请用 --id 指明：
pick-typo-away = { $total ->
       *[other] { $query } 没有完全匹配；差一个字的有{ $total }位客人
    }；无法确定是哪一位，所以什么都没改。请用 --id 指明：
pick-last-visit = { " " }· 上次到访 { $when }
pick-more = { "\u000A" }  … 另有{ $count }位：regulars find { $query } --limit 50
find-never-visited = 从未到访
find-last-visit = 上次到访 { $when }
find-visits = { $count ->
       *[other] { $count }次到访
    }

# 修改记录屏幕。
log-title = { " " }谁改了什么 · 修改记录，最新的在前{ " " }
log-reading = 正在读取…
log-guest = { "  " }客人 { $id }（{ $name }）
log-guest-gone = { "  " }客人 { $id }（已不在客人簿中）
log-older = 最近{ $count }次修改；更早的：regulars log --since YYYY-MM-DD

# 客人簿为空时显示的内容。
welcome-title = { " " }欢迎{ " " }
welcome-empty = 欢迎使用 regulars。这本客人簿是空的。
welcome-try-demo = 用示例客人试试：
welcome-press = 按 { $key }
welcome-demo-what = { "  " }（1,000位逼真的客人，带到访、常点和几项补救）
welcome-bring = 从命令行导入你的客人名单：
welcome-add = 现在添加客人：输入姓名，然后按{ " " }
welcome-then = 之后输入姓名、电话号码或邮箱即可找到客人。
