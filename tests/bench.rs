//! The benchmark: `scripts/bench.sh` builds the release `dist/` and runs this
//! ignored test, which prints figures rather than asserting timings: times
//! vary from machine to machine, so they belong here, not in the test suite.
//! It prints, in one run: the raw, gzip and brotli size of each file; the time to an
//! interactive first screen against a plain static page of the same screen
//! (median of 21 loads each, and their middle half, with and without 50 saved
//! assessments); the time from answering a check to the screen updated and
//! saved; and the memory in use after a full assessment.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::{brotli, counts_toward_download, gzip, repo, Browser, StaticServer};
use video_tool_check::assessment::{About, Answer, Assessment, DpiaDecision, OrgType, Purpose, ToolChoice};
use video_tool_check::content::Content;
use video_tool_check::library::Library;
use video_tool_check::storage;

// Enough loads that one slow moment on the machine moves the median little.
const LOADS: usize = 21;

fn sorted(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v
}

fn median(v: Vec<f64>) -> f64 {
    let v = sorted(v);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// The value a fraction `q` of the way through `v` once sorted (nearest rank).
fn quantile(v: &[f64], q: f64) -> f64 {
    let v = sorted(v.to_vec());
    v[((v.len() - 1) as f64 * q).round() as usize]
}

fn complete(i: usize) -> Assessment {
    let content = Content::builtin();
    let tools = ["teams", "zoom", "accurx", "whatsapp", "google-meet"];
    let mut a = Assessment {
        about: About {
            org_type: Some(OrgType::Gp),
            org_name: format!("Practice {i}"),
            dpo_name: "Dana Patel".into(),
            dpo_email: "dpo@example.nhs.uk".into(),
            purpose: Some(Purpose::Both),
            your_name: String::new(),
            ..Default::default()
        },
        tool: Some(ToolChoice::Listed(tools[i % tools.len()].into())),
        ..Default::default()
    };
    a.dpia.decision = Some(DpiaDecision::Needed);
    for c in content.checks {
        if a.applies(c) {
            a.answer(c.id, if c.id.len() % 5 == 0 { Answer::No } else { Answer::Yes });
        }
    }
    a
}

fn fifty() -> Library {
    let mut lib = Library::with(complete(0), "a0", "2026-11-22");
    for i in 1..50 {
        lib.add(complete(i), "", format!("a{i}"), "2026-11-22");
    }
    lib
}

async fn mark(b: &Browser) -> f64 {
    for _ in 0..200 {
        let v = b
            .js("const m = performance.getEntriesByName('vtc-interactive'); return m.length ? m[0].startTime : null")
            .await;
        if let Some(t) = v.as_f64() {
            return t;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("the page never became interactive");
}

/// Loads `url` once and returns the time to its interactive mark.
async fn time_load(b: &Browser, url: &str) -> f64 {
    b.client.goto("about:blank").await.unwrap();
    b.client.goto(url).await.unwrap();
    mark(b).await
}

async fn seed(b: &Browser, lib: Option<&Library>) {
    b.open("").await;
    match lib {
        Some(lib) => {
            let text = serde_json::to_string(&storage::encode_library(lib)).unwrap();
            b.js(&format!("localStorage.setItem('{}', {text}); return true;", storage::KEY)).await;
        }
        None => {
            b.js("localStorage.clear(); return true;").await;
        }
    }
}

#[tokio::test]
#[ignore = "a benchmark, run by scripts/bench.sh"]
async fn benchmark() {
    let dist = repo().join("dist");
    println!("Video Tool Check benchmark\n");
    println!("{:<48} {:>10} {:>10} {:>10}", "file", "raw", "gzip", "brotli");
    let kb = |bytes: usize| format!("{:>8.1}KB", bytes as f64 / 1024.0);
    let (mut raw_total, mut gz_total, mut br_total) = (0, 0, 0);
    let mut files: Vec<_> = std::fs::read_dir(&dist).expect("build dist/ first").flatten().collect();
    files.sort_by_key(|e| e.file_name());
    // The DPO's tools, a page of their own, one line for the whole folder.
    let mut dpo = (0, 0, 0);
    for entry in std::fs::read_dir(dist.join("dpo")).expect("build dist/dpo/ first").flatten() {
        let bytes = std::fs::read(entry.path()).unwrap();
        dpo = (dpo.0 + bytes.len(), dpo.1 + gzip(&bytes), dpo.2 + brotli(&bytes));
    }
    for entry in files.into_iter().filter(|e| e.path().is_file()) {
        let bytes = std::fs::read(entry.path()).unwrap();
        let name = entry.file_name().to_string_lossy().to_string();
        let (gz, br) = (gzip(&bytes), brotli(&bytes));
        println!("{name:<48} {} {} {}", kb(bytes.len()), kb(gz), kb(br));
        if counts_toward_download(&name) {
            raw_total += bytes.len();
            gz_total += gz;
            br_total += br;
        }
    }
    let total = "total the widget loads (without embed.js)";
    println!("{total:<48} {} {} {}   budget 250.0KB (gzip)", kb(raw_total), kb(gz_total), kb(br_total));
    let tools = "the DPO's tools, dpo/ (a page of its own)";
    println!("{tools:<48} {} {} {}", kb(dpo.0), kb(dpo.1), kb(dpo.2));

    // A plain static page of the same first screen, served the same way.
    let probe = Browser::start(1000).await;
    seed(&probe, None).await;
    probe.open("").await;
    let first_screen = probe.js("return document.querySelector('.vtc').outerHTML").await.as_str().unwrap().to_string();
    let css = probe
        .js("return document.querySelector('link[rel=stylesheet]').getAttribute('href')")
        .await
        .as_str()
        .unwrap()
        .to_string();
    probe.close().await;
    let static_page = format!(
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"{css}\"></head><body>{first_screen}<script>performance.mark('vtc-interactive')</script></body></html>"
    );
    let server = StaticServer::serve(dist, vec![("static-first-screen.html".into(), static_page)]);
    let b = Browser::start_with(1000, server).await;
    let widget_url = b.server.url();
    let static_url = format!("{widget_url}static-first-screen.html");

    // The three pages take turns, so that a busy moment on the machine
    // slows all three rather than tilting one ratio.
    let fifty = fifty();
    let (mut plain, mut widget_empty, mut widget_fifty) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..LOADS {
        plain.push(time_load(&b, &static_url).await);
        seed(&b, None).await;
        widget_empty.push(time_load(&b, &widget_url).await);
        seed(&b, Some(&fifty)).await;
        widget_fifty.push(time_load(&b, &widget_url).await);
    }
    // The middle half of the loads too: on a shared 2-core machine one run's
    // median can move by a tenth, so the spread says how far to trust it.
    let spread = |v: &[f64]| format!("middle half {:.1} to {:.1} ms", quantile(v, 0.25), quantile(v, 0.75));
    let (plain_spread, empty_spread, fifty_spread) = (spread(&plain), spread(&widget_empty), spread(&widget_fifty));
    let (plain, widget_empty, widget_fifty) = (median(plain), median(widget_empty), median(widget_fifty));
    println!("\nTime to an interactive first screen (median of {LOADS} loads, loopback, no cache)");
    println!("  static HTML page of the same screen    {plain:>8.1} ms                              {plain_spread}");
    println!(
        "  widget, nothing saved                  {widget_empty:>8.1} ms   ratio {:.2} (budget 2.00)   {empty_spread}",
        widget_empty / plain
    );
    println!(
        "  widget, 50 saved assessments           {widget_fifty:>8.1} ms   ratio {:.2} (budget 2.00)   {fifty_spread}",
        widget_fifty / plain
    );

    // Answering: from the click to the screen updated and the library saved.
    b.open("#/section/risk").await;
    b.heading_is("Risks of the tool").await;
    let times = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             (async () => {
               const times = [];
               for (let i = 0; i < 40; i++) {
                 // Seeded as Yes, so the first click changes it.
                 const answer = i % 2 ? 'yes' : 'no';
                 const radio = document.getElementById('e2ee-' + answer);
                 const before = localStorage.getItem('video-tool-check');
                 const t0 = performance.now();
                 radio.click();
                 // Saved when the stored library has changed: every click flips the answer.
                 const saved = () => radio.checked && localStorage.getItem('video-tool-check') !== before;
                 for (let k = 0; k < 10000 && !saved(); k++) await Promise.resolve();
                 const deadline = performance.now() + 2000;
                 while (!saved()) {
                   if (performance.now() > deadline) { done(['not saved within 2 s']); return; }
                   await new Promise(r => setTimeout(r, 0));
                 }
                 times.push(performance.now() - t0);
               }
               done(times);
             })();",
            vec![],
        )
        .await
        .unwrap();
    let times: Vec<f64> = serde_json::from_value(times).unwrap();
    let answer = median(times.clone());
    let worst = times.iter().cloned().fold(0.0, f64::max);
    println!("\nAnswer a check to screen updated and saved, 50 saved assessments (40 answers)");
    println!("  median {answer:.2} ms, slowest {worst:.2} ms (budget 16 ms, one frame)");

    // Memory after a full assessment: the summary of a finished check open.
    b.open("#/summary").await;
    b.heading_is("Your summary").await;
    let memory = b
        // After a garbage collection, so the figure is what the page keeps,
        // not what the answering loop above left to be collected.
        .js("gc(); return {js: performance.memory ? performance.memory.usedJSHeapSize : null, wasm: window.wasmBindings.memory_bytes()}")
        .await;
    let js = memory["js"].as_f64().unwrap_or(0.0);
    let wasm = memory["wasm"].as_f64().unwrap_or(0.0);
    println!("\nMemory after a full assessment, 50 saved, summary open");
    println!(
        "  JavaScript heap {:.1} MB, WebAssembly memory {:.1} MB, total {:.1} MB",
        js / 1_048_576.0,
        wasm / 1_048_576.0,
        (js + wasm) / 1_048_576.0
    );
    b.close().await;
}
