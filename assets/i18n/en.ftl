# The card, as `regulars card` prints it and the screen's card pane shows it.
card-greet-as = Greet as
card-phone = Phone
card-email = Email
card-last-seat = Last seat
card-usual-seat = Usual seat
card-the-usual = The usual
card-allergies = Allergies
card-preferences = Preferences
card-also-known-as = Also known as
card-tags = Tags
card-birthday = Birthday
card-visits = Visits
card-notes = Notes
card-usual-support = { $items } — { $times } of last { $of } visits
card-last-order = { $items } — last order, { $ago }
card-visits-since = { $count } since { $first }
card-no-visits = none yet
card-noted-by = (noted by { $staff }, { $ago })
card-open-recovery = OPEN RECOVERY #{ $id }: { $category } · opened { $opened } ({ $ago }){ $by }
card-recovery-by = { " " }by { $staff }
card-what-happened = What happened: { $text }
card-action-taken = Action taken:  { $text }
card-visit = Visit { $date }: { $seat }
card-others = ({ $count ->
        [one] 1 other guest matches
       *[other] { $count } other guests match
    } { $query }: regulars find { $query } lists { $count ->
        [one] it
       *[other] them
    })

# How long ago, on the desk's clock.
ago-today = today
ago-yesterday = yesterday
ago-days = { $n } days ago
ago-weeks = { $n ->
        [one] 1 week ago
       *[other] { $n } weeks ago
    }
ago-months = { $n ->
        [one] 1 month ago
       *[other] { $n } months ago
    }
ago-years = { $n ->
        [one] 1 year ago
       *[other] { $n } years ago
    }
ago-short-days = { $n }d
ago-short-weeks = { $n }w
ago-short-months = { $n }mo
ago-short-years = { $n }y

# How long someone has been away, and days counted.
away-months = { $n ->
        [one] 1 month
       *[other] { $n } months
    }
away-year-and = 1 year { $months ->
        [one] 1 month
       *[other] { $months } months
    }
away-years = { $n ->
        [one] 1 year
       *[other] { $n } years
    }
days-count = { $n ->
        [one] 1 day
       *[other] { $n } days
    }

# Dates, as chrono patterns: %Y-%m-%d is 2025-06-08, %-m is 6.
date = %Y-%m-%d
month-day = %m-%d
date-time = { $date } { $time }

# The card pane of the counter screen.
pane-loading = { " " }Loading…
pane-open-recovery = { " " }OPEN RECOVERY · { $ago }{ " " }
pane-more-recoveries = + { $count } more open recoveries — see `regulars card`
pane-recent-visits = Recent visits
pane-party-of = { " " }· party of { $count }
pane-served-by = { " " }· served by{ " " }
pane-greet-as = Greet as
pane-last-seat = Last seat
pane-no-visits-yet = no visits yet
pane-the-usual = The usual
pane-usual-support = { " " }— { $times } of last { $of }
pane-last-order = Last order
pane-ago = { " " }— { $ago }
pane-usual-seat = Usual seat
pane-allergies = Allergies
pane-allergies-alert = ALLERGIES
pane-none-recorded = none recorded
pane-prefers = Prefers
pane-known-as = Known as
pane-tags = Tags
pane-birthday = Birthday
pane-birthday-today = { "  " }birthday today!
pane-birthday-in = { "  " }birthday in { $days ->
        [one] 1 day
       *[other] { $days } days
    }
pane-contact = Contact
pane-visits = Visits
pane-visits-since = { $count } since { $first }
pane-none-yet = none yet
pane-recoveries = Recoveries
pane-resolved = { $count } resolved
pane-resolved-before = { $count } resolved before
pane-notes = Notes
pane-noted-by = { " " }— noted by { $staff } · { $ago }
pane-cost = { " " }· cost { $amount }
pane-recovery-noted-by = { " " }· noted by{ " " }
pane-what-happened = What happened:{ " " }
pane-action-taken = Action taken:{ "  " }
pane-all-done = Every follow-up is done — { $key } resolves it

# The search line.
search-prompt = { " " }Find ›{ " " }
search-merge-prompt = { " " }Into ›{ " " }
search-placeholder = type a name, phone digits or pinyin
search-empty-book = empty guest book{ " " }
search-latest-first = { $count } { $guests ->
        [one] guest
       *[other] guests
    }, latest first{ " " }
search-no-match = no guest matches{ " " }
search-typo-away = no exact match · { $count } one typo away{ " " }
search-found = { $found } of { $count } { $guests ->
        [one] guest
       *[other] guests
    }{ " " }
search-opening = opening the guest book…{ " " }

# The keys: what the hint rows call each (hint-), what the help overlay says it does (help-).
hint-usual = usual
hint-visit = visit
hint-recovery = recovery
hint-tick = tick
hint-resolve = resolve
hint-edit = edit
hint-heads-up = heads-up
hint-merge = merge
hint-help = help
hint-new-guest = new guest
hint-mishap = mishap
hint-undo = undo
hint-tally = tally
hint-outreach = outreach
hint-log = log
hint-quit = quit
hint-heads-up-guest = heads-up's guest
hint-take = take
hint-language = language
hint-close-card = close the card
hint-open = open
hint-load-demo = load demo guests
hint-add-guest = add a guest
hint-close-help = close the help
hint-periods = 7, 30, 90, 365 days
hint-next-field = next field
hint-previous-field = field before
hint-save = save
hint-cancel = cancel
hint-written = written to: leave them out till next time
hint-next-page = birthdays / lapsed
hint-down = down
hint-up = up
hint-back-to-counter = back to the counter
help-usual = log the usual now: usual seat and order
help-visit = log a visit (the form starts from the usual)
help-recovery = record a recovery for the guest on screen
help-tick = tick the next open follow-up
help-resolve = resolve the newest open recovery (asks)
help-edit = edit the guest
help-heads-up = tell other desks the guest is on the way
help-merge = merge into another entry for them (asks)
help-help = every key
help-new-guest = add a guest, named as typed
help-mishap = record a recovery with no guest
help-undo = take back a write (asks first if for another guest)
help-tally = the mishap tally
help-outreach = whom to write to
help-log = who changed what, and when
help-quit = quit (asks first when a form holds typing)
help-heads-up-guest = open the guest of the newest heads-up
help-take = take the newest heads-up: others see who took it
help-language = English / 简体中文 / 繁體中文, without a restart
help-select-prev = select the previous guest
help-select-next = select the next guest
help-page-up = a page up the list
help-page-down = a page down the list
help-open-guest = open the card; letters then start the next search
help-back = close the card; on the search line, clear it
help-load-demo = on an empty book: load demo guests
help-delete-back = delete a character (Thai: its last mark first)
help-delete-forward = delete the character under the cursor
help-delete-word = delete the word before the cursor
help-delete-word-forward = delete the word after the cursor
help-delete-to-end = delete to the end
help-clear-query = clear the search or the field
help-cursor-left = move the cursor
help-cursor-right = move the cursor; at a field's end, take its completion
help-word-left = a word left
help-word-right = a word right
help-line-start = to the start (search line: Ctrl-Home only)
help-line-end = to the end (search line: Ctrl-E, Ctrl-End)
help-heading-counter = On the counter: typing always searches; commands are on keys
help-typing-keys = letters, digits
help-typing = find by name, pinyin, phone digits, email, #tag
help-heading-editing = Editing, on the search line and in forms:
help-heading-form = In a form:
help-title = { " " }Keys{ " " }
help-or = { " " }or{ " " }
help-closes = { $keys } closes this help
help-more = more
help-back-up = back

# Forms: titles, field labels (field-), what to type (form-hint-), and the keys' line.
form-visit-title = Log a visit — { $name }
form-new-guest-title = Add a guest
form-edit-title = Edit — { $name }
form-recovery-title = Record a recovery — { $name }
form-mishap-title = Record a recovery (no guest)
form-heads-up-title = Heads-up — { $name } is on the way
field-seat = Seat
field-order = Order
field-party-size = Party size
field-note = Note
field-name = Name
field-greeting = Greeting
field-phone = Phone
field-email = Email
field-birthday = Birthday
field-tags = Tags
field-allergies = Allergies
field-preferences = Preferences
field-notes = Notes
field-other-names = Other names
field-category = Category
field-what-happened = What happened
field-action-taken = Action taken
field-cost = Cost
field-follow-ups = Follow-ups
field-to-station = To station
form-hint-list = items separated by commas
form-hint-party-size = how many came
form-hint-name = required
form-hint-greeting = how to address them: 于先生, Mr. Yu
form-hint-birthday = YYYY-MM-DD or --MM-DD
form-hint-other-names = English name, passport spelling; comma-separated
form-hint-category = the kind of mishap: late order, room upgrade
form-hint-cost = an amount: 1,200.50
form-hint-follow-ups = tasks separated by ;
form-hint-to-station = empty for every station
form-hint-heads-up-note = took the lift down
form-takes-it = { "  " }→ takes it
form-theirs = theirs:{ " " }
form-yours = { "  " }·  yours:{ " " }
form-saving = Saving…
form-saves-yours = { $key } saves yours where both changed
form-keeps-theirs = { $key } { $key } keeps theirs
form-saves-anyway = { $key } again saves anyway
form-check-again = change a field to check again
form-cancels = { $key } cancels

# The list of guests found, and which field matched (matched-).
results-title = { " " }Guests{ " " }
results-none = { " " }No guest matches.
results-new = new
matched-name = name
matched-greeting = greeting
matched-phone = phone
matched-email = email
matched-tag = tag
matched-recent = recent
matched-another-reading = another reading
matched-wade-giles = Wade-Giles
matched-cantonese = Cantonese
matched-dialect-surname = dialect surname
matched-other-name = other name

# The mishap tally, on the screen and from `regulars report`.
tally-title = { " " }Mishap tally · last { $days }{ " " }
tally-counting = Counting…
tally-none = No mishaps recorded in this period.
tally-worst-first = worst first by { $rule }
tally-priority-rule = priority = Σ recency × repeat × (1 + cost ÷ average cost)
tally-key-recency = recency 1 within { $days } days, else 0.5
tally-key-repeat = repeat 2 for a guest with 2+ of a kind
tally-key-average = average cost { $amount }
tally-key-no-cost = no cost recorded in the period
tally-key-missing-cost = a missing cost adds nothing
tally-category = category
tally-count = count
tally-7-days = 7 days
tally-30-days = 30 days
tally-90-days = 90 days
tally-cost = cost
tally-to-resolve = to resolve
tally-same-day = same day
tally-open = open
tally-repeat-guests = repeat guests
tally-priority = priority
tally-12-weeks = 12 weeks
tally-why = why
tally-hours = { $hours } h
tally-why-recent = { $count } recent
tally-why-older = { $count } older
tally-why-repeat = { $count } from repeat guests
tally-why-no-cost = no cost recorded
tally-why-cost = cost { $ratio }× avg
tally-why-cost-zero = cost 0
report-heading = Mishap tally { $since } – { $until } ({ $days }), worst first by { $rule }
report-why = Why this order: { $key }

# Whom to write to: the outreach screen, `regulars outreach` and its mail-merge CSV (outreach-column-).
outreach-title = { " " }Outreach · birthdays in { $birthdays } · regulars away { $away }{ " " }
outreach-looking = Looking…
outreach-birthdays = Birthdays
outreach-away = Regulars away
outreach-other-page = { "  " }{ $key }: the other page
outreach-nobody-here = Nobody to write to on this page.
outreach-pane-last-visit = { "  " }· last visit { $at } at{ " " }
outreach-pane-the-usual = { "    " }the usual:{ " " }
outreach-pane-recoveries = { "  " }· recoveries:{ " " }
outreach-reading = Reading the rest of the list… { $shown } of { $count } so far
outreach-birthday-today = birthday today
outreach-birthday = birthday { $on } (in { $days })
outreach-lapsed = not seen for { $away }
outreach-usual = { $items } ({ $times } of last { $of })
outreach-last-order = { $items } (last order)
outreach-open = open
outreach-resolved = resolved
outreach-nobody = Nobody to write to: no birthday in the next { $birthdays } days, no regular away { $lapsed } days.
outreach-contact = contact: { $contact }
outreach-last-visit = last visit: { $at } at { $seat }
outreach-the-usual = the usual: { $usual }
outreach-recoveries = recoveries: { $recoveries }
outreach-column-reason = reason
outreach-column-name = name
outreach-column-greeting = greeting
outreach-column-phone = phone
outreach-column-email = email
outreach-column-birthday = birthday
outreach-column-last-visit = last_visit
outreach-column-last-seat = last_seat
outreach-column-the-usual = the_usual
outreach-column-recoveries = recoveries

# Finding the guest a command is about, and `regulars find`.
pick-say-which = say which guest: a query or --id
pick-no-match = no guest matches { $query }
pick-matches = { $query } matches { $total ->
        [one] 1 guest
       *[other] { $total } guests
    }; none is clearly the one, so nothing was changed. Say which with --id:
pick-typo-away = { $query } has no exact match; those one typo away are { $total ->
        [one] 1 guest
       *[other] { $total } guests
    }; none is clearly the one, so nothing was changed. Say which with --id:
pick-last-visit = { " " }· last visit { $when }
pick-more = { "\u000A" }  … and { $count } more: regulars find { $query } --limit 50
find-never-visited = never visited
find-last-visit = last visit { $when }
find-visits = { $count ->
        [one] 1 visit
       *[other] { $count } visits
    }

# The audit log screen.
log-title = { " " }Who changed what · the audit log, newest first{ " " }
log-reading = Reading…
log-guest = { "  " }guest { $id } ({ $name })
log-guest-gone = { "  " }guest { $id } (no longer in the book)
log-older = The latest { $count } changes; older ones: regulars log --since YYYY-MM-DD

# What an empty guest book shows.
welcome-title = { " " }Welcome{ " " }
welcome-empty = Welcome to regulars. This guest book is empty.
welcome-try-demo = Try it with demo guests:{ " " }
welcome-press = press { $key }
welcome-demo-what = { "  " }(1,000 realistic guests with visits, usual orders and a few recoveries)
welcome-bring = Bring your guest list in, from a shell:
welcome-add = Add a guest now: type their name, then{ " " }
welcome-then = Then type a name, phone digits or an email to find a guest.
