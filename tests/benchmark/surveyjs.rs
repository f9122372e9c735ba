//! The peer: SurveyJS (`survey-core` and `survey-js-ui` from npm, a
//! development dependency only) rendering the widget's first section's checks
//! from a SurveyJS JSON made here from the widget's own content, so the two
//! stay in step.

use super::server::Served;
use serde_json::{json, Value};
use video_tool_check::assessment::Answer;
use video_tool_check::content::Content;

/// Where the page lives on the benchmark's host: a folder of its own, outside
/// the widget's, so that the widget's service worker (whose scope is the
/// widget's folder) never answers for it.
pub const PATH: &str = "/surveyjs/";

/// The first section's checks as a SurveyJS survey: one page, a radio group of
/// Yes, No and Not sure for each check, with why it matters as its description.
pub fn survey_json() -> Value {
    let content = Content::builtin();
    let section = &content.sections[0];
    let questions: Vec<Value> = content
        .checks
        .iter()
        .filter(|c| c.section == section.id)
        .map(|c| {
            json!({
                "type": "radiogroup",
                "name": c.id,
                "title": c.statement,
                "description": c.why,
                "choices": Answer::ALL.iter().map(|a| json!({"value": a.key(), "text": a.label()})).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "title": "Video Tool Check",
        "pages": [{"name": section.id, "title": section.title, "description": section.intro, "elements": questions}],
    })
}

pub fn version() -> String {
    let package = std::fs::read_to_string(crate::support::repo().join("node_modules/survey-core/package.json"))
        .expect("survey-core is installed: npm ci (scripts/setup.sh)");
    let package: Value = serde_json::from_str(&package).unwrap();
    package["version"].as_str().unwrap().to_string()
}

/// The files of the SurveyJS page, keyed by path on the host: its HTML, and
/// SurveyJS's scripts and default theme under the version, as a CDN serves
/// them (so they are cached as immutable, like the widget's hashed files).
///
/// The theme is `survey-core.fontless.min.css`: the default theme without its
/// `@font-face` rules, which fetch Open Sans from Google's servers (this
/// machine cannot reach them, and the widget uses no web font either).
pub fn files() -> Vec<(String, Served)> {
    let version = version();
    let modules = crate::support::repo().join("node_modules");
    let assets = [
        ("survey-core/survey.core.min.js", "survey.core.min.js"),
        ("survey-js-ui/survey-js-ui.min.js", "survey-js-ui.min.js"),
        ("survey-core/survey-core.fontless.min.css", "survey-core.fontless.min.css"),
    ];
    let mut files: Vec<(String, Served)> = assets
        .iter()
        .map(|(from, name)| {
            let bytes = std::fs::read(modules.join(from)).unwrap_or_else(|_| panic!("{from} is missing: npm ci"));
            (format!("{PATH}{version}/{name}"), Served::new(name, bytes, true))
        })
        .collect();
    // Interactive as for the widget: the survey is drawn and its first
    // question's radios are in the page to be clicked.
    let page = format!(
        r#"<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Video Tool Check (SurveyJS)</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{version}/survey-core.fontless.min.css">
<script src="{version}/survey.core.min.js"></script>
<script src="{version}/survey-js-ui.min.js"></script>
</head>
<body>
<div id="survey"></div>
<script>
const survey = new Survey.Model({json});
const root = document.getElementById("survey");
const ready = () => root.querySelector("input[type=radio]");
let marked = false;
const mark = () => {{
  if (!marked && ready()) {{ marked = true; performance.mark("vtc-interactive"); }}
  return marked;
}};
survey.onAfterRenderSurvey.add(() => {{
  if (!mark()) {{
    const watch = new MutationObserver(() => {{ if (mark()) watch.disconnect(); }});
    watch.observe(root, {{ childList: true, subtree: true }});
  }}
}});
survey.render(root);
</script>
</body>
</html>
"#,
        json = survey_json()
    );
    files.push((format!("{PATH}index.html"), Served::new("index.html", page.into_bytes(), false)));
    files
}
