//! QR codes of payment codes: the modules to draw (error correction M) and the text read back
//! from an image, however it was captured (a PNG file, a camera frame, a screenshot).

use qrcode::{Color, EcLevel, QrCode};

/// Light modules around a code, as the QR standard asks.
pub const QUIET_ZONE: usize = 4;

/// A code's modules: `width` × `width`, row by row, `true` for dark.
pub struct Modules {
	pub width: usize,
	pub dark: Vec<bool>,
	/// The QR version (1–40): how large the code is.
	pub version: i16,
}

/// Why text cannot be made into a QR code, or an image read as one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QrError {
	/// The text does not fit one QR code.
	TooLong,
	/// The image is larger than a QR code image needs (more than [`MAX_PIXELS`]).
	TooLarge { width: usize, height: usize },
	/// The pixels are not `width` × `height` of the stated kind.
	BadImage,
	/// No QR code in the image.
	NotFound,
	/// A QR code is there but cannot be read.
	Unreadable,
}

impl core::fmt::Display for QrError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::TooLong => write!(f, "the text is too long for one QR code"),
			Self::TooLarge { width, height } => {
				write!(f, "{width}×{height} pixels is larger than a QR code image needs")
			},
			Self::BadImage => write!(f, "the image's pixels do not match its size"),
			Self::NotFound => write!(f, "no QR code found in the image"),
			Self::Unreadable => {
				write!(f, "a QR code is there but cannot be read: take a sharper image")
			},
		}
	}
}

/// The most pixels an image may have (16 Mpixel): a file may not make a wallet spend unbounded
/// memory.
pub const MAX_PIXELS: usize = 16 * 1024 * 1024;

/// The modules of `text`'s QR code (error correction M).
pub fn modules(text: &str) -> Result<Modules, QrError> {
	let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
		.map_err(|_| QrError::TooLong)?;
	let version = match code.version() {
		qrcode::Version::Normal(version) | qrcode::Version::Micro(version) => version,
	};
	let dark = code.to_colors().into_iter().map(|color| color == Color::Dark).collect();
	Ok(Modules { width: code.width(), dark, version })
}

impl Modules {
	/// Greyscale pixels (0 dark, 255 light), `scale` pixels per module, quiet zone included:
	/// `(side, pixels)`.
	pub fn pixels(&self, scale: usize) -> (usize, Vec<u8>) {
		let side = (self.width + 2 * QUIET_ZONE) * scale;
		let mut pixels = vec![255u8; side * side];
		for (x, y) in self.dark_modules() {
			for row in y * scale..(y + 1) * scale {
				pixels[row * side + x * scale..row * side + (x + 1) * scale].fill(0);
			}
		}
		(side, pixels)
	}

	/// An SVG image (one unit per module, quiet zone included), for a screen.
	pub fn svg(&self) -> String {
		let side = self.width + 2 * QUIET_ZONE;
		let path: String = self.dark_modules().map(|(x, y)| format!("M{x} {y}h1v1h-1z")).collect();
		format!(
			"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" \
			 shape-rendering=\"crispEdges\"><rect width=\"{side}\" height=\"{side}\" \
			 fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>"
		)
	}

	/// The dark modules' positions, quiet zone included.
	fn dark_modules(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
		let width = self.width;
		self.dark
			.iter()
			.enumerate()
			.filter(|(_, dark)| **dark)
			.map(move |(index, _)| (index % width + QUIET_ZONE, index / width + QUIET_ZONE))
	}
}

/// The text of the QR code in a `width` × `height` image whose brightness at `(x, y)` is
/// `luma(x, y)` (0 dark, 255 light).
pub fn read(
	width: usize,
	height: usize,
	luma: impl FnMut(usize, usize) -> u8,
) -> Result<String, QrError> {
	if width.saturating_mul(height) > MAX_PIXELS {
		return Err(QrError::TooLarge { width, height });
	}
	// The decoder has panicked on crafted images: a bad image is an unreadable one (where
	// panics unwind, as in the CLI; a browser's WebAssembly stops the call instead).
	std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
		let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, luma);
		let grids = image.detect_grids();
		if grids.is_empty() {
			return Err(QrError::NotFound);
		}
		grids
			.iter()
			.find_map(|grid| grid.decode().ok().map(|(_, text)| text))
			.ok_or(QrError::Unreadable)
	}))
	.unwrap_or(Err(QrError::Unreadable))
}

/// [`read`] over RGBA pixels (a canvas's `ImageData`, 4 bytes a pixel).
pub fn read_rgba(width: usize, height: usize, rgba: &[u8]) -> Result<String, QrError> {
	if width.saturating_mul(height).saturating_mul(4) != rgba.len() {
		return Err(QrError::BadImage);
	}
	read(width, height, |x, y| {
		let at = (y * width + x) * 4;
		let (r, g, b) = (rgba[at] as u32, rgba[at + 1] as u32, rgba[at + 2] as u32);
		((299 * r + 587 * g + 114 * b) / 1000) as u8
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	const CODE: &str = "RPP2AIARCEIRCEIRCEIRCEIRCEIRCEIRCEIRCEIRCEIRCEIRCEIRCEIRCEOQVWMCRUZWVIFMJ";

	#[test]
	fn drawn_pixels_read_back_and_bad_images_are_refused() {
		let code = modules(CODE).unwrap();
		let (side, grey) = code.pixels(3);
		assert_eq!(read(side, side, |x, y| grey[y * side + x]), Ok(CODE.to_string()));
		let rgba: Vec<u8> = grey.iter().flat_map(|&v| [v, v, v, 255]).collect();
		assert_eq!(read_rgba(side, side, &rgba), Ok(CODE.to_string()));
		assert_eq!(read_rgba(side, side, &rgba[4..]), Err(QrError::BadImage));
		assert_eq!(read(64, 64, |_, _| 255), Err(QrError::NotFound));
		assert_eq!(
			read(5_000, 5_000, |_, _| 255),
			Err(QrError::TooLarge { width: 5_000, height: 5_000 })
		);
		assert_eq!(modules(&"A".repeat(5_000)).err(), Some(QrError::TooLong));
		assert!(code.svg().starts_with("<svg") && code.svg().ends_with("</svg>"));
	}
}
