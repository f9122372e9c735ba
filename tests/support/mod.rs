//! What the end-to-end tests share: a static server for `dist/`, a ChromeDriver
//! they start themselves, and a browser session with a download folder.
#![allow(dead_code)]

mod find;
pub mod png;

#[allow(unused_imports)]
pub use find::*;

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The widget is served from a sub-path, as a publisher would host it.
pub const MOUNT: &str = "/widgets/video-check/";

/// Whether a file in `dist/` counts toward the widget's own download, for the
/// size guard and the benchmark alike: `embed.js` is loaded by the host page,
/// not by the widget, and the DPO's tools in `dist/dpo/` are a page of their own.
pub fn counts_toward_download(file_name: &str) -> bool {
    file_name != "embed.js" && file_name != "dpo"
}

/// Bytes after gzip at its best level, as the size guard and the benchmark count them.
pub fn gzip(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).unwrap();
    e.finish().unwrap().len()
}

/// Bytes after brotli at its best level: what a host that offers brotli sends.
pub fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).unwrap();
    out.len()
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Serves `dist/` under [`MOUNT`] on a free loopback port and records every
/// path the browser asks for.
pub struct StaticServer {
    pub port: u16,
    pub requests: Arc<Mutex<Vec<String>>>,
    /// The path and body of every request that sent one (a POST), such as a
    /// Content Security Policy report.
    pub bodies: Arc<Mutex<Vec<(String, String)>>>,
    /// What a test can do to the link while the page is open.
    pub link: Link,
}

/// The network between the browser and the server, as a test changes it.
#[derive(Clone, Default)]
pub struct Link {
    /// Every request is refused, as with no network.
    offline: Arc<std::sync::atomic::AtomicBool>,
    /// `.wasm` files are held back until [`Link::let_wasm_through`], as on a slow link.
    wasm_held: Arc<(Mutex<bool>, std::sync::Condvar)>,
}

impl Link {
    pub fn set_offline(&self, offline: bool) {
        self.offline.store(offline, std::sync::atomic::Ordering::SeqCst);
    }

    fn is_offline(&self) -> bool {
        self.offline.load(std::sync::atomic::Ordering::SeqCst)
    }

    pub fn hold_wasm(&self) {
        *self.wasm_held.0.lock().unwrap() = true;
    }

    pub fn let_wasm_through(&self) {
        *self.wasm_held.0.lock().unwrap() = false;
        self.wasm_held.1.notify_all();
    }

    fn wait_for_wasm(&self) {
        let (held, released) = &*self.wasm_held;
        let mut held = held.lock().unwrap();
        while *held {
            held = released.wait(held).unwrap();
        }
    }
}

impl StaticServer {
    pub fn start() -> StaticServer {
        StaticServer::serve(repo().join("dist"), Vec::new())
    }

    /// Serves `dir` under [`MOUNT`], with `extra` files (path under the
    /// mount, contents) added or replacing what is on disk.
    pub fn serve(dir: PathBuf, extra: Vec<(String, String)>) -> StaticServer {
        StaticServer::serve_with_headers(dir, extra, String::new())
    }

    /// As [`StaticServer::serve`], adding `headers` (each ending in CRLF) to every answer.
    pub fn serve_with_headers(dir: PathBuf, extra: Vec<(String, String)>, headers: String) -> StaticServer {
        assert!(dir.exists(), "{} is missing: build dist/ first with trunk build --release", dir.display());
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let bodies = Arc::new(Mutex::new(Vec::new()));
        let (log, body_log) = (requests.clone(), bodies.clone());
        let extra = Arc::new(extra);
        let headers = Arc::new(headers);
        let link = Link::default();
        let network = link.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if network.is_offline() {
                    // Closed unanswered: the browser sees a network error.
                    drop(stream);
                    continue;
                }
                let dir = dir.clone();
                let log = log.clone();
                let body_log = body_log.clone();
                let extra = extra.clone();
                let headers = headers.clone();
                let network = network.clone();
                std::thread::spawn(move || serve_one(stream, &dir, &extra, &headers, &log, &body_log, &network));
            }
        });
        StaticServer { port, requests, bodies, link }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}{MOUNT}", self.port)
    }
}

fn serve_one(
    mut stream: TcpStream,
    dist: &Path,
    extra: &[(String, String)],
    headers: &str,
    log: &Mutex<Vec<String>>,
    body_log: &Mutex<Vec<(String, String)>>,
    network: &Link,
) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    // Firefox opens connections ahead of need and may close them unused: no
    // request, nothing to log.
    if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
        return;
    }
    // The headers: only the body's length matters here.
    let mut length = 0;
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
            break;
        }
        if let Some((name, value)) = h.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap_or(0);
            }
        }
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let method = line.split_whitespace().next().unwrap_or("GET");
    if length > 0 {
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_ok() {
            body_log.lock().unwrap().push((path.clone(), String::from_utf8_lossy(&body).to_string()));
        }
    }
    log.lock().unwrap().push(if method == "GET" { path.clone() } else { format!("{method} {path}") });
    let clean = path.split(['?', '#']).next().unwrap_or("");
    if clean.ends_with(".wasm") {
        network.wait_for_wasm();
    }
    // A connection kept open from before the network went.
    if network.is_offline() {
        return;
    }
    // A folder's address serves its index.html, as static hosts do: the DPO's tools are at dpo/.
    let index = |r: &str| if r.is_empty() || r.ends_with('/') { format!("{r}index.html") } else { r.to_string() };
    let relative = clean.strip_prefix(MOUNT).map(index);
    let added = relative
        .and_then(|r| extra.iter().find(|(p, _)| *p == r))
        .map(|(p, body)| (dist.join(p), body.clone().into_bytes()));
    let file = clean.strip_prefix(MOUNT).filter(|rest| !rest.contains("..")).map(|rest| dist.join(index(rest)));
    let (status, body, kind) = match added.or_else(|| file.and_then(|f| std::fs::read(&f).ok().map(|b| (f, b)))) {
        Some((f, body)) => {
            let kind = match f.extension().and_then(|e| e.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("js") => "text/javascript",
                Some("wasm") => "application/wasm",
                Some("css") => "text/css",
                Some("json") => "application/json",
                _ => "application/octet-stream",
            };
            ("200 OK", body, kind)
        }
        None => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\nCache-Control: no-store\r\nAccess-Control-Allow-Origin: *\r\n{headers}\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// The browser engine the end-to-end tests drive, chosen by `VTC_BROWSER`:
/// `chromium` (the default), `firefox` or `webkit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    WebKit,
}

impl Engine {
    pub fn from_env() -> Engine {
        match std::env::var("VTC_BROWSER").unwrap_or_default().as_str() {
            "" | "chromium" => Engine::Chromium,
            "firefox" => Engine::Firefox,
            "webkit" => Engine::WebKit,
            other => panic!("VTC_BROWSER={other}: use chromium, firefox or webkit"),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "Chromium",
            Engine::Firefox => "Firefox",
            Engine::WebKit => "WebKit",
        }
    }
}

/// WebKitGTK's MiniBrowser, which WebKitWebDriver starts.
const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/// GTK styles for MiniBrowser's own toolbar (not the page): with its usual
/// sizes the window cannot be narrower than 447 px, so it is drawn tiny, and
/// a 320 px window has a 320 px page.
const MINIBROWSER_GTK_CSS: &str =
    "* { min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 1px; -gtk-icon-transform: scale(0.1); }\n";

/// The engine's WebDriver server on a free port, stopped when dropped. For
/// WebKit, also the X server its browser draws on.
pub struct Driver {
    child: Child,
    pub port: u16,
    display: Option<Child>,
}

impl Driver {
    /// Another test may take a port between our pick and the driver's bind,
    /// so a port only counts once the driver itself answers on it. `home` is
    /// the browser's own folder: WebKit's browser keeps its data and finds
    /// its download folder there.
    pub fn start(engine: Engine, home: &Path, downloads: &Path) -> Driver {
        let display = (engine == Engine::WebKit).then(start_x_server);
        for _ in 0..5 {
            let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
            let mut command = match engine {
                Engine::Chromium => {
                    let mut c = Command::new("chromedriver");
                    c.arg(format!("--port={port}"));
                    c
                }
                Engine::Firefox => {
                    let mut c = Command::new("geckodriver");
                    // Marionette, between geckodriver and Firefox, takes a free port by default.
                    c.args(["--host", "127.0.0.1", "--port", &port.to_string()]);
                    c
                }
                Engine::WebKit => {
                    let (number, _) = display.as_ref().unwrap();
                    let config = home.join("config");
                    std::fs::create_dir_all(config.join("gtk-3.0")).unwrap();
                    std::fs::write(config.join("gtk-3.0/gtk.css"), MINIBROWSER_GTK_CSS).unwrap();
                    // MiniBrowser saves downloads in the XDG download folder.
                    let dirs = format!("XDG_DOWNLOAD_DIR=\"{}\"\n", downloads.display());
                    std::fs::write(config.join("user-dirs.dirs"), dirs).unwrap();
                    let mut c = Command::new("WebKitWebDriver");
                    c.arg(format!("--port={port}"))
                        .env("DISPLAY", format!(":{number}"))
                        .env("HOME", home)
                        .env("XDG_CONFIG_HOME", &config)
                        .env("XDG_DATA_HOME", home.join("data"))
                        .env("XDG_CACHE_HOME", home.join("cache"))
                        .env_remove("WAYLAND_DISPLAY");
                    c
                }
            };
            let what = match engine {
                Engine::Chromium => "chromedriver",
                Engine::Firefox => "geckodriver",
                Engine::WebKit => "WebKitWebDriver",
            };
            let mut child = command
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap_or_else(|e| panic!("{what} is installed (scripts/setup.sh): {e}"));
            let deadline = Instant::now() + Duration::from_secs(20);
            while Instant::now() < deadline {
                if child.try_wait().unwrap().is_some() {
                    break;
                }
                if driver_ready(port) {
                    return Driver { child, port, display: display.map(|(_, x)| x) };
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!("the {} driver did not start", engine.name());
    }
}

/// An X server of its own for WebKit's browser, which has no headless mode:
/// Xvfb picks a free display and says which, so several can start at once.
fn start_x_server() -> (String, Child) {
    let mut x = Command::new("Xvfb")
        .args(["-displayfd", "1", "-screen", "0", "1600x1200x24", "-nolisten", "tcp"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb is installed (scripts/setup.sh)");
    let mut number = String::new();
    BufReader::new(x.stdout.take().unwrap()).read_line(&mut number).unwrap();
    let number = number.trim().to_string();
    assert!(!number.is_empty(), "Xvfb did not say which display it took");
    (number, x)
}

fn driver_ready(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request = format!("GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer.contains("\"ready\":true") || answer.contains("\"ready\": true")
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(x) = &mut self.display {
            let _ = x.kill();
            let _ = x.wait();
        }
    }
}

/// A browser with its own empty profile and download folder.
pub struct Browser {
    pub client: Client,
    pub downloads: PathBuf,
    pub server: StaticServer,
    engine: Engine,
    session: Option<String>,
    _driver: Driver,
    _profile: TempDir,
    _downloads: TempDir,
}

pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
        let dir = std::env::temp_dir().join(format!("vtc-{name}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Chromium's options: headless, offline, a download folder, and narrow or
/// zoomed screens emulated, for Chromium will not make a window narrower than
/// about 500 px.
fn chromium_options(width: u32, profile: &Path, downloads: &Path) -> Value {
    let mut options = json!({
        "binary": "/usr/bin/chromium",
        "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage",
            "--enable-precise-memory-info",
            // So the benchmark can collect garbage before it reads the memory in use.
            "--js-flags=--expose-gc",
            format!("--user-data-dir={}", profile.display()),
            format!("--window-size={width},900"),
        ],
        "prefs": {
            "download.default_directory": downloads.display().to_string(),
            "download.prompt_for_download": false,
        }
    });
    if width < 500 {
        options["mobileEmulation"] = json!({"deviceMetrics": {"width": width, "height": 720, "pixelRatio": 1.0}});
    } else if width == 640 {
        // 200% zoom on a 1280px-wide screen: 640 CSS pixels, drawn twice as big.
        options["mobileEmulation"] =
            json!({"deviceMetrics": {"width": 640, "height": 512, "pixelRatio": 2.0, "mobile": false}});
    }
    options
}

/// Firefox's options: headless, its own profile, downloads saved with no
/// question, a phone's overlay scroll bars on narrow screens, and 640 px as
/// 200% zoom of a 1280 px window, as a person zooms.
fn firefox_options(width: u32, profile: &Path, downloads: &Path) -> Value {
    // Firefox keeps its window at least 450 px wide (a rule in its own
    // styles); the profile's userChrome.css lifts that for 320 px.
    std::fs::create_dir_all(profile.join("chrome")).unwrap();
    std::fs::write(profile.join("chrome/userChrome.css"), ":root { min-width: 0 !important; }\n").unwrap();
    json!({
        "args": ["-headless", "-profile", profile.display().to_string()],
        "prefs": {
            "toolkit.legacyUserProfileCustomizations.stylesheets": true,
            "browser.download.folderList": 2,
            "browser.download.dir": downloads.display().to_string(),
            "browser.download.useDownloadDir": true,
            "browser.download.always_ask_before_handling_new_types": false,
            "browser.download.start_downloads_in_tmp_dir": false,
            "browser.download.alwaysOpenPanel": false,
            "browser.helperApps.neverAsk.saveToDisk": "text/html,application/json,text/plain,text/csv,application/octet-stream",
            "widget.gtk.overlay-scrollbars.enabled": width < 500,
            "ui.useOverlayScrollbars": if width < 500 { 1 } else { 0 },
            "layout.css.devPixelsPerPx": if width == 640 { "2.0" } else { "1.0" },
        }
    })
}

impl Browser {
    pub async fn start(width: u32) -> Browser {
        Browser::start_with(width, StaticServer::start()).await
    }

    /// A browser of the engine `VTC_BROWSER` names, whose page is `width`
    /// CSS pixels wide.
    pub async fn start_with(width: u32, server: StaticServer) -> Browser {
        let engine = Engine::from_env();
        let profile = TempDir::new("profile");
        let downloads = TempDir::new("downloads");
        let driver = Driver::start(engine, &profile.0, &downloads.0);
        let mut caps = serde_json::Map::new();
        match engine {
            Engine::Chromium => {
                caps.insert("goog:chromeOptions".into(), chromium_options(width, &profile.0, &downloads.0));
            }
            Engine::Firefox => {
                caps.insert("moz:firefoxOptions".into(), firefox_options(width, &profile.0, &downloads.0));
            }
            Engine::WebKit => {
                // A phone's overlay scroll bars on narrow screens, a desktop's otherwise.
                let options =
                    json!({"binary": MINIBROWSER, "args": ["--automation"], "useOverlayScrollbars": width < 500});
                caps.insert("webkitgtk:browserOptions".into(), options);
            }
        }
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
            .unwrap_or_else(|e| panic!("a {} session: {e}", engine.name()));
        let session = client.session_id().await.ok().flatten();
        let b = Browser {
            client,
            downloads: downloads.0.clone(),
            server,
            engine,
            session,
            _driver: driver,
            _profile: profile,
            _downloads: downloads,
        };
        if engine != Engine::Chromium {
            b.set_page_width(width).await;
        }
        b
    }

    /// Which engine this is, for the few steps a driver cannot take in
    /// every engine.
    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// Sizes the window so that the page is `width` CSS pixels wide, and
    /// checks that it is: a window may have a smallest width of its own.
    async fn set_page_width(&self, width: u32) {
        self.client.goto("about:blank").await.unwrap();
        let mut window = width;
        for _ in 0..3 {
            self.client.set_window_size(window, 900).await.unwrap();
            // A width read at once can be the window's first size. In CI, on
            // a busy machine, WebKit's page must have read wider than 353 px:
            // the correction made from it asked for less than the 290 px below
            // which MiniBrowser's window will not go, and the page stayed 290.
            // Waited for: the width asked for; failing that, whatever it
            // settles on is the window's own doing, and corrected below.
            let deadline = Instant::now() + Duration::from_secs(10);
            let mut page = self.js("return window.innerWidth").await.as_f64().unwrap();
            while (page - width as f64).abs() >= 1.0 && Instant::now() < deadline {
                tokio::time::sleep(Duration::from_millis(50)).await;
                page = self.js("return window.innerWidth").await.as_f64().unwrap();
            }
            if (page - width as f64).abs() < 1.0 {
                // Waited for: on a busy machine WebKit has drawn a scroll bar on
                // the blank page for a moment after the window was resized, until
                // its new height reached the page. One that stays is a failure.
                let deadline = Instant::now() + Duration::from_secs(10);
                loop {
                    let client_width = self.js("return document.documentElement.clientWidth").await;
                    if client_width.as_f64() == Some(width as f64) {
                        return;
                    }
                    assert!(
                        Instant::now() < deadline,
                        "{} draws a scroll bar: the page is {client_width} px wide inside a {width} px window",
                        self.engine.name()
                    );
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            }
            // Whatever the window adds around the page (or the zoom), made up.
            window = (window as f64 * width as f64 / page).round() as u32;
        }
        let page = self.js("return window.innerWidth").await;
        panic!("{} will not make its page {width} px wide; it is {page} px", self.engine.name());
    }
    /// Puts a library in the browser's storage, as a returning user would
    /// have it, then opens the widget at `hash`.
    pub async fn seed(&self, lib: &video_tool_check::library::Library, hash: &str) {
        self.open("").await;
        let text = serde_json::to_string(&video_tool_check::storage::encode_library(lib)).unwrap();
        self.js(&format!("localStorage.setItem('{}', {text}); return true;", video_tool_check::storage::KEY)).await;
        self.open(hash).await;
        self.client.refresh().await.unwrap();
        self.h1().await;
    }

    /// How much wider than the window the page is: 0 when nothing scrolls sideways.
    pub async fn sideways_scroll(&self) -> i64 {
        let v = self.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth").await;
        v.as_i64().expect("a number")
    }

    /// Sends `keys` to whatever has keyboard focus, as a keyboard does.
    pub async fn press_keys(&self, keys: &str) {
        // WebDriver's Element Send Keys sets a date field's value rather than
        // pressing keys in it (as WebKit's driver does, by the standard), so
        // a Tab sent that way never leaves the field. There, the keys go
        // through the keyboard as a person's do: WebDriver's key actions.
        let on_a_date = self.js("const e = document.activeElement; return !!e && e.type === 'date'").await;
        if on_a_date == Value::Bool(true) {
            use fantoccini::actions::{InputSource, KeyAction, KeyActions};
            let mut actions = KeyActions::new("keyboard".to_string());
            for key in keys.chars() {
                actions = actions.then(KeyAction::Down { value: key }).then(KeyAction::Up { value: key });
            }
            self.client.perform_actions(actions).await.unwrap();
            return;
        }
        self.client.active_element().await.unwrap().send_keys(keys).await.unwrap();
    }

    /// Opens the widget at `hash` and waits for its first screen's heading.
    pub async fn open(&self, hash: &str) {
        self.client.goto(&format!("{}{hash}", self.server.url())).await.unwrap();
        self.h1().await;
    }

    /// Waits until `script` returns true in the tab on view; fails with `what`
    /// if it has not after 10 seconds.
    pub async fn until(&self, script: &str, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.js(script).await != Value::Bool(true) {
            assert!(Instant::now() < deadline, "{what}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Opens a second tab in the same browser, as a person would, and
    /// switches to it. Returns the first tab and the second.
    pub async fn second_tab(&self) -> (fantoccini::wd::WindowHandle, fantoccini::wd::WindowHandle) {
        let first = self.client.window().await.unwrap();
        let second = self.client.new_window(true).await.unwrap().handle;
        self.client.switch_to_window(second.clone()).await.unwrap();
        (first, second)
    }

    pub async fn js(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.unwrap()
    }

    /// What local storage holds under `key`, or null.
    pub async fn stored(&self, key: &str) -> Value {
        self.js(&format!("return localStorage.getItem('{key}')")).await
    }

    /// Runs axe-core on the page and fails with every WCAG 2.2 A/AA violation.
    pub async fn assert_accessible(&self, screen: &str) {
        let axe = std::fs::read_to_string(repo().join("node_modules/axe-core/axe.min.js"))
            .expect("axe-core is installed (scripts/setup.sh)");
        self.client.execute(&axe, vec![]).await.unwrap();
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa']}})
                   .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                   .catch(e => done(['axe failed: ' + e]));",
                vec![],
            )
            .await
            .unwrap();
        let violations: Vec<String> = serde_json::from_value(result).unwrap();
        assert!(violations.is_empty(), "accessibility problems on {screen}:\n{}", violations.join("\n"));
    }

    /// Waits for a finished download whose name ends with `suffix`: Chromium
    /// may create the file before it has written it, so wait for a size that
    /// holds still.
    pub async fn downloaded(&self, suffix: &str) -> (String, String) {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut last_len = None;
        loop {
            let found = std::fs::read_dir(&self.downloads)
                .unwrap()
                .flatten()
                .find(|e| e.file_name().to_string_lossy().ends_with(suffix));
            if let Some(entry) = found {
                let mut text = String::new();
                std::fs::File::open(entry.path()).unwrap().read_to_string(&mut text).unwrap();
                if !text.is_empty() && last_len == Some(text.len()) {
                    return (entry.file_name().to_string_lossy().to_string(), text);
                }
                last_len = Some(text.len());
            }
            assert!(Instant::now() < deadline, "no {suffix} file was downloaded");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    pub async fn screenshot(&self, name: &str) {
        if let Ok(dir) = std::env::var("VTC_SCREENSHOTS") {
            // The whole page, not only what fits in the window: grow the
            // window to the page's height for the picture, then put it back.
            let (w, h) = self.client.get_window_size().await.unwrap();
            let full = self.js("return document.documentElement.scrollHeight").await.as_u64().unwrap_or(900);
            self.client.set_window_size(w as u32, (full as u32 + 140).max(h as u32)).await.unwrap();
            let png = self.client.screenshot().await.unwrap();
            self.client.set_window_size(w as u32, h as u32).await.unwrap();
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(Path::new(&dir).join(format!("{name}.png")), png).unwrap();
        }
    }

    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

/// A test that fails never reaches `close`: end its session here all the
/// same, for Firefox outlives a geckodriver that is stopped under it.
impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(session) = &self.session {
            find::webdriver_call(self._driver.port, "DELETE", &format!("/session/{session}"));
        }
    }
}

/// What [`Browser::answer_every_section`] went through.
#[derive(Default)]
pub struct Sections {
    pub headings: Vec<String>,
    pub checks: Vec<String>,
}

/// Decodes %XX escapes in a mailto link, as the widget's own decoder does.
pub fn percent_decode(s: &str) -> String {
    video_tool_check::export::email::decode(s).expect("a well-formed link")
}
