//! The staff's own language on the command line: `--lang`, the settings' `language`, else the locale.

mod common;

use common::{Book, GUESTS_JSONL, run_with};

#[test]
fn the_card_speaks_the_desks_language() {
    let book = Book::holding(GUESTS_JSONL);
    let card = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = args.to_vec();
        all.extend(["card", "--id", "1"]);
        let run = run_with(&book.path, &all, env);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
    };
    let simplified = card(&["--lang", "zh-Hans"], &[]);
    for said in [
        "  称呼         于先生",
        "  电话         +86 138 0000 0108",
        "老样子",
        "近4次中3次",
        "过敏",
        "到访",
        "未结补救 #1：room upgrade",
    ] {
        assert!(simplified.contains(said), "{said}: {simplified}");
    }
    let traditional = card(&[], &[("LANG", "zh_TW.UTF-8")]);
    for said in ["  稱呼         于先生", "老樣子", "近4次中3次", "過敏", "未結補救 #1"] {
        assert!(traditional.contains(said), "{said}: {traditional}");
    }
    let english = card(&["--lang", "en"], &[("LANG", "zh_TW.UTF-8")]);
    assert!(english.contains("  Greet as     于先生") && english.contains("3 of last 4 visits"), "{english}");
    // Data is never translated: the guest's own words stay as they were written.
    assert!(simplified.contains("upgrade promised, not given") && simplified.contains("portable fans"), "{simplified}");

    let settings = book.write("config.toml", "language = \"zh-Hant\"\n");
    let from_settings = card(&[], &[("REGULARS_CONFIG", settings.to_str().unwrap())]);
    assert!(from_settings.contains("稱呼"), "{from_settings}");
    let refused = run_with(&book.path, &["--lang", "fr", "card", "--id", "1"], &[]);
    assert_eq!(refused.code, 2, "an unknown language is a usage error: {}", refused.stderr);
}

#[test]
fn report_outreach_and_error_lines_speak_each_language() {
    let book = Book::holding(GUESTS_JSONL);
    let run = |language: &str, args: &[&str]| {
        let mut all = vec!["--lang", language];
        all.extend(args);
        run_with(&book.path, &all, &[])
    };
    let said = [
        (
            "en",
            "Mishap tally ",
            "reason,name,greeting,phone,email,birthday,last_visit",
            "regulars: no guest matches \"zzqx\"",
        ),
        ("zh-Hans", "失误统计 ", "原因,姓名,称呼,电话,邮箱,生日,上次到访", "regulars: 没有匹配 \"zzqx\" 的客人"),
        ("zh-Hant", "失誤統計 ", "原因,姓名,稱呼,電話,", "regulars: 沒有匹配 \"zzqx\" 的客人"),
    ];
    for (language, report, header, error) in said {
        let tally = run(language, &["report", "--since", "2000-01-01"]);
        assert_eq!(tally.code, 0, "{}", tally.stderr);
        assert!(tally.stdout.starts_with(report), "{language}: {}", tally.stdout);
        let csv = run(language, &["outreach", "--csv", "--lapsed", "1"]);
        assert_eq!(csv.code, 0, "{}", csv.stderr);
        assert!(csv.stdout.starts_with(header), "{language}: {}", csv.stdout);
        let missing = run(language, &["card", "zzqx"]);
        assert_eq!((missing.code, missing.stderr.trim_end()), (1, error), "{language}");
    }
    // The tally's words, the list's reasons and the card's dates in Chinese; the data as written.
    let tally = run("zh-Hans", &["report", "--since", "2000-01-01"]).stdout;
    assert!(tally.contains("类别") && tally.contains("room upgrade") && tally.contains("排序依据："), "{tally}");
    let listed = run("zh-Hant", &["outreach", "--lapsed", "1"]).stdout;
    assert!(listed.contains("未來") || listed.contains("生日"), "{listed}");
    assert!(listed.contains("老樣子："), "{listed}");
    // JSON is for machines: its words stay English whatever the desk speaks.
    let json = run("zh-Hans", &["outreach", "--json", "--lapsed", "1"]).stdout;
    assert!(json.contains("\"reason\": \"not seen for") || json.contains("\"reason\": \"birthday"), "{json}");
}

#[test]
fn a_write_and_a_refused_value_speak_each_language() {
    let book = Book::holding(GUESTS_JSONL);
    let said = [
        (
            "en",
            "guest 4 added: 欧阳娜娜",
            "regulars: Name: is empty; every guest needs a name",
            "regulars: --since: \"2026-13-01\" is not a date: use YYYY-MM-DD",
        ),
        (
            "zh-Hans",
            "已添加客人 5：欧阳娜娜",
            "regulars: 姓名：为空；每位客人都需要姓名",
            "regulars: --since: \"2026-13-01\" 不是日期：请写 YYYY-MM-DD",
        ),
        (
            "zh-Hant",
            "已新增客人 6：欧阳娜娜",
            "regulars: 姓名：為空；每位客人都需要姓名",
            "regulars: --since: \"2026-13-01\" 不是日期：請寫 YYYY-MM-DD",
        ),
    ];
    for (language, added, refused, bad_day) in said {
        let run = |args: &[&str]| {
            let mut all = vec!["--lang", language];
            all.extend(args);
            run_with(&book.path, &all, &[])
        };
        let add = run(&["guest", "add", "--name", "欧阳娜娜", "--greeting", "欧阳女士", "--yes"]);
        assert_eq!((add.code, add.stdout.trim_end()), (0, added), "{language}: {}", add.stderr);
        let empty = run(&["guest", "add", "--name", " "]);
        assert_eq!((empty.code, empty.stderr.trim_end()), (1, refused), "{language}");
        let day = run(&["report", "--since", "2026-13-01"]);
        assert_eq!((day.code, day.stderr.trim_end()), (1, bad_day), "{language}");
    }
    // An English desk says a Chinese greeting so that it can be said aloud; the others as written.
    let card = |language: &str| run_with(&book.path, &["--lang", language, "card", "--id", "4"], &[]).stdout;
    assert!(card("en").contains("欧阳女士 · Ms. Ouyang"), "{}", card("en"));
    assert!(card("zh-Hans").contains("欧阳女士") && !card("zh-Hans").contains("Ouyang"));
}

#[test]
fn help_speaks_the_language_of_the_locale_or_of_lang() {
    let book = Book::new();
    let taiwan = run_with(&book.path, &["visit", "--help"], &[("LANG", "zh_TW.UTF-8")]);
    assert_eq!(taiwan.code, 0, "{}", taiwan.stderr);
    assert!(
        taiwan.stdout.contains("用法：regulars visit") && taiwan.stdout.contains("客人坐的座位"),
        "{}",
        taiwan.stdout
    );
    let simplified = run_with(&book.path, &["--lang", "zh-Hans", "--help"], &[("LANG", "zh_TW.UTF-8")]);
    assert!(
        simplified.stdout.contains("命令") && simplified.stdout.contains("导出整个客人簿"),
        "{}",
        simplified.stdout
    );
    let english = run_with(&book.path, &["--lang=en", "--help"], &[("LANG", "zh_TW.UTF-8")]);
    assert!(english.stdout.contains("Usage: regulars") && english.stdout.contains("Write the whole guest book out"));
}
