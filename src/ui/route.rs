//! Screens are addressed by the URL's hash, so the browser's Back button and a
//! reload both keep the user where they were, even inside an iframe.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    Start,
    About,
    Tool,
    Compare,
    Assessments,
    Section(String),
    Summary,
    Review,
    /// A DPO's log of approved tools.
    Log,
    /// For DPOs: the settings, written to a config.json without writing JSON.
    Setup,
}

impl Screen {
    /// Reads `location.hash`, with or without its leading `#`.
    pub fn from_hash(hash: &str) -> Screen {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path {
            "about" => Screen::About,
            "tool" => Screen::Tool,
            "compare" => Screen::Compare,
            "assessments" => Screen::Assessments,
            "summary" => Screen::Summary,
            "review" => Screen::Review,
            "log" => Screen::Log,
            "setup" => Screen::Setup,
            p => match p.strip_prefix("section/") {
                Some(id) if !id.is_empty() => Screen::Section(id.to_string()),
                _ => Screen::Start,
            },
        }
    }

    /// A link to a screen of the DPO's tools: on their own page, `dpo/`,
    /// from the practices' widget, and within the page in the DPO's.
    pub fn dpo_href(&self) -> String {
        if cfg!(feature = "dpo") {
            self.to_hash()
        } else {
            format!("dpo/{}", self.to_hash())
        }
    }

    pub fn to_hash(&self) -> String {
        match self {
            Screen::Start => "#/".to_string(),
            Screen::About => "#/about".to_string(),
            Screen::Tool => "#/tool".to_string(),
            Screen::Compare => "#/compare".to_string(),
            Screen::Assessments => "#/assessments".to_string(),
            Screen::Section(id) => format!("#/section/{id}"),
            Screen::Summary => "#/summary".to_string(),
            Screen::Review => "#/review".to_string(),
            Screen::Log => "#/log".to_string(),
            Screen::Setup => "#/setup".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_round_trip() {
        for s in [
            Screen::Start,
            Screen::About,
            Screen::Tool,
            Screen::Compare,
            Screen::Assessments,
            Screen::Section("risk".into()),
            Screen::Summary,
            Screen::Review,
            Screen::Log,
            Screen::Setup,
        ] {
            assert_eq!(Screen::from_hash(&s.to_hash()), s);
        }
        assert_eq!(Screen::from_hash(""), Screen::Start);
        assert_eq!(Screen::from_hash("#/section/"), Screen::Start);
        assert_eq!(Screen::from_hash("/nonsense"), Screen::Start);
        assert_eq!(Screen::from_hash("/section/dpia"), Screen::Section("dpia".into()));
    }
}
