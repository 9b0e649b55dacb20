//! Reading CSV text as spreadsheets export it (RFC 4180, leniently): cells
//! separated by commas, a cell quoted when it begins with `"` (a quote
//! inside doubled), quotes inside an unquoted cell kept as written.
//!
//! Lines end at LF, CRLF or a lone CR (old Excel on a Mac), and every record
//! carries the physical line it starts on, so a problem can always be
//! traced. A quote that is never closed does not swallow the rest of the
//! file: it is reported at the line where it opened, and reading starts
//! again on the next line. Empty lines are skipped.

/// One record and the physical lines it spans (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub(crate) line: u32,
    pub(crate) last_line: u32,
    pub(crate) cells: Vec<String>,
}

/// What the reader finds next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Item {
    /// A record.
    Record(Record),
    /// A quote opened on `quote_line` that the text never closes; the
    /// record began on `line`. Lines `line..=quote_line` are not read.
    Unterminated { line: u32, quote_line: u32 },
}

/// The records of a text, one after another.
pub(crate) struct Records<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: u32,
}

impl<'a> Records<'a> {
    /// The records of `text`, a leading byte-order mark skipped.
    pub(crate) fn new(text: &'a str) -> Self {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        Records {
            bytes: text.as_bytes(),
            pos: 0,
            line: 1,
        }
    }

    /// The length of the line break at `i` (0 when there is none).
    fn line_break(&self, i: usize) -> usize {
        match self.bytes.get(i) {
            Some(b'\n') => 1,
            Some(b'\r') if self.bytes.get(i + 1) == Some(&b'\n') => 2,
            Some(b'\r') => 1,
            _ => 0,
        }
    }

    /// The position after the line break that ends the line holding `i`.
    fn next_line_start(&self, mut i: usize) -> usize {
        while i < self.bytes.len() {
            let n = self.line_break(i);
            if n > 0 {
                return i + n;
            }
            i += 1;
        }
        i
    }
}

/// Text made of whole UTF-8 sequences: cells are cut at ASCII bytes only.
fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

impl Iterator for Records<'_> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        // Skip empty lines.
        loop {
            let n = self.line_break(self.pos);
            if n == 0 {
                break;
            }
            self.pos += n;
            self.line = self.line.saturating_add(1);
        }
        if self.pos >= self.bytes.len() {
            return None;
        }
        let start = self.line;
        let mut line = self.line;
        let mut cells = Vec::new();
        let mut cell: Vec<u8> = Vec::new();
        let mut i = self.pos;
        let mut quote: Option<(usize, u32)> = None;
        let mut field_start = true;
        loop {
            let Some(&c) = self.bytes.get(i) else {
                if let Some((at, quote_line)) = quote {
                    self.pos = self.next_line_start(at);
                    self.line = quote_line.saturating_add(1);
                    return Some(Item::Unterminated {
                        line: start,
                        quote_line,
                    });
                }
                cells.push(text(&cell));
                self.pos = i;
                self.line = line;
                break;
            };
            if quote.is_some() {
                match c {
                    b'"' if self.bytes.get(i + 1) == Some(&b'"') => {
                        cell.push(b'"');
                        i += 2;
                    }
                    b'"' => {
                        quote = None;
                        i += 1;
                    }
                    b'\r' | b'\n' => {
                        let n = self.line_break(i);
                        cell.extend_from_slice(&self.bytes[i..i + n]);
                        line = line.saturating_add(1);
                        i += n;
                    }
                    _ => {
                        cell.push(c);
                        i += 1;
                    }
                }
                continue;
            }
            match c {
                b',' => {
                    cells.push(text(&cell));
                    cell.clear();
                    field_start = true;
                    i += 1;
                    continue;
                }
                b'"' if field_start => quote = Some((i, line)),
                b'\r' | b'\n' => {
                    cells.push(text(&cell));
                    self.pos = i + self.line_break(i);
                    self.line = line.saturating_add(1);
                    break;
                }
                _ => cell.push(c),
            }
            field_start = false;
            i += 1;
        }
        Some(Item::Record(Record {
            line: start,
            last_line: line,
            cells,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<Item> {
        Records::new(text).collect()
    }

    fn record(line: u32, cells: &[&str]) -> Item {
        Item::Record(Record {
            line,
            last_line: line,
            cells: cells.iter().map(|c| (*c).to_owned()).collect(),
        })
    }

    #[test]
    fn every_line_ending_numbers_physical_lines() {
        let expected = vec![
            record(1, &["a", "b"]),
            record(2, &["c", "d"]),
            record(4, &["e", ""]),
        ];
        for text in [
            "a,b\nc,d\n\ne,\n",
            "a,b\r\nc,d\r\n\r\ne,",
            "a,b\rc,d\r\re,\r",
        ] {
            assert_eq!(read(text), expected, "{text:?}");
        }
    }

    #[test]
    fn quotes_hold_commas_quotes_and_line_breaks() {
        let items = read("\u{feff}\"5,5\",\"say \"\"hi\"\"\",\"two\rlines\"\nx,5\"3\n");
        assert_eq!(
            items[0],
            Item::Record(Record {
                line: 1,
                last_line: 2,
                cells: vec!["5,5".into(), "say \"hi\"".into(), "two\rlines".into()],
            })
        );
        assert_eq!(items[1], record(3, &["x", "5\"3"]));
    }

    #[test]
    fn an_unterminated_quote_swallows_nothing() {
        let items = read("a,b\nc,\"d\ne,f\ng,h\n");
        assert_eq!(
            items,
            vec![
                record(1, &["a", "b"]),
                Item::Unterminated {
                    line: 2,
                    quote_line: 2
                },
                record(3, &["e", "f"]),
                record(4, &["g", "h"]),
            ]
        );
    }

    #[test]
    fn chinese_text_is_kept_whole() {
        assert_eq!(
            read("罗氏,\"迈瑞,BS\"\n"),
            vec![record(1, &["罗氏", "迈瑞,BS"])]
        );
    }
}
