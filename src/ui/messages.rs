//! Where the widget's error types become the sentences a person reads. The
//! domain says what went wrong; only the screens decide how to say it.

use super::browser_storage::SaveError;
use crate::export::file::ImportError;
use crate::storage::LoadError;
use crate::user_text::isolate;

/// Why saved answers could not be read, as the warning on start says it.
pub fn load_error(e: &LoadError) -> String {
    match e {
        LoadError::TooNew(v) => format!(
            "The saved answers come from a newer version of this tool (format {v}). Ask whoever publishes this page to update it."
        ),
        other => format!("The saved answers could not be read ({}).", load_error_detail(other)),
    }
}

fn load_error_detail(e: &LoadError) -> String {
    match e {
        LoadError::NotJson { line, column } => {
            format!("they are not a saved Video Tool Check: the text is cut short or damaged at line {line}, column {column}")
        }
        LoadError::NotOurs => "they are not a saved Video Tool Check".to_string(),
        LoadError::OtherFormat { format, version } => format!("its format is '{}' version {version}", isolate(format)),
        // The place and the problem quote the file, so each is isolated.
        LoadError::Damaged { at, problem } if at.is_empty() || at == "." => isolate(problem),
        LoadError::Damaged { at, problem } => format!("{}: {}", isolate(at), isolate(problem)),
        LoadError::Empty => "it holds no assessments".to_string(),
        LoadError::TooNew(v) => format!("it comes from a newer version, format {v}"),
    }
}

/// Why a chosen file was not imported.
pub fn import_error(e: &ImportError) -> String {
    match e {
        ImportError::TooBig { bytes } => format!(
            "This file is too big ({} MB). A Video Tool Check file is much smaller, so check you chose the right one.",
            crate::one_decimal(*bytes as f64 / 1_048_576.0)
        ),
        ImportError::NotOurs => {
            "This file is not a Video Tool Check report or JSON file. Choose a file you downloaded from Video Tool Check."
                .to_string()
        }
        ImportError::Unreadable(LoadError::TooNew(v)) => format!(
            "This file comes from a newer version of this tool (format {v}). Ask whoever publishes this page to update it."
        ),
        ImportError::Unreadable(e) => format!("The file could not be read ({}).", load_error_detail(e)),
    }
}

/// Why the DPO's saved log of approved tools could not be read, and where
/// it is now: left in place for the newer version that saved it, or set
/// aside in this browser.
pub fn log_load_error(e: &LoadError, in_place: bool) -> String {
    let why = match e {
        LoadError::TooNew(v) => format!("It comes from a newer version of Video Tool Check (format {v})."),
        other => format!("It could not be read ({}).", load_error_detail(other)),
    };
    let kept = if in_place {
        "It is kept in this browser as it was, and this page will not save over it. Download it, and use the newer version to change it."
    } else {
        "It is set aside in this browser, not deleted. Download it and send it to whoever supports this page. What you add here starts a new log."
    };
    format!("{why} {kept}")
}

/// Why the latest change to the DPO's log is not saved. The warning adds what to do.
pub fn log_save_error(e: SaveError) -> &'static str {
    match e {
        SaveError::Unavailable => "This browser is not letting the page save your log.",
        SaveError::Refused => "Your browser's storage is full or refused to save.",
        SaveError::NotOursToOverwrite => "A log this page did not write is saved in this browser, perhaps by a newer version of Video Tool Check or in another tab or window. So that it is not written over, this page has not saved. Reload the page to see it.",
    }
}

/// Why a reviewed decision did not go into the DPO's log of approved tools.
pub fn add_to_log_error(e: &super::browser_storage::AddToLogError) -> String {
    use super::browser_storage::AddToLogError;
    use crate::dpo_log::AddError;
    match e {
        AddToLogError::Unreadable(error) => {
            format!("Your saved log could not be read, so nothing was added. {}", log_load_error(error, true))
        }
        AddToLogError::Invalid(AddError::Full) => {
            "Your log is full. Remove a tool from it before you add this one.".to_string()
        }
        AddToLogError::Invalid(AddError::Invalid(_)) => {
            "This decision cannot go into the log as it is: the tool or the conditions are missing or too long. Add it on your log's page instead.".to_string()
        }
        AddToLogError::NotSaved(e) => format!("{} Nothing was added.", log_save_error(*e)),
    }
}

/// Why the latest answers are not saved. The warning adds what to do.
pub fn save_error(e: SaveError) -> &'static str {
    match e {
        SaveError::Unavailable => "This browser is not letting the page save your answers.",
        SaveError::Refused => "Your browser's storage is full or refused to save.",
        SaveError::NotOursToOverwrite => "Answers this page could not read are saved in this browser, perhaps by a newer version of Video Tool Check or in another tab or window. So that they are not written over, this page has not saved. Reload the page to see them.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_reads_as_a_sentence_that_says_what_to_do_or_why() {
        let damaged =
            LoadError::Damaged { at: "assessment.answers.x".into(), problem: "\"maybe\" is not one of yes".into() };
        assert_eq!(
            load_error(&damaged),
            "The saved answers could not be read (\u{2068}assessment.answers.x\u{2069}: \u{2068}\"maybe\" is not one of yes\u{2069})."
        );
        assert!(load_error(&LoadError::NotJson { line: 1, column: 2 }).contains("line 1, column 2"));
        assert!(load_error(&LoadError::TooNew(3)).contains("newer version"));
        assert!(import_error(&ImportError::NotOurs).contains("not a Video Tool Check report"));
        assert!(import_error(&ImportError::TooBig { bytes: 3 * 1_048_576 }).contains("too big (3.0 MB)"));
        assert!(import_error(&ImportError::Unreadable(damaged)).starts_with("The file could not be read"));
        assert!(import_error(&ImportError::Unreadable(LoadError::TooNew(9))).contains("newer version"));
        assert!(save_error(SaveError::NotOursToOverwrite).contains("could not read"));
        assert!(save_error(SaveError::Refused).contains("full"));
    }

    #[test]
    fn every_damaged_file_is_refused_with_a_sentence() {
        use crate::fuzz::{mutate, Rng};
        let seed = include_str!("../../tests/saved/v2.json");
        let mut rng = Rng::new(42);
        for _ in 0..2000 {
            let text = mutate(&mut rng, seed);
            if let Err(e) = crate::export::file::read(text.len(), &text) {
                let sentence = import_error(&e);
                assert!(sentence.ends_with('.') && sentence.len() > 40, "{text:?} gave {sentence:?}");
            }
        }
    }
}
