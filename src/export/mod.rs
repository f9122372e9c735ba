//! Ways the summary leaves the widget. Each one treats every string the user
//! typed as text: escaped for HTML, percent-encoded for links.

pub mod email;
pub mod file;
pub mod log;
pub mod report;
