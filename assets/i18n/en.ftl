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
