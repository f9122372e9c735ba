//! The benchmark's own static host. Unlike the test server (which sends
//! `Cache-Control: no-store`, so every test sees the files on disk), this one
//! answers as a real static host does, so that a repeat visit can use the
//! browser's cache:
//! - it compresses: brotli when the browser accepts it, else gzip;
//! - a file whose name carries a content hash (trunk's `.wasm`, `.js` and
//!   `.css`) or a version (SurveyJS's files, as a CDN serves them) is sent with
//!   `Cache-Control: public, max-age=31536000, immutable`;
//! - anything else (the HTML pages, any service worker script) with
//!   `Cache-Control: no-cache` and an `ETag`, and a `304 Not Modified` when the
//!   browser already has it;
//! - connections are kept alive.
//!
//! Every page it serves is compressed once, when the server starts.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One file as the host holds it: raw, and compressed at each method's best level.
pub struct Served {
    pub kind: &'static str,
    pub raw: Vec<u8>,
    pub gzip: Vec<u8>,
    pub brotli: Vec<u8>,
    pub etag: String,
    pub immutable: bool,
}

impl Served {
    pub fn new(name: &str, raw: Vec<u8>, immutable: bool) -> Served {
        let kind = match name.rsplit('.').next() {
            Some("html") => "text/html; charset=utf-8",
            Some("js" | "mjs") => "text/javascript",
            Some("wasm") => "application/wasm",
            Some("css") => "text/css",
            Some("json") => "application/json",
            Some("svg") => "image/svg+xml",
            _ => "application/octet-stream",
        };
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&raw).unwrap();
        let gzip = gz.finish().unwrap();
        let mut brotli = Vec::new();
        let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
        brotli::BrotliCompress(&mut &raw[..], &mut brotli, &params).unwrap();
        // The same content always has the same tag, as hosts do.
        let etag = format!("\"{:016x}-{}\"", fnv1a(&raw), raw.len());
        Served { kind, raw, gzip, brotli, etag, immutable }
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325, |h, b| (h ^ *b as u64).wrapping_mul(0x100000001b3))
}

/// Whether `name` carries a content hash, as trunk names its files
/// (`video-tool-check-0123456789abcdef_bg.wasm`): a run of 16 or more hex digits.
pub fn is_hashed(name: &str) -> bool {
    name.split(['-', '_', '.']).any(|part| part.len() >= 16 && part.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Every file under `dir`, keyed by its path below `prefix` (which ends in `/`).
pub fn folder(dir: &Path, prefix: &str) -> Vec<(String, Served)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|_| panic!("{} is missing", dir.display())).flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let path = format!("{prefix}{name}");
        if entry.path().is_dir() {
            out.extend(folder(&entry.path(), &format!("{path}/")));
        } else {
            let bytes = std::fs::read(entry.path()).unwrap();
            out.push((path, Served::new(&name, bytes, is_hashed(&name))));
        }
    }
    out
}

pub struct CachingServer {
    pub port: u16,
    pub files: Arc<HashMap<String, Served>>,
    /// What the browser sent as `Accept-Encoding`, once per distinct value.
    pub accept_encodings: Arc<Mutex<Vec<String>>>,
    /// The status and path of every answer, in order.
    pub log: Arc<Mutex<Vec<(u16, String)>>>,
}

impl CachingServer {
    pub fn serve(files: Vec<(String, Served)>) -> CachingServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let files = Arc::new(files.into_iter().collect::<HashMap<_, _>>());
        let accept_encodings = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::new(Mutex::new(Vec::new()));
        let (shared, seen, shared_log) = (files.clone(), accept_encodings.clone(), log.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (files, seen, log) = (shared.clone(), seen.clone(), shared_log.clone());
                std::thread::spawn(move || keep_alive(stream, &files, &seen, &log));
            }
        });
        CachingServer { port, files, accept_encodings, log }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

/// Answers requests on one connection until the browser closes it or leaves it idle.
fn keep_alive(
    stream: TcpStream,
    files: &HashMap<String, Served>,
    seen: &Mutex<Vec<String>>,
    log: &Mutex<Vec<(u16, String)>>,
) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(60)));
    let _ = stream.set_nodelay(true);
    let mut writer = stream.try_clone().unwrap();
    let mut reader = BufReader::new(stream);
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let (mut accept, mut if_none_match, mut close, mut length) = (String::new(), String::new(), false, 0usize);
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                break;
            }
            if let Some((name, value)) = h.split_once(':') {
                let value = value.trim().to_string();
                match name.to_ascii_lowercase().as_str() {
                    "accept-encoding" => accept = value,
                    "if-none-match" => if_none_match = value,
                    "connection" => close = value.eq_ignore_ascii_case("close"),
                    "content-length" => length = value.parse().unwrap_or(0),
                    _ => {}
                }
            }
        }
        if length > 0 {
            let mut body = vec![0; length];
            if std::io::Read::read_exact(&mut reader, &mut body).is_err() {
                return;
            }
        }
        {
            let mut seen = seen.lock().unwrap();
            if !seen.contains(&accept) {
                seen.push(accept.clone());
            }
        }
        let path = line.split_whitespace().nth(1).unwrap_or("/");
        let mut clean = path.split(['?', '#']).next().unwrap_or("").to_string();
        if clean.ends_with('/') {
            clean.push_str("index.html");
        }
        let answer = match files.get(&clean) {
            None => {
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\nCache-Control: no-store\r\n\r\nnot found"
                    .as_bytes()
                    .to_vec()
            }
            Some(file) => respond(file, &accept, &if_none_match),
        };
        let status = if answer.starts_with(b"HTTP/1.1 200") {
            200
        } else if answer.starts_with(b"HTTP/1.1 304") {
            304
        } else {
            404
        };
        log.lock().unwrap().push((status, clean));
        if writer.write_all(&answer).is_err() || close {
            return;
        }
    }
}

fn respond(file: &Served, accept: &str, if_none_match: &str) -> Vec<u8> {
    let cache = if file.immutable { "public, max-age=31536000, immutable" } else { "no-cache" };
    let common = format!("Cache-Control: {cache}\r\nETag: {}\r\nVary: Accept-Encoding\r\n", file.etag);
    if !file.immutable && if_none_match.split(',').any(|t| t.trim() == file.etag) {
        return format!("HTTP/1.1 304 Not Modified\r\n{common}\r\n").into_bytes();
    }
    let accepts = |coding: &str| accept.split(',').any(|c| c.split(';').next().unwrap_or("").trim() == coding);
    let (body, encoding) = if accepts("br") {
        (&file.brotli, "Content-Encoding: br\r\n")
    } else if accepts("gzip") {
        (&file.gzip, "Content-Encoding: gzip\r\n")
    } else {
        (&file.raw, "")
    };
    let mut out = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\n{encoding}{common}\r\n",
        file.kind,
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}
