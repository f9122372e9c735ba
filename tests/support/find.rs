//! Finding what is on the page the way a person or a screen reader does: by
//! role and accessible name, by visible label, by visible text. The tests name
//! no element ids and no CSS classes; what they cannot name this way, the page
//! does not name for its users either.
//!
//! [`Query`] says what to find (`button("Save and continue")`,
//! `radio("What will you use the video tool for?", "Both")`,
//! `field("Owner").in_item("1. List the data")`); the `Browser` methods wait
//! for it, read it and act on it. The finding itself is `a11y.js`, run in the
//! page, and each name it matches is checked against the name the browser
//! gives the element (WebDriver's "computed label"), in each engine.

use super::{Browser, Engine};
use fantoccini::elements::{Element, ElementRef};
use serde_json::{json, Value};
use std::fmt;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// The finding library; every script that finds something starts with it.
const A11Y: &str = include_str!("a11y.js");

/// How WebDriver marks an element in a script's result.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// How long anything may take to appear.
const PATIENCE: Duration = Duration::from_secs(20);

/// Something on the page, described as a person would point it out.
#[derive(Clone, Debug)]
pub struct Query {
    kind: &'static str,
    name: String,
    how: &'static str,
    level: Option<u8>,
    item: Option<String>,
    item_how: &'static str,
    group: Option<String>,
    region: Option<String>,
}

impl Query {
    fn new(kind: &'static str, name: &str) -> Query {
        Query {
            kind,
            name: name.to_string(),
            how: "exact",
            level: None,
            item: None,
            item_how: "prefix",
            group: None,
            region: None,
        }
    }

    /// Only inside the list item whose heading starts with `heading`, such as
    /// one action of the action plan or one saved assessment.
    pub fn in_item(mut self, heading: &str) -> Query {
        self.item = Some(heading.to_string());
        self
    }

    /// Only inside the list item whose heading holds `words`, such as an
    /// action whose heading starts with its number.
    pub fn in_item_containing(mut self, words: &str) -> Query {
        self.item = Some(words.to_string());
        self.item_how = "contains";
        self
    }

    /// Only inside the group (fieldset) whose legend is `question`.
    pub fn in_group(mut self, question: &str) -> Query {
        self.group = Some(question.to_string());
        self
    }

    /// Only inside the region (alert, status, region...) called `name`.
    pub fn in_region(mut self, name: &str) -> Query {
        self.region = Some(name.to_string());
        self
    }

    /// A heading of this level only.
    pub fn level(mut self, level: u8) -> Query {
        self.level = Some(level);
        self
    }

    /// Its name starts with the name given, rather than being it.
    pub fn starting(mut self) -> Query {
        self.how = "prefix";
        self
    }

    /// The query as `a11y.js` takes it, for scripts of a test's own.
    pub fn to_json(&self) -> Value {
        json!({"kind": self.kind, "name": self.name, "how": self.how, "level": self.level,
               "item": self.item, "itemHow": self.item_how, "group": self.group, "region": self.region})
    }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {:?}", self.kind, self.name)?;
        if let Some(g) = &self.group {
            write!(f, " in the group {g:?}")?;
        }
        if let Some(i) = &self.item {
            write!(f, " in the item {i:?}")?;
        }
        if let Some(r) = &self.region {
            write!(f, " in the region {r:?}")?;
        }
        Ok(())
    }
}

/// A button (or anything with the role) by its accessible name.
pub fn button(name: &str) -> Query {
    Query::new("button", name)
}

/// A link by its accessible name: its text, visually hidden words included.
pub fn link(name: &str) -> Query {
    Query::new("link", name)
}

/// A text box, a file chooser or a select, by its label.
pub fn field(label: &str) -> Query {
    Query::new("field", label)
}

/// The radio labelled `option` in the group that asks `question`.
pub fn radio(question: &str, option: &str) -> Query {
    Query::new("radio", option).in_group(question)
}

/// A checkbox by its label.
pub fn checkbox(label: &str) -> Query {
    Query::new("checkbox", label)
}

/// A radio or a checkbox labelled `option` in the group that asks `question`.
pub fn choice(question: &str, option: &str) -> Query {
    Query::new("choice", option).in_group(question)
}

/// A group of controls (a fieldset) by its legend.
pub fn group(question: &str) -> Query {
    let mut q = Query::new("group", question);
    q.how = "question";
    q
}

/// A heading by its text.
pub fn heading(text: &str) -> Query {
    Query::new("heading", text)
}

/// A live region, alert or named region, by its name or, when it has none,
/// by its first heading.
pub fn region(name: &str) -> Query {
    Query::new("region", name)
}

/// A list item by the start of its heading.
pub fn item(heading: &str) -> Query {
    Query::new("item", heading).starting()
}

/// The summary line of a `<details>`, which opens and closes it.
pub fn disclosure(summary: &str) -> Query {
    Query::new("summary", summary)
}

/// A frame by its title.
pub fn frame(title: &str) -> Query {
    Query::new("frame", title)
}

/// The legend of the question a check asks, as the widget shows it.
pub fn question(check_id: &str) -> &'static str {
    video_tool_check::content::Content::builtin()
        .check(check_id)
        .unwrap_or_else(|| panic!("no check {check_id}"))
        .statement
}

/// A listed tool's name, as the widget shows it.
pub fn tool_name(tool_id: &str) -> &'static str {
    video_tool_check::content::Content::builtin().tool(tool_id).unwrap_or_else(|| panic!("no tool {tool_id}")).name
}

/// The questions on "About you", the tool screen and the comparison.
pub const ORG_TYPE: &str = "What type of organisation do you work for?";
pub const PURPOSE: &str = "What will you use the video tool for?";
pub const TOOL: &str = "Which video tool do you use, or plan to use?";
pub const COMPARE: &str = "Which tools do you want to compare?";

/// The DPIA screening question at the top of the DPIA section.
pub const DPIA_QUESTION: &str =
    "Will you use personal or confidential patient information with this tool in a way that an existing DPIA does not cover?";

/// The label of an answer given by its key, as the tests write answers.
fn answer_label(key: &str) -> &'static str {
    use video_tool_check::assessment::{Answer, DpiaDecision};
    Answer::ALL
        .into_iter()
        .find(|a| a.key() == key)
        .map(|a| a.label())
        .or_else(|| DpiaDecision::ALL.into_iter().find(|d| d.key() == key).map(|d| d.label()))
        .unwrap_or_else(|| panic!("no answer {key}"))
}

/// The check whose question has this legend. A legend may end with the
/// "Essential" tag.
fn check_id(legend: &str) -> String {
    video_tool_check::content::Content::builtin()
        .checks
        .iter()
        .find(|c| legend == c.statement || legend.strip_suffix(" Essential") == Some(c.statement))
        .unwrap_or_else(|| panic!("no check asks {legend:?}"))
        .id
        .to_string()
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One GET to the WebDriver server for what fantoccini has no method for.
fn webdriver_get(port: u16, path: &str) -> Option<Value> {
    webdriver_call(port, "GET", path)
}

/// One request with no body to the WebDriver server, made at once (no
/// async), so that it can be made while a browser is dropped. A driver may
/// keep the connection open after its answer, so the answer ends where its
/// Content-Length says.
pub(super) fn webdriver_call(port: u16, method: &str, path: &str) -> Option<Value> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let request = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).ok()?;
    let mut answer = Vec::new();
    let mut chunk = [0; 4096];
    loop {
        let read = stream.read(&mut chunk).ok()?;
        answer.extend_from_slice(&chunk[..read]);
        let text = String::from_utf8_lossy(&answer);
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length = head.lines().find_map(|l| {
                let (name, value) = l.split_once(':')?;
                name.eq_ignore_ascii_case("content-length").then(|| value.trim().parse::<usize>().ok())?
            });
            if length.is_some_and(|n| body.len() >= n) || (length.is_none() && read == 0) {
                return serde_json::from_str(body).ok();
            }
        }
        if read == 0 {
            return None;
        }
    }
}

impl Browser {
    /// Runs `body` in the page with the finding library `A` in scope.
    pub async fn a11y(&self, body: &str, args: Vec<Value>) -> Value {
        self.client.execute(&format!("{A11Y}\n{body}"), args).await.unwrap()
    }

    /// Runs `body` (which sees the query as `q`) until it returns something
    /// other than null, and returns that; fails after [`PATIENCE`] with `what`.
    async fn poll(&self, body: &str, arg: Value, what: impl fmt::Display) -> Value {
        let deadline = Instant::now() + PATIENCE;
        let script = format!("{A11Y}\nconst q = arguments[0];\n{body}");
        let mut error = None;
        loop {
            match self.client.execute(&script, vec![arg.clone()]).await {
                Ok(v) if !v.is_null() => return v,
                Ok(_) => {}
                // A page between two documents, say; or a mistake in the script.
                Err(e) => error = Some(e.to_string()),
            }
            assert!(
                Instant::now() < deadline,
                "{what}{}",
                error.map(|e| format!(" (last error: {e})")).unwrap_or_default()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    fn element(&self, v: &Value) -> Element {
        let id = v[ELEMENT_KEY].as_str().unwrap_or_else(|| panic!("not an element: {v}"));
        Element::from_element_id(self.client.clone(), ElementRef::from(id.to_string()))
    }

    /// The accessible name the browser computes for `el`: `Some(None)` where
    /// the driver cannot compute one (ChromeDriver answers "stale" for
    /// elements in a frame of another process, such as a sandboxed frame,
    /// though they are there), `None` if `el` has gone (redrawn) meanwhile.
    async fn computed_label(&self, el: &Element) -> Option<Option<String>> {
        let session = self.client.session_id().await.ok()??;
        let path = format!("/session/{session}/element/{}/computedlabel", el.element_id());
        let answer = webdriver_get(self._driver.port, &path)?;
        match answer["value"].as_str() {
            Some(label) => Some(Some(label.to_string())),
            // Still there for every other command: no label to be had here.
            None if el.tag_name().await.is_ok() => Some(None),
            None => None,
        }
    }

    /// Whether the browser's computed label is the name the page gives.
    fn same_name(&self, label: &str, name: &str, role: &Value) -> bool {
        label == name
            // Firefox's computed label of a file chooser goes on with its own
            // button's words: "… Browse… No file selected."
            || (self.engine() == Engine::Firefox
                && role == "file"
                && label.strip_prefix(name).is_some_and(|rest| rest.starts_with(" Browse…")))
    }

    /// Waits for what `q` describes: returns the element and what to click to
    /// use it (a radio's or a checkbox's label).
    async fn find_with_target(&self, q: &Query) -> (Element, Element) {
        let deadline = Instant::now() + PATIENCE;
        let script = format!(
            "{A11Y}\nconst r = A.resolve(arguments[0]);
             return r.error ? {{error: r.error}} : {{el: r.el, target: r.target, name: r.name, role: A.role(r.el)}};"
        );
        loop {
            let problem = match self.client.execute(&script, vec![q.to_json()]).await {
                Ok(found) if found["error"].is_string() => found["error"].as_str().unwrap().to_string(),
                Ok(found) => {
                    let (el, target) = (self.element(&found["el"]), self.element(&found["target"]));
                    match found["name"].as_str() {
                        // Found by its own name: the browser must give it that name too.
                        Some(name) => match self.computed_label(&el).await {
                            Some(Some(label)) if self.same_name(&norm(&label), name, &found["role"]) => {
                                return (el, target)
                            }
                            Some(None) => return (el, target),
                            Some(Some(label)) => {
                                format!("{} names it {label:?}, not {name:?}", self.engine().name())
                            }
                            None => "it was redrawn while being checked".to_string(),
                        },
                        None => return (el, target),
                    }
                }
                Err(e) => e.to_string(),
            };
            assert!(Instant::now() < deadline, "{q} never appeared: {problem}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits for what `q` describes and returns it.
    pub async fn find(&self, q: &Query) -> Element {
        self.find_with_target(q).await.0
    }

    /// How many things `q` describes are on view now; no waiting. Use it for
    /// "no longer there" only after something shows the page has finished.
    pub async fn count(&self, q: &Query) -> u64 {
        self.a11y("return A.count(arguments[0])", vec![q.to_json()]).await.as_u64().unwrap()
    }

    /// Whether what `q` describes is on view now; no waiting, as [`Browser::count`].
    pub async fn shows(&self, q: &Query) -> bool {
        self.count(q).await > 0
    }

    /// Waits until nothing `q` describes is on view.
    pub async fn gone(&self, q: &Query) {
        let what = format!("{q} is still there");
        self.poll("return A.count(q) === 0 ? true : null", q.to_json(), what).await;
    }

    /// Clicks what `q` describes, as a person does: a radio or a checkbox by
    /// its label. Leptos may redraw it between finding and clicking, so it is
    /// found again until the click lands.
    pub async fn click(&self, q: &Query) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let (_, target) = self.find_with_target(q).await;
            self.scroll_into_window(&target).await;
            if self.engine() == Engine::WebKit {
                self.drawn_twice().await;
            }
            match target.click().await {
                Ok(_) => return,
                Err(e) => assert!(Instant::now() < deadline, "could not click {q}: {e}"),
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the page has drawn two frames. WebKit scrolls a field
    /// that gets focus into view at its next frame, where Chromium does it
    /// at once: a click sent before that frame aims at where things were
    /// before the scroll, and lands on something else. Seen twice on a busy
    /// machine after a test moved focus to a field far up the page (WebKit's
    /// `scrollY` was unchanged just after `focus()` and changed a frame later).
    /// A tab the driver opens in WebKit stays hidden, and a hidden page
    /// draws no frames, so there it does not wait: nothing is drawn to miss.
    async fn drawn_twice(&self) {
        let script = "const done = arguments[0];
            if (document.visibilityState !== 'visible') return done(document.visibilityState);
            requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
        self.client.execute_async(script, vec![]).await.unwrap();
    }

    /// Firefox's and WebKit's drivers scroll what they click into view
    /// within its own frame only. The publisher's frame is as tall as the
    /// widget, so the thing may still be below the window, and their click
    /// lands on the host page instead. In a frame, this brings it to the
    /// middle of the window first, as a person scrolls to it: Firefox
    /// scrolls the host page for a frame's `scrollIntoView`; WebKit does not
    /// for a frame from another site, so the host page is scrolled from
    /// outside the frame, which is then entered again.
    async fn scroll_into_window(&self, target: &Element) {
        let arg = vec![serde_json::to_value(target).unwrap()];
        let in_frame = "if (window.parent === window) return null;
            arguments[0].scrollIntoView({block: 'center'});
            const r = arguments[0].getBoundingClientRect();
            const name = window.name;
            window.name = 'vtc-frame-' + Math.random();
            return {y: r.top + r.height / 2, name: window.name, was: name};";
        let Ok(found) = self.client.execute(in_frame, arg).await else { return };
        if found.is_null() || self.engine() != Engine::WebKit {
            return;
        }
        // The host page can tell its frames apart by their windows' names.
        self.client.enter_parent_frame().await.unwrap();
        // The host page resizes the frame when the widget's height changes:
        // scroll once the frame's height has held for two frames, or the
        // click could land where the thing was before.
        let scroll = "const [y, name, done] = arguments;
            const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === window[name]);
            let last = -1;
            const settle = () => {
              const height = frame.getBoundingClientRect().height;
              if (height !== last) {
                last = height;
                requestAnimationFrame(() => requestAnimationFrame(settle));
                return;
              }
              window.scrollBy(0, frame.getBoundingClientRect().top + y - innerHeight / 2);
              done(frame);
            };
            settle();";
        let args = vec![found["y"].clone(), found["name"].clone()];
        let frame = self.client.execute_async(scroll, args).await.unwrap();
        self.element(&frame).enter_frame().await.unwrap();
        let restore = "window.name = arguments[0]; return true";
        self.client.execute(restore, vec![found["was"].clone()]).await.unwrap();
    }

    /// Picks the option labelled `option` in the group that asks `question`.
    pub async fn choose(&self, question: &str, option: &str) {
        self.click(&choice(question, option)).await;
    }

    /// Clears the field `q` describes and types `text` into it.
    pub async fn type_into(&self, q: &Query, text: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let el = self.find(q).await;
            let typed = match el.clear().await {
                Ok(_) => el.send_keys(text).await,
                Err(e) => Err(e),
            };
            match typed {
                Ok(_) => return self.holds_what_was_typed(q, text).await,
                Err(e) => assert!(Instant::now() < deadline, "could not type into {q}: {e}"),
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until a text field holds all of `text` (as much as its
    /// `maxlength` lets in). WebKit's driver may answer before the page has
    /// taken every key, and the next step would move focus from under them.
    async fn holds_what_was_typed(&self, q: &Query, text: &str) {
        let script = format!(
            "{A11Y}\nconst [query, text] = arguments; const r = A.resolve(query); if (r.error) return r.error;
             const el = r.el;
             if (!['text', 'email', 'url', 'search', 'tel', 'textarea'].includes(el.type)) return true;
             return el.value === (el.maxLength > 0 ? text.slice(0, el.maxLength) : text) ? true : 'it holds ' + JSON.stringify(el.value);"
        );
        let deadline = Instant::now() + PATIENCE;
        loop {
            let now = self.client.execute(&script, vec![q.to_json(), json!(text)]).await;
            let problem = match now {
                Ok(Value::Bool(true)) => return,
                Ok(v) => v.to_string(),
                Err(e) => e.to_string(),
            };
            assert!(Instant::now() < deadline, "{q} never held {text:?}: {problem}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Types `text` into the field labelled `label`.
    pub async fn fill(&self, label: &str, text: &str) {
        self.type_into(&field(label), text).await;
    }

    /// Chooses `path` in the file chooser labelled `label`.
    pub async fn choose_file(&self, label: &str, path: &std::path::Path) {
        self.find(&field(label)).await.send_keys(&path.display().to_string()).await.unwrap();
    }

    /// What the field `q` describes holds.
    pub async fn value(&self, q: &Query) -> String {
        let v = self.poll("const r = A.resolve(q); return r.error ? null : r.el.value;", q.to_json(), q).await;
        v.as_str().unwrap().to_string()
    }

    /// Whether the radio or checkbox `q` describes is selected.
    pub async fn is_checked(&self, q: &Query) -> bool {
        self.poll("const r = A.resolve(q); return r.error ? null : r.el.checked;", q.to_json(), q).await == json!(true)
    }

    /// An attribute of what `q` describes, such as a link's `href`.
    pub async fn attr(&self, q: &Query, name: &str) -> Option<String> {
        let script = format!("const r = A.resolve(q); return r.error ? null : [r.el.getAttribute({})];", json!(name));
        let v = self.poll(&script, q.to_json(), q).await;
        v[0].as_str().map(str::to_string)
    }

    /// Where what `q` describes is drawn in the window, as a person sees it:
    /// `[top, left, width, height]` in CSS pixels. Read before and after
    /// something arrives unasked, it shows whether the page moved under a
    /// person's pointer.
    pub async fn drawn_at(&self, q: &Query) -> Value {
        let script = "const r = A.resolve(q); if (r.error) return null;
            const b = r.el.getBoundingClientRect();
            return [b.top, b.left, b.width, b.height];";
        self.poll(script, q.to_json(), q).await
    }

    /// The text shown in what `q` describes, line by line.
    pub async fn text(&self, q: &Query) -> String {
        let v = self.poll("const r = A.resolve(q); return r.error ? null : A.read(r.el);", q.to_json(), q).await;
        v.as_str().unwrap().to_string()
    }

    /// What an expandable part (`<details>`) shows, its summary line
    /// included, once it is open.
    pub async fn disclosed(&self, summary: &str) -> String {
        let q = disclosure(summary);
        let v = self
            .poll(
                "const r = A.resolve(q); const d = r.error ? null : r.el.closest('details');
                 const text = d && d.querySelector('.nhsuk-details__text');
                 return d && d.open && (!text || text.innerText.trim()) ? A.read(d) : null;",
                q.to_json(),
                format!("{q} is not open"),
            )
            .await;
        v.as_str().unwrap().to_string()
    }

    /// Waits until the text of what `q` describes holds `words`, and returns it all.
    pub async fn text_with(&self, q: &Query, words: &str) -> String {
        let script = format!(
            "const r = A.resolve(q); const t = r.error ? '' : A.read(r.el); return t.includes({}) ? t : null;",
            json!(words)
        );
        let v = self.poll(&script, q.to_json(), format!("{q} never said {words:?}")).await;
        v.as_str().unwrap().to_string()
    }

    /// Waits until the first list under the heading `text` has `n` items.
    pub async fn items_are(&self, text: &str, n: usize) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let items = self.items_under(text).await;
            if items.len() == n {
                return;
            }
            assert!(Instant::now() < deadline, "the list under {text:?} has {} items, not {n}: {items:?}", items.len());
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The accessible description (`aria-describedby`) of what `q` describes:
    /// what a screen reader says after its name, such as a radio's hint.
    pub async fn description(&self, q: &Query) -> String {
        let v = self.poll("const r = A.resolve(q); return r.error ? null : A.description(r.el);", q.to_json(), q).await;
        v.as_str().unwrap().to_string()
    }

    /// Moves keyboard focus to what `q` describes, as Tab would.
    pub async fn focus(&self, q: &Query) {
        let el = self.find(q).await;
        self.client
            .execute("arguments[0].focus(); return true", vec![serde_json::to_value(&el).unwrap()])
            .await
            .unwrap();
    }

    /// The page's main heading (level 1), once there is one.
    pub async fn h1(&self) -> String {
        self.poll("return A.h1();", Value::Null, "the page has no heading").await.as_str().unwrap().to_string()
    }

    /// Waits until the page's main heading reads `text`.
    pub async fn heading_is(&self, text: &str) {
        let what = format!("the heading never read {text:?}");
        self.poll("return A.h1() === q ? true : null;", json!(text), what).await;
    }

    /// Waits until the main heading a person sees reads `text`, whether the
    /// widget has started or its first screen from `index.html` is waiting for it.
    pub async fn sees_heading(&self, text: &str) {
        let what = format!("no heading read {text:?}");
        self.poll("return A.shownH1() === q ? true : null;", json!(text), what).await;
    }

    /// Waits until the page's main heading is no longer `text`.
    pub async fn leaves(&self, text: &str) {
        let what = format!("stuck on {text:?}");
        self.poll("const h = A.h1(); return h !== null && h !== q ? true : null;", json!(text), what).await;
    }

    /// The text under the heading `text`, up to the next heading of its rank
    /// or higher, within the box the heading heads.
    pub async fn section_text(&self, text: &str) -> String {
        let what = format!("no heading {text:?}");
        let v = self
            .poll(
                "const h = A.heading(q); return h ? A.section(h).map(A.read).filter(Boolean).join('\\n') : null;",
                json!(text),
                what,
            )
            .await;
        v.as_str().unwrap().to_string()
    }

    /// The items of the first list under the heading `text`, each as read.
    pub async fn items_under(&self, text: &str) -> Vec<String> {
        let what = format!("no heading {text:?}");
        let v = self
            .poll(
                "const h = A.heading(q); if (!h) return null;
                 const list = A.firstList(A.section(h));
                 return list ? [...list.children].filter(c => A.role(c) === 'listitem' && A.shown(c)).map(A.read) : [];",
                json!(text),
                what,
            )
            .await;
        serde_json::from_value(v).unwrap()
    }

    /// The value the page gives for `term` in a list of terms and values,
    /// such as "Organisation" in the summary.
    pub async fn definition(&self, term: &str) -> String {
        let what = format!("no term {term:?}");
        self.poll("return A.definition(q);", json!(term), what).await.as_str().unwrap().to_string()
    }

    /// The smallest block of text on view that starts with `prefix`.
    pub async fn text_starting(&self, prefix: &str) -> String {
        let what = format!("no text starting {prefix:?}");
        self.poll("return A.textStarting(q);", json!(prefix), what).await.as_str().unwrap().to_string()
    }

    /// Waits until the page shows `words` somewhere, and returns all it shows.
    pub async fn sees(&self, words: &str) -> String {
        let what = format!("the page never showed {words:?}");
        let v =
            self.poll("const t = A.read(document.body); return t.includes(q) ? t : null;", json!(words), what).await;
        v.as_str().unwrap().to_string()
    }

    /// Enters the frame titled `title` and waits for its page's heading.
    pub async fn enter_frame(&self, title: &str) {
        self.find(&frame(title)).await.enter_frame().await.unwrap();
        self.h1().await;
    }

    /// Answers "About you" as a care home that uses video between staff and
    /// saves, as most journeys start, then waits for the next screen.
    pub async fn about_a_care_home(&self, name: &str) {
        self.choose(ORG_TYPE, "Social care or other care provider").await;
        self.fill("Name of your organisation", name).await;
        self.choose(PURPOSE, "Communication between staff").await;
        self.click(&button("Save and continue")).await;
        self.heading_is("Choose your video tool").await;
    }

    /// The summary's outcome: the box headed "Outcome for (the tool): ...".
    pub async fn outcome(&self) -> String {
        self.poll("return A.headedBox(q);", json!("Outcome for "), "no outcome is shown")
            .await
            .as_str()
            .unwrap()
            .to_string()
    }

    /// The error summary's text, once there is one.
    pub async fn error_summary(&self) -> String {
        self.text(&region("There is a problem")).await
    }

    /// What the page's live regions (status messages, alerts) say now.
    pub async fn announced(&self) -> Vec<String> {
        serde_json::from_value(self.a11y("return A.announced()", vec![]).await).unwrap()
    }

    /// Waits until a status message or an alert says `text`, and returns all it says.
    pub async fn announces(&self, text: &str) -> String {
        let what = format!("nothing ever said {text:?}");
        let v = self.poll("return A.announced().find(t => t.includes(q)) ?? null;", json!(text), what).await;
        v.as_str().unwrap().to_string()
    }

    /// The task list on the first screen: each task's name and its status, as
    /// a screen reader reads each link and its description.
    pub async fn tasks(&self) -> Vec<(String, String)> {
        let v = self
            .poll(
                "const h = A.heading(q); if (!h) return null;
                 const list = A.firstList(A.section(h)); if (!list) return null;
                 return [...list.children].map(li => {
                   const a = A.candidates([li], 'link', {})[0];
                   return [A.name(a), A.description(a)];
                 });",
                json!("Your tasks"),
                "no task list",
            )
            .await;
        serde_json::from_value(v).unwrap()
    }

    /// One task's status on the first screen.
    pub async fn task_status(&self, task: &str) -> String {
        let tasks = self.tasks().await;
        let found = tasks.iter().find(|(name, _)| name == task);
        found.unwrap_or_else(|| panic!("no task {task:?} in {tasks:?}")).1.clone()
    }

    /// The name of every control on view, a radio's with its question
    /// before it ("Question: Yes"), as a screen reader user hears them.
    pub async fn control_names(&self) -> Vec<String> {
        let names = "
            const controls = A.all(document).filter((el) => A.shown(el) &&
                ['button', 'link', 'textbox', 'checkbox', 'radio', 'combobox', 'file', 'summary'].includes(A.role(el)));
            return controls.map((el) => {
              const group = el.type === 'radio' ? el.closest('fieldset') : null;
              const legend = group && group.querySelector('legend');
              return (legend ? A.norm(legend.innerText) + ': ' : '') + A.name(el);
            });";
        serde_json::from_value(self.a11y(names, vec![]).await).unwrap()
    }

    /// What has keyboard focus: `role`, `name`, `level` (headings), `tag`,
    /// `type`, `value`, `answered` (a radio whose group has an answer),
    /// `item` (the heading of the list item it is in) and `h1` (the page's).
    pub async fn focused(&self) -> Value {
        self.a11y("return A.focused()", vec![]).await
    }

    /// Waits until what `q` describes has keyboard focus; fails after 10
    /// seconds with what has it instead.
    pub async fn focus_reaches(&self, q: &Query, after: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let now = self
                .a11y(
                    "const r = A.resolve(arguments[0]);
                     return !r.error && r.el === document.activeElement ? null : A.focused();",
                    vec![q.to_json()],
                )
                .await;
            if now.is_null() {
                return;
            }
            assert!(Instant::now() < deadline, "after {after}, focus is on {now}, not on {q}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Answers every check on the current section screen: Yes unless
    /// `answers` says otherwise ("dpia" for the screening), each by its
    /// question and the answer's label. Returns the ids of the checks whose
    /// questions it saw.
    pub async fn answer_section(&self, answers: &[(&str, &str)]) -> Vec<String> {
        if self.shows(&group(DPIA_QUESTION)).await {
            let decision = answers.iter().find(|(c, _)| *c == "dpia").map_or("needed", |(_, a)| a);
            self.choose(DPIA_QUESTION, answer_label(decision)).await;
            if decision == "covered" {
                self.fill("Title or reference of the DPIA that covers this use", "DPIA-2025-07 Remote consultations")
                    .await;
            }
        }
        // The questions: every group whose choices are Yes, No and Not sure.
        let legends = self
            .a11y(
                "return A.candidates([document], 'group', {})
                   .filter(g => A.candidates([g], 'radio', {}).map(A.name).join('|') === 'Yes|No|Not sure')
                   .map(A.name)",
                vec![],
            )
            .await;
        let legends: Vec<String> = serde_json::from_value(legends).unwrap();
        assert!(!legends.is_empty(), "a section with no checks");
        let mut ids = Vec::new();
        for legend in &legends {
            let id = check_id(legend);
            let answer = answers.iter().find(|(c, _)| *c == id).map_or("yes", |(_, a)| a);
            self.choose(legend, answer_label(answer)).await;
            ids.push(id);
        }
        ids
    }

    /// From the first section to the summary, answering as [`Browser::answer_section`]
    /// does, optionally with an accessibility scan of each section.
    pub async fn answer_every_section(&self, answers: &[(&str, &str)], scan: bool) -> super::Sections {
        let mut done = super::Sections::default();
        for _ in 0..16 {
            let heading = self.h1().await;
            if heading == "Your summary" {
                return done;
            }
            done.checks.extend(self.answer_section(answers).await);
            if scan {
                self.assert_accessible(&heading).await;
            }
            if done.headings.is_empty() {
                self.screenshot("04-section").await;
            }
            done.headings.push(heading.clone());
            self.click(&button("Save and continue")).await;
            self.leaves(&heading).await;
        }
        panic!("never reached the summary; went through {:?}", done.headings);
    }
}
