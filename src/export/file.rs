//! The JSON download and reading a file back in. Import accepts the HTML
//! report (which carries the JSON inside it), the JSON file, either of them
//! with its extension lost or changed, and any older format version.

use crate::assessment::Assessment;
use crate::export::report;
use crate::storage::{self, LoadError, MAX_FILE_BYTES};
use crate::summary::DpoSummary;

/// The JSON download: the assessment file format, laid out for people, with
/// the evidence map a DPO files against their toolkit submission.
pub fn json(a: &Assessment, summary: &DpoSummary, name: &str) -> String {
    storage::encode_pretty_with_evidence(a, &summary.date, name, &summary.evidence)
}

#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub assessment: Assessment,
    pub name: String,
    /// The date the file was saved, as written in it.
    pub saved: String,
}

/// Why a chosen file was not imported. The import screen says it as a sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// Bigger than any Video Tool Check file: probably the wrong file.
    TooBig { bytes: usize },
    /// Neither a report nor a JSON file from the widget.
    NotOurs,
    /// One of ours, but it cannot be read: damaged, or from a newer version.
    Unreadable(LoadError),
}

/// Reads a chosen file. `size` is the file's size in bytes, checked before
/// the text is trusted.
pub fn read(size: usize, text: &str) -> Result<Imported, ImportError> {
    if size > MAX_FILE_BYTES || text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooBig { bytes: size.max(text.len()) });
    }
    let text = text.trim_start_matches('\u{feff}').trim();
    let json = if text.starts_with('{') {
        text.to_string()
    } else {
        report::embedded_data(text).ok_or(ImportError::NotOurs)?
    };
    let parsed =
        storage::decode_file(&json).map(|f| Imported { assessment: f.assessment, name: f.name, saved: f.saved });
    match parsed {
        Ok(imported) => Ok(imported),
        // A whole library (say, copied out of local storage) brings its current one.
        Err(LoadError::OtherFormat { .. }) if json.contains(storage::LIBRARY_FORMAT) => storage::decode_library(&json)
            .map(|lib| {
                let current = lib.current().clone();
                Imported { assessment: current.assessment, name: current.name, saved: current.updated }
            })
            .map_err(ImportError::Unreadable),
        Err(e) => Err(ImportError::Unreadable(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::tests::complete_gp_teams;
    use crate::content::Content;
    use crate::summary::DpoSummary;

    #[test]
    fn the_html_report_and_the_json_both_come_back() {
        let content = Content::builtin();
        let a = complete_gp_teams();
        let html = report::html(&a, content, &DpoSummary::new(&a, content, "2026-11-22"));
        assert_eq!(read(html.len(), &html).unwrap().assessment, a);
        let j = json(&a, &DpoSummary::new(&a, content, "2026-11-22"), "Teams 2026");
        let back = read(j.len(), &j).unwrap();
        assert_eq!(back.assessment, a);
        assert_eq!(back.name, "Teams 2026");
        assert_eq!(back.saved, "2026-11-22");
        // The evidence map rides along for people, and is not read back.
        let file: serde_json::Value = serde_json::from_str(&j).unwrap();
        let first = &file["evidence"][0];
        assert!(first["framework"].is_string() && first["item"].is_string(), "{first}");
        assert!(first["checks"][0]["answer"].is_string(), "{first}");
        // With a byte-order mark, as some editors save it.
        let bom = format!("\u{feff}{j}");
        assert_eq!(read(bom.len(), &bom).unwrap().assessment, a);
    }

    #[test]
    fn older_formats_and_libraries_import() {
        let v1 = include_str!("../../tests/saved/v1.json");
        assert_eq!(read(v1.len(), v1).unwrap().assessment.about.org_name, "Oak House Care Home");
        let v2 = include_str!("../../tests/saved/v2.json");
        assert_eq!(read(v2.len(), v2).unwrap().name, "Zoom review 2026");
    }

    #[test]
    fn bad_files_are_refused_with_the_reason() {
        let not_json = |e: &ImportError| matches!(e, ImportError::Unreadable(LoadError::NotJson { .. }));
        assert_eq!(read(0, ""), Err(ImportError::NotOurs));
        assert_eq!(read(31, "<html><body>Hello</body></html>"), Err(ImportError::NotOurs));
        assert_eq!(read(14, "\u{0}\u{1}PK\u{3}\u{4}binary"), Err(ImportError::NotOurs));
        assert!(not_json(
            &read(64, "{\"format\":\"video-tool-check/assessment\",\"version\":1,\"assessment\":").unwrap_err()
        ));
        assert_eq!(
            read(70, "{\"format\":\"video-tool-check/assessment\",\"version\":9,\"assessment\":{}}"),
            Err(ImportError::Unreadable(LoadError::TooNew(9)))
        );
        assert_eq!(
            read(30, "{\"format\":\"other\",\"version\":1}"),
            Err(ImportError::Unreadable(LoadError::OtherFormat { format: "other".into(), version: 1 }))
        );
        assert_eq!(read(MAX_FILE_BYTES + 1, "{}"), Err(ImportError::TooBig { bytes: MAX_FILE_BYTES + 1 }));
    }

    #[test]
    fn thousands_of_damaged_files_never_panic_or_hang() {
        use crate::fuzz::{mutate, nested, Rng};
        let content = Content::builtin();
        let a = complete_gp_teams();
        let seeds = [
            report::html(&a, content, &DpoSummary::new(&a, content, "2026-11-22")),
            json(&a, &DpoSummary::new(&a, content, "2026-11-22"), "Teams"),
            include_str!("../../tests/saved/v1.json").to_string(),
            include_str!("../../tests/saved/v2.json").to_string(),
        ];
        let started = std::time::Instant::now();
        let mut rng = Rng::new(20261122);
        let mut accepted = 0;
        for i in 0..4000 {
            let text = mutate(&mut rng, &seeds[i % seeds.len()]);
            if read(text.len(), &text).is_ok() {
                accepted += 1;
            }
        }
        for depth in [10, 1000, 100_000] {
            assert!(read(depth * 2, &nested(depth)).is_err());
        }
        assert!(accepted > 0, "no variation was still readable: the mutations are too harsh to mean anything");
        assert!(started.elapsed().as_secs() < 20, "the import parser is too slow: {:?}", started.elapsed());
    }

    /// `n` answers to made-up checks, in the worst order for a sorted list:
    /// each id sorts before all the ones already read.
    fn file_with_answers(n: usize) -> String {
        let answers: Vec<String> = (0..n).rev().map(|i| format!("\"c{i:06}\":\"no\"")).collect();
        format!(
            "{{\"format\":\"video-tool-check/assessment\",\"version\":1,\"assessment\":{{\"answers\":{{{}}}}}}}",
            answers.join(",")
        )
    }

    #[test]
    fn a_file_with_more_answers_than_any_assessment_is_refused_quickly() {
        let text = file_with_answers(130_000);
        assert!(text.len() < crate::storage::MAX_FILE_BYTES, "under the size limit, so only the count stops it");
        let started = std::time::Instant::now();
        let err = read(text.len(), &text).unwrap_err();
        let ImportError::Unreadable(LoadError::Damaged { at, problem }) = err else { panic!("{err:?}") };
        assert_eq!(at, "assessment.answers");
        assert_eq!(problem, "130000 entries, but no assessment has more than 1000");
        assert!(started.elapsed().as_secs() < 5, "refusing took {:?}", started.elapsed());
        // As many as allowed, all out of order, still read, and quickly.
        let text = file_with_answers(crate::by_check::MAX_ENTRIES);
        let started = std::time::Instant::now();
        let imported = read(text.len(), &text).expect("a file of checks this version does not know still reads");
        assert_eq!(imported.assessment.answers.len(), crate::by_check::MAX_ENTRIES);
        assert_eq!(imported.assessment.answers.iter().next().map(|(id, _)| id), Some("c000000"));
        assert!(started.elapsed().as_millis() < 1000, "reading took {:?}", started.elapsed());
    }

    #[test]
    fn a_report_cannot_smuggle_markup_through_import() {
        let content = Content::builtin();
        let mut a = complete_gp_teams();
        a.about.org_name = "</script><script>alert(1)</script>".into();
        let html = report::html(&a, content, &DpoSummary::new(&a, content, "2026-11-22"));
        assert_eq!(read(html.len(), &html).unwrap().assessment.about.org_name, a.about.org_name);
    }
}
