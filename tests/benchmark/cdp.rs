//! DevTools protocol commands sent through ChromeDriver's
//! `POST /session/{id}/goog/cdp/execute`, for what WebDriver itself cannot
//! do: throttle the network and forget a first visit.

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::Client;
use serde_json::{json, Value};

#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({"cmd": self.cmd, "params": self.params}).to_string()))
    }
}

pub async fn send(client: &Client, cmd: &'static str, params: Value) -> Value {
    client.issue_cmd(Cdp { cmd, params }).await.unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
}

/// A network link, as DevTools emulates it.
#[derive(Clone, Copy, Debug)]
pub struct Link {
    pub name: &'static str,
    /// Bits per second down and up; `None` for no throttling.
    pub down_bps: Option<f64>,
    pub up_bps: Option<f64>,
    /// Added to every request's round trip, in milliseconds.
    pub latency_ms: f64,
}

pub const LOOPBACK: Link = Link { name: "loopback", down_bps: None, up_bps: None, latency_ms: 0.0 };

/// Issue 17's slow link: 1.6 Mbps down, 750 Kbps up, 150 ms round trip.
pub const THROTTLED: Link =
    Link { name: "throttled", down_bps: Some(1_600_000.0), up_bps: Some(750_000.0), latency_ms: 150.0 };

/// Puts the tab on `link`. DevTools counts throughput in bytes per second,
/// and -1 turns throttling off. It lasts across navigations in the tab.
pub async fn set_link(client: &Client, link: Link) {
    send(client, "Network.enable", json!({})).await;
    let bytes = |bps: Option<f64>| bps.map(|b| b / 8.0).unwrap_or(-1.0);
    send(
        client,
        "Network.emulateNetworkConditions",
        json!({
            "offline": false,
            "latency": link.latency_ms,
            "downloadThroughput": bytes(link.down_bps),
            "uploadThroughput": bytes(link.up_bps),
        }),
    )
    .await;
}

/// Makes the next visit to `origin` a first visit: the HTTP cache emptied and
/// any service worker and its caches gone. Local storage stays, so a returning
/// user's saved assessments can be put there beforehand.
pub async fn forget_visits(client: &Client, origin: &str) {
    send(client, "Network.clearBrowserCache", json!({})).await;
    send(
        client,
        "Storage.clearDataForOrigin",
        json!({"origin": origin, "storageTypes": "service_workers,cache_storage"}),
    )
    .await;
}
