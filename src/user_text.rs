//! Text that people typed, that an imported file brought, or that the
//! publisher's settings hold, shown among the widget's own words. Such text
//! may carry Unicode's bidirectional controls: U+202E (right-to-left
//! override) typed into a name draws everything after it backwards, the
//! widget's words and an email address included. So:
//!
//! - on screen and in the HTML report, each piece of it is isolated, in a
//!   `<bdi>` element: within the widget's own sentences, [`isolate`] marks
//!   the piece, and the screen and the report turn each marked piece into a
//!   `<bdi>` ([`pieces`]);
//! - in plain text (the text download, the clipboard, the email), [`plain`]
//!   removes the controls.

/// Unicode's bidirectional formatting characters: embeddings, overrides,
/// isolates and the directional marks.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

const START: char = '\u{2068}';
const END: char = '\u{2069}';

/// A piece of such text inside one of the widget's own sentences, marked
/// between U+2068 and U+2069 (first-strong isolate and pop directional
/// isolate, the plain-text form of `<bdi>`), so that even where it is not
/// turned into a `<bdi>` its direction cannot spill into the words around
/// it. Its own bidirectional controls are left out, so none can close the
/// isolate early, and so the marks always pair.
pub fn isolate(s: &str) -> String {
    format!("{START}{}{END}", without_bidi_controls(s))
}

/// `s` without its bidirectional controls, for a `<bdi>`. A `<bdi>` alone is
/// not enough: browsers close it as U+2069 would, and so an unmatched
/// isolate typed inside it (U+2066) swallows the close and lets the text
/// after it into the isolate. Letters, and so the direction that Arabic or
/// Hebrew letters give, are kept.
pub fn without_bidi_controls(s: &str) -> String {
    s.chars().filter(|c| !is_bidi_control(*c)).collect()
}

/// A sentence split into the widget's own words (`false`) and the isolated
/// pieces [`isolate`] marked (`true`), without the marks.
pub fn pieces(s: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(start) = rest.find(START) {
        let (before, after) = rest.split_at(start);
        let after = &after[START.len_utf8()..];
        let end = after.find(END).unwrap_or(after.len());
        if !before.is_empty() {
            out.push((false, before));
        }
        out.push((true, &after[..end]));
        rest = after.get(end + END.len_utf8()..).unwrap_or("");
    }
    if !rest.is_empty() {
        out.push((false, rest));
    }
    out
}

/// Text for the plain-text outputs: no bidirectional controls (so no marks
/// from [`isolate`] either), and no invisible controls (NUL, the C0 and C1
/// controls) but line breaks and tabs. They are removed, not shown as codes:
/// in an email, a code is clutter that a reader could take for part of a name.
pub fn plain(s: &str) -> String {
    s.chars().filter(|&c| !is_bidi_control(c) && (!c.is_control() || matches!(c, '\n' | '\r' | '\t'))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_isolated_piece_keeps_its_letters_and_loses_its_controls() {
        let hostile = "Dana \u{202e}Patel\u{2069}\u{2066}";
        assert_eq!(isolate(hostile), "\u{2068}Dana Patel\u{2069}");
        assert_eq!(isolate("دانا"), "\u{2068}دانا\u{2069}");
    }

    #[test]
    fn a_sentence_splits_into_own_words_and_isolated_pieces() {
        let s = format!("Approved by {} ({}).", isolate("Riverside \u{202e}DPO"), isolate("1 May"));
        assert_eq!(
            pieces(&s),
            vec![(false, "Approved by "), (true, "Riverside DPO"), (false, " ("), (true, "1 May"), (false, ").")]
        );
        assert_eq!(pieces("No user text."), vec![(false, "No user text.")]);
        assert_eq!(pieces(&isolate("")), vec![(true, "")]);
    }

    #[test]
    fn plain_text_has_no_controls_but_keeps_lines_tabs_and_every_script() {
        let typed = "\u{0}Dana\u{202e} \u{2066}Patel\u{200f}\u{85}\u{7f}\tعلي\r\n";
        assert_eq!(plain(typed), "Dana Patel\tعلي\r\n");
        assert_eq!(plain(&isolate("x")), "x");
    }
}
