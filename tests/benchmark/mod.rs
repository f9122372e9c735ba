//! The benchmark's parts beside tests/bench.rs: a static host that caches as a
//! real one does, the DevTools commands for a slow link and a first visit, and
//! the SurveyJS page it is compared with.

pub mod cdp;
pub mod server;
pub mod surveyjs;
