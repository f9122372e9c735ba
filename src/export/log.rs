//! The DPO's log of approved tools as it leaves the widget: the
//! `config.json` their published widget reads, a web page to publish, and
//! CSV for a spreadsheet. Each lists the tools in the log's order
//! (`DpoLog::list`), and treats every typed word as text.

use serde::Serialize;

use super::report::{bdi, escape_html};
use crate::config::{Config, LogEntry};
use crate::content::Content;
use crate::dpo_log::{tool_name, DpoLog};
use crate::summary::long_date;
use crate::user_text::plain;

/// The page's title and main heading.
pub const PAGE_TITLE: &str = "Our log of approved video tools";

#[derive(Serialize)]
struct ConfigFile<'a> {
    /// Settings that start with `_` are ignored by the widget: a note for
    /// whoever puts the file in place.
    _comment: String,
    #[serde(flatten)]
    config: &'a Config,
}

/// `config.json` for the DPO's own widget: their name as the publisher and
/// the log as `approved_tools`, with every other setting empty, ready to
/// fill in. `config::parse` reads it back with no problem.
pub fn config_json(log: &DpoLog, content: &Content, today: &str) -> String {
    let config = Config {
        // The widget reads at most 200 characters of a publisher's name.
        publisher: log.publisher.trim().chars().take(200).collect::<String>().trim().to_string(),
        approved_tools: log.list(content).into_iter().cloned().collect(),
        ..Config::default()
    };
    let comment = format!(
        "Made by Video Tool Check from your log of approved tools on {today}. Put it beside index.html as config.json. Fill in dpo and ig_contact; the README says what each setting does."
    );
    serde_json::to_string_pretty(&ConfigFile { _comment: comment, config: &config })
        .expect("a configuration always converts to JSON")
}

/// A name for a downloaded file: `video-tool-check-log-2026-12-02.csv`.
pub fn file_name(today: &str, extension: &str) -> String {
    let date: String = today.chars().filter(|c| c.is_ascii_digit() || *c == '-').collect();
    format!("video-tool-check-log-{date}.{extension}")
}

const STYLE: &str = "body{font-family:Arial,sans-serif;color:#212b32;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}\
h1{font-size:2rem;margin-bottom:.5rem}a{color:#005eb8}a:visited{color:#330072}a:focus{outline:3px solid #ffeb3b;background:#ffeb3b;color:#212b32}\
table{border-collapse:collapse;width:100%;margin-top:1.5rem}caption{text-align:left;font-weight:bold;font-size:1.2rem;padding-bottom:.5rem}\
th,td{text-align:left;vertical-align:top;border-bottom:1px solid #d8dde0;padding:.5rem .75rem .5rem 0;overflow-wrap:anywhere}\
thead th{border-bottom:2px solid #4c6272}.small{font-size:.9rem;color:#4c6272}\
@media (max-width:40em){thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}\
table,caption,tbody,tr,th,td{display:block}tr{border-bottom:2px solid #d8dde0;padding:.5rem 0}th,td{border:0;padding:.15rem 0}\
td::before{content:attr(data-label) \": \";font-weight:bold}}\
@media print{body{margin:0;max-width:none;font-size:10pt}a{color:#212b32}a[href]::after{content:\" (\" attr(href) \")\"}thead{display:table-header-group}tr{break-inside:avoid}}\
@page{size:A4;margin:15mm}";

/// The log as a web page to publish: dated, one table row a tool, with a
/// header cell for each row so a screen reader says which tool each cell is
/// about. It needs no network and prints on A4.
pub fn html(log: &DpoLog, content: &Content, today: &str) -> String {
    let e = escape_html;
    let publisher = log.publisher.trim();
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // A title is plain text: no element can isolate anything in it.
    let title =
        if publisher.is_empty() { PAGE_TITLE.to_string() } else { format!("{PAGE_TITLE} – {}", plain(publisher)) };
    h.push_str(&format!("<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n", e(&title)));
    h.push_str(&format!("<h1>{}</h1>\n", e(PAGE_TITLE)));
    if !publisher.is_empty() {
        h.push_str(&format!("<p><strong>{}</strong></p>\n", bdi(publisher)));
    }
    h.push_str(&format!("<p>Last updated {}.</p>\n", bdi(&long_date(today))));
    h.push_str(
        "<p>These are the video tools we have looked at, and what we decided. Being on this log does not replace your \
         own local risk assessment and data protection impact assessment (DPIA) for how you use a tool.</p>\n",
    );
    let entries = log.list(content);
    if entries.is_empty() {
        h.push_str("<p>There are no tools in the log yet.</p>\n");
    } else {
        h.push_str(&format!(
            "<table>\n<caption>{} video tools, in order of name</caption>\n<thead><tr>",
            entries.len()
        ));
        for column in COLUMNS {
            h.push_str(&format!("<th scope=\"col\">{column}</th>"));
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for entry in entries {
            h.push_str(&row(entry, content));
        }
        h.push_str("</tbody>\n</table>\n");
    }
    h.push_str("<p class=\"small\">Made with Video Tool Check.</p>\n</main>\n</body>\n</html>\n");
    h
}

const COLUMNS: [&str; 5] = ["Tool", "Status", "Conditions", "Our assessment", "Date of decision"];

fn row(entry: &LogEntry, content: &Content) -> String {
    let name = tool_name(&entry.tool, content);
    let none = || escape_html("None");
    let conditions = if entry.conditions.is_empty() { none() } else { bdi(&entry.conditions) };
    // The link's words name the tool, so a list of the page's links still
    // says where each goes. Only https:// links get this far (LogEntry::problems).
    let assessment = if entry.assessment_url.is_empty() {
        escape_html("Not published")
    } else {
        format!("<a href=\"{}\">Our assessment of {}</a>", escape_html(&entry.assessment_url), bdi(name))
    };
    let date = if entry.date.is_empty() { escape_html("Not recorded") } else { bdi(&long_date(&entry.date)) };
    format!(
        "<tr><th scope=\"row\">{}</th><td data-label=\"{}\">{}</td><td data-label=\"{}\">{conditions}</td><td data-label=\"{}\">{assessment}</td><td data-label=\"{}\">{date}</td></tr>\n",
        bdi(name),
        COLUMNS[1],
        escape_html(entry.status.label()),
        COLUMNS[2],
        COLUMNS[3],
        COLUMNS[4]
    )
}

/// The log as CSV (RFC 4180: commas, double quotes, CRLF line ends) with a
/// header row, for a spreadsheet.
///
/// Written by hand rather than with the well-kept `csv` crate, because of
/// what the crate costs in the download. Measured on 2026-12-02 with
/// `scripts/trunk-release.sh build`, the same code otherwise: with `csv` 1.2.2
/// writing the same rows (and no `unwrap`), the release `.wasm` was 872,491
/// bytes, 336,359 gzip; with these fifteen lines, 849,088 bytes, 319,381 gzip:
/// the crate adds about 23 KB, 17 KB gzip (its `std::io` writer and error
/// types), for five columns written and never read back.
pub fn csv(log: &DpoLog, content: &Content) -> String {
    // A byte-order mark, so spreadsheet programs read the text as UTF-8.
    let mut out = String::from("\u{feff}");
    let mut line = |cells: [&str; 5]| {
        let cells: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    };
    line(["Tool", "Status", "Conditions", "Link to our assessment", "Date of decision"]);
    for e in log.list(content) {
        line([tool_name(&e.tool, content), e.status.label(), &e.conditions, &e.assessment_url, &e.date]);
    }
    out
}

/// One cell: without invisible controls (as every plain-text export), kept
/// from being read as a formula by a spreadsheet (a cell that starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
/// apostrophe, as OWASP advises), and quoted when it must be.
fn csv_cell(text: &str) -> String {
    let text = plain(text);
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text };
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{parse, Approval};
    use crate::dpo_log::tests::entry;

    fn sample() -> DpoLog {
        let mut log = DpoLog { publisher: "Example DPO Service".into(), ..Default::default() };
        let mut teams = entry("teams", Approval::ApprovedWithConditions);
        teams.conditions = "NHSmail Teams only.".into();
        teams.assessment_url = "https://example.org/log/teams.pdf".into();
        log.add_or_replace(teams).unwrap();
        log.add_or_replace(entry("whatsapp", Approval::NotApproved)).unwrap();
        log.add_or_replace(entry("Pexip", Approval::UnderReview)).unwrap();
        log
    }

    /// Hostile text in every field a DPO types.
    fn hostile() -> DpoLog {
        let mut log =
            DpoLog { publisher: "<script>alert(1)</script> \u{202e}Evil\" & Co".into(), ..Default::default() };
        let mut e = entry("=HYPERLINK(\"https://evil.example\",\"x\") </td><b>", Approval::Approved);
        e.conditions = "-2+3, \"quoted\"\nnew line <img src=x onerror=alert(1)> \u{202e}desrever".into();
        e.assessment_url = "https://example.org/?a=1&b=\"><script>alert(2)</script>".into();
        e.date = "@SUM(A1)".into();
        log.add_or_replace(e).unwrap();
        log.add_or_replace(entry("+tool", Approval::NotApproved)).unwrap();
        log
    }

    #[test]
    fn the_config_json_is_read_back_by_the_widget_with_no_problem() {
        let content = Content::builtin();
        for log in [sample(), hostile(), DpoLog::default()] {
            let text = config_json(&log, content, "2026-12-02");
            let (config, problems) = parse(&text, content);
            assert_eq!(problems, Vec::<String>::new(), "{text}");
            assert_eq!(config.publisher, log.publisher.trim());
            assert_eq!(config.approved_tools, log.list(content).into_iter().cloned().collect::<Vec<_>>());
        }
        let long = DpoLog { publisher: "x".repeat(300), ..sample() };
        let (c, problems) = parse(&config_json(&long, content, "2026-12-02"), content);
        assert!(problems.is_empty() && c.publisher.len() == 200, "{problems:?}");
        let c = parse(&config_json(&sample(), content, "2026-12-02"), content).0;
        assert_eq!(c.log_entry("teams").unwrap().status, Approval::ApprovedWithConditions);
        assert_eq!(c.log_entry("pexip").unwrap().status, Approval::UnderReview);
        assert_eq!(c.accent_colour, None);
    }

    #[test]
    fn the_page_is_dated_and_has_a_row_a_tool_in_name_order() {
        let content = Content::builtin();
        let page = html(&sample(), content, "2026-12-02");
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
        assert!(page.contains("<title>Our log of approved video tools – Example DPO Service</title>"));
        assert!(page.contains("<h1>Our log of approved video tools</h1>"));
        assert!(page.contains("Last updated <bdi>2 December 2026</bdi>."));
        assert!(page.contains("<caption>3 video tools, in order of name</caption>"));
        assert!(page.contains("@page{size:A4"));
        let teams = page.find("<bdi>Microsoft Teams</bdi></th>").unwrap();
        let pexip = page.find("<bdi>Pexip</bdi></th>").unwrap();
        let whatsapp = page.find("<bdi>WhatsApp</bdi></th>").unwrap();
        assert!(teams < pexip && pexip < whatsapp, "{page}");
        assert!(page.contains(
            "<a href=\"https://example.org/log/teams.pdf\">Our assessment of <bdi>Microsoft Teams</bdi></a>"
        ));
        assert!(page.contains("<td data-label=\"Status\">Approved with conditions</td>"));
        assert_eq!(page.matches("<tr>").count(), 4, "a header row and a row a tool");
        assert!(html(&DpoLog::default(), content, "2026-12-02").contains("There are no tools in the log yet."));
    }

    #[test]
    fn the_page_shows_typed_text_as_text() {
        let page = html(&hostile(), Content::builtin(), "2026-12-02");
        assert!(!page.contains("<script>") && !page.contains("<img") && !page.contains("<b>"), "{page}");
        assert!(!page.contains("\u{202e}"), "bidirectional controls are left out");
        assert!(page.contains("<bdi>&lt;script&gt;alert(1)&lt;/script&gt; Evil&quot; &amp; Co</bdi>"), "{page}");
        assert!(page.contains("href=\"https://example.org/?a=1&amp;b=&quot;&gt;&lt;script&gt;"), "{page}");
        assert!(page.contains("<title>Our log of approved video tools – &lt;script&gt;"), "{page}");
    }

    #[test]
    fn csv_has_a_header_quotes_what_it_must_and_no_formulas() {
        let content = Content::builtin();
        let text = csv(&sample(), content);
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "Tool,Status,Conditions,Link to our assessment,Date of decision");
        assert_eq!(
            lines[1],
            "Microsoft Teams,Approved with conditions,NHSmail Teams only.,https://example.org/log/teams.pdf,2026-12-01"
        );
        assert_eq!(lines[2], "Pexip,Under review,,,2026-12-01");
        assert_eq!(lines.len(), 5, "three tools, the header and the final line end");

        let text = csv(&hostile(), content);
        assert!(!text.contains('\u{202e}'));
        assert!(text.contains("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\") </td><b>\""), "{text}");
        assert!(text.contains(",\"'-2+3, \"\"quoted\"\"\nnew line"), "{text}");
        assert!(text.contains(",'@SUM(A1)\r\n"), "{text}");
        assert!(text.contains("\r\n'+tool,Not approved,"), "{text}");
    }

    #[test]
    fn each_cell_is_guarded_and_quoted() {
        for (typed, cell) in [
            ("plain", "plain"),
            ("=1+1", "'=1+1"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@x", "'@x"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("x\u{0}y\u{202e}z", "xyz"),
            ("1-2", "1-2"),
        ] {
            assert_eq!(csv_cell(typed), cell, "{typed:?}");
        }
    }

    #[test]
    fn file_names_carry_the_date() {
        assert_eq!(file_name("2026-12-02", "csv"), "video-tool-check-log-2026-12-02.csv");
    }
}
