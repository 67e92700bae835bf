//! The text of a file, whatever encoding a spreadsheet saved it in: UTF-8 with or without a byte-order mark, UTF-16
//! (Excel's "Unicode text", which has one), GB18030/GBK or Big5 as Chinese Excel saves a CSV — told by the mark, by
//! being valid UTF-8, or else by chardetng's guess from the start of the file; or as `--encoding` names it.
//! encoding_rs decodes, as the file is read.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use encoding_rs_io::{DecodeReaderBytes, DecodeReaderBytesBuilder};

/// How much of the start of a file its encoding is told from.
const SAMPLE: usize = 64 * 1024;

/// The encoding `--encoding` names ("gbk", "gb18030", "big5", "utf-16le", "utf-8"…), as the WHATWG labels them.
pub fn named(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// The start of the file at `path` (up to `SAMPLE` bytes), to tell its encoding and its form from.
pub(super) fn sample(path: &Path) -> io::Result<Vec<u8>> {
    let mut start = Vec::with_capacity(SAMPLE);
    File::open(path)?.take(SAMPLE as u64).read_to_end(&mut start)?;
    Ok(start)
}

/// The encoding of a file that starts with `sample` (all of it when `whole`).
pub(super) fn detect(sample: &[u8], whole: bool) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(sample) {
        return encoding;
    }
    match std::str::from_utf8(sample) {
        Ok(_) => return UTF_8,
        // Cut in the middle of a character at the end of the sample: still UTF-8.
        Err(error) if error.error_len().is_none() && !whole => return UTF_8,
        Err(_) => {}
    }
    if let Some(utf16) = utf16_without_mark(sample) {
        return utf16;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(sample, whole);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// UTF-16 saved without a mark: every other byte of ASCII text is zero.
fn utf16_without_mark(sample: &[u8]) -> Option<&'static Encoding> {
    let pairs = sample.len() / 2;
    if pairs < 4 {
        return None;
    }
    let zeros_at = |odd: usize| sample.iter().skip(odd).step_by(2).filter(|&&b| b == 0).count();
    match (zeros_at(0), zeros_at(1)) {
        (even, _) if even * 2 > pairs => Some(UTF_16BE),
        (_, odd) if odd * 2 > pairs => Some(UTF_16LE),
        _ => None,
    }
}

/// The text of `bytes` in `encoding`, its byte-order mark dropped.
pub(super) fn text(bytes: &[u8], encoding: &'static Encoding) -> String {
    encoding.decode_with_bom_removal(bytes).0.into_owned()
}

/// The file at `path` as UTF-8 text in `encoding`, decoded as it is read, its byte-order mark dropped. A file only
/// guessed to be UTF-8 (from its start) is read as it is, so that a byte further on that is not UTF-8 stops the
/// import at its line rather than being replaced unseen.
pub(super) fn reader(path: &Path, encoding: &'static Encoding, guessed_utf8: bool) -> io::Result<Box<dyn Read>> {
    let file = File::open(path)?;
    if guessed_utf8 {
        return Ok(Box::new(file));
    }
    let decoded: DecodeReaderBytes<File, Vec<u8>> =
        DecodeReaderBytesBuilder::new().encoding(Some(encoding)).bom_override(true).build(file);
    Ok(Box::new(decoded))
}

/// Whether `sample`'s encoding would be a guess of UTF-8 (no mark, not named): see `reader`.
pub(super) fn guessed_utf8(sample: &[u8], encoding: &'static Encoding, named: bool) -> bool {
    !named && encoding == UTF_8 && Encoding::for_bom(sample).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_encodings_chinese_excel_saves_are_told_apart() {
        let header = "姓名,手机,备注\n王建华,+86 139 1234 5678,喜欢靠窗的座位\n李娜,+86 139 0000 0001,不吃辣\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(header);
        assert_eq!(detect(&gbk, true).name(), "GBK");
        let traditional = "姓名,手機,備註\n王建華,+886 912 345 678,喜歡靠窗的座位\n陳美玲,+886 912 000 001,不吃辣\n";
        let (big5, _, _) = encoding_rs::BIG5.encode(traditional);
        assert_eq!(detect(&big5, true).name(), "Big5");
        assert_eq!(detect(header.as_bytes(), true), UTF_8);
        let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
        utf16.extend(header.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(detect(&utf16, true), UTF_16LE);
        assert_eq!(text(&utf16, UTF_16LE), header);
        assert_eq!(text(&gbk, encoding_rs::GBK), header);
    }
}
