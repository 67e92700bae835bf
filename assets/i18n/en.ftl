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
birthday-no-year = --%m-%d
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
hint-arrivals = tonight
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
hint-open-card = open card
hint-arrived = arrived
hint-no-show = no-show
hint-add-arrival = add
hint-drill = drill
hint-check-answer = check the answer
hint-back-to-arrivals = back to the arrivals
hint-day-before = day before
hint-day-after = day after
hint-arrival-new = new guest
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
help-arrivals = tonight's arrivals: who is coming, how to greet them
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
help-regular-mark = in the list: a regular, N visits in the last 12 months
help-heading-editing = Editing, on the search line and in forms:
help-heading-form = In a form:
help-heading-arrivals = On the arrivals screen (F10):
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
form-arrival-title = { " " }Add a booking for { $name }{ " " }
field-seat = Seat
field-order = Order
field-party-size = Party size
field-note = Note
field-name = Name
field-title = Title
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
field-time = Time
field-table-or-room = Table or room
form-hint-list = items separated by commas
form-hint-party-size = how many came
form-hint-name = required
form-hint-time = HH:MM, e.g. 19:30
form-hint-title = Mr, Ms, 先生, 女士: proposes the greeting
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
results-regular = ★ { $n }/yr
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
audit-guest-added = guest added
audit-guest-edited = guest edited
audit-guest-forgotten = guest forgotten
audit-guest-merged = guest merged
audit-guest-merged-away = guest merged away
audit-guest-add-undone = guest add undone
audit-merge-undone = merge undone
audit-heads-up-sent = heads-up sent
audit-heads-up-taken = heads-up taken
audit-recovery-opened = recovery opened
audit-recovery-resolved = recovery resolved
audit-recovery-undone = recovery undone
audit-recovery-reopened = recovery reopened
audit-follow-up-done = follow-up done
audit-follow-up-reopened = follow-up reopened
audit-visit-logged = visit logged
audit-visit-undone = visit undone
audit-written-to = written to
audit-written-to-undone = written to undone
audit-arrival-added = arrival added
audit-arrival-linked = arrival linked
audit-arrived = arrived
audit-no-show = no-show

# What an empty guest book shows.
welcome-title = { " " }Welcome{ " " }
welcome-empty = Welcome to regulars. This guest book is empty.
welcome-try-demo = Try it with demo guests:{ " " }
welcome-press = press { $key }
welcome-demo-what = { "  " }(1,000 realistic guests with visits, usual orders and a few recoveries)
welcome-bring = Bring your guest list in, from a shell:
welcome-csv = columns name, greeting, phone, email, birthday, tags, allergies, preferences, notes, other_names
welcome-jsonl = one guest a line, with visits (see README)
welcome-add = Add a guest now: type their name, then{ " " }
welcome-then = Then type a name, phone digits or an email to find a guest.

# The status line, questions and what went wrong: messages said later, in the language the desk speaks then
# (see i18n::Said); write-/undo- answer the desk's writes, read- its reads, error-/problem- the book's refusals.
said-verbatim = { $text }
undo-the-visit = the visit
undo-the-tick = the tick
undo-the-new-guest = the new guest
undo-the-edit = the edit
undo-the-recovery = the recovery
undo-the-resolve = the resolve
undo-the-merge = the merge
undo-the-note-written = the note that they were written to
said-list-separator = { "; " }
write-not-saved = { $what } for { $name } not saved
write-the-visit = The visit
write-the-tick = The tick
write-the-note = The note
write-not-merged = Not merged
write-resolved = Resolved “{ $category }” for { $name }
write-not-resolved = Not resolved for { $name }
write-took-heads-up = Took the heads-up: { $name } is yours
write-heads-up-not-taken = Heads-up not taken
write-noted-written = Noted: { $name } was written to for the { $occasion }
write-noted-already = { $name } was noted as written to for the { $occasion } already
write-for-birthday = birthday
write-for-lapsed = time away
write-no-guest = No guest for it
write-visit-logged = Visit logged for { $name }: { $visit }
write-duplicate = { $name } (guest { $id }, same { $same })
write-same-phone = phone
write-same-email = email
write-possibly-in-book = Possibly in the book already: { $guests }
write-added = Added { $name }
write-saved = Saved { $name }
write-saved-keeping = Saved { $name }, keeping another desk's change to { $fields }
write-every-station = every station
write-heads-up-sent = Heads-up sent to { $to }: { $name } is on the way
write-recovery-recorded = Recovery recorded for { $name }: { $category }
write-mishap-recorded = Recovery recorded with no guest: { $category }
undo-took-back-visit = Took back the visit for { $name }
undo-follow-up-open = Follow-up { $n } open again for { $name }
undo-took-back-new-guest = Took back the new guest { $name }
undo-took-back-edit = Took back the edit of { $name }
undo-took-back-recovery = Took back the recovery for { $name }
undo-took-back-mishap = Took back the recovery with no guest
undo-recovery-open = The recovery for { $name } is open again
undo-took-back-merge = Took back the merge: { $away } and { $name } are two entries again
undo-outreach-again = { $name } is on the outreach list again
undo-no-guest = Nothing to take back: no guest
undo-not-taken-back = Not taken back for { $name }
write-demo-loaded = Loaded { $n } demo guests
write-demo-not-loaded = Demo guests not loaded: { $why }
write-saved-anyway = Saved: { $why }
write-saved-anyway-for = Saved for { $name }: { $why }
write-failed = { $what }: { $why }
error-directory = { $path } is a directory, not a guest book file
error-create = cannot create the guest book at { $path }: { $why }
error-missing = there is no guest book at { $path }
error-not-a-book = the file is not a guest book (not a SQLite database)
error-newer-schema = the guest book was written by a newer regulars (schema { $found }; this one knows up to { $supported }); nothing was changed
error-tampered = the guest book's schema was changed outside regulars: { $what }; it was not opened and nothing was written (regulars doctor says what else differs)
error-read-only = the guest book is read-only; check the file's permissions
error-disk-full = the disk is full
error-busy = the guest book is busy: another desk kept it locked past the busy timeout; nothing was saved
error-corrupt = the guest book holds a value this version cannot read: { $what }
error-unreadable = { $row } cannot be read; regulars doctor lists every row that cannot
error-unknown-station-none = no desk has opened the guest book as station { $name }; no desk has named its station yet
error-unknown-station = no desk has opened the guest book as station { $name }; the stations are { $known }
error-not-found = { $what } is not in the guest book
error-changed = another desk changed this guest meanwhile; nothing was saved
error-clash = another desk changed { $fields } of this guest meanwhile; nothing was saved
error-record = record { $n }: { $why }
error-sqlite = guest book error: { $why }
error-postgres = guest book server error: { $why }
error-unreachable = the guest book server cannot be reached: { $why }
error-tls = the guest book server was refused: TLS says { $why } (see sslmode and sslrootcert)
error-already-saved = it was saved, though the connection dropped as the server confirmed it
error-stopped = the list being imported stopped; nothing was imported
error-invalid = { $field }: { $problem }
problem-too-long = is too long ({ $chars } characters; at most { $max })
problem-year = is in the year { $year }; a time from 1900 to 2199 is taken
problem-no-name = is empty; every guest needs a name
problem-no-category = is empty; say what kind of mishap it was
problem-cost = must be a number from 0 to 1,000,000,000,000
problem-before-opened = is before the recovery was opened
problem-party-size = must be from 1 to 10,000
problem-same-guest = is the same guest
problem-has-history = has visits or recoveries now; kept
problem-resolved-already = { $id } was resolved already, on { $on }; nothing was changed
problem-exists = file exists already; nothing was written
problem-server-backup = of a server's book is a copy into a new file book (regulars copy) or pg_dump; nothing was written
problem-not-empty = the book to copy into is not empty (it has { $table }); nothing was copied
field-at = When
field-opened-at = Opened
field-resolved-at = Resolved
field-backup = Backup
field-book = Book
field-copy = Copy
field-guest = Guest
field-into = Into
field-recovery = Recovery
field-station = Station
field-staff = Staff
field-doctor = Repair
read-outreach-failed = Cannot read the outreach list: { $why }
read-guest-failed = Cannot read this guest: { $why }
read-house-failed = Cannot read the house's items: { $why }
read-mishaps-failed = Cannot read the mishaps: { $why }
read-log-failed = Cannot read the audit log: { $why }
read-search-failed = Cannot read the guest book for search: { $why }
read-again-failed = Cannot read the guest book again: { $why }
read-spellings-failed = Cannot read the guests' other spellings: { $why }
read-regulars-failed = Cannot read which guests are regulars for the list: { $why }
read-search-query-failed = The search for “{ $query }” failed; type again
read-watch-failed = Cannot watch for other desks' writes: { $why }
read-changes-failed = Cannot read other desks' changes: { $why }
read-guest-again-failed = Cannot read guest { $id } again for search: { $why }
read-feed-lost = reading the guest book for search stopped half way; nothing was searched
allergy-item-has = { $item } has { $allergy }
banner-another-desk = another desk
banner-on-the-way = { " " }({ $name }) on the way
banner-from = { " " }— from { $from }, { $ago }
banner-just-now = just now
banner-minutes-ago = { $n } min ago
banner-taken-by = { " " }· taken by { $by } at { $station }
banner-keys = { " " }· { $open } open · { $take } take it
banner-server-lost = { " " }⚠ The book's server cannot be reached
banner-server-lost-why = : search and cards show what was read; saving fails until it is back ({ $why })
banner-yours-about = Your heads-up about{ " " }
banner-yours-taken = { " " }was taken by { $by } at { $at }, { $ago }
confirm-title = { " " }Please confirm{ " " }
confirm-merge = Merge { $away } into { $name }? { $enter } merges · { $back } cancels
confirm-quit-form = Quit and lose what is typed in the form? { $quit } again quits · { $back } goes back to it
confirm-resolve = Resolve “{ $category }” for { $name }? { $key } again resolves it · { $back } cancels
confirm-undo-other = Take back { $what } for { $name } — not the guest on screen? { $key } again takes it back · { $back } keeps it
confirm-undo-no-guest = Take back { $what } with no guest? { $key } again takes it back · { $back } keeps it
confirm-usual-allergy = ⚠ ALLERGY: { $name } is allergic — { $hits }. { $key } again logs it anyway · { $back } cancels
form-allergy = ⚠ ALLERGY: { $hits }
form-clash = Another desk changed { $fields } too — theirs is shown below
form-discard-again = { $back } again to discard what was typed; { $save } saves it
form-field-cut = holds { $limit } characters: { $kept } of the paste went in, the rest was left out
form-not-a-party = { $party } is not a number of people
form-not-saved = Not saved: { $why }
form-confirm-anyway = { $problem } — { $save } again saves anyway
form-save-anyway = { $problem } — { $save } again saves it anyway
merge-away = Merge away:  { $guest }
merge-into = Into:        { $guest }
merge-what-moves = Visits and recoveries move; lists join; differing details are kept in the notes.
merge-summary = { $details } · { $n ->
        [one] 1 visit
       *[other] { $n } visits
    } · guest { $id }
merge-summary-usual = { $details } · { $n ->
        [one] 1 visit
       *[other] { $n } visits
    } · usually { $usual } · guest { $id }
status-all-follow-ups-done = Every follow-up of “{ $category }” is done — { $key } resolves it
status-draft-back = A form typed before the screen was closed is back: { $save } saves it, { $back } { $back } discards it
status-merge-cancelled = Merge of { $name } cancelled
status-merged = Merged { $away } into { $name }
status-merging = Merging { $name }: find the other entry, { $enter } picks it, { $back } cancels
status-no-guest-selected = No guest selected: type a name first
status-no-heads-up = No heads-up for this desk
status-no-heads-up-to-take = No heads-up to take
status-no-open-recovery = { $name } has no open recovery
status-no-usual = { $name } has no usual yet — { $key } logs a visit
status-not-done = Not done
status-not-done-other-guest = { $key } not done: “{ $query }” finds another guest first — see the card
status-nothing-saved = Nothing saved
status-nothing-to-undo = Nothing to take back in this session
status-reading-card = Reading { $name }'s card — { $key } goes ahead the moment it is in
status-same-entry = That is the same entry: pick the other one
status-saving = Saving…
status-saving-for = Saving for { $name }…
status-saving-busy = Saving — the book is busy at another desk; a moment
status-search-line-cut = The search line holds { $limit } characters: { $kept } of the paste went in, the rest was left out
status-server-back = Connected to the book's server again; saving works
status-still-finding = Still finding “{ $query }” — a moment
status-still-finding-then = Still finding “{ $query }” — { $key } goes ahead if it is { $name }
status-ticked = Ticked “{ $task }” on { $category } for { $name }
status-to-undo = { $said } — { $key } to undo
status-unreadable-one = ⚠ { $row } cannot be read and is left out; regulars doctor lists such rows
status-unreadable-many = ⚠ { $n } rows of the book cannot be read and are left out, among them { $row }; regulars doctor lists them
status-usual-logged = Logged the usual for { $name }: { $visit }
status-warning = ⚠ { $warning }

# What the writing commands print (visit, guest, recovery, heads-up, backup, forget, outreach --written).
cli-cannot-open = cannot open the guest book { $book }
cli-guest-not-saved = the guest was not saved
cli-guest-added = guest { $id } added: { $name }
cli-guests-not-merged = the guests were not merged
cli-guest-merged = guest { $from } merged into guest { $into }: { $name }
cli-guest-updated = guest { $id } updated
cli-guest-updated-keeping = guest { $id } updated, keeping another desk's change to { $fields }
cli-visit-not-saved = the visit was not saved
cli-visit-logged = visit { $id } logged for { $name }: { $visit }
cli-recovery-not-saved = the recovery was not saved
cli-recovery-opened = recovery { $id } opened for { $name }
cli-mishap-opened = recovery { $id } opened (no guest)
cli-follow-up-not-saved = the follow-up was not saved
cli-follow-up-reopened = follow-up { $n } of recovery { $id } reopened
cli-follow-up-done = follow-up { $n } of recovery { $id } done
cli-recovery-not-resolved = the recovery was not resolved
cli-recovery-resolved = recovery { $id } resolved
cli-unknown-station = { $why }; nothing was sent (--yes sends it anyway)
cli-heads-up-not-sent = the heads-up was not sent
cli-heads-up-sent = heads-up sent to { $to }: { $name } is on the way
cli-cannot-back-up = cannot back up to { $file }
cli-backed-up = backed up to { $file }
cli-note-not-saved = the note was not saved
cli-noted-written = noted: { $name } was written to for the { $occasion } ({ $of })
cli-guest-not-erased = the guest was not erased
cli-guest-erased = guest { $id } erased
cli-no-usual = { $name } has no usual yet: give --seat and --order
cli-allergy = ALLERGY: { $name } is allergic — { $hits }; nothing was saved (--yes logs it anyway)
cli-forget-who = { $name } (guest { $id }, { $phone })
cli-forget-ask = Erase { $who } and all their visits and notes? This cannot be undone. Type yes:{ " " }
cli-nothing-erased = nothing was erased
cli-backup-exists = cannot back up to { $file }: the file exists already; nothing was written
cli-not-on-outreach = guest { $id } is not on the outreach list now; nothing was noted
cli-outreach-wrote = wrote { $n } guests to write to, to { $file }
cli-since-after-until = --since is after --until
cli-exported = exported { $n ->
        [one] 1 guest
       *[other] { $n } guests
    } to { $file }
cli-export-left-out = the export holds every row but { $n ->
        [one] the one that cannot be read
       *[other] the { $n } that cannot be read
    }
cli-one-typo-away = no exact match for { $query }; these are one typo away
cli-possibly-in-book = possibly in the book already: { $guests }; nothing was added (--yes adds them anyway)
cli-say-which-to-keep = say which entry to keep: --into QUERY or --into-id ID
cli-follow-ups-from-1 = follow-ups are numbered from 1

# A time, a day, a birthday or an amount typed that is not one.
bad-time-skipped = { $text } did not happen here: the clocks went forward over it
bad-time-not-a-time = { $text } is not a time: give 2026-06-08T07:42 (the desk's time), 2026-06-08, 07:42 (today) or 2026-06-08T07:42:00+07:00
bad-time-before-1900 = { $text } is before 1900: a typo in the year?
bad-time-future = { $text } is { $ahead } from now, in the future: a typo? (--yes takes it as given)
bad-time-days = { $n ->
        [one] 1 day
       *[other] { $n } days
    }
bad-time-hours = { $n ->
        [one] 1 hour
       *[other] { $n } hours
    }
bad-time-minutes = { $n ->
        [one] 1 minute
       *[other] { $n } minutes
    }
bad-time-not-a-day = { $text } is not a date: use YYYY-MM-DD
bad-time-day-year = { $text } is in the year { $year }; a day from 1900 to 2199 is taken
bad-birthday = { $text } is not a date: use YYYY-MM-DD, or --MM-DD without the year
bad-amount = { $text } is not an amount
bad-amount-below-zero = { $text } is not an amount: it cannot be below zero
bad-amount-grouping = { $text } is not an amount: the decimal mark is { $mark } and thousands go in groups of three, as in { $example }
bad-amount-decimals = { $text } is not an amount: at most two decimals

# What the book-keeping commands say: settings warnings, copy, demo, doctor, import.
config-cannot-read = cannot read the settings file { $path }: { $why }
config-missing = there is no settings file { $path } (named by --config or REGULARS_CONFIG); only the default one may be absent
config-invalid = the settings file { $path } is not valid: { $why }
warning-owner-and-group = its owner and group
warning-owner = its owner
warning-fix-with = fix it with: chmod { $mode } { $path }
warning-readable-only-by = make { $path } readable by { $whom } only (chmod { $mode })
warning-readable = the guest book can be read by other users; { $fix }
warning-open-folder = the folder { $folder } can be written by any user, who could put another book in its place; keep the book in a folder only you (or the desks' group) can write
cli-copied = copied { $from } to { $to }: { $guests } guests, { $visits } visits, { $recoveries } recoveries, { $heads_ups } heads-ups, { $audit } audit rows
cli-demo = demo guests: { $added } added, { $merged } merged, { $unchanged } already there ({ $seconds } s)
doctor-schema-not-own = the guest book's schema is not regulars' own (see above); its rows were not looked at
doctor-cannot-read-through = cannot read the guest book through
doctor-row-more = row: and { $n } more
doctor-rows-left-out = { "  " }these rows are left out of the screen, search, lists and exports: set them right with a database tool, or restore the book from a backup
doctor-rows-unreadable = { $n ->
        [one] 1 row
       *[other] { $n } rows
    } of the guest book cannot be read
doctor-sound = the guest book is sound: its schema is regulars' own and every row can be read
doctor-cannot-look = cannot look at the guest book { $book }
doctor-server-role = { "  " }on a server, the role that owns the book's tables sets this right (with psql)
doctor-repair-hint = { "  " }regulars doctor --repair sets this right, keeping a copy of the book as it is first
doctor-ask = Set the schema right? The book as it is now is copied to { $copy } first. Type yes:{ " " }
doctor-nothing-changed = nothing was changed
doctor-not-set-right = the schema was not set right
doctor-set-right = set right; the book as it was is kept in { $copy }
import-line = line { $line }: { $entry }
import-would = would import { $counts }; nothing was written (a dry run)
import-done = imported { $file }: { $counts }
import-counts = { $added } added, { $merged } merged, { $unchanged } already there{ $mishaps ->
        [0] { "" }
        [one] , 1 recovery with no guest
       *[other] , { $mishaps } recoveries with no guest
    }
import-birthday = birthday { $birthday }
import-visits = { $n ->
        [one] 1 visit
       *[other] { $n } visits
    }, the last: { $last }
import-mishap = a recovery with no guest: { $category }
draft-kept = the form being typed is kept in { $path }; it is offered back the next time this station opens the screen
draft-not-kept = the form being typed could not be kept: { $why }
runtime-cannot-open-desk = cannot open the desk on the guest book
runtime-cannot-open-terminal = cannot open the terminal screen
screen-too-small = Enlarge the window: regulars needs at least { $width }×{ $height } (this one is { $now_width }×{ $now_height }).
cli-cannot-write = cannot write { $file }: { $why }; it was left as it was

# Tonight's guests: `regulars arrivals`, its screen and the briefing.
arrivals-party = { $n ->
        [one] 1 guest
       *[other] { $n } guests
    }
arrivals-new = new: not in the book
arrivals-choose = not certain: { $n ->
        [one] 1 guest
       *[other] { $n } guests
    } to choose from
arrivals-first-visit = first visit
arrivals-regular = regular ({ $n ->
        [one] 1 visit
       *[other] { $n } visits
    })
arrivals-back = back after { $away }
arrivals-usual = the usual: { $items }
arrivals-allergies = ⚠ allergic: { $items }
arrivals-open = open recovery: { $category }
arrivals-birthday = { $days ->
        [0] birthday today
        [one] birthday tomorrow
       *[other] birthday in { $days } days
    }
arrivals-note = “{ $note }”
arrivals-arrived = arrived
arrivals-no-show = no-show
cli-not-an-encoding = --encoding: { $label } is not an encoding (utf-8, utf-16le, gbk, gb18030, big5, …)
arrivals-marked-arrived = arrival { $id } ({ $name }) arrived; their visit is logged
arrivals-arrived-already = arrival { $id } was marked arrived already; nothing was logged again
arrivals-linked = arrival { $id } is guest { $guest }
arrivals-marked-no-show = arrival { $id } ({ $name }) marked no-show
arrivals-refused = { $file }: { $why }; nothing was imported
arrivals-would-link = guest { $id }
arrivals-would-choose = { $n ->
        [one] 1 guest
       *[other] { $n } guests
    } to choose from
arrivals-counts = { $certain } known for certain, { $choose } to choose, { $new } new
arrivals-would-import = would import { $n ->
        [one] 1 booking
       *[other] { $n } bookings
    }: { $counts }; nothing was written (a dry run)
arrivals-imported = imported { $file }: { $added } added, { $already } there already; { $counts }
arrivals-none = no arrivals on { $day }
arrivals-heading = { $day }: { $n ->
        [one] 1 arrival
       *[other] { $n } arrivals
    }
briefing-title = Tonight's guests · { $day } · { $n ->
        [one] 1 arrival
       *[other] { $n } arrivals
    }
briefing-back = Back after a long time
briefing-birthdays = Birthdays this week
briefing-recoveries = Open recoveries
briefing-allergies = Allergies
briefing-regulars = Regulars and their usual
briefing-first-time = First-timers and guests to confirm
briefing-written = wrote the briefing of { $n ->
        [one] 1 arrival
       *[other] { $n } arrivals
    } to { $file }
arrivals-reading = Reading tonight’s arrivals…
arrivals-none-yet = No arrivals for this day yet: a adds one by hand, regulars arrivals import FILE brings in the booking system’s list.
status-arrival-not-linked = { $name } is not linked to a guest yet: regulars arrivals choose says who they are
read-drill-failed = Cannot read the drill’s cards: { $why }
read-arrivals-failed = Cannot read the arrivals: { $why }
write-arrived = { $name } arrived; their visit is logged
write-arrived-already = { $name } was marked arrived already
write-no-show = { $name } marked no-show
write-arrival-not-marked = The arrival of { $name } not marked

# The name drill.
drill-usual-seat = usually sits at { $seat }
drill-last-seat = last time: { $seat }, { $when }
drill-tonight-at = tonight at { $place }
drill-no-clues = no visits yet: the name is all there is to learn
drill-nobody = nobody to drill: no arrivals linked to a guest tonight, and no regulars seen lately
drill-card = Card { $n } of { $total }
drill-who = Who is it? (name or greeting){ " " }
drill-right = ✓ { $who }
drill-wrong = ✗ it was { $who }
drill-score-tonight = You know { $known } of tonight's { $total ->
        [one] guest
       *[other] { $total } guests
    }.
drill-score-regulars = You know { $known } of { $total ->
        [one] the regular
       *[other] the { $total } regulars
    } most likely to come.
status-linking = Who is { $name }? Pick the guest, { $enter } says it is them · { $back } goes back to the arrivals
status-linking-cancelled = { $name } left as it was
write-arrival-linked = The arrival is { $name }
write-arrival-new-guest = { $name } added as a new guest, from the booking
form-not-a-time = { $time } is not a time: give HH:MM, e.g. 19:30
write-arrival-added-known = Booking added: { $name }, known to the book
write-arrival-added-choose = Booking added: { $name } — not certain who: Enter on it picks the guest
write-arrival-added-new = Booking added: { $name }, new to the book
drill-title = { " " }The name drill{ " " }
drill-reading = Shuffling tonight’s cards…

# promises, goals and the return rate
bad-due = { $text } is not a time: give due:06:30 (the next 06:30), due:+30m, due:+2h, due:+1d, due:2026-06-08 or due:2026-06-08T06:30
bad-due-past = { $text } is in the past: a promise is due later than now
promise-in = in { $left }
promise-due-now = due now
promise-due-ago = due { $late } ago
promise-overdue = overdue { $late }
span-minutes = { $n } min
span-hours = { $n } h
span-hours-minutes = { $hours } h { $minutes } min
promise-untimed = no time set
promise-no-guest = no guest
promise-line = { $when } · { $owner } · { $task } — { $guest } · { $category } (recovery { $id }, follow-up { $n })
promises-none = No open promises: every follow-up is ticked.
promises-heading = Promises: { $n } open, { $overdue } overdue
promises-about = { $category } (recovery { $id }, follow-up { $n })
status-promise-no-guest = That promise ({ $category }) is about no particular guest: there is no card to open
banner-promises-more = { " " }· { $n } more
banner-promises-key = { " " }· { $key } all promises
hint-promises = promises
help-promises = the promises: open follow-ups, yours first
hint-tick-promise = tick it
help-heading-promises = On the promises list (F12):
field-owner = Owner
field-due = Due
form-hint-owner = who keeps the follow-ups: restaurant, housekeeping
form-hint-due = 06:30, +30m, +2h, +1d, 2026-06-08
form-promise-without-follow-up = An owner and a time are for follow-ups: write the task under Follow-ups
mark-regular = regular · { $n } visits in 12 months
mark-back = back after { $years ->
    [one] a year
   *[other] { $years } years
}
problem-no-note = is empty; say what the team changed
category-nobody = nobody named
category-no-goal = none
category-noted = Noted for { $category }: { $note }
tally-goal-met = goal { $goal }: met
tally-goal-missed = goal { $goal }: missed
tally-on-time = { $percent }% of { $n } promises on time
tally-first-contact = first contact { $after }
tally-goal-met = goal { $goal }: met
tally-goal-missed = goal { $goal }: missed
tally-on-time = { $percent }% of { $n } promises on time
tally-first-contact = first contact { $after }
report-answers = Who answers for it:
returns-heading = Guests who came back the year after (a tenth keeps a house full):
returns-no-cohort = No visits before this year yet.
returns-cohort = { $year }: { $guests } guests, { $returned } back the year after — { $share }
returns-so-far = { " " }(so far)
returns-months-heading = Visits by returning guests, by month:
returns-month = { $month }  { $share } ({ $by } of { $visits } visits)
returns-letters = Outreach letters: { $written } written; back within 3 months { $three }, 6 months { $six }, 12 months { $twelve }
arrivals-returning = been before ({ $n ->
        [one] 1 visit
       *[other] { $n } visits
    })
tally-title-owner = { " " }Mishap tally · last { $days } · @{ $owner }{ " " }
form-category-title = Who answers for a category
field-goal = Goal
form-hint-category-owner = restaurant, housekeeping; empty keeps who is named
form-hint-goal = at most: 1/day, 3/week; none clears; empty keeps
bad-goal = { $text } is not a goal: give N/day or N/week, e.g. 1/day
write-category-set = { $category }: answered for by { $owner }, goal { $goal }
hint-owner-view = each owner
hint-category-form = owner and goal
help-heading-tally = On the tally (Ctrl-T):
tally-returns = Back the year after: { $years }
tally-returns-year = { $year } { $share } ({ $returned } of { $guests })
tally-returns-month = This month { $share } of visits by returning guests · outreach letters { $written }, { $back } back within 3 months
tally-owner-count = { $kinds ->
    [one] 1 kind
   *[other] { $kinds } kinds
}, { $n ->
    [one] 1 mishap
   *[other] { $n } mishaps
}
tally-owner-goals-met = every goal met
tally-owner-goals-missed = a goal missed
