//! Text encodings of the files laboratories export: UTF-8 (with or without
//! a byte-order mark), UTF-16 with a byte-order mark, and GB18030, the
//! superset of GBK that Excel and WPS write on Chinese Windows.
//!
//! Bytes are decoded, never guessed into garbled text: a line that is not
//! valid in the encoding is named, so that the loader can refuse its row
//! instead of loading a mangled instrument or method name.

use serde::{Deserialize, Serialize};

use crate::names::named_choices;

/// How the bytes of a file are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum TextEncoding {
    /// A byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); without one,
    /// UTF-8 when the bytes are valid UTF-8, GB18030 otherwise (default).
    #[default]
    #[serde(rename = "auto")]
    Auto,
    /// UTF-8, a byte-order mark skipped.
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-16, little-endian unless a byte-order mark says otherwise.
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16, big-endian unless a byte-order mark says otherwise.
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// GB18030 (and so GBK and GB2312).
    #[serde(rename = "gb18030")]
    Gb18030,
}

named_choices!(TextEncoding, option "encoding", expected "\"auto\", \"utf-8\", \"utf-16le\", \"utf-16be\" or \"gb18030\"" {
    Auto => "auto",
    Utf8 => "utf-8",
    Utf16Le => "utf-16le",
    Utf16Be => "utf-16be",
    Gb18030 => "gb18030",
});

/// Text decoded from bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text; a byte sequence that is not valid in the encoding reads as
    /// U+FFFD.
    pub text: String,
    /// The encoding the bytes were read in (never [`TextEncoding::Auto`]).
    pub encoding: TextEncoding,
    /// The physical lines (1-based; LF, CRLF or CR end a line) that held a
    /// byte sequence not valid in the encoding.
    pub bad_lines: Vec<u32>,
}

impl TextEncoding {
    fn codec(self) -> &'static encoding_rs::Encoding {
        match self {
            TextEncoding::Auto | TextEncoding::Utf8 => encoding_rs::UTF_8,
            TextEncoding::Utf16Le => encoding_rs::UTF_16LE,
            TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
            TextEncoding::Gb18030 => encoding_rs::GB18030,
        }
    }

    fn of(codec: &'static encoding_rs::Encoding) -> TextEncoding {
        if codec == encoding_rs::UTF_16LE {
            TextEncoding::Utf16Le
        } else if codec == encoding_rs::UTF_16BE {
            TextEncoding::Utf16Be
        } else if codec == encoding_rs::GB18030 {
            TextEncoding::Gb18030
        } else {
            TextEncoding::Utf8
        }
    }
}

/// Decodes `bytes` in `encoding`; a byte-order mark always wins and is
/// removed.
///
/// # Examples
///
/// ```
/// use eqa::results::encoding::{TextEncoding, decode};
///
/// // "迈瑞" in GBK, as Excel on Chinese Windows saves it.
/// let gbk = [0xC2, 0xF5, 0xC8, 0xF0];
/// let decoded = decode(&gbk, TextEncoding::Auto);
/// assert_eq!((decoded.text.as_str(), decoded.encoding), ("迈瑞", TextEncoding::Gb18030));
/// assert!(decoded.bad_lines.is_empty());
/// let bad = decode(b"ok\n\xFF\xFE\xFD\n", TextEncoding::Utf8);
/// assert_eq!(bad.bad_lines, [2]);
/// ```
pub fn decode(bytes: &[u8], encoding: TextEncoding) -> Decoded {
    let codec = match (encoding_rs::Encoding::for_bom(bytes), encoding) {
        (Some((codec, _)), _) => codec,
        (None, TextEncoding::Auto) if std::str::from_utf8(bytes).is_err() => encoding_rs::GB18030,
        (None, chosen) => chosen.codec(),
    };
    let (text, used, had_errors) = codec.decode(bytes);
    let text = text.into_owned();
    let bad_lines = if had_errors {
        lines_with_replacement(&text)
    } else {
        Vec::new()
    };
    Decoded {
        encoding: TextEncoding::of(used),
        text,
        bad_lines,
    }
}

/// The physical lines of `text` that hold U+FFFD.
fn lines_with_replacement(text: &str) -> Vec<u32> {
    let mut lines = Vec::new();
    let mut line: u32 = 1;
    let mut marked = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{FFFD}' if !marked => {
                lines.push(line);
                marked = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                line = line.saturating_add(1);
                marked = false;
            }
            _ => {}
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_marks_decide() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("罗氏,5.3\r\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let d = decode(&utf16, TextEncoding::Auto);
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("罗氏,5.3\r\n", TextEncoding::Utf16Le)
        );
        let d = decode("\u{feff}a,b".as_bytes(), TextEncoding::Gb18030);
        assert_eq!((d.text.as_str(), d.encoding), ("a,b", TextEncoding::Utf8));
    }

    #[test]
    fn invalid_bytes_name_their_lines() {
        let d = decode(b"a\r\nb\xFF\rc\nd\x80\x80\n", TextEncoding::Utf8);
        assert_eq!(d.bad_lines, [2, 4]);
        assert_eq!(
            decode("迈瑞".as_bytes(), TextEncoding::Auto).encoding,
            TextEncoding::Utf8
        );
    }
}
