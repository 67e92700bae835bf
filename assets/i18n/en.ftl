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
