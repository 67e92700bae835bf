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
