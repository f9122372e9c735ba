//! Just enough of PNG to read a WebDriver screenshot's pixels: 8 bits a
//! channel, RGB or RGBA, not interlaced, which is what the three engines send.

use std::io::Read;

/// A decoded picture: `width` by `height` pixels, each as RGBA.
pub struct Picture {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<[u8; 4]>,
}

impl Picture {
    pub fn pixel(&self, x: usize, y: usize) -> [u8; 4] {
        self.pixels[y * self.width + x]
    }
}

pub fn decode(png: &[u8]) -> Picture {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let (mut width, mut height, mut channels) = (0, 0, 0);
    let mut data = Vec::new();
    let mut at = 8;
    while at + 8 <= png.len() {
        let len = u32::from_be_bytes(png[at..at + 4].try_into().unwrap()) as usize;
        let kind = &png[at + 4..at + 8];
        let body = &png[at + 8..at + 8 + len];
        match kind {
            b"IHDR" => {
                width = u32::from_be_bytes(body[0..4].try_into().unwrap()) as usize;
                height = u32::from_be_bytes(body[4..8].try_into().unwrap()) as usize;
                assert_eq!(body[8], 8, "a PNG of {} bits a channel", body[8]);
                channels = match body[9] {
                    2 => 3,
                    6 => 4,
                    other => panic!("a PNG of colour type {other}"),
                };
                assert_eq!(body[12], 0, "an interlaced PNG");
            }
            b"IDAT" => data.extend_from_slice(body),
            b"IEND" => break,
            _ => {}
        }
        at += 12 + len;
    }
    let mut raw = Vec::new();
    flate2::read::ZlibDecoder::new(&data[..]).read_to_end(&mut raw).unwrap();
    let stride = width * channels;
    let mut rows: Vec<u8> = Vec::with_capacity(stride * height);
    for y in 0..height {
        let line = &raw[y * (stride + 1)..(y + 1) * (stride + 1)];
        let (filter, line) = (line[0], &line[1..]);
        for x in 0..stride {
            let a = if x >= channels { rows[y * stride + x - channels] as i32 } else { 0 };
            let b = if y > 0 { rows[(y - 1) * stride + x] as i32 } else { 0 };
            let c = if x >= channels && y > 0 { rows[(y - 1) * stride + x - channels] as i32 } else { 0 };
            let predicted = match filter {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) / 2,
                4 => {
                    let p = a + b - c;
                    let (pa, pb, pc) = ((p - a).abs(), (p - b).abs(), (p - c).abs());
                    if pa <= pb && pa <= pc {
                        a
                    } else if pb <= pc {
                        b
                    } else {
                        c
                    }
                }
                other => panic!("PNG filter {other}"),
            };
            rows.push((line[x] as i32 + predicted) as u8);
        }
    }
    let pixels = rows
        .chunks(channels)
        .map(|p| if channels == 4 { [p[0], p[1], p[2], p[3]] } else { [p[0], p[1], p[2], 255] })
        .collect();
    Picture { width, height, pixels }
}
